//! The code panel: the generated embed code (or what is still missing), its notes, and the copy button.

use kaltura::form::Evaluation;
use yew::prelude::*;

use crate::code_block::CodeBlock;

/// The panel as part of `App`'s view (a plain function: it has no state; `CodeBlock` holds the copy status).
pub fn code_panel(evaluation: &Evaluation) -> Html {
    let snippet = evaluation.snippet.as_ref();
    let code = match snippet {
        Some(snippet) => Ok(snippet.code.clone()),
        None => Err(evaluation.placeholder()),
    };
    html! {
        <section class="panel code-panel" aria-labelledby="code-heading">
            <h2 id="code-heading">{ "Embed code" }</h2>
            <CodeBlock id="embed-code" labelled_by="code-heading" {code} copy_label="Copy embed code">
                if let Some(snippet) = snippet {
                    if !snippet.notes.is_empty() {
                        <ul class="notes">
                            { for snippet.notes.iter().map(|n| html! { <li>{ n.message() }</li> }) }
                        </ul>
                    }
                }
            </CodeBlock>
        </section>
    }
}
