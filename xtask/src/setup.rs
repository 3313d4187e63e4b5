//! `cargo xtask setup`: installs whatever is missing, idempotently, and says what it did.

use crate::cmd::{command, output_of, repo_root, run};
use std::path::Path;
use std::time::{Instant, SystemTime};

pub const TRUNK_VERSION: &str = "0.21.14";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Debian paths the test runners are pointed at (.cargo/config.toml, webdriver.json, e2e runner).
const APT_BINARIES: [&str; 3] = [
    "/usr/bin/chromium",
    "/usr/bin/chromedriver",
    "/usr/bin/brotli",
];
const APT_PACKAGES: [&str; 3] = ["chromium", "chromium-driver", "brotli"];

/// Runs every step; stops at the first one that fails, since later steps need the earlier tools.
pub fn setup() -> Result<(), String> {
    let started = Instant::now();
    step("rust target", wasm_target)?;
    step("chromium + chromedriver + brotli", apt_packages)?;
    step("trunk", trunk)?;
    step("wasm-bindgen-cli", wasm_bindgen_cli)?;
    step(
        "npm tools (binaryen, terser, playwright-core, axe-core)",
        npm_tools,
    )?;
    step(
        "npm official Kaltura client (simulator check)",
        npm_client_check,
    )?;
    step("Kaltura Player v7 bundle (offline preview)", player_bundle)?;
    println!("setup: done in {:.1?}", started.elapsed());
    Ok(())
}

fn step(name: &str, action: fn() -> Result<Outcome, String>) -> Result<(), String> {
    println!("setup: {name}");
    let started = Instant::now();
    match action()? {
        Outcome::Present(version) => println!("  skip (present: {version})"),
        Outcome::Installed(version) => {
            println!("  installed {version} in {:.1?}", started.elapsed())
        }
    }
    Ok(())
}

enum Outcome {
    Present(String),
    Installed(String),
}

fn wasm_target() -> Result<Outcome, String> {
    let installed = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        return Ok(Outcome::Present(WASM_TARGET.into()));
    }
    run(command("rustup", &["target", "add", WASM_TARGET]))?;
    Ok(Outcome::Installed(WASM_TARGET.into()))
}

