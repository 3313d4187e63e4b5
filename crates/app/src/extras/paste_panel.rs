//! Paste-to-fill and v2 → v7 migration: a pasted snippet or link fills the embed form.
//!
//! It lives in the `extras` module (rendered through a portal into `index.html`'s `#paste-root`,
//! above the form): the form it fills belongs to `app`, so a result goes back as `on_load`.

use kaltura::embed::form::EmbedForm;
use kaltura::paste::{migrate, read, NOTHING_RECOGNISABLE};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct PastePanelProps {
    /// The embed form as it is now: a paste fills it, keeping what the paste does not say.
    pub form: EmbedForm,
    /// Replaces the embed form.
    pub on_load: Callback<EmbedForm>,
}

/// What the last paste did, in plain words.
#[derive(Debug, Clone, PartialEq, Default)]
struct Report {
    filled: Vec<String>,
    /// The paste was an embed: the options it does not set went back to their defaults.
    defaults: bool,
    not_read: Vec<String>,
    error: Option<String>,
}

#[function_component(PastePanel)]
pub fn paste_panel(props: &PastePanelProps) -> Html {
    let text = use_state(String::new);
    let report = use_state(Report::default);
    let fill = {
        let (text, report) = (text.clone(), report.clone());
        let (current, on_load) = (props.form.clone(), props.on_load.clone());
        move |pasted: &str| {
            let filled = read(pasted);
            let mut form = current.clone();
            let set = filled.apply(&mut form);
            report.set(Report {
                error: set.is_empty().then(|| NOTHING_RECOGNISABLE.to_string()),
                defaults: filled.sets_every_option(),
                filled: set.into_iter().map(str::to_string).collect(),
                not_read: filled.unread(),
            });
            // A KS is a credential: it does not stay on screen once read.
            if filled.has_ks {
                text.set(String::new());
            }
            on_load.emit(form);
        }
    };
    let on_fill = {
        let (text, fill) = (text.clone(), fill.clone());
        Callback::from(move |_: MouseEvent| fill(&text))
    };
    let on_migrate = {
        let (text, report) = (text.clone(), report.clone());
        let (current, on_load) = (props.form.clone(), props.on_load.clone());
        Callback::from(move |_: MouseEvent| match migrate(&text, &current) {
            Ok(m) => {
                report.set(Report {
                    filled: m.carried.clone(),
                    not_read: m.not_carried.clone(),
                    defaults: true,
                    error: None,
                });
                if m.has_ks {
                    text.set(String::new());
                }
                on_load.emit(m.form);
            }
            Err(e) => {
                report.set(Report {
                    error: Some(e.message().to_string()),
                    ..Report::default()
                });
                // Not a v2 embed, but a KS in it still leaves the screen.
                if read(&text).has_ks {
                    text.set(String::new());
                }
            }
        })
    };
    let oninput = {
        let (text, report, fill) = (text.clone(), report.clone(), fill.clone());
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            // A paste (or a drop) is a whole snippet: it fills the form at once, no button to
            // press. Typed text waits for "Fill the form": half a snippet would fill half a form.
            text.set(value.clone());
            if e.input_type().starts_with("insertFrom") {
                // After `text.set`: a KS in the paste empties the box again.
                fill(&value);
            } else {
                // What was filled from the previous paste is not about this one.
                report.set(Report::default());
            }
        })
    };
    html! {
        <>
        { super::fill_offer::fill_offer(&props.form) }
        <details class="paste">
            <summary>{ "Paste an embed code or link to fill the form" }</summary>
            <div class="field">
                <label for="paste-input">{ "Embed code, player URL, or MediaSpace / Events link" }</label>
                <textarea id="paste-input" rows="5" spellcheck="false" value={(*text).clone()} {oninput} />
            </div>
            <div class="actions">
                <button type="button" onclick={on_fill} disabled={text.trim().is_empty()}>{ "Fill the form" }</button>
                <button type="button" onclick={on_migrate} disabled={text.trim().is_empty()}>{ "Migrate v2 → v7" }</button>
            </div>
            <div role="status" class="paste-report">
                if let Some(error) = &report.error {
                    <p class="field-error">{ error.clone() }</p>
                }
                if !report.filled.is_empty() {
                    <p>{ format!("Filled: {}.", report.filled.join(", ")) }</p>
                }
                if report.defaults {
                    <p>{ "Every other option is back to its default, as in the pasted code; IDs it lacks are kept." }</p>
                }
                if !report.not_read.is_empty() {
                    <ul>{ for report.not_read.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
                }
            </div>
        </details>
        </>
    }
}
