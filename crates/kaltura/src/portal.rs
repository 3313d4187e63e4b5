//! Video portal URL builder: Kaltura Events, MediaSpace / Content Hubs, or a custom domain.

use crate::embed::host::{CdnHost, HostError, Scheme};
use crate::embed::ids::PartnerId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PortalKind {
    #[default]
    Events,
    MediaSpace,
    Custom,
}

impl PortalKind {
    pub const ALL: [PortalKind; 3] = [
        PortalKind::Events,
        PortalKind::MediaSpace,
        PortalKind::Custom,
    ];
    pub fn label(self) -> &'static str {
        match self {
            PortalKind::Events => "Events Platform",
            PortalKind::MediaSpace => "MediaSpace / Content Hubs",
            PortalKind::Custom => "Custom domain",
        }
    }
}

/// The portal builder's inputs, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PortalForm {
    pub kind: PortalKind,
    pub instance: String,
    pub custom: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PortalError {
    /// Events and MediaSpace URLs are built from the Partner ID.
    NeedsPartner,
    /// The instance is a number (e.g. the 1 of `123456-1`).
    BadInstance,
    /// A custom portal must be an https origin.
    BadCustom(String),
}

impl PortalError {
    pub fn message(&self) -> String {
        match self {
            PortalError::NeedsPartner => {
                "Enter a valid Partner ID above: the portal address is built from it.".into()
            }
            PortalError::BadInstance => {
                "The instance is a number, e.g. 1 for https://123456-1.events.kaltura.com.".into()
            }
            PortalError::BadCustom(why) => why.clone(),
        }
    }
}

/// The portal's base URL, e.g. `https://2506752.events.kaltura.com` or `https://2506752-1.mediaspace.kaltura.com`.
pub fn portal_url(
    kind: PortalKind,
    partner: &str,
    instance: &str,
    custom: &str,
) -> Result<String, PortalError> {
    let domain = match kind {
        PortalKind::Events => "events.kaltura.com",
        PortalKind::MediaSpace => "mediaspace.kaltura.com",
        PortalKind::Custom => {
            // The CDN field's wording would talk of player paths and cdnapisec: say it for a portal.
            let host = CdnHost::parse(custom).map_err(|e| {
                PortalError::BadCustom(match e {
                    HostError::HasPath => {
                        "Enter only the portal's address, e.g. https://video.example.com: no path."
                            .into()
                    }
                    HostError::Malformed | HostError::Empty => {
                        "Enter the portal's address, e.g. https://video.example.com.".into()
                    }
                    HostError::UnsupportedScheme => {
                        "A portal is served over https: use https://…".into()
                    }
                    other => other.message(),
                })
            })?;
            if host.scheme() != Scheme::Https {
                return Err(PortalError::BadCustom(
                    "A portal is served over https: use https://…".into(),
                ));
            }
            return Ok(host.origin());
        }
    };
    let pid = PartnerId::parse(partner).map_err(|_| PortalError::NeedsPartner)?;
    let instance = instance.trim();
    if instance.is_empty() {
        return Ok(format!("https://{pid}.{domain}"));
    }
    match instance.parse::<u32>() {
        // Instances are numbered from 1 (`123456-1`); the first portal has no number at all.
        Ok(n) if n > 0 && instance.bytes().all(|b| b.is_ascii_digit()) => {
            Ok(format!("https://{pid}-{n}.{domain}"))
        }
        _ => Err(PortalError::BadInstance),
    }
}
