//! The code panel: the generated snippet (or what is still missing), its notes, and the copy button.

use std::cell::Cell;
use std::rc::Rc;

use kaltura::form::Evaluation;
use web_sys::HtmlTextAreaElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::clipboard::{self, CopyError};

#[derive(Properties, PartialEq, Clone)]
pub struct CodePanelProps {
    pub evaluation: Rc<Evaluation>,
}

/// What the status region says about the last copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyStatus {
    Idle,
    Copied,
    Failed(CopyError),
}

impl CopyStatus {
    pub fn message(self) -> &'static str {
        match self {
            CopyStatus::Idle => "",
            CopyStatus::Copied => "Copied",
            CopyStatus::Failed(err) => err.message(),
        }
    }
}

/// How long a copy result stays in the status region before it is cleared.
const STATUS_CLEAR_MS: u32 = 4000;

#[function_component(CodePanel)]
pub fn code_panel(props: &CodePanelProps) -> Html {
    let status = use_state_eq(|| CopyStatus::Idle);
    // Bumped on every copy so an older timer never clears a newer message.
    let generation = use_mut_ref(|| Cell::new(0u32));
    let textarea = use_node_ref();
    let snippet = props.evaluation.snippet.as_ref();
    let code = match snippet {
        Some(s) => s.code.clone(),
        None => props.evaluation.placeholder(),
    };

    let onclick = {
        let status = status.clone();
        let generation = generation.clone();
        let textarea = textarea.clone();
        let code = snippet.map(|s| s.code.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(code) = code.clone() else { return };
            let status = status.clone();
            let textarea = textarea.clone();
            let generation = generation.clone();
            let mine = {
                let g = generation.borrow();
                g.set(g.get().wrapping_add(1));
                g.get()
            };
            spawn_local(async move {
                let result = clipboard::write_text(&code).await;
                match result {
                    Ok(()) => status.set(CopyStatus::Copied),
                    Err(err) => {
                        if let Some(el) = textarea.cast::<HtmlTextAreaElement>() {
                            el.select();
                        }
                        status.set(CopyStatus::Failed(err));
                    }
                }
                gloo_timers::future::TimeoutFuture::new(STATUS_CLEAR_MS).await;
                if generation.borrow().get() == mine {
                    status.set(CopyStatus::Idle);
                }
            });
        })
    };

    html! {
        <section class="panel code-panel" aria-labelledby="code-heading">
            <h2 id="code-heading">{ "Embed code" }</h2>
            <textarea
                ref={textarea}
                id="embed-code"
                class={classes!("code", snippet.is_none().then_some("code--placeholder"))}
                readonly=true
                spellcheck="false"
                wrap="off"
                aria-labelledby="code-heading"
                aria-describedby="code-state"
                value={code}
            />
            <p id="code-state" class="visually-hidden">
                { if snippet.is_some() { "Ready to copy." } else { "Incomplete: fill in the fields listed." } }
            </p>
            if let Some(snippet) = snippet {
                if !snippet.notes.is_empty() {
                    <ul class="notes">
                        { for snippet.notes.iter().map(|n| html! { <li>{ n.message() }</li> }) }
                    </ul>
                }
            }
            <div class="actions">
                <button type="button" class="primary" disabled={snippet.is_none()} {onclick}>
                    { "Copy embed code" }
                </button>
                <span role="status" class="status">{ status.message() }</span>
            </div>
        </section>
    }
}
