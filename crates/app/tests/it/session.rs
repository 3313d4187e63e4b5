//! Browser tests (headless Chromium): api_v3 answers parsed by the browser's `JSON.parse` and read
//! by the core's serde types, the browser's parse failures told apart, and app-token digests.

use app::extras::digest::token_hash;
use app::extras::net::browser_json;
use kaltura::embed::ids::PartnerId;
use kaltura::session::api::{
    verify_widget, ApiError, AppToken, Expiry, Network, ServiceUrl, SessionCall, WidgetSession,
};
use kaltura::session::digest::AppTokenHashType;
use kaltura::session::ks::Ks;
use wasm_bindgen_test::*;

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

#[wasm_bindgen_test]
async fn app_token_hashes_match_hashlib() {
    // H("ab" ‖ token) as Python's hashlib computes it (the core's native tests use the same values).
    let ks = Ks::parse("ab").unwrap();
    let token = AppToken::parse("0123456789abcdef0123456789abcdef").unwrap();
    let table = [
        (
            AppTokenHashType::Sha1,
            "5f538c5b335e4591b0d8872d269e8b45780be35e",
        ),
        (
            AppTokenHashType::Sha256,
            "52f7c1d663caaa81a8e7c1d4ac4df25af6553a694c885f4fe9c1317d466edf70",
        ),
        (
            AppTokenHashType::Sha512,
            "cd0dfecdfdb831efda6bd5dd87112cdb5c7e6fc8b8de7318bced3375f820e10e\
             2c256925b1351f4563d12875838088b76fd57cba138fdaf756541285eb5e40a2",
        ),
        (AppTokenHashType::Md5, "e5b600c0c45865cbebebcc47c44783c2"),
    ];
    for (hash_type, expected) in table {
        let hash = token_hash(hash_type, &ks, &token).await.unwrap();
        assert_eq!(hash.as_str(), expected, "{hash_type:?}");
    }
}
