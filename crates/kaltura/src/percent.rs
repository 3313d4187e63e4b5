//! Percent-encoding for the whole core: URL components, api_v3 form values, and lenient decoding.
//!
//! Written out rather than taken from the `percent-encoding` crate: with the crate, the first
//! module's wasm grew by 548 bytes (199,299 → 199,847 of its 200,000 budget; measured with
//! `cargo xtask build` when these three functions replaced four hand-written codecs), more than the
//! budget's margin allows; this module is one byte loop each way.

/// Bytes besides ASCII letters and digits that a URL component keeps as they are (RFC 3986
/// unreserved).
const UNRESERVED: &[u8] = b"-_.~";

/// In a form body only `&`, `=`, `+` and `%` mean something; keeping `*:/,{}` as well makes
/// bodies readable in tests and dev tools (`2:ks={1:result}`, `privileges=sview:1_abc,setrole:X`).
const FORM_KEPT: &[u8] = b"-_.~*:/,{}";

/// RFC 3986 component encoding of the UTF-8 bytes (query values, share-link values).
pub fn component(input: &str) -> String {
    encode(input, UNRESERVED, "%20")
}

/// An `application/x-www-form-urlencoded` value: space as `+`, other bytes outside the kept set as
/// `%XX`.
pub fn form_value(input: &str) -> String {
    encode(input, FORM_KEPT, "+")
}

/// Letters, digits and `kept` as they are, a space as `space`, every other byte as `%XX`.
fn encode(input: &str, kept: &[u8], space: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(input.len());
    for &b in input.as_bytes() {
        if b.is_ascii_alphanumeric() || kept.contains(&b) {
            out.push(b as char);
        } else if b == b' ' {
            out.push_str(space);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0x0f)] as char);
        }
    }
    out
}

/// Undoes one level of `%XX` (`+` stays `+`). Bad escapes are kept literally and invalid UTF-8 is
/// replaced, so any text decodes to something.
pub fn decode_lossy(input: &str) -> String {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| (*b as char).to_digit(16));
        if bytes[i] == b'%' {
            if let (Some(high), Some(low)) = (hex(i + 1), hex(i + 2)) {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::{component, decode_lossy, form_value};

    type Codec = fn(&str) -> String;

    fn check(codec: Codec, input: &str, expected: &str) {
        assert_eq!(codec(input), expected, "{input:?}");
    }

    #[test]
    fn each_codec() {
        let table: &[(Codec, &str, &str)] = &[
            (component, "a b/c?d=é~", "a%20b%2Fc%3Fd%3D%C3%A9~"),
            (component, "-_.~AZaz09", "-_.~AZaz09"),
            (form_value, "a b+c&d=e%", "a+b%2Bc%26d%3De%25"),
            (
                form_value,
                "{1:result:ks},sview:1_x/y*",
                "{1:result:ks},sview:1_x/y*",
            ),
            (form_value, "é", "%C3%A9"),
            (decode_lossy, "a%20b+c%2fd", "a b+c/d"),
            (decode_lossy, "100%", "100%"),
            (decode_lossy, "%zz%4", "%zz%4"),
            (decode_lossy, "%C3%A9%FF", "é\u{fffd}"),
        ];
        for (codec, input, expected) in table {
            check(*codec, input, expected);
        }
    }
}
