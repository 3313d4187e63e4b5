//! Sends a core-built api_v3 request with gloo-net: one POST, a timeout, and a typed network failure.

use gloo_net::http::Request;
use kaltura::session::api::{ApiRequest, Network};
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
