//! CDN host for player libraries: SaaS default, custom host, or on-prem origin.

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
        let (host, port) = split_port(rest)?;
        // `javascript:…`, `ftp:…`: a scheme, not a host and port.
        let scheme_like = host != "localhost" && host.bytes().all(|b| b.is_ascii_alphabetic());
        if scheme_like && port.is_some_and(|p| p.starts_with(|c: char| c.is_ascii_alphabetic())) {
            return Err(HostError::UnsupportedScheme);
        }
        if !is_hostname(host) {
            return Err(HostError::Malformed);
        }
        if let Some(port) = port {
            match port.parse::<u16>() {
                Ok(p) if p > 0 && !port.starts_with('0') => {}
                _ => return Err(HostError::BadPort),
            }
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
        let host = split_port(&self.authority)
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

fn is_loopback(host: &str) -> bool {
    matches!(host, "localhost" | "127.0.0.1" | "[::1]")
}

/// `host[:port]` → (host, port); `[v6]` hosts keep their brackets.
fn split_port(authority: &str) -> Result<(&str, Option<&str>), HostError> {
    if authority.starts_with('[') {
        let end = authority.find(']').ok_or(HostError::Malformed)?;
        let (host, rest) = authority.split_at(end + 1);
        return match rest {
            "" => Ok((host, None)),
            _ => rest
                .strip_prefix(':')
                .map(|p| (host, Some(p)))
                .ok_or(HostError::Malformed),
        };
    }
    Ok(match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    })
}

/// DNS name or IPv4 (letters, digits, `-` per label), or a bracketed IPv6 literal. Shared by the
/// hosts the page validates (CDN host here, service URL in `api`).
pub(crate) fn is_hostname(host: &str) -> bool {
    if let Some(v6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return v6.contains(':')
            && v6
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
    }
    host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
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
            HostError::Empty => "Enter a host, or leave the field empty for cdnapisec.kaltura.com.",
            HostError::Malformed => {
                "Enter a host name such as cdnapisec.kaltura.com or https://cdn.example.edu."
            }
            HostError::UnsupportedScheme => "Use an https:// (or http://) host.",
            HostError::HasPath => {
                "Enter only the host (and port): the player paths are added for you."
            }
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
                "Plain http is blocked on https pages (mixed content): use https unless testing locally."
            }
        }
        .to_string()
    }
}
