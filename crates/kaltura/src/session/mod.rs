//! USER sessions: the KS, privileges, the session form, app-token hashing and api_v3 calls.

pub mod api;
mod base64;
pub mod digest;
pub mod form;
pub mod ks;
pub mod privileges;
