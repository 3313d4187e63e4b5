//! A read-only code box with its copy button and status: the embed code, and each framework's code.

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::shared::clipboard::{self, CopyError};

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
    /// Shown under the box (notes). The copy button is above it, in view as soon as the panel is.
    #[prop_or_default]
    pub children: Html,
    /// Copy stays enabled while the code is not ready, and a press says why (`CopyAction::NotReady`):
    /// for the page's own form, which then shows every field's message. Otherwise it is disabled.
    #[prop_or_default]
    pub explains_not_ready: bool,
}

/// What the status region says about the last copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyStatus {
    Idle,
    Copied,
    Failed(CopyError),
    /// Copy was pressed before the form gave code.
    NotReady,
}

impl CopyStatus {
    pub fn message(self) -> &'static str {
        match self {
            CopyStatus::Idle => "",
            CopyStatus::Copied => "Copied",
            CopyStatus::Failed(err) => err.message(),
            CopyStatus::NotReady => {
                "Not copied: the form is not complete. See the messages at its fields."
            }
        }
    }
}

/// How long a copy result stays in the status region before it is cleared.
const STATUS_CLEAR_MS: u32 = 4000;

/// Numbers each copy, so an older copy's timer never clears a newer copy's message.
static COPIES: AtomicU32 = AtomicU32::new(0);

/// What the status region says and which copy said it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CopyState {
    pub status: CopyStatus,
    copy: u32,
}

impl Default for CopyState {
    fn default() -> Self {
        CopyState {
            status: CopyStatus::Idle,
            copy: 0,
        }
    }
}

/// The result of copy number `.0`, then (`Clear`) the end of its time on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyAction {
    Done(u32, CopyStatus),
    Clear(u32),
    /// Copy was pressed while there was no code (see `explains_not_ready`).
    NotReady,
}

impl CopyState {
    pub fn apply(self, action: CopyAction) -> Self {
        match action {
            CopyAction::Done(copy, status) => CopyState { status, copy },
            CopyAction::Clear(copy) if copy == self.copy => CopyState::default(),
            CopyAction::Clear(_) => self,
            CopyAction::NotReady => CopyState {
                status: CopyStatus::NotReady,
                ..self
            },
        }
    }

    /// The code changed: "Copied" would now describe other text than the box shows.
    pub fn code_changed(self) -> Self {
        CopyState {
            status: CopyStatus::Idle,
            ..self
        }
    }
}

impl Reducible for CopyState {
    type Action = CopyAction;

    fn reduce(self: Rc<Self>, action: CopyAction) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

/// A code box that keeps its own copy status (the extras' framework code).
#[function_component(CodeBlock)]
pub fn code_block_component(props: &CodeBlockProps) -> Html {
    let copy = use_reducer(CopyState::default);
    code_block(props, *copy, copy.dispatcher().to_callback())
}

/// The code box as a plain function over a copy status held elsewhere: the embed code's lives in
/// `App`'s one reducer, so the first module carries no component type for it.
pub fn code_block(props: &CodeBlockProps, copy: CopyState, on_copy: Callback<CopyAction>) -> Html {
    let ready = props.code.is_ok();
    let state_id = format!("{}-state", props.id);

    let onclick = {
        let code = props.code.clone().ok();
        let id = props.id.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(code) = code.clone() else {
                return on_copy.emit(CopyAction::NotReady);
            };
            let (on_copy, id) = (on_copy.clone(), id.clone());
            let mine = COPIES.fetch_add(1, Ordering::Relaxed) + 1;
            spawn_local(async move {
                let status = match clipboard::write_text(&code).await {
                    Ok(()) => CopyStatus::Copied,
                    Err(err) => {
                        // Selected, so Ctrl+C / long-press copies it by hand.
                        let textarea = web_sys::window()
                            .and_then(|w| w.document())
                            .and_then(|d| d.get_element_by_id(&id))
                            .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok());
                        if let Some(textarea) = textarea {
                            textarea.select();
                        }
                        CopyStatus::Failed(err)
                    }
                };
                on_copy.emit(CopyAction::Done(mine, status));
                gloo_timers::future::TimeoutFuture::new(STATUS_CLEAR_MS).await;
                on_copy.emit(CopyAction::Clear(mine));
            });
        })
    };

    let (Ok(code) | Err(code)) = &props.code;
    html! {
        <>
            <div class="actions">
                <button type="button" class="primary" disabled={!ready && !props.explains_not_ready} {onclick}>
                    { props.copy_label.clone() }
                </button>
                <span role="status" class="status">{ copy.status.message() }</span>
            </div>
            <textarea
                id={props.id.clone()}
                class="code"
                data-placeholder={(!ready).then_some("")}
                readonly=true
                spellcheck="false"
                aria-labelledby={props.labelled_by.clone()}
                aria-describedby={state_id.clone()}
                value={code.clone()}
            />
            <p id={state_id} class="visually-hidden">
                { if ready { "Ready to copy." } else { "Not ready: see the text in the code box." } }
            </p>
            { props.children.clone() }
        </>
    }
}
