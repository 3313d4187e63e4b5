//! Response decoding for every flow: success shapes, inline multirequest errors, refusals, broken bodies.

use crate::session_support::{json, token_hash, user_v1_ks, v1_ks, v2_shaped_ks, V1Fields};
use kaltura::embed::ids::{EntryId, PartnerId, PlaylistId};
use kaltura::embed::Content;
use kaltura::session::api::{
    app_token_widget_step, start_session, verify_widget, verify_with_app_token, verify_with_ks,
    verify_with_secret, ApiError, AppToken, AppTokenId, AppTokenSession, ExpiresHint, Expiry,
    KsRejection, KsSource, Network, Secret, SecretSession, ServiceUrl, SessionCall, SessionOutcome,
    SessionUser, UserId, WidgetSession,
};
use kaltura::session::digest::AppTokenHashType;
use kaltura::session::ks::Ks;

fn pid(n: &str) -> PartnerId {
    PartnerId::parse(n).unwrap()
}

fn v2() -> String {
    v2_shaped_ks("123", &[7u8; 64])
}

fn ks(text: &str) -> Ks {
    Ks::parse(text).unwrap()
}

/// A v1 KS as PHP's json_encode writes it: `/` escaped as `\/`.
fn json_string(ks: &str) -> String {
    format!("\"{}\"", ks.replace('/', "\\/"))
}

fn list(total: u64) -> String {
    format!(
        r#"{{"objects":[{{"id":"1_abcd1234","name":"Demo","partnerId":123,"objectType":"KalturaMediaEntry"}}],"totalCount":{total},"objectType":"KalturaBaseEntryListResponse"}}"#
    )
}

fn exception(code: &str, message: &str, args: &str) -> String {
    format!(
        r#"{{"code":"{code}","message":"{message}","objectType":"KalturaAPIException","args":{args}}}"#
    )
}

fn forbidden_list() -> String {
    exception(
        "SERVICE_FORBIDDEN",
        "The access to service [baseentry->list] is forbidden",
        r#"{"SERVICE":"baseentry->list"}"#,
    )
}

fn start_error() -> String {
    exception(
        "START_SESSION_ERROR",
        "Error while starting session for partner [123]",
        r#"{"PID":"123"}"#,
    )
}

fn secret_call() -> SessionCall {
    verify_with_secret(
        &ServiceUrl::local_simulator(),
        &kaltura::session::api::SecretSession {
            partner: pid("123"),
            secret: Secret::parse("secret").unwrap(),
            user: UserId::parse("jdoe").unwrap(),
            expiry: Expiry::ONE_HOUR,
            privileges: "setrole:PLAYBACK_BASE_ROLE".into(),
        },
    )
}

fn widget_call() -> SessionCall {
    verify_widget(
        &ServiceUrl::local_simulator(),
        &WidgetSession {
            partner: pid("123"),
            expiry: Expiry::TWO_HOURS,
        },
    )
}

fn app_token_call() -> SessionCall {
    let input = AppTokenSession {
        token_id: AppTokenId::parse("0_tok12345").unwrap(),
        token: AppToken::parse("0123456789abcdef0123456789abcdef").unwrap(),
        hash_type: AppTokenHashType::Sha1,
        user: UserId::parse("asked").unwrap(),
        expiry: Expiry::ONE_HOUR,
        privileges: String::new(),
    };
    let hash = token_hash(input.hash_type, &ks("ab"), &input.token);
    verify_with_app_token(&ServiceUrl::local_simulator(), &ks("ab"), &input, &hash)
}

fn outcome(
    ks_text: &str,
    user: SessionUser,
    expires_hint: ExpiresHint,
    privileges: Option<&str>,
    entries_visible: Option<u64>,
    list_error: Option<ApiError>,
) -> SessionOutcome {
    SessionOutcome {
        ks: ks(ks_text),
        partner: pid("123"),
        user,
        expires_hint,
        privileges: privileges.map(str::to_string),
        entries_visible,
        // Every list answer below starts with a media entry.
        first_is_playlist: entries_visible.map(|_| false),
        list_error,
        looked_for: None,
    }
}

fn named(name: &str) -> SessionUser {
    SessionUser::Named(name.to_string())
}

