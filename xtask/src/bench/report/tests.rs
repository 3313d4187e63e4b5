//! The report's table and JSON from fixed figures.

use super::*;
use crate::bench::sizes::Sizes;

fn figures() -> Figures {
    let part = |raw, brotli| Sizes {
        raw,
        gzip: brotli + 1,
        brotli,
    };
    let dist = |wasm: Sizes, other: Sizes| {
        let mut total = Sizes::default();
        total += wasm;
        total += other;
        DistSizes {
            parts: [
                wasm,
                other,
                Sizes::default(),
                Sizes::default(),
                Sizes::default(),
            ],
            total,
            all: total,
        }
    };
    Figures {
        date: "2026-11-24".into(),
        app: dist(part(190_000, 60_000), part(30_000, 6_000)),
        hello: dist(part(115_000, 42_000), part(27_000, 5_000)),
        loads: 15,
        app_tti: Phases {
            wasm_fetched: 20.0,
            started: 60.0,
            rendered: 90.0,
            interactive: 100.0,
        },
        extras_rendered: 150.0,
        app_fcp: 40.0,
        hello_fcp: 85.0,
        hello_tti: Phases {
            wasm_fetched: 15.0,
            started: 50.0,
            rendered: 80.0,
            interactive: 80.0,
        },
        tti_ratio_interval: (1.18, 1.314),
        edits: 1000,
        regen_median_ms: 0.3,
        regen_p99_ms: 1.2,
        warm_median_ms: 0.2,
        warm_p99_ms: 0.8,
        native_median_us: 7.0,
        native_p99_us: 9.0,
        trips: Trips {
            widget: Some(1),
            secret: Some(2),
            app_token: None,
        },
    }
}

fn check(f: &Figures, expected: &[(&str, &str, bool)]) {
    let actual: Vec<_> = targets(f)
        .into_iter()
        .map(|t| (t.name, t.measured, t.met))
        .collect();
    let expected: Vec<_> = expected
        .iter()
        .map(|(n, m, met)| (*n, m.to_string(), *met))
        .collect();
    assert_eq!(actual, expected);
}

#[test]
fn targets_are_marked_from_the_figures() {
    check(
        &figures(),
        &[
            ("first-load total, brotli", "66.0 KB", true),
            ("first-load wasm, raw", "190.0 KB", true),
            (
                "time to interactive vs bare yew",
                "1.25× [1.18–1.31] (100 ms vs 80 ms)",
                true,
            ),
            ("regeneration per keystroke, p99", "1.20 ms", false),
            ("verify round trips (widget / secret)", "1 / 2", false),
            ("app-token session round trips", "?", false),
        ],
    );
}

#[test]
fn json_has_null_for_missing_figures_and_one_entry_per_target() {
    let mut f = figures();
    f.regen_p99_ms = f64::NAN;
    let json = json(&f);
    assert!(json.contains("\"p99_ms\": null"), "{json}");
    assert!(
        json.contains("\"ratio_interval\": [1.180, 1.314]"),
        "{json}"
    );
    assert!(json.contains("\"app_token\": null"), "{json}");
    assert_eq!(json.matches("\"met\": ").count(), targets(&f).len());
    assert!(!json.contains("NaN"), "{json}");
    assert!(json.contains("\"measured\": \"n/a\""), "{json}");
}

#[test]
fn html_is_self_contained() {
    let page = html(&figures());
    assert!(!page.contains("<script"));
    assert!(!page.contains("src="));
    assert!(!page.contains("href="));
    assert_eq!(page.matches("<svg").count(), 2);
}
