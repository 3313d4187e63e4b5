//! The smallest yew page: one element, for the time-to-interactive baseline of `cargo xtask bench`.
use yew::prelude::*;

#[function_component(Hello)]
fn hello() -> Html {
    html! { <p id="hello">{ "Hello" }</p> }
}

fn main() {
    yew::Renderer::<Hello>::new().render();
}
