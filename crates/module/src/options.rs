//! The embed options as JavaScript gives them, read into the page's own `EmbedForm` (raw strings,
//! as the fields hold them), and the form written back as options (for `readEmbed`).

use kaltura::embed::form::{ContentKind, EmbedForm, Field, RatioChoice, SizeMode, TimeMode};
use kaltura::embed::{EmbedType, PlayerVersion};
use kaltura::session::ks::Ks;
use serde::Serialize;

use crate::given::options;
use crate::issues::{Issue, Reader};

options!(
    /// Every option of `embedCode`, leniently typed (see [`Raw`]); the `.d.ts` has the exact types.
    EmbedOptions,
    EMBED_KEYS {
        partner_id: "partnerId",
        ui_conf_id: "uiConfId",
        entry_id: "entryId",
        playlist_id: "playlistId",
        player_version: "playerVersion",
        embed_type: "embedType",
        cdn_host: "cdnHost",
        aspect_ratio: "aspectRatio",
        width: "width",
        height: "height",
        autoplay: "autoplay",
        muted: "muted",
        muted_autoplay_fallback: "mutedAutoplayFallback",
        loop_playback: "loop",
        start_at: "startAt",
        clip_to: "clipTo",
        ignore_saved_settings: "ignoreSavedSettings",
        target_id: "targetId",
        ks: "ks",
        include_ks: "includeKs",
    }
);

pub const VERSIONS: [(&str, PlayerVersion); 2] =
    [("v7", PlayerVersion::V7), ("v2", PlayerVersion::V2)];
pub const EMBED_TYPES: [(&str, EmbedType); 4] = [
    ("dynamic", EmbedType::Dynamic),
    ("auto", EmbedType::Auto),
    ("iframe", EmbedType::Iframe),
    ("thumbnail", EmbedType::Thumbnail),
];
const PRESET_RATIOS: [(&str, RatioChoice); 4] = [
    ("16:9", RatioChoice::R16x9),
    ("4:3", RatioChoice::R4x3),
    ("1:1", RatioChoice::R1x1),
    ("9:16", RatioChoice::R9x16),
];

/// The option key a form field's problem is reported at.
pub fn key_of(field: Field, kind: ContentKind) -> &'static str {
    match field {
        Field::Partner => "partnerId",
        Field::UiConf => "uiConfId",
        Field::ContentId => match kind {
            ContentKind::Entry => "entryId",
            ContentKind::Playlist => "playlistId",
        },
        Field::CdnHost => "cdnHost",
        Field::CustomRatio => "aspectRatio",
        Field::Width => "width",
        Field::Height => "height",
        Field::Start => "startAt",
        Field::ClipTo => "clipTo",
        Field::TargetId => "targetId",
    }
}

