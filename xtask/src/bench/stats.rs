//! Medians and percentiles, the browser script's one-line JSON, and today's UTC date.

/// The middle sample (the lower one of an even count); NaN when there are none.
pub fn median(samples: &[f64]) -> f64 {
    percentile(samples, 0.5)
}

/// Nearest-rank percentile, `p` in 0..=1; NaN when there are no samples.
pub fn percentile(samples: &[f64], p: f64) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort_by(|a, b| a.total_cmp(b));
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((sorted.len() as f64) * p).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// How far `median(a) / median(b)` moves when the rounds are drawn again: its 5th and 95th
/// percentiles over `resamples` draws, with replacement, of the round indexes (`a[i]` and `b[i]`
/// were loaded in the same round, so they stay together). A fixed seed makes a report
/// reproducible from its samples. NaN when a round is missing a page.
pub fn ratio_interval(a: &[f64], b: &[f64], resamples: usize) -> (f64, f64) {
    if a.is_empty() || a.len() != b.len() {
        return (f64::NAN, f64::NAN);
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next_index = || {
        // xorshift64: plenty for picking rounds, and no crate for it.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % a.len() as u64) as usize
    };
    let ratios: Vec<f64> = (0..resamples)
        .map(|_| {
            let picked: Vec<usize> = (0..a.len()).map(|_| next_index()).collect();
            let of = |xs: &[f64]| median(&picked.iter().map(|&i| xs[i]).collect::<Vec<_>>());
            of(a) / of(b)
        })
        .collect();
    (percentile(&ratios, 0.05), percentile(&ratios, 0.95))
}

/// The numbers of `"key":[…]` in the one-line JSON the browser script prints.
pub fn numbers(json: &str, key: &str) -> Vec<f64> {
    let Some(after) = json.split(&format!("\"{key}\":[")).nth(1) else {
        return Vec::new();
    };
    after
        .split(']')
        .next()
        .unwrap_or_default()
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect()
}

/// The integer of `"key":N` in that JSON.
pub fn count(json: &str, key: &str) -> Option<u64> {
    let after = json.split(&format!("\"{key}\":")).nth(1)?;
    after.split([',', '}']).next()?.trim().parse().ok()
}

/// `YYYY-MM-DD` (UTC) of a Unix time, for the report's date.
pub fn utc_date(unix_seconds: u64) -> String {
    // Days to a civil date (Howard Hinnant's algorithm), so xtask needs no date crate.
    let days = (unix_seconds / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

pub fn today() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    utc_date(now)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(actual: f64, expected: f64) {
        assert!(
            actual == expected || (actual.is_nan() && expected.is_nan()),
            "{actual} != {expected}"
        );
    }

    #[test]
    fn medians_and_percentiles() {
        check(median(&[3.0, 1.0, 2.0]), 2.0);
        check(median(&[4.0, 1.0, 3.0, 2.0]), 2.0);
        check(median(&[]), f64::NAN);
        let hundred: Vec<f64> = (1..=100).rev().map(f64::from).collect();
        check(percentile(&hundred, 0.99), 99.0);
        check(percentile(&hundred, 1.0), 100.0);
        check(percentile(&hundred, 0.0), 1.0);
        let thousand: Vec<f64> = (1..=1000).map(f64::from).collect();
        check(percentile(&thousand, 0.99), 990.0);
    }

    #[test]
    fn ratio_intervals() {
        let hello: Vec<f64> = (0..41).map(|i| 40.0 + f64::from(i % 7)).collect();
        // The same rounds, twice as slow: every draw gives exactly 2.
        let twice: Vec<f64> = hello.iter().map(|h| h * 2.0).collect();
        let (low, high) = ratio_interval(&twice, &hello, 200);
        check(low, 2.0);
        check(high, 2.0);
        // Spread-out samples: an interval around the plain ratio of medians, not a point.
        let spread: Vec<f64> = (0..41).map(|i| 40.0 + f64::from(i)).collect();
        let (low, high) = ratio_interval(&spread, &hello, 500);
        let plain = median(&spread) / median(&hello);
        assert!(low < plain && plain < high, "{low} < {plain} < {high}");
        assert!(low > 1.0 && high < 1.8, "{low}..{high}");
        let (low, _) = ratio_interval(&spread, &hello[1..], 10);
        check(low, f64::NAN);
        check(ratio_interval(&[], &[], 10).0, f64::NAN);
    }

    #[test]
    fn browser_json() {
        let line = r#"{"samples":[1.5,2,30.25],"started":[],"widget":1,"app_token":2}"#;
        assert_eq!(numbers(line, "samples"), vec![1.5, 2.0, 30.25]);
        assert_eq!(numbers(line, "started"), Vec::<f64>::new());
        assert_eq!(numbers(line, "missing"), Vec::<f64>::new());
        assert_eq!(count(line, "widget"), Some(1));
        assert_eq!(count(line, "app_token"), Some(2));
        assert_eq!(count(line, "secret"), None);
    }

    #[test]
    fn dates() {
        for (seconds, expected) in [
            (0, "1970-01-01"),
            (951_782_400, "2000-02-29"),
            (1_709_164_800, "2024-02-29"),
            (1_795_478_400, "2026-11-24"),
            (4_107_542_399, "2100-02-28"),
        ] {
            assert_eq!(utc_date(seconds), expected, "{seconds}");
        }
    }
}
