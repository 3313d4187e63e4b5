//! Where the session is started: the service URL choice, a custom origin, and the regional hosts.

use kaltura::session::api::ServicePreset;
use kaltura::session::form::SessionField;
use yew::prelude::*;

use super::state::{SessionAction, SessionState, SessionText};
use super::text_input;
use crate::shared::fields::{radio_group, ChoiceOption, FieldMessage, Flow, TextField};

/// Regional SaaS API hosts named in Kaltura's API getting-started guide (region codes frp2, irp2);
/// the guides disagree in places, so the hint says to check the account's own region.
const REGIONAL_API_HOSTS: [(&str, &str); 2] = [
    ("https://api.de.kaltura.com", "Frankfurt (api.de)"),
    ("https://api.eu.kaltura.com", "Ireland (api.eu)"),
];

/// The service URL radio group, the custom URL input with its presets, and the Partner ID's
/// message (the ID itself is the embed form's).
pub(super) fn service_url(state: &UseReducerHandle<SessionState>) -> Html {
    let form = &state.form;
    let text_cb = |input: SessionText| text_input(state, input);
    html! {
        <>
            { radio_group(
                "service-url",
                "Service URL",
                Flow::Stacked,
                &ServicePreset::ALL
                    .into_iter()
                    .filter(|&p| p != ServicePreset::LocalSimulator
                        || crate::extras::page::offers_local_simulator(form.service == p))
                    .map(|p| ChoiceOption { value: p, label: p.label(), help: None })
                    .collect::<Vec<_>>(),
                form.service,
                state.dispatcher().to_callback().reform(SessionAction::Service),
            ) }
            if form.service == ServicePreset::Custom {
                <TextField id="custom-service-url" label="Custom service URL" value={form.custom_service_url.clone()}
                    placeholder="https://api.example.edu" hint="Your api_v3 origin: https, or http only for this computer (127.0.0.1 / localhost). Regional SaaS and on-prem accounts use their own API host."
                    problem={state.problem(SessionField::ServiceUrl).map(FieldMessage::error)}
                    oninput={text_cb(SessionText::CustomServiceUrl)} />
                <div class="presets" role="group" aria-label="Known regional API hosts">
                    { for REGIONAL_API_HOSTS.iter().map(|(origin, region)| {
                        let onclick = state.dispatcher().to_callback().reform(move |_: MouseEvent| SessionAction::Text(SessionText::CustomServiceUrl, origin.to_string()));
                        html! { <button type="button" class="chip" title={*origin} {onclick}>{ *region }</button> }
                    }) }
                </div>
            } else if let Some(msg) = state.problem(SessionField::ServiceUrl) {
                <p class="field-error">{ msg }</p>
            }
            if let Some(msg) = state.problem(SessionField::Partner) {
                <p class="field-error" id="session-partner-msg">{ format!("Partner ID: {msg}") }</p>
            }
        </>
    }
}
