//! Player routes for the live preview: library forms, errors in plain words, video ranges, stand-ins.

use crate::support::Sim;

fn get(sim: &Sim, target: &str, headers: &[(&str, &str)]) -> crate::support::Reply {
    sim.send("GET", target, headers, b"")
}

fn header<'a>(reply: &'a crate::support::Reply, name: &str) -> Option<&'a str> {
    reply
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// (path, expected content-type prefix, a fragment the body must contain)
fn check(sim: &Sim, path: &str, content_type: &str, fragment: &str) {
    let reply = get(sim, path, &[]);
    assert_eq!(reply.status, 200, "{path}");
    assert!(
        header(&reply, "Content-Type")
            .unwrap_or("")
            .starts_with(content_type),
        "{path}: {:?}",
        header(&reply, "Content-Type")
    );
    assert_eq!(
        header(&reply, "Access-Control-Allow-Origin"),
        Some("*"),
        "{path}"
    );
    assert!(
        reply.body.contains(fragment),
        "{path}: body lacks {fragment:?}"
    );
}

#[test]
fn library_forms_and_plain_errors() {
    let sim = Sim::start();
    let js = "application/javascript";
    // Unknown uiConf, v2 uiConf in a v7 URL, and the library itself (or the install hint).
    check(
        &sim,
        "/p/2506752/embedPlaykitJs/uiconf_id/999",
        js,
        "not found for partner 2506752",
    );
    check(
        &sim,
        "/p/2506752/embedPlaykitJs/uiconf_id/48460944",
        js,
        "Missing bundle configuration",
    );
    let library = get(&sim, "/p/2506752/embedPlaykitJs/uiconf_id/48460943", &[]);
    assert!(
        library.body.contains("__kalturaplayerdata")
            || library.body.contains("run cargo xtask setup"),
        "library or install hint"
    );
    if library.body.contains("__kalturaplayerdata") {
        // The env block points the player at this simulator, not at kaltura.com.
        assert!(library
            .body
            .contains(&format!("http://{}/api_v3", sim.addr())));
        let auto = get(&sim, "/p/2506752/embedPlaykitJs/uiconf_id/48460943?autoembed=true&targetId=kp&entry_id=1_demo0001&config[playback]=%7B%22autoplay%22%3Atrue%7D&config[sources]=%3Cscript%3E", &[]);
        assert!(
            auto.body.contains("targetId: \"kp\"")
                && auto.body.contains("playback: {\"autoplay\":true}")
        );
        assert!(
            !auto.body.contains("<script>"),
            "a config value with markup is dropped"
        );
    }
    check(
        &sim,
        "/p/2506752/embedPlaykitJs/uiconf_id/48460943?iframeembed=true&entry_id=1_demo0001",
        "text/html",
        "player_container",
    );
    check(
        &sim,
        "/p/2506752/sp/250675200/embedIframeJs/uiconf_id/48460944/partner_id/2506752",
        js,
        "v2 stand-in",
    );
    check(
        &sim,
        "/content/static/player-scripts/thumbnail-embed.js",
        js,
        "__thumbnailEmbed",
    );
    check(
        &sim,
        "/p/2506752/sp/250675200/thumbnail/entry_id/1_demo0001/width/640",
        "image/svg+xml",
        "Simulator thumbnail",
    );
}

#[test]
fn sample_video_with_ranges() {
    let sim = Sim::start();
    let path =
        "/p/2506752/sp/250675200/playManifest/entryId/1_demo0001/format/url/protocol/http/a.mp4";
    let whole = get(&sim, path, &[]);
    assert_eq!(whole.status, 200);
    assert_eq!(header(&whole, "Accept-Ranges"), Some("bytes"));
    let part = get(&sim, path, &[("Range", "bytes=0-99")]);
    assert_eq!(part.status, 206);
    assert_eq!(header(&part, "Content-Length"), Some("100"));
    assert!(header(&part, "Content-Range").is_some_and(|r| r.starts_with("bytes 0-99/")));
}

#[test]
fn playback_context_has_a_source_only_when_playback_is_allowed() {
    let sim = Sim::start();
    let ks = sim.widget_ks();
    let open = sim.call(
        "baseEntry",
        "getPlaybackContext",
        &[("ks", &ks), ("entryId", "1_demo0001")],
    );
    assert!(open["sources"][0]["url"]
        .as_str()
        .unwrap()
        .contains("/playManifest/entryId/1_demo0001/"));
    let blocked = sim.call(
        "baseEntry",
        "getPlaybackContext",
        &[("ks", &ks), ("entryId", "1_demo0003")],
    );
    assert_eq!(blocked["sources"].as_array().map(Vec::len), Some(0));
    assert_eq!(blocked["messages"][0]["code"], "SESSION_RESTRICTED");
    let meta = sim.call("metadata_metadata", "list", &[("ks", &ks)]);
    assert_eq!(meta["totalCount"], 0);
}
