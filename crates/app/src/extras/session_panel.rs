//! The Session panel: start a USER session (widget, app token or secret), verify it in one round
//! trip, inspect the KS and opt it into the embed code.

use std::cell::Cell;
use std::rc::Rc;

use kaltura::embed::form::{ContentKind, EmbedForm};
use kaltura::session::api::{
    self, ApiError, ExpiresHint, Expiry, ServicePreset, SessionOutcome, SessionUser,
};
use kaltura::session::digest::AppTokenHashType;
use kaltura::session::form::{
    self as session_form, ExpiryChoice, Method, Prepared, PrivilegeInput, SessionField, SessionPlan,
};
use kaltura::session::ks::{KsInfo, V2_UNREADABLE_NOTE};
use kaltura::session::privileges::{self, Severity};
use web_sys::HtmlSelectElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::net::post_form;
use super::secret_field::SecretField;
use super::session_state::{
    ActiveSession, Phase, Reveal, SessionAction, SessionState, SessionText,
};
use crate::shared::fields::{radio_group, Checkbox, ChoiceOption, FieldMessage, Flow, TextField};

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

/// Regional SaaS API hosts named in Kaltura's API getting-started guide (region codes frp2, irp2);
/// the guides disagree in places, so the hint says to check the account's own region.
const REGIONAL_API_HOSTS: [(&str, &str); 2] = [
    ("https://api.de.kaltura.com", "Frankfurt (api.de)"),
    ("https://api.eu.kaltura.com", "Ireland (api.eu)"),
];

