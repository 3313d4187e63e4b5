//! A read-only code box with its copy button and status: the embed code, and each framework's code.

use std::cell::Cell;

use web_sys::HtmlTextAreaElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::clipboard::{self, CopyError};

#[derive(Properties, PartialEq, Clone)]
pub struct CodeBlockProps {
    /// The textarea's id.
    pub id: AttrValue,
    /// The id of the heading that names the box.
    pub labelled_by: AttrValue,
    /// The code to copy, or (`Err`) what the box shows instead: what is still missing.
    pub code: Result<String, String>,
    /// The copy button's text, e.g. "Copy embed code".
    pub copy_label: AttrValue,
    /// Shown between the box and the copy button (notes, optional fields).
    #[prop_or_default]
    pub children: Html,
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

#[function_component(CodeBlock)]
pub fn code_block(props: &CodeBlockProps) -> Html {
    let status = use_state_eq(|| CopyStatus::Idle);
    // Bumped on every copy so an older timer never clears a newer message.
    let generation = use_mut_ref(|| Cell::new(0u32));
    let textarea = use_node_ref();
    let ready = props.code.is_ok();
    let state_id = format!("{}-state", props.id);

    let onclick = {
        let status = status.clone();
        let textarea = textarea.clone();
        let code = props.code.clone().ok();
        Callback::from(move |_: MouseEvent| {
            let Some(code) = code.clone() else { return };
            let (status, textarea, generation) =
                (status.clone(), textarea.clone(), generation.clone());
            let mine = {
                let g = generation.borrow();
                g.set(g.get().wrapping_add(1));
                g.get()
            };
            spawn_local(async move {
                match clipboard::write_text(&code).await {
                    Ok(()) => status.set(CopyStatus::Copied),
                    Err(err) => {
                        // Selected, so Ctrl+C / long-press copies it by hand.
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

    let (Ok(code) | Err(code)) = &props.code;
    html! {
        <>
            <textarea
                ref={textarea}
                id={props.id.clone()}
                class={classes!("code", (!ready).then_some("code--placeholder"))}
                readonly=true
                spellcheck="false"
                wrap="off"
                aria-labelledby={props.labelled_by.clone()}
                aria-describedby={state_id.clone()}
                value={code.clone()}
            />
            <p id={state_id} class="visually-hidden">
                { if ready { "Ready to copy." } else { "Not ready: see the text in the code box." } }
            </p>
            { props.children.clone() }
            <div class="actions">
                <button type="button" class="primary" disabled={!ready} {onclick}>
                    { props.copy_label.clone() }
                </button>
                <span role="status" class="status">{ status.message() }</span>
            </div>
        </>
    }
}
