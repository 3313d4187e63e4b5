//! Request parameters as the dispatcher sees them: a tree merged from path > query > body.

use std::collections::BTreeMap;

use crate::phpurl;

/// Deepest key nesting accepted (`a:b:…` counts one level per segment, JSON objects one each).
pub const MAX_DEPTH: usize = 32;
/// Most parameters accepted from one source (path pairs, query or form pairs, JSON values).
pub const MAX_PARAMS: usize = 1000;

/// Why a request's parameters were refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamError {
    /// A key nests deeper than [`MAX_DEPTH`].
    TooDeep,
    /// More than [`MAX_PARAMS`] parameters in one source.
    TooMany,
}

impl ParamError {
    /// The limit, as the api_v3 error answer names it.
    pub fn describe(self) -> String {
        match self {
            ParamError::TooDeep => format!("parameter keys nest at most {MAX_DEPTH} levels"),
            ParamError::TooMany => format!("at most {MAX_PARAMS} parameters per source"),
        }
    }
}

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
    ///
    /// A loop, not recursion, walks down the groups, and keys deeper than [`MAX_DEPTH`] are
    /// refused: every later walk of the tree (merge, clone, drop) recurses at most that deep.
    pub fn insert_path(&mut self, key: &str, value: Param) -> Result<(), ParamError> {
        let segments = split_key(key);
        let Some((last, groups)) = segments.split_last() else {
            return Ok(());
        };
        if segments.len() + value.depth() > MAX_DEPTH {
            return Err(ParamError::TooDeep);
        }
        let mut current = self;
        for segment in groups {
            let slot = current
                .map
                .entry(segment.clone())
                .or_insert_with(|| Param::Group(Params::new()));
            if let Param::Text(_) = slot {
                *slot = Param::Group(Params::new());
            }
            current = match slot {
                Param::Group(group) => group,
                Param::Text(_) => return Ok(()), // replaced just above
            };
        }
        current.map.insert(last.clone(), value);
        Ok(())
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
    pub fn from_query(query: &str) -> Result<Params, ParamError> {
        let mut params = Params::new();
        for (count, (key, value)) in phpurl::parse_query(query).into_iter().enumerate() {
            if count >= MAX_PARAMS {
                return Err(ParamError::TooMany);
            }
            params.insert_path(&key, Param::Text(value))?;
        }
        Ok(params)
    }

    /// A JSON object body; `Ok(None)` for anything else (the server then ignores the body).
    pub fn from_json(body: &str) -> Result<Option<Params>, ParamError> {
        let trimmed = body.trim();
        if !(trimmed.starts_with('{') && trimmed.ends_with('}')) {
            return Ok(None);
        }
        // serde_json stops at 128 levels itself; that is "too deep" here, not "not JSON".
        let object = match serde_json::from_str::<serde_json::Value>(trimmed) {
            Ok(serde_json::Value::Object(object)) => object,
            Ok(_) => return Ok(None),
            Err(e) if e.to_string().starts_with("recursion limit exceeded") => {
                return Err(ParamError::TooDeep)
            }
            Err(_) => return Ok(None),
        };
        let mut params = Params::new();
        let mut budget = MAX_PARAMS;
        for (key, value) in object {
            let room = MAX_DEPTH.saturating_sub(split_key(&key).len());
            if let Some(param) = json_param(value, room, &mut budget)? {
                params.insert_path(&key, param)?;
            }
        }
        Ok(Some(params))
    }
}

impl Param {
    /// Levels of groups below this value (a text is 0).
    fn depth(&self) -> usize {
        // Values reaching here were built by `json_param` within the depth budget.
        match self {
            Param::Text(_) => 0,
            Param::Group(group) => 1 + group.map.values().map(Param::depth).max().unwrap_or(0),
        }
    }
}

