//! The request log (`GET /__sim/log`): what was called, never a secret, token or KS value.

use serde::Serialize;

use crate::phpurl;

/// How many entries are kept (oldest dropped first).
pub const LOG_CAPACITY: usize = 1000;

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

fn is_sensitive(key: &str) -> bool {
    let last = key
        .rsplit([':', '[', ']'])
        .find(|segment| !segment.is_empty())
        .unwrap_or(key);
    SENSITIVE.iter().any(|s| last.eq_ignore_ascii_case(s))
}

/// Redacts `…/ks/<value>/…` style path pairs after `/api_v3/`.
pub fn redact_path(path: &str) -> String {
    let segments: Vec<&str> = path.split('/').collect();
    let mut out = Vec::with_capacity(segments.len());
    let mut redact_next = false;
    for segment in segments {
        if redact_next {
            out.push("***".to_string());
            redact_next = false;
            continue;
        }
        redact_next = is_sensitive(&phpurl::path_decode(segment));
        out.push(segment.to_string());
    }
    out.join("/")
}

pub fn redact_query(query: &str) -> String {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((key, _)) if is_sensitive(&phpurl::urldecode(key)) => format!("{key}=***"),
            _ => pair.to_string(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_sensitive_values_only() {
        assert_eq!(
            redact_query("secret=abc&partnerId=1&1:ks=x&2%3AtokenHash=y&a[ks]=z&format=1"),
            "secret=***&partnerId=1&1:ks=***&2%3AtokenHash=***&a[ks]=***&format=1"
        );
        assert_eq!(
            redact_path("/api_v3/service/session/action/start/secret/abc/format/1"),
            "/api_v3/service/session/action/start/secret/***/format/1"
        );
        assert_eq!(redact_path("/api_v3/service/x/ks"), "/api_v3/service/x/ks");
    }
}
