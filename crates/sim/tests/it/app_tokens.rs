//! appToken.startSession: each hash type, and the errors in the server's order.

use crate::support::*;
use sim::fixtures::HashType;
use sim::ks;

/// appToken.startSession with a widget KS and the right hash for (id, token, hash type).
fn app_token_session(
    sim: &Sim,
    id: &str,
    token: &str,
    hash: HashType,
    extra: &[(&str, &str)],
) -> Json {
    let widget = sim.widget_ks();
    let token_hash = hash.hex_digest(format!("{widget}{token}").as_bytes());
    let mut params = vec![
        ("ks", widget.as_str()),
        ("id", id),
        ("tokenHash", token_hash.as_str()),
    ];
    params.extend_from_slice(extra);
    sim.call("appToken", "startSession", &params)
}

/// (id, token, hash, extra params, expected userId, expected privileges)
type TokenCase<'a> = (
    &'a str,
    &'a str,
    HashType,
    Pairs<'a>,
    Option<&'a str>,
    &'a str,
);

#[test]
fn app_token_each_hash_type() {
    let sim = Sim::start();
    // (id, token, hash, extra params) → (userId, privileges)
    let cases: &[TokenCase] = &[
        (
            "0_apptksh1",
            "feedface00000000000000000000a001",
            HashType::Sha1,
            &[],
            None,
            "sessionid:0_apptksh1,apptoken:0_apptksh1,setrole:PLAYBACK_BASE_ROLE",
        ),
        (
            "0_apptk256",
            "feedface00000000000000000000a256",
            HashType::Sha256,
            &[("userId", "caller")],
            Some("caller"),
            "sessionid:0_apptk256,apptoken:0_apptk256",
        ),
        (
            "0_apptk512",
            "feedface00000000000000000000a512",
            HashType::Sha512,
            &[("userId", "caller")],
            Some("app-token-user"),
            "sessionid:0_apptk512,apptoken:0_apptk512",
        ),
        (
            "0_apptkmd5",
            "feedface00000000000000000000a005",
            HashType::Md5,
            &[("sessionPrivileges", "sview:*,appid:demo-app,list:x,edit:*")],
            None,
            // The token sets list:* so the caller may override it; sview and edit are reserved.
            "sessionid:0_apptkmd5,apptoken:0_apptkmd5,list:x,appid:demo-app",
        ),
    ];
    for (id, token, hash, extra, user, privileges) in cases {
        let before = sim.handle.state().now();
        let info = app_token_session(&sim, id, token, *hash, extra);
        assert_eq!(info["objectType"], "KalturaSessionInfo", "{id}: {info}");
        assert_eq!(info["sessionType"], 0);
        assert_eq!(info["partnerId"], 2506752);
        assert_eq!(info["userId"].as_str(), *user, "{id}");
        assert_eq!(info["privileges"], *privileges, "{id}");
        let decoded = ks::decode_v2(DEMO_ADMIN_SECRET, info["ks"].as_str().unwrap()).unwrap();
        assert_eq!(decoded.fields.privileges, *privileges);
        assert_eq!(json!(decoded.fields.valid_until), info["expiry"]);
        let duration = if *id == "0_apptk256" { 3600 } else { 86400 };
        assert!(decoded.fields.valid_until <= sim.handle.state().now() + duration);
        assert!(decoded.fields.valid_until >= before + duration);
    }
    let shorter = app_token_session(
        &sim,
        "0_apptk256",
        "feedface00000000000000000000a256",
        HashType::Sha256,
        &[("expiry", "60")],
    );
    assert!(shorter["expiry"].as_i64().unwrap() <= sim.handle.state().now() + 60);
    let legacy_widget = sim.call("session", "startWidgetSession", &[("widgetId", "_1000001")]);
    let legacy_ks = legacy_widget["ks"].as_str().unwrap();
    let legacy_hash = HashType::Sha1
        .hex_digest(format!("{legacy_ks}feedface00000000000000000000c001").as_bytes());
    let legacy = sim.call(
        "appToken",
        "startSession",
        &[
            ("ks", legacy_ks),
            ("id", "0_legacytk"),
            ("tokenHash", &legacy_hash),
        ],
    );
    assert!(
        ks::decode_v1(LEGACY_ADMIN_SECRET, legacy["ks"].as_str().unwrap()).is_ok(),
        "{legacy}"
    );
}

