//! `userSessionRequest` and `readSessionAnswer`: the page's Session panel without its `fetch`.
//!
//! The options are validated by the core's `session::form::prepare` and turned into a request by
//! its builders, which write `type=0` (USER) and no other. The answer is read by the same call's
//! `decode`, which checks it against what was asked (partner, user, USER type): so
//! `readSessionAnswer` takes the options again and rebuilds that call (it is deterministic), and
//! the module keeps no state between the two.

use kaltura::embed::form::ContentKind;
use kaltura::session::api::AppToken;
use kaltura::session::api::{self, ApiError, ExpiresHint, SessionCall, SessionUser, WidgetKsCall};
use kaltura::session::digest::{app_token_message, AppTokenHashType, TokenHash};
use kaltura::session::form::{
    prepare, ExpiryChoice, Method, PrivilegeInput, Secrets, SessionField, SessionForm, SessionPlan,
};
use kaltura::session::ks::Ks;
use serde::Serialize;

use crate::given::options;
use crate::issues::{Reader, Rejected};

options!(
    /// The Session panel's fields, leniently typed (see [`Raw`]).
    SessionOptions,
    SESSION_KEYS {
        method: "method",
        service_url: "serviceUrl",
        partner_id: "partnerId",
        secret: "secret",
        app_token_id: "appTokenId",
        app_token: "appToken",
        hash_type: "hashType",
        widget_ks: "widgetKs",
        ks: "ks",
        user_id: "userId",
        expiry: "expiry",
        privileges: "privileges",
        limit_to_content: "limitToContent",
        privacy_context: "privacyContext",
        enable_entitlement: "enableEntitlement",
        playback_role: "playbackRole",
        actions_limit: "actionsLimit",
        uri_restrict: "uriRestrict",
        entry_id: "entryId",
        playlist_id: "playlistId",
    }
);

const METHODS: [(&str, Method); 4] = [
    ("widget", Method::Widget),
    ("appToken", Method::AppToken),
    ("secret", Method::Secret),
    ("ks", Method::PasteKs),
];

const HASH_TYPES: [(&str, AppTokenHashType); 4] = [
    ("SHA1", AppTokenHashType::Sha1),
    ("SHA256", AppTokenHashType::Sha256),
    ("SHA512", AppTokenHashType::Sha512),
    ("MD5", AppTokenHashType::Md5),
];

fn key_of(field: SessionField) -> &'static str {
    match field {
        SessionField::ServiceUrl => "serviceUrl",
        SessionField::Partner => "partnerId",
        SessionField::AppTokenId => "appTokenId",
        SessionField::AppToken => "appToken",
        SessionField::Secret => "secret",
        SessionField::Ks => "ks",
        SessionField::UserId => "userId",
        SessionField::Expiry => "expiry",
        SessionField::Privileges(input) => match input {
            PrivilegeInput::LimitToContent => "limitToContent",
            PrivilegeInput::PrivacyContext => "privacyContext",
            PrivilegeInput::ActionsLimit => "actionsLimit",
            PrivilegeInput::UriRestrict => "uriRestrict",
            PrivilegeInput::Custom => "privileges",
        },
    }
}

/// The call the options stand for: one round trip, or app-token step 1 (no `widgetKs` yet).
enum Call {
    Session(SessionCall),
    WidgetKs(WidgetKsCall),
}

