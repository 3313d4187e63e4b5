//! Entry point: mounts the form and its code, which then start loading the `extras` module.
fn main() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // The start-up script is `async` (xtask's build): on a quick load it can run before the
    // parser has reached the form's root element.
    match document.get_element_by_id(app::STUDIO_ROOT_ID) {
        Some(root) => start(Some(root)),
        None => {
            let parsed = document.clone();
            gloo_events::EventListener::once(&document, "DOMContentLoaded", move |_| {
                start(parsed.get_element_by_id(app::STUDIO_ROOT_ID))
            })
            .forget();
        }
    }
}

fn start(root: Option<web_sys::Element>) {
    // Before yew starts: its scheduler yields to the browser once a run passes 16 ms, and the
    // first run (the first render) is close to that line; this work need not be in it.
    let props = app::AppProps {
        opening: Some(std::rc::Rc::new(app::opening_state())),
        load_extras: true,
    };
    match root {
        Some(root) => yew::Renderer::<app::App>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<app::App>::with_props(props).render(),
    };
}
