//! A started session's view: its KS, countdown, inspector, "Include KS" and Forget.

use std::rc::Rc;

use kaltura::session::api::SessionOutcome;
use kaltura::session::form::Method;
use kaltura::session::ks::{KsInfo, V2_UNREADABLE_NOTE};
use kaltura::session::lifetime::{countdown_text, deadline, seconds_left};
use kaltura::session::status::user_label;
use yew::prelude::*;

use super::state::{ActiveSession, Reveal, SessionAction};
use super::SessionPanelProps;
use crate::extras::secret_field::SecretField;
use crate::shared::bridge::{self, Message};
use crate::shared::fields::Checkbox;

pub(super) fn session_result(
    props: &SessionPanelProps,
    active: &Rc<ActiveSession>,
    on_copied: Callback<String>,
    on_forget: Callback<MouseEvent>,
) -> Html {
    let outcome = &active.outcome;
    let state = &props.state;
    let deadline = deadline(
        outcome.expires_hint,
        active.received_at_ms,
        active.requested_secs,
    );
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
                bridge::send(Message::IncludeKs, "");
            }
        })
    };
    html! {
        // The verdict itself is the status line beside the button (a live region), not repeated here.
        <div class="session-result">
            <SecretField id="session-ks" label="KS" value={outcome.ks.expose().to_string()} revealed={state.reveal_ks}
                on_toggle={state.dispatcher().to_callback().reform(|_| SessionAction::Toggle(Reveal::Ks))}
                {on_copied} />
            if let Some(at) = deadline.at_ms {
                <Countdown expires_at_ms={at} upper_bound={deadline.upper_bound}
                    on_expired={on_expired} />
            }
            if let Some(asked) = deadline.shortened_from {
                <p class="field-hint">{ format!("Shorter than the {} asked for: the server applies the partner's maximum (or, for an app token, the token's session duration).", asked.label()) }</p>
            }
            <dl class="inspector" aria-label="KS inspector">
                <dt>{ "User" }</dt><dd>{ user_label(&outcome.user).to_string() }</dd>
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
    let left = seconds_left(props.expires_at_ms, *now);
    use_effect_with(left == 0, {
        let on_expired = props.on_expired.clone();
        move |expired| {
            if *expired {
                on_expired.emit(())
            }
        }
    });
    html! { <p class="countdown">{ countdown_text(left, props.upper_bound) }</p> }
}
