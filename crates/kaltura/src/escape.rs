//! Context-specific escaping: every user value passes through exactly one of these on its way into a snippet.

/// Text or a double-quoted attribute value in HTML: `& < > " '` become entities.
pub fn html(input: &str) -> String {
    todo!("{input}")
}

/// Contents of a JS string literal in double quotes, safe inside an HTML `<script>` element
/// (`</script`, `<!--`, U+2028/2029 and all controls escaped as `\uXXXX`).
pub fn js_string(input: &str) -> String {
    todo!("{input}")
}

/// RFC 3986 component encoding: everything but `A-Za-z0-9-_.~` is `%XX` (UTF-8).
pub fn url_component(input: &str) -> String {
    todo!("{input}")
}
