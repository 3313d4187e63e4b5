//! CDN host for player libraries: SaaS default, custom host, or on-prem origin.

use crate::host::{is_hostname, is_loopback, parse_port, split_authority};

/// A validated origin such as `https://cdnapisec.kaltura.com` (scheme + host [+ port], no path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CdnHost {
    scheme: Scheme,
    /// Lower-cased host, optionally with `:port`.
    authority: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Https,
    Http,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostError {
    Empty,
    /// Anything that is not `[scheme://]host[:port][/]`.
    Malformed,
    UnsupportedScheme,
    /// Contains a path, query or fragment beyond a trailing slash.
    HasPath,
    BadPort,
}

/// Non-fatal advice shown beside the host field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostWarning {
    /// `https://cdnapi.kaltura.com`: its certificate does not match; use cdnapisec.
    CdnapiOverHttps,
    /// Plain http on a non-loopback host (mixed content on https pages).
    InsecureHttp,
}

pub const DEFAULT_CDN_HOST: &str = "cdnapisec.kaltura.com";

impl CdnHost {
    /// `cdnapisec.kaltura.com` over https.
    pub fn saas() -> Self {
        CdnHost {
            scheme: Scheme::Https,
            authority: DEFAULT_CDN_HOST.to_string(),
        }
    }
    /// Accepts `host`, `host:port`, `https://host[:port][/]`, `http://host[:port][/]`;
    /// a bare host means https.
    pub fn parse(input: &str) -> Result<Self, HostError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(HostError::Empty);
        }
        let lower = s.to_ascii_lowercase();
        let (scheme, rest) = if let Some(rest) = lower.strip_prefix("https://") {
            (Scheme::Https, rest)
        } else if let Some(rest) = lower.strip_prefix("http://") {
            (Scheme::Http, rest)
        } else if lower.contains("://") {
            return Err(HostError::UnsupportedScheme);
        } else {
            (Scheme::Https, lower.as_str())
        };
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        if rest.contains(['/', '?', '#']) {
            return Err(HostError::HasPath);
        }
        if rest.is_empty() || rest.contains('@') || rest.chars().any(char::is_whitespace) {
            return Err(HostError::Malformed);
        }
        let (host, port) = split_authority(rest).ok_or(HostError::Malformed)?;
        // `javascript:…`, `ftp:…`: a scheme, not a host and port.
        let scheme_like = host != "localhost" && host.bytes().all(|b| b.is_ascii_alphabetic());
        if scheme_like && port.is_some_and(|p| p.starts_with(|c: char| c.is_ascii_alphabetic())) {
            return Err(HostError::UnsupportedScheme);
        }
        if !is_hostname(host) {
            return Err(HostError::Malformed);
        }
        if let Some(port) = port {
            parse_port(port).ok_or(HostError::BadPort)?;
        }
        Ok(CdnHost {
            scheme,
            authority: rest.to_string(),
        })
    }
    /// `https://host[:port]`, no trailing slash.
    pub fn origin(&self) -> String {
        let scheme = match self.scheme {
            Scheme::Https => "https",
            Scheme::Http => "http",
        };
        format!("{scheme}://{}", self.authority)
    }
    pub fn warnings(&self) -> Vec<HostWarning> {
        let host = split_authority(&self.authority)
            .map(|(h, _)| h)
            .unwrap_or(&self.authority);
        let mut warnings = Vec::new();
        match self.scheme {
            Scheme::Https if host == "cdnapi.kaltura.com" => {
                warnings.push(HostWarning::CdnapiOverHttps)
            }
            Scheme::Http if !is_loopback(host) => warnings.push(HostWarning::InsecureHttp),
            _ => {}
        }
        warnings
    }

    /// True for the default SaaS host, so callers can say "default" instead of repeating it.
    pub fn is_saas_default(&self) -> bool {
        *self == CdnHost::saas()
    }
}

impl CdnHost {
    /// The host without scheme, e.g. `cdnapisec.kaltura.com` or `127.0.0.1:8081`.
    pub fn authority(&self) -> &str {
        &self.authority
    }
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }
}

impl HostError {
    pub fn message(&self) -> String {
        match self {
            HostError::Empty => "Enter a host, or leave it empty for Kaltura SaaS.",
            HostError::Malformed => "Enter a host name such as cdn.example.edu.",
            HostError::UnsupportedScheme => "Use an https:// (or http://) host.",
            HostError::HasPath => "Enter only the host (and port).",
            HostError::BadPort => "The port must be a number from 1 to 65535.",
        }
        .to_string()
    }
}

impl HostWarning {
    pub fn message(&self) -> String {
        match self {
            HostWarning::CdnapiOverHttps => {
                "Over https use cdnapisec.kaltura.com: cdnapi's certificate does not match its name."
            }
            HostWarning::InsecureHttp => {
                "https pages block plain http (mixed content): use https."
            }
        }
        .to_string()
    }
}
