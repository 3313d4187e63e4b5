//! The Embed doctor: one case per rule, one clean case per embed type, bad input, and no panic or
//! blow-up on any input.

use crate::session_support::{v1_ks, V1Fields};
use kaltura::doctor::{check as doctor, InputError, Rule, Severity, MAX_INPUT_BYTES};
use kaltura::embed::form::{evaluate, ContentKind, EmbedForm};
use kaltura::embed::{EmbedType, PlayerVersion};
use proptest::prelude::*;

/// "Now" for every case: 2026-11-30.
const NOW: u64 = 1_795_000_000;
const LIB: &str =
    r#"<script src="https://cdnapisec.kaltura.com/p/123/embedPlaykitJs/uiconf_id/456"></script>"#;
const V2_LIB: &str = r#"<script src="https://cdnapisec.kaltura.com/p/123/sp/12300/embedIframeJs/uiconf_id/789/partner_id/123"></script>"#;

/// The rules the doctor reports for `input`, page findings first, each player's in code order.
fn check(input: &str, expected: &[Rule]) {
    let report = doctor(input, NOW).unwrap_or_else(|e| panic!("{e:?} for\n{input}"));
    let found: Vec<Rule> = report.all_findings().map(|f| f.rule).collect();
    assert_eq!(found, expected, "{input}");
    for finding in report.all_findings() {
        assert!(
            finding.why.ends_with('.') && !finding.fix.is_empty(),
            "{finding:?}"
        );
    }
}

fn setup(config: &str) -> String {
    format!("<script>\n  const player = KalturaPlayer.setup({{ {config} }});\n  player.loadMedia({{ entryId: \"1_abcd1234\" }});\n</script>")
}

fn ks(session_type: &str, valid_until: u64, privileges: &str) -> String {
    v1_ks(
        "secret",
        &V1Fields {
            partner: "123",
            valid_until: &valid_until.to_string(),
            session_type,
            user: "u",
            privileges,
            master: "",
        },
    )
}

fn with_ks(ks: &str) -> String {
    format!(
        "<div id=\"p\"></div>{LIB}{}",
        setup(&format!(
            "targetId: \"p\", provider: {{ partnerId: 123, uiConfId: 456, ks: \"{ks}\" }}"
        ))
    )
}

