//! The session form as typed (service, method, user, expiry, privileges) and its preparation into a
//! ready-to-send USER-session plan, or field problems.
//!
//! Secrets are passed in separately (`Secrets`) so the page can clear them the moment a plan exists.

use crate::embed::form::ContentKind;
use crate::embed::ids::{EntryId, PartnerId, PlaylistId};
use crate::embed::Content;
use crate::session::api::{
    self, ApiError, AppToken, AppTokenId, AppTokenSession, Expiry, SecretSession, ServicePreset,
    ServiceUrl, UserId, WidgetSession,
};
use crate::session::digest::AppTokenHashType;
use crate::session::ks::Ks;
use crate::session::privileges::{PrivilegeError, Privileges};

/// How the session is started: the three tabs of the Session panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// Anonymous widget session for `_<partner>`: no secret.
    #[default]
    Widget,
    /// App token id + token + hash type: the recommended way.
    AppToken,
    /// Admin or user secret, used for this one request only.
    Secret,
    /// A KS minted elsewhere (your server): checked, inspected, and usable in the embed.
    PasteKs,
}

impl Method {
    pub const ALL: [Method; 4] = [
        Method::Widget,
        Method::AppToken,
        Method::Secret,
        Method::PasteKs,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Method::Widget => "Widget session",
            Method::AppToken => "App token",
            Method::Secret => "Secret",
            Method::PasteKs => "Check a KS",
        }
    }
}

/// Expiry as chosen: one of the presets or a custom value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpiryChoice {
    Preset(Expiry),
    Custom,
}

impl Default for ExpiryChoice {
    fn default() -> Self {
        ExpiryChoice::Preset(Expiry::ONE_HOUR)
    }
}

/// The non-secret inputs of the Session panel, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SessionForm {
    pub service: ServicePreset,
    pub custom_service_url: String,
    pub method: Method,
    pub app_token_id: String,
    pub hash_type: AppTokenHashType,
    pub user_id: String,
    pub expiry: ExpiryChoice,
    /// Used when `expiry == Custom`: seconds or `30m`, `2h`.
    pub custom_expiry: String,
    pub privileges: PrivilegesForm,
}

/// The privileges builder as typed. `playback_role` is on by default: a browser KS should play, not manage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrivilegesForm {
    /// `sview:<the embed form's entry>`: limit to this entry.
    pub limit_to_entry: bool,
    pub privacy_context: String,
    pub enable_entitlement: bool,
    pub playback_role: bool,
    pub actions_limit: String,
    pub uri_restrict: String,
    pub custom: String,
}

impl Default for PrivilegesForm {
    fn default() -> Self {
        PrivilegesForm {
            limit_to_entry: false,
            privacy_context: String::new(),
            enable_entitlement: false,
            playback_role: true,
            actions_limit: String::new(),
            uri_restrict: String::new(),
            custom: String::new(),
        }
    }
}

/// The form's entry or playlist, if its ID is valid.
fn parse_content((kind, id): (ContentKind, &str)) -> Option<Content> {
    match kind {
        ContentKind::Entry => EntryId::parse(id).ok().map(Content::Entry),
        ContentKind::Playlist => PlaylistId::parse(id).ok().map(Content::Playlist),
    }
}

/// The privileges string this form asks for, or why it cannot be built and at which input.
/// `content` is the kind and the ID typed in the embed form (for "limit to this entry / playlist").
pub fn build_privileges(
    form: &PrivilegesForm,
    content: (ContentKind, &str),
) -> Result<String, (PrivilegeInput, String)> {
    let sview = if form.limit_to_entry {
        let at_limit = |message: &str| (PrivilegeInput::LimitToContent, message.to_string());
        Some(match content {
            (ContentKind::Entry, id) => EntryId::parse(id).map(Content::Entry).map_err(|_| {
                at_limit("\"Limit to this entry\" needs a valid Entry ID in the form above.")
            })?,
            (ContentKind::Playlist, id) => {
                PlaylistId::parse(id).map(Content::Playlist).map_err(|_| {
                    at_limit(
                        "\"Limit to this playlist\" needs a valid Playlist ID in the form above.",
                    )
                })?
            }
        })
    } else {
        None
    };
    let actions_limit = match form.actions_limit.trim() {
        "" => None,
        n => Some(n.parse::<u32>().map_err(|_| {
            (
                PrivilegeInput::ActionsLimit,
                "The actions limit is a whole number of API calls, for example 10.".to_string(),
            )
        })?),
    };
    let optional = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    Privileges {
        sview,
        privacy_context: optional(&form.privacy_context),
        enable_entitlement: form.enable_entitlement,
        playback_role: form.playback_role,
        actions_limit,
        uri_restrict: optional(&form.uri_restrict),
        custom: form.custom.trim().to_string(),
    }
    .build()
    .map_err(|e| (input_of(&e, form), e.message()))
}

