//! Combinations that do not work: a thumbnail embed of a playlist, a setup call with no library
//! before it, a v2 playlist loop without `autoContinue`, and v2 start/stop times (which v7
//! expresses differently).

use super::{Finding, Page, Player, Rule};
use crate::embed::form::ContentKind;
use crate::embed::{EmbedType, PlayerVersion};
use crate::paste::value_after;

pub(super) fn check(player: &Player, page: &Page, out: &mut Vec<Finding>) {
    let found = player.found;
    let playlist = matches!(player.filled.content, Some((ContentKind::Playlist, _)));
    if found.kind == EmbedType::Thumbnail && playlist {
        let why = match found.version {
            // kaltura/player-scripts thumbnail-embed.ts builds the poster from mediaInfo.entryId.
            PlayerVersion::V7 => "__thumbnailEmbed draws its poster from an entry ID and a playlist has none: the poster is broken and the click fails silently.",
            // thumbnail.php finds no entry for a playlist and serves a 1×1 image.
            PlayerVersion::V2 => "kWidget.thumbEmbed draws a poster of one entry; with only a playlist it shows a blank image.",
        };
        out.push(player.finding(
            Rule::ThumbnailPlaylist,
            why,
            "Use a Dynamic embed for a playlist (KMC offers no thumbnail embed for playlists); the corrected code is one.",
        ));
    }
    if matches!(found.kind, EmbedType::Dynamic | EmbedType::Thumbnail) {
        let library = player.library.filter(|l| l.version == found.version);
        // A v2 call on a v7 library is the `ids` rule's finding.
        if library.is_none() && player.library.is_none() {
            let (api, what) = match found.version {
                PlayerVersion::V7 => ("KalturaPlayer", "embedPlaykitJs"),
                PlayerVersion::V2 => ("kWidget", "embedIframeJs"),
            };
            let beside_iframe = page
                .players
                .iter()
                .any(|p| p.kind == EmbedType::Iframe && p.at < found.at);
            let why = if beside_iframe {
                format!("{api} is undefined here: an IFrame embed loads the player library inside its own frame, not on this page.")
            } else {
                format!("No player library ({what}) is loaded before this call, so {api} is undefined and nothing plays.")
            };
            out.push(player.finding(
                Rule::SetupWithoutLibrary,
                why,
                "Load the library with a <script src> before the call; the corrected code has it.",
            ));
        }
    }
    if found.version == PlayerVersion::V2 {
        let on =
            |keys: &[&str]| value_after(&player.code, keys, |v| v == "true" || v == "1").is_some();
        if playlist && on(&["playlistAPI.loop"]) && !on(&["playlistAPI.autoContinue"]) {
            out.push(player.finding(
                Rule::V2LoopWithoutAutoContinue,
                "playlistAPI.loop acts only when a clip ends and the next one starts, which v2 does only with playlistAPI.autoContinue on (off by default): the playlist stops after one clip.",
                "Add \"playlistAPI.autoContinue\": true next to playlistAPI.loop.",
            ));
        }
        if player.lower.contains("mediaplayto") {
            out.push(player.finding(
                Rule::V2StopInsideTimeline,
                "mediaProxy.mediaPlayFrom / mediaPlayTo start and stop v2 inside the whole timeline; in v7 that is \"Start at\" (sources.startTime), while \"Clip to a segment\" (seekFrom / clipTo) also shortens the duration.",
                "When moving to v7, pick \"Start at\" to keep the whole timeline or \"Clip to a segment\" for a shorter video.",
            ));
        }
    }
}
