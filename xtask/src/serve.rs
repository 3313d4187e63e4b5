//! `cargo xtask serve`: trunk's live-reloading dev server, plus the simulator when it exists.

use crate::cmd::{die_with_parent, run, trunk};

pub const DEV_URL: &str = "http://127.0.0.1:8080/";

pub fn serve() -> Result<(), String> {
    crate::setup::setup()?;
    // Kept alive until trunk exits; Ctrl-C reaches both, since they share our process group.
    let port = crate::sim::SIM_PORT;
    let _sim = if crate::sim::port_in_use(port) {
        println!("simulator: port {port} is already in use; assuming a simulator runs there");
        None
    } else {
        crate::sim::start(port)?
    };
    println!();
    println!("  Kaltura Embed Studio: {DEV_URL}  (first build takes about a minute; Ctrl-C stops)");
    println!();
    // No CSP meta here: trunk serve injects its own live-reload script. Its own dist dir keeps
    // dist/ the CSP'd release build, even while a `cargo xtask test` runs beside it.
    let mut trunk = trunk(&[
        "serve",
        "--address",
        "127.0.0.1",
        "--port",
        "8080",
        "--dist",
        "target/serve-dist",
    ]);
    die_with_parent(&mut trunk);
    run(trunk)
}
