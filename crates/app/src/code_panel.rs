//! The code panel: the generated snippet (or what is still missing), its notes, and the copy button.

use std::cell::Cell;
use std::rc::Rc;

use kaltura::form::Evaluation;
use kaltura::frameworks::{render, seo_json_ld, Output, SeoFields};
use web_sys::HtmlTextAreaElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::clipboard::{self, CopyError};
use crate::fields::TextField;

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
    let output = use_state(Output::default);
    let seo = use_state(SeoFields::default);
    let snippet = props.evaluation.snippet.as_ref();
    let seo_block = props
        .evaluation
        .request
        .as_ref()
        .map(|req| seo_json_ld(req, &seo));
    // What the code block shows: the chosen output, or why there is none yet.
    let shown: Result<String, String> =
        match &props.evaluation.request {
            None => Err(props.evaluation.placeholder()),
            Some(req) => render(req, *output).map_err(str::to_string).map(|code| {
                match (&seo_block, *output) {
                    (Some(Ok(Some(block))), Output::Html | Output::SecondPlayer) => {
                        format!("{block}\n{code}")
                    }
                    _ => code,
                }
            }),
        };
    let code = match &shown {
        Ok(code) | Err(code) => code.clone(),
    };
    let ready = shown.is_ok();

    let onclick = {
        let status = status.clone();
        let generation = generation.clone();
        let textarea = textarea.clone();
        let code = shown.clone().ok();
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
            <div role="group" aria-label="Code format" class="formats">
                { for Output::ALL.iter().map(|o| {
                    let pressed = *o == *output;
                    let onclick = { let output = output.clone(); let o = *o; Callback::from(move |_: MouseEvent| output.set(o)) };
                    html! { <button type="button" class="chip" aria-pressed={if pressed { "true" } else { "false" }} {onclick}>{ o.label() }</button> }
                }) }
            </div>
            <textarea
                ref={textarea}
                id="embed-code"
                class={classes!("code", (!ready).then_some("code--placeholder"))}
                readonly=true
                spellcheck="false"
                wrap="off"
                aria-labelledby="code-heading"
                aria-describedby="code-state"
                value={code}
            />
            <p id="code-state" class="visually-hidden">
                { if ready { "Ready to copy." } else { "Not ready: see the text in the code box." } }
            </p>
            if let Some(snippet) = snippet {
                if !snippet.notes.is_empty() {
                    <ul class="notes">
                        { for snippet.notes.iter().map(|n| html! { <li>{ n.message() }</li> }) }
                    </ul>
                }
            }
            { seo_fields(&seo, seo_block.as_ref().and_then(|r| r.as_ref().err()).map(|e| e.message())) }
            <div class="actions">
                <button type="button" class="primary" disabled={!ready} {onclick}>
                    { "Copy embed code" }
                </button>
                <span role="status" class="status">{ status.message() }</span>
            </div>
        </section>
    }
}

/// The optional schema.org fields (collapsed by default).
fn seo_fields(seo: &UseStateHandle<SeoFields>, error: Option<String>) -> Html {
    let field = |id: &'static str,
                 label: &'static str,
                 placeholder: &'static str,
                 get: fn(&SeoFields) -> &String,
                 set: fn(&mut SeoFields, String)| {
        let value = get(seo).clone();
        let seo = seo.clone();
        let oninput = Callback::from(move |value: String| {
            let mut next = (*seo).clone();
            set(&mut next, value);
            seo.set(next);
        });
        html! { <TextField id={id} label={label} placeholder={placeholder} {value} {oninput} /> }
    };
    html! {
        <details class="seo">
            <summary>{ "SEO: schema.org VideoObject metadata (optional)" }</summary>
            <p class="field-hint">{ "Adds a JSON-LD block search engines read; empty fields are left out." }</p>
            { field("seo-name", "Video name", "Product tour", |s| &s.name, |s, v| s.name = v) }
            { field("seo-description", "Description", "", |s| &s.description, |s, v| s.description = v) }
            { field("seo-thumbnail", "Thumbnail URL", "https://…", |s| &s.thumbnail_url, |s, v| s.thumbnail_url = v) }
            <div class="row">
                { field("seo-date", "Upload date", "2026-11-24", |s| &s.upload_date, |s, v| s.upload_date = v) }
                { field("seo-duration", "Duration", "1:30", |s| &s.duration, |s, v| s.duration = v) }
            </div>
            if let Some(error) = error {
                <p class="field-error" role="alert">{ error }</p>
            }
        </details>
    }
}
