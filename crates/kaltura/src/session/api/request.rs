//! Request builders for USER sessions and their one-round-trip verification (exact form bodies).
//!
//! The session type is the constant [`USER_SESSION_TYPE`]: no input struct has a type field and no
//! builder takes one, so this crate cannot build a request for any other kind of session.

use std::fmt;

use serde::Deserializer;

use super::credentials::{AppToken, AppTokenId, Secret, UserId};
use super::error::{ApiError, KsSource};
use super::expiry::Expiry;
use super::response::{decode, Plan};
use super::service_url::ServiceUrl;
use super::wire::{Call, FormBody};
use super::SessionOutcome;
use crate::embed::ids::PartnerId;
use crate::embed::Content;
use crate::session::digest::{AppTokenHashType, TokenHash};
use crate::session::ks::Ks;

/// `type=0`: KalturaSessionType USER. The only session type this crate ever sends.
const USER_SESSION_TYPE: &str = "0";

/// The list filter's key when `baseEntry.list` is step 2 of a multirequest.
const STEP_TWO_FILTER: &str = "2:filter:idEqual";

/// Lifetime of the throw-away widget KS used to hash an app token: it is only needed for the next call.
const APP_TOKEN_WIDGET_KS_EXPIRY_SECS: &str = "600";

/// A ready-to-send POST: `url` plus a form-urlencoded `body` (send with [`super::CONTENT_TYPE`]).
/// `Debug` hides the body, which may hold a secret, token or KS.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiRequest {
    pub url: String,
    pub body: String,
}

impl fmt::Debug for ApiRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiRequest")
            .field("url", &self.url)
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .finish()
    }
}

/// Inputs of a session started with a partner secret (admin or user).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretSession {
    pub partner: PartnerId,
    pub secret: Secret,
    pub user: UserId,
    pub expiry: Expiry,
    /// A comma list, normally from [`crate::session::privileges::Privileges::build`]; empty for none.
    pub privileges: String,
}

/// Inputs of an anonymous widget session for the partner's default widget `_<partner>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WidgetSession {
    pub partner: PartnerId,
    pub expiry: Expiry,
}

/// Inputs of an app-token session (the partner is the one of the widget KS from step 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppTokenSession {
    pub token_id: AppTokenId,
    pub token: AppToken,
    pub hash_type: AppTokenHashType,
    pub user: UserId,
    pub expiry: Expiry,
    /// Added to the token's own privileges where the token allows it; empty for none.
    pub privileges: String,
}

/// A request plus what is needed to read its answer into a [`SessionOutcome`].
#[derive(Debug, Clone)]
pub struct SessionCall {
    pub request: ApiRequest,
    pub(crate) plan: Plan,
    /// The key of the `baseEntry.list` filter in this request (`2:filter:idEqual` in a
    /// multirequest); `None` when the call lists nothing.
    list_filter_key: Option<&'static str>,
    /// What [`SessionCall::looking_for`] narrowed the list to.
    looked_for: Option<Content>,
}

impl SessionCall {
    /// Reads the response body (sent with HTTP 200) into the started/verified session or a typed
    /// error. `parse` is the caller's JSON parser: it returns a serde deserializer over the parsed
    /// value, or the parser's error message.
    pub fn decode<'de, D: Deserializer<'de>>(
        &self,
        response_text: &str,
        parse: impl FnOnce(&str) -> Result<D, String>,
    ) -> Result<SessionOutcome, ApiError> {
        let mut outcome = decode(&self.plan, response_text, parse)?;
        outcome.looked_for = self.looked_for.clone();
        Ok(outcome)
    }

    /// The same call with its `baseEntry.list` narrowed to the embed's entry or playlist
    /// (`filter:idEqual`, still one round trip): the answer then says whether this KS can see
    /// what the embed plays. An id filter also lifts api_v3's rule that a USER KS without
    /// `list:*` lists only its own user's entries (facts §3.4), so the check holds for every
    /// session this page starts. A call that lists nothing is returned as it is.
    pub fn looking_for(mut self, content: &Content) -> Self {
        if let Some(key) = self.list_filter_key {
            let mut body = FormBody::from(std::mem::take(&mut self.request.body));
            body.push(key, content.id());
            self.request.body = body.finish();
            self.looked_for = Some(content.clone());
        }
        self
    }
}

/// App-token step 1: a widget session whose KS is needed to compute the token hash.
#[derive(Debug, Clone)]
pub struct WidgetKsCall {
    pub request: ApiRequest,
}

impl WidgetKsCall {
    /// The widget KS from a `KalturaStartWidgetSessionResponse` (`parse` as in [`SessionCall::decode`]).
    pub fn decode<'de, D: Deserializer<'de>>(
        &self,
        response_text: &str,
        parse: impl FnOnce(&str) -> Result<D, String>,
    ) -> Result<Ks, ApiError> {
        super::response::decode_widget_ks(response_text, parse)
    }
}

fn session_start_call(input: &SecretSession) -> Call {
    Call::new("session", "start")
        .param("partnerId", input.partner.to_string())
        .param("secret", input.secret.expose())
        .param("type", USER_SESSION_TYPE)
        .optional("userId", input.user.as_str())
        .param("expiry", input.expiry.secs().to_string())
        .optional("privileges", &input.privileges)
}

