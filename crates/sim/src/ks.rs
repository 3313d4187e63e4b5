//! KS v1/v2 codec byte-for-byte as the real server builds and parses them (kaltura-api-facts §2).
//!
//! v1: `base64(sha1hex(secret ‖ fields) | fields)`, fields `pid;pid;validUntil;type;rand;user;privileges;master;additional`.
//! v2: `v2|pid|AES-128-CBC(key = sha1(secret)[..16], iv = 0, SHA1(R‖Q) ‖ R ‖ Q, zero padding)`, base64 with `-`/`_`.

use aes::cipher::{block_padding::NoPadding, BlockDecryptMut, BlockEncryptMut, KeyIvInit};
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine as _;
use sha1::{Digest, Sha1};

use crate::phpurl;

/// KalturaSessionType values that `session.start` accepts.
pub const SESSION_TYPE_USER: i32 = 0;
pub const SESSION_TYPE_ADMIN: i32 = 2;

/// Everything a KS carries besides its partner id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KsFields {
    /// Absolute unix seconds; the KS is expired when `valid_until <= now`.
    pub valid_until: i64,
    pub session_type: i32,
    /// `""` or `"0"` means anonymous.
    pub user_id: String,
    /// Comma list as the server re-joins it (`*` for all).
    pub privileges: String,
    pub master_partner_id: Option<String>,
    pub additional_data: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KsVersion {
    V1,
    V2,
}

/// A KS whose signature checked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedKs {
    pub version: KsVersion,
    pub partner_id: i64,
    pub fields: KsFields,
}

/// Why a KS string was rejected; the server reports all of these as `INVALID_STR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KsDecodeError {
    NotBase64,
    Malformed,
    WrongVersion,
    BadSignature,
}

impl std::fmt::Display for KsDecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            KsDecodeError::NotBase64 => "not base64",
            KsDecodeError::Malformed => "malformed KS",
            KsDecodeError::WrongVersion => "not a KS of the expected version",
            KsDecodeError::BadSignature => "signature does not match the admin secret",
        };
        f.write_str(text)
    }
}

impl std::error::Error for KsDecodeError {}

type Aes128CbcEnc = cbc::Encryptor<aes::Aes128>;
type Aes128CbcDec = cbc::Decryptor<aes::Aes128>;

/// PHP `base64_decode($s, true)` after the server's `-`→`+`, `_`→`/` mapping: padding optional.
const LENIENT_STANDARD: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

fn base64_decode(ks: &str) -> Result<Vec<u8>, KsDecodeError> {
    let standard = ks.trim().replace('-', "+").replace('_', "/");
    LENIENT_STANDARD
        .decode(standard)
        .map_err(|_| KsDecodeError::NotBase64)
}

fn sha1(bytes: &[u8]) -> [u8; 20] {
    Sha1::digest(bytes).into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn aes_key(admin_secret: &str) -> [u8; 16] {
    let digest = sha1(admin_secret.as_bytes());
    let mut key = [0u8; 16];
    key.copy_from_slice(&digest[..16]);
    key
}

/// Reads version and partner id without any secret (all a browser can see of a v2 KS).
pub fn peek(ks: &str) -> Result<(KsVersion, i64), KsDecodeError> {
    let raw = base64_decode(ks)?;
    if raw.starts_with(b"v2|") {
        let rest = &raw[3..];
        let end = rest
            .iter()
            .position(|&b| b == b'|')
            .ok_or(KsDecodeError::Malformed)?;
        let pid = std::str::from_utf8(&rest[..end]).map_err(|_| KsDecodeError::Malformed)?;
        return Ok((KsVersion::V2, php_int(pid)));
    }
    let text = String::from_utf8(raw).map_err(|_| KsDecodeError::Malformed)?;
    let (_, fields) = text.split_once('|').ok_or(KsDecodeError::Malformed)?;
    let parts: Vec<&str> = fields.split(';').collect();
    if parts.len() < 3 {
        return Err(KsDecodeError::Malformed);
    }
    Ok((KsVersion::V1, php_int(parts[0])))
}

/// Decodes either version with the partner's admin secret.
pub fn decode(admin_secret: &str, ks: &str) -> Result<DecodedKs, KsDecodeError> {
    match peek(ks)?.0 {
        KsVersion::V1 => decode_v1(admin_secret, ks),
        KsVersion::V2 => decode_v2(admin_secret, ks),
    }
}

/// PHP `(int)` cast of a decimal string: leading digits (with sign), else 0.
pub(crate) fn php_int(text: &str) -> i64 {
    let text = text.trim_start();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text.strip_prefix('+').unwrap_or(text)),
    };
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    digits[..end].parse::<i64>().map(|n| sign * n).unwrap_or(0)
}

// ---------------------------------------------------------------- v1

