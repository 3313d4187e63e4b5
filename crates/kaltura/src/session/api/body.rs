//! A response body to a JSON value, telling apart an empty, XML, cut-off and otherwise non-JSON body.
//!
//! The JSON parser is the caller's: the browser's own `JSON.parse` on the page (its value then goes
//! through serde-wasm-bindgen), `serde_json` in native tests. All this module needs from a failed
//! parse is the parser's message and the body it was given.

use super::error::{ApiError, Network};

/// Runs `parse` on the body without its byte-order mark and surrounding whitespace, and turns a
/// failure into the [`Network`] error the user sees.
pub(crate) fn parse_body<V>(
    text: &str,
    parse: impl FnOnce(&str) -> Result<V, String>,
) -> Result<V, ApiError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(ApiError::Network(Network::NotJson));
    }
    // api_v3's XML answers start `<?xml …?><xml>`; other markup (an HTML error page) is just not JSON.
    if trimmed.starts_with("<?xml") || trimmed.starts_with("<xml") {
        return Err(ApiError::Network(Network::XmlInsteadOfJson));
    }
    parse(trimmed).map_err(|message| ApiError::Network(failure(trimmed, &message)))
}

/// A body that starts like a JSON array, object or string and that the parser gave up on at its
/// very end was cut off; anything else (an HTML page, `Bad Gateway`, trailing text) is not JSON.
fn failure(body: &str, parser_message: &str) -> Network {
    let starts_like_json = matches!(body.as_bytes().first(), Some(b'[' | b'{' | b'"'));
    if starts_like_json && stopped_at_end(body, parser_message) {
        Network::Truncated
    } else {
        Network::NotJson
    }
}

/// Whether the parser's message says the input ended early. The wordings differ: V8 "Unexpected
/// end of JSON input" / "Unterminated string in JSON at position 9" / "… at position N" (N the
/// length, in UTF-16 units), SpiderMonkey "unexpected end of data", JavaScriptCore "Unexpected
/// EOF", serde_json "EOF while parsing a list".
fn stopped_at_end(body: &str, parser_message: &str) -> bool {
    let message = parser_message.to_ascii_lowercase();
    let says_so = ["end of", "eof", "unterminated"]
        .iter()
        .any(|words| message.contains(words));
    says_so || position_in(&message).is_some_and(|at| at >= body.encode_utf16().count())
}

/// The `N` of V8's "… at position N".
fn position_in(message: &str) -> Option<usize> {
    let after = &message[message.find("at position ")? + "at position ".len()..];
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    after[..digits].parse().ok()
}
