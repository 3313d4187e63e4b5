//! Facts about where the studio page itself is served from.

/// The page's host name (`location.hostname`; IPv6 in brackets), empty if unreadable.
pub fn hostname() -> String {
    web_sys::window()
        .and_then(|window| window.location().hostname().ok())
        .unwrap_or_default()
}

/// Whether to offer the local simulator: see `kaltura::session::api::offers_local_simulator`.
pub fn offers_local_simulator(chosen: bool) -> bool {
    kaltura::session::api::offers_local_simulator(&hostname(), chosen)
}

/// Marks the page `data-local` when it is served from this computer, which shows the player
/// host's "Local simulator" option (style.css; the first module leaves the check to this one).
pub fn mark_if_local() {
    if kaltura::host::is_loopback(&hostname()) {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-local", "");
        }
    }
}
