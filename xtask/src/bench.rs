//! `cargo xtask bench`: sizes, time to interactive against a bare yew page, snippet regeneration
//! cost and session round trips. Prints a table and writes `target/bench/report.{json,html}`.
//! Figures are reported against the targets, never asserted.

use crate::cmd::{command, repo_root, run};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Cold loads per page for the time-to-interactive medians.
const LOADS: usize = 15;
/// Programmatic edits for the in-page regeneration figures.
const EDITS: usize = 1000;

/// raw / gzip -9 / brotli -q 11 bytes of one file (or a sum).
#[derive(Debug, Clone, Copy, Default)]
struct Sizes {
    raw: u64,
    gzip: u64,
    brotli: u64,
}

impl std::ops::AddAssign for Sizes {
    fn add_assign(&mut self, o: Sizes) {
        self.raw += o.raw;
        self.gzip += o.gzip;
        self.brotli += o.brotli;
    }
}

fn compressed_len(program: &str, args: &[&str], path: &Path) -> Result<u64, String> {
    let out = Command::new(program)
        .args(args)
        .arg(path)
        .output()
        .map_err(|e| format!("{program}: {e} (cargo xtask setup installs it)"))?;
    if !out.status.success() {
        return Err(format!("{program} failed on {}", path.display()));
    }
    Ok(out.stdout.len() as u64)
}

fn sizes_of(path: &Path) -> Result<Sizes, String> {
    let raw = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
    Ok(Sizes {
        raw,
        gzip: compressed_len("gzip", &["-9", "-c"], path)?,
        brotli: compressed_len("brotli", &["-q", "11", "-c"], path)?,
    })
}

/// Sizes of the first-load files of a trunk dist: (wasm, js, css, html, total).
fn dist_sizes(dist: &Path) -> Result<[(&'static str, Sizes); 5], String> {
    let mut parts = [
        ("wasm", Sizes::default()),
        ("js glue", Sizes::default()),
        ("css", Sizes::default()),
        ("index.html", Sizes::default()),
    ];
    for entry in std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let slot = if name.ends_with(".wasm") {
            0
        } else if name.ends_with(".js") && name != "preview.js" {
            1
        } else if name.ends_with(".css") {
            2
        } else if name == "index.html" {
            3
        } else {
            continue; // preview.html/js and 404.html are not part of the first load
        };
        parts[slot].1 += sizes_of(&path)?;
    }
    let mut total = Sizes::default();
    for (_, s) in &parts {
        total += *s;
    }
    Ok([
        parts[0],
        parts[1],
        parts[2],
        parts[3],
        ("first load", total),
    ])
}

fn median(samples: &mut [f64]) -> f64 {
    samples.sort_by(|a, b| a.total_cmp(b));
    samples.get(samples.len() / 2).copied().unwrap_or(f64::NAN)
}

fn percentile(samples: &mut [f64], p: f64) -> f64 {
    samples.sort_by(|a, b| a.total_cmp(b));
    let index = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples.get(index).copied().unwrap_or(f64::NAN)
}

/// Runs the browser half and returns the numbers of its `"samples":[…]` JSON, or its key counts.
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
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .last()
        .map(str::to_string)
        .ok_or_else(|| "browser.mjs printed nothing".into())
}

fn samples(json: &str) -> Vec<f64> {
    let inner = json
        .split('[')
        .nth(1)
        .and_then(|s| s.split(']').next())
        .unwrap_or("");
    inner
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect()
}

fn count(json: &str, key: &str) -> Option<u64> {
    let after = json.split(&format!("\"{key}\":")).nth(1)?;
    after.split([',', '}']).next()?.trim().parse().ok()
}

