//! Crossing to JavaScript, shared by every entry: options in through serde-wasm-bindgen, results
//! out as plain objects, a rejection thrown as an `Error` with `issues`, and the trap for tests.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::issues::{Raw, Rejected};

/// Options from JS: `undefined`/`null` are no options; anything but an object is one issue.
pub fn from_js<T: DeserializeOwned + Default>(value: JsValue, key: &str) -> Result<T, Rejected> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(Rejected::one(key, "Give the options as an object."));
    }
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| Rejected::one(key, format!("These options cannot be read: {e}.")))
}

/// One argument as a lenient value (see [`Raw`]).
pub fn raw_from_js(value: JsValue) -> Raw {
    serde_wasm_bindgen::from_value(value).unwrap_or(Raw::Other("an unreadable value"))
}

pub fn text_from_js(value: &JsValue, key: &str) -> Result<String, Rejected> {
    value
        .as_string()
        .ok_or_else(|| Rejected::one(key, "Give the text as a string."))
}

/// The result as a plain object, or the rejection as a thrown `Error` with `issues`.
pub fn answer<T: Serialize>(result: Result<T, Rejected>) -> Result<JsValue, JsValue> {
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

/// Traps on purpose, so the tests can prove that each entry's JS wrapper recovers from a trap.
#[wasm_bindgen(js_name = __trapForTests, skip_typescript)]
pub fn trap_for_tests() {
    #[cfg(target_arch = "wasm32")]
    core::arch::wasm32::unreachable();
}
