//! Accessible form controls: labelled text input with its message, radio group, checkbox.

use kaltura::embed::form::{Field, Problem, Severity};

/// The attribute of a "Fill from this" button: the id of the input whose text it fills from.
/// The extras draw the button (in the field's error line, `fill_offer`) and handle its clicks: in
/// the first module it cost about 0.4 KB of wasm that the budget does not have.
pub const FILL_ATTR: &str = "data-fill";

/// A message shown under a field: an error (sets `aria-invalid`) or a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMessage {
    pub text: String,
    pub invalid: bool,
}

impl FieldMessage {
    pub fn error(text: &str) -> Self {
        FieldMessage {
            text: text.to_string(),
            invalid: true,
        }
    }
}

impl From<Problem> for FieldMessage {
    fn from(problem: Problem) -> Self {
        FieldMessage {
            invalid: problem.severity != Severity::Warning,
            text: problem.message,
        }
    }
}
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The message to show now (the caller decides whether a "missing" one is due yet).
    #[prop_or_default]
    pub problem: Option<FieldMessage>,
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    pub oninput: Callback<String>,
    #[prop_or_default]
    pub onblur: Callback<()>,
}

/// A text input with a visible label, an optional hint, and its error or warning tied by `aria-describedby`.
#[function_component(TextField)]
pub fn text_field_component(props: &TextFieldProps) -> Html {
    text_field(props)
}

/// `TextField` as a plain function: the embed form (first module) renders its fields this way,
/// as part of its own view, so that module carries no component code per control type.
pub fn text_field(props: &TextFieldProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    let msg_id = format!("{}-msg", props.id);
    let invalid = props.problem.as_ref().is_some_and(|p| p.invalid);
    let mut described = Vec::new();
    if props.problem.is_some() {
        described.push(msg_id.clone());
    }
    if props.hint.is_some() {
        described.push(hint_id.clone());
    }
    let oninput = props
        .oninput
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let onblur = props.onblur.reform(|_: FocusEvent| ());
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input
                id={props.id.clone()}
                type="text"
                value={props.value.clone()}
                inputmode={props.inputmode.clone()}
                placeholder={props.placeholder.clone()}
                autocomplete="off"
                spellcheck="false"
                aria-invalid={if invalid { "true" } else { "false" }}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                {oninput}
                {onblur}
            />
            if let Some(problem) = &props.problem {
                { field_message(msg_id, problem) }
            }
            if let Some(hint) = &props.hint {
                <p id={hint_id} class="field-hint">{ hint.clone() }</p>
            }
        </div>
    }
}

/// A field's error or warning line. Class names are literals: an expression there would go
/// through yew's `Classes` set, several KB of wasm in the first module for no gain.
fn field_message(id: String, message: &FieldMessage) -> Html {
    let text = message.text.clone();
    if message.invalid {
        html! { <p {id} class="field-error">{ text }</p> }
    } else {
        html! { <p {id} class="field-warning">{ text }</p> }
    }
}

/// One option of a radio group: value, label and an optional one-line explanation.
#[derive(PartialEq, Clone)]
pub struct ChoiceOption<T> {
    pub value: T,
    pub label: &'static str,
    pub help: Option<&'static str>,
}

/// How a radio group lays out its options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// On one line (short labels, no help).
    Inline,
    /// One under another.
    Stacked,
}

/// A fieldset of radio buttons over `T`'s options; arrow keys move between them natively.
///
/// Generic only in this thin function: what renders it (`radios`) works on option indexes, so each
/// value type does not get its own copy of the rendering code; and it is no component, so it costs
/// no component lifecycle code (about 2 KB of wasm per component type).
pub fn radio_group<T: PartialEq + Clone + 'static>(
    name: &'static str,
    legend: &'static str,
    flow: Flow,
    options: &[ChoiceOption<T>],
    selected: T,
    onchange: Callback<T>,
) -> Html {
    let checked = options.iter().position(|o| o.value == selected);
    let labels: Vec<_> = options.iter().map(|o| (o.label, o.help)).collect();
    let values: Vec<T> = options.iter().map(|o| o.value.clone()).collect();
    let onchange = onchange.reform(move |i: usize| values[i].clone());
    radios(&Radios {
        name,
        legend,
        inline: flow == Flow::Inline,
        options: labels,
        checked,
        onchange,
    })
}

/// A radio group with its options by index.
struct Radios {
    name: &'static str,
    legend: &'static str,
    inline: bool,
    /// Label and optional help of each option, in order.
    options: Vec<(&'static str, Option<&'static str>)>,
    checked: Option<usize>,
    /// The index of the option picked.
    onchange: Callback<usize>,
}

fn radios(props: &Radios) -> Html {
    html! {
        <fieldset class="choice" data-flow={if props.inline { "inline" } else { "stacked" }}>
            <legend>{ props.legend }</legend>
            { for props.options.iter().enumerate().map(|(i, &(label, help))| {
                let id = format!("{}-{}", props.name, i);
                let help_id = format!("{id}-help");
                let onchange = props.onchange.reform(move |_: Event| i);
                html! {
                    <div class="choice-option">
                        <input
                            type="radio"
                            id={id.clone()}
                            name={props.name}
                            checked={props.checked == Some(i)}
                            aria-describedby={help.map(|_| help_id.clone())}
                            {onchange}
                        />
                        <label for={id}>{ label }</label>
                        if let Some(help) = help {
                            <span id={help_id} class="choice-help">{ help }</span>
                        }
                    </div>
                }
            }) }
        </fieldset>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct CheckboxProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    pub onchange: Callback<bool>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub disabled: bool,
}

/// A labelled checkbox with an optional hint.
#[function_component(Checkbox)]
pub fn checkbox_component(props: &CheckboxProps) -> Html {
    checkbox(props)
}

/// `Checkbox` as a plain function (see `text_field`).
pub fn checkbox(props: &CheckboxProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    let onchange = props
        .onchange
        .reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked());
    html! {
        <div class="check">
            <input
                type="checkbox"
                id={props.id.clone()}
                checked={props.checked}
                disabled={props.disabled}
                aria-describedby={props.hint.as_ref().map(|_| hint_id.clone())}
                {onchange}
            />
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            if let Some(hint) = &props.hint {
                <span id={hint_id} class="field-hint">{ hint.clone() }</span>
            }
        </div>
    }
}

/// The DOM id of a field's input (stable; tests and `aria-describedby` rely on it).
pub fn field_id(field: Field) -> &'static str {
    match field {
        Field::Partner => "partner-id",
        Field::UiConf => "uiconf-id",
        Field::ContentId => "content-id",
        Field::CdnHost => "cdn-host",
        Field::CustomRatio => "custom-ratio",
        Field::Width => "width",
        Field::Height => "height",
        Field::Start => "start-at",
        Field::ClipTo => "clip-to",
        Field::TargetId => "target-id",
    }
}
