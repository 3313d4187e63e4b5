//! Shareable settings: every non-secret field of the embed and session forms, the video portal
//! and the SEO metadata, as a URL fragment.
//!
//! The encoder takes only the non-secret form structs, so a secret, app token or KS cannot reach a
//! link. Decoding is lenient: values come back as typed, so a bad value gets the same field error
//! as if it had been typed; unknown keys are listed, never fatal.

use crate::embed::form::{ContentKind, EmbedForm, RatioChoice, SizeMode};
use crate::embed::frameworks::SeoFields;
use crate::embed::{EmbedType, PlayerVersion};
use crate::portal::{PortalForm, PortalKind};
use crate::session::api::{Expiry, ServicePreset};
use crate::session::digest::AppTokenHashType;
use crate::session::form::{ExpiryChoice, Method, PrivilegesForm, SessionForm};

/// Format version of the fragment, so later layouts can read old links.
const VERSION: &str = "1";

/// The deferred panels' own settings a link carries too: the video portal and SEO metadata.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PanelsForm {
    pub portal: PortalForm,
    pub seo: SeoFields,
}

/// What a fragment held.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decoded {
    pub embed: EmbedForm,
    pub session: SessionForm,
    pub panels: PanelsForm,
    /// Keys this version does not know (ignored).
    pub unknown_keys: Vec<String>,
}

struct Writer(String);

impl Writer {
    fn put(&mut self, key: &str, value: &str) {
        if !self.0.is_empty() {
            self.0.push('&');
        }
        self.0.push_str(key);
        self.0.push('=');
        self.0.push_str(&crate::percent::component(value));
    }
    fn text(&mut self, key: &str, value: &str) {
        if !value.is_empty() {
            self.put(key, value);
        }
    }
    fn flag(&mut self, key: &str, on: bool) {
        if on {
            self.put(key, "1");
        }
    }
}

fn kind_name(kind: EmbedType) -> &'static str {
    match kind {
        EmbedType::Dynamic => "dynamic",
        EmbedType::Auto => "auto",
        EmbedType::Iframe => "iframe",
        EmbedType::Thumbnail => "thumbnail",
    }
}

const RATIOS: [(RatioChoice, &str); 5] = [
    (RatioChoice::R16x9, "16x9"),
    (RatioChoice::R4x3, "4x3"),
    (RatioChoice::R1x1, "1x1"),
    (RatioChoice::R9x16, "9x16"),
    (RatioChoice::Custom, "custom"),
];
const SERVICES: [(ServicePreset, &str); 3] = [
    (ServicePreset::Saas, "saas"),
    (ServicePreset::LocalSimulator, "local"),
    (ServicePreset::Custom, "custom"),
];
const METHODS: [(Method, &str); 4] = [
    (Method::Widget, "widget"),
    (Method::AppToken, "apptoken"),
    (Method::Secret, "secret"),
    (Method::PasteKs, "ks"),
];

const PORTALS: [(PortalKind, &str); 3] = [
    (PortalKind::Events, "events"),
    (PortalKind::MediaSpace, "mediaspace"),
    (PortalKind::Custom, "custom"),
];

/// The fragment (without `#`) for these settings. Defaults are left out to keep links short.
pub fn encode(embed: &EmbedForm, session: &SessionForm, panels: &PanelsForm) -> String {
    let mut w = embed_half(embed);
    write_session(&mut w, session);
    write_panels(&mut w, panels);
    w.0
}

/// The version and the embed settings: a whole link when nothing else is set.
fn embed_half(embed: &EmbedForm) -> Writer {
    let mut w = Writer(String::new());
    w.put("v", VERSION);
    write_embed(&mut w, embed);
    w
}

fn write_panels(w: &mut Writer, panels: &PanelsForm) {
    let portal = &panels.portal;
    if portal.kind != PortalKind::default() {
        w.put("portal", lookup_name(&PORTALS, portal.kind));
    }
    w.text("pinst", &portal.instance);
    w.text("pdomain", &portal.custom);
    let seo = &panels.seo;
    w.text("seoname", &seo.name);
    w.text("seodesc", &seo.description);
    w.text("seothumb", &seo.thumbnail_url);
    w.text("seodate", &seo.upload_date);
    w.text("seodur", &seo.duration);
}

