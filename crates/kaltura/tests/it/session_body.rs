//! A failed JSON parse, as each parser words it, read as a cut-off answer or as a body that is not JSON.

use crate::session_support::json;
use kaltura::embed::ids::PartnerId;
use kaltura::session::api::{verify_widget, ApiError, Expiry, Network, ServiceUrl, WidgetSession};

fn widget_call() -> kaltura::session::api::SessionCall {
    verify_widget(
        &ServiceUrl::local_simulator(),
        &WidgetSession {
            partner: PartnerId::parse("123").unwrap(),
            expiry: Expiry::ONE_HOUR,
        },
    )
}

/// Decodes `body` with a parser that fails with `parser_message`.
fn check(body: &str, parser_message: &str, expected: Network) {
    let failing = |_: &str| Err::<serde_json::Value, _>(parser_message.to_string());
    assert_eq!(
        widget_call().decode(body, failing),
        Err(ApiError::Network(expected)),
        "{body:?} with {parser_message:?}"
    );
}

#[test]
fn browser_messages_tell_cut_off_from_not_json() {
    use Network::*;
    let table: &[(&str, &str, Network)] = &[
        // V8 (Chrome, Node 20): the end is named, or the position is the body's length.
        ("[\"djJ8MTIz", "Unterminated string in JSON at position 10", Truncated),
        ("[1,", "Unexpected end of JSON input", Truncated),
        ("[1,2", "Expected ',' or ']' after array element in JSON at position 4", Truncated),
        ("{\"a\"", "Expected ':' after property name in JSON at position 4", Truncated),
        ("[\"a\\u12", "Bad Unicode escape in JSON at position 7", Truncated),
        // Positions count UTF-16 units: "é" is one unit, two bytes.
        ("[\"é", "Unterminated string in JSON at position 3", Truncated),
        ("[\"djJ8\"] trailing", "Unexpected non-whitespace character after JSON at position 9", NotJson),
        ("[1,x]", "Unexpected token 'x', \"[1,x]\" is not valid JSON", NotJson),
        ("Bad Gateway", "Unexpected token 'B', \"Bad Gateway\" is not valid JSON", NotJson),
        ("<html><body>502</body></html>", "Unexpected token '<', \"<html><bod\"... is not valid JSON", NotJson),
        // SpiderMonkey (Firefox).
        ("[\"djJ8MTIz", "JSON.parse: unterminated string at line 1 column 11 of the JSON data", Truncated),
        ("[1,2", "JSON.parse: end of data when ',' or ']' was expected at line 1 column 5 of the JSON data", Truncated),
        ("[\"djJ8\"] trailing", "JSON.parse: unexpected non-whitespace character after JSON data at line 1 column 10 of the JSON data", NotJson),
        // serde_json (native tests).
        ("[\"djJ8MTIz", "EOF while parsing a string at line 1 column 10", Truncated),
        ("[\"djJ8\"] trailing", "trailing characters at line 1 column 10", NotJson),
        // Only a body that starts like JSON can have been cut off, whatever the parser says.
        ("Bad Gateway", "Unexpected end of JSON input", NotJson),
        ("tru", "Unexpected end of JSON input", NotJson),
    ];
    for (body, message, expected) in table {
        check(body, message, *expected);
    }
}

#[test]
fn bodies_that_are_not_parsed_at_all() {
    let table: &[(&str, Network)] = &[
        ("", Network::NotJson),
        (" \u{feff}\n", Network::NotJson),
        (
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><xml><result/></xml>",
            Network::XmlInsteadOfJson,
        ),
        ("\u{feff}  <xml><result/></xml>", Network::XmlInsteadOfJson),
    ];
    for (body, expected) in table {
        // The parser is never asked: it would say something else.
        check(body, "Unexpected end of JSON input", *expected);
    }
}

#[test]
fn the_parser_sees_the_body_without_bom_and_whitespace() {
    let seen = std::cell::RefCell::new(String::new());
    let _ = widget_call().decode("\u{feff} \n[1]\n", |text: &str| {
        *seen.borrow_mut() = text.to_string();
        json(text)
    });
    assert_eq!(seen.into_inner(), "[1]");
}
