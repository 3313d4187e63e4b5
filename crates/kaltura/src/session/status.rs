//! The Session panel's status line: its words and tone for each state, the verdicts on a started
//! session, and where the advice on a failed start goes.

use crate::embed::ids::PartnerId;
use crate::session::api::{ApiError, SessionOutcome, SessionUser};
use crate::session::form::{Method, SessionField};

/// How the status line reads: fine, worth a second look, or wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Ok,
    Warn,
    Error,
}

impl Tone {
    /// The status line's `data-tone` (style.css colours it).
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Ok => "ok",
            Tone::Warn => "warn",
            Tone::Error => "error",
        }
    }
}

/// Where the panel is, as far as its status line goes.
#[derive(Debug, Clone, Copy)]
pub enum Progress<'a> {
    /// Nothing under way; `refused` when the last Start found fields to fix.
    Idle { refused: bool },
    /// A request started with this method is under way.
    Sending(Method),
    /// The last request failed (an earlier session is gone with it).
    Failed(&'a ApiError),
    /// A session answered; `None` once it is forgotten.
    Started(Option<StartedSession<'a>>),
}

/// The session a start (or a KS check) gave.
#[derive(Debug, Clone, Copy)]
pub struct StartedSession<'a> {
    pub outcome: &'a SessionOutcome,
    pub method: Method,
    /// Its countdown reached zero.
    pub expired: bool,
}

/// What the embed form holds now: the verdict compares the session with it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Typed<'a> {
    pub partner: &'a str,
    pub content_id: &'a str,
}

/// The status line: what it says and how it looks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub tone: Tone,
}

/// The status line for `progress`, followed by the latest announcement (a copy, a cancel), if any.
pub fn status(progress: Progress, typed: Typed, announcement: &str) -> Status {
    let (text, tone) = match progress {
        Progress::Idle { refused: true } => (
            "Not started: fix the fields marked below.".to_string(),
            Tone::Error,
        ),
        Progress::Idle { refused: false } => (String::new(), Tone::Ok),
        Progress::Sending(method) => (sending_text(method).to_string(), Tone::Ok),
        Progress::Failed(error) => (format!("Failed: {}", error.message()), Tone::Error),
        Progress::Started(None) => (String::new(), Tone::Ok),
        Progress::Started(Some(session)) => started(session, typed),
    };
    let text = match (text.is_empty(), announcement.is_empty()) {
        (_, true) => text,
        (true, false) => announcement.to_string(),
        (false, false) => format!("{text} · {announcement}"),
    };
    Status { text, tone }
}

fn sending_text(method: Method) -> &'static str {
    match method {
        Method::AppToken => "Starting session with the app token (2 requests)…",
        Method::PasteKs => "Checking the KS…",
        Method::Widget | Method::Secret => "Starting session and checking it…",
    }
}

fn started(session: StartedSession, typed: Typed) -> (String, Tone) {
    let outcome = session.outcome;
    if session.expired {
        return (
            "The session has expired: its KS no longer works and is out of the embed code. \
             Start a new session."
                .to_string(),
            Tone::Warn,
        );
    }
    let other = other_partner(session, typed.partner);
    let summary = match other {
        Some(typed) => format!(
            "This KS is for partner {}, not {typed} (the Partner ID above). {}",
            outcome.partner,
            outcome.summary()
        ),
        None => outcome.summary(),
    };
    // The verdict names what it checked: say so once the form holds another one.
    let text = match &outcome.looked_for {
        Some(content) if content.id() != typed.content_id.trim() => {
            format!("{summary} (checked before the ID above changed: start again to check it)")
        }
        _ => summary,
    };
    let tone = if outcome.content_not_found() || other.is_some() {
        Tone::Warn
    } else {
        Tone::Ok
    };
    (text, tone)
}

/// A pasted KS names its own partner: the Partner ID typed above, when it is a valid other one.
pub fn other_partner<'t>(session: StartedSession, typed_partner: &'t str) -> Option<&'t str> {
    let typed = typed_partner.trim();
    let differs = PartnerId::parse(typed).is_ok_and(|typed| typed != session.outcome.partner);
    (session.method == Method::PasteKs && differs).then_some(typed)
}

/// Who the session is for, as the KS inspector shows it.
pub fn user_label(user: &SessionUser) -> &str {
    match user {
        SessionUser::Anonymous => "anonymous",
        SessionUser::Named(name) => name,
        SessionUser::Unknown => "not readable (v2 KS)",
    }
}

/// Where the advice on a failed start (`ApiError::remediation`) goes: beside the input the error
/// is about, when the tab the start was made from shows that input; `None` puts it under the
/// status line, which says what went wrong.
pub fn remedy_at(error: &ApiError, method: Method) -> Option<SessionField> {
    SessionField::for_api_error(error).filter(|field| shows(method, *field))
}

/// Whether the panel shows `field` while `method`'s tab is open.
fn shows(method: Method, field: SessionField) -> bool {
    match field {
        SessionField::ServiceUrl | SessionField::Partner => true,
        SessionField::AppTokenId | SessionField::AppToken => method == Method::AppToken,
        SessionField::Secret => method == Method::Secret,
        SessionField::Ks => method == Method::PasteKs,
        SessionField::Expiry => method != Method::PasteKs,
        SessionField::UserId | SessionField::Privileges(_) => {
            matches!(method, Method::AppToken | Method::Secret)
        }
    }
}
