//! Facts about where the studio page itself is served from.

/// The page's host name (`location.hostname`; IPv6 in brackets), empty if unreadable.
pub fn hostname() -> String {
    web_sys::window()
        .and_then(|window| window.location().hostname().ok())
        .unwrap_or_default()
}

/// Whether to offer the local simulator: see `kaltura::api::offers_local_simulator`.
pub fn offers_local_simulator(chosen: bool) -> bool {
    kaltura::api::offers_local_simulator(&hostname(), chosen)
}
