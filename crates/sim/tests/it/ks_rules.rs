//! KS validation on every call: parse/signature, expiry (simulated clock), restrictions, actionslimit,
//! plus fixed KS v1/v2 and app-token hash vectors computed independently (tests/it/vectors/ks_vectors.py).

use crate::support::*;
use sim::fixtures::HashType;
use sim::ks::{self, KsFields, KsVersion};

fn fields(user: &str, privileges: &str, valid_until: i64) -> KsFields {
    KsFields {
        valid_until,
        session_type: 0,
        user_id: user.to_string(),
        privileges: privileges.to_string(),
        master_partner_id: None,
        additional_data: None,
    }
}

/// baseEntry.list with `ks` → (code, KSID arg) or ("OK", "").
fn check_use(sim: &Sim, target: &str, ks: &str, expected_code: &str, expected_ksid: &str) {
    let reply = sim.post_form(target, &[("format", "1"), ("ks", ks)]);
    let result = reply.json();
    let ksid = result["args"]["KSID"].as_str().unwrap_or("");
    assert_eq!(
        (code_of(&result).as_str(), ksid),
        (expected_code, expected_ksid),
        "{ks}"
    );
    if expected_code == "INVALID_KS" {
        assert_eq!(
            result["message"],
            format!("Invalid KS \"{expected_ksid}\", Error \"-1,INVALID_STR\"")
        );
        assert_eq!(result["args"]["ERR_CODE"], "-1");
        assert_eq!(result["args"]["ERR_DESC"], "INVALID_STR");
    }
}

const LIST: &str = "/api_v3/service/baseentry/action/list";

#[test]
fn bad_kss_are_invalid_str_with_the_ks_as_ksid() {
    let sim = Sim::start();
    let future = sim.handle.state().now() + 3600;
    let good = ks::encode_v2(DEMO_ADMIN_SECRET, 2506752, &fields("demo-user", "", future));
    let mut tampered = good.clone().into_bytes();
    let middle = tampered.len() / 2;
    tampered[middle] = if tampered[middle] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(tampered).unwrap();
    let user_signed = ks::encode_v2(DEMO_USER_SECRET, 2506752, &fields("demo-user", "", future));
    let unknown_partner = ks::encode_v2("whatever", 42, &fields("u", "", future));
    let v1 = ks::encode_v1(
        LEGACY_ADMIN_SECRET,
        1000001,
        &fields("legacy-user", "", future),
    );
    let v1_wrong = ks::encode_v1(
        DEMO_ADMIN_SECRET,
        1000001,
        &fields("legacy-user", "", future),
    );
    let cases = [
        (good.as_str(), "OK", ""),
        ("garbage!", "INVALID_KS", "garbage!"),
        ("YWJj", "INVALID_KS", "YWJj"),
        (tampered.as_str(), "INVALID_KS", tampered.as_str()),
        (user_signed.as_str(), "INVALID_KS", user_signed.as_str()),
        (
            unknown_partner.as_str(),
            "INVALID_KS",
            unknown_partner.as_str(),
        ),
        (v1.as_str(), "OK", ""),
        (v1_wrong.as_str(), "INVALID_KS", v1_wrong.as_str()),
    ];
    for (ks, code, ksid) in cases {
        check_use(&sim, LIST, ks, code, ksid);
    }
    let blocked = ks::encode_v2(BLOCKED_ADMIN_SECRET, 666666, &fields("u", "", future));
    let result = sim.call("baseEntry", "list", &[("ks", &blocked)]);
    assert_eq!(code_of(&result), "SERVICE_FORBIDDEN_CONTENT_BLOCKED");
}

