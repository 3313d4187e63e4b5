//! Wire rules over real HTTP: paths, param sources and precedence, formats, error shape, headers, CORS.

use std::io::{Read, Write};
use std::net::TcpStream;

use crate::support::*;

/// (method, target, content type, body) → expected body (`{T}` matches the XML executionTime).
fn check(sim: &Sim, method: &str, target: &str, content_type: &str, body: &str, expected: &str) {
    let headers: Vec<(&str, &str)> = if content_type.is_empty() {
        Vec::new()
    } else {
        vec![("Content-Type", content_type)]
    };
    let reply = sim.send(method, target, &headers, body.as_bytes());
    assert_eq!(reply.status, 200, "{method} {target}");
    let actual = match reply.body.find("<executionTime>") {
        Some(start) => {
            let end = reply.body.find("</executionTime>").expect("closing tag");
            format!("{}{{T}}{}", &reply.body[..start + 15], &reply.body[end..])
        }
        None => reply.body.clone(),
    };
    assert_eq!(
        actual, expected,
        "{method} {target} [{content_type}] {body}"
    );
}

const PING_JSON: &str = "true";
const PING_XML: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?><xml><result>1</result><executionTime>{T}</executionTime></xml>";
const MISSING_SECRET_XML: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?><xml><result><error><code>MISSING_MANDATORY_PARAMETER</code><message>Missing parameter &quot;secret&quot;</message><objectType>KalturaAPIException</objectType><args><item><objectType>KalturaAPIExceptionArg</objectType><name>PARAM_NAME</name><value>secret</value></item></args></error></result><executionTime>{T}</executionTime></xml>";
const MISSING_SECRET_JSON: &str = r#"{"code":"MISSING_MANDATORY_PARAMETER","message":"Missing parameter \"secret\"","objectType":"KalturaAPIException","args":{"PARAM_NAME":"secret"}}"#;

#[test]
fn paths_methods_and_case() {
    let sim = Sim::start();
    let form = "application/x-www-form-urlencoded";
    check(
        &sim,
        "GET",
        "/api_v3/service/system/action/ping?format=1",
        "",
        "",
        PING_JSON,
    );
    check(
        &sim,
        "GET",
        "/api_v3/index.php?service=system&action=ping&format=1",
        "",
        "",
        PING_JSON,
    );
    check(
        &sim,
        "GET",
        "/api_v3/service/system/action/ping/format/1",
        "",
        "",
        PING_JSON,
    );
    check(
        &sim,
        "GET",
        "/api_v3/service/SyStEm/action/PING?format=1",
        "",
        "",
        PING_JSON,
    );
    check(
        &sim,
        "POST",
        "/api_v3/index.php",
        form,
        "service=system&action=ping&format=1",
        PING_JSON,
    );
    check(
        &sim,
        "POST",
        "/api_v3/service/system/action/ping",
        form,
        "",
        PING_XML,
    );
    check(
        &sim,
        "GET",
        "/api_v3/service/system/action/ping?format=2",
        "",
        "",
        PING_XML,
    );
}

#[test]
fn body_kinds_follow_php() {
    let sim = Sim::start();
    let path = "/api_v3/service/session/action/start";
    let json_body = r#"{"format":1,"partnerId":2506752}"#;
    // Exact application/json (any case) is parsed; with a charset the body is ignored (XML default).
    check(
        &sim,
        "POST",
        path,
        "application/json",
        json_body,
        MISSING_SECRET_JSON,
    );
    check(
        &sim,
        "POST",
        path,
        "Application/JSON",
        json_body,
        MISSING_SECRET_JSON,
    );
    check(
        &sim,
        "POST",
        path,
        "application/json; charset=utf-8",
        json_body,
        MISSING_SECRET_XML,
    );
    check(
        &sim,
        "POST",
        path,
        "text/plain;charset=UTF-8",
        "format=1",
        MISSING_SECRET_XML,
    );
    check(&sim, "POST", path, "", "format=1", MISSING_SECRET_XML);
    check(
        &sim,
        "POST",
        path,
        "application/json",
        "format=1",
        MISSING_SECRET_XML,
    );
    check(
        &sim,
        "POST",
        path,
        "application/x-www-form-urlencoded; charset=UTF-8",
        "format=1&partnerId=2506752",
        MISSING_SECRET_JSON,
    );
    // `a[b]` and `a:b` nesting both reach the action.
    let bracket = sim.call(
        "baseentry",
        "list",
        &[("ks", &sim.widget_ks()), ("filter[idEqual]", "1_demo0004")],
    );
    assert_eq!(bracket["totalCount"], 1, "{bracket}");
}

