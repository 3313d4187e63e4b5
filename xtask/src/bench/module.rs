//! The JS module's figures in `cargo xtask bench`: each entry point of `dist/module/` (its wasm,
//! and its JS: wrapper, shared guard and glue), raw and brotli, and the cost of one `embedCode`
//! call from JS in headless Chromium (tools/bench/module.mjs). The size goal is the issue's "what
//! a developer imports for embed code", so it is applied to the `"."` entry alone; the others are
//! reported beside it. Printed after the page's table and written to `target/bench/module.json`.

use super::sizes::{measure_file, Sizes};
use super::stats::{median, numbers, percentile};
use crate::cmd::command;
use crate::module::ENTRIES;
use std::path::Path;

/// Timed `embedCode` calls, and how many make one timed batch (see tools/bench/module.mjs).
const CALLS: usize = 10_000;
const BATCH: usize = 10;
/// The goals.
const GOAL_BROTLI_BYTES: u64 = 40 * 1024;
const GOAL_MEDIAN_US: f64 = 20.0;

/// One entry point's files.
struct EntrySizes {
    export: &'static str,
    wasm: Sizes,
    js: Sizes,
}

struct Figures {
    /// In `ENTRIES` order: `"."` first.
    entries: Vec<EntrySizes>,
    median_us: f64,
    p99_us: f64,
    isolated: bool,
}

/// Measures `dist_module` (already built) and times calls to it as served at `module_url`.
pub fn bench(dist_module: &Path, module_url: &str, out_dir: &Path) -> Result<(), String> {
    let guard = measure_file(&dist_module.join("guard.js"))?;
    let mut entries = Vec::new();
    for entry in &ENTRIES {
        let stem = entry.stem;
        let mut js = guard;
        js += measure_file(&dist_module.join(format!("{stem}.js")))?;
        js += measure_file(&dist_module.join(format!("{stem}_glue.js")))?;
        entries.push(EntrySizes {
            export: entry.export,
            wasm: measure_file(&dist_module.join(format!("{stem}_bg.wasm")))?,
            js,
        });
    }
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
        entries,
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
    let verdict = |ok: bool| if ok { "met" } else { "NOT met" };
    let mut out =
        String::from("\nJS module (dist/module/), per entry point      raw      brotli\n");
    for (i, e) in f.entries.iter().enumerate() {
        let total = e.wasm.brotli + e.js.brotli;
        let goal = if i == 0 {
            format!(
                "   goal ≤ {GOAL_BROTLI_BYTES} brotli (the \".\" entry: what embed code needs): {}",
                verdict(total <= GOAL_BROTLI_BYTES)
            )
        } else {
            String::new()
        };
        out += &format!(
            "  {:<10} wasm                   {:>9} {:>9}\n  {:<10} js (wrapper+guard+glue) {:>9} {:>9}\n  {:<10} together               {:>9} {:>9}{goal}\n",
            e.export,
            e.wasm.raw,
            e.wasm.brotli,
            "",
            e.js.raw,
            e.js.brotli,
            "",
            e.wasm.raw + e.js.raw,
            total,
        );
    }
    out += &format!(
        "  embedCode from JS: median {:.1} µs, p99 {:.1} µs over {CALLS} calls (batches of {BATCH}{})   goal ≤ {GOAL_MEDIAN_US} µs median: {}\n",
        f.median_us,
        f.p99_us,
        if f.isolated { ", cross-origin isolated" } else { "" },
        verdict(f.median_us <= GOAL_MEDIAN_US),
    );
    out
}

/// The `"."` entry's figures at the top level (as before the split), then every entry's.
fn to_json(f: &Figures) -> String {
    let entries: Vec<String> = f
        .entries
        .iter()
        .map(|e| {
            format!(
                "{{\"export\":\"{}\",\"wasm_raw\":{},\"wasm_brotli\":{},\"js_raw\":{},\"js_brotli\":{}}}",
                e.export, e.wasm.raw, e.wasm.brotli, e.js.raw, e.js.brotli
            )
        })
        .collect();
    let main = &f.entries[0];
    format!(
        "{{\"wasm_raw\":{},\"wasm_brotli\":{},\"js_raw\":{},\"js_brotli\":{},\"embed_code_median_us\":{:.2},\"embed_code_p99_us\":{:.2},\"calls\":{CALLS},\"batch\":{BATCH},\"entries\":[{}]}}\n",
        main.wasm.raw,
        main.wasm.brotli,
        main.js.raw,
        main.js.brotli,
        f.median_us,
        f.p99_us,
        entries.join(",")
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
        let entry = |export, scale| EntrySizes {
            export,
            wasm: Sizes {
                raw: scale * sizes.raw,
                gzip: scale * sizes.gzip,
                brotli: scale * sizes.brotli,
            },
            js: sizes,
        };
        Figures {
            entries: vec![entry(".", 1), entry("./session", 2), entry("./doctor", 3)],
            median_us,
            p99_us: 2.0 * median_us,
            isolated: true,
        }
    }

    #[test]
    fn the_table_says_whether_each_goal_is_met_the_size_goal_on_the_dot_entry_alone() {
        // "." is 15,000 + 15,000 brotli (met); "./session" (45,000) would not be, and is not judged.
        let small = table(&figures(15_000, 5.0));
        assert!(
            small.contains("(the \".\" entry: what embed code needs): met")
                && small.contains("µs median: met"),
            "{small}"
        );
        assert_eq!(small.matches("brotli (the").count(), 1, "{small}");
        for export in ["./session", "./doctor"] {
            assert!(small.contains(&format!("  {export:<10} wasm")), "{small}");
        }
        let big = table(&figures(30_000, 25.0));
        assert!(
            big.contains("needs): NOT met") && big.contains("µs median: NOT met"),
            "{big}"
        );
    }

    #[test]
    fn json_has_every_figure() {
        let json = to_json(&figures(100, 9.5));
        assert_eq!(
            json,
            "{\"wasm_raw\":300,\"wasm_brotli\":100,\"js_raw\":300,\"js_brotli\":100,\"embed_code_median_us\":9.50,\"embed_code_p99_us\":19.00,\"calls\":10000,\"batch\":10,\"entries\":[\
             {\"export\":\".\",\"wasm_raw\":300,\"wasm_brotli\":100,\"js_raw\":300,\"js_brotli\":100},\
             {\"export\":\"./session\",\"wasm_raw\":600,\"wasm_brotli\":200,\"js_raw\":300,\"js_brotli\":100},\
             {\"export\":\"./doctor\",\"wasm_raw\":900,\"wasm_brotli\":300,\"js_raw\":300,\"js_brotli\":100}]}\n"
        );
    }
}
