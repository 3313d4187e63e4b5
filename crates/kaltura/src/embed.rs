//! Embed snippet generators: player v7 and legacy v2, dynamic / auto / iframe / thumbnail.
//!
//! URL patterns follow `shared/research/embed-and-anchors.md` §A.1–A.2. Every user value reaches
//! the output only through `crate::escape`.

use crate::escape;
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
        match self {
            EmbedType::Dynamic => "Control the player at runtime with its JavaScript API (events, play/pause, switching media).",
            EmbedType::Auto => "The simplest: one script tag builds the player; no code to write.",
            EmbedType::Iframe => "No third-party JavaScript on your page (CMSs, strict CSPs), but no player API either.",
            EmbedType::Thumbnail => "Lightest page load: shows a poster and loads the player only when clicked.",
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
        match self {
            Note::KsInUrl => "The KS sits in a URL: it can leak through the Referer header, server logs and caches. Use a short-lived KS limited to this entry (sview:).",
            Note::KsInPage => "The KS is in the page source: anyone viewing the page can copy it. Use a short-lived USER KS limited to this entry (sview:).",
            Note::AutoplayMayBeBlocked => "Browsers usually block autoplay with sound: tick \"Start muted\" or \"Fall back to muted autoplay\", or expect the player to wait for a click.",
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
        let authority = self.host.authority();
        if authority.starts_with("127.0.0.1") || authority.starts_with("localhost") {
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

/// A value in a generated JS object literal or JSON text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Str(String),
    Num(u64),
    Bool(bool),
    Obj(Obj),
}

/// An ordered object: keys are code constants, values may be user input.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Obj(pub(crate) Vec<(&'static str, Value)>);

impl Obj {
    pub(crate) fn with(mut self, key: &'static str, value: Value) -> Self {
        self.0.push((key, value));
        self
    }
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// A JS object literal, one key per line, indented by `indent` spaces.
    pub(crate) fn to_js(&self, indent: usize) -> String {
        let mut out = String::new();
        self.write_js(indent, &mut out);
        out
    }

    fn write_js(&self, indent: usize, out: &mut String) {
        if self.0.is_empty() {
            out.push_str("{}");
            return;
        }
        out.push_str("{\n");
        for (i, (key, value)) in self.0.iter().enumerate() {
            push_spaces(out, indent + 2);
            if key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                out.push_str(key);
            } else {
                out.push('"');
                out.push_str(key);
                out.push('"');
            }
            out.push_str(": ");
            match value {
                Value::Str(s) => {
                    out.push('"');
                    out.push_str(&escape::js_string(s));
                    out.push('"');
                }
                Value::Num(n) => out.push_str(&n.to_string()),
                Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
                Value::Obj(obj) => obj.write_js(indent + 2, out),
            }
            if i + 1 < self.0.len() {
                out.push(',');
            }
            out.push('\n');
        }
        push_spaces(out, indent);
        out.push('}');
    }

    /// Compact JSON, for `config[...]` URL parameters.
    pub(crate) fn to_json(&self) -> String {
        let mut out = String::from("{");
        for (i, (key, value)) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push('"');
            out.push_str(key);
            out.push_str("\":");
            match value {
                Value::Str(s) => {
                    out.push('"');
                    out.push_str(&escape::js_string(s));
                    out.push('"');
                }
                Value::Num(n) => out.push_str(&n.to_string()),
                Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
                Value::Obj(obj) => out.push_str(&obj.to_json()),
            }
        }
        out.push('}');
        out
    }
}

