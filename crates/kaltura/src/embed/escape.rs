//! Context-specific escaping: every user value passes through exactly one of these on its way into a snippet.

/// Text or a double-quoted attribute value in HTML: `& < > " '` become entities.
pub fn html(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Contents of a JS string literal in double quotes, safe inside an HTML `<script>` element
/// (`</script`, `<!--`, U+2028/2029 and all controls escaped as `\uXXXX`). The output is also a
/// valid JSON string body.
pub fn js_string(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // `<`, `>` and `&` are escaped so neither `</script>` nor `<!--` can appear inside a
            // script element, whatever the value.
            // `'` as \u0027 keeps the output valid inside JSON strings too.
            '\'' | '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => push_unicode_escape(&mut out, c),
            c if c.is_control() => push_unicode_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

fn push_unicode_escape(out: &mut String, c: char) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut units = [0u16; 2];
    for unit in c.encode_utf16(&mut units) {
        out.push_str("\\u");
        for shift in [12, 8, 4, 0] {
            out.push(HEX[usize::from((*unit >> shift) as u8 & 0xf)] as char);
        }
    }
}
