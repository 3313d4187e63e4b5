//! Kaltura Embed Studio page: one module per panel, one reducer per concern.
//!
//! The page never builds snippet text: `kaltura::form::evaluate` does, on every change.

pub mod clipboard;
pub mod code_panel;
pub mod embed_panel;
pub mod embed_state;
pub mod fields;

use embed_state::EmbedState;
use yew::prelude::*;

/// The whole page: the embed form beside its code.
#[function_component(App)]
pub fn app() -> Html {
    let embed = use_reducer(EmbedState::default);
    let evaluation = {
        let form = embed.form.clone();
        use_memo(form, |form| kaltura::form::evaluate(form, None))
    };
    html! {
        <>
            <header class="page-header">
                <h1>{ "Kaltura Embed Studio" }</h1>
                <p class="tagline">
                    { "Type a Partner ID, a player and an entry or playlist: get copy-ready Kaltura player embed code." }
                </p>
            </header>
            <main class="layout">
                <embed_panel::EmbedPanel state={embed.clone()} evaluation={evaluation.clone()} />
                <code_panel::CodePanel evaluation={evaluation} />
            </main>
        </>
    }
}
