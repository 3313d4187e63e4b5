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
        todo!("{input}")
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
        todo!()
    }
}

impl HostError {
    pub fn message(&self) -> String {
        todo!()
    }
}

impl HostWarning {
    pub fn message(&self) -> String {
        todo!()
    }
}
