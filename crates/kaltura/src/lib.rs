//! Pure core of Kaltura Embed Studio: everything the page shows as code or sends as a request (no IO, no web-sys).
//!
//! Grouped by concern:
//! - [`embed`]: validated IDs, hosts, escaping, the form and its evaluation, the v7 and v2 snippet
//!   writers, framework code and SEO metadata, preview explanations;
//! - [`session`]: the KS, privileges, the session form, app-token hashing and api_v3 requests,
//!   answers and errors for USER sessions;
//! - the helpers around a snippet: [`paste`] (paste-to-fill and v2 → v7 migration), [`share`] (the
//!   settings link), [`exports`] and [`portal`].
//!
//! Every user value is escaped in exactly one place ([`embed::escape`]), so it can be tested natively.

pub mod embed;
pub mod exports;
pub mod host;
pub mod paste;
pub mod percent;
pub mod portal;
pub mod session;
pub mod share;
