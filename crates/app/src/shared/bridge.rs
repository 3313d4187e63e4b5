//! How the page's two wasm modules talk: DOM events on `window`, held in memory only.
//!
//! The form and code load first (`app`); the paste helper, framework and SEO code, share bar and
//! the preview, session, exports and reference panels come in a second module (`extras`) once
//! the form is interactive. Neither can see the other's memory, so they exchange the embed form
//! in the share-link encoding and the current KS as text; `extras` sends back a whole form to load
//! (a paste, a migration, remembered settings).
//! Their roots are siblings in `index.html`: yew delegates events from its root and brands elements
//! with per-instance ids, so one instance mounted inside the other would run the wrong handlers.

use std::cell::{Cell, RefCell};
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
    /// extras → app: the current KS and, on a second line, the privileges it was asked for (a
    /// v2 KS cannot show its own); empty when there is none.
    Ks,
    /// extras → app: the "Include KS in embed code" box, `1` or empty.
    IncludeKs,
    /// extras → app: a whole embed form, encoded like `Embed`: paste-to-fill, v2 → v7 migration,
    /// and the settings remembered on this device (read by the extras, not by `app`: the first
    /// read of localStorage is a synchronous trip to the browser's storage, several ms that the
    /// form's first render need not wait for).
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

/// The KS as `Message::Ks` carries it: the token, then the scope the sender read from it
/// (`Ks::scope`: partner, then the entries it is limited to, comma-separated), one per line. The
/// first module takes the scope as given, so it carries no KS decoding (base64 and all).
pub fn ks_text(ks: Option<&kaltura::session::ks::Ks>) -> String {
    let Some(ks) = ks else {
        return String::new();
    };
    match ks.scope() {
        Some((partner, views)) => format!("{}\n{partner}\n{}", ks.expose(), views.join(",")),
        None => ks.expose().to_string(),
    }
}

/// Reads `ks_text`'s text back.
pub fn read_ks(text: &str) -> Option<kaltura::session::ks::Ks> {
    let mut lines = text.split('\n');
    let token = lines.next()?;
    let scope = lines.next().map(|partner| {
        let views = lines.next().unwrap_or_default().split(',');
        let views = views
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .collect();
        (partner.to_string(), views)
    });
    kaltura::session::ks::Ks::with_known_scope(token, scope).ok()
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

/// The embed form's text (`Message::Embed`) as `app` has it this instant, sent or still waiting
/// out the quiet spell or a press: `Hello` is answered before `send` returns. `None` without an
/// `app` module to answer. The extras ask for it where an action must use what was just typed
/// (the session's Start, pressed within 150 ms of the last keystroke, is held back until the
/// mouse button is up: after its own click).
pub fn ask_embed() -> Option<String> {
    let answer = Rc::new(RefCell::new(None));
    let listener = listen(Message::Embed, {
        let answer = answer.clone();
        move |text| *answer.borrow_mut() = Some(text)
    });
    send(Message::Hello, "");
    drop(listener);
    answer.take()
}

/// How long the form must be still before `App` tells the extras: typing never waits on their
/// re-render (preview, session, exports, reference). Leaving a field sends at once.
pub const EMBED_QUIET_MS: u32 = 150;

/// The latest value of one message, sent after a quiet spell or at once on `flush`. The value is
/// turned into text only when it is sent, so a keystroke costs a clone, not an encoding.
/// While `hold` is on (a pointer is pressed), nothing is sent: what the message re-renders must
/// not move under a click between its mousedown and its mouseup.
pub struct Debounced<T: 'static> {
    message: Message,
    encode: fn(&T) -> String,
    /// What waits for the quiet spell to end.
    latest: Rc<RefCell<Option<T>>>,
    held: Rc<Cell<bool>>,
    /// The newest value, sent or not (for `send_current`).
    current: Option<T>,
    timer: Option<Timeout>,
}

impl<T: Clone + 'static> Debounced<T> {
    pub fn new(message: Message, encode: fn(&T) -> String) -> Self {
        Debounced {
            message,
            encode,
            latest: Rc::default(),
            held: Rc::default(),
            current: None,
            timer: None,
        }
    }

    /// Replaces what is waiting and restarts the quiet spell.
    pub fn schedule(&mut self, value: T) {
        self.current = Some(value.clone());
        *self.latest.borrow_mut() = Some(value);
        let (message, encode) = (self.message, self.encode);
        let (latest, held) = (self.latest.clone(), self.held.clone());
        self.timer = Some(Timeout::new(EMBED_QUIET_MS, move || {
            if !held.get() {
                send_waiting(message, encode, &latest)
            }
        }));
    }

    /// Sends what is waiting now (no-op when nothing is, or while held: `release` sends it).
    pub fn flush(&mut self) {
        self.timer = None;
        if !self.held.get() {
            send_waiting(self.message, self.encode, &self.latest);
        }
    }

    /// Keeps what is waiting from being sent until `release`.
    pub fn hold(&mut self) {
        self.held.set(true);
    }

    /// Ends `hold` and sends what waited meanwhile.
    pub fn release(&mut self) {
        self.held.set(false);
        self.flush();
    }

    /// Sends the newest value now, waiting or already sent (a newcomer asked for it).
    pub fn send_current(&mut self) {
        self.timer = None;
        self.latest.borrow_mut().take();
        let text = self.current.as_ref().map(self.encode).unwrap_or_default();
        send(self.message, &text);
    }
}

fn send_waiting<T>(message: Message, encode: fn(&T) -> String, latest: &RefCell<Option<T>>) {
    // Taken before sending: a listener may schedule again while this runs.
    let waiting = latest.borrow_mut().take();
    if let Some(value) = waiting {
        send(message, &encode(&value));
    }
}
