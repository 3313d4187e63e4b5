//! The `sim` binary: startup line, flags, per-run faults, bad arguments.

use std::net::SocketAddr;
use std::process::Command;

use crate::support::*;

/// Runs `sim --port 0 <args>` and returns the child and its announced address.
fn spawn(args: &[&str]) -> (Running, SocketAddr) {
    spawn_sim(args, &[])
}

#[test]
fn serves_on_the_announced_port_with_per_run_faults() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/demo.toml");
    let (child, addr) = spawn(&["--fixtures", fixtures, "--fault", "xml,match=system.ping"]);
    assert!(addr.ip().is_loopback());
    let ping = raw(
        addr,
        "GET",
        "/api_v3/service/system/action/ping?format=1",
        &[],
        b"",
    )
    .unwrap();
    let health = raw(addr, "GET", "/__sim/health", &[], b"").unwrap();
    drop(child);
    assert_eq!(ping.header("Content-Type"), Some("text/xml"));
    assert_eq!(health.json()["entries"], 7);
}

#[test]
fn bad_arguments_exit_with_usage() {
    let cases: &[(&[&str], i32, &str)] = &[
        (&["--help"], 0, ""),
        (&["--fault", "bogus"], 2, "unknown fault option"),
        (&["--fault", "latency_ms=99999"], 2, "capped at 30000"),
        (&["--port", "x"], 2, "--port needs a number"),
        (&["--fixtures", "/nonexistent/demo.toml"], 2, "cannot read"),
        (&["--port"], 2, "--port needs a value"),
        (&["--what"], 2, "unknown argument"),
    ];
    for (args, code, message) in cases {
        let output = Command::new(env!("CARGO_BIN_EXE_sim"))
            .args(*args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(*code), "{args:?}");
        let text = String::from_utf8_lossy(&output.stderr).to_string()
            + &String::from_utf8_lossy(&output.stdout);
        assert!(
            text.contains(message) && text.contains("usage: sim"),
            "{args:?}: {text}"
        );
    }
}
