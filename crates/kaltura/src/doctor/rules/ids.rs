//! IDs in the code: entry and playlist IDs in Kaltura's form, one partner ID throughout, the v2
//! Sub Partner path `/sp/<partner>00/`, and the player (uiConf) the script and `setup()` name.

use super::{path_number, Finding, Player, Rule};
use crate::embed::ids::{EntryId, PlaylistId};
use crate::embed::PlayerVersion;
use crate::paste::value_after;

fn is_value(v: &str) -> bool {
    !v.is_empty() && v.len() <= 64
}

pub(super) fn check(player: &Player, out: &mut Vec<Finding>) {
    check_ids(player, out);
    check_partner(player, out);
    check_ui_conf(player, out);
}

fn check_ids(player: &Player, out: &mut Vec<Finding>) {
    let entry = value_after(&player.code, &["entry_id", "entryId"], is_value);
    if let Some(id) = entry.filter(|id| EntryId::parse(id).is_err()) {
        out.push(player.finding(
            Rule::MalformedId,
            format!("\"{id}\" is not an entry ID: Kaltura's look like 1_abcd1234 (a digit, an underscore, 8 letters or digits), so the player reports the entry as not found."),
            "Copy the entry ID from KMC → Content → the entry's page.",
        ));
    }
    let playlist = value_after(
        &player.code,
        &["playlist_id", "playlistId", "kpl0Id"],
        is_value,
    );
    if let Some(id) = playlist.filter(|id| PlaylistId::parse(id).is_err()) {
        out.push(player.finding(
            Rule::MalformedId,
            format!("\"{id}\" is not a playlist ID: Kaltura's look like 0_abcd1234, so the playlist does not load."),
            "Copy the playlist ID from KMC → Content → Playlists.",
        ));
    }
}

fn check_partner(player: &Player, out: &mut Vec<Finding>) {
    let Some(url) = &player.url else {
        return;
    };
    let Some(path_partner) = path_number(url, "/p/") else {
        return;
    };
    let named = value_after(
        &player.code,
        &["partnerId", "partner_id", "\"wid\"", "wid:", "wid="],
        |v| {
            v.trim_start_matches('_')
                .bytes()
                .all(|b| b.is_ascii_digit())
                && v.len() > 1
        },
    )
    .and_then(|v| v.trim_start_matches('_').parse::<u64>().ok())
    .or_else(|| path_number(url, "/partner_id/"));
    if let Some(named) = named.filter(|n| *n != path_partner) {
        out.push(player.finding(
            Rule::PartnerMismatch,
            format!("The URL's path is for partner {path_partner} but the code names partner {named}: the player loads one account's player and asks for another's content, which fails."),
            "Use one Partner ID everywhere (KMC → Settings → Integration Settings).",
        ));
    }
    if let Some(sp) = path_number(url, "/sp/") {
        if sp != path_partner * 100 {
            out.push(player.finding(
                Rule::SubPartnerPath,
                format!("The v2 path has /sp/{sp}/, but the Sub Partner ID is always the Partner ID × 100 ({}); some CDN paths fail with another.", path_partner * 100),
                format!("Write /sp/{}00/.", path_partner),
            ));
        }
    }
}

fn check_ui_conf(player: &Player, out: &mut Vec<Finding>) {
    let Some(url) = &player.url else {
        return;
    };
    let v7_url = url.to_ascii_lowercase().contains("embedplaykitjs");
    if v7_url && player.found.version == PlayerVersion::V2 {
        out.push(player.finding(
            Rule::V2OnV7Library,
            "kWidget is the v2 player's API, but this page loads the v7 library (embedPlaykitJs), which does not define it; if the uiConf is a v2 player, the v7 URL fails with \"Missing bundle configuration\".",
            "Either load the v2 library (embedIframeJs) for this kWidget call, or rewrite it as v7: KalturaPlayer.setup with a v7 player (Load into the form shows the v7 code).",
        ));
        return;
    }
    if v7_url && player.lower.contains("flashvars[") {
        out.push(player.finding(
            Rule::V2OnV7Library,
            "flashvars[...] are v2 options: the v7 URL ignores them, and a v2 uiConf in a v7 URL fails with \"Missing bundle configuration\" (which uiConf this is cannot be told offline).",
            "Use a v7 player (KMC → Studio) and v7 options (config[playback]…); Load into the form writes them.",
        ));
    }
    let Some(script_ui) = path_number(url, "/uiconf_id/") else {
        return;
    };
    let setup_ui = value_after(&player.code, &["uiConfId", "uiconf_id"], |v| {
        v.bytes().all(|b| b.is_ascii_digit()) && v.len() <= 12
    })
    .and_then(|v| v.parse::<u64>().ok());
    if let Some(setup_ui) = setup_ui.filter(|ui| *ui != script_ui && player.found.url.is_none()) {
        out.push(player.finding(
            Rule::UiConfMismatch,
            format!("setup() names uiConf {setup_ui} but the library loaded is uiConf {script_ui}'s: the player runs with {script_ui}'s plugins and settings."),
            format!("Load the library of uiConf {setup_ui} (…/uiconf_id/{setup_ui}) or set uiConfId to {script_ui}."),
        ));
    }
}