fn build(o: &SessionOptions) -> Result<Call, Rejected> {
    let mut r = Reader::default();
    r.unknown(&o.unknown, SESSION_KEYS);
    let mut form = SessionForm {
        method: r.choice("method", &o.method, &METHODS).unwrap_or_default(),
        ..SessionForm::default()
    };
    if let Some(url) = r.text("serviceUrl", &o.service_url) {
        form.service = api::ServicePreset::Custom;
        form.custom_service_url = url;
    }
    if let Some(hash) = r.choice("hashType", &o.hash_type, &HASH_TYPES) {
        form.hash_type = hash;
    }
    let text = |r: &mut Reader, key, raw| r.text(key, raw).unwrap_or_default();
    form.app_token_id = text(&mut r, "appTokenId", &o.app_token_id);
    form.user_id = text(&mut r, "userId", &o.user_id);
    if let Some(expiry) = r.text("expiry", &o.expiry) {
        form.expiry = ExpiryChoice::Custom;
        form.custom_expiry = expiry;
    }
    let p = &mut form.privileges;
    p.custom = text(&mut r, "privileges", &o.privileges);
    p.privacy_context = text(&mut r, "privacyContext", &o.privacy_context);
    p.actions_limit = text(&mut r, "actionsLimit", &o.actions_limit);
    p.uri_restrict = text(&mut r, "uriRestrict", &o.uri_restrict);
    p.limit_to_entry = r
        .flag("limitToContent", &o.limit_to_content)
        .unwrap_or(false);
    p.enable_entitlement = r
        .flag("enableEntitlement", &o.enable_entitlement)
        .unwrap_or(false);
    p.playback_role = r.flag("playbackRole", &o.playback_role).unwrap_or(true);
    let partner = text(&mut r, "partnerId", &o.partner_id);
    let secrets = Secrets {
        secret: text(&mut r, "secret", &o.secret),
        app_token: text(&mut r, "appToken", &o.app_token),
        ks: text(&mut r, "ks", &o.ks),
    };
    let content = match (
        r.text("entryId", &o.entry_id),
        r.text("playlistId", &o.playlist_id),
    ) {
        (None, Some(id)) => (ContentKind::Playlist, id),
        (entry, _) => (ContentKind::Entry, entry.unwrap_or_default()),
    };
    let widget_ks = r.text("widgetKs", &o.widget_ks);
    // The core's problems too, except at keys already reported (read as left out there).
    let shape = std::mem::take(&mut r.issues);
    let prepared =
        prepare(&form, &partner, (content.0, &content.1), &secrets).map_err(|problems| {
            let core = problems
                .into_iter()
                .map(|(field, message)| crate::issues::issue(key_of(field), message))
                .filter(|issue| !shape.iter().any(|s| s.field == issue.field));
            Rejected::from_issues(shape.iter().cloned().chain(core).collect())
        });
    if !shape.is_empty() {
        return Err(prepared
            .err()
            .unwrap_or_else(|| Rejected::from_issues(shape)));
    }
    let prepared = prepared?;
    let service = &prepared.service;
    let call = match prepared.plan {
        SessionPlan::Widget(widget) => api::verify_widget(service, &widget),
        SessionPlan::Secret(secret) => api::verify_with_secret(service, &secret),
        SessionPlan::Pasted(ks) => api::verify_with_ks(service, &ks).map_err(api_rejection)?,
        SessionPlan::AppToken { partner, session } => match widget_ks {
            None => return Ok(Call::WidgetKs(api::app_token_widget_step(service, partner))),
            Some(text) => {
                let ks = Ks::parse(&text).map_err(|e| Rejected::one("widgetKs", e.message()))?;
                let hash = token_hash(session.hash_type, &ks, &session.token);
                api::verify_with_app_token(service, &ks, &session, &hash)
            }
        },
    };
    Ok(Call::Session(match &prepared.look_for {
        Some(content) => call.looking_for(content),
        None => call,
    }))
}

fn api_rejection(error: ApiError) -> Rejected {
    let field = SessionField::for_api_error(&error).map_or("answer", key_of);
    Rejected::one(
        field,
        format!("{} {}", error.message(), error.remediation()),
    )
}

/// A request to send with `fetch(url, { method, headers, body })`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionRequest {
    pub url: String,
    pub method: &'static str,
    pub headers: Headers,
    pub body: String,
    /// `"session"`, or `"widgetKs"` for app-token step 1 (then call again with `widgetKs`).
    pub step: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Headers {
    #[serde(rename = "Content-Type")]
    pub content_type: &'static str,
}

