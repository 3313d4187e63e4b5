//! `cargo xtask test [--quick | --e2e [filter]]`: test layers, continuing past failures, summed
//! into `N passed, M failed`.

mod layer;
mod release;

use crate::cmd::command;
use layer::{cargo_tests, check, node_script, Layer};
use std::time::Instant;

/// Extra Node test scripts (run from the repo root, given the served page's base URL and, when the
/// simulator exists, `SIM_URL` in the environment); each must end its output with the line
/// `N passed, M failed`. Add new scripts here.
const EXTRA_NODE_SCRIPTS: &[&str] = &["crates/module/js/test.mjs"];

/// The subpath the release build is served under, as on GitHub Pages.
const SUBPATH: &str = "/embed-studio/";

const USAGE: &str = "usage: cargo xtask test [--quick | --e2e [name filter]]";

/// Which layers run.
#[derive(Debug, PartialEq, Eq)]
enum Mode {
    /// Every layer: what `.ci/run` and CI run.
    Full,
    /// The inner loop: fmt, native clippy and native tests; no wasm, no build, no browser.
    Quick,
    /// The release build, served, and the Playwright specs whose names contain the filter.
    E2e(Option<String>),
}

impl Mode {
    fn parse(args: &[String]) -> Result<Mode, String> {
        match args {
            [] => Ok(Mode::Full),
            [flag] if flag == "--quick" => Ok(Mode::Quick),
            [flag] if flag == "--e2e" => Ok(Mode::E2e(None)),
            [flag, filter] if flag == "--e2e" => Ok(Mode::E2e(Some(filter.clone()))),
            _ => Err(format!("unexpected `{}`; {USAGE}", args.join(" "))),
        }
    }
}

pub fn test(args: &[String]) -> Result<(), String> {
    let mode = Mode::parse(args)?;
    // The quick loop needs only cargo: no browser, trunk or npm tools to install or check.
    if mode != Mode::Quick {
        if let Err(error) = crate::setup::setup() {
            // Keep the last-line convention even when nothing could run.
            eprintln!("error: setup failed: {error}");
            println!("0 passed, 1 failed");
            std::process::exit(1);
        }
    }
    let started = Instant::now();
    let layers = match &mode {
        Mode::Full => {
            // The release build's long single-threaded phases (fat LTO, one codegen unit,
            // wasm-opt) leave a core idle: it runs beside the lint and test layers, which wait
            // on cargo, tests and a browser in turn. The e2e specs start once both are done.
            let release = release::Background::start(SUBPATH);
            let mut layers = native_layers();
            layers.push(wasm_clippy());
            layers.push(wasm_tests());
            let built = release.join();
            layers.extend(browser_layers(built, true, None));
            layers
        }
        Mode::Quick => native_layers(),
        Mode::E2e(filter) => {
            let built = release::build_in_foreground(SUBPATH);
            browser_layers(built, false, filter.as_deref())
        }
    };
    summarize(&layers, started);
    Ok(())
}

/// fmt, native clippy and native tests.
fn native_layers() -> Vec<Layer> {
    let clippy = [
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ];
    vec![
        check("fmt", command("cargo", &["fmt", "--all", "--check"])),
        check("clippy (native)", command("cargo", &clippy)),
        cargo_tests(
            "native tests",
            command("cargo", &["test", "--workspace", "--no-fail-fast"]),
        ),
    ]
}

