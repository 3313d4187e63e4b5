//! The same player v7 embed as React, Vue and plain ES-module code, a second player for a page that
//! already has the library, and optional schema.org `VideoObject` metadata.
//!
//! Framework code loads each uiConf's library once per page, gives each instance its own container
//! id, and calls `player.destroy()` on unmount. A plain library replaces `window.KalturaPlayer`
//! and carries its own uiConf's config, so a page that reuses whatever `KalturaPlayer` it finds
//! runs another uiConf's player: the loaders ask the server for the `embed_factory=true` form
//! instead (kaltura/server `embedPlaykitJsAction::formatBundleContent`), which registers itself as
//! `window.KalturaPlayers[uiConfId] = { lib, config }` and leaves the global alone.

use crate::embed::escape::{html, js_string};
use crate::embed::{
    v7_media_info, v7_setup_config, Content, EmbedRequest, EmbedType, Obj, PlayerVersion, Size,
};

/// Which code besides the HTML embed (`embed::generate`) the page offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// Only the container and setup call, for a page that already loads this player's library.
    SecondPlayer,
    React,
    Vue,
    EsModule,
}

impl Output {
    pub fn label(self) -> &'static str {
        match self {
            Output::SecondPlayer => "Second player",
            Output::React => "React",
            Output::Vue => "Vue",
            Output::EsModule => "ES module",
        }
    }
}

/// Why an output is not offered for this request.
pub const V7_ONLY: &str =
    "Framework and second-player code is written for player v7; switch Player version to v7.";

/// The setup config without `targetId` (framework code sets it per instance), as a JS literal.
fn config_without_target(req: &EmbedRequest, indent: usize) -> String {
    let mut config: Obj = v7_setup_config(req);
    config.0.retain(|(key, _)| *key != "targetId");
    config.to_js(indent)
}

fn load_call(content: &Content) -> &'static str {
    match content {
        Content::Entry(_) => "loadMedia",
        Content::Playlist(_) => "loadPlaylist",
    }
}

/// The shared "load this uiConf's library once" helper, as JS source. It resolves to an object
/// with `setup(config)` that merges the uiConf's own config under the given one, as the plain
/// bundle does with `window.__kalturaplayerdata`. Current bundles (3.17) also read
/// `KalturaPlayers[uiConfId].config` themselves when the config names `provider.uiConfId`; the
/// merge keeps older ones, whose resolver reads only `__kalturaplayerdata` (which the factory form
/// does not write), on their own uiConf. The simulator serves this form as the server does
/// (crates/sim/src/player/library.rs) and e2e `framework_loaders` runs it.
fn loader(req: &EmbedRequest) -> String {
    format!(
        r#"const LIBRARY = "{library}?embed_factory=true";
const UICONF_ID = {ui};
// One <script> per uiConf and page, however many players: callers share one promise per uiConf.
// embed_factory=true makes the bundle register itself as window.KalturaPlayers[uiConfId]
// = {{ lib, config }} instead of replacing window.KalturaPlayer, whose config would be another
// uiConf's when the page has players of two uiConfs (kaltura/server embedPlaykitJsAction).
function loadKalturaPlayer() {{
  const loading = (window.__kalturaPlayerLoads ??= {{}});
  loading[UICONF_ID] ??= new Promise((resolve, reject) => {{
    const ready = () => {{
      const entry = window.KalturaPlayers?.[UICONF_ID];
      if (!entry) return false;
      resolve({{ setup: (config) => entry.lib.setup(merge(entry.config, config)) }});
      return true;
    }};
    if (ready()) return;
    const script = document.createElement("script");
    script.src = LIBRARY;
    script.onload = () => ready() || fail("it did not register uiConf " + UICONF_ID);
    script.onerror = () => fail("it did not load");
    function fail(why) {{
      delete loading[UICONF_ID];
      reject(new Error("Kaltura Player from " + LIBRARY + ": " + why));
    }}
    document.head.appendChild(script);
  }});
  return loading[UICONF_ID];
}}
// The uiConf's config under this embed's: objects merge key by key, other values replace.
function merge(base, over) {{
  const out = {{ ...base }};
  for (const [key, value] of Object.entries(over)) {{
    const both = [base?.[key], value].every((v) => v && typeof v === "object" && !Array.isArray(v));
    out[key] = both ? merge(base[key], value) : value;
  }}
  return out;
}}
"#,
        library = js_string(&req.library_url()),
        ui = req.ui_conf.get(),
    )
}

/// Renders `output` for the request (player v7 only).
pub fn render(req: &EmbedRequest, output: Output) -> Result<String, &'static str> {
    if req.version != PlayerVersion::V7 {
        return Err(V7_ONLY);
    }
    Ok(match output {
        Output::SecondPlayer => second_player(req),
        Output::React => react(req),
        Output::Vue => vue(req),
        Output::EsModule => es_module(req),
    })
}

