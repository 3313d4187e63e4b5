//! KS inspection: v1 fixtures built from known fields, v2 headers, and typed errors for garbage.

use crate::session_support::{base64, user_v1_ks_with, v1_ks, v2_shaped_ks, V1Fields};
use kaltura::embed::ids::PartnerId;
use kaltura::session::ks::{Ks, KsDecodeError, KsInfo, KsV1, KsV2, V2_UNREADABLE_NOTE};

fn check(token: &str, expected: Result<KsInfo, KsDecodeError>) {
    let ks = Ks::parse(token).expect("fixture has KS characters");
    assert_eq!(ks.inspect(), expected, "token {token}");
}

fn pid(n: &str) -> PartnerId {
    PartnerId::parse(n).unwrap()
}

const SIG: &str = "0123456789abcdef0123456789abcdef01234567";

fn v1(
    valid_until: u64,
    session_type: Option<i64>,
    user: &str,
    privileges: &[&str],
    master: Option<&str>,
    signature_len: usize,
    sha1_hex: bool,
) -> KsInfo {
    KsInfo::V1(KsV1 {
        partner: pid("123"),
        valid_until,
        session_type,
        user_id: user.to_string(),
        privileges: privileges.iter().map(|p| p.to_string()).collect(),
        master_partner: master.map(str::to_string),
        signature_len,
        signature_is_sha1_hex: sha1_hex,
    })
}

#[test]
fn v1_tokens_decode_fully() {
    let signed = v1_ks(
        "adminsecret",
        &V1Fields {
            partner: "123",
            valid_until: "1714086400",
            session_type: "0",
            user: "Zoë Ünal",
            privileges: "sview:1_abcd1234, setrole:PLAYBACK_BASE_ROLE,,actionslimit:10",
            master: "99",
        },
    );
    let url_safe = signed.replace('+', "-").replace('/', "_");
    let unpadded = signed.trim_end_matches('=').to_string();
    let full = v1(
        1_714_086_400,
        Some(0),
        "Zoë Ünal",
        &[
            "sview:1_abcd1234",
            "setrole:PLAYBACK_BASE_ROLE",
            "actionslimit:10",
        ],
        Some("99"),
        40,
        true,
    );
    let table: Vec<(String, Result<KsInfo, KsDecodeError>)> = vec![
        (signed.clone(), Ok(full.clone())),
        (url_safe, Ok(full.clone())),
        (unpadded, Ok(full)),
        // A plain session.start KS: no privileges, no master partner (`;;;` ending).
        (
            base64(format!("{SIG}|123;123;1714000000;0;1713996400.5;;;;").as_bytes()),
            Ok(v1(1_714_000_000, Some(0), "", &[], None, 40, true)),
        ),
        // The Python client writes only 7 fields with an integer rand.
        (
            base64(format!("{SIG}|123;123;1714000000;2;42;admin;*").as_bytes()),
            Ok(v1(1_714_000_000, Some(2), "admin", &["*"], None, 40, true)),
        ),
        // Fields 4-9 are optional.
        (
            base64(b"sig|123;123;1714000000"),
            Ok(v1(1_714_000_000, None, "", &[], None, 3, false)),
        ),
        (
            base64(format!("{}|123;123;1;0;1;u;;;", SIG.to_uppercase()).as_bytes()),
            Ok(v1(1, Some(0), "u", &[], None, 40, false)),
        ),
    ];
    for (token, expected) in table {
        check(&token, expected);
    }
}

#[test]
fn v2_tokens_show_only_the_partner() {
    check(
        &v2_shaped_ks("123", &[0xfb; 48]),
        Ok(KsInfo::V2(KsV2 {
            partner: pid("123"),
            encrypted_len: 48,
        })),
    );
    let info = Ks::parse(&v2_shaped_ks("2500001", &[1; 32]))
        .unwrap()
        .inspect()
        .unwrap();
    assert_eq!(info.partner(), pid("2500001"));
    assert_eq!(info.version(), 2);
    assert_eq!(info.is_user_session(), None);
    assert_eq!(info.valid_until(), None);
    assert!(V2_UNREADABLE_NOTE.contains("encrypted with the partner's admin secret"));
    assert!(V2_UNREADABLE_NOTE.contains("cannot be read in the browser"));
}

