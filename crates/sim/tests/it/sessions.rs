//! session.start, session.startWidgetSession, session.get and uiConf.get over real HTTP (appToken: app_tokens).

use crate::support::*;
use sim::ks::{self, KsVersion};

/// One session.start case: params → expected error code ("OK" for a KS), plus the message when given.
fn check_start(
    sim: &Sim,
    params: &[(&str, &str)],
    expected_code: &str,
    expected_message: Option<&str>,
) {
    let result = sim.call("session", "start", params);
    assert_eq!(code_of(&result), expected_code, "{params:?} → {result}");
    if let Some(message) = expected_message {
        assert_eq!(result["message"], message, "{params:?}");
    }
    if expected_code == "OK" {
        assert!(result.is_string(), "{result}");
    }
}

#[test]
fn session_start_secret_and_type_rules() {
    let sim = Sim::start();
    let pid = ("partnerId", DEMO_PID);
    let cases: &[(Pairs, &str, Option<&str>)] = &[
        (&[pid, ("secret", DEMO_ADMIN_SECRET)], "OK", None),
        (&[pid, ("secret", DEMO_ADMIN_SECRET), ("type", "0")], "OK", None),
        (&[pid, ("secret", DEMO_ADMIN_SECRET), ("type", "2")], "OK", None),
        (&[pid, ("secret", DEMO_USER_SECRET), ("type", "0")], "OK", None),
        (
            &[pid, ("secret", DEMO_USER_SECRET), ("type", "2")],
            "START_SESSION_ERROR",
            Some("Error while starting session for partner [2506752]"),
        ),
        (&[pid, ("secret", "wrong")], "START_SESSION_ERROR", None),
        (&[pid, ("secret", "")], "START_SESSION_ERROR", None),
        (&[pid, ("secret", LEGACY_ADMIN_SECRET)], "START_SESSION_ERROR", None),
        (&[pid], "MISSING_MANDATORY_PARAMETER", Some("Missing parameter \"secret\"")),
        (
            &[pid, ("secret", DEMO_ADMIN_SECRET), ("type", "1")],
            "INVALID_ENUM_VALUE",
            Some("Invalid enumeration value \"1\" for parameter \"type\", expecting enumeration type \"KalturaSessionType\""),
        ),
        (&[pid, ("secret", DEMO_ADMIN_SECRET), ("type", "abc")], "INVALID_ENUM_VALUE", None),
        (&[("partnerId", "123"), ("secret", "x")], "SERVICE_FORBIDDEN_CONTENT_BLOCKED", None),
        (
            &[("partnerId", BLOCKED_PID), ("secret", BLOCKED_ADMIN_SECRET)],
            "SERVICE_FORBIDDEN_CONTENT_BLOCKED",
            None,
        ),
        (
            &[("secret", DEMO_ADMIN_SECRET)],
            "START_SESSION_ERROR",
            Some("Error while starting session for partner [0]"),
        ),
        (
            &[pid, ("secret", DEMO_ADMIN_SECRET), ("privileges", "setrole:NO_SUCH_ROLE")],
            "UNKNOWN_ROLE_ID",
            Some("Unknown role id"),
        ),
        // The role check runs before the secret check.
        (&[pid, ("secret", "wrong"), ("privileges", "setrole:NOPE")], "UNKNOWN_ROLE_ID", None),
        (
            &[pid, ("secret", DEMO_USER_SECRET), ("privileges", "setrole:PLAYBACK_BASE_ROLE,sview:1_demo0003")],
            "OK",
            None,
        ),
        // A KS sent along is parsed first.
        (&[pid, ("secret", DEMO_ADMIN_SECRET), ("ks", "garbage")], "INVALID_KS", Some("Invalid KS \"garbage\", Error \"-1,INVALID_STR\"")),
    ];
    for (params, code, message) in cases {
        check_start(&sim, params, code, *message);
    }
    let wrong = sim.call("session", "start", &[pid, ("secret", "wrong")]);
    assert_eq!(wrong["args"], json!({"PID": "2506752"}));
    let blocked = sim.call("session", "start", &[("partnerId", "123"), ("secret", "x")]);
    assert_eq!(blocked["args"], json!([]));
}

