//! Paste-to-fill and v2 → v7 migration with KMC-style samples of every embed type.

use kaltura::embed::form::{evaluate, ContentKind, EmbedForm, RatioChoice, SizeMode, TimeMode};
use kaltura::embed::{EmbedType, PlayerVersion};
use kaltura::paste::{migrate, read, MigrationError};
use proptest::prelude::*;

/// (partner, uiConf, content id, version, kind) read from a sample.
type Read = (
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
    Option<PlayerVersion>,
    Option<EmbedType>,
);

fn check(sample: &str, expected: Read) {
    let f = read(sample);
    let actual = (
        f.partner.as_deref().map(str::to_string),
        f.ui_conf.as_deref().map(str::to_string),
        f.content.as_ref().map(|(_, id)| id.clone()),
        f.version,
        f.kind,
    );
    let expected = (
        expected.0.map(str::to_string),
        expected.1.map(str::to_string),
        expected.2.map(str::to_string),
        expected.3,
        expected.4,
    );
    assert_eq!(actual, expected, "sample:\n{sample}");
}

const V7_DYNAMIC: &str = r#"<div id="kaltura_player_1700000000" style="width: 560px;height: 395px"></div>
<script type="text/javascript" src="https://cdnapisec.kaltura.com/p/2506752/embedPlaykitJs/uiconf_id/48460943"></script>
<script type="text/javascript">
try {
  var kalturaPlayer = KalturaPlayer.setup({
    targetId: "kaltura_player_1700000000",
    provider: { partnerId: 2506752, uiConfId: 48460943 },
    playback: { autoplay: true, muted: true }
  });
  kalturaPlayer.loadMedia({entryId: '1_abcd1234'});
} catch (e) { console.error(e.message) }
</script>"#;

const V7_AUTO: &str = r#"<div id="kaltura_player" style="width: 560px;height: 395px"></div><script type="text/javascript" src="https://cdnapisec.kaltura.com/p/2506752/embedPlaykitJs/uiconf_id/48460943?autoembed=true&amp;targetId=kaltura_player&amp;entry_id=1_abcd1234&amp;config[playback]=%7B%22autoplay%22%3Atrue%7D"></script>"#;

const V7_IFRAME: &str = r#"<iframe id="kaltura_player" src="https://cdnapisec.kaltura.com/p/2506752/embedPlaykitJs/uiconf_id/48460943?iframeembed=true&amp;playlist_id=0_plst5678" style="width: 560px;height: 395px" allowfullscreen webkitallowfullscreen mozAllowFullScreen allow="autoplay *; fullscreen *; encrypted-media *" frameborder="0"></iframe>"#;

const V7_THUMB: &str = r#"<div id="kaltura_player_1" style="width: 560px;height: 395px"></div>
<script type="text/javascript" src="https://cdnapisec.kaltura.com/p/2506752/embedPlaykitJs/uiconf_id/48460943"></script>
<script src="https://static.kaltura.com/content/static/player-scripts/thumbnail-embed.js"></script>
<script>__thumbnailEmbed({ config: { provider: { partnerId: 2506752, uiConfId: 48460943 }, targetId: "kaltura_player_1" }, mediaInfo: {entryId: '1_abcd1234'} });</script>"#;

const V2_DYNAMIC: &str = r#"<script src="https://cdnapisec.kaltura.com/p/2506752/sp/250675200/embedIframeJs/uiconf_id/23448189/partner_id/2506752"></script>
<div id="kaltura_player_1700000000" style="width: 400px; height: 333px;"></div>
<script>
kWidget.embed({
  "targetId": "kaltura_player_1700000000",
  "wid": "_2506752",
  "uiconf_id": 23448189,
  "flashvars": {"autoPlay": true, "mediaProxy.mediaPlayFrom": 30, "sideBarContainer.plugin": true},
  "cache_st": 1700000000,
  "entry_id": "1_abcd1234"
});
</script>"#;

const V2_IFRAME: &str = r#"<iframe id="kaltura_player" src="https://cdnapisec.kaltura.com/p/2506752/sp/250675200/embedIframeJs/uiconf_id/23448189/partner_id/2506752?iframeembed=true&playerId=kaltura_player&entry_id=1_abcd1234&flashvars[streamerType]=auto&flashvars[loop]=true&flashvars[ks]=djJ8MjUwNjc1MnxsYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=" width="560" height="395" allowfullscreen frameborder="0"></iframe>"#;

