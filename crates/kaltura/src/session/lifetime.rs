//! When a started session's KS stops working on this computer's clock, and its countdown's words.

use crate::session::api::{ExpiresHint, Expiry};

/// A started session's end, as far as this computer can tell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Deadline {
    /// When the KS stops working (`Date.now()` milliseconds); `None` when nothing says.
    pub at_ms: Option<f64>,
    /// Only the lifetime asked for is known and the server may have cut it: "at most".
    pub upper_bound: bool,
    /// The server's own expiry is a minute or more before the lifetime asked for (this one).
    pub shortened_from: Option<Expiry>,
}

/// Works out the deadline of a session whose answer arrived at `received_at_ms` (this
/// computer's clock), having asked for `requested_secs` (`None` for a pasted KS).
///
/// The server's expiry is in its time; this computer's clock may be off. A KS the server has
/// just accepted cannot have expired already: with this clock ahead of it, the lifetime asked
/// for counts from the answer instead (never remove a working KS for a wrong clock).
pub fn deadline(hint: ExpiresHint, received_at_ms: f64, requested_secs: Option<u32>) -> Deadline {
    let asked_ms = requested_secs.map(|secs| f64::from(secs) * 1000.0);
    let server_at = match hint {
        ExpiresHint::At(secs) if secs as f64 * 1000.0 > received_at_ms => {
            Some(secs as f64 * 1000.0)
        }
        _ => None,
    };
    let at_ms = match hint {
        ExpiresHint::At(_) => server_at.or_else(|| asked_ms.map(|asked| received_at_ms + asked)),
        ExpiresHint::AfterSecs(secs) => Some(received_at_ms + f64::from(secs) * 1000.0),
        ExpiresHint::Unknown => None,
    };
    let shortened_from = match (server_at, asked_ms, requested_secs) {
        (Some(at), Some(asked), Some(secs)) if at + 60_000.0 < received_at_ms + asked => {
            Expiry::from_secs(u64::from(secs)).ok()
        }
        _ => None,
    };
    Deadline {
        at_ms,
        upper_bound: matches!(hint, ExpiresHint::AfterSecs(_)),
        shortened_from,
    }
}

/// Whole seconds from `now_ms` until `at_ms`, zero once it has passed.
pub fn seconds_left(at_ms: f64, now_ms: f64) -> u64 {
    ((at_ms - now_ms) / 1000.0).max(0.0) as u64
}

/// "Expires in 59:12" (or "in at most", for an upper bound); "Expired" at zero.
pub fn countdown_text(seconds_left: u64, upper_bound: bool) -> String {
    if seconds_left == 0 {
        return "Expired: start a new session.".to_string();
    }
    let (h, m, s) = (
        seconds_left / 3600,
        (seconds_left % 3600) / 60,
        seconds_left % 60,
    );
    let prefix = if upper_bound {
        "Expires in at most "
    } else {
        "Expires in "
    };
    if h > 0 {
        format!("{prefix}{h}:{m:02}:{s:02}")
    } else {
        format!("{prefix}{m}:{s:02}")
    }
}
