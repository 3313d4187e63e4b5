//! Form evaluation: which fields are missing or invalid, and when a snippet is produced.

use kaltura::embed::form::{
    evaluate, parse_time, ContentKind, EmbedForm, Field, RatioChoice, Severity, SizeMode, TimeMode,
};
use kaltura::embed::{EmbedType, PlayerVersion};
use kaltura::session::ks::Ks;

fn filled() -> EmbedForm {
    EmbedForm {
        partner: "2506752".into(),
        ui_conf: "48460943".into(),
        content_id: "1_abcd1234".into(),
        ..EmbedForm::default()
    }
}

/// Problems as (field, severity), and whether a snippet came out.
fn check(form: EmbedForm, expected: &[(Field, Severity)], snippet: bool) {
    let evaluation = evaluate(&form, None);
    let actual: Vec<(Field, Severity)> = evaluation
        .problems
        .iter()
        .map(|p| (p.field, p.severity))
        .collect();
    assert_eq!(actual, expected, "{form:?}");
    assert_eq!(evaluation.snippet.is_some(), snippet, "{form:?}");
}

#[test]
fn problems_per_field() {
    use Field::*;
    use Severity::*;
    check(filled(), &[], true);
    check(
        EmbedForm::default(),
        &[(Partner, Missing), (UiConf, Missing), (ContentId, Missing)],
        false,
    );
    check(
        EmbedForm {
            partner: "12a".into(),
            ..filled()
        },
        &[(Partner, Invalid)],
        false,
    );
    check(
        EmbedForm {
            content_id: "abc".into(),
            ..filled()
        },
        &[(ContentId, Invalid)],
        false,
    );
    check(
        EmbedForm {
            content_kind: ContentKind::Playlist,
            content_id: "0_plist123".into(),
            ..filled()
        },
        &[],
        true,
    );
    check(
        EmbedForm {
            cdn_host: "https://cdnapi.kaltura.com".into(),
            ..filled()
        },
        &[(CdnHost, Warning)],
        true,
    );
    check(
        EmbedForm {
            cdn_host: "bad host".into(),
            ..filled()
        },
        &[(CdnHost, Invalid)],
        false,
    );
    check(
        EmbedForm {
            ratio: RatioChoice::Custom,
            ..filled()
        },
        &[(CustomRatio, Missing)],
        false,
    );
    check(
        EmbedForm {
            ratio: RatioChoice::Custom,
            custom_ratio: "21:9".into(),
            ..filled()
        },
        &[],
        true,
    );
    check(
        EmbedForm {
            ratio: RatioChoice::Custom,
            custom_ratio: "21:0".into(),
            ..filled()
        },
        &[(CustomRatio, Invalid)],
        false,
    );
    check(
        EmbedForm {
            size_mode: SizeMode::Fixed,
            ..filled()
        },
        &[(Width, Missing), (Height, Missing)],
        false,
    );
    check(
        EmbedForm {
            size_mode: SizeMode::Fixed,
            width: "640".into(),
            height: "99999".into(),
            ..filled()
        },
        &[(Height, Invalid)],
        false,
    );
    check(
        EmbedForm {
            size_mode: SizeMode::Fixed,
            width: "640px".into(),
            height: "360 px".into(),
            ..filled()
        },
        &[],
        true,
    );
    check(
        EmbedForm {
            size_mode: SizeMode::Fixed,
            width: "640x360".into(),
            height: "px".into(),
            ..filled()
        },
        &[(Width, Invalid), (Height, Invalid)],
        false,
    );
    check(
        EmbedForm {
            start: "1:30".into(),
            clip_to: "1:00".into(),
            time_mode: TimeMode::Clip,
            ..filled()
        },
        &[(ClipTo, Invalid)],
        false,
    );
    check(
        EmbedForm {
            clip_to: "0".into(),
            time_mode: TimeMode::Clip,
            ..filled()
        },
        &[(ClipTo, Invalid)],
        false,
    );
    check(
        EmbedForm {
            clip_to: "0:01".into(),
            time_mode: TimeMode::Clip,
            ..filled()
        },
        &[],
        true,
    );
    check(
        EmbedForm {
            start: "abc".into(),
            ..filled()
        },
        &[(Start, Invalid)],
        false,
    );
    // "Custom / on-prem" picked and its field cleared: missing, not quietly back to SaaS.
    check(
        EmbedForm {
            custom_host: true,
            ..filled()
        },
        &[(CdnHost, Missing)],
        false,
    );
    check(
        EmbedForm {
            custom_host: true,
            cdn_host: "cdn.example.edu".into(),
            ..filled()
        },
        &[],
        true,
    );
    check(
        EmbedForm {
            target_id: "my player".into(),
            ..filled()
        },
        &[(TargetId, Invalid)],
        false,
    );
}

