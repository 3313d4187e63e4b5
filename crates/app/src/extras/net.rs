//! Sends core-built api_v3 requests with gloo-net: one POST, a timeout, and a typed network
//! failure; and the Session panel's whole start, request after request.

use gloo_net::http::Request;
use kaltura::session::api::{self as api, ApiError, ApiRequest, Network, SessionOutcome};
use kaltura::session::form::{Prepared, SessionPlan};
use wasm_bindgen::JsValue;

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
            let widget_ks = step.decode(&text)?;
            api::verify_with_app_token(&service, &widget_ks, &session)
        }
    };
    let call = match &look_for {
        Some(content) => call.looking_for(content),
        None => call,
    };
    let text = post_form(&call.request, &control)
        .await
        .map_err(ApiError::Network)?;
    call.decode(&text)
}