fn apt_packages() -> Result<Outcome, String> {
    let missing: Vec<&str> = APT_BINARIES
        .iter()
        .copied()
        .filter(|path| !Path::new(path).exists())
        .collect();
    if missing.is_empty() {
        let version = output_of("/usr/bin/chromium", &["--version"]).unwrap_or_default();
        return Ok(Outcome::Present(version));
    }
    println!("  missing: {}", missing.join(", "));
    let as_root = output_of("id", &["-u"]).as_deref() == Some("0");
    let apt = |args: &[&str]| {
        let mut cmd = if as_root {
            command("apt-get", args)
        } else {
            let mut sudo = command("sudo", &["--preserve-env=DEBIAN_FRONTEND", "apt-get"]);
            sudo.args(args);
            sudo
        };
        cmd.env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    run(apt(&["update", "-q"]))?;
    let mut install = vec!["install", "-y", "-q", "--no-install-recommends"];
    install.extend(APT_PACKAGES);
    run(apt(&install))?;
    Ok(Outcome::Installed(APT_PACKAGES.join(" ")))
}

fn trunk() -> Result<Outcome, String> {
    let wanted = format!("trunk {TRUNK_VERSION}");
    if output_of("trunk", &["--version"]).as_deref() == Some(wanted.as_str()) {
        return Ok(Outcome::Present(wanted));
    }
    // trunk's own release profile is fat LTO with one codegen unit: ~13 min on 2 cores; this ~11.
    let mut cmd = command(
        "cargo",
        &["install", "--locked", "trunk", "--version", TRUNK_VERSION],
    );
    cmd.env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16");
    run(cmd)?;
    Ok(Outcome::Installed(wanted))
}

fn wasm_bindgen_cli() -> Result<Outcome, String> {
    let version = wasm_bindgen_lock_version()?;
    let present = ["wasm-bindgen", "wasm-bindgen-test-runner"]
        .iter()
        .all(|tool| output_of(tool, &["--version"]) == Some(format!("{tool} {version}")));
    if present {
        return Ok(Outcome::Present(format!("wasm-bindgen {version}")));
    }
    // Not `--locked`: its lockfile pins a webpki-roots release this registry does not have.
    run(command(
        "cargo",
        &[
            "install",
            "--force",
            "wasm-bindgen-cli",
            "--version",
            &version,
        ],
    ))?;
    Ok(Outcome::Installed(format!("wasm-bindgen {version}")))
}

/// The `wasm-bindgen` crate version in Cargo.lock; the CLI must match it exactly.
pub fn wasm_bindgen_lock_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(repo_root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    lock_version(&lock, "wasm-bindgen").ok_or_else(|| "Cargo.lock has no wasm-bindgen".into())
}

fn lock_version(lock: &str, package: &str) -> Option<String> {
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    lines.find(|line| line.trim() == name_line)?;
    let version = lines.next()?.trim().strip_prefix("version = \"")?;
    Some(version.trim_end_matches('"').to_string())
}

fn npm_tools() -> Result<Outcome, String> {
    npm_ci("tools", || {
        output_of("wasm-opt", &["--version"]).unwrap_or_default()
    })
}

/// The official Node `kaltura-client`, run against the simulator by `cargo xtask test`.
fn npm_client_check() -> Result<Outcome, String> {
    npm_ci("crates/sim/client-check", || {
        "kaltura-client (see its package-lock.json)".into()
    })
}

/// The published player bundle the simulator serves offline (tools/vendor, never committed).
fn player_bundle() -> Result<Outcome, String> {
    let dist = repo_root().join("tools/vendor/kaltura-player-js");
    let version = std::fs::read_to_string(dist.join("VERSION")).unwrap_or_default();
    if dist.join("package/dist/kaltura-ovp-player.js").exists() && version.trim() == PLAYER_VERSION
    {
        return Ok(Outcome::Present(format!(
            "@playkit-js/kaltura-player-js@{PLAYER_VERSION}"
        )));
    }
    run(command("bash", &["tools/vendor-player.sh", PLAYER_VERSION]))?;
    Ok(Outcome::Installed(format!(
        "@playkit-js/kaltura-player-js@{PLAYER_VERSION}"
    )))
}

/// The player version the offline preview uses (its npm dependency tree does not resolve here, so
/// the package alone is fetched: `dist/kaltura-ovp-player.js` is self-contained).
const PLAYER_VERSION: &str = "3.17.95";

/// `npm ci` in `dir` unless its node_modules is at least as new as its package-lock.json.
fn npm_ci(dir: &str, present: fn() -> String) -> Result<Outcome, String> {
    let dir_path = repo_root().join(dir);
    // npm writes this hidden lockfile on every install; older than package-lock.json = stale.
    let installed = modified(&dir_path.join("node_modules/.package-lock.json"));
    let wanted = modified(&dir_path.join("package-lock.json"));
    if installed.is_some() && installed >= wanted {
        return Ok(Outcome::Present(present()));
    }
    let mut cmd = command("npm", &["ci", "--no-audit", "--no-fund"]);
    cmd.current_dir(&dir_path);
    run(cmd)?;
    Ok(Outcome::Installed(format!("{dir}/node_modules")))
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

#[cfg(test)]
mod tests {
    use super::lock_version;

    fn check(lock: &str, package: &str, expected: Option<&str>) {
        assert_eq!(
            lock_version(lock, package).as_deref(),
            expected,
            "{package}"
        );
    }

    #[test]
    fn reads_versions_from_cargo_lock() {
        let lock = r#"
[[package]]
name = "wasm-bindgen-futures"
version = "0.4.80"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
"#;
        check(lock, "wasm-bindgen", Some("0.2.130"));
        check(lock, "wasm-bindgen-futures", Some("0.4.80"));
        check(lock, "yew", None);
    }
}
