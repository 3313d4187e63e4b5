//! Paste-to-fill and v2 → v7 migration: read IDs and options out of a pasted KMC embed snippet, a
//! player library URL, a KMC preview link or a MediaSpace / Events page URL.
//!
//! Reading is by keyword, not by a full HTML/JS parse: snippets arrive edited, minified, quoted
//! either way, HTML-escaped or URL-encoded, and every value found is validated before use.

use crate::embed::form::{ContentKind, EmbedForm, Field, RatioChoice, SizeMode, TimeMode};
use crate::embed::host::{CdnHost, DEFAULT_CDN_HOST};
use crate::embed::ids::{ElementId, EntryId, PartnerId, PlaylistId, UiConfId};
use crate::embed::{EmbedType, PlayerVersion};

mod fill;
mod migrate;

pub use fill::fill_from_field;
pub use migrate::{migrate, Migration, MigrationError};

/// What was read from a paste; `None` = not found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filled {
    pub partner: Option<String>,
    pub ui_conf: Option<String>,
    pub content: Option<(ContentKind, String)>,
    pub version: Option<PlayerVersion>,
    pub kind: Option<EmbedType>,
    pub cdn_host: Option<String>,
    pub autoplay: bool,
    pub muted: bool,
    pub loop_playback: bool,
    /// v7 `allowMutedAutoPlay` / v2 `autoPlayFallbackToMute` when the paste says it (both
    /// players fall back to muted autoplay unless told `false`).
    pub muted_autoplay_fallback: Option<bool>,
    /// v7 `disableUserCache: true`.
    pub ignore_stored_prefs: bool,
    /// A responsive player's `aspect-ratio: W/H` (or KMC's `padding-top` / `margin-top` in %
    /// for 16:9, 4:3, 1:1 and 9:16).
    pub ratio: Option<(RatioChoice, String)>,
    pub start: Option<String>,
    pub clip_to: Option<String>,
    /// v7 `seekFrom` / `clipTo` (and v2 `mediaPlayTo`) are a clip; `startTime` / `mediaPlayFrom` alone a start.
    pub time_mode: Option<TimeMode>,
    pub size: Option<(String, String)>,
    /// Width given in % (KMC's "Responsive": `width: 100%; height: 100%`): not a pixel size.
    pub responsive: bool,
    /// The player's container id (`targetId`, `playerId`, or the element's `id`).
    pub target_id: Option<String>,
    /// v2 flashvars found, by name (for the migration report).
    pub flashvars: Vec<String>,
    /// What the paste had that this page does not take over, in plain words.
    pub not_read: Vec<String>,
    /// The paste holds a KS (a credential: the page empties its paste box).
    pub has_ks: bool,
}

/// HTML entities and one level of percent-encoding undone, so keys and values read the same
/// whether the snippet came from an attribute, a script or a URL.
pub(crate) fn normalise(text: &str) -> String {
    let unescaped = text
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    crate::percent::decode_lossy(&unescaped)
}

fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-'
}

/// The first value after any of `keys` (skipping `:`, `=`, `/`, quotes and spaces) that `accept`s.
pub(crate) fn value_after(
    text: &str,
    keys: &[&str],
    accept: impl Fn(&str) -> bool,
) -> Option<String> {
    for key in keys {
        let mut from = 0;
        while let Some(pos) = text[from..].find(key) {
            let start = from + pos + key.len();
            let rest = text[start..]
                .trim_start_matches(|c: char| c.is_whitespace() || "\"':=/[]".contains(c));
            // Bounded: no ID is this long, and a run of keys glued together must not be
            // re-read from each of them (that would be quadratic).
            let token: String = rest
                .chars()
                .take_while(|c| is_token_char(*c))
                .take(MAX_TOKEN)
                .collect();
            if !token.is_empty() && accept(&token) {
                return Some(token);
            }
            from = start;
        }
    }
    None
}

