//! The embed form as the user typed it (raw strings) and its evaluation into a snippet or field problems.
//!
//! The page keeps an `EmbedForm` in its reducer and calls `evaluate` on every keystroke; it never
//! builds snippet text itself.

pub use crate::embed::field_parse::parse_time;
use crate::embed::field_parse::{parse_pixels, parse_ratio, MAX_PIXELS};
use crate::embed::host::CdnHost;
use crate::embed::ids::{ElementId, EntryId, IdError, PartnerId, PlaylistId, UiConfId};
use crate::embed::ks_fit::ks_fits;
use crate::embed::{
    generate, AspectRatio, Content, EmbedRequest, EmbedType, Playback, PlayerVersion, Size,
    Snippet, Trim,
};
use crate::session::ks::Ks;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ContentKind {
    #[default]
    Entry,
    Playlist,
}

/// What the start / end times mean (see [`Trim`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TimeMode {
    /// "Start at": the whole video, playback begins at Start at (Clip to is not used).
    #[default]
    StartAt,
    /// "Clip to a segment": only Start at … Clip to is played, and is the player's duration.
    Clip,
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

impl RatioChoice {
    /// The ratio of a preset choice; `None` for `Custom` (its ratio is typed).
    pub fn preset(self) -> Option<AspectRatio> {
        match self {
            RatioChoice::R16x9 => Some(AspectRatio::R16x9),
            RatioChoice::R4x3 => Some(AspectRatio::R4x3),
            RatioChoice::R1x1 => Some(AspectRatio::R1x1),
            RatioChoice::R9x16 => Some(AspectRatio::R9x16),
            RatioChoice::Custom => None,
        }
    }
}

/// Every input of the embed form, as typed. `Default` is the initial page state
/// (v7, Dynamic, Entry, responsive 16:9, default CDN host, everything else empty/off except the
/// muted-autoplay fallback, which is on like the v7 player's own `allowMutedAutoPlay` default: with
/// it off, ticking Autoplay alone gives a player that browsers stop from autoplaying at all).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedForm {
    pub partner: String,
    pub ui_conf: String,
    pub content_kind: ContentKind,
    pub content_id: String,
    pub version: PlayerVersion,
    pub kind: EmbedType,
    /// Empty means the default `cdnapisec.kaltura.com`, unless `custom_host`.
    pub cdn_host: String,
    /// "Custom / on-prem" is picked: an empty `cdn_host` is then missing, not the default (a
    /// cleared field must not quietly turn the code back to SaaS).
    pub custom_host: bool,
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
    /// Used only with `TimeMode::Clip`.
    pub clip_to: String,
    pub time_mode: TimeMode,
    /// v7 `disableUserCache`: saved viewer settings do not override Muted / Autoplay.
    pub ignore_stored_prefs: bool,
    /// Empty = derived from the content id.
    pub target_id: String,
    /// The user's opt-in to put the session KS into the snippet.
    pub include_ks: bool,
}

impl Default for EmbedForm {
    fn default() -> Self {
        EmbedForm {
            partner: String::new(),
            ui_conf: String::new(),
            content_kind: ContentKind::default(),
            content_id: String::new(),
            version: PlayerVersion::default(),
            kind: EmbedType::default(),
            cdn_host: String::new(),
            custom_host: false,
            size_mode: SizeMode::default(),
            ratio: RatioChoice::default(),
            custom_ratio: String::new(),
            width: String::new(),
            height: String::new(),
            autoplay: false,
            muted: false,
            muted_autoplay_fallback: true,
            loop_playback: false,
            start: String::new(),
            clip_to: String::new(),
            time_mode: TimeMode::StartAt,
            ignore_stored_prefs: false,
            target_id: String::new(),
            include_ks: false,
        }
    }
}

/// The fixed size a form starts from when no width is typed (KMC's default player width).
pub const DEFAULT_FIXED_WIDTH: u32 = 640;

impl EmbedForm {
    /// Switches between responsive and fixed size. A fixed size starts from real values, not
    /// empty fields: 640 pixels wide and as high as the aspect ratio picked so far makes it
    /// (16:9 gives 640×360); a width or height already typed stays.
    pub fn set_size_mode(&mut self, mode: SizeMode) {
        self.size_mode = mode;
        if mode != SizeMode::Fixed {
            return;
        }
        if self.width.trim().is_empty() {
            self.width = DEFAULT_FIXED_WIDTH.to_string();
        }
        if self.height.trim().is_empty() {
            // A preset ratio's height; a custom ratio's is left to be typed at 16:9 (its parser
            // would cost the first module more than it gives here).
            let (w, h) = self.ratio.preset().unwrap_or(AspectRatio::R16x9).parts();
            // A width the form would reject still gives a height in range.
            let width = self
                .width
                .trim()
                .parse::<u32>()
                .map_or(DEFAULT_FIXED_WIDTH, |width| width.clamp(1, MAX_PIXELS));
            self.height = ((width * h + w / 2) / w).clamp(1, MAX_PIXELS).to_string();
        }
    }
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
    /// Every field, in page order.
    pub const ALL: [Field; 10] = [
        Field::Partner,
        Field::UiConf,
        Field::ContentId,
        Field::CdnHost,
        Field::CustomRatio,
        Field::Width,
        Field::Height,
        Field::Start,
        Field::ClipTo,
        Field::TargetId,
    ];

