//! The release build served under a subpath, and its size guard: in the foreground (`--e2e`), or
//! on a thread beside the lint and test layers with its log printed as one block when joined.

use super::layer::{timed, Layer, Outcome};
use crate::cmd::{die_with_parent, lowest_priority, repo_root, run_captured};
use std::process::Command;
use std::thread::{self, JoinHandle};
use std::time::Instant;

/// The build layer's name in the log and the summary.
const BUILD: &str = "release build + static server";

/// The build's and the guard's layers, and the base URL `dist/` is served at if it was built.
pub struct Built {
    pub layers: Vec<Layer>,
    pub base_url: Option<String>,
}

/// Builds `dist/` here, its output shown as it comes, and serves it under `subpath`.
pub fn build_in_foreground(subpath: &'static str) -> Built {
    let mut base_url = None;
    let build = timed(BUILD, || {
        let (outcome, url) = serve_if_built(crate::build::build_dist(), subpath);
        if let Some(url) = &url {
            println!("serving dist/ at {url}");
        }
        base_url = url;
        outcome
    });
    Built {
        layers: vec![build],
        base_url,
    }
}

/// The build and, once it has built, the size guard, running on a thread.
pub struct Background(JoinHandle<(Built, String)>);

impl Background {
    /// Starts `xtask build --no-setup` as a child process (its own cargo profile and target
    /// directory, so no build-directory lock is shared with the debug-profile layers), keeping
    /// its output for [`Background::join`].
    pub fn start(subpath: &'static str) -> Background {
        println!();
        println!("== {BUILD}: started beside the layers below; its log follows them");
        Background(thread::spawn(move || build_and_guard(subpath)))
    }

    /// Waits for the build and the guard, prints their log, and gives their layers.
    pub fn join(self) -> Built {
        let (built, log) = self.0.join().unwrap_or_else(|_| {
            let broken = Layer::broken(BUILD, "the build thread panicked".into());
            let built = Built {
                layers: vec![broken],
                base_url: None,
            };
            (built, String::new())
        });
        print!("{log}");
        built
    }
}

fn build_and_guard(subpath: &'static str) -> (Built, String) {
    let mut log = format!("\n== {BUILD} (ran beside the layers above)\n");
    let started = Instant::now();
    let build = std::env::current_exe()
        .map_err(|e| format!("cannot find the running xtask: {e}"))
        .and_then(|xtask| {
            let mut cmd = Command::new(xtask);
            cmd.args(["build", "--no-setup"]);
            die_with_parent(&mut cmd);
            // On a cold target both lanes compile on both cores, and the lint and test lane is
            // the longer one: the build takes only what that lane leaves idle.
            lowest_priority(&mut cmd);
            run_captured(cmd)
        })
        .and_then(|(text, status)| {
            log.push_str(&text);
            if status.success() {
                Ok(())
            } else {
                Err(last_error_line(&text)
                    .unwrap_or_else(|| format!("`xtask build` failed ({status})")))
            }
        });
    let (outcome, base_url) = serve_if_built(build, subpath);
    if let Some(url) = &base_url {
        log.push_str(&format!("serving dist/ at {url}\n"));
    }
    let mut layers = vec![Layer::finished(BUILD, started, outcome)];
    if base_url.is_some() {
        log.push_str("\n== size guard\n");
        let started = Instant::now();
        let (lines, outcome) = size_guard();
        log.push_str(&lines);
        layers.push(Layer::finished("size guard", started, outcome));
    }
    (Built { layers, base_url }, log)
}

/// The build's outcome, with `dist/` served under `subpath` if it built.
fn serve_if_built(build: Result<(), String>, subpath: &'static str) -> (Outcome, Option<String>) {
    match build.and_then(|()| crate::static_server::start(repo_root().join("dist"), subpath)) {
        Ok(url) => ((1, 0, None), Some(url)),
        Err(error) => ((0, 1, Some(error)), None),
    }
}

/// What `xtask` said on its way out (`error: …`), for the summary.
fn last_error_line(text: &str) -> Option<String> {
    text.lines()
        .rev()
        .find_map(|line| line.strip_prefix("error: "))
        .map(str::to_string)
}

/// The first load and the first-module wasm of the `dist/` just built, against their budgets:
/// one check each, and one line each for the log.
fn size_guard() -> (String, Outcome) {
    match crate::bench::sizes::measure_dist(&repo_root().join("dist")) {
        Ok(sizes) => {
            let checks = crate::size_guard::checks(&sizes);
            let lines: String = checks.iter().map(|c| format!("{}\n", c.line())).collect();
            let passed = checks.iter().filter(|check| check.passed()).count() as u64;
            (lines, (passed, checks.len() as u64 - passed, None))
        }
        Err(error) => (String::new(), (0, 1, Some(error))),
    }
}

#[cfg(test)]
mod tests {
    use super::last_error_line;

    #[test]
    fn finds_the_last_error_line() {
        let check = |text: &str, expected: Option<&str>| {
            assert_eq!(last_error_line(text).as_deref(), expected, "{text}");
        };
        check(
            "$ trunk build\nerror: `trunk` failed (exit status: 1)\n",
            Some("`trunk` failed (exit status: 1)"),
        );
        check("error: first\nerror: second\n", Some("second"));
        check("warning: error: not at the start\n", None);
        check("", None);
    }
}
