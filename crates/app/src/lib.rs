//! Kaltura Embed Studio page: one module per panel, one reducer per concern.
//!
//! The page never builds snippet text: `kaltura::form::evaluate` does, on every change.

pub mod clipboard;
pub mod code_panel;
pub mod embed_panel;
pub mod embed_state;
pub mod exports_panel;
pub mod fields;
pub mod net;
pub mod paste_panel;
pub mod preview_panel;
pub mod reference_panel;
pub mod secret_field;
pub mod session_panel;
pub mod session_state;
pub mod share_bar;

use embed_state::EmbedState;
use session_state::{SessionAction, SessionState};
use yew::prelude::*;

/// The whole page: the embed form beside its code.
#[function_component(App)]
pub fn app() -> Html {
    // A shared link (or remembered settings) fills the forms in the very first render, before any
    // effect could write the remembered copy.
    let initial = use_state(share_bar::initial_settings);
    let embed = use_reducer({
        let initial = initial.clone();
        move || {
            let state = EmbedState::default();
            match &*initial {
                Some(s) => state.apply(embed_state::EmbedAction::Load(Box::new(s.embed.clone()))),
                None => state,
            }
        }
    });
    let session = use_reducer(move || {
        let state = SessionState::default();
        match &*initial {
            Some(s) => state.apply(SessionAction::Load(Box::new(s.session.clone()))),
            None => state,
        }
    });
    {
        // A page restored from the back/forward cache shows every secret masked again.
        let session = session.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo_events::EventListener::new(&window, "pageshow", move |event| {
                    let persisted = js_sys::Reflect::get(event, &"persisted".into())
                        .ok()
                        .and_then(|v| v.as_bool())
                        .unwrap_or(false);
                    if persisted {
                        session.dispatch(SessionAction::HideAll);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let evaluation = {
        let ks = session.ks().cloned();
        use_memo((embed.form.clone(), ks), |(form, ks)| {
            kaltura::form::evaluate(form, ks.as_ref())
        })
    };
    let on_privileges = session
        .dispatcher()
        .to_callback()
        .reform(SessionAction::Privileges);
    html! {
        <>
            <header class="page-header">
                <h1>{ "Kaltura Embed Studio" }</h1>
                <p class="tagline">
                    { "Type a Partner ID, a player and an entry or playlist: get copy-ready Kaltura player embed code." }
                </p>
            </header>
            <main class="layout">
                <embed_panel::EmbedPanel state={embed.clone()} evaluation={evaluation.clone()} />
                <div class="side">
                    <code_panel::CodePanel evaluation={evaluation.clone()} />
                    <share_bar::ShareBar embed={embed.form.clone()} session={session.form.clone()} />
                    <preview_panel::PreviewPanel evaluation={evaluation} version={embed.form.version} />
                    <session_panel::SessionPanel state={session.clone()} embed={embed.clone()} {on_privileges} />
                    <exports_panel::ExportsPanel
                        partner={embed.form.partner.clone()}
                        player={embed.form.ui_conf.clone()}
                        user_id={session.form.user_id.clone()}
                        service_origin={kaltura::api::ServiceUrl::from_preset(session.form.service, &session.form.custom_service_url).ok().map(|u| AttrValue::from(u.origin().to_string()))}
                    />
                    <reference_panel::ReferencePanel partner={embed.form.partner.clone()} />
                </div>
            </main>
        </>
    }
}
