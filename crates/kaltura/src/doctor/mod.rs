//! The Embed doctor: finds every Kaltura player in pasted code (one embed, several, or a whole
//! page), lists what is wrong with each — severity, why, the fix — and gives a corrected form.
//!
//! Pure and bounded: the input is capped at [`MAX_INPUT_BYTES`], each player's code at
//! [`scan::MAX_REGION`], and every scan is one pass over the text (no scan restarts per match),
//! so any input finishes quickly. The current time is passed in (the core has no clock).

use crate::embed::form::EmbedForm;
use crate::embed::{EmbedType, PlayerVersion};

mod fix;
mod rules;
mod scan;

pub use rules::Rule;

/// Larger pastes are refused with [`InputError::TooBig`]: a whole page's HTML is far smaller.
pub const MAX_INPUT_BYTES: usize = 2_000_000;
/// Players beyond this many are not checked (the report says so).
pub const MAX_PLAYERS: usize = 200;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The player does not load or does not do what the code asks.
    Breaks,
    /// It works, but leaks, misbehaves in some browsers or on some pages.
    Risky,
    /// Works; worth tidying.
    Style,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Breaks => "breaks",
            Severity::Risky => "risky",
            Severity::Style => "style",
        }
    }
}

/// One problem in the pasted code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    /// One sentence: why this is a problem.
    pub why: String,
    /// What to change.
    pub fix: String,
    /// Byte offset in the paste, for ordering.
    pub at: usize,
}

/// A player found in the paste, with its findings in the order of the code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlayerReport {
    pub version: PlayerVersion,
    pub kind: EmbedType,
    /// 1-based line of the paste where the player's code starts.
    pub line: usize,
    pub findings: Vec<Finding>,
    /// The player as the embed form reads it, with the fixes the doctor can make (https host,
    /// Dynamic for a playlist thumbnail, no KS); load it into the form.
    pub form: EmbedForm,
    /// The corrected code, when the form has everything it needs.
    pub corrected: Option<String>,
}

impl PlayerReport {
    /// "v7 Dynamic embed, line 12".
    pub fn title(&self) -> String {
        let version = match self.version {
            PlayerVersion::V7 => "v7",
            PlayerVersion::V2 => "v2",
        };
        format!("{version} {} embed, line {}", self.kind.label(), self.line)
    }
}

/// What the doctor found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    pub players: Vec<PlayerReport>,
    /// Findings about the page as a whole (libraries loaded twice, two uiConf bundles).
    pub page: Vec<Finding>,
    /// More players than [`MAX_PLAYERS`] were found; only the first ones are checked.
    pub truncated: bool,
}

impl Report {
    /// Every finding of the report, page and players.
    pub fn all_findings(&self) -> impl Iterator<Item = &Finding> {
        self.page
            .iter()
            .chain(self.players.iter().flat_map(|p| p.findings.iter()))
    }
}

/// Why a paste cannot be checked at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Empty,
    TooBig {
        bytes: usize,
    },
    /// Binary data (NUL bytes, mostly control characters or undecodable bytes).
    NotText,
    /// Text, but no Kaltura player in it.
    NoPlayer,
}

impl InputError {
    pub fn message(&self) -> String {
        match self {
            InputError::Empty => "Paste embed code, or a whole page's HTML, to check it.".into(),
            InputError::TooBig { bytes } => format!(
                "That is {} MB; the doctor checks up to 2 MB. Paste the part of the page around the players (its <head> and the embed code).",
                bytes.div_ceil(1_000_000)
            ),
            InputError::NotText => "This looks like binary data, not HTML or JavaScript: paste the embed code as text.".into(),
            InputError::NoPlayer => "No Kaltura player found: the doctor looks for embedPlaykitJs / embedIframeJs URLs, KalturaPlayer.setup, __thumbnailEmbed and kWidget calls.".into(),
        }
    }
}

/// Checks pasted code. `now` is the current time in unix seconds (for KS expiry).
pub fn check(input: &str, now: u64) -> Result<Report, InputError> {
    if input.trim().is_empty() {
        return Err(InputError::Empty);
    }
    if input.len() > MAX_INPUT_BYTES {
        return Err(InputError::TooBig { bytes: input.len() });
    }
    if looks_binary(input) {
        return Err(InputError::NotText);
    }
    let page = scan::scan(input);
    if page.players.is_empty() {
        return Err(InputError::NoPlayer);
    }
    Ok(rules::run(&page, now))
}

/// NUL bytes, or more than 1 in 20 of the first 64 KB control or replacement characters.
fn looks_binary(input: &str) -> bool {
    let head = input.char_indices().take_while(|(at, _)| *at < 65_536);
    let (mut total, mut odd) = (0usize, 0usize);
    for (_, c) in head {
        total += 1;
        if c == '\0' {
            return true;
        }
        if c == '\u{FFFD}' || (c.is_control() && !c.is_whitespace()) {
            odd += 1;
        }
    }
    odd * 20 > total
}
