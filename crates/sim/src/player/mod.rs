//! Player routes for the live preview: the real Kaltura Player v7 bundle (from npm, fetched by
//! `cargo xtask setup`, never committed) at `/p/{pid}/embedPlaykitJs/uiconf_id/{ui}` in its
//! dynamic / auto / iframe / `embed_factory` forms ([`library`]), a sample video for
//! `playManifest`, a thumbnail, the v7 thumbnail-embed helper, and a small stand-in for the v2
//! (mwEmbed) loader, which is not published ([`stand_ins`]).

mod library;
mod stand_ins;

use std::path::PathBuf;

use crate::api::add_cors;
use crate::message::{Request, Response};
use crate::state::State;

/// Where `cargo xtask setup` unpacks `@playkit-js/kaltura-player-js` (see tools/vendor-player.sh).
pub(crate) fn bundle_path() -> PathBuf {
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

/// The first value of `key` in the query, decoded as the server decodes it.
fn query_value(query: &str, key: &str) -> Option<String> {
    crate::phpurl::parse_query(query)
        .into_iter()
        .find_map(|(k, v)| (k == key).then_some(v))
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
        return Some(js_response(stand_ins::THUMBNAIL_EMBED_JS.to_string()));
    }
    let s = segments(path);
    if s.first() != Some(&"p") || s.len() < 3 {
        return None;
    }
    let pid: i64 = s[1].parse().ok()?;
    match s.get(2).copied() {
        Some("embedPlaykitJs") => Some(library::v7_library(
            state,
            request,
            pid,
            s.get(4).and_then(|u| u.parse().ok()),
        )),
        Some("thumbnail") => Some(stand_ins::thumbnail()),
        Some("sp") => match s.get(4).copied() {
            Some("playManifest") => Some(stand_ins::video(request)),
            Some("embedIframeJs") => Some(stand_ins::v2_stand_in(
                request,
                pid,
                s.get(6).and_then(|u| u.parse().ok()),
            )),
            Some("thumbnail") => Some(stand_ins::thumbnail()),
            _ => None,
        },
        _ => None,
    }
}
