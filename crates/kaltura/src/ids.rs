//! Validated Kaltura identifiers: partner, uiConf, entry, playlist, target element id.

use std::fmt;

/// Why a typed value was rejected; `message()` is the sentence shown next to the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdError {
    Empty,
    NotANumber,
    Negative,
    Zero,
    Decimal,
    InnerSpace,
    TooLarge,
    /// Entry/playlist id not in the form `<digit>_<8 alphanumerics>`.
    BadContentId,
    /// Element id with characters outside `[A-Za-z0-9_-]` or not starting with a letter.
    BadElementId,
}

impl IdError {
    pub fn message(&self, field: &str) -> String {
        todo!("{field}")
    }
}

/// Kaltura Partner ID: positive integer ≤ i32::MAX.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartnerId(u32);

/// Player uiConf ID: positive integer ≤ i32::MAX.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UiConfId(u32);

/// Entry id such as `1_abcd1234`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EntryId(String);

/// Playlist id; same form as an entry id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PlaylistId(String);

/// An HTML element id for the player container.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ElementId(String);

impl PartnerId {
    /// Parses user input (surrounding whitespace trimmed).
    pub fn parse(input: &str) -> Result<Self, IdError> {
        todo!("{input}")
    }
    pub fn get(self) -> u32 {
        self.0
    }
    /// The deprecated "Sub Partner ID" (`{pid}00`) used in v2 `/sp/` paths.
    pub fn sub_partner(self) -> u64 {
        u64::from(self.0) * 100
    }
}

impl UiConfId {
    pub fn parse(input: &str) -> Result<Self, IdError> {
        todo!("{input}")
    }
    pub fn get(self) -> u32 {
        self.0
    }
}

impl EntryId {
    pub fn parse(input: &str) -> Result<Self, IdError> {
        todo!("{input}")
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl PlaylistId {
    pub fn parse(input: &str) -> Result<Self, IdError> {
        todo!("{input}")
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl ElementId {
    pub fn parse(input: &str) -> Result<Self, IdError> {
        todo!("{input}")
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PartnerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}
impl fmt::Display for UiConfId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}
