//! Account reference: what each KMC Integration Settings item is, and what this page can do with it.

use kaltura::embed::ids::PartnerId;
use yew::prelude::*;

/// Where the Integration Settings live in KMC.
const KMC_INTEGRATION_URL: &str =
    "https://kmc.kaltura.com/index.php/kmcng/settings/integrationSettings";

/// (item, what it is, what this page does with it; `None` = needs KMC and an ADMIN session).
const ITEMS: [(&str, &str, Option<&str>); 9] = [
    (
        "Partner ID",
        "Your account's number; every API call and player URL carries it.",
        Some("Typed once at the top; used by the snippet, the session and the exports."),
    ),
    (
        "Sub Partner ID",
        "Partner ID × 100. Deprecated; kept for older apps.",
        Some("Shown below; it is the /sp/ part of v2 player URLs, which this page writes for you."),
    ),
    (
        "Administrator secret",
        "Key that can start ADMIN sessions: full control of the account. Cannot be rotated.",
        Some("Accepted for one USER session only (type 0), never stored; prefer an app token."),
    ),
    (
        "User secret",
        "Key for USER sessions. Still powerful: with setrole: it can reach admin roles.",
        Some("Starts a USER session for this check; cleared as soon as the request is sent."),
    ),
    (
        "Notifications",
        "Server-to-server HTTP callbacks when entries change (e.g. ready for publishing).",
        None,
    ),
    (
        "Entitlement / privacy context",
        "Category-based access; the privacy context label must also be in the KS.",
        Some("The privileges builder adds privacycontext: and enableentitlement to the KS."),
    ),
    (
        "YouTube distribution",
        "Profiles that publish entries to YouTube; authorised by an administrator.",
        None,
    ),
    (
        "Zoom integration",
        "Imports Zoom recordings; set up with an integration code generated in KMC.",
        None,
    ),
    (
        "Webex integration",
        "Uploads Webex cloud recordings of a Webex account.",
        None,
    ),
];

#[derive(Properties, PartialEq, Clone)]
pub struct ReferencePanelProps {
    /// The Partner ID as typed in the form.
    pub partner: AttrValue,
}

#[function_component(ReferencePanel)]
pub fn reference_panel(props: &ReferencePanelProps) -> Html {
    let sub_partner = PartnerId::parse(&props.partner)
        .ok()
        .map(|p| p.sub_partner().to_string());
    html! {
        <section class="panel reference-panel" aria-labelledby="reference-heading">
            <h2 id="reference-heading">{ "Account reference" }</h2>
            <div class="field">
                <label for="sub-partner-id">{ "Sub Partner ID (deprecated)" }</label>
                <input id="sub-partner-id" type="text" readonly=true value={sub_partner.unwrap_or_default()}
                    placeholder="Partner ID × 100" aria-describedby="sub-partner-hint" />
                <p id="sub-partner-hint" class="field-hint">{ "Partner ID × 100: the /sp/ path part of v2 player URLs. Nothing new needs it." }</p>
            </div>
            <details>
                <summary>{ "What each KMC Integration Settings item is" }</summary>
                <table class="reference">
                    <thead><tr><th scope="col">{ "Item" }</th><th scope="col">{ "What it is" }</th><th scope="col">{ "Here" }</th></tr></thead>
                    <tbody>
                        { for ITEMS.iter().map(|(item, what, here)| html! {
                            <tr>
                                <th scope="row">{ *item }</th>
                                <td>{ *what }</td>
                                <td>
                                    if let Some(here) = here { { *here } } else {
                                        { "Needs KMC: changing it takes an ADMIN session, which this page never starts. " }
                                        <a href={KMC_INTEGRATION_URL} target="_blank" rel="noopener noreferrer">{ "Open Integration Settings" }</a>
                                    }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </section>
    }
}