fn second_player(req: &EmbedRequest) -> String {
    // Its own container id: built from the same form, it would otherwise repeat the main embed's,
    // and a page cannot hold two elements (or two v7 players) with one id.
    let mut second = req.clone();
    second.target_id = crate::embed::ids::ElementId::parse(&format!("{}_2", req.target_id())).ok();
    let req = &second;
    // An IFrame embed loads the library inside its frame only: the page itself has no
    // `KalturaPlayer` until this tag loads it.
    let (intro, library_tag) = match req.kind {
        EmbedType::Iframe => (
            "next to the IFrame embed: the iframe's library stays inside its frame, so this page loads it once",
            crate::embed::script_src(&req.library_url()),
        ),
        _ => (
            "on a page that already loads this library (same uiConf: no second library tag)",
            String::new(),
        ),
    };
    format!(
        r#"<!-- A second player {intro}:
     {lib}
     A player with a different uiConf on the same page needs its own library, which would replace
     window.KalturaPlayer: load that one with ?embed_factory=true and set it up through
     window.KalturaPlayers[uiConfId] (kaltura/server embedPlaykitJsAction). -->
{div}{library_tag}<script>
  try {{
    const player = KalturaPlayer.setup({config});
    player.{load}({media});
  }} catch (e) {{
    console.error(e.message);
  }}
</script>"#,
        lib = html(&req.library_url()),
        div = crate::embed::container_div(req),
        config = v7_setup_config(req).to_js(4),
        load = load_call(&req.content),
        media = v7_media_info(&req.content).to_js(4),
    )
}

fn react_style(size: Size) -> String {
    match size {
        Size::Responsive(r) => {
            let (w, h) = r.parts();
            format!("{{ width: \"100%\", aspectRatio: \"{w}/{h}\" }}")
        }
        Size::Fixed { width, height } => format!("{{ width: {width}, height: {height} }}"),
    }
}

fn react(req: &EmbedRequest) -> String {
    format!(
        r#"// KalturaPlayer.jsx: a client-only component (Next.js: add "use client", or import it with
// dynamic(() => import("./KalturaPlayer"), {{ ssr: false }})).
import {{ useEffect, useId }} from "react";

{loader}
export default function KalturaPlayer() {{
  // Unique per instance, so several players can share a page.
  const targetId = "kaltura_player_" + useId().replace(/[^a-zA-Z0-9_-]/g, "");
  useEffect(() => {{
    let player;
    let unmounted = false;
    loadKalturaPlayer()
      .then((KalturaPlayer) => {{
        if (unmounted) return;
        player = KalturaPlayer.setup({{ ...CONFIG, targetId }});
        player.{load}({media});
      }})
      .catch((e) => console.error(e.message));
    return () => {{
      unmounted = true;
      player?.destroy();
    }};
  }}, [targetId]);
  return <div id={{targetId}} style={{{style}}} />;
}}

const CONFIG = {config};
"#,
        loader = loader(req),
        load = load_call(&req.content),
        media = v7_media_info(&req.content).to_js(8),
        style = react_style(req.size),
        config = config_without_target(req, 0),
    )
}

fn vue(req: &EmbedRequest) -> String {
    format!(
        r#"<!-- KalturaPlayer.vue: client-only in SSR apps (Nuxt: <ClientOnly><KalturaPlayer /></ClientOnly>). -->
<script>
{loader}let instances = 0;
</script>

<script setup>
import {{ onBeforeUnmount, onMounted }} from "vue";

const CONFIG = {config};
// Unique per instance, so several players can share a page.
const targetId = "kaltura_player_vue_" + ++instances;
let player;
let unmounted = false;

onMounted(async () => {{
  try {{
    const KalturaPlayer = await loadKalturaPlayer();
    if (unmounted) return;
    player = KalturaPlayer.setup({{ ...CONFIG, targetId }});
    player.{load}({media});
  }} catch (e) {{
    console.error(e.message);
  }}
}});

onBeforeUnmount(() => {{
  unmounted = true;
  player?.destroy();
}});
</script>

<template>
  <div :id="targetId" style="{style}"></div>
</template>
"#,
        loader = loader(req),
        config = config_without_target(req, 0),
        load = load_call(&req.content),
        media = v7_media_info(&req.content).to_js(4),
        style = req.container_style(),
    )
}

fn es_module(req: &EmbedRequest) -> String {
    format!(
        r##"// kaltura-player.js: an ES module for plain pages or any framework (run it in the browser only).
// Usage: const {{ destroy }} = await embedKaltura(document.querySelector("#my-player"));
{loader}
let instances = 0;

export async function embedKaltura(container) {{
  // Unique per instance, so several players can share a page.
  if (!container.id) container.id = "kaltura_player_module_" + ++instances;
  container.style.cssText ||= "{style}";
  const KalturaPlayer = await loadKalturaPlayer();
  const player = KalturaPlayer.setup({{ ...CONFIG, targetId: container.id }});
  player.{load}({media});
  return {{ player, destroy: () => player.destroy() }};
}}

const CONFIG = {config};
"##,
        loader = loader(req),
        style = req.container_style(),
        load = load_call(&req.content),
        media = v7_media_info(&req.content).to_js(2),
        config = config_without_target(req, 0),
    )
}

