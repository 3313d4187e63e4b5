//! The JS module's figures in `cargo xtask bench`: `dist/module/` wasm and JS, raw and brotli, and
//! the cost of one `embedCode` call from JS in headless Chromium (tools/bench/module.mjs).
//! Printed after the page's table and written to `target/bench/module.json`.

use super::sizes::{measure_file, Sizes};
use super::stats::{median, numbers, percentile};
use crate::cmd::command;
use std::path::Path;

/// Timed `embedCode` calls, and how many make one timed batch (see tools/bench/module.mjs).
const CALLS: usize = 10_000;
const BATCH: usize = 10;
/// The goals.
const GOAL_BROTLI_BYTES: u64 = 40 * 1024;
const GOAL_MEDIAN_US: f64 = 20.0;

struct Figures {
    wasm: Sizes,
    js: Sizes,
    median_us: f64,
    p99_us: f64,
    isolated: bool,
}

/// Measures `dist_module` (already built) and times calls to it as served at `module_url`.
pub fn bench(dist_module: &Path, module_url: &str, out_dir: &Path) -> Result<(), String> {
    let wasm = measure_file(&dist_module.join("kaltura-embed_bg.wasm"))?;
    let mut js = measure_file(&dist_module.join("kaltura-embed.js"))?;
    js += measure_file(&dist_module.join("kaltura-embed_glue.js"))?;
    println!("bench: {CALLS} embedCode calls from JS in headless Chromium…");
    let out = command(
        "node",
        &[
            "tools/bench/module.mjs",
            module_url,
            &CALLS.to_string(),
            &BATCH.to_string(),
        ],
    )
    .output()
    .map_err(|e| format!("tools/bench/module.mjs: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "tools/bench/module.mjs failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let json = String::from_utf8_lossy(&out.stdout).to_string();
    let samples = numbers(&json, "samples");
    let figures = Figures {
        wasm,
        js,
        median_us: median(&samples),
        p99_us: percentile(&samples, 0.99),
        isolated: json.contains("\"isolated\":true"),
    };
    print!("{}", table(&figures));
    std::fs::write(out_dir.join("module.json"), to_json(&figures))
        .map_err(|e| format!("module.json: {e}"))?;
    println!("bench: wrote target/bench/module.json");
    Ok(())
}

fn table(f: &Figures) -> String {
    let total = f.wasm.brotli + f.js.brotli;
    let verdict = |ok: bool| if ok { "met" } else { "NOT met" };
    format!(
        "\nJS module (dist/module/)          raw      brotli\n  \
         wasm                       {:>9} {:>9}\n  \
         js (wrapper + glue)        {:>9} {:>9}\n  \
         together                   {:>9} {:>9}   goal ≤ {GOAL_BROTLI_BYTES} brotli: {}\n  \
         embedCode from JS: median {:.1} µs, p99 {:.1} µs over {CALLS} calls (batches of {BATCH}{})   goal ≤ {GOAL_MEDIAN_US} µs median: {}\n",
        f.wasm.raw,
        f.wasm.brotli,
        f.js.raw,
        f.js.brotli,
        f.wasm.raw + f.js.raw,
        total,
        verdict(total <= GOAL_BROTLI_BYTES),
        f.median_us,
        f.p99_us,
        if f.isolated { ", cross-origin isolated" } else { "" },
        verdict(f.median_us <= GOAL_MEDIAN_US),
    )
}

fn to_json(f: &Figures) -> String {
    format!(
        "{{\"wasm_raw\":{},\"wasm_brotli\":{},\"js_raw\":{},\"js_brotli\":{},\"embed_code_median_us\":{:.2},\"embed_code_p99_us\":{:.2},\"calls\":{CALLS},\"batch\":{BATCH}}}\n",
        f.wasm.raw, f.wasm.brotli, f.js.raw, f.js.brotli, f.median_us, f.p99_us
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(brotli: u64, median_us: f64) -> Figures {
        let sizes = Sizes {
            raw: 3 * brotli,
            gzip: 2 * brotli,
            brotli,
        };
        Figures {
            wasm: sizes,
            js: sizes,
            median_us,
            p99_us: 2.0 * median_us,
            isolated: true,
        }
    }

    #[test]
    fn the_table_says_whether_each_goal_is_met() {
        let small = table(&figures(1000, 5.0));
        assert!(
            small.contains("goal ≤ 40960 brotli: met") && small.contains("µs median: met"),
            "{small}"
        );
        let big = table(&figures(30_000, 25.0));
        assert!(
            big.contains("brotli: NOT met") && big.contains("µs median: NOT met"),
            "{big}"
        );
    }

    #[test]
    fn json_has_every_figure() {
        let json = to_json(&figures(100, 9.5));
        assert_eq!(
            json,
            "{\"wasm_raw\":300,\"wasm_brotli\":100,\"js_raw\":300,\"js_brotli\":100,\"embed_code_median_us\":9.50,\"embed_code_p99_us\":19.00,\"calls\":10000,\"batch\":10}\n"
        );
    }
}