/// The longest value read after a key (a KS is a few hundred characters).
const MAX_TOKEN: usize = 1024;

/// `text[at..]`, at most `len` bytes of it (cut on a char boundary).
pub(crate) fn window(text: &str, at: usize, len: usize) -> &str {
    let mut end = (at + len).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[at..end]
}

/// Whether a `ks` key (`ks=`, `ks:`, `"ks"`, `[ks]`; not the end of a longer name such as
/// `callbacks:`) has a KS-length value.
fn holds_ks(text: &str) -> bool {
    text.match_indices("ks").any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + 2..].chars().next();
        let key_start = !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
        let key_end = matches!(after, Some('=' | ':' | '"' | '\'' | ']'));
        // Only this key's own value: a window, so each `ks` is read once.
        key_start
            && key_end
            && value_after(window(text, at, 64 + MAX_TOKEN), &["ks"], |v| v.len() > 20).is_some()
    })
}

/// True when `key` is followed (after separators) by `true` or `1`.
fn flag(text: &str, keys: &[&str]) -> bool {
    value_after(text, keys, |v| v == "true" || v == "1").is_some()
}

fn number(v: &str) -> bool {
    !v.is_empty() && v.len() <= 10 && v.bytes().all(|b| b.is_ascii_digit())
}

/// What a paste that sets nothing is told (the paste helper and the module's `readEmbed`).
pub const NOTHING_RECOGNISABLE: &str =
    "Nothing recognisable: paste a KMC embed code, a player URL, or a MediaSpace / Events link.";