/// Sets the panels' field `key` names; false when `key` is not one of theirs.
fn read_panels(p: &mut PanelsForm, key: &str, value: &str) -> bool {
    match key {
        "portal" => p.portal.kind = lookup_value(&PORTALS, value).unwrap_or_default(),
        "pinst" => p.portal.instance = value.to_string(),
        "pdomain" => p.portal.custom = value.to_string(),
        "seoname" => p.seo.name = value.to_string(),
        "seodesc" => p.seo.description = value.to_string(),
        "seothumb" => p.seo.thumbnail_url = value.to_string(),
        "seodate" => p.seo.upload_date = value.to_string(),
        "seodur" => p.seo.duration = value.to_string(),
        _ => return false,
    }
    true
}

// Embed and session halves apart, so the first wasm module (embed form only) links only the first.
fn write_embed(w: &mut Writer, embed: &EmbedForm) {
    w.text("pid", &embed.partner);
    w.text("ui", &embed.ui_conf);
    if embed.content_kind == ContentKind::Playlist {
        w.put("content", "playlist");
    }
    w.text("id", &embed.content_id);
    if embed.version == PlayerVersion::V2 {
        w.put("pv", "2");
    }
    if embed.kind != EmbedType::Dynamic {
        w.put("type", kind_name(embed.kind));
    }
    w.text("cdn", &embed.cdn_host);
    w.flag("cdncustom", embed.custom_host);
    if embed.size_mode == SizeMode::Fixed {
        w.put("size", "fixed");
    }
    if embed.ratio != RatioChoice::R16x9 {
        w.put("ratio", lookup_name(&RATIOS, embed.ratio));
    }
    w.text("cratio", &embed.custom_ratio);
    w.text("w", &embed.width);
    w.text("h", &embed.height);
    w.flag("autoplay", embed.autoplay);
    w.flag("muted", embed.muted);
    // On by default, so only "off" is written; older links that carried "1" still read as on.
    if !embed.muted_autoplay_fallback {
        w.put("mutedfallback", "0");
    }
    w.flag("loop", embed.loop_playback);
    w.text("start", &embed.start);
    w.text("clip", &embed.clip_to);
    w.text("target", &embed.target_id);
    // include_ks is left out on purpose: opening a link never opts a KS into code.
}

fn write_session(w: &mut Writer, session: &SessionForm) {
    if session.service != ServicePreset::Saas {
        w.put("svc", lookup_name(&SERVICES, session.service));
    }
    w.text("svcurl", &session.custom_service_url);
    if session.method != Method::Widget {
        w.put("method", lookup_name(&METHODS, session.method));
    }
    // The app token id is left out too: it is half of a credential pair.
    if session.hash_type != AppTokenHashType::default() {
        w.put("hash", session.hash_type.label());
    }
    w.text("user", &session.user_id);
    match session.expiry {
        ExpiryChoice::Preset(e) if e == Expiry::ONE_HOUR => {}
        ExpiryChoice::Preset(e) => w.put("expiry", &e.secs().to_string()),
        ExpiryChoice::Custom => w.put("expiry", "custom"),
    }
    w.text("cexpiry", &session.custom_expiry);
    let p = &session.privileges;
    let d = PrivilegesForm::default();
    w.flag("sview", p.limit_to_entry);
    if p.playback_role != d.playback_role {
        w.put("playback", if p.playback_role { "1" } else { "0" });
    }
    w.flag("entitlement", p.enable_entitlement);
    w.text("privacy", &p.privacy_context);
    w.text("actions", &p.actions_limit);
    w.text("urirestrict", &p.uri_restrict);
    w.text("privileges", &p.custom);
}

