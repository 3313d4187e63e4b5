//! KS privileges: a structured builder for the comma string, and a checker for risky browser KSs.

use crate::embed::Content;

/// The global role that allows playback only; the safe `setrole:` for a browser KS.
pub const PLAYBACK_ROLE: &str = "PLAYBACK_BASE_ROLE";

const FOUR_HOURS: u64 = 4 * 3600;
const ONE_DAY: u64 = 24 * 3600;

/// Names that take one value only: a second, different value is a conflict, not a merge.
const SINGLE_VALUED: [&str; 4] = ["actionslimit", "setrole", "privacycontext", "urirestrict"];

/// The privileges form. `build` turns it into the comma string sent as `privileges`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Privileges {
    /// `sview:<entry>`: limit to this entry (plays it even under a "KS required" access rule);
    /// for a playlist, `sviewplaylist:<playlist>`, which covers the playlist's entries.
    pub sview: Option<Content>,
    /// `privacycontext:<ctx>`: the category privacy context used for entitlement.
    pub privacy_context: Option<String>,
    /// `enableentitlement`: enforce category entitlement for this session.
    pub enable_entitlement: bool,
    /// `setrole:PLAYBACK_BASE_ROLE`: replace the session's permissions with playback only.
    pub playback_role: bool,
    /// `actionslimit:<n>`: the KS works for n API calls.
    pub actions_limit: Option<u32>,
    /// `urirestrict:<uri>`: the KS only works for matching API paths (`*` suffix = prefix).
    pub uri_restrict: Option<String>,
    /// Extra privileges as typed (`name:value` pairs separated by commas); merged with the above.
    pub custom: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrivilegeError {
    /// A privilege name that is not letters, digits and `_`.
    BadName(String),
    /// `name:` with nothing after the colon.
    EmptyValue(String),
    /// A value with a space or control character (the server splits on commas and has no escaping).
    BadValue(String),
    ZeroActionsLimit,
    /// The same single-valued privilege with two different values, or bare and with a value.
    Conflict(String),
}

impl PrivilegeError {
    pub fn message(&self) -> String {
        match self {
            PrivilegeError::BadName(name) => format!(
                "\"{name}\" is not a privilege name: use letters, digits and _ (for example sview:1_abcd1234)."
            ),
            PrivilegeError::EmptyValue(name) => {
                format!("The privilege {name}: has no value after the colon.")
            }
            PrivilegeError::BadValue(name) => format!(
                "The value of {name} must not contain spaces or commas; join several values with /."
            ),
            PrivilegeError::ZeroActionsLimit => {
                "The actions limit must be at least 1 (the server rejects 0).".to_string()
            }
            PrivilegeError::Conflict(name) => {
                format!("{name} is given twice with different values; keep one.")
            }
        }
    }
}

/// One `name[:value]` item, values of a repeated name merged with `/`.
struct Item {
    name: String,
    values: Vec<String>,
}

fn value_ok(value: &str) -> bool {
    !value
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == ',')
}

