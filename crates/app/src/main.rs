//! Entry point: mounts the page into `<body>`.
fn main() {
    yew::Renderer::<app::App>::new().render();
}
