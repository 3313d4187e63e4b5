//! The request and response as the route handlers see them: plain owned data, no IO.

use std::net::SocketAddr;

#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// Raw request target (`/path?query`), as `REQUEST_URI`.
    pub target: String,
    /// Raw (still percent-encoded) path.
    pub path: String,
    pub query: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub peer: SocketAddr,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Response {
        let mut response = Response {
            status,
            headers: Vec::new(),
            body: body.into(),
        };
        if !content_type.is_empty() {
            response.set_header("Content-Type", content_type);
        }
        response
    }

    pub fn empty(status: u16) -> Response {
        Response::new(status, "", Vec::new())
    }

    pub fn set_header(&mut self, name: &str, value: &str) {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.headers.push((name.to_string(), value.to_string()));
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The status line, headers and blank line; `Content-Length` is the full body length.
    /// Only the faults that bypass hyper (a truncated body) write a head themselves.
    pub fn head_bytes(&self, close: bool) -> Vec<u8> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\n", self.body.len()));
        head.push_str(if close {
            "Connection: close\r\n"
        } else {
            "Connection: keep-alive\r\n"
        });
        head.push_str("\r\n");
        head.into_bytes()
    }
}

/// The standard reason phrase (`Bad Gateway`), or `Status` for a code without one.
pub fn reason(status: u16) -> &'static str {
    hyper::StatusCode::from_u16(status)
        .ok()
        .and_then(|code| code.canonical_reason())
        .unwrap_or("Status")
}
