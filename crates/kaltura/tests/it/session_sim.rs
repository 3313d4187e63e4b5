//! End to end against the local api_v3 simulator: the exact bodies this crate builds, POSTed over real
//! HTTP, and the decoder's verdict on what comes back (sessions, errors, faults).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use kaltura::embed::ids::{EntryId, PartnerId, PlaylistId};
use kaltura::embed::Content;
use kaltura::session::api::{
    app_token_widget_step, verify_widget, verify_with_app_token, verify_with_ks,
    verify_with_secret, ApiError, ApiRequest, AppToken, AppTokenId, AppTokenSession, ExpiresHint,
    Expiry, KsRejection, KsSource, Network, Secret, SecretSession, ServiceUrl, SessionCall,
    SessionOutcome, SessionUser, UserId, WidgetSession, CONTENT_TYPE,
};
use kaltura::session::digest::AppTokenHashType;
use kaltura::session::ks::{Ks, KsInfo};

use crate::session_support::{json, token_hash};

const DEMO: &str = "2506752";
const DEMO_ADMIN_SECRET: &str = "FAKE-demo-admin-secret-0001";
const DEMO_USER_SECRET: &str = "FAKE-demo-user-secret-0001";
const LEGACY: &str = "1000001";
const LEGACY_ADMIN_SECRET: &str = "FAKE-legacy-admin-secret-0002";
const BLOCKED: &str = "666666";
const BLOCKED_ADMIN_SECRET: &str = "FAKE-blocked-admin-secret-0003";

/// The demo fixtures plus one token whose own session type is ADMIN, which the page must refuse.
fn fixtures() -> sim::Fixtures {
    let extra = r#"
[[app_tokens]]
id = "0_apptkadm"
partner = 2506752
token = "feedface00000000000000000000adad"
hash_type = "SHA1"
session_type = 2
"#;
    let text = format!(
        "{}\n{extra}",
        include_str!("../../../sim/fixtures/demo.toml")
    );
    sim::Fixtures::parse(&text).expect("demo fixtures parse")
}

pub(crate) struct Sim {
    pub(crate) handle: sim::Handle,
    fixtures: sim::Fixtures,
}

impl Sim {
    pub(crate) fn start() -> Sim {
        let fixtures = fixtures();
        let handle = sim::start(sim::Config {
            fixtures: fixtures.clone(),
            ..sim::Config::default()
        })
        .expect("simulator starts");
        Sim { handle, fixtures }
    }

    fn service_url(&self) -> ServiceUrl {
        ServiceUrl::parse_custom(&self.handle.base_url()).expect("loopback http is accepted")
    }

    /// POSTs the request as the page does; returns (status, body text).
    pub(crate) fn send(&self, request: &ApiRequest) -> (u16, String) {
        let path = request
            .url
            .strip_prefix(&self.handle.base_url())
            .expect("request goes to the simulator");
        post(self.handle.addr, path, CONTENT_TYPE, &request.body)
    }

    fn run(&self, call: &SessionCall) -> Result<SessionOutcome, ApiError> {
        let (status, body) = self.send(&call.request);
        if status != 200 {
            return Err(ApiError::Network(Network::HttpStatus(status)));
        }
        call.decode(&body, json)
    }

    fn control(&self, path: &str, json: &str) {
        let (status, body) = post(self.handle.addr, path, "application/json", json);
        assert_eq!(status, 200, "control {path}: {body}");
    }

    /// How many entries of `partner` a USER KS for `user` lists (all with `list_all`).
    fn visible(&self, partner: &str, user: &str, list_all: bool) -> u64 {
        let partner: i64 = partner.parse().unwrap();
        self.fixtures
            .entries
            .iter()
            .filter(|e| e.partner == partner && (list_all || e.owner == user))
            .count() as u64
    }
}

/// A minimal HTTP/1.1 POST on a fresh connection; a body shorter than Content-Length is returned as
/// received (that is what a truncation fault looks like to the page).
fn post(addr: SocketAddr, path: &str, content_type: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body.as_bytes()).unwrap();
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").expect("HTTP head");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status code");
    assert!(
        head.to_ascii_lowercase()
            .contains("access-control-allow-origin: *")
            || !path.starts_with("/api_v3"),
        "every api_v3 answer allows any origin:\n{head}"
    );
    (status, body.to_string())
}

fn pid(n: &str) -> PartnerId {
    PartnerId::parse(n).unwrap()
}

fn secret_input(partner: &str, secret: &str, user: &str, privileges: &str) -> SecretSession {
    SecretSession {
        partner: pid(partner),
        secret: Secret::parse(secret).unwrap(),
        user: UserId::parse(user).unwrap(),
        expiry: Expiry::ONE_HOUR,
        privileges: privileges.to_string(),
    }
}

