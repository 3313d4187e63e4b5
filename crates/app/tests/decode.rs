//! Browser tests (headless Chromium): api_v3 answers parsed by the browser's `JSON.parse` and read
//! by the core's serde types, and the browser's parse failures told apart.
#![cfg(target_arch = "wasm32")]

use app::net::browser_json;
use kaltura::embed::ids::PartnerId;
use kaltura::session::api::{
    verify_widget, ApiError, Expiry, Network, ServiceUrl, SessionCall, WidgetSession,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn widget_call() -> SessionCall {
    verify_widget(
        &ServiceUrl::local_simulator(),
        &WidgetSession {
            partner: PartnerId::parse("123").unwrap(),
            expiry: Expiry::ONE_HOUR,
        },
    )
}

/// A widget session as api_v3 writes it: numbers for `partnerId` and `userId`.
const WIDGET_ANSWER: &str = r#"[{"partnerId":123,"ks":"djJ8MTIzfA==","userId":0,"objectType":"KalturaStartWidgetSessionResponse"},{"objects":[{"id":"1_abcd1234","objectType":"KalturaPlaylist"}],"totalCount":"7","objectType":"KalturaBaseEntryListResponse"}]"#;

#[wasm_bindgen_test]
fn answers_read_through_the_browsers_parse() {
    let outcome = widget_call().decode(WIDGET_ANSWER, browser_json).unwrap();
    assert_eq!(
        (
            outcome.partner.to_string(),
            outcome.entries_visible,
            outcome.first_is_playlist
        ),
        ("123".to_string(), Some(7), Some(true))
    );
    let refused = r#"{"code":"INVALID_WIDGET_ID","message":"Unknown widget [_9]","objectType":"KalturaAPIException","args":{"WIDGET_ID":"_9"}}"#;
    assert_eq!(
        widget_call().decode(refused, browser_json),
        Err(ApiError::InvalidWidgetId {
            widget_id: Some("_9".into())
        })
    );
    assert_eq!(
        widget_call().decode(r#"{"ks":"djJ8"}"#, browser_json),
        Err(ApiError::UnexpectedResponse {
            detail: "expected a multirequest array".into()
        })
    );
}

#[wasm_bindgen_test]
fn chromes_parse_failures_are_told_apart() {
    let table: &[(&str, Network)] = &[
        ("", Network::NotJson),
        ("Bad Gateway", Network::NotJson),
        ("<html><body>502</body></html>", Network::NotJson),
        (
            "<?xml version=\"1.0\"?><xml><result>djJ8</result></xml>",
            Network::XmlInsteadOfJson,
        ),
        ("[\"djJ8MTIz", Network::Truncated),
        (
            "[\"djJ8MTIzfA==\",{\"objects\":[],\"totalCount\":",
            Network::Truncated,
        ),
        ("[1,2", Network::Truncated),
        ("{\"a\"", Network::Truncated),
        ("[\"é", Network::Truncated),
        ("[\"djJ8\"] trailing", Network::NotJson),
        ("[1,x]", Network::NotJson),
    ];
    for (body, expected) in table {
        assert_eq!(
            widget_call().decode(body, browser_json),
            Err(ApiError::Network(*expected)),
            "{body:?}"
        );
    }
}