    /// The visible label, e.g. "Partner ID", "Player ID (uiConf ID)", "Entry ID" / "Playlist ID".
    pub fn label(self, kind: ContentKind) -> &'static str {
        match self {
            Field::Partner => "Partner ID",
            Field::UiConf => "Player ID (uiConf ID)",
            Field::ContentId => match kind {
                ContentKind::Entry => "Entry ID",
                ContentKind::Playlist => "Playlist ID",
            },
            Field::CdnHost => "CDN host",
            Field::CustomRatio => "Custom ratio",
            Field::Width => "Width",
            Field::Height => "Height",
            Field::Start => "Start at",
            Field::ClipTo => "Clip to",
            Field::TargetId => "Target element ID",
        }
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
    /// The validated request behind `snippet` (for framework code, SEO and the preview).
    pub request: Option<EmbedRequest>,
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
        let missing: Vec<&str> = self
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Missing)
            .map(|p| p.message.as_str())
            .collect();
        let mut out = String::new();
        if !missing.is_empty() {
            out.push_str("Still needed:\n");
            for m in missing {
                out.push_str("  • ");
                out.push_str(m);
                out.push('\n');
            }
        }
        let invalid: Vec<&Problem> = self
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Invalid)
            .collect();
        if !invalid.is_empty() {
            out.push_str("To fix:\n");
            for p in invalid {
                out.push_str("  • ");
                out.push_str(&p.message);
                out.push('\n');
            }
        }
        out
    }
}

/// Collects field problems while the values are parsed.
pub(super) struct Checker {
    kind: ContentKind,
    problems: Vec<Problem>,
}

impl Checker {
    pub(super) fn push(&mut self, field: Field, severity: Severity, message: String) {
        self.problems.push(Problem {
            field,
            severity,
            message,
        });
    }

    /// A required id: empty is Missing, bad is Invalid.
    fn required<T>(
        &mut self,
        field: Field,
        input: &str,
        parse: fn(&str) -> Result<T, IdError>,
    ) -> Option<T> {
        let label = field.label(self.kind);
        match parse(input) {
            Ok(v) => Some(v),
            Err(IdError::Empty) => {
                self.push(field, Severity::Missing, label.to_string());
                None
            }
            Err(e) => {
                self.push(field, Severity::Invalid, e.message(label));
                None
            }
        }
    }

