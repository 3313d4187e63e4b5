//! `checkEmbed`: the Embed doctor on pasted code or a whole page — per player, each problem with its
//! severity, why and the fix, and corrected options and code; the page's panel shows the same.

use kaltura::doctor::{self, Finding, PlayerReport, Report};
use serde::Serialize;

use crate::issues::Rejected;
use crate::options::{name_of, EmbedOptionsOut, EMBED_TYPES, VERSIONS};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FindingOut {
    /// `"breaks"`, `"risky"` or `"style"`.
    pub severity: &'static str,
    /// The rule's name, e.g. `"KsInUrl"`.
    pub rule: String,
    pub why: String,
    pub fix: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlayerOut {
    pub player_version: &'static str,
    pub embed_type: &'static str,
    /// 1-based line of the paste where the player's code starts.
    pub line: usize,
    pub findings: Vec<FindingOut>,
    /// The player as options for `embedCode`, with the fixes the doctor can make.
    pub options: EmbedOptionsOut,
    /// The corrected code, when the options have everything it needs.
    pub corrected: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckOut {
    pub players: Vec<PlayerOut>,
    /// Findings about the page as a whole (a library loaded twice, two uiConf bundles, …).
    pub page: Vec<FindingOut>,
    /// More players than the doctor checks: the rest were not.
    pub truncated: bool,
}

fn finding(f: &Finding) -> FindingOut {
    FindingOut {
        severity: f.severity.label(),
        rule: format!("{:?}", f.rule),
        why: f.why.clone(),
        fix: f.fix.clone(),
    }
}

fn player(p: &PlayerReport) -> PlayerOut {
    PlayerOut {
        player_version: name_of(&VERSIONS, p.version),
        embed_type: name_of(&EMBED_TYPES, p.kind),
        line: p.line,
        findings: p.findings.iter().map(finding).collect(),
        options: EmbedOptionsOut::from(&p.form),
        corrected: p.corrected.clone(),
    }
}

/// `now` is the caller's clock in Unix seconds (a KS's expiry is judged against it).
pub fn check_embed(html: &str, now: u64) -> Result<CheckOut, Rejected> {
    let report: Report =
        doctor::check(html, now).map_err(|e| Rejected::one("html", e.message()))?;
    Ok(CheckOut {
        players: report.players.iter().map(player).collect(),
        page: report.page.iter().map(finding).collect(),
        truncated: report.truncated,
    })
}
