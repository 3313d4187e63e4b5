//! The `"./session"` entry's exports: KS inspection and the USER-session request and answer.

use wasm_bindgen::prelude::*;

use crate::boundary::{answer, from_js, text_from_js};
use crate::{ks, session};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types/session.d.ts");

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