fn widget_session_call(partner: PartnerId, expiry: &str) -> Call {
    Call::new("session", "startWidgetSession")
        .param("widgetId", format!("_{partner}"))
        .param("expiry", expiry)
}

/// `baseEntry.list` with one item per page: the cheapest call that proves a USER KS works.
fn list_call(ks: &str) -> Call {
    Call::new("baseEntry", "list")
        .param("ks", ks)
        .param("pager:pageSize", "1")
}

fn single(url: String, call: &Call) -> ApiRequest {
    let mut body = FormBody::new();
    body.push_call(call);
    ApiRequest {
        url,
        body: body.finish(),
    }
}

fn multi(service_url: &ServiceUrl, first: &Call, second: &Call) -> ApiRequest {
    let mut body = FormBody::new();
    body.push_step(1, first).push_step(2, second);
    ApiRequest {
        url: service_url.multirequest_endpoint(),
        body: body.finish(),
    }
}

/// `session.start` alone (type 0). Prefer [`verify_with_secret`], which also checks the KS.
pub fn start_session(service_url: &ServiceUrl, input: &SecretSession) -> SessionCall {
    SessionCall {
        request: single(
            service_url.endpoint("session", "start"),
            &session_start_call(input),
        ),
        plan: Plan::SecretStart(input.into()),
        list_filter_key: None,
        looked_for: None,
    }
}

/// One round trip: `session.start` (type 0) then `baseEntry.list` with `ks={1:result}`.
pub fn verify_with_secret(service_url: &ServiceUrl, input: &SecretSession) -> SessionCall {
    SessionCall {
        request: multi(
            service_url,
            &session_start_call(input),
            &list_call("{1:result}"),
        ),
        plan: Plan::SecretVerify(input.into()),
        list_filter_key: Some(STEP_TWO_FILTER),
        looked_for: None,
    }
}

/// One round trip: `session.startWidgetSession` for `_<partner>` then `baseEntry.list` with
/// `ks={1:result:ks}`. A widget KS is anonymous, so it normally sees 0 entries in a plain list.
pub fn verify_widget(service_url: &ServiceUrl, input: &WidgetSession) -> SessionCall {
    SessionCall {
        request: multi(
            service_url,
            &widget_session_call(input.partner, &input.expiry.secs().to_string()),
            &list_call("{1:result:ks}"),
        ),
        plan: Plan::WidgetVerify {
            partner: input.partner,
            expiry: input.expiry,
        },
        list_filter_key: Some(STEP_TWO_FILTER),
        looked_for: None,
    }
}

/// App-token step 1 (first round trip): a short widget session for `_<partner>`.
pub fn app_token_widget_step(service_url: &ServiceUrl, partner: PartnerId) -> WidgetKsCall {
    WidgetKsCall {
        request: single(
            service_url.endpoint("session", "startWidgetSession"),
            &widget_session_call(partner, APP_TOKEN_WIDGET_KS_EXPIRY_SECS),
        ),
    }
}

/// App-token step 2 (second round trip): `appToken.startSession` with the widget KS and
/// `tokenHash` = hex H(widget KS ‖ token) (see [`crate::session::digest`]: the caller computes
/// the digest of `app_token_message(widget_ks, &input.token)`), then `baseEntry.list` with
/// `ks={1:result:ks}`.
/// The token's own session type wins on the server; `decode` refuses anything but USER.
pub fn verify_with_app_token(
    service_url: &ServiceUrl,
    widget_ks: &Ks,
    input: &AppTokenSession,
    token_hash: &TokenHash,
) -> SessionCall {
    let start = Call::new("appToken", "startSession")
        .param("ks", widget_ks.expose())
        .param("id", input.token_id.as_str())
        .param("tokenHash", token_hash.as_str())
        .optional("userId", input.user.as_str())
        .param("type", USER_SESSION_TYPE)
        .param("expiry", input.expiry.secs().to_string())
        .optional("sessionPrivileges", &input.privileges);
    SessionCall {
        request: multi(service_url, &start, &list_call("{1:result:ks}")),
        plan: Plan::AppTokenVerify {
            user: input.user.clone(),
            expiry: input.expiry,
        },
        list_filter_key: Some(STEP_TWO_FILTER),
        looked_for: None,
    }
}

/// `baseEntry.list` with a pasted KS. Refused before sending when the KS is readable (v1) and is
/// not a USER session.
pub fn verify_with_ks(service_url: &ServiceUrl, ks: &Ks) -> Result<SessionCall, ApiError> {
    if let Ok(info) = ks.inspect() {
        if info.is_user_session() == Some(false) {
            let session_type = match &info {
                crate::session::ks::KsInfo::V1(v1) => v1.session_type,
                crate::session::ks::KsInfo::V2(_) => None,
            };
            return Err(ApiError::NotUserSession {
                session_type,
                source: KsSource::Pasted,
            });
        }
    }
    Ok(SessionCall {
        request: single(
            service_url.endpoint("baseEntry", "list"),
            &list_call(ks.expose()),
        ),
        plan: Plan::KsVerify(ks.clone()),
        list_filter_key: Some("filter:idEqual"),
        looked_for: None,
    })
}
