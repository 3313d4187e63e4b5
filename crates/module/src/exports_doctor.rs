//! The `"./doctor"` entry's exports: the Embed doctor and the paste reader it is built on.

use wasm_bindgen::prelude::*;

use crate::boundary::{answer, text_from_js};
use crate::{doctor, paste};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types/doctor.d.ts");

#[wasm_bindgen(js_name = checkEmbed, skip_typescript)]
pub fn check_embed(html: JsValue) -> Result<JsValue, JsValue> {
    // The doctor judges a KS's expiry against this computer's clock, like the page.
    let now = (js_sys::Date::now() / 1000.0) as u64;
    answer(text_from_js(&html, "html").and_then(|t| doctor::check_embed(&t, now)))
}

#[wasm_bindgen(js_name = readEmbed, skip_typescript)]
pub fn read_embed(text: JsValue) -> Result<JsValue, JsValue> {
    answer(text_from_js(&text, "text").and_then(|t| paste::read_embed(&t)))
}

#[wasm_bindgen(js_name = migrateEmbed, skip_typescript)]
pub fn migrate_embed(text: JsValue) -> Result<JsValue, JsValue> {
    answer(text_from_js(&text, "text").and_then(|t| paste::migrate_embed(&t)))
}