#[test]
fn times() {
    let table: &[(&str, Option<u32>)] = &[
        ("90", Some(90)),
        (" 1:30 ", Some(90)),
        ("1:02:03", Some(3723)),
        ("0", Some(0)),
        ("1:60", None),
        ("1:2:3:4", None),
        ("1.5", None),
        ("-1", None),
        (":30", None),
        ("99:59:59", Some(359_999)),
        ("100:00:00", None),
    ];
    for (input, expected) in table {
        assert_eq!(parse_time(input).ok(), *expected, "input {input:?}");
    }
}

/// The message at the field for one bad value, as the user reads it.
fn check_message(form: EmbedForm, field: Field, expected: &str) {
    let evaluation = evaluate(&form, None);
    let messages: Vec<&str> = evaluation
        .problems
        .iter()
        .filter(|p| p.field == field)
        .map(|p| p.message.as_str())
        .collect();
    assert_eq!(messages, [expected], "{form:?}");
}

#[test]
fn messages_say_what_is_wrong_with_the_value() {
    let custom = |ratio: &str| EmbedForm {
        ratio: RatioChoice::Custom,
        custom_ratio: ratio.into(),
        ..filled()
    };
    check_message(
        custom("1000000:1"),
        Field::CustomRatio,
        "Each side of the ratio is from 1 to 10000, e.g. 21:9.",
    );
    check_message(
        custom("21.5:9"),
        Field::CustomRatio,
        "Write the ratio as width:height, e.g. 21:9.",
    );
    let at = |start: &str, clip_to: &str| EmbedForm {
        start: start.into(),
        clip_to: clip_to.into(),
        time_mode: TimeMode::Clip,
        ..filled()
    };
    check_message(
        at("99999999", ""),
        Field::Start,
        "That is longer than 99 hours.",
    );
    check_message(
        at("", "0"),
        Field::ClipTo,
        "Clip to must be later than 0:00.",
    );
    check_message(
        at("0:30", "0:30"),
        Field::ClipTo,
        "Clip to must be later than Start at.",
    );
    check_message(
        EmbedForm {
            cdn_host: "javascript:alert(1)".into(),
            ..filled()
        },
        Field::CdnHost,
        "Use an https:// (or http://) host.",
    );
}

#[test]
fn a_ks_that_cannot_play_the_content_is_left_out_with_a_warning() {
    use crate::session_support::{user_v1_ks_with, v2_shaped_ks};
    let v1 = |partner: &str, privileges: &str| {
        Ks::parse(&user_v1_ks_with(partner, "", privileges)).unwrap()
    };
    let opted_in = EmbedForm {
        include_ks: true,
        ..filled()
    };
    // (KS, the field it disagrees with, or None when it goes into the code)
    let table = [
        (v1("2506752", ""), None),
        (v1("2506752", "sview:1_abcd1234"), None),
        (v1("2506752", "sview:*"), None),
        (v1("2506752", "setrole:PLAYBACK_BASE_ROLE"), None),
        (v1("1000001", ""), Some(Field::Partner)),
        (v1("2506752", "sview:1_other999"), Some(Field::ContentId)),
        (
            Ks::parse(&v2_shaped_ks("2506752", b"opaque")).unwrap(),
            None,
        ),
        (
            Ks::parse(&v2_shaped_ks("1000001", b"opaque")).unwrap(),
            Some(Field::Partner),
        ),
        // A v2 KS this page started with sview: the privileges it asked for are what count.
        (
            Ks::parse(&v2_shaped_ks("2506752", b"opaque"))
                .unwrap()
                .with_requested_privileges("sview:1_abcd1234"),
            None,
        ),
        (
            Ks::parse(&v2_shaped_ks("2506752", b"opaque"))
                .unwrap()
                .with_requested_privileges("sview:1_other999,setrole:PLAYBACK_BASE_ROLE"),
            Some(Field::ContentId),
        ),
    ];
    for (ks, disagrees) in table {
        let evaluation = evaluate(&opted_in, Some(&ks));
        let snippet = evaluation.snippet.expect("code is still given");
        let warned: Vec<(Field, Severity)> = evaluation
            .problems
            .iter()
            .map(|p| (p.field, p.severity))
            .collect();
        assert_eq!(
            snippet.code.contains(ks.expose()),
            disagrees.is_none(),
            "{ks:?} {disagrees:?}"
        );
        assert_eq!(
            warned,
            disagrees
                .map(|field| vec![(field, Severity::Warning)])
                .unwrap_or_default(),
            "{ks:?}"
        );
    }
}

