//! "Copy link to these settings", opt-in remembered settings, and loading both at start-up.
//!
//! Both carry only `kaltura::share::encode` output, built from the non-secret forms: no secret,
//! token or KS can reach the link or localStorage through here.

use kaltura::embed::form::EmbedForm;
use kaltura::session::form::SessionForm;
use kaltura::share::{decode, encode, Decoded, PanelsForm};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::shared::clipboard;
use crate::shared::fields::Checkbox;

/// localStorage key of the remembered settings (a share fragment).
const REMEMBER_KEY: &str = "kaltura-embed-studio.settings";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Settings to start from: the link's fragment first, else what the user asked us to remember.
pub fn initial_settings() -> Option<Decoded> {
    initial_fragment().map(|text| decode(&text))
}

/// Whether the page was opened with a settings link (which then wins over remembered settings).
pub fn opened_with_link() -> bool {
    crate::shared::link::fragment().is_some()
}

/// The link's fragment, else the remembered settings.
fn initial_fragment() -> Option<String> {
    crate::shared::link::fragment().or_else(|| storage()?.get_item(REMEMBER_KEY).ok().flatten())
}

fn remembered() -> bool {
    storage()
        .and_then(|s| s.get_item(REMEMBER_KEY).ok().flatten())
        .is_some()
}

#[derive(Properties, PartialEq, Clone)]
pub struct ShareBarProps {
    pub embed: EmbedForm,
    pub session: SessionForm,
    pub panels: PanelsForm,
}

#[function_component(ShareBar)]
pub fn share_bar(props: &ShareBarProps) -> Html {
    let status = use_state(String::new);
    let remember = use_state(remembered);
    let fragment = encode(&props.embed, &props.session, &props.panels);
    // A link opened while settings are remembered shows the link's settings without replacing
    // the remembered ones: someone else's link is a look, not a choice. They are remembered once
    // the user changes something here, or ticks the box again.
    let link_on_view =
        use_mut_ref(|| (opened_with_link() && remembered()).then(|| fragment.clone()));
    // (remember as of the last run, whether this tab has written the copy): another tab of the
    // page shares the storage, and its choice is not undone from here.
    // A copy found at start-up counts as written: it is this page's to keep or lose.
    let last = use_mut_ref(|| (*remember, *remember));
    {
        // Keep the remembered copy current while the user has opted in.
        let fragment = fragment.clone();
        let link_on_view = link_on_view.clone();
        let remember_handle = remember.clone();
        let status = status.clone();
        use_effect_with((fragment, *remember), move |(fragment, remember)| {
            let (was, wrote) = std::mem::replace(&mut *last.borrow_mut(), (*remember, false));
            let Some(storage) = storage() else {
                return;
            };
            if !*remember {
                // Unticked here: forget. Merely editing while unticked leaves another tab's copy.
                if was {
                    let _ = storage.remove_item(REMEMBER_KEY);
                }
                return;
            }
            if was && wrote && storage.get_item(REMEMBER_KEY).ok().flatten().is_none() {
                // Another tab unticked it since this one wrote: that choice stands here too.
                *last.borrow_mut() = (false, false);
                remember_handle.set(false);
                status
                    .set("Unticked: the remembered settings were forgotten in another tab.".into());
                return;
            }
            let mut link = link_on_view.borrow_mut();
            if link.as_deref() == Some(fragment.as_str()) {
                last.borrow_mut().1 = wrote;
                return;
            }
            link.take();
            // Written only if the browser took it (storage full, say).
            last.borrow_mut().1 = storage.set_item(REMEMBER_KEY, fragment).is_ok();
        });
    }
    let on_copy = {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(location) = web_sys::window().map(|w| w.location()) else {
                return;
            };
            let base = format!(
                "{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default()
            );
            let link = format!("{base}#{fragment}");
            let status = status.clone();
            spawn_local(async move {
                status.set(match clipboard::write_text(&link).await {
                    Ok(()) => "Link copied (no secrets, tokens or KS in it)".to_string(),
                    Err(err) => {
                        err.message()
                            .replace("The code is selected: press", "Copy it from here:")
                            .to_string()
                            + " "
                            + &link
                    }
                });
            });
        })
    };
    let on_remember = {
        let remember = remember.clone();
        let link_on_view = link_on_view.clone();
        Callback::from(move |on: bool| {
            link_on_view.borrow_mut().take();
            remember.set(on)
        })
    };
    let viewing_link = link_on_view.borrow().is_some() && *remember;
    html! {
        <div class="share-bar">
            <div class="actions">
                <button type="button" onclick={on_copy}>{ "Copy link to these settings" }</button>
                <span role="status" class="status">{ (*status).clone() }</span>
            </div>
            <Checkbox id="remember-settings" label="Remember these settings on this device" checked={*remember}
                hint={if viewing_link {
                    "Opened from a link: the settings remembered here stay as they were until you change something on this page."
                } else {
                    "Stored in this browser only, without secrets, tokens or KS. Untick to forget."
                }}
                onchange={on_remember} />
        </div>
    }
}
