//! The embed's IDs checked with Kaltura, without a secret, once they are valid and the form has
//! been still for a moment (`kaltura::session::api::player_check`): a wrong partner, a v2 player
//! picked as v7 or an unknown entry is named before the code is copied.

use std::cell::Cell;
use std::rc::Rc;

use kaltura::embed::form::Evaluation;
use kaltura::session::api::{player_check, ApiError, Verdict};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::net::post_form;

/// How long the IDs must stay as they are before they are checked: typing is not a stream of
/// requests.
pub const CHECK_QUIET_MS: u32 = 800;

#[derive(Properties, PartialEq, Clone)]
pub struct IdCheckProps {
    pub evaluation: Rc<Evaluation>,
}

#[derive(Debug, Clone, PartialEq)]
enum CheckState {
    /// Nothing to check (the form is not valid yet), or waiting out the quiet spell.
    Idle,
    Checking,
    Done(Verdict),
}

#[function_component(IdCheck)]
pub fn id_check(props: &IdCheckProps) -> Html {
    let state = use_state(|| CheckState::Idle);
    let check = props.evaluation.request.as_ref().and_then(player_check);
    {
        let state = state.clone();
        use_effect_with(check, move |check| {
            // A verdict about other IDs is not shown beside these.
            state.set(CheckState::Idle);
            // Set when these IDs are no longer the form's: their answer, if it still comes,
            // must not overwrite a newer one.
            let stale = Rc::new(Cell::new(false));
            let controller = web_sys::AbortController::new().ok();
            let timer = check
                .clone()
                .zip(controller.clone())
                .map(|(check, controller)| {
                    let stale = stale.clone();
                    gloo_timers::callback::Timeout::new(CHECK_QUIET_MS, move || {
                        state.set(CheckState::Checking);
                        spawn_local(async move {
                            let verdict = match post_form(&check.request, &controller).await {
                                Ok(text) => check.decode(&text, super::net::browser_json),
                                Err(network) => {
                                    Verdict::NotChecked(ApiError::Network(network).message())
                                }
                            };
                            if !stale.get() {
                                state.set(CheckState::Done(verdict));
                            }
                        });
                    })
                });
            move || {
                stale.set(true);
                drop(timer);
                if let Some(controller) = controller {
                    controller.abort();
                }
            }
        });
    }
    let (tone, text) = match &*state {
        CheckState::Idle => ("neutral", String::new()),
        CheckState::Checking => (
            "neutral",
            "Checking the IDs with Kaltura (no secret needed)…".to_string(),
        ),
        CheckState::Done(verdict) => {
            let tone = match verdict {
                Verdict::Fine => "ok",
                Verdict::NotChecked(_) => "neutral",
                _ => "warn",
            };
            (tone, verdict.message())
        }
    };
    // Always in the page (empty when there is nothing to say), so screen readers hear each
    // change of the live region.
    html! {
        <p class="id-check" role="status" data-tone={tone}>{ text }</p>
    }
}