#[test]
fn each_rule_names_its_problem() {
    use Rule::*;
    let ok_setup = setup("targetId: \"p\", provider: { partnerId: 123, uiConfId: 456 }");
    let auto = |host: &str, extra: &str| {
        format!("<div id=\"p\"></div><script src=\"{host}/p/123/embedPlaykitJs/uiconf_id/456?autoembed=true&targetId=p&entry_id=1_abcd1234{extra}\"></script>")
    };
    let iframe = |attrs: &str, extra: &str| {
        format!("<iframe src=\"https://cdnapisec.kaltura.com/p/123/embedPlaykitJs/uiconf_id/456?iframeembed=true&entry_id=1_abcd1234{extra}\" {attrs}></iframe>")
    };
    let allow = "allow=\"autoplay *; fullscreen *; encrypted-media *\" allowfullscreen";
    let v2 = |flashvars: &str, content: &str| {
        format!("<div id=\"p\"></div>{V2_LIB}<script>kWidget.embed({{ targetId: \"p\", wid: \"_123\", uiconf_id: 789, flashvars: {{ {flashvars} }}{content} }});</script>")
    };
    let v2_ks = "djJ8MTIzfGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6";
    let table: Vec<(String, Vec<Rule>)> = vec![
        (auto("http://cdnapisec.kaltura.com", ""), vec![InsecureHost]),
        (auto("https://cdnapi.kaltura.com", ""), vec![CdnapiHost]),
        (auto("https://cdnapisec.kaltura.com", "&flashvars[autoPlay]=true"), vec![V2OnV7Library]),
        (
            format!("<div id=\"p\"></div>{LIB}<script>kWidget.embed({{ targetId: \"p\", wid: \"_123\", uiconf_id: 456, entry_id: \"1_abcd1234\" }});</script>"),
            vec![V2OnV7Library, LegacyV2],
        ),
        (
            format!("<div id=\"p\"></div>{LIB}{}", setup("targetId: \"p\", provider: { partnerId: 123, uiConfId: 999 }")),
            vec![UiConfMismatch],
        ),
        (format!("<div id=\"p\"></div>{LIB}{ok_setup}{ok_setup}"), vec![DuplicateTarget]),
        (format!("<div id=\"other\"></div>{LIB}{ok_setup}"), vec![MissingTarget]),
        (iframe(allow, &format!("&ks={v2_ks}")), vec![KsInUrl]),
        (with_ks(&ks("0", NOW - 60, "sview:1_abcd1234")), vec![KsExpired]),
        (with_ks(&ks("2", NOW + 3600, "")), vec![KsNotUser]),
        (with_ks(&ks("0", NOW + 3600, "*")), vec![KsDangerous]),
        (with_ks(&ks("0", NOW + 5 * 3600, "sview:1_abcd1234")), vec![KsLongLived]),
        (iframe("allowfullscreen", ""), vec![IframeAllow]),
        (iframe("allow=\"autoplay *; fullscreen *; encrypted-media *\"", ""), vec![IframeFullscreen]),
        (
            format!("<div id=\"p\"></div>{LIB}<script>__thumbnailEmbed({{ config: {{ targetId: \"p\", provider: {{ partnerId: 123, uiConfId: 456 }} }}, mediaInfo: {{ playlistId: \"0_plst5678\" }} }});</script>"),
            vec![ThumbnailPlaylist],
        ),
        (
            format!("{}<div id=\"p\"></div>{ok_setup}", iframe(allow, "")),
            vec![SetupWithoutLibrary],
        ),
        (
            v2("\"playlistAPI.kpl0Id\": \"0_plst5678\", \"playlistAPI.loop\": true", ""),
            vec![V2LoopWithoutAutoContinue, LegacyV2],
        ),
        (
            v2("\"mediaProxy.mediaPlayFrom\": 30, \"mediaProxy.mediaPlayTo\": 90", ", entry_id: \"1_abcd1234\""),
            vec![V2StopInsideTimeline, LegacyV2],
        ),
        (format!("<div id=\"p\"></div>{LIB}{LIB}{ok_setup}"), vec![LibraryTwice]),
        (
            format!("<div id=\"p\"></div>{LIB}{}{ok_setup}", LIB.replace("456", "457")),
            vec![TwoUiConfBundles, UiConfMismatch],
        ),
        (
            format!("<div id=\"p\"></div>{LIB}{}", setup("targetId: \"p\", provider: { partnerId: 123, uiConfId: 456 }").replace("1_abcd1234", "1_abc")),
            vec![MalformedId],
        ),
        (
            format!("<div id=\"p\"></div>{LIB}{}", setup("targetId: \"p\", provider: { partnerId: 124, uiConfId: 456 }")),
            vec![PartnerMismatch],
        ),
        (
            v2("", ", entry_id: \"1_abcd1234\"").replace("/sp/12300/", "/sp/999/"),
            vec![SubPartnerPath, LegacyV2],
        ),
    ];
    for (input, expected) in table {
        check(&input, &expected);
    }
}

/// The page's own code for every embed type is clean (v2 only hears that it is legacy).
#[test]
fn the_pages_own_code_is_clean() {
    for version in [PlayerVersion::V7, PlayerVersion::V2] {
        for kind in EmbedType::ALL {
            let form = EmbedForm {
                partner: "123".into(),
                ui_conf: "456".into(),
                content_kind: ContentKind::Entry,
                content_id: "1_abcd1234".into(),
                version,
                kind,
                autoplay: true,
                muted: true,
                ..EmbedForm::default()
            };
            let code = evaluate(&form, None).snippet.expect("code").code;
            let expected: &[Rule] = match version {
                PlayerVersion::V7 => &[],
                PlayerVersion::V2 => &[Rule::LegacyV2],
            };
            check(&code, expected);
            let report = doctor(&code, NOW).unwrap();
            assert_eq!(report.players.len(), 1, "{code}");
            let player = &report.players[0];
            assert_eq!((player.version, player.kind), (version, kind), "{code}");
            // Read back through the form (an auto embed's container is not read): clean again.
            let corrected = player.corrected.as_deref().expect("corrected code");
            check(corrected, expected);
        }
    }
}

