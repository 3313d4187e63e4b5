//! Test helpers: a simulator on a random loopback port and a tiny blocking HTTP/1.1 client.
#![allow(dead_code, unused_imports)] // each test binary uses a different subset

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub use serde_json::{json, Value as Json};

/// Fake demo credentials from fixtures/demo.toml.
pub const DEMO_PID: &str = "2506752";
pub const DEMO_ADMIN_SECRET: &str = "FAKE-demo-admin-secret-0001";
pub const DEMO_USER_SECRET: &str = "FAKE-demo-user-secret-0001";
pub const LEGACY_PID: &str = "1000001";
pub const LEGACY_ADMIN_SECRET: &str = "FAKE-legacy-admin-secret-0002";
pub const LEGACY_USER_SECRET: &str = "FAKE-legacy-user-secret-0002";
pub const BLOCKED_PID: &str = "666666";
pub const BLOCKED_ADMIN_SECRET: &str = "FAKE-blocked-admin-secret-0003";

/// Form params as written in test tables.
pub type Pairs<'a> = &'a [(&'a str, &'a str)];

/// A raw HTTP answer.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// Fewer body bytes arrived than Content-Length announced.
    pub truncated: bool,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Json {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// Percent-encodes a form value (everything but unreserved characters).
pub fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// One request on a fresh connection (`Connection: close`).
pub fn raw(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> io::Result<Reply> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    let mut head = format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if !body.is_empty() || method == "POST" {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes)?;
    Ok(parse_reply(&bytes))
}

pub fn parse_reply(bytes: &[u8]) -> Reply {
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response head");
    let head = String::from_utf8_lossy(&bytes[..split]).to_string();
    let body = &bytes[split + 4..];
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|code| code.parse().ok())
        .expect("a status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let announced = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("Content-Length"))
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(body.len());
    Reply {
        status,
        truncated: body.len() < announced,
        body: String::from_utf8_lossy(body).to_string(),
        headers,
    }
}

/// A simulator with the demo fixtures on a random loopback port.
pub struct Sim {
    pub handle: sim::Handle,
}

impl Sim {
    pub fn start() -> Sim {
        Sim::with(sim::Config::default())
    }

    pub fn with(config: sim::Config) -> Sim {
        Sim {
            handle: sim::start(config).expect("the simulator starts"),
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.handle.addr
    }

    pub fn send(&self, method: &str, target: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        raw(self.addr(), method, target, headers, body).expect("an HTTP answer")
    }

    /// POST form to `path`.
    pub fn post_form(&self, path: &str, pairs: &[(&str, &str)]) -> Reply {
        self.send(
            "POST",
            path,
            &[("Content-Type", "application/x-www-form-urlencoded")],
            form(pairs).as_bytes(),
        )
    }

    /// POST form `service.action` with format=1 and return the parsed JSON result.
    pub fn call(&self, service: &str, action: &str, pairs: &[(&str, &str)]) -> Json {
        let mut all = vec![("format", "1")];
        all.extend_from_slice(pairs);
        self.post_form(&format!("/api_v3/service/{service}/action/{action}"), &all)
            .json()
    }

    /// A KS from session.start with the demo user secret.
    pub fn user_ks(&self, user_id: &str, privileges: &str) -> String {
        self.ks_for(DEMO_PID, DEMO_USER_SECRET, user_id, privileges)
    }

    pub fn ks_for(&self, pid: &str, secret: &str, user_id: &str, privileges: &str) -> String {
        let result = self.call(
            "session",
            "start",
            &[
                ("secret", secret),
                ("partnerId", pid),
                ("userId", user_id),
                ("privileges", privileges),
            ],
        );
        result
            .as_str()
            .unwrap_or_else(|| panic!("session.start failed: {result}"))
            .to_string()
    }

    pub fn widget_ks(&self) -> String {
        let result = self.call("session", "startWidgetSession", &[("widgetId", "_2506752")]);
        result["ks"].as_str().expect("a widget KS").to_string()
    }

    /// POST JSON to a `/__sim/` control path.
    pub fn control(&self, method: &str, path: &str, body: Json) -> Reply {
        let text = if body.is_null() {
            String::new()
        } else {
            body.to_string()
        };
        self.send(
            method,
            path,
            &[("Content-Type", "application/json")],
            text.as_bytes(),
        )
    }
}

/// The error code of a KalturaAPIException result, or "OK".
pub fn code_of(result: &Json) -> String {
    if result["objectType"] == "KalturaAPIException" {
        result["code"].as_str().unwrap_or("?").to_string()
    } else {
        "OK".to_string()
    }
}

/// Writes `bytes` on a fresh connection and reads until the server closes (or 10 s pass).
pub fn exchange_raw(addr: SocketAddr, bytes: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(bytes).expect("send");
    let mut out = Vec::new();
    let _ = stream.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// `system.ping` with format=1 answers `true` while the simulator is alive.
pub fn assert_alive(sim: &Sim) {
    let reply = sim.send(
        "GET",
        "/api_v3/service/system/action/ping?format=1",
        &[],
        b"",
    );
    assert_eq!((reply.status, reply.body.as_str()), (200, "true"));
}

/// A child process killed when dropped, so a failing assertion leaves nothing running.
pub struct Running(pub Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Runs the `sim` binary as `sim --port 0 <args>` with extra environment variables (its own
/// process, so they reach no other test) and returns the child and its announced address.
pub fn spawn_sim(args: &[&str], envs: &[(&str, &str)]) -> (Running, SocketAddr) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sim"))
        .args(["--port", "0"])
        .args(args)
        .envs(envs.iter().copied())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the sim binary runs");
    let mut line = String::new();
    let stdout = child.stdout.take().unwrap();
    let child = Running(child);
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let url = line
        .trim()
        .strip_prefix("sim listening on http://")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"));
    (child, url.parse().unwrap())
}
