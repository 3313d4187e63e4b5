//! Simulator load figure: requests/s and p99 latency at 1, 16 and 64 keep-alive connections.
//!
//! A tiny blocking HTTP/1.1 client on std threads (one thread and one connection each) keeps the
//! xtask free of an async stack; it only needs Content-Length answers, which is all the
//! simulator sends for api_v3.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::thread;
use std::time::{Duration, Instant};

use super::stats::percentile;

/// Connection counts measured.
const CONNECTIONS: [usize; 3] = [1, 16, 64];
/// How long each (call, connections) pair runs.
const WINDOW: Duration = Duration::from_millis(1500);

/// Starts a simulator and returns one printable line per call and connection count.
pub fn run() -> Result<Vec<String>, String> {
    let port = crate::sim::free_port()?;
    let Some(sim) = crate::sim::start(port)? else {
        return Ok(vec!["simulator load: no simulator binary".into()]);
    };
    figures(&sim.url)
}

/// The figures against a running simulator at `base_url` (`http://127.0.0.1:PORT`).
pub fn figures(base_url: &str) -> Result<Vec<String>, String> {
    let host = base_url
        .strip_prefix("http://")
        .ok_or("the simulator URL is not http://")?
        .trim_end_matches('/')
        .to_string();
    let start_body = "format=1&partnerId=2506752&secret=FAKE-demo-admin-secret-0001&userId=bench";
    let widget = call(
        &host,
        "session",
        "startWidgetSession",
        "format=1&widgetId=_2506752",
    )?;
    let ks = json_text(&widget, "ks").ok_or_else(|| format!("no widget KS in {widget}"))?;
    let list_body = format!("format=1&ks={ks}&pager%5BpageSize%5D=10");
    let mut lines = vec![format!(
        "simulator load (dev build, keep-alive, {:.1} s per figure):",
        WINDOW.as_secs_f64()
    )];
    for (name, service, action, body) in [
        ("session.start", "session", "start", start_body.to_string()),
        ("baseEntry.list", "baseEntry", "list", list_body),
    ] {
        let request = post(&host, service, action, &body);
        for connections in CONNECTIONS {
            let (rate, p99_ms) = measure(&host, &request, connections)?;
            lines.push(format!(
                "  {name:<15} {connections:>2} conn: {rate:>7.0} req/s, p99 {p99_ms:>6.2} ms"
            ));
        }
    }
    Ok(lines)
}

fn post(host: &str, service: &str, action: &str, body: &str) -> Vec<u8> {
    format!(
        "POST /api_v3/service/{service}/action/{action} HTTP/1.1\r\nHost: {host}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// One request on its own connection; the body text.
fn call(host: &str, service: &str, action: &str, body: &str) -> Result<String, String> {
    let mut stream = TcpStream::connect(host).map_err(|e| format!("connect {host}: {e}"))?;
    stream
        .write_all(&post(host, service, action, body))
        .map_err(|e| e.to_string())?;
    let body = read_response(&mut BufReader::new(stream))?;
    Ok(String::from_utf8_lossy(&body).into_owned())
}

/// `"key":"value"` in a flat JSON answer.
fn json_text(json: &str, key: &str) -> Option<String> {
    let start = json.find(&format!("\"{key}\":\""))? + key.len() + 4;
    let end = json[start..].find('"')?;
    Some(json[start..start + end].to_string())
}

/// Reads one response with a Content-Length body; returns the body.
fn read_response(reader: &mut impl BufRead) -> Result<Vec<u8>, String> {
    let mut length = None;
    let mut status_line = true;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).map_err(|e| e.to_string())? == 0 {
            return Err("the simulator closed the connection".into());
        }
        if status_line && !line.starts_with("HTTP/1.1 200") {
            return Err(format!("unexpected answer: {}", line.trim_end()));
        }
        status_line = false;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse::<usize>().ok();
            }
        }
    }
    let mut body = vec![0; length.ok_or("an answer without Content-Length")?];
    reader.read_exact(&mut body).map_err(|e| e.to_string())?;
    Ok(body)
}

/// Requests per second over all connections and the p99 latency in ms.
fn measure(host: &str, request: &[u8], connections: usize) -> Result<(f64, f64), String> {
    let started = Instant::now();
    let workers: Vec<_> = (0..connections)
        .map(|_| {
            let (host, request) = (host.to_string(), request.to_vec());
            thread::spawn(move || -> Result<Vec<f64>, String> {
                let stream = TcpStream::connect(&host).map_err(|e| e.to_string())?;
                let _ = stream.set_nodelay(true);
                let mut writer = stream.try_clone().map_err(|e| e.to_string())?;
                let mut reader = BufReader::new(stream);
                let mut latencies = Vec::new();
                while started.elapsed() < WINDOW {
                    let sent = Instant::now();
                    writer.write_all(&request).map_err(|e| e.to_string())?;
                    read_response(&mut reader)?;
                    latencies.push(sent.elapsed().as_secs_f64() * 1000.0);
                }
                Ok(latencies)
            })
        })
        .collect();
    let mut all = Vec::new();
    for worker in workers {
        all.extend(worker.join().map_err(|_| "a load thread panicked")??);
    }
    let elapsed = started.elapsed().as_secs_f64();
    Ok((all.len() as f64 / elapsed, percentile(&all, 0.99)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_one_keep_alive_answer_at_a_time() {
        let two = b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\nConnection: keep-alive\r\n\r\ntrueHTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}";
        let mut reader = BufReader::new(&two[..]);
        assert_eq!(read_response(&mut reader).unwrap(), b"true");
        assert_eq!(read_response(&mut reader).unwrap(), b"{}");
        assert!(read_response(&mut reader).is_err());
        assert_eq!(
            json_text(r#"{"partnerId":1,"ks":"djJ8abc","userId":"0"}"#, "ks").as_deref(),
            Some("djJ8abc")
        );
    }

    /// Prints the figures without the rest of `cargo xtask bench`:
    /// `cargo test -p xtask load -- --ignored --nocapture`.
    #[test]
    #[ignore = "starts a simulator and loads it for ~10 s"]
    fn print_load_figures() {
        for line in run().expect("the load run works") {
            println!("{line}");
        }
    }
}
