//! Embed snippet generators: player v7 and legacy v2, dynamic / auto / iframe / thumbnail.
//!
//! URL patterns follow `shared/research/embed-and-anchors.md` §A.1–A.2. Every user value reaches
//! the output only through `crate::escape`.

use crate::host::CdnHost;
use crate::ids::{ElementId, EntryId, PartnerId, PlaylistId, UiConfId};
use crate::ks::Ks;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PlayerVersion {
    #[default]
    V7,
    V2,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmbedType {
    #[default]
    Dynamic,
    Auto,
    Iframe,
    Thumbnail,
}

impl EmbedType {
    pub const ALL: [EmbedType; 4] = [
        EmbedType::Dynamic,
        EmbedType::Auto,
        EmbedType::Iframe,
        EmbedType::Thumbnail,
    ];
    /// Visible name: "Dynamic", "Auto", "IFrame", "Thumbnail".
    pub fn label(self) -> &'static str {
        match self {
            EmbedType::Dynamic => "Dynamic",
            EmbedType::Auto => "Auto",
            EmbedType::Iframe => "IFrame",
            EmbedType::Thumbnail => "Thumbnail",
        }
    }
    /// One line on when to use it.
    pub fn when_to_use(self) -> &'static str {
        todo!()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    Entry(EntryId),
    Playlist(PlaylistId),
}

impl Content {
    pub fn id(&self) -> &str {
        match self {
            Content::Entry(e) => e.as_str(),
            Content::Playlist(p) => p.as_str(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AspectRatio {
    R16x9,
    R4x3,
    R1x1,
    R9x16,
    /// Custom `w:h`, both > 0.
    Custom {
        w: u32,
        h: u32,
    },
}

impl AspectRatio {
    /// (w, h) of the ratio.
    pub fn parts(self) -> (u32, u32) {
        match self {
            AspectRatio::R16x9 => (16, 9),
            AspectRatio::R4x3 => (4, 3),
            AspectRatio::R1x1 => (1, 1),
            AspectRatio::R9x16 => (9, 16),
            AspectRatio::Custom { w, h } => (w, h),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// Full container width, height from the ratio (CSS `aspect-ratio`).
    Responsive(AspectRatio),
    /// Fixed pixels.
    Fixed { width: u32, height: u32 },
}

impl Default for Size {
    fn default() -> Self {
        Size::Responsive(AspectRatio::R16x9)
    }
}

/// Playback options; `None` / `false` leave the option out of the snippet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Playback {
    pub autoplay: bool,
    pub muted: bool,
    /// When autoplay with sound is blocked, start muted instead (v7 `allowMutedAutoPlay`,
    /// v2 `autoPlayFallbackToMute`). Only meaningful with `autoplay`.
    pub muted_autoplay_fallback: bool,
    pub loop_playback: bool,
    /// Seconds.
    pub start: Option<u32>,
    /// Seconds; greater than `start`.
    pub clip_to: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedRequest {
    pub partner: PartnerId,
    pub ui_conf: UiConfId,
    pub content: Content,
    pub version: PlayerVersion,
    pub kind: EmbedType,
    pub host: CdnHost,
    pub size: Size,
    pub playback: Playback,
    /// Custom container id; `None` derives one from the content id.
    pub target_id: Option<ElementId>,
    /// Only when the user opted in to "Include KS in embed code".
    pub ks: Option<Ks>,
}

/// Something the user should know about the generated code (e.g. KS in a URL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// The KS sits in a URL (auto / iframe): referrer, logs, caches.
    KsInUrl,
    /// The KS sits in page source (dynamic / thumbnail).
    KsInPage,
    /// Muted-autoplay fallback is on by default in v7; autoplay with sound may be blocked.
    AutoplayMayBeBlocked,
}

impl Note {
    pub fn message(&self) -> &'static str {
        todo!()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub code: String,
    pub notes: Vec<Note>,
}

impl EmbedRequest {
    /// The container id used in the snippet: custom, else `kaltura_player_<contentid>`
    /// (deterministic; distinct per content, so several snippets on one page don't collide).
    pub fn target_id(&self) -> String {
        todo!()
    }
    /// The player library URL (v7 embedPlaykitJs, v2 embedIframeJs with `/sp/{pid}00/`).
    pub fn library_url(&self) -> String {
        todo!()
    }
}

/// Builds the snippet for the request.
pub fn generate(req: &EmbedRequest) -> Snippet {
    todo!("{req:?}")
}
