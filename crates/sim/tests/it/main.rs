//! The simulator's integration tests, one binary (one link step) with a module per area.

mod app_tokens;
mod cli;
mod control;
mod entries;
mod ks_rules;
mod library_forms;
mod limits;
mod load;
mod local_only;
mod multirequest;
mod player;
mod redaction;
mod sessions;
mod support;
mod wire;