/// Reads whatever it can from `pasted`.
pub fn read(pasted: &str) -> Filled {
    let text = normalise(pasted);
    let lower = text.to_ascii_lowercase();
    let mut f = Filled::default();
    let pid_ok = |v: &str| PartnerId::parse(v).is_ok();
    let ui_ok = |v: &str| UiConfId::parse(v).is_ok();
    let id_ok = |v: &str| EntryId::parse(v).is_ok();

    f.partner = value_after(
        &text,
        &[
            "/partner_id",
            "partner_id",
            "partnerId",
            "/p",
            "wid",
            "widgetId",
        ],
        |v| pid_ok(v.trim_start_matches('_')),
    )
    .map(|v| v.trim_start_matches('_').to_string())
    .or_else(|| portal_partner(&lower));
    f.ui_conf = value_after(&text, &["uiconf_id", "uiConfId", "uiconfId"], ui_ok);
    let playlist = value_after(
        &text,
        &["playlist_id", "playlistId", "playlistAPI.kpl0Id"],
        |v| PlaylistId::parse(v).is_ok(),
    );
    let entry = value_after(
        &text,
        &["entry_id", "entryId", "/id/", "/entry/", "entryid"],
        id_ok,
    )
    .or_else(|| media_page_entry(&text));
    f.content = match (entry, playlist) {
        (_, Some(p)) => Some((ContentKind::Playlist, p)),
        (Some(e), None) => Some((ContentKind::Entry, e)),
        (None, None) => None,
    };

    let v7 = lower.contains("embedplaykitjs")
        || lower.contains("kalturaplayer.setup")
        || lower.contains("__thumbnailembed");
    let v2 = lower.contains("embediframejs")
        || lower.contains("kwidget")
        || lower.contains("mwembed")
        || lower.contains("/kwidget/");
    f.version = match (v7, v2) {
        (true, _) => Some(PlayerVersion::V7),
        (false, true) => Some(PlayerVersion::V2),
        _ => None,
    };
    f.kind = if lower.contains("iframeembed=true") {
        Some(EmbedType::Iframe)
    } else if lower.contains("autoembed=true") {
        Some(EmbedType::Auto)
    } else if lower.contains("__thumbnailembed") || lower.contains("kwidget.thumbembed") {
        Some(EmbedType::Thumbnail)
    } else if lower.contains("kalturaplayer.setup") || lower.contains("kwidget.embed") {
        Some(EmbedType::Dynamic)
    } else {
        preview_link_kind(&lower)
    };
    if lower.contains("<object") || lower.contains("application/x-shockwave-flash") {
        f.kind = Some(EmbedType::Dynamic);
        f.not_read
            .push("Flash <object> embed: Flash is gone; the equivalent is a dynamic embed.".into());
    }
    f.cdn_host = library_host(&text);

    // `playlistAPI.autoPlay` / `playlistAPI.loop`: a v2 playlist's own (see `embed::v2_flashvars`).
    f.autoplay = flag(&text, &["autoplay", "autoPlay"]);
    f.muted = flag(&text, &["muted", "autoMute"]);
    f.loop_playback = flag(
        &text,
        &["\"loop\"", "loop:", "[loop]", "loop=", "playlistAPI.loop"],
    );
    f.ignore_stored_prefs = flag(&text, &["disableUserCache"]);
    let fallback_keys = ["allowMutedAutoPlay", "autoPlayFallbackToMute"];
    f.muted_autoplay_fallback = value_after(&text, &fallback_keys, |v| {
        matches!(v, "true" | "false" | "1" | "0")
    })
    .map(|v| v == "true" || v == "1");
    if value_after(&text, &["autoplay", "autoPlay"], |v| v == "inview").is_some() {
        f.not_read.push(
            "autoplay: \"inview\" (play once scrolled into view): not offered here, so Autoplay \
             is off; add it to the v7 config by hand if you need it."
                .into(),
        );
    }
    let clip_from = value_after(&text, &["seekFrom", "kalturaSeekFrom"], number);
    let start_at = value_after(&text, &["startTime", "mediaPlayFrom"], number);
    f.clip_to = value_after(
        &text,
        &["clipTo", "mediaPlayTo", "kalturaClipTo", "kalturaEndTime"],
        number,
    );
    f.time_mode = if clip_from.is_some() || f.clip_to.is_some() {
        Some(TimeMode::Clip)
    } else {
        start_at.as_ref().map(|_| TimeMode::StartAt)
    };
    f.start = clip_from.or(start_at);
    f.responsive = relative_width(&lower);
    f.ratio = f.responsive.then(|| aspect_ratio(&lower)).flatten();
    let pixels = |v: &str| number(v.trim_end_matches("px"));
    let width = value_after(&text, &["width:", "width=", "\"width\""], pixels)
        .map(|v| v.trim_end_matches("px").to_string());
    let height = value_after(&text, &["height:", "height=", "\"height\""], pixels)
        .map(|v| v.trim_end_matches("px").to_string());
    f.size = width.zip(height).filter(|_| !f.responsive);
    // The page's own default (`kaltura_player_<content id>`) is no choice to carry.
    let default_target = f
        .content
        .as_ref()
        .map(|(_, id)| format!("kaltura_player_{id}"));
    f.target_id = value_after(&text, &["targetId", "playerId", " id="], |v| {
        ElementId::parse(v).is_ok()
    })
    .filter(|id| Some(id) != default_target.as_ref());

    f.flashvars = flashvar_names(&text);
    if holds_ks(&text) {
        f.has_ks = true;
        f.not_read.push(
            "A KS: it is not copied, and the paste box is emptied; start a session here and opt \
             it in if you need one."
                .into(),
        );
    }
    if let Some(widget) = value_after(&text, &["widgetId", "\"wid\"", "wid:"], |v| {
        v.len() > 1 && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    })
    .filter(|w| f.partner.as_ref().is_none_or(|p| *w != format!("_{p}")))
    {
        f.not_read.push(format!(
            "widgetId {widget}: not carried; this page embeds with the partner's default widget \
             (_<Partner ID>). Add the widget ID to the code by hand if the account needs it."
        ));
    }
    if lower.contains("entrytitle") {
        f.not_read
            .push("entryTitle: not needed; the player reads the title itself.".into());
    }
    if lower.contains("cache_st") {
        f.not_read
            .push("cache_st: a cache-buster KMC adds; left out so the code stays the same.".into());
    }
    f
}

