//! Properties: KS inspection, response decoders and privileges never panic on any input; a cut-off
//! answer always reads as cut off.

use crate::session_support::{json, token_hash};
use kaltura::embed::ids::PartnerId;
use kaltura::session::api::{
    app_token_widget_step, verify_widget, verify_with_app_token, verify_with_ks,
    verify_with_secret, ApiError, AppToken, AppTokenId, AppTokenSession, Expiry, Network, Secret,
    SecretSession, ServiceUrl, UserId, WidgetSession,
};
use kaltura::session::digest::AppTokenHashType;
use kaltura::session::ks::Ks;
use kaltura::session::privileges::{check, Privileges};
use proptest::prelude::*;
use serde_json::Value;

/// Characters that make up JSON documents, so random strings get past the first byte.
const JSONISH: &str = r#"[\[\]{}",:0-9a-zA-Z\\ .eE+\-/tnrufl]{0,300}"#;

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

fn calls() -> Vec<kaltura::session::api::SessionCall> {
    let service = ServiceUrl::local_simulator();
    let partner = PartnerId::parse("123").unwrap();
    let widget_ks = Ks::parse(&crate::session_support::user_v1_ks()).unwrap();
    let app_token = AppTokenSession {
        token_id: AppTokenId::parse("0_t").unwrap(),
        token: AppToken::parse("0123456789abcdef0123456789abcdef").unwrap(),
        hash_type: AppTokenHashType::Md5,
        user: UserId::anonymous(),
        expiry: Expiry::ONE_HOUR,
        privileges: String::new(),
    };
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
            &app_token,
            &token_hash(app_token.hash_type, &widget_ks, &app_token.token),
        ),
        verify_with_ks(&service, &widget_ks).unwrap(),
    ]
}

proptest! {
    #[test]
    fn cut_off_documents_are_truncations(value in json_value(), cut in any::<prop::sample::Index>()) {
        // A multirequest answer is an array; the cut keeps at least its `[`.
        let text = Value::Array(vec![value]).to_string();
        let boundaries: Vec<usize> = (1..text.len()).filter(|i| text.is_char_boundary(*i)).collect();
        let at = boundaries[cut.index(boundaries.len())];
        let cut_off = text[..at].trim_end();
        for call in calls() {
            prop_assert_eq!(
                call.decode(cut_off, json).err(),
                Some(ApiError::Network(Network::Truncated)),
                "{:?}", cut_off
            );
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
            let _ = call.decode(&text, json);
            let _ = call.decode(&jsonish, json);
            let _ = call.decode(&format!("[{jsonish},{jsonish}]"), json);
        }
        let _ = step.decode(&text, json);
        let _ = step.decode(&jsonish, json);
    }

    #[test]
    fn decoders_are_total_on_json_values(value in json_value()) {
        let text = value.to_string();
        for call in calls() {
            let _ = call.decode(&text, json);
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
