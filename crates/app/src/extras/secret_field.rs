//! A secret input (admin secret, app token, KS): masked by default, reveal toggle, copy, never autocompleted.

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::shared::clipboard;

#[derive(Properties, PartialEq, Clone)]
pub struct SecretFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub revealed: bool,
    pub on_toggle: Callback<()>,
    /// `None` makes the field read-only (a KS).
    #[prop_or_default]
    pub oninput: Option<Callback<String>>,
    #[prop_or_default]
    pub problem: Option<AttrValue>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Told what happened after a copy ("KS copied", or why not).
    pub on_copied: Callback<String>,
}

#[function_component(SecretField)]
pub fn secret_field(props: &SecretFieldProps) -> Html {
    let msg_id = format!("{}-msg", props.id);
    let hint_id = format!("{}-hint", props.id);
    let described: Vec<&str> = [
        props.problem.as_ref().map(|_| msg_id.as_str()),
        props.hint.as_ref().map(|_| hint_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let oninput = props.oninput.clone().map(|cb| {
        cb.reform(|e: InputEvent| {
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value()
        })
    });
    let toggle = props.on_toggle.reform(|_: MouseEvent| ());
    let copy = {
        let value = props.value.to_string();
        let label = props.label.to_string();
        let on_copied = props.on_copied.clone();
        Callback::from(move |_: MouseEvent| {
            let value = value.clone();
            let label = label.clone();
            let on_copied = on_copied.clone();
            spawn_local(async move {
                let said = match clipboard::write_text(&value).await {
                    Ok(()) => format!("{label} copied"),
                    Err(err) => err
                        .message()
                        .replace("The code is selected: press", "Select it and press"),
                };
                on_copied.emit(said);
            });
        })
    };
    let invalid = props.problem.is_some();
    html! {
        <div class="field secret-field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <div class="secret-row">
                <input
                    id={props.id.clone()}
                    type={if props.revealed { "text" } else { "password" }}
                    value={props.value.clone()}
                    readonly={props.oninput.is_none()}
                    autocomplete="off"
                    autocapitalize="none"
                    spellcheck="false"
                    aria-invalid={if invalid { "true" } else { "false" }}
                    aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                    {oninput}
                />
                <button type="button" class="small" aria-pressed={if props.revealed { "true" } else { "false" }}
                    aria-controls={props.id.clone()} aria-label={format!("Show {}", props.label)} onclick={toggle}>
                    { if props.revealed { "Hide" } else { "Show" } }
                </button>
                <button type="button" class="small" aria-label={format!("Copy {}", props.label)}
                    disabled={props.value.is_empty()} onclick={copy}>
                    { "Copy" }
                </button>
            </div>
            if let Some(problem) = &props.problem {
                <p id={msg_id} class="field-error">{ problem.clone() }</p>
            }
            if let Some(hint) = &props.hint {
                <p id={hint_id} class="field-hint">{ hint.clone() }</p>
            }
        </div>
    }
}
