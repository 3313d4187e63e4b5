//! The shareable link: every non-secret setting round-trips; nothing else is in it.

use kaltura::embed::form::{ContentKind, EmbedForm, RatioChoice, SizeMode, TimeMode};
use kaltura::embed::frameworks::SeoFields;
use kaltura::embed::{EmbedType, PlayerVersion};
use kaltura::portal::{PortalForm, PortalKind};
use kaltura::session::api::{Expiry, ServicePreset};
use kaltura::session::digest::AppTokenHashType;
use kaltura::session::form::{ExpiryChoice, Method, PrivilegesForm, SessionForm};
use kaltura::share::{
    decode, decode_embed, decode_embed_state, encode, encode_embed_state, PanelsForm,
};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![".{0,24}", "[a-zA-Z0-9_:/.%&=#+ -]{0,24}"]
}

prop_compose! {
    fn embed_form()(t in proptest::collection::vec(text(), 10), f in proptest::collection::vec(any::<bool>(), 10), k in 0usize..4, r in 0usize..5) -> EmbedForm {
        EmbedForm {
            partner: t[0].clone(), ui_conf: t[1].clone(),
            content_kind: if f[0] { ContentKind::Entry } else { ContentKind::Playlist },
            content_id: t[2].clone(),
            version: if f[1] { PlayerVersion::V7 } else { PlayerVersion::V2 },
            kind: EmbedType::ALL[k], cdn_host: t[3].clone(), custom_host: f[7],
            size_mode: if f[2] { SizeMode::Responsive } else { SizeMode::Fixed },
            ratio: [RatioChoice::R16x9, RatioChoice::R4x3, RatioChoice::R1x1, RatioChoice::R9x16, RatioChoice::Custom][r],
            custom_ratio: t[4].clone(), width: t[5].clone(), height: t[6].clone(),
            autoplay: f[3], muted: f[4], muted_autoplay_fallback: f[5], loop_playback: f[6],
            start: t[7].clone(), clip_to: t[8].clone(), target_id: t[9].clone(),
            time_mode: if f[8] { TimeMode::Clip } else { TimeMode::StartAt },
            ignore_stored_prefs: f[9],
            include_ks: false,
        }
    }
}

prop_compose! {
    fn session_form()(t in proptest::collection::vec(text(), 8), f in proptest::collection::vec(any::<bool>(), 3), svc in 0usize..3, m in 0usize..4, h in 0usize..4, e in 0usize..4) -> SessionForm {
        SessionForm {
            service: ServicePreset::ALL[svc], custom_service_url: t[0].clone(), method: Method::ALL[m],
            app_token_id: String::new(), hash_type: AppTokenHashType::ALL[h], user_id: t[1].clone(),
            expiry: if e == 3 { ExpiryChoice::Custom } else { ExpiryChoice::Preset(Expiry::PRESETS[e]) },
            custom_expiry: t[2].clone(),
            privileges: PrivilegesForm {
                limit_to_entry: f[0], privacy_context: t[3].clone(), enable_entitlement: f[1], playback_role: f[2],
                actions_limit: t[4].clone(), uri_restrict: t[5].clone(), custom: t[6].clone(),
            },
        }
    }
}

prop_compose! {
    fn panels_form()(t in proptest::collection::vec(text(), 7), k in 0usize..3) -> PanelsForm {
        PanelsForm {
            portal: PortalForm { kind: PortalKind::ALL[k], instance: t[0].clone(), custom: t[1].clone() },
            seo: SeoFields {
                name: t[2].clone(), description: t[3].clone(), thumbnail_url: t[4].clone(),
                upload_date: t[5].clone(), duration: t[6].clone(),
            },
        }
    }
}