/// Which input a privilege error is about: the custom list when it names that privilege
/// itself (a clash with a field above, say), else the field that writes it.
fn input_of(error: &PrivilegeError, form: &PrivilegesForm) -> PrivilegeInput {
    let name = match error {
        PrivilegeError::ZeroActionsLimit => return PrivilegeInput::ActionsLimit,
        PrivilegeError::BadName(name)
        | PrivilegeError::EmptyValue(name)
        | PrivilegeError::BadValue(name)
        | PrivilegeError::Conflict(name) => name.as_str(),
    };
    let in_custom = form
        .custom
        .split(',')
        .any(|item| item.split(':').next().unwrap_or("").trim() == name);
    match name {
        _ if in_custom => PrivilegeInput::Custom,
        "privacycontext" => PrivilegeInput::PrivacyContext,
        "actionslimit" => PrivilegeInput::ActionsLimit,
        "urirestrict" => PrivilegeInput::UriRestrict,
        "sview" | "sviewplaylist" => PrivilegeInput::LimitToContent,
        _ => PrivilegeInput::Custom,
    }
}

/// The expiry in seconds as chosen, when valid (for the privileges checker's expiry findings).
pub fn expiry_secs(form: &SessionForm) -> Option<u32> {
    match form.expiry {
        ExpiryChoice::Preset(expiry) => Some(expiry.secs()),
        ExpiryChoice::Custom => Expiry::parse_custom(&form.custom_expiry)
            .ok()
            .map(Expiry::secs),
    }
}

/// The secret inputs; the page clears them as soon as `prepare` succeeds.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secrets {
    pub secret: String,
    pub app_token: String,
    /// A pasted KS (a credential too).
    pub ks: String,
}

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secrets(<hidden>)")
    }
}

/// The Session panel inputs that can carry a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SessionField {
    ServiceUrl,
    Partner,
    AppTokenId,
    AppToken,
    Secret,
    /// The pasted KS.
    Ks,
    UserId,
    Expiry,
    /// One input of the privileges builder.
    Privileges(PrivilegeInput),
}

/// The privileges builder's inputs (all in `SessionForm::privileges`), for where a problem shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrivilegeInput {
    /// "Limit to this entry / playlist".
    LimitToContent,
    PrivacyContext,
    ActionsLimit,
    UriRestrict,
    Custom,
}

impl SessionField {
    /// Where an api_v3 error is shown.
    pub fn for_api_error(error: &ApiError) -> Option<SessionField> {
        match error.field() {
            api::Field::PartnerId => Some(SessionField::Partner),
            api::Field::Secret => Some(SessionField::Secret),
            api::Field::AppTokenId => Some(SessionField::AppTokenId),
            api::Field::AppToken => Some(SessionField::AppToken),
            api::Field::UserId => Some(SessionField::UserId),
            api::Field::Privileges => Some(SessionField::Privileges(PrivilegeInput::Custom)),
            api::Field::ServiceUrl => Some(SessionField::ServiceUrl),
            api::Field::Ks => Some(SessionField::Ks),
            api::Field::None => None,
        }
    }
}

/// What to send, once every input is valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionPlan {
    Widget(WidgetSession),
    AppToken {
        partner: PartnerId,
        session: AppTokenSession,
    },
    Secret(SecretSession),
    /// Check a pasted KS with one `baseEntry.list`.
    Pasted(Ks),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    pub service: ServiceUrl,
    pub plan: SessionPlan,
    /// The embed's entry or playlist, when its ID is valid: the verify call looks for it
    /// (`SessionCall::looking_for`).
    pub look_for: Option<Content>,
}