const V2_AUTO: &str = r#"<script src="https://cdnapisec.kaltura.com/p/2506752/sp/250675200/embedIframeJs/uiconf_id/23448189/partner_id/2506752?autoembed=true&entry_id=1_abcd1234&playerId=kaltura_player_1700000000&cache_st=1700000000&width=400&height=333&flashvars[autoPlay]=true"></script>"#;

const V2_THUMB: &str = r#"<script src="https://cdnapisec.kaltura.com/p/2506752/sp/250675200/embedIframeJs/uiconf_id/23448189/partner_id/2506752"></script>
<div id="kaltura_player" style="width: 400px; height: 333px;"></div>
<script>kWidget.thumbEmbed({"targetId": "kaltura_player", "wid": "_2506752", "uiconf_id": 23448189, "flashvars": {}, "entry_id": "1_abcd1234"});</script>"#;

#[test]
fn every_kmc_embed_type() {
    use EmbedType::*;
    use PlayerVersion::*;
    let pid = Some("2506752");
    check(
        V7_DYNAMIC,
        (
            pid,
            Some("48460943"),
            Some("1_abcd1234"),
            Some(V7),
            Some(Dynamic),
        ),
    );
    check(
        V7_AUTO,
        (
            pid,
            Some("48460943"),
            Some("1_abcd1234"),
            Some(V7),
            Some(Auto),
        ),
    );
    check(
        V7_IFRAME,
        (
            pid,
            Some("48460943"),
            Some("0_plst5678"),
            Some(V7),
            Some(Iframe),
        ),
    );
    check(
        V7_THUMB,
        (
            pid,
            Some("48460943"),
            Some("1_abcd1234"),
            Some(V7),
            Some(Thumbnail),
        ),
    );
    check(
        V2_DYNAMIC,
        (
            pid,
            Some("23448189"),
            Some("1_abcd1234"),
            Some(V2),
            Some(Dynamic),
        ),
    );
    check(
        V2_IFRAME,
        (
            pid,
            Some("23448189"),
            Some("1_abcd1234"),
            Some(V2),
            Some(Iframe),
        ),
    );
    check(
        V2_AUTO,
        (
            pid,
            Some("23448189"),
            Some("1_abcd1234"),
            Some(V2),
            Some(Auto),
        ),
    );
    check(
        V2_THUMB,
        (
            pid,
            Some("23448189"),
            Some("1_abcd1234"),
            Some(V2),
            Some(Thumbnail),
        ),
    );
}

#[test]
fn urls_and_portal_links() {
    check(
        "https://cdnapisec.kaltura.com/p/2506752/embedPlaykitJs/uiconf_id/48460943",
        (
            Some("2506752"),
            Some("48460943"),
            None,
            Some(PlayerVersion::V7),
            None,
        ),
    );
    // KMC's standalone preview link names its embed type, not the player version.
    for (kind, expected) in [
        ("dynamic", EmbedType::Dynamic),
        ("iframe", EmbedType::Iframe),
        ("auto", EmbedType::Auto),
        ("thumb", EmbedType::Thumbnail),
    ] {
        check(
            &format!("https://www.kaltura.com/index.php/extwidget/preview/partner_id/2506752/uiconf_id/48460943/entry_id/1_abcd1234/embed/{kind}"),
            (Some("2506752"), Some("48460943"), Some("1_abcd1234"), None, Some(expected)),
        );
    }
    check(
        "https://2506752.mediaspace.kaltura.com/media/Product+Tour/1_abcd1234",
        (Some("2506752"), None, Some("1_abcd1234"), None, None),
    );
    check(
        "https://2506752-1.events.kaltura.com/id/1_abcd1234?width=640",
        (Some("2506752"), None, Some("1_abcd1234"), None, None),
    );
    check("nothing useful here", (None, None, None, None, None));
}

#[test]
fn options_are_read_and_the_ks_is_not() {
    let f = read(V7_DYNAMIC);
    assert!(f.autoplay && f.muted && !f.loop_playback);
    assert_eq!(f.size, Some(("560".into(), "395".into())));
    let mut form = EmbedForm::default();
    f.apply(&mut form);
    let code = evaluate(&form, None)
        .snippet
        .expect("a pasted v7 embed gives a snippet")
        .code;
    assert!(code.contains("/p/2506752/embedPlaykitJs/uiconf_id/48460943"));
    let v2 = read(V2_IFRAME);
    assert!(v2.loop_playback);
    assert!(
        v2.not_read.iter().any(|n| n.contains("KS")),
        "{:?}",
        v2.not_read
    );
}

