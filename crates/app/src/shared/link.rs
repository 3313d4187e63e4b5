//! The settings link the page was opened with (its `#fragment`), read by both modules.

use kaltura::embed::form::EmbedForm;

/// The link's fragment, if it has one.
pub(crate) fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    (hash.len() > 1).then_some(hash)
}

/// The embed settings of the link the page was opened with, for the first module. (Remembered
/// settings reach it later, from the extras, as a `bridge::Message::Load`.)
pub(crate) fn embed() -> Option<EmbedForm> {
    fragment().map(|text| kaltura::share::decode_embed(&text))
}