/// Median microseconds of `kaltura::form::evaluate` for a filled form (the pure part of a keystroke).
fn native_evaluate_micros() -> f64 {
    use kaltura::form::{evaluate, EmbedForm};
    let mut form = EmbedForm {
        partner: "2506752".into(),
        ui_conf: "48460943".into(),
        content_id: "1_abcd1234".into(),
        ..EmbedForm::default()
    };
    let mut samples = Vec::with_capacity(2000);
    for i in 0..2000u32 {
        form.content_id = format!("1_{:08}", i);
        let started = Instant::now();
        std::hint::black_box(evaluate(std::hint::black_box(&form), None));
        samples.push(started.elapsed().as_secs_f64() * 1e6);
    }
    median(&mut samples)
}

fn mark(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "MISSED"
    }
}

pub fn bench() -> Result<(), String> {
    crate::setup::setup()?;
    let root = repo_root();
    let out_dir = root.join("target/bench");
    std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
    crate::build::build_dist()?;
    let hello_dist: PathBuf = out_dir.join("hello-dist");
    run(command(
        "trunk",
        &[
            "build",
            "--release",
            "--public-url",
            "./",
            "--dist",
            hello_dist.to_str().unwrap_or("target/bench/hello-dist"),
            "crates/bench-hello/index.html",
        ],
    ))?;

    let app_sizes = dist_sizes(&root.join("dist"))?;
    let hello_sizes = dist_sizes(&hello_dist)?;
    let app_url = crate::static_server::start(root.join("dist"), "/app/")?;
    let hello_url = crate::static_server::start(hello_dist.clone(), "/hello/")?;

    println!("bench: {LOADS} cold loads each of the app and the bare yew page…");
    let mut app_tti = samples(&browser(&["tti", &app_url, "app", &LOADS.to_string()])?);
    let mut hello_tti = samples(&browser(&["tti", &hello_url, "hello", &LOADS.to_string()])?);
    println!("bench: {EDITS} edits in the page…");
    let mut regen = samples(&browser(&["regen", &app_url, &EDITS.to_string()])?);
    let native_us = native_evaluate_micros();

    let sim_port = crate::sim::free_port()?;
    let sim = crate::sim::start(sim_port)?;
    let trips = match &sim {
        Some(sim) => browser(&["roundtrips", &app_url, &sim.url])?,
        None => "{}".to_string(),
    };
    drop(sim);

    let (app_med, hello_med) = (median(&mut app_tti), median(&mut hello_tti));
    let ratio = app_med / hello_med;
    let (regen_med, regen_p99) = (median(&mut regen), percentile(&mut regen, 0.99));
    let total = app_sizes[4].1;
    let wasm = app_sizes[0].1;
    let widget = count(&trips, "widget");
    let secret = count(&trips, "secret");
    let app_token = count(&trips, "app_token");

    let mut table = String::new();
    let _ = writeln!(
        table,
        "{:<22} {:>10} {:>10} {:>10}   {:>10} {:>10} {:>10}",
        "file", "app raw", "gzip -9", "brotli 11", "hello raw", "gzip -9", "brotli 11"
    );
    for ((name, a), (_, h)) in app_sizes.iter().zip(hello_sizes.iter()) {
        let _ = writeln!(
            table,
            "{name:<22} {:>10} {:>10} {:>10}   {:>10} {:>10} {:>10}",
            a.raw, a.gzip, a.brotli, h.raw, h.gzip, h.brotli
        );
    }
    let _ = writeln!(table);
    let _ = writeln!(table, "time to interactive (median of {LOADS} cold loads): app {app_med:.1} ms, bare yew {hello_med:.1} ms, ratio {ratio:.2}×");
    let _ = writeln!(table, "regeneration per keystroke in the page ({EDITS} edits): median {regen_med:.3} ms, p99 {regen_p99:.3} ms (pure evaluate: {native_us:.1} µs native)");
    let _ = writeln!(
        table,
        "round trips from the simulator log: widget verify {}, secret verify {}, app token {}",
        show(widget),
        show(secret),
        show(app_token)
    );
    let _ = writeln!(table);
    let _ = writeln!(table, "targets:");
    let _ = writeln!(
        table,
        "  first-load total ≤ 80 KB brotli   {:>7.1} KB  {}",
        total.brotli as f64 / 1000.0,
        mark(total.brotli <= 80_000)
    );
    let _ = writeln!(
        table,
        "  wasm ≤ 200 KB raw                 {:>7.1} KB  {}",
        wasm.raw as f64 / 1000.0,
        mark(wasm.raw <= 200_000)
    );
    let _ = writeln!(
        table,
        "  TTI ≤ 1.3× bare yew               {ratio:>7.2}×   {}",
        mark(ratio <= 1.3)
    );
    let _ = writeln!(
        table,
        "  regeneration p99 ≤ 1 ms           {regen_p99:>7.3} ms {}",
        mark(regen_p99 <= 1.0)
    );
    let _ = writeln!(
        table,
        "  verify = 1 round trip             widget {} / secret {}  {}",
        show(widget),
        show(secret),
        mark(widget == Some(1) && secret == Some(1))
    );
    print!("{table}");

    let json = format!(
        "{{\n  \"sizes\": {{\n{}\n  }},\n  \"hello_sizes\": {{\n{}\n  }},\n  \"tti_ms\": {{\"app_median\": {app_med:.2}, \"hello_median\": {hello_med:.2}, \"ratio\": {ratio:.3}, \"loads\": {LOADS}}},\n  \"regeneration_ms\": {{\"median\": {regen_med:.4}, \"p99\": {regen_p99:.4}, \"edits\": {EDITS}, \"native_evaluate_us\": {native_us:.2}}},\n  \"round_trips\": {trips}\n}}\n",
        sizes_json(&app_sizes),
        sizes_json(&hello_sizes)
    );
    std::fs::write(out_dir.join("report.json"), json).map_err(|e| e.to_string())?;
    std::fs::write(
        out_dir.join("report.html"),
        report_html(&app_sizes, &hello_sizes, &table),
    )
    .map_err(|e| e.to_string())?;
    println!("bench: wrote target/bench/report.json and target/bench/report.html");
    Ok(())
}

