//! The Session panel: start a USER session (widget, app token or secret), verify it in one round
//! trip, inspect the KS and opt it into the embed code.

mod privileges;
mod result;
mod service;
pub mod state;
mod tabs;

use std::cell::Cell;

use kaltura::embed::form::EmbedForm;
use kaltura::session::form::{self as session_form, Method, PrivilegeInput, SessionField};
use kaltura::session::privileges as privilege_checks;
use kaltura::session::status::{status, Progress, StartedSession, Typed};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::net::start_session;
use crate::shared::bridge::{self, Message};
use state::{Phase, SessionAction, SessionState, SessionText};

#[derive(Properties, PartialEq, Clone)]
pub struct SessionPanelProps {
    pub state: UseReducerHandle<SessionState>,
    /// The embed form as the `app` module last sent it (partner, entry, include-KS).
    pub embed: EmbedForm,
    /// "Include KS in embed code" changed.
    pub on_include: Callback<bool>,
    /// Privileges builder changes (the builder lives in the session form).
    pub on_privileges: Callback<session_form::PrivilegesForm>,
}

#[function_component(SessionPanel)]
pub fn session_panel(props: &SessionPanelProps) -> Html {
    let state = &props.state;
    let form = &state.form;
    // The latest generation handed out; bumped synchronously so a double click cannot send twice.
    let generation = use_mut_ref(|| Cell::new(0u32));
    let in_flight = use_mut_ref(|| Cell::new(false));
    // The running action's controller: Cancel aborts its request rather than only ignoring it.
    let control = use_mut_ref(|| None::<web_sys::AbortController>);
    let announcement = use_state(String::new);
    {
        // A finished request frees the button again.
        let in_flight = in_flight.clone();
        use_effect_with(state.is_sending(), move |sending| {
            if !*sending {
                in_flight.borrow().set(false);
            }
        });
    }
    // A failed start ends the earlier session (the reducer drops it, and its KS leaves the
    // code): the opt-in goes with it, as on Forget.
    use_effect_with(matches!(state.phase, Phase::Failed(_)), |failed| {
        if *failed {
            bridge::send(Message::IncludeKs, "");
        }
    });
    // Focus stays on the start button while it works and after Cancel (a disabled or removed
    // button would drop keyboard focus back to the top of the page).
    let start_button = use_node_ref();
    let on_start = {
        let state = state.clone();
        let embed = props.embed.clone();
        let generation = generation.clone();
        let in_flight = in_flight.clone();
        let announcement = announcement.clone();
        let control = control.clone();
        Callback::from(move |_: MouseEvent| {
            if in_flight.borrow().get() {
                return;
            }
            announcement.set(String::new());
            // What the form holds now: a field typed into just before this press has not
            // reached these props yet.
            let embed = bridge::ask_embed()
                .map(|text| kaltura::share::decode_embed_state(&text))
                .unwrap_or_else(|| embed.clone());
            match session_form::prepare(
                &state.form,
                &embed.partner,
                (embed.content_kind, &embed.content_id),
                &state.secrets,
            ) {
                Err(problems) => {
                    // The first in page order, not in the order they were checked.
                    let first = problems
                        .iter()
                        .map(|(field, _)| input_id(*field))
                        .min_by_key(|(_, order)| *order)
                        .map(|(id, _)| id);
                    state.dispatch(SessionAction::Invalid(problems));
                    // After the re-render that marks it (a task later).
                    if let Some(id) = first {
                        gloo_timers::callback::Timeout::new(0, move || focus(id)).forget();
                    }
                }
                // A browser without AbortController (none this page runs on) sends nothing.
                Ok(prepared) => {
                    let Ok(controller) = web_sys::AbortController::new() else {
                        return;
                    };
                    *control.borrow_mut() = Some(controller.clone());
                    in_flight.borrow().set(true);
                    let mine = {
                        let g = generation.borrow();
                        g.set(g.get().wrapping_add(1));
                        g.get()
                    };
                    // Secrets leave the state now; the plan in the task below is their only copy.
                    state.dispatch(SessionAction::Begin {
                        generation: mine,
                        method: state.form.method,
                        expiry_secs: session_form::expiry_secs(&state.form),
                    });
                    let dispatcher = state.dispatcher();
                    spawn_local(async move {
                        let result = start_session(prepared, controller).await;
                        dispatcher.dispatch(SessionAction::Finished {
                            generation: mine,
                            result,
                            at_ms: js_sys::Date::now(),
                        });
                    });
                }
            }
        })
    };
    let on_cancel = {
        let (state, announcement) = (state.clone(), announcement.clone());
        let start_button = start_button.clone();
        let control = control.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(controller) = control.borrow_mut().take() {
                controller.abort();
            }
            state.dispatch(SessionAction::Cancel);
            announcement
                .set("Cancelled: the request was stopped and no session is kept.".to_string());
            if let Some(button) = start_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        })
    };
    // A new session's KS enters the code only when opted in again; focus goes to Start, since
    // the button that had it is gone.
    let on_forget = {
        let (dispatcher, start_button) = (state.dispatcher(), start_button.clone());
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(SessionAction::Forget);
            bridge::send(Message::IncludeKs, "");
            if let Some(button) = start_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        })
    };
    let on_copied = {
        let announcement = announcement.clone();
        Callback::from(move |said: String| announcement.set(said))
    };

    // A message about the Partner ID or the content goes once the form above changes them.
    use_effect_with(
        (
            props.embed.partner.clone(),
            props.embed.content_kind,
            props.embed.content_id.clone(),
        ),
        {
            let dispatcher = state.dispatcher();
            move |_| dispatcher.dispatch(SessionAction::EmbedChanged)
        },
    );
    let privileges_preview = session_form::build_privileges(
        &form.privileges,
        (props.embed.content_kind, &props.embed.content_id),
    );
    let dangers = match (&privileges_preview, session_form::expiry_secs(form)) {
        (Ok(p), Some(secs)) if form.method != Method::Widget => {
            privilege_checks::check(p, u64::from(secs))
        }
        _ => Vec::new(),
    };

    let typed = Typed {
        partner: &props.embed.partner,
        content_id: &props.embed.content_id,
    };
    let status = status(progress(state), typed, &announcement);
    // Beside its field while that shows it (`remedy_at`), else here.
    let remedy_here = match &state.phase {
        Phase::Failed(error) if state.problems.is_empty() => Some(error),
        _ => None,
    };

    html! {
        <section class="panel session-panel" aria-labelledby="session-heading">
            <h2 id="session-heading">{ "Session (optional)" }</h2>
            <p class="intro">
                { "Start a USER-type Kaltura Session (type 0) to check that the partner, player and entries work, and to scope a KS for an embed. Uses the Partner ID above. Nothing typed here is stored anywhere." }
            </p>
            { service::service_url(state) }
            { tabs::tab_list(state) }
            { tabs::tab_panel(props, &privileges_preview, &dangers, &on_copied) }

            <div class="actions">
                <button type="button" class="primary" ref={start_button} aria-disabled={state.is_sending().then_some("true")} onclick={on_start}>
                    { match (state.is_sending(), form.method) {
                        (true, _) => "Starting…",
                        (false, Method::PasteKs) => "Check KS",
                        (false, _) => "Start session",
                    } }
                </button>
                if state.is_sending() {
                    <button type="button" onclick={on_cancel}>{ "Cancel" }</button>
                }
                <span role="status" class="status session-status" data-tone={status.tone.as_str()}>{ status.text }</span>
            </div>
            if let Some(error) = remedy_here {
                // What went wrong is the status line above; this says what to do about it.
                <div class="error-box" id="session-error">
                    <p>{ error.remediation() }</p>
                </div>
            }
            if let Some(active) = &state.session {
                { result::session_result(props, active, on_copied.clone(), on_forget) }
            }
        </section>
    }
}

