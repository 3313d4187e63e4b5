//! The Session panel's status line (words and tone per state, verdicts) and its session's deadline.

use kaltura::embed::ids::{EntryId, PartnerId};
use kaltura::embed::Content;
use kaltura::session::api::{ApiError, ExpiresHint, Expiry, Network, SessionOutcome, SessionUser};
use kaltura::session::form::{Method, PrivilegeInput, SessionField};
use kaltura::session::ks::Ks;
use kaltura::session::lifetime::{countdown_text, deadline, seconds_left, Deadline};
use kaltura::session::status::{
    other_partner, remedy_at, status, user_label, Progress, StartedSession, Status, Tone, Typed,
};

/// A session for partner 2506752 that saw `visible` entries, checked against `looked_for`.
fn outcome(visible: u64, looked_for: Option<&str>) -> SessionOutcome {
    SessionOutcome {
        ks: Ks::parse("djJ8MjUwNjc1Mnxsb25n").unwrap(),
        partner: PartnerId::parse("2506752").unwrap(),
        user: SessionUser::Anonymous,
        expires_hint: ExpiresHint::Unknown,
        privileges: None,
        entries_visible: Some(visible),
        list_error: None,
        first_is_playlist: Some(false),
        looked_for: looked_for.map(|id| Content::Entry(EntryId::parse(id).unwrap())),
    }
}

const TYPED: Typed = Typed {
    partner: "2506752",
    content_id: "1_demo0001",
};

/// The progress, the form's IDs and the announcement.
type Input<'a> = (Progress<'a>, Typed<'a>, &'a str);

fn check(input: Input, expected: (&str, Tone)) {
    let (progress, typed, announcement) = input;
    let actual = status(progress, typed, announcement);
    let (text, tone) = expected;
    assert_eq!(
        actual,
        Status {
            text: text.to_string(),
            tone
        },
        "{progress:?} with {typed:?}, announcing {announcement:?}"
    );
}

fn started(outcome: &SessionOutcome, method: Method, expired: bool) -> Progress<'_> {
    Progress::Started(Some(StartedSession {
        outcome,
        method,
        expired,
    }))
}