fn lookup_name<T: PartialEq + Copy>(table: &[(T, &'static str)], value: T) -> &'static str {
    table
        .iter()
        .find(|(v, _)| *v == value)
        .map(|(_, n)| *n)
        .unwrap_or("")
}

fn lookup_value<T: Copy>(table: &[(T, &'static str)], name: &str) -> Option<T> {
    table.iter().find(|(_, n)| *n == name).map(|(v, _)| *v)
}

/// Reads a fragment (with or without the leading `#`).
pub fn decode(fragment: &str) -> Decoded {
    let mut d = Decoded::default();
    for (key, value) in pairs(fragment) {
        if key != "v"
            && !read_embed(&mut d.embed, key, &value)
            && !read_session(&mut d.session, key, &value)
            && !read_panels(&mut d.panels, key, &value)
        {
            d.unknown_keys.push(key.chars().take(40).collect());
        }
    }
    d
}

/// Reads only the embed settings of a fragment (what `decode(fragment).embed` holds).
pub fn decode_embed(fragment: &str) -> EmbedForm {
    let mut embed = EmbedForm::default();
    for (key, value) in pairs(fragment) {
        read_embed(&mut embed, key, &value);
    }
    embed
}

/// The fragment's `key=value` pairs, values percent-decoded.
fn pairs(fragment: &str) -> impl Iterator<Item = (&str, String)> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment.split('&').filter(|p| !p.is_empty()).map(|pair| {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        (key, crate::percent::decode_lossy(raw))
    })
}

/// Sets the embed field `key` names; false when `key` is not an embed key. (Copies `value` only
/// where a field keeps the text.)
fn read_embed(e: &mut EmbedForm, key: &str, value: &str) -> bool {
    match key {
        "pid" => e.partner = value.to_string(),
        "ui" => e.ui_conf = value.to_string(),
        "content" => {
            e.content_kind = if value == "playlist" {
                ContentKind::Playlist
            } else {
                ContentKind::Entry
            }
        }
        "id" => e.content_id = value.to_string(),
        "pv" => {
            e.version = if value == "2" {
                PlayerVersion::V2
            } else {
                PlayerVersion::V7
            }
        }
        "type" => {
            e.kind = EmbedType::ALL
                .into_iter()
                .find(|k| kind_name(*k) == value)
                .unwrap_or_default()
        }
        "cdn" => e.cdn_host = value.to_string(),
        "cdncustom" => e.custom_host = value == "1",
        "size" => {
            e.size_mode = if value == "fixed" {
                SizeMode::Fixed
            } else {
                SizeMode::Responsive
            }
        }
        "ratio" => e.ratio = lookup_value(&RATIOS, value).unwrap_or_default(),
        "cratio" => e.custom_ratio = value.to_string(),
        "w" => e.width = value.to_string(),
        "h" => e.height = value.to_string(),
        "autoplay" => e.autoplay = value == "1",
        "muted" => e.muted = value == "1",
        "mutedfallback" => e.muted_autoplay_fallback = value != "0",
        "loop" => e.loop_playback = value == "1",
        "start" => e.start = value.to_string(),
        "clip" => e.clip_to = value.to_string(),
        "target" => e.target_id = value.to_string(),
        _ => return false,
    }
    true
}

/// Sets the session field `key` names; false when `key` is not a session key.
fn read_session(s: &mut SessionForm, key: &str, value: &str) -> bool {
    match key {
        "svc" => s.service = lookup_value(&SERVICES, value).unwrap_or_default(),
        "svcurl" => s.custom_service_url = value.to_string(),
        "method" => s.method = lookup_value(&METHODS, value).unwrap_or_default(),
        "hash" => {
            s.hash_type = AppTokenHashType::ALL
                .into_iter()
                .find(|h| h.label() == value)
                .unwrap_or_default()
        }
        "user" => s.user_id = value.to_string(),
        "expiry" => {
            s.expiry = match value {
                "custom" => ExpiryChoice::Custom,
                secs => Expiry::PRESETS
                    .into_iter()
                    .find(|e| e.secs().to_string() == secs)
                    .map(ExpiryChoice::Preset)
                    .unwrap_or_default(),
            }
        }
        "cexpiry" => s.custom_expiry = value.to_string(),
        "sview" => s.privileges.limit_to_entry = value == "1",
        "playback" => s.privileges.playback_role = value != "0",
        "entitlement" => s.privileges.enable_entitlement = value == "1",
        "privacy" => s.privileges.privacy_context = value.to_string(),
        "actions" => s.privileges.actions_limit = value.to_string(),
        "urirestrict" => s.privileges.uri_restrict = value.to_string(),
        "privileges" => s.privileges.custom = value.to_string(),
        _ => return false,
    }
    true
}

/// Marks `include_ks` in the in-page encoding; `decode` never reads it, so no link can opt a KS in.
const INCLUDE_KS_SUFFIX: &str = "&iks=1";

/// The embed form as the page's two wasm modules pass it to each other (in memory, never stored):
/// the link encoding plus `include_ks`.
pub fn encode_embed_state(embed: &EmbedForm) -> String {
    // The embed half alone (what `encode` writes for default session and panel settings), so
    // the first module links neither of the other writers.
    let mut text = embed_half(embed).0;
    if embed.include_ks {
        text.push_str(INCLUDE_KS_SUFFIX);
    }
    text
}

/// Reads `encode_embed_state` output. Values are percent-encoded, so only the flag ends in the suffix.
pub fn decode_embed_state(text: &str) -> EmbedForm {
    let (link, include_ks) = match text.strip_suffix(INCLUDE_KS_SUFFIX) {
        Some(link) => (link, true),
        None => (text, false),
    };
    EmbedForm {
        include_ks,
        ..decode_embed(link)
    }
}