fn push_spaces(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

/// v7 `playback` section: only what is set. A playlist loops through `playlist.options.loop`
/// instead ([`v7_playlist`]): the player sets each item's own `playback.loop` to false
/// (kaltura-player-js `playlist-manager`).
pub(crate) fn v7_playback(p: &Playback, content: &Content) -> Obj {
    let mut obj = Obj::default();
    if p.autoplay {
        obj = obj.with("autoplay", Value::Bool(true));
    }
    if p.muted {
        obj = obj.with("muted", Value::Bool(true));
    }
    if p.autoplay {
        // v7 falls back to muted autoplay by default; say what the user chose either way.
        obj = obj.with("allowMutedAutoPlay", Value::Bool(p.muted_autoplay_fallback));
    }
    if p.loop_playback && matches!(content, Content::Entry(_)) {
        obj = obj.with("loop", Value::Bool(true));
    }
    obj
}

/// v7 `playlist` section: `options.loop` for a playlist that starts over after its last item.
pub(crate) fn v7_playlist(p: &Playback, content: &Content) -> Obj {
    if p.loop_playback && matches!(content, Content::Playlist(_)) {
        let options = Obj::default().with("loop", Value::Bool(true));
        Obj::default().with("options", Value::Obj(options))
    } else {
        Obj::default()
    }
}

/// v7 `sources` section. A start alone is `startTime` (playback begins there, the media keeps its
/// length); with a clip end both become a real clip, `seekFrom` + `clipTo` (the duration changes).
pub(crate) fn v7_sources(p: &Playback) -> Obj {
    match (p.start, p.clip_to) {
        (Some(start), None) => Obj::default().with("startTime", Value::Num(start.into())),
        (Some(start), Some(end)) => Obj::default()
            .with("seekFrom", Value::Num(start.into()))
            .with("clipTo", Value::Num(end.into())),
        (None, Some(end)) => Obj::default().with("clipTo", Value::Num(end.into())),
        (None, None) => Obj::default(),
    }
}

/// The full v7 setup config for dynamic / thumbnail embeds.
pub(crate) fn v7_setup_config(req: &EmbedRequest) -> Obj {
    let mut provider = Obj::default()
        .with("partnerId", Value::Num(req.partner.get().into()))
        .with("uiConfId", Value::Num(req.ui_conf.get().into()));
    if let Some(ks) = &req.ks {
        provider = provider.with("ks", Value::Str(ks.expose().to_string()));
    }
    let mut config = Obj::default()
        .with("targetId", Value::Str(req.target_id()))
        .with("provider", Value::Obj(provider));
    let playback = v7_playback(&req.playback, &req.content);
    if !playback.is_empty() {
        config = config.with("playback", Value::Obj(playback));
    }
    let sources = v7_sources(&req.playback);
    if !sources.is_empty() {
        config = config.with("sources", Value::Obj(sources));
    }
    let playlist = v7_playlist(&req.playback, &req.content);
    if !playlist.is_empty() {
        config = config.with("playlist", Value::Obj(playlist));
    }
    config
}

/// `{ entryId: "…" }` or `{ playlistId: "…" }`.
pub(crate) fn v7_media_info(content: &Content) -> Obj {
    match content {
        Content::Entry(e) => Obj::default().with("entryId", Value::Str(e.as_str().to_string())),
        Content::Playlist(p) => {
            Obj::default().with("playlistId", Value::Str(p.as_str().to_string()))
        }
    }
}

pub(crate) fn container_div(req: &EmbedRequest) -> String {
    format!(
        "<div id=\"{}\" style=\"{}\"></div>\n",
        escape::html(&req.target_id()),
        req.container_style()
    )
}

fn script_src(url: &str) -> String {
    format!("<script src=\"{}\"></script>\n", escape::html(url))
}

fn v7_dynamic(req: &EmbedRequest, thumbnail: bool) -> String {
    let mut out = container_div(req);
    out.push_str(&script_src(&req.library_url()));
    let media = v7_media_info(&req.content).to_js(4);
    if thumbnail {
        out.push_str(&script_src(&req.thumbnail_script_url()));
        let call = Obj::default()
            .with("config", Value::Obj(v7_setup_config(req)))
            .with("mediaInfo", Value::Obj(v7_media_info(&req.content)));
        out.push_str("<script>\n  try {\n    __thumbnailEmbed(");
        out.push_str(&call.to_js(4));
        out.push_str(");\n");
    } else {
        let load = match req.content {
            Content::Entry(_) => "loadMedia",
            Content::Playlist(_) => "loadPlaylist",
        };
        out.push_str("<script>\n  try {\n    const player = KalturaPlayer.setup(");
        out.push_str(&v7_setup_config(req).to_js(4));
        out.push_str(");\n    player.");
        out.push_str(load);
        out.push('(');
        out.push_str(&media);
        out.push_str(");\n    // From other scripts: KalturaPlayer.getPlayer(\"");
        out.push_str(&escape::js_string(&req.target_id()));
        out.push_str("\") is this player.\n");
    }
    out.push_str("  } catch (e) {\n    console.error(e.message);\n  }\n</script>");
    out
}

/// Query parameters, values URL-encoded; keys are code constants (brackets kept readable, as Kaltura's own snippets do).
pub(crate) struct Query(Vec<(String, String)>);

impl Query {
    pub(crate) fn new() -> Self {
        Query(Vec::new())
    }
    pub(crate) fn add(&mut self, key: impl Into<String>, value: impl Into<String>) -> &mut Self {
        self.0.push((key.into(), value.into()));
        self
    }
    pub(crate) fn url(&self, base: &str) -> String {
        let mut out = String::from(base);
        for (i, (k, v)) in self.0.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(k);
            out.push('=');
            out.push_str(&escape::url_component(v));
        }
        out
    }
}

/// `entry_id` / `playlist_id` and the `config[...]` sections of a v7 auto or iframe URL.
pub(crate) fn v7_url_params(req: &EmbedRequest, q: &mut Query) {
    match &req.content {
        Content::Entry(e) => q.add("entry_id", e.as_str()),
        Content::Playlist(p) => q.add("playlist_id", p.as_str()),
    };
    let playback = v7_playback(&req.playback, &req.content);
    if !playback.is_empty() {
        q.add("config[playback]", playback.to_json());
    }
    let sources = v7_sources(&req.playback);
    if !sources.is_empty() {
        q.add("config[sources]", sources.to_json());
    }
    let playlist = v7_playlist(&req.playback, &req.content);
    if !playlist.is_empty() {
        q.add("config[playlist]", playlist.to_json());
    }
    if let Some(ks) = &req.ks {
        q.add("ks", ks.expose());
    }
}

