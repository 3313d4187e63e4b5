//! The `"."` entry's exports: embed code, framework code and SEO metadata.

use wasm_bindgen::prelude::*;

use crate::boundary::{answer, from_js, raw_from_js};
use crate::embed;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types/embed.d.ts");

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
