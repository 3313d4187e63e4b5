//! The server over real sockets, as a browser or a hostile client would use it.

use super::route::tests::sample_dist;
use super::*;
use std::io::{Read, Write};
use std::net::TcpStream;

const PREFIX: &str = "/embed-studio/";

fn serve(limits: Limits) -> String {
    let url = spawn(sample_dist(), PREFIX, limits).unwrap();
    url.trim_start_matches("http://")
        .trim_end_matches(PREFIX)
        .to_string()
}

fn connect(address: &str) -> TcpStream {
    let stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    stream
}

/// Everything the server sends for `request` until it closes the connection.
fn exchange(address: &str, request: &[u8]) -> String {
    let mut stream = connect(address);
    stream.write_all(request).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).to_lowercase()
}

fn get(address: &str, path: &str) -> String {
    exchange(
        address,
        format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes(),
    )
}

#[test]
fn serves_files_with_type_length_and_no_cache() {
    let address = serve(LIMITS);
    let answer = get(&address, "/embed-studio/app_bg.wasm");
    assert!(answer.starts_with("http/1.1 200 ok\r\n"), "{answer}");
    for header in [
        "content-type: application/wasm\r\n",
        "content-length: 4\r\n",
        "cache-control: no-store\r\n",
        "connection: close\r\n",
    ] {
        assert!(answer.contains(header), "{header} in {answer}");
    }
    assert!(answer.ends_with("\r\n\r\n\0asm"), "{answer}");
    let head = exchange(
        &address,
        b"HEAD /embed-studio/app_bg.wasm HTTP/1.1\r\nHost: x\r\n\r\n",
    );
    assert!(head.contains("content-length: 4\r\n"), "{head}");
    assert!(head.ends_with("\r\n\r\n"), "{head}");
    let moved = get(&address, "/embed-studio?x=1");
    assert!(moved.starts_with("http/1.1 301"), "{moved}");
    assert!(moved.contains("location: /embed-studio/\r\n"), "{moved}");
    let missing = get(&address, "/embed-studio/deep/link?partner=1");
    assert!(missing.starts_with("http/1.1 404"), "{missing}");
    assert!(missing.ends_with("missing"), "{missing}");
}

#[test]
fn hostile_requests_get_an_answer_and_nothing_outside() {
    let address = serve(LIMITS);
    let traversal = get(&address, "/embed-studio/../../../../etc/passwd");
    assert!(traversal.starts_with("http/1.1 400"), "{traversal}");
    assert!(!traversal.contains("root:"), "{traversal}");
    let huge = format!(
        "GET /embed-studio/ HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
        "a".repeat(2 * MAX_HEAD_BYTES)
    );
    let answer = exchange(&address, huge.as_bytes());
    assert!(answer.starts_with("http/1.1 431"), "{answer}");
    let garbage = exchange(&address, b"\x16\x03\x01\x02\x00 not http\r\n\r\n");
    assert!(garbage.starts_with("http/1.1 400"), "{garbage}");
    // The server still serves after all of that.
    assert!(get(&address, "/embed-studio/").starts_with("http/1.1 200"));
}

#[test]
fn a_silent_client_is_cut_off_and_does_not_block_others() {
    let address = serve(Limits {
        head_timeout: Duration::from_millis(300),
        ..LIMITS
    });
    let mut silent = connect(&address);
    silent
        .write_all(b"GET /embed-studio/ HTTP/1.1\r\n")
        .unwrap();
    assert!(get(&address, "/embed-studio/").starts_with("http/1.1 200"));
    let mut answer = Vec::new();
    // Closed (with or without a `408`) once the head deadline passes, well before the 5 s read
    // timeout would fail this test.
    let started = std::time::Instant::now();
    let _ = silent.read_to_end(&mut answer);
    assert!(started.elapsed() < Duration::from_secs(4));
}

#[test]
fn over_capacity_gets_503_with_retry_after() {
    let address = serve(Limits {
        connections: 1,
        ..LIMITS
    });
    let _held = connect(&address);
    // Give the accept loop time to count the held connection.
    std::thread::sleep(Duration::from_millis(100));
    let answer = get(&address, "/embed-studio/");
    assert!(answer.starts_with("http/1.1 503"), "{answer}");
    assert!(answer.contains("retry-after: 1\r\n"), "{answer}");
}
