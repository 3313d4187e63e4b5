//! PHP-compatible URL encoding (`urlencode`) and query/form decoding, as the real server does it.

/// PHP `urlencode`: space → `+`; everything except `A-Za-z0-9-_.` → `%XX` (upper-case hex).
pub fn urlencode(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for byte in input.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => out.push(byte as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// PHP `urldecode`: `+` → space, `%XX` → byte; malformed escapes stay as they are.
/// Invalid UTF-8 is replaced, mirroring the server's stripping of invalid characters.
pub fn urldecode(input: &str) -> String {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match (hex_value(bytes[i + 1]), hex_value(bytes[i + 2])) {
                    (Some(high), Some(low)) => {
                        out.push(high * 16 + low);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-decoding for URL path segments, where `+` is a literal plus.
pub fn path_decode(input: &str) -> String {
    urldecode(&input.replace('+', "%2B"))
}

fn hex_value(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|d| d as u8)
}

/// Splits `a=1&b=2` into decoded pairs, in order; pairs without `=` get an empty value.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((key, value)) => (urldecode(key), urldecode(value)),
            None => (urldecode(pair), String::new()),
        })
        .collect()
}

/// PHP `http_build_query` over ordered pairs (values already strings).
pub fn build_query(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(key, value)| format!("{}={}", urlencode(key), urlencode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, encoded: &str) {
        assert_eq!(urlencode(input), encoded);
        assert_eq!(urldecode(encoded), input);
    }

    #[test]
    fn urlencode_matches_php() {
        check("sview:0_abc", "sview%3A0_abc");
        check("all *", "all+%2A");
        check("a/b.c-d_e~", "a%2Fb.c-d_e%7E");
        check("", "");
    }

    #[test]
    fn malformed_escapes_are_kept() {
        assert_eq!(urldecode("100%"), "100%");
        assert_eq!(urldecode("%zz"), "%zz");
        assert_eq!(urldecode("%4"), "%4");
        assert_eq!(path_decode("a+b%20c"), "a+b c");
    }

    #[test]
    fn query_pairs() {
        assert_eq!(
            parse_query("a=1&b&c=x+y&&d=%3D"),
            vec![
                ("a".into(), "1".into()),
                ("b".into(), "".into()),
                ("c".into(), "x y".into()),
                ("d".into(), "=".into())
            ]
        );
    }
}
