//! Properties: the JSON parser, KS inspection, response decoders and privileges never panic on any input;
//! JSON values survive a render → parse round trip.

use kaltura::embed::ids::PartnerId;
use kaltura::session::api::{
    app_token_widget_step, verify_widget, verify_with_app_token, verify_with_ks,
    verify_with_secret, AppToken, AppTokenId, AppTokenSession, Expiry, Secret, SecretSession,
    ServiceUrl, UserId, WidgetSession,
};
use kaltura::session::digest::AppTokenHashType;
use kaltura::session::json::{self, JsonValue};
use kaltura::session::ks::Ks;
use kaltura::session::privileges::{check, Privileges};
use proptest::prelude::*;

/// Characters that make up JSON documents, so random strings get past the first byte.
const JSONISH: &str = r#"[\[\]{}",:0-9a-zA-Z\\ .eE+\-/tnrufl]{0,300}"#;

fn render(value: &JsonValue) -> String {
    match value {
        JsonValue::Null => "null".into(),
        JsonValue::Bool(b) => b.to_string(),
        JsonValue::Number(n) => n.text().to_string(),
        JsonValue::String(s) => render_string(s),
        JsonValue::Array(items) => format!(
            "[{}]",
            items.iter().map(render).collect::<Vec<_>>().join(",")
        ),
        JsonValue::Object(members) => format!(
            "{{{}}}",
            members
                .iter()
                .map(|(k, v)| format!("{}:{}", render_string(k), render(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn render_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '/' => out.push_str("\\/"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if (c as u32) > 0xffff => {
                // Written as a surrogate pair, as PHP's json_encode does.
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        (any::<i32>(), 0u32..1000, -20i32..20).prop_map(|(i, f, e)| format!("{i}.{f}e{e}")),
    ]
}

fn json_value() -> impl Strategy<Value = JsonValue> {
    let leaf = prop_oneof![
        Just(JsonValue::Null),
        any::<bool>().prop_map(JsonValue::Bool),
        number().prop_map(|n| json::parse(&n).unwrap()),
        any::<String>().prop_map(JsonValue::String),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(JsonValue::Array),
            prop::collection::vec((any::<String>(), inner), 0..6).prop_map(JsonValue::Object),
        ]
    })
}

fn calls() -> Vec<kaltura::session::api::SessionCall> {
    let service = ServiceUrl::local_simulator();
    let partner = PartnerId::parse("123").unwrap();
    let widget_ks = Ks::parse(&crate::session_support::user_v1_ks()).unwrap();
    vec![
        verify_with_secret(
            &service,
            &SecretSession {
                partner,
                secret: Secret::parse("s").unwrap(),
                user: UserId::parse("jdoe").unwrap(),
                expiry: Expiry::ONE_HOUR,
                privileges: String::new(),
            },
        ),
        verify_widget(
            &service,
            &WidgetSession {
                partner,
                expiry: Expiry::ONE_HOUR,
            },
        ),
        verify_with_app_token(
            &service,
            &widget_ks,
            &AppTokenSession {
                token_id: AppTokenId::parse("0_t").unwrap(),
                token: AppToken::parse("0123456789abcdef0123456789abcdef").unwrap(),
                hash_type: AppTokenHashType::Md5,
                user: UserId::anonymous(),
                expiry: Expiry::ONE_HOUR,
                privileges: String::new(),
            },
        ),
        verify_with_ks(&service, &widget_ks).unwrap(),
    ]
}

proptest! {
    #[test]
    fn json_parse_is_total(text in any::<String>()) {
        let _ = json::parse(&text);
    }

    #[test]
    fn json_parse_is_total_on_jsonish_text(text in JSONISH) {
        let _ = json::parse(&text);
    }

    #[test]
    fn json_round_trips(value in json_value()) {
        let text = render(&value);
        prop_assert_eq!(json::parse(&text), Ok(value));
    }

    #[test]
    fn json_prefixes_of_documents_are_truncations(value in json_value(), cut in any::<prop::sample::Index>()) {
        let text = render(&value);
        let boundaries: Vec<usize> = (0..text.len()).filter(|i| text.is_char_boundary(*i)).collect();
        let at = boundaries[cut.index(boundaries.len())];
        if let Err(error) = json::parse(&text[..at]) {
            // A cut can only ever look like an early end (or, for a bare number, nothing wrong at all).
            prop_assert!(error.is_truncation(), "{:?} for {:?}", error, &text[..at]);
        }
    }

    #[test]
    fn ks_inspect_is_total(text in "[A-Za-z0-9+/=_-]{1,300}") {
        if let Ok(ks) = Ks::parse(&text) {
            let _ = ks.inspect();
        }
    }

    #[test]
    fn ks_inspect_is_total_on_encoded_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200), v2 in any::<bool>()) {
        let mut raw = if v2 { b"v2|".to_vec() } else { b"sig|1;1;".to_vec() };
        raw.extend_from_slice(&bytes);
        let ks = Ks::parse(&crate::session_support::base64(&raw)).unwrap();
        let _ = ks.inspect();
    }

    #[test]
    fn decoders_are_total(text in any::<String>(), jsonish in JSONISH) {
        let step = app_token_widget_step(&ServiceUrl::saas(), PartnerId::parse("1").unwrap());
        for call in calls() {
            let _ = call.decode(&text);
            let _ = call.decode(&jsonish);
            let _ = call.decode(&format!("[{jsonish},{jsonish}]"));
        }
        let _ = step.decode(&text);
        let _ = step.decode(&jsonish);
    }

    #[test]
    fn decoders_are_total_on_json_values(value in json_value()) {
        let text = render(&value);
        for call in calls() {
            let _ = call.decode(&text);
        }
    }

    #[test]
    fn privileges_are_total(custom in any::<String>(), ctx in any::<String>(), expiry in any::<u64>()) {
        let form = Privileges { custom: custom.clone(), privacy_context: Some(ctx), ..Privileges::default() };
        if let Ok(built) = form.build() {
            prop_assert!(!built.contains(' '));
        }
        let _ = check(&custom, expiry);
    }
}
