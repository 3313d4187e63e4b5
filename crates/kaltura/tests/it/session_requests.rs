//! Request builders: exact URLs and form bodies, encoding of awkward secrets, the USER-only invariant.

use crate::session_support::{token_hash, v1_ks, V1Fields};
use kaltura::embed::ids::PartnerId;
use kaltura::session::api::Secret;
use kaltura::session::api::{
    app_token_widget_step, start_session, verify_widget, verify_with_app_token, verify_with_ks,
    verify_with_secret, ApiError, ApiRequest, AppToken, AppTokenId, AppTokenSession, Expiry,
    KsSource, SecretSession, ServiceUrl, UserId, WidgetSession, CONTENT_TYPE,
};
use kaltura::session::digest::AppTokenHashType;
use kaltura::session::ks::Ks;

/// An app token value of the shape Kaltura makes (32 hex characters).
const TOKEN: &str = "0123456789abcdef0123456789abcdef";

fn sim() -> ServiceUrl {
    ServiceUrl::local_simulator()
}

fn secret_session(secret: &str, user: &str, privileges: &str) -> SecretSession {
    SecretSession {
        partner: PartnerId::parse("123").unwrap(),
        secret: Secret::parse(secret).unwrap(),
        user: UserId::parse(user).unwrap(),
        expiry: Expiry::ONE_HOUR,
        privileges: privileges.to_string(),
    }
}

fn check(request: &ApiRequest, url: &str, body: &str) {
    assert_eq!(request.url, url);
    assert_eq!(request.body, body);
}

#[test]
fn content_type_is_form_urlencoded() {
    assert_eq!(CONTENT_TYPE, "application/x-www-form-urlencoded");
}

#[test]
fn secret_session_bodies_encode_every_awkward_character() {
    let table: &[(&str, &str, &str, &str)] = &[
        // (secret, user, privileges, expected session.start params)
        (
            "0123456789abcdef0123456789abcdef",
            "",
            "",
            "partnerId=123&secret=0123456789abcdef0123456789abcdef&type=0&expiry=3600",
        ),
        (
            "a&b=c+d e",
            "jdoe",
            "",
            "partnerId=123&secret=a%26b%3Dc%2Bd+e&type=0&userId=jdoe&expiry=3600",
        ),
        (
            "ü%#?€",
            "Zoë Ünal",
            "sview:1_abcd1234,setrole:PLAYBACK_BASE_ROLE",
            "partnerId=123&secret=%C3%BC%25%23%3F%E2%82%AC&type=0&userId=Zo%C3%AB+%C3%9Cnal&expiry=3600\
             &privileges=sview:1_abcd1234,setrole:PLAYBACK_BASE_ROLE",
        ),
        (
            "x",
            "jane.doe+test@example.com",
            "urirestrict:/api_v3/*|/p/*",
            "partnerId=123&secret=x&type=0&userId=jane.doe%2Btest%40example.com&expiry=3600\
             &privileges=urirestrict:/api_v3/*%7C/p/*",
        ),
    ];
    for (secret, user, privileges, params) in table {
        let input = secret_session(secret, user, privileges);
        check(
            &start_session(&sim(), &input).request,
            "http://127.0.0.1:8081/api_v3/service/session/action/start",
            &format!("format=1&clientTag=embed-studio&{params}"),
        );
        let prefixed = params
            .split('&')
            .map(|p| format!("1:{p}"))
            .collect::<Vec<_>>()
            .join("&");
        check(
            &verify_with_secret(&sim(), &input).request,
            "http://127.0.0.1:8081/api_v3/service/multirequest",
            &format!(
                "format=1&clientTag=embed-studio&1:service=session&1:action=start&{prefixed}\
                 &2:service=baseEntry&2:action=list&2:ks={{1:result}}&2:pager:pageSize=1"
            ),
        );
    }
}

#[test]
fn widget_bodies() {
    let input = WidgetSession {
        partner: PartnerId::parse("2500001").unwrap(),
        expiry: Expiry::TWO_HOURS,
    };
    check(
        &verify_widget(&ServiceUrl::saas(), &input).request,
        "https://www.kaltura.com/api_v3/service/multirequest",
        "format=1&clientTag=embed-studio&1:service=session&1:action=startWidgetSession\
         &1:widgetId=_2500001&1:expiry=7200&2:service=baseEntry&2:action=list&2:ks={1:result:ks}\
         &2:pager:pageSize=1",
    );
    check(
        &app_token_widget_step(&ServiceUrl::saas(), input.partner).request,
        "https://www.kaltura.com/api_v3/service/session/action/startWidgetSession",
        "format=1&clientTag=embed-studio&widgetId=_2500001&expiry=600",
    );
}

#[test]
fn app_token_hash_matches_standard_digests() {
    // H("ab" ‖ token), the digests as Python's hashlib computes them: the message the core
    // composes and the hex it writes (the page's SubtleCrypto and md-5 are checked against the
    // same values in the app's browser tests).
    let ks = Ks::parse("ab").unwrap();
    let token = AppToken::parse(TOKEN).unwrap();
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
        assert_eq!(
            token_hash(hash_type, &ks, &token).as_str(),
            expected,
            "{hash_type:?}"
        );
    }
}

