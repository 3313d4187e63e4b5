//! Typed catalogue of api_v3 and network failures, each with a plain message, a remedy and its form field.

/// The form field an error concerns, so the page can show it next to that field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    PartnerId,
    Secret,
    AppTokenId,
    AppToken,
    UserId,
    Privileges,
    ServiceUrl,
    Ks,
    None,
}

/// Why the server refused a KS (`INVALID_KS`, told apart by its `KSID` argument).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KsRejection {
    /// Malformed, bad signature, unknown partner, wrong user or type.
    Invalid,
    Expired,
    /// Ended with session.end.
    LoggedOut,
    ActionsLimitReached,
    IpRestricted,
    UriRestricted,
}

/// Failures the app detects itself while sending or reading a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Network {
    /// `fetch` rejected while the browser reports being online: a CORS refusal or an unreachable host
    /// (browsers deliberately do not tell these apart).
    CorsBlockedOrOffline,
    /// `navigator.onLine` is false.
    Offline,
    Timeout,
    /// api_v3 always answers 200, even for errors; anything else came from a proxy or a broken server.
    HttpStatus(u16),
    NotJson,
    /// The body stopped in the middle of the JSON value.
    Truncated,
    /// An XML body: the server ignored `format=1`, so this is probably not api_v3 as expected.
    XmlInsteadOfJson,
}

/// Where a KS that is not a USER session came from (decides the field it is shown at).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KsSource {
    AppToken,
    Pasted,
    Started,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// `START_SESSION_ERROR`: wrong secret, or a user secret asked for a non-USER type.
    StartSession {
        partner: Option<String>,
    },
    /// `SERVICE_FORBIDDEN_CONTENT_BLOCKED`: the partner is unknown, deleted or blocked.
    PartnerBlocked,
    /// `PARTNER_NOT_FOUND` (not produced by session.start; other services use it).
    PartnerNotFound {
        partner: Option<String>,
    },
    /// `INVALID_KS`.
    InvalidKs(KsRejection),
    /// `MISSING_KS`.
    MissingKs,
    /// `SERVICE_FORBIDDEN`: the session's role does not allow this call.
    ServiceForbidden {
        service: Option<String>,
    },
    /// `MISSING_MANDATORY_PARAMETER`.
    MissingParameter {
        name: Option<String>,
    },
    /// `INVALID_ENUM_VALUE`.
    InvalidEnumValue {
        param: Option<String>,
        value: Option<String>,
    },
    /// `INVALID_WIDGET_ID`.
    InvalidWidgetId {
        widget_id: Option<String>,
    },
    /// `START_WIDGET_SESSION_ERROR`.
    StartWidgetSession {
        widget_id: Option<String>,
    },
    /// `UNKNOWN_ROLE_ID`: a `setrole:` privilege names a role that does not exist.
    UnknownRoleId,
    /// `INVALID_ACTIONS_LIMIT`: `actionslimit:` is not a positive number.
    InvalidActionsLimit,
    AppTokenNotFound {
        id: Option<String>,
    },
    AppTokenNotActive {
        id: Option<String>,
    },
    AppTokenExpired {
        id: Option<String>,
    },
    /// `INVALID_APP_TOKEN_HASH`: wrong token value or wrong hash type.
    InvalidAppTokenHash,
    /// `ENTRY_ID_NOT_FOUND`.
    EntryNotFound {
        id: Option<String>,
    },
    /// `INTERNAL_SERVERL_ERROR` (sic).
    InternalServer,
    /// Any other api_v3 code, kept as the server sent it.
    Unknown {
        code: String,
        message: String,
    },
    Network(Network),
    /// The server returned a session that is not USER (type 0); the page discards it.
    NotUserSession {
        session_type: Option<i64>,
        source: KsSource,
    },
    /// Valid JSON, but not the shape this call returns.
    UnexpectedResponse {
        detail: String,
    },
    /// The browser would not compute the app-token hash: `SubtleCrypto` exists only on secure
    /// pages (https, or http on this computer).
    DigestUnavailable,
}

