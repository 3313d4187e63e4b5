//! Live preview: the current snippet runs in a sandboxed frame (opaque origin) and reports back.
//!
//! Not `srcdoc`: a srcdoc frame inherits this page's strict CSP, which (rightly) forbids the
//! snippet's inline scripts and third-party player hosts. `preview.html` carries its own policy and
//! runs with `sandbox` minus `allow-same-origin`, so it can never read this page or its storage.

use std::rc::Rc;

use gloo_events::EventListener;
use kaltura::embed::form::{evaluate, Evaluation};
use kaltura::embed::preview::{explain, PreviewEvent};
use kaltura::embed::{EmbedType, PlayerVersion};
use kaltura::session::ks::Ks;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlIFrameElement, MessageEvent};
use yew::prelude::*;

use crate::shared::fields::Checkbox;

#[derive(Properties, PartialEq, Clone)]
pub struct PreviewPanelProps {
    pub evaluation: Rc<Evaluation>,
    pub version: PlayerVersion,
    /// The embed form's "Ignore viewers' saved settings" (v7 `disableUserCache`), kept here
    /// beside the note that explains it, out of the first module.
    pub ignore_saved: bool,
    pub on_ignore_saved: Callback<bool>,
    /// The session's KS (as `evaluation` was worked out with): a press works the code out again
    /// from the form as it is at that instant.
    pub ks: Option<Ks>,
}

/// One press of "Preview": the code as it was then.
#[derive(Debug, Clone, PartialEq)]
struct Run {
    generation: u32,
    code: Rc<str>,
    version: PlayerVersion,
    /// An iframe embed is shown as itself: its player page is on the player host's origin, so
    /// it is isolated without our sandbox (which its own storage use would trip over).
    iframe_src: Option<Rc<str>>,
    /// The frame's width and height (`kaltura::embed::preview::frame_size`), as HTML attributes: the
    /// strict CSP allows no inline style.
    frame: (u32, u32),
}

