//! Legacy player v2 (mwEmbed) writers: flashvars, kWidget dynamic / thumbnail, auto and iframe embeds.

use super::*;

/// v2 flashvars (uiVars) for the options that are set.
pub(crate) fn v2_flashvars(req: &EmbedRequest) -> Obj {
    let p = &req.playback;
    let mut vars = Obj::default();
    if let Content::Playlist(id) = &req.content {
        vars = vars.with("playlistAPI.kpl0Id", Value::Str(id.as_str().to_string()));
    }
    // A playlist's own plugin decides: it sets the player's autoplay from `playlistAPI.autoPlay`
    // (default false) and loops the list by `playlistAPI.loop`, where a plain `loop` would
    // replay one clip (mwEmbed `playlistAPI.js`).
    let playlist = matches!(req.content, Content::Playlist(_));
    if p.autoplay {
        let key = if playlist {
            "playlistAPI.autoPlay"
        } else {
            "autoPlay"
        };
        vars = vars.with(key, Value::Bool(true));
        // Written either way: v2 falls back to muted autoplay unless told `false`
        // (mwEmbed `EmbedPlayerNative` shouldAutoPlayMuted).
        vars = vars.with(
            "autoPlayFallbackToMute",
            Value::Bool(p.muted_autoplay_fallback),
        );
    }
    if p.muted {
        vars = vars.with("autoMute", Value::Bool(true));
    }
    if p.loop_playback {
        let key = if playlist { "playlistAPI.loop" } else { "loop" };
        vars = vars.with(key, Value::Bool(true));
        if playlist {
            // `loop` acts only in `playNext`, which the end of an item calls only with
            // `autoContinue` on (default false): mwEmbed `playlistAPI.js`.
            vars = vars.with("playlistAPI.autoContinue", Value::Bool(true));
        }
    }
    // v2 starts and stops inside the whole timeline (mwEmbed `docs/api_uivars.php`): the closest it
    // has to a clip, which `preview::V2_CLIP_NOTE` says.
    let (from, to) = match p.trim {
        Trim::Whole => (None, None),
        Trim::StartAt(start) => (Some(start), None),
        Trim::Clip { from, to } => ((from > 0).then_some(from), to),
    };
    if let Some(start) = from {
        vars = vars.with("mediaProxy.mediaPlayFrom", Value::Num(start.into()));
    }
    if let Some(end) = to {
        vars = vars.with("mediaProxy.mediaPlayTo", Value::Num(end.into()));
    }
    if let Some(ks) = &req.ks {
        vars = vars.with("ks", Value::Str(ks.expose().to_string()));
    }
    vars
}

pub(super) fn v2_dynamic(req: &EmbedRequest, function: &str) -> String {
    let mut config = Obj::default()
        .with("targetId", Value::Str(req.target_id()))
        .with("wid", Value::Str(format!("_{}", req.partner)))
        .with("uiconf_id", Value::Num(req.ui_conf.get().into()));
    let vars = v2_flashvars(req);
    if !vars.is_empty() {
        config = config.with("flashvars", Value::Obj(vars));
    }
    if let Content::Entry(e) = &req.content {
        config = config.with("entry_id", Value::Str(e.as_str().to_string()));
    }
    let mut out = container_div(req);
    out.push_str(&script_src(&req.library_url()));
    out.push_str("<script>\n  kWidget.");
    out.push_str(function);
    out.push('(');
    out.push_str(&config.to_js(2));
    out.push_str(");\n</script>");
    out
}

/// `entry_id`, `playerId` and `flashvars[...]` of a v2 auto or iframe URL.
pub(super) fn v2_url_params(req: &EmbedRequest, q: &mut Query) {
    if let Content::Entry(e) = &req.content {
        q.add("entry_id", e.as_str());
    }
    q.add("playerId", req.target_id());
    for (key, value) in v2_flashvars(req).0 {
        let text = match value {
            Value::Str(s) => s,
            Value::Num(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Obj(o) => o.to_json(),
        };
        q.add(format!("flashvars[{key}]"), text);
    }
}

pub(super) fn v2_auto(req: &EmbedRequest) -> String {
    let (width, height) = req.pixel_size();
    let mut q = Query::new();
    q.add("autoembed", "true");
    v2_url_params(req, &mut q);
    q.add("width", width.to_string())
        .add("height", height.to_string());
    let mut out = container_div(req);
    out.push_str(script_src(&q.url(&req.library_url())).trim_end());
    out
}

pub(super) fn v2_iframe(req: &EmbedRequest) -> String {
    iframe(req, &req.iframe_url())
}