#[test]
fn expiry_follows_the_simulated_clock() {
    let sim = Sim::start();
    let ks = sim.ks_for(DEMO_PID, DEMO_USER_SECRET, "demo-user", "");
    let short = sim.call(
        "session",
        "start",
        &[
            ("partnerId", DEMO_PID),
            ("secret", DEMO_USER_SECRET),
            ("expiry", "60"),
        ],
    );
    let short = short.as_str().unwrap().to_string();
    let zero = sim.call(
        "session",
        "start",
        &[
            ("partnerId", DEMO_PID),
            ("secret", DEMO_USER_SECRET),
            ("expiry", "0"),
        ],
    );
    check_use(&sim, LIST, &ks, "OK", "");
    check_use(&sim, LIST, &short, "OK", "");
    check_use(&sim, LIST, zero.as_str().unwrap(), "INVALID_KS", "EXPIRED");

    let moved = sim.control("POST", "/__sim/clock", json!({"advance_secs": 120}));
    assert_eq!(moved.json()["offset_secs"], 120);
    check_use(&sim, LIST, &short, "INVALID_KS", "EXPIRED");
    check_use(&sim, LIST, &ks, "OK", "");
    sim.control("POST", "/__sim/clock", json!({"offset_secs": 86400}));
    check_use(&sim, LIST, &ks, "INVALID_KS", "EXPIRED");
    // In a multirequest every item reports it.
    let reply = sim.post_form(
        "/api_v3/service/multirequest",
        &[
            ("format", "1"),
            ("ks", &ks),
            ("1:service", "baseEntry"),
            ("1:action", "list"),
            ("2:service", "system"),
            ("2:action", "ping"),
        ],
    );
    let results = reply.json();
    assert_eq!(results[0]["args"]["KSID"], "EXPIRED");
    assert_eq!(results[1]["args"]["KSID"], "EXPIRED");
    sim.control("DELETE", "/__sim/clock", Json::Null);
    check_use(&sim, LIST, &ks, "OK", "");
    check_use(&sim, LIST, &short, "OK", "");
}

#[test]
fn expired_ks_versus_binding_order() {
    let sim = Sim::start();
    let expired = ks::encode_v2(DEMO_ADMIN_SECRET, 2506752, &fields("u", "", 1_000_000_000));
    let start = "/api_v3/service/session/action/start";
    // Parse errors come before binding; expiry (a permission-init check) after it.
    let cases = [
        (vec![("ks", "garbage")], "INVALID_KS"),
        (
            vec![("ks", expired.as_str())],
            "MISSING_MANDATORY_PARAMETER",
        ),
        (
            vec![
                ("ks", expired.as_str()),
                ("secret", DEMO_USER_SECRET),
                ("partnerId", DEMO_PID),
            ],
            "INVALID_KS",
        ),
    ];
    for (params, expected) in cases {
        let mut all = vec![("format", "1")];
        all.extend(params.iter().copied());
        let result = sim.post_form(start, &all).json();
        assert_eq!(code_of(&result), expected, "{params:?}");
    }
}

#[test]
fn restrictions_and_actions_limit() {
    let sim = Sim::start();
    let future = sim.handle.state().now() + 3600;
    let make = |privileges: &str| {
        ks::encode_v2(
            DEMO_ADMIN_SECRET,
            2506752,
            &fields("demo-user", privileges, future),
        )
    };
    let cases = [
        (make("iprestrict:127.0.0.1"), LIST, "OK", ""),
        (
            make("iprestrict:10.1.2.3"),
            LIST,
            "INVALID_KS",
            "EXCEEDED_RESTRICTED_IP",
        ),
        (
            make("urirestrict:/api_v3/service/baseentry/*"),
            LIST,
            "OK",
            "",
        ),
        (
            make("urirestrict:/api_v3/service/baseentry/action/list"),
            LIST,
            "OK",
            "",
        ),
        (
            make("urirestrict:/api_v3/service/uiconf/*"),
            LIST,
            "INVALID_KS",
            "EXCEEDED_RESTRICTED_URI",
        ),
        (
            make("urirestrict:/api_v3/service/uiconf/*|/api_v3/service/baseentry/*"),
            LIST,
            "OK",
            "",
        ),
        (make("actionslimit:0"), LIST, "INVALID_ACTIONS_LIMIT", ""),
        (make("actionslimit:abc"), LIST, "INVALID_ACTIONS_LIMIT", ""),
    ];
    for (ks, target, code, ksid) in cases {
        check_use(&sim, target, &ks, code, ksid);
    }
    let limited = make("actionslimit:2");
    check_use(&sim, LIST, &limited, "OK", "");
    check_use(&sim, LIST, &limited, "OK", "");
    check_use(&sim, LIST, &limited, "INVALID_KS", "EXCEEDED_ACTIONS_LIMIT");
    // Each multirequest item counts as one use.
    let three = make("actionslimit:3");
    let reply = sim.post_form(
        "/api_v3/service/multirequest",
        &[
            ("format", "1"),
            ("ks", &three),
            ("1:service", "system"),
            ("1:action", "ping"),
            ("2:service", "system"),
            ("2:action", "ping"),
            ("3:service", "system"),
            ("3:action", "ping"),
            ("4:service", "system"),
            ("4:action", "ping"),
        ],
    );
    let codes: Vec<String> = reply
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(code_of)
        .collect();
    assert_eq!(codes, ["OK", "OK", "OK", "INVALID_KS"]);
    // /__sim/reset clears the counters.
    sim.control("POST", "/__sim/reset", Json::Null);
    check_use(&sim, LIST, &limited, "OK", "");
}

