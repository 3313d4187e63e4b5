//! Credential inputs (secret, app token, user id): validated once, never shown by `Debug`.

use std::fmt;

/// A partner secret (admin or user). Used for one request, then dropped by the page.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

/// An app token's id, such as `0_abcd1234`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppTokenId(String);

/// An app token's token value: 32 lower-case hex characters (Kaltura makes every token value
/// from 16 random bytes, `bin2hex` in `KalturaAppToken::toInsertableObject`).
#[derive(Clone, PartialEq, Eq)]
pub struct AppToken(String);

/// The session's user id; empty means an anonymous session.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UserId(String);

/// The length of every app token value.
pub const APP_TOKEN_LEN: usize = 32;

/// api_v3's `puser_id` column holds at most 100 characters.
pub const MAX_USER_ID_LEN: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CredentialError {
    SecretEmpty,
    SecretControlCharacter,
    AppTokenIdEmpty,
    AppTokenIdBadCharacters,
    /// 32 hex characters in the ID field: the token value, in the wrong field.
    AppTokenIdLooksLikeToken,
    AppTokenEmpty,
    AppTokenBadCharacters,
    /// `0_abcd1234` in the token field: the ID, in the wrong field.
    AppTokenLooksLikeId,
    /// Not 32 hex characters; `chars` is how many it has.
    AppTokenWrongShape {
        chars: usize,
    },
    UserIdTooLong,
    UserIdControlCharacter,
    /// `;` separates KS v1 fields; the server writes it unescaped and the KS no longer parses.
    UserIdSemicolon,
}

impl CredentialError {
    pub fn message(&self) -> String {
        match self {
            CredentialError::SecretEmpty => "Paste the admin or user secret.".to_string(),
            CredentialError::SecretControlCharacter => {
                "The secret contains a line break or control character; copy it again.".to_string()
            }
            CredentialError::AppTokenIdEmpty => "Enter the app token ID.".to_string(),
            CredentialError::AppTokenIdBadCharacters => {
                "An app token ID contains only letters, digits and _ (for example 0_abcd1234)."
                    .to_string()
            }
            CredentialError::AppTokenIdLooksLikeToken => {
                "That looks like the token value (32 characters, 0-9 and a-f): it goes in the \
                 App token field. The ID is the short one, like 0_abcd1234."
                    .to_string()
            }
            CredentialError::AppTokenEmpty => "Paste the app token value.".to_string(),
            CredentialError::AppTokenBadCharacters => {
                "The app token value must not contain spaces or control characters.".to_string()
            }
            CredentialError::AppTokenLooksLikeId => {
                "That is an app token ID (like 0_abcd1234): it goes in the App token ID field. \
                 Here, paste the token value: 32 characters, 0-9 and a-f."
                    .to_string()
            }
            CredentialError::AppTokenWrongShape { chars } if *chars == APP_TOKEN_LEN => {
                "An app token value has only the characters 0-9 and a-f; copy the token value \
                 again."
                    .to_string()
            }
            CredentialError::AppTokenWrongShape { chars } => format!(
                "An app token value is {APP_TOKEN_LEN} characters, 0-9 and a-f; this one has \
                 {chars}. Copy the whole token value (appToken.add returns it as `token`)."
            ),
            CredentialError::UserIdTooLong => {
                format!("A user ID is at most {MAX_USER_ID_LEN} characters.")
            }
            CredentialError::UserIdControlCharacter => {
                "The user ID must not contain line breaks or control characters.".to_string()
            }
            CredentialError::UserIdSemicolon => {
                "The user ID must not contain ; (it would break the session token).".to_string()
            }
        }
    }
}

impl Secret {
    /// Surrounding whitespace is dropped (a paste artefact); inner characters are kept exactly.
    pub fn parse(input: &str) -> Result<Self, CredentialError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(CredentialError::SecretEmpty);
        }
        if s.chars().any(char::is_control) {
            return Err(CredentialError::SecretControlCharacter);
        }
        Ok(Secret(s.to_string()))
    }
    /// The secret value; only the request builder calls this.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl AppTokenId {
    pub fn parse(input: &str) -> Result<Self, CredentialError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(CredentialError::AppTokenIdEmpty);
        }
        if !s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(CredentialError::AppTokenIdBadCharacters);
        }
        if is_token_value(s) {
            return Err(CredentialError::AppTokenIdLooksLikeToken);
        }
        Ok(AppTokenId(s.to_string()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AppToken {
    pub fn parse(input: &str) -> Result<Self, CredentialError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(CredentialError::AppTokenEmpty);
        }
        if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(CredentialError::AppTokenBadCharacters);
        }
        if looks_like_token_id(s) {
            return Err(CredentialError::AppTokenLooksLikeId);
        }
        if !is_token_value(s) {
            return Err(CredentialError::AppTokenWrongShape {
                chars: s.chars().count(),
            });
        }
        // The server hashes its own lower-case value; an upper-cased copy would never match.
        Ok(AppToken(s.to_ascii_lowercase()))
    }
    /// The token value; only the hash function calls this.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// 32 hex characters, either case.
fn is_token_value(s: &str) -> bool {
    s.len() == APP_TOKEN_LEN && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `<data centre>_<id>`, such as `0_abcd1234`: how Kaltura names app tokens (`AppToken::calculateId`).
fn looks_like_token_id(s: &str) -> bool {
    s.split_once('_').is_some_and(|(dc, id)| {
        !dc.is_empty()
            && dc.bytes().all(|b| b.is_ascii_digit())
            && !id.is_empty()
            && id.len() < APP_TOKEN_LEN
            && id.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

impl UserId {
    /// Anonymous session (no user).
    pub fn anonymous() -> Self {
        UserId(String::new())
    }
    pub fn parse(input: &str) -> Result<Self, CredentialError> {
        let s = input.trim();
        if s.chars().count() > MAX_USER_ID_LEN {
            return Err(CredentialError::UserIdTooLong);
        }
        if s.chars().any(char::is_control) {
            return Err(CredentialError::UserIdControlCharacter);
        }
        if s.contains(';') {
            return Err(CredentialError::UserIdSemicolon);
        }
        Ok(UserId(s.to_string()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn is_anonymous(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret(<{} chars>)", self.0.chars().count())
    }
}

impl fmt::Debug for AppToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AppToken(<{} chars>)", self.0.chars().count())
    }
}
