//! v2 → v7 migration: a pasted v2 embed read into the v7 form, with what carried over and what did not.

use super::*;

/// v2 flashvars with a v7 equivalent this page writes.
const CARRIED_FLASHVARS: [&str; 10] = [
    "autoPlay",
    "autoMute",
    "loop",
    "playlistAPI.autoPlay",
    "playlistAPI.loop",
    "mediaProxy.mediaPlayFrom",
    "mediaProxy.mediaPlayTo",
    "playlistAPI.kpl0Id",
    "autoPlayFallbackToMute",
    "playlistAPI.autoContinue",
];

/// A v2 embed turned into the v7 form, with what carried over and what did not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    pub form: EmbedForm,
    pub carried: Vec<String>,
    pub not_carried: Vec<String>,
    /// The v2 embed held a KS (see [`Filled::has_ks`]).
    pub has_ks: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrationError {
    /// The paste is a v7 embed already, or not an embed this page recognises.
    NotV2,
}

impl MigrationError {
    pub fn message(&self) -> &'static str {
        "This does not look like a v2 embed (kWidget, embedIframeJs or mwEmbed): paste it with “Fill the form” instead."
    }
}

/// Reads a v2 embed and gives the v7 equivalent. The v2 player ID is not kept: a v2 uiConf in a
/// v7 URL fails with "Missing bundle configuration", so the form asks for a v7 player instead.
pub fn migrate(v2_snippet: &str, start_from: &EmbedForm) -> Result<Migration, MigrationError> {
    let filled = read(v2_snippet);
    if filled.version != Some(PlayerVersion::V2) {
        return Err(MigrationError::NotV2);
    }
    let mut form = start_from.clone();
    // The v2 player ID is read, then not kept (below): it is not reported as filled.
    let carried: Vec<String> = filled
        .apply(&mut form)
        .into_iter()
        .filter(|label| *label != "Player ID")
        .map(str::to_string)
        .collect();
    form.version = PlayerVersion::V7;
    form.ui_conf = String::new();
    let mut not_carried = vec![
        "The v2 Player ID: v7 needs a v7 player (KMC → Studio); a v2 uiConf fails in a v7 URL with \"Missing bundle configuration\".".to_string(),
    ];
    // v2 starts and stops inside the whole timeline; Kaltura's own converter (player-scripts
    // `v2-to-v7/utils/flashvars-handler.ts`) maps `mediaPlayFrom` to `sources.startTime`: "Start
    // at". A v7 clip would change the duration, so `mediaPlayTo` is not turned into one.
    form.time_mode = TimeMode::StartAt;
    let carried = if form.clip_to.is_empty() {
        carried
    } else {
        form.clip_to.clear();
        not_carried.push("mediaProxy.mediaPlayTo (stop at a time): v7 has no documented stop inside the whole timeline; choose \"Clip to a segment\" if a video as long as the segment is fine.".to_string());
        carried
            .into_iter()
            .filter(|label| label != "Clip to")
            .collect()
    };
    for name in &filled.flashvars {
        if !CARRIED_FLASHVARS.contains(&name.as_str()) && name != "ks" {
            not_carried.push(format!("flashvars {name}: no v7 setting here; set it in the v7 player's Studio configuration."));
        }
    }
    not_carried.extend(filled.not_read);
    Ok(Migration {
        form,
        carried,
        not_carried,
        has_ks: filled.has_ks,
    })
}
