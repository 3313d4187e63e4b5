//! KS privilege lists (`name:value,name`) and the checks the simulator enforces.

/// Every name the server reserves (kSessionBase `PRIVILEGE_*`); app-token callers may not set these.
pub const RESERVED: &[&str] = &[
    "edit",
    "sview",
    "list",
    "download",
    "downloadasset",
    "editplaylist",
    "sviewplaylist",
    "actionslimit",
    "setrole",
    "restrictingrole",
    "limitentry",
    "iprestrict",
    "urirestrict",
    "enableentitlement",
    "disableentitlement",
    "disableentitlementforentry",
    "disableentitlementforplaylist",
    "privacycontext",
    "enablecategorymoderation",
    "reftime",
    "sessionkey",
    "preview",
    "sessionid",
    "jobtype",
    "apptoken",
    "enablechangeaccount",
    "edituser",
    "enablecaptionmoderation",
    "editadmintags",
    "restrictexplicitliveview",
    "virtualeventid",
    "searchcontext",
    "disablesessiontypecheck",
];

/// Global roles (partner 0) that `setrole:` may name by system name (03.UserRole.ini).
pub const GLOBAL_ROLES: &[&str] = &[
    "Basic User Session Role",
    "Publisher Administrator",
    "No Session",
    "BULK_LOG_VIEWER",
    "REPORT_VIEWER_ROLE",
    "WIDGET_SESSION_ROLE",
    "PLAYBACK_BASE_ROLE",
    "EXTERNAL_INTEGRATION_SERVICES_ROLE",
    "KMS_WEBCAST_WIDGET_SESSION_ROLE",
    "IVQ_WIDGET_SESSION_ROLE",
    "CAPTURE_DEVICE_ROLE",
    "WEBCAST_PRODUCER_DEVICE_ROLE",
    "KMS_USER_ROLE",
    "REACH_VENDOR_ROLE",
    "UPLOAD_BASE_ROLE",
];

/// A parsed privileges string, in order; bare names have an empty value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Privileges(Vec<(String, String)>);

impl Privileges {
    pub fn parse(text: &str) -> Privileges {
        Privileges(
            text.split(',')
                .map(str::trim)
                .filter(|item| !item.is_empty())
                .map(|item| match item.split_once(':') {
                    Some((name, value)) => (name.to_string(), value.to_string()),
                    None => (item.to_string(), String::new()),
                })
                .collect(),
        )
    }

    /// `*` alone: every privilege.
    pub fn is_all(&self) -> bool {
        self.0
            .iter()
            .any(|(name, value)| name == "*" && value.is_empty())
    }

    /// The values given for `name`, with `/`-joined multi-values split.
    pub fn values(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(n, _)| n == name)
            .flat_map(|(_, value)| value.split('/'))
            .collect()
    }

    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(n, _)| n == name)
    }

    /// True when the KS holds `name:<value>` or `name:*` (or is `*`).
    pub fn allows(&self, name: &str, value: &str) -> bool {
        self.is_all() || self.values(name).iter().any(|v| *v == "*" || *v == value)
    }

    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    /// Sets a name's value (first position kept), for building app-token privileges.
    pub fn set(&mut self, name: &str, value: &str) {
        match self.0.iter_mut().find(|(n, _)| n == name) {
            Some(pair) => pair.1 = value.to_string(),
            None => self.0.push((name.to_string(), value.to_string())),
        }
    }

    pub fn value_of(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl std::fmt::Display for Privileges {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text: Vec<String> = self
            .0
            .iter()
            .map(|(name, value)| {
                if value.is_empty() {
                    name.clone()
                } else {
                    format!("{name}:{value}")
                }
            })
            .collect();
        f.write_str(&text.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(privileges: &str, name: &str, value: &str, expected: bool) {
        assert_eq!(
            Privileges::parse(privileges).allows(name, value),
            expected,
            "{privileges} {name}:{value}"
        );
    }

    #[test]
    fn allows_exact_wildcard_and_multi_values() {
        check("sview:1_a", "sview", "1_a", true);
        check("sview:1_a", "sview", "1_b", false);
        check("sview:1_a/1_b", "sview", "1_b", true);
        check("sview:*", "sview", "1_z", true);
        check("*", "list", "*", true);
        check("view:*,widget:1", "sview", "1_a", false);
        check("list:*", "list", "*", true);
        check("sview:1_abcd", "sview", "1_abc", false);
    }

    #[test]
    fn round_trips_text() {
        let parsed = Privileges::parse(" a:1 ,b,,c:x:y");
        assert_eq!(parsed.to_string(), "a:1,b,c:x:y");
        assert_eq!(parsed.value_of("c"), Some("x:y"));
    }
}
