//! The simulator-only `/__sim/` control API: health, request log, faults, clock, reset; local only.
//!
//! A web page on any origin can send requests to 127.0.0.1. So the control API answers only a
//! loopback `Host` (127.0.0.1, localhost or [::1], any port: a rebound DNS name is refused), takes
//! writes only as `Content-Type: application/json` (which a browser cannot send cross-origin
//! without a preflight), refuses that preflight, and sends no CORS header at all, so no other
//! origin can read the log either. Node, curl and the tests are not browsers and are unaffected.

use serde::Deserialize;
use serde_json::json;

use crate::faults::FaultRule;
use crate::message::{Request, Response};
use crate::state::State;

/// Why a control request was refused (403).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The `Host` header is missing or names something other than this machine's loopback.
    HostNotLoopback,
    /// A CORS preflight: there is no cross-origin use of the control API.
    Preflight,
    /// A write whose body is not declared `application/json`.
    NotJson,
}

impl Refusal {
    fn message(self) -> &'static str {
        match self {
            Refusal::HostNotLoopback => {
                "the control API answers only Host 127.0.0.1, localhost or [::1]"
            }
            Refusal::Preflight => "the control API is not for other origins",
            Refusal::NotJson => "control writes need Content-Type: application/json",
        }
    }
}

/// Whether `host` (a `Host` header value) is a loopback name with an optional port.
pub fn is_loopback_host(host: &str) -> bool {
    let host = host.trim();
    let name = if let Some(rest) = host.strip_prefix('[') {
        match rest.split_once(']') {
            Some((inside, port))
                if port.is_empty() || port.strip_prefix(':').is_some_and(is_port) =>
            {
                inside
            }
            _ => return false,
        }
    } else {
        match host.split_once(':') {
            Some((name, port)) if is_port(port) => name,
            Some(_) => return false,
            None => host,
        }
    };
    name == "127.0.0.1" || name == "::1" || name.eq_ignore_ascii_case("localhost")
}

fn is_port(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit()) && text.parse::<u16>().is_ok()
}

/// The checks every control request passes before it is looked at.
fn admit(request: &Request) -> Result<(), Refusal> {
    if !request.header("Host").is_some_and(is_loopback_host) {
        return Err(Refusal::HostNotLoopback);
    }
    match request.method.as_str() {
        "GET" | "HEAD" => Ok(()),
        "OPTIONS" => Err(Refusal::Preflight),
        _ => {
            let media_type = request
                .header("Content-Type")
                .and_then(|value| value.split(';').next())
                .unwrap_or("")
                .trim();
            if media_type.eq_ignore_ascii_case("application/json") {
                Ok(())
            } else {
                Err(Refusal::NotJson)
            }
        }
    }
}

/// Answers a `/__sim/…` request.
pub fn handle(state: &State, request: &Request) -> Response {
    if let Err(refusal) = admit(request) {
        return error(403, refusal.message());
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn check(host: &str, expected: bool) {
        assert_eq!(is_loopback_host(host), expected, "{host}");
    }

    #[test]
    fn loopback_hosts_only() {
        for host in [
            "127.0.0.1",
            "127.0.0.1:8081",
            "localhost",
            "LocalHost:1",
            "[::1]",
            "[::1]:80",
        ] {
            check(host, true);
        }
        for host in [
            "",
            "example.com",
            "localhost.evil.com",
            "127.0.0.1.nip.io",
            "127.0.0.2",
            "[::1]x",
            "localhost:99999",
            "localhost:",
            "localhost:+1",
            "[::1]80",
            "::1",
            "10.0.0.1:8081",
            "evil.com:8081",
        ] {
            check(host, false);
        }
    }
}
