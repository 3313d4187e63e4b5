//! Plain-words explanations of what the live preview reports (library load failures, player errors).
//!
//! The preview frame forwards raw facts (a script that failed to load, an error text or a player
//! error payload); this module turns them into the sentence shown to the user.

use crate::embed::{EmbedRequest, PlayerVersion, Size, Trim};

/// The preview frame's size in CSS pixels for an embed of `size`, so the player is seen as the
/// page will show it: a fixed player at its own size (wider than `available` scrolls inside the
/// frame), a responsive one as wide as `available` at its ratio, unless that is taller than
/// `max_height` (a 9:16 player on a wide screen), then as tall as that and narrower.
pub fn frame_size(size: Size, available: u32, max_height: u32) -> (u32, u32) {
    match size {
        Size::Fixed { width, height } => (width, height),
        Size::Responsive(ratio) => {
            let (w, h) = ratio.parts();
            let (w, h, available) = (u64::from(w), u64::from(h), u64::from(available.max(1)));
            let height = available * h / w;
            let (width, height) = if height > u64::from(max_height) {
                (u64::from(max_height) * w / h, u64::from(max_height))
            } else {
                (available, height)
            };
            (width.max(1) as u32, height.max(1) as u32)
        }
    }
}

/// One fact the preview frame reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PreviewEvent {
    /// A `<script src>` of the snippet failed to load.
    ScriptFailed { url: String },
    /// An error text: `console.error`, `window.onerror`, or a player error payload as JSON.
    Error { text: String },
    /// Nothing happened within the time limit.
    TimedOut,
    /// The player is playing (or at least its video element is).
    Playing,
    /// The player loaded its media and waits, paused, for a press on play (Autoplay is off).
    Loaded,
    /// A thumbnail embed shows its poster; the player is built on the first press.
    Poster,
    /// api_v3 answered one of the calls that load the media (`call`, e.g.
    /// `baseEntry.getPlaybackContext`) with the error `code` (e.g. `ENTRY_ID_NOT_FOUND`). The
    /// frame sends the code only, never the message, which may quote a KS.
    ApiError { code: String, call: String },
}

impl PreviewEvent {
    /// A state the preview may stay in (not a problem): a later error or playback replaces it.
    pub fn is_waiting(&self) -> bool {
        matches!(self, PreviewEvent::Loaded | PreviewEvent::Poster)
    }
}

/// What the user reads about the preview.
pub fn explain(event: &PreviewEvent, version: PlayerVersion) -> String {
    match event {
        PreviewEvent::Playing => "The player loaded and is playing.".to_string(),
        PreviewEvent::Loaded => "The player loaded and waits for a press on play (Autoplay is off).".to_string(),
        PreviewEvent::Poster => "The player loaded its thumbnail: press play to start it.".to_string(),
        PreviewEvent::TimedOut => "The player did not start within 20 seconds: check the CDN host, the IDs, and that you are online.".to_string(),
        PreviewEvent::ScriptFailed { url } => format!(
            "The player library did not load from {}: check the CDN host (and that you are online).",
            origin_of(url)
        ),
        PreviewEvent::Error { text } => explain_text(text, version),
        PreviewEvent::ApiError { code, call } => explain_api_error(code, call),
    }
}

/// The preview frame's own script never said it was ready.
pub const FRAME_DID_NOT_START: &str = "The preview frame did not start within 10 seconds: its own \
script was blocked or did not load. Reload this page and try again; if you host the page \
yourself, serve preview.html and preview.js beside it.";

/// What the preview can say about an iframe embed: its player page is on the player host's
/// origin, outside the sandboxed preview frame, and posts nothing to this page.
pub const IFRAME_NOTE: &str = "The iframe embed is shown as is: its player runs on the player host's origin and reports nothing to this page, so the preview cannot tell whether it plays or fails. Watch the frame: a player that keeps loading usually means an unknown Entry ID or the wrong Partner ID (preview the Dynamic type, same IDs, to read the player's error).";

