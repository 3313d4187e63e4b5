//! What both modules link: the bridge between them, the field widgets, the code box and the
//! settings link the page was opened with.

pub mod bridge;
pub mod clipboard;
pub mod code_block;
pub(crate) mod fields;
pub(crate) mod link;
