//! The api_v3 service origin: Kaltura SaaS, the local simulator, or a validated custom origin.

pub const SAAS_ORIGIN: &str = "https://www.kaltura.com";
pub const LOCAL_SIMULATOR_ORIGIN: &str = "http://127.0.0.1:8081";

use crate::host::{is_hostname, is_loopback, parse_port, split_authority};

/// Whether to offer the local simulator (for the service URL or the player host) on a page
/// served from `page_host`: on this computer (`cargo xtask serve`, the tests), or when it is
/// already chosen (a link or remembered settings); a published page otherwise leaves it out.
pub fn offers_local_simulator(page_host: &str, chosen: bool) -> bool {
    chosen || is_loopback(page_host)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ServicePreset {
    #[default]
    Saas,
    LocalSimulator,
    Custom,
}

impl ServicePreset {
    pub const ALL: [ServicePreset; 3] = [
        ServicePreset::Saas,
        ServicePreset::LocalSimulator,
        ServicePreset::Custom,
    ];
    pub fn label(self) -> &'static str {
        match self {
            ServicePreset::Saas => "Kaltura SaaS (www.kaltura.com)",
            ServicePreset::LocalSimulator => "Local simulator (127.0.0.1:8081)",
            ServicePreset::Custom => "Custom",
        }
    }
}

/// A validated origin (`scheme://host[:port]`, no path) that api_v3 paths are appended to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceUrl {
    origin: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServiceUrlError {
    Empty,
    MissingScheme,
    UnsupportedScheme,
    /// `user:pass@host`.
    HasCredentials,
    BadHost,
    BadPort,
    /// A path other than `/api_v3`, or a query or fragment.
    HasPath,
    /// Plain http to a host other than this computer.
    HttpNotLoopback,
}

impl ServiceUrlError {
    pub fn message(&self) -> &'static str {
        match self {
            ServiceUrlError::Empty => "Enter the service URL, for example https://www.kaltura.com.",
            ServiceUrlError::MissingScheme => {
                "Start the service URL with https:// (for example https://www.kaltura.com)."
            }
            ServiceUrlError::UnsupportedScheme => "The service URL must start with https://.",
            ServiceUrlError::HasCredentials => {
                "Remove the user name and password from the service URL; credentials go in the form fields."
            }
            ServiceUrlError::BadHost => "The service URL does not contain a valid host name.",
            ServiceUrlError::BadPort => "The port in the service URL must be a number from 1 to 65535.",
            ServiceUrlError::HasPath => {
                "Enter only the origin, such as https://www.kaltura.com (an /api_v3 ending is fine); \
                 no other path, query or #fragment."
            }
            ServiceUrlError::HttpNotLoopback => {
                "Use https://. Plain http:// is only allowed for this computer \
                 (127.0.0.1, localhost or [::1]), because the request carries a secret or a KS."
            }
        }
    }
}

impl ServiceUrl {
    pub fn saas() -> Self {
        ServiceUrl {
            origin: SAAS_ORIGIN.to_string(),
        }
    }
    pub fn local_simulator() -> Self {
        ServiceUrl {
            origin: LOCAL_SIMULATOR_ORIGIN.to_string(),
        }
    }
    /// The preset's origin, or `custom_input` parsed when the preset is `Custom`.
    pub fn from_preset(preset: ServicePreset, custom_input: &str) -> Result<Self, ServiceUrlError> {
        match preset {
            ServicePreset::Saas => Ok(Self::saas()),
            ServicePreset::LocalSimulator => Ok(Self::local_simulator()),
            ServicePreset::Custom => Self::parse_custom(custom_input),
        }
    }

    /// Accepts `https://host[:port]` with an optional trailing `/` or `/api_v3[/]` (stripped);
    /// `http://` only for loopback hosts.
    pub fn parse_custom(input: &str) -> Result<Self, ServiceUrlError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(ServiceUrlError::Empty);
        }
        let Some(scheme_end) = text.find("://") else {
            return Err(ServiceUrlError::MissingScheme);
        };
        let scheme = text[..scheme_end].to_ascii_lowercase();
        let secure = match scheme.as_str() {
            "https" => true,
            "http" => false,
            _ => return Err(ServiceUrlError::UnsupportedScheme),
        };
        let rest = &text[scheme_end + 3..];
        let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(authority_end);
        if !matches!(tail, "" | "/" | "/api_v3" | "/api_v3/") {
            return Err(ServiceUrlError::HasPath);
        }
        if authority.contains('@') {
            return Err(ServiceUrlError::HasCredentials);
        }
        let (host, port) = split_host_port(authority)?;
        let host = host.to_ascii_lowercase();
        // The host is lower-cased above, so the shared check matches the old lower-case-only rule.
        if !is_hostname(&host) {
            return Err(ServiceUrlError::BadHost);
        }
        if !secure && !is_loopback(&host) {
            return Err(ServiceUrlError::HttpNotLoopback);
        }
        let origin = match port {
            Some(port) => format!("{scheme}://{host}:{port}"),
            None => format!("{scheme}://{host}"),
        };
        Ok(ServiceUrl { origin })
    }

    /// `scheme://host[:port]`, no trailing slash.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// Which preset this origin is (anything else is `Custom`).
    pub fn preset(&self) -> ServicePreset {
        match self.origin.as_str() {
            SAAS_ORIGIN => ServicePreset::Saas,
            LOCAL_SIMULATOR_ORIGIN => ServicePreset::LocalSimulator,
            _ => ServicePreset::Custom,
        }
    }

    /// `{origin}/api_v3/service/{service}/action/{action}`.
    pub fn endpoint(&self, service: &str, action: &str) -> String {
        format!("{}/api_v3/service/{service}/action/{action}", self.origin)
    }

    /// `{origin}/api_v3/service/multirequest`: multirequest has no action (as the official clients post it).
    pub fn multirequest_endpoint(&self) -> String {
        format!("{}/api_v3/service/multirequest", self.origin)
    }
}

fn split_host_port(authority: &str) -> Result<(&str, Option<u16>), ServiceUrlError> {
    let (host, port) = split_authority(authority).ok_or(ServiceUrlError::BadHost)?;
    match port {
        None => Ok((host, None)),
        Some(text) => parse_port(text)
            .map(|port| (host, Some(port)))
            .ok_or(ServiceUrlError::BadPort),
    }
}
