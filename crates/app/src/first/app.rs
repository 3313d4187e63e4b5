//! The first module's root: the embed form and, beside it, its code; wires the page to the extras.

use std::cell::RefCell;
use std::rc::Rc;

use kaltura::embed::form::EmbedForm;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::embed_state::{EmbedAction, Flag};
use super::studio_state::{StudioAction, StudioState};
use super::{code_panel, embed_panel};
use crate::shared::bridge::{self, Message};

#[derive(Properties, Default)]
pub struct AppProps {
    /// The page's opening state (`opening_state`), worked out by `main` before yew starts, so
    /// that work is not part of the first render; without it, the first render works it out.
    #[prop_or_default]
    pub opening: Option<Rc<StudioState>>,
    /// Start the second module once the page is wired to it (`main` does; the browser tests
    /// mount the form alone).
    #[prop_or_default]
    pub load_extras: bool,
}

/// The root's props are set once and never compared in earnest: identity will do (a derived
/// comparison would carry the code to compare whole forms and evaluations).
impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        let same_opening = match (&self.opening, &other.opening) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        same_opening && self.load_extras == other.load_extras
    }
}

/// The form as the page opens: empty, or filled from a shared link (remembered settings come
/// from the extras, as a `Message::Load`, while the form is still empty).
pub fn opening_state() -> StudioState {
    StudioState::new(crate::shared::link::embed())
}

/// The first module: the embed form and, beside it, its code.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let studio = use_reducer(|| match &props.opening {
        Some(opening) => StudioState::clone(opening),
        None => opening_state(),
    });
    // The extras hear of a change once typing pauses or focus moves (to their panels, say), so a
    // keystroke never waits on their re-render. One effect, on the form (one effect type less in
    // this module than a separate mount effect); its first run sets up the next task.
    let wiring = use_mut_ref(|| Wiring {
        to_extras: Rc::new(RefCell::new(bridge::Debounced::new(
            Message::Embed,
            kaltura::share::encode_embed_state,
        ))),
        listeners: None,
        started: false,
    });
    {
        let dispatch = studio.dispatcher();
        let load_extras = props.load_extras;
        use_effect_with(studio.embed.form.clone(), move |form| {
            let first = {
                let mut w = wiring.borrow_mut();
                w.to_extras.borrow_mut().schedule(form.clone());
                !std::mem::replace(&mut w.started, true)
            };
            if first {
                // The form is in the page: this ends the static header's wait (style.css,
                // `data-static`) and hides the "has not started" note (`.start-late`). Not before
                // the first render (as `main` did): a render that fails must leave that note to
                // appear at 8 s, not hide it over an empty page.
                if let Some(html) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.document_element())
                {
                    let _ = html.set_attribute("data-running", "");
                }
                // The first render is all that yew's first scheduler run does: it yields to the
                // browser once a run passes 16 ms, and input typed meanwhile then waits for the
                // first layout and paint. The rest of the form (player version, embed type, host,
                // size, playback, advanced: all below what the first render drew, so nothing moves
                // should a frame come in between), the listeners for the extras and then the
                // extras themselves come in the next task, in that order.
                gloo_timers::callback::Timeout::new(0, move || {
                    let listeners = wire_up(dispatch.clone(), &wiring.borrow().to_extras);
                    wiring.borrow_mut().listeners = Some(listeners);
                    dispatch.dispatch(StudioAction::ShowWholeForm);
                    if load_extras {
                        self::load_extras();
                    }
                })
                .forget();
            }
        });
    }
    let dispatch = studio.dispatcher().to_callback();
    let [ids, options] = embed_panel::embed_panel(embed_panel::EmbedPanelProps {
        state: &studio.embed,
        dispatch: &dispatch.reform(StudioAction::Embed),
        evaluation: &studio.evaluation,
        whole_form: studio.whole_form,
    });
    // The code right after the IDs: next on a phone; on a laptop style.css puts it beside them.
    // The two empty slots are the extras' (see `code_panel` and `SIDE_EXTRAS_ID`): yew leaves
    // what the extras render into them alone, as they keep their places.
    html! {
        <>
            { ids }
            <div class="side">
                { code_panel::code_panel(&studio.evaluation, studio.copy, dispatch.reform(StudioAction::Copy)) }
                <div id={crate::SIDE_EXTRAS_ID} class="side-extras"></div>
            </div>
            { options }
        </>
    }
}

/// What `App` keeps for the page's life besides its state: the embed form's sender to the
/// extras and, once mounted, the listeners for what they send back.
struct Wiring {
    to_extras: Rc<RefCell<bridge::Debounced<EmbedForm>>>,
    /// Dropped with `App`, which removes them.
    listeners: Option<[Option<gloo_events::EventListener>; 11]>,
    /// The first effect has run (and set up the task that wires the page).
    started: bool,
}

