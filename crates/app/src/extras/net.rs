//! Sends core-built api_v3 requests with gloo-net (one POST, a timeout, a typed network failure),
//! parses answers with the browser's own `JSON.parse` for the core's serde types to read through
//! serde-wasm-bindgen (no JSON parser is compiled into the page), and runs the Session panel's whole
//! start, request after request.

use gloo_net::http::Request;
use kaltura::session::api::{self as api, ApiError, ApiRequest, Network, SessionOutcome};
use kaltura::session::form::{Prepared, SessionPlan};
use wasm_bindgen::{JsCast, JsValue};

/// api_v3 answers in well under this; longer means a stuck proxy or host.
pub const TIMEOUT_MS: u32 = 15_000;

/// POSTs the form body and returns the response text of an HTTP 200 answer. `run` is the
/// caller's controller for the whole action: aborting it (Cancel) stops this request too; the
/// timeout aborts it as well, ending the action.
pub async fn post_form(
    request: &ApiRequest,
    run: &web_sys::AbortController,
) -> Result<String, Network> {
    let signal = run.signal();
    let controller = run.clone();
    let timer = gloo_timers::callback::Timeout::new(TIMEOUT_MS, move || controller.abort());
    let sent = Request::post(&request.url)
        // A "simple" content type: no CORS preflight, exactly what api_v3 reads as a form.
        .header("Content-Type", kaltura::session::api::CONTENT_TYPE)
        .abort_signal(Some(&signal))
        .body(request.body.as_str());
    let response = match sent {
        Ok(req) => req.send().await,
        Err(_) => return Err(Network::CorsBlockedOrOffline),
    };
    let response = response.map_err(|_| classify_failure(signal.aborted()))?;
    if response.status() != 200 {
        return Err(Network::HttpStatus(response.status()));
    }
    // Headers arrived, so a failure now means the body stopped short (unless our timer fired).
    let text = response.text().await.map_err(|_| {
        if signal.aborted() {
            Network::Timeout
        } else {
            Network::Truncated
        }
    });
    // Dropping the timer cancels it; it had to cover reading the body too.
    drop(timer);
    text
}

/// The JSON parser given to the core's decoders (`SessionCall::decode`): the browser's `JSON.parse`,
/// its value read by serde-wasm-bindgen. On failure, the browser's message (the core tells a cut-off
/// answer from a body that is not JSON by it and the body itself).
pub fn browser_json(text: &str) -> Result<serde_wasm_bindgen::Deserializer, String> {
    js_sys::JSON::parse(text)
        .map(serde_wasm_bindgen::Deserializer::from)
        .map_err(|error| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_default()
        })
}

fn classify_failure(timed_out: bool) -> Network {
    if timed_out {
        return Network::Timeout;
    }
    let online = web_sys::window()
        .map(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("onLine")).ok())
        .and_then(|v| v.and_then(|v| v.as_bool()))
        .unwrap_or(true);
    if online {
        Network::CorsBlockedOrOffline
    } else {
        Network::Offline
    }
}

/// Sends the prepared plan; the secret it owns is dropped when this returns. Aborting `control`
/// (Cancel) stops whichever request is under way.
pub async fn start_session(
    prepared: Prepared,
    control: web_sys::AbortController,
) -> Result<SessionOutcome, ApiError> {
    let Prepared {
        service,
        plan,
        look_for,
    } = prepared;
    let call = match plan {
        SessionPlan::Widget(widget) => api::verify_widget(&service, &widget),
        SessionPlan::Secret(secret) => api::verify_with_secret(&service, &secret),
        SessionPlan::Pasted(ks) => api::verify_with_ks(&service, &ks)?,
        SessionPlan::AppToken { partner, session } => {
            let step = api::app_token_widget_step(&service, partner);
            let text = post_form(&step.request, &control)
                .await
                .map_err(ApiError::Network)?;
            let widget_ks = step.decode(&text, browser_json)?;
            let hash =
                super::digest::token_hash(session.hash_type, &widget_ks, &session.token).await?;
            api::verify_with_app_token(&service, &widget_ks, &session, &hash)
        }
    };
    let call = match &look_for {
        Some(content) => call.looking_for(content),
        None => call,
    };
    let text = post_form(&call.request, &control)
        .await
        .map_err(ApiError::Network)?;
    call.decode(&text, browser_json)
}
