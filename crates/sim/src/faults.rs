//! Opt-in fault injection: latency, 5xx, truncated / non-JSON / XML bodies, missing CORS, connection reset.

use serde::{Deserialize, Serialize};

/// Upper bound for injected latency.
pub const MAX_LATENCY_MS: u64 = 30_000;
/// Upper bound for `times` of one rule.
pub const MAX_TIMES: u32 = 1000;
/// Upper bound for the number of active rules.
pub const MAX_RULES: usize = 32;

/// One fault rule. Per-request rules default to `times = 1`; per-run rules (CLI) to unlimited.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FaultRule {
    /// Sleep before answering.
    pub latency_ms: u64,
    /// Answer with this HTTP status (500–599) and an HTML error page instead of calling the API.
    pub status: Option<u16>,
    /// Announce the full Content-Length, send half the body, close.
    pub truncate: bool,
    /// Answer HTTP 200 with an HTML page instead of calling the API.
    pub non_json: bool,
    /// Answer in XML even when `format=1` asked for JSON.
    pub xml: bool,
    /// Drop every `Access-Control-*` header.
    pub no_cors: bool,
    /// Reset the TCP connection instead of answering.
    pub reset: bool,
    /// How many matching requests this rule hits; `None` = every one.
    pub times: Option<u32>,
    /// `service.action` (case-insensitive; also matches inside a multirequest) or `multirequest`.
    #[serde(rename = "match")]
    pub match_call: Option<String>,
}

/// A rule that cannot be installed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultError(pub String);

impl std::fmt::Display for FaultError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FaultError {}

impl FaultRule {
    /// Parses a CLI spec such as `status=502,match=session.start,times=3` or `reset`.
    pub fn parse_spec(spec: &str) -> Result<FaultRule, FaultError> {
        let mut rule = FaultRule::default();
        for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (key, value) = item.split_once('=').unwrap_or((item, "true"));
            let flag = || match value {
                "true" | "1" => Ok(true),
                "false" | "0" => Ok(false),
                _ => Err(FaultError(format!("fault {key}: expected true or false"))),
            };
            let number = || {
                value
                    .parse::<u64>()
                    .map_err(|_| FaultError(format!("fault {key}: expected a number")))
            };
            match key {
                "latency_ms" => rule.latency_ms = number()?,
                "status" => rule.status = Some(number()?.min(u16::MAX as u64) as u16),
                "truncate" => rule.truncate = flag()?,
                "non_json" => rule.non_json = flag()?,
                "xml" => rule.xml = flag()?,
                "no_cors" => rule.no_cors = flag()?,
                "reset" => rule.reset = flag()?,
                "times" => rule.times = Some(number()?.min(u32::MAX as u64) as u32),
                "match" => rule.match_call = Some(value.to_string()),
                _ => return Err(FaultError(format!("unknown fault option {key:?}"))),
            }
        }
        rule.validate()?;
        Ok(rule)
    }

    pub fn validate(&self) -> Result<(), FaultError> {
        if self.latency_ms > MAX_LATENCY_MS {
            return Err(FaultError(format!(
                "latency_ms is capped at {MAX_LATENCY_MS}"
            )));
        }
        if let Some(status) = self.status {
            if !(500..=599).contains(&status) {
                return Err(FaultError("status must be a 5xx code".into()));
            }
        }
        if let Some(times) = self.times {
            if times == 0 || times > MAX_TIMES {
                return Err(FaultError(format!("times must be 1..={MAX_TIMES}")));
            }
        }
        let effects = [
            self.latency_ms > 0,
            self.status.is_some(),
            self.truncate,
            self.non_json,
            self.xml,
            self.no_cors,
            self.reset,
        ];
        if !effects.iter().any(|&on| on) {
            return Err(FaultError("a fault rule needs at least one effect".into()));
        }
        Ok(())
    }

    fn matches(&self, calls: &[String]) -> bool {
        match &self.match_call {
            None => true,
            Some(wanted) => calls.iter().any(|call| call.eq_ignore_ascii_case(wanted)),
        }
    }

    /// A short description for the request log.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.latency_ms > 0 {
            parts.push(format!("latency_ms={}", self.latency_ms));
        }
        if let Some(status) = self.status {
            parts.push(format!("status={status}"));
        }
        for (on, name) in [
            (self.truncate, "truncate"),
            (self.non_json, "non_json"),
            (self.xml, "xml"),
            (self.no_cors, "no_cors"),
            (self.reset, "reset"),
        ] {
            if on {
                parts.push(name.to_string());
            }
        }
        parts.join(",")
    }
}

/// The active rules, first match wins.
#[derive(Debug, Default)]
pub struct FaultSet {
    rules: Vec<FaultRule>,
}

impl FaultSet {
    pub fn new(rules: Vec<FaultRule>) -> FaultSet {
        FaultSet { rules }
    }

    pub fn add(&mut self, rule: FaultRule) -> Result<(), FaultError> {
        rule.validate()?;
        if self.rules.len() >= MAX_RULES {
            return Err(FaultError(format!("at most {MAX_RULES} fault rules")));
        }
        self.rules.push(rule);
        Ok(())
    }

    pub fn clear(&mut self) {
        self.rules.clear();
    }

    pub fn rules(&self) -> &[FaultRule] {
        &self.rules
    }

    /// The first rule matching the request's `service.action` calls, consuming one of its `times`.
    pub fn take(&mut self, calls: &[String]) -> Option<FaultRule> {
        let index = self.rules.iter().position(|rule| rule.matches(calls))?;
        let rule = self.rules[index].clone();
        if let Some(times) = self.rules[index].times.as_mut() {
            *times -= 1;
            if *times == 0 {
                self.rules.remove(index);
            }
        }
        Some(rule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_spec(spec: &str, expected: Result<FaultRule, &str>) {
        assert_eq!(
            FaultRule::parse_spec(spec).map_err(|e| e.0),
            expected.map_err(str::to_string),
            "{spec}"
        );
    }

    #[test]
    fn cli_specs() {
        check_spec(
            "status=502,match=session.start,times=2",
            Ok(FaultRule {
                status: Some(502),
                match_call: Some("session.start".into()),
                times: Some(2),
                ..FaultRule::default()
            }),
        );
        check_spec(
            "reset",
            Ok(FaultRule {
                reset: true,
                ..FaultRule::default()
            }),
        );
        check_spec("latency_ms=30001", Err("latency_ms is capped at 30000"));
        check_spec("status=404", Err("status must be a 5xx code"));
        check_spec("times=0,reset", Err("times must be 1..=1000"));
        check_spec("bogus=1", Err("unknown fault option \"bogus\""));
        check_spec("match=x", Err("a fault rule needs at least one effect"));
    }

    #[test]
    fn take_consumes_times_and_matches_calls() {
        let mut set = FaultSet::default();
        set.add(FaultRule::parse_spec("xml,match=baseEntry.list,times=1").unwrap())
            .unwrap();
        set.add(FaultRule::parse_spec("no_cors").unwrap()).unwrap();
        let list = vec!["multirequest".to_string(), "baseentry.list".to_string()];
        assert!(set.take(&list).unwrap().xml);
        assert!(set.take(&list).unwrap().no_cors);
        assert!(set.take(&list).unwrap().no_cors);
        assert_eq!(set.rules().len(), 1);
    }
}