#[test]
fn precedence_is_path_then_query_then_body() {
    let sim = Sim::start();
    let form = "application/x-www-form-urlencoded";
    check(
        &sim,
        "POST",
        "/api_v3/service/system/action/ping/format/1?format=2",
        form,
        "format=2",
        PING_JSON,
    );
    check(
        &sim,
        "POST",
        "/api_v3/service/system/action/ping?format=1",
        form,
        "format=2",
        PING_JSON,
    );
    check(
        &sim,
        "POST",
        "/api_v3/service/system/action/ping?format=2",
        form,
        "format=1",
        PING_XML,
    );
    check(
        &sim,
        "POST",
        "/api_v3/service/nope/action/ping?service=system",
        form,
        "format=1",
        r#"{"code":"SERVICE_DOES_NOT_EXISTS","message":"Service \"nope\" does not exists","objectType":"KalturaAPIException","args":{"SRV_NAME":"nope"}}"#,
    );
}

#[test]
fn dispatcher_errors_and_formats() {
    let sim = Sim::start();
    check(
        &sim,
        "GET",
        "/api_v3/service/session/action/fly?format=1",
        "",
        "",
        r#"{"code":"ACTION_DOES_NOT_EXISTS","message":"Action \"fly\" does not exists for service \"session\"","objectType":"KalturaAPIException","args":{"ACTION_NAME":"fly","SERVICE_NAME":"session"}}"#,
    );
    check(
        &sim,
        "GET",
        "/api_v3/index.php?format=1",
        "",
        "",
        r#"{"code":"SERVICE_NOT_SPECIFIED","message":"Service name was not specified, please specify one","objectType":"KalturaAPIException","args":[]}"#,
    );
    check(&sim, "GET", "/api_v3/service/system/action/ping?format=7", "", "", "<?xml version=\"1.0\" encoding=\"utf-8\"?><xml><result><error><code>UNKNOWN_RESPONSE_FORMAT</code><message>Response format provided [7] is not recognized by server</message><objectType>KalturaAPIException</objectType><args><item><objectType>KalturaAPIExceptionArg</objectType><name>FORMAT</name><value>7</value></item></args></error></result><executionTime>{T}</executionTime></xml>");
    check(
        &sim,
        "GET",
        "/api_v3/service/session/action/start?format=1&partnerId=123",
        "",
        "",
        MISSING_SECRET_JSON,
    );
    // Binding (missing secret) comes before the partner check.
    check(
        &sim,
        "GET",
        "/api_v3/service/session/action/start?format=1&partnerId=123&secret=x",
        "",
        "",
        r#"{"code":"SERVICE_FORBIDDEN_CONTENT_BLOCKED","message":"The access to this service is forbidden since the specified partner is blocked","objectType":"KalturaAPIException","args":[]}"#,
    );
}

#[test]
fn xml_success_objects_put_object_type_first() {
    let sim = Sim::start();
    let reply = sim.post_form(
        "/api_v3/service/session/action/startWidgetSession",
        &[("widgetId", "_2506752")],
    );
    assert_eq!(reply.header("Content-Type"), Some("text/xml"));
    assert!(
        reply.body.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?><xml><result><objectType>KalturaStartWidgetSessionResponse</objectType><partnerId>2506752</partnerId><ks>djJ8MjUwNjc1Mn"),
        "{}",
        reply.body
    );
    assert!(reply
        .body
        .contains("</ks><userId>0</userId></result><executionTime>"));
}

