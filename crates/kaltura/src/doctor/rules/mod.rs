//! The doctor's rules: each module checks one concern of one player (or of the page) and says
//! why and how to fix it. [`run`] applies them all and builds the report.

use std::collections::HashMap;

use super::scan::{Found, Library, Page};
use super::{fix, Finding, PlayerReport, Report, Severity};
use crate::embed::ids::ElementId;
use crate::embed::EmbedType;
use crate::paste::{normalise, read, value_after, Filled};

mod combos;
mod hosts;
mod ids;
mod iframe;
mod ks;
mod legacy;
mod libraries;

pub(super) use hosts::https_origin;

/// What a finding is about; its severity is fixed per rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    InsecureHost,
    CdnapiHost,
    V2OnV7Library,
    UiConfMismatch,
    DuplicateTarget,
    MissingTarget,
    KsInUrl,
    KsExpired,
    KsNotUser,
    KsDangerous,
    KsLongLived,
    IframeAllow,
    IframeFullscreen,
    ThumbnailPlaylist,
    SetupWithoutLibrary,
    V2LoopWithoutAutoContinue,
    V2StopInsideTimeline,
    LibraryTwice,
    TwoUiConfBundles,
    MalformedId,
    PartnerMismatch,
    SubPartnerPath,
    LegacyV2,
}

impl Rule {
    pub fn severity(self) -> Severity {
        use Rule::*;
        match self {
            InsecureHost
            | CdnapiHost
            | V2OnV7Library
            | UiConfMismatch
            | DuplicateTarget
            | MissingTarget
            | KsExpired
            | ThumbnailPlaylist
            | SetupWithoutLibrary
            | V2LoopWithoutAutoContinue
            | TwoUiConfBundles
            | MalformedId
            | PartnerMismatch => Severity::Breaks,
            KsInUrl | KsNotUser | KsDangerous | IframeAllow | LibraryTwice | SubPartnerPath => {
                Severity::Risky
            }
            KsLongLived | IframeFullscreen | V2StopInsideTimeline | LegacyV2 => Severity::Style,
        }
    }
}

/// One player as the rules see it.
pub(super) struct Player<'p> {
    pub found: &'p Found,
    /// Its code with entities and percent-encoding undone.
    pub code: String,
    pub lower: String,
    /// Its script / iframe URL, or the library it runs on.
    pub url: Option<String>,
    pub library: Option<&'p Library>,
    /// What `paste::read` takes from its library tag and code.
    pub filled: Filled,
}

impl Player<'_> {
    pub fn finding(&self, rule: Rule, why: impl Into<String>, fix: impl Into<String>) -> Finding {
        Finding {
            rule,
            severity: rule.severity(),
            why: why.into(),
            fix: fix.into(),
            at: self.found.at,
        }
    }
    /// The container id the player renders into (none for iframes and v2 auto embeds, which
    /// bring their own element).
    pub fn target_id(&self) -> Option<String> {
        let keys: &[&str] = match (self.found.kind, self.found.version) {
            (EmbedType::Iframe, _) | (EmbedType::Auto, crate::embed::PlayerVersion::V2) => {
                return None
            }
            _ => &["targetId"],
        };
        value_after(&self.code, keys, |v| ElementId::parse(v).is_ok())
    }
}

/// Applies every rule to every player and the page.
pub(super) fn run(page: &Page, now: u64) -> Report {
    let mut report = Report {
        page: libraries::check(page),
        truncated: page.truncated,
        ..Report::default()
    };
    let mut targets: HashMap<String, usize> = HashMap::new();
    for found in &page.players {
        let library = found.library.map(|i| &page.libraries[i]);
        let library_text = library.map_or("", |l| page.slice(&l.region));
        let region = page.slice(&found.region);
        let code = normalise(region);
        let player = Player {
            found,
            lower: code.to_ascii_lowercase(),
            url: found
                .url
                .clone()
                .or_else(|| library.map(|l| l.url.clone()))
                .map(|u| normalise(&u)),
            filled: read(&format!("{library_text}\n{region}")),
            library,
            code,
        };
        let mut findings = Vec::new();
        hosts::check(&player, &mut findings);
        ids::check(&player, &mut findings);
        combos::check(&player, page, &mut findings);
        iframe::check(&player, &mut findings);
        ks::check(&player, now, &mut findings);
        if let Some(target) = player.target_id() {
            if let Some(line) = targets.get(&target) {
                findings.push(player.finding(
                    Rule::DuplicateTarget,
                    format!("The player on line {line} already renders into #{target}: a page has one element per id, so one of the two players does not appear."),
                    "Give each player its own target element id (and container).",
                ));
            } else if page.has_html && !page.ids.contains(&target) {
                findings.push(player.finding(
                    Rule::MissingTarget,
                    format!("No element with id=\"{target}\" is in the pasted HTML, so the player has nowhere to render."),
                    format!("Add <div id=\"{target}\"></div> before the player's script, or point targetId at an existing element."),
                ));
            }
            targets.entry(target).or_insert(page.line(found.at));
        }
        legacy::check(&player, &mut findings);
        findings.sort_by_key(|f| f.at);
        let (form, corrected) = fix::corrected(&player);
        report.players.push(PlayerReport {
            version: found.version,
            kind: found.kind,
            line: page.line(found.at),
            findings,
            form,
            corrected,
        });
    }
    report
}

/// The number after `/key/` in a URL path (`/p/123/`, `/uiconf_id/456`).
pub(super) fn path_number(url: &str, key: &str) -> Option<u64> {
    let lower = url.to_ascii_lowercase();
    let at = lower.find(key)? + key.len();
    let digits: String = lower[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .take(12)
        .collect();
    digits.parse().ok()
}
