//! The second module: paste helper, code format tabs, share bar, preview, embed doctor and the developer tools (session, exports, reference), fed by `bridge` messages.
//!
//! Three of them go into slots outside its root, as yew portals: the paste helper above the form,
//! the format tabs into the code panel and the share bar and preview under it (the first
//! module's `.side` column, sticky on a laptop); the developer tools are its own root's.
//!
//! The developer tools sit in one collapsed `<details>`: quiet until needed. It opens by itself
//! only on a settings link that uses them (session or video-portal settings); whether it is open
//! is never stored.

use std::cell::RefCell;
use std::rc::Rc;

use kaltura::embed::form::EmbedForm;
use kaltura::share::PanelsForm;
use yew::prelude::*;

use super::session::state::{SessionAction, SessionState};
use super::{
    doctor_panel, exports_panel, more_code_panel, paste_panel, preview_panel, reference_panel,
    session, share_bar,
};
use crate::shared::bridge::{self, Message};

/// Everything below the code; mounted into `EXTRAS_ROOT_ID` by the `extras` binary, plus the paste
/// helper, which it renders into `PASTE_ROOT_ID` above the form.
#[function_component(Extras)]
pub fn extras() -> Html {
    // index.html holds a static stand-in there (the same collapsed box, so nothing moves when
    // this arrives); the portal does not clear its host as a mount would.
    let paste_root = use_state(|| {
        let host = web_sys::window()?
            .document()?
            .get_element_by_id(crate::PASTE_ROOT_ID)?;
        host.set_inner_html("");
        Some(host)
    });
    // The first module's code panel holds the slot for the format tabs (see `code_panel`).
    let formats_root = use_state(|| {
        web_sys::window()?
            .document()?
            .get_element_by_id(crate::CODE_FORMATS_ID)
    });
    // And, under the code, the slot for the share bar and the preview.
    let side_root = use_state(|| {
        web_sys::window()?
            .document()?
            .get_element_by_id(crate::SIDE_EXTRAS_ID)
    });
    let initial = use_state(share_bar::initial_settings);
    // Open at the start only for a link that carries settings of the tools inside.
    let tools_open = use_state(|| {
        share_bar::opened_with_link()
            && initial.as_ref().is_some_and(|s| {
                s.session != Default::default() || s.panels.portal != Default::default()
            })
    });
    // Until the first `Embed` message (sent in answer to `Hello`), the link's (or the remembered)
    // embed settings.
    let embed = use_state({
        let initial = initial.clone();
        move || {
            initial
                .as_ref()
                .map(|s| s.embed.clone())
                .unwrap_or_default()
        }
    });
    // The video portal and SEO fields, kept here so that the share bar's link carries them.
    let panels = use_state({
        let initial = initial.clone();
        move || {
            initial
                .as_ref()
                .map(|s| s.panels.clone())
                .unwrap_or_default()
        }
    });
    let session = use_reducer({
        let initial = initial.clone();
        move || {
            let state = SessionState::default();
            match &*initial {
                Some(s) => state.apply(SessionAction::Load(Box::new(s.session.clone()))),
                None => state,
            }
        }
    });
    {
        let (embed, session) = (embed.clone(), session.clone());
        // What `initial_settings` read from this device's storage, when no link overrides it.
        let remembered = (!share_bar::opened_with_link())
            .then(|| initial.as_ref().map(|s| s.embed.clone()))
            .flatten();
        use_effect_with((), move |_| {
            // The form as `app` last sent it; `Hello` below has it answered before `send` returns.
            let latest = Rc::new(RefCell::new(None));
            let from_app = bridge::listen(Message::Embed, {
                let (embed, latest) = (embed.clone(), latest.clone());
                move |text| {
                    let form = kaltura::share::decode_embed_state(&text);
                    *latest.borrow_mut() = Some(form.clone());
                    embed.set(form)
                }
            });
            // Clicks `app` leaves to this module (its size budget has no room for them): "Fill
            // from this" in an ID field's error reads the field's text like a paste, into the form
            // as it is now; Copy before the code is ready takes the focus to the first field
            // whose message says why.
            let fill = web_sys::window().map(|window| {
                let embed = embed.clone();
                gloo_events::EventListener::new(&window, "click", move |event| {
                    focus_first_error_after_copy(event);
                    if let Some(form) = fill_from_field(event) {
                        bridge::send(Message::Load, &kaltura::share::encode_embed_state(&form));
                        embed.set(form);
                    }
                })
            });
            // A page restored from the back/forward cache shows every secret masked again.
            let pageshow = web_sys::window().map(|window| {
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
            bridge::send(Message::Hello, "");
            // Remembered settings fill the form only while it is still empty: nothing typed
            // before this module arrived is overwritten. Same task as the answer, so no keystroke
            // can fall in between.
            let untouched = latest
                .borrow()
                .as_ref()
                .is_none_or(|form| *form == EmbedForm::default());
            if let Some(form) = remembered.filter(|_| untouched) {
                bridge::send(Message::Load, &kaltura::share::encode_embed_state(&form));
                embed.set(form);
            }
            move || drop((from_app, fill, pageshow))
        });
    }
    let ks = session.scoped_ks();
    use_effect_with(ks.clone(), |ks| {
        bridge::send(Message::Ks, &bridge::ks_text(ks.as_ref()))
    });
    let evaluation = use_memo(((*embed).clone(), ks.clone()), |(form, ks)| {
        kaltura::embed::form::evaluate(form, ks.as_ref())
    });
    let on_privileges = session
        .dispatcher()
        .to_callback()
        .reform(SessionAction::Privileges);
    let on_include =
        Callback::from(|on: bool| bridge::send(Message::IncludeKs, if on { "1" } else { "" }));
    let on_load = {
        let embed = embed.clone();
        Callback::from(move |form: EmbedForm| {
            bridge::send(Message::Load, &kaltura::share::encode_embed_state(&form));
            embed.set(form);
        })
    };
    let form = &*embed;
    let paste = (*paste_root).clone().map(|host| {
        let on_load = on_load.clone();
        create_portal(
            html! { <paste_panel::PastePanel form={form.clone()} {on_load} /> },
            host,
        )
    });
    let on_seo = {
        let panels = panels.clone();
        Callback::from(move |seo| {
            panels.set(PanelsForm {
                seo,
                ..(*panels).clone()
            })
        })
    };
    let formats = (*formats_root).clone().map(|host| {
        create_portal(
            html! { <more_code_panel::MoreCodePanel evaluation={evaluation.clone()} seo={panels.seo.clone()} {on_seo} /> },
            host,
        )
    });
    let beside_code = (*side_root).clone().map(|host| {
        create_portal(
            html! {
                <>
                    <share_bar::ShareBar embed={form.clone()} session={session.form.clone()} panels={(*panels).clone()} />
                    <preview_panel::PreviewPanel evaluation={evaluation.clone()} ks={ks.clone()} version={form.version} ignore_saved={form.ignore_stored_prefs}
                        on_ignore_saved={{ let (form, on_load) = (form.clone(), on_load.clone()); Callback::from(move |on| on_load.emit(EmbedForm { ignore_stored_prefs: on, ..form.clone() })) }} />
                    // Last: its full text arrives about a second after the IDs settle and would
                    // push the share bar and the preview's Play button down under a click (the
                    // few-word mark beside the field says it where the eye is).
                    <super::id_check::IdCheck evaluation={evaluation.clone()} />
                </>
            },
            host,
        )
    });
    html! {
        <>
            { for paste }
            { for formats }
            { for beside_code }
            <doctor_panel::DoctorPanel on_load={on_load.clone()} />
            <details class="panel devtools" open={*tools_open}>
                <summary>
                    <span class="devtools-title">{ "Developer tools" }</span>
                    <span class="field-hint">{ "Login session (KS), exports for your code, account reference, video portal." }</span>
                </summary>
                <session::SessionPanel state={session.clone()} embed={form.clone()} {on_privileges} {on_include} />
                <exports_panel::ExportsPanel
                    partner={form.partner.clone()}
                    player={form.ui_conf.clone()}
                    user_id={session.form.user_id.clone()}
                    service_origin={kaltura::session::api::ServiceUrl::from_preset(session.form.service, &session.form.custom_service_url).ok().map(|u| AttrValue::from(u.origin().to_string()))}
                    portal={panels.portal.clone()}
                    on_portal={{ let panels = panels.clone(); Callback::from(move |portal| panels.set(PanelsForm { portal, ..(*panels).clone() })) }}
                />
                <reference_panel::ReferencePanel partner={form.partner.clone()} />
            </details>
        </>
    }
}

/// The form filled from the text of the ID field whose "Fill from this" button `click` pressed
/// (`fields::FILL_ATTR`); `None` for any other click, or when the text gives nothing to fill.
fn fill_from_field(click: &web_sys::Event) -> Option<EmbedForm> {
    use wasm_bindgen::JsCast;
    let button = click.target()?.dyn_into::<web_sys::Element>().ok()?;
    let input_id = button.get_attribute(crate::shared::fields::FILL_ATTR)?;
    let input = web_sys::window()?
        .document()?
        .get_element_by_id(&input_id)?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    let mut form = kaltura::share::decode_embed_state(&bridge::ask_embed()?);
    let filled = kaltura::paste::fill_from_field(&mut form, &input.value());
    (!filled.is_empty()).then_some(form)
}

/// Copy pressed before the embed code is ready: once `app` has shown every field's message (its
/// render follows the click in the same turn), focus goes to the first field in error, so the
/// keyboard and the screen reader land where the fix is, and a phone scrolls it into view.
fn focus_first_error_after_copy(click: &web_sys::Event) {
    use wasm_bindgen::JsCast;
    let pressed_copy = click
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest(".html-code button").ok().flatten())
        .is_some();
    if !pressed_copy {
        return;
    }
    // A timer rather than a microtask: yew renders the click's message in a microtask of its own,
    // and a timer runs after it whatever order the two were queued in.
    gloo_timers::callback::Timeout::new(0, || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let find = |selector: &str| document.query_selector(selector).ok().flatten();
        // Copied after all (the code was ready): the focus stays on the button.
        if find("#embed-code[data-placeholder]").is_none() {
            return;
        }
        let first_error = find("#studio [aria-invalid=\"true\"]")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(field) = first_error {
            let _ = field.focus();
        }
    })
    .forget();
}
