//! Post-processes trunk's `dist/index.html`: hashes its inline scripts and styles into a strict
//! CSP `<meta>`.

use base64::{engine::general_purpose::STANDARD, Engine as _};
use sha2::{Digest, Sha256};

/// Every source list after `script-src` and `style-src`, whose hashes depend on the built page.
/// `frame-ancestors` is left out on purpose: browsers ignore it in a `<meta>` CSP.
const POLICY_AFTER_STYLES: &str = "img-src 'self' data: https:; \
connect-src 'self' https: http://127.0.0.1:* http://localhost:*; \
frame-src 'self' https: http://127.0.0.1:* http://localhost:*; \
object-src 'none'; base-uri 'none'; form-action 'none'";

/// Why a built page cannot get its CSP.
#[derive(Debug, PartialEq, Eq)]
pub enum CspError {
    NoHead,
    /// A `<script>` or `<style>` without its close tag.
    Unclosed(&'static str),
    AlreadyHasCsp,
    /// An inline event handler or `javascript:` URL: no hash can allow it under this policy.
    InlineHandler(String),
}

impl std::fmt::Display for CspError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CspError::NoHead => write!(f, "index.html has no <head> to put the CSP meta in"),
            CspError::Unclosed(name) => write!(f, "index.html has a <{name}> without </{name}>"),
            CspError::AlreadyHasCsp => write!(f, "index.html already has a CSP meta"),
            CspError::InlineHandler(what) => write!(
                f,
                "index.html uses `{what}`, which the strict CSP blocks; move it into the app"
            ),
        }
    }
}

/// One `<script>` or `<style>` element of a page.
pub struct RawTextElement<'a> {
    /// Its open tag up to the `>`, lower-cased (for `has_attribute`).
    pub tag: String,
    /// Byte index of that `>` in the page.
    pub tag_end: usize,
    /// What stands between the open and the close tag.
    pub text: &'a str,
}

/// Every `<script>` element of `html`, in document order.
pub fn script_elements(html: &str) -> Result<Vec<RawTextElement<'_>>, CspError> {
    raw_text_elements(html, "script")
}

/// Every `<{name}>` element of `html` (`script` or `style`: elements whose text holds no tags),
/// in document order.
fn raw_text_elements<'a>(
    html: &'a str,
    name: &'static str,
) -> Result<Vec<RawTextElement<'a>>, CspError> {
    let lower = html.to_ascii_lowercase();
    let (open, close_tag) = (format!("<{name}"), format!("</{name}"));
    let mut elements = Vec::new();
    let mut from = 0;
    while let Some(start) = find_open_tag(&lower[from..], &open).map(|i| i + from) {
        let tag_end = lower[start..]
            .find('>')
            .map(|i| i + start)
            .ok_or(CspError::Unclosed(name))?;
        let close = lower[tag_end..]
            .find(&close_tag)
            .map(|i| i + tag_end)
            .ok_or(CspError::Unclosed(name))?;
        elements.push(RawTextElement {
            tag: lower[start..tag_end].to_string(),
            tag_end,
            text: &html[tag_end + 1..close],
        });
        from = close;
    }
    Ok(elements)
}

/// Index of the first `open` (`<name`) in `lower` that opens that element, not `<name…>`
/// (`<header>` for `<head`).
pub fn find_open_tag(lower: &str, open: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(start) = lower[from..].find(open).map(|i| i + from) {
        let next = lower.as_bytes().get(start + open.len()).copied();
        if matches!(next, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r')) {
            return Some(start);
        }
        from = start + open.len();
    }
    None
}

/// The text of every inline `<script>` (one without `src`), in document order.
pub fn inline_scripts(html: &str) -> Result<Vec<&str>, CspError> {
    Ok(script_elements(html)?
        .into_iter()
        .filter(|script| !has_attribute(&script.tag, "src"))
        .map(|script| script.text)
        .collect())
}

/// The text of every `<style>` element, in document order.
pub fn inline_styles(html: &str) -> Result<Vec<&str>, CspError> {
    Ok(raw_text_elements(html, "style")?
        .into_iter()
        .map(|style| style.text)
        .collect())
}

/// Whether a lower-cased open tag (`<script …`) has the attribute `name`, with or without a value.
pub fn has_attribute(tag: &str, name: &str) -> bool {
    tag.split(|c: char| c.is_ascii_whitespace())
        .any(|part| part == name || part.starts_with(&format!("{name}=")))
}

/// `sha256-<base64>` of `data`: the form both CSP source lists and `integrity` attributes take.
pub fn sha256_source(data: &[u8]) -> String {
    format!("sha256-{}", STANDARD.encode(Sha256::digest(data)))
}

/// The full policy allowing exactly these inline scripts and styles (and no style attributes:
/// a hash allows an element's text, never `style="…"` without `'unsafe-hashes'`).
pub fn policy(scripts: &[&str], styles: &[&str]) -> String {
    let hashes = |texts: &[&str]| -> String {
        texts
            .iter()
            .map(|text| format!(" '{}'", sha256_source(text.as_bytes())))
            .collect()
    };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'{}; {POLICY_AFTER_STYLES}",
        hashes(scripts),
        hashes(styles)
    )
}

