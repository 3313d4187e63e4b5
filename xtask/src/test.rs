//! `cargo xtask test`: every test layer, continuing past failures, summed into `N passed, M failed`.

use crate::cmd::{command, repo_root, run_tee};
use std::process::Command;
use std::time::{Duration, Instant};

/// Extra Node test scripts (run from the repo root, given the served page's base URL and, when the
/// simulator exists, `SIM_URL` in the environment); each must end its output with the line
/// `N passed, M failed`. Add new scripts here.
const EXTRA_NODE_SCRIPTS: &[&str] = &["crates/module/js/test.mjs"];

/// The subpath the release build is served under, as on GitHub Pages.
const SUBPATH: &str = "/embed-studio/";

/// One layer's outcome; `error` means it did not run to the end (a crash, a build failure).
struct Layer {
    name: String,
    passed: u64,
    failed: u64,
    error: Option<String>,
    took: Duration,
}

pub fn test() -> Result<(), String> {
    if let Err(error) = crate::setup::setup() {
        // Keep the last-line convention even when nothing could run.
        eprintln!("error: setup failed: {error}");
        println!("0 passed, 1 failed");
        std::process::exit(1);
    }
    let started = Instant::now();
    let mut layers = vec![
        check("fmt", command("cargo", &["fmt", "--all", "--check"])),
        check(
            "clippy (native)",
            command(
                "cargo",
                &[
                    "clippy",
                    "--workspace",
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ],
            ),
        ),
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
        ),
        cargo_tests(
            "native tests",
            command("cargo", &["test", "--workspace", "--no-fail-fast"]),
        ),
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
        ),
    ];
    layers.extend(browser_layers());

    println!();
    println!("== test summary ({:.0?})", started.elapsed());
    for layer in &layers {
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
    Ok(())
}

/// A lint-like command counted as one check.
fn check(name: &str, cmd: Command) -> Layer {
    timed(name, || match run_tee(cmd) {
        Ok((_, status)) if status.success() => (1, 0, None),
        Ok(_) => (0, 1, None),
        Err(error) => (0, 1, Some(error)),
    })
}

/// A `cargo test --no-fail-fast` run (so every test binary reports), counted from its
/// `test result:` lines. A wasm test that panics traps the whole binary before its result line;
/// the failing exit status then still counts as a failure.
fn cargo_tests(name: &str, cmd: Command) -> Layer {
    timed(name, || match run_tee(cmd) {
        Ok((output, status)) => {
            let (passed, failed) = count_cargo_results(&output);
            with_exit_status(passed, failed, status.success())
        }
        Err(error) => (0, 1, Some(error)),
    })
}

/// The release build served under [`SUBPATH`], the Playwright e2e runner, then extra scripts.
fn browser_layers() -> Vec<Layer> {
    let mut base_url = None;
    let build = timed(
        "release build + static server",
        || match crate::build::build_dist()
            .and_then(|()| crate::static_server::start(repo_root().join("dist"), SUBPATH))
        {
            Ok(url) => {
                println!("serving dist/ at {url}");
                base_url = Some(url);
                (1, 0, None)
            }
            Err(error) => (0, 1, Some(error)),
        },
    );
    let Some(base_url) = base_url else {
        return vec![build];
    };
    // A free port, not 8081: a developer's `serve` or hand-started simulator may hold that one.
    let sim = match crate::sim::free_port().and_then(crate::sim::start) {
        Ok(sim) => sim,
        Err(error) => {
            let failed = Layer {
                name: "simulator start".into(),
                passed: 0,
                failed: 1,
                error: Some(error),
                took: Duration::ZERO,
            };
            return vec![build, failed];
        }
    };
    let sim_url = sim.as_ref().map(|sim| sim.url.as_str());
    let mut layers = vec![
        build,
        node_script("e2e (playwright)", "tools/e2e/run.mjs", &base_url, sim_url),
    ];
    for script in EXTRA_NODE_SCRIPTS {
        layers.push(node_script(script, script, &base_url, sim_url));
    }
    // The official Node client, unchanged, against the simulator (it takes the simulator's URL).
    if let Some(sim_url) = sim_url {
        layers.push(node_script(
            "official kaltura-client vs simulator",
            "crates/sim/client-check/check.mjs",
            sim_url,
            Some(sim_url),
        ));
    }
    drop(sim);
    layers
}