#[test]
fn garbage_gives_typed_errors() {
    use KsDecodeError::*;
    let table: Vec<(String, KsDecodeError)> = vec![
        ("T".into(), NotBase64),
        ("abc=d".into(), NotBase64),
        (base64(b"hello world"), UnknownLayout),
        (base64(b"v2|123"), UnknownLayout),
        (base64(b"sig|123;123"), TooFewFields),
        (base64(b"sig|"), TooFewFields),
        (base64(b"sig|abc;abc;1714000000"), BadPartner),
        (base64(b"sig|0;0;1714000000"), BadPartner),
        (base64(b"sig|-1;-1;1714000000"), BadPartner),
        (base64(b"sig| 123;123;1714000000"), BadPartner),
        (base64(b"sig|123;123;soon"), BadValidUntil),
        (base64(b"sig|123;123;;0"), BadValidUntil),
        (base64(b"sig|123;123;1714000000;user"), BadSessionType),
        (base64(b"sig|123;123;1714000000;0;1;\xff\xfe"), NotText),
        (base64(b"v2|abc|cipher"), BadPartner),
        (base64(b"v2||cipher"), BadPartner),
        (base64(b"v2|\xff|cipher"), BadPartner),
    ];
    let mut messages = std::collections::HashSet::new();
    for (token, error) in table {
        messages.insert(error.message());
        check(&token, Err(error));
    }
    assert_eq!(messages.len(), 7, "one distinct sentence per kind");
}

#[test]
fn ks_parse_and_debug() {
    assert!(Ks::parse("  ").is_err());
    assert!(Ks::parse("abc$").is_err());
    let ks = Ks::parse(" djJ8MTIzfA== ").unwrap();
    assert_eq!(ks.expose(), "djJ8MTIzfA==");
    assert_eq!(format!("{ks:?}"), "Ks(<12 chars>)");
}

#[test]
fn scope_names_the_partner_and_the_sview_entries() {
    let v1_with = |privileges: &str| user_v1_ks_with("123", "u", privileges);
    /// (token, its partner and sview entries, or None when it does not decode)
    type Row = (String, Option<(&'static str, Vec<&'static str>)>);
    let table: Vec<Row> = vec![
        (v1_with(""), Some(("123", vec![]))),
        (
            v1_with("sview:1_a, setrole:PLAYBACK_BASE_ROLE,sview:1_b"),
            Some(("123", vec!["1_a", "1_b"])),
        ),
        (
            v2_shaped_ks("2506752", b"\xff\x00opaque"),
            Some(("2506752", vec![])),
        ),
        (
            v1_with("sviewplaylist:0_pl123456"),
            Some(("123", vec!["0_pl123456"])),
        ),
        ("not-a-ks!".to_string(), None),
    ];
    // A v2 KS cannot show its privileges: those this page asked for stand in.
    let v2 = Ks::parse(&v2_shaped_ks("2506752", b"opaque")).unwrap();
    let asked = v2.with_requested_privileges("sview:1_abcd1234,setrole:PLAYBACK_BASE_ROLE");
    assert_eq!(
        asked.scope(),
        Some(("2506752".to_string(), vec!["1_abcd1234".to_string()]))
    );
    assert_eq!(
        asked.requested_privileges(),
        Some("sview:1_abcd1234,setrole:PLAYBACK_BASE_ROLE")
    );
    for (token, expected) in table {
        let actual = Ks::parse(&token).ok().and_then(|ks| ks.scope());
        let expected =
            expected.map(|(p, v)| (p.to_string(), v.into_iter().map(str::to_string).collect()));
        assert_eq!(actual, expected, "token {token}");
    }
}
