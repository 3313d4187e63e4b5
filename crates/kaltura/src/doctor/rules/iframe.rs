//! An iframe embed needs `allow="autoplay *; fullscreen *; encrypted-media *"` (and, for older
//! browsers, `allowfullscreen`), as KMC writes it.

use super::{Finding, Player, Rule};
use crate::doctor::scan::{attribute, has_attribute};
use crate::embed::EmbedType;

const NEEDED: [&str; 3] = ["autoplay", "fullscreen", "encrypted-media"];

pub(super) fn check(player: &Player, out: &mut Vec<Finding>) {
    if player.found.kind != EmbedType::Iframe {
        return;
    }
    let tag = &player.code;
    let allow = attribute(tag, "allow").unwrap_or("").to_ascii_lowercase();
    let missing: Vec<&str> = NEEDED.into_iter().filter(|f| !allow.contains(f)).collect();
    if !missing.is_empty() {
        out.push(player.finding(
            Rule::IframeAllow,
            format!("The iframe does not allow {}: the browser blocks autoplay, the fullscreen button or DRM playback inside it.", missing.join(", ")),
            "Add allow=\"autoplay *; fullscreen *; encrypted-media *\" to the <iframe>.",
        ));
    }
    if !has_attribute(tag, "allowfullscreen") {
        out.push(player.finding(
            Rule::IframeFullscreen,
            "Without allowfullscreen, browsers that predate the allow attribute keep the player out of fullscreen.",
            "Add allowfullscreen (KMC also adds webkitallowfullscreen mozallowfullscreen).",
        ));
    }
}