/// The form after filling `start_from` with `sample`.
fn filled_from(sample: &str, start_from: &EmbedForm) -> EmbedForm {
    let mut form = start_from.clone();
    read(sample).apply(&mut form);
    form
}

#[test]
fn a_pasted_embed_sets_every_option_and_keeps_its_host_size_and_element_id() {
    let responsive_v7 = V7_AUTO.replace("width: 560px;height: 395px", "width: 100%;height: 100%");
    let regional = V7_AUTO.replace(
        "https://cdnapisec.kaltura.com",
        "https://api.eu.kaltura.com",
    );
    let capped = V7_DYNAMIC.replace("width: 560px;", "width: 560px; max-width: 100%;");
    let earlier = EmbedForm {
        partner: "111".into(),
        version: PlayerVersion::V2,
        size_mode: SizeMode::Fixed,
        width: "300".into(),
        height: "200".into(),
        loop_playback: true,
        cdn_host: "https://cdn.example.edu".into(),
        custom_host: true,
        start: "10".into(),
        target_id: "old_player".into(),
        include_ks: true,
        ..EmbedForm::default()
    };
    // (sample, size mode, width, host, custom host, element id)
    let table: [(&str, SizeMode, &str, &str, bool, &str); 5] = [
        (
            &responsive_v7,
            SizeMode::Responsive,
            "",
            "",
            false,
            "kaltura_player",
        ),
        (
            V7_DYNAMIC,
            SizeMode::Fixed,
            "560",
            "",
            false,
            "kaltura_player_1700000000",
        ),
        (
            &capped,
            SizeMode::Fixed,
            "560",
            "",
            false,
            "kaltura_player_1700000000",
        ),
        (
            &regional,
            SizeMode::Fixed,
            "560",
            "https://api.eu.kaltura.com",
            true,
            "kaltura_player",
        ),
        (
            V2_AUTO,
            SizeMode::Fixed,
            "400",
            "",
            false,
            "kaltura_player_1700000000",
        ),
    ];
    for (sample, size_mode, width, host, custom_host, target) in table {
        let form = filled_from(sample, &earlier);
        let actual = (
            form.size_mode,
            form.width.as_str(),
            form.cdn_host.as_str(),
            form.custom_host,
            form.target_id.as_str(),
        );
        assert_eq!(
            actual,
            (size_mode, width, host, custom_host, target),
            "sample:\n{sample}"
        );
        // Nothing of the earlier form's options survives an embed that does not set them.
        assert!(!form.loop_playback && form.start.is_empty(), "{form:?}");
        assert_eq!(form.partner, "2506752");
        assert!(
            form.include_ks,
            "the KS opt-in is the user's, not the paste's"
        );
    }
    let code = evaluate(&filled_from(&regional, &earlier), None)
        .snippet
        .unwrap()
        .code;
    assert!(
        code.contains("https://api.eu.kaltura.com/p/2506752/embedPlaykitJs/uiconf_id/48460943"),
        "{code}"
    );
    // A page link names no options: the form keeps its own, and the IDs come from the link.
    let linked = filled_from(
        "https://2506752.mediaspace.kaltura.com/media/Tour/1_abcd1234",
        &earlier,
    );
    assert_eq!(
        (
            linked.partner.as_str(),
            linked.content_id.as_str(),
            linked.loop_playback,
            linked.width.as_str()
        ),
        ("2506752", "1_abcd1234", true, "300")
    );
}

#[test]
fn v2_migrates_to_v7_with_a_report() {
    let m = migrate(V2_DYNAMIC, &EmbedForm::default()).unwrap();
    assert_eq!(m.form.version, PlayerVersion::V7);
    assert_eq!(m.form.partner, "2506752");
    assert_eq!(
        (m.form.content_kind, m.form.content_id.as_str()),
        (ContentKind::Entry, "1_abcd1234")
    );
    assert!(m.form.autoplay);
    assert_eq!(m.form.start, "30");
    assert_eq!(m.form.ui_conf, "", "a v2 uiConf does not work in a v7 URL");
    assert!(
        m.not_carried
            .iter()
            .any(|n| n.contains("sideBarContainer.plugin")),
        "{:?}",
        m.not_carried
    );
    assert!(m
        .not_carried
        .iter()
        .any(|n| n.contains("Missing bundle configuration")));
    assert!(m.not_carried.iter().any(|n| n.contains("cache_st")));
    assert_eq!(
        migrate(V7_DYNAMIC, &EmbedForm::default()),
        Err(MigrationError::NotV2)
    );
    let playlist = migrate(
        V2_IFRAME
            .replace(
                "entry_id=1_abcd1234",
                "flashvars[playlistAPI.kpl0Id]=0_plst5678",
            )
            .as_str(),
        &EmbedForm::default(),
    )
    .unwrap();
    assert_eq!(
        (
            playlist.form.content_kind,
            playlist.form.content_id.as_str()
        ),
        (ContentKind::Playlist, "0_plst5678")
    );
}

