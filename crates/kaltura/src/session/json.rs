//! A small strict JSON parser for api_v3 responses (no serde: the core ships in a size-budgeted wasm).

use std::fmt;

/// Nesting deeper than this is refused; api_v3 answers nest a handful of levels, and the limit keeps
/// recursion bounded on hostile input.
pub const MAX_DEPTH: usize = 64;

/// A parsed JSON value. Objects keep their keys in document order (duplicates are kept too).
#[derive(Debug, Clone, PartialEq)]
pub enum JsonValue {
    Null,
    Bool(bool),
    Number(JsonNumber),
    String(String),
    Array(Vec<JsonValue>),
    Object(Vec<(String, JsonValue)>),
}

/// A JSON number kept as its exact source text, so integers never lose precision through `f64`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonNumber(String);

impl JsonNumber {
    pub fn text(&self) -> &str {
        &self.0
    }
    /// The value when it is an integer literal that fits `i64` (no fraction, no exponent).
    pub fn as_i64(&self) -> Option<i64> {
        self.0.parse().ok()
    }
    pub fn as_f64(&self) -> f64 {
        // The grammar check guarantees a literal Rust can read; infinities stay possible for huge exponents.
        self.0.parse().unwrap_or(f64::NAN)
    }
}

/// Why a text is not JSON; `offset` is the byte position where reading stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub kind: JsonErrorKind,
    pub offset: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonErrorKind {
    /// The text ended before the value was complete (a cut-off response).
    UnexpectedEnd,
    UnexpectedCharacter,
    TooDeep,
    /// A complete value followed by more non-whitespace text.
    TrailingCharacters,
    BadNumber,
    BadEscape,
    /// A raw control character (below U+0020) inside a string.
    ControlCharacter,
    /// A `\u` escape naming half of a surrogate pair without its other half.
    LoneSurrogate,
}

impl JsonError {
    pub fn is_truncation(&self) -> bool {
        self.kind == JsonErrorKind::UnexpectedEnd
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            JsonErrorKind::UnexpectedEnd => "the text ends in the middle of a value",
            JsonErrorKind::UnexpectedCharacter => "unexpected character",
            JsonErrorKind::TooDeep => "values are nested too deeply",
            JsonErrorKind::TrailingCharacters => "extra text after the value",
            JsonErrorKind::BadNumber => "malformed number",
            JsonErrorKind::BadEscape => "malformed escape sequence in a string",
            JsonErrorKind::ControlCharacter => "raw control character in a string",
            JsonErrorKind::LoneSurrogate => "unpaired UTF-16 surrogate in a \\u escape",
        };
        write!(f, "not valid JSON at byte {}: {what}", self.offset)
    }
}

