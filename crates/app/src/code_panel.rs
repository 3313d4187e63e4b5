//! The code panel: the generated embed code (or what is still missing), its notes, and the copy button.

use std::rc::Rc;

use kaltura::form::Evaluation;
use yew::prelude::*;

use crate::code_block::CodeBlock;

#[derive(Properties, PartialEq, Clone)]
pub struct CodePanelProps {
    pub evaluation: Rc<Evaluation>,
}

#[function_component(CodePanel)]
pub fn code_panel(props: &CodePanelProps) -> Html {
    let snippet = props.evaluation.snippet.as_ref();
    let code = match snippet {
        Some(snippet) => Ok(snippet.code.clone()),
        None => Err(props.evaluation.placeholder()),
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
