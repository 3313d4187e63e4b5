//! The route table: control API, preflight, api_v3 (with fault selection), player routes, 404.

use std::time::Duration;

use crate::api::{self, ApiRequest};
use crate::control;
use crate::log::LogEntry;
use crate::message::{self, Request, Response};
use crate::state::State;

/// What the router decided for one request.
pub struct Routed {
    pub response: Response,
    /// Send half the body under the full Content-Length, then close.
    pub truncate: bool,
    /// Reset the connection instead of answering.
    pub reset: bool,
    /// Control API answers are not logged.
    pub log: Option<LogEntry>,
}

impl Routed {
    fn plain(response: Response, log: Option<LogEntry>) -> Routed {
        Routed {
            response,
            truncate: false,
            reset: false,
            log,
        }
    }
}

/// A log entry for a request outside api_v3: its parameters are still parsed the api_v3 way,
/// so redaction knows the values it must hide whatever the route.
fn entry(request: &Request) -> LogEntry {
    LogEntry::new(
        request,
        &ApiRequest::parse(request).params,
        Vec::new(),
        None,
    )
}

/// New static routes (player library, sample media) go here as more arms.
pub async fn route(state: &State, request: &Request) -> Routed {
    if request.path.starts_with("/__sim/") {
        return Routed::plain(control::handle(state, request), None);
    }
    if request.method == "OPTIONS" {
        return Routed::plain(api::preflight(), Some(entry(request)));
    }
    if request.path == "/api_v3" || request.path.starts_with("/api_v3/") {
        return route_api(state, request).await;
    }
    if matches!(request.method.as_str(), "GET" | "HEAD") {
        if let Some(response) = crate::player::route(state, request) {
            return Routed::plain(response, Some(entry(request)));
        }
    }
    let mut response = Response::new(404, "text/plain", "not found");
    api::add_cors(&mut response);
    Routed::plain(response, Some(entry(request)))
}

async fn route_api(state: &State, request: &Request) -> Routed {
    let api_request = ApiRequest::parse(request);
    let calls = api_request.calls();
    let fault = state.with_faults(|faults| faults.take(&calls));
    let log = Some(LogEntry::new(
        request,
        &api_request.params,
        calls,
        fault.as_ref(),
    ));
    let Some(fault) = fault else {
        return Routed::plain(api_request.respond(state, request, false), log);
    };
    if fault.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(fault.latency_ms)).await;
    }
    let mut response = if let Some(status) = fault.status {
        let mut response = Response::new(
            status,
            "text/html",
            format!(
                "<html><head><title>{status} {reason}</title></head><body><h1>{status} {reason}</h1></body></html>",
                reason = message::reason(status)
            ),
        );
        api::add_cors(&mut response);
        response
    } else if fault.non_json {
        let mut response = Response::new(
            200,
            "text/html",
            "<!DOCTYPE html><html><body><p>Service temporarily unavailable (injected by the simulator).</p></body></html>",
        );
        api::add_cors(&mut response);
        response
    } else {
        api_request.respond(state, request, fault.xml)
    };
    if fault.no_cors {
        response
            .headers
            .retain(|(name, _)| !name.to_ascii_lowercase().starts_with("access-control-"));
    }
    Routed {
        response,
        truncate: fault.truncate,
        reset: fault.reset,
        log,
    }
}