/// The parts of an outcome a scenario states (the KS itself is random).
#[derive(Debug, PartialEq)]
struct Seen {
    partner: PartnerId,
    user: SessionUser,
    ks_version: u8,
    entries: Option<u64>,
    list_error: Option<ApiError>,
}

fn seen(outcome: Result<SessionOutcome, ApiError>) -> Result<Seen, ApiError> {
    outcome.map(|o| Seen {
        partner: o.partner,
        user: o.user,
        ks_version: o.ks.inspect().expect("sim KS is readable").version(),
        entries: o.entries_visible,
        list_error: o.list_error,
    })
}

fn ok(partner: &str, user: SessionUser, ks_version: u8, entries: u64) -> Result<Seen, ApiError> {
    Ok(Seen {
        partner: pid(partner),
        user,
        ks_version,
        entries: Some(entries),
        list_error: None,
    })
}

fn named(name: &str) -> SessionUser {
    SessionUser::Named(name.to_string())
}

#[test]
fn secret_sessions_verify_in_one_round_trip() {
    let sim = Sim::start();
    let url = sim.service_url();
    let table = [
        (
            secret_input(DEMO, DEMO_ADMIN_SECRET, "demo-user", ""),
            ok(
                DEMO,
                named("demo-user"),
                2,
                sim.visible(DEMO, "demo-user", false),
            ),
        ),
        (
            secret_input(
                DEMO,
                DEMO_USER_SECRET,
                "alice@example.com",
                "setrole:PLAYBACK_BASE_ROLE",
            ),
            ok(
                DEMO,
                named("alice@example.com"),
                2,
                sim.visible(DEMO, "alice@example.com", false),
            ),
        ),
        (
            secret_input(DEMO, DEMO_USER_SECRET, "", ""),
            ok(
                DEMO,
                SessionUser::Anonymous,
                2,
                sim.visible(DEMO, "", false),
            ),
        ),
        (
            secret_input(DEMO, DEMO_ADMIN_SECRET, "demo-user", "list:*"),
            ok(DEMO, named("demo-user"), 2, sim.visible(DEMO, "", true)),
        ),
        (
            secret_input(LEGACY, LEGACY_ADMIN_SECRET, "legacy-user", ""),
            ok(
                LEGACY,
                named("legacy-user"),
                1,
                sim.visible(LEGACY, "legacy-user", false),
            ),
        ),
        (
            secret_input(DEMO, "not-the-secret", "demo-user", ""),
            Err(ApiError::StartSession {
                partner: Some(DEMO.into()),
            }),
        ),
        (
            secret_input(DEMO, "a&b=c+d e/ü", "demo-user", ""),
            Err(ApiError::StartSession {
                partner: Some(DEMO.into()),
            }),
        ),
        (
            secret_input(BLOCKED, BLOCKED_ADMIN_SECRET, "x", ""),
            Err(ApiError::PartnerBlocked),
        ),
        (
            secret_input("999999", "whatever", "x", ""),
            Err(ApiError::PartnerBlocked),
        ),
        (
            secret_input(DEMO, DEMO_ADMIN_SECRET, "x", "setrole:NO_SUCH_ROLE"),
            Err(ApiError::UnknownRoleId),
        ),
    ];
    for (input, expected) in table {
        let description = format!("{input:?}");
        assert_eq!(
            seen(sim.run(&verify_with_secret(&url, &input))),
            expected,
            "{description}"
        );
    }
}

#[test]
fn v1_session_reads_its_expiry_from_the_ks() {
    let sim = Sim::start();
    let outcome = sim
        .run(&verify_with_secret(
            &sim.service_url(),
            &secret_input(
                LEGACY,
                LEGACY_ADMIN_SECRET,
                "legacy-user",
                "sview:1_legacy01",
            ),
        ))
        .unwrap();
    let Ok(KsInfo::V1(v1)) = outcome.ks.inspect() else {
        panic!("legacy partner issues v1")
    };
    assert_eq!(outcome.expires_hint, ExpiresHint::At(v1.valid_until));
    assert_eq!(v1.session_type, Some(0));
    assert_eq!(v1.privileges, vec!["sview:1_legacy01".to_string()]);
    assert_eq!(outcome.privileges.as_deref(), Some("sview:1_legacy01"));
}

