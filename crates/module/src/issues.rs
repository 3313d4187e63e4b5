//! What went wrong with an input, by option key (`{ field, message }`), and a lenient JSON-shaped
//! value that turns a wrong type into an issue instead of a deserialisation failure.
//!
//! Options arrive from JavaScript with any shape. Each option is read as a [`Raw`] (text, number,
//! boolean, absent, or "something else"), so one call reports every wrong key and type at once,
//! each at its own key, and no shape can reach a panic.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Serialize;

/// One problem (or warning) at one option key, in the page's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    pub field: String,
    pub message: String,
}

/// Why a call failed: the issues, and the one text a plain `Error` shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub message: String,
    pub issues: Vec<Issue>,
}

impl Rejected {
    /// Issues whose messages, one per line, are also the error's message.
    pub fn from_issues(issues: Vec<Issue>) -> Self {
        let message = issues
            .iter()
            .map(|i| format!("{}: {}", i.field, i.message))
            .collect::<Vec<_>>()
            .join("\n");
        Rejected { message, issues }
    }
    pub fn one(field: &str, message: impl Into<String>) -> Self {
        Self::from_issues(vec![issue(field, message)])
    }
}

/// `found`, unless it or `also` failed: then every issue of both.
pub fn both<T>(found: Result<T, Rejected>, also: Result<(), Rejected>) -> Result<T, Rejected> {
    match (found, also) {
        (Ok(value), Ok(())) => Ok(value),
        (Err(a), Err(b)) => Err(Rejected::from_issues(
            b.issues.into_iter().chain(a.issues).collect(),
        )),
        (Err(a), Ok(())) | (Ok(_), Err(a)) => Err(a),
    }
}

pub fn issue(field: &str, message: impl Into<String>) -> Issue {
    Issue {
        field: field.to_string(),
        message: message.into(),
    }
}

/// One option's value as given. `null` and `undefined` are `Absent`, like a key left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Raw {
    #[default]
    Absent,
    /// A string, or a finite number written as the page's field would hold it (`12345`, `1.5`).
    Text(String),
    Flag(bool),
    /// Anything else, described for the message ("a list", "an object", "NaN"…).
    Other(&'static str),
}

/// Collects issues while options are read.
#[derive(Debug, Default)]
pub struct Reader {
    pub issues: Vec<Issue>,
}

impl Reader {
    pub fn push(&mut self, field: &str, message: impl Into<String>) {
        self.issues.push(issue(field, message));
    }

    /// Text (or a number as text); `None` when absent or of another type (an issue then).
    pub fn text(&mut self, key: &str, raw: &Raw) -> Option<String> {
        match raw {
            Raw::Absent => None,
            Raw::Text(text) => Some(text.clone()),
            Raw::Flag(_) => self.wrong(key, "text", "a boolean"),
            Raw::Other(what) => self.wrong(key, "text", what),
        }
    }

    /// A boolean; `None` when absent or of another type (an issue then).
    pub fn flag(&mut self, key: &str, raw: &Raw) -> Option<bool> {
        match raw {
            Raw::Absent => None,
            Raw::Flag(flag) => Some(*flag),
            Raw::Text(_) => self.wrong(key, "true or false", "text or a number"),
            Raw::Other(what) => self.wrong(key, "true or false", what),
        }
    }

    /// One of `choices` (exact text); `None` when absent or not one of them (an issue then).
    pub fn choice<T: Copy>(&mut self, key: &str, raw: &Raw, choices: &[(&str, T)]) -> Option<T> {
        let text = self.text(key, raw)?;
        let found = choices.iter().find(|(name, _)| *name == text.trim());
        if found.is_none() {
            let names: Vec<String> = choices.iter().map(|(n, _)| format!("\"{n}\"")).collect();
            self.push(key, format!("Choose one of {}.", names.join(", ")));
        }
        found.map(|(_, value)| *value)
    }

    fn wrong<T>(&mut self, key: &str, expected: &str, given: &str) -> Option<T> {
        self.push(key, format!("Give {expected} here, not {given}."));
        None
    }

    /// Keys that are not options, each as an issue at that key.
    pub fn unknown(&mut self, unknown: &[String], known: &[&str]) {
        for key in unknown {
            self.push(
                key,
                format!("Not an option here; the options are {}.", known.join(", ")),
            );
        }
    }

    pub fn finish(self) -> Result<(), Rejected> {
        if self.issues.is_empty() {
            Ok(())
        } else {
            Err(Rejected::from_issues(self.issues))
        }
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON-shaped value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Flag(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Text(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Raw, E> {
        Ok(Raw::Text(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Raw, E> {
        Ok(match v {
            v if !v.is_finite() => Raw::Other("a number that is not finite"),
            // JS has one number type: 640.0 is the 640 a field would hold.
            v if v.fract() == 0.0 && v.abs() < 1e15 => Raw::Text(format!("{}", v as i64)),
            v => Raw::Text(v.to_string()),
        })
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Text(v.to_string()))
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Raw, E> {
        Ok(Raw::Other("bytes"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Raw, E> {
        Ok(Raw::Absent)
    }
    fn visit_none<E: de::Error>(self) -> Result<Raw, E> {
        Ok(Raw::Absent)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        d.deserialize_any(RawVisitor)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Raw::Other("a list"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Raw::Other("an object"))
    }
}
