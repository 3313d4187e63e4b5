//! Request parameters as the dispatcher sees them: a tree merged from path > query > body.

use std::collections::BTreeMap;

use crate::phpurl;

/// One parameter: a text value or a nested group (`filter:idIn`, `filter[idIn]`, JSON objects).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Param {
    Text(String),
    Group(Params),
}

/// A group of named parameters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Params {
    map: BTreeMap<String, Param>,
}

impl Params {
    pub fn new() -> Params {
        Params::default()
    }

    /// Inserts `value` under a flat key that may use `a:b` or `a[b]` nesting.
    pub fn insert_path(&mut self, key: &str, value: Param) {
        let segments = split_key(key);
        if segments.is_empty() {
            return;
        }
        self.insert_segments(&segments, value);
    }

    fn insert_segments(&mut self, segments: &[String], value: Param) {
        let (first, rest) = segments.split_first().expect("non-empty segments");
        if rest.is_empty() {
            self.map.insert(first.clone(), value);
            return;
        }
        let slot = self
            .map
            .entry(first.clone())
            .or_insert_with(|| Param::Group(Params::new()));
        if let Param::Text(_) = slot {
            *slot = Param::Group(Params::new());
        }
        if let Param::Group(group) = slot {
            group.insert_segments(rest, value);
        }
    }

    pub fn set(&mut self, key: &str, value: &str) {
        self.map
            .insert(key.to_string(), Param::Text(value.to_string()));
    }

    pub fn remove(&mut self, key: &str) -> Option<Param> {
        self.map.remove(key)
    }

    pub fn contains(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    pub fn get(&self, key: &str) -> Option<&Param> {
        self.map.get(key)
    }

    /// A text value (a group reads as absent).
    pub fn text(&self, key: &str) -> Option<&str> {
        match self.map.get(key) {
            Some(Param::Text(text)) => Some(text),
            _ => None,
        }
    }

    /// A nested group (text reads as absent).
    pub fn group(&self, key: &str) -> Option<&Params> {
        match self.map.get(key) {
            Some(Param::Group(group)) => Some(group),
            _ => None,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Param)> {
        self.map.iter()
    }

    /// `self` wins over `lower`, recursively (PHP `array_replace_recursive($lower, $self)`).
    pub fn merged_over(mut self, lower: Params) -> Params {
        for (key, low) in lower.map {
            match (self.map.remove(&key), low) {
                (None, low) => {
                    self.map.insert(key, low);
                }
                (Some(Param::Group(high)), Param::Group(low)) => {
                    self.map.insert(key, Param::Group(high.merged_over(low)));
                }
                (Some(high), _) => {
                    self.map.insert(key, high);
                }
            }
        }
        self
    }

    /// Applies `f` to every text value, at any depth.
    pub fn map_texts(&mut self, f: &mut dyn FnMut(&str) -> String) {
        for param in self.map.values_mut() {
            match param {
                Param::Text(text) => *text = f(text),
                Param::Group(group) => group.map_texts(f),
            }
        }
    }

    /// Pairs from a query string or form body.
    pub fn from_query(query: &str) -> Params {
        let mut params = Params::new();
        for (key, value) in phpurl::parse_query(query) {
            params.insert_path(&key, Param::Text(value));
        }
        params
    }

    /// A JSON object body; `None` for anything else (the server then ignores the body).
    pub fn from_json(body: &str) -> Option<Params> {
        let trimmed = body.trim();
        if !(trimmed.starts_with('{') && trimmed.ends_with('}')) {
            return None;
        }
        match serde_json::from_str::<serde_json::Value>(trimmed).ok()? {
            serde_json::Value::Object(object) => {
                let mut params = Params::new();
                for (key, value) in object {
                    if let Some(param) = json_param(value) {
                        params.insert_path(&key, param);
                    }
                }
                Some(params)
            }
            _ => None,
        }
    }
}

/// JSON values as PHP sees them after `json_decode(.., true)` and a string cast; null is dropped.
fn json_param(value: serde_json::Value) -> Option<Param> {
    use serde_json::Value as J;
    Some(match value {
        J::Null => return None,
        J::Bool(b) => Param::Text(if b { "1" } else { "" }.to_string()),
        J::Number(n) => Param::Text(n.to_string()),
        J::String(s) => Param::Text(s),
        J::Array(items) => {
            let mut group = Params::new();
            for (i, item) in items.into_iter().enumerate() {
                if let Some(param) = json_param(item) {
                    group.map.insert(i.to_string(), param);
                }
            }
            Param::Group(group)
        }
        J::Object(object) => {
            let mut group = Params::new();
            for (key, item) in object {
                if let Some(param) = json_param(item) {
                    group.map.insert(key, param);
                }
            }
            Param::Group(group)
        }
    })
}

/// `filter:idIn` → [filter, idIn]; `filter[idIn]` → [filter, idIn]; empty segments dropped.
fn split_key(key: &str) -> Vec<String> {
    let (head, brackets) = match key.find('[') {
        Some(i) if key.ends_with(']') => (&key[..i], Some(&key[i + 1..key.len() - 1])),
        _ => (key, None),
    };
    let mut segments: Vec<String> = head.split(':').map(str::to_string).collect();
    if let Some(inner) = brackets {
        for part in inner.split("][") {
            segments.extend(part.split(':').map(str::to_string));
        }
    }
    segments.retain(|s| !s.is_empty());
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(params: &Params, path: &[&str]) -> Option<String> {
        let (last, groups) = path.split_last()?;
        let mut current = params;
        for key in groups {
            current = current.group(key)?;
        }
        current.text(last).map(str::to_string)
    }

    fn check(params: &Params, path: &[&str], expected: Option<&str>) {
        assert_eq!(text(params, path).as_deref(), expected, "{path:?}");
    }

    #[test]
    fn nested_keys_in_both_notations() {
        let params =
            Params::from_query("filter:idIn=a,b&pager[pageSize]=1&1:filter:x=y&k[a][b]=c&=z");
        check(&params, &["filter", "idIn"], Some("a,b"));
        check(&params, &["pager", "pageSize"], Some("1"));
        check(&params, &["1", "filter", "x"], Some("y"));
        check(&params, &["k", "a", "b"], Some("c"));
        check(&params, &["filter"], None);
    }

    #[test]
    fn json_bodies() {
        let params = Params::from_json(
            r#"{"format":1,"pager":{"pageSize":2},"n":null,"b":true,"a":["x"],"f:g":"h"}"#,
        )
        .unwrap();
        check(&params, &["format"], Some("1"));
        check(&params, &["pager", "pageSize"], Some("2"));
        check(&params, &["n"], None);
        check(&params, &["b"], Some("1"));
        check(&params, &["a", "0"], Some("x"));
        check(&params, &["f", "g"], Some("h"));
        assert_eq!(Params::from_json("[1]"), None);
        assert_eq!(Params::from_json("{broken"), None);
    }

    #[test]
    fn higher_precedence_wins_recursively() {
        let high = Params::from_query("a=1&g:x=high");
        let low = Params::from_query("a=2&b=3&g:x=low&g:y=kept");
        let merged = high.merged_over(low);
        check(&merged, &["a"], Some("1"));
        check(&merged, &["b"], Some("3"));
        check(&merged, &["g", "x"], Some("high"));
        check(&merged, &["g", "y"], Some("kept"));
    }
}
