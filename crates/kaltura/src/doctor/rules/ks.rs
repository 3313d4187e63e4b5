//! A KS in the code: in a URL it reaches logs and referrers; a readable (v1) KS is checked for
//! expiry, session type and privileges — decoded here, never sent anywhere.

use super::{Finding, Player, Rule};
use crate::embed::EmbedType;
use crate::session::ks::{Ks, KsInfo};
use crate::session::privileges::{self, Severity as PrivilegeSeverity};

pub(super) fn check(player: &Player, now: u64, out: &mut Vec<Finding>) {
    let Some(value) = ks_value(&player.code) else {
        return;
    };
    if matches!(
        player.found.kind,
        EmbedType::Auto | EmbedType::Iframe | EmbedType::Thumbnail
    ) {
        out.push(player.finding(
            Rule::KsInUrl,
            "The KS travels in a URL (the script, iframe or poster address), where server logs, caches and the Referer header keep it.",
            "Leave the KS out of public embeds; where one is needed, use a short-lived USER KS limited to this entry (sview:<entry>), or a dynamic embed that sets it at runtime.",
        ));
    }
    let Some(KsInfo::V1(v1)) = Ks::parse(&value).ok().and_then(|ks| ks.inspect().ok()) else {
        return;
    };
    if v1.valid_until <= now {
        out.push(player.finding(
            Rule::KsExpired,
            "This KS has expired, so the player's requests are refused and it shows an error.",
            "Create a new KS when the page is served (server side), not once in the code.",
        ));
    }
    if v1.session_type != Some(0) {
        out.push(player.finding(
            Rule::KsNotUser,
            format!("This is not a USER KS ({}): anyone who views the page source can use it to manage the account.", v1.session_type_label()),
            "Use only USER (type 0) sessions in a page, limited to playback (sview:<entry>, setrole:PLAYBACK_BASE_ROLE).",
        ));
    }
    for danger in privileges::check(&v1.privileges_joined(), v1.valid_until.saturating_sub(now)) {
        let rule = match danger.severity() {
            PrivilegeSeverity::Danger => Rule::KsDangerous,
            PrivilegeSeverity::Note => Rule::KsLongLived,
        };
        out.push(player.finding(
            rule,
            danger.reason(),
            "Create the KS with only what playback needs: sview:<entry>, setrole:PLAYBACK_BASE_ROLE, and a lifetime of hours.",
        ));
    }
}

/// The value of a `ks` key (`ks=`, `ks:`, `"ks":`, `[ks]=`), when it is KS-length. Read here
/// rather than with `paste::value_after`: a v1 KS is standard base64 (`+`, `/`, `=`).
fn ks_value(code: &str) -> Option<String> {
    code.match_indices("ks").find_map(|(at, _)| {
        let before = code[..at].chars().next_back();
        let rest = &code[at + 2..];
        let key_start = !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
        let key_end = matches!(rest.chars().next(), Some('=' | ':' | '"' | '\'' | ']'));
        if !(key_start && key_end) {
            return None;
        }
        let value = rest
            .trim_start_matches(|c: char| c.is_whitespace() || "\"':=[]".contains(c))
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || "-_+/=".contains(*c))
            .take(4096)
            .collect::<String>();
        (value.len() > 20).then_some(value)
    })
}
