//! Fault injection, the request log (redaction), the clock and reset, over the `/__sim/` control API.

use std::io::ErrorKind;

use crate::support::*;

const PING: &str = "/api_v3/service/system/action/ping?format=1";
const START: &str = "/api_v3/service/session/action/start";

fn install(sim: &Sim, rule: Json) {
    let reply = sim.control("POST", "/__sim/faults", rule.clone());
    assert_eq!(reply.status, 200, "{rule} → {}", reply.body);
}

fn ping(sim: &Sim) -> Reply {
    sim.send("GET", PING, &[], b"")
}

/// rule → (status, content type, body check, CORS present, truncated)
type FaultCase = (Json, u16, &'static str, fn(&str) -> bool, bool, bool);

#[test]
fn each_fault_changes_one_answer() {
    let sim = Sim::start();
    let cases: Vec<FaultCase> = vec![
        (
            json!({"latency_ms": 20}),
            200,
            "application/json",
            |b| b == "true",
            true,
            false,
        ),
        (
            json!({"status": 500}),
            500,
            "text/html",
            |b| b.contains("500 Internal Server Error"),
            true,
            false,
        ),
        (
            json!({"status": 502}),
            502,
            "text/html",
            |b| b.contains("502 Bad Gateway"),
            true,
            false,
        ),
        (
            json!({"status": 502, "no_cors": true}),
            502,
            "text/html",
            |b| b.contains("502"),
            false,
            false,
        ),
        (
            json!({"non_json": true}),
            200,
            "text/html",
            |b| b.starts_with("<!DOCTYPE html>"),
            true,
            false,
        ),
        (
            json!({"xml": true}),
            200,
            "text/xml",
            |b| b.contains("<result>1</result>"),
            true,
            false,
        ),
        (
            json!({"no_cors": true}),
            200,
            "application/json",
            |b| b == "true",
            false,
            false,
        ),
        (
            json!({"truncate": true}),
            200,
            "application/json",
            |b| b == "tr",
            true,
            true,
        ),
    ];
    for (rule, status, content_type, body_ok, cors, truncated) in cases {
        install(&sim, rule.clone());
        let reply = ping(&sim);
        assert_eq!(reply.status, status, "{rule}");
        assert_eq!(reply.header("Content-Type"), Some(content_type), "{rule}");
        assert!(body_ok(&reply.body), "{rule}: {}", reply.body);
        assert_eq!(
            reply.header("Access-Control-Allow-Origin").is_some(),
            cors,
            "{rule}"
        );
        assert_eq!(reply.truncated, truncated, "{rule}");
        // times defaults to 1: the next answer is normal again.
        let next = ping(&sim);
        assert_eq!(
            (next.status, next.body.as_str()),
            (200, "true"),
            "after {rule}"
        );
    }
    let faults: Vec<Json> = sim
        .control("GET", "/__sim/log", Json::Null)
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["fault"].clone())
        .filter(|fault| !fault.is_null())
        .collect();
    assert_eq!(
        faults,
        [
            "latency_ms=20",
            "status=500",
            "status=502",
            "status=502,no_cors",
            "non_json",
            "xml",
            "no_cors",
            "truncate"
        ]
    );
}

#[test]
fn reset_fault_drops_the_connection() {
    let sim = Sim::start();
    install(&sim, json!({"reset": true}));
    let error = raw(sim.addr(), "GET", PING, &[], b"").expect_err("the connection is reset");
    assert!(
        matches!(
            error.kind(),
            ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted | ErrorKind::BrokenPipe
        ),
        "{error:?}"
    );
    assert_eq!(ping(&sim).body, "true");
    let log = sim.handle.request_log();
    assert_eq!((log[0].status, log[0].fault.as_deref()), (0, Some("reset")));
}

#[test]
fn match_and_times_select_requests() {
    let sim = Sim::start();
    install(
        &sim,
        json!({"status": 502, "match": "session.start", "times": 2}),
    );
    let start = || {
        sim.post_form(
            START,
            &[
                ("format", "1"),
                ("partnerId", DEMO_PID),
                ("secret", DEMO_USER_SECRET),
            ],
        )
        .status
    };
    assert_eq!(ping(&sim).status, 200);
    assert_eq!(start(), 502);
    // Matches inside a multirequest too.
    let multi = sim.post_form(
        "/api_v3/service/multirequest",
        &[
            ("format", "1"),
            ("1:service", "Session"),
            ("1:action", "Start"),
        ],
    );
    assert_eq!(multi.status, 502);
    assert_eq!(start(), 200);
    assert_eq!(
        sim.control("GET", "/__sim/faults", Json::Null).json(),
        json!([])
    );

    install(
        &sim,
        json!([{"xml": true, "match": "system.ping", "times": 5}, {"no_cors": true}]),
    );
    assert_eq!(
        sim.control("GET", "/__sim/faults", Json::Null)
            .json()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        sim.control("DELETE", "/__sim/faults", Json::Null).status,
        200
    );
    assert_eq!(ping(&sim).header("Content-Type"), Some("application/json"));
    // Control paths and preflights are never faulted.
    install(&sim, json!({"status": 500}));
    assert_eq!(sim.send("OPTIONS", PING, &[], b"").status, 200);
    assert_eq!(sim.control("GET", "/__sim/health", Json::Null).status, 200);
    assert_eq!(ping(&sim).status, 500);
}