fn check(call: &SessionCall, body: &str, expected: Result<SessionOutcome, ApiError>) {
    assert_eq!(call.decode(body, json), expected, "body {body}");
}

#[test]
fn secret_flow() {
    let v1 = user_v1_ks();
    let admin_v1 = v1_ks(
        "adminsecret",
        &V1Fields {
            partner: "123",
            valid_until: "1714086400",
            session_type: "2",
            user: "jdoe",
            privileges: "",
            master: "",
        },
    );
    let table: Vec<(String, Result<SessionOutcome, ApiError>)> = vec![
        // v2 KS: only the partner is readable, the rest comes from the request.
        (
            format!("[{},{}]", json_string(&v2()), list(42)),
            Ok(outcome(
                &v2(),
                named("jdoe"),
                ExpiresHint::AfterSecs(3600),
                Some("setrole:PLAYBACK_BASE_ROLE"),
                Some(42),
                None,
            )),
        ),
        // v1 KS with PHP's `\/`: its own fields win over the request.
        (
            format!("[{}, {}]", json_string(&v1), list(0)),
            Ok(outcome(
                &v1,
                named("jdoe"),
                ExpiresHint::At(1_714_086_400),
                Some("sview:1_abcd1234"),
                Some(0),
                None,
            )),
        ),
        // Step 1 failed, so step 2 ran without a KS: report step 1.
        (
            format!("[{},{}]", start_error(), forbidden_list()),
            Err(ApiError::StartSession {
                partner: Some("123".into()),
            }),
        ),
        (
            format!(
                "[{},{}]",
                exception(
                    "SERVICE_FORBIDDEN_CONTENT_BLOCKED",
                    "The access to this service is forbidden since the specified partner is blocked",
                    "[]"
                ),
                forbidden_list()
            ),
            Err(ApiError::PartnerBlocked),
        ),
        (
            format!(
                "[{},{}]",
                exception("UNKNOWN_ROLE_ID", "Unknown role id", "[]"),
                forbidden_list()
            ),
            Err(ApiError::UnknownRoleId),
        ),
        // Session started; only the list was refused.
        (
            format!("[{},{}]", json_string(&v2()), forbidden_list()),
            Ok(outcome(
                &v2(),
                named("jdoe"),
                ExpiresHint::AfterSecs(3600),
                Some("setrole:PLAYBACK_BASE_ROLE"),
                None,
                Some(ApiError::ServiceForbidden {
                    service: Some("baseentry->list".into()),
                }),
            )),
        ),
        (
            format!("[{},{{\"objectType\":\"KalturaMediaEntry\"}}]", json_string(&v2())),
            Ok(outcome(
                &v2(),
                named("jdoe"),
                ExpiresHint::AfterSecs(3600),
                Some("setrole:PLAYBACK_BASE_ROLE"),
                None,
                Some(ApiError::UnexpectedResponse {
                    detail: "expected a list response with totalCount".into(),
                }),
            )),
        ),
        (
            format!("[{},{}]", json_string(&admin_v1), list(5)),
            Err(ApiError::NotUserSession {
                session_type: Some(2),
                source: KsSource::Started,
            }),
        ),
        // The whole multirequest refused.
        (
            exception("MISSING_KS", "Missing KS, session not established", "[]"),
            Err(ApiError::MissingKs),
        ),
        (
            format!("[{}]", json_string(&v2())),
            Err(ApiError::UnexpectedResponse {
                detail: "expected 2 multirequest results, got 1".into(),
            }),
        ),
        (
            format!("{{\"ks\":{}}}", json_string(&v2())),
            Err(ApiError::UnexpectedResponse {
                detail: "expected a multirequest array".into(),
            }),
        ),
        (
            format!("[\"not a ks!\",{}]", list(1)),
            Err(ApiError::UnexpectedResponse {
                detail: "the KS in the answer is not a KS string".into(),
            }),
        ),
        (
            format!("[null,{}]", list(1)),
            Err(ApiError::UnexpectedResponse {
                detail: "no KS in the answer".into(),
            }),
        ),
    ];
    let call = secret_call();
    for (body, expected) in table {
        check(&call, &body, expected);
    }
}