impl JsonValue {
    /// The first value stored under `key` when this is an object.
    pub fn get(&self, key: &str) -> Option<&JsonValue> {
        match self {
            JsonValue::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            JsonValue::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&[JsonValue]> {
        match self {
            JsonValue::Array(items) => Some(items),
            _ => None,
        }
    }
    pub fn is_null(&self) -> bool {
        matches!(self, JsonValue::Null)
    }
    /// An integer given either as a JSON number or as a numeric string: api_v3 serialises some
    /// integer fields (partnerId, expiry, sessionType) as strings depending on the code path.
    pub fn as_i64_lenient(&self) -> Option<i64> {
        match self {
            JsonValue::Number(n) => n.as_i64(),
            JsonValue::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }
    /// A string field that api_v3 may also send as a number (e.g. `"userId":0`).
    pub fn as_text_lenient(&self) -> Option<String> {
        match self {
            JsonValue::String(s) => Some(s.clone()),
            JsonValue::Number(n) => Some(n.text().to_string()),
            _ => None,
        }
    }
}

/// Parses one complete JSON document (surrounding whitespace allowed).
pub fn parse(text: &str) -> Result<JsonValue, JsonError> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        pos: 0,
    };
    reader.skip_whitespace();
    let value = reader.value(0)?;
    reader.skip_whitespace();
    if reader.pos < reader.bytes.len() {
        return Err(reader.error(JsonErrorKind::TrailingCharacters));
    }
    Ok(value)
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn error(&self, kind: JsonErrorKind) -> JsonError {
        JsonError {
            kind,
            offset: self.pos,
        }
    }

    /// End of input reads as truncation, anything else as an unexpected character.
    fn unexpected(&self) -> JsonError {
        if self.pos >= self.bytes.len() {
            self.error(JsonErrorKind::UnexpectedEnd)
        } else {
            self.error(JsonErrorKind::UnexpectedCharacter)
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect_literal(&mut self, literal: &[u8], value: JsonValue) -> Result<JsonValue, JsonError> {
        for &expected in literal {
            match self.peek() {
                Some(b) if b == expected => self.pos += 1,
                _ => return Err(self.unexpected()),
            }
        }
        Ok(value)
    }

    fn value(&mut self, depth: usize) -> Result<JsonValue, JsonError> {
        match self.peek() {
            None => Err(self.error(JsonErrorKind::UnexpectedEnd)),
            Some(b'n') => self.expect_literal(b"null", JsonValue::Null),
            Some(b't') => self.expect_literal(b"true", JsonValue::Bool(true)),
            Some(b'f') => self.expect_literal(b"false", JsonValue::Bool(false)),
            Some(b'"') => self.string().map(JsonValue::String),
            Some(b'[') => self.array(depth + 1),
            Some(b'{') => self.object(depth + 1),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error(JsonErrorKind::UnexpectedCharacter)),
        }
    }

    fn array(&mut self, depth: usize) -> Result<JsonValue, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error(JsonErrorKind::TooDeep));
        }
        self.pos += 1; // '['
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(JsonValue::Array(items));
        }
        loop {
            self.skip_whitespace();
            items.push(self.value(depth)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(JsonValue::Array(items));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<JsonValue, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error(JsonErrorKind::TooDeep));
        }
        self.pos += 1; // '{'
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(JsonValue::Object(members));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.unexpected());
            }
            let key = self.string()?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.unexpected());
            }
            self.pos += 1;
            self.skip_whitespace();
            let value = self.value(depth)?;
            members.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(JsonValue::Object(members));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<JsonValue, JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        let int_digits = self.digits();
        if int_digits == 0 {
            return Err(self.number_error());
        }
        if int_digits > 1 && self.bytes[int_start] == b'0' {
            self.pos = int_start + 1;
            return Err(self.error(JsonErrorKind::BadNumber));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.number_error());
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.number_error());
            }
        }
        // Only ASCII was consumed, so this slice is valid UTF-8.
        let text = String::from_utf8_lossy(&self.bytes[start..self.pos]).into_owned();
        Ok(JsonValue::Number(JsonNumber(text)))
    }

    fn number_error(&self) -> JsonError {
        if self.pos >= self.bytes.len() {
            self.error(JsonErrorKind::UnexpectedEnd)
        } else {
            self.error(JsonErrorKind::BadNumber)
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut value = 0u32;
        for _ in 0..4 {
            let digit = match self.peek() {
                None => return Err(self.error(JsonErrorKind::UnexpectedEnd)),
                Some(b) => (b as char)
                    .to_digit(16)
                    .ok_or_else(|| self.error(JsonErrorKind::BadEscape))?,
            };
            value = value * 16 + digit;
            self.pos += 1;
        }
        Ok(value)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1; // opening quote
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error(JsonErrorKind::UnexpectedEnd));
            };
            match b {
                b'"' => {
                    self.pos += 1;
                    // Input was a &str and escapes add whole chars, so this cannot fail; stay total anyway.
                    return String::from_utf8(out)
                        .map_err(|_| self.error(JsonErrorKind::UnexpectedCharacter));
                }
                b'\\' => {
                    self.pos += 1;
                    let Some(escape) = self.peek() else {
                        return Err(self.error(JsonErrorKind::UnexpectedEnd));
                    };
                    self.pos += 1;
                    let simple = match escape {
                        b'"' => Some('"'),
                        b'\\' => Some('\\'),
                        b'/' => Some('/'),
                        b'b' => Some('\u{8}'),
                        b'f' => Some('\u{c}'),
                        b'n' => Some('\n'),
                        b'r' => Some('\r'),
                        b't' => Some('\t'),
                        b'u' => None,
                        _ => {
                            self.pos -= 1;
                            return Err(self.error(JsonErrorKind::BadEscape));
                        }
                    };
                    let ch = match simple {
                        Some(c) => c,
                        None => self.unicode_escape()?,
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                0x00..=0x1f => return Err(self.error(JsonErrorKind::ControlCharacter)),
                _ => {
                    out.push(b);
                    self.pos += 1;
                }
            }
        }
    }

    /// After `\u`: one BMP scalar, or a high+low surrogate pair written as two escapes.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                match (self.peek(), self.bytes.get(self.pos + 1)) {
                    (Some(b'\\'), Some(b'u')) => {}
                    (None, _) | (Some(b'\\'), None) => {
                        return Err(self.error(JsonErrorKind::UnexpectedEnd))
                    }
                    _ => return Err(self.error(JsonErrorKind::LoneSurrogate)),
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error(JsonErrorKind::LoneSurrogate));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error(JsonErrorKind::LoneSurrogate)),
            other => other,
        };
        char::from_u32(code).ok_or_else(|| self.error(JsonErrorKind::BadEscape))
    }
}
