//! Drops the wasm preload's `integrity` attribute: trunk puts it on the wasm's
//! `<link rel=preload as=fetch>`, where Chromium ignores it and says so in the console on every
//! load (crbug.com/981419); the start-up script fetches the wasm without one, so it never
//! checked anything. Moving the hash into that fetch did make it count, but a fetch with
//! `integrity` hands the body over only once all of it is in and hashed, so the wasm could no
//! longer compile while it streamed in: time to interactive +2.2 ms (median of paired
//! differences, 100 cold loads each; ratio of medians to the bare page 1.29× → 1.35×), for little
//! gain when the wasm comes from the same origin as the page that names its hash.

use crate::csp::{has_attribute, link_tags};

/// `html` with the wasm preload link's `integrity` attribute removed.
pub fn drop_wasm_preload_integrity(html: &str) -> Result<String, String> {
    let lower = html.to_ascii_lowercase();
    let link = link_tags(&lower)?
        .into_iter()
        .find(|link| {
            let tag = lower[link.clone()].trim_end_matches('>');
            has_attribute(tag, "as=fetch") && has_attribute(tag, "type=application/wasm")
        })
        .ok_or("index.html has no wasm preload link")?;
    let integrity = attribute(&lower, link, "integrity")
        .ok_or("the wasm preload link has no integrity hash")?;
    Ok(format!(
        "{}{}",
        &html[..integrity.start],
        &html[integrity.end..]
    ))
}

/// Where the unquoted or double-quoted attribute `name` of the lower-cased tag `lower[tag]` is
/// (its leading space included).
fn attribute(
    lower: &str,
    tag: std::ops::Range<usize>,
    name: &str,
) -> Option<std::ops::Range<usize>> {
    let at = tag.start + lower[tag.clone()].find(&format!(" {name}="))?;
    let value_start = at + name.len() + 2;
    // The tag's `>` (or a `/>`) ends an unquoted value too.
    let end = tag.end - 1;
    let attribute_end = if lower[value_start..].starts_with('"') {
        lower[value_start + 1..end].find('"')? + value_start + 2
    } else {
        lower[value_start..end]
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
