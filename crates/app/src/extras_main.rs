//! Second entry point: mounts the framework code, share bar, preview, session, exports and reference
//! beside the code, and the paste helper above the form.
fn main() {
    app::extras::page::mark_if_local();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(app::EXTRAS_ROOT_ID));
    if let Some(root) = root {
        yew::Renderer::<app::extras::Extras>::with_root(root).render();
    }
}
