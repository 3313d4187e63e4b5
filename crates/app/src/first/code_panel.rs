//! The code panel: the generated embed code (or what is still missing), its notes, and the copy button.

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
        copy_label: "Copy embed code".into(),
        children: notes,
    };
    html! {
        <section class="panel code-panel" aria-labelledby="code-heading">
            <h2 id="code-heading">{ "Embed code" }</h2>
            { code_block(&props, copy, on_copy) }
        </section>
    }
}
