//! Shared fixtures for the session tests: a base64 encoder and a v1 KS maker (as the server writes them).
#![allow(dead_code)] // each test file uses a different part

use kaltura::session::api::AppToken;
use kaltura::session::digest::{app_token_message, AppTokenHashType, TokenHash};
use kaltura::session::ks::Ks;
use sha1::{Digest, Sha1};

/// Standard base64 with padding (the alphabet a v1 KS uses).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n =
            chunk.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The v1 fields in server order: partner;partner;validUntil;type;rand;user;privileges;master;data.
pub struct V1Fields<'a> {
    pub partner: &'a str,
    pub valid_until: &'a str,
    pub session_type: &'a str,
    pub user: &'a str,
    pub privileges: &'a str,
    pub master: &'a str,
}

impl V1Fields<'_> {
    pub fn plain(&self) -> String {
        format!(
            "{p};{p};{e};{t};1714000000.1234;{u};{r};{m};",
            p = self.partner,
            e = self.valid_until,
            t = self.session_type,
            u = self.user,
            r = self.privileges,
            m = self.master
        )
    }
}

/// A v1 KS signed like the server does: hex SHA-1 of (admin secret ‖ fields).
pub fn v1_ks(admin_secret: &str, fields: &V1Fields) -> String {
    let plain = fields.plain();
    let signature: String = Sha1::new()
        .chain_update(admin_secret.as_bytes())
        .chain_update(plain.as_bytes())
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    base64(format!("{signature}|{plain}").as_bytes())
}

/// A USER v1 KS for `partner` and user `user`, valid until 1714086400, with `privileges`.
pub fn user_v1_ks_with(partner: &str, user: &str, privileges: &str) -> String {
    v1_ks(
        "adminsecret",
        &V1Fields {
            partner,
            valid_until: "1714086400",
            session_type: "0",
            user,
            privileges,
            master: "",
        },
    )
}

/// A USER v1 KS for partner 123, valid until 1714086400, user jdoe, privileges `sview:1_abcd1234`.
pub fn user_v1_ks() -> String {
    user_v1_ks_with("123", "jdoe", "sview:1_abcd1234")
}

/// A v2-shaped token for a partner: `v2|<pid>|<bytes>` in URL-safe base64 (content not decryptable).
pub fn v2_shaped_ks(partner: &str, cipher: &[u8]) -> String {
    let mut raw = format!("v2|{partner}|").into_bytes();
    raw.extend_from_slice(cipher);
    base64(&raw).replace('+', "-").replace('/', "_")
}

/// The JSON parser the decoders get in native tests (the page gives them the browser's `JSON.parse`).
pub fn json(text: &str) -> Result<serde_json::Value, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// `tokenHash` as the page computes it, with the RustCrypto crates standing in for SubtleCrypto.
pub fn token_hash(hash_type: AppTokenHashType, widget_ks: &Ks, token: &AppToken) -> TokenHash {
    let message = app_token_message(widget_ks, token);
    let digest = match hash_type {
        AppTokenHashType::Sha1 => Sha1::digest(&message).to_vec(),
        AppTokenHashType::Sha256 => sha2::Sha256::digest(&message).to_vec(),
        AppTokenHashType::Sha512 => sha2::Sha512::digest(&message).to_vec(),
        AppTokenHashType::Md5 => md5::Md5::digest(&message).to_vec(),
    };
    TokenHash::from_digest(hash_type, &digest).expect("RustCrypto digests have their length")
}