/// KMC's v2 auto embed with "Include Search Engine Optimization Data": the SEO markup, with a
/// thumbnail on another host, comes before the player script.
const V2_AUTO_SEO: &str = r#"<div id="kaltura_player_1700000000" style="width: 400px;height: 285px;" itemprop="video" itemscope itemtype="http://schema.org/VideoObject"><span itemprop="name" content="Demo"></span><span itemprop="thumbnailUrl" content="https://cfvod.kaltura.com/p/2506752/sp/250675200/thumbnail/entry_id/1_abcd1234/version/100002"></span><span itemprop="width" content="400"></span></div><script src="https://cdnapisec.kaltura.com/p/2506752/sp/250675200/embedIframeJs/uiconf_id/23448189/partner_id/2506752?autoembed=true&entry_id=1_abcd1234&playerId=kaltura_player_1700000000&width=400&height=285"></script>"#;

#[test]
fn the_pages_own_code_reads_back_to_the_same_form() {
    let base = EmbedForm {
        partner: "2506752".into(),
        ui_conf: "48460943".into(),
        content_id: "1_abcd1234".into(),
        ..EmbedForm::default()
    };
    let mut forms = Vec::new();
    for version in [PlayerVersion::V7, PlayerVersion::V2] {
        for kind in [
            EmbedType::Dynamic,
            EmbedType::Auto,
            EmbedType::Iframe,
            EmbedType::Thumbnail,
        ] {
            for playlist in [false, true] {
                for (ratio, custom) in [
                    (RatioChoice::R16x9, ""),
                    (RatioChoice::R4x3, ""),
                    (RatioChoice::R9x16, ""),
                    (RatioChoice::Custom, "21:9"),
                ] {
                    // Not offered: the form says to use Dynamic (see embed_form.rs).
                    if playlist && kind == EmbedType::Thumbnail {
                        continue;
                    }
                    for (options, time_mode, start, clip_to) in [
                        (false, TimeMode::StartAt, "", ""),
                        (true, TimeMode::StartAt, "30", ""),
                        (true, TimeMode::Clip, "30", "105"),
                        (true, TimeMode::Clip, "", "105"),
                    ] {
                        forms.push(EmbedForm {
                            time_mode,
                            start: start.into(),
                            clip_to: clip_to.into(),
                            version,
                            kind,
                            content_kind: if playlist {
                                ContentKind::Playlist
                            } else {
                                ContentKind::Entry
                            },
                            content_id: if playlist { "0_plst5678" } else { "1_abcd1234" }.into(),
                            ratio,
                            custom_ratio: custom.into(),
                            autoplay: options,
                            muted: options,
                            loop_playback: options,
                            muted_autoplay_fallback: !options,
                            ignore_stored_prefs: options && version == PlayerVersion::V7,
                            ..base.clone()
                        });
                    }
                }
            }
        }
    }
    for form in forms {
        let code = evaluate(&form, None).snippet.expect("a snippet").code;
        let back = filled_from(&code, &EmbedForm::default());
        let fields = |f: &EmbedForm| {
            (
                (f.version, f.kind, f.content_kind, f.content_id.clone()),
                (f.ratio, f.custom_ratio.clone()),
                (f.autoplay, f.muted, f.loop_playback),
                (f.time_mode, f.start.clone(), f.clip_to.clone()),
                f.ignore_stored_prefs,
                // Without autoplay the code does not say it, and the form keeps its default.
                f.muted_autoplay_fallback || !f.autoplay,
                // The default element id is not a choice to carry over.
                f.target_id.clone(),
            )
        };
        assert_eq!(fields(&back), fields(&form), "{code}");
    }
}

