//! The first module (`app` binary): the embed form and its code, all that the first load links.

pub mod app;
pub(crate) mod code_panel;
pub(crate) mod embed_panel;
pub mod embed_state;
pub mod studio_state;