/// The form these options stand for, the KS when opted in, and every shape problem (unknown keys,
/// wrong types, unknown choices): an option with one is read as left out.
pub fn read_form(o: &EmbedOptions) -> (EmbedForm, Option<Ks>, Vec<Issue>) {
    let mut r = Reader::default();
    r.unknown(&o.unknown, EMBED_KEYS);
    let mut form = EmbedForm::default();
    let text = |r: &mut Reader, key, raw| r.text(key, raw).unwrap_or_default();
    form.partner = text(&mut r, "partnerId", &o.partner_id);
    form.ui_conf = text(&mut r, "uiConfId", &o.ui_conf_id);
    let entry = r.text("entryId", &o.entry_id);
    let playlist = r.text("playlistId", &o.playlist_id);
    (form.content_kind, form.content_id) = match (entry, playlist) {
        (Some(entry), Some(_)) => {
            r.push(
                "playlistId",
                "Give either entryId or playlistId, not both: a player plays one of them.",
            );
            (ContentKind::Entry, entry)
        }
        (None, Some(id)) => (ContentKind::Playlist, id),
        (entry, None) => (ContentKind::Entry, entry.unwrap_or_default()),
    };
    if let Some(v) = r.choice("playerVersion", &o.player_version, &VERSIONS) {
        form.version = v;
    }
    if let Some(k) = r.choice("embedType", &o.embed_type, &EMBED_TYPES) {
        form.kind = k;
    }
    // A host given is the page's "Custom / on-prem" pick: empty is then missing, not SaaS.
    if let Some(host) = r.text("cdnHost", &o.cdn_host) {
        form.cdn_host = host;
        form.custom_host = true;
    }
    let width = r.text("width", &o.width);
    let height = r.text("height", &o.height);
    let ratio = r.text("aspectRatio", &o.aspect_ratio);
    if width.is_some() || height.is_some() {
        form.size_mode = SizeMode::Fixed;
        form.width = width.unwrap_or_default();
        form.height = height.unwrap_or_default();
        if ratio.is_some() {
            r.push(
                "aspectRatio",
                "A fixed-size player (width and height) has no aspect ratio: leave one of them out.",
            );
        }
    } else if let Some(ratio) = ratio {
        let preset = PRESET_RATIOS.iter().find(|(name, _)| *name == ratio.trim());
        match preset {
            Some((_, choice)) => form.ratio = *choice,
            None => {
                form.ratio = RatioChoice::Custom;
                form.custom_ratio = ratio;
            }
        }
    }
    let mut flag = |key, raw, default| r.flag(key, raw).unwrap_or(default);
    form.autoplay = flag("autoplay", &o.autoplay, false);
    form.muted = flag("muted", &o.muted, false);
    form.muted_autoplay_fallback = flag("mutedAutoplayFallback", &o.muted_autoplay_fallback, true);
    form.loop_playback = flag("loop", &o.loop_playback, false);
    form.include_ks = flag("includeKs", &o.include_ks, false);
    form.start = text(&mut r, "startAt", &o.start_at);
    form.clip_to = text(&mut r, "clipTo", &o.clip_to);
    // A `clipTo` is "Clip to a segment" (the duration changes); a `startAt` alone is "Start at"
    // (the timeline is kept): the page's checkbox, said by the options that are given.
    form.time_mode = if form.clip_to.trim().is_empty() {
        TimeMode::StartAt
    } else {
        TimeMode::Clip
    };
    form.ignore_stored_prefs = r
        .flag("ignoreSavedSettings", &o.ignore_saved_settings)
        .unwrap_or(false);
    form.target_id = text(&mut r, "targetId", &o.target_id);
    let ks_text = r.text("ks", &o.ks);
    // The KS is read only on opt-in, like the page's "Include KS in embed code".
    let ks = match (form.include_ks, ks_text) {
        (false, _) => None,
        (true, text) => match Ks::parse(&text.unwrap_or_default()) {
            Ok(ks) => Some(ks),
            Err(e) => {
                r.push("ks", e.message());
                None
            }
        },
    };
    (form, ks, r.issues)
}

/// An embed form as options: what `readEmbed` gives, ready for `embedCode`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmbedOptionsOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ui_conf_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub playlist_id: Option<String>,
    pub player_version: &'static str,
    pub embed_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cdn_host: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aspect_ratio: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<String>,
    pub autoplay: bool,
    pub muted: bool,
    pub muted_autoplay_fallback: bool,
    #[serde(rename = "loop")]
    pub loop_playback: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clip_to: Option<String>,
    pub ignore_saved_settings: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_id: Option<String>,
}

pub(crate) fn name_of<T: PartialEq + Copy>(table: &[(&'static str, T)], value: T) -> &'static str {
    table
        .iter()
        .find(|(_, v)| *v == value)
        .map_or("", |(name, _)| name)
}

impl From<&EmbedForm> for EmbedOptionsOut {
    fn from(form: &EmbedForm) -> Self {
        let given = |s: &str| Some(s.to_string()).filter(|s| !s.trim().is_empty());
        let content = given(&form.content_id);
        let fixed = form.size_mode == SizeMode::Fixed;
        let ratio = match form.ratio {
            RatioChoice::Custom => given(&form.custom_ratio),
            preset => Some(name_of(&PRESET_RATIOS, preset).to_string()),
        };
        EmbedOptionsOut {
            partner_id: given(&form.partner),
            ui_conf_id: given(&form.ui_conf),
            entry_id: content
                .clone()
                .filter(|_| form.content_kind == ContentKind::Entry),
            playlist_id: content.filter(|_| form.content_kind == ContentKind::Playlist),
            player_version: name_of(&VERSIONS, form.version),
            embed_type: name_of(&EMBED_TYPES, form.kind),
            cdn_host: given(&form.cdn_host).filter(|_| form.custom_host),
            aspect_ratio: ratio.filter(|_| !fixed),
            width: given(&form.width).filter(|_| fixed),
            height: given(&form.height).filter(|_| fixed),
            autoplay: form.autoplay,
            muted: form.muted,
            muted_autoplay_fallback: form.muted_autoplay_fallback,
            loop_playback: form.loop_playback,
            start_at: given(&form.start),
            clip_to: given(&form.clip_to).filter(|_| form.time_mode == TimeMode::Clip),
            ignore_saved_settings: form.ignore_stored_prefs,
            target_id: given(&form.target_id),
        }
    }
}