#[test]
fn placeholder_lists_what_is_missing_and_what_to_fix() {
    let evaluation = evaluate(
        &EmbedForm {
            partner: "x".into(),
            ..EmbedForm::default()
        },
        None,
    );
    let text = evaluation.placeholder();
    assert!(
        text.contains("Still needed:")
            && text.contains("Player ID (uiConf ID)")
            && text.contains("Entry ID"),
        "{text}"
    );
    assert!(
        text.contains("To fix:") && text.contains("Partner ID is a number"),
        "{text}"
    );
    assert!(!text.contains("<script"));
}

#[test]
fn ks_only_when_opted_in() {
    let ks = Ks::parse("djJ8MjUwNjc1Mnxabc=").unwrap();
    let without = evaluate(&filled(), Some(&ks)).snippet.unwrap();
    assert!(!without.code.contains("djJ8MjUwNjc1Mnxabc="));
    let with = evaluate(
        &EmbedForm {
            include_ks: true,
            ..filled()
        },
        Some(&ks),
    )
    .snippet
    .unwrap();
    assert!(
        with.code.contains("ks: \"djJ8MjUwNjc1Mnxabc=\""),
        "{}",
        with.code
    );
    let iframe = evaluate(
        &EmbedForm {
            include_ks: true,
            kind: EmbedType::Iframe,
            ..filled()
        },
        Some(&ks),
    )
    .snippet
    .unwrap();
    assert!(
        iframe.code.contains("&amp;ks=djJ8MjUwNjc1Mnxabc%3D"),
        "{}",
        iframe.code
    );
    assert!(iframe.notes.contains(&kaltura::embed::Note::KsInUrl));
    let v2 = evaluate(
        &EmbedForm {
            include_ks: true,
            version: PlayerVersion::V2,
            ..filled()
        },
        Some(&ks),
    )
    .snippet
    .unwrap();
    assert!(
        v2.code.contains("\"ks\": \"djJ8MjUwNjc1Mnxabc=\"")
            || v2.code.contains("ks: \"djJ8MjUwNjc1Mnxabc=\""),
        "{}",
        v2.code
    );
}

#[test]
fn same_input_same_snippet_and_distinct_content_distinct_ids() {
    let a = evaluate(&filled(), None).snippet.unwrap().code;
    assert_eq!(a, evaluate(&filled(), None).snippet.unwrap().code);
    let b = evaluate(
        &EmbedForm {
            content_id: "1_zzzz9999".into(),
            ..filled()
        },
        None,
    )
    .snippet
    .unwrap()
    .code;
    assert!(
        a.contains("id=\"kaltura_player_1_abcd1234\"")
            && b.contains("id=\"kaltura_player_1_zzzz9999\"")
    );
}