    /// An optional value: empty is `Ok(None)`; bad is Invalid.
    fn optional<T>(
        &mut self,
        field: Field,
        input: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Option<T>, ()> {
        if input.trim().is_empty() {
            return Ok(None);
        }
        parse(input.trim())
            .map(Some)
            .map_err(|message| self.push(field, Severity::Invalid, message))
    }
}

/// Validates the form and generates the snippet. `ks` is used only when `form.include_ks`.
pub fn evaluate(form: &EmbedForm, ks: Option<&Ks>) -> Evaluation {
    let (request, problems) = validate(form, ks);
    Evaluation {
        snippet: request.as_ref().map(generate),
        request,
        problems,
    }
}

/// The validated request behind the form (`None` while any field is missing or invalid) and every
/// field problem. Previews and framework snippets use the request; `evaluate` turns it into code.
pub fn validate(form: &EmbedForm, ks: Option<&Ks>) -> (Option<EmbedRequest>, Vec<Problem>) {
    let mut c = Checker {
        kind: form.content_kind,
        problems: Vec::new(),
    };
    let partner = c.required(Field::Partner, &form.partner, PartnerId::parse);
    let ui_conf = c.required(Field::UiConf, &form.ui_conf, UiConfId::parse);
    let content = match form.content_kind {
        ContentKind::Entry => c
            .required(Field::ContentId, &form.content_id, EntryId::parse)
            .map(Content::Entry),
        ContentKind::Playlist => c
            .required(Field::ContentId, &form.content_id, PlaylistId::parse)
            .map(Content::Playlist),
    };
    let host = match c.optional(Field::CdnHost, &form.cdn_host, |s| {
        CdnHost::parse(s).map_err(|e| e.message())
    }) {
        Ok(None) if form.custom_host => {
            c.push(Field::CdnHost, Severity::Missing, "CDN host".to_string());
            None
        }
        host => host.ok().map(|h| h.unwrap_or_else(CdnHost::saas)),
    };
    if let Some(host) = &host {
        for warning in host.warnings() {
            c.push(Field::CdnHost, Severity::Warning, warning.message());
        }
    }
    let size = match form.size_mode {
        SizeMode::Responsive => match form.ratio.preset() {
            Some(preset) => Some(preset),
            None => match c.optional(Field::CustomRatio, &form.custom_ratio, parse_ratio) {
                Ok(Some(r)) => Some(r),
                Ok(None) => {
                    c.push(
                        Field::CustomRatio,
                        Severity::Missing,
                        "Custom ratio (width:height)".to_string(),
                    );
                    None
                }
                Err(()) => None,
            },
        }
        .map(Size::Responsive),
        SizeMode::Fixed => {
            let mut pixels =
                |field, input: &str, label| match c.optional(field, input, parse_pixels(label)) {
                    Ok(Some(n)) => Some(n),
                    Ok(None) => {
                        c.push(field, Severity::Missing, format!("{label} in pixels"));
                        None
                    }
                    Err(()) => None,
                };
            let width = pixels(Field::Width, &form.width, "Width");
            let height = pixels(Field::Height, &form.height, "Height");
            width
                .zip(height)
                .map(|(width, height)| Size::Fixed { width, height })
        }
    };
    let start = c.optional(Field::Start, &form.start, parse_time);
    let clip_to = match form.time_mode {
        TimeMode::StartAt => Ok(None),
        TimeMode::Clip => c.optional(Field::ClipTo, &form.clip_to, parse_time),
    };
    if let (Ok(start), Ok(Some(end))) = (&start, &clip_to) {
        if *end <= start.unwrap_or(0) {
            let message = match start {
                Some(_) => "Clip to must be later than Start at.",
                None => "Clip to must be later than 0:00.",
            };
            c.push(Field::ClipTo, Severity::Invalid, message.to_string());
        }
    }
    // KMC offers neither for a playlist; a player applies them to its first item at most.
    if form.content_kind == ContentKind::Playlist {
        if let Some(field) = [(Field::Start, &start), (Field::ClipTo, &clip_to)]
            .into_iter()
            .find_map(|(field, value)| matches!(value, Ok(Some(_))).then_some(field))
        {
            c.push(
                field,
                Severity::Warning,
                "Start at and Clip to apply to one entry: a playlist's first item at most."
                    .to_string(),
            );
        }
    }
    // kaltura/player-scripts `thumbnail-embed.ts` builds its poster from `mediaInfo.entryId` and a
    // playlist has none (KMC offers no thumbnail embed for playlists); v2's thumbnail.php serves a
    // 1×1 image for one. Dynamic shows the playlist's first item before it plays.
    if form.kind == EmbedType::Thumbnail && form.content_kind == ContentKind::Playlist {
        c.push(
            Field::ContentId,
            Severity::Invalid,
            "Thumbnail needs an entry, not a playlist: choose Dynamic.".to_string(),
        );
    }
    let ks = if form.include_ks {
        ks.filter(|ks| ks_fits(&mut c, ks, form))
    } else {
        None
    };
    let target_id = c.optional(Field::TargetId, &form.target_id, |s| {
        ElementId::parse(s).map_err(|e| e.message(Field::TargetId.label(ContentKind::Entry)))
    });

    let problems = c.problems;
    if problems.iter().any(|p| p.severity != Severity::Warning) {
        return (None, problems);
    }
    let (
        Some(partner),
        Some(ui_conf),
        Some(content),
        Some(host),
        Some(size),
        Ok(start),
        Ok(clip_to),
        Ok(target_id),
    ) = (
        partner, ui_conf, content, host, size, start, clip_to, target_id,
    )
    else {
        return (None, problems);
    };
    let request = EmbedRequest {
        partner,
        ui_conf,
        content,
        version: form.version,
        kind: form.kind,
        host,
        size,
        playback: Playback {
            autoplay: form.autoplay,
            muted: form.muted,
            muted_autoplay_fallback: form.muted_autoplay_fallback,
            loop_playback: form.loop_playback,
            trim: match (form.time_mode, start.unwrap_or(0), clip_to) {
                (_, 0, None) => Trim::Whole,
                (TimeMode::StartAt, at, _) => Trim::StartAt(at),
                (TimeMode::Clip, from, to) => Trim::Clip { from, to },
            },
            ignore_stored_prefs: form.ignore_stored_prefs && form.version == PlayerVersion::V7,
        },
        target_id,
        ks: ks.cloned(),
    };
    (Some(request), problems)
}