/// The player's media load failed because api_v3 answered `call` with the error `code`.
fn explain_api_error(code: &str, call: &str) -> String {
    // The frame is not trusted to send tidy text: keep what an error code and a call name may hold.
    let code: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .take(60)
        .collect();
    let call: String = call
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
        .take(60)
        .collect();
    let next = match code.as_str() {
        "ENTRY_ID_NOT_FOUND" | "INVALID_ENTRY_ID" => {
            "this partner has no such entry or playlist (a typo, a deleted entry, or another partner's): check the Entry ID (or Playlist ID) in KMC → Content, signed in as this Partner ID"
        }
        "INVALID_KS" => {
            "the KS in the code was rejected (expired, or for another partner): start a new session and copy the code again"
        }
        "SERVICE_FORBIDDEN_CONTENT_BLOCKED" => {
            "the partner is unknown or blocked: check the Partner ID in KMC → Settings → Integration Settings"
        }
        "INVALID_WIDGET_ID" | "START_WIDGET_SESSION_ERROR" => {
            "the player could not start its anonymous session for this partner: check the Partner ID"
        }
        "SERVICE_FORBIDDEN" | "MISSING_KS" => {
            "the player's session may not make this call: if the code includes a KS, start one without setrole and with sview for this entry"
        }
        _ => "check the Partner ID, the Entry ID, and the KS if the code includes one",
    };
    format!("The player failed to load the media: api_v3 answered {code} to {call}, so {next}.")
}

fn explain_text(text: &str, version: PlayerVersion) -> String {
    let t = text.to_ascii_lowercase();
    let has = |needle: &str| t.contains(needle);
    let sentence = if has("missing bundle configuration")
        || (version == PlayerVersion::V7 && has("bundle"))
    {
        "This player ID is not a v7 player (a v2 uiConf in a v7 URL?): pick a v7 player in KMC → Studio, or switch Player version to v2."
    } else if t.trim() == "script error." {
        "The player's script threw an error that the browser hides from this page (the script is on another origin): open the browser's developer console for the message, and check the Partner, Player and Entry IDs."
    } else if has("kalturaplayer is not defined") || has("kwidget is not defined") {
        "The player library did not load: check the CDN host and the Partner and Player IDs."
    } else if has("expired") && (has("invalid_ks") || has("ks")) {
        "The KS has expired: start a new session and copy the code again."
    } else if has("invalid_ks") {
        "The KS was rejected (wrong partner, or not a valid session): start a new session."
    } else if has("service_forbidden_content_blocked") || has("partner is blocked") {
        "The partner is unknown or blocked: check the Partner ID in KMC → Settings → Integration Settings."
    } else if has("session_restricted")
        || has("ks required")
        || has("block_action")
        || has("access control")
    {
        "This entry requires a KS: start a session limited to this entry (sview) and tick \"Include KS in embed code\"."
    } else if has("entry_id_not_found") || has("entry not found") || has("no entry") {
        "The entry was not found for this partner: check the Entry ID (or Playlist ID)."
    } else if has("uiconf") || has("unknown widget") || has("invalid_widget_id") {
        "The player (uiConf) or widget was not found for this partner: check the Player ID and Partner ID."
    } else {
        "The player reported an error"
    };
    if sentence == "The player reported an error" {
        format!("{sentence}: {}", shorten(text))
    } else {
        sentence.to_string()
    }
}

fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map(|i| i + 3).unwrap_or(0);
    match url[after_scheme..].find('/') {
        Some(i) => &url[..after_scheme + i],
        None => url,
    }
}

/// At most 200 characters of a raw error, cut at a character boundary.
fn shorten(text: &str) -> String {
    let mut out: String = text.chars().take(200).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// What the player does with this request that the code does not show, said beside the preview
/// (the deferred module, to keep the first one small):
/// - v7 stored user preferences (mute, volume) win over the config unless `disableUserCache:
///   true` (kaltura-player-js `docs/user-preferences.md`);
/// - v2 has no clip: `mediaProxy.mediaPlayFrom` / `mediaPlayTo` start and stop inside the whole
///   timeline (mwEmbed `docs/api_uivars.php`), unlike v7's `seekFrom` / `clipTo`.
pub fn behaviour_notes(req: &EmbedRequest) -> Vec<&'static str> {
    let p = &req.playback;
    let mut notes = Vec::new();
    if stored_preferences_win(req) {
        notes.push(STORED_PREFERENCES_NOTE);
    }
    if req.version == PlayerVersion::V2 && matches!(p.trim, Trim::Clip { .. }) {
        notes.push(V2_CLIP_NOTE);
    }
    notes
}

pub const STORED_PREFERENCES_NOTE: &str = "Player v7 remembers each viewer's mute and volume and applies them over Muted and Autoplay here: tick \"Ignore viewers' saved settings\" above if this embed must always start as set.";
pub const V2_CLIP_NOTE: &str = "Player v2 has no real clip: it starts and stops at these times (mediaProxy.mediaPlayFrom / mediaPlayTo) but its timeline still shows the whole video. Use player v7 for a clip whose duration is the segment.";

/// Whether [`STORED_PREFERENCES_NOTE`] applies to this request.
pub fn stored_preferences_win(req: &EmbedRequest) -> bool {
    let p = &req.playback;
    req.version == PlayerVersion::V7 && (p.autoplay || p.muted) && !p.ignore_stored_prefs
}