#[test]
fn autoplay_falls_back_to_muted_unless_turned_off() {
    use kaltura::embed::Note;
    let check = |fallback: bool, flag: &str, warned: bool| {
        let v2 = flag.starts_with("autoPlayFallbackToMute");
        let form = EmbedForm {
            autoplay: true,
            muted_autoplay_fallback: fallback,
            version: if v2 {
                PlayerVersion::V2
            } else {
                PlayerVersion::V7
            },
            ..filled()
        };
        let snippet = evaluate(&form, None).snippet.expect("a snippet");
        assert!(snippet.code.contains(flag), "{}", snippet.code);
        assert_eq!(
            snippet.notes.contains(&Note::AutoplayMayBeBlocked),
            warned,
            "{fallback}"
        );
    };
    assert!(
        EmbedForm::default().muted_autoplay_fallback,
        "on as in the v7 player"
    );
    check(true, "allowMutedAutoPlay: true", false);
    check(false, "allowMutedAutoPlay: false", true);
    // v2 falls back too unless told `false` (mwEmbed shouldAutoPlayMuted), so both are written.
    check(true, "autoPlayFallbackToMute: true", false);
    check(false, "autoPlayFallbackToMute: false", true);
}

#[test]
fn a_playlist_autoplays_and_loops_through_its_own_settings() {
    let check = |version: PlayerVersion, expected: &[&str], absent: &[&str]| {
        let form = EmbedForm {
            content_kind: ContentKind::Playlist,
            content_id: "0_plst5678".into(),
            autoplay: true,
            loop_playback: true,
            version,
            ..filled()
        };
        let code = evaluate(&form, None).snippet.expect("a snippet").code;
        for text in expected {
            assert!(code.contains(text), "{text} missing in {code}");
        }
        for text in absent {
            assert!(!code.contains(text), "{text} in {code}");
        }
    };
    // v7: each item's `playback.loop` is forced off; the list loops by `playlist.options.loop`.
    check(
        PlayerVersion::V7,
        &[
            "playlist: {\n        options: {\n          loop: true",
            "autoplay: true",
        ],
        &["loop: true\n      },"],
    );
    // v2: the playlist plugin sets autoplay from its own key and loops the list by its own.
    check(
        PlayerVersion::V2,
        &[
            "\"playlistAPI.autoPlay\": true",
            "\"playlistAPI.loop\": true",
        ],
        &["  autoPlay: true", "  loop: true"],
    );
}

#[test]
fn a_portrait_player_fits_the_screen_height() {
    let check = |ratio: RatioChoice, custom: &str, style: &str| {
        let form = EmbedForm {
            ratio,
            custom_ratio: custom.into(),
            ..filled()
        };
        let code = evaluate(&form, None).snippet.expect("a snippet").code;
        assert!(code.contains(&format!("style=\"{style}\"")), "{code}");
    };
    check(RatioChoice::R16x9, "", "width:100%;aspect-ratio:16/9");
    check(RatioChoice::R1x1, "", "width:100%;aspect-ratio:1/1");
    // 9:16 in a 1200 px column would be 2133 px tall: capped to the viewport's height.
    check(
        RatioChoice::R9x16,
        "",
        "width:100%;max-width:calc(100vh*9/16);aspect-ratio:9/16",
    );
    check(
        RatioChoice::Custom,
        "4:5",
        "width:100%;max-width:calc(100vh*4/5);aspect-ratio:4/5",
    );
}

#[test]
fn start_and_clip_on_a_playlist_are_a_warning() {
    let check = |kind: ContentKind, start: &str, clip: &str, warned_at: Option<Field>| {
        let form = EmbedForm {
            content_kind: kind,
            content_id: "0_plst5678".into(),
            start: start.into(),
            clip_to: clip.into(),
            time_mode: TimeMode::Clip,
            ..filled()
        };
        let evaluation = evaluate(&form, None);
        let warnings: Vec<Field> = evaluation
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
            .map(|p| p.field)
            .collect();
        assert_eq!(
            warnings,
            warned_at.into_iter().collect::<Vec<_>>(),
            "{start} {clip}"
        );
        assert!(
            evaluation.snippet.is_some(),
            "a warning still gives the code"
        );
    };
    check(ContentKind::Playlist, "0:30", "", Some(Field::Start));
    check(ContentKind::Playlist, "", "1:45", Some(Field::ClipTo));
    check(ContentKind::Playlist, "0:30", "1:45", Some(Field::Start));
    check(ContentKind::Playlist, "", "", None);
    check(ContentKind::Entry, "0:30", "1:45", None);
}

