//! The strict JSON parser: accepted documents, rejected documents and their error kinds.

use kaltura::session::json::{parse, JsonErrorKind, JsonValue, MAX_DEPTH};

/// Renders a value compactly so expectations read like JSON (keys in document order).
fn show(value: &JsonValue) -> String {
    match value {
        JsonValue::Null => "null".into(),
        JsonValue::Bool(b) => b.to_string(),
        JsonValue::Number(n) => format!("#{}", n.text()),
        JsonValue::String(s) => format!("{s:?}"),
        JsonValue::Array(items) => {
            format!("[{}]", items.iter().map(show).collect::<Vec<_>>().join(","))
        }
        JsonValue::Object(members) => format!(
            "{{{}}}",
            members
                .iter()
                .map(|(k, v)| format!("{k:?}:{}", show(v)))
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

fn check(input: &str, expected: Result<&str, JsonErrorKind>) {
    let actual = parse(input).map(|v| show(&v)).map_err(|e| e.kind);
    assert_eq!(
        actual.as_deref().map_err(|e| *e),
        expected,
        "input {input:?}"
    );
}

#[test]
fn accepts_valid_documents() {
    let table: &[(&str, &str)] = &[
        ("null", "null"),
        (" true ", "true"),
        ("false", "false"),
        ("0", "#0"),
        ("-12", "#-12"),
        ("3.25e-2", "#3.25e-2"),
        ("1E+3", "#1E+3"),
        (r#""a\"b\\c\/d""#, r#""a\"b\\c/d""#),
        (r#""\n\t\r\b\f""#, r#""\n\t\r\u{8}\u{c}""#),
        (r#""\u00e9\u4e2d""#, r#""é中""#),
        (r#""\ud83d\ude00""#, r#""😀""#),
        ("\"é raw\"", "\"é raw\""),
        ("[]", "[]"),
        ("{}", "{}"),
        ("[1, [2, {}], \"x\"]", "[#1,[#2,{}],\"x\"]"),
        (
            r#"{"b":1,"a":{"c":null},"b":2}"#,
            r#"{"b":#1,"a":{"c":null},"b":#2}"#,
        ),
        (
            "\n{\"partnerId\":123,\"ks\":\"djJ8\",\"userId\":0,\"objectType\":\"KalturaStartWidgetSessionResponse\"}\n",
            r#"{"partnerId":#123,"ks":"djJ8","userId":#0,"objectType":"KalturaStartWidgetSessionResponse"}"#,
        ),
    ];
    for (input, expected) in table {
        check(input, Ok(expected));
    }
}

#[test]
fn rejects_invalid_documents_with_their_kind() {
    use JsonErrorKind::*;
    let table: &[(&str, JsonErrorKind)] = &[
        ("", UnexpectedEnd),
        ("   ", UnexpectedEnd),
        ("[1,2", UnexpectedEnd),
        ("{\"ks\":\"abc", UnexpectedEnd),
        ("{\"a\"", UnexpectedEnd),
        ("{\"a\":", UnexpectedEnd),
        ("tru", UnexpectedEnd),
        ("-", UnexpectedEnd),
        ("1.", UnexpectedEnd),
        ("\"\\u12", UnexpectedEnd),
        ("\"\\", UnexpectedEnd),
        ("nul!", UnexpectedCharacter),
        ("[1,]", UnexpectedCharacter),
        ("{,}", UnexpectedCharacter),
        ("{\"a\" 1}", UnexpectedCharacter),
        ("{'a':1}", UnexpectedCharacter),
        ("[1 2]", UnexpectedCharacter),
        ("<?xml version=\"1.0\"?>", UnexpectedCharacter),
        ("1 2", TrailingCharacters),
        ("{}x", TrailingCharacters),
        ("01", BadNumber),
        ("-a", BadNumber),
        ("1.e5", BadNumber),
        ("1e", UnexpectedEnd),
        ("1ex", BadNumber),
        ("\"\\x\"", BadEscape),
        ("\"\\u12g4\"", BadEscape),
        ("\"a\nb\"", ControlCharacter),
        ("\"\\ud83d\"", LoneSurrogate),
        ("\"\\ude00\"", LoneSurrogate),
        ("\"\\ud83d\\u0041\"", LoneSurrogate),
    ];
    for (input, kind) in table {
        check(input, Err(*kind));
    }
}

#[test]
fn depth_limit_is_exact() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(parse(&nested(MAX_DEPTH)).is_ok());
    assert_eq!(
        parse(&nested(MAX_DEPTH + 1)).map_err(|e| e.kind),
        Err(JsonErrorKind::TooDeep)
    );
    // Far past the limit must still be an error, not a stack overflow.
    let deep = "{\"a\":".repeat(100_000);
    assert_eq!(
        parse(&deep).map_err(|e| e.kind),
        Err(JsonErrorKind::TooDeep)
    );
}

#[test]
fn numbers_keep_exact_integers_and_lenient_accessors_read_strings() {
    let doc = parse(r#"{"big":9007199254740993,"f":1.5,"s":" 42 ","neg":"-1","t":"x"}"#).unwrap();
    let get = |k: &str| doc.get(k).unwrap();
    let JsonValue::Number(big) = get("big") else {
        panic!("not a number")
    };
    assert_eq!(big.as_i64(), Some(9_007_199_254_740_993));
    let JsonValue::Number(f) = get("f") else {
        panic!("not a number")
    };
    assert_eq!((f.as_i64(), f.as_f64()), (None, 1.5));
    assert_eq!(get("s").as_i64_lenient(), Some(42));
    assert_eq!(get("neg").as_i64_lenient(), Some(-1));
    assert_eq!(get("t").as_i64_lenient(), None);
    assert_eq!(
        get("big").as_text_lenient().as_deref(),
        Some("9007199254740993")
    );
    assert_eq!(doc.get("missing"), None);
}

#[test]
fn error_display_names_the_offset() {
    let err = parse("[1,\n x]").unwrap_err();
    assert_eq!(err.offset, 5);
    assert_eq!(
        err.to_string(),
        "not valid JSON at byte 5: unexpected character"
    );
}
