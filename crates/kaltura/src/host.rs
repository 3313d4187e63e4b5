//! Host names, ports and this computer's loopback names, shared by the player host (`embed::host`)
//! and the service URL (`session::api`).

/// Hosts that never leave this computer (plain http is fine for them, and the local simulator
/// runs on one).
const LOOPBACK_HOSTS: [&str; 3] = ["127.0.0.1", "localhost", "[::1]"];

/// Whether `host` (a URL's host, lower case as URL parsers leave it, IPv6 in brackets) is this
/// computer.
pub fn is_loopback(host: &str) -> bool {
    LOOPBACK_HOSTS.contains(&host)
}

/// Whether an authority (`host[:port]`) names this computer, whatever its port.
pub fn is_loopback_authority(authority: &str) -> bool {
    split_authority(authority).is_some_and(|(host, _)| is_loopback(host))
}

/// `host[:port]` → (host, port text); `[v6]` hosts keep their brackets. `None` when a bracketed
/// host is unclosed or followed by anything but `:port`.
pub(crate) fn split_authority(authority: &str) -> Option<(&str, Option<&str>)> {
    if authority.starts_with('[') {
        let end = authority.find(']')?;
        let (host, rest) = authority.split_at(end + 1);
        return match rest {
            "" => Some((host, None)),
            _ => rest.strip_prefix(':').map(|port| (host, Some(port))),
        };
    }
    Some(match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    })
}

/// A port number 1–65535 written in plain digits (no sign, no leading zero).
pub(crate) fn parse_port(text: &str) -> Option<u16> {
    if text.is_empty() || text.starts_with('0') || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// DNS name or IPv4 (letters, digits, `-` per label), or a bracketed IPv6 literal.
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

#[cfg(test)]
mod tests {
    use super::{is_loopback_authority, parse_port, split_authority};

    /// A host and its port text.
    type Split<'a> = Option<(&'a str, Option<&'a str>)>;

    #[test]
    fn authorities_and_ports() {
        let table: &[(&str, Split)] = &[
            ("example.com", Some(("example.com", None))),
            ("127.0.0.1:8081", Some(("127.0.0.1", Some("8081")))),
            ("[::1]:8081", Some(("[::1]", Some("8081")))),
            ("[::1]", Some(("[::1]", None))),
            ("[::1", None),
            ("[::1]x", None),
        ];
        for (authority, expected) in table {
            assert_eq!(split_authority(authority), *expected, "{authority}");
        }
        let ports: &[(&str, Option<u16>)] = &[
            ("443", Some(443)),
            ("65535", Some(65535)),
            ("0", None),
            ("080", None),
            ("+80", None),
            ("65536", None),
            ("", None),
        ];
        for (text, expected) in ports {
            assert_eq!(parse_port(text), *expected, "{text}");
        }
        let loopback = ["localhost:8081", "127.0.0.1", "[::1]:1"];
        assert!(loopback.iter().all(|a| is_loopback_authority(a)));
        assert!(!is_loopback_authority("localhost.example.com:8081"));
    }
}
