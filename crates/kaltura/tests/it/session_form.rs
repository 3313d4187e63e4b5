//! The session form: which inputs make which USER-session plan, and which problems land on which field.

use kaltura::embed::form::ContentKind;
use kaltura::session::api::{Expiry, ServicePreset};
use kaltura::session::form::{
    build_privileges, prepare, ExpiryChoice, Method, PrivilegeInput, PrivilegesForm, Secrets,
    SessionField, SessionForm, SessionPlan,
};

/// What `prepare` should give: a plan kind and its privileges, or the fields with problems.
#[derive(Debug, PartialEq)]
enum Expect {
    Widget,
    Secret { privileges: &'static str },
    AppToken { privileges: &'static str },
    Pasted,
    Problems(Vec<SessionField>),
}

fn check(form: SessionForm, partner: &str, secrets: Secrets, expected: Expect) {
    let actual = match prepare(&form, partner, (ContentKind::Entry, "1_abcd1234"), &secrets) {
        Ok(prepared) => match prepared.plan {
            SessionPlan::Widget(_) => Expect::Widget,
            SessionPlan::Secret(s) => Expect::Secret {
                privileges: leak(s.privileges),
            },
            SessionPlan::Pasted(_) => Expect::Pasted,
            SessionPlan::AppToken { session, .. } => Expect::AppToken {
                privileges: leak(session.privileges),
            },
        },
        Err(problems) => Expect::Problems(problems.into_iter().map(|(f, _)| f).collect()),
    };
    assert_eq!(actual, expected, "form {form:?}, partner {partner:?}");
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn secret(value: &str) -> Secrets {
    Secrets {
        secret: value.to_string(),
        app_token: String::new(),
        ks: String::new(),
    }
}

fn token(value: &str) -> Secrets {
    Secrets {
        secret: String::new(),
        app_token: value.to_string(),
        ks: String::new(),
    }
}

fn form(method: Method) -> SessionForm {
    SessionForm {
        service: ServicePreset::LocalSimulator,
        method,
        ..SessionForm::default()
    }
}

#[test]
fn plans_and_problems() {
    use SessionField::*;
    check(
        form(Method::Widget),
        "2506752",
        Secrets::default(),
        Expect::Widget,
    );
    check(
        form(Method::Widget),
        "",
        Secrets::default(),
        Expect::Problems(vec![Partner]),
    );
    check(
        form(Method::Widget),
        "12a",
        Secrets::default(),
        Expect::Problems(vec![Partner]),
    );
    check(
        form(Method::Secret),
        "2506752",
        secret("  abc123  "),
        Expect::Secret {
            privileges: "setrole:PLAYBACK_BASE_ROLE",
        },
    );
    check(
        form(Method::Secret),
        "2506752",
        secret(""),
        Expect::Problems(vec![Secret]),
    );
    // A secret typed while another tab is shown does not satisfy the app-token tab.
    check(
        form(Method::AppToken),
        "2506752",
        secret("abc"),
        Expect::Problems(vec![AppTokenId, AppToken]),
    );
    check(
        SessionForm {
            app_token_id: "0_tok12345".into(),
            ..form(Method::AppToken)
        },
        "2506752",
        token("0123456789abcdef0123456789abcdef"),
        Expect::AppToken {
            privileges: "setrole:PLAYBACK_BASE_ROLE",
        },
    );
    check(
        SessionForm {
            service: ServicePreset::Custom,
            custom_service_url: "http://example.com".into(),
            ..form(Method::Widget)
        },
        "2506752",
        Secrets::default(),
        Expect::Problems(vec![ServiceUrl]),
    );
    check(
        SessionForm {
            expiry: ExpiryChoice::Custom,
            custom_expiry: "3 days".into(),
            ..form(Method::Widget)
        },
        "2506752",
        Secrets::default(),
        Expect::Problems(vec![Expiry]),
    );
    check(
        SessionForm {
            user_id: "a;b".into(),
            ..form(Method::Secret)
        },
        "2506752",
        secret("abc"),
        Expect::Problems(vec![UserId]),
    );
    check(
        SessionForm {
            privileges: PrivilegesForm {
                actions_limit: "ten".into(),
                ..PrivilegesForm::default()
            },
            ..form(Method::Secret)
        },
        "2506752",
        secret("abc"),
        Expect::Problems(vec![Privileges(PrivilegeInput::ActionsLimit)]),
    );
    // A pasted KS needs no Partner ID: the KS names its partner.
    let pasted = |ks: &str| Secrets {
        ks: ks.to_string(),
        ..Secrets::default()
    };
    check(
        form(Method::PasteKs),
        "",
        pasted("djJ8MjUwNjc1Mnxabc="),
        Expect::Pasted,
    );
    // Quotes copied along out of JSON or code are not part of it.
    check(
        form(Method::PasteKs),
        "",
        pasted(" \"djJ8MjUwNjc1Mnxabc=\" "),
        Expect::Pasted,
    );
    for copied in [
        "\u{201c}djJ8MjUwNjc1Mnxabc=\u{201d}",
        "ks=djJ8MjUwNjc1Mnxabc=",
    ] {
        check(form(Method::PasteKs), "", pasted(copied), Expect::Pasted);
    }
    check(
        form(Method::PasteKs),
        "",
        pasted("not a ks!"),
        Expect::Problems(vec![Ks]),
    );
    check(
        form(Method::PasteKs),
        "",
        Secrets::default(),
        Expect::Problems(vec![Ks]),
    );
    // KS characters, but no KS inside: said here, with no round trip.
    check(
        form(Method::PasteKs),
        "",
        pasted("garbage"),
        Expect::Problems(vec![Ks]),
    );
    // Every problem is reported at once, not one per click.
    check(
        form(Method::Secret),
        "",
        secret(""),
        Expect::Problems(vec![Partner, Secret]),
    );
}

#[test]
fn presets_are_valid_expiries() {
    assert_eq!(
        ExpiryChoice::default(),
        ExpiryChoice::Preset(Expiry::ONE_HOUR)
    );
}

fn check_privileges(
    form: PrivilegesForm,
    entry: &str,
    expected: Result<&str, (PrivilegeInput, &str)>,
) {
    check_content_privileges(form, (ContentKind::Entry, entry), expected)
}

/// `expected` is the privileges string, or the input the problem shows at and a fragment of it.
fn check_content_privileges(
    form: PrivilegesForm,
    content: (ContentKind, &str),
    expected: Result<&str, (PrivilegeInput, &str)>,
) {
    let entry = content.1;
    let actual = build_privileges(&form, content);
    match (&actual, expected) {
        (Ok(a), Ok(e)) => assert_eq!(a, e, "{form:?}"),
        (Err((input, message)), Err((expected_input, fragment))) => {
            assert_eq!(*input, expected_input, "{message}");
            assert!(
                message.contains(fragment),
                "{message:?} should mention {fragment:?}"
            )
        }
        _ => panic!("{form:?} with entry {entry:?}: got {actual:?}, expected {expected:?}"),
    }
}

#[test]
fn privileges_from_the_builder() {
    let none = PrivilegesForm {
        playback_role: false,
        ..PrivilegesForm::default()
    };
    check_privileges(none.clone(), "", Ok(""));
    check_privileges(
        PrivilegesForm::default(),
        "",
        Ok("setrole:PLAYBACK_BASE_ROLE"),
    );
    check_privileges(
        PrivilegesForm {
            limit_to_entry: true,
            ..none.clone()
        },
        " 1_abcd1234 ",
        Ok("sview:1_abcd1234"),
    );
    // A playlist's entries are allowed by sviewplaylist, not by an sview of the playlist's id.
    check_content_privileges(
        PrivilegesForm {
            limit_to_entry: true,
            ..none.clone()
        },
        (ContentKind::Playlist, "0_pl123456"),
        Ok("sviewplaylist:0_pl123456"),
    );
    check_content_privileges(
        PrivilegesForm {
            limit_to_entry: true,
            ..none.clone()
        },
        (ContentKind::Playlist, "1_abcd1234 x"),
        Err((PrivilegeInput::LimitToContent, "valid Playlist ID")),
    );
    check_privileges(
        PrivilegesForm {
            limit_to_entry: true,
            ..none.clone()
        },
        "",
        Err((PrivilegeInput::LimitToContent, "valid Entry ID")),
    );
    check_privileges(
        PrivilegesForm {
            actions_limit: "-1".into(),
            ..none.clone()
        },
        "",
        Err((PrivilegeInput::ActionsLimit, "whole number")),
    );
    check_privileges(
        PrivilegesForm {
            actions_limit: " 5 ".into(),
            ..none.clone()
        },
        "",
        Ok("actionslimit:5"),
    );
    check_privileges(
        PrivilegesForm {
            custom: "bad name:x".into(),
            ..none.clone()
        },
        "",
        Err((PrivilegeInput::Custom, "privilege name")),
    );
    // Each problem shows at the input it comes from.
    let table = [
        (
            PrivilegesForm {
                privacy_context: "a b".into(),
                ..none.clone()
            },
            PrivilegeInput::PrivacyContext,
        ),
        (
            PrivilegesForm {
                uri_restrict: "no slash".into(),
                ..none.clone()
            },
            PrivilegeInput::UriRestrict,
        ),
        (
            PrivilegesForm {
                actions_limit: "0".into(),
                ..none.clone()
            },
            PrivilegeInput::ActionsLimit,
        ),
        // The custom list naming a privilege a field above sets differently: the list's problem.
        (
            PrivilegesForm {
                privacy_context: "web".into(),
                custom: "privacycontext:app".into(),
                ..none.clone()
            },
            PrivilegeInput::Custom,
        ),
    ];
    for (form, input) in table {
        assert_eq!(
            build_privileges(&form, (ContentKind::Entry, "")).map_err(|(i, _)| i),
            Err(input),
            "{form:?}"
        );
    }
}

#[test]
fn only_what_the_chosen_tab_shows_is_checked() {
    use SessionField::{Expiry, Privileges, UserId};
    // Privileges, a user ID and a custom expiry that would each be refused.
    let hidden_problems = |method| SessionForm {
        user_id: "a;b".into(),
        expiry: ExpiryChoice::Custom,
        custom_expiry: "forever".into(),
        privileges: PrivilegesForm {
            actions_limit: "ten".into(),
            ..PrivilegesForm::default()
        },
        ..form(method)
    };
    // The widget tab shows only the expiry; Check a KS shows none of them.
    check(
        hidden_problems(Method::Widget),
        "2506752",
        Secrets::default(),
        Expect::Problems(vec![Expiry]),
    );
    check(
        hidden_problems(Method::PasteKs),
        "",
        Secrets {
            ks: "djJ8MjUwNjc1Mnxabc=".into(),
            ..Secrets::default()
        },
        Expect::Pasted,
    );
    check(
        hidden_problems(Method::Secret),
        "2506752",
        secret("abc"),
        Expect::Problems(vec![
            UserId,
            Expiry,
            Privileges(PrivilegeInput::ActionsLimit),
        ]),
    );
}