/// User IDs suggested by Kaltura's credentials guide, one per scenario.
const USER_ID_PRESETS: [(&str, &str); 3] = [
    ("app-service-account", "Application backend"),
    ("test-automation", "Testing"),
    ("claude-code-kaltura-dev", "AI agent automation"),
];

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

    let text_cb = |input: SessionText| {
        state
            .dispatcher()
            .to_callback()
            .reform(move |v: String| SessionAction::Text(input, v))
    };
    let problem =
        |field: SessionField| state.problem(field).map(|m| AttrValue::from(m.to_string()));

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
            let embed = crate::shared::bridge::ask_embed()
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
                        let result = run(prepared, controller).await;
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
            crate::shared::bridge::send(crate::shared::bridge::Message::IncludeKs, "");
            if let Some(button) = start_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        })
    };
    let on_copied = {
        let announcement = announcement.clone();
        Callback::from(move |said: String| announcement.set(said))
    };

    let tabs = Method::ALL.iter().map(|method| {
        let selected = *method == form.method;
        let onclick = state.dispatcher().to_callback().reform({
            let method = *method;
            move |_: MouseEvent| SessionAction::Method(method)
        });
        let onkeydown = {
            let dispatcher = state.dispatcher();
            let current = *method;
            Callback::from(move |e: KeyboardEvent| {
                let index = Method::ALL.iter().position(|m| *m == current).unwrap_or(0);
                let next = match e.key().as_str() {
                    "ArrowRight" => (index + 1) % Method::ALL.len(),
                    "ArrowLeft" => (index + Method::ALL.len() - 1) % Method::ALL.len(),
                    "Home" => 0,
                    "End" => Method::ALL.len() - 1,
                    _ => return,
                };
                e.prevent_default();
                dispatcher.dispatch(SessionAction::Method(Method::ALL[next]));
                focus(tab_id(Method::ALL[next]));
            })
        };
        html! {
            <button type="button" role="tab" id={tab_id(*method)} aria-selected={if selected { "true" } else { "false" }}
                aria-controls="session-tabpanel" tabindex={if selected { "0" } else { "-1" }} {onclick} {onkeydown}>
                { method.label() }
                if *method == Method::AppToken { <span class="badge">{ "recommended" }</span> }
            </button>
        }
    });

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
            privileges::check(p, u64::from(secs))
        }
        _ => Vec::new(),
    };

    // A pasted KS names its own partner: the Partner ID typed above, when it is another one.
    let other_partner = state
        .session
        .as_ref()
        .filter(|s| s.method == Method::PasteKs)
        .map(|s| (s.outcome.partner, props.embed.partner.trim()))
        .filter(|(partner, typed)| {
            kaltura::embed::ids::PartnerId::parse(typed).is_ok_and(|typed| typed != *partner)
        })
        .map(|(_, typed)| typed);
    let status_text = match &state.phase {
        Phase::Idle if !state.problems.is_empty() => {
            "Not started: fix the fields marked below.".to_string()
        }
        Phase::Idle => String::new(),
        Phase::Sending { method } => match method {
            Method::AppToken => "Starting session with the app token (2 requests)…".to_string(),
            Method::PasteKs => "Checking the KS…".to_string(),
            _ => "Starting session and checking it…".to_string(),
        },
        Phase::Failed(error) => format!("Failed: {}", error.message()),
        Phase::Started => match &state.session {
            Some(s) if s.expired => {
                "The session has expired: its KS no longer works and is out of the embed code. Start a new session.".to_string()
            }
            Some(s) => {
                let summary = match other_partner {
                    Some(typed) => format!(
                        "This KS is for partner {}, not {typed} (the Partner ID above). {}",
                        s.outcome.partner,
                        s.outcome.summary()
                    ),
                    None => s.outcome.summary(),
                };
                // The verdict names what it checked: say so once the form holds another one.
                match &s.outcome.looked_for {
                    Some(content) if content.id() != props.embed.content_id.trim() => {
                        format!("{summary} (checked before the ID above changed: start again to check it)")
                    }
                    _ => summary,
                }
            }
            None => String::new(),
        },
    };
    let status_tone = match (&state.phase, &state.session) {
        (Phase::Failed(_), _) => "error",
        (Phase::Idle, _) if !state.problems.is_empty() => "error",
        (Phase::Started, Some(s))
            if s.expired || s.outcome.content_not_found() || other_partner.is_some() =>
        {
            "warn"
        }
        _ => "ok",
    };
    let status_text = match (status_text.is_empty(), announcement.is_empty()) {
        (_, true) => status_text,
        (true, false) => (*announcement).clone(),
        (false, false) => format!("{status_text} · {}", *announcement),
    };

    html! {
        <section class="panel session-panel" aria-labelledby="session-heading">
            <h2 id="session-heading">{ "Session (optional)" }</h2>
            <p class="intro">
                { "Start a USER-type Kaltura Session (type 0) to check that the partner, player and entries work, and to scope a KS for an embed. Uses the Partner ID above. Nothing typed here is stored anywhere." }
            </p>
            { radio_group(
                "service-url",
                "Service URL",
                Flow::Stacked,
                &ServicePreset::ALL
                    .into_iter()
                    .filter(|&p| p != ServicePreset::LocalSimulator
                        || super::page::offers_local_simulator(form.service == p))
                    .map(|p| ChoiceOption { value: p, label: p.label(), help: None })
                    .collect::<Vec<_>>(),
                form.service,
                state.dispatcher().to_callback().reform(SessionAction::Service),
            ) }
            if form.service == ServicePreset::Custom {
                <TextField id="custom-service-url" label="Custom service URL" value={form.custom_service_url.clone()}
                    placeholder="https://api.example.edu" hint="Your api_v3 origin: https, or http only for this computer (127.0.0.1 / localhost). Regional SaaS and on-prem accounts use their own API host."
                    problem={state.problem(SessionField::ServiceUrl).map(FieldMessage::error)}
                    oninput={text_cb(SessionText::CustomServiceUrl)} />
                <div class="presets" role="group" aria-label="Known regional API hosts">
                    { for REGIONAL_API_HOSTS.iter().map(|(origin, region)| {
                        let onclick = state.dispatcher().to_callback().reform(move |_: MouseEvent| SessionAction::Text(SessionText::CustomServiceUrl, origin.to_string()));
                        html! { <button type="button" class="chip" title={*origin} {onclick}>{ *region }</button> }
                    }) }
                </div>
            } else if let Some(msg) = state.problem(SessionField::ServiceUrl) {
                <p class="field-error">{ msg }</p>
            }
            if let Some(msg) = state.problem(SessionField::Partner) {
                <p class="field-error" id="session-partner-msg">{ format!("Partner ID: {msg}") }</p>
            }

            <div role="tablist" aria-label="How to start the session" class="tabs">{ for tabs }</div>
            <div role="tabpanel" id="session-tabpanel" aria-labelledby={tab_id(form.method)} class="tabpanel">
                { match form.method {
                    Method::Widget => html! {
                        <p>{ "No secret needed: an anonymous session for the partner's default widget (_" }{ match props.embed.partner.trim() { "" => "<Partner ID>", typed => typed } }{ "), the same session the player starts by itself. It plays entries by ID but lists none." }</p>
                    },
                    Method::AppToken => html! {
                        <>
                            <p class="field-hint">{ "App tokens can be scoped and revoked without touching the account secrets. The token is hashed with a fresh widget KS; it never travels in clear." }</p>
                            <TextField id="app-token-id" label="App token ID" value={form.app_token_id.clone()} placeholder="0_abcd1234"
                                problem={state.problem(SessionField::AppTokenId).map(FieldMessage::error)}
                                oninput={text_cb(SessionText::AppTokenId)} />
                            <SecretField id="app-token" label="App token" value={state.secrets.app_token.clone()}
                                revealed={state.reveal_token}
                                on_toggle={state.dispatcher().to_callback().reform(|_| SessionAction::Toggle(Reveal::AppToken))}
                                oninput={Some(text_cb(SessionText::AppToken))}
                                problem={problem(SessionField::AppToken)}
                                hint="Cleared as soon as the request is sent."
                                on_copied={on_copied.clone()} />
                            <div class="field">
                                <label for="hash-type">{ "Hash type" }</label>
                                <select id="hash-type" onchange={state.dispatcher().to_callback().reform(|e: Event| {
                                    let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                                    SessionAction::HashType(AppTokenHashType::ALL.into_iter().find(|h| h.label() == value).unwrap_or_default())
                                })}>
                                    { for AppTokenHashType::ALL.iter().map(|h| html! {
                                        <option value={h.label()} selected={*h == form.hash_type}>{ h.label() }</option>
                                    }) }
                                </select>
                                <p class="field-hint">{ "As set when the token was created (Kaltura's default is SHA1)." }</p>
                            </div>
                        </>
                    },
                    Method::PasteKs => html! {
                        <>
                            <p class="field-hint">{ "A KS minted by your server: this checks it with one baseEntry.list call, shows what it says, and lets you put it into the embed code." }</p>
                            <SecretField id="pasted-ks" label="KS to check" value={state.secrets.ks.clone()}
                                revealed={state.reveal_pasted}
                                on_toggle={state.dispatcher().to_callback().reform(|_| SessionAction::Toggle(Reveal::PastedKs))}
                                oninput={Some(text_cb(SessionText::PastedKs))}
                                problem={problem(SessionField::Ks)}
                                on_copied={on_copied.clone()} />
                        </>
                    },
                    Method::Secret => html! {
                        <>
                            <p class="warning" role="note">
                                <strong>{ "A secret must never reach end users' browsers. " }</strong>
                                { "It is used for this one request only (a USER session, type 0), never stored, and cleared as soon as the request is sent. For production, use an app token or mint the KS on your server." }
                            </p>
                            <SecretField id="secret" label="Secret" value={state.secrets.secret.clone()}
                                revealed={state.reveal_secret}
                                on_toggle={state.dispatcher().to_callback().reform(|_| SessionAction::Toggle(Reveal::Secret))}
                                oninput={Some(text_cb(SessionText::Secret))}
                                problem={problem(SessionField::Secret)}
                                hint="Admin or user secret from KMC → Settings → Integration Settings."
                                on_copied={on_copied.clone()} />
                        </>
                    },
                } }

                if matches!(form.method, Method::AppToken | Method::Secret) {
                    <TextField id="user-id" label="User ID" value={form.user_id.clone()}
                        hint="Who the session acts as: e.g. your email, app-service-account, test-automation. Empty = anonymous."
                        problem={state.problem(SessionField::UserId).map(FieldMessage::error)}
                        oninput={text_cb(SessionText::UserId)} />
                    <div class="presets" aria-label="User ID presets" role="group">
                        { for USER_ID_PRESETS.iter().map(|(id, scenario)| {
                            let onclick = state.dispatcher().to_callback().reform(move |_: MouseEvent| SessionAction::Text(SessionText::UserId, id.to_string()));
                            html! { <button type="button" class="chip" title={*scenario} {onclick}>{ *id }</button> }
                        }) }
                    </div>
                }
                if form.method != Method::PasteKs {
                { radio_group(
                    "expiry",
                    "Expiry",
                    Flow::Inline,
                    &[
                        ChoiceOption { value: ExpiryChoice::Preset(Expiry::ONE_HOUR), label: "1 hour", help: None },
                        ChoiceOption { value: ExpiryChoice::Preset(Expiry::TWO_HOURS), label: "2 hours", help: None },
                        ChoiceOption { value: ExpiryChoice::Preset(Expiry::FOUR_HOURS), label: "4 hours", help: None },
                        ChoiceOption { value: ExpiryChoice::Custom, label: "Custom", help: None },
                    ],
                    form.expiry,
                    state.dispatcher().to_callback().reform(SessionAction::Expiry),
                ) }
                }
                if form.expiry == ExpiryChoice::Custom && form.method != Method::PasteKs {
                    <TextField id="custom-expiry" label="Custom expiry" value={form.custom_expiry.clone()} placeholder="30m"
                        hint="Minutes (90), or with a unit: 5400s, 45m, 3h; at most 24 h."
                        problem={state.problem(SessionField::Expiry).map(FieldMessage::error)}
                        oninput={text_cb(SessionText::CustomExpiry)} />
                }
                if matches!(form.method, Method::AppToken | Method::Secret) {
                    { privileges_builder(props, &privileges_preview, &dangers) }
                }
            </div>

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
                <span role="status" class="status session-status" data-tone={status_tone}>{ status_text }</span>
            </div>
            if let Phase::Failed(error) = &state.phase {
                // What went wrong is the status line above; this says what to do about it.
                <div class="error-box" id="session-error">
                    <p>{ error.remediation() }</p>
                </div>
            }
            if let Some(active) = &state.session {
                { session_result(props, active, on_copied.clone(), on_forget) }
            }
        </section>
    }
}