/// What the frame said, read from a message posted by `preview.js`.
fn read_event(data: &JsValue) -> Option<Result<PreviewEvent, &'static str>> {
    let get = |key: &str| {
        js_sys::Reflect::get(data, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    if get("source").as_deref() != Some("kes-preview") {
        return None;
    }
    Some(match get("kind")?.as_str() {
        "ready" => Err("ready"),
        "frame-loaded" => Err("frame-loaded"),
        "playing" => Ok(PreviewEvent::Playing),
        "loaded" => Ok(PreviewEvent::Loaded),
        "poster" => Ok(PreviewEvent::Poster),
        "timeout" => Ok(PreviewEvent::TimedOut),
        "script-failed" => Ok(PreviewEvent::ScriptFailed {
            url: get("url").unwrap_or_default(),
        }),
        "error" => Ok(PreviewEvent::Error {
            text: get("text").unwrap_or_default(),
        }),
        "api-error" => Ok(PreviewEvent::ApiError {
            code: get("code").unwrap_or_default(),
            call: get("call").unwrap_or_default(),
        }),
        _ => return None,
    })
}

#[function_component(PreviewPanel)]
pub fn preview_panel(props: &PreviewPanelProps) -> Html {
    let run = use_state(|| None::<Run>);
    let status = use_state(String::new);
    let frame = use_node_ref();

    {
        let run = (*run).clone();
        let status = status.clone();
        let frame = frame.clone();
        use_effect_with(run.as_ref().map(|r| r.generation), move |_| {
            let explained = std::rc::Rc::new(std::cell::Cell::new(false));
            // preview.js says "ready" as soon as it runs; if it never does (blocked or not
            // loaded), the status would say "Starting the preview…" for ever.
            let ready = std::rc::Rc::new(std::cell::Cell::new(false));
            let watchdog = run
                .as_ref()
                .filter(|run| run.iframe_src.is_none())
                .map(|_| {
                    let (ready, status) = (ready.clone(), status.clone());
                    gloo_timers::callback::Timeout::new(10_000, move || {
                        if !ready.get() {
                            status.set(kaltura::embed::preview::FRAME_DID_NOT_START.to_string());
                        }
                    })
                });
            let listener = run.map(|run| {
                let window = web_sys::window().expect("window");
                EventListener::new(&window, "message", move |event| {
                    let Some(event) = event.dyn_ref::<MessageEvent>() else {
                        return;
                    };
                    let Some(target) = frame
                        .cast::<HtmlIFrameElement>()
                        .and_then(|f| f.content_window())
                    else {
                        return;
                    };
                    // Only our own frame speaks to us.
                    if !event
                        .source()
                        .is_some_and(|s| js_sys::Object::is(&s, &target))
                    {
                        return;
                    }
                    match read_event(&event.data()) {
                        Some(Err("ready")) => {
                            ready.set(true);
                            let message = js_sys::Object::new();
                            let _ =
                                js_sys::Reflect::set(&message, &"type".into(), &"render".into());
                            let _ = js_sys::Reflect::set(
                                &message,
                                &"code".into(),
                                &JsValue::from_str(&run.code),
                            );
                            // The sandboxed frame has an opaque origin, so "*" is the only target that reaches it;
                            // the message goes to this exact window object, which we created.
                            let _ = target.post_message(&message, "*");
                            status.set("Loading the player…".to_string());
                        }
                        Some(Err(_)) => status.set(
                            "The player frame loaded (an iframe embed does not report playback)."
                                .to_string(),
                        ),
                        // The first explained problem stays (later noise would hide it); playback always
                        // wins; a paused player or a poster is said until something else happens.
                        Some(Ok(event))
                            if matches!(event, PreviewEvent::Playing) || !explained.get() =>
                        {
                            explained.set(!event.is_waiting());
                            status.set(explain(&event, run.version));
                        }
                        Some(Ok(_)) | None => {}
                    }
                })
            });
            move || drop((listener, watchdog))
        });
    }

    let snippet = props.evaluation.snippet.as_ref();
    let panel = use_node_ref();
    let onclick = {
        let panel = panel.clone();
        let run = run.clone();
        let status = status.clone();
        let (shown, ks) = (props.evaluation.clone(), props.ks.clone());
        Callback::from(move |_: MouseEvent| {
            // The code as the form holds it at this press: what was typed just before it has
            // not reached these props yet (the form comes over once typing pauses).
            let evaluation = crate::shared::bridge::ask_embed()
                .map(|text| {
                    Rc::new(evaluate(
                        &kaltura::share::decode_embed_state(&text),
                        ks.as_ref(),
                    ))
                })
                .unwrap_or_else(|| shown.clone());
            let (Some(snippet), Some(request)) = (&evaluation.snippet, &evaluation.request) else {
                return;
            };
            let generation = run.as_ref().map_or(1, |r| r.generation.wrapping_add(1));
            // Measured at the press: the room the panel has now, and most of the window's height.
            let available = panel
                .cast::<web_sys::Element>()
                .map_or(640, |e| e.client_width().max(200) as u32);
            let max_height = web_sys::window()
                .and_then(|w| w.inner_height().ok())
                .and_then(|h| h.as_f64())
                .map_or(600, |h| (h * 0.8) as u32);
            let frame = kaltura::embed::preview::frame_size(request.size, available, max_height);
            let iframe_src: Option<Rc<str>> = (request.kind == EmbedType::Iframe)
                .then(|| Rc::from(request.iframe_url().as_str()));
            status.set(if iframe_src.is_some() {
                kaltura::embed::preview::IFRAME_NOTE.to_string()
            } else {
                "Starting the preview…".to_string()
            });
            run.set(Some(Run {
                generation,
                code: Rc::from(snippet.code.as_str()),
                version: request.version,
                iframe_src,
                frame,
            }));
        })
    };
    let stale = match (&*run, snippet) {
        (Some(r), Some(s)) => *r.code != *s.code,
        _ => false,
    };
    // The form became invalid after a preview: the frame still shows the last good code.
    let invalid_now = run.is_some() && snippet.is_none();

    html! {
        <section class="panel preview-panel" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{ "Preview" }</h2>
            <p class="field-hint">{ "Runs the code above with the real player in an isolated frame: it cannot read this page, and nothing is stored." }</p>
            <div class="actions" ref={panel}>
                <button type="button" disabled={snippet.is_none()} {onclick}>
                    { if run.is_some() { "Reload preview" } else { "Preview" } }
                </button>
            </div>
            if stale {
                <p class="field-hint">{ "The code changed since this preview: press Reload preview." }</p>
            }
            if invalid_now {
                <p class="field-hint">{ "The form above has a problem: this preview shows the last code that worked." }</p>
            }
            if props.version == PlayerVersion::V7 {
                <Checkbox id="opt-ignore-saved" label="Ignore viewers' saved settings" checked={props.ignore_saved}
                    onchange={props.on_ignore_saved.clone()} hint={AttrValue::Static("v7 disableUserCache: a viewer's saved mute and volume no longer override Muted and Autoplay.")} />
            }
            { for props.evaluation.request.iter().flat_map(kaltura::embed::preview::behaviour_notes).map(|note| html! {
                <p class="field-hint behaviour-note">{ note }</p>
            }) }
            if run.is_none() && snippet.is_none() {
                <p class="field-hint">{ "Preview needs the code above: fill in the form first." }</p>
            }
            if let Some(Run { iframe_src: Some(src), generation, frame: (width, height), .. }) = &*run {
                <iframe
                    key={format!("direct-{generation}")}
                    width={width.to_string()}
                    height={height.to_string()}
                    class="preview-frame"
                    src={src.to_string()}
                    allow="autoplay *; fullscreen *; encrypted-media *"
                    allowfullscreen=true
                    title="Player preview"
                />
            } else if let Some(run) = &*run {
                <iframe
                    key={run.generation.to_string()}
                    ref={frame}
                    width={run.frame.0.to_string()}
                    height={run.frame.1.to_string()}
                    class="preview-frame"
                    src="preview.html"
                    sandbox="allow-scripts allow-presentation allow-popups"
                    allow="autoplay; fullscreen; encrypted-media"
                    title="Player preview"
                />
            }
            // Under the frame, not beside the button above it: its text changes while the player
            // loads (and wraps differently), and the frame must not move under a press on it.
            <p role="status" class="status preview-status" data-tone={if status.starts_with("The player loaded") { "ok" } else { "neutral" }}>{ (*status).clone() }</p>
        </section>
    }
}
