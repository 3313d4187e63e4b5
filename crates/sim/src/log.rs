//! The request log (`GET /__sim/log`): what was called, never a secret, token or KS value.
//!
//! Redaction works on meaning: the request's parameters are parsed exactly as the dispatcher
//! parses them for `session.start` (path > query > body, see [`crate::api::ApiRequest::parse`]),
//! every value under a sensitive key at any depth is collected, and any path segment, query pair
//! or call name whose decoded text contains one of those values becomes `***`. A shape rule
//! (`…/secret/<next segment>`, `ks=…`) runs first for routes without api_v3 parameters, but it is
//! the parsed values that make a respelled path (empty segments, repeated keys, `%`-escapes) safe.

use serde::Serialize;

use crate::faults::FaultRule;
use crate::message::Request;
use crate::params::{Param, Params};
use crate::phpurl;
use crate::state::real_unix_millis;

/// How many entries are kept (oldest dropped first).
pub const LOG_CAPACITY: usize = 1000;
/// Longest path or query kept in one entry (bytes, after redaction); longer ones are cut.
pub const MAX_FIELD_BYTES: usize = 1024;
/// Most call names kept in one entry, each at most [`MAX_FIELD_BYTES`] / 8 bytes.
pub const MAX_CALLS: usize = 20;
/// What replaces a sensitive value.
const REDACTED: &str = "***";

/// Parameter names whose values are replaced with `***` in the log.
const SENSITIVE: &[&str] = &[
    "secret",
    "ks",
    "token",
    "tokenhash",
    "password",
    "adminsecret",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogEntry {
    pub seq: u64,
    /// Unix milliseconds (real time, not the simulated clock).
    pub at_ms: u64,
    pub method: String,
    /// Path with sensitive key/value segments redacted.
    pub path: String,
    /// Query string with sensitive values redacted.
    pub query: String,
    /// `service.action` of each call, lower-case; a multirequest lists `multirequest` first.
    pub calls: Vec<String>,
    pub status: u16,
    /// The injected fault, if any.
    pub fault: Option<String>,
}

impl LogEntry {
    /// The entry for `request`, whose parsed parameters are `params`; status is filled in later.
    pub fn new(
        request: &Request,
        params: &Params,
        calls: Vec<String>,
        fault: Option<&FaultRule>,
    ) -> LogEntry {
        let secrets = Secrets::of(params);
        LogEntry {
            seq: 0,
            at_ms: real_unix_millis(),
            method: cut(request.method.clone(), 16),
            path: cut(secrets.redact_path(&request.path), MAX_FIELD_BYTES),
            query: cut(secrets.redact_query(&request.query), MAX_FIELD_BYTES),
            calls: calls
                .into_iter()
                .take(MAX_CALLS)
                .map(|call| cut(secrets.redact_text(call), MAX_FIELD_BYTES / 8))
                .collect(),
            status: 0,
            fault: fault.map(FaultRule::describe),
        }
    }
}

/// Cuts `text` to at most `max` bytes on a character boundary, marking the cut with `…`.
fn cut(mut text: String, max: usize) -> String {
    if text.len() > max {
        let mut end = max.saturating_sub('…'.len_utf8());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        text.push('…');
    }
    text
}

fn is_sensitive(key: &str) -> bool {
    let last = key
        .rsplit([':', '[', ']'])
        .find(|segment| !segment.is_empty())
        .unwrap_or(key);
    SENSITIVE.iter().any(|s| last.eq_ignore_ascii_case(s))
}

/// The values of every sensitive parameter of one request.
pub struct Secrets(Vec<String>);

impl Secrets {
    /// Walks the parameter tree with a stack (no recursion) and keeps non-empty sensitive values.
    pub fn of(params: &Params) -> Secrets {
        let mut found = Vec::new();
        let mut stack = vec![params];
        while let Some(group) = stack.pop() {
            for (key, param) in group.iter() {
                match param {
                    Param::Group(inner) => stack.push(inner),
                    Param::Text(value) if !value.is_empty() && is_sensitive(key) => {
                        found.push(value.clone())
                    }
                    Param::Text(_) => {}
                }
            }
        }
        Secrets(found)
    }

    fn holds_secret(&self, decoded: &str) -> bool {
        self.0
            .iter()
            .any(|secret| decoded.contains(secret.as_str()))
    }

    /// `…/ks/<value>/…` pairs by shape, then any segment that decodes to hold a secret.
    pub fn redact_path(&self, path: &str) -> String {
        let mut out = Vec::new();
        let mut redact_next = false;
        for segment in path.split('/') {
            let decoded = phpurl::path_decode(segment);
            if redact_next || self.holds_secret(&decoded) {
                out.push(REDACTED);
            } else {
                out.push(segment);
            }
            redact_next = is_sensitive(&decoded);
        }
        out.join("/")
    }

    /// `key=***` for sensitive keys and for any pair whose decoded value holds a secret.
    pub fn redact_query(&self, query: &str) -> String {
        query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                let decoded_key = phpurl::urldecode(key);
                if self.holds_secret(&decoded_key) {
                    format!("{REDACTED}={REDACTED}")
                } else if is_sensitive(&decoded_key) || self.holds_secret(&phpurl::urldecode(value))
                {
                    format!("{key}={REDACTED}")
                } else {
                    pair.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("&")
    }

    /// A call name (lower-cased by the router) that holds a secret, in any case, becomes `***`.
    fn redact_text(&self, text: String) -> String {
        let lower = text.to_lowercase();
        let leaks = self
            .0
            .iter()
            .any(|secret| lower.contains(&secret.to_lowercase()));
        if leaks {
            REDACTED.to_string()
        } else {
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(query_params: &str, path: &str, query: &str, expected: (&str, &str)) {
        let secrets = Secrets::of(&Params::from_query(query_params).unwrap());
        assert_eq!(
            (secrets.redact_path(path), secrets.redact_query(query)),
            (expected.0.to_string(), expected.1.to_string()),
            "{path}?{query}"
        );
    }

    #[test]
    fn redacts_by_shape_and_by_value() {
        check(
            "",
            "/api_v3/service/session/action/start/secret/abc/format/1",
            "secret=abc&partnerId=1&1:ks=x&2%3AtokenHash=y&a[ks]=z&format=1",
            (
                "/api_v3/service/session/action/start/secret/***/format/1",
                "secret=***&partnerId=1&1:ks=***&2%3AtokenHash=***&a[ks]=***&format=1",
            ),
        );
        check("", "/api_v3/service/x/ks", "", ("/api_v3/service/x/ks", ""));
        check(
            "secret=S3CR3T&1:ks=K",
            "/a/secret//S3CR3T/x/%53%33CR3T",
            "note=S3CR3T&S3CR3T=1&k=K",
            ("/a/secret/***/***/x/***", "note=***&***=***&k=***"),
        );
    }

    #[test]
    fn entries_are_bounded() {
        assert_eq!(cut("abc".into(), 3), "abc");
        assert_eq!(cut("abcdef".into(), 4), "a…");
        assert_eq!(cut("ééé".into(), 5), "é…");
    }
}
