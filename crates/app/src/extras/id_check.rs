//! The embed's IDs checked with Kaltura, without a secret, once they are valid and the form has
//! been still for a moment (`kaltura::session::api::player_check`): a wrong partner, a v2 player
//! picked as v7 or an unknown entry is named before the code is copied.

use std::cell::Cell;
use std::rc::Rc;

use kaltura::embed::form::{Evaluation, Field};
use kaltura::session::api::{player_check, ApiError, Verdict};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::net::post_form;
use crate::shared::fields::field_id;

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
    let (tone, text, mark) = match &*state {
        CheckState::Idle => ("neutral", String::new(), None),
        CheckState::Checking => (
            "neutral",
            "Checking the IDs with Kaltura (no secret needed)…".to_string(),
            Some((Field::ContentId, "Checking…")),
        ),
        CheckState::Done(verdict) => {
            let tone = match verdict {
                Verdict::Fine => "ok",
                Verdict::NotChecked(_) => "neutral",
                _ => "warn",
            };
            (
                tone,
                verdict.message(),
                Some((verdict.field(), verdict.mark())),
            )
        }
    };
    // Always in the page (empty when there is nothing to say), so screen readers hear each
    // change of the live region; the mark beside the field repeats it in a few words for the eye.
    html! {
        <>
            <p class="id-check" role="status" data-tone={tone}>{ text }</p>
            { for mark.and_then(|(field, words)| field_mark(field, tone, words)) }
        </>
    }
}

/// A few words on the line of `field`'s label, at its right: drawn over the field's own box
/// (`position: absolute`, one line, cut with an ellipsis), so nothing below it moves when a
/// verdict arrives. The field belongs to the first module; this is a portal into its wrapper.
fn field_mark(field: Field, tone: &'static str, words: &'static str) -> Option<Html> {
    let wrapper = web_sys::window()?
        .document()?
        .get_element_by_id(field_id(field))?
        .parent_element()?;
    Some(create_portal(
        html! { <span class="id-mark" data-tone={tone} aria-hidden="true">{ words }</span> },
        wrapper,
    ))
}
