//! Error catalogue: every api_v3 code from real-shaped `KalturaAPIException` bodies, doc-name mapping,
//! messages, remedies and fields.

use kaltura::session::api::{ApiError, ApiException, Field, KsRejection, KsSource, Network};

/// Classifies an exception body the way the response decoder does.
fn classify(body: &str) -> ApiError {
    let exception: ApiException = serde_json::from_str(body).expect("sample is an exception");
    ApiError::from(&exception)
}

fn exception(code: &str, message: &str, args: &str) -> String {
    format!(
        r#"{{"code":"{code}","message":"{message}","objectType":"KalturaAPIException","args":{args}}}"#
    )
}

fn check(body: &str, expected: ApiError, field: Field) {
    let actual = classify(body);
    assert_eq!(actual, expected, "body {body}");
    assert_eq!(actual.field(), field, "field for {body}");
    let sent: serde_json::Value = serde_json::from_str(body).unwrap();
    assert_eq!(actual.code(), sent["code"].as_str(), "code round trip");
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn every_code_maps_to_its_variant_and_field() {
    let ks = "djJ8MTIzfGFiY2RlZg==";
    let table: Vec<(String, ApiError, Field)> = vec![
        (
            exception(
                "START_SESSION_ERROR",
                "Error while starting session for partner [123]",
                r#"{"PID":"123"}"#,
            ),
            ApiError::StartSession { partner: some("123") },
            Field::Secret,
        ),
        // Confirmed live sample (player-sdk-native-ios#171).
        (
            r#"{"code":"SERVICE_FORBIDDEN_CONTENT_BLOCKED","message":"The access to this service is forbidden since the specified partner is blocked","objectType":"KalturaAPIException","args":[]}"#.to_string(),
            ApiError::PartnerBlocked,
            Field::PartnerId,
        ),
        (
            exception("PARTNER_NOT_FOUND", "Partner not found 77", r#"{"PARTNER":"77"}"#),
            ApiError::PartnerNotFound { partner: some("77") },
            Field::PartnerId,
        ),
        (
            exception(
                "INVALID_KS",
                &format!(r#"Invalid KS \"{ks}\", Error \"-1,INVALID_STR\""#),
                &format!(r#"{{"KSID":"{ks}","ERR_CODE":"-1","ERR_DESC":"INVALID_STR"}}"#),
            ),
            ApiError::InvalidKs(KsRejection::Invalid),
            Field::Ks,
        ),
        (
            exception(
                "INVALID_KS",
                r#"Invalid KS \"EXPIRED\", Error \"-1,INVALID_STR\""#,
                r#"{"KSID":"EXPIRED","ERR_CODE":"-1","ERR_DESC":"INVALID_STR"}"#,
            ),
            ApiError::InvalidKs(KsRejection::Expired),
            Field::Ks,
        ),
        (
            exception(
                "INVALID_KS",
                r#"Invalid KS \"LOGOUT\", Error \"-1,INVALID_STR\""#,
                r#"{"KSID":"LOGOUT","ERR_CODE":"-1","ERR_DESC":"INVALID_STR"}"#,
            ),
            ApiError::InvalidKs(KsRejection::LoggedOut),
            Field::Ks,
        ),
        (
            exception(
                "INVALID_KS",
                r#"Invalid KS \"EXCEEDED_ACTIONS_LIMIT\", Error \"-1,INVALID_STR\""#,
                r#"{"KSID":"EXCEEDED_ACTIONS_LIMIT","ERR_CODE":"-1","ERR_DESC":"INVALID_STR"}"#,
            ),
            ApiError::InvalidKs(KsRejection::ActionsLimitReached),
            Field::Privileges,
        ),
        (
            exception(
                "INVALID_KS",
                r#"Invalid KS \"EXCEEDED_RESTRICTED_IP\", Error \"-1,INVALID_STR\""#,
                r#"{"KSID":"EXCEEDED_RESTRICTED_IP","ERR_CODE":"-1","ERR_DESC":"INVALID_STR"}"#,
            ),
            ApiError::InvalidKs(KsRejection::IpRestricted),
            Field::Privileges,
        ),
        (
            exception(
                "INVALID_KS",
                r#"Invalid KS \"EXCEEDED_RESTRICTED_URI\", Error \"-1,INVALID_STR\""#,
                r#"{"KSID":"EXCEEDED_RESTRICTED_URI","ERR_CODE":"-1","ERR_DESC":"INVALID_STR"}"#,
            ),
            ApiError::InvalidKs(KsRejection::UriRestricted),
            Field::Privileges,
        ),
        // With `args: []` the KSID is read from the message.
        (
            exception(
                "INVALID_KS",
                r#"Invalid KS \"EXPIRED\", Error \"-1,INVALID_STR\""#,
                "[]",
            ),
            ApiError::InvalidKs(KsRejection::Expired),
            Field::Ks,
        ),
        (
            exception("MISSING_KS", "Missing KS, session not established", "[]"),
            ApiError::MissingKs,
            Field::None,
        ),
        // Confirmed live sample (KalturaGeneratedAPIClientsNodeJS#1).
        (
            r#"{"code":"SERVICE_FORBIDDEN","message":"The access to service [category->list] is forbidden","objectType":"KalturaAPIException","args":{"SERVICE":"category->list"}}"#.to_string(),
            ApiError::ServiceForbidden { service: some("category->list") },
            Field::Privileges,
        ),
        (
            exception(
                "SERVICE_FORBIDDEN",
                "The access to service [baseentry->list] is forbidden",
                "[]",
            ),
            ApiError::ServiceForbidden { service: some("baseentry->list") },
            Field::Privileges,
        ),
        (
            exception(
                "MISSING_MANDATORY_PARAMETER",
                r#"Missing parameter \"secret\""#,
                r#"{"PARAM_NAME":"secret"}"#,
            ),
            ApiError::MissingParameter { name: some("secret") },
            Field::Secret,
        ),
        (
            exception("MISSING_MANDATORY_PARAMETER", r#"Missing parameter \"id\""#, "[]"),
            ApiError::MissingParameter { name: some("id") },
            Field::AppTokenId,
        ),
        (
            exception(
                "INVALID_ENUM_VALUE",
                r#"Invalid enumeration value \"1\" for parameter \"type\", expecting enumeration type \"KalturaSessionType\""#,
                r#"{"ENUM_VAL":"1","PARAM_NAME":"type","ENUM_TYPE":"KalturaSessionType"}"#,
            ),
            ApiError::InvalidEnumValue { param: some("type"), value: some("1") },
            Field::None,
        ),
        (
            exception("INVALID_WIDGET_ID", "Unknown widget [_123]", r#"{"WIDGET_ID":"_123"}"#),
            ApiError::InvalidWidgetId { widget_id: some("_123") },
            Field::PartnerId,
        ),
        (
            exception(
                "START_WIDGET_SESSION_ERROR",
                "error while starting session for widget id [_123]",
                r#"{"WIDGET_ID":"_123"}"#,
            ),
            ApiError::StartWidgetSession { widget_id: some("_123") },
            Field::PartnerId,
        ),
        (
            exception("UNKNOWN_ROLE_ID", "Unknown role id", "[]"),
            ApiError::UnknownRoleId,
            Field::Privileges,
        ),
        (
            exception("INVALID_ACTIONS_LIMIT", "Invalid actions limit", "[]"),
            ApiError::InvalidActionsLimit,
            Field::Privileges,
        ),
        (
            exception(
                "APP_TOKEN_ID_NOT_FOUND",
                r#"Application token id \"0_abcd1234\" not found"#,
                r#"{"ID":"0_abcd1234"}"#,
            ),
            ApiError::AppTokenNotFound { id: some("0_abcd1234") },
            Field::AppTokenId,
        ),
        (
            exception(
                "APP_TOKEN_NOT_ACTIVE",
                r#"Application token id \"0_abcd1234\" not active"#,
                r#"{"ID":"0_abcd1234"}"#,
            ),
            ApiError::AppTokenNotActive { id: some("0_abcd1234") },
            Field::AppTokenId,
        ),
        (
            exception(
                "APP_TOKEN_EXPIRED",
                r#"Application token id \"0_abcd1234\" expired"#,
                "[]",
            ),
            ApiError::AppTokenExpired { id: some("0_abcd1234") },
            Field::AppTokenId,
        ),
        (
            exception("INVALID_APP_TOKEN_HASH", "Invalid application token hash", "[]"),
            ApiError::InvalidAppTokenHash,
            Field::AppToken,
        ),
        (
            exception(
                "ENTRY_ID_NOT_FOUND",
                r#"Entry id \"1_zzzz9999\" not found"#,
                r#"{"ENTRY_ID":"1_zzzz9999"}"#,
            ),
            ApiError::EntryNotFound { id: some("1_zzzz9999") },
            Field::None,
        ),
        (
            exception("INTERNAL_SERVERL_ERROR", "Internal server error occurred", "[]"),
            ApiError::InternalServer,
            Field::None,
        ),
        (
            exception(
                "SERVICE_DOES_NOT_EXISTS",
                r#"Service \"nope\" does not exists"#,
                r#"{"SRV_NAME":"nope"}"#,
            ),
            ApiError::Unknown {
                code: "SERVICE_DOES_NOT_EXISTS".into(),
                message: r#"Service "nope" does not exists"#.into(),
            },
            Field::None,
        ),
        // A missing template argument is "N/A" on the wire: treated as absent.
        (
            exception("START_SESSION_ERROR", "Error while starting session for partner [N/A]", r#"{"PID":"N/A"}"#),
            ApiError::StartSession { partner: None },
            Field::Secret,
        ),
        (
            exception("START_SESSION_ERROR", "Error while starting session", "[]"),
            ApiError::StartSession { partner: None },
            Field::Secret,
        ),
    ];
    for (body, expected, field) in table {
        check(&body, expected, field);
    }
}

#[test]
fn start_session_error_reads_plainly() {
    let error = ApiError::StartSession {
        partner: some("123"),
    };
    assert_eq!(
        error.message(),
        "The secret was not accepted for partner 123."
    );
    assert_eq!(
        error.remediation(),
        "Check the secret and the Partner ID in KMC → Settings → Integration Settings. \
         A user secret can only start USER sessions, which is all this page asks for."
    );
    assert!(ApiError::PartnerBlocked
        .remediation()
        .contains("KMC → Settings → Integration"));
    assert_eq!(
        ApiError::InvalidKs(KsRejection::Expired).remediation(),
        "Start a new session."
    );
}

#[test]
fn seed_doc_names_map_to_real_codes() {
    let table = [
        (
            "PARTNER_NOT_FOUND",
            "SERVICE_FORBIDDEN_CONTENT_BLOCKED",
            ApiError::PartnerBlocked,
        ),
        (
            "INVALID_SECRET_TYPE",
            "START_SESSION_ERROR",
            ApiError::StartSession { partner: None },
        ),
        (
            "EXPIRED_KS",
            "INVALID_KS",
            ApiError::InvalidKs(KsRejection::Expired),
        ),
        (
            "INVALID_KS",
            "INVALID_KS",
            ApiError::InvalidKs(KsRejection::Invalid),
        ),
    ];
    for (doc_name, real_code, error) in table {
        let mapping = ApiError::from_doc_name(doc_name).expect(doc_name);
        assert_eq!(mapping.doc_name, doc_name);
        assert_eq!(mapping.real_code, real_code);
        assert_eq!(mapping.error.code(), Some(real_code));
        assert_eq!(mapping.error, error);
        assert!(
            mapping.note.contains(doc_name) && mapping.note.contains(real_code),
            "the note names both: {}",
            mapping.note
        );
    }
    assert_eq!(ApiError::from_doc_name("START_SESSION_ERROR"), None);
}

#[test]
fn app_side_errors_have_messages_remedies_and_fields() {
    let table: Vec<(ApiError, Field, &str)> = vec![
        (
            ApiError::Network(Network::CorsBlockedOrOffline),
            Field::ServiceUrl,
            "Access-Control-Allow-Origin: *",
        ),
        (
            ApiError::Network(Network::Offline),
            Field::None,
            "Reconnect",
        ),
        (
            ApiError::Network(Network::Timeout),
            Field::ServiceUrl,
            "Try again",
        ),
        (
            ApiError::Network(Network::HttpStatus(502)),
            Field::ServiceUrl,
            "HTTP 200",
        ),
        (
            ApiError::Network(Network::NotJson),
            Field::ServiceUrl,
            "api_v3",
        ),
        (
            ApiError::Network(Network::Truncated),
            Field::ServiceUrl,
            "Try again",
        ),
        (
            ApiError::Network(Network::XmlInsteadOfJson),
            Field::ServiceUrl,
            "api_v3",
        ),
        (
            ApiError::NotUserSession {
                session_type: Some(2),
                source: KsSource::AppToken,
            },
            Field::AppTokenId,
            "sessionType is USER (0)",
        ),
        (
            ApiError::NotUserSession {
                session_type: Some(2),
                source: KsSource::Pasted,
            },
            Field::Ks,
            "USER session (type 0)",
        ),
        (ApiError::DigestUnavailable, Field::AppToken, "SubtleCrypto"),
    ];
    let mut messages = std::collections::HashSet::new();
    for (error, field, remedy_part) in table {
        assert_eq!(error.field(), field, "{error:?}");
        assert!(
            error.remediation().contains(remedy_part),
            "{error:?}: {}",
            error.remediation()
        );
        assert_eq!(error.code(), None, "{error:?} is not a server code");
        messages.insert(error.message());
    }
    assert!(messages.contains("The server answered with HTTP status 502 instead of 200."));
    assert!(messages.contains(
        "The server returned a session of type ADMIN (2), not a USER session (type 0). \
         This page only handles USER sessions, so it was discarded."
    ));
}
