//! Framework snippets, the second-player HTML and SEO metadata.

use expect_test::expect_file;
use kaltura::embed::form::{validate, ContentKind, EmbedForm};
use kaltura::embed::frameworks::{render, seo_json_ld, Output, SeoError, SeoFields, V7_ONLY};
use kaltura::embed::{EmbedType, PlayerVersion};
use proptest::prelude::*;

fn request(kind: ContentKind) -> kaltura::embed::EmbedRequest {
    let form = EmbedForm {
        partner: "2506752".into(),
        ui_conf: "48460943".into(),
        content_kind: kind,
        content_id: if kind == ContentKind::Entry {
            "1_abcd1234".into()
        } else {
            "0_plst5678".into()
        },
        autoplay: true,
        muted: true,
        start: "30".into(),
        ..EmbedForm::default()
    };
    validate(&form, None).0.expect("valid form")
}

fn check(output: Output, file: &str) {
    let mut all = String::new();
    for kind in [ContentKind::Entry, ContentKind::Playlist] {
        all.push_str(&format!(
            "=== {kind:?} ===\n{}\n",
            render(&request(kind), output).unwrap()
        ));
    }
    expect_file![format!("snapshots/{file}.txt")].assert_eq(&all);
}

#[test]
fn react() {
    check(Output::React, "framework_react");
}
#[test]
fn vue() {
    check(Output::Vue, "framework_vue");
}
#[test]
fn es_module() {
    check(Output::EsModule, "framework_es_module");
}
#[test]
fn second_player() {
    check(Output::SecondPlayer, "framework_second_player");
    let code = render(&request(ContentKind::Entry), Output::SecondPlayer).unwrap();
    assert!(
        !code.contains("<script src"),
        "the second player reuses the page's library tag"
    );
    let main = request(ContentKind::Entry).target_id();
    assert!(
        code.contains(&format!("id=\"{main}_2\"")) && !code.contains(&format!("id=\"{main}\"")),
        "a container of its own beside the main embed's {main}:\n{code}"
    );
}

#[test]
fn a_second_player_beside_an_iframe_embed_loads_the_library_itself() {
    // The iframe's library lives in its frame: the page has no KalturaPlayer of its own.
    let mut req = request(ContentKind::Entry);
    req.kind = EmbedType::Iframe;
    let code = render(&req, Output::SecondPlayer).unwrap();
    let tag = format!("<script src=\"{}\"></script>", req.library_url());
    let (at_tag, at_setup) = (code.find(&tag), code.find("KalturaPlayer.setup("));
    assert!(
        matches!((at_tag, at_setup), (Some(t), Some(s)) if t < s),
        "the library tag comes before setup():\n{code}"
    );
}

#[test]
fn framework_code_is_v7_only_and_loads_the_library_once() {
    let mut v2 = request(ContentKind::Entry);
    v2.version = PlayerVersion::V2;
    assert_eq!(render(&v2, Output::React), Err(V7_ONLY));
    for output in [Output::React, Output::Vue, Output::EsModule] {
        let code = render(&request(ContentKind::Entry), output).unwrap();
        assert_eq!(
            code.matches("document.createElement(\"script\")").count(),
            1,
            "{output:?}"
        );
        assert!(
            code.contains("loading[UICONF_ID] ??=") && code.contains("const UICONF_ID = 48460943;"),
            "{output:?}: one promise per uiConf and page"
        );
        assert!(
            code.contains("embedPlaykitJs/uiconf_id/48460943?embed_factory=true")
                && code.contains("window.KalturaPlayers?.[UICONF_ID]")
                && !code.contains("if (window.KalturaPlayer)"),
            "{output:?}: never reuses another uiConf's window.KalturaPlayer"
        );
        assert!(code.contains("destroy()"), "{output:?}: cleans up");
    }
}

/// The loader block of a framework output: from `const LIBRARY` to the end of `function merge`.
fn loader_block(code: &str) -> &str {
    let start = code.find("const LIBRARY = ").expect("a loader");
    let merge = start
        + code[start..]
            .find("function merge(")
            .expect("a merge helper");
    let end = merge + code[merge..].find("\n}\n").expect("merge ends") + 3;
    &code[start..end]
}

