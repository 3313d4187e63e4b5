//! `session.start`, `session.startWidgetSession` and `session.get` (kaltura-api-facts §1, §3.6, §6).

use crate::errors::{self, ApiError};
use crate::fixtures::Partner;
use crate::ks::{self, KsFields, KsVersion, SESSION_TYPE_ADMIN, SESSION_TYPE_USER};
use crate::privileges::{Privileges, GLOBAL_ROLES};
use crate::value::Value;

use super::dispatch::{parse_ks, Call};

/// Default `expiry` of session.start and startWidgetSession.
const DEFAULT_EXPIRY: i64 = 86400;
/// `downloadasset` sessions expire on a five-minute boundary.
const FIVE_MINUTES: i64 = 300;

/// Mints a KS for `partner` in its KS version, always with its main admin secret.
pub fn mint(partner: &Partner, fields: &KsFields) -> String {
    match partner.ks_version() {
        KsVersion::V1 => ks::encode_v1(&partner.admin_secret, partner.id, fields),
        KsVersion::V2 => ks::encode_v2(&partner.admin_secret, partner.id, fields),
    }
}

pub fn start(call: &Call) -> Result<Value, ApiError> {
    let state = call.state();
    let secret = call.text("secret").unwrap_or("");
    let partner_id = call.int("partnerId").unwrap_or(0);
    let session_type = call.int("type").map_or(SESSION_TYPE_USER, |t| t as i32);
    let privileges = call.text("privileges").unwrap_or("").to_string();

    // ks::validatePrivileges runs before the secret check.
    for role in Privileges::parse(&privileges).values("setrole") {
        if !GLOBAL_ROLES.contains(&role) {
            return Err(errors::UNKNOWN_ROLE_ID.with(&[]));
        }
    }

    let start_error = || errors::START_SESSION_ERROR.with(&[&partner_id.to_string()]);
    let partner = state.fixtures.partner(partner_id).ok_or_else(start_error)?;
    let admin = secret == partner.admin_secret;
    let user = secret == partner.user_secret && session_type == SESSION_TYPE_USER;
    if !partner.is_active() || !(admin || user) {
        return Err(start_error());
    }

    let expiry = call
        .int("expiry")
        .unwrap_or(DEFAULT_EXPIRY)
        .min(partner.max_expiry());
    let mut valid_until = state.now() + expiry;
    if privileges.contains("downloadasset") {
        valid_until = (valid_until + FIVE_MINUTES - 1).div_euclid(FIVE_MINUTES) * FIVE_MINUTES;
    }
    let fields = KsFields {
        valid_until,
        session_type: if session_type == SESSION_TYPE_ADMIN {
            SESSION_TYPE_ADMIN
        } else {
            SESSION_TYPE_USER
        },
        user_id: call.text("userId").unwrap_or("").to_string(),
        privileges,
        master_partner_id: None,
        additional_data: None,
    };
    Ok(Value::str(mint(partner, &fields)))
}

pub fn start_widget_session(call: &Call) -> Result<Value, ApiError> {
    let state = call.state();
    let widget_id = call.text("widgetId").unwrap_or("");
    let unknown = || errors::INVALID_WIDGET_ID.with(&[widget_id]);
    // Only the default widget "_<partnerId>" exists for each partner.
    let partner_id = widget_id
        .strip_prefix('_')
        .and_then(|digits| digits.parse::<i64>().ok())
        .ok_or_else(unknown)?;
    let partner = state.fixtures.partner(partner_id).ok_or_else(unknown)?;
    if !partner.is_active() {
        return Err(errors::SERVICE_FORBIDDEN_CONTENT_BLOCKED.with(&[]));
    }
    let expiry = call
        .int("expiry")
        .unwrap_or(DEFAULT_EXPIRY)
        .min(partner.max_expiry());
    let fields = KsFields {
        valid_until: state.now() + expiry,
        session_type: SESSION_TYPE_USER,
        user_id: "0".to_string(),
        privileges: "view:*,widget:1".to_string(),
        master_partner_id: None,
        additional_data: None,
    };
    Ok(Value::object(
        "KalturaStartWidgetSessionResponse",
        vec![
            ("partnerId", Value::Int(partner.id)),
            ("ks", Value::str(mint(partner, &fields))),
            ("userId", Value::Int(0)),
        ],
    ))
}

/// KalturaSessionInfo of the `session` param (default: the caller's own KS).
pub fn get(call: &Call) -> Result<Value, ApiError> {
    let own = call.session()?;
    let inspected = match call.text("session").filter(|s| !s.is_empty()) {
        Some(other) => parse_ks(call.state(), other)?,
        None => own.clone(),
    };
    if inspected.partner.id != own.partner.id {
        return Err(errors::PARTNER_ACCESS_FORBIDDEN.with(&[
            &own.partner.id.to_string(),
            &inspected.partner.id.to_string(),
        ]));
    }
    Ok(session_info(
        &inspected.ks,
        inspected.partner.id,
        &inspected.fields,
    ))
}

/// KalturaSessionInfo: ks, sessionType, partnerId, userId (omitted when empty), expiry, privileges.
pub fn session_info(ks: &str, partner_id: i64, fields: &KsFields) -> Value {
    let user_id = if fields.user_id.is_empty() {
        Value::Null
    } else {
        Value::str(&fields.user_id)
    };
    Value::object(
        "KalturaSessionInfo",
        vec![
            ("ks", Value::str(ks)),
            ("sessionType", Value::Int(fields.session_type as i64)),
            ("partnerId", Value::Int(partner_id)),
            ("userId", user_id),
            ("expiry", Value::Int(fields.valid_until)),
            ("privileges", Value::str(&fields.privileges)),
        ],
    )
}
