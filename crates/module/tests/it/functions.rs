//! The module's functions natively, options given as JSON: where each shape problem is reported,
//! that a paste's options make the pasted player again, and that a session request is USER only.

use kaltura_embed::embed::embed_code;
use kaltura_embed::issues::Rejected;
use kaltura_embed::ks::inspect_ks;
use kaltura_embed::paste::{migrate_embed, read_embed};
use kaltura_embed::session::{read_session_answer, user_session_request, SessionOptions};
use serde_json::{json, Value};

fn fields(result: Result<impl std::fmt::Debug, Rejected>) -> Vec<String> {
    match result {
        Ok(value) => panic!("expected issues, got {value:?}"),
        Err(rejected) => rejected.issues.into_iter().map(|i| i.field).collect(),
    }
}

fn check_embed(options: Value, expected_fields: &[&str]) {
    let options = serde_json::from_value(options).unwrap();
    assert_eq!(fields(embed_code(&options)), expected_fields);
}

fn check_session(options: Value, expected_fields: &[&str]) {
    let options: SessionOptions = serde_json::from_value(options).unwrap();
    assert_eq!(fields(user_session_request(&options)), expected_fields);
}

fn ids() -> Value {
    json!({ "partnerId": 2506752, "uiConfId": "48460943", "entryId": "1_abcd1234" })
}

fn with(patch: Value) -> Value {
    let mut options = ids();
    options
        .as_object_mut()
        .unwrap()
        .extend(patch.as_object().unwrap().clone());
    options
}

#[test]
fn shape_problems_are_reported_at_their_keys_with_the_core_problems() {
    check_embed(with(json!({ "autoplay": 1 })), &["autoplay"]);
    check_embed(with(json!({ "embedType": "popup" })), &["embedType"]);
    check_embed(with(json!({ "width": 1.5, "height": 360 })), &["width"]);
    check_embed(
        with(json!({ "aspectRatio": "4:3", "width": 640, "height": 360 })),
        &["aspectRatio"],
    );
    check_embed(
        with(json!({ "colour": "red", "partnerId": "abc" })),
        &["colour", "partnerId"],
    );
    check_embed(
        with(json!({ "includeKs": true, "ks": "not a ks!" })),
        &["ks"],
    );
    check_embed(
        json!({ "partnerId": [1], "entryId": {} }),
        &["partnerId", "entryId", "uiConfId"],
    );
}

#[test]
fn a_pastes_options_make_the_pasted_player_again() {
    let options = ids();
    let code = embed_code(&serde_json::from_value(options).unwrap())
        .unwrap()
        .code;
    let read = read_embed(&code).unwrap();
    let again = serde_json::to_value(&read.options).unwrap();
    let code_again = embed_code(&serde_json::from_value(again).unwrap())
        .unwrap()
        .code;
    assert_eq!(code_again, code);
    assert_eq!(fields(read_embed("nothing here")), ["text"]);
    assert_eq!(fields(migrate_embed(&code)), ["text"]);
}

#[test]
fn a_ks_is_inspected_or_refused_at_ks() {
    let v2 = inspect_ks("djJ8MjUwNjc1Mnx0ZXN0LWtz").unwrap();
    assert_eq!((v2.version, v2.partner_id.as_str()), (2, "2506752"));
    assert_eq!(fields(inspect_ks("")), ["ks"]);
    assert_eq!(fields(inspect_ks("bm90IGEga3M")), ["ks"]);
}

#[test]
fn session_requests_are_user_sessions_and_checked_by_the_core() {
    let secret = json!({ "method": "secret", "partnerId": "123", "secret": "0123456789abcdef0123456789abcdef" });
    let options: SessionOptions = serde_json::from_value(secret.clone()).unwrap();
    let request = user_session_request(&options).unwrap();
    assert!(request.body.contains("1:type=0"), "{}", request.body);
    assert!(!request.body.contains("type=2"), "{}", request.body);
    check_session(
        json!({ "method": "secret", "partnerId": "123" }),
        &["secret"],
    );
    check_session(
        json!({ "method": "admin", "partnerId": "123" }),
        &["method"],
    );
    check_session(
        json!({ "method": "widget", "partnerId": "x", "type": 2 }),
        &["type", "partnerId"],
    );
    check_session(
        json!({ "method": "widget", "partnerId": "1", "expiry": "forever" }),
        &["expiry"],
    );
    // An answer that is not api_v3 JSON is refused, not a panic.
    assert!(read_session_answer(&options, "<html>").is_err());
}

#[test]
fn check_embed_reports_each_player_with_the_doctors_findings() {
    use kaltura_embed::doctor::check_embed;
    let page = r#"<iframe src="http://cdnapi.kaltura.com/p/123/embedPlaykitJs/uiconf_id/456?iframeembed=true&entry_id=1_abcd1234"></iframe>"#;
    let report = check_embed(page, 1_800_000_000).expect("a player");
    assert_eq!(report.players.len(), 1);
    let player = &report.players[0];
    assert_eq!((player.player_version, player.embed_type), ("v7", "iframe"));
    let rules: Vec<&str> = player.findings.iter().map(|f| f.rule.as_str()).collect();
    for rule in ["InsecureHost", "IframeAllow"] {
        assert!(rules.contains(&rule), "{rule} in {rules:?}");
    }
    assert!(player
        .findings
        .iter()
        .all(|f| !f.why.is_empty() && !f.fix.is_empty()));
    let none = check_embed("<p>No player here.</p>", 0).unwrap_err();
    assert_eq!(none.issues[0].field, "html");
}

/// Each options struct reads every key of its list (`options!` declares both from one list): an
/// object with all of them and two more has exactly those two left over.
#[test]
fn every_listed_option_key_is_read_and_only_unknown_keys_are_left() {
    use kaltura_embed::embed::{VideoOptions, VIDEO_KEYS};
    use kaltura_embed::options::{EmbedOptions, EMBED_KEYS};
    use kaltura_embed::session::SESSION_KEYS;
    fn left<T: serde::de::DeserializeOwned>(keys: &[&str], read: fn(T) -> Vec<String>) {
        let mut object = serde_json::Map::new();
        object.insert("zExtra".into(), json!(1));
        for key in keys {
            object.insert((*key).into(), json!("x"));
        }
        object.insert("aExtra".into(), json!(2));
        let options: T = serde_json::from_value(Value::Object(object)).unwrap();
        let mut rest = read(options);
        rest.sort();
        assert_eq!(rest, ["aExtra", "zExtra"], "{keys:?}");
    }
    left::<EmbedOptions>(EMBED_KEYS, |o| o.unknown);
    left::<SessionOptions>(SESSION_KEYS, |o| o.unknown);
    left::<VideoOptions>(VIDEO_KEYS, |o| o.unknown);
}
