//! `appToken.startSession`: tokenHash = hex H(ks + token), checks in the server's order (facts §7).

use crate::errors::{self, ApiError};
use crate::fixtures::AppTokenStatus;
use crate::ks::{KsFields, SESSION_TYPE_USER};
use crate::privileges::{Privileges, RESERVED};
use crate::value::Value;

use super::dispatch::Call;
use super::session::{mint, session_info};

pub fn start_session(call: &Call) -> Result<Value, ApiError> {
    let state = call.state();
    let session = call.session()?;
    let partner = session.partner;
    let id = call.text("id").unwrap_or("");

    // Lookups are filtered to the KS partner.
    let token = state
        .fixtures
        .app_token(partner.id, id)
        .ok_or_else(|| errors::APP_TOKEN_ID_NOT_FOUND.with(&[id]))?;
    if token.status != AppTokenStatus::Active {
        return Err(errors::APP_TOKEN_NOT_ACTIVE.with(&[id]));
    }
    let expected = token
        .hash_type
        .hex_digest(format!("{}{}", session.ks, token.token).as_bytes());
    if call.text("tokenHash") != Some(expected.as_str()) {
        return Err(errors::INVALID_APP_TOKEN_HASH.with(&[]));
    }
    let now = state.now();
    let mut token_expiry = token.session_duration.unwrap_or(partner.max_expiry());
    if let Some(absolute) = token.expiry {
        token_expiry = token_expiry.min(absolute - now);
    }
    if token_expiry < 0 {
        return Err(errors::APP_TOKEN_EXPIRED.with(&[id]));
    }
    let expiry = match call.int("expiry") {
        Some(requested) if requested != 0 => requested.min(token_expiry),
        _ => token_expiry,
    };

    let session_type = token
        .session_type
        .or(call.int("type").map(|t| t as i32))
        .unwrap_or(SESSION_TYPE_USER);
    let user_id = token
        .session_user_id
        .clone()
        .or(call.text("userId").map(str::to_string))
        .unwrap_or_default();

    let mut privileges = Privileges::default();
    privileges.set("sessionid", &token.id);
    privileges.set("apptoken", &token.id);
    let token_privileges = Privileges::parse(token.privileges.as_deref().unwrap_or(""));
    for (name, value) in token_privileges.pairs() {
        privileges.set(name, value);
    }
    let requested = Privileges::parse(call.text("sessionPrivileges").unwrap_or(""));
    for (name, value) in requested.pairs() {
        let reserved = RESERVED.contains(&name.as_str());
        let token_wildcard = token_privileges.value_of(name) == Some("*");
        let already_set = privileges.value_of(name).is_some();
        if token_wildcard || (!reserved && !already_set) {
            privileges.set(name, value);
        }
    }

    let fields = KsFields {
        valid_until: now + expiry,
        session_type,
        user_id,
        privileges: privileges.to_string(),
        master_partner_id: None,
        additional_data: None,
    };
    let ks = mint(partner, &fields);
    Ok(session_info(&ks, partner.id, &fields))
}
