//! Privileges: the structured builder's comma string, and the danger checker.

use kaltura::embed::ids::EntryId;
use kaltura::embed::Content;
use kaltura::session::privileges::{check, DangerKind, PrivilegeError, Privileges, Severity};

fn check_build(form: Privileges, expected: Result<&str, PrivilegeError>) {
    let description = format!("{form:?}");
    assert_eq!(
        form.build().as_deref().map_err(Clone::clone),
        expected,
        "form {description}"
    );
}

fn custom(text: &str) -> Privileges {
    Privileges {
        custom: text.to_string(),
        ..Privileges::default()
    }
}

#[test]
fn builder_makes_the_comma_string() {
    let entry = EntryId::parse("1_abcd1234").unwrap();
    let everything = Privileges {
        sview: Some(Content::Entry(entry.clone())),
        privacy_context: Some(" kms_ctx ".into()),
        enable_entitlement: true,
        playback_role: true,
        actions_limit: Some(10),
        uri_restrict: Some("/api_v3/service/baseentry/*".into()),
        custom: "sessionid:abc, appid:studio-example.com".into(),
    };
    let table: Vec<(Privileges, Result<&str, PrivilegeError>)> = vec![
        (Privileges::default(), Ok("")),
        (
            everything,
            Ok("sview:1_abcd1234,privacycontext:kms_ctx,enableentitlement,setrole:PLAYBACK_BASE_ROLE,\
                actionslimit:10,urirestrict:/api_v3/service/baseentry/*,sessionid:abc,appid:studio-example.com"),
        ),
        (
            Privileges {
                privacy_context: Some("   ".into()),
                uri_restrict: Some(String::new()),
                ..Privileges::default()
            },
            Ok(""),
        ),
        // Custom values for a name already set are merged with `/` (v2 keeps only the last duplicate).
        (
            Privileges {
                sview: Some(Content::Entry(entry.clone())),
                custom: "sview:1_zzzz9999".into(),
                ..Privileges::default()
            },
            Ok("sview:1_abcd1234/1_zzzz9999"),
        ),
        (custom("sview:1_a, sview:1_a ,,"), Ok("sview:1_a")),
        (custom("enableentitlement,enableentitlement"), Ok("enableentitlement")),
        (custom("*"), Ok("*")),
        (
            Privileges {
                playback_role: true,
                custom: "setrole:PLAYBACK_BASE_ROLE".into(),
                ..Privileges::default()
            },
            Ok("setrole:PLAYBACK_BASE_ROLE"),
        ),
        (
            Privileges {
                playback_role: true,
                custom: "setrole:CUSTOM_ROLE".into(),
                ..Privileges::default()
            },
            Err(PrivilegeError::Conflict("setrole".into())),
        ),
        (
            Privileges {
                actions_limit: Some(5),
                custom: "actionslimit:6".into(),
                ..Privileges::default()
            },
            Err(PrivilegeError::Conflict("actionslimit".into())),
        ),
        (
            custom("edit,edit:1_a"),
            Err(PrivilegeError::Conflict("edit".into())),
        ),
        (
            Privileges {
                actions_limit: Some(0),
                ..Privileges::default()
            },
            Err(PrivilegeError::ZeroActionsLimit),
        ),
        (
            Privileges {
                privacy_context: Some("two words".into()),
                ..Privileges::default()
            },
            Err(PrivilegeError::BadValue("privacycontext".into())),
        ),
        (
            custom("sview:1_a 1_b"),
            Err(PrivilegeError::BadValue("sview".into())),
        ),
        (
            custom("sview:"),
            Err(PrivilegeError::EmptyValue("sview".into())),
        ),
        (
            custom("s view:1_a"),
            Err(PrivilegeError::BadName("s view".into())),
        ),
        (custom(":x"), Err(PrivilegeError::BadName(String::new()))),
    ];
    for (form, expected) in table {
        check_build(form, expected);
    }
}

#[test]
fn builder_errors_have_messages() {
    let errors = [
        PrivilegeError::BadName("a b".into()),
        PrivilegeError::EmptyValue("sview".into()),
        PrivilegeError::BadValue("sview".into()),
        PrivilegeError::ZeroActionsLimit,
        PrivilegeError::Conflict("setrole".into()),
    ];
    for error in errors {
        assert!(error.message().ends_with('.'), "{error:?}");
    }
}