/// A `width` (not `max-width` / `min-width`) given in %, as in `width: 100%` or `width="100%"`.
fn relative_width(lower: &str) -> bool {
    lower.match_indices("width").any(|(at, key)| {
        let property = !lower[..at].ends_with('-');
        let value = lower[at + key.len()..]
            .trim_start_matches(|c: char| c.is_whitespace() || ":=\"'".contains(c));
        let digits = value.len() - value.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        property && digits > 0 && value[digits..].starts_with('%')
    })
}

/// `aspect-ratio: W/H` (`W / H`, one number for `W/1`, decimals, an `auto` before it), or the
/// padding / margin percentage of KMC's responsive box, for a ratio the form has a choice for
/// (or a custom one of whole numbers). Lower-cased text. Fixed-point integers, not floats: float
/// parsing and printing would add tens of KB to the module.
fn aspect_ratio(lower: &str) -> Option<(RatioChoice, String)> {
    // A ratio w:h (scaled alike) against each preset choice, within 1 %.
    let preset_for = |w: u128, h: u128| {
        [
            RatioChoice::R16x9,
            RatioChoice::R4x3,
            RatioChoice::R1x1,
            RatioChoice::R9x16,
        ]
        .into_iter()
        .find(|choice| {
            choice.preset().is_some_and(|ratio| {
                let (pw, ph) = ratio.parts();
                let (a, b) = (w * u128::from(ph), h * u128::from(pw));
                a.abs_diff(b) * 100 <= b
            })
        })
    };
    let declared = lower.find("aspect-ratio").and_then(|at| {
        let value = lower[at + "aspect-ratio".len()..]
            .trim_start_matches([' ', ':', '"', '\''])
            .trim_start_matches("auto")
            .trim_start();
        let (w, len) = fixed_point(value)?;
        let rest = value[len..].trim_start();
        let h = match rest.strip_prefix('/') {
            Some(h) => fixed_point(h.trim_start())?.0,
            None => FIXED_ONE,
        };
        match preset_for(u128::from(w), u128::from(h)) {
            Some(choice) => Some((choice, String::new())),
            // A custom ratio the form can hold: whole numbers within its range.
            None if w % FIXED_ONE == 0 && h % FIXED_ONE == 0 => {
                let (w, h) = (w / FIXED_ONE, h / FIXED_ONE);
                (w <= 10_000 && h <= 10_000).then(|| (RatioChoice::Custom, format!("{w}:{h}")))
            }
            None => None,
        }
    });
    declared.or_else(|| {
        let percent = ["padding-top", "padding-bottom", "margin-top"]
            .iter()
            .find_map(|key| {
                let at = lower.find(key)?;
                let value = lower[at + key.len()..].trim_start_matches([' ', ':']);
                let (percent, len) = fixed_point(value)?;
                value[len..]
                    .trim_start()
                    .starts_with('%')
                    .then_some(percent)
            })?;
        // A box `percent` % as tall as it is wide: w:h = 100 : percent.
        preset_for(100 * u128::from(FIXED_ONE), u128::from(percent))
            .map(|choice| (choice, String::new()))
    })
}

/// 1 in [`fixed_point`]'s scale.
const FIXED_ONE: u64 = 10_000;

/// The number `s` starts with (digits, then an optional `.` and up to 4 decimals read), times
/// [`FIXED_ONE`], and how many bytes it took; `None` for no number, 0, or one too large.
fn fixed_point(s: &str) -> Option<(u64, usize)> {
    let whole_len = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let whole: u64 = s[..whole_len].parse().ok().filter(|n| *n <= 1_000_000)?;
    let mut value = whole * FIXED_ONE;
    let mut len = whole_len;
    if let Some(decimals) = s[whole_len..].strip_prefix('.') {
        let digits = decimals.len()
            - decimals
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        let mut scale = FIXED_ONE / 10;
        for d in decimals.bytes().take(digits.min(4)) {
            value += u64::from(d - b'0') * scale;
            scale /= 10;
        }
        len += 1 + digits;
    }
    (value > 0).then_some((value, len))
}

