//! Code beyond the HTML embed: React, Vue, ES module, a second player on one page, and SEO metadata.

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

/// What the panel shows: one framework's code, or the schema.org block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Code(Output),
    Seo,
}

const TABS: [Tab; 5] = [
    Tab::Code(Output::React),
    Tab::Code(Output::Vue),
    Tab::Code(Output::EsModule),
    Tab::Code(Output::SecondPlayer),
    Tab::Seo,
];

impl Tab {
    fn label(self) -> &'static str {
        match self {
            Tab::Code(output) => output.label(),
            Tab::Seo => "SEO metadata",
        }
    }
}

#[function_component(MoreCodePanel)]
pub fn more_code_panel(props: &MoreCodePanelProps) -> Html {
    // A link that carries SEO fields opens on them.
    let tab = use_state_eq(|| {
        if props.seo == SeoFields::default() {
            Tab::Code(Output::React)
        } else {
            Tab::Seo
        }
    });
    let seo = &props.seo;
    let request = props.evaluation.request.as_ref();
    // The schema.org block is worked out only while its tab is open.
    let seo_result = (*tab == Tab::Seo)
        .then(|| request.map(|req| seo_json_ld(req, seo)))
        .flatten();
    let code: Result<String, String> = match (request, *tab) {
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
    html! {
        <section class="panel more-code" aria-labelledby="more-code-heading">
            <h2 id="more-code-heading">{ "Framework and SEO code" }</h2>
            <div role="group" aria-label="Code format" class="formats">
                { for TABS.iter().map(|&t| {
                    let onclick = { let tab = tab.clone(); Callback::from(move |_: MouseEvent| tab.set(t)) };
                    html! { <button type="button" class="chip" aria-pressed={if t == *tab { "true" } else { "false" }} {onclick}>{ t.label() }</button> }
                }) }
            </div>
            if *tab == Tab::Seo {
                { seo_fields(seo, &props.on_seo, seo_error, &seo_short_of) }
            }
            <CodeBlock id="more-code" labelled_by="more-code-heading" {code} copy_label="Copy this code" />
        </section>
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