/// A v1 KS; `rand` is PHP's `microtime(true)` in the real server.
pub fn encode_v1(admin_secret: &str, partner_id: i64, fields: &KsFields) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let rand = format!("{}.{:04}", now.as_secs(), now.subsec_micros() / 100);
    encode_v1_with_rand(admin_secret, partner_id, fields, &rand)
}

/// Deterministic v1 encoding (for test vectors).
pub fn encode_v1_with_rand(
    admin_secret: &str,
    partner_id: i64,
    fields: &KsFields,
    rand: &str,
) -> String {
    let plain_fields = [
        partner_id.to_string(),
        partner_id.to_string(),
        fields.valid_until.to_string(),
        fields.session_type.to_string(),
        rand.to_string(),
        fields.user_id.clone(),
        fields.privileges.clone(),
        fields.master_partner_id.clone().unwrap_or_default(),
        fields.additional_data.clone().unwrap_or_default(),
    ]
    .join(";");
    let signature = hex(&sha1(format!("{admin_secret}{plain_fields}").as_bytes()));
    base64::engine::general_purpose::STANDARD.encode(format!("{signature}|{plain_fields}"))
}

pub fn decode_v1(admin_secret: &str, ks: &str) -> Result<DecodedKs, KsDecodeError> {
    let raw = base64_decode(ks)?;
    if raw.starts_with(b"v2|") {
        return Err(KsDecodeError::WrongVersion);
    }
    let text = String::from_utf8(raw).map_err(|_| KsDecodeError::Malformed)?;
    let (signature, plain_fields) = text.split_once('|').ok_or(KsDecodeError::Malformed)?;
    let parts: Vec<&str> = plain_fields.split(';').collect();
    if parts.len() < 3 {
        return Err(KsDecodeError::Malformed);
    }
    let expected = hex(&sha1(format!("{admin_secret}{plain_fields}").as_bytes()));
    if expected != signature {
        return Err(KsDecodeError::BadSignature);
    }
    let part = |i: usize| parts.get(i).copied().unwrap_or("");
    let optional = |i: usize| Some(part(i).to_string()).filter(|s| !s.is_empty());
    Ok(DecodedKs {
        version: KsVersion::V1,
        partner_id: php_int(part(0)),
        fields: KsFields {
            valid_until: php_int(part(2)),
            session_type: php_int(part(3)) as i32,
            user_id: part(5).to_string(),
            privileges: part(6).to_string(),
            master_partner_id: optional(7),
            additional_data: optional(8),
        },
    })
}

// ---------------------------------------------------------------- v2

/// A v2 KS with 16 fresh random bytes.
pub fn encode_v2(admin_secret: &str, partner_id: i64, fields: &KsFields) -> String {
    let mut random = [0u8; 16];
    getrandom::fill(&mut random).expect("the OS random source is available");
    encode_v2_with_random(admin_secret, partner_id, fields, random)
}

/// The ordered key → value map of §2.2 step 1 (privileges first, then `_e _t _u _m _d`).
pub fn v2_payload(fields: &KsFields) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut set = |name: &str, value: &str| match pairs.iter_mut().find(|(n, _)| n == name) {
        // PHP array assignment: the position of the first, the value of the last.
        Some(pair) => pair.1 = value.to_string(),
        None => pairs.push((name.to_string(), value.to_string())),
    };
    for item in fields.privileges.split(',').map(str::trim) {
        if item.is_empty() {
            continue;
        }
        if item == "*" {
            set("all", "*");
            continue;
        }
        match item.split_once(':') {
            Some((name, value)) => set(name, value),
            None => set(item, ""),
        }
    }
    set("_e", &fields.valid_until.to_string());
    set("_t", &fields.session_type.to_string());
    set("_u", &fields.user_id);
    if let Some(master) = &fields.master_partner_id {
        set("_m", master);
    }
    if let Some(additional) = &fields.additional_data {
        set("_d", additional);
    }
    pairs
}

/// Deterministic v2 encoding (for test vectors).
pub fn encode_v2_with_random(
    admin_secret: &str,
    partner_id: i64,
    fields: &KsFields,
    random: [u8; 16],
) -> String {
    let query = phpurl::build_query(&v2_payload(fields));
    let mut rest = random.to_vec();
    rest.extend_from_slice(query.as_bytes());
    let mut plain = sha1(&rest).to_vec();
    plain.extend_from_slice(&rest);
    let padded_len = plain.len().div_ceil(16) * 16;
    plain.resize(padded_len, 0);
    let len = plain.len();
    let cipher = Aes128CbcEnc::new(&aes_key(admin_secret).into(), &[0u8; 16].into())
        .encrypt_padded_mut::<NoPadding>(&mut plain, len)
        .expect("plaintext is block aligned")
        .to_vec();
    let mut token = format!("v2|{partner_id}|").into_bytes();
    token.extend_from_slice(&cipher);
    base64::engine::general_purpose::STANDARD
        .encode(token)
        .replace('+', "-")
        .replace('/', "_")
}

