//! The code panel's format tabs and, for each format beyond the HTML embed (React, Vue, ES module, a second player on one page, SEO metadata), its code and copy button.
//!
//! Rendered by the extras through a portal into the first module's `#code-formats` slot (see
//! `code_panel`): one panel, one copy button at a time. The chosen format is marked on `<html>`
//! as `data-code-format` (none for HTML), and style.css hides the first module's HTML code then.

use std::rc::Rc;

use kaltura::embed::form::Evaluation;
use kaltura::embed::frameworks::{render, seo_json_ld, Output, SeoFields};
use yew::prelude::*;

use crate::shared::code_block::CodeBlock;
use crate::shared::fields::TextField;

#[derive(Properties, PartialEq, Clone)]
pub struct MoreCodePanelProps {
    pub evaluation: Rc<Evaluation>,
    /// The SEO fields (kept by the extras, so that a settings link carries them).
    pub seo: SeoFields,
    pub on_seo: Callback<SeoFields>,
}

/// What the panel shows: the HTML embed (drawn by the first module), one framework's code, or the
/// schema.org block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Html,
    Code(Output),
    Seo,
}

const TABS: [Tab; 6] = [
    Tab::Html,
    Tab::Code(Output::React),
    Tab::Code(Output::Vue),
    Tab::Code(Output::EsModule),
    Tab::Code(Output::SecondPlayer),
    Tab::Seo,
];

impl Tab {
    fn label(self) -> &'static str {
        match self {
            Tab::Html => "HTML",
            Tab::Code(output) => output.label(),
            Tab::Seo => "SEO",
        }
    }

    /// The copy button's words: what lands on the clipboard.
    fn copy_label(self) -> &'static str {
        match self {
            Tab::Html => "Copy HTML",
            Tab::Code(Output::React) => "Copy React component",
            Tab::Code(Output::Vue) => "Copy Vue component",
            Tab::Code(Output::EsModule) => "Copy ES module",
            Tab::Code(Output::SecondPlayer) => "Copy second-player code",
            Tab::Seo => "Copy SEO block (JSON-LD)",
        }
    }

    /// The tab button's id.
    fn id(self) -> &'static str {
        match self {
            Tab::Html => "format-html",
            Tab::Code(Output::React) => "format-react",
            Tab::Code(Output::Vue) => "format-vue",
            Tab::Code(Output::EsModule) => "format-esm",
            Tab::Code(Output::SecondPlayer) => "format-second",
            Tab::Seo => "format-seo",
        }
    }
}

/// Marks the chosen format on `<html>`, outside both yew roots (the first module's style.css
/// reads it; its own elements are the first module's to change).
fn mark_format(tab: Tab) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    // "react" for `format-react`, and so on; none for the first module's own HTML code.
    let _ = match tab {
        Tab::Html => root.remove_attribute("data-code-format"),
        _ => root.set_attribute("data-code-format", tab.id().trim_start_matches("format-")),
    };
}

#[function_component(MoreCodePanel)]
pub fn more_code_panel(props: &MoreCodePanelProps) -> Html {
    // A link that carries SEO fields opens on them.
    let tab = use_state_eq(|| {
        if props.seo == SeoFields::default() {
            Tab::Html
        } else {
            Tab::Seo
        }
    });
    use_effect_with(*tab, |tab| mark_format(*tab));
    let seo = &props.seo;
    let request = props.evaluation.request.as_ref();
    // The schema.org block is worked out only while its tab is open.
    let seo_result = (*tab == Tab::Seo)
        .then(|| request.map(|req| seo_json_ld(req, seo)))
        .flatten();
    let code: Result<String, String> = match (request, *tab) {
        (_, Tab::Html) => Err(String::new()),
        (None, _) => Err(props.evaluation.placeholder()),
        (Some(req), Tab::Code(output)) => render(req, output).map_err(str::to_string),
        (Some(_), Tab::Seo) => match &seo_result {
            Some(Ok(Some(block))) => Ok(block.clone()),
            Some(Err(err)) => Err(err.message()),
            _ => Err("Fill in the fields above: the block appears here.".to_string()),
        },
    };
    let seo_error = match &seo_result {
        Some(Err(err)) => Some(err.message()),
        _ => None,
    };
    // Valid as typed, yet short of what Google needs to show the video as a rich result.
    let seo_short_of = match &seo_result {
        Some(Ok(Some(_))) => seo.missing_for_rich_results(),
        _ => Vec::new(),
    };
    let strip = html! {
        <div role="group" aria-label="Code format" class="formats">
            { for TABS.iter().map(|&t| {
                let onclick = { let tab = tab.clone(); Callback::from(move |_: MouseEvent| tab.set(t)) };
                html! { <button type="button" id={t.id()} class="chip" aria-pressed={if t == *tab { "true" } else { "false" }} {onclick}>{ t.label() }</button> }
            }) }
        </div>
    };
    if *tab == Tab::Html {
        return strip;
    }
    // Named by the panel's heading and the chosen tab, both on screen: "Embed code React".
    let labelled_by = format!("code-heading {}", tab.id());
    html! {
        <>
            { strip }
            if *tab == Tab::Seo {
                { seo_fields(seo, &props.on_seo, seo_error, &seo_short_of) }
            }
            <CodeBlock id="more-code" {labelled_by} {code} copy_label={tab.copy_label()} />
        </>
    }
}

/// The schema.org `VideoObject` fields: search engines read the JSON-LD block they make.
fn seo_fields(
    seo: &SeoFields,
    on_seo: &Callback<SeoFields>,
    error: Option<String>,
    short_of: &[&str],
) -> Html {
    let field = |id: &'static str,
                 label: &'static str,
                 placeholder: &'static str,
                 get: fn(&SeoFields) -> &String,
                 set: fn(&mut SeoFields, String)| {
        let value = get(seo).clone();
        let (seo, on_seo) = (seo.clone(), on_seo.clone());
        let oninput = Callback::from(move |value: String| {
            let mut next = seo.clone();
            set(&mut next, value);
            on_seo.emit(next);
        });
        html! { <TextField id={id} label={label} placeholder={placeholder} {value} {oninput} /> }
    };
    html! {
        <div class="seo">
            <p class="field-hint">{ "A schema.org VideoObject block (JSON-LD) to put beside the embed; empty fields are left out." }</p>
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
            if !short_of.is_empty() {
                <p class="field-warning">{ format!("Google shows a video rich result only with these too: {}.", short_of.join(", ")) }</p>
            }
        </div>
    }
}
