//! No spelling of a request puts a secret, app-token hash or KS in the request log: each case is
//! a request the dispatcher really accepts (the secret does its job), and the log must not hold it.

use crate::support::*;

const START: &str = "/api_v3/service/session/action/start";

/// How the admin secret is spelled in a session.start request: (what, target, content type, body).
type Spelling = (&'static str, String, Option<&'static str>, String);

fn spellings() -> Vec<Spelling> {
    let s = DEMO_ADMIN_SECRET;
    let p = DEMO_PID;
    let encoded: String = s.bytes().map(|b| format!("%{b:02X}")).collect();
    let form = Some("application/x-www-form-urlencoded");
    let none = None;
    vec![
        (
            "path",
            format!("{START}/secret/{s}/partnerId/{p}/format/1"),
            none,
            String::new(),
        ),
        (
            "empty segment",
            format!("{START}/secret//{s}/partnerId/{p}/format/1"),
            none,
            String::new(),
        ),
        (
            "empty segments",
            format!("{START}//secret///{s}//partnerId/{p}/format/1"),
            none,
            String::new(),
        ),
        (
            "repeated key",
            format!("{START}/x/secret/secret/{s}/partnerId/{p}/format/1"),
            none,
            String::new(),
        ),
        (
            "escaped key",
            format!("{START}/%73ecret/{s}/partnerId/{p}/format/1"),
            none,
            String::new(),
        ),
        (
            "escaped value",
            format!("{START}/secret/{encoded}/partnerId/{p}/format/1"),
            none,
            String::new(),
        ),
        (
            "index.php",
            format!(
                "/api_v3/index.php/service/session/action/start/secret/{s}/partnerId/{p}/format/1"
            ),
            none,
            String::new(),
        ),
        (
            "query",
            format!("{START}?format=1&partnerId={p}&secret={s}"),
            none,
            String::new(),
        ),
        (
            "query escaped key",
            format!("{START}?format=1&partnerId={p}&%73ecret={encoded}"),
            none,
            String::new(),
        ),
        (
            "query repeated key",
            format!("{START}?format=1&partnerId={p}&secret=&secret={s}"),
            none,
            String::new(),
        ),
        (
            "query brackets",
            format!("{START}?format=1&partnerId={p}&secret%5B%5D={s}"),
            none,
            String::new(),
        ),
        (
            "query copy",
            format!("{START}?format=1&partnerId={p}&note={s}"),
            form,
            format!("secret={s}"),
        ),
        (
            "path copy",
            format!("{START}/note/{encoded}?format=1&partnerId={p}"),
            form,
            format!("secret={s}"),
        ),
        (
            "form",
            format!("{START}?format=1"),
            form,
            format!("partnerId={p}&secret={s}"),
        ),
        (
            "json",
            START.to_string(),
            Some("application/json"),
            format!(r#"{{"format":1,"partnerId":{p},"secret":"{s}"}}"#),
        ),
    ]
}

fn log_text(sim: &Sim) -> String {
    sim.control("GET", "/__sim/log", Json::Null).body
}

fn check(sim: &Sim, (what, target, content_type, body): Spelling) {
    let method = if body.is_empty() { "GET" } else { "POST" };
    let headers: Vec<(&str, &str)> = content_type
        .map(|t| ("Content-Type", t))
        .into_iter()
        .collect();
    let reply = sim.send(method, &target, &headers, body.as_bytes());
    let ks = reply.json();
    let ks = ks
        .as_str()
        .unwrap_or_else(|| panic!("{what}: session.start failed: {}", reply.body));
    let log = log_text(sim);
    assert!(
        !log.contains(DEMO_ADMIN_SECRET),
        "{what}: the log holds the secret: {log}"
    );
    assert!(!log.contains(&ks[..24]), "{what}: the log holds the KS");
    assert!(
        log.contains("session.start"),
        "{what}: the call is logged: {log}"
    );
}

#[test]
fn no_spelling_of_the_secret_reaches_the_log() {
    let sim = Sim::start();
    for spelling in spellings() {
        check(&sim, spelling);
    }
}

#[test]
fn ks_and_token_hash_spellings_stay_out_of_the_log() {
    let sim = Sim::start();
    let ks = sim.widget_ks();
    let k = encode(&ks);
    let list = "/api_v3/service/baseEntry/action/list";
    let token = "/api_v3/service/appToken/action/startSession";
    for target in [
        format!("{list}/ks/{k}/format/1"),
        format!("{list}/ks//{k}/format/1"),
        format!("{list}/x/ks/ks/{k}/format/1"),
        format!("{list}?format=1&ks={k}"),
        format!("{list}?format=1&1:ks=&ks={k}"),
        format!("{token}/ks/{k}/id/0_apptksh1/tokenHash//deadbeefcafe/format/1"),
        format!("{token}?format=1&ks={k}&id=0_apptksh1&tokenHash=deadbeefcafe"),
    ] {
        let reply = sim.send("GET", &target, &[], b"");
        assert_eq!(reply.status, 200);
        let log = log_text(&sim);
        assert!(!log.contains(&ks[..24]), "{target}: the log holds the KS");
        assert!(
            !log.contains("deadbeefcafe"),
            "{target}: the log holds the token hash"
        );
    }
    // The widget KS itself was listed, so the list calls ran with it.
    assert!(log_text(&sim).contains("baseentry.list"));
}
