//! App-token hash: lowercase hex of H(widget KS ‖ token), H chosen by the token's hash type.

use md5::Md5;
use sha1::{Digest, Sha1};
use sha2::{Sha256, Sha512};

use crate::api::AppToken;
use crate::ks::Ks;

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
}

/// `tokenHash` for `appToken.startSession`: the server hashes the exact `ks` sent with that request.
pub fn app_token_hash(hash_type: AppTokenHashType, widget_ks: &Ks, token: &AppToken) -> String {
    let ks = widget_ks.expose().as_bytes();
    let token = token.expose().as_bytes();
    match hash_type {
        AppTokenHashType::Sha1 => hex(&Sha1::new().chain_update(ks).chain_update(token).finalize()),
        AppTokenHashType::Sha256 => hex(&Sha256::new()
            .chain_update(ks)
            .chain_update(token)
            .finalize()),
        AppTokenHashType::Sha512 => hex(&Sha512::new()
            .chain_update(ks)
            .chain_update(token)
            .finalize()),
        AppTokenHashType::Md5 => hex(&Md5::new().chain_update(ks).chain_update(token).finalize()),
    }
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0x0f)] as char);
    }
    out
}