proptest! {
    #[test]
    fn every_setting_round_trips(embed in embed_form(), session in session_form(), panels in panels_form()) {
        let link = encode(&embed, &session, &panels);
        let back = decode(&link);
        prop_assert_eq!(&back.embed, &embed);
        prop_assert_eq!(&back.session, &session);
        prop_assert_eq!(&back.panels, &panels);
        prop_assert!(back.unknown_keys.is_empty());
        // Safe in a URL fragment as it is: unreserved characters, %XX, and the separators.
        prop_assert!(link.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~%&=".contains(&b)), "{}", link);
    }

    #[test]
    fn the_in_page_embed_state_round_trips_with_include_ks(embed in embed_form(), include_ks in any::<bool>()) {
        let embed = EmbedForm { include_ks, ..embed };
        let text = encode_embed_state(&embed);
        prop_assert_eq!(decode_embed_state(&text), embed.clone());
        // The embed half of a link, as `encode` writes it with nothing else set.
        let link = encode(&EmbedForm { include_ks: false, ..embed }, &SessionForm::default(), &PanelsForm::default());
        prop_assert!(text.starts_with(&link), "{} vs {}", text, link);
    }

    #[test]
    fn the_embed_only_reader_agrees_with_the_full_one(embed in embed_form(), session in session_form()) {
        // The first module opens links with `decode_embed`; it must see what the share bar sees.
        let link = encode(&embed, &session, &PanelsForm::default());
        prop_assert_eq!(decode_embed(&link), decode(&link).embed);
    }

    #[test]
    fn any_fragment_decodes_without_panic(s in ".{0,200}") {
        let d = decode(&s);
        prop_assert_eq!(decode_embed(&s), d.embed);
    }
}

#[test]
fn a_link_cannot_opt_a_ks_in_even_with_the_in_page_flag() {
    let crafted = "v=1&pid=2506752&iks=1";
    let decoded = decode(crafted);
    assert!(!decoded.embed.include_ks);
    assert_eq!(decoded.unknown_keys, vec!["iks".to_string()]);
}

#[test]
fn secrets_and_opt_ins_stay_out() {
    let embed = EmbedForm {
        partner: "2506752".into(),
        include_ks: true,
        ..EmbedForm::default()
    };
    let session = SessionForm {
        app_token_id: "0_apptksh1".into(),
        ..SessionForm::default()
    };
    let link = encode(&embed, &session, &PanelsForm::default());
    assert_eq!(link, "v=1&pid=2506752");
    assert!(
        !decode(&link).embed.include_ks,
        "a link never opts a KS into code"
    );
}

#[test]
fn bad_values_come_back_as_typed_and_unknown_keys_are_listed() {
    let d = decode("#v=1&pid=12a&ui=%3Cscript%3E&bogus=1&id=1_abcd1234&bad=%zz");
    assert_eq!(d.embed.partner, "12a");
    assert_eq!(d.embed.ui_conf, "<script>");
    assert_eq!(d.embed.content_id, "1_abcd1234");
    assert_eq!(d.unknown_keys, vec!["bogus".to_string(), "bad".to_string()]);
}

#[test]
fn muted_autoplay_fallback_is_on_unless_a_link_says_off() {
    let check = |fragment: &str, expected: bool| {
        assert_eq!(
            decode(fragment).embed.muted_autoplay_fallback,
            expected,
            "{fragment}"
        );
    };
    check("v=1&pid=2506752", true);
    check("v=1&pid=2506752&mutedfallback=1", true); // links written before it defaulted to on
    check("v=1&pid=2506752&mutedfallback=0", false);
    let off = EmbedForm {
        muted_autoplay_fallback: false,
        ..EmbedForm::default()
    };
    assert_eq!(
        encode(&off, &SessionForm::default(), &PanelsForm::default()),
        "v=1&mutedfallback=0"
    );
}

#[test]
fn links_from_before_time_mode_keep_what_their_code_meant() {
    // Before `time`, a start alone was "Start at" and any Clip to made a clip.
    let check = |fragment: &str, expected: TimeMode| {
        assert_eq!(decode(fragment).embed.time_mode, expected, "{fragment}");
    };
    check("v=1&start=30", TimeMode::StartAt);
    check("v=1&start=30&clip=90", TimeMode::Clip);
    check("v=1&clip=90", TimeMode::Clip);
    check("v=1&start=30&clip=90&time=start", TimeMode::StartAt);
    check("v=1&start=30&time=clip", TimeMode::Clip);
}
