//! Minimal base64 decoder for KS tokens (standard and URL-safe alphabets; padding optional).

/// Decodes standard base64, also accepting the URL-safe `-`/`_` that KS v2 tokens use, as the
/// server's parser does (it maps `-`→`+` and `_`→`/` first). Returns `None` on any other character,
/// on `=` anywhere but the end, or on an impossible length.
pub(crate) fn decode_lenient(input: &str) -> Option<Vec<u8>> {
    let trimmed = input.trim_end_matches('=');
    if input.len() - trimmed.len() > 2 {
        return None;
    }
    let mut out = Vec::with_capacity(trimmed.len() * 3 / 4);
    let mut buffer: u32 = 0;
    let mut bits = 0u32;
    for byte in trimmed.bytes() {
        let sextet = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(sextet);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    // A single leftover sextet cannot encode a byte: the text was cut.
    if bits == 6 {
        return None;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::decode_lenient;

    fn check(input: &str, expected: Option<&[u8]>) {
        assert_eq!(
            decode_lenient(input).as_deref(),
            expected,
            "input {input:?}"
        );
    }

    #[test]
    fn decodes_both_alphabets_and_rejects_garbage() {
        check("", Some(b""));
        check("TWFu", Some(b"Man"));
        check("TWE=", Some(b"Ma"));
        check("TWE", Some(b"Ma"));
        check("TQ==", Some(b"M"));
        check("TQ", Some(b"M"));
        check("-_8=", Some(&[0xfb, 0xff]));
        check("+/8=", Some(&[0xfb, 0xff]));
        check("T", None);
        check("TQ===", None);
        check("TW=u", None);
        check("TW u", None);
        check("TWé", None);
    }
}
