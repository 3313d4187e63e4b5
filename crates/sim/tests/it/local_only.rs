//! The `/__sim/` control API cannot be driven or read from a web page: a cross-origin "simple"
//! POST, a preflight, a rebound DNS name (non-loopback Host) are all refused, and no answer
//! carries a CORS header.

use crate::support::*;

/// One raw control request: `(method, path, host, content type, body)`.
type Case<'a> = (&'a str, &'a str, &'a str, Option<&'a str>, &'a str);

fn send(sim: &Sim, (method, path, host, content_type, body): Case) -> Reply {
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nOrigin: https://evil.example\r\nConnection: close\r\n\
         Content-Length: {}\r\n",
        body.len()
    );
    if let Some(content_type) = content_type {
        head.push_str(&format!("Content-Type: {content_type}\r\n"));
    }
    if method == "OPTIONS" {
        head.push_str("Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n");
    }
    parse_reply(exchange_raw(sim.addr(), format!("{head}\r\n{body}").as_bytes()).as_bytes())
}

/// The status, and that no `Access-Control-*` header came back.
fn check(sim: &Sim, case: Case, expected_status: u16) {
    let reply = send(sim, case);
    assert_eq!(reply.status, expected_status, "{case:?}: {}", reply.body);
    let cors: Vec<_> = reply
        .headers
        .iter()
        .filter(|(name, _)| name.to_ascii_lowercase().starts_with("access-control-"))
        .collect();
    assert!(cors.is_empty(), "{case:?}: {cors:?}");
}

#[test]
fn cross_origin_simple_requests_and_preflights_are_refused() {
    let sim = Sim::start();
    let local = sim.addr().to_string();
    let fault = r#"{"status":500,"times":5}"#;
    let clock = r#"{"advance_secs":99999}"#;
    for content_type in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=x"),
        None,
    ] {
        check(
            &sim,
            ("POST", "/__sim/faults", &local, content_type, fault),
            403,
        );
        check(
            &sim,
            ("POST", "/__sim/clock", &local, content_type, clock),
            403,
        );
        check(
            &sim,
            ("POST", "/__sim/reset", &local, content_type, ""),
            403,
        );
        check(
            &sim,
            ("DELETE", "/__sim/log", &local, content_type, ""),
            403,
        );
    }
    for path in [
        "/__sim/faults",
        "/__sim/clock",
        "/__sim/log",
        "/__sim/reset",
    ] {
        check(&sim, ("OPTIONS", path, &local, None, ""), 403);
    }
    // Nothing changed, and the read answers carry no CORS header either.
    let json = Some("application/json");
    check(&sim, ("GET", "/__sim/log", &local, None, ""), 200);
    assert_eq!(
        sim.control("GET", "/__sim/faults", Json::Null).json(),
        json!([])
    );
    assert_eq!(
        sim.control("GET", "/__sim/clock", Json::Null).json()["offset_secs"],
        0
    );
    // The same write as JSON from a local client works (and still has no CORS header).
    check(&sim, ("POST", "/__sim/clock", &local, json, clock), 200);
    check(
        &sim,
        (
            "POST",
            "/__sim/faults",
            &local,
            Some("Application/JSON; charset=utf-8"),
            fault,
        ),
        200,
    );
    assert_eq!(
        sim.control("GET", "/__sim/clock", Json::Null).json()["offset_secs"],
        99999
    );
}

#[test]
fn only_a_loopback_host_is_answered() {
    let sim = Sim::start();
    let port = sim.addr().port();
    let json = Some("application/json");
    for host in [
        "evil.example",
        "evil.example:80",
        "127.0.0.1.evil.example",
        "localhost.evil.example",
        "10.1.2.3",
        "",
    ] {
        check(&sim, ("GET", "/__sim/log", host, None, ""), 403);
        check(&sim, ("GET", "/__sim/health", host, None, ""), 403);
        check(&sim, ("POST", "/__sim/reset", host, json, ""), 403);
    }
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        "LOCALHOST".into(),
        format!("[::1]:{port}"),
        "127.0.0.1".into(),
    ] {
        check(&sim, ("GET", "/__sim/health", &host, None, ""), 200);
        check(&sim, ("POST", "/__sim/reset", &host, json, ""), 200);
    }
}