#[test]
fn headers_on_success_errors_and_other_paths() {
    let sim = Sim::start();
    let cases = [
        (
            "/api_v3/service/system/action/ping?format=1",
            "application/json",
        ),
        (
            "/api_v3/service/session/action/start?format=1",
            "application/json",
        ),
        ("/api_v3/service/session/action/start", "text/xml"),
        (
            "/api_v3/service/baseentry/action/list?format=1&ks=garbage",
            "application/json",
        ),
    ];
    for (target, content_type) in cases {
        let reply = sim.send("GET", target, &[], b"");
        assert_eq!(reply.status, 200, "{target}");
        assert_eq!(reply.header("Content-Type"), Some(content_type), "{target}");
        assert_eq!(
            reply.header("Access-Control-Allow-Origin"),
            Some("*"),
            "{target}"
        );
        assert_eq!(
            reply.header("Access-Control-Expose-Headers"),
            Some("Server, Content-Length, Content-Range, Date, X-Kaltura, X-Kaltura-Session, X-Me")
        );
        assert_eq!(
            reply.header("Expires"),
            Some("Sun, 19 Nov 2000 08:52:00 GMT")
        );
        assert_eq!(
            reply.header("Cache-Control"),
            Some("no-store, no-cache, must-revalidate, post-check=0, pre-check=0")
        );
        assert_eq!(reply.header("Access-Control-Allow-Credentials"), None);
    }
    let missing = sim.send("GET", "/nothing-here", &[], b"");
    assert_eq!(missing.status, 404);
    assert_eq!(missing.header("Access-Control-Allow-Origin"), Some("*"));
}

#[test]
fn options_preflight_is_exact_on_any_path() {
    let sim = Sim::start();
    for target in [
        "/api_v3/service/multirequest",
        "/api_v3/service/session/action/start?format=1",
        "/api_v3/index.php",
        "/anything",
    ] {
        let reply = sim.send(
            "OPTIONS",
            target,
            &[
                ("Origin", "http://127.0.0.1:8080"),
                ("Access-Control-Request-Method", "POST"),
                ("Access-Control-Request-Headers", "content-type"),
            ],
            b"",
        );
        assert_eq!(reply.status, 200, "{target}");
        assert_eq!(reply.body, "", "{target}");
        let expected = [
            ("Access-Control-Allow-Origin", "*"),
            (
                "Access-Control-Allow-Headers",
                "Origin, X-Requested-With, Content-Type, Accept, Range, Cache-Control",
            ),
            ("Access-Control-Allow-Methods", "POST, GET, HEAD, OPTIONS"),
            ("Access-Control-Max-Age", "86400"),
            ("Content-Length", "0"),
        ];
        for (name, value) in expected {
            assert_eq!(reply.header(name), Some(value), "{target} {name}");
        }
    }
}

/// Sends raw bytes on one connection and reads until the server closes.
fn exchange(sim: &Sim, bytes: &[u8]) -> String {
    let mut stream = TcpStream::connect(sim.addr()).unwrap();
    stream.write_all(bytes).unwrap();
    let mut out = Vec::new();
    stream.read_to_end(&mut out).unwrap();
    String::from_utf8_lossy(&out).to_string()
}

#[test]
fn keep_alive_chunked_and_expect_continue() {
    let sim = Sim::start();
    let two = "GET /api_v3/service/system/action/ping?format=1 HTTP/1.1\r\nHost: x\r\n\r\n\
               GET /api_v3/service/system/action/ping?format=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    let answer = exchange(&sim, two.as_bytes());
    assert_eq!(answer.matches("HTTP/1.1 200 OK").count(), 2, "{answer}");
    assert!(answer.contains("Connection: keep-alive"));

    let chunked = "POST /api_v3/service/system/action/ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
                   Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n\
                   4\r\nform\r\n4\r\nat=1\r\n0\r\n\r\n";
    assert!(exchange(&sim, chunked.as_bytes()).ends_with("\r\n\r\ntrue"));

    let expect = "POST /api_v3/service/system/action/ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
                  Content-Type: application/x-www-form-urlencoded\r\nExpect: 100-continue\r\nContent-Length: 8\r\n\r\nformat=1";
    let answer = exchange(&sim, expect.as_bytes());
    assert!(
        answer.starts_with("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK"),
        "{answer}"
    );

    let garbage = exchange(&sim, b"NONSENSE\r\n\r\n");
    assert!(garbage.starts_with("HTTP/1.1 400"), "{garbage}");
}
