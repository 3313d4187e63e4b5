//! Exports: `.env` (download or copy), shell `export` lines, `curl` checks, and the portal URL builder.

use kaltura::exports::{curl_commands, dotenv, shell_exports, ExportValues};
use kaltura::portal::{portal_url, PortalError, PortalForm, PortalKind};
use wasm_bindgen::JsCast;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::shared::clipboard;
use crate::shared::fields::{radio_group, ChoiceOption, FieldMessage, Flow, TextField};

#[derive(Properties, PartialEq, Clone)]
pub struct ExportsPanelProps {
    pub partner: AttrValue,
    pub player: AttrValue,
    pub user_id: AttrValue,
    /// The validated service origin of the Session panel, when it is valid.
    pub service_origin: Option<AttrValue>,
    /// The portal builder's inputs (kept by the extras, so that a settings link carries them).
    pub portal: PortalForm,
    pub on_portal: Callback<PortalForm>,
}

/// Offers `text` as a file download (a Blob URL on a temporary link); nothing is uploaded or stored.
fn download(name: &str, text: &str) -> Result<(), ()> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    // Not text/plain: browsers would save ".env" as "env.txt".
    options.set_type("application/octet-stream");
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| ())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ())?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or(())?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| ())?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

#[function_component(ExportsPanel)]
pub fn exports_panel(props: &ExportsPanelProps) -> Html {
    let status = use_state(String::new);
    let form = &props.portal;
    let (kind, instance, custom) = (&form.kind, &form.instance, &form.custom);
    let edit = |change: fn(&mut PortalForm, String)| {
        let (form, on_portal) = (form.clone(), props.on_portal.clone());
        Callback::from(move |value: String| {
            let mut next = form.clone();
            change(&mut next, value);
            on_portal.emit(next);
        })
    };

    let portal = portal_url(*kind, &props.partner, instance, custom);
    // Only a problem with what was typed here goes next to the field: a missing Partner ID belongs
    // to the form above, and an empty custom domain is not an error yet.
    let field_problem = match &portal {
        Err(PortalError::NeedsPartner) | Ok(_) => None,
        Err(PortalError::BadCustom(_)) if custom.trim().is_empty() => None,
        Err(e) => Some(FieldMessage::error(&e.message())),
    };
    let values = ExportValues {
        partner_id: props.partner.to_string(),
        // No valid service URL (a custom one with a typo): left empty, never quietly SaaS, where
        // an on-prem user's curl would send their secret.
        service_origin: props
            .service_origin
            .as_deref()
            .unwrap_or_default()
            .to_string(),
        user_id: props.user_id.to_string(),
        player_id: props.player.to_string(),
        portal_url: portal.clone().unwrap_or_default(),
    };
    let env_text = dotenv(&values);
    let shell_text = shell_exports(&values);
    let curl_text = curl_commands();

    let copy = |label: &'static str, text: String| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let text = text.clone();
            let status = status.clone();
            spawn_local(async move {
                status.set(match clipboard::write_text(&text).await {
                    Ok(()) => format!("{label} copied"),
                    Err(err) => err
                        .message()
                        .replace("The code is selected: press", "Select it and press"),
                });
            });
        })
    };
    let on_download = {
        let text = env_text.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            status.set(match download(".env", &text) {
                Ok(()) => "Downloaded .env: add it to .gitignore.".to_string(),
                Err(()) => {
                    "This browser did not allow the download; copy the text instead.".to_string()
                }
            });
        })
    };
    let block = |id: &'static str, label: &'static str, text: &str, rows: u32| {
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                <textarea id={id} class="code code--small" readonly=true spellcheck="false" wrap="off" rows={rows.to_string()} value={text.to_string()} />
            </div>
        }
    };

    html! {
        <section class="panel exports-panel" aria-labelledby="exports-heading">
            <h2 id="exports-heading">{ "Exports for your code" }</h2>
            { radio_group(
                "portal-kind",
                "Video portal",
                Flow::Inline,
                &PortalKind::ALL.map(|k| ChoiceOption { value: k, label: k.label(), help: None }),
                *kind,
                { let (form, on_portal) = (form.clone(), props.on_portal.clone());
                  Callback::from(move |kind| on_portal.emit(PortalForm { kind, ..form.clone() })) },
            ) }
            if *kind == PortalKind::Custom {
                <TextField id="portal-custom" label="Portal domain" value={(*custom).clone()} placeholder="https://video.example.com"
                    problem={field_problem.clone()}
                    oninput={edit(|f, v| f.custom = v)} />
            } else {
                <TextField id="portal-instance" label="Instance (optional)" value={(*instance).clone()} inputmode="numeric" placeholder="1"
                    hint="The number after your Partner ID in the portal address, if any (e.g. 123456-1)."
                    problem={field_problem}
                    oninput={edit(|f, v| f.instance = v)} />
            }
            if let Ok(url) = &portal {
                <p class="field-hint">{ "Portal: " }<a href={url.clone()} target="_blank" rel="noopener noreferrer">{ url.clone() }</a></p>
            } else if let Err(PortalError::NeedsPartner) = &portal {
                <p class="field-hint">{ "The portal address appears here once the Partner ID above is valid." }</p>
            }
            if props.service_origin.is_none() {
                <p class="field-warning">{ "The Session panel's custom service URL is not valid yet: KALTURA_SERVICE_URL is left empty." }</p>
            }
            { block("env-text", ".env", &env_text, 9) }
            <div class="actions">
                <button type="button" onclick={on_download}>{ "Download .env" }</button>
                <button type="button" onclick={copy(".env", env_text.clone())}>{ "Copy .env" }</button>
            </div>
            <p class="field-hint">{ "Some browsers save it as \"env\" (they drop the leading dot of hidden files): rename it to .env." }</p>
            { block("shell-text", "Shell exports", &shell_text, 7) }
            <div class="actions">
                <button type="button" onclick={copy("Shell exports", shell_text.clone())}>{ "Copy exports" }</button>
            </div>
            { block("curl-text", "curl: start a USER session and list one entry", &curl_text, 12) }
            <div class="actions">
                <button type="button" onclick={copy("curl commands", curl_text.clone())}>{ "Copy curl" }</button>
                <span role="status" class="status">{ (*status).clone() }</span>
            </div>
        </section>
    }
}