/// A name from the seed guide's error table, with the code the real server sends instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocNameMapping {
    pub doc_name: &'static str,
    pub real_code: &'static str,
    pub error: ApiError,
    pub note: &'static str,
}

impl ApiError {
    /// Maps a name from the seed guide's error table to what the real server sends.
    pub fn from_doc_name(name: &str) -> Option<DocNameMapping> {
        let mapping = match name.trim() {
            "PARTNER_NOT_FOUND" => DocNameMapping {
                doc_name: "PARTNER_NOT_FOUND",
                real_code: "SERVICE_FORBIDDEN_CONTENT_BLOCKED",
                error: ApiError::PartnerBlocked,
                note: "The guide calls this PARTNER_NOT_FOUND; for session.start the real server says \
                       SERVICE_FORBIDDEN_CONTENT_BLOCKED when the partner is unknown or blocked.",
            },
            "INVALID_SECRET_TYPE" => DocNameMapping {
                doc_name: "INVALID_SECRET_TYPE",
                real_code: "START_SESSION_ERROR",
                error: ApiError::StartSession { partner: None },
                note: "The guide calls this INVALID_SECRET_TYPE; the real server says START_SESSION_ERROR \
                       both for a wrong secret and for a user secret asking for an ADMIN session.",
            },
            "EXPIRED_KS" => DocNameMapping {
                doc_name: "EXPIRED_KS",
                real_code: "INVALID_KS",
                error: ApiError::InvalidKs(KsRejection::Expired),
                note: "The guide calls this EXPIRED_KS; the real server says INVALID_KS with \
                       KSID \"EXPIRED\" (message: Invalid KS \"EXPIRED\", Error \"-1,INVALID_STR\").",
            },
            "INVALID_KS" => DocNameMapping {
                doc_name: "INVALID_KS",
                real_code: "INVALID_KS",
                error: ApiError::InvalidKs(KsRejection::Invalid),
                note: "INVALID_KS is the real code; the server uses it for malformed, tampered, expired \
                       and ended sessions alike, and tells them apart by its KSID argument.",
            },
            _ => return None,
        };
        Some(mapping)
    }

    /// The api_v3 code this error stands for, when it came from the server.
    pub fn code(&self) -> Option<&str> {
        Some(match self {
            ApiError::StartSession { .. } => "START_SESSION_ERROR",
            ApiError::PartnerBlocked => "SERVICE_FORBIDDEN_CONTENT_BLOCKED",
            ApiError::PartnerNotFound { .. } => "PARTNER_NOT_FOUND",
            ApiError::InvalidKs(_) => "INVALID_KS",
            ApiError::MissingKs => "MISSING_KS",
            ApiError::ServiceForbidden { .. } => "SERVICE_FORBIDDEN",
            ApiError::MissingParameter { .. } => "MISSING_MANDATORY_PARAMETER",
            ApiError::InvalidEnumValue { .. } => "INVALID_ENUM_VALUE",
            ApiError::InvalidWidgetId { .. } => "INVALID_WIDGET_ID",
            ApiError::StartWidgetSession { .. } => "START_WIDGET_SESSION_ERROR",
            ApiError::UnknownRoleId => "UNKNOWN_ROLE_ID",
            ApiError::InvalidActionsLimit => "INVALID_ACTIONS_LIMIT",
            ApiError::AppTokenNotFound { .. } => "APP_TOKEN_ID_NOT_FOUND",
            ApiError::AppTokenNotActive { .. } => "APP_TOKEN_NOT_ACTIVE",
            ApiError::AppTokenExpired { .. } => "APP_TOKEN_EXPIRED",
            ApiError::InvalidAppTokenHash => "INVALID_APP_TOKEN_HASH",
            ApiError::EntryNotFound { .. } => "ENTRY_ID_NOT_FOUND",
            ApiError::InternalServer => "INTERNAL_SERVERL_ERROR",
            ApiError::Unknown { code, .. } => code,
            ApiError::Network(_)
            | ApiError::NotUserSession { .. }
            | ApiError::UnexpectedResponse { .. }
            | ApiError::DigestUnavailable => return None,
        })
    }

