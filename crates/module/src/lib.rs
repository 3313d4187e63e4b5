//! The embed core as a typed ES module: wasm-bindgen exports over `kaltura`, options and results
//! carried by serde-wasm-bindgen, failures thrown as an `Error` with `issues: { field, message }[]`.
//!
//! Every function here is a thin conversion; the rules and messages are the core's (the same as the
//! page's). The native half (`embed`, `options`, …) is plain Rust, tested with `cargo test`.
//!
//! Panics: the workspace's release profile has `panic = "abort"`, so a panic in wasm traps
//! (`unreachable`) and cannot be caught here. No input reaches a panic (options are read leniently,
//! see `issues::Raw`); the JS wrapper (`js/kaltura-embed.js`) still catches a
//! `WebAssembly.RuntimeError`, re-instantiates the module and throws a plain `Error`.

pub mod doctor;
pub mod embed;
pub mod issues;
pub mod ks;
pub mod options;
pub mod paste;
pub mod session;

use issues::{Raw, Rejected};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// Options from JS: `undefined`/`null` are no options; anything but an object is one issue.
fn from_js<T: DeserializeOwned + Default>(value: JsValue, key: &str) -> Result<T, Rejected> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(Rejected::one(key, "Give the options as an object."));
    }
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| Rejected::one(key, format!("These options cannot be read: {e}.")))
}

fn raw_from_js(value: JsValue) -> Raw {
    serde_wasm_bindgen::from_value(value).unwrap_or(Raw::Other("an unreadable value"))
}

fn text_from_js(value: &JsValue, key: &str) -> Result<String, Rejected> {
    value
        .as_string()
        .ok_or_else(|| Rejected::one(key, "Give the text as a string."))
}

/// The result as a plain object, or the rejection as a thrown `Error` with `issues`.
fn answer<T: Serialize>(result: Result<T, Rejected>) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    match result {
        Ok(value) => value.serialize(&serializer).map_err(JsValue::from),
        Err(rejected) => {
            let error = js_sys::Error::new(&rejected.message);
            let issues = rejected
                .issues
                .serialize(&serializer)
                .map_err(JsValue::from)?;
            js_sys::Reflect::set(&error, &"issues".into(), &issues)?;
            Err(error.into())
        }
    }
}

#[wasm_bindgen(js_name = embedCode, skip_typescript)]
pub fn embed_code(options: JsValue) -> Result<JsValue, JsValue> {
    answer(from_js(options, "options").and_then(|o| embed::embed_code(&o)))
}

#[wasm_bindgen(js_name = frameworkCode, skip_typescript)]
pub fn framework_code(options: JsValue, output: JsValue) -> Result<JsValue, JsValue> {
    let output = raw_from_js(output);
    answer(from_js(options, "options").and_then(|o| embed::framework_code(&o, &output)))
}

#[wasm_bindgen(js_name = seoMetadata, skip_typescript)]
pub fn seo_metadata(options: JsValue, video: JsValue) -> Result<JsValue, JsValue> {
    answer(from_js(options, "options").and_then(|o| {
        let video = from_js(video, "video")?;
        embed::seo_metadata(&o, &video)
    }))
}

#[wasm_bindgen(js_name = readEmbed, skip_typescript)]
pub fn read_embed(text: JsValue) -> Result<JsValue, JsValue> {
    answer(text_from_js(&text, "text").and_then(|t| paste::read_embed(&t)))
}

#[wasm_bindgen(js_name = migrateEmbed, skip_typescript)]
pub fn migrate_embed(text: JsValue) -> Result<JsValue, JsValue> {
    answer(text_from_js(&text, "text").and_then(|t| paste::migrate_embed(&t)))
}

#[wasm_bindgen(js_name = checkEmbed, skip_typescript)]
pub fn check_embed(html: JsValue) -> Result<JsValue, JsValue> {
    // The doctor judges a KS's expiry against this computer's clock, like the page.
    let now = (js_sys::Date::now() / 1000.0) as u64;
    answer(text_from_js(&html, "html").and_then(|t| doctor::check_embed(&t, now)))
}

#[wasm_bindgen(js_name = inspectKs, skip_typescript)]
pub fn inspect_ks(ks: JsValue) -> Result<JsValue, JsValue> {
    answer(text_from_js(&ks, "ks").and_then(|t| ks::inspect_ks(&t)))
}

#[wasm_bindgen(js_name = userSessionRequest, skip_typescript)]
pub fn user_session_request(options: JsValue) -> Result<JsValue, JsValue> {
    answer(from_js(options, "options").and_then(|o| session::user_session_request(&o)))
}

#[wasm_bindgen(js_name = readSessionAnswer, skip_typescript)]
pub fn read_session_answer(options: JsValue, answer_text: JsValue) -> Result<JsValue, JsValue> {
    answer(from_js(options, "options").and_then(|o| {
        let text = text_from_js(&answer_text, "answer")?;
        session::read_session_answer(&o, &text)
    }))
}

/// Traps on purpose, so the tests can prove that the JS wrapper recovers from a trap.
#[wasm_bindgen(js_name = __trapForTests, skip_typescript)]
pub fn trap_for_tests() {
    #[cfg(target_arch = "wasm32")]
    core::arch::wasm32::unreachable();
}

/// The page's allocator (smaller than the default dlmalloc).
#[cfg(target_family = "wasm")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
