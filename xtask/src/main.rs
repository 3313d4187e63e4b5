//! `cargo xtask setup|serve|build|test|bench`.
fn main() {}
