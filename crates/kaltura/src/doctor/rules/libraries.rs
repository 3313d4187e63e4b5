//! Page-wide: a player library loaded twice, and v7 libraries of two uiConfs, where the last one
//! replaces `window.KalturaPlayer` together with its uiConf's config (kaltura/server
//! `embedPlaykitJsAction::appendConfig` writes it into the bundle).

use std::collections::HashMap;

use super::{path_number, Finding, Page, Rule};
use crate::embed::PlayerVersion;

pub(super) fn check(page: &Page) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut first_v7_ui: Option<u64> = None;
    for library in &page.libraries {
        let key = library.url.trim().to_ascii_lowercase();
        let line = page.line(library.at);
        if let Some(first) = seen.get(&key) {
            out.push(Finding {
                rule: Rule::LibraryTwice,
                severity: Rule::LibraryTwice.severity(),
                why: format!("The player library on line {line} was already loaded on line {first}: the page downloads it twice and the second copy replaces the first one's KalturaPlayer / kWidget while players may be starting."),
                fix: "Keep one <script src> per library, before the first player.".into(),
                at: library.at,
            });
            continue;
        }
        seen.insert(key.clone(), line);
        if library.version != PlayerVersion::V7 || key.contains("embed_factory") {
            continue;
        }
        let Some(ui) = path_number(&key, "/uiconf_id/") else {
            continue;
        };
        match first_v7_ui {
            None => first_v7_ui = Some(ui),
            Some(first) if first != ui => out.push(Finding {
                rule: Rule::TwoUiConfBundles,
                severity: Rule::TwoUiConfBundles.severity(),
                why: format!("Line {line} loads uiConf {ui}'s player after uiConf {first}'s: each bundle carries its own uiConf's config and replaces window.KalturaPlayer, so players set up after it run with the last one's."),
                fix: "Use one uiConf per page, or load each with ?embed_factory=true and set it up through window.KalturaPlayers[uiConfId] (the React / Vue / ES module code here does).".into(),
                at: library.at,
            }),
            Some(_) => {}
        }
    }
    out
}