/// Listens to the extras, and sends them the form at once when focus leaves a field or a choice
/// is made (a radio button, a checkbox): their panels then change before the next click lands,
/// not under it. Nothing is sent while the primary button is down: a click's mousedown moves the
/// focus (and typing's quiet spell may end mid-press), and what the extras re-render then would
/// move under the click before its mouseup.
fn wire_up(
    dispatch: UseReducerDispatcher<StudioState>,
    to_extras: &Rc<RefCell<bridge::Debounced<EmbedForm>>>,
) -> [Option<gloo_events::EventListener>; 11] {
    type Sender = Rc<RefCell<bridge::Debounced<EmbedForm>>>;
    // try_borrow: a focus change set off while a send is under way (a re-render removing a
    // focused element) must not re-enter it; that send carries the newest form anyway.
    let with_sender = |sender: &Sender, then: fn(&mut bridge::Debounced<EmbedForm>)| {
        if let Ok(mut sender) = sender.try_borrow_mut() {
            then(&mut sender)
        }
    };
    let on_window = |event: &'static str, listener: Box<dyn FnMut(&web_sys::Event)>| {
        web_sys::window().map(|window| gloo_events::EventListener::new(&window, event, listener))
    };
    let now = |event: &'static str, then: fn(&mut bridge::Debounced<EmbedForm>)| {
        let sender = to_extras.clone();
        on_window(event, Box::new(move |_| with_sender(&sender, then)))
    };
    // One task later: yew renders a choice, and the form's effect schedules the new form, in
    // microtasks that need not have run when `change` reaches `window`; and a press's click and
    // change come after its `pointerup`. Kept, not forgotten (a forgotten timer's closure is
    // never freed); a newer one replaces (cancels) it.
    let next_task = |event: &'static str, then: fn(&mut bridge::Debounced<EmbedForm>)| {
        let sender = to_extras.clone();
        let mut later = None;
        on_window(
            event,
            Box::new(move |_| {
                let sender = sender.clone();
                let earlier = later.replace(gloo_timers::callback::Timeout::new(0, move || {
                    with_sender(&sender, then)
                }));
                drop(earlier);
            }),
        )
    };
    let pressed = to_extras.clone();
    let on_press = on_window(
        "pointerdown",
        Box::new(move |event| {
            // Only the primary button: a secondary one opens a menu that may keep its pointerup.
            let primary = event
                .dyn_ref::<web_sys::MouseEvent>()
                .is_some_and(|event| event.button() == 0);
            if primary {
                with_sender(&pressed, bridge::Debounced::hold)
            }
        }),
    );
    let waiting = to_extras.clone();
    let embed = StudioAction::Embed;
    let (on_ks, on_include, on_load) = (dispatch.clone(), dispatch.clone(), dispatch);
    [
        now("focusout", bridge::Debounced::flush),
        next_task("change", bridge::Debounced::flush),
        on_press,
        next_task("pointerup", bridge::Debounced::release),
        next_task("pointercancel", bridge::Debounced::release),
        // A press whose end the page never sees (the window lost focus mid-press) must not keep
        // the form from the extras until some later click.
        next_task("blur", bridge::Debounced::release),
        bridge::listen(Message::Ks, move |text| {
            on_ks.dispatch(StudioAction::Ks(bridge::read_ks(&text).map(Rc::new)))
        }),
        bridge::listen(Message::IncludeKs, move |on| {
            on_include.dispatch(embed(EmbedAction::Flag(Flag::IncludeKs, !on.is_empty())))
        }),
        bridge::listen(Message::Load, move |text| {
            on_load.dispatch(embed(EmbedAction::Load(Box::new(
                kaltura::share::decode_embed_state(&text),
            ))))
        }),
        // index.html holds the words (under the paste helper's stand-in and where the extras
        // would be); style.css shows them on this mark, outside both yew roots.
        bridge::listen(Message::ExtrasFailed, |_| {
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("data-extras-failed", "");
            }
        }),
        bridge::listen(Message::Hello, move |_| {
            if let Ok(mut waiting) = waiting.try_borrow_mut() {
                waiting.send_current()
            }
        }),
    ]
}

/// Starts the `extras` module (`www/extras-loader.js`); `App` calls it one task after its first
/// render, once it listens for what the module sends. The module script is same-origin, as the
/// strict CSP requires.
fn load_extras() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(script) = document.create_element("script") else {
        return;
    };
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute("src", "extras-loader.js");
    // A loader (or module it imports) that cannot be fetched fires `error` on the element.
    gloo_events::EventListener::once(&script, "error", |_| {
        bridge::send(bridge::Message::ExtrasFailed, "")
    })
    .forget();
    if let Some(head) = document.head() {
        let _ = head.append_child(&script);
    }
}
