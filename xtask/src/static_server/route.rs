//! What the static server answers for a method and path: files of `dist/` under the subpath,
//! GitHub Pages' `404.html` for unknown paths, nothing outside the served folder.

use hyper::StatusCode;
use std::path::{Component, Path, PathBuf};

/// One answer, before it becomes an HTTP response (every answer also gets `Cache-Control:
/// no-store`: the tests and the bench rebuild `dist/` between runs under the same names).
#[derive(Debug, PartialEq)]
pub struct Answer {
    pub status: StatusCode,
    pub content_type: Option<&'static str>,
    pub location: Option<String>,
    pub body: Vec<u8>,
}

/// The answer to `method path` (the path without its query) for `root` served at `prefix`.
pub fn route(method: &str, path: &str, root: &Path, prefix: &str) -> Answer {
    if method != "GET" && method != "HEAD" {
        return plain(StatusCode::METHOD_NOT_ALLOWED, "method not allowed");
    }
    if path == prefix.trim_end_matches('/') {
        return Answer {
            status: StatusCode::MOVED_PERMANENTLY,
            content_type: None,
            location: Some(prefix.to_string()),
            body: Vec::new(),
        };
    }
    let Some(relative) = path.strip_prefix(prefix) else {
        return plain(StatusCode::NOT_FOUND, "outside the served subpath");
    };
    let Some(file) = safe_join(root, relative) else {
        return plain(StatusCode::BAD_REQUEST, "bad path");
    };
    let file = if file.is_dir() {
        file.join("index.html")
    } else {
        file
    };
    match read_inside(root, &file) {
        Some(body) => Answer {
            status: StatusCode::OK,
            content_type: Some(mime_type(&file)),
            location: None,
            body,
        },
        // Like GitHub Pages: unknown paths get the site's 404.html (our app shell).
        None => match std::fs::read(root.join("404.html")) {
            Ok(body) => Answer {
                status: StatusCode::NOT_FOUND,
                content_type: Some("text/html; charset=utf-8"),
                location: None,
                body,
            },
            Err(_) => plain(StatusCode::NOT_FOUND, "not found"),
        },
    }
}

pub fn plain(status: StatusCode, text: &str) -> Answer {
    Answer {
        status,
        content_type: Some("text/plain; charset=utf-8"),
        location: None,
        body: text.as_bytes().to_vec(),
    }
}

/// `root/relative` if `relative` (URL-decoded) names something below `root` by its components
/// alone: no `..`, no absolute path, no encoded `/..`.
fn safe_join(root: &Path, relative: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(relative)
        .decode_utf8()
        .ok()?;
    let mut out = root.to_path_buf();
    for component in Path::new(decoded.as_ref()).components() {
        match component {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}

/// The file's bytes if, with symlinks resolved, it is still inside `root` (a link in `dist/`
/// must not hand out the rest of the disk); `None` when it is missing or outside.
fn read_inside(root: &Path, file: &Path) -> Option<Vec<u8>> {
    let real = file.canonicalize().ok()?;
    if !real.starts_with(root.canonicalize().ok()?) || !real.is_file() {
        return None;
    }
    std::fs::read(real).ok()
}

fn mime_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// A small dist in a temp folder, written once per process: tests run in parallel, and a
    /// rewrite (truncate, then write) under another test's read gave it an empty file.
    pub fn sample_dist() -> PathBuf {
        static DIST: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
        DIST.get_or_init(|| {
            let root = std::env::temp_dir().join(format!("xtask-static-{}", std::process::id()));
            std::fs::create_dir_all(root.join("sub")).unwrap();
            for (name, text) in [
                ("index.html", "index"),
                ("404.html", "missing"),
                ("app_bg.wasm", "\0asm"),
                ("app.js", "js"),
                ("sub/a b.css", "css"),
            ] {
                std::fs::write(root.join(name), text).unwrap();
            }
            let outside = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
            // A link left by an earlier run under the same process id is replaced.
            let _ = std::fs::remove_file(root.join("escape"));
            #[cfg(unix)]
            std::os::unix::fs::symlink(outside, root.join("escape")).unwrap();
            root
        })
        .clone()
    }

    fn check(method: &str, path: &str, expected: (StatusCode, Option<&str>)) {
        let answer = route(method, path, &sample_dist(), "/embed-studio/");
        assert_eq!((answer.status, answer.content_type), expected, "{path}");
    }

    #[test]
    fn routes_under_the_subpath_only() {
        let html = Some("text/html; charset=utf-8");
        let text = Some("text/plain; charset=utf-8");
        check("GET", "/embed-studio/", (StatusCode::OK, html));
        check("HEAD", "/embed-studio/", (StatusCode::OK, html));
        let wasm = Some("application/wasm");
        check("GET", "/embed-studio/app_bg.wasm", (StatusCode::OK, wasm));
        let js = Some("text/javascript; charset=utf-8");
        check("GET", "/embed-studio/app.js", (StatusCode::OK, js));
        let css = Some("text/css; charset=utf-8");
        check("GET", "/embed-studio/sub/a%20b.css", (StatusCode::OK, css));
        check("GET", "/embed-studio/sub", (StatusCode::NOT_FOUND, html));
        check(
            "GET",
            "/embed-studio/deep/link",
            (StatusCode::NOT_FOUND, html),
        );
        check(
            "GET",
            "/embed-studio",
            (StatusCode::MOVED_PERMANENTLY, None),
        );
        check("GET", "/app.js", (StatusCode::NOT_FOUND, text));
        check(
            "POST",
            "/embed-studio/",
            (StatusCode::METHOD_NOT_ALLOWED, text),
        );
    }

    #[test]
    fn nothing_outside_the_folder() {
        let text = Some("text/plain; charset=utf-8");
        for path in [
            "/embed-studio/../Cargo.toml",
            "/embed-studio/%2e%2e/x",
            "/embed-studio/sub/%2E%2E/%2e%2e/x",
            "/embed-studio/%2fetc/passwd",
            "/embed-studio/%ff",
        ] {
            check("GET", path, (StatusCode::BAD_REQUEST, text));
        }
        // A NUL cannot name a file: the site's 404, not an error that leaks the path.
        let html = Some("text/html; charset=utf-8");
        check(
            "GET",
            "/embed-studio/app.js%00.png",
            (StatusCode::NOT_FOUND, html),
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_out_of_the_folder_is_not_followed() {
        let root = sample_dist();
        assert!(root.join("escape").exists(), "the link resolves");
        let answer = route("GET", "/embed-studio/escape", &root, "/embed-studio/");
        assert_eq!(answer.status, StatusCode::NOT_FOUND);
        assert_eq!(answer.body, b"missing");
    }
}