#[test]
fn each_state_has_its_words_and_tone() {
    let seen = outcome(1, Some("1_demo0001"));
    let missing = outcome(0, Some("1_demo0001"));
    let wrong_secret = ApiError::StartSession {
        partner: Some("2506752".to_string()),
    };
    let timeout = ApiError::Network(Network::Timeout);
    let ok = "Partner 2506752 OK — this KS can see entry 1_demo0001";
    let cases: Vec<(Input, (&str, Tone))> = vec![
        ((Progress::Idle { refused: false }, TYPED, ""), ("", Tone::Ok)),
        (
            (Progress::Idle { refused: true }, TYPED, ""),
            ("Not started: fix the fields marked below.", Tone::Error),
        ),
        (
            (Progress::Sending(Method::AppToken), TYPED, ""),
            (
                "Starting session with the app token (2 requests)…",
                Tone::Ok,
            ),
        ),
        (
            (Progress::Sending(Method::PasteKs), TYPED, ""),
            ("Checking the KS…", Tone::Ok),
        ),
        (
            (Progress::Sending(Method::Widget), TYPED, ""),
            ("Starting session and checking it…", Tone::Ok),
        ),
        (
            (Progress::Failed(&wrong_secret), TYPED, ""),
            (
                "Failed: The secret was not accepted for partner 2506752.",
                Tone::Error,
            ),
        ),
        (
            (Progress::Failed(&timeout), TYPED, ""),
            ("Failed: The server did not answer in time.", Tone::Error),
        ),
        ((Progress::Started(None), TYPED, ""), ("", Tone::Ok)),
        ((started(&seen, Method::Secret, false), TYPED, ""), (ok, Tone::Ok)),
        (
            (started(&seen, Method::Secret, true), TYPED, ""),
            (
                "The session has expired: its KS no longer works and is out of the embed code. Start a new session.",
                Tone::Warn,
            ),
        ),
        (
            (started(&missing, Method::Widget, false), TYPED, ""),
            (
                "Partner 2506752 OK, but entry 1_demo0001 was not found with this KS: check the Entry ID (it must belong to partner 2506752) and, if the account uses entitlement, the categories it is in.",
                Tone::Warn,
            ),
        ),
        // The form moved on to another entry since the check.
        (
            (
                started(&seen, Method::Secret, false),
                Typed {
                    content_id: " 1_demo0002 ",
                    ..TYPED
                },
                "",
            ),
            (
                "Partner 2506752 OK — this KS can see entry 1_demo0001 (checked before the ID above changed: start again to check it)",
                Tone::Ok,
            ),
        ),
        // A pasted KS for another partner than the one typed above.
        (
            (
                started(&seen, Method::PasteKs, false),
                Typed {
                    partner: "1000001",
                    ..TYPED
                },
                "",
            ),
            (
                "This KS is for partner 2506752, not 1000001 (the Partner ID above). Partner 2506752 OK — this KS can see entry 1_demo0001",
                Tone::Warn,
            ),
        ),
        // A started session's partner is its own: only a pasted KS is compared.
        (
            (
                started(&seen, Method::Secret, false),
                Typed {
                    partner: "1000001",
                    ..TYPED
                },
                "",
            ),
            (ok, Tone::Ok),
        ),
        // Announcements follow the status, or stand alone.
        (
            (Progress::Idle { refused: false }, TYPED, "Cancelled."),
            ("Cancelled.", Tone::Ok),
        ),
        (
            (started(&seen, Method::Secret, false), TYPED, "KS copied"),
            (
                "Partner 2506752 OK — this KS can see entry 1_demo0001 · KS copied",
                Tone::Ok,
            ),
        ),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn only_a_valid_other_partner_counts_as_another_one() {
    let seen = outcome(1, None);
    let pasted = StartedSession {
        outcome: &seen,
        method: Method::PasteKs,
        expired: false,
    };
    for (typed, expected) in [
        ("2506752", None),
        (" 1000001 ", Some("1000001")),
        ("", None),
        ("12ab", None),
    ] {
        assert_eq!(other_partner(pasted, typed), expected, "typed {typed:?}");
    }
}

#[test]
fn users_read_plainly() {
    for (user, expected) in [
        (SessionUser::Anonymous, "anonymous"),
        (
            SessionUser::Named("ana@example.edu".into()),
            "ana@example.edu",
        ),
        (SessionUser::Unknown, "not readable (v2 KS)"),
    ] {
        assert_eq!(user_label(&user), expected);
    }
}

/// Answer received at this computer's 1,000,000 s (in ms).
const RECEIVED_MS: f64 = 1_000_000_000.0;

fn check_deadline(input: (ExpiresHint, Option<u32>), expected: Deadline) {
    let (hint, asked) = input;
    assert_eq!(
        deadline(hint, RECEIVED_MS, asked),
        expected,
        "{hint:?}, asked {asked:?}"
    );
}

#[test]
fn the_deadline_trusts_the_server_unless_this_clock_is_ahead_of_it() {
    let at = |secs: f64| Some(secs * 1000.0);
    let cases = [
        // The server's expiry, as asked.
        (
            (ExpiresHint::At(1_003_600), Some(3600)),
            Deadline {
                at_ms: at(1_003_600.0),
                upper_bound: false,
                shortened_from: None,
            },
        ),
        // Cut to 1 h when 4 h were asked for.
        (
            (ExpiresHint::At(1_003_600), Some(4 * 3600)),
            Deadline {
                at_ms: at(1_003_600.0),
                upper_bound: false,
                shortened_from: Some(Expiry::FOUR_HOURS),
            },
        ),
        // Under a minute short is clock drift, not a cut.
        (
            (ExpiresHint::At(1_003_560), Some(3600)),
            Deadline {
                at_ms: at(1_003_560.0),
                upper_bound: false,
                shortened_from: None,
            },
        ),
        // This clock is ahead of the server's: count the lifetime asked for from the answer.
        (
            (ExpiresHint::At(999_000), Some(3600)),
            Deadline {
                at_ms: at(1_003_600.0),
                upper_bound: false,
                shortened_from: None,
            },
        ),
        // … and with nothing asked (a pasted KS), say nothing rather than "expired".
        (
            (ExpiresHint::At(999_000), None),
            Deadline {
                at_ms: None,
                upper_bound: false,
                shortened_from: None,
            },
        ),
        (
            (ExpiresHint::AfterSecs(7200), Some(7200)),
            Deadline {
                at_ms: at(1_007_200.0),
                upper_bound: true,
                shortened_from: None,
            },
        ),
        (
            (ExpiresHint::Unknown, Some(3600)),
            Deadline {
                at_ms: None,
                upper_bound: false,
                shortened_from: None,
            },
        ),
    ];
    for (input, expected) in cases {
        check_deadline(input, expected);
    }
}

#[test]
fn the_countdown_reads_hours_minutes_and_seconds() {
    for ((at_ms, now_ms, upper_bound), expected) in [
        ((3_600_000.0, 0.0, false), "Expires in 1:00:00"),
        ((3_599_500.0, 0.0, false), "Expires in 59:59"),
        ((65_000.0, 0.0, true), "Expires in at most 1:05"),
        ((9_000.0, 0.0, false), "Expires in 0:09"),
        ((5_000.0, 5_000.0, false), "Expired: start a new session."),
        ((5_000.0, 9_000.0, true), "Expired: start a new session."),
    ] {
        let left = seconds_left(at_ms, now_ms);
        assert_eq!(
            countdown_text(left, upper_bound),
            expected,
            "{at_ms} at {now_ms}"
        );
    }
}

#[test]
fn the_advice_on_a_failure_goes_beside_its_field_when_the_tab_shows_it() {
    let wrong_secret = ApiError::StartSession { partner: None };
    let bad_ks = ApiError::InvalidKs(kaltura::session::api::KsRejection::Expired);
    let timeout = ApiError::Network(Network::Timeout);
    let offline = ApiError::Network(Network::Offline);
    for ((error, method), expected) in [
        ((&wrong_secret, Method::Secret), Some(SessionField::Secret)),
        ((&bad_ks, Method::PasteKs), Some(SessionField::Ks)),
        // A started KS the verify refused: no pasted-KS input on the Secret tab.
        ((&bad_ks, Method::Secret), None),
        ((&timeout, Method::Widget), Some(SessionField::ServiceUrl)),
        ((&offline, Method::Widget), None),
        (
            (&ApiError::UnknownRoleId, Method::Secret),
            Some(SessionField::Privileges(PrivilegeInput::Custom)),
        ),
        ((&ApiError::UnknownRoleId, Method::PasteKs), None),
        (
            (&ApiError::InvalidAppTokenHash, Method::AppToken),
            Some(SessionField::AppToken),
        ),
    ] {
        assert_eq!(
            remedy_at(error, method),
            expected,
            "{error:?} from {method:?}"
        );
    }
}
