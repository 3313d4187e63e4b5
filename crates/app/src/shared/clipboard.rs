//! Clipboard writes with an honest result: only a resolved promise counts as copied.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyError {
    /// No Clipboard API here (insecure context or an old browser).
    Unavailable,
    /// The browser refused (permission, no user gesture, or a sandboxed frame).
    NotAllowed,
}

impl CopyError {
    pub fn message(self) -> &'static str {
        match self {
            CopyError::Unavailable => {
                "Copying needs HTTPS or localhost. The code is selected: press Ctrl+C or ⌘C."
            }
            CopyError::NotAllowed => "The browser did not allow copying: press Ctrl+C or ⌘C.",
        }
    }
}

/// Writes `text` to the system clipboard.
pub async fn write_text(text: &str) -> Result<(), CopyError> {
    let window = web_sys::window().ok_or(CopyError::Unavailable)?;
    let navigator = window.navigator();
    // `navigator.clipboard` is undefined outside secure contexts; calling through it would throw.
    let present = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false);
    if !present {
        return Err(CopyError::Unavailable);
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| CopyError::NotAllowed)
}
