//! Property tests: any input gives a snippet or field problems (never a panic), and no value can
//! leave its context in the generated code.

use kaltura::embed::escape::{html, js_string};
use kaltura::embed::form::{evaluate, ContentKind, EmbedForm, RatioChoice, SizeMode};
use kaltura::embed::{EmbedType, PlayerVersion};
use kaltura::percent::component as url_component;
use kaltura::session::ks::Ks;
use proptest::prelude::*;

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        // Near-valid values reach the generators more often than random text does.
        "[0-9]{1,10}",
        "[0-9]_[a-zA-Z0-9]{8}",
        "[ \"'<>&/\\\\:;=?#a-z0-9_-]{0,30}",
        Just("</script><script>alert(1)</script>".to_string()),
        Just("\"><img src=x onerror=alert(1)>".to_string()),
    ]
}

prop_compose! {
    fn any_form()(
        texts in proptest::collection::vec(any_text(), 10),
        flags in proptest::collection::vec(any::<bool>(), 9),
        kind in 0usize..4,
        ratio in 0usize..5,
    ) -> EmbedForm {
        EmbedForm {
            partner: texts[0].clone(),
            ui_conf: texts[1].clone(),
            content_kind: if flags[0] { ContentKind::Entry } else { ContentKind::Playlist },
            content_id: texts[2].clone(),
            version: if flags[1] { PlayerVersion::V7 } else { PlayerVersion::V2 },
            kind: EmbedType::ALL[kind],
            cdn_host: texts[3].clone(),
            custom_host: flags[8],
            size_mode: if flags[2] { SizeMode::Responsive } else { SizeMode::Fixed },
            ratio: [RatioChoice::R16x9, RatioChoice::R4x3, RatioChoice::R1x1, RatioChoice::R9x16, RatioChoice::Custom][ratio],
            custom_ratio: texts[4].clone(),
            width: texts[5].clone(),
            height: texts[6].clone(),
            autoplay: flags[3],
            muted: flags[4],
            muted_autoplay_fallback: flags[5],
            loop_playback: flags[6],
            start: texts[7].clone(),
            clip_to: texts[8].clone(),
            target_id: texts[9].clone(),
            include_ks: flags[7],
        }
    }
}

prop_compose! {
    /// Valid ids, so the generators run; every other field still arbitrary.
    fn form_with_valid_ids()(form in any_form(), pid in 1u32..=2_147_483_647, ui in 1u32..=2_147_483_647, id in "[0-9]_[a-zA-Z0-9]{8}") -> EmbedForm {
        EmbedForm { partner: pid.to_string(), ui_conf: ui.to_string(), content_id: id, ..form }
    }
}

/// The tags each embed type produces: (`<script` openings, `<iframe` openings).
fn expected_tags(form: &EmbedForm) -> (usize, usize) {
    match (form.version, form.kind) {
        (_, EmbedType::Iframe) => (0, 1),
        (_, EmbedType::Auto) => (1, 0),
        (PlayerVersion::V7, EmbedType::Thumbnail) => (3, 0),
        _ => (2, 0),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn snippets_keep_their_structure(form in prop_oneof![any_form(), form_with_valid_ids()]) {
        let ks = Ks::parse("djJ8MjUwNjc1Mnx0ZXN0").unwrap();
        let evaluation = evaluate(&form, Some(&ks));
        if let Some(snippet) = evaluation.snippet {
            let code = &snippet.code;
            let (scripts, iframes) = expected_tags(&form);
            prop_assert_eq!(code.matches("<script").count(), scripts, "{}", code);
            prop_assert_eq!(code.matches("</script>").count(), scripts, "{}", code);
            prop_assert_eq!(code.matches("<iframe").count(), iframes, "{}", code);
            prop_assert!(!code.contains("<img") && !code.contains("onerror") && !code.contains("<!--"), "{}", code);
            // Attribute values stay quoted: an even number of double quotes outside scripts.
            let outside_scripts: String = code.split("<script>").map(|p| p.split("</script>").last().unwrap_or("")).collect();
            prop_assert_eq!(outside_scripts.matches('"').count() % 2, 0, "{}", code);
        } else {
            prop_assert!(!evaluation.problems.is_empty());
            let placeholder = evaluation.placeholder();
            prop_assert!(!placeholder.contains("<script"));
        }
    }

    #[test]
    fn html_escape_leaves_no_markup(s in ".*") {
        let out = html(&s);
        prop_assert!(!out.contains(['<', '>', '"', '\'']));
    }

    #[test]
    fn js_string_cannot_close_the_string_or_the_script(s in ".*") {
        let out = js_string(&s);
        // Every `"` is preceded by a backslash that is itself not escaped.
        let bytes = out.as_bytes();
        let mut backslashes = 0;
        for &b in bytes {
            if b == b'"' {
                prop_assert!(backslashes % 2 == 1, "{}", out);
            }
            backslashes = if b == b'\\' { backslashes + 1 } else { 0 };
        }
        let closes = out.contains('<') || out.contains('>') || out.contains('\n') || out.contains('\u{2028}');
        prop_assert!(!closes, "{}", out);
    }

    #[test]
    fn url_component_is_unreserved_or_percent(s in ".*") {
        let out = url_component(&s);
        prop_assert!(out.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~%".contains(&b)));
    }
}
