//! Session expiry: presets 1 h / 2 h / 4 h, or a custom duration from 1 minute to 24 hours.

/// A requested session lifetime in seconds (relative, as api_v3's `expiry` param).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Expiry(u32);

pub const MIN_EXPIRY_SECS: u32 = 60;
/// Longer sessions are refused: a KS in a browser should be short-lived.
pub const MAX_EXPIRY_SECS: u32 = 24 * 3600;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpiryError {
    Empty,
    /// Not `<number>[s|m|h]`.
    NotADuration,
    TooShort,
    TooLong,
}

impl ExpiryError {
    pub fn message(&self) -> &'static str {
        match self {
            ExpiryError::Empty => "Enter an expiry, such as 90m or 3h.",
            ExpiryError::NotADuration => {
                "Write the expiry as a whole number with a unit: 45m, 3h or 5400s (a bare number means minutes)."
            }
            ExpiryError::TooShort => "The expiry must be at least 1 minute.",
            ExpiryError::TooLong => {
                "The expiry can be at most 24 hours (a bare number means minutes); a KS in a browser should be short-lived."
            }
        }
    }
}

impl Default for Expiry {
    fn default() -> Self {
        Expiry::ONE_HOUR
    }
}

impl Expiry {
    pub const ONE_HOUR: Expiry = Expiry(3600);
    pub const TWO_HOURS: Expiry = Expiry(2 * 3600);
    pub const FOUR_HOURS: Expiry = Expiry(4 * 3600);
    pub const PRESETS: [Expiry; 3] = [Expiry::ONE_HOUR, Expiry::TWO_HOURS, Expiry::FOUR_HOURS];

    pub fn from_secs(secs: u64) -> Result<Self, ExpiryError> {
        if secs < u64::from(MIN_EXPIRY_SECS) {
            return Err(ExpiryError::TooShort);
        }
        if secs > u64::from(MAX_EXPIRY_SECS) {
            return Err(ExpiryError::TooLong);
        }
        // In range, so it fits u32.
        Ok(Expiry(secs as u32))
    }

    /// `45m`, `3h`, `5400s`, `90` (minutes); spaces around the unit are allowed, case-insensitive.
    pub fn parse_custom(input: &str) -> Result<Self, ExpiryError> {
        let text = input.trim().to_ascii_lowercase();
        if text.is_empty() {
            return Err(ExpiryError::Empty);
        }
        let digits_end = text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len());
        let (number, unit) = text.split_at(digits_end);
        let multiplier: u64 = match unit.trim() {
            "" | "m" | "min" => 60,
            "s" | "sec" => 1,
            "h" => 3600,
            _ => return Err(ExpiryError::NotADuration),
        };
        if number.is_empty() {
            return Err(ExpiryError::NotADuration);
        }
        // A number too long for u64 is certainly longer than 24 h.
        let value: u64 = number.parse().map_err(|_| ExpiryError::TooLong)?;
        Self::from_secs(value.saturating_mul(multiplier))
    }

    pub fn secs(self) -> u32 {
        self.0
    }

    /// `1 h`, `90 min`, `1 h 30 min`, `45 s` for display.
    pub fn label(self) -> String {
        let (h, m, s) = (self.0 / 3600, self.0 % 3600 / 60, self.0 % 60);
        let mut parts = Vec::new();
        if h > 0 {
            parts.push(format!("{h} h"));
        }
        if m > 0 {
            parts.push(format!("{m} min"));
        }
        if s > 0 {
            parts.push(format!("{s} s"));
        }
        parts.join(" ")
    }
}
