//! The app's browser tests, one binary (headless Chromium, wasm-bindgen-test): each module is one concern.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod session;
mod web;