#[test]
fn a_thumbnail_embed_of_a_playlist_is_not_offered_and_says_to_use_dynamic() {
    for version in [PlayerVersion::V7, PlayerVersion::V2] {
        let form = EmbedForm {
            version,
            kind: EmbedType::Thumbnail,
            content_kind: ContentKind::Playlist,
            content_id: "0_plst5678".into(),
            ..filled()
        };
        let evaluation = evaluate(&form, None);
        assert!(evaluation.snippet.is_none(), "{version:?}");
        let problem = evaluation.problem(Field::ContentId).expect("a problem");
        assert_eq!(problem.severity, Severity::Invalid);
        assert!(problem.message.contains("choose Dynamic"), "{problem:?}");
    }
}

/// What each player is told for a start / clip choice, and the notes that come with it.
#[test]
fn start_at_and_clip_to_a_segment_write_each_players_own_keys() {
    use kaltura::embed::form::validate;
    use kaltura::embed::preview::{behaviour_notes, V2_CLIP_NOTE};
    let check = |version: PlayerVersion,
                 mode: TimeMode,
                 (start, clip): (&str, &str),
                 has: &[&str],
                 lacks: &[&str],
                 note: Option<&str>| {
        let form = EmbedForm {
            version,
            time_mode: mode,
            start: start.into(),
            clip_to: clip.into(),
            ..filled()
        };
        let snippet = evaluate(&form, None).snippet.expect("code");
        for key in has {
            assert!(
                snippet.code.contains(key),
                "{version:?} {mode:?}: {key} in\n{}",
                snippet.code
            );
        }
        for key in lacks {
            assert!(
                !snippet.code.contains(key),
                "{version:?} {mode:?}: no {key} in\n{}",
                snippet.code
            );
        }
        let request = validate(&form, None).0.expect("request");
        assert_eq!(
            behaviour_notes(&request).contains(&V2_CLIP_NOTE),
            note == Some(V2_CLIP_NOTE),
            "{version:?} {mode:?}"
        );
    };
    use PlayerVersion::{V2, V7};
    use TimeMode::{Clip, StartAt};
    check(
        V7,
        StartAt,
        ("30", ""),
        &["startTime: 30"],
        &["seekFrom", "clipTo"],
        None,
    );
    // The Clip to field is not used in "Start at" (the page hides it).
    check(
        V7,
        StartAt,
        ("30", "90"),
        &["startTime: 30"],
        &["seekFrom", "clipTo"],
        None,
    );
    check(
        V7,
        Clip,
        ("30", "90"),
        &["seekFrom: 30", "clipTo: 90"],
        &["startTime"],
        None,
    );
    check(
        V7,
        Clip,
        ("30", ""),
        &["seekFrom: 30"],
        &["startTime", "clipTo"],
        None,
    );
    check(
        V7,
        Clip,
        ("", "90"),
        &["clipTo: 90"],
        &["seekFrom", "startTime"],
        None,
    );
    check(
        V2,
        StartAt,
        ("30", "90"),
        &["\"mediaProxy.mediaPlayFrom\": 30"],
        &["mediaPlayTo"],
        None,
    );
    check(
        V2,
        Clip,
        ("30", "90"),
        &[
            "\"mediaProxy.mediaPlayFrom\": 30",
            "\"mediaProxy.mediaPlayTo\": 90",
        ],
        &[],
        Some(V2_CLIP_NOTE),
    );
}

