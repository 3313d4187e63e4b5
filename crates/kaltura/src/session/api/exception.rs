//! A `KalturaAPIException` classified into the typed [`ApiError`] catalogue by its code.

use super::answer::ApiException;
use super::error::{ApiError, KsRejection};

impl From<&ApiException> for ApiError {
    /// Reads the template arguments from `args` and falls back to the message text when api_v3
    /// sent `[]`.
    fn from(exception: &ApiException) -> ApiError {
        let message = exception.message.as_str();
        let arg = |name: &str| -> Option<String> {
            exception
                .args
                .get(name)
                .filter(|v| !v.is_empty() && *v != "N/A")
                .cloned()
        };
        let quoted = || between(message, "\"", "\"");
        let bracketed = || between(message, "[", "]");
        match exception.code.as_str() {
            "START_SESSION_ERROR" => ApiError::StartSession {
                partner: arg("PID").or_else(bracketed),
            },
            "SERVICE_FORBIDDEN_CONTENT_BLOCKED" => ApiError::PartnerBlocked,
            "PARTNER_NOT_FOUND" => ApiError::PartnerNotFound {
                partner: arg("PARTNER"),
            },
            "INVALID_KS" => {
                let ksid = arg("KSID").or_else(quoted);
                ApiError::InvalidKs(rejection_from_ksid(ksid.as_deref()))
            }
            "MISSING_KS" => ApiError::MissingKs,
            "SERVICE_FORBIDDEN" => ApiError::ServiceForbidden {
                service: arg("SERVICE").or_else(bracketed),
            },
            "MISSING_MANDATORY_PARAMETER" => ApiError::MissingParameter {
                name: arg("PARAM_NAME").or_else(quoted),
            },
            "INVALID_ENUM_VALUE" => ApiError::InvalidEnumValue {
                param: arg("PARAM_NAME"),
                value: arg("ENUM_VAL"),
            },
            "INVALID_WIDGET_ID" => ApiError::InvalidWidgetId {
                widget_id: arg("WIDGET_ID").or_else(bracketed),
            },
            "START_WIDGET_SESSION_ERROR" => ApiError::StartWidgetSession {
                widget_id: arg("WIDGET_ID").or_else(bracketed),
            },
            "UNKNOWN_ROLE_ID" => ApiError::UnknownRoleId,
            "INVALID_ACTIONS_LIMIT" => ApiError::InvalidActionsLimit,
            "APP_TOKEN_ID_NOT_FOUND" => ApiError::AppTokenNotFound {
                id: arg("ID").or_else(quoted),
            },
            "APP_TOKEN_NOT_ACTIVE" => ApiError::AppTokenNotActive {
                id: arg("ID").or_else(quoted),
            },
            "APP_TOKEN_EXPIRED" => ApiError::AppTokenExpired {
                id: arg("ID").or_else(quoted),
            },
            "INVALID_APP_TOKEN_HASH" => ApiError::InvalidAppTokenHash,
            "ENTRY_ID_NOT_FOUND" => ApiError::EntryNotFound {
                id: arg("ENTRY_ID").or_else(quoted),
            },
            "INTERNAL_SERVERL_ERROR" => ApiError::InternalServer,
            code => ApiError::Unknown {
                code: code.to_string(),
                message: message.to_string(),
            },
        }
    }
}

/// `INVALID_KS` carries the validation result name in `KSID`, or the KS itself when it did not parse.
fn rejection_from_ksid(ksid: Option<&str>) -> KsRejection {
    match ksid {
        Some("EXPIRED") => KsRejection::Expired,
        Some("LOGOUT") => KsRejection::LoggedOut,
        Some("EXCEEDED_ACTIONS_LIMIT") => KsRejection::ActionsLimitReached,
        Some("EXCEEDED_RESTRICTED_IP") => KsRejection::IpRestricted,
        Some("EXCEEDED_RESTRICTED_URI") => KsRejection::UriRestricted,
        _ => KsRejection::Invalid,
    }
}

/// The text between the first `open` and the next `close` in a server message (template fallback
/// when `args` is `[]`).
fn between(message: &str, open: &str, close: &str) -> Option<String> {
    let start = message.find(open)? + open.len();
    let len = message[start..].find(close)?;
    let inner = &message[start..start + len];
    (!inner.is_empty() && inner != "N/A").then(|| inner.to_string())
}