#[test]
fn app_token_step_two_body() {
    let widget_ks = Ks::parse("ab").unwrap();
    let table: &[(&str, &str, &str)] = &[
        ("", "", "1:type=0&1:expiry=3600"),
        (
            "jdoe",
            "sview:1_abcd1234",
            "1:userId=jdoe&1:type=0&1:expiry=3600&1:sessionPrivileges=sview:1_abcd1234",
        ),
    ];
    for (user, privileges, tail) in table {
        let input = AppTokenSession {
            token_id: AppTokenId::parse("0_tok12345").unwrap(),
            token: AppToken::parse(TOKEN).unwrap(),
            hash_type: AppTokenHashType::Sha1,
            user: UserId::parse(user).unwrap(),
            expiry: Expiry::ONE_HOUR,
            privileges: privileges.to_string(),
        };
        check(
            &verify_with_app_token(
                &sim(),
                &widget_ks,
                &input,
                &token_hash(input.hash_type, &widget_ks, &input.token),
            )
            .request,
            "http://127.0.0.1:8081/api_v3/service/multirequest",
            &format!(
                "format=1&clientTag=embed-studio&1:service=appToken&1:action=startSession&1:ks=ab\
                 &1:id=0_tok12345&1:tokenHash=5f538c5b335e4591b0d8872d269e8b45780be35e&{tail}\
                 &2:service=baseEntry&2:action=list&2:ks={{1:result:ks}}&2:pager:pageSize=1"
            ),
        );
    }
}

#[test]
fn ks_verify_body_and_refusal_of_readable_non_user_ks() {
    let user_ks = Ks::parse(&crate::session_support::user_v1_ks()).unwrap();
    let call = verify_with_ks(&sim(), &user_ks).unwrap();
    check(
        &call.request,
        "http://127.0.0.1:8081/api_v3/service/baseEntry/action/list",
        &format!(
            "format=1&clientTag=embed-studio&ks={}&pager:pageSize=1",
            user_ks.expose().replace('+', "%2B").replace('=', "%3D")
        ),
    );
    let admin_ks = Ks::parse(&v1_ks(
        "adminsecret",
        &V1Fields {
            partner: "123",
            valid_until: "1714086400",
            session_type: "2",
            user: "admin",
            privileges: "",
            master: "",
        },
    ))
    .unwrap();
    assert_eq!(
        verify_with_ks(&sim(), &admin_ks).map(|c| c.request),
        Err(ApiError::NotUserSession {
            session_type: Some(2),
            source: KsSource::Pasted,
        })
    );
}

/// Splits a form body into decoded (key, value) pairs the way a server does.
fn decode_pairs(body: &str) -> Vec<(String, String)> {
    fn unescape(text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' => {
                    let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
                    out.push(u8::from_str_radix(hex, 16).unwrap());
                    i += 2;
                }
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8(out).unwrap()
    }
    body.split('&')
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap();
            (unescape(k), unescape(v))
        })
        .collect()
}

#[test]
fn every_builder_sends_only_user_type_and_json_format() {
    let secret = secret_session("s=e&c r+e%t", "jdoe", "");
    let widget = WidgetSession {
        partner: PartnerId::parse("123").unwrap(),
        expiry: Expiry::ONE_HOUR,
    };
    let app_token = AppTokenSession {
        token_id: AppTokenId::parse("0_tok12345").unwrap(),
        token: AppToken::parse(TOKEN).unwrap(),
        hash_type: AppTokenHashType::Sha256,
        user: UserId::anonymous(),
        expiry: Expiry::FOUR_HOURS,
        privileges: String::new(),
    };
    let widget_ks = Ks::parse("ab").unwrap();
    let bodies = [
        start_session(&sim(), &secret).request.body,
        verify_with_secret(&sim(), &secret).request.body,
        verify_widget(&sim(), &widget).request.body,
        app_token_widget_step(&sim(), widget.partner).request.body,
        verify_with_app_token(
            &sim(),
            &widget_ks,
            &app_token,
            &token_hash(app_token.hash_type, &widget_ks, &app_token.token),
        )
        .request
        .body,
    ];
    for body in bodies {
        let pairs = decode_pairs(&body);
        assert_eq!(pairs[0], ("format".into(), "1".into()), "{body}");
        assert_eq!(pairs[1], ("clientTag".into(), "embed-studio".into()));
        for (key, value) in &pairs {
            if key == "type" || key.ends_with(":type") {
                assert_eq!(value, "0", "{body}");
            }
        }
        // Whatever the secret contains, it arrives intact.
        if body.contains("secret=") {
            assert!(pairs
                .iter()
                .any(|(k, v)| k.ends_with("secret") && v == "s=e&c r+e%t"));
        }
    }
}

#[test]
fn request_debug_hides_the_body() {
    let request = start_session(&sim(), &secret_session("topsecret", "", "")).request;
    let shown = format!("{request:?}");
    assert!(!shown.contains("topsecret"), "{shown}");
    assert!(shown.contains("/api_v3/service/session/action/start"));
}