#[test]
fn broken_bodies_are_network_errors() {
    let table: &[(&str, Network)] = &[
        ("", Network::NotJson),
        ("   \n", Network::NotJson),
        ("Bad Gateway", Network::NotJson),
        ("<html><body>502</body></html>", Network::NotJson),
        (
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><xml><result>djJ8</result></xml>",
            Network::XmlInsteadOfJson,
        ),
        ("[\"djJ8MTIz", Network::Truncated),
        (
            "[\"djJ8MTIzfA==\",{\"objects\":[],\"totalCount\":",
            Network::Truncated,
        ),
        ("[\"djJ8\"] trailing", Network::NotJson),
    ];
    for call in [secret_call(), widget_call(), app_token_call()] {
        for (body, network) in table {
            check(&call, body, Err(ApiError::Network(*network)));
        }
    }
    // A byte-order mark before the JSON is tolerated.
    assert!(secret_call()
        .decode(
            &format!("\u{feff}[{},{}]", json_string(&v2()), list(1)),
            json
        )
        .is_ok());
}

#[test]
fn widget_flow() {
    let widget_response = |ks_text: &str| {
        format!(
            r#"{{"partnerId":123,"ks":{},"userId":0,"objectType":"KalturaStartWidgetSessionResponse"}}"#,
            json_string(ks_text)
        )
    };
    let table: Vec<(String, Result<SessionOutcome, ApiError>)> = vec![
        (
            format!("[{},{}]", widget_response(&v2()), list(0)),
            Ok(outcome(
                &v2(),
                SessionUser::Anonymous,
                ExpiresHint::AfterSecs(7200),
                None,
                Some(0),
                None,
            )),
        ),
        (
            format!(
                "[{},{}]",
                exception(
                    "INVALID_WIDGET_ID",
                    "Unknown widget [_123]",
                    r#"{"WIDGET_ID":"_123"}"#
                ),
                forbidden_list()
            ),
            Err(ApiError::InvalidWidgetId {
                widget_id: Some("_123".into()),
            }),
        ),
        (
            format!("[{},{}]", json_string(&v2()), list(0)),
            Err(ApiError::UnexpectedResponse {
                detail: "expected KalturaStartWidgetSessionResponse".into(),
            }),
        ),
    ];
    let call = widget_call();
    for (body, expected) in table {
        check(&call, &body, expected);
    }

    // App-token step 1 reads just the widget KS.
    let step = app_token_widget_step(&ServiceUrl::local_simulator(), pid("123"));
    assert_eq!(step.decode(&widget_response(&v2()), json), Ok(ks(&v2())));
    assert_eq!(
        step.decode(
            &exception("INVALID_WIDGET_ID", "Unknown widget [_9]", "[]"),
            json
        ),
        Err(ApiError::InvalidWidgetId {
            widget_id: Some("_9".into())
        })
    );
    assert_eq!(
        step.decode("[\"x", json),
        Err(ApiError::Network(Network::Truncated))
    );
}