    /// What happened, in plain words.
    pub fn message(&self) -> String {
        match self {
            ApiError::StartSession { partner } => match partner {
                Some(pid) => format!("The secret was not accepted for partner {pid}."),
                None => "The secret was not accepted for this partner.".to_string(),
            },
            ApiError::PartnerBlocked => {
                "The partner is unknown or blocked: the server refused to serve it.".to_string()
            }
            ApiError::PartnerNotFound { partner } => match partner {
                Some(pid) => format!("Partner {pid} was not found."),
                None => "The partner was not found.".to_string(),
            },
            ApiError::InvalidKs(rejection) => match rejection {
                KsRejection::Invalid => {
                    "The server did not accept this KS: it is malformed, altered, or belongs to \
                     another partner."
                }
                KsRejection::Expired => "This KS has expired.",
                KsRejection::LoggedOut => "This KS was ended (logged out) and no longer works.",
                KsRejection::ActionsLimitReached => {
                    "This KS has used up the number of calls its actionslimit privilege allows."
                }
                KsRejection::IpRestricted => {
                    "This KS is restricted to another IP address (iprestrict privilege)."
                }
                KsRejection::UriRestricted => {
                    "This KS is restricted to other API paths (urirestrict privilege)."
                }
            }
            .to_string(),
            ApiError::MissingKs => {
                "The server needed a KS for this call and none was sent.".to_string()
            }
            ApiError::ServiceForbidden { service } => match service {
                Some(s) => format!("This session is not allowed to call {s}."),
                None => "This session is not allowed to make this call.".to_string(),
            },
            ApiError::MissingParameter { name } => match name {
                Some(n) => format!("The server says the parameter \"{n}\" is missing."),
                None => "The server says a required parameter is missing.".to_string(),
            },
            ApiError::InvalidEnumValue { param, value } => format!(
                "The server rejected the value {} for {}.",
                value.as_deref().unwrap_or("sent"),
                param.as_deref().unwrap_or("a parameter")
            ),
            ApiError::InvalidWidgetId { widget_id } => match widget_id {
                Some(w) => format!("The server does not know the widget {w}."),
                None => "The server does not know this partner's widget.".to_string(),
            },
            ApiError::StartWidgetSession { widget_id } => match widget_id {
                Some(w) => format!("The server could not start a widget session for {w}."),
                None => "The server could not start a widget session.".to_string(),
            },
            ApiError::UnknownRoleId => {
                "A setrole: privilege names a role that does not exist.".to_string()
            }
            ApiError::InvalidActionsLimit => {
                "The actionslimit privilege must be a whole number above zero.".to_string()
            }
            ApiError::AppTokenNotFound { id } => format!(
                "App token {} was not found for this partner.",
                id.as_deref().unwrap_or("ID")
            ),
            ApiError::AppTokenNotActive { id } => format!(
                "App token {} is not active (disabled or deleted).",
                id.as_deref().unwrap_or("ID")
            ),
            ApiError::AppTokenExpired { id } => {
                format!("App token {} has expired.", id.as_deref().unwrap_or("ID"))
            }
            ApiError::InvalidAppTokenHash => {
                "The app token hash did not match: the token value or the hash type is wrong."
                    .to_string()
            }
            ApiError::EntryNotFound { id } => match id {
                Some(e) => format!("Entry {e} was not found."),
                None => "The entry was not found.".to_string(),
            },
            ApiError::InternalServer => "The Kaltura server had an internal error.".to_string(),
            ApiError::Unknown { code, message } => format!("The server answered {code}: {message}"),
            ApiError::Network(network) => match network {
                Network::CorsBlockedOrOffline => {
                    "The request did not get through: the service URL did not allow this page's \
                     origin (CORS), or it is unreachable."
                        .to_string()
                }
                Network::Offline => "This browser is offline.".to_string(),
                Network::Timeout => "The server did not answer in time.".to_string(),
                Network::HttpStatus(status) => {
                    format!("The server answered with HTTP status {status} instead of 200.")
                }
                Network::NotJson => "The server's answer is not JSON.".to_string(),
                Network::Truncated => "The server's answer was cut off before its end.".to_string(),
                Network::XmlInsteadOfJson => {
                    "The server answered in XML instead of JSON.".to_string()
                }
            },
            ApiError::NotUserSession { session_type, .. } => format!(
                "The server returned a session of type {}, not a USER session (type 0). \
                 This page only handles USER sessions, so it was discarded.",
                crate::session::ks::session_type_label(*session_type)
            ),
            ApiError::DigestUnavailable => {
                "This browser did not compute the app token hash on this page.".to_string()
            }
            ApiError::UnexpectedResponse { detail } => {
                format!("The server's answer has an unexpected shape: {detail}.")
            }
        }
    }