fn tab_id(method: Method) -> &'static str {
    match method {
        Method::Widget => "tab-widget",
        Method::AppToken => "tab-app-token",
        Method::Secret => "tab-secret",
        Method::PasteKs => "tab-paste-ks",
    }
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

/// Sends the prepared plan; the secret it owns is dropped when this returns. Aborting `control`
/// (Cancel) stops whichever request is under way.
async fn run(
    prepared: Prepared,
    control: web_sys::AbortController,
) -> Result<SessionOutcome, ApiError> {
    let Prepared {
        service,
        plan,
        look_for,
    } = prepared;
    let call = match plan {
        SessionPlan::Widget(widget) => api::verify_widget(&service, &widget),
        SessionPlan::Secret(secret) => api::verify_with_secret(&service, &secret),
        SessionPlan::Pasted(ks) => api::verify_with_ks(&service, &ks)?,
        SessionPlan::AppToken { partner, session } => {
            let step = api::app_token_widget_step(&service, partner);
            let text = post_form(&step.request, &control)
                .await
                .map_err(ApiError::Network)?;
            let widget_ks = step.decode(&text)?;
            api::verify_with_app_token(&service, &widget_ks, &session)
        }
    };
    let call = match &look_for {
        Some(content) => call.looking_for(content),
        None => call,
    };
    let text = post_form(&call.request, &control)
        .await
        .map_err(ApiError::Network)?;
    call.decode(&text)
}

