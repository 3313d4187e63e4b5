//! Shrinks wasm-bindgen's JS glue in `dist/` with terser (trunk minifies HTML and CSS, not the
//! glue) and keeps `index.html`'s subresource-integrity hashes true for the rewritten files.

use std::path::Path;

use crate::cmd::{command, repo_root, run};
use crate::csp::sha256_source;

/// Minifies each glue file (a `.js` with a `<stem>_bg.wasm` beside it) in place and returns
/// `index_html` with the integrity of every rewritten file it names brought up to date.
pub fn minify_glue(dist: &Path, index_html: &str) -> Result<String, String> {
    let terser = repo_root().join("tools/node_modules/.bin/terser");
    let mut html = index_html.to_string();
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let mut glue: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| {
            name.strip_suffix(".js")
                .is_some_and(|stem| dist.join(format!("{stem}_bg.wasm")).exists())
        })
        .collect();
    glue.sort();
    for name in glue {
        let path = dist.join(&name);
        let path_text = path.to_str().ok_or("dist path is not valid UTF-8")?;
        let mut cmd = command(
            terser
                .to_str()
                .ok_or("repository path is not valid UTF-8")?,
            &[
                "--module",
                "--compress",
                "--mangle",
                "--output",
                path_text,
                path_text,
            ],
        );
        cmd.current_dir(repo_root());
        run(cmd)?;
        let bytes = std::fs::read(&path).map_err(|e| format!("{name}: {e}"))?;
        html = set_integrity(&html, &name, &sha256_source(&bytes));
    }
    Ok(html)
}

/// Replaces the `integrity` value of every tag whose `href` or `src` is `./{file}` or `{file}`,
/// quoted or not (trunk's release minifier drops quotes). Tags without an integrity attribute,
/// and other files, are left as they are.
pub fn set_integrity(html: &str, file: &str, integrity: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>').map(|c| open + c + 1) else {
            break;
        };
        out.push_str(&rest[..open]);
        let tag = &rest[open..close];
        let names_file = ["href", "src"].iter().any(|attr| {
            ["./", ""].iter().any(|prefix| {
                attribute(tag, attr).is_some_and(|(start, end)| {
                    tag[start..end].trim_matches('"') == format!("{prefix}{file}")
                })
            })
        });
        match attribute(tag, "integrity").filter(|_| names_file) {
            Some((start, end)) => {
                let quoted = tag[start..end].starts_with('"');
                out.push_str(&tag[..start]);
                if quoted {
                    out.push('"');
                }
                out.push_str(integrity);
                if quoted {
                    out.push('"');
                }
                out.push_str(&tag[end..]);
            }
            None => out.push_str(tag),
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// Where the value of `name` lies in `tag` (quotes included), if the tag has that attribute.
fn attribute(tag: &str, name: &str) -> Option<(usize, usize)> {
    let needle = format!("{name}=");
    let mut from = 0;
    while let Some(at) = tag[from..].find(&needle).map(|i| i + from) {
        let before = tag[..at].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_whitespace()) {
            let start = at + needle.len();
            let end = if tag[start..].starts_with('"') {
                tag[start + 1..]
                    .find('"')
                    .map_or(tag.len(), |e| start + 1 + e + 1)
            } else {
                tag[start..]
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .map_or(tag.len(), |e| start + e)
            };
            return Some((start, end));
        }
        from = at + needle.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::set_integrity;

    fn check(html: &str, file: &str, expected: &str) {
        assert_eq!(set_integrity(html, file, "sha256-NEW"), expected);
    }

    #[test]
    fn rewrites_only_the_named_files_integrity() {
        check(
            r#"<link rel="modulepreload" href="./app-1.js" crossorigin="anonymous" integrity="sha384-OLD"><link rel="preload" href="./app-1_bg.wasm" integrity="sha384-KEEP">"#,
            "app-1.js",
            r#"<link rel="modulepreload" href="./app-1.js" crossorigin="anonymous" integrity="sha256-NEW"><link rel="preload" href="./app-1_bg.wasm" integrity="sha384-KEEP">"#,
        );
        check(
            r#"<script src="extras.js" integrity="sha384-OLD"></script>"#,
            "extras.js",
            r#"<script src="extras.js" integrity="sha256-NEW"></script>"#,
        );
        // Minified: no quotes, integrity before href, the tag closing right after a value.
        check(
            "<link integrity=sha384-OLD href=./app-1.js rel=modulepreload><link href=./app-1.js integrity=sha384-OLD>",
            "app-1.js",
            "<link integrity=sha256-NEW href=./app-1.js rel=modulepreload><link href=./app-1.js integrity=sha256-NEW>",
        );
        // No integrity attribute, another file, or a file whose name merely ends the same: untouched.
        for html in [
            r#"<link rel="modulepreload" href="./app-1.js">"#,
            r#"<link href="./other.js" integrity="sha384-OLD">"#,
            r#"<link href="./xapp-1.js" integrity="sha384-OLD">"#,
            r#"<link href="./app-1.js.map" integrity="sha384-OLD">"#,
            r#"<link data-href="./app-1.js" integrity="sha384-OLD">"#,
            "text < with a stray bracket",
        ] {
            check(html, "app-1.js", html);
        }
    }
}
