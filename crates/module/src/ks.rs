//! `inspectKs`: what the page's KS inspector shows (all of a v1 KS; a v2 KS's partner and that the
//! rest is encrypted).

use kaltura::session::ks::{Ks, KsInfo, V2_UNREADABLE_NOTE};
use serde::Serialize;

use crate::issues::Rejected;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KsInspection {
    pub version: u8,
    pub partner_id: String,
    /// `true` for a USER (type 0) v1 KS; `None` (null) for v2, whose type is encrypted.
    pub is_user_session: Option<bool>,
    /// `USER (0)`, `ADMIN (2)`, `unknown (n)`, `not stated`; null for v2.
    pub session_type: Option<String>,
    /// Unix seconds; null for v2.
    pub valid_until: Option<u64>,
    pub user_id: Option<String>,
    pub privileges: Option<Vec<String>>,
    pub master_partner_id: Option<String>,
    pub signature_length: Option<usize>,
    pub signature_is_sha1_hex: Option<bool>,
    /// For v2: what cannot be read, and why.
    pub encrypted_length: Option<usize>,
    pub note: Option<&'static str>,
}

pub fn inspect_ks(text: &str) -> Result<KsInspection, Rejected> {
    let ks = Ks::parse(text).map_err(|e| Rejected::one("ks", e.message()))?;
    let info = ks.inspect().map_err(|e| Rejected::one("ks", e.message()))?;
    let empty = KsInspection {
        version: info.version(),
        partner_id: info.partner().to_string(),
        is_user_session: info.is_user_session(),
        session_type: None,
        valid_until: info.valid_until(),
        user_id: None,
        privileges: None,
        master_partner_id: None,
        signature_length: None,
        signature_is_sha1_hex: None,
        encrypted_length: None,
        note: None,
    };
    Ok(match info {
        KsInfo::V1(v1) => KsInspection {
            session_type: Some(v1.session_type_label()),
            user_id: Some(v1.user_id.clone()),
            privileges: Some(v1.privileges.clone()),
            master_partner_id: v1.master_partner.clone(),
            signature_length: Some(v1.signature_len),
            signature_is_sha1_hex: Some(v1.signature_is_sha1_hex),
            ..empty
        },
        KsInfo::V2(v2) => KsInspection {
            encrypted_length: Some(v2.encrypted_len),
            note: Some(V2_UNREADABLE_NOTE),
            ..empty
        },
    })
}
