//! `sim` binary: runs the api_v3 simulator on 127.0.0.1 until killed.

use std::io::Write;
use std::process::ExitCode;

use sim::{Config, FaultRule, Fixtures};

const USAGE: &str = "\
usage: sim [--port N] [--fixtures PATH] [--fault SPEC]...

  --port N          listen on 127.0.0.1:N (default 8081; 0 picks a free port)
  --fixtures PATH   seed data TOML (default: the shipped crates/sim/fixtures/demo.toml)
  --fault SPEC      per-run fault, repeatable; SPEC is comma-separated options:
                    latency_ms=N (<= 30000), status=5xx, truncate, non_json, xml, no_cors,
                    reset, times=N (default: every request), match=service.action
                    e.g. --fault status=502,match=session.start,times=2
Control API: /__sim/health, /__sim/log, /__sim/faults, /__sim/clock, /__sim/reset";

fn parse_args(args: impl Iterator<Item = String>) -> Result<Config, String> {
    let mut config = Config {
        port: 8081,
        ..Config::default()
    };
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_string(), Some(value.to_string()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--port" => {
                config.port = value()?
                    .parse()
                    .map_err(|_| "--port needs a number 0..=65535".to_string())?
            }
            "--fixtures" => {
                let path = value()?;
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("cannot read {path}: {e}"))?;
                config.fixtures = Fixtures::parse(&text).map_err(|e| format!("{path}: {e}"))?;
            }
            "--fault" => {
                let rule = FaultRule::parse_spec(&value()?).map_err(|e| format!("--fault: {e}"))?;
                config.faults.push(rule);
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(config)
}

fn main() -> ExitCode {
    let config = match parse_args(std::env::args().skip(1)) {
        Ok(config) => config,
        Err(message) if message.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("sim: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let faults = config.faults.len();
    let handle = match sim::start(config) {
        Ok(handle) => handle,
        Err(e) => {
            eprintln!("sim: cannot listen: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Written, not println!: a parent that stopped reading must not make the simulator panic.
    let mut out = std::io::stdout();
    let _ = writeln!(out, "sim listening on {}", handle.base_url());
    if faults > 0 {
        let _ = writeln!(out, "sim: {faults} per-run fault rule(s) active");
    }
    let _ = out.flush();
    handle.wait();
    ExitCode::SUCCESS
}
