//! Starts the local api_v3 simulator (`crates/sim`) in the background, once it has a binary.

use crate::cmd::{command, repo_root, run, Background};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The port the page's "Local simulator" preset points at (used by `serve`).
pub const SIM_PORT: u16 = 8081;

/// A running simulator and its base URL, e.g. `http://127.0.0.1:8081`.
pub struct Simulator {
    pub url: String,
    _process: Background,
}

/// Whether something already listens on `port` on loopback.
pub fn port_in_use(port: u16) -> bool {
    let address = SocketAddr::from(([127, 0, 0, 1], port));
    TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok()
}

/// A port that was free a moment ago, for test runs that must not collide with a developer's
/// `serve` (or hand-started simulator) on [`SIM_PORT`].
pub fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")
        .map_err(|e| format!("no free loopback port: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}

/// Whether `crates/sim` has a binary target yet (it starts as a library).
fn has_binary() -> bool {
    let sim = repo_root().join("crates/sim");
    let manifest = std::fs::read_to_string(sim.join("Cargo.toml")).unwrap_or_default();
    sim.join("src/main.rs").exists()
        || sim.join("src/bin/sim.rs").exists()
        || manifest.contains("[[bin]]")
}

/// `cargo` arguments that build the simulator's binary on its own: the fewest units to compile.
const BUILD_ALONE: &[&str] = &["build", "--package", "sim", "--bin", "sim"];

/// `cargo` arguments that build the same binary with the features `cargo test --workspace`
/// unifies (every member's, dev-dependencies' included through `--tests`): right after that run
/// nothing is left to compile, where [`BUILD_ALONE`] compiles about 15 crates a second time with
/// other features (memchr, syn, getrandom, serde_json and what depends on them; 14 s when cold).
pub const BUILD_AFTER_WORKSPACE_TESTS: &[&str] =
    &["build", "--workspace", "--bin", "sim", "--tests"];

/// The running simulator (stopped when dropped), or `None` while there is no sim binary.
pub fn start(port: u16) -> Result<Option<Simulator>, String> {
    start_built_by(port, BUILD_ALONE)
}

/// [`start`], its binary built by `cargo` with `build_args`.
///
/// Built in the dev profile and started directly rather than with `cargo run --release`: the test
/// layer has just built the same dev artifacts, the workspace release profile (fat LTO) would
/// cost a minute of the 2 cores for no benefit, and a direct child dies with us cleanly.
pub fn start_built_by(port: u16, build_args: &[&str]) -> Result<Option<Simulator>, String> {
    if !has_binary() {
        println!("simulator: crates/sim has no binary yet; not started");
        return Ok(None);
    }
    let address = SocketAddr::from(([127, 0, 0, 1], port));
    if port_in_use(port) {
        return Err(format!(
            "port {port} is already in use (another simulator or `cargo xtask serve`?); stop it first"
        ));
    }
    run(command("cargo", build_args))?;
    let port_arg = port.to_string();
    let mut sim = Background::spawn("simulator", command(&binary_path(), &["--port", &port_arg]))?;
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Some(status) = sim.exited() {
            return Err(format!("simulator exited at start-up ({status})"));
        }
        if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
            let url = format!("http://127.0.0.1:{port}");
            println!("simulator: listening on {url}/");
            return Ok(Some(Simulator { url, _process: sim }));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!(
        "simulator did not listen on port {SIM_PORT} within 30 s"
    ))
}

fn binary_path() -> String {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"));
    target.join("debug/sim").to_string_lossy().into_owned()
}