#[test]
fn widget_sessions() {
    let sim = Sim::start();
    let url = sim.service_url();
    let table = [
        (DEMO, ok(DEMO, SessionUser::Anonymous, 2, 0)),
        (
            "424242",
            Err(ApiError::InvalidWidgetId {
                widget_id: Some("_424242".into()),
            }),
        ),
    ];
    for (partner, expected) in table {
        let input = WidgetSession {
            partner: pid(partner),
            expiry: Expiry::ONE_HOUR,
        };
        assert_eq!(
            seen(sim.run(&verify_widget(&url, &input))),
            expected,
            "{partner}"
        );
    }
}

#[test]
fn verify_looks_for_the_embeds_entry_or_playlist() {
    let sim = Sim::start();
    let url = sim.service_url();
    let entry = |id: &str| Content::Entry(EntryId::parse(id).unwrap());
    let widget = WidgetSession {
        partner: pid(DEMO),
        expiry: Expiry::ONE_HOUR,
    };
    // A USER KS of a user who owns none of them, and a widget KS: both list nothing plainly, and
    // both see any of the partner's entries by ID (facts §3.4).
    let stranger = secret_input(DEMO, DEMO_USER_SECRET, "nobody@example.com", "");
    let table: [(SessionCall, Content, Option<u64>); 6] = [
        (verify_widget(&url, &widget), entry("1_demo0004"), Some(1)),
        (verify_widget(&url, &widget), entry("1_nosuch00"), Some(0)),
        (
            verify_widget(&url, &widget),
            Content::Playlist(PlaylistId::parse("0_demoplst").unwrap()),
            Some(1),
        ),
        (
            verify_with_secret(&url, &stranger),
            entry("1_demo0001"),
            Some(1),
        ),
        // Another partner's entry is not found with this partner's KS.
        (
            verify_with_secret(&url, &stranger),
            entry("1_legacy01"),
            Some(0),
        ),
        (
            verify_widget(
                &url,
                &WidgetSession {
                    partner: pid(LEGACY),
                    expiry: Expiry::ONE_HOUR,
                },
            ),
            entry("1_legacy01"),
            Some(1),
        ),
    ];
    for (call, content, expected) in table {
        let outcome = sim.run(&call.looking_for(&content)).unwrap();
        assert_eq!(outcome.entries_visible, expected, "{content:?}");
        assert_eq!(outcome.looked_for.as_ref(), Some(&content));
        assert!(!outcome.summary().contains("choose"), "{content:?}");
    }
    // A playlist's ID typed as an entry: found, and told apart.
    let outcome = sim
        .run(&verify_widget(&url, &widget).looking_for(&entry("0_demoplst")))
        .unwrap();
    assert_eq!(outcome.first_is_playlist, Some(true));
    assert!(outcome.content_not_found());
    assert!(
        outcome.summary().contains("is a playlist, not an entry"),
        "{}",
        outcome.summary()
    );
    let plain = sim.run(&verify_with_secret(&url, &stranger)).unwrap();
    assert_eq!(
        plain.entries_visible,
        Some(0),
        "own entries only without a filter"
    );
}

/// Both app-token round trips: widget KS, then appToken.startSession + baseEntry.list.
fn app_token(
    sim: &Sim,
    partner: &str,
    id: &str,
    token: &str,
    hash_type: AppTokenHashType,
) -> Result<SessionOutcome, ApiError> {
    let url = sim.service_url();
    let step_one = app_token_widget_step(&url, pid(partner));
    let (_, body) = sim.send(&step_one.request);
    let widget_ks = step_one.decode(&body, json)?;
    let input = AppTokenSession {
        token_id: AppTokenId::parse(id).unwrap(),
        token: AppToken::parse(token).unwrap(),
        hash_type,
        user: UserId::parse("demo-user").unwrap(),
        expiry: Expiry::ONE_HOUR,
        privileges: String::new(),
    };
    let hash = token_hash(input.hash_type, &widget_ks, &input.token);
    sim.run(&verify_with_app_token(&url, &widget_ks, &input, &hash))
}