/// `html` with the CSP meta ahead of everything it governs: at the start of `<head>` (right after
/// `<html …>` when a minified page leaves the optional `<head>` tag out), after only a leading
/// `<meta charset>` and preload links (see `preloads.rs`: the policy allows what they fetch, and
/// ahead of the meta the browser requests them sooner).
pub fn add_csp_meta(html: &str) -> Result<String, CspError> {
    let lower = html.to_ascii_lowercase();
    if lower.contains("http-equiv=\"content-security-policy\"")
        || lower.contains("http-equiv=content-security-policy")
    {
        return Err(CspError::AlreadyHasCsp);
    }
    for blocked in [" onload=", " onclick=", " onerror=", "javascript:"] {
        if lower.contains(blocked) {
            return Err(CspError::InlineHandler(blocked.trim().to_string()));
        }
    }
    let head = find_tag_end(&lower, "head")
        .or_else(|| find_tag_end(&lower, "html"))
        .ok_or(CspError::NoHead)?;
    let head = skip_ungoverned_tags(&lower, head);
    let meta = format!(
        "\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />",
        policy(&inline_scripts(html)?, &inline_styles(html)?)
    );
    Ok(format!("{}{meta}{}", &html[..head], &html[head..]))
}

/// Byte index just after the run of `<meta charset>` and preload `<link>` tags (and the space
/// between them) that starts at `from`.
fn skip_ungoverned_tags(lower: &str, mut from: usize) -> usize {
    while let Some(tag) = tag_after(lower, from) {
        let text = &lower[tag.clone()];
        if !(is_charset_meta(text) || (text.starts_with("<link ") && is_preload(text))) {
            break;
        }
        from = tag.end;
    }
    from
}

/// The tag (`<` to `>` inclusive) that starts at `from`, after white space.
pub fn tag_after(lower: &str, from: usize) -> Option<std::ops::Range<usize>> {
    let start = from + (lower[from..].len() - lower[from..].trim_start().len());
    let end = lower[start..].find('>').map(|i| start + i + 1)?;
    Some(start..end)
}

/// Whether a lower-cased tag is `<meta charset…>`.
pub fn is_charset_meta(tag: &str) -> bool {
    tag.starts_with("<meta ") && has_attribute(tag, "charset")
}

/// Every `<link …>` open tag of `lower` (`<` to `>` inclusive), in document order.
pub fn link_tags(lower: &str) -> Result<Vec<std::ops::Range<usize>>, String> {
    let mut links = Vec::new();
    let mut from = 0;
    while let Some(start) = find_open_tag(&lower[from..], "<link").map(|i| i + from) {
        let end = lower[start..]
            .find('>')
            .map(|i| start + i + 1)
            .ok_or("index.html has a <link> without its `>`")?;
        links.push(start..end);
        from = end;
    }
    Ok(links)
}

/// Whether a lower-cased `<link …>` tag preloads a file of this site (`rel=preload` or
/// `rel=modulepreload` with a relative `href`): only those may come before the CSP meta, since
/// the policy allows them anyway (`'self'`); a preload of another origin stays under the policy.
pub fn is_preload(tag: &str) -> bool {
    let parts = || {
        tag.split(|c: char| c.is_ascii_whitespace() || c == '>')
            .map(|part| part.trim_end_matches('/'))
    };
    let preload = parts()
        .filter_map(|part| part.strip_prefix("rel="))
        .any(|rel| matches!(rel.trim_matches(['"', '\'']), "preload" | "modulepreload"));
    let local = parts()
        .filter_map(|part| part.strip_prefix("href="))
        .any(|href| {
            let href = href.trim_matches(['"', '\'']);
            !href.is_empty() && !href.contains(':') && !href.starts_with("//")
        });
    preload && local
}