fn privileges_builder(
    props: &SessionPanelProps,
    preview: &Result<String, (PrivilegeInput, String)>,
    dangers: &[privileges::Danger],
) -> Html {
    let current = props.state.form.privileges.clone();
    let set = {
        let on = props.on_privileges.clone();
        move |edit: fn(&mut session_form::PrivilegesForm, String)| {
            let current = current.clone();
            let on = on.clone();
            Callback::from(move |value: String| {
                let mut next = current.clone();
                edit(&mut next, value);
                on.emit(next);
            })
        }
    };
    let toggle = {
        let current = props.state.form.privileges.clone();
        let on = props.on_privileges.clone();
        move |edit: fn(&mut session_form::PrivilegesForm, bool)| {
            let current = current.clone();
            let on = on.clone();
            Callback::from(move |value: bool| {
                let mut next = current.clone();
                edit(&mut next, value);
                on.emit(next);
            })
        }
    };
    let p = &props.state.form.privileges;
    // Each input shows its own problem: from the last Start, or the live preview's.
    let problem = |input: PrivilegeInput| {
        props
            .state
            .problem(SessionField::Privileges(input))
            .or(match preview {
                Err((at, message)) if *at == input => Some(message.as_str()),
                _ => None,
            })
            .map(FieldMessage::error)
    };
    let (sview_label, sview_hint) = match props.embed.content_kind {
        ContentKind::Entry => (
            "Limit to this entry (sview)",
            "Plays only the Entry ID above, even when its access control requires a KS.",
        ),
        ContentKind::Playlist => (
            "Limit to this playlist (sviewplaylist)",
            "Plays only the entries of the Playlist ID above, even when their access control requires a KS.",
        ),
    };
    html! {
        <fieldset class="privileges">
            <legend>{ "Privileges" }</legend>
            if props.state.form.method == Method::AppToken {
                // api_v3 adds a caller's privileges only for names it does not reserve (facts §7).
                <p class="field-warning">{ "An app token's session gets the privileges set on the token: the server drops every name it knows (sview, setrole, actionslimit, urirestrict, privacycontext, entitlement…) unless the token sets it to *. Set them on the token (its sessionPrivileges), or use a secret. What was granted shows once the session starts." }</p>
            }
            <div class="checks">
                <Checkbox id="priv-sview" label={sview_label} checked={p.limit_to_entry} hint={sview_hint}
                    onchange={toggle(|f, v| f.limit_to_entry = v)} />
                if let Some(message) = problem(PrivilegeInput::LimitToContent) {
                    <p id="priv-sview-msg" class="field-error">{ message.text }</p>
                }
                <Checkbox id="priv-playback" label="Playback only (setrole:PLAYBACK_BASE_ROLE)" checked={p.playback_role}
                    onchange={toggle(|f, v| f.playback_role = v)} />
                <Checkbox id="priv-entitlement" label="Enforce entitlement (enableentitlement)" checked={p.enable_entitlement}
                    onchange={toggle(|f, v| f.enable_entitlement = v)} />
            </div>
            <div class="row">
                <TextField id="priv-privacy" label="Privacy context" value={p.privacy_context.clone()}
                    problem={problem(PrivilegeInput::PrivacyContext)}
                    oninput={set(|f, v| f.privacy_context = v)} />
                <TextField id="priv-actions" label="Actions limit" value={p.actions_limit.clone()} inputmode="numeric"
                    problem={problem(PrivilegeInput::ActionsLimit)}
                    oninput={set(|f, v| f.actions_limit = v)} />
            </div>
            <TextField id="priv-uri" label="URI restriction (urirestrict)" value={p.uri_restrict.clone()} placeholder="/api_v3/service/baseEntry/*"
                problem={problem(PrivilegeInput::UriRestrict)}
                oninput={set(|f, v| f.uri_restrict = v)} />
            <TextField id="priv-custom" label="Custom privileges" value={p.custom.clone()} placeholder="name:value,name2:value"
                problem={problem(PrivilegeInput::Custom)}
                oninput={set(|f, v| f.custom = v)} />
            <p class="privileges-preview">{ "Sent as: " }
                <code>{ match preview { Ok(s) if !s.is_empty() => s.clone(), Ok(_) => "(none)".to_string(), Err(_) => "(fix the privileges first)".to_string() } }</code>
            </p>
            if !dangers.is_empty() {
                <ul class="dangers" aria-label="Privilege warnings">
                    { for dangers.iter().map(|d| html! {
                        <li data-severity={if d.severity() == Severity::Danger { "danger" } else { "note" }}>
                            if !d.privilege.is_empty() { <code>{ d.privilege.clone() }</code>{ ": " } }
                            { d.reason() }
                        </li>
                    }) }
                </ul>
            }
        </fieldset>
    }
}