fn name_ok(name: &str) -> bool {
    name == "*"
        || (!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
}

fn add(items: &mut Vec<Item>, name: &str, value: Option<&str>) -> Result<(), PrivilegeError> {
    if !name_ok(name) {
        return Err(PrivilegeError::BadName(name.to_string()));
    }
    let value = match value {
        Some("") => return Err(PrivilegeError::EmptyValue(name.to_string())),
        Some(v) if !value_ok(v) => return Err(PrivilegeError::BadValue(name.to_string())),
        other => other,
    };
    let Some(existing) = items.iter_mut().find(|item| item.name == name) else {
        items.push(Item {
            name: name.to_string(),
            values: value.into_iter().map(str::to_string).collect(),
        });
        return Ok(());
    };
    let conflict = || PrivilegeError::Conflict(name.to_string());
    match value {
        None if existing.values.is_empty() => Ok(()),
        None => Err(conflict()),
        Some(_) if existing.values.is_empty() => Err(conflict()),
        Some(v) if existing.values.iter().any(|e| e == v) => Ok(()),
        Some(_) if SINGLE_VALUED.contains(&name) => Err(conflict()),
        Some(v) => {
            existing.values.push(v.to_string());
            Ok(())
        }
    }
}

/// A structured text field: blank means "not set".
fn text_field(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl Privileges {
    /// The comma string, e.g. `sview:1_abcd1234,setrole:PLAYBACK_BASE_ROLE,actionslimit:10`.
    pub fn build(&self) -> Result<String, PrivilegeError> {
        let mut items = Vec::new();
        match &self.sview {
            Some(Content::Entry(entry)) => add(&mut items, "sview", Some(entry.as_str()))?,
            Some(Content::Playlist(list)) => add(&mut items, "sviewplaylist", Some(list.as_str()))?,
            None => {}
        }
        if let Some(ctx) = text_field(&self.privacy_context) {
            add(&mut items, "privacycontext", Some(ctx))?;
        }
        if self.enable_entitlement {
            add(&mut items, "enableentitlement", None)?;
        }
        if self.playback_role {
            add(&mut items, "setrole", Some(PLAYBACK_ROLE))?;
        }
        if let Some(limit) = self.actions_limit {
            if limit == 0 {
                return Err(PrivilegeError::ZeroActionsLimit);
            }
            add(&mut items, "actionslimit", Some(&limit.to_string()))?;
        }
        if let Some(uri) = text_field(&self.uri_restrict) {
            add(&mut items, "urirestrict", Some(uri))?;
        }
        for raw in self
            .custom
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            match raw.split_once(':') {
                Some((name, value)) => add(&mut items, name.trim(), Some(value.trim()))?,
                None => add(&mut items, raw, None)?,
            }
        }
        Ok(items
            .iter()
            .map(|item| match item.values.as_slice() {
                [] => item.name.clone(),
                values => format!("{}:{}", item.name, values.join("/")),
            })
            .collect::<Vec<_>>()
            .join(","))
    }
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth knowing; acceptable when intended.
    Note,
    /// Do not put this in a KS that reaches a browser.
    Danger,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DangerKind {
    AllPrivileges,
    ListAll,
    Edit,
    DisableEntitlement,
    OtherRole,
    ViewAll,
    DownloadAll,
    EditUser,
    EditAdminTags,
    ChangeAccount,
    VeryLongExpiry,
    LongExpiry,
}

/// One finding of [`check`]: what, where, and why it matters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Danger {
    pub kind: DangerKind,
    /// The privilege item as written (empty for expiry findings).
    pub privilege: String,
}

impl Danger {
    pub fn severity(&self) -> Severity {
        match self.kind {
            DangerKind::LongExpiry => Severity::Note,
            _ => Severity::Danger,
        }
    }

    pub fn reason(&self) -> &'static str {
        match self.kind {
            DangerKind::AllPrivileges => {
                "* grants every privilege: anyone who copies this KS from the page can use all of them."
            }
            DangerKind::ListAll => {
                "list:* lets this USER KS list every entry of the partner, not only the user's own."
            }
            DangerKind::Edit => {
                "edit: lets this KS change entries it does not own; a browser KS should only play."
            }
            DangerKind::DisableEntitlement => {
                "disableentitlement bypasses category entitlement, exposing content the user may not see."
            }
            DangerKind::OtherRole => {
                "setrole: replaces the session's permissions with that role; in a browser only \
                 PLAYBACK_BASE_ROLE is safe (a role like Publisher Administrator grants everything)."
            }
            DangerKind::ViewAll => {
                "sview:* plays every entry, including ones protected by a \"KS required\" rule; \
                 limit it to one entry."
            }
            DangerKind::DownloadAll => {
                "download:* / downloadasset:* allows downloading every entry's source files."
            }
            DangerKind::EditUser => "edituser lets this KS change user accounts.",
            DangerKind::EditAdminTags => "editadmintags lets this KS change admin tags.",
            DangerKind::ChangeAccount => {
                "enablechangeaccount lets this KS switch to other partner accounts."
            }
            DangerKind::VeryLongExpiry => {
                "The KS lives longer than 24 hours; a leaked KS stays usable all that time."
            }
            DangerKind::LongExpiry => {
                "The KS lives longer than 4 hours; for playback about 30 minutes to a few hours is enough."
            }
        }
    }
}

fn finding_for(name: &str, values: &[&str]) -> Option<DangerKind> {
    let any_star = values.contains(&"*");
    match name {
        "*" => Some(DangerKind::AllPrivileges),
        "all" if any_star => Some(DangerKind::AllPrivileges),
        "list" if any_star => Some(DangerKind::ListAll),
        "edit" => Some(DangerKind::Edit),
        "disableentitlement" => Some(DangerKind::DisableEntitlement),
        "setrole" if values.iter().any(|v| *v != PLAYBACK_ROLE) => Some(DangerKind::OtherRole),
        "sview" if any_star => Some(DangerKind::ViewAll),
        "download" | "downloadasset" if any_star => Some(DangerKind::DownloadAll),
        "edituser" => Some(DangerKind::EditUser),
        "editadmintags" => Some(DangerKind::EditAdminTags),
        "enablechangeaccount" => Some(DangerKind::ChangeAccount),
        _ => None,
    }
}

/// Flags privileges and lifetimes that are risky for a KS that reaches a browser.
/// Names are compared case-insensitively so that a variant spelling is never waved through.
pub fn check(privileges: &str, expiry_secs: u64) -> Vec<Danger> {
    let mut found = Vec::new();
    for item in privileges
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let (name, value) = item.split_once(':').unwrap_or((item, ""));
        let name = name.trim().to_ascii_lowercase();
        let values: Vec<&str> = value.split('/').map(str::trim).collect();
        if let Some(kind) = finding_for(&name, &values) {
            found.push(Danger {
                kind,
                privilege: item.to_string(),
            });
        }
    }
    let expiry_kind = if expiry_secs > ONE_DAY {
        Some(DangerKind::VeryLongExpiry)
    } else if expiry_secs > FOUR_HOURS {
        Some(DangerKind::LongExpiry)
    } else {
        None
    };
    if let Some(kind) = expiry_kind {
        found.push(Danger {
            kind,
            privilege: String::new(),
        });
    }
    found
}
