//! The embed core as typed ES modules: wasm-bindgen exports over `kaltura`, options and results
//! carried by serde-wasm-bindgen, failures thrown as an `Error` with `issues: { field, message }[]`.
//!
//! Every function here is a thin conversion; the rules and messages are the core's (the same as the
//! page's). The native half (`embed`, `options`, …) is plain Rust, tested with `cargo test`.
//!
//! One crate, three entry points: `cargo xtask module` builds it once per cargo feature, each
//! build its own small wasm behind its own `package.json` `exports` path, because a wasm carries
//! everything its exports reach and a developer who wants embed code should not download the rest:
//! - `embed` (`"."`): `embedCode`, `frameworkCode`, `seoMetadata` — what most callers import.
//! - `session` (`"./session"`): `inspectKs`, `userSessionRequest`, `readSessionAnswer` — the KS
//!   codec, the api_v3 call builders and answer decoders, and SHA-1/SHA-2/MD5 for app tokens.
//! - `doctor` (`"./doctor"`): `checkEmbed`, `readEmbed`, `migrateEmbed` — reading existing code.
//!   The doctor is built on the paste reader (`kaltura::paste`), so the two cost little more
//!   together than the doctor alone, while the paste reader alone is about a fifth of `"."`.
//!
//! The default features are all three (native tests and clippy see every function).
//!
//! Panics: the workspace's release profile has `panic = "abort"`, so a panic in wasm traps
//! (`unreachable`) and cannot be caught here. No input reaches a panic (options are read leniently,
//! see `issues::Raw`); each entry's JS wrapper (`js/guard.js`) still catches a
//! `WebAssembly.RuntimeError`, re-instantiates its module and throws a plain `Error`.

pub mod boundary;
pub mod doctor;
pub mod embed;
pub mod given;
pub mod issues;
pub mod ks;
pub mod options;
pub mod paste;
#[cfg(feature = "session")]
pub mod session;

#[cfg(feature = "doctor")]
mod exports_doctor;
#[cfg(feature = "embed")]
mod exports_embed;
#[cfg(feature = "session")]
mod exports_session;

/// The page's allocator (smaller than the default dlmalloc).
#[cfg(target_family = "wasm")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