/// Typed SEO fields; empty ones are left out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SeoFields {
    pub name: String,
    pub description: String,
    pub thumbnail_url: String,
    /// `YYYY-MM-DD`.
    pub upload_date: String,
    /// Seconds or `m:ss`.
    pub duration: String,
}

impl SeoFields {
    /// The fields Google also requires before it shows a video rich result (name aside, which the
    /// block cannot do without), by their labels, when they are empty.
    pub fn missing_for_rich_results(&self) -> Vec<&'static str> {
        [
            ("Thumbnail URL", &self.thumbnail_url),
            ("Upload date", &self.upload_date),
        ]
        .into_iter()
        .filter(|(_, value)| value.trim().is_empty())
        .map(|(label, _)| label)
        .collect()
    }
}

/// Why SEO metadata cannot be produced as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeoError {
    NeedsName,
    BadDate,
    BadDuration(String),
    BadThumbnail,
    /// A `VideoObject` describes one video; a playlist is several.
    Playlist,
}

impl SeoError {
    pub fn message(&self) -> String {
        match self {
            SeoError::NeedsName => "Give the video a name: search engines require it.".into(),
            SeoError::BadDate => "Write the upload date as YYYY-MM-DD, e.g. 2026-11-24.".into(),
            SeoError::BadDuration(why) => why.clone(),
            SeoError::BadThumbnail => "The thumbnail URL must start with https://.".into(),
            SeoError::Playlist => "SEO metadata describes one video (a schema.org VideoObject): \
                                   choose Entry and the video this page is about."
                .into(),
        }
    }
}

fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return false;
    }
    let year: u32 = s[0..4].parse().unwrap_or(0);
    let month: u32 = s[5..7].parse().unwrap_or(0);
    let day: u32 = s[8..10].parse().unwrap_or(0);
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    (1..=days).contains(&day)
}

/// ISO 8601 duration, e.g. `PT1M30S`.
fn iso_duration(secs: u32) -> String {
    let (h, m, s) = (secs / 3600, (secs % 3600) / 60, secs % 60);
    let mut out = String::from("PT");
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if m > 0 {
        out.push_str(&format!("{m}M"));
    }
    if s > 0 || (h == 0 && m == 0) {
        out.push_str(&format!("{s}S"));
    }
    out
}

/// A schema.org `VideoObject` as JSON-LD (Google's preferred form; a data block, not executable,
/// so it needs no script permission on the embedding page). `None` when every field is empty.
pub fn seo_json_ld(req: &EmbedRequest, fields: &SeoFields) -> Result<Option<String>, SeoError> {
    let t = |s: &str| s.trim().to_string();
    let (name, description, thumbnail, date, duration) = (
        t(&fields.name),
        t(&fields.description),
        t(&fields.thumbnail_url),
        t(&fields.upload_date),
        t(&fields.duration),
    );
    if [&name, &description, &thumbnail, &date, &duration]
        .iter()
        .all(|s| s.is_empty())
    {
        return Ok(None);
    }
    if matches!(req.content, Content::Playlist(_)) {
        return Err(SeoError::Playlist);
    }
    if name.is_empty() {
        return Err(SeoError::NeedsName);
    }
    if !date.is_empty() && !valid_date(&date) {
        return Err(SeoError::BadDate);
    }
    if !thumbnail.is_empty() && !thumbnail.starts_with("https://") {
        return Err(SeoError::BadThumbnail);
    }
    let seconds = if duration.is_empty() {
        None
    } else {
        match crate::embed::form::parse_time(&duration).map_err(SeoError::BadDuration)? {
            0 => {
                return Err(SeoError::BadDuration(
                    "A video's duration is more than 0 seconds, e.g. 1:30.".into(),
                ))
            }
            secs => Some(secs),
        }
    };
    // The iframe form of this player is an embed URL search engines can open on their own
    // (without any KS: metadata is public).
    let embed_url = EmbedRequest {
        ks: None,
        ..req.clone()
    }
    .iframe_url();
    let mut pairs: Vec<(&str, String)> = vec![
        ("@context", "https://schema.org".into()),
        ("@type", "VideoObject".into()),
        ("name", name),
    ];
    if !description.is_empty() {
        pairs.push(("description", description));
    }
    if !thumbnail.is_empty() {
        pairs.push(("thumbnailUrl", thumbnail));
    }
    if !date.is_empty() {
        pairs.push(("uploadDate", date));
    }
    if let Some(secs) = seconds {
        pairs.push(("duration", iso_duration(secs)));
    }
    pairs.push(("embedUrl", embed_url));
    let body = pairs
        .iter()
        .map(|(k, v)| format!("  \"{k}\": \"{}\"", js_string(v)))
        .collect::<Vec<_>>()
        .join(",\n");
    Ok(Some(format!(
        "<script type=\"application/ld+json\">\n{{\n{body}\n}}\n</script>"
    )))
}
