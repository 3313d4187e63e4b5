//! Kaltura Session (KS) token: a credential, never logged or persisted; readable fields via `inspect`.

use std::fmt;

use crate::embed::ids::PartnerId;
use crate::session::base64;

/// What a KS limits an embed to: the partner it is for and the entries or playlists its `sview` /
/// `sviewplaylist` privileges name (none: no such limit).
pub type KsScope = (String, Vec<String>);

/// An opaque KS string (base64 alphabet, `-`, `_`, `=`), the privileges this page asked the
/// server to put in it (when it started it), and its scope, read once when the value is made.
/// `Debug` never prints it.
#[derive(Clone, PartialEq, Eq)]
pub struct Ks {
    token: String,
    requested: Option<String>,
    scope: Option<KsScope>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KsError {
    Empty,
    BadCharacters,
}

impl KsError {
    pub fn message(&self) -> &'static str {
        match self {
            KsError::Empty => "Paste a KS first.",
            KsError::BadCharacters => {
                "A KS contains only letters, digits and - _ = + / (check that it was copied whole)."
            }
        }
    }
}

impl Ks {
    pub fn parse(input: &str) -> Result<Self, KsError> {
        let token = checked_token(input)?;
        Ok(Ks {
            scope: read_scope(&token, None),
            token,
            requested: None,
        })
    }

    /// A KS whose scope another part of the page already read (with `scope`), e.g. handed over
    /// from the deferred module: the first module then carries no KS decoding at all.
    pub fn with_known_scope(input: &str, scope: Option<KsScope>) -> Result<Self, KsError> {
        Ok(Ks {
            token: checked_token(input)?,
            requested: None,
            scope,
        })
    }

    /// The secret value; call only where it must go on the wire or into an opted-in snippet.
    pub fn expose(&self) -> &str {
        &self.token
    }

    /// The partner the KS is for and, for a v1 KS, the entries its `sview` privileges name (none:
    /// no such limit): what an embed can be checked against. `None` when it does not decode.
    /// `inspect` reads more, with reasons; this is the little the embed form needs.
    /// A v2 KS's own privileges are encrypted: for one this page started, those it asked for
    /// stand in (`with_requested_privileges`). `sviewplaylist` entries count as views too.
    pub fn scope(&self) -> Option<KsScope> {
        self.scope.clone()
    }

    /// The same KS, noting the privileges this page requested for it (see `scope`).
    pub fn with_requested_privileges(self, privileges: &str) -> Self {
        let requested = Some(privileges.to_string()).filter(|p| !p.trim().is_empty());
        Ks {
            scope: read_scope(&self.token, requested.as_deref()),
            requested,
            ..self
        }
    }

    /// The privileges noted by `with_requested_privileges`.
    pub fn requested_privileges(&self) -> Option<&str> {
        self.requested.as_deref()
    }
    /// Reads what can be read without the partner's admin secret (all of a v1 KS, the partner of a v2 KS).
    pub fn inspect(&self) -> Result<KsInfo, KsDecodeError> {
        inspect(&self.token)
    }
}

/// The trimmed KS when it has a KS's characters only.
fn checked_token(input: &str) -> Result<String, KsError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(KsError::Empty);
    }
    if !s
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'=' | b'+' | b'/'))
    {
        return Err(KsError::BadCharacters);
    }
    Ok(s.to_string())
}

/// See `Ks::scope`; `requested` stands in for a v2 KS's encrypted privileges.
fn read_scope(token: &str, requested: Option<&str>) -> Option<KsScope> {
    let bytes = base64::decode_lenient(token)?;
    let text = String::from_utf8_lossy(&bytes);
    let views = |privileges: &str| {
        privileges
            .split(',')
            .filter_map(|p| {
                let p = p.trim();
                p.strip_prefix("sview:")
                    .or_else(|| p.strip_prefix("sviewplaylist:"))
            })
            .map(str::to_string)
            .collect()
    };
    if let Some(rest) = text.strip_prefix("v2|") {
        return Some((
            rest.split('|').next()?.to_string(),
            views(requested.unwrap_or_default()),
        ));
    }
    // `<signature>|<partner>;<partner>;<valid until>;<type>;<rand>;<user>;<privileges>;…`
    let mut fields = text.split_once('|')?.1.split(';');
    let partner = fields.next()?.to_string();
    Some((partner, views(fields.nth(5).unwrap_or_default())))
}

impl fmt::Debug for Ks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Ks(<{} chars>)", self.token.len())
    }
}

/// What a KS says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KsInfo {
    V1(KsV1),
    V2(KsV2),
}

/// A v1 KS: `<sha1 signature>|<partner>;<partner>;<validUntil>;<type>;<rand>;<user>;<privileges>;<master>;<data>`,
/// readable in full (the signature needs the admin secret to verify).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KsV1 {
    pub partner: PartnerId,
    /// Absolute unix seconds.
    pub valid_until: u64,
    /// The numeric session type as written in the KS (`0` is USER); `None` when the field is absent.
    pub session_type: Option<i64>,
    /// Empty means anonymous.
    pub user_id: String,
    pub privileges: Vec<String>,
    /// Set only for impersonation.
    pub master_partner: Option<String>,
    pub signature_len: usize,
    /// 40 lowercase hex characters, the shape of the SHA-1 the server writes.
    pub signature_is_sha1_hex: bool,
}

