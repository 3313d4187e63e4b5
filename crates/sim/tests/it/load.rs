//! Many connections at once: slow clients cannot starve a normal one (one deadline for the whole
//! request, not per read), and a burst over the connection cap is answered `503` + `Retry-After`.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::support::*;

const PING: &str = "/api_v3/service/system/action/ping?format=1";

fn sim_with(max_connections: usize, request_deadline: Duration) -> Sim {
    Sim::with(sim::Config {
        limits: sim::Limits {
            max_connections,
            request_deadline,
            ..sim::Limits::default()
        },
        ..sim::Config::default()
    })
}

/// Time for one `system.ping` on a fresh connection.
fn timed_ping(sim: &Sim) -> Duration {
    let started = Instant::now();
    assert_alive(sim);
    started.elapsed()
}

#[test]
fn trickling_clients_do_not_starve_a_normal_one_and_are_cut_at_the_deadline() {
    const SLOW: usize = 300;
    let deadline = Duration::from_secs(2);
    let sim = sim_with(512, deadline);
    let mut slow: Vec<TcpStream> = (0..SLOW)
        .map(|_| {
            let mut stream = TcpStream::connect(sim.addr()).expect("connect");
            stream
                .write_all(
                    b"GET /api_v3/service/system/action/ping HTTP/1.1\r\nHost: x\r\nX-Slow: ",
                )
                .unwrap();
            stream
        })
        .collect();
    // A byte on every slow connection every 100 ms for 4 s: a per-read idle timeout would never
    // fire; the 2 s deadline for the whole head must.
    let started = Instant::now();
    let mut worst = Duration::ZERO;
    while started.elapsed() < Duration::from_secs(4) {
        for stream in &mut slow {
            let _ = stream.write_all(b"a");
        }
        worst = worst.max(timed_ping(&sim));
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        worst < Duration::from_secs(1),
        "a normal ping took {worst:?}"
    );
    let mut still_open = 0;
    for stream in &mut slow {
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        let mut byte = [0u8; 1];
        if let Err(e) = stream.read(&mut byte) {
            if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) {
                still_open += 1;
            }
        }
    }
    assert_eq!(still_open, 0, "slow connections outlived the deadline");
    assert_alive(&sim);
}

#[test]
fn a_burst_over_capacity_gets_503_with_retry_after() {
    const CAP: usize = 8;
    let sim = sim_with(CAP, Duration::from_secs(10));
    let held: Vec<TcpStream> = (0..CAP)
        .map(|_| TcpStream::connect(sim.addr()).expect("connect"))
        .collect();
    std::thread::sleep(Duration::from_millis(300)); // let the server take them all
    let burst: Vec<_> = (0..20)
        .map(|_| {
            let addr = sim.addr();
            std::thread::spawn(move || {
                raw(addr, "GET", PING, &[], b"").expect("an HTTP answer, not a silent close")
            })
        })
        .collect();
    for reply in burst {
        let reply = reply.join().unwrap();
        assert_eq!(reply.status, 503, "{}", reply.body);
        assert_eq!(reply.header("Retry-After"), Some("1"));
        assert_eq!(reply.header("Connection"), Some("close"));
    }
    drop(held);
    // The slots come back as the held connections close.
    let started = Instant::now();
    loop {
        let reply = raw(sim.addr(), "GET", PING, &[], b"").unwrap();
        if reply.status == 200 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "no slot came back"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_trickled_body_is_cut_at_the_same_deadline_with_408() {
    let sim = sim_with(16, Duration::from_secs(1));
    let mut stream = TcpStream::connect(sim.addr()).unwrap();
    stream
        .write_all(
            b"POST /api_v3/service/system/action/ping HTTP/1.1\r\nHost: x\r\n\
              Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n",
        )
        .unwrap();
    let started = Instant::now();
    let mut answered = None;
    let mut answer = Vec::new();
    stream
        .set_read_timeout(Some(Duration::from_millis(100)))
        .unwrap();
    // One body byte every 100 ms would take 10 s; the answer must come after about 1 s.
    while started.elapsed() < Duration::from_secs(5) {
        let _ = stream.write_all(b"a");
        let mut chunk = [0u8; 512];
        match stream.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                answer.extend_from_slice(&chunk[..n]);
                answered.get_or_insert(started.elapsed());
            }
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => break, // closed after the answer
        }
    }
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    let answered = answered.expect("an answer");
    assert!(
        answered < Duration::from_secs(2),
        "answered after {answered:?}"
    );
}

#[test]
fn a_request_whose_client_left_during_latency_is_still_finished_and_logged() {
    let sim = Sim::start();
    let rule = json!({"latency_ms": 600, "match": "system.ping"});
    assert_eq!(sim.control("POST", "/__sim/faults", rule).status, 200);
    let mut stream = TcpStream::connect(sim.addr()).unwrap();
    stream
        .write_all(b"GET /api_v3/service/system/action/ping?format=1 HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    std::thread::sleep(Duration::from_millis(100));
    drop(stream); // the client gives up, as the page does after its timeout
    let started = Instant::now();
    while sim.handle.request_log().is_empty() {
        assert!(started.elapsed() < Duration::from_secs(3), "never logged");
        std::thread::sleep(Duration::from_millis(50));
    }
    let log = sim.handle.request_log();
    assert_eq!(
        (log[0].status, log[0].fault.as_deref()),
        (200, Some("latency_ms=600"))
    );
}

#[test]
fn a_client_that_never_reads_its_answers_gives_its_slot_back_after_the_connection_lifetime() {
    let sim = Sim::with(sim::Config {
        limits: sim::Limits {
            max_connections: 1,
            connection_lifetime: Duration::from_secs(2),
            ..sim::Limits::default()
        },
        ..sim::Config::default()
    });
    // Pipelined pings, never read: once the socket buffers fill, the server's writes wait for ever.
    let mut stuck = TcpStream::connect(sim.addr()).expect("connect");
    let request = format!("GET {PING} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").repeat(1000);
    let writer = std::thread::spawn(move || {
        for _ in 0..200 {
            if stuck.write_all(request.as_bytes()).is_err() {
                break;
            }
        }
    });
    std::thread::sleep(Duration::from_millis(500));
    let held = raw(sim.addr(), "GET", PING, &[], b"").unwrap();
    assert_eq!(
        held.status, 503,
        "the stuck client should hold the only slot"
    );
    let started = Instant::now();
    loop {
        let reply = raw(sim.addr(), "GET", PING, &[], b"").unwrap();
        if reply.status == 200 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(6),
            "the stuck connection kept its slot past its lifetime"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    writer.join().unwrap();
}
