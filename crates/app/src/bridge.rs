//! How the page's two wasm modules talk: DOM events on `window`, held in memory only.
//!
//! The form and code load first (`app`); the share bar and the preview, session, exports and
//! reference panels come in a second module (`extras`) once the form is interactive. Neither can
//! see the other's memory, so they exchange the embed form in the share-link encoding and the
//! current KS as text. (The paste helper, also in `extras`, sends back a whole form to load.)
//! Their roots are siblings in `index.html`: yew delegates events from its root and brands elements
//! with per-instance ids, so one instance mounted inside the other would run the wrong handlers.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;

/// A message between the two modules; the event name is fixed per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// app → extras: `kaltura::share::encode_embed_state` of the embed form, once typing pauses
    /// (`Debounced`) or focus leaves a field, and in answer to `Hello`.
    Embed,
    /// extras → app: the current KS, or empty when there is none.
    Ks,
    /// extras → app: the "Include KS in embed code" box, `1` or empty.
    IncludeKs,
    /// extras → app: a whole embed form (paste-to-fill, v2 → v7 migration), encoded like `Embed`.
    Load,
    /// extras → app: the extras module has started and wants the current embed form.
    Hello,
    /// loader → app: the extras module could not be fetched or started.
    ExtrasFailed,
}

impl Message {
    fn event_name(self) -> &'static str {
        match self {
            Message::Embed => "kes-embed",
            Message::Ks => "kes-ks",
            Message::IncludeKs => "kes-include-ks",
            Message::Load => "kes-load",
            Message::Hello => "kes-hello",
            // Also dispatched by www/extras-loader.js, which spells it out.
            Message::ExtrasFailed => "kes-extras-failed",
        }
    }
}

/// Dispatches a message synchronously: listeners have run when this returns.
pub fn send(message: Message, detail: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail.into());
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(message.event_name(), &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// Calls `on_message` with each message's text until the listener is dropped.
pub fn listen(message: Message, on_message: impl Fn(String) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(
        &window,
        message.event_name(),
        move |event| {
            let detail = event
                .dyn_ref::<web_sys::CustomEvent>()
                .and_then(|e| e.detail().as_string())
                .unwrap_or_default();
            on_message(detail);
        },
    ))
}

/// How long the form must be still before `App` tells the extras: typing never waits on their
/// re-render (preview, session, exports, reference). Leaving a field sends at once.
pub const EMBED_QUIET_MS: u32 = 150;

/// The latest text of one message, sent after a quiet spell or at once on `flush`.
pub struct Debounced {
    message: Message,
    /// What waits for the quiet spell to end.
    latest: Rc<RefCell<Option<String>>>,
    /// The newest text, sent or not (for `send_current`).
    current: String,
    timer: Option<Timeout>,
}

impl Debounced {
    pub fn new(message: Message) -> Self {
        Debounced {
            message,
            latest: Rc::default(),
            current: String::new(),
            timer: None,
        }
    }

    /// Replaces what is waiting and restarts the quiet spell.
    pub fn schedule(&mut self, text: String) {
        self.current.clone_from(&text);
        *self.latest.borrow_mut() = Some(text);
        let (message, latest) = (self.message, self.latest.clone());
        self.timer = Some(Timeout::new(EMBED_QUIET_MS, move || {
            send_waiting(message, &latest)
        }));
    }

    /// Sends what is waiting now (no-op when nothing is).
    pub fn flush(&mut self) {
        self.timer = None;
        send_waiting(self.message, &self.latest);
    }

    /// Sends the newest text now, waiting or already sent (a newcomer asked for it).
    pub fn send_current(&mut self) {
        self.timer = None;
        self.latest.borrow_mut().take();
        send(self.message, &self.current);
    }
}

fn send_waiting(message: Message, latest: &RefCell<Option<String>>) {
    // Taken before sending: a listener may schedule again while this runs.
    let waiting = latest.borrow_mut().take();
    if let Some(text) = waiting {
        send(message, &text);
    }
}