#[test]
fn app_token_flow() {
    let info = |fields: &str| {
        format!(
            r#"{{"ks":{},{fields},"objectType":"KalturaSessionInfo"}}"#,
            json_string(&v2())
        )
    };
    let privileges = "sessionid:0_tok12345,apptoken:0_tok12345";
    let table: Vec<(String, Result<SessionOutcome, ApiError>)> = vec![
        (
            format!(
                "[{},{}]",
                info(&format!(
                    r#""sessionType":0,"partnerId":123,"userId":"tokenuser","expiry":1714086400,"privileges":"{privileges}""#
                )),
                list(3)
            ),
            Ok(outcome(
                &v2(),
                named("tokenuser"),
                ExpiresHint::At(1_714_086_400),
                Some(privileges),
                Some(3),
                None,
            )),
        ),
        // Numeric strings, and userId omitted (null) = anonymous.
        (
            format!(
                "[{},{}]",
                info(
                    r#""sessionType":"0","partnerId":"123","expiry":"1714086400","privileges":"apptoken:x""#
                ),
                list(0)
            ),
            Ok(outcome(
                &v2(),
                SessionUser::Anonymous,
                ExpiresHint::At(1_714_086_400),
                Some("apptoken:x"),
                Some(0),
                None,
            )),
        ),
        // The token's own session type won on the server: refuse.
        (
            format!(
                "[{},{}]",
                info(r#""sessionType":2,"partnerId":123,"expiry":1714086400"#),
                list(99)
            ),
            Err(ApiError::NotUserSession {
                session_type: Some(2),
                source: KsSource::AppToken,
            }),
        ),
        (
            format!(
                "[{},{}]",
                info(r#""partnerId":123,"expiry":1714086400"#),
                list(99)
            ),
            Err(ApiError::NotUserSession {
                session_type: None,
                source: KsSource::AppToken,
            }),
        ),
        (
            format!(
                "[{},{}]",
                exception(
                    "INVALID_APP_TOKEN_HASH",
                    "Invalid application token hash",
                    "[]"
                ),
                forbidden_list()
            ),
            Err(ApiError::InvalidAppTokenHash),
        ),
        (
            format!(
                "[{},{}]",
                exception(
                    "APP_TOKEN_ID_NOT_FOUND",
                    r#"Application token id \"0_tok12345\" not found"#,
                    r#"{"ID":"0_tok12345"}"#
                ),
                forbidden_list()
            ),
            Err(ApiError::AppTokenNotFound {
                id: Some("0_tok12345".into()),
            }),
        ),
        (
            format!(
                "[{},{}]",
                exception(
                    "INVALID_KS",
                    r#"Invalid KS \"EXPIRED\", Error \"-1,INVALID_STR\""#,
                    r#"{"KSID":"EXPIRED","ERR_CODE":"-1","ERR_DESC":"INVALID_STR"}"#
                ),
                forbidden_list()
            ),
            Err(ApiError::InvalidKs(KsRejection::Expired)),
        ),
    ];
    let call = app_token_call();
    for (body, expected) in table {
        check(&call, &body, expected);
    }
}

#[test]
fn pasted_ks_flow() {
    let v1 = user_v1_ks();
    let service = ServiceUrl::local_simulator();
    let v1_call = verify_with_ks(&service, &ks(&v1)).unwrap();
    check(
        &v1_call,
        &list(7),
        Ok(outcome(
            &v1,
            named("jdoe"),
            ExpiresHint::At(1_714_086_400),
            Some("sview:1_abcd1234"),
            Some(7),
            None,
        )),
    );
    check(
        &v1_call,
        &exception(
            "INVALID_KS",
            r#"Invalid KS \"EXPIRED\", Error \"-1,INVALID_STR\""#,
            r#"{"KSID":"EXPIRED","ERR_CODE":"-1","ERR_DESC":"INVALID_STR"}"#,
        ),
        Err(ApiError::InvalidKs(KsRejection::Expired)),
    );
    let v2_call = verify_with_ks(&service, &ks(&v2())).unwrap();
    check(
        &v2_call,
        &list(1),
        Ok(outcome(
            &v2(),
            SessionUser::Unknown,
            ExpiresHint::Unknown,
            None,
            Some(1),
            None,
        )),
    );
    check(
        &v2_call,
        "\"just a string\"",
        Err(ApiError::UnexpectedResponse {
            detail: "expected a list response with totalCount".into(),
        }),
    );
}

#[test]
fn plain_session_start() {
    let call = start_session(
        &ServiceUrl::saas(),
        &kaltura::session::api::SecretSession {
            partner: pid("123"),
            secret: Secret::parse("secret").unwrap(),
            user: UserId::anonymous(),
            expiry: Expiry::FOUR_HOURS,
            privileges: String::new(),
        },
    );
    check(
        &call,
        &json_string(&v2()),
        Ok(outcome(
            &v2(),
            SessionUser::Anonymous,
            ExpiresHint::AfterSecs(14_400),
            Some(""),
            None,
            None,
        )),
    );
    check(
        &call,
        &start_error(),
        Err(ApiError::StartSession {
            partner: Some("123".into()),
        }),
    );
}

#[test]
fn outcome_summary_lines() {
    let base = |entries: Option<u64>, error: Option<ApiError>| {
        outcome(
            &v2(),
            SessionUser::Anonymous,
            ExpiresHint::Unknown,
            None,
            entries,
            error,
        )
    };
    let table = [
        (
            base(Some(42), None),
            "Partner 123 OK — 42 entries visible to this KS",
        ),
        (
            base(Some(1), None),
            "Partner 123 OK — 1 entry visible to this KS",
        ),
        (
            base(Some(0), None),
            "Partner 123 OK — the session works. It lists no entries: a USER KS without list:* \
             lists only its own user's entries, and a widget session none (with a valid Entry ID \
             above, the check looks that entry up by ID).",
        ),
        (
            looking(base(Some(1), None), entry("1_abcd1234")),
            "Partner 123 OK — this KS can see entry 1_abcd1234",
        ),
        (
            looking(base(Some(0), None), entry("1_abcd1234")),
            "Partner 123 OK, but entry 1_abcd1234 was not found with this KS: check the Entry ID \
             (it must belong to partner 123) and, if the account uses entitlement, the categories \
             it is in.",
        ),
        (
            SessionOutcome {
                first_is_playlist: Some(true),
                ..looking(base(Some(1), None), entry("0_plst0001"))
            },
            "Partner 123 OK, but 0_plst0001 is a playlist, not an entry: choose Playlist as the \
             content above.",
        ),
        (
            SessionOutcome {
                first_is_playlist: Some(false),
                ..looking(base(Some(1), None), playlist("1_abcd1234"))
            },
            "Partner 123 OK, but 1_abcd1234 is a media entry, not a playlist: choose Entry as the \
             content above.",
        ),
        (
            SessionOutcome {
                first_is_playlist: Some(true),
                ..looking(base(Some(1), None), playlist("0_plst0001"))
            },
            "Partner 123 OK — this KS can see playlist 0_plst0001",
        ),
        (
            looking(base(Some(0), None), playlist("0_plst0001")),
            "Partner 123 OK, but playlist 0_plst0001 was not found with this KS: check the Playlist ID \
             (it must belong to partner 123) and, if the account uses entitlement, the categories \
             it is in.",
        ),
        (
            looking(
                base(None, Some(ApiError::InvalidKs(KsRejection::UriRestricted))),
                entry("1_abcd1234"),
            ),
            "Partner 123: session started, but listing entries with it failed. \
             This KS is restricted to other API paths (urirestrict privilege).",
        ),
        (
            base(None, Some(ApiError::InvalidKs(KsRejection::UriRestricted))),
            "Partner 123: session started, but listing entries with it failed. \
             This KS is restricted to other API paths (urirestrict privilege).",
        ),
        (
            base(None, None),
            "Partner 123: session started (not verified)",
        ),
    ];
    for (outcome, expected) in table {
        assert_eq!(outcome.summary(), expected);
        assert_eq!(
            outcome.content_not_found(),
            expected.contains("was not found") || expected.contains("choose"),
            "{expected}"
        );
    }
}

fn looking(outcome: SessionOutcome, content: Content) -> SessionOutcome {
    SessionOutcome {
        looked_for: Some(content),
        ..outcome
    }
}

fn entry(id: &str) -> Content {
    Content::Entry(EntryId::parse(id).unwrap())
}

fn playlist(id: &str) -> Content {
    Content::Playlist(PlaylistId::parse(id).unwrap())
}

#[test]
fn looking_for_content_narrows_the_list_step() {
    let service = ServiceUrl::local_simulator();
    let widget = verify_widget(
        &service,
        &WidgetSession {
            partner: pid("123"),
            expiry: Expiry::ONE_HOUR,
        },
    );
    let plain = widget.request.body.clone();
    let narrowed = widget.looking_for(&entry("1_abcd1234"));
    assert_eq!(
        narrowed.request.body,
        format!("{plain}&2:filter:idEqual=1_abcd1234")
    );
    let pasted = verify_with_ks(&service, &ks(&v2()))
        .unwrap()
        .looking_for(&playlist("0_plst0001"));
    assert!(
        pasted
            .request
            .body
            .ends_with("&pager:pageSize=1&filter:idEqual=0_plst0001"),
        "{}",
        pasted.request.body
    );
    // session.start alone lists nothing: nothing to narrow, nothing claimed.
    let start = start_session(
        &service,
        &SecretSession {
            partner: pid("123"),
            secret: Secret::parse("s").unwrap(),
            user: UserId::anonymous(),
            expiry: Expiry::ONE_HOUR,
            privileges: String::new(),
        },
    );
    let body = start.request.body.clone();
    assert_eq!(start.looking_for(&entry("1_abcd1234")).request.body, body);
}
