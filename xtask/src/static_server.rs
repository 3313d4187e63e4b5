//! A tiny static file server for `dist/` under a subpath, as GitHub Pages would serve it.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::thread;

/// Serves `root` at `http://127.0.0.1:<free port><prefix>` on background threads for the rest of
/// the process's life; returns the base URL (ending in `/`).
pub fn start(root: PathBuf, prefix: &'static str) -> Result<String, String> {
    let listener =
        TcpListener::bind("127.0.0.1:0").map_err(|e| format!("static server cannot bind: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    thread::spawn(move || {
        for stream in listener.incoming().map_while(Result::ok) {
            let root = root.clone();
            thread::spawn(move || {
                let _ = respond(stream, &root, prefix);
            });
        }
    });
    Ok(format!("http://127.0.0.1:{port}{prefix}"))
}

fn respond(mut stream: TcpStream, root: &Path, prefix: &str) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; nothing in them changes the answer.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let answer = route(method, target, root, prefix);
    let mut head = format!(
        "HTTP/1.1 {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        answer.status,
        answer.body.len()
    );
    if let Some(content_type) = answer.content_type {
        head.push_str(&format!("Content-Type: {content_type}\r\n"));
    }
    if let Some(location) = &answer.location {
        head.push_str(&format!("Location: {location}\r\n"));
    }
    head.push_str("\r\n");
    // One write, Nagle off: a header sent alone held the body's last segment back until the
    // client's delayed ACK (up to 40 ms on loopback), which skewed the bench's load times.
    let mut response = head.into_bytes();
    if method != "HEAD" {
        response.extend_from_slice(&answer.body);
    }
    stream.set_nodelay(true)?;
    stream.write_all(&response)?;
    stream.flush()
}

#[derive(Debug, PartialEq)]
struct Answer {
    status: &'static str,
    content_type: Option<&'static str>,
    location: Option<String>,
    body: Vec<u8>,
}

fn route(method: &str, target: &str, root: &Path, prefix: &str) -> Answer {
    if method != "GET" && method != "HEAD" {
        return plain("405 Method Not Allowed", "method not allowed");
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    if path == prefix.trim_end_matches('/') {
        return Answer {
            status: "301 Moved Permanently",
            content_type: None,
            location: Some(prefix.to_string()),
            body: Vec::new(),
        };
    }
    let Some(relative) = path.strip_prefix(prefix) else {
        return plain("404 Not Found", "outside the served subpath");
    };
    let file = match safe_join(root, relative) {
        Some(file) if file.is_dir() => file.join("index.html"),
        Some(file) => file,
        None => return plain("400 Bad Request", "bad path"),
    };
    match std::fs::read(&file) {
        Ok(body) => Answer {
            status: "200 OK",
            content_type: Some(mime_type(&file)),
            location: None,
            body,
        },
        // Like GitHub Pages: unknown paths get the site's 404.html (our app shell).
        Err(_) => match std::fs::read(root.join("404.html")) {
            Ok(body) => Answer {
                status: "404 Not Found",
                content_type: Some("text/html; charset=utf-8"),
                location: None,
                body,
            },
            Err(_) => plain("404 Not Found", "not found"),
        },
    }
}

fn plain(status: &'static str, text: &str) -> Answer {
    Answer {
        status,
        content_type: Some("text/plain; charset=utf-8"),
        location: None,
        body: text.as_bytes().to_vec(),
    }
}

/// `root/relative` if `relative` (URL-decoded) stays inside `root`.
fn safe_join(root: &Path, relative: &str) -> Option<PathBuf> {
    let decoded = percent_decode(relative)?;
    let mut out = root.to_path_buf();
    for component in Path::new(&decoded).components() {
        match component {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
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
mod tests {
    use super::*;

    fn check(target: &str, expected_status: &str, expected_type: Option<&str>) {
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
        let answer = route("GET", target, &root, "/embed-studio/");
        assert_eq!(answer.status, expected_status, "{target}");
        assert_eq!(answer.content_type, expected_type, "{target}");
    }

    #[test]
    fn routes_under_the_subpath_only() {
        let html = Some("text/html; charset=utf-8");
        check("/embed-studio/", "200 OK", html);
        check("/embed-studio/?partner=1", "200 OK", html);
        check(
            "/embed-studio/app_bg.wasm",
            "200 OK",
            Some("application/wasm"),
        );
        check(
            "/embed-studio/app.js",
            "200 OK",
            Some("text/javascript; charset=utf-8"),
        );
        check(
            "/embed-studio/sub/a%20b.css",
            "200 OK",
            Some("text/css; charset=utf-8"),
        );
        check("/embed-studio/deep/link", "404 Not Found", html);
        check("/embed-studio", "301 Moved Permanently", None);
        check(
            "/app.js",
            "404 Not Found",
            Some("text/plain; charset=utf-8"),
        );
        check(
            "/embed-studio/../Cargo.toml",
            "400 Bad Request",
            Some("text/plain; charset=utf-8"),
        );
        check(
            "/embed-studio/%2e%2e/x",
            "400 Bad Request",
            Some("text/plain; charset=utf-8"),
        );
    }
}
