//! Entry point: mounts the form and its code, then starts loading the `extras` module.
fn main() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(app::STUDIO_ROOT_ID));
    match root {
        Some(root) => yew::Renderer::<app::App>::with_root(root).render(),
        None => yew::Renderer::<app::App>::new().render(),
    };
    app::load_extras();
}
