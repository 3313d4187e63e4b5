//! Ordered JS object literals / JSON text and URL query strings for the snippet writers.

use super::escape;

/// A value in a generated JS object literal or JSON text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Str(String),
    Num(u64),
    Bool(bool),
    Obj(Obj),
}

/// An ordered object: keys are code constants, values may be user input.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Obj(pub(crate) Vec<(&'static str, Value)>);

impl Obj {
    pub(crate) fn with(mut self, key: &'static str, value: Value) -> Self {
        self.0.push((key, value));
        self
    }
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// A JS object literal, one key per line, indented by `indent` spaces.
    pub(crate) fn to_js(&self, indent: usize) -> String {
        let mut out = String::new();
        self.write_js(indent, &mut out);
        out
    }

    fn write_js(&self, indent: usize, out: &mut String) {
        if self.0.is_empty() {
            out.push_str("{}");
            return;
        }
        out.push_str("{\n");
        for (i, (key, value)) in self.0.iter().enumerate() {
            push_spaces(out, indent + 2);
            if key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                out.push_str(key);
            } else {
                out.push('"');
                out.push_str(key);
                out.push('"');
            }
            out.push_str(": ");
            match value {
                Value::Str(s) => {
                    out.push('"');
                    out.push_str(&escape::js_string(s));
                    out.push('"');
                }
                Value::Num(n) => out.push_str(&n.to_string()),
                Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
                Value::Obj(obj) => obj.write_js(indent + 2, out),
            }
            if i + 1 < self.0.len() {
                out.push(',');
            }
            out.push('\n');
        }
        push_spaces(out, indent);
        out.push('}');
    }

    /// Compact JSON, for `config[...]` URL parameters.
    pub(crate) fn to_json(&self) -> String {
        let mut out = String::from("{");
        for (i, (key, value)) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push('"');
            out.push_str(key);
            out.push_str("\":");
            match value {
                Value::Str(s) => {
                    out.push('"');
                    out.push_str(&escape::js_string(s));
                    out.push('"');
                }
                Value::Num(n) => out.push_str(&n.to_string()),
                Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
                Value::Obj(obj) => out.push_str(&obj.to_json()),
            }
        }
        out.push('}');
        out
    }
}

pub(crate) fn push_spaces(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

/// Query parameters, values URL-encoded; keys are code constants (brackets kept readable, as Kaltura's own snippets do).
pub(crate) struct Query(Vec<(String, String)>);

impl Query {
    pub(crate) fn new() -> Self {
        Query(Vec::new())
    }
    pub(crate) fn add(&mut self, key: impl Into<String>, value: impl Into<String>) -> &mut Self {
        self.0.push((key.into(), value.into()));
        self
    }
    pub(crate) fn url(&self, base: &str) -> String {
        let mut out = String::from(base);
        for (i, (k, v)) in self.0.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(k);
            out.push('=');
            out.push_str(&crate::percent::component(v));
        }
        out
    }
}