#[test]
fn kmc_extras_do_not_mislead_the_form() {
    // The player host comes from the player URL, not from the SEO thumbnail before it.
    let seo = read(V2_AUTO_SEO);
    assert_eq!(seo.cdn_host, None, "SaaS player URL");
    assert_eq!(seo.ui_conf.as_deref(), Some("23448189"));
    // A responsive iframe keeps its ratio; KMC's padding box too.
    let tall = r#"<iframe src="https://cdnapisec.kaltura.com/p/2506752/embedPlaykitJs/uiconf_id/48460943?iframeembed=true&entry_id=1_abcd1234" style="width:100%;aspect-ratio:9/16"></iframe>"#;
    let form = filled_from(tall, &EmbedForm::default());
    assert_eq!(
        (form.size_mode, form.ratio),
        (SizeMode::Responsive, RatioChoice::R9x16)
    );
    let boxed = V7_AUTO.replace(
        r#"style="width: 560px;height: 395px""#,
        r#"style="width: 100%;display: inline-block;position: relative"><div style="padding-top: 75%;""#,
    );
    assert_eq!(
        filled_from(&boxed, &EmbedForm::default()).ratio,
        RatioChoice::R4x3
    );
    // However the ratio is written: decimals, an `auto` first, numbers too big for the form.
    let ratio_of = |style: &str| {
        let html = tall.replace("aspect-ratio:9/16", style);
        let form = filled_from(&html, &EmbedForm::default());
        (form.ratio, form.custom_ratio)
    };
    assert_eq!(
        ratio_of("aspect-ratio:1.7778"),
        (RatioChoice::R16x9, String::new())
    );
    assert_eq!(
        ratio_of("aspect-ratio: auto 4 / 3"),
        (RatioChoice::R4x3, String::new())
    );
    assert_eq!(
        ratio_of("aspect-ratio:21/9"),
        (RatioChoice::Custom, "21:9".into())
    );
    assert_eq!(
        ratio_of("aspect-ratio:4000000000/9"),
        (RatioChoice::R16x9, String::new()),
        "ignored"
    );
    assert_eq!(
        ratio_of("aspect-ratio:2.35"),
        (RatioChoice::R16x9, String::new()),
        "no whole numbers: ignored"
    );
    // The muted-autoplay fallback turned off, in either player.
    let v7_off = V7_DYNAMIC.replace("muted: true }", "muted: false, allowMutedAutoPlay: false }");
    assert!(!filled_from(&v7_off, &EmbedForm::default()).muted_autoplay_fallback);
    let v2_off = V2_AUTO.replace(
        "flashvars[autoPlay]=true",
        "flashvars[autoPlay]=true&flashvars[autoPlayFallbackToMute]=false",
    );
    assert!(!filled_from(&v2_off, &EmbedForm::default()).muted_autoplay_fallback);
    // What the form cannot say is reported, not dropped silently.
    let inview = read(&V7_DYNAMIC.replace("autoplay: true", "autoplay: \"inview\""));
    assert!(!inview.autoplay);
    assert!(
        inview.not_read.iter().any(|n| n.contains("inview")),
        "{:?}",
        inview.not_read
    );
    let widget = read(&V7_DYNAMIC.replace(
        "partnerId: 2506752,",
        "partnerId: 2506752, widgetId: '1_wdgt0001',",
    ));
    assert!(
        widget
            .not_read
            .iter()
            .any(|n| n.contains("widgetId 1_wdgt0001")),
        "{:?}",
        widget.not_read
    );
    assert!(
        read(V2_DYNAMIC)
            .not_read
            .iter()
            .all(|n| !n.contains("widgetId")),
        "the default _<partner> widget is no news"
    );
}

#[test]
fn migration_reports_what_it_kept_truthfully() {
    let m = migrate(V2_DYNAMIC, &EmbedForm::default()).unwrap();
    assert!(
        !m.carried.iter().any(|c| c == "Player ID"),
        "{:?}",
        m.carried
    );
    assert!(!m.has_ks);
    // V2_IFRAME carries flashvars[ks]: the page empties its paste box.
    assert!(migrate(V2_IFRAME, &EmbedForm::default()).unwrap().has_ks);
    assert!(read(V2_IFRAME).has_ks && !read(V7_AUTO).has_ks);
    // The end of a longer name is no KS.
    let callbacks = V7_DYNAMIC.replace(
        "playback:",
        "callbacks: someVeryLongFunctionNameHere, playback:",
    );
    assert!(!read(&callbacks).has_ks);
    let provider_ks = V7_DYNAMIC.replace(
        "uiConfId: 48460943",
        "uiConfId: 48460943, ks: \"djJ8MjUwNjc1MnxsYWJjZGVmZ2hpams=\"",
    );
    assert!(read(&provider_ks).has_ks);
    let playlist = V2_IFRAME.replace(
        "entry_id=1_abcd1234",
        "flashvars[playlistAPI.kpl0Id]=0_plst5678&flashvars[playlistAPI.autoPlay]=true&flashvars[playlistAPI.loop]=true",
    );
    let m = migrate(&playlist, &EmbedForm::default()).unwrap();
    assert!(m.form.autoplay && m.form.loop_playback);
    assert!(
        m.not_carried
            .iter()
            .all(|n| !n.contains("playlistAPI.autoPlay") && !n.contains("playlistAPI.loop")),
        "{:?}",
        m.not_carried
    );
}