#[test]
fn the_corrected_code_fixes_what_it_can() {
    let input = r#"<div id="p"></div><script src="http://cdnapi.kaltura.com/p/123/embedPlaykitJs/uiconf_id/456"></script>
<script>__thumbnailEmbed({ config: { targetId: "p", provider: { partnerId: 123, uiConfId: 456 } }, mediaInfo: { playlistId: "0_plst5678" } });</script>"#;
    let report = doctor(input, NOW).unwrap();
    let player = &report.players[0];
    assert_eq!(player.title(), "v7 Thumbnail embed, line 2");
    let code = player.corrected.as_deref().expect("corrected code");
    assert!(
        code.contains("https://cdnapisec.kaltura.com/p/123/embedPlaykitJs/uiconf_id/456"),
        "{code}"
    );
    assert!(
        code.contains("loadPlaylist"),
        "Dynamic for a playlist:\n{code}"
    );
    assert_eq!(player.form.kind, EmbedType::Dynamic);
}

#[test]
fn findings_follow_the_code_and_players_their_lines() {
    let input = format!(
        "{LIB}\n<div id=\"a\"></div>\n{}\n{}",
        setup("targetId: \"a\", provider: { partnerId: 123, uiConfId: 456 }"),
        setup("targetId: \"b\", provider: { partnerId: 123, uiConfId: 456 }")
    );
    let report = doctor(&input, NOW).unwrap();
    let lines: Vec<usize> = report.players.iter().map(|p| p.line).collect();
    assert_eq!(lines, [4, 8]);
    assert_eq!(report.players[1].findings[0].rule, Rule::MissingTarget);
    assert_eq!(Rule::MissingTarget.severity(), Severity::Breaks);
}

#[test]
fn bad_input_gets_a_clear_message() {
    let cases: Vec<(String, InputError)> = vec![
        ("  \n".into(), InputError::Empty),
        (
            "x".repeat(MAX_INPUT_BYTES + 1),
            InputError::TooBig {
                bytes: MAX_INPUT_BYTES + 1,
            },
        ),
        ("PNG\0\0\u{1}\u{2}".into(), InputError::NotText),
        ("<p>Hello, no player here.</p>".into(), InputError::NoPlayer),
    ];
    for (input, expected) in cases {
        let got = doctor(&input, NOW).expect_err("refused");
        assert_eq!(got, expected);
        assert!(!got.message().is_empty());
    }
    assert!(InputError::TooBig { bytes: 50_000_000 }
        .message()
        .contains("50 MB"));
}

/// Work is bounded: the worst inputs (keys repeated back to back, thousands of players) finish.
#[test]
fn pathological_input_finishes() {
    let keys = "ks=entryId=targetId=uiConfId=kalturaPlayer.setup(".repeat(MAX_INPUT_BYTES / 60);
    let _ = doctor(&keys, NOW);
    let players = format!("{LIB}{}", setup("targetId: \"p\"").repeat(5_000));
    let report = doctor(&players, NOW).unwrap();
    assert!(report.truncated);
    assert_eq!(report.players.len(), kaltura::doctor::MAX_PLAYERS);
}

proptest! {
    #[test]
    fn any_input_gives_a_report_or_a_message(input in ".{0,400}") {
        let _ = doctor(&input, NOW);
    }

    #[test]
    fn embed_like_input_never_panics(
        parts in proptest::collection::vec(prop_oneof![
            Just("<script src=\"https://cdnapisec.kaltura.com/p/1/embedPlaykitJs/uiconf_id/2?autoembed=true\">"),
            Just("<iframe src=\"http://x/p/1/sp/9/embedIframeJs/uiconf_id/2?iframeembed=true\">"),
            Just("KalturaPlayer.setup({"), Just("kWidget.embed({"), Just("__thumbnailEmbed("),
            Just("ks=\""), Just("id=\""), Just("targetId:"), Just("\""), Just("é"), Just("</script>"),
            Just("entryId: \"1_"), Just("allow="), Just(">"),
        ], 0..40)
    ) {
        let _ = doctor(&parts.concat(), NOW);
    }
}
