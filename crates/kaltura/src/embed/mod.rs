//! Embed snippet generators: player v7 and legacy v2, dynamic / auto / iframe / thumbnail.
//!
//! URL patterns follow `shared/research/embed-and-anchors.md` §A.1–A.2. Every user value reaches
//! the output only through `crate::embed::escape`.

use crate::session::ks::Ks;
use host::CdnHost;
use ids::{ElementId, EntryId, PartnerId, PlaylistId, UiConfId};

pub mod escape;
mod field_parse;
pub mod form;
pub mod frameworks;
pub mod host;
pub mod ids;
mod js_object;
mod ks_fit;
pub mod preview;
mod v2;
mod v7;

pub(crate) use js_object::{Obj, Query, Value};
use v2::{v2_auto, v2_dynamic, v2_iframe, v2_url_params};
use v7::{v7_auto, v7_dynamic, v7_iframe};
pub(crate) use v7::{v7_media_info, v7_setup_config, v7_url_params};

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
        match self {
            EmbedType::Dynamic => "Control the player from JavaScript.",
            EmbedType::Auto => "One script tag; no code to write.",
            EmbedType::Iframe => "No script on your page; no player API.",
            EmbedType::Thumbnail => "A poster; the player loads on click.",
        }
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
    /// `entry` or `playlist`, inside a sentence.
    pub fn noun(&self) -> &'static str {
        match self {
            Content::Entry(_) => "entry",
            Content::Playlist(_) => "playlist",
        }
    }
    /// `Entry` or `Playlist`, as the form's field labels have it.
    pub fn label(&self) -> &'static str {
        match self {
            Content::Entry(_) => "Entry",
            Content::Playlist(_) => "Playlist",
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
    /// Where playback starts, or which part of the media is played.
    pub trim: Trim,
    /// v7 `disableUserCache`: the viewer's saved mute / volume choices do not override this embed's.
    pub ignore_stored_prefs: bool,
}

