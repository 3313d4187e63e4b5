//! Integration tests of the core, one binary (as rust-analyzer does): each module is one concern.

mod doctor;
mod embed_form;
mod embed_inputs;
mod embed_props;
mod embed_snapshots;
mod exports;
mod frameworks;
mod paste_migrate;
mod player_check_sim;
mod preview_explain;
mod session_body;
mod session_decode;
mod session_errors;
mod session_form;
mod session_inputs;
mod session_ks;
mod session_ks_sim;
mod session_privileges;
mod session_props;
mod session_requests;
mod session_sim;
mod session_status;
mod session_support;
mod share_link;