/// Byte index just after the first `<{name} …>` open tag (not `<{name}er>` and the like).
pub fn find_tag_end(lower: &str, name: &str) -> Option<usize> {
    let start = find_open_tag(lower, &format!("<{name}"))?;
    lower[start..].find('>').map(|i| start + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_scripts(html: &str, expected: &[&str]) {
        assert_eq!(inline_scripts(html).unwrap(), expected, "scripts in {html}");
    }

    #[test]
    fn finds_only_inline_scripts() {
        check_scripts("<p>no scripts</p>", &[]);
        check_scripts("<script>a()</script>", &["a()"]);
        check_scripts(
            r#"<script src="x.js"></script><SCRIPT type="module">b()</SCRIPT>"#,
            &["b()"],
        );
        check_scripts(
            r#"<script type="module">
import init from './app.js';
</script><script data-src="y">c()</script>"#,
            &["\nimport init from './app.js';\n", "c()"],
        );
    }

    #[test]
    fn unclosed_script_is_an_error() {
        assert_eq!(
            inline_scripts("<script>a()"),
            Err(CspError::Unclosed("script"))
        );
        assert_eq!(
            inline_styles("<style>p{}"),
            Err(CspError::Unclosed("style"))
        );
    }

    #[test]
    fn meta_comes_before_what_it_governs_and_hashes_the_script() {
        let html = "<html><head><meta charset=\"utf-8\"><script>alert(1)</script></head></html>";
        let out = add_csp_meta(html).unwrap();
        let after_head = out
            .split("<meta charset=\"utf-8\">")
            .nth(1)
            .unwrap()
            .trim_start();
        assert!(
            after_head.starts_with("<meta http-equiv=\"Content-Security-Policy\""),
            "{out}"
        );
        assert!(
            out.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='; "),
            "{out}"
        );
        assert!(out.contains("object-src 'none'; base-uri 'none'; form-action 'none'\""));
        assert!(!out.contains("frame-ancestors"));
    }

    #[test]
    fn head_with_attributes_and_header_element_are_told_apart() {
        let html =
            "<html><head lang=\"en\"><title>t</title></head><body><header></header></body></html>";
        let out = add_csp_meta(html).unwrap();
        assert!(
            out.contains("<head lang=\"en\">\n    <meta http-equiv"),
            "{out}"
        );
        assert_eq!(add_csp_meta("<header></header>"), Err(CspError::NoHead));
    }

    #[test]
    fn a_minified_page_without_head_gets_the_meta_after_html() {
        // trunk's release minifier drops the optional <head> tag and attribute quotes.
        let html =
            "<!doctype html><html lang=en><meta charset=utf-8><script type=module>x()</script>";
        let out = add_csp_meta(html).unwrap();
        assert!(
            out.starts_with(
                "<!doctype html><html lang=en><meta charset=utf-8>\n    <meta http-equiv=\"Content-Security-Policy\""
            ),
            "{out}"
        );
        assert!(
            out.contains(&format!("'{}'", sha256_source(b"x()"))),
            "{out}"
        );
        assert_eq!(
            add_csp_meta("<html><meta http-equiv=Content-Security-Policy content=x>"),
            Err(CspError::AlreadyHasCsp)
        );
    }

    fn check_position(html: &str, expected_before_meta: &str) {
        let out = add_csp_meta(html).unwrap();
        let meta = out.find("<meta http-equiv").unwrap();
        assert_eq!(out[..meta].trim_end(), expected_before_meta, "{out}");
    }

    #[test]
    fn only_the_charset_and_preloads_may_come_before_the_meta() {
        let preloads =
            "<html lang=en><meta charset=utf-8><link crossorigin href=./a.js rel=modulepreload> \
                        <link as=fetch href=./a_bg.wasm rel=\"preload\" type=application/wasm>";
        check_position(&format!("{preloads}<style>p{{}}</style>"), preloads);
        check_position(
            "<html><head><link rel=icon href=x.png><link rel=preload href=a.js>",
            "<html><head>",
        );
        check_position(
            "<html><link href=a.css rel=stylesheet><meta charset=utf-8>",
            "<html>",
        );
        check_position(
            "<html><meta name=viewport content=x><meta charset=utf-8>",
            "<html>",
        );
        check_position(
            "<html><link rel=preloaded href=x><script>x()</script>",
            "<html>",
        );
        // Another origin's preload stays under the policy.
        check_position(
            "<html><link rel=preload href=https://cdn.example.com/a.js><script>x()</script>",
            "<html>",
        );
        check_position(
            "<html><link rel=preload href=//cdn.example.com/a.js><script>x()</script>",
            "<html>",
        );
        check_position("<html><meta charset=utf-8>", "<html><meta charset=utf-8>");
    }

    #[test]
    fn inline_styles_are_hashed_into_style_src() {
        // trunk's `rel="inline"` CSS: the page's own styles, with no request before the wasm's.
        let html =
            "<html lang=en><style>p{margin:0}</style><styles-x></styles-x><script>x()</script>";
        assert_eq!(inline_styles(html).unwrap(), ["p{margin:0}"]);
        let out = add_csp_meta(html).unwrap();
        let style_src = format!(
            "; style-src 'self' '{}'; img-src",
            sha256_source(b"p{margin:0}")
        );
        assert!(out.contains(&style_src), "{out}");
        assert!(add_csp_meta("<html><p>no styles</p>")
            .unwrap()
            .contains("; style-src 'self'; img-src"),);
    }

    #[test]
    fn hashes_match_known_vectors() {
        // FIPS 180-2 "abc", and the empty input (base64 padding), as browsers compute them.
        assert_eq!(
            sha256_source(b"abc"),
            "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
        assert_eq!(
            sha256_source(b""),
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
    }

    #[test]
    fn refuses_pages_the_policy_would_break() {
        assert_eq!(
            add_csp_meta("<head></head><body onload=\"x()\">"),
            Err(CspError::InlineHandler("onload=".into()))
        );
        let once = add_csp_meta("<head></head>").unwrap();
        assert_eq!(add_csp_meta(&once), Err(CspError::AlreadyHasCsp));
    }
}