pub fn user_session_request(o: &SessionOptions) -> Result<SessionRequest, Rejected> {
    let (request, step) = match build(o)? {
        Call::Session(call) => (call.request, "session"),
        Call::WidgetKs(call) => (call.request, "widgetKs"),
    };
    Ok(SessionRequest {
        url: request.url,
        method: "POST",
        headers: Headers {
            content_type: api::CONTENT_TYPE,
        },
        body: request.body,
        step,
    })
}

/// A started USER session as the page shows it, or app-token step 1's widget KS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct SessionAnswer {
    pub step: &'static str,
    pub ks: String,
    pub partner_id: Option<String>,
    /// `""` for an anonymous session; null when encrypted (a pasted v2 KS).
    pub user_id: Option<String>,
    pub expires_at: Option<u64>,
    pub expires_after_secs: Option<u32>,
    pub privileges: Option<String>,
    pub entries_visible: Option<u64>,
    pub list_error: Option<String>,
    pub content_not_found: bool,
    pub summary: Option<String>,
}

pub fn read_session_answer(o: &SessionOptions, answer: &str) -> Result<SessionAnswer, Rejected> {
    match build(o)? {
        Call::WidgetKs(call) => {
            let ks = call.decode(answer, parse_json).map_err(api_rejection)?;
            Ok(SessionAnswer {
                step: "widgetKs",
                ks: ks.expose().to_string(),
                ..SessionAnswer::default()
            })
        }
        Call::Session(call) => {
            let s = call.decode(answer, parse_json).map_err(api_rejection)?;
            let (expires_at, expires_after_secs) = match s.expires_hint {
                ExpiresHint::At(at) => (Some(at), None),
                ExpiresHint::AfterSecs(secs) => (None, Some(secs)),
                ExpiresHint::Unknown => (None, None),
            };
            Ok(SessionAnswer {
                step: "session",
                ks: s.ks.expose().to_string(),
                partner_id: Some(s.partner.to_string()),
                user_id: match &s.user {
                    SessionUser::Anonymous => Some(String::new()),
                    SessionUser::Named(name) => Some(name.clone()),
                    SessionUser::Unknown => None,
                },
                expires_at,
                expires_after_secs,
                privileges: s.privileges.clone(),
                entries_visible: s.entries_visible,
                list_error: s.list_error.as_ref().map(ApiError::message),
                content_not_found: s.content_not_found(),
                summary: Some(s.summary()),
            })
        }
    }
}

/// `tokenHash` for `appToken.startSession`. The page asks the browser's SubtleCrypto, which is
/// async; the module's functions are synchronous, so it carries the RustCrypto crates instead.
fn token_hash(hash_type: AppTokenHashType, widget_ks: &Ks, token: &AppToken) -> TokenHash {
    use sha2::Digest;
    let message = app_token_message(widget_ks, token);
    let digest = match hash_type {
        AppTokenHashType::Sha1 => sha1::Sha1::digest(&message).to_vec(),
        AppTokenHashType::Sha256 => sha2::Sha256::digest(&message).to_vec(),
        AppTokenHashType::Sha512 => sha2::Sha512::digest(&message).to_vec(),
        AppTokenHashType::Md5 => md5::Md5::digest(&message).to_vec(),
    };
    // Each RustCrypto digest has its type's length, so this cannot fail.
    TokenHash::from_digest(hash_type, &digest).unwrap_or_else(|_| unreachable!())
}

/// The JSON parser the core's decoders are given: in wasm the JS engine's own `JSON.parse` (no
/// parser compiled in), natively serde_json (the module's native tests).
#[cfg(target_family = "wasm")]
fn parse_json(text: &str) -> Result<serde_wasm_bindgen::Deserializer, String> {
    use wasm_bindgen::JsCast;
    js_sys::JSON::parse(text)
        .map(serde_wasm_bindgen::Deserializer::from)
        .map_err(|error| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_default()
        })
}

#[cfg(not(target_family = "wasm"))]
fn parse_json(text: &str) -> Result<serde_json::Value, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}
