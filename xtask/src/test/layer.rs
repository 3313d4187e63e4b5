//! One test layer: running a command, a cargo test run or a Node script, and counting its result.

use crate::cmd::{command, run_tee};
use std::process::Command;
use std::time::{Duration, Instant};

/// A layer's passed and failed counts and, when it broke, why.
pub type Outcome = (u64, u64, Option<String>);

/// One layer's outcome; `error` means it did not run to the end (a crash, a build failure).
pub struct Layer {
    pub name: String,
    pub passed: u64,
    pub failed: u64,
    pub error: Option<String>,
    pub took: Duration,
}

impl Layer {
    /// A layer that started at `started` and ends now with this outcome.
    pub fn finished(name: &str, started: Instant, (passed, failed, error): Outcome) -> Layer {
        Layer {
            name: name.into(),
            passed,
            failed,
            error,
            took: started.elapsed(),
        }
    }

    /// A layer that could not start at all, counted as one failure.
    pub fn broken(name: &str, error: String) -> Layer {
        Layer {
            name: name.into(),
            passed: 0,
            failed: 1,
            error: Some(error),
            took: Duration::ZERO,
        }
    }
}

/// A lint-like command counted as one check.
pub fn check(name: &str, cmd: Command) -> Layer {
    timed(name, || match run_tee(cmd) {
        Ok((_, status)) if status.success() => (1, 0, None),
        Ok(_) => (0, 1, None),
        Err(error) => (0, 1, Some(error)),
    })
}

/// A `cargo test --no-fail-fast` run (so every test binary reports), counted from its
/// `test result:` lines. A wasm test that panics traps the whole binary before its result line;
/// the failing exit status then still counts as a failure.
pub fn cargo_tests(name: &str, cmd: Command) -> Layer {
    timed(name, || match run_tee(cmd) {
        Ok((output, status)) => {
            let (passed, failed) = count_cargo_results(&output);
            with_exit_status(passed, failed, status.success())
        }
        Err(error) => (0, 1, Some(error)),
    })
}

/// A Node script (`args[0]`, run with the rest of `args`) following the last-line convention
/// `N passed, M failed`, with `env` added to its environment (e.g. `SIM_URL`).
pub fn node_script(name: &str, args: &[&str], env: &[(&str, &str)]) -> Layer {
    let mut cmd = command("node", args);
    cmd.envs(env.iter().copied());
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
fn with_exit_status(passed: u64, failed: u64, success: bool) -> Outcome {
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

/// Runs `body` under a `== name` heading and keeps its counts and time.
pub fn timed(name: &str, body: impl FnOnce() -> Outcome) -> Layer {
    println!();
    println!("== {name}");
    let started = Instant::now();
    Layer::finished(name, started, body())
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
