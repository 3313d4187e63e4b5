//! `readEmbed` and `migrateEmbed`: the page's "Fill the form" and "Migrate v2 → v7" on a pasted
//! embed code, player URL or MediaSpace / Events link, from a blank form.

use kaltura::embed::form::EmbedForm;
use kaltura::paste::{migrate, read, NOTHING_RECOGNISABLE};
use serde::Serialize;

use crate::issues::Rejected;
use crate::options::EmbedOptionsOut;

/// What a paste gave: options ready for `embedCode`, and the page's report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadEmbed {
    pub options: EmbedOptionsOut,
    /// Labels of what was read ("Partner ID", "Embed type", …).
    pub filled: Vec<String>,
    /// What the paste had that is not taken over, and what was not found, in plain words.
    pub not_read: Vec<String>,
    /// The paste holds a KS: a credential (it is never put into the options).
    pub has_ks: bool,
}

/// The page's words when nothing could be read.
pub fn read_embed(text: &str) -> Result<ReadEmbed, Rejected> {
    let filled = read(text);
    let mut form = EmbedForm::default();
    let set = filled.apply(&mut form);
    if set.is_empty() {
        return Err(Rejected::one("text", NOTHING_RECOGNISABLE));
    }
    Ok(ReadEmbed {
        options: EmbedOptionsOut::from(&form),
        filled: set.into_iter().map(str::to_string).collect(),
        not_read: filled.unread(),
        has_ks: filled.has_ks,
    })
}

pub fn migrate_embed(text: &str) -> Result<ReadEmbed, Rejected> {
    let m = migrate(text, &EmbedForm::default()).map_err(|e| Rejected::one("text", e.message()))?;
    Ok(ReadEmbed {
        options: EmbedOptionsOut::from(&m.form),
        filled: m.carried,
        not_read: m.not_carried,
        has_ks: m.has_ks,
    })
}