    /// What to do about it.
    pub fn remediation(&self) -> &'static str {
        match self {
            ApiError::StartSession { .. } => {
                "Check the secret and the Partner ID in KMC → Settings → Integration Settings. \
                 A user secret can only start USER sessions, which is all this page asks for."
            }
            ApiError::PartnerBlocked | ApiError::PartnerNotFound { .. } => {
                "Check the Partner ID in KMC → Settings → Integration Settings, and that the \
                 service URL belongs to the account's region or server."
            }
            ApiError::InvalidKs(KsRejection::Expired) => "Start a new session.",
            ApiError::InvalidKs(KsRejection::LoggedOut) => "Start a new session.",
            ApiError::InvalidKs(KsRejection::ActionsLimitReached) => {
                "Start a new session, with a higher actionslimit if it needs more calls."
            }
            ApiError::InvalidKs(KsRejection::IpRestricted)
            | ApiError::InvalidKs(KsRejection::UriRestricted) => {
                "The KS may still work where it is meant to be used; remove the restriction to \
                 verify it from this page."
            }
            ApiError::InvalidKs(KsRejection::Invalid) => {
                "Copy the KS again in full, check it belongs to this service URL's server, or \
                 start a new session."
            }
            ApiError::MissingKs => "Start a session first, then verify it.",
            ApiError::ServiceForbidden { .. } => {
                "The session's role lacks this permission. Remove setrole: privileges other than \
                 PLAYBACK_BASE_ROLE, or use an app token whose privileges allow it."
            }
            ApiError::MissingParameter { .. } | ApiError::InvalidEnumValue { .. } => {
                "This page built a request the server did not expect; check the service URL \
                 points at an api_v3 server."
            }
            ApiError::InvalidWidgetId { .. } | ApiError::StartWidgetSession { .. } => {
                "Check the Partner ID: every partner has a default widget named _<Partner ID>."
            }
            ApiError::UnknownRoleId => {
                "Fix or remove the setrole: privilege (PLAYBACK_BASE_ROLE exists for every partner)."
            }
            ApiError::InvalidActionsLimit => "Set actionslimit to a number such as 10, or remove it.",
            ApiError::AppTokenNotFound { .. } => {
                "Check the app token ID, and that the token belongs to this Partner ID."
            }
            ApiError::AppTokenNotActive { .. } => {
                "Enable the token (appToken.update status ACTIVE) or create a new one."
            }
            ApiError::AppTokenExpired { .. } => "Create a new app token, or extend this one's expiry.",
            ApiError::InvalidAppTokenHash => {
                "Paste the token value again and pick the hash type the token was created with \
                 (SHA1 when none was chosen)."
            }
            ApiError::EntryNotFound { .. } => {
                "Check the entry ID and that it belongs to this partner."
            }
            ApiError::InternalServer | ApiError::Unknown { .. } => {
                "Try again in a moment; if it persists, check the service URL and the inputs."
            }
            ApiError::Network(Network::CorsBlockedOrOffline) => {
                "Check the service URL. api_v3 servers send Access-Control-Allow-Origin: *, so a \
                 refusal usually means a wrong URL, a proxy, or a server that is down."
            }
            ApiError::Network(Network::Offline) => "Reconnect to the network and try again.",
            ApiError::Network(Network::Timeout) => {
                "Try again; if it keeps timing out, check the service URL."
            }
            ApiError::Network(Network::HttpStatus(_)) => {
                "api_v3 answers every call with HTTP 200, so a proxy, a wrong service URL or a \
                 passing outage is in the way; check the URL and try again."
            }
            ApiError::Network(Network::NotJson) | ApiError::Network(Network::XmlInsteadOfJson) => {
                "Check that the service URL is the api_v3 server's origin (for example \
                 https://www.kaltura.com)."
            }
            ApiError::Network(Network::Truncated) => "Try again; the connection dropped mid-answer.",
            ApiError::NotUserSession {
                source: KsSource::AppToken,
                ..
            } => {
                "Use an app token whose sessionType is USER (0); tokens meant for servers must \
                 stay on servers."
            }
            ApiError::NotUserSession { .. } => {
                "Use a USER session (type 0). A KS of any other type must never reach a browser."
            }
            ApiError::DigestUnavailable => {
                "Open the page over https (or on this computer's localhost), where browsers \
                 offer SubtleCrypto, or start the session another way."
            }
            ApiError::UnexpectedResponse { .. } => {
                "Check that the service URL points at a Kaltura api_v3 server."
            }
        }
    }

    /// The form field to show the error next to.
    pub fn field(&self) -> Field {
        match self {
            ApiError::StartSession { .. } => Field::Secret,
            ApiError::PartnerBlocked
            | ApiError::PartnerNotFound { .. }
            | ApiError::InvalidWidgetId { .. }
            | ApiError::StartWidgetSession { .. } => Field::PartnerId,
            ApiError::InvalidKs(
                KsRejection::IpRestricted
                | KsRejection::UriRestricted
                | KsRejection::ActionsLimitReached,
            ) => Field::Privileges,
            ApiError::InvalidKs(_) => Field::Ks,
            ApiError::ServiceForbidden { .. }
            | ApiError::UnknownRoleId
            | ApiError::InvalidActionsLimit => Field::Privileges,
            ApiError::MissingParameter { name } => match name.as_deref() {
                Some("secret") => Field::Secret,
                Some("partnerId" | "widgetId") => Field::PartnerId,
                Some("id") => Field::AppTokenId,
                Some("tokenHash") => Field::AppToken,
                Some("ks") => Field::Ks,
                _ => Field::None,
            },
            ApiError::AppTokenNotFound { .. }
            | ApiError::AppTokenNotActive { .. }
            | ApiError::AppTokenExpired { .. } => Field::AppTokenId,
            ApiError::InvalidAppTokenHash | ApiError::DigestUnavailable => Field::AppToken,
            ApiError::NotUserSession { source, .. } => match source {
                KsSource::AppToken => Field::AppTokenId,
                KsSource::Pasted => Field::Ks,
                KsSource::Started => Field::None,
            },
            ApiError::Network(Network::Offline) => Field::None,
            ApiError::Network(_) | ApiError::UnexpectedResponse { .. } => Field::ServiceUrl,
            ApiError::MissingKs
            | ApiError::InvalidEnumValue { .. }
            | ApiError::EntryNotFound { .. }
            | ApiError::InternalServer
            | ApiError::Unknown { .. } => Field::None,
        }
    }
}