#[test]
fn react_vue_and_es_module_share_one_loader_block() {
    // The e2e spec framework_loaders runs the ES module's loader against the published bundle;
    // this keeps React's and Vue's the same text, so that run covers them too.
    for kind in [ContentKind::Entry, ContentKind::Playlist] {
        let req = request(kind);
        let outputs = [Output::React, Output::Vue, Output::EsModule]
            .map(|output| render(&req, output).unwrap());
        let blocks = outputs.each_ref().map(|code| loader_block(code));
        assert!(
            blocks[0].contains("function loadKalturaPlayer()")
                && blocks[0].ends_with("  return out;\n}\n"),
            "{}",
            blocks[0]
        );
        assert_eq!(blocks[0], blocks[1], "React and Vue");
        assert_eq!(blocks[0], blocks[2], "React and ES module");
    }
}

fn seo(name: &str, date: &str, duration: &str, thumb: &str) -> SeoFields {
    SeoFields {
        name: name.into(),
        description: String::new(),
        thumbnail_url: thumb.into(),
        upload_date: date.into(),
        duration: duration.into(),
    }
}

#[test]
fn seo_says_what_google_still_needs_for_a_rich_result() {
    let table = [
        (
            seo("Tour", "", "", ""),
            vec!["Thumbnail URL", "Upload date"],
        ),
        (seo("Tour", "2026-11-24", "", " "), vec!["Thumbnail URL"]),
        (
            seo("Tour", "2026-11-24", "", "https://x.example/t.jpg"),
            vec![],
        ),
    ];
    for (fields, expected) in table {
        assert_eq!(fields.missing_for_rich_results(), expected, "{fields:?}");
    }
}

#[test]
fn seo_metadata() {
    let req = request(ContentKind::Entry);
    assert_eq!(seo_json_ld(&req, &SeoFields::default()), Ok(None));
    assert_eq!(
        seo_json_ld(&req, &seo("", "2026-11-24", "", "")),
        Err(SeoError::NeedsName)
    );
    assert_eq!(
        seo_json_ld(&req, &seo("Demo", "24/11/2026", "", "")),
        Err(SeoError::BadDate)
    );
    for (date, valid) in [
        ("2026-13-01", false),
        ("2026-02-31", false),
        ("2026-04-31", false),
        ("2026-02-29", false),
        ("2024-02-29", true),
        ("2000-02-29", true),
        ("1900-02-29", false),
        ("2026-12-31", true),
    ] {
        let result = seo_json_ld(&req, &seo("Demo", date, "", ""));
        assert_eq!(result.is_ok(), valid, "{date}: {result:?}");
    }
    assert_eq!(
        seo_json_ld(&req, &seo("Demo", "", "", "http://x")),
        Err(SeoError::BadThumbnail)
    );
    let block = seo_json_ld(
        &req,
        &seo(
            "Demo </script>",
            "2026-11-24",
            "1:30",
            "https://cdn.example.com/t.jpg",
        ),
    )
    .unwrap()
    .unwrap();
    assert!(block.contains("\"duration\": \"PT1M30S\""), "{block}");
    assert!(block.contains("\"uploadDate\": \"2026-11-24\""));
    assert!(block.contains("iframeembed=true"));
    assert_eq!(block.matches("</script>").count(), 1, "{block}");
    // No video lasts 0 s; a playlist is not one video; a v2 player has its embed URL too.
    assert!(matches!(
        seo_json_ld(&req, &seo("Demo", "", "0", "")),
        Err(SeoError::BadDuration(why)) if why.contains("more than 0")
    ));
    assert_eq!(
        seo_json_ld(&request(ContentKind::Playlist), &seo("Demo", "", "", "")),
        Err(SeoError::Playlist)
    );
    let mut v2 = req.clone();
    v2.version = PlayerVersion::V2;
    let block = seo_json_ld(&v2, &seo("Demo", "", "", "")).unwrap().unwrap();
    assert!(
        block.contains("\"embedUrl\": \"https://cdnapisec.kaltura.com/p/2506752/sp/250675200/embedIframeJs/uiconf_id/48460943/partner_id/2506752?iframeembed=true"),
        "{block}"
    );
}

proptest! {
    #[test]
    fn seo_text_stays_inside_its_json(name in ".{1,40}", description in ".{0,40}") {
        let req = request(ContentKind::Entry);
        let fields = SeoFields { name: name.clone(), description, ..SeoFields::default() };
        if let Ok(Some(block)) = seo_json_ld(&req, &fields) {
            prop_assert_eq!(block.matches("</script>").count(), 1);
            let json = block.trim_start_matches("<script type=\"application/ld+json\">\n").trim_end_matches("\n</script>");
            prop_assert!(serde_json::from_str::<serde_json::Value>(json).is_ok(), "{}", json);
        }
    }
}
