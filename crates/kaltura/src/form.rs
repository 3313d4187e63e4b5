//! The embed form as the user typed it (raw strings) and its evaluation into a snippet or field problems.
//!
//! The page keeps an `EmbedForm` in its reducer and calls `evaluate` on every keystroke; it never
//! builds snippet text itself.

use crate::embed::{EmbedType, PlayerVersion, Snippet};
use crate::ks::Ks;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ContentKind {
    #[default]
    Entry,
    Playlist,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SizeMode {
    #[default]
    Responsive,
    Fixed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RatioChoice {
    #[default]
    R16x9,
    R4x3,
    R1x1,
    R9x16,
    Custom,
}

/// Every input of the embed form, as typed. `Default` is the initial page state
/// (v7, Dynamic, Entry, responsive 16:9, default CDN host, everything else empty/off).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmbedForm {
    pub partner: String,
    pub ui_conf: String,
    pub content_kind: ContentKind,
    pub content_id: String,
    pub version: PlayerVersion,
    pub kind: EmbedType,
    /// Empty means the default `cdnapisec.kaltura.com`.
    pub cdn_host: String,
    pub size_mode: SizeMode,
    pub ratio: RatioChoice,
    /// `w:h` (also accepts `w/h`, `wxh`), used when `ratio == Custom`.
    pub custom_ratio: String,
    /// Pixels, used when `size_mode == Fixed`.
    pub width: String,
    pub height: String,
    pub autoplay: bool,
    pub muted: bool,
    pub muted_autoplay_fallback: bool,
    pub loop_playback: bool,
    /// Seconds or `m:ss` / `h:mm:ss`; empty = left out.
    pub start: String,
    pub clip_to: String,
    /// Empty = derived from the content id.
    pub target_id: String,
    /// The user's opt-in to put the session KS into the snippet.
    pub include_ks: bool,
}

/// Fields that can carry a problem message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Partner,
    UiConf,
    ContentId,
    CdnHost,
    CustomRatio,
    Width,
    Height,
    Start,
    ClipTo,
    TargetId,
}

impl Field {
    /// The visible label, e.g. "Partner ID", "Player ID (uiConf ID)", "Entry ID" / "Playlist ID".
    pub fn label(self, kind: ContentKind) -> &'static str {
        todo!("{kind:?}")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Required and empty: listed in the code block as missing; shown at the field once touched.
    Missing,
    /// Typed but invalid: shown at the field at once, no snippet.
    Invalid,
    /// Valid but worth knowing (e.g. cdnapi over https); the snippet is still produced.
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: Field,
    pub severity: Severity,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// `Some` only when no problem is Missing or Invalid.
    pub snippet: Option<Snippet>,
    pub problems: Vec<Problem>,
}

impl Evaluation {
    /// The first Missing/Invalid/Warning message for a field, for its `aria-describedby` text.
    pub fn problem(&self, field: Field) -> Option<&Problem> {
        self.problems.iter().find(|p| p.field == field)
    }
    /// What the code block shows instead of a snippet, e.g.
    /// "Still needed: Partner ID, Entry ID.\nFix: Player ID (uiConf ID) — …".
    pub fn placeholder(&self) -> String {
        todo!()
    }
}

/// Validates the form and generates the snippet. `ks` is used only when `form.include_ks`.
pub fn evaluate(form: &EmbedForm, ks: Option<&Ks>) -> Evaluation {
    todo!("{form:?}{ks:?}")
}