/// Validates the inputs; on success the plan owns the secret and the form's copy can be dropped.
/// `partner_input` and `content` (kind and ID) are typed in the embed form (one field each for the
/// whole page).
pub fn prepare(
    form: &SessionForm,
    partner_input: &str,
    content: (ContentKind, &str),
    secrets: &Secrets,
) -> Result<Prepared, Vec<(SessionField, String)>> {
    let mut problems = Vec::new();
    let mut note = |field: SessionField, message: String| problems.push((field, message));

    let service = ServiceUrl::from_preset(form.service, &form.custom_service_url)
        .map_err(|e| note(SessionField::ServiceUrl, e.message().to_string()))
        .ok();
    // A pasted KS names its own partner; every other method needs the Partner ID from the form.
    let partner = if form.method == Method::PasteKs {
        None
    } else {
        PartnerId::parse(partner_input)
            .map_err(|e| note(SessionField::Partner, e.message("Partner ID")))
            .ok()
    };
    // Only what the chosen tab shows is checked: a user and privileges for a secret or an app
    // token, an expiry for every session the page starts (a pasted KS has its own).
    let named = matches!(form.method, Method::Secret | Method::AppToken);
    let user = if named {
        UserId::parse(&form.user_id)
            .map_err(|e| note(SessionField::UserId, e.message()))
            .ok()
    } else {
        Some(UserId::anonymous())
    };
    let expiry = match form.expiry {
        _ if form.method == Method::PasteKs => None,
        ExpiryChoice::Preset(expiry) => Some(expiry),
        ExpiryChoice::Custom => Expiry::parse_custom(&form.custom_expiry)
            .map_err(|e| note(SessionField::Expiry, e.message().to_string()))
            .ok(),
    };
    let privileges = if named {
        build_privileges(&form.privileges, content)
            .map_err(|(input, message)| note(SessionField::Privileges(input), message))
            .unwrap_or_default()
    } else {
        String::new()
    };

    let plan = match form.method {
        Method::Widget => match (partner, expiry) {
            (Some(partner), Some(expiry)) => {
                Some(SessionPlan::Widget(WidgetSession { partner, expiry }))
            }
            _ => None,
        },
        // Copied out of JSON, code, a document or a URL, a KS often keeps its quotes or `ks=`.
        Method::PasteKs => Ks::parse(
            secrets
                .ks
                .trim()
                .trim_matches(['"', '\'', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}'])
                .trim_start_matches("ks="),
        )
        .map_err(|e| e.message())
        // A token that does not even decode needs no round trip to say so.
        .and_then(|ks| ks.inspect().map(|_| ks).map_err(|e| e.message()))
        .map_err(|message| note(SessionField::Ks, message.to_string()))
        .ok()
        .map(SessionPlan::Pasted),
        Method::Secret => {
            let secret = api::Secret::parse(&secrets.secret)
                .map_err(|e| note(SessionField::Secret, e.message()))
                .ok();
            match (partner, secret, user, expiry) {
                (Some(partner), Some(secret), Some(user), Some(expiry)) => {
                    Some(SessionPlan::Secret(SecretSession {
                        partner,
                        secret,
                        user,
                        expiry,
                        privileges,
                    }))
                }
                _ => None,
            }
        }
        Method::AppToken => {
            let token_id = AppTokenId::parse(&form.app_token_id)
                .map_err(|e| note(SessionField::AppTokenId, e.message()))
                .ok();
            let token = AppToken::parse(&secrets.app_token)
                .map_err(|e| note(SessionField::AppToken, e.message()))
                .ok();
            match (partner, token_id, token, user, expiry) {
                (Some(partner), Some(token_id), Some(token), Some(user), Some(expiry)) => {
                    Some(SessionPlan::AppToken {
                        partner,
                        session: AppTokenSession {
                            token_id,
                            token,
                            hash_type: form.hash_type,
                            user,
                            expiry,
                            privileges,
                        },
                    })
                }
                _ => None,
            }
        }
    };
    match (service, plan) {
        (Some(service), Some(plan)) if problems.is_empty() => Ok(Prepared {
            service,
            plan,
            look_for: parse_content(content),
        }),
        _ => Err(problems),
    }
}
