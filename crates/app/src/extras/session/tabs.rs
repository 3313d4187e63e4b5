//! How to start the session: the method tabs (arrow keys move between them) and each one's inputs.

use kaltura::session::api::Expiry;
use kaltura::session::digest::AppTokenHashType;
use kaltura::session::form::{ExpiryChoice, Method, PrivilegeInput, SessionField};
use kaltura::session::privileges::Danger;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::privileges::privileges_builder;
use super::state::{Reveal, SessionAction, SessionState, SessionText};
use super::{focus, secret_problem, text_input, SessionPanelProps};
use crate::extras::secret_field::SecretField;
use crate::shared::fields::{radio_group, ChoiceOption, FieldMessage, Flow, TextField};

/// User IDs suggested by Kaltura's credentials guide, one per scenario.
const USER_ID_PRESETS: [(&str, &str); 3] = [
    ("app-service-account", "Application backend"),
    ("test-automation", "Testing"),
    ("claude-code-kaltura-dev", "AI agent automation"),
];

pub(super) fn tab_id(method: Method) -> &'static str {
    match method {
        Method::Widget => "tab-widget",
        Method::AppToken => "tab-app-token",
        Method::Secret => "tab-secret",
        Method::PasteKs => "tab-paste-ks",
    }
}

/// The tab list: one tab per method.
pub(super) fn tab_list(state: &UseReducerHandle<SessionState>) -> Html {
    let form = &state.form;
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
    html! {
        <div role="tablist" aria-label="How to start the session" class="tabs">{ for tabs }</div>
    }
}

/// The selected method's inputs, then who the session is for, its expiry and its privileges.
pub(super) fn tab_panel(
    props: &SessionPanelProps,
    privileges_preview: &Result<String, (PrivilegeInput, String)>,
    dangers: &[Danger],
    on_copied: &Callback<String>,
) -> Html {
    let state = &props.state;
    let form = &state.form;
    let text_cb = |input: SessionText| text_input(state, input);
    let problem = |field: SessionField| secret_problem(state, field);
    html! {
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
                { privileges_builder(props, privileges_preview, dangers) }
            }
        </div>
    }
}
