//! The start-up comparison and the keystroke cost again under Chromium's CPU throttling (CDP
//! `Emulation.setCPUThrottlingRate`): a phone-class CPU, where the app's extra start-up work
//! weighs more than on this machine's own cores.

use super::stats::{median, numbers, percentile, ratio_interval};

/// How much slower than this machine the throttled page runs.
pub const SLOWDOWN: u32 = 4;
/// Cold loads per page under throttling (each takes about four times as long as an unthrottled one).
const LOADS: usize = 41;
/// Programmatic edits from the first one (no warm-up: a phone user's first keystrokes count).
const EDITS: usize = 300;

/// The throttled figures.
pub struct Throttled {
    pub app_ms: f64,
    pub hello_ms: f64,
    pub interval: (f64, f64),
    pub keystroke_p99_ms: f64,
}

impl Throttled {
    pub fn ratio(&self) -> f64 {
        self.app_ms / self.hello_ms
    }

    /// One line for the bench's output, against the same targets as the unthrottled column.
    pub fn line(&self) -> String {
        let met = |ok: bool| if ok { "met" } else { "NOT met" };
        format!(
            "at {SLOWDOWN}× CPU throttling: time to interactive {:.0} ms vs bare yew {:.0} ms = {:.2}× \
             (95%: {:.2}–{:.2}), target ≤ 1.3×: {}; keystroke p99 from the first edit {:.1} ms, \
             target ≤ 1 ms: {}",
            self.app_ms,
            self.hello_ms,
            self.ratio(),
            self.interval.0,
            self.interval.1,
            met(self.ratio() <= 1.3),
            self.keystroke_p99_ms,
            met(self.keystroke_p99_ms <= 1.0),
        )
    }

    pub fn json(&self) -> String {
        format!(
            "{{\"slowdown\": {SLOWDOWN}, \"loads\": {LOADS}, \"app_ms\": {:.1}, \"hello_ms\": {:.1}, \"ratio\": {:.3}, \"ratio_interval\": [{:.3}, {:.3}], \"keystroke_p99_ms\": {:.2}}}\n",
            self.app_ms,
            self.hello_ms,
            self.ratio(),
            self.interval.0,
            self.interval.1,
            self.keystroke_p99_ms
        )
    }
}

/// Runs both measurements through `browser` (tools/bench/browser.mjs).
pub fn run(
    app_url: &str,
    hello_url: &str,
    browser: fn(&[&str]) -> Result<String, String>,
    resamples: usize,
) -> Result<Throttled, String> {
    let slowdown = SLOWDOWN.to_string();
    let tti = browser(&["tti", app_url, hello_url, &LOADS.to_string(), &slowdown])?;
    let (app, hello) = (numbers(&tti, "app_samples"), numbers(&tti, "hello_samples"));
    let edits = numbers(
        &browser(&["regen", app_url, &EDITS.to_string(), "0", &slowdown])?,
        "samples",
    );
    Ok(Throttled {
        app_ms: median(&app),
        hello_ms: median(&hello),
        interval: ratio_interval(&app, &hello, resamples),
        keystroke_p99_ms: percentile(&edits, 0.99),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(app_ms: f64, keystroke_p99_ms: f64, expected: &[&str]) {
        let line = Throttled {
            app_ms,
            hello_ms: 100.0,
            interval: (1.1, 1.4),
            keystroke_p99_ms,
        }
        .line();
        for needle in expected {
            assert!(line.contains(needle), "{line} lacks {needle}");
        }
    }

    #[test]
    fn the_line_says_which_target_is_met() {
        check(
            120.0,
            0.8,
            &["= 1.20×", "≤ 1.3×: met", "0.8 ms", "≤ 1 ms: met"],
        );
        check(140.0, 0.8, &["= 1.40×", "≤ 1.3×: NOT met"]);
        check(120.0, 3.5, &["3.5 ms", "≤ 1 ms: NOT met"]);
    }
}
