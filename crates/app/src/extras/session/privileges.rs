//! The privileges builder (Secret and App token tabs): the inputs, what is sent, and the warnings.

use kaltura::embed::form::ContentKind;
use kaltura::session::form::{self as session_form, Method, PrivilegeInput, SessionField};
use kaltura::session::privileges::{self, Severity};
use yew::prelude::*;

use super::SessionPanelProps;
use crate::shared::fields::{Checkbox, FieldMessage, TextField};

pub(super) fn privileges_builder(
    props: &SessionPanelProps,
    preview: &Result<String, (PrivilegeInput, String)>,
    dangers: &[privileges::Danger],
) -> Html {
    let current = props.state.form.privileges.clone();
    let set = {
        let on = props.on_privileges.clone();
        move |edit: fn(&mut session_form::PrivilegesForm, String)| {
            let current = current.clone();
            let on = on.clone();
            Callback::from(move |value: String| {
                let mut next = current.clone();
                edit(&mut next, value);
                on.emit(next);
            })
        }
    };
    let toggle = {
        let current = props.state.form.privileges.clone();
        let on = props.on_privileges.clone();
        move |edit: fn(&mut session_form::PrivilegesForm, bool)| {
            let current = current.clone();
            let on = on.clone();
            Callback::from(move |value: bool| {
                let mut next = current.clone();
                edit(&mut next, value);
                on.emit(next);
            })
        }
    };
    let p = &props.state.form.privileges;
    // The server drops an app token session's reserved privileges (the note below says so): a
    // "Sent as" line would claim otherwise.
    let app_token = props.state.form.method == Method::AppToken;
    // Each input shows its own problem: from the last Start, or the live preview's.
    let problem = |input: PrivilegeInput| {
        props
            .state
            .problem(SessionField::Privileges(input))
            .or(match preview {
                Err((at, message)) if *at == input => Some(message.as_str()),
                _ => None,
            })
            .map(FieldMessage::error)
    };
    let (sview_label, sview_hint) = match props.embed.content_kind {
        ContentKind::Entry => (
            "Limit to this entry (sview)",
            "Plays only the Entry ID above, even when its access control requires a KS.",
        ),
        ContentKind::Playlist => (
            "Limit to this playlist (sviewplaylist)",
            "Plays only the entries of the Playlist ID above, even when their access control requires a KS.",
        ),
    };
    html! {
        <fieldset class="privileges">
            <legend>{ "Privileges" }</legend>
            if app_token {
                // api_v3 adds a caller's privileges only for names it does not reserve (facts §7).
                <p class="field-warning">{ "An app token's session gets the privileges set on the token: the server drops every name it knows (sview, setrole, actionslimit, urirestrict, privacycontext, entitlement…) unless the token sets it to *. Set them on the token (its sessionPrivileges), or use a secret. What was granted shows once the session starts." }</p>
            }
            <div class="checks">
                <Checkbox id="priv-sview" label={sview_label} checked={p.limit_to_entry} hint={sview_hint}
                    onchange={toggle(|f, v| f.limit_to_entry = v)} />
                if let Some(message) = problem(PrivilegeInput::LimitToContent) {
                    <p id="priv-sview-msg" class="field-error">{ message.text }</p>
                }
                <Checkbox id="priv-playback" label="Playback only (setrole:PLAYBACK_BASE_ROLE)" checked={p.playback_role}
                    onchange={toggle(|f, v| f.playback_role = v)} />
                <Checkbox id="priv-entitlement" label="Enforce entitlement (enableentitlement)" checked={p.enable_entitlement}
                    onchange={toggle(|f, v| f.enable_entitlement = v)} />
            </div>
            <div class="row">
                <TextField id="priv-privacy" label="Privacy context" value={p.privacy_context.clone()}
                    problem={problem(PrivilegeInput::PrivacyContext)}
                    oninput={set(|f, v| f.privacy_context = v)} />
                <TextField id="priv-actions" label="Actions limit" value={p.actions_limit.clone()} inputmode="numeric"
                    problem={problem(PrivilegeInput::ActionsLimit)}
                    oninput={set(|f, v| f.actions_limit = v)} />
            </div>
            <TextField id="priv-uri" label="URI restriction (urirestrict)" value={p.uri_restrict.clone()} placeholder="/api_v3/service/baseEntry/*"
                problem={problem(PrivilegeInput::UriRestrict)}
                oninput={set(|f, v| f.uri_restrict = v)} />
            <TextField id="priv-custom" label="Custom privileges" value={p.custom.clone()} placeholder="name:value,name2:value"
                problem={problem(PrivilegeInput::Custom)}
                oninput={set(|f, v| f.custom = v)} />
            if !app_token {
                <p class="privileges-preview">{ "Sent as: " }
                    <code>{ match preview { Ok(s) if !s.is_empty() => s.clone(), Ok(_) => "(none)".to_string(), Err(_) => "(fix the privileges first)".to_string() } }</code>
                </p>
            }
            if !dangers.is_empty() {
                <ul class="dangers" aria-label="Privilege warnings">
                    { for dangers.iter().map(|d| html! {
                        <li data-severity={if d.severity() == Severity::Danger { "danger" } else { "note" }}>
                            if !d.privilege.is_empty() { <code>{ d.privilege.clone() }</code>{ ": " } }
                            { d.reason() }
                        </li>
                    }) }
                </ul>
            }
        </fieldset>
    }
}
