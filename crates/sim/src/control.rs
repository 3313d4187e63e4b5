//! The simulator-only `/__sim/` control API: health, request log, faults, clock, reset.

use serde::Deserialize;
use serde_json::json;

use crate::faults::FaultRule;
use crate::message::{Request, Response};
use crate::state::State;

/// Answers a `/__sim/…` request.
pub fn handle(state: &State, request: &Request) -> Response {
    let route = request.path.trim_end_matches('/');
    match (request.method.as_str(), route) {
        ("GET", "/__sim/health") => ok(json!({
            "ok": true,
            "partners": state.fixtures.partners.len(),
            "entries": state.fixtures.entries.len(),
            "uiconfs": state.fixtures.uiconfs.len(),
            "app_tokens": state.fixtures.app_tokens.len(),
        })),
        ("GET", "/__sim/log") => ok(json!(state.log())),
        ("DELETE", "/__sim/log") => {
            state.clear_log();
            ok(json!({ "ok": true }))
        }
        ("GET", "/__sim/faults") => ok(json!(state.with_faults(|f| f.rules().to_vec()))),
        ("POST", "/__sim/faults") => add_faults(state, request),
        ("DELETE", "/__sim/faults") => {
            state.with_faults(|f| f.clear());
            ok(json!({ "ok": true }))
        }
        ("GET", "/__sim/clock") => clock(state),
        ("POST", "/__sim/clock") => set_clock(state, request),
        ("DELETE", "/__sim/clock") => {
            state.set_clock_offset(0);
            clock(state)
        }
        ("POST", "/__sim/reset") => {
            state.reset();
            ok(json!({ "ok": true }))
        }
        _ => error(
            404,
            "unknown control path; see the sim crate docs for /__sim/ routes",
        ),
    }
}

fn ok(body: serde_json::Value) -> Response {
    json_response(200, body)
}

fn error(status: u16, message: &str) -> Response {
    json_response(status, json!({ "error": message }))
}

fn json_response(status: u16, body: serde_json::Value) -> Response {
    let mut response = Response::new(status, "application/json", body.to_string());
    response.set_header("Cache-Control", "no-store");
    response.set_header("Access-Control-Allow-Origin", "*");
    response
}

/// One rule object or an array of them; per-request rules default to `times: 1`.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(FaultRule),
    Many(Vec<FaultRule>),
}

fn add_faults(state: &State, request: &Request) -> Response {
    let rules = match serde_json::from_slice::<OneOrMany>(&request.body) {
        Ok(OneOrMany::One(rule)) => vec![rule],
        Ok(OneOrMany::Many(rules)) => rules,
        Err(e) => return error(400, &format!("expected a fault rule object or array: {e}")),
    };
    let result = state.with_faults(|faults| {
        rules.into_iter().try_for_each(|mut rule| {
            rule.times = Some(rule.times.unwrap_or(1));
            faults.add(rule)
        })?;
        Ok::<_, crate::faults::FaultError>(faults.rules().to_vec())
    });
    match result {
        Ok(active) => ok(json!(active)),
        Err(e) => error(400, &e.0),
    }
}

fn clock(state: &State) -> Response {
    ok(json!({ "now": state.now(), "offset_secs": state.clock_offset() }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClockChange {
    offset_secs: Option<i64>,
    advance_secs: Option<i64>,
}

fn set_clock(state: &State, request: &Request) -> Response {
    match serde_json::from_slice::<ClockChange>(&request.body) {
        Ok(ClockChange {
            offset_secs: Some(offset),
            advance_secs: None,
        }) => state.set_clock_offset(offset),
        Ok(ClockChange {
            offset_secs: None,
            advance_secs: Some(advance),
        }) => state.set_clock_offset(state.clock_offset().saturating_add(advance)),
        _ => {
            return error(
                400,
                "expected {\"offset_secs\": n} or {\"advance_secs\": n}",
            )
        }
    }
    clock(state)
}