fn session_result(
    props: &SessionPanelProps,
    active: &Rc<ActiveSession>,
    on_copied: Callback<String>,
    on_forget: Callback<MouseEvent>,
) -> Html {
    let outcome = &active.outcome;
    let state = &props.state;
    let received = active.received_at_ms;
    // The server's expiry is in its time; this computer's clock may be off. A KS the server has
    // just accepted cannot have expired already: with this clock ahead of it, count the lifetime
    // asked for from the answer instead (never remove a working KS for a wrong clock).
    let server_at = match outcome.expires_hint {
        ExpiresHint::At(secs) if secs as f64 * 1000.0 > received => Some(secs as f64 * 1000.0),
        _ => None,
    };
    let expires_at_ms = match outcome.expires_hint {
        ExpiresHint::At(_) => server_at.or_else(|| {
            active
                .requested_secs
                .map(|secs| received + f64::from(secs) * 1000.0)
        }),
        ExpiresHint::AfterSecs(secs) => Some(received + f64::from(secs) * 1000.0),
        ExpiresHint::Unknown => None,
    };
    // The server's own expiry a minute or more before the one asked for.
    let shortened = match (server_at, active.requested_secs) {
        (Some(at), Some(asked)) if at + 60_000.0 < received + f64::from(asked) * 1000.0 => {
            kaltura::session::api::Expiry::from_secs(u64::from(asked))
                .ok()
                .map(kaltura::session::api::Expiry::label)
        }
        _ => None,
    };
    let include = props.embed.include_ks;
    let on_include = props.on_include.clone();
    // An expired KS leaves the code, and the opt-in with it: a new session's KS goes in only
    // when ticked again.
    let on_expired = {
        let dispatcher = state.dispatcher();
        let already = active.expired;
        Callback::from(move |_| {
            // Once: a countdown mounted again at zero changes nothing.
            if !already {
                dispatcher.dispatch(SessionAction::Expired);
                crate::shared::bridge::send(crate::shared::bridge::Message::IncludeKs, "");
            }
        })
    };
    let user = match &outcome.user {
        SessionUser::Anonymous => "anonymous".to_string(),
        SessionUser::Named(name) => name.clone(),
        SessionUser::Unknown => "not readable (v2 KS)".to_string(),
    };
    html! {
        // The verdict itself is the status line beside the button (a live region), not repeated here.
        <div class="session-result">
            <SecretField id="session-ks" label="KS" value={outcome.ks.expose().to_string()} revealed={state.reveal_ks}
                on_toggle={state.dispatcher().to_callback().reform(|_| SessionAction::Toggle(Reveal::Ks))}
                {on_copied} />
            if let Some(at) = expires_at_ms {
                <Countdown expires_at_ms={at} upper_bound={matches!(outcome.expires_hint, ExpiresHint::AfterSecs(_))}
                    on_expired={on_expired} />
            }
            if let Some(asked) = shortened {
                <p class="field-hint">{ format!("Shorter than the {asked} asked for: the server applies the partner's maximum (or, for an app token, the token's session duration).") }</p>
            }
            <dl class="inspector" aria-label="KS inspector">
                <dt>{ "User" }</dt><dd>{ user }</dd>
                { inspector_rows(outcome, active.method) }
            </dl>
            <Checkbox id="include-ks" label="Include KS in embed code" checked={include && !active.expired} onchange={on_include}
                disabled={active.expired}
                hint="Off by default. Dynamic and thumbnail embeds get it as provider.ks / flashvars.ks; auto and iframe embeds put it in a URL (referrer, logs, caches): keep it short-lived and sview:-scoped." />
            <button type="button" onclick={on_forget}>{ "Forget this session" }</button>
        </div>
    }
}

