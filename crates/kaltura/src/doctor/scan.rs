//! One pass over the paste: where each player's code is, which player libraries the page loads,
//! and which element ids exist. Keyword-based like `paste::read` (edited and minified code is the norm).

use std::collections::HashSet;
use std::ops::Range;

use crate::embed::{EmbedType, PlayerVersion};

/// The most of a paste read as one player's code (a setup call, a tag).
pub(super) const MAX_REGION: usize = 64 * 1024;
/// The longest tag read (`<script …>`, `<iframe …>`).
const MAX_TAG: usize = 8 * 1024;

/// A player's code in the paste.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub at: usize,
    pub version: PlayerVersion,
    pub kind: EmbedType,
    /// Its code: the tag of an auto / iframe embed, the call of a dynamic / thumbnail one.
    pub region: Range<usize>,
    /// `src` of its script or iframe tag (auto / iframe embeds).
    pub url: Option<String>,
    /// The library tag it runs on (dynamic / thumbnail): the last one before it.
    pub library: Option<usize>,
}

/// A `<script src>` that loads a player library without embedding a player itself.
#[derive(Debug, Clone)]
pub(super) struct Library {
    pub at: usize,
    pub version: PlayerVersion,
    pub url: String,
    pub region: Range<usize>,
}

pub(super) struct Page<'a> {
    pub text: &'a str,
    pub players: Vec<Found>,
    pub libraries: Vec<Library>,
    /// Every `id="…"` in the paste.
    pub ids: HashSet<String>,
    /// The paste has HTML elements (not only a script), so a missing target id can be told.
    pub has_html: bool,
    /// Byte offsets where lines start, for line numbers.
    line_starts: Vec<usize>,
    pub truncated: bool,
}

impl Page<'_> {
    /// 1-based line of a byte offset.
    pub fn line(&self, at: usize) -> usize {
        self.line_starts.partition_point(|start| *start <= at)
    }
    pub fn slice(&self, range: &Range<usize>) -> &str {
        &self.text[range.clone()]
    }
}

#[derive(Clone, Copy)]
enum Anchor {
    Script,
    Iframe,
    Call(PlayerVersion, EmbedType),
}

const CALLS: [(&str, PlayerVersion, EmbedType); 4] = [
    (
        "kalturaplayer.setup(",
        PlayerVersion::V7,
        EmbedType::Dynamic,
    ),
    ("__thumbnailembed(", PlayerVersion::V7, EmbedType::Thumbnail),
    ("kwidget.embed(", PlayerVersion::V2, EmbedType::Dynamic),
    (
        "kwidget.thumbembed(",
        PlayerVersion::V2,
        EmbedType::Thumbnail,
    ),
];

pub(super) fn scan(text: &str) -> Page<'_> {
    // ASCII lower-casing keeps byte offsets, so positions found here index `text` too.
    let lower = text.to_ascii_lowercase();
    let mut anchors: Vec<(usize, Anchor)> = Vec::new();
    anchors.extend(
        lower
            .match_indices("<script")
            .map(|(at, _)| (at, Anchor::Script)),
    );
    anchors.extend(
        lower
            .match_indices("<iframe")
            .map(|(at, _)| (at, Anchor::Iframe)),
    );
    for (needle, version, kind) in CALLS {
        anchors.extend(
            lower
                .match_indices(needle)
                .map(|(at, _)| (at, Anchor::Call(version, kind))),
        );
    }
    anchors.sort_by_key(|(at, _)| *at);
    let script_ends: Vec<usize> = lower.match_indices("</script").map(|(at, _)| at).collect();

    let mut page = Page {
        text,
        players: Vec::new(),
        libraries: Vec::new(),
        ids: element_ids(text, &lower),
        has_html: ["<div", "<body", "<section", "<span", "<p "]
            .iter()
            .any(|tag| lower.contains(tag)),
        line_starts: std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect(),
        truncated: false,
    };
    for (i, &(at, anchor)) in anchors.iter().enumerate() {
        if page.players.len() >= super::MAX_PLAYERS {
            page.truncated = true;
            break;
        }
        match anchor {
            Anchor::Call(version, kind) => {
                let next_anchor = anchors.get(i + 1).map_or(text.len(), |(a, _)| *a);
                let script_end = script_ends
                    .get(script_ends.partition_point(|end| *end < at))
                    .copied()
                    .unwrap_or(text.len());
                let end = floor_char(text, next_anchor.min(script_end).min(at + MAX_REGION));
                page.players.push(Found {
                    at,
                    version,
                    kind,
                    region: at..end,
                    url: None,
                    library: page.libraries.len().checked_sub(1),
                });
            }
            Anchor::Script | Anchor::Iframe => {
                let end = lower[at..]
                    .find('>')
                    .map_or(text.len(), |i| at + i + 1)
                    .min(floor_char(text, at + MAX_TAG));
                let tag = &text[at..end];
                let Some(src) = attribute(tag, "src") else {
                    continue;
                };
                let src_lower = src.to_ascii_lowercase();
                let version = if src_lower.contains("embedplaykitjs") {
                    PlayerVersion::V7
                } else if src_lower.contains("embediframejs") || src_lower.contains("mwembedloader")
                {
                    PlayerVersion::V2
                } else {
                    continue;
                };
                let kind = match anchor {
                    Anchor::Iframe => Some(EmbedType::Iframe),
                    _ if src_lower.contains("autoembed=true") => Some(EmbedType::Auto),
                    _ => None,
                };
                match kind {
                    Some(kind) => page.players.push(Found {
                        at,
                        version,
                        kind,
                        region: at..end,
                        url: Some(src.to_string()),
                        library: None,
                    }),
                    None => page.libraries.push(Library {
                        at,
                        version,
                        url: src.to_string(),
                        region: at..end,
                    }),
                }
            }
        }
    }
    page
}

/// The largest char boundary at or below `at` (clamped to the text).
fn floor_char(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The value of attribute `name` in one tag (quoted either way, or bare).
pub(super) fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let lower = tag.to_ascii_lowercase();
    let pattern = format!("{name}=");
    lower.match_indices(&pattern).find_map(|(at, _)| {
        let before = lower[..at].chars().next_back();
        if !before.is_some_and(char::is_whitespace) {
            return None;
        }
        let rest = &tag[at + pattern.len()..];
        Some(match rest.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let inner = &rest[1..];
                &inner[..inner.find(quote).unwrap_or(inner.len())]
            }
            _ => {
                let end = rest
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(rest.len());
                &rest[..end]
            }
        })
    })
}

/// Whether a tag has a boolean attribute such as `allowfullscreen`.
pub(super) fn has_attribute(tag: &str, name: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    lower.match_indices(name).any(|(at, _)| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + name.len()..].chars().next();
        before.is_some_and(char::is_whitespace)
            && !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
    })
}

/// Every quoted `id="…"` / `id='…'` value.
fn element_ids(text: &str, lower: &str) -> HashSet<String> {
    lower
        .match_indices("id=")
        .filter(|(at, _)| {
            lower[..*at]
                .chars()
                .next_back()
                .is_some_and(char::is_whitespace)
        })
        .filter_map(|(at, _)| {
            let rest = &text[at + 3..];
            let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            let inner = &rest[1..];
            let end = inner.find(quote).filter(|end| *end <= 256)?;
            Some(inner[..end].to_string())
        })
        .collect()
}
