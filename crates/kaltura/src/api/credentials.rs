//! Credential inputs (secret, app token, user id): validated once, never shown by `Debug`.

use std::fmt;

/// A partner secret (admin or user). Used for one request, then dropped by the page.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

/// An app token's id, such as `0_abcd1234`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppTokenId(String);

/// An app token's token value (normally 32 hex characters).
#[derive(Clone, PartialEq, Eq)]
pub struct AppToken(String);

/// The session's user id; empty means an anonymous session.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UserId(String);

/// api_v3's `puser_id` column holds at most 100 characters.
pub const MAX_USER_ID_LEN: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CredentialError {
    SecretEmpty,
    SecretControlCharacter,
    AppTokenIdEmpty,
    AppTokenIdBadCharacters,
    AppTokenEmpty,
    AppTokenBadCharacters,
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
            CredentialError::AppTokenEmpty => "Paste the app token value.".to_string(),
            CredentialError::AppTokenBadCharacters => {
                "The app token value must not contain spaces or control characters.".to_string()
            }
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
        Ok(AppToken(s.to_string()))
    }
    /// The token value; only the hash function calls this.
    pub fn expose(&self) -> &str {
        &self.0
    }
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