fn v7_auto(req: &EmbedRequest) -> String {
    let mut q = Query::new();
    q.add("autoembed", "true").add("targetId", req.target_id());
    v7_url_params(req, &mut q);
    let mut out = container_div(req);
    out.push_str(script_src(&q.url(&req.library_url())).trim_end());
    out
}

fn iframe(req: &EmbedRequest, src: &str) -> String {
    format!(
        "<iframe id=\"{id}\" src=\"{src}\" style=\"{style};border:0\" allow=\"{IFRAME_ALLOW}\" allowfullscreen webkitallowfullscreen mozallowfullscreen frameborder=\"0\" title=\"Kaltura Player\"></iframe>",
        id = escape::html(&req.target_id()),
        src = escape::html(src),
        style = req.container_style(),
    )
}

fn v7_iframe(req: &EmbedRequest) -> String {
    iframe(req, &req.iframe_url())
}

/// v2 flashvars (uiVars) for the options that are set.
pub(crate) fn v2_flashvars(req: &EmbedRequest) -> Obj {
    let p = &req.playback;
    let mut vars = Obj::default();
    if let Content::Playlist(id) = &req.content {
        vars = vars.with("playlistAPI.kpl0Id", Value::Str(id.as_str().to_string()));
    }
    // A playlist's own plugin decides: it sets the player's autoplay from `playlistAPI.autoPlay`
    // (default false) and loops the list by `playlistAPI.loop`, where a plain `loop` would
    // replay one clip (mwEmbed `playlistAPI.js`).
    let playlist = matches!(req.content, Content::Playlist(_));
    if p.autoplay {
        let key = if playlist {
            "playlistAPI.autoPlay"
        } else {
            "autoPlay"
        };
        vars = vars.with(key, Value::Bool(true));
        // Written either way: v2 falls back to muted autoplay unless told `false`
        // (mwEmbed `EmbedPlayerNative` shouldAutoPlayMuted).
        vars = vars.with(
            "autoPlayFallbackToMute",
            Value::Bool(p.muted_autoplay_fallback),
        );
    }
    if p.muted {
        vars = vars.with("autoMute", Value::Bool(true));
    }
    if p.loop_playback {
        let key = if playlist { "playlistAPI.loop" } else { "loop" };
        vars = vars.with(key, Value::Bool(true));
    }
    if let Some(start) = p.start {
        vars = vars.with("mediaProxy.mediaPlayFrom", Value::Num(start.into()));
    }
    if let Some(end) = p.clip_to {
        vars = vars.with("mediaProxy.mediaPlayTo", Value::Num(end.into()));
    }
    if let Some(ks) = &req.ks {
        vars = vars.with("ks", Value::Str(ks.expose().to_string()));
    }
    vars
}

fn v2_dynamic(req: &EmbedRequest, function: &str) -> String {
    let mut config = Obj::default()
        .with("targetId", Value::Str(req.target_id()))
        .with("wid", Value::Str(format!("_{}", req.partner)))
        .with("uiconf_id", Value::Num(req.ui_conf.get().into()));
    let vars = v2_flashvars(req);
    if !vars.is_empty() {
        config = config.with("flashvars", Value::Obj(vars));
    }
    if let Content::Entry(e) = &req.content {
        config = config.with("entry_id", Value::Str(e.as_str().to_string()));
    }
    let mut out = container_div(req);
    out.push_str(&script_src(&req.library_url()));
    out.push_str("<script>\n  kWidget.");
    out.push_str(function);
    out.push('(');
    out.push_str(&config.to_js(2));
    out.push_str(");\n</script>");
    out
}

/// `entry_id`, `playerId` and `flashvars[...]` of a v2 auto or iframe URL.
fn v2_url_params(req: &EmbedRequest, q: &mut Query) {
    if let Content::Entry(e) = &req.content {
        q.add("entry_id", e.as_str());
    }
    q.add("playerId", req.target_id());
    for (key, value) in v2_flashvars(req).0 {
        let text = match value {
            Value::Str(s) => s,
            Value::Num(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Obj(o) => o.to_json(),
        };
        q.add(format!("flashvars[{key}]"), text);
    }
}

fn v2_auto(req: &EmbedRequest) -> String {
    let (width, height) = req.pixel_size();
    let mut q = Query::new();
    q.add("autoembed", "true");
    v2_url_params(req, &mut q);
    q.add("width", width.to_string())
        .add("height", height.to_string());
    let mut out = container_div(req);
    out.push_str(script_src(&q.url(&req.library_url())).trim_end());
    out
}

fn v2_iframe(req: &EmbedRequest) -> String {
    iframe(req, &req.iframe_url())
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
