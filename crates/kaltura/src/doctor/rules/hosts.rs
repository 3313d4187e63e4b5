//! Player hosts a browser refuses on an https page: plain `http://`, and `cdnapi.kaltura.com`,
//! whose certificate does not carry its name.

use super::{Finding, Player, Rule};
use crate::embed::host::{CdnHost, HostWarning};

pub(super) fn check(player: &Player, out: &mut Vec<Finding>) {
    let Some(url) = &player.url else {
        return;
    };
    let Some(origin) = origin(url) else {
        return;
    };
    let Ok(host) = CdnHost::parse(origin) else {
        return;
    };
    for warning in host.warnings() {
        let (rule, why) = match warning {
            HostWarning::InsecureHttp => (
                Rule::InsecureHost,
                format!("{origin} is plain http: an https page blocks it as mixed content, so the player never loads."),
            ),
            HostWarning::CdnapiOverHttps => (
                Rule::CdnapiHost,
                "cdnapi.kaltura.com's certificate does not match its name over https, so the browser refuses the player library.".to_string(),
            ),
        };
        out.push(player.finding(
            rule,
            why,
            format!("Load the player from {}.", https_origin(&host)),
        ));
    }
}

/// `scheme://authority` at the start of a URL.
pub(super) fn origin(url: &str) -> Option<&str> {
    let url = url.trim();
    let after_scheme = url.find("://")? + 3;
    let end = url[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| after_scheme + i);
    Some(&url[..end])
}

/// The https origin that replaces a refused one: Kaltura's SaaS hosts become cdnapisec.
pub(in crate::doctor) fn https_origin(host: &CdnHost) -> String {
    let authority = host.authority();
    if authority == "kaltura.com" || authority.ends_with(".kaltura.com") {
        CdnHost::saas().origin()
    } else {
        format!("https://{authority}")
    }
}
