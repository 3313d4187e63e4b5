//! Response values with ordered keys, serialised like the real server's JSON and XML serializers.

/// A result value. Objects keep insertion order; `objectType` goes last, as PHP appends it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Str(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    pub fn str(text: impl Into<String>) -> Value {
        Value::Str(text.into())
    }

    /// A typed Kaltura object: the given properties (nulls dropped) then `objectType`.
    pub fn object(object_type: &str, properties: Vec<(&str, Value)>) -> Value {
        let mut pairs: Vec<(String, Value)> = properties
            .into_iter()
            .filter(|(_, value)| *value != Value::Null)
            .map(|(key, value)| (key.to_string(), value))
            .collect();
        pairs.push(("objectType".to_string(), Value::str(object_type)));
        Value::Object(pairs)
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(pairs) => pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            Value::Array(items) => key.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        }
    }

    /// The string a multirequest `{N:result:path}` reference is replaced with.
    pub fn as_reference_text(&self) -> String {
        match self {
            Value::Null | Value::Array(_) | Value::Object(_) => String::new(),
            Value::Bool(b) => if *b { "1" } else { "" }.to_string(),
            Value::Int(n) => n.to_string(),
            Value::Str(s) => s.clone(),
        }
    }

    /// PHP `json_encode` with default flags: `/` → `\/`, non-ASCII → `\uXXXX`.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }

    fn write_json(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Int(n) => out.push_str(&n.to_string()),
            Value::Str(s) => write_json_string(s, out),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_json(out);
                }
                out.push(']');
            }
            Value::Object(pairs) => {
                out.push('{');
                for (i, (key, value)) in pairs.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_json_string(key, out);
                    out.push(':');
                    value.write_json(out);
                }
                out.push('}');
            }
        }
    }

    /// The body of `<result>` in KalturaXmlSerializer: `objectType` first, arrays as `<item>`.
    pub fn to_xml(&self) -> String {
        let mut out = String::new();
        self.write_xml(&mut out);
        out
    }

    fn write_xml(&self, out: &mut String) {
        match self {
            Value::Null => {}
            Value::Bool(b) => out.push_str(if *b { "1" } else { "0" }),
            Value::Int(n) => out.push_str(&n.to_string()),
            Value::Str(s) => out.push_str(&xml_escape(s)),
            Value::Array(items) => {
                for item in items {
                    out.push_str("<item>");
                    item.write_xml(out);
                    out.push_str("</item>");
                }
            }
            Value::Object(pairs) => {
                let object_type = pairs.iter().find(|(k, _)| k == "objectType");
                let others = pairs.iter().filter(|(k, _)| k != "objectType");
                for (key, value) in object_type.into_iter().chain(others) {
                    out.push_str(&format!("<{key}>"));
                    value.write_xml(out);
                    out.push_str(&format!("</{key}>"));
                }
            }
        }
    }
}

fn write_json_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '/' => out.push_str("\\/"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// kString::xmlEncode: the five XML entities.
pub fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(value: Value, json: &str, xml: &str) {
        assert_eq!(value.to_json(), json);
        assert_eq!(value.to_xml(), xml);
    }

    #[test]
    fn serialises_like_php() {
        check(Value::str("a/b\"é"), r#""a\/b\"\u00e9""#, "a/b&quot;é");
        check(Value::Int(-3), "-3", "-3");
        check(Value::Bool(true), "true", "1");
        check(
            Value::object(
                "KalturaThing",
                vec![("id", Value::Int(1)), ("gone", Value::Null)],
            ),
            r#"{"id":1,"objectType":"KalturaThing"}"#,
            "<objectType>KalturaThing</objectType><id>1</id>",
        );
        check(
            Value::Array(vec![Value::str("x"), Value::Null]),
            r#"["x",null]"#,
            "<item>x</item><item></item>",
        );
        check(Value::str("😀"), r#""\ud83d\ude00""#, "😀");
    }
}
