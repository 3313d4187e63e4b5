//! One api_v3 call in the dispatcher's order: lookup, KS parse, param binding, KS validity and permission, action.

use std::net::IpAddr;

use crate::errors::{self, ApiError};
use crate::fixtures::Partner;
use crate::ks::{self, KsFields, SESSION_TYPE_ADMIN, SESSION_TYPE_USER};
use crate::params::Params;
use crate::privileges::Privileges;
use crate::state::State;
use crate::value::Value;

use super::{app_token, base_entry, session, system, ui_conf};

/// What the request brings besides its params (for `iprestrict` / `urirestrict`).
pub struct Env<'a> {
    pub state: &'a State,
    /// The raw request target, as PHP's `REQUEST_URI`.
    pub uri: &'a str,
    pub ip: IpAddr,
    /// The `Host` the client used, for absolute URLs in answers (playback sources).
    pub host: &'a str,
}

/// Who may call an action (a reduced model of the permission tables).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// ALWAYS_ALLOWED_ACTIONS: no KS needed.
    Open,
    /// Needs a KS of any type (USER, widget or ADMIN).
    AnyKs,
    /// Needs an ADMIN KS (e.g. session.get: a USER KS lacks SESSION_READ_PERMISSION).
    AdminKs,
}

pub type Run = fn(&Call) -> Result<Value, ApiError>;

/// One action: its declared name, mandatory params, enum params, access and body.
pub struct ActionSpec {
    pub service: &'static str,
    /// As declared (camelCase); matched case-insensitively.
    pub action: &'static str,
    pub required: &'static [&'static str],
    /// (param, allowed values, Kaltura enum type).
    pub enums: &'static [(&'static str, &'static [i64], &'static str)],
    pub access: Access,
    pub run: Run,
}

const SESSION_TYPE: (&str, &[i64], &str) = ("type", &[0, 2], "KalturaSessionType");

/// Every action the simulator answers.
pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec {
        service: "session",
        action: "start",
        required: &["secret"],
        enums: &[SESSION_TYPE],
        access: Access::Open,
        run: session::start,
    },
    ActionSpec {
        service: "session",
        action: "startWidgetSession",
        required: &["widgetId"],
        enums: &[],
        access: Access::Open,
        run: session::start_widget_session,
    },
    ActionSpec {
        service: "session",
        action: "get",
        required: &[],
        enums: &[],
        access: Access::AdminKs,
        run: session::get,
    },
    ActionSpec {
        service: "apptoken",
        action: "startSession",
        required: &["id", "tokenHash"],
        enums: &[SESSION_TYPE],
        access: Access::AnyKs,
        run: app_token::start_session,
    },
    ActionSpec {
        service: "baseentry",
        action: "list",
        required: &[],
        enums: &[],
        access: Access::AnyKs,
        run: base_entry::list,
    },
    ActionSpec {
        service: "baseentry",
        action: "get",
        required: &["entryId"],
        enums: &[],
        access: Access::AnyKs,
        run: base_entry::get,
    },
    ActionSpec {
        service: "baseentry",
        action: "getPlaybackContext",
        required: &["entryId"],
        enums: &[],
        access: Access::AnyKs,
        run: base_entry::get_playback_context,
    },
    ActionSpec {
        service: "metadata_metadata",
        action: "list",
        required: &[],
        enums: &[],
        access: Access::AnyKs,
        run: base_entry::metadata_list,
    },
    ActionSpec {
        service: "uiconf",
        action: "get",
        required: &["id"],
        enums: &[],
        access: Access::Open,
        run: ui_conf::get,
    },
    ActionSpec {
        service: "system",
        action: "ping",
        required: &[],
        enums: &[],
        access: Access::Open,
        run: system::ping,
    },
];

/// A KS that parsed and whose signature matched its partner's admin secret.
#[derive(Debug, Clone)]
pub struct Session<'a> {
    pub partner: &'a Partner,
    pub ks: String,
    pub fields: KsFields,
    pub privileges: Privileges,
}

impl Session<'_> {
    pub fn is_admin(&self) -> bool {
        self.fields.session_type == SESSION_TYPE_ADMIN
    }

    pub fn is_anonymous(&self) -> bool {
        matches!(self.fields.user_id.as_str(), "" | "0")
    }

    /// Type 0, anonymous user and `widget:1` (kSessionBase::isWidgetSession).
    pub fn is_widget(&self) -> bool {
        self.fields.session_type == SESSION_TYPE_USER
            && self.is_anonymous()
            && self.privileges.values("widget").contains(&"1")
    }
}

/// Everything an action body may look at.
pub struct Call<'a> {
    pub env: &'a Env<'a>,
    pub params: &'a Params,
    pub session: Option<Session<'a>>,
    pub service: &'a str,
    pub spec: &'a ActionSpec,
}

impl Call<'_> {
    pub fn state(&self) -> &State {
        self.env.state
    }

    pub fn text(&self, name: &str) -> Option<&str> {
        self.params.text(name)
    }

    /// An int param cast like PHP; `None` when absent or empty.
    pub fn int(&self, name: &str) -> Option<i64> {
        self.text(name).filter(|t| !t.is_empty()).map(ks::php_int)
    }

    /// The session; actions with `Access::AnyKs` always have one.
    pub fn session(&self) -> Result<&Session<'_>, ApiError> {
        self.session.as_ref().ok_or_else(|| self.forbidden())
    }

    pub fn forbidden(&self) -> ApiError {
        errors::SERVICE_FORBIDDEN.with(&[&format!("{}->{}", self.service, self.spec.action)])
    }
}