pub fn decode_v2(admin_secret: &str, ks: &str) -> Result<DecodedKs, KsDecodeError> {
    let raw = base64_decode(ks)?;
    let body = raw
        .strip_prefix(b"v2|")
        .ok_or(KsDecodeError::WrongVersion)?;
    let split = body
        .iter()
        .position(|&b| b == b'|')
        .ok_or(KsDecodeError::Malformed)?;
    let partner_id =
        php_int(std::str::from_utf8(&body[..split]).map_err(|_| KsDecodeError::Malformed)?);
    let mut cipher = body[split + 1..].to_vec();
    if cipher.is_empty() || cipher.len() % 16 != 0 {
        return Err(KsDecodeError::Malformed);
    }
    let plain = Aes128CbcDec::new(&aes_key(admin_secret).into(), &[0u8; 16].into())
        .decrypt_padded_mut::<NoPadding>(&mut cipher)
        .map_err(|_| KsDecodeError::Malformed)?;
    let unpadded_len = plain.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    let plain = &plain[..unpadded_len];
    if plain.len() < 20 + 16 {
        return Err(KsDecodeError::BadSignature);
    }
    let (hash, rest) = plain.split_at(20);
    if sha1(rest) != hash {
        return Err(KsDecodeError::BadSignature);
    }
    let query = String::from_utf8_lossy(&rest[16..]);
    let mut fields = KsFields::default();
    let mut privileges = Vec::new();
    for (name, value) in phpurl::parse_query(&query) {
        match name.as_str() {
            "_e" => fields.valid_until = php_int(&value),
            "_t" => fields.session_type = php_int(&value) as i32,
            "_u" => fields.user_id = value,
            "_m" => fields.master_partner_id = Some(value),
            "_d" => fields.additional_data = Some(value),
            _ if name == "all" && value == "*" => privileges.push("*".to_string()),
            _ if value.is_empty() => privileges.push(name),
            _ => privileges.push(format!("{name}:{value}")),
        }
    }
    fields.privileges = privileges.join(",");
    Ok(DecodedKs {
        version: KsVersion::V2,
        partner_id,
        fields,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(privileges: &str) -> KsFields {
        KsFields {
            valid_until: 1_714_086_400,
            session_type: SESSION_TYPE_USER,
            user_id: "jdoe".into(),
            privileges: privileges.into(),
            master_partner_id: None,
            additional_data: None,
        }
    }

    fn check_payload(privileges: &str, expected_query: &str) {
        assert_eq!(
            phpurl::build_query(&v2_payload(&fields(privileges))),
            expected_query
        );
    }

    #[test]
    fn v2_payload_follows_php() {
        check_payload("sview:0_abc", "sview=0_abc&_e=1714086400&_t=0&_u=jdoe");
        check_payload("*", "all=%2A&_e=1714086400&_t=0&_u=jdoe");
        check_payload(
            " a:1 ,b,,a:2,c:x:y",
            "a=2&b=&c=x%3Ay&_e=1714086400&_t=0&_u=jdoe",
        );
        check_payload("", "_e=1714086400&_t=0&_u=jdoe");
    }

    #[test]
    fn v2_round_trip_and_wrong_secret() {
        let original = fields("sview:0_abc,list:*,*,enableentitlement");
        let ks = encode_v2("admin-secret", 2506752, &original);
        assert_eq!(peek(&ks), Ok((KsVersion::V2, 2506752)));
        let decoded = decode_v2("admin-secret", &ks).unwrap();
        assert_eq!(decoded.partner_id, 2506752);
        assert_eq!(
            decoded.fields.privileges,
            "sview:0_abc,list:*,*,enableentitlement"
        );
        assert_eq!(decoded.fields.valid_until, original.valid_until);
        assert_eq!(
            decode_v2("other-secret", &ks),
            Err(KsDecodeError::BadSignature)
        );
        assert_eq!(
            decode_v1("admin-secret", &ks),
            Err(KsDecodeError::WrongVersion)
        );
    }

    #[test]
    fn v1_round_trip_and_tamper() {
        let original = fields("sview:0_abc");
        let ks = encode_v1_with_rand("admin-secret", 99, &original, "1714000000.1234");
        assert_eq!(peek(&ks), Ok((KsVersion::V1, 99)));
        assert_eq!(
            decode("admin-secret", &ks).unwrap(),
            DecodedKs {
                version: KsVersion::V1,
                partner_id: 99,
                fields: original
            }
        );
        assert_eq!(decode("wrong", &ks), Err(KsDecodeError::BadSignature));
        assert_eq!(peek("!!!"), Err(KsDecodeError::NotBase64));
        assert_eq!(peek("YWJj"), Err(KsDecodeError::Malformed));
    }

    #[test]
    fn php_int_casts_like_php() {
        for (input, expected) in [("12abc", 12), ("-5", -5), ("x", 0), ("", 0), (" 7", 7)] {
            assert_eq!(php_int(input), expected, "{input}");
        }
    }
}