#[test]
fn app_token_sessions() {
    use AppTokenHashType::*;
    let sim = Sim::start();
    let demo_user = sim.visible(DEMO, "demo-user", false);
    let table = [
        (
            ("0_apptksh1", "feedface00000000000000000000a001", Sha1),
            ok(DEMO, named("demo-user"), 2, demo_user),
        ),
        (
            ("0_apptk256", "feedface00000000000000000000a256", Sha256),
            ok(DEMO, named("demo-user"), 2, demo_user),
        ),
        // The token's own user wins.
        (
            ("0_apptk512", "feedface00000000000000000000a512", Sha512),
            ok(
                DEMO,
                named("app-token-user"),
                2,
                sim.visible(DEMO, "app-token-user", false),
            ),
        ),
        (
            ("0_apptkmd5", "feedface00000000000000000000a005", Md5),
            ok(DEMO, named("demo-user"), 2, sim.visible(DEMO, "", true)),
        ),
        (
            ("0_apptksh1", "feedface00000000000000000000a001", Sha256),
            Err(ApiError::InvalidAppTokenHash),
        ),
        (
            ("0_apptksh1", "feedface00000000000000000000ffff", Sha1),
            Err(ApiError::InvalidAppTokenHash),
        ),
        (
            ("0_nosuchtk", "feedface00000000000000000000a001", Sha1),
            Err(ApiError::AppTokenNotFound {
                id: Some("0_nosuchtk".into()),
            }),
        ),
        (
            ("0_apptkoff", "feedface00000000000000000000d00f", Sha256),
            Err(ApiError::AppTokenNotActive {
                id: Some("0_apptkoff".into()),
            }),
        ),
        (
            ("0_apptkold", "feedface00000000000000000000e0e0", Sha256),
            Err(ApiError::AppTokenExpired {
                id: Some("0_apptkold".into()),
            }),
        ),
        // A token of another partner is not found through this partner's widget KS.
        (
            ("0_legacytk", "feedface00000000000000000000c001", Sha1),
            Err(ApiError::AppTokenNotFound {
                id: Some("0_legacytk".into()),
            }),
        ),
        // The token's own ADMIN type wins on the server: refused and discarded.
        (
            ("0_apptkadm", "feedface00000000000000000000adad", Sha1),
            Err(ApiError::NotUserSession {
                session_type: Some(2),
                source: KsSource::AppToken,
            }),
        ),
    ];
    for ((id, token, hash_type), expected) in table {
        assert_eq!(
            seen(app_token(&sim, DEMO, id, token, hash_type)),
            expected,
            "{id} {hash_type:?}"
        );
    }
}

#[test]
fn pasted_ks_verification_and_expiry() {
    let sim = Sim::start();
    let url = sim.service_url();
    let started = sim
        .run(&verify_with_secret(
            &url,
            &secret_input(DEMO, DEMO_USER_SECRET, "demo-user", ""),
        ))
        .unwrap();
    let verified = sim
        .run(&verify_with_ks(&url, &started.ks).unwrap())
        .unwrap();
    assert_eq!(verified.partner, pid(DEMO));
    assert_eq!(
        verified.user,
        SessionUser::Unknown,
        "a v2 KS hides its user"
    );
    assert_eq!(verified.entries_visible, started.entries_visible);

    // The demo partner's header, encrypted with a secret that is not the partner's.
    let forged = sim::ks::encode_v2(
        "not-the-admin-secret",
        DEMO.parse().unwrap(),
        &sim::ks::KsFields {
            valid_until: i64::MAX / 2,
            user_id: "demo-user".into(),
            ..sim::ks::KsFields::default()
        },
    );
    assert_eq!(
        sim.run(&verify_with_ks(&url, &Ks::parse(&forged).unwrap()).unwrap()),
        Err(ApiError::InvalidKs(KsRejection::Invalid))
    );
    assert_eq!(
        sim.run(&verify_with_ks(&url, &Ks::parse("bm90IGEga3M=").unwrap()).unwrap()),
        Err(ApiError::InvalidKs(KsRejection::Invalid))
    );

    sim.control("/__sim/clock", r#"{"advance_secs":7200}"#);
    assert_eq!(
        sim.run(&verify_with_ks(&url, &started.ks).unwrap()),
        Err(ApiError::InvalidKs(KsRejection::Expired))
    );
}

#[test]
fn injected_faults_become_network_errors() {
    let sim = Sim::start();
    let call = verify_with_secret(
        &sim.service_url(),
        &secret_input(DEMO, DEMO_ADMIN_SECRET, "demo-user", ""),
    );
    let table = [
        (
            r#"{"truncate":true}"#,
            Err(ApiError::Network(Network::Truncated)),
        ),
        (
            r#"{"non_json":true}"#,
            Err(ApiError::Network(Network::NotJson)),
        ),
        (
            r#"{"xml":true}"#,
            Err(ApiError::Network(Network::XmlInsteadOfJson)),
        ),
        (
            r#"{"status":502}"#,
            Err(ApiError::Network(Network::HttpStatus(502))),
        ),
    ];
    for (rule, expected) in table {
        sim.control("/__sim/faults", rule);
        assert_eq!(seen(sim.run(&call)), expected, "{rule}");
    }
    // Faults are one-shot: the next call works again.
    assert!(sim.run(&call).is_ok());
}