#[test]
fn fault_rules_are_bounded() {
    let sim = Sim::start();
    let bad = [
        json!({"latency_ms": 30001}),
        json!({"status": 404}),
        json!({"times": 0, "reset": true}),
        json!({"times": 1001, "reset": true}),
        json!({"match": "session.start"}),
        json!({"bogus": true}),
        json!("reset"),
    ];
    for rule in bad {
        let reply = sim.control("POST", "/__sim/faults", rule.clone());
        assert_eq!(reply.status, 400, "{rule}");
        assert!(reply.json()["error"].is_string());
    }
    for _ in 0..32 {
        install(&sim, json!({"latency_ms": 1, "match": "nothing.matches"}));
    }
    let full = sim.control("POST", "/__sim/faults", json!({"reset": true}));
    assert_eq!(
        (full.status, full.json()["error"].as_str()),
        (400, Some("at most 32 fault rules"))
    );
}

#[test]
fn per_run_faults_persist_until_cleared() {
    let rule = sim::FaultRule::parse_spec("status=503,match=system.ping").unwrap();
    let sim = Sim::with(sim::Config {
        faults: vec![rule],
        ..sim::Config::default()
    });
    for _ in 0..3 {
        assert_eq!(ping(&sim).status, 503);
    }
    sim.control("POST", "/__sim/reset", Json::Null);
    assert_eq!(ping(&sim).status, 503);
    sim.control("DELETE", "/__sim/faults", Json::Null);
    assert_eq!(ping(&sim).status, 200);
}

#[test]
fn log_never_holds_secrets() {
    let sim = Sim::start();
    let ks = sim.user_ks("demo-user", "");
    sim.send(
        "GET",
        &format!(
            "{START}/secret/{DEMO_ADMIN_SECRET}?format=1&partnerId={DEMO_PID}&ks={}",
            encode(&ks)
        ),
        &[],
        b"",
    );
    sim.post_form(
        "/api_v3/service/appToken/action/startSession",
        &[
            ("format", "1"),
            ("ks", &ks),
            ("id", "0_apptksh1"),
            ("tokenHash", "abcdef0123"),
        ],
    );
    sim.send("OPTIONS", "/api_v3/service/multirequest", &[], b"");
    let log_text = sim.control("GET", "/__sim/log", Json::Null).body;
    for secret in [
        DEMO_ADMIN_SECRET,
        DEMO_USER_SECRET,
        ks.as_str(),
        &ks[..20],
        "abcdef0123",
    ] {
        assert!(!log_text.contains(secret), "log leaks {secret}");
    }
    let log = sim.handle.request_log();
    let summary: Vec<(String, Vec<String>)> = log
        .iter()
        .map(|e| (e.method.clone(), e.calls.clone()))
        .collect();
    assert_eq!(
        summary,
        [
            ("POST".to_string(), vec!["session.start".to_string()]),
            ("GET".to_string(), vec!["session.start".to_string()]),
            (
                "POST".to_string(),
                vec!["apptoken.startsession".to_string()]
            ),
            ("OPTIONS".to_string(), vec![]),
        ]
    );
    assert_eq!(
        log[1].path,
        "/api_v3/service/session/action/start/secret/***"
    );
    assert!(log[1].query.ends_with("&ks=***"), "{}", log[1].query);
    assert!(log.windows(2).all(|pair| pair[0].seq < pair[1].seq));
    assert_eq!(sim.control("DELETE", "/__sim/log", Json::Null).status, 200);
    assert!(sim.handle.request_log().is_empty());
}

#[test]
fn clock_and_reset() {
    let sim = Sim::start();
    let real = sim.control("GET", "/__sim/clock", Json::Null).json();
    assert_eq!(real["offset_secs"], 0);
    let cases = [
        (json!({"offset_secs": 3600}), 200, Some(3600)),
        (json!({"advance_secs": 60}), 200, Some(3660)),
        (json!({"advance_secs": -660}), 200, Some(3000)),
        (
            json!({"offset_secs": 1_000_000_000_000i64}),
            200,
            Some(10 * 366 * 86400),
        ),
        (json!({"offset_secs": 1, "advance_secs": 1}), 400, None),
        (json!({"later": 1}), 400, None),
    ];
    for (body, status, offset) in cases {
        let reply = sim.control("POST", "/__sim/clock", body.clone());
        assert_eq!(reply.status, status, "{body}");
        if let Some(offset) = offset {
            assert_eq!(reply.json()["offset_secs"], offset, "{body}");
        }
    }
    install(&sim, json!({"no_cors": true, "times": 3}));
    ping(&sim);
    let reset = sim.control("POST", "/__sim/reset", Json::Null);
    assert_eq!(reset.status, 200);
    assert_eq!(
        sim.control("GET", "/__sim/clock", Json::Null).json()["offset_secs"],
        0
    );
    assert_eq!(
        sim.control("GET", "/__sim/faults", Json::Null).json(),
        json!([])
    );
    assert!(sim.handle.request_log().is_empty());
    assert_eq!(
        sim.control("DELETE", "/__sim/clock", Json::Null).json()["offset_secs"],
        0
    );
    assert_eq!(sim.control("GET", "/__sim/nope", Json::Null).status, 404);
    let health = sim.control("GET", "/__sim/health", Json::Null).json();
    assert_eq!(
        (health["ok"].as_bool(), health["partners"].as_u64()),
        (Some(true), Some(3))
    );
}