/// A v2 KS: only the partner is plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KsV2 {
    pub partner: PartnerId,
    pub encrypted_len: usize,
}

/// Said next to a v2 KS in the inspector.
pub const V2_UNREADABLE_NOTE: &str = "This is a version 2 KS: only the partner ID is readable. \
The rest (expiry, session type, user, privileges) is encrypted with the partner's admin secret \
and cannot be read in the browser.";

impl KsInfo {
    pub fn partner(&self) -> PartnerId {
        match self {
            KsInfo::V1(v1) => v1.partner,
            KsInfo::V2(v2) => v2.partner,
        }
    }
    pub fn version(&self) -> u8 {
        match self {
            KsInfo::V1(_) => 1,
            KsInfo::V2(_) => 2,
        }
    }
    /// `Some(true)`/`Some(false)` for a v1 KS; `None` when the type is not readable (v2).
    pub fn is_user_session(&self) -> Option<bool> {
        match self {
            KsInfo::V1(v1) => Some(v1.session_type == Some(0)),
            KsInfo::V2(_) => None,
        }
    }
    /// Absolute unix seconds, when readable.
    pub fn valid_until(&self) -> Option<u64> {
        match self {
            KsInfo::V1(v1) => Some(v1.valid_until),
            KsInfo::V2(_) => None,
        }
    }
}

impl KsV1 {
    /// `USER (0)`, `ADMIN (2)`, … for display.
    pub fn session_type_label(&self) -> String {
        session_type_label(self.session_type)
    }
    pub fn privileges_joined(&self) -> String {
        self.privileges.join(",")
    }
}

/// Display form of a numeric session type.
pub fn session_type_label(session_type: Option<i64>) -> String {
    match session_type {
        Some(0) => "USER (0)".to_string(),
        Some(2) => "ADMIN (2)".to_string(),
        Some(other) => format!("unknown ({other})"),
        None => "not stated".to_string(),
    }
}

/// Why a string is not a readable KS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KsDecodeError {
    NotBase64,
    /// Decoded, but neither `v2|…` nor `signature|fields`.
    UnknownLayout,
    /// A v1 KS with fewer than the three mandatory fields.
    TooFewFields,
    NotText,
    BadPartner,
    BadValidUntil,
    BadSessionType,
}

impl KsDecodeError {
    pub fn message(&self) -> &'static str {
        match self {
            KsDecodeError::NotBase64 => {
                "This is not a KS: it does not decode as base64. Check that it was copied whole."
            }
            KsDecodeError::UnknownLayout => {
                "This is not a KS: it decodes, but has neither the v1 nor the v2 layout."
            }
            KsDecodeError::TooFewFields => {
                "This KS is cut short: it lacks the partner and expiry fields. Copy it again, whole."
            }
            KsDecodeError::NotText => "This is not a v1 KS: its fields are not readable text.",
            KsDecodeError::BadPartner => "This KS does not name a valid partner ID.",
            KsDecodeError::BadValidUntil => "This KS has an expiry field that is not a number.",
            KsDecodeError::BadSessionType => "This KS has a session type that is not a number.",
        }
    }
}

fn parse_partner(text: &str) -> Result<PartnerId, KsDecodeError> {
    // Digits only: PartnerId::parse trims, but a KS field with spaces is not one the server wrote.
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(KsDecodeError::BadPartner);
    }
    PartnerId::parse(text).map_err(|_| KsDecodeError::BadPartner)
}

fn inspect(token: &str) -> Result<KsInfo, KsDecodeError> {
    let bytes = base64::decode_lenient(token).ok_or(KsDecodeError::NotBase64)?;
    if let Some(rest) = bytes.strip_prefix(b"v2|") {
        let bar = rest
            .iter()
            .position(|&b| b == b'|')
            .ok_or(KsDecodeError::UnknownLayout)?;
        let partner_text =
            std::str::from_utf8(&rest[..bar]).map_err(|_| KsDecodeError::BadPartner)?;
        return Ok(KsInfo::V2(KsV2 {
            partner: parse_partner(partner_text)?,
            encrypted_len: rest.len() - bar - 1,
        }));
    }
    let bar = bytes
        .iter()
        .position(|&b| b == b'|')
        .ok_or(KsDecodeError::UnknownLayout)?;
    let signature = &bytes[..bar];
    let fields_text = std::str::from_utf8(&bytes[bar + 1..]).map_err(|_| KsDecodeError::NotText)?;
    let fields: Vec<&str> = fields_text.split(';').collect();
    if fields.len() < 3 {
        return Err(KsDecodeError::TooFewFields);
    }
    let field = |i: usize| fields.get(i).copied().unwrap_or("");
    let valid_until = field(2)
        .parse::<u64>()
        .map_err(|_| KsDecodeError::BadValidUntil)?;
    let session_type = match field(3) {
        "" => None,
        text => Some(
            text.parse::<i64>()
                .map_err(|_| KsDecodeError::BadSessionType)?,
        ),
    };
    let privileges = field(6)
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    let master = field(7);
    Ok(KsInfo::V1(KsV1 {
        partner: parse_partner(field(0))?,
        valid_until,
        session_type,
        user_id: field(5).to_string(),
        privileges,
        master_partner: (!master.is_empty()).then(|| master.to_string()),
        signature_len: signature.len(),
        signature_is_sha1_hex: signature.len() == 40
            && signature
                .iter()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b)),
    }))
}