fn inspector_rows(outcome: &SessionOutcome, method: Method) -> Html {
    // An app token's answer says what the server granted; otherwise a v2 KS shows only what
    // this page asked for.
    let privileges_label = match method {
        Method::AppToken => "Privileges granted",
        _ => "Privileges requested",
    };
    let pasted = method == Method::PasteKs;
    match outcome.ks.inspect() {
        Ok(KsInfo::V1(v1)) => html! {
            <>
                <dt>{ "Format" }</dt><dd>{ "KS v1 (readable)" }</dd>
                <dt>{ "Partner" }</dt><dd>{ v1.partner.to_string() }</dd>
                <dt>{ "Type" }</dt><dd>{ v1.session_type_label() }</dd>
                <dt>{ "Valid until" }</dt><dd>{ iso_time(v1.valid_until) }</dd>
                <dt>{ "Privileges" }</dt><dd><code>{ v1.privileges_joined() }</code></dd>
            </>
        },
        Ok(KsInfo::V2(v2)) => html! {
            <>
                <dt>{ "Format" }</dt><dd>{ "KS v2 (encrypted)" }</dd>
                <dt>{ "Partner" }</dt><dd>{ v2.partner.to_string() }</dd>
                <dt>{ privileges_label }</dt>
                <dd>{ match outcome.privileges.as_deref().filter(|p| !p.is_empty()) {
                    Some(privileges) => html! { <code>{ privileges.to_string() }</code> },
                    // A pasted v2 KS hides its own; a widget session asks for none.
                    None if pasted => html! { "not readable (v2 KS)" },
                    None => html! { "none requested by this page" },
                } }</dd>
                <dd class="note">{ V2_UNREADABLE_NOTE }</dd>
            </>
        },
        Err(err) => html! { <><dt>{ "Format" }</dt><dd>{ err.message() }</dd></> },
    }
}