/// The two meanings a start and end time can have; they differ in what the player shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Trim {
    #[default]
    Whole,
    /// "Start at": playback begins here; the timeline keeps the whole media (v7
    /// `sources.startTime`, v2 `mediaProxy.mediaPlayFrom`).
    StartAt(u32),
    /// "Clip to a segment": the player shows only `from`..`to` (seconds; `to` > `from`), and its
    /// duration is the segment's (v7 `sources.seekFrom` + `sources.clipTo`). v2 has no real clip.
    Clip { from: u32, to: Option<u32> },
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
        match self {
            Note::KsInUrl => "A KS in a URL ends up in logs: use a short-lived one (sview:).",
            Note::KsInPage => "Anyone can copy this KS: use a short-lived one (sview:).",
            Note::AutoplayMayBeBlocked => {
                "Browsers block autoplay with sound: tick \"Fall back to muted autoplay\"."
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub code: String,
    pub notes: Vec<Note>,
}

impl EmbedRequest {
    /// The container id used in the snippet: custom, else `kaltura_player_<contentid>`
    /// (deterministic: snippets for different content on one page don't collide; the same
    /// content twice needs an element ID of its own, as the field's hint says).
    pub fn target_id(&self) -> String {
        match &self.target_id {
            Some(id) => id.as_str().to_string(),
            None => format!("kaltura_player_{}", self.content.id()),
        }
    }
    /// The player library URL (v7 embedPlaykitJs, v2 embedIframeJs with `/sp/{pid}00/`).
    pub fn library_url(&self) -> String {
        let origin = self.host.origin();
        let (pid, ui) = (self.partner, self.ui_conf);
        match self.version {
            PlayerVersion::V7 => format!("{origin}/p/{pid}/embedPlaykitJs/uiconf_id/{ui}"),
            PlayerVersion::V2 => format!(
                "{origin}/p/{pid}/sp/{}/embedIframeJs/uiconf_id/{ui}/partner_id/{pid}",
                self.partner.sub_partner()
            ),
        }
    }

    /// The v7 thumbnail-embed helper script. Kaltura serves it from static.kaltura.com only; a
    /// loopback host (the local simulator) serves a stand-in at the same path, so previews work offline.
    pub fn thumbnail_script_url(&self) -> String {
        if crate::host::is_loopback_authority(self.host.authority()) {
            format!("{}{THUMBNAIL_SCRIPT_PATH}", self.host.origin())
        } else {
            format!("https://static.kaltura.com{THUMBNAIL_SCRIPT_PATH}")
        }
    }

    /// CSS for the player container (and the iframe itself).
    pub(crate) fn container_style(&self) -> String {
        match self.size {
            // A portrait player as wide as a desktop column would be taller than the screen: its
            // width is capped so that it fits the viewport's height.
            Size::Responsive(ratio) => match ratio.parts() {
                (w, h) if h > w => {
                    format!("width:100%;max-width:calc(100vh*{w}/{h});aspect-ratio:{w}/{h}")
                }
                (w, h) => format!("width:100%;aspect-ratio:{w}/{h}"),
            },
            Size::Fixed { width, height } => format!("width:{width}px;height:{height}px"),
        }
    }

    /// Pixel size for APIs that need numbers (v2 auto embed): a responsive player is sized 640 wide.
    fn pixel_size(&self) -> (u32, u32) {
        match self.size {
            Size::Fixed { width, height } => (width, height),
            Size::Responsive(ratio) => {
                let (w, h) = ratio.parts();
                let height = (640u64 * u64::from(h) / u64::from(w.max(1))).clamp(1, 10_000) as u32;
                (640, height)
            }
        }
    }

    fn notes(&self) -> Vec<Note> {
        let mut notes = Vec::new();
        if self.ks.is_some() {
            notes.push(match self.kind {
                EmbedType::Auto | EmbedType::Iframe => Note::KsInUrl,
                EmbedType::Dynamic | EmbedType::Thumbnail => Note::KsInPage,
            });
        }
        let p = &self.playback;
        if p.autoplay && !p.muted && !p.muted_autoplay_fallback {
            notes.push(Note::AutoplayMayBeBlocked);
        }
        notes
    }
}

const THUMBNAIL_SCRIPT_PATH: &str = "/content/static/player-scripts/thumbnail-embed.js";
const IFRAME_ALLOW: &str = "autoplay *; fullscreen *; encrypted-media *";

/// Builds the snippet for the request. Deterministic: no random ids or timestamps (KMC adds a
/// random element id and a `cache_st`; both are left out so the same input gives the same code).
pub fn generate(req: &EmbedRequest) -> Snippet {
    let code = match (req.version, req.kind) {
        (PlayerVersion::V7, EmbedType::Dynamic) => v7_dynamic(req, false),
        (PlayerVersion::V7, EmbedType::Thumbnail) => v7_dynamic(req, true),
        (PlayerVersion::V7, EmbedType::Auto) => v7_auto(req),
        (PlayerVersion::V7, EmbedType::Iframe) => v7_iframe(req),
        (PlayerVersion::V2, EmbedType::Dynamic) => v2_dynamic(req, "embed"),
        (PlayerVersion::V2, EmbedType::Thumbnail) => v2_dynamic(req, "thumbEmbed"),
        (PlayerVersion::V2, EmbedType::Auto) => v2_auto(req),
        (PlayerVersion::V2, EmbedType::Iframe) => v2_iframe(req),
    };
    Snippet {
        code,
        notes: req.notes(),
    }
}

pub(crate) fn container_div(req: &EmbedRequest) -> String {
    format!(
        "<div id=\"{}\" style=\"{}\"></div>\n",
        escape::html(&req.target_id()),
        req.container_style()
    )
}

pub(crate) fn script_src(url: &str) -> String {
    format!("<script src=\"{}\"></script>\n", escape::html(url))
}

fn iframe(req: &EmbedRequest, src: &str) -> String {
    format!(
        "<iframe id=\"{id}\" src=\"{src}\" style=\"{style};border:0\" allow=\"{IFRAME_ALLOW}\" allowfullscreen webkitallowfullscreen mozallowfullscreen frameborder=\"0\" title=\"Kaltura Player\"></iframe>",
        id = escape::html(&req.target_id()),
        src = escape::html(src),
        style = req.container_style(),
    )
}

impl EmbedRequest {
    /// The `src` of this player's iframe embed (whatever `kind` is chosen).
    pub fn iframe_url(&self) -> String {
        let mut q = Query::new();
        q.add("iframeembed", "true");
        match self.version {
            PlayerVersion::V7 => v7_url_params(self, &mut q),
            PlayerVersion::V2 => v2_url_params(self, &mut q),
        }
        q.url(&self.library_url())
    }
}
