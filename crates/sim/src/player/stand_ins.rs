//! What the player routes serve besides the v7 library: the sample clip (with byte ranges), a
//! thumbnail, the v7 thumbnail-embed helper, and a stand-in for the unpublished v2 loader.

use super::{base_url, js, js_response, query_value};
use crate::api::add_cors;
use crate::message::{Request, Response};

/// The committed sample clip served for every entry (`fixtures/make-sample.sh` makes it).
const SAMPLE_MP4: &[u8] = include_bytes!("../../fixtures/sample.mp4");

/// The sample clip, with byte ranges (video elements ask for them).
pub(super) fn video(request: &Request) -> Response {
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

pub(super) fn thumbnail() -> Response {
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"360\"><rect width=\"640\" height=\"360\" fill=\"#0b5cad\"/>\
<text x=\"320\" y=\"190\" font-family=\"sans-serif\" font-size=\"32\" fill=\"#fff\" text-anchor=\"middle\">Simulator thumbnail</text></svg>";
    let mut r = Response::new(200, "image/svg+xml", svg);
    add_cors(&mut r);
    r
}

/// The v2 loader stand-in: `kWidget.embed` / `thumbEmbed`, and auto / iframe embeds, draw what
/// they received next to the sample clip.
pub(super) fn v2_stand_in(request: &Request, pid: i64, ui: Option<i64>) -> Response {
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
pub(super) const THUMBNAIL_EMBED_JS: &str = r#"window.__thumbnailEmbed = function (options) {
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