#[test]
fn app_token_errors_in_order() {
    let sim = Sim::start();
    let wrong = "0".repeat(40);
    let cases: &[(&str, &str, HashType, bool, &str, &str)] = &[
        (
            "0_nothere",
            "feedface00000000000000000000a001",
            HashType::Sha1,
            true,
            "APP_TOKEN_ID_NOT_FOUND",
            "Application token id \"0_nothere\" not found",
        ),
        (
            "0_legacytk",
            "feedface00000000000000000000c001",
            HashType::Sha1,
            true,
            "APP_TOKEN_ID_NOT_FOUND",
            "Application token id \"0_legacytk\" not found",
        ),
        (
            "0_apptkoff",
            "feedface00000000000000000000d00f",
            HashType::Sha256,
            true,
            "APP_TOKEN_NOT_ACTIVE",
            "Application token id \"0_apptkoff\" not active",
        ),
        (
            "0_apptkoff",
            "feedface00000000000000000000d00f",
            HashType::Sha256,
            false,
            "APP_TOKEN_NOT_ACTIVE",
            "Application token id \"0_apptkoff\" not active",
        ),
        (
            "0_apptksh1",
            "feedface00000000000000000000a001",
            HashType::Sha1,
            false,
            "INVALID_APP_TOKEN_HASH",
            "Invalid application token hash",
        ),
        (
            "0_apptksh1",
            "feedface00000000000000000000a001",
            HashType::Sha256,
            true,
            "INVALID_APP_TOKEN_HASH",
            "Invalid application token hash",
        ),
        (
            "0_apptkold",
            "feedface00000000000000000000e0e0",
            HashType::Sha256,
            false,
            "INVALID_APP_TOKEN_HASH",
            "Invalid application token hash",
        ),
        (
            "0_apptkold",
            "feedface00000000000000000000e0e0",
            HashType::Sha256,
            true,
            "APP_TOKEN_EXPIRED",
            "Application token id \"0_apptkold\" expired",
        ),
    ];
    for (id, token, hash, right_hash, code, message) in cases {
        let widget = sim.widget_ks();
        let token_hash = if *right_hash {
            hash.hex_digest(format!("{widget}{token}").as_bytes())
        } else {
            wrong.clone()
        };
        let result = sim.call(
            "appToken",
            "startSession",
            &[("ks", &widget), ("id", id), ("tokenHash", &token_hash)],
        );
        assert_eq!(
            (
                code_of(&result).as_str(),
                result["message"].as_str().unwrap_or("")
            ),
            (*code, *message),
            "{id}"
        );
    }
    // Without a KS the action is forbidden; a hash of a different KS does not match.
    let no_ks = sim.call(
        "appToken",
        "startSession",
        &[("id", "0_apptksh1"), ("tokenHash", "x")],
    );
    assert_eq!(
        no_ks["message"],
        "The access to service [apptoken->startSession] is forbidden"
    );
    let other_ks = sim.widget_ks();
    let stale_hash =
        HashType::Sha1.hex_digest(format!("{other_ks}feedface00000000000000000000a001").as_bytes());
    let result = sim.call(
        "appToken",
        "startSession",
        &[
            ("ks", &sim.widget_ks()),
            ("id", "0_apptksh1"),
            ("tokenHash", &stale_hash),
        ],
    );
    assert_eq!(code_of(&result), "INVALID_APP_TOKEN_HASH");
    let missing = sim.call(
        "appToken",
        "startSession",
        &[("ks", &sim.widget_ks()), ("id", "0_apptksh1")],
    );
    assert_eq!(missing["message"], "Missing parameter \"tokenHash\"");
}