fn iso_time(unix_secs: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix_secs as f64 * 1000.0));
    String::from(date.to_iso_string())
}

#[derive(Properties, PartialEq, Clone)]
pub struct CountdownProps {
    pub expires_at_ms: f64,
    /// The server may have shortened the lifetime: say "at most".
    pub upper_bound: bool,
    /// Called once the countdown reaches zero.
    pub on_expired: Callback<()>,
}

/// "Expires in 59:12", refreshed every second; "Expired" at zero.
#[function_component(Countdown)]
pub fn countdown(props: &CountdownProps) -> Html {
    let now = use_state(js_sys::Date::now);
    {
        let now = now.clone();
        use_effect_with((), move |_| {
            let interval =
                gloo_timers::callback::Interval::new(1000, move || now.set(js_sys::Date::now()));
            move || drop(interval)
        });
    }
    let left = ((props.expires_at_ms - *now) / 1000.0).max(0.0) as u64;
    use_effect_with(left == 0, {
        let on_expired = props.on_expired.clone();
        move |expired| {
            if *expired {
                on_expired.emit(())
            }
        }
    });
    let text = if left == 0 {
        "Expired: start a new session.".to_string()
    } else {
        let (h, m, s) = (left / 3600, (left % 3600) / 60, left % 60);
        let prefix = if props.upper_bound {
            "Expires in at most "
        } else {
            "Expires in "
        };
        if h > 0 {
            format!("{prefix}{h}:{m:02}:{s:02}")
        } else {
            format!("{prefix}{m}:{s:02}")
        }
    };
    html! { <p class="countdown">{ text }</p> }
}
