//! Local Kaltura api_v3 simulator: a real HTTP server on 127.0.0.1 for the offline demo and for tests.
//!
//! It follows `shared/research/kaltura-api-facts.md` (the real server's behaviour, read from its
//! source): `/api_v3/service/{s}/action/{a}` and `?service=&action=`, form / exact-`application/json`
//! / GET params with path > query > body precedence, always HTTP 200, `format=1` JSON and `format=2`
//! (default) XML, KalturaAPIException error objects, CORS as the real server, KS v1/v2 minted with the
//! partner's main admin secret and validated on every call, and multirequest with `{K:result:path}`.
//!
//! # HTTP stack
//! hyper 1.x (HTTP/1.1) on a tokio runtime of its own, through hyper-util's tokio adapter; see
//! [`server`] for why not axum, the limits (connection cap answered `503` + `Retry-After`, one
//! deadline for head and body, head and body sizes) and how the reset and truncation faults take
//! the socket over below hyper. Parameters are bounded in [`params`] (32 levels of key nesting,
//! 1000 per source), multirequests to 100 items, the echoed KS to 1024 characters, and the log to
//! 1000 entries of at most about 3 KB each.
//!
//! # Library use
//! ```no_run
//! let sim = sim::start(sim::Config::default()).unwrap(); // demo fixtures, random port
//! let base = sim.base_url(); // http://127.0.0.1:PORT
//! # let _ = base;
//! let log = sim.request_log(); // redacted
//! # let _ = log;
//! sim.shutdown();
//! ```
//! [`ks`] exposes the KS codec (`encode_v2`, `decode_v2`, `encode_v1`, `decode_v1`) for round trips.
//!
//! # Control API (exists only in the simulator, local only)
//! Answered only with a loopback `Host` (127.0.0.1, localhost, [::1], any port); writes (`POST`,
//! `DELETE`) only with `Content-Type: application/json`; `OPTIONS` is refused and no answer carries
//! a CORS header, so no web page can drive or read it (see [`control`]).
//! - `GET /__sim/health` → `{"ok":true,…counts}`
//! - `GET /__sim/log`, `DELETE /__sim/log`: request log entries `{seq, at_ms, method, path, query,
//!   calls, status, fault}`; secret / ks / token / tokenHash values are replaced with `***`,
//!   found by parsing the request as the dispatcher does (see [`log`]).
//! - `POST /__sim/faults` with one rule or an array: `{"latency_ms":…,"status":500,"truncate":true,
//!   "non_json":true,"xml":true,"no_cors":true,"reset":true,"times":N,"match":"session.start"}`
//!   (`times` defaults to 1, at most 1000; latency at most 30 000 ms; at most 32 rules);
//!   `GET` lists active rules, `DELETE` clears them all.
//! - `GET /__sim/clock`; `POST /__sim/clock` `{"offset_secs":n}` or `{"advance_secs":n}` moves the
//!   simulated clock (KS expiry, app-token expiry); `DELETE` returns to real time.
//! - `POST /__sim/reset`: log, clock, action counters and faults back to the start state.

pub mod api;
pub mod control;
pub mod errors;
pub mod faults;
pub mod fixtures;
pub mod ks;
pub mod log;
pub mod message;
pub mod params;
pub mod phpurl;
pub mod player;
pub mod privileges;
pub mod server;
pub mod state;
pub mod value;

pub use faults::FaultRule;
pub use fixtures::Fixtures;
pub use log::LogEntry;
pub use server::{start, Config, Handle, Limits};
