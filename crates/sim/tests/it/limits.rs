//! Hostile input that once crashed or swamped the simulator: deep keys, many parameters, huge
//! multirequests, overflowing chunk sizes, a megabyte KS. Each is answered and the server lives on.

use crate::support::*;

const PING: &str = "/api_v3/service/system/action/ping";
const LIMIT: &str = "PARAMETERS_LIMIT_EXCEEDED";

/// Where a hostile key goes.
#[derive(Debug, Clone, Copy)]
enum Place {
    Query,
    Form,
    Json,
    Path,
}

/// Sends `key=1` (or `{"key": 1}`) placed as given with `format=1`; returns the result's code.
fn send_key(sim: &Sim, place: Place, key: &str) -> String {
    let reply = match place {
        Place::Query => sim.send("GET", &format!("{PING}?format=1&{key}=1"), &[], b""),
        Place::Path => sim.send("GET", &format!("{PING}/format/1/{key}/1"), &[], b""),
        Place::Form => sim.send(
            "POST",
            PING,
            &[("Content-Type", "application/x-www-form-urlencoded")],
            format!("format=1&{key}=1").as_bytes(),
        ),
        Place::Json => sim.send(
            "POST",
            PING,
            &[("Content-Type", "application/json")],
            key.as_bytes(),
        ),
    };
    assert_eq!(reply.status, 200, "{place:?}: {}", reply.body);
    code_of(&reply.json())
}

fn colon_key(levels: usize) -> String {
    vec!["a"; levels].join(":")
}

/// A JSON body `{"format":1,"a":{"a":…}}` with `levels` levels of keys.
fn json_key(levels: usize) -> String {
    let inner = format!(
        "{}1{}",
        r#"{"a":"#.repeat(levels - 1),
        "}".repeat(levels - 1)
    );
    format!(r#"{{"format":1,"a":{inner}}}"#)
}

fn check(sim: &Sim, place: Place, key: String, expected: &str) {
    let shown = &key[..key.len().min(40)];
    assert_eq!(send_key(sim, place, &key), expected, "{place:?} {shown}…");
    assert_alive(sim);
}

#[test]
fn deep_keys_are_refused_in_every_place() {
    let sim = Sim::start();
    // Ping succeeds ("OK") at 32 levels; 33 and far beyond get the limit error, never a crash.
    // Query and path stay under the 64 KiB head limit; bodies go much deeper.
    for (place, deep) in [
        (Place::Query, 20_000),
        (Place::Path, 20_000),
        (Place::Form, 500_000),
    ] {
        check(&sim, place, colon_key(32), "OK");
        check(&sim, place, colon_key(33), LIMIT);
        check(&sim, place, colon_key(deep), LIMIT);
        check(&sim, place, format!("a{}", "[a]".repeat(deep / 3)), LIMIT);
    }
    check(&sim, Place::Json, json_key(32), "OK");
    check(&sim, Place::Json, json_key(33), LIMIT);
    check(&sim, Place::Json, json_key(100_000), LIMIT);
    let key_and_nesting = format!(r#"{{"format":1,"{}":{}}}"#, colon_key(30), json_key(3));
    check(&sim, Place::Json, key_and_nesting, LIMIT);
}

#[test]
fn parameter_counts_and_multirequest_items_are_bounded() {
    let sim = Sim::start();
    let pairs = |n: usize| {
        (0..n)
            .map(|i| format!("k{i}=v"))
            .collect::<Vec<_>>()
            .join("&")
    };
    // format=1 is one of the 1000.
    check(&sim, Place::Form, pairs(999), "OK");
    check(&sim, Place::Form, pairs(1000), LIMIT);
    let items = |n: usize| {
        (1..=n)
            .map(|i| format!("{i}:service=system&{i}:action=ping"))
            .collect::<Vec<_>>()
            .join("&")
    };
    let multirequest = |n: usize| {
        sim.send(
            "POST",
            "/api_v3/service/multirequest",
            &[("Content-Type", "application/x-www-form-urlencoded")],
            format!("format=1&{}", items(n)).as_bytes(),
        )
        .json()
    };
    assert_eq!(multirequest(100).as_array().map(Vec::len), Some(100));
    assert_eq!(code_of(&multirequest(101)), LIMIT);
    assert_alive(&sim);
}

#[test]
fn an_overflowing_chunk_size_is_a_bad_request() {
    let sim = Sim::start();
    for size in ["FFFFFFFFFFFFFFFFFFFF", "1FFFFFFFFFFFFFFFF", "-1", "zz"] {
        let request = format!(
            "POST {PING} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n\
             Transfer-Encoding: chunked\r\n\r\n{size}\r\nformat=1\r\n0\r\n\r\n"
        );
        let answer = exchange_raw(sim.addr(), request.as_bytes());
        assert!(answer.starts_with("HTTP/1.1 400"), "{size}: {answer}");
        assert_alive(&sim);
    }
}

#[test]
fn a_huge_ks_is_not_echoed_whole() {
    let sim = Sim::start();
    let ks = "A".repeat(1_000_000);
    let reply = sim.post_form(
        "/api_v3/service/baseEntry/action/list",
        &[("format", "1"), ("ks", &ks)],
    );
    let result = reply.json();
    assert_eq!(code_of(&result), "INVALID_KS");
    let echoed = result["args"]["KSID"].as_str().unwrap();
    assert_eq!(echoed.len(), sim::errors::MAX_KS_ECHO);
    assert!(
        reply.body.len() < 3 * sim::errors::MAX_KS_ECHO,
        "{}",
        reply.body.len()
    );
}

#[test]
fn log_entries_are_bounded() {
    let sim = Sim::start();
    let long = "x".repeat(20_000);
    sim.send("GET", &format!("{PING}/{long}?format=1&q={long}"), &[], b"");
    let log = sim.handle.request_log();
    let entry = log.last().expect("one entry");
    assert!(
        entry.path.len() <= sim::log::MAX_FIELD_BYTES,
        "{}",
        entry.path.len()
    );
    assert!(
        entry.query.len() <= sim::log::MAX_FIELD_BYTES,
        "{}",
        entry.query.len()
    );
    assert!(entry.query.starts_with("format=1&q=xxx"), "{}", entry.query);
}

#[test]
fn oversized_heads_and_bodies_are_answered() {
    let sim = Sim::start();
    let big_body = vec![b'a'; sim::server::MAX_BODY_BYTES + 1];
    let reply = sim.send("POST", PING, &[("Content-Type", "text/plain")], &big_body);
    assert_eq!(reply.status, 413);
    // hyper's limit is its read buffer, so "over" means clearly over.
    let long_header = "v".repeat(2 * sim::server::MAX_HEAD_BYTES);
    let answer = exchange_raw(
        sim.addr(),
        format!(
            "GET {PING} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Long: {long_header}\r\n\r\n"
        )
        .as_bytes(),
    );
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer}");
    let many: String = (0..=sim::server::MAX_HEADERS)
        .map(|i| format!("X-{i}: 1\r\n"))
        .collect();
    let answer = exchange_raw(
        sim.addr(),
        format!("GET {PING} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n{many}\r\n").as_bytes(),
    );
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer}");
    assert_alive(&sim);
}