fn wasm_clippy() -> Layer {
    check(
        "clippy (app, wasm)",
        command(
            "cargo",
            &[
                "clippy",
                "--package",
                "app",
                "--target",
                "wasm32-unknown-unknown",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ),
    )
}

fn wasm_tests() -> Layer {
    cargo_tests(
        "wasm tests (headless chromium)",
        command(
            "cargo",
            &[
                "test",
                "--no-fail-fast",
                "--target",
                "wasm32-unknown-unknown",
                "--package",
                "app",
                "--tests",
            ],
        ),
    )
}

/// How many e2e workers (each with its own Chromium and simulator) run the specs: two, one per
/// core of the machine the figures in docs/performance.md come from; `E2E_WORKERS` overrides.
fn e2e_workers() -> usize {
    std::env::var("E2E_WORKERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(2)
}

/// After the release build (and its size guard, in a full run): the Playwright e2e runner (with
/// `filter`, if any) against the served `dist/`, and when `all`, everything after the e2e specs.
fn browser_layers(built: release::Built, all: bool, filter: Option<&str>) -> Vec<Layer> {
    let mut layers = built.layers;
    let Some(base_url) = built.base_url else {
        return layers;
    };
    // Free ports, not 8081: a developer's `serve` or hand-started simulator may hold that one.
    // One simulator per e2e worker: specs reset and read their simulator's log.
    let mut sims = Vec::new();
    for _ in 0..e2e_workers() {
        let start = |port| {
            if all {
                // Right after `cargo test --workspace`, whose units it reuses.
                crate::sim::start_built_by(port, crate::sim::BUILD_AFTER_WORKSPACE_TESTS)
            } else {
                crate::sim::start(port)
            }
        };
        match crate::sim::free_port().and_then(start) {
            Ok(Some(sim)) => sims.push(sim),
            Ok(None) => break,
            Err(error) => {
                layers.push(Layer::broken("simulator start", error));
                return layers;
            }
        }
    }
    let sim_urls = sims
        .iter()
        .map(|sim| sim.url.as_str())
        .collect::<Vec<_>>()
        .join(",");
    let sim_env: Vec<(&str, &str)> = sims
        .first()
        .map(|sim| ("SIM_URL", sim.url.as_str()))
        .into_iter()
        .collect();
    let mut e2e = vec!["tools/e2e/run.mjs", &base_url];
    e2e.extend(filter);
    let mut e2e_env = sim_env.clone();
    e2e_env.push(("SIM_URLS", &sim_urls));
    layers.push(node_script("e2e (playwright)", &e2e, &e2e_env));
    if !all {
        return layers;
    }
    for script in EXTRA_NODE_SCRIPTS {
        layers.push(node_script(script, &[script, &base_url], &sim_env));
    }
    // The official Node client, unchanged, against the simulator (it takes the simulator's URL).
    if let Some(sim) = sims.first() {
        layers.push(node_script(
            "official kaltura-client vs simulator",
            &["crates/sim/client-check/check.mjs", &sim.url],
            &sim_env,
        ));
    }
    drop(sims);
    layers
}

fn summarize(layers: &[Layer], started: Instant) {
    println!();
    println!("== test summary ({:.0?})", started.elapsed());
    for layer in layers {
        let outcome = match &layer.error {
            Some(error) => format!("ERROR: {error}"),
            None => String::from("ran"),
        };
        println!(
            "  {:<34} {:>4} passed, {:>3} failed  {:>6.1?}  {outcome}",
            layer.name, layer.passed, layer.failed, layer.took
        );
    }
    let passed: u64 = layers.iter().map(|l| l.passed).sum();
    let failed: u64 = layers.iter().map(|l| l.failed).sum();
    println!("{passed} passed, {failed} failed");
    if failed > 0 || layers.iter().any(|l| l.error.is_some()) {
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::Mode;

    fn check(args: &[&str], expected: Result<Mode, ()>) {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        assert_eq!(Mode::parse(&args).map_err(|_| ()), expected, "{args:?}");
    }

    #[test]
    fn reads_the_mode() {
        check(&[], Ok(Mode::Full));
        check(&["--quick"], Ok(Mode::Quick));
        check(&["--e2e"], Ok(Mode::E2e(None)));
        check(&["--e2e", "modules"], Ok(Mode::E2e(Some("modules".into()))));
        check(&["--quick", "x"], Err(()));
        check(&["--fast"], Err(()));
        check(&["modules"], Err(()));
    }
}
