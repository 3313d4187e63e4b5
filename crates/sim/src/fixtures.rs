//! Seed data (partners, entries, uiConfs, app tokens) loaded from a TOML file such as `fixtures/demo.toml`.

use serde::Deserialize;

use crate::ks::KsVersion;

/// The demo fixtures shipped with the crate (also the `--fixtures` default).
pub const DEMO_TOML: &str = include_str!("../fixtures/demo.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fixtures {
    #[serde(default)]
    pub partners: Vec<Partner>,
    #[serde(default)]
    pub entries: Vec<Entry>,
    #[serde(default)]
    pub uiconfs: Vec<UiConf>,
    #[serde(default)]
    pub app_tokens: Vec<AppToken>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PartnerStatus {
    #[default]
    Active,
    Blocked,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub id: i64,
    pub name: String,
    pub admin_secret: String,
    pub user_secret: String,
    #[serde(default = "default_ks_version")]
    pub ks_version: u8,
    #[serde(default = "default_max_expiry")]
    pub max_expiry: i64,
    #[serde(default)]
    pub status: PartnerStatus,
}

fn default_ks_version() -> u8 {
    2
}

fn default_max_expiry() -> i64 {
    86400
}

impl Partner {
    pub fn ks_version(&self) -> KsVersion {
        if self.ks_version == 1 {
            KsVersion::V1
        } else {
            KsVersion::V2
        }
    }

    /// ks_max_expiry_in_seconds, with 0 treated as 86400 as the server does.
    pub fn max_expiry(&self) -> i64 {
        if self.max_expiry <= 0 {
            86400
        } else {
            self.max_expiry
        }
    }

    pub fn is_active(&self) -> bool {
        self.status == PartnerStatus::Active
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    #[default]
    Open,
    /// An access-control profile with a "KS required" rule (needs `sview:<id>` or an ADMIN KS to play).
    KsRequired,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    #[default]
    Media,
    Playlist,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub name: String,
    #[serde(default)]
    pub privacy_context: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: String,
    pub partner: i64,
    pub name: String,
    pub owner: String,
    #[serde(default)]
    pub kind: EntryKind,
    #[serde(default)]
    pub access: Access,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub tags: String,
    #[serde(default)]
    pub reference_id: Option<String>,
    #[serde(default)]
    pub categories: Vec<Category>,
    /// Seconds.
    #[serde(default)]
    pub duration: i64,
    #[serde(default)]
    pub thumbnail: Option<String>,
    /// Unix seconds.
    #[serde(default = "default_created_at")]
    pub created_at: i64,
}

fn default_created_at() -> i64 {
    1_700_000_000
}

impl Entry {
    /// The thumbnail URL: the fixture's, or the CDN form the real API returns.
    /// The fixture's thumbnail, or one served by the simulator at `host`.
    pub fn thumbnail_url_at(&self, host: &str) -> String {
        self.thumbnail.clone().unwrap_or_else(|| {
            format!(
                "http://{host}/p/{pid}/sp/{pid}00/thumbnail/entry_id/{id}/version/100002",
                pid = self.partner,
                id = self.id
            )
        })
    }

    pub fn thumbnail_url(&self) -> String {
        self.thumbnail.clone().unwrap_or_else(|| {
            format!(
                "https://cfvod.kaltura.com/p/{pid}/sp/{pid}00/thumbnail/entry_id/{id}/version/100002",
                pid = self.partner,
                id = self.id
            )
        })
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiConf {
    pub id: i64,
    pub partner: i64,
    pub name: String,
    /// 7 (Kaltura Player, playkit-js) or 2 (legacy mwEmbed).
    pub player_version: u8,
    #[serde(default = "default_width")]
    pub width: i64,
    #[serde(default = "default_height")]
    pub height: i64,
}

fn default_width() -> i64 {
    560
}

fn default_height() -> i64 {
    395
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
pub enum HashType {
    #[default]
    #[serde(rename = "SHA1", alias = "sha1")]
    Sha1,
    #[serde(rename = "SHA256", alias = "sha256")]
    Sha256,
    #[serde(rename = "SHA512", alias = "sha512")]
    Sha512,
    #[serde(rename = "MD5", alias = "md5")]
    Md5,
}

impl HashType {
    /// The KalturaAppTokenHashType string.
    pub fn name(self) -> &'static str {
        match self {
            HashType::Sha1 => "SHA1",
            HashType::Sha256 => "SHA256",
            HashType::Sha512 => "SHA512",
            HashType::Md5 => "MD5",
        }
    }

    /// Lowercase hex digest, as PHP `hash()`.
    pub fn hex_digest(self, input: &[u8]) -> String {
        use sha2::Digest;
        let bytes: Vec<u8> = match self {
            HashType::Sha1 => sha1::Sha1::digest(input).to_vec(),
            HashType::Sha256 => sha2::Sha256::digest(input).to_vec(),
            HashType::Sha512 => sha2::Sha512::digest(input).to_vec(),
            HashType::Md5 => md5::Md5::digest(input).to_vec(),
        };
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum AppTokenStatus {
    #[default]
    Active,
    Disabled,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppToken {
    pub id: String,
    pub partner: i64,
    /// 32 lowercase hex characters.
    pub token: String,
    #[serde(default)]
    pub hash_type: HashType,
    /// 0 USER or 2 ADMIN; absent means "the caller's type, else USER".
    #[serde(default)]
    pub session_type: Option<i32>,
    #[serde(default)]
    pub session_user_id: Option<String>,
    #[serde(default)]
    pub privileges: Option<String>,
    /// Seconds; absent means the partner's max expiry.
    #[serde(default)]
    pub session_duration: Option<i64>,
    /// Absolute unix seconds after which the token no longer starts sessions.
    #[serde(default)]
    pub expiry: Option<i64>,
    #[serde(default)]
    pub status: AppTokenStatus,
}

/// A fixture file that parsed but makes no sense.
#[derive(Debug)]
pub enum FixtureError {
    Toml(String),
    Invalid(String),
}

impl std::fmt::Display for FixtureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FixtureError::Toml(e) => write!(f, "fixture file is not valid TOML: {e}"),
            FixtureError::Invalid(e) => write!(f, "fixture file is inconsistent: {e}"),
        }
    }
}

impl std::error::Error for FixtureError {}

impl Fixtures {
    pub fn demo() -> Fixtures {
        Fixtures::parse(DEMO_TOML).expect("the shipped demo fixtures are valid")
    }

    pub fn parse(text: &str) -> Result<Fixtures, FixtureError> {
        let fixtures: Fixtures =
            basic_toml::from_str(text).map_err(|e| FixtureError::Toml(e.to_string()))?;
        fixtures.validate()?;
        Ok(fixtures)
    }

    fn validate(&self) -> Result<(), FixtureError> {
        let invalid = |message: String| Err(FixtureError::Invalid(message));
        for (i, partner) in self.partners.iter().enumerate() {
            if self.partners[..i].iter().any(|p| p.id == partner.id) {
                return invalid(format!("partner {} is listed twice", partner.id));
            }
            if partner.id <= 0 || partner.admin_secret.is_empty() || partner.user_secret.is_empty()
            {
                return invalid(format!(
                    "partner {} needs an id > 0 and both secrets",
                    partner.id
                ));
            }
            if !matches!(partner.ks_version, 1 | 2) {
                return invalid(format!("partner {}: ks_version must be 1 or 2", partner.id));
            }
        }
        let known_partner = |id: i64| self.partners.iter().any(|p| p.id == id);
        for entry in &self.entries {
            if !known_partner(entry.partner) {
                return invalid(format!(
                    "entry {} names unknown partner {}",
                    entry.id, entry.partner
                ));
            }
        }
        for uiconf in &self.uiconfs {
            if !known_partner(uiconf.partner) || !matches!(uiconf.player_version, 2 | 7) {
                return invalid(format!(
                    "uiconf {} needs a known partner and player_version 2 or 7",
                    uiconf.id
                ));
            }
        }
        for token in &self.app_tokens {
            if !known_partner(token.partner) {
                return invalid(format!(
                    "app token {} names unknown partner {}",
                    token.id, token.partner
                ));
            }
            if token.token.len() != 32 || !token.token.bytes().all(|b| b.is_ascii_hexdigit()) {
                return invalid(format!(
                    "app token {}: token must be 32 hex characters",
                    token.id
                ));
            }
        }
        Ok(())
    }

    pub fn partner(&self, id: i64) -> Option<&Partner> {
        self.partners.iter().find(|p| p.id == id)
    }

    pub fn entry(&self, partner: i64, id: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.partner == partner && e.id == id)
    }

    pub fn uiconf(&self, id: i64) -> Option<&UiConf> {
        self.uiconfs.iter().find(|u| u.id == id)
    }

    pub fn app_token(&self, partner: i64, id: &str) -> Option<&AppToken> {
        self.app_tokens
            .iter()
            .find(|t| t.partner == partner && t.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_fixtures_load() {
        let demo = Fixtures::demo();
        assert!(demo.partner(2506752).is_some());
        assert!(demo.uiconf(48460943).is_some());
    }

    fn check_invalid(text: &str, needle: &str) {
        let error = Fixtures::parse(text).unwrap_err().to_string();
        assert!(error.contains(needle), "{error}");
    }

    #[test]
    fn inconsistent_fixtures_are_rejected() {
        let partner =
            "[[partners]]\nid = 5\nname = \"p\"\nadmin_secret = \"a\"\nuser_secret = \"u\"\n";
        check_invalid(&format!("{partner}{partner}"), "listed twice");
        check_invalid(
            &format!(
                "{partner}[[entries]]\nid = \"0_x\"\npartner = 6\nname = \"n\"\nowner = \"o\"\n"
            ),
            "unknown partner 6",
        );
        check_invalid(
            &format!("{partner}[[app_tokens]]\nid = \"t\"\npartner = 5\ntoken = \"abc\"\n"),
            "32 hex",
        );
        check_invalid("[[partners]]\nid = 5\n", "not valid TOML");
        check_invalid(&format!("{partner}ks_version = 3\n"), "ks_version");
    }
}