proptest! {
    #[test]
    fn any_aspect_ratio_is_read_without_panic(w in "[0-9.]{0,12}", h in "[0-9. ]{0,12}") {
        let _ = read(&format!("<div style=\"width:100%;aspect-ratio:{w}/{h}\"></div>"));
    }

    #[test]
    fn any_paste_is_read_without_panic(s in ".{0,300}") {
        let f = read(&s);
        let mut form = EmbedForm::default();
        f.apply(&mut form);
        let _ = migrate(&s, &EmbedForm::default());
    }

    #[test]
    fn pasted_values_are_validated_before_use(prefix in ".{0,20}", junk in "[<>\"' ]{1,10}") {
        let f = read(&format!("{prefix}partner_id={junk}&uiconf_id={junk}&entry_id={junk}"));
        prop_assert!(f.partner.as_deref().is_none_or(|p| p.bytes().all(|b| b.is_ascii_digit())));
        prop_assert!(f.ui_conf.as_deref().is_none_or(|p| p.bytes().all(|b| b.is_ascii_digit())));
    }
}

#[test]
fn fill_from_this_empties_the_field_the_paste_was_typed_into() {
    use kaltura::paste::fill_from_field;
    // (partner, uiConf, entry as typed) → (partner, uiConf, entry) after "Fill from this"
    // on the text typed into one of them, and whether anything was read.
    type Ids = (&'static str, &'static str, &'static str);
    let check = |typed: Ids, pasted: &str, expected: Ids, read_something: bool| {
        let mut form = EmbedForm {
            partner: typed.0.into(),
            ui_conf: typed.1.into(),
            content_id: typed.2.into(),
            ..EmbedForm::default()
        };
        let set = fill_from_field(&mut form, pasted);
        assert_eq!(
            (
                form.partner.as_str(),
                form.ui_conf.as_str(),
                form.content_id.as_str()
            ),
            expected,
            "{pasted}"
        );
        assert_eq!(!set.is_empty(), read_something, "{pasted}: {set:?}");
    };
    let player = "https://cdnapisec.kaltura.com/p/2506752/embedPlaykitJs/uiconf_id/48460943";
    let portal = "https://2506752.mediaspace.kaltura.com/media/Product+Tour/1_abcd1234";
    check(
        (V7_DYNAMIC, "", ""),
        V7_DYNAMIC,
        ("2506752", "48460943", "1_abcd1234"),
        true,
    );
    // A player URL in the uiConf field: its own IDs, the entry typed before stays.
    check(
        ("", player, "1_keep0001"),
        player,
        ("2506752", "48460943", "1_keep0001"),
        true,
    );
    // A portal link names no player: the field it was typed into is emptied, not kept.
    check(
        ("", portal, ""),
        portal,
        ("2506752", "", "1_abcd1234"),
        true,
    );
    check(
        ("1", "2", portal),
        portal,
        ("2506752", "2", "1_abcd1234"),
        true,
    );
    // Nothing to read: the form stays as typed.
    check(
        ("<b>hi</b>", "", ""),
        "<b>hi</b>",
        ("<b>hi</b>", "", ""),
        false,
    );
}

/// What a paste did not give: what could not be read, then each ID it lacks, in that order.
#[test]
fn what_a_paste_did_not_give() {
    fn check(sample: &str, expected: &[&str]) {
        assert_eq!(read(sample).unread(), expected, "{sample}");
    }
    check(
        "https://cdnapisec.kaltura.com/p/2506752/embedPlaykitJs/uiconf_id/48460943",
        &["Entry or Playlist ID: not found in the paste"],
    );
    check(
        "hello",
        &[
            "Partner ID: not found in the paste",
            "Player ID: not found in the paste",
            "Entry or Playlist ID: not found in the paste",
        ],
    );
}
