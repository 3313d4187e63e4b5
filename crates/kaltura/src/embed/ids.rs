//! Validated Kaltura identifiers: partner, uiConf, entry, playlist, target element id.

use std::fmt;

/// Why a typed value was rejected; `message()` is the sentence shown next to the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdError {
    Empty,
    /// A leading `+`.
    Sign,
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
    /// A link or embed code (`://` or `<`) typed where an ID goes.
    Pasted,
}

impl IdError {
    pub fn message(&self, field: &str) -> String {
        match self {
            IdError::Empty => format!("Enter the {field}."),
            IdError::Sign => format!("{field} is a plain number: leave out the + sign."),
            IdError::NotANumber => format!("{field} is a number: use digits only."),
            IdError::Negative => format!("{field} cannot be negative."),
            IdError::Zero => format!("{field} must be greater than 0."),
            IdError::Decimal => format!("{field} is a whole number, without a decimal point."),
            IdError::InnerSpace => format!("{field} must not contain spaces."),
            IdError::TooLarge => format!("{field} is too large: Kaltura IDs are at most {}.", i32::MAX),
            IdError::BadContentId => format!(
                "{field} looks like 1_abcd1234: a digit, an underscore, then 8 letters or digits."
            ),
            IdError::Pasted => format!(
                "That is a link or embed code, not the {field}: Fill from this reads the IDs out of it."
            ),
            IdError::BadElementId => format!(
                "{field} must start with a letter and use only letters, digits, - and _ (at most {MAX_ELEMENT_ID_LEN})."
            ),
        }
    }
}

/// Longest custom element id accepted.
pub const MAX_ELEMENT_ID_LEN: usize = 64;

/// A positive integer ≤ i32::MAX (Kaltura stores these ids as signed 32-bit).
fn parse_positive(input: &str) -> Result<u32, IdError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(IdError::Empty);
    }
    if is_pasted(s) {
        return Err(IdError::Pasted);
    }
    let ungrouped = ungroup(s);
    let s = ungrouped.as_deref().unwrap_or(s);
    if s.chars().any(char::is_whitespace) {
        return Err(IdError::InnerSpace);
    }
    let (digits, negative) = match s.as_bytes()[0] {
        b'+' => return Err(IdError::Sign),
        b'-' => (&s[1..], true),
        _ => (s, false),
    };
    if digits.contains(['.', ','])
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(IdError::Decimal);
    }
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(IdError::NotANumber);
    }
    if negative {
        return Err(IdError::Negative);
    }
    // Leading zeros are harmless; only the value counts.
    let value = digits.trim_start_matches('0');
    if value.is_empty() {
        return Err(IdError::Zero);
    }
    match value.parse::<u32>() {
        Ok(n) if n <= i32::MAX as u32 => Ok(n),
        _ => Err(IdError::TooLarge),
    }
}

/// A link or a piece of markup: what paste-to-fill reads, typed into an ID field.
pub fn is_pasted(s: &str) -> bool {
    s.contains("://") || s.contains('<')
}

/// The digits of a number written in groups of three, as people write large numbers
/// ("2,506,752", "2 506 752"); `None` for anything else (a decimal like "12,5" stays an error).
/// One pass over the characters: this runs in the first module on every keystroke.
fn ungroup(s: &str) -> Option<String> {
    let separator = s.chars().find(|c| *c == ',' || c.is_whitespace())?;
    let (mut digits, mut run, mut first) = (String::new(), 0, true);
    for c in s.chars() {
        if c == separator {
            // The first group has 1 to 3 digits, every later one 3.
            if run == 0 || run > 3 || (!first && run != 3) {
                return None;
            }
            (run, first) = (0, false);
        } else if c.is_ascii_digit() {
            digits.push(c);
            run += 1;
        } else {
            return None;
        }
    }
    (run == 3).then_some(digits)
}

/// `<digit>_<8 letters or digits>`, surrounding whitespace trimmed.
fn parse_content_id(input: &str) -> Result<String, IdError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(IdError::Empty);
    }
    if is_pasted(s) {
        return Err(IdError::Pasted);
    }
    let b = s.as_bytes();
    let ok = b.len() == 10
        && b[0].is_ascii_digit()
        && b[1] == b'_'
        && b[2..].iter().all(u8::is_ascii_alphanumeric);
    if ok {
        Ok(s.to_string())
    } else {
        Err(IdError::BadContentId)
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
        parse_positive(input).map(PartnerId)
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
        parse_positive(input).map(UiConfId)
    }
    pub fn get(self) -> u32 {
        self.0
    }
}

impl EntryId {
    pub fn parse(input: &str) -> Result<Self, IdError> {
        parse_content_id(input).map(EntryId)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl PlaylistId {
    pub fn parse(input: &str) -> Result<Self, IdError> {
        parse_content_id(input).map(PlaylistId)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl ElementId {
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(IdError::Empty);
        }
        let b = s.as_bytes();
        let ok = b.len() <= MAX_ELEMENT_ID_LEN
            && b[0].is_ascii_alphabetic()
            && b.iter()
                .all(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'-');
        if ok {
            Ok(ElementId(s.to_string()))
        } else {
            Err(IdError::BadElementId)
        }
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