// ----------------------------------------------------------------- fixed vectors

const V2_VECTOR: &str = "djJ8MjUwNjc1MnyfhVzQOPqDfmxJWyKv0oUe7IyJ53t_8y7tsRheZ2zGABxT1wYiZyL2KqdmZuriORwEqVMsfX_oZt-JMy-vaegmzNew7p44Lgx3XHlBvR0RVZJUgF97d6WuRNzsZO0PmS_Q6c7NmKxSQAWCMQ60NDsV";
const V2_ADMIN_STAR_VECTOR: &str = "djJ8MjUwNjc1Mnx_jdX4CilY3W6Nvo29pd9Xz0VSV4Rg7KCDQMdgLRtU4YXBgWf1p4tuZztXGG5JrRzo5wEZZMiXrntklO0ElBGBPSTsvfC8MwfkjdZrLPFp5Q==";
const V1_VECTOR: &str = "NjRkYWU1NWRjOGVkMmUyNGUxZGRlNGM3N2JhODYyZDM2Mjg5ODNkOXwxMDAwMDAxOzEwMDAwMDE7MTcxNDA4NjQwMDswOzE3MTQwMDAwMDAuMTIzNDtsZWdhY3ktdXNlcjtzdmlldzoxX2xlZ2FjeTAxOzs=";

#[test]
fn v2_matches_the_independent_vectors() {
    let cases = [
        (
            fields("demo-user", "sview:1_demo0003,actionslimit:5", 1714086400),
            [0u8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
            V2_VECTOR,
        ),
        (
            KsFields {
                session_type: 2,
                ..fields("", "*", 1714086400)
            },
            [0xff; 16],
            V2_ADMIN_STAR_VECTOR,
        ),
    ];
    for (input, random, expected) in cases {
        assert_eq!(
            ks::encode_v2_with_random(DEMO_ADMIN_SECRET, 2506752, &input, random),
            expected
        );
        let decoded = ks::decode_v2(DEMO_ADMIN_SECRET, expected).unwrap();
        assert_eq!(
            (decoded.version, decoded.partner_id, decoded.fields),
            (KsVersion::V2, 2506752, input)
        );
    }
}

#[test]
fn v1_matches_the_independent_vector() {
    let input = fields("legacy-user", "sview:1_legacy01", 1714086400);
    assert_eq!(
        ks::encode_v1_with_rand(LEGACY_ADMIN_SECRET, 1000001, &input, "1714000000.1234"),
        V1_VECTOR
    );
    let decoded = ks::decode_v1(LEGACY_ADMIN_SECRET, V1_VECTOR).unwrap();
    assert_eq!(
        (decoded.version, decoded.partner_id, decoded.fields),
        (KsVersion::V1, 1000001, input)
    );
    // URL-safe characters are accepted by the parser too.
    assert!(ks::decode_v1(
        LEGACY_ADMIN_SECRET,
        &V1_VECTOR.replace('+', "-").replace('/', "_")
    )
    .is_ok());
    assert_eq!(ks::peek(V1_VECTOR), Ok((KsVersion::V1, 1000001)));
}

#[test]
fn app_token_hashes_match_php_hash() {
    let input = b"KSVALUEfeedface00000000000000000000a001";
    let cases = [
        (HashType::Sha1, "31a3199cc85ae0f74656f9669f0aaa483e68d7f2"),
        (HashType::Sha256, "f17128a51508d1b4dcf5eee640a63fa1186158a7b584e37efeebedc485afd155"),
        (HashType::Sha512, "a8ecd60742b0544d3f1d37f8f45fae8fcf4cc482ba4723ac8da3b1451f0341ea4d08447c5ee7b5992e283acbc6a0220d896dce2d407b8829f3b399244e2fa4da"),
        (HashType::Md5, "4a482fe9bedd6b096332d19ac2966616"),
    ];
    for (hash, expected) in cases {
        assert_eq!(hash.hex_digest(input), expected, "{}", hash.name());
    }
}
