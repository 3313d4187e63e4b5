//! The size guard of `cargo xtask test`: the built page's first load and first-module wasm
//! against their budgets, measured as `cargo xtask bench` measures them (`bench/sizes.rs`).

use crate::bench::sizes::{DistSizes, Part, FIRST_LOAD_BROTLI_BUDGET, FIRST_WASM_RAW_BUDGET};

/// One figure against its budget.
#[derive(Debug, PartialEq, Eq)]
pub struct Check {
    pub name: &'static str,
    pub bytes: u64,
    pub budget: u64,
}

impl Check {
    /// Within budget, the budget itself included.
    pub fn passed(&self) -> bool {
        self.bytes <= self.budget
    }

    /// The figure, its budget and the margin, e.g.
    /// `ok    first load (brotli)       63,210 B of  80,000 B: 16,790 B to spare`.
    pub fn line(&self) -> String {
        let (verdict, margin) = if self.passed() {
            (
                "ok",
                format!("{} B to spare", grouped(self.budget - self.bytes)),
            )
        } else {
            (
                "OVER",
                format!("{} B over", grouped(self.bytes - self.budget)),
            )
        };
        format!(
            "{verdict:<5} {:<24} {:>9} B of {:>9} B: {margin}",
            self.name,
            grouped(self.bytes),
            grouped(self.budget)
        )
    }
}

/// The two budgeted figures of a measured `dist/`.
pub fn checks(sizes: &DistSizes) -> [Check; 2] {
    [
        Check {
            name: "first load (brotli)",
            bytes: sizes.total.brotli,
            budget: FIRST_LOAD_BROTLI_BUDGET,
        },
        Check {
            name: "first-module wasm (raw)",
            bytes: sizes.part(Part::Wasm).raw,
            budget: FIRST_WASM_RAW_BUDGET,
        },
    ]
}

/// `1234567` as `1,234,567`: margins of a few hundred bytes must be readable next to budgets.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::sizes::Sizes;

    fn dist(first_load_brotli: u64, wasm_raw: u64) -> DistSizes {
        let mut sizes = DistSizes::default();
        sizes.total.brotli = first_load_brotli;
        sizes.parts[Part::Wasm as usize] = Sizes {
            raw: wasm_raw,
            gzip: 0,
            brotli: 0,
        };
        // Deferred bytes never count against the first load.
        sizes.parts[Part::Deferred as usize].raw = 900_000;
        sizes
    }

    fn check(sizes: DistSizes, expected: [bool; 2]) {
        let verdicts = checks(&sizes).map(|check| check.passed());
        assert_eq!(verdicts, expected, "{sizes:?}");
    }

    #[test]
    fn budgets_are_inclusive_and_each_figure_is_judged_alone() {
        check(dist(63_000, 199_314), [true, true]);
        check(dist(80_000, 200_000), [true, true]);
        check(dist(80_001, 200_000), [false, true]);
        check(dist(80_000, 200_001), [true, false]);
        check(dist(90_000, 300_000), [false, false]);
    }

    #[test]
    fn lines_show_figure_budget_and_margin() {
        let [load, wasm] = checks(&dist(63_210, 201_000));
        assert_eq!(
            load.line(),
            "ok    first load (brotli)         63,210 B of    80,000 B: 16,790 B to spare"
        );
        assert_eq!(
            wasm.line(),
            "OVER  first-module wasm (raw)    201,000 B of   200,000 B: 1,000 B over"
        );
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
    }
}
