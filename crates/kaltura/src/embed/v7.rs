//! Player v7 writers: the setup config sections, dynamic / thumbnail, auto and iframe embeds.

use super::*;

/// v7 `playback` section: only what is set. A playlist loops through `playlist.options.loop`
/// instead ([`v7_playlist`]): the player sets each item's own `playback.loop` to false
/// (kaltura-player-js `playlist-manager`).
pub(crate) fn v7_playback(p: &Playback, content: &Content) -> Obj {
    let mut obj = Obj::default();
    if p.autoplay {
        obj = obj.with("autoplay", Value::Bool(true));
    }
    if p.muted {
        obj = obj.with("muted", Value::Bool(true));
    }
    if p.autoplay {
        // v7 falls back to muted autoplay by default; say what the user chose either way.
        obj = obj.with("allowMutedAutoPlay", Value::Bool(p.muted_autoplay_fallback));
    }
    if p.loop_playback && matches!(content, Content::Entry(_)) {
        obj = obj.with("loop", Value::Bool(true));
    }
    obj
}

/// v7 `playlist` section: `options.loop` for a playlist that starts over after its last item.
pub(crate) fn v7_playlist(p: &Playback, content: &Content) -> Obj {
    if p.loop_playback && matches!(content, Content::Playlist(_)) {
        let options = Obj::default().with("loop", Value::Bool(true));
        Obj::default().with("options", Value::Obj(options))
    } else {
        Obj::default()
    }
}

/// v7 `sources` section (playkit-js `docs/configuration.md`, `sources`): "Start at" is
/// `startTime` (the timeline keeps the whole media); "Clip to a segment" is `seekFrom` + `clipTo`
/// (the player's timeline and duration become the segment).
pub(crate) fn v7_sources(p: &Playback) -> Obj {
    let mut obj = Obj::default();
    match p.trim {
        Trim::Whole => {}
        Trim::StartAt(start) => obj = obj.with("startTime", Value::Num(start.into())),
        Trim::Clip { from, to } => {
            if from > 0 {
                obj = obj.with("seekFrom", Value::Num(from.into()));
            }
            if let Some(to) = to {
                obj = obj.with("clipTo", Value::Num(to.into()));
            }
        }
    }
    obj
}

/// The full v7 setup config for dynamic / thumbnail embeds.
pub(crate) fn v7_setup_config(req: &EmbedRequest) -> Obj {
    let mut provider = Obj::default()
        .with("partnerId", Value::Num(req.partner.get().into()))
        .with("uiConfId", Value::Num(req.ui_conf.get().into()));
    if let Some(ks) = &req.ks {
        provider = provider.with("ks", Value::Str(ks.expose().to_string()));
    }
    let mut config = Obj::default()
        .with("targetId", Value::Str(req.target_id()))
        .with("provider", Value::Obj(provider));
    if req.playback.ignore_stored_prefs {
        config = config.with("disableUserCache", Value::Bool(true));
    }
    let playback = v7_playback(&req.playback, &req.content);
    if !playback.is_empty() {
        config = config.with("playback", Value::Obj(playback));
    }
    let sources = v7_sources(&req.playback);
    if !sources.is_empty() {
        config = config.with("sources", Value::Obj(sources));
    }
    let playlist = v7_playlist(&req.playback, &req.content);
    if !playlist.is_empty() {
        config = config.with("playlist", Value::Obj(playlist));
    }
    config
}

/// `{ entryId: "…" }` or `{ playlistId: "…" }`.
pub(crate) fn v7_media_info(content: &Content) -> Obj {
    match content {
        Content::Entry(e) => Obj::default().with("entryId", Value::Str(e.as_str().to_string())),
        Content::Playlist(p) => {
            Obj::default().with("playlistId", Value::Str(p.as_str().to_string()))
        }
    }
}

pub(super) fn v7_dynamic(req: &EmbedRequest, thumbnail: bool) -> String {
    let mut out = container_div(req);
    out.push_str(&script_src(&req.library_url()));
    let media = v7_media_info(&req.content).to_js(4);
    if thumbnail {
        out.push_str(&script_src(&req.thumbnail_script_url()));
        let call = Obj::default()
            .with("config", Value::Obj(v7_setup_config(req)))
            .with("mediaInfo", Value::Obj(v7_media_info(&req.content)));
        out.push_str("<script>\n  try {\n    __thumbnailEmbed(");
        out.push_str(&call.to_js(4));
        out.push_str(");\n");
    } else {
        let load = match req.content {
            Content::Entry(_) => "loadMedia",
            Content::Playlist(_) => "loadPlaylist",
        };
        out.push_str("<script>\n  try {\n    const player = KalturaPlayer.setup(");
        out.push_str(&v7_setup_config(req).to_js(4));
        out.push_str(");\n    player.");
        out.push_str(load);
        out.push('(');
        out.push_str(&media);
        out.push_str(");\n    // From other scripts: KalturaPlayer.getPlayer(\"");
        out.push_str(&escape::js_string(&req.target_id()));
        out.push_str("\") is this player.\n");
    }
    out.push_str("  } catch (e) {\n    console.error(e.message);\n  }\n</script>");
    out
}

/// `entry_id` / `playlist_id` and the `config[...]` sections of a v7 auto or iframe URL.
///
/// kaltura-player-js `docs/embed-types.md` documents `config[playback]`, `config[provider]` and
/// `config[plugins]`. The server's `getAutoEmbedCode` (kaltura/server `embedPlaykitJsAction`)
/// JSON-decodes every `config[key]` into the setup config, so the undocumented `config[sources]`,
/// `config[playlist]` and `config[disableUserCache]` are written only for what the documented
/// keys cannot say: a start or clip (`sources`), a looping playlist (`playlist.options`) and
/// ignoring saved viewer settings. Nothing else goes through them.
pub(crate) fn v7_url_params(req: &EmbedRequest, q: &mut Query) {
    match &req.content {
        Content::Entry(e) => q.add("entry_id", e.as_str()),
        Content::Playlist(p) => q.add("playlist_id", p.as_str()),
    };
    let playback = v7_playback(&req.playback, &req.content);
    if !playback.is_empty() {
        q.add("config[playback]", playback.to_json());
    }
    if req.playback.ignore_stored_prefs {
        q.add("config[disableUserCache]", "true");
    }
    let sources = v7_sources(&req.playback);
    if !sources.is_empty() {
        q.add("config[sources]", sources.to_json());
    }
    let playlist = v7_playlist(&req.playback, &req.content);
    if !playlist.is_empty() {
        q.add("config[playlist]", playlist.to_json());
    }
    if let Some(ks) = &req.ks {
        q.add("ks", ks.expose());
    }
}

pub(super) fn v7_auto(req: &EmbedRequest) -> String {
    let mut q = Query::new();
    q.add("autoembed", "true").add("targetId", req.target_id());
    v7_url_params(req, &mut q);
    let mut out = container_div(req);
    out.push_str(script_src(&q.url(&req.library_url())).trim_end());
    out
}

pub(super) fn v7_iframe(req: &EmbedRequest) -> String {
    iframe(req, &req.iframe_url())
}
