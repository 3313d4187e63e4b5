//! Parsers for the form's typed fields: start/clip times, pixel sizes and custom aspect ratios.

use crate::embed::AspectRatio;

/// Longest start / clip time accepted (99:59:59).
pub(crate) const MAX_SECONDS: u32 = 99 * 3600 + 59 * 60 + 59;
/// Largest fixed width or height, and largest custom ratio term.
pub(crate) const MAX_PIXELS: u32 = 10_000;

/// `90`, `1:30` or `1:02:03` → seconds.
pub fn parse_time(input: &str) -> Result<u32, String> {
    let bad = || "Use seconds (90), m:ss (1:30) or h:mm:ss (1:02:03).".to_string();
    let parts: Vec<&str> = input.trim().split(':').collect();
    if parts.len() > 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(bad());
    }
    let too_long = || "That is longer than 99 hours.".to_string();
    if parts.iter().any(|p| p.len() > 6) {
        return Err(too_long());
    }
    let numbers: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().unwrap_or(u32::MAX))
        .collect();
    // Every part after the first is a sexagesimal digit.
    if numbers[1..].iter().any(|n| *n >= 60) {
        return Err(bad());
    }
    let total = numbers.iter().fold(0u64, |acc, n| acc * 60 + u64::from(*n));
    if total > u64::from(MAX_SECONDS) {
        return Err(too_long());
    }
    Ok(total as u32)
}

pub(crate) fn parse_pixels(label: &'static str) -> impl Fn(&str) -> Result<u32, String> {
    // `640px`, as CSS and KMC's own snippets write it, is 640.
    move |input| match input
        .strip_suffix("px")
        .unwrap_or(input)
        .trim_end()
        .parse::<u32>()
    {
        Ok(n) if (1..=MAX_PIXELS).contains(&n) => Ok(n),
        _ => Err(format!(
            "{label} is a number of pixels from 1 to {MAX_PIXELS}, e.g. 640."
        )),
    }
}

/// `21:9`, `21/9` or `21x9`.
pub(crate) fn parse_ratio(input: &str) -> Result<AspectRatio, String> {
    let bad = || "Write the ratio as width:height, e.g. 21:9.".to_string();
    let (w, h) = input.split_once([':', '/', 'x', 'X']).ok_or_else(bad)?;
    let term = |t: &str| {
        let t = t.trim();
        if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        t.parse::<u32>()
            .ok()
            .filter(|n| (1..=MAX_PIXELS).contains(n))
            .ok_or_else(|| format!("Each side of the ratio is from 1 to {MAX_PIXELS}, e.g. 21:9."))
    };
    Ok(AspectRatio::Custom {
        w: term(w)?,
        h: term(h)?,
    })
}