fn check_dangers(privileges: &str, expiry_secs: u64, expected: &[(DangerKind, &str)]) {
    let found: Vec<(DangerKind, String)> = check(privileges, expiry_secs)
        .into_iter()
        .map(|d| (d.kind, d.privilege))
        .collect();
    let expected: Vec<(DangerKind, String)> =
        expected.iter().map(|(k, p)| (*k, p.to_string())).collect();
    assert_eq!(
        found, expected,
        "privileges {privileges:?}, expiry {expiry_secs}"
    );
}

/// Expected findings: (kind, offending item).
type Findings<'a> = &'a [(DangerKind, &'a str)];

#[test]
fn checker_flags_dangerous_privileges() {
    use DangerKind::*;
    let hour = 3600;
    let table: &[(&str, u64, Findings)] = &[
        ("", hour, &[]),
        (
            "sview:1_abcd1234,setrole:PLAYBACK_BASE_ROLE,actionslimit:10,urirestrict:/x*",
            hour,
            &[],
        ),
        (
            "enableentitlement,privacycontext:c,sessionid:s",
            4 * hour,
            &[],
        ),
        ("*", hour, &[(AllPrivileges, "*")]),
        ("all:*", hour, &[(AllPrivileges, "all:*")]),
        ("list:*", hour, &[(ListAll, "list:*")]),
        ("edit:*", hour, &[(Edit, "edit:*")]),
        ("edit:1_abcd1234", hour, &[(Edit, "edit:1_abcd1234")]),
        (
            "disableentitlement",
            hour,
            &[(DisableEntitlement, "disableentitlement")],
        ),
        ("disableentitlementforentry:1_a", hour, &[]),
        (
            "setrole:Publisher Administrator",
            hour,
            &[(OtherRole, "setrole:Publisher Administrator")],
        ),
        (
            "setrole:PLAYBACK_BASE_ROLE/ADMIN_ROLE",
            hour,
            &[(OtherRole, "setrole:PLAYBACK_BASE_ROLE/ADMIN_ROLE")],
        ),
        ("sview:*", hour, &[(ViewAll, "sview:*")]),
        ("sview:1_a/*", hour, &[(ViewAll, "sview:1_a/*")]),
        ("download:*", hour, &[(DownloadAll, "download:*")]),
        ("downloadasset:*", hour, &[(DownloadAll, "downloadasset:*")]),
        ("download:1_a", hour, &[]),
        ("edituser:jdoe", hour, &[(EditUser, "edituser:jdoe")]),
        (
            "editadmintags:*",
            hour,
            &[(EditAdminTags, "editadmintags:*")],
        ),
        (
            "enablechangeaccount",
            hour,
            &[(ChangeAccount, "enablechangeaccount")],
        ),
        // Case variants are not waved through.
        (
            " LIST:* , Edit:* ",
            hour,
            &[(ListAll, "LIST:*"), (Edit, "Edit:*")],
        ),
        ("view:*,widget:1", hour, &[]),
        ("", 4 * hour, &[]),
        ("", 4 * hour + 1, &[(LongExpiry, "")]),
        ("", 24 * hour, &[(LongExpiry, "")]),
        ("", 24 * hour + 1, &[(VeryLongExpiry, "")]),
        (
            "*,list:*",
            48 * hour,
            &[
                (AllPrivileges, "*"),
                (ListAll, "list:*"),
                (VeryLongExpiry, ""),
            ],
        ),
    ];
    for (privileges, expiry, expected) in table {
        check_dangers(privileges, *expiry, expected);
    }
}

#[test]
fn every_finding_has_a_reason_and_long_expiry_is_only_a_note() {
    let all = check(
        "*,list:*,edit:*,disableentitlement,setrole:X,sview:*,download:*,edituser,editadmintags,enablechangeaccount",
        48 * 3600,
    );
    assert_eq!(all.len(), 11);
    let reasons: std::collections::HashSet<_> = all.iter().map(|d| d.reason()).collect();
    assert_eq!(reasons.len(), all.len(), "each kind explains itself");
    assert!(all.iter().all(|d| d.severity() == Severity::Danger));
    let long = check("", 5 * 3600);
    assert_eq!(long[0].severity(), Severity::Note);
}
