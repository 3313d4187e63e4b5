//! api_v3 for USER sessions: service URL, request builders, response decoding and the error catalogue.
//!
//! The app builds a [`SessionCall`] with one of the builders, POSTs `request.body` to `request.url`
//! with content type [`CONTENT_TYPE`], and hands the response text to [`SessionCall::decode`] with
//! a JSON parser: the browser's `JSON.parse` through serde-wasm-bindgen on the page, `serde_json` in
//! native tests. The answer shapes are serde types (`answer.rs`); the core itself parses no JSON.

mod answer;
mod body;
mod credentials;
mod error;
mod exception;
mod expiry;
mod player_check;
mod request;
mod response;
mod service_url;
mod wire;

pub use answer::ApiException;
pub use credentials::{
    AppToken, AppTokenId, CredentialError, Secret, UserId, APP_TOKEN_LEN, MAX_USER_ID_LEN,
};
pub use error::{ApiError, DocNameMapping, Field, KsRejection, KsSource, Network};
pub use expiry::{Expiry, ExpiryError, MAX_EXPIRY_SECS, MIN_EXPIRY_SECS};
pub use player_check::{player_check, PlayerCheck, Verdict};
pub use request::{
    app_token_widget_step, start_session, verify_widget, verify_with_app_token, verify_with_ks,
    verify_with_secret, ApiRequest, AppTokenSession, SecretSession, SessionCall, WidgetKsCall,
    WidgetSession,
};
pub use response::{ExpiresHint, SessionOutcome, SessionUser};
pub use service_url::{
    offers_local_simulator, ServicePreset, ServiceUrl, ServiceUrlError, LOCAL_SIMULATOR_ORIGIN,
    SAAS_ORIGIN,
};

/// The `Content-Type` of every request body built here.
pub const CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

/// Sent as `clientTag` on every request (api_v3 logs it for analytics).
pub const CLIENT_TAG: &str = "embed-studio";
