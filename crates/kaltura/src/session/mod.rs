//! USER sessions: the KS, privileges, the session form, app-token hashing, api_v3 calls and the
//! Session panel's status words and countdown.

pub mod api;
mod base64;
pub mod digest;
pub mod form;
pub mod ks;
pub mod lifetime;
pub mod privileges;
pub mod status;