#[test]
fn ignoring_saved_viewer_settings_is_v7_disable_user_cache_and_otherwise_a_note() {
    use kaltura::embed::form::validate;
    use kaltura::embed::preview::stored_preferences_win;
    let check =
        |version: PlayerVersion, kind: EmbedType, ignore: bool, key: Option<&str>, note: bool| {
            let form = EmbedForm {
                version,
                kind,
                muted: true,
                ignore_stored_prefs: ignore,
                ..filled()
            };
            let snippet = evaluate(&form, None).snippet.expect("code");
            assert_eq!(
                snippet.code.contains("disableUserCache"),
                key.is_some(),
                "{version:?} {kind:?}"
            );
            if let Some(key) = key {
                assert!(snippet.code.contains(key), "{key} in\n{}", snippet.code);
            }
            let request = validate(&form, None).0.expect("request");
            assert_eq!(
                stored_preferences_win(&request),
                note,
                "{version:?} {kind:?} {ignore}"
            );
        };
    check(PlayerVersion::V7, EmbedType::Dynamic, false, None, true);
    check(
        PlayerVersion::V7,
        EmbedType::Dynamic,
        true,
        Some("disableUserCache: true"),
        false,
    );
    check(
        PlayerVersion::V7,
        EmbedType::Auto,
        true,
        Some("config[disableUserCache]=true"),
        false,
    );
    check(
        PlayerVersion::V7,
        EmbedType::Iframe,
        true,
        Some("config[disableUserCache]=true"),
        false,
    );
    // v2 keeps no such preferences here: neither the key nor the note.
    check(PlayerVersion::V2, EmbedType::Dynamic, true, None, false);
}

#[test]
fn a_fixed_size_starts_from_real_values() {
    use kaltura::embed::form::SizeMode::{Fixed, Responsive};
    // (ratio picked, custom ratio, width and height typed before) → (width, height) once fixed.
    let check = |ratio: RatioChoice, custom: &str, typed: (&str, &str), expected: (&str, &str)| {
        let mut form = EmbedForm {
            ratio,
            custom_ratio: custom.into(),
            width: typed.0.into(),
            height: typed.1.into(),
            ..filled()
        };
        form.set_size_mode(Fixed);
        assert_eq!(form.size_mode, Fixed);
        assert_eq!(
            (form.width.as_str(), form.height.as_str()),
            expected,
            "{ratio:?} {custom} {typed:?}"
        );
        assert!(evaluate(&form, None).snippet.is_some(), "{form:?}");
    };
    check(RatioChoice::R16x9, "", ("", ""), ("640", "360"));
    check(RatioChoice::R4x3, "", ("", ""), ("640", "480"));
    check(RatioChoice::R1x1, "", ("", ""), ("640", "640"));
    check(RatioChoice::R9x16, "", ("", ""), ("640", "1138"));
    // A custom ratio: 16:9 to start from (typed over as needed).
    check(RatioChoice::Custom, "21:9", ("", ""), ("640", "360"));
    // A width typed earlier sets the height's scale; typed values are kept.
    check(RatioChoice::R16x9, "", ("1280", ""), ("1280", "720"));
    check(RatioChoice::R16x9, "", ("800", "600"), ("800", "600"));
    check(RatioChoice::R16x9, "", ("", "200"), ("640", "200"));
    check(RatioChoice::R9x16, "", ("10000", ""), ("10000", "10000"));

    // Back to responsive: the fixed values wait for the next switch.
    let mut form = filled();
    form.set_size_mode(Fixed);
    form.set_size_mode(Responsive);
    assert_eq!(form.size_mode, Responsive);
    assert_eq!((form.width.as_str(), form.height.as_str()), ("640", "360"));
}

#[test]
fn ids_written_with_thousands_separators_make_the_same_code() {
    let plain = evaluate(&filled(), None).snippet.expect("code");
    for (partner, ui_conf) in [("2,506,752", "48,460,943"), ("2 506 752", "48 460 943")] {
        let grouped = EmbedForm {
            partner: partner.into(),
            ui_conf: ui_conf.into(),
            ..filled()
        };
        assert_eq!(
            evaluate(&grouped, None).snippet,
            Some(plain.clone()),
            "{partner}"
        );
    }
    // An opted-in KS for partner 2506752 fits "2,506,752".
    let ks = Ks::parse(&crate::session_support::user_v1_ks_with("2506752", "", "")).unwrap();
    let grouped = EmbedForm {
        partner: "2,506,752".into(),
        include_ks: true,
        ..filled()
    };
    let evaluation = evaluate(&grouped, Some(&ks));
    assert_eq!(evaluation.problems, []);
    assert!(evaluation.snippet.unwrap().code.contains(ks.expose()));
}
