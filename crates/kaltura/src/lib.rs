//! Pure core of Kaltura Embed Studio: validated IDs, hosts, escaping and embed snippets (no IO, no web-sys).
//!
//! Everything a page shows as code is produced here, so it can be tested natively and
//! every user value is escaped in exactly one place (`escape`). USER sessions live in `api`
//! (request builders, response decoding, errors), `ks` (KS inspection), `privileges` and `json`.

pub mod api;
mod base64;
pub mod digest;
pub mod embed;
pub mod escape;
pub mod exports;
pub mod form;
pub mod frameworks;
pub mod host;
pub mod ids;
pub mod json;
pub mod ks;
pub mod paste;
pub mod portal;
pub mod preview;
pub mod privileges;
pub mod session_form;
pub mod share;
