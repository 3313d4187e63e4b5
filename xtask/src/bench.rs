//! `cargo xtask bench`: sizes, time to interactive against a bare yew page, snippet regeneration
//! cost and session round trips. Prints a table and writes `target/bench/report.{json,html}`.
//! Figures are reported against the targets, never asserted.

mod load;
mod module;
mod report;
pub mod sizes;
mod stats;
mod throttled;

use crate::cmd::{command, repo_root, run};
use report::{Figures, Phases, Trips};
use stats::{count, median, numbers, percentile};
use std::path::Path;
use std::time::Instant;

/// Cold loads per page for the time-to-interactive medians (the issue asks for at least 15; on a
/// 2-core machine medians of 15 moved by up to 20 ms between runs; with 41, single loads varying
/// by ±10 ms, the ratio's interval still spanned ±0.08–0.15×, as wide as its distance from the
/// target, so more).
const LOADS: usize = 101;
/// Draws of the rounds for the time-to-interactive ratio's interval.
const RESAMPLES: usize = 2000;
/// Unrecorded edits before the second ("warm") regeneration run.
pub const WARM_UP_EDITS: usize = 500;

/// Programmatic edits for the in-page regeneration figures.
const EDITS: usize = 1000;

pub fn bench() -> Result<(), String> {
    crate::setup::setup()?;
    let root = repo_root();
    let out_dir = root.join("target/bench");
    std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
    crate::build::build_dist()?;
    let hello_dist = out_dir.join("hello-dist");
    build_hello(&hello_dist)?;

    let app = sizes::measure_dist(&root.join("dist"))?;
    let hello = sizes::measure_dist(&hello_dist)?;
    let app_url = crate::static_server::start(root.join("dist"), "/app/")?;
    let hello_url = crate::static_server::start(hello_dist, "/hello/")?;

    println!("bench: {LOADS} cold loads each of the app and the bare yew page, alternating…");
    let tti = browser(&["tti", &app_url, &hello_url, &LOADS.to_string()])?;
    let (app_tti, hello_tti) = (phases(&tti, "app"), phases(&tti, "hello"));
    println!(
        "bench: {EDITS} edits in the page, then {EDITS} more after {WARM_UP_EDITS} warm-up edits…"
    );
    let regen = numbers(
        &browser(&["regen", &app_url, &EDITS.to_string()])?,
        "samples",
    );
    let warm = numbers(
        &browser(&[
            "regen",
            &app_url,
            &EDITS.to_string(),
            &WARM_UP_EDITS.to_string(),
        ])?,
        "samples",
    );
    let native = native_evaluate_micros();
    println!(
        "bench: the same start-up comparison and edits under {}× CPU throttling…",
        throttled::SLOWDOWN
    );
    let throttled = throttled::run(&app_url, &hello_url, browser, RESAMPLES)?;
    println!("bench: session round trips against the simulator…");
    let trips = round_trips(&app_url)?;
    println!("bench: simulator load at 1, 16 and 64 connections…");
    let load = load::run()?;

    let figures = Figures {
        date: stats::today(),
        app,
        hello,
        loads: LOADS,
        app_tti,
        hello_tti,
        tti_ratio_interval: stats::ratio_interval(
            &numbers(&tti, "app_samples"),
            &numbers(&tti, "hello_samples"),
            RESAMPLES,
        ),
        extras_rendered: median(&numbers(&tti, "app_extras")),
        app_fcp: median(&numbers(&tti, "app_fcp")),
        hello_fcp: median(&numbers(&tti, "hello_fcp")),
        edits: regen.len(),
        regen_median_ms: median(&regen),
        regen_p99_ms: percentile(&regen, 0.99),
        warm_median_ms: median(&warm),
        warm_p99_ms: percentile(&warm, 0.99),
        native_median_us: median(&native),
        native_p99_us: percentile(&native, 0.99),
        trips,
    };
    print!("{}", report::table(&figures));
    println!("{}", throttled.line());
    println!("{}", load.join("\n"));
    let write = |name: &str, text: String| {
        std::fs::write(out_dir.join(name), text).map_err(|e| format!("{name}: {e}"))
    };
    write("report.json", report::json(&figures))?;
    write("report.html", report::html(&figures))?;
    write("load.txt", load.join("\n") + "\n")?;
    write("throttled.json", throttled.json())?;
    println!("bench: wrote target/bench/report.json, report.html, load.txt and throttled.json");
    module::bench(
        &root.join("dist/module"),
        &format!("{app_url}module/"),
        &out_dir,
    )?;
    Ok(())
}

/// The bare yew page, with the workspace release profile and `data-wasm-opt="z"` like the app,
/// and its JS glue minified as `cargo xtask build` does the app's.
fn build_hello(dist_dir: &Path) -> Result<(), String> {
    let dist = dist_dir
        .to_str()
        .ok_or("the repository path is not valid UTF-8")?;
    run(crate::cmd::trunk(&[
        "build",
        "--release",
        "--public-url",
        "./",
        "--dist",
        dist,
        "crates/bench-hello/index.html",
    ]))?;
    let index_path = dist_dir.join("index.html");
    let index =
        std::fs::read_to_string(&index_path).map_err(|e| format!("hello index.html: {e}"))?;
    let index = crate::minify::minify_glue(dist_dir, &index)?;
    std::fs::write(&index_path, index).map_err(|e| format!("hello index.html: {e}"))
}

/// Runs the browser half and returns the one JSON line it prints last.
fn browser(args: &[&str]) -> Result<String, String> {
    let mut cmd = command("node", &["tools/bench/browser.mjs"]);
    cmd.args(args);
    let out = cmd.output().map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!(
            "tools/bench/browser.mjs {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .map(str::to_string)
        .ok_or_else(|| "browser.mjs printed nothing".into())
}

/// Per-phase medians of one page's samples in the `tti` mode's output (`app_…` or `hello_…`).
fn phases(json: &str, page: &str) -> Phases {
    let of = |phase| median(&numbers(json, &format!("{page}_{phase}")));
    Phases {
        wasm_fetched: of("wasm"),
        started: of("started"),
        rendered: of("rendered"),
        interactive: of("samples"),
    }
}

/// Drives each session flow against a simulator on a free port and counts its api_v3 requests.
fn round_trips(app_url: &str) -> Result<Trips, String> {
    let port = crate::sim::free_port()?;
    let Some(sim) = crate::sim::start(port)? else {
        return Ok(Trips::default());
    };
    let json = browser(&["roundtrips", app_url, &sim.url])?;
    Ok(Trips {
        widget: count(&json, "widget"),
        secret: count(&json, "secret"),
        app_token: count(&json, "app_token"),
    })
}

/// Microseconds of `kaltura::embed::form::evaluate` for a filled form (the pure part of a keystroke).
fn native_evaluate_micros() -> Vec<f64> {
    use kaltura::embed::form::{evaluate, EmbedForm};
    let mut form = EmbedForm {
        partner: "2506752".into(),
        ui_conf: "48460943".into(),
        content_id: "1_abcd1234".into(),
        ..EmbedForm::default()
    };
    (0..2000u32)
        .map(|i| {
            form.content_id = format!("1_{i:08}");
            let started = Instant::now();
            std::hint::black_box(evaluate(std::hint::black_box(&form), None));
            started.elapsed().as_secs_f64() * 1e6
        })
        .collect()
}
