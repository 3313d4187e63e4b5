//! The second module (`extras` binary): the panels loaded once the form is interactive.

pub mod digest;
pub(crate) mod doctor_panel;
pub(crate) mod exports_panel;
pub(crate) mod fill_offer;
pub(crate) mod id_check;
pub(crate) mod more_code_panel;
pub mod net;
pub mod page;
pub(crate) mod paste_panel;
pub(crate) mod preview_panel;
pub(crate) mod reference_panel;
pub mod root;
pub(crate) mod secret_field;
pub mod session;
pub(crate) mod share_bar;

pub use root::Extras;
