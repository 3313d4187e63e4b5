//! Running child processes: the shared environment, echoing, and tee-capturing output.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;

/// The repository root (the parent of `xtask/`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the repo root")
        .to_path_buf()
}

/// Puts `tools/node_modules/.bin` (npm wasm-opt) and cargo's bin dir first on PATH, and turns off
/// trunk's update check. Called once at start-up, before any thread exists, so that every child
/// process sees the same tools.
pub fn prepare_environment() {
    let root = repo_root();
    let mut paths = vec![root.join("tools/node_modules/.bin")];
    if let Some(cargo_bin) = cargo_home().map(|home| home.join("bin")) {
        paths.push(cargo_bin);
    }
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let path = std::env::join_paths(paths).expect("PATH entries contain no separator");
    std::env::set_var("PATH", path);
    std::env::set_var("TRUNK_SKIP_VERSION_CHECK", "true");
    std::env::set_current_dir(&root).expect("repo root is readable");
}

fn cargo_home() -> Option<PathBuf> {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
}

/// A `trunk` command whose wasm builds name crates.io sources by their crate directory alone:
/// a panic's location in the wasm then reads `yew-0.23.0/src/…`, not
/// `/root/.cargo/registry/src/index.crates.io-<hash>/yew-0.23.0/src/…`. That is about 1.6 KB
/// less in the first module (28 such paths), and a size that no longer depends on where the
/// builder's cargo home is. Set for the wasm target only, and only on trunk's release builds
/// (`build`, `serve`, the bench's bare page), so other cargo runs keep their own artefacts.
pub fn trunk(args: &[&str]) -> Command {
    let mut cmd = command("trunk", args);
    let sources = cargo_home().map(|home| home.join("registry").join("src"));
    let flags: Vec<String> = sources
        .and_then(|sources| std::fs::read_dir(sources).ok())
        .into_iter()
        .flatten()
        .flatten()
        .map(|index| format!("--remap-path-prefix={}/=", index.path().display()))
        .collect();
    if !flags.is_empty() {
        cmd.env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            flags.join(" "),
        );
    }
    cmd
}

/// A command ready to run, printed before it starts.
pub fn command(program: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(program);
    cmd.args(args);
    cmd
}

/// Prints `$ program args…` so a log shows what ran.
pub fn echo(cmd: &Command) {
    println!("$ {}", command_line(cmd));
    let _ = std::io::stdout().flush();
}

/// `program args…`, as [`echo`] shows it.
fn command_line(cmd: &Command) -> String {
    let args: Vec<String> = cmd
        .get_args()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    format!("{} {}", cmd.get_program().to_string_lossy(), args.join(" "))
}

/// Runs to completion with inherited output; `Err` names the command when it fails or is missing.
pub fn run(mut cmd: Command) -> Result<(), String> {
    echo(&cmd);
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start {}: {e}", describe(&cmd)))?;
    check_status(&cmd, status)
}

/// Runs with stdout and stderr both shown live and collected (interleaving between the two
/// streams is approximate), returning the collected text and the exit status.
pub fn run_tee(mut cmd: Command) -> Result<(String, ExitStatus), String> {
    echo(&cmd);
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", describe(&cmd)))?;
    let out = tee(child.stdout.take().expect("piped"), false);
    let err = tee(child.stderr.take().expect("piped"), true);
    let status = child
        .wait()
        .map_err(|e| format!("waiting for {}: {e}", describe(&cmd)))?;
    let mut text = out.join().unwrap_or_default();
    text.push_str(&err.join().unwrap_or_default());
    Ok((text, status))
}

/// Runs with stdout and stderr into one pipe, nothing shown: for a layer that runs beside others
/// and prints its log as one block later. The text starts with the `$ command` line.
pub fn run_captured(mut cmd: Command) -> Result<(String, ExitStatus), String> {
    let (mut reader, writer) =
        std::io::pipe().map_err(|e| format!("pipe for {}: {e}", describe(&cmd)))?;
    let stderr = writer
        .try_clone()
        .map_err(|e| format!("pipe for {}: {e}", describe(&cmd)))?;
    let mut child = cmd
        .stdout(writer)
        .stderr(stderr)
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", describe(&cmd)))?;
    let mut text = format!("$ {}\n", command_line(&cmd));
    // The command holds the pipe's write ends: only once it is gone can the reading end.
    drop(cmd);
    let read = reader.read_to_string(&mut text);
    let status = child
        .wait()
        .map_err(|e| format!("waiting for a child: {e}"))?;
    read.map_err(|e| format!("reading a child's output: {e}"))?;
    Ok((text, status))
}

fn tee(stream: impl Read + Send + 'static, to_stderr: bool) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut collected = String::new();
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if to_stderr {
                eprintln!("{line}");
            } else {
                println!("{line}");
            }
            collected.push_str(&line);
            collected.push('\n');
        }
        collected
    })
}

/// The trimmed stdout of a quick query such as `trunk --version`; `None` if it cannot run or fails.
pub fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

pub fn check_status(cmd: &Command, status: ExitStatus) -> Result<(), String> {
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({status})", describe(cmd)))
    }
}

fn describe(cmd: &Command) -> String {
    format!("`{}`", cmd.get_program().to_string_lossy())
}

/// Makes the child receive SIGTERM when xtask dies, even by a signal that skips our `Drop`s
/// (`kill`, a CI timeout): otherwise the simulator and `trunk serve` would outlive us and keep
/// their ports. `cargo xtask` execs into xtask, so xtask is the parent that matters.
#[cfg(target_os = "linux")]
pub fn die_with_parent(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    extern "C" {
        fn prctl(option: i32, arg2: u64, arg3: u64, arg4: u64, arg5: u64) -> i32;
    }
    const PR_SET_PDEATHSIG: i32 = 1;
    const SIGTERM: u64 = 15;
    // SAFETY: prctl is async-signal-safe and touches only the calling (child) process.
    unsafe {
        cmd.pre_exec(|| {
            if prctl(PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
}

#[cfg(not(target_os = "linux"))]
pub fn die_with_parent(_cmd: &mut Command) {}

/// Runs the child (and what it starts) at the lowest CPU priority, so that it takes only the time
/// the other work leaves idle and never slows that work down. Best effort: a failure is ignored.
#[cfg(unix)]
pub fn lowest_priority(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    extern "C" {
        fn nice(increment: i32) -> i32;
    }
    // SAFETY: nice only changes the calling (child) process's own scheduling priority.
    unsafe {
        cmd.pre_exec(|| {
            nice(19);
            Ok(())
        });
    }
}

#[cfg(not(unix))]
pub fn lowest_priority(_cmd: &mut Command) {}

/// A background child killed when dropped, so `?` and panics clean up. It stays in our process
/// group, so Ctrl-C in the terminal reaches it too even though xtask installs no signal handler.
pub struct Background {
    name: String,
    child: Child,
}

impl Background {
    pub fn spawn(name: &str, mut cmd: Command) -> Result<Background, String> {
        die_with_parent(&mut cmd);
        echo(&cmd);
        let child = cmd
            .spawn()
            .map_err(|e| format!("cannot start {name}: {e}"))?;
        Ok(Background {
            name: name.to_string(),
            child,
        })
    }

    /// `Some(status)` once the child has exited.
    pub fn exited(&mut self) -> Option<ExitStatus> {
        self.child.try_wait().ok().flatten()
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        if self.exited().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
            println!("stopped {}", self.name);
        }
    }
}
