//! Player routes for the live preview: the real Kaltura Player v7 bundle (from npm, fetched by
//! `cargo xtask setup`, never committed) at `/p/{pid}/embedPlaykitJs/uiconf_id/{ui}` in its
//! dynamic / auto / iframe forms, a sample video for `playManifest`, a thumbnail, the v7
//! thumbnail-embed helper, and a small stand-in for the v2 (mwEmbed) loader, which is not published.

use std::path::PathBuf;

use crate::api::add_cors;
use crate::fixtures::UiConf;
use crate::message::{Request, Response};
use crate::state::State;

/// The committed sample clip served for every entry (`fixtures/make-sample.sh` makes it).
const SAMPLE_MP4: &[u8] = include_bytes!("../fixtures/sample.mp4");

/// Where `cargo xtask setup` unpacks `@playkit-js/kaltura-player-js` (see tools/vendor-player.sh).
fn bundle_path() -> PathBuf {
    std::env::var_os("SIM_PLAYER_BUNDLE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../tools/vendor/kaltura-player-js/package/dist/kaltura-ovp-player.js")
        })
}

/// Path segments after `/p/`.
fn segments(path: &str) -> Vec<&str> {
    path.trim_start_matches('/').split('/').collect()
}

fn query_value(query: &str, key: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (percent_decode(k) == key).then(|| percent_decode(v))
    })
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(if b[i] == b'+' { b' ' } else { b[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A JS string literal for any text.
fn js(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_ascii_alphanumeric() || " _-.:/,".contains(c) => out.push(c),
            c => out.push_str(&format!("\\u{:04x}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// A `config[...]` value is JSON typed by the embedder; only plain JSON characters may pass into
/// the generated script.
fn json_section(query: &str, name: &str) -> Option<String> {
    let value = query_value(query, &format!("config[{name}]"))?;
    value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "{}[]\":,.-_ ".contains(c))
        .then_some(value)
}

fn base_url(request: &Request) -> String {
    format!(
        "http://{}",
        request.header("Host").unwrap_or("127.0.0.1:8081")
    )
}

fn js_response(body: String) -> Response {
    let mut r = Response::new(200, "application/javascript; charset=utf-8", body);
    add_cors(&mut r);
    r
}

/// Routes this module serves; `None` for any other path.
pub fn route(state: &State, request: &Request) -> Option<Response> {
    let path = request.path.as_str();
    if path == "/content/static/player-scripts/thumbnail-embed.js" {
        return Some(js_response(THUMBNAIL_EMBED_JS.to_string()));
    }
    let s = segments(path);
    if s.first() != Some(&"p") || s.len() < 3 {
        return None;
    }
    let pid: i64 = s[1].parse().ok()?;
    match s.get(2).copied() {
        Some("embedPlaykitJs") => Some(v7_library(
            state,
            request,
            pid,
            s.get(4).and_then(|u| u.parse().ok()),
        )),
        Some("thumbnail") => Some(thumbnail()),
        Some("sp") => match s.get(4).copied() {
            Some("playManifest") => Some(video(request)),
            Some("embedIframeJs") => Some(v2_stand_in(
                request,
                pid,
                s.get(6).and_then(|u| u.parse().ok()),
            )),
            Some("thumbnail") => Some(thumbnail()),
            _ => None,
        },
        _ => None,
    }
}

fn find_uiconf(state: &State, pid: i64, ui: Option<i64>) -> Result<&UiConf, String> {
    let ui = ui.ok_or("The player URL has no uiconf_id.")?;
    state
        .fixtures
        .uiconfs
        .iter()
        .find(|u| u.id == ui && u.partner == pid)
        .ok_or_else(|| format!("uiConf {ui} not found for partner {pid} (INVALID_UI_CONF_ID)."))
}

/// The setup call a generated embed makes, for auto and iframe embeds.
fn setup_script(query: &str, pid: i64, ui: i64, target: &str) -> String {
    let mut provider = format!("partnerId: {pid}, uiConfId: {ui}");
    if let Some(ks) = query_value(query, "ks") {
        provider.push_str(&format!(", ks: {}", js(&ks)));
    }
    let mut config = format!("targetId: {}, provider: {{ {provider} }}", js(target));
    for section in ["playback", "sources"] {
        if let Some(json) = json_section(query, section) {
            config.push_str(&format!(", {section}: {json}"));
        }
    }
    let load = match (
        query_value(query, "entry_id"),
        query_value(query, "playlist_id"),
    ) {
        (Some(entry), _) => format!("player.loadMedia({{ entryId: {} }});", js(&entry)),
        (None, Some(playlist)) => {
            format!("player.loadPlaylist({{ playlistId: {} }});", js(&playlist))
        }
        (None, None) => "console.error(\"autoembed needs entry_id or playlist_id\");".to_string(),
    };
    format!("(function () {{ try {{ var player = KalturaPlayer.setup({{ {config} }}); {load} }} catch (e) {{ console.error(e.message); }} }})();\n")
}

fn v7_library(state: &State, request: &Request, pid: i64, ui: Option<i64>) -> Response {
    let uiconf = match find_uiconf(state, pid, ui) {
        Ok(u) => u,
        Err(why) => return js_response(format!("console.error({});\n", js(&why))),
    };
    if uiconf.player_version != 7 {
        return js_response(format!(
            "console.error({});\n",
            js(&format!(
                "Missing bundle configuration: uiConf {} is a v2 player, not a v7 one.",
                uiconf.id
            ))
        ));
    }
    let base = base_url(request);
    let query = request.query.as_str();
    if query_value(query, "iframeembed").as_deref() == Some("true") {
        let library = format!("/p/{pid}/embedPlaykitJs/uiconf_id/{}", uiconf.id);
        let page = format!(
            "<!doctype html><html><head><meta charset=\"utf-8\"><style>html,body{{margin:0;height:100%;background:#000}}</style></head>\
<body><div id=\"player_container\" style=\"width:100%;height:100%\"></div><script src=\"{library}\"></script><script>{}</script></body></html>",
            setup_script(query, pid, uiconf.id, "player_container")
        );
        let mut r = Response::new(200, "text/html; charset=utf-8", page);
        add_cors(&mut r);
        return r;
    }
    let bundle = match std::fs::read_to_string(bundle_path()) {
        Ok(b) => b,
        Err(_) => {
            return js_response(
                "console.error(\"Kaltura Player v7 library not installed in the simulator: run cargo xtask setup\");\n".into(),
            )
        }
    };
    // What the real server appends: the uiConf's config with an env block pointing at its own hosts.
    let mut body = bundle;
    body.push_str(&format!(
        "\n;window.__kalturaplayerdata = {{ provider: {{ env: {{ serviceUrl: {}, cdnUrl: {} }} }} }};\n",
        js(&format!("{base}/api_v3")),
        js(&base)
    ));
    if query_value(query, "autoembed").as_deref() == Some("true") {
        let target = query_value(query, "targetId").unwrap_or_else(|| "kaltura_player".into());
        body.push_str(&setup_script(query, pid, uiconf.id, &target));
    }
    js_response(body)
}

/// The sample clip, with byte ranges (video elements ask for them).
fn video(request: &Request) -> Response {
    let total = SAMPLE_MP4.len();
    let range = request
        .header("Range")
        .and_then(|r| r.strip_prefix("bytes="))
        .and_then(|r| r.split_once('-'))
        .and_then(|(a, b)| {
            let start: usize = a.parse().ok()?;
            let end: usize = if b.is_empty() {
                total - 1
            } else {
                b.parse().ok()?
            };
            (start <= end && end < total).then_some((start, end))
        });
    let mut r = match range {
        Some((start, end)) => {
            let mut r = Response::new(206, "video/mp4", SAMPLE_MP4[start..=end].to_vec());
            r.set_header("Content-Range", &format!("bytes {start}-{end}/{total}"));
            r
        }
        None => Response::new(200, "video/mp4", SAMPLE_MP4.to_vec()),
    };
    r.set_header("Accept-Ranges", "bytes");
    add_cors(&mut r);
    r
}

fn thumbnail() -> Response {
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"360\"><rect width=\"640\" height=\"360\" fill=\"#0b5cad\"/>\
<text x=\"320\" y=\"190\" font-family=\"sans-serif\" font-size=\"32\" fill=\"#fff\" text-anchor=\"middle\">Simulator thumbnail</text></svg>";
    let mut r = Response::new(200, "image/svg+xml", svg);
    add_cors(&mut r);
    r
}

/// The v2 loader stand-in: `kWidget.embed` / `thumbEmbed`, and auto / iframe embeds, draw what
/// they received next to the sample clip.
fn v2_stand_in(request: &Request, pid: i64, ui: Option<i64>) -> Response {
    let base = base_url(request);
    let video_url = format!("{base}/p/{pid}/sp/{pid}00/playManifest/entryId/sample/a.mp4");
    let query = request.query.as_str();
    let script = format!(
        "window.kWidget = window.kWidget || {{\n\
  embed: function (o) {{ draw(o.targetId, o); }},\n\
  thumbEmbed: function (o) {{ draw(o.targetId, o); }}\n\
}};\n\
function draw(targetId, o) {{\n\
  var el = document.getElementById(targetId);\n\
  if (!el) {{ el = document.createElement('div'); el.id = targetId; document.body.appendChild(el); }}\n\
  el.innerHTML = '';\n\
  var note = document.createElement('pre');\n\
  note.style.cssText = 'margin:0;padding:6px;font:12px monospace;background:#fffbe6;white-space:pre-wrap';\n\
  note.textContent = 'v2 stand-in (mwEmbed is not published): ' + JSON.stringify(o);\n\
  var v = document.createElement('video');\n\
  v.src = {video}; v.muted = true; v.autoplay = true; v.controls = true; v.playsInline = true;\n\
  v.style.cssText = 'width:100%;max-height:80%';\n\
  el.appendChild(note); el.appendChild(v);\n\
}}\n",
        video = js(&video_url)
    );
    let received = format!(
        "{{ partner: {pid}, uiconf_id: {}, entry_id: {}, query: {} }}",
        ui.unwrap_or(0),
        js(&query_value(query, "entry_id").unwrap_or_default()),
        js(query)
    );
    let player_id = query_value(query, "playerId").unwrap_or_else(|| "kaltura_player".into());
    if query_value(query, "iframeembed").as_deref() == Some("true") {
        let page = format!(
            "<!doctype html><html><body style=\"margin:0\"><div id=\"v2\"></div><script>{script}draw('v2', {received});</script></body></html>"
        );
        let mut r = Response::new(200, "text/html; charset=utf-8", page);
        add_cors(&mut r);
        return r;
    }
    let mut body = script;
    if query_value(query, "autoembed").as_deref() == Some("true") {
        body.push_str(&format!("draw({}, {received});\n", js(&player_id)));
    }
    js_response(body)
}

/// Stand-in for static.kaltura.com's thumbnail-embed.js: a poster that builds the player on click.
const THUMBNAIL_EMBED_JS: &str = r#"window.__thumbnailEmbed = function (options) {
  var config = options.config, media = options.mediaInfo || {};
  var el = document.getElementById(config.targetId);
  if (!el) { console.error('thumbnail embed: no element ' + config.targetId); return; }
  var button = document.createElement('button');
  button.type = 'button';
  button.textContent = '▶ Play';
  button.style.cssText = 'width:100%;height:100%;min-height:120px;font:20px sans-serif;color:#fff;background:#0b5cad;border:0;cursor:pointer';
  button.onclick = function () {
    el.innerHTML = '';
    var player = KalturaPlayer.setup(config);
    if (media.playlistId) player.loadPlaylist({ playlistId: media.playlistId });
    else player.loadMedia({ entryId: media.entryId });
  };
  el.appendChild(button);
};
"#;
