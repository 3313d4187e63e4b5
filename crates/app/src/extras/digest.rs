//! The app-token digest: the browser's `SubtleCrypto.digest` for SHA-1/256/512, the `md-5` crate
//! for MD5 (WebCrypto has no MD5). The core says what to hash and writes the hex (`TokenHash`).
//!
//! Why not the RustCrypto crates for all four: `sha1` and `sha2` unroll every round, which measured
//! about 14 KB of wasm after wasm-opt when the page last carried them; SubtleCrypto costs its
//! bindings only (this module and the `digest` call: about 0.2 KB of code before wasm-opt), and
//! `md-5`'s compression function is about 2.2 KB. The browser does the SHA work, the crate MD5.

use kaltura::session::api::{ApiError, AppToken};
use kaltura::session::digest::{app_token_message, AppTokenHashType, TokenHash};
use kaltura::session::ks::Ks;
use md5::{Digest, Md5};
use wasm_bindgen_futures::JsFuture;

/// `tokenHash` for `appToken.startSession` with this widget KS.
pub async fn token_hash(
    hash_type: AppTokenHashType,
    widget_ks: &Ks,
    token: &AppToken,
) -> Result<TokenHash, ApiError> {
    let digest = digest(hash_type, &app_token_message(widget_ks, token)).await?;
    TokenHash::from_digest(hash_type, &digest).map_err(|_| ApiError::DigestUnavailable)
}

/// The raw digest of `message`. Fails where the browser offers no `SubtleCrypto` (an http page
/// that is not on this computer).
pub async fn digest(hash_type: AppTokenHashType, message: &[u8]) -> Result<Vec<u8>, ApiError> {
    let Some(algorithm) = hash_type.web_crypto_name() else {
        return Ok(Md5::digest(message).to_vec());
    };
    let subtle = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .map(|crypto| crypto.subtle())
        .ok_or(ApiError::DigestUnavailable)?;
    // On an insecure page `crypto.subtle` is undefined and the call throws, caught here.
    let promise = subtle
        .digest_with_str_and_u8_array(algorithm, message)
        .map_err(|_| ApiError::DigestUnavailable)?;
    let buffer = JsFuture::from(promise)
        .await
        .map_err(|_| ApiError::DigestUnavailable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