fn lookup(service: &str, action: &str) -> Result<&'static ActionSpec, ApiError> {
    if service.is_empty() {
        return Err(errors::SERVICE_NOT_SPECIFIED.with(&[]));
    }
    let service = service.to_ascii_lowercase();
    let action = action.to_ascii_lowercase();
    if !ACTIONS.iter().any(|spec| spec.service == service) {
        return Err(errors::SERVICE_DOES_NOT_EXISTS.with(&[&service]));
    }
    ACTIONS
        .iter()
        .find(|spec| spec.service == service && spec.action.eq_ignore_ascii_case(&action))
        .ok_or_else(|| errors::ACTION_DOES_NOT_EXISTS.with(&[&action, &service]))
}

/// Runs one call; the check order follows KalturaDispatcher::dispatch.
pub fn call(env: &Env, service: &str, action: &str, params: &Params) -> Result<Value, ApiError> {
    let spec = lookup(service, action)?;
    let service = service.to_ascii_lowercase();

    // initKsPartnerUser: a KS that does not parse fails before anything else.
    let ks_text = params.text("ks").filter(|ks| !ks.is_empty());
    let parsed = match ks_text {
        Some(ks) => Some(parse_ks(env.state, ks)?),
        None => None,
    };

    // buildActionArguments.
    for name in spec.required {
        if params.get(name).is_none() {
            return Err(errors::MISSING_MANDATORY_PARAMETER.with(&[name]));
        }
    }
    for (name, allowed, enum_type) in spec.enums {
        if let Some(value) = params.text(name).filter(|v| !v.is_empty()) {
            let valid = value.parse::<i64>().is_ok_and(|n| allowed.contains(&n));
            if !valid {
                return Err(errors::INVALID_ENUM_VALUE.with(&[value, name, enum_type]));
            }
        }
    }

    // kPermissionManager::init: KS validity, partner status, permission.
    let session = match parsed {
        Some(session) => Some(check_validity(env, session)?),
        None => None,
    };
    match &session {
        Some(session) if !session.partner.is_active() => {
            return Err(errors::SERVICE_FORBIDDEN_CONTENT_BLOCKED.with(&[]));
        }
        Some(_) => {}
        None => {
            let partner_id = params.text("partnerId").map(ks::php_int).unwrap_or(0);
            let active = env
                .state
                .fixtures
                .partner(partner_id)
                .is_some_and(Partner::is_active);
            if partner_id != 0 && !active {
                return Err(errors::SERVICE_FORBIDDEN_CONTENT_BLOCKED.with(&[]));
            }
        }
    }
    let call = Call {
        env,
        params,
        session,
        service: &service,
        spec,
    };
    let allowed = match spec.access {
        Access::Open => true,
        Access::AnyKs => call.session.is_some(),
        Access::AdminKs => call.session.as_ref().is_some_and(Session::is_admin),
    };
    if !allowed {
        return Err(call.forbidden());
    }
    (spec.run)(&call)
}

/// Parse and signature check; any failure is INVALID_KS with the KS itself as KSID.
pub fn parse_ks<'a>(state: &'a State, ks_text: &str) -> Result<Session<'a>, ApiError> {
    let invalid = || ApiError::invalid_ks(ks_text);
    let (_, partner_id) = ks::peek(ks_text).map_err(|_| invalid())?;
    let partner = state.fixtures.partner(partner_id).ok_or_else(invalid)?;
    let decoded = ks::decode(&partner.admin_secret, ks_text).map_err(|_| invalid())?;
    if decoded.partner_id != partner.id {
        return Err(invalid());
    }
    Ok(Session {
        partner,
        ks: ks_text.to_string(),
        privileges: Privileges::parse(&decoded.fields.privileges),
        fields: decoded.fields,
    })
}

/// kSessionBase::isValidBase plus the actions limit, in the server's order.
fn check_validity<'a>(env: &Env, session: Session<'a>) -> Result<Session<'a>, ApiError> {
    if session.fields.valid_until <= env.state.now() {
        return Err(ApiError::invalid_ks("EXPIRED"));
    }
    let ips = session.privileges.values("iprestrict");
    if session.privileges.has("iprestrict") && !ips.contains(&env.ip.to_string().as_str()) {
        return Err(ApiError::invalid_ks("EXCEEDED_RESTRICTED_IP"));
    }
    if session.privileges.has("urirestrict") && !uri_allowed(&session.privileges, env.uri) {
        return Err(ApiError::invalid_ks("EXCEEDED_RESTRICTED_URI"));
    }
    if let Some(limit) = session.privileges.value_of("actionslimit") {
        let limit = match limit.parse::<u64>() {
            Ok(n) if n > 0 => n,
            _ => return Err(errors::INVALID_ACTIONS_LIMIT.with(&[])),
        };
        if !env.state.use_action(&session.ks, limit) {
            return Err(ApiError::invalid_ks("EXCEEDED_ACTIONS_LIMIT"));
        }
    }
    Ok(session)
}

/// `urirestrict:<uri>|<prefix*>`: exact match or trailing-`*` prefix match on REQUEST_URI.
fn uri_allowed(privileges: &Privileges, uri: &str) -> bool {
    let joined = privileges.values("urirestrict").join("/");
    joined
        .split('|')
        .any(|pattern| match pattern.strip_suffix('*') {
            Some(prefix) => uri.starts_with(prefix),
            None => uri == pattern,
        })
}
