//! Entry point: mounts the page.
fn main() {}
