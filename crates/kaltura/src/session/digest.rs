//! App-token hash: what is hashed (widget KS ‖ token), with which algorithm, and the lowercase hex
//! `tokenHash` the server compares.
//!
//! The digest itself is the page's: the browser's `SubtleCrypto.digest` for SHA-1/256/512 and the
//! `md-5` crate for MD5 (WebCrypto has no MD5), in the deferred module (app `digest.rs`). The core
//! stays pure and computes no hash; its tests check the hex against the RustCrypto crates.

use std::fmt;

use crate::session::api::AppToken;
use crate::session::ks::Ks;

/// The token's `hashType` as set when it was created (KMC / appToken.add). SHA1 is the server default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum AppTokenHashType {
    #[default]
    Sha1,
    Sha256,
    Sha512,
    Md5,
}

impl AppTokenHashType {
    pub const ALL: [AppTokenHashType; 4] = [
        AppTokenHashType::Sha1,
        AppTokenHashType::Sha256,
        AppTokenHashType::Sha512,
        AppTokenHashType::Md5,
    ];

    /// The name api_v3 uses (`SHA1`, `SHA256`, `SHA512`, `MD5`).
    pub fn label(self) -> &'static str {
        match self {
            AppTokenHashType::Sha1 => "SHA1",
            AppTokenHashType::Sha256 => "SHA256",
            AppTokenHashType::Sha512 => "SHA512",
            AppTokenHashType::Md5 => "MD5",
        }
    }

    /// Case-insensitive, like PHP's `hash()` names; `SHA-256` style dashes are accepted too.
    pub fn parse(input: &str) -> Option<Self> {
        let wanted: String = input
            .trim()
            .chars()
            .filter(|c| *c != '-')
            .collect::<String>()
            .to_ascii_uppercase();
        Self::ALL.into_iter().find(|h| h.label() == wanted)
    }

    /// The algorithm name `SubtleCrypto.digest` takes; `None` for MD5, which WebCrypto lacks.
    pub fn web_crypto_name(self) -> Option<&'static str> {
        match self {
            AppTokenHashType::Sha1 => Some("SHA-1"),
            AppTokenHashType::Sha256 => Some("SHA-256"),
            AppTokenHashType::Sha512 => Some("SHA-512"),
            AppTokenHashType::Md5 => None,
        }
    }

    /// The digest's length in bytes.
    pub fn digest_len(self) -> usize {
        match self {
            AppTokenHashType::Sha1 => 20,
            AppTokenHashType::Sha256 => 32,
            AppTokenHashType::Sha512 => 64,
            AppTokenHashType::Md5 => 16,
        }
    }
}

/// What `tokenHash` is a digest of: the exact `ks` sent with `appToken.startSession`, then the token.
pub fn app_token_message(widget_ks: &Ks, token: &AppToken) -> Vec<u8> {
    let mut message = widget_ks.expose().as_bytes().to_vec();
    message.extend_from_slice(token.expose().as_bytes());
    message
}

/// `tokenHash` for `appToken.startSession`: the lowercase hex of a digest of [`app_token_message`].
#[derive(Clone, PartialEq, Eq)]
pub struct TokenHash(String);

/// A digest whose length is not the one of its hash type (a bug in whatever computed it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DigestLengthError {
    pub hash_type: AppTokenHashType,
    pub len: usize,
}

impl TokenHash {
    pub fn from_digest(
        hash_type: AppTokenHashType,
        digest: &[u8],
    ) -> Result<TokenHash, DigestLengthError> {
        if digest.len() != hash_type.digest_len() {
            return Err(DigestLengthError {
                hash_type,
                len: digest.len(),
            });
        }
        Ok(TokenHash(
            digest.iter().map(|b| format!("{b:02x}")).collect(),
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Hidden like the token: with the widget KS, it is enough to start the session.
impl fmt::Debug for TokenHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TokenHash(<hidden>)")
    }
}

#[cfg(test)]
mod tests {
    use super::{AppTokenHashType, DigestLengthError, TokenHash};
    use AppTokenHashType::{Md5, Sha1, Sha256, Sha512};

    fn check(hash_type: AppTokenHashType, digest: &[u8], expected: Result<&str, usize>) {
        let actual = TokenHash::from_digest(hash_type, digest);
        let expected = expected
            .map(str::to_string)
            .map_err(|len| DigestLengthError { hash_type, len });
        assert_eq!(
            actual.as_ref().map(|h| h.as_str().to_string()),
            expected.as_ref().cloned()
        );
    }

    #[test]
    fn hex_of_digests_of_the_right_length_only() {
        let table: &[(AppTokenHashType, Vec<u8>, Result<&str, usize>)] = &[
            (
                Md5,
                (0..16).collect(),
                Ok("000102030405060708090a0b0c0d0e0f"),
            ),
            (
                Sha1,
                vec![0xab; 20],
                Ok("abababababababababababababababababababab"),
            ),
            (Sha256, vec![0xf0; 32], Ok(&"f0".repeat(32))),
            (Sha512, vec![0x09; 64], Ok(&"09".repeat(64))),
            (Sha1, vec![0; 16], Err(16)),
            (Sha512, vec![0; 32], Err(32)),
            (Md5, vec![], Err(0)),
        ];
        for (hash_type, digest, expected) in table {
            check(*hash_type, digest, *expected);
        }
    }

    #[test]
    fn every_type_has_a_web_crypto_name_but_md5() {
        let names: Vec<_> = AppTokenHashType::ALL
            .map(AppTokenHashType::web_crypto_name)
            .into();
        assert_eq!(
            names,
            [Some("SHA-1"), Some("SHA-256"), Some("SHA-512"), None]
        );
    }
}