/// KMC's standalone preview link ends in `/embed/{dynamic|iframe|auto|thumb}`.
fn preview_link_kind(lower: &str) -> Option<EmbedType> {
    let at = lower.find("extwidget/preview")?;
    let kind = lower[at..].split("/embed/").nth(1)?;
    let kind = kind.split(['/', '?', '#', '"', '\'', ' ']).next()?;
    match kind {
        "dynamic" => Some(EmbedType::Dynamic),
        "iframe" => Some(EmbedType::Iframe),
        "auto" => Some(EmbedType::Auto),
        "thumb" | "thumbnail" => Some(EmbedType::Thumbnail),
        _ => None,
    }
}

/// `https://123456.mediaspace.kaltura.com/…` or `https://123456-1.events.kaltura.com/…`.
fn portal_partner(lower: &str) -> Option<String> {
    for domain in [".mediaspace.kaltura.com", ".events.kaltura.com"] {
        if let Some(end) = lower.find(domain) {
            let start = lower[..end].rfind("//").map(|i| i + 2)?;
            let label = &lower[start..end];
            let pid = label.split('-').next()?;
            if PartnerId::parse(pid).is_ok() {
                return Some(pid.to_string());
            }
        }
    }
    None
}

/// MediaSpace entry pages end in `/media/<title>/<entry id>`.
fn media_page_entry(text: &str) -> Option<String> {
    let at = text.find("/media/")?;
    text[at..]
        .split(['/', '?', '#', '"', '\'', ' '])
        .find(|part| EntryId::parse(part).is_ok())
        .map(str::to_string)
}

/// The host of the player library URL (`/p/<partner>/…embed…`; KMC's SEO markup puts a
/// thumbnail URL on another host first), unless it is the SaaS default.
fn library_host(text: &str) -> Option<String> {
    let urls = text.match_indices("/p/").map(|(at, _)| at);
    let url_rest = |at: usize| {
        let end = text[at..]
            .find(|c: char| c.is_whitespace() || "\"'<>".contains(c))
            .map_or(text.len(), |i| at + i);
        text[at..end].to_ascii_lowercase()
    };
    let at = urls
        .clone()
        .find(|&at| url_rest(at).contains("embed"))
        .or_else(|| {
            urls.clone()
                .find(|&at| !url_rest(at).contains("/thumbnail/"))
        })?;
    let before = &text[..at];
    let start = before.rfind("//")?;
    let scheme = before[..start]
        .strip_suffix(':')
        .unwrap_or(&before[..start]);
    let scheme_start = scheme
        .rfind(|c: char| !c.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    let origin = &text[scheme_start..at];
    let host = CdnHost::parse(origin).ok()?;
    (host.authority() != DEFAULT_CDN_HOST).then(|| host.origin())
}

/// Names inside `flashvars[...]` or the keys of a `flashvars: { … }` object.
fn flashvar_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut push = |name: &str| {
        let name = name.trim().trim_matches(|c| c == '"' || c == '\'');
        if !name.is_empty() && name.chars().all(is_token_char) && !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    };
    let mut rest = text;
    while let Some(i) = rest.find("flashvars[") {
        rest = &rest[i + 10..];
        if let Some(end) = rest.find(']') {
            push(&rest[..end]);
        }
    }
    if let Some(i) = text.find("flashvars") {
        let after = &text[i..];
        if let (Some(open), Some(close)) = (after.find('{'), after.find('}')) {
            if open < close {
                for item in after[open + 1..close].split(',') {
                    if let Some((key, _)) = item.split_once(':') {
                        push(key);
                    }
                }
            }
        }
    }
    names
}
