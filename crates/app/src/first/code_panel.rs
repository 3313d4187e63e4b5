//! The code panel: the generated embed code (or what is still missing), its notes, its copy button, and the slot the extras fill with the other formats.
//!
//! One panel for every format. This module draws the HTML embed (the only code a first visit
//! needs), a "No wrap" box that works by CSS alone (`:has`, no state here), and an empty
//! `#code-formats` slot that the extras fill, through a yew portal, with the format tabs (HTML,
//! React, Vue, ES module, Second player, SEO) and the chosen one's code and copy button. They
//! mark the chosen format on `<html>` (`data-code-format`), and style.css then hides the HTML code
//! below: the framework and SEO text stays in the extras module, out of the first load.

use kaltura::embed::form::Evaluation;
use yew::prelude::*;

use crate::shared::code_block::{code_block, CodeBlockProps, CopyAction, CopyState};

/// The panel as part of `App`'s view (a plain function: `App`'s reducer holds the copy status).
pub fn code_panel(evaluation: &Evaluation, copy: CopyState, on_copy: Callback<CopyAction>) -> Html {
    let snippet = evaluation.snippet.as_ref();
    let code = match snippet {
        Some(snippet) => Ok(snippet.code.clone()),
        None => Err(evaluation.placeholder()),
    };
    let notes = match snippet {
        Some(snippet) if !snippet.notes.is_empty() => html! {
            <ul class="notes">
                { for snippet.notes.iter().map(|n| html! { <li>{ n.message() }</li> }) }
            </ul>
        },
        _ => Html::default(),
    };
    let props = CodeBlockProps {
        id: "embed-code".into(),
        labelled_by: "code-heading".into(),
        code,
        copy_label: "Copy HTML".into(),
        children: notes,
        explains_not_ready: true,
    };

    // The slot keeps its place (and, by style.css, the tab strip's height) from the first render
    // on: the tabs arrive without moving anything, and yew leaves the portal's content alone.
    html! {
        <section class="panel code-panel" aria-labelledby="code-heading">
            <div class="code-head">
                <h2 id="code-heading">{ "Embed code" }</h2>
                <label class="nowrap"><input type="checkbox" id="code-nowrap" />{ "No wrap" }</label>
            </div>
            <div id={crate::CODE_FORMATS_ID} class="code-formats"></div>
            <div class="html-code">{ code_block(&props, copy, on_copy) }</div>
        </section>
    }
}