/// Where the panel is, as the core's status line reads it.
fn progress(state: &SessionState) -> Progress<'_> {
    let session = state.session.as_ref().map(|s| StartedSession {
        outcome: &s.outcome,
        method: s.method,
        expired: s.expired,
    });
    match &state.phase {
        Phase::Idle => Progress::Idle {
            refused: !state.problems.is_empty(),
        },
        Phase::Sending { method } => Progress::Sending(*method),
        Phase::Failed(error) => Progress::Failed(error),
        Phase::Started => Progress::Started(session),
    }
}

/// The callback that puts an input's text into the state.
fn text_input(state: &UseReducerHandle<SessionState>, input: SessionText) -> Callback<String> {
    state
        .dispatcher()
        .to_callback()
        .reform(move |v: String| SessionAction::Text(input, v))
}

/// A secret input's problem, as `SecretField` takes it.
fn secret_problem(state: &SessionState, field: SessionField) -> Option<AttrValue> {
    state.problem(field).map(|m| AttrValue::from(m.to_string()))
}

/// The id of the input a problem is shown at (the Partner ID is the embed form's), and its
/// place in the page's order.
fn input_id(field: SessionField) -> (&'static str, u8) {
    match field {
        SessionField::Partner => ("partner-id", 0),
        SessionField::ServiceUrl => ("custom-service-url", 1),
        SessionField::AppTokenId => ("app-token-id", 2),
        SessionField::AppToken => ("app-token", 3),
        SessionField::Secret => ("secret", 4),
        SessionField::Ks => ("pasted-ks", 5),
        SessionField::UserId => ("user-id", 6),
        SessionField::Expiry => ("custom-expiry", 7),
        SessionField::Privileges(input) => match input {
            // Its problem is the form's Entry or Playlist ID, above everything here.
            PrivilegeInput::LimitToContent => ("content-id", 0),
            PrivilegeInput::PrivacyContext => ("priv-privacy", 9),
            PrivilegeInput::ActionsLimit => ("priv-actions", 10),
            PrivilegeInput::UriRestrict => ("priv-uri", 11),
            PrivilegeInput::Custom => ("priv-custom", 12),
        },
    }
}

fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