/// JSON values as PHP sees them after `json_decode(.., true)` and a string cast; null is dropped.
/// `room` is how many more group levels fit under [`MAX_DEPTH`]; `budget` counts values left.
fn json_param(
    value: serde_json::Value,
    room: usize,
    budget: &mut usize,
) -> Result<Option<Param>, ParamError> {
    use serde_json::Value as J;
    *budget = budget.checked_sub(1).ok_or(ParamError::TooMany)?;
    let entries: Vec<(String, J)> = match value {
        J::Null => return Ok(None),
        J::Bool(b) => return Ok(Some(Param::Text(if b { "1" } else { "" }.to_string()))),
        J::Number(n) => return Ok(Some(Param::Text(n.to_string()))),
        J::String(s) => return Ok(Some(Param::Text(s))),
        J::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, item)| (i.to_string(), item))
            .collect(),
        J::Object(object) => object.into_iter().collect(),
    };
    let room = room.checked_sub(1).ok_or(ParamError::TooDeep)?;
    let mut group = Params::new();
    for (key, item) in entries {
        if let Some(param) = json_param(item, room, budget)? {
            group.map.insert(key, param);
        }
    }
    Ok(Some(Param::Group(group)))
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

    fn query(text: &str) -> Params {
        Params::from_query(text).expect("within limits")
    }

    #[test]
    fn nested_keys_in_both_notations() {
        let params = query("filter:idIn=a,b&pager[pageSize]=1&1:filter:x=y&k[a][b]=c&=z");
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
        .unwrap()
        .unwrap();
        check(&params, &["format"], Some("1"));
        check(&params, &["pager", "pageSize"], Some("2"));
        check(&params, &["n"], None);
        check(&params, &["b"], Some("1"));
        check(&params, &["a", "0"], Some("x"));
        check(&params, &["f", "g"], Some("h"));
        assert_eq!(Params::from_json("[1]"), Ok(None));
        assert_eq!(Params::from_json("{broken"), Ok(None));
    }

    #[test]
    fn higher_precedence_wins_recursively() {
        let high = query("a=1&g:x=high");
        let low = query("a=2&b=3&g:x=low&g:y=kept");
        let merged = high.merged_over(low);
        check(&merged, &["a"], Some("1"));
        check(&merged, &["b"], Some("3"));
        check(&merged, &["g", "x"], Some("high"));
        check(&merged, &["g", "y"], Some("kept"));
    }

    fn deep_key(levels: usize, separator: &str) -> String {
        vec!["a"; levels].join(separator)
    }

    fn deep_json(levels: usize) -> String {
        // `levels` keys deep: {"a":{"a":…1…}}
        format!("{}1{}", r#"{"a":"#.repeat(levels), "}".repeat(levels))
    }

    fn check_limit(result: Result<(), ParamError>, expected: Result<(), ParamError>, what: &str) {
        assert_eq!(result, expected, "{what}");
    }

    #[test]
    fn depth_and_count_are_bounded() {
        let form = |key: String| Params::from_query(&format!("{key}=1")).map(drop);
        let json = |body: String| Params::from_json(&body).map(drop);
        check_limit(form(deep_key(32, ":")), Ok(()), "32 levels with :");
        check_limit(
            form(deep_key(33, ":")),
            Err(ParamError::TooDeep),
            "33 with :",
        );
        let brackets = format!("a{}", "[a]".repeat(32));
        check_limit(form(brackets), Err(ParamError::TooDeep), "33 with []");
        check_limit(
            form(deep_key(100_000, ":")),
            Err(ParamError::TooDeep),
            "100k",
        );
        check_limit(json(deep_json(32)), Ok(()), "JSON 32");
        check_limit(json(deep_json(33)), Err(ParamError::TooDeep), "JSON 33");
        check_limit(json(deep_json(5000)), Err(ParamError::TooDeep), "JSON 5000");
        let mixed = format!(r#"{{"{}":{}}}"#, deep_key(30, ":"), deep_json(3));
        check_limit(
            json(mixed),
            Err(ParamError::TooDeep),
            "JSON key and nesting add up",
        );
        let many = (0..=MAX_PARAMS)
            .map(|i| format!("k{i}=v"))
            .collect::<Vec<_>>();
        check_limit(
            Params::from_query(&many[1..].join("&")).map(drop),
            Ok(()),
            "1000 pairs",
        );
        check_limit(
            Params::from_query(&many.join("&")).map(drop),
            Err(ParamError::TooMany),
            "1001 pairs",
        );
        let array = format!("{{\"a\":[{}]}}", vec!["1"; MAX_PARAMS].join(","));
        check_limit(json(array), Err(ParamError::TooMany), "JSON values");
    }
}