fn show(n: Option<u64>) -> String {
    n.map_or("?".into(), |n| n.to_string())
}

fn sizes_json(sizes: &[(&str, Sizes); 5]) -> String {
    sizes
        .iter()
        .map(|(name, s)| {
            format!(
                "    \"{name}\": {{\"raw\": {}, \"gzip\": {}, \"brotli\": {}}}",
                s.raw, s.gzip, s.brotli
            )
        })
        .collect::<Vec<_>>()
        .join(",\n")
}

/// A self-contained page: brotli bars per file for the app and the bare page, plus the table.
fn report_html(app: &[(&str, Sizes); 5], hello: &[(&str, Sizes); 5], table: &str) -> String {
    let max = app
        .iter()
        .chain(hello.iter())
        .map(|(_, s)| s.brotli)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let mut svg = String::from("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"260\" font-family=\"sans-serif\" font-size=\"12\">");
    for (i, ((name, a), (_, h))) in app.iter().zip(hello.iter()).enumerate() {
        let y = 20 + i * 46;
        let wa = a.brotli as f64 / max * 480.0;
        let wh = h.brotli as f64 / max * 480.0;
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\">{name}</text><rect x=\"110\" y=\"{}\" width=\"{wa:.0}\" height=\"16\" fill=\"#0b5cad\"/><text x=\"{:.0}\" y=\"{}\">app {} B</text><rect x=\"110\" y=\"{}\" width=\"{wh:.0}\" height=\"16\" fill=\"#9aa5b1\"/><text x=\"{:.0}\" y=\"{}\">hello {} B</text>",
            y + 12, y, 115.0 + wa, y + 12, a.brotli, y + 18, 115.0 + wh, y + 30, h.brotli
        );
    }
    svg.push_str("</svg>");
    let escaped = table.replace('&', "&amp;").replace('<', "&lt;");
    format!("<!doctype html><meta charset=\"utf-8\"><title>Embed Studio bench</title><h1>Embed Studio bench</h1><p>Brotli -q 11 bytes per first-load file (blue: app, grey: bare yew page).</p>{svg}<pre>{escaped}</pre>\n")
}