#[test]
fn session_start_ks_contents() {
    let sim = Sim::start();
    // (pid, signing admin secret, credential, type, user, privileges, expiry) → version, clamped expiry
    let cases = [
        (
            DEMO_PID,
            DEMO_ADMIN_SECRET,
            DEMO_USER_SECRET,
            "0",
            "demo-user",
            "sview:1_demo0003",
            "3600",
            KsVersion::V2,
            3600,
        ),
        (
            DEMO_PID,
            DEMO_ADMIN_SECRET,
            DEMO_ADMIN_SECRET,
            "2",
            "",
            "",
            "",
            KsVersion::V2,
            86400,
        ),
        (
            DEMO_PID,
            DEMO_ADMIN_SECRET,
            DEMO_USER_SECRET,
            "0",
            "u",
            "*",
            "999999",
            KsVersion::V2,
            86400,
        ),
        (
            LEGACY_PID,
            LEGACY_ADMIN_SECRET,
            LEGACY_USER_SECRET,
            "0",
            "legacy-user",
            "list:*",
            "100000",
            KsVersion::V1,
            7200,
        ),
        (
            LEGACY_PID,
            LEGACY_ADMIN_SECRET,
            LEGACY_USER_SECRET,
            "",
            "x",
            "",
            "60",
            KsVersion::V1,
            60,
        ),
    ];
    for (pid, admin, credential, session_type, user, privileges, expiry, version, clamped) in cases
    {
        let before = sim.handle.state().now();
        let result = sim.call(
            "session",
            "start",
            &[
                ("partnerId", pid),
                ("secret", credential),
                ("type", session_type),
                ("userId", user),
                ("privileges", privileges),
                ("expiry", expiry),
            ]
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .collect::<Vec<_>>(),
        );
        let after = sim.handle.state().now();
        let ks_text = result.as_str().unwrap_or_else(|| panic!("{result}"));
        // Always signed with the main admin secret, never the user secret.
        assert!(ks::decode(credential, ks_text).is_err() || credential == admin);
        let decoded = ks::decode(admin, ks_text).unwrap();
        assert_eq!(decoded.version, version);
        assert_eq!(decoded.partner_id.to_string(), pid);
        assert_eq!(
            decoded.fields.session_type.to_string(),
            if session_type.is_empty() {
                "0"
            } else {
                session_type
            }
        );
        assert_eq!(decoded.fields.user_id, user);
        assert_eq!(decoded.fields.privileges, privileges);
        let valid_until = decoded.fields.valid_until;
        assert!(
            before + clamped <= valid_until && valid_until <= after + clamped,
            "{pid} expiry {expiry}"
        );
    }
}

#[test]
fn widget_sessions() {
    let sim = Sim::start();
    let ok = sim.call("session", "startWidgetSession", &[("widgetId", "_2506752")]);
    let keys: Vec<&String> = ok.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 4);
    assert_eq!(ok["partnerId"], 2506752);
    assert_eq!(ok["userId"], 0);
    assert_eq!(ok["objectType"], "KalturaStartWidgetSessionResponse");
    let decoded = ks::decode_v2(DEMO_ADMIN_SECRET, ok["ks"].as_str().unwrap()).unwrap();
    assert_eq!(decoded.fields.user_id, "0");
    assert_eq!(decoded.fields.session_type, 0);
    assert_eq!(decoded.fields.privileges, "view:*,widget:1");

    let legacy = sim.call(
        "session",
        "startWidgetSession",
        &[("widgetId", "_1000001"), ("expiry", "99999")],
    );
    let decoded = ks::decode_v1(LEGACY_ADMIN_SECRET, legacy["ks"].as_str().unwrap()).unwrap();
    assert!(decoded.fields.valid_until <= sim.handle.state().now() + 7200);

    let cases = [
        ("_999", "INVALID_WIDGET_ID", "Unknown widget [_999]"),
        ("2506752", "INVALID_WIDGET_ID", "Unknown widget [2506752]"),
        ("", "INVALID_WIDGET_ID", "Unknown widget []"),
        (
            "_666666",
            "SERVICE_FORBIDDEN_CONTENT_BLOCKED",
            "The access to this service is forbidden since the specified partner is blocked",
        ),
    ];
    for (widget, code, message) in cases {
        let result = sim.call("session", "startWidgetSession", &[("widgetId", widget)]);
        assert_eq!(
            (
                code_of(&result).as_str(),
                result["message"].as_str().unwrap()
            ),
            (code, message),
            "{widget}"
        );
    }
    let unknown = sim.call("session", "startWidgetSession", &[("widgetId", "_999")]);
    assert_eq!(unknown["args"], json!({"WIDGET_ID": "_999"}));
    let missing = sim.call("session", "startWidgetSession", &[]);
    assert_eq!(code_of(&missing), "MISSING_MANDATORY_PARAMETER");
}

