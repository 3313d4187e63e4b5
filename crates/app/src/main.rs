//! Entry point: mounts the form and its code, which then start loading the `extras` module.
fn main() {
    // Before yew starts: its scheduler yields to the browser once a run passes 16 ms, and the
    // first run (the first render) is close to that line; this work need not be in it.
    let props = app::AppProps {
        opening: Some(std::rc::Rc::new(app::opening_state())),
        load_extras: true,
    };
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(app::STUDIO_ROOT_ID));
    match root {
        Some(root) => yew::Renderer::<app::App>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<app::App>::with_props(props).render(),
    };
}
