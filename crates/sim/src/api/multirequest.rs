//! Multirequest: numbered sub-requests, `{K:result[:path]}` references, inline per-item errors (facts §4.4).

use crate::errors::ApiError;
use crate::params::{Param, Params};
use crate::value::Value;

use super::dispatch::{call, Env};

/// Most sub-requests in one multirequest; more are refused as a whole (PARAMETERS_LIMIT_EXCEEDED).
pub const MAX_ITEMS: usize = 100;
/// Longest `{K:result:…}` token looked at; a `{` without a `}` this close is plain text (and the
/// scan stays linear however many `{` a value holds).
const MAX_REFERENCE_LEN: usize = 256;

/// Top-level params copied into sub-requests that lack them.
const INHERITED: &[&str] = &["ks", "partnerId", "clientTag"];

/// The numbered sub-requests in execution order: from min(1, smallest key) up, stopping at the
/// first index without both service and action.
pub fn sub_requests(params: &Params) -> Vec<Params> {
    let smallest = params
        .iter()
        .filter_map(|(key, param)| match param {
            Param::Group(_) => key.parse::<u64>().ok(),
            Param::Text(_) => None,
        })
        .min();
    let Some(smallest) = smallest else {
        return Vec::new();
    };
    let mut requests = Vec::new();
    let mut index = smallest.min(1);
    while let Some(group) = params.group(&index.to_string()) {
        if group.text("service").is_none() || group.text("action").is_none() {
            break;
        }
        let mut sub = group.clone();
        sub.remove("format");
        for name in INHERITED {
            if !sub.contains(name) {
                if let Some(value) = params.text(name) {
                    sub.set(name, value);
                }
            }
        }
        requests.push(sub);
        index += 1;
    }
    requests
}

/// `service.action` of each sub-request, lower-case.
pub fn calls(params: &Params) -> Vec<String> {
    sub_requests(params)
        .iter()
        .map(|sub| {
            format!(
                "{}.{}",
                sub.text("service").unwrap_or("").to_ascii_lowercase(),
                sub.text("action").unwrap_or("").to_ascii_lowercase()
            )
        })
        .collect()
}

pub fn run(env: &Env, params: &Params) -> Vec<Result<Value, ApiError>> {
    let mut results: Vec<Result<Value, ApiError>> = Vec::new();
    for mut sub in sub_requests(params) {
        sub.map_texts(&mut |text| substitute(text, &results));
        let service = sub.text("service").unwrap_or("").to_string();
        let action = sub.text("action").unwrap_or("").to_string();
        let result = call(env, &service, &action, &sub);
        results.push(result);
    }
    results
}

/// Replaces every `{K:result[:a:b]}` in `text`; a missing path or a failed request gives "".
pub fn substitute(text: &str, results: &[Result<Value, ApiError>]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let candidate = &rest[start..];
        let close = candidate
            .bytes()
            .take(MAX_REFERENCE_LEN)
            .position(|byte| byte == b'}');
        match close.and_then(|end| resolve(&candidate[1..end], results).map(|value| (end, value))) {
            Some((end, value)) => {
                out.push_str(&value);
                rest = &candidate[end + 1..];
            }
            None => {
                out.push('{');
                rest = &candidate[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `K:result[:path…]` → the referenced text; `None` when this is not a reference at all.
fn resolve(token: &str, results: &[Result<Value, ApiError>]) -> Option<String> {
    let mut parts = token.split(':');
    let ordinal: usize = parts.next()?.parse().ok()?;
    if parts.next()? != "result" {
        return None;
    }
    let mut current = match results.get(ordinal.checked_sub(1)?) {
        Some(Ok(value)) => value,
        _ => return Some(String::new()),
    };
    for key in parts {
        match current.get(key) {
            Some(next) => current = next,
            None => return Some(String::new()),
        }
    }
    Some(current.as_reference_text())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn results() -> Vec<Result<Value, ApiError>> {
        vec![
            Ok(Value::object(
                "KalturaStartWidgetSessionResponse",
                vec![("ks", Value::str("KS1")), ("partnerId", Value::Int(7))],
            )),
            Err(crate::errors::UNKNOWN_ROLE_ID.with(&[])),
            Ok(Value::object(
                "KalturaBaseEntryListResponse",
                vec![(
                    "objects",
                    Value::Array(vec![Value::object("E", vec![("id", Value::str("1_a"))])]),
                )],
            )),
        ]
    }

    fn check(text: &str, expected: &str) {
        assert_eq!(substitute(text, &results()), expected, "{text}");
    }

    #[test]
    fn references_are_substring_replacements() {
        check("{1:result:ks}", "KS1");
        check("pid={1:result:partnerId}!", "pid=7!");
        check("{2:result}", "");
        check("{2:result:code}", "");
        check("{3:result:objects:0:id},{3:result:objects:1:id}", "1_a,");
        check("{9:result}", "");
        check("{1:result:nope}", "");
        check("{1:result}", "");
        check(
            "{json} {0:result} {x:result} {1:other}",
            "{json} {0:result} {x:result} {1:other}",
        );
        check("{{1:result:ks}}", "{KS1}");
    }

    #[test]
    fn sub_requests_zero_or_one_based_and_inherit() {
        let params = Params::from_query(
            "ks=TOP&partnerId=5&0:service=a&0:action=b&0:format=2&1:service=c&1:action=d&1:ks=OWN&3:service=x&3:action=y",
        )
        .unwrap();
        let subs = sub_requests(&params);
        assert_eq!(subs.len(), 2);
        assert_eq!(subs[0].text("ks"), Some("TOP"));
        assert_eq!(subs[0].text("format"), None);
        assert_eq!(subs[0].text("partnerId"), Some("5"));
        assert_eq!(subs[1].text("ks"), Some("OWN"));
        let one_based = Params::from_query("1:service=a&1:action=b&2:service=c").unwrap();
        assert_eq!(calls(&one_based), vec!["a.b".to_string()]);
        assert!(sub_requests(&Params::from_query("ks=x").unwrap()).is_empty());
    }
}