#[test]
fn session_get_needs_an_admin_ks() {
    let sim = Sim::start();
    let user = sim.user_ks("demo-user", "sview:1_demo0003");
    let admin = sim
        .call(
            "session",
            "start",
            &[
                ("partnerId", DEMO_PID),
                ("secret", DEMO_ADMIN_SECRET),
                ("type", "2"),
            ],
        )
        .as_str()
        .unwrap()
        .to_string();
    let forbidden = sim.call("session", "get", &[("ks", &user)]);
    assert_eq!(
        forbidden["message"],
        "The access to service [session->get] is forbidden"
    );
    assert_eq!(forbidden["args"], json!({"SERVICE": "session->get"}));
    assert_eq!(
        code_of(&sim.call("session", "get", &[])),
        "SERVICE_FORBIDDEN"
    );
    let own = sim.call("session", "get", &[("ks", &admin)]);
    assert_eq!(own["sessionType"], 2);
    assert_eq!(own.get("userId"), None);
    let inspected = sim.call("session", "get", &[("ks", &admin), ("session", &user)]);
    assert_eq!(inspected["userId"], "demo-user");
    assert_eq!(inspected["privileges"], "sview:1_demo0003");
    assert_eq!(inspected["objectType"], "KalturaSessionInfo");
    let foreign = sim.ks_for(LEGACY_PID, LEGACY_USER_SECRET, "x", "");
    let result = sim.call("session", "get", &[("ks", &admin), ("session", &foreign)]);
    assert_eq!(
        result["message"],
        "Partner [2506752] cannot access partner [1000001]"
    );
}

#[test]
fn ui_conf_get() {
    let sim = Sim::start();
    let widget = sim.widget_ks();
    let cases = [
        (
            vec![("ks", widget.as_str()), ("id", "48460943")],
            "kalturaPlayerJs,player,ovp",
        ),
        (
            vec![("ks", widget.as_str()), ("id", "48460944")],
            "html5studio,player",
        ),
        (
            vec![("partnerId", DEMO_PID), ("id", "48460943")],
            "kalturaPlayerJs,player,ovp",
        ),
        (
            vec![("ks", widget.as_str()), ("id", "40000001")],
            "INVALID_UI_CONF_ID",
        ),
        (vec![("id", "48460943")], "INVALID_UI_CONF_ID"),
        (
            vec![("ks", widget.as_str()), ("id", "1")],
            "INVALID_UI_CONF_ID",
        ),
    ];
    for (params, expected) in cases {
        let result = sim.call("uiConf", "get", &params);
        let actual = if code_of(&result) == "OK" {
            result["tags"].as_str().unwrap().to_string()
        } else {
            code_of(&result)
        };
        assert_eq!(actual, expected, "{params:?}");
    }
    let v7 = sim.call("uiconf", "get", &[("ks", &widget), ("id", "48460943")]);
    assert_eq!(
        (v7["objectType"].as_str(), v7["width"].as_i64()),
        (Some("KalturaUiConf"), Some(640))
    );
}
