//! A v2 (mwEmbed / kWidget) embed: what its v7 equivalent is, through the page's own migration,
//! and what does not carry over.

use super::{Finding, Player, Rule};
use crate::embed::form::EmbedForm;
use crate::embed::PlayerVersion;
use crate::paste::migrate;

pub(super) fn check(player: &Player, out: &mut Vec<Finding>) {
    if player.found.version != PlayerVersion::V2 {
        return;
    }
    let mut code = player.code.clone();
    // A v7 library beside a kWidget call is the `ids` rule's finding; the call alone is v2.
    let v2_library = player.library.filter(|l| l.version == PlayerVersion::V2);
    if let Some(url) = v2_library.map(|l| l.url.as_str()) {
        code = format!("<script src=\"{url}\"></script>\n{code}");
    }
    let Ok(migration) = migrate(&code, &EmbedForm::default()) else {
        return;
    };
    let mut fix = String::from(
        "Move to player v7: Load into the form, switch Player version to v7 and pick a v7 player.",
    );
    if !migration.not_carried.is_empty() {
        fix.push_str(" Not carried over: ");
        fix.push_str(&migration.not_carried.join(" "));
    }
    out.push(player.finding(
        Rule::LegacyV2,
        "This is the legacy v2 player (mwEmbed / kWidget), which Kaltura no longer develops.",
        fix,
    ));
}