/// A Node script following the last-line convention `N passed, M failed`.
fn node_script(name: &str, script: &str, base_url: &str, sim_url: Option<&str>) -> Layer {
    let mut cmd = command("node", &[script, base_url]);
    if let Some(sim_url) = sim_url {
        cmd.env("SIM_URL", sim_url);
    }
    timed(name, || match run_tee(cmd) {
        Ok((output, status)) => match last_summary_line(&output) {
            Some((passed, failed)) => with_exit_status(passed, failed, status.success()),
            None => (0, 1, Some("no `N passed, M failed` line at the end".into())),
        },
        Err(error) => (0, 1, Some(error)),
    })
}

/// A failing exit with no failed test counted means the layer broke (e.g. did not compile);
/// count that as one failure so the final line can never read "0 failed" for a broken run.
fn with_exit_status(passed: u64, failed: u64, success: bool) -> (u64, u64, Option<String>) {
    match (success, failed) {
        (true, _) => (passed, failed, None),
        (false, 0) => (
            passed,
            1,
            Some("exited with failure before reporting tests".into()),
        ),
        (false, _) => (passed, failed, None),
    }
}

fn timed(name: &str, body: impl FnOnce() -> (u64, u64, Option<String>)) -> Layer {
    println!();
    println!("== {name}");
    let started = Instant::now();
    let (passed, failed, error) = body();
    Layer {
        name: name.to_string(),
        passed,
        failed,
        error,
        took: started.elapsed(),
    }
}

/// Sums cargo's `test result: ok. 3 passed; 1 failed; …` lines.
fn count_cargo_results(output: &str) -> (u64, u64) {
    output
        .lines()
        .filter_map(|line| line.trim().strip_prefix("test result: "))
        .fold((0, 0), |(passed, failed), result| {
            (
                passed + number_before(result, " passed;"),
                failed + number_before(result, " failed;"),
            )
        })
}

fn number_before(text: &str, marker: &str) -> u64 {
    text.find(marker)
        .and_then(|end| text[..end].rsplit([' ', '.']).next()?.parse().ok())
        .unwrap_or(0)
}

/// The counts from the last non-empty line, if it is exactly `N passed, M failed`.
fn last_summary_line(output: &str) -> Option<(u64, u64)> {
    let last = output.lines().rev().find(|line| !line.trim().is_empty())?;
    let (passed, failed) = last.trim().split_once(" passed, ")?;
    Some((
        passed.parse().ok()?,
        failed.strip_suffix(" failed")?.parse().ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_cargo(output: &str, expected: (u64, u64)) {
        assert_eq!(count_cargo_results(output), expected, "{output}");
    }

    fn check_summary(output: &str, expected: Option<(u64, u64)>) {
        assert_eq!(last_summary_line(output), expected, "{output}");
    }

    #[test]
    fn counts_cargo_test_result_lines() {
        check_cargo("", (0, 0));
        check_cargo(
            "running 3 tests\ntest result: ok. 3 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s\n\
             test result: FAILED. 10 passed; 2 failed; 1 ignored; 0 measured; 0 filtered out\n\
             test result: ok. 0 passed; 0 failed; 0 ignored\n",
            (13, 2),
        );
        check_cargo("  test result: ok. 7 passed; 0 failed;", (7, 0));
        check_cargo("test tests::passed; ... ok", (0, 0));
    }

    #[test]
    fn reads_only_a_final_summary_line() {
        check_summary("ok - a\n4 passed, 1 failed\n", Some((4, 1)));
        check_summary("4 passed, 0 failed\n\n", Some((4, 0)));
        check_summary("4 passed, 1 failed\nthen a crash\n", None);
        check_summary("4 passed; 1 failed\n", None);
        check_summary("", None);
    }

    #[test]
    fn failing_exit_without_failed_tests_is_one_failure() {
        assert_eq!(with_exit_status(5, 0, true), (5, 0, None));
        assert_eq!(with_exit_status(5, 2, false), (5, 2, None));
        assert!(with_exit_status(5, 0, false).2.is_some());
        assert_eq!(with_exit_status(5, 0, false).1, 1);
    }
}
