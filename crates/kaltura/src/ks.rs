//! Kaltura Session (KS) token: a credential, never logged or persisted.

use std::fmt;

/// An opaque KS string (base64 alphabet, `-`, `_`, `=`). `Debug` never prints it.
#[derive(Clone, PartialEq, Eq)]
pub struct Ks(String);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KsError {
    Empty,
    BadCharacters,
}

impl Ks {
    pub fn parse(input: &str) -> Result<Self, KsError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(KsError::Empty);
        }
        if !s
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'=' | b'+' | b'/'))
        {
            return Err(KsError::BadCharacters);
        }
        Ok(Ks(s.to_string()))
    }
    /// The secret value; call only where it must go on the wire or into an opted-in snippet.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Ks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Ks(<{} chars>)", self.0.len())
    }
}
