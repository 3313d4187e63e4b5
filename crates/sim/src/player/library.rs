//! The v7 library route `/p/{pid}/embedPlaykitJs/uiconf_id/{ui}` in the forms kaltura/server's
//! `embedPlaykitJsAction` serves (`alpha/apps/kaltura/modules/extwidget/actions/
//! embedPlaykitJsAction.class.php`, read at commit c447fdb3, April 2026):
//!
//! - **dynamic** (no form parameter): the bundle, then the uiConf's config assigned to
//!   `window.__kalturaplayerdata` (`appendConfig`, L265–291; for player ≥ 1.9.0 the whole object
//!   replaces the global, L286). The config is the uiConf's own with `provider.env` (the server's
//!   hosts, `mergeEnvConfig` L293–321) and `uiConfData = { width, height, name }`
//!   (`addUiConfData`, L246–252) merged in (`getPlayerConfigAsJson`, L254–263).
//! - **autoembed=true** / **iframeembed=true**: that, plus a setup call (`getAutoEmbedCode`), or an
//!   HTML page around both (`getIfarmEmbedCode`).
//! - **embed_factory=true** (`formatBundleContent`, L204–244; the parameter L17): only when neither
//!   autoembed nor iframeembed is asked for ("only relevant in dynamic embed", L222). The server
//!   takes the bundle *without* the `__kalturaplayerdata` assignment, replaces every whole word
//!   `KalturaPlayer` in it (a `\b…\b` regex, L228) with `KalturaPlayer_{uiConfId}`, so the UMD
//!   wrapper assigns `window.KalturaPlayer_{uiConfId}` and never touches `window.KalturaPlayer`,
//!   then appends `window.KalturaPlayers = window.KalturaPlayers || {}` and sets
//!   `window.KalturaPlayers[uiConfId]` to a fresh object whose `config` is the same JSON as above
//!   and whose `lib` is `window.KalturaPlayer_{uiConfId}` (L229–233). Introduced in kaltura/server
//!   PR 12954 (4ded3f54), reshaped to the global rename in f27a64c2 (PLAT-25632, "multi player on
//!   the same page"). The published bundle's config resolver reads `KalturaPlayers[uiConfId].config`
//!   when the setup config names `provider.uiConfId`, and `__kalturaplayerdata` otherwise.
//!
//! The real server takes any non-empty value as "on"; the simulator (on a developer's machine,
//! reachable by any page) answers only the documented `true` and says so in a console error for any
//! other value. Every value that reaches the script is escaped for its context; no input panics.

use regex::Regex;
use serde_json::json;
use std::sync::OnceLock;

use super::{base_url, bundle_path, js, js_response, json_section, query_value};
use crate::api::add_cors;
use crate::fixtures::UiConf;
use crate::message::{Request, Response};
use crate::state::State;

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

/// Which library form a request asks for, as the server decides it (autoembed and iframeembed
/// before embed_factory).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Dynamic,
    Auto,
    Iframe,
    Factory,
}

fn form(query: &str) -> Result<Form, String> {
    let on = |key: &str| query_value(query, key).as_deref() == Some("true");
    if on("iframeembed") {
        return Ok(Form::Iframe);
    }
    if on("autoembed") {
        return Ok(Form::Auto);
    }
    match query_value(query, "embed_factory").as_deref() {
        None => Ok(Form::Dynamic),
        Some("true") => Ok(Form::Factory),
        Some(other) => Err(format!(
            "embed_factory must be true, its only documented value; the simulator refuses {other}"
        )),
    }
}

/// The uiConf's config as the server writes it into the bundle (see the module doc), as a JSON
/// literal that is also safe inside an HTML `<script>` (`<` and the JS line separators escaped).
fn uiconf_config(uiconf: &UiConf, base: &str) -> String {
    let config = json!({
        "provider": { "env": { "serviceUrl": format!("{base}/api_v3"), "cdnUrl": base } },
        "uiConfData": { "width": uiconf.width, "height": uiconf.height, "name": uiconf.name },
    });
    config
        .to_string()
        .replace('<', "\\u003c")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// The bundle with every whole word `KalturaPlayer` renamed `KalturaPlayer_{ui}`, as PHP's
/// `preg_replace('/\bKalturaPlayer\b/', …)` does (ASCII word boundaries, no `u` flag).
fn renamed_bundle(bundle: &str, ui: i64) -> String {
    static WORD: OnceLock<Regex> = OnceLock::new();
    let word = WORD.get_or_init(|| {
        Regex::new(r"(?-u:\b)KalturaPlayer(?-u:\b)").expect("a constant, valid pattern")
    });
    word.replace_all(bundle, format!("KalturaPlayer_{ui}").as_str())
        .into_owned()
}

fn console_error(why: &str) -> Response {
    js_response(format!("console.error({});\n", js(why)))
}

pub(super) fn v7_library(state: &State, request: &Request, pid: i64, ui: Option<i64>) -> Response {
    let uiconf = match find_uiconf(state, pid, ui) {
        Ok(u) => u,
        Err(why) => return console_error(&why),
    };
    if uiconf.player_version != 7 {
        return console_error(&format!(
            "Missing bundle configuration: uiConf {} is a v2 player, not a v7 one.",
            uiconf.id
        ));
    }
    let query = request.query.as_str();
    let form = match form(query) {
        Ok(form) => form,
        Err(why) => return console_error(&why),
    };
    if form == Form::Iframe {
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
    let Ok(bundle) = std::fs::read_to_string(bundle_path()) else {
        return console_error(
            "Kaltura Player v7 library not installed in the simulator: run cargo xtask setup",
        );
    };
    let config = uiconf_config(uiconf, &base_url(request));
    let ui = uiconf.id;
    let body = match form {
        Form::Factory => format!(
            "{bundle}\n;window.KalturaPlayers = (window.KalturaPlayers || {{}});\n\
window.KalturaPlayers[{ui}] = {{}};\n\
window.KalturaPlayers[{ui}]['config'] = {config};\n\
window.KalturaPlayers[{ui}]['lib'] = window.KalturaPlayer_{ui};\n",
            bundle = renamed_bundle(&bundle, ui)
        ),
        _ => {
            let mut body = format!(
                "{bundle}\n;window.__kalturaplayerdata = (window.__kalturaplayerdata || {{}});\nwindow.__kalturaplayerdata = {config};\n"
            );
            if form == Form::Auto {
                let target =
                    query_value(query, "targetId").unwrap_or_else(|| "kaltura_player".into());
                body.push_str(&setup_script(query, pid, ui, &target));
            }
            body
        }
    };
    js_response(body)
}
