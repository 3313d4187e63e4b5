//! KS inspection against the simulator's encoder: v2 tokens show their partner only, v1 tokens read back
//! every field the server wrote.

use kaltura::embed::ids::PartnerId;
use kaltura::session::ks::{Ks, KsInfo};
use sim::ks::{encode_v1_with_rand, encode_v2, KsFields};

fn fields(valid_until: i64, user: &str, privileges: &str, master: Option<&str>) -> KsFields {
    KsFields {
        valid_until,
        session_type: sim::ks::SESSION_TYPE_USER,
        user_id: user.to_string(),
        privileges: privileges.to_string(),
        master_partner_id: master.map(str::to_string),
        additional_data: None,
    }
}

#[test]
fn v2_round_trip_shows_partner_only() {
    let table = [
        (
            "adminsecret",
            123,
            fields(1_714_086_400, "jdoe", "sview:1_abcd1234", None),
        ),
        (
            "another-secret",
            2_500_001,
            fields(1_800_000_000, "", "", None),
        ),
        (
            "s",
            7,
            fields(
                1,
                "Zoë Ünal",
                "*,setrole:PLAYBACK_BASE_ROLE,actionslimit:3",
                Some("99"),
            ),
        ),
    ];
    for (secret, partner, ks_fields) in table {
        let token = encode_v2(secret, partner, &ks_fields);
        let info = Ks::parse(&token)
            .expect("sim KS has KS characters")
            .inspect();
        let Ok(KsInfo::V2(v2)) = info else {
            panic!("expected a v2 KS, got {info:?}")
        };
        assert_eq!(v2.partner, PartnerId::parse(&partner.to_string()).unwrap());
        // SHA-1 (20) + random (16) + payload, zero-padded to whole AES blocks.
        assert!(
            v2.encrypted_len >= 48 && v2.encrypted_len % 16 == 0,
            "{}",
            v2.encrypted_len
        );
    }
}

#[test]
fn v1_round_trip_reads_every_field() {
    let table = [
        (
            123,
            fields(
                1_714_086_400,
                "jdoe",
                "sview:1_abcd1234,setrole:PLAYBACK_BASE_ROLE",
                None,
            ),
        ),
        (2_500_001, fields(1_800_000_000, "", "", Some("99"))),
    ];
    for (partner, ks_fields) in table {
        let token = encode_v1_with_rand("adminsecret", partner, &ks_fields, "1714000000.1234");
        let info = Ks::parse(&token).unwrap().inspect();
        let Ok(KsInfo::V1(v1)) = info else {
            panic!("expected a v1 KS, got {info:?}")
        };
        assert_eq!(v1.partner, PartnerId::parse(&partner.to_string()).unwrap());
        assert_eq!(v1.valid_until, ks_fields.valid_until as u64);
        assert_eq!(v1.session_type, Some(0));
        assert_eq!(v1.user_id, ks_fields.user_id);
        assert_eq!(v1.privileges_joined(), ks_fields.privileges);
        assert_eq!(v1.master_partner, ks_fields.master_partner_id);
        assert!(v1.signature_is_sha1_hex);
    }
}
