//! Response decoding: api_v3 JSON (plain results, multirequest arrays, exceptions) into typed outcomes.

use super::credentials::UserId;
use serde::{Deserialize, Deserializer};

use super::answer::{
    ListAnswer, Multi, SessionInfoAnswer, Step, TextOrNumber, WidgetSessionAnswer,
};
use super::body::parse_body;
use super::error::{ApiError, KsSource};
use super::expiry::Expiry;
use super::request::SecretSession;
use crate::embed::ids::PartnerId;
use crate::embed::Content;
use crate::session::ks::{Ks, KsInfo};

/// Who the session is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionUser {
    Anonymous,
    Named(String),
    /// A v2 KS that was pasted: the user is encrypted.
    Unknown,
}

impl SessionUser {
    fn from_text(text: &str) -> SessionUser {
        // api_v3 writes the anonymous user as "" or 0.
        match text {
            "" | "0" => SessionUser::Anonymous,
            name => SessionUser::Named(name.to_string()),
        }
    }
}

/// When the KS stops working, as precisely as it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpiresHint {
    /// Absolute unix seconds, read from the KS (v1) or from the server's answer.
    At(u64),
    /// The lifetime that was requested, counted from when the answer arrived. The server may have
    /// shortened it to the partner's maximum, so treat it as an upper bound.
    AfterSecs(u32),
    Unknown,
}

/// A started (and, for the verify calls, checked) USER session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionOutcome {
    pub ks: Ks,
    pub partner: PartnerId,
    pub user: SessionUser,
    pub expires_hint: ExpiresHint,
    /// The privileges as far as known: read from a v1 KS or the server's answer, else as requested.
    pub privileges: Option<String>,
    /// `totalCount` of `baseEntry.list` with this KS; `None` when the list was not run or failed.
    pub entries_visible: Option<u64>,
    /// The session started but listing with it failed (e.g. a role without list permission, or a
    /// `urirestrict` that excludes the list path).
    pub list_error: Option<ApiError>,
    /// Whether the first entry listed is a playlist; `None` when none was listed. With
    /// `looked_for`, it tells an entry ID typed as a playlist (or the other way round).
    pub first_is_playlist: Option<bool>,
    /// The entry or playlist the list was narrowed to (`SessionCall::looking_for`), if any:
    /// `entries_visible` then says whether this KS can see it.
    pub looked_for: Option<Content>,
}

impl SessionOutcome {
    /// One line for the verify result, e.g. `Partner 123 OK — this KS can see entry 1_abc`.
    pub fn summary(&self) -> String {
        let partner = self.partner;
        match (&self.looked_for, self.entries_visible, &self.list_error) {
            (Some(content), Some(0), _) => format!(
                "Partner {partner} OK, but {} {} was not found with this KS: check the {} ID \
                 (it must belong to partner {partner}) and, if the account uses entitlement, \
                 the categories it is in.",
                content.noun(),
                content.id(),
                content.label(),
            ),
            (Some(content), Some(_), _) if self.kind_differs() => {
                // What the ID is, and what was typed: the other kind.
                let (found, choose, typed) = match content {
                    Content::Entry(_) => ("a playlist", "Playlist", "an entry"),
                    Content::Playlist(_) => ("a media entry", "Entry", "a playlist"),
                };
                format!(
                    "Partner {partner} OK, but {} is {found}, not {typed}: choose {choose} as \
                     the content above.",
                    content.id()
                )
            }
            (Some(content), Some(_), _) => format!(
                "Partner {partner} OK — this KS can see {} {}",
                content.noun(),
                content.id()
            ),
            (None, Some(0), _) => format!(
                "Partner {partner} OK — the session works. It lists no entries: a USER KS without \
                 list:* lists only its own user's entries, and a widget session none (with a valid \
                 Entry ID above, the check looks that entry up by ID)."
            ),
            (None, Some(1), _) => format!("Partner {partner} OK — 1 entry visible to this KS"),
            (None, Some(n), _) => format!("Partner {partner} OK — {n} entries visible to this KS"),
            (_, None, Some(error)) => format!(
                "Partner {partner}: session started, but listing entries with it failed. {}",
                error.message()
            ),
            (_, None, None) => format!("Partner {partner}: session started (not verified)"),
        }
    }

    /// Whether the session works but the entry or playlist it was checked against is not there
    /// for it, or is the other kind.
    pub fn content_not_found(&self) -> bool {
        self.looked_for.is_some() && (self.entries_visible == Some(0) || self.kind_differs())
    }

    /// The ID checked was found, as the other kind of content (an entry typed as a playlist…).
    fn kind_differs(&self) -> bool {
        match (&self.looked_for, self.first_is_playlist) {
            (Some(content), Some(is_playlist)) => {
                is_playlist != matches!(content, Content::Playlist(_))
            }
            _ => false,
        }
    }
}

/// What the request asked for; fills whatever the KS and the answer do not say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Requested {
    partner: PartnerId,
    user: UserId,
    expiry: Expiry,
    privileges: String,
}

impl From<&SecretSession> for Requested {
    fn from(input: &SecretSession) -> Self {
        Requested {
            partner: input.partner,
            user: input.user.clone(),
            expiry: input.expiry,
            privileges: input.privileges.clone(),
        }
    }
}

/// How to read the answer of a [`super::SessionCall`].
#[derive(Debug, Clone)]
pub(crate) enum Plan {
    SecretStart(Requested),
    SecretVerify(Requested),
    WidgetVerify { partner: PartnerId, expiry: Expiry },
    AppTokenVerify { user: UserId, expiry: Expiry },
    KsVerify(Ks),
}

fn unexpected(detail: impl Into<String>) -> ApiError {
    ApiError::UnexpectedResponse {
        detail: detail.into(),
    }
}

/// Deserializes the parsed body as `T`. The shapes in [`super::answer`] accept any JSON value, so
/// this fails only when the deserializer itself does (e.g. a JS value JSON cannot produce).
fn read<'de, T: Deserialize<'de>, D: Deserializer<'de>>(body: D) -> Result<T, ApiError> {
    T::deserialize(body).map_err(|e| unexpected(e.to_string()))
}

/// A step's result, its exception as the error, or `expected` when it is another shape.
fn done<T>(step: Step<T>, expected: &str) -> Result<T, ApiError> {
    match step {
        Step::Done(value) => Ok(value),
        Step::Failed(exception) => Err(ApiError::from(&exception)),
        Step::Other(_) => Err(unexpected(expected)),
    }
}

/// A multirequest answer: one item per step. A top-level exception (the whole request refused)
/// is returned as the error.
fn two_results<A, B>(multi: Multi<A, B>) -> Result<(Step<A>, Step<B>), ApiError> {
    match multi {
        Multi::Pair(first, second) => Ok((first, second)),
        Multi::Refused(exception) => Err(ApiError::from(&exception)),
        Multi::Items(items) => Err(unexpected(format!(
            "expected 2 multirequest results, got {}",
            items.len()
        ))),
        Multi::Other(_) => Err(unexpected("expected a multirequest array")),
    }
}

fn parse_ks(text: Option<&str>) -> Result<Ks, ApiError> {
    let text = text.ok_or_else(|| unexpected("no KS in the answer"))?;
    Ks::parse(text).map_err(|_| unexpected("the KS in the answer is not a KS string"))
}

/// What a `baseEntry.list` answered.
struct Listed {
    count: u64,
    /// Whether the first item is a playlist (`KalturaPlaylist`); `None` when nothing is listed.
    first_is_playlist: Option<bool>,
}

/// The entry count of a `Kaltura…ListResponse`, and the kind of its first item.
fn total_count(step: Step<ListAnswer>) -> Result<Listed, ApiError> {
    const EXPECTED: &str = "expected a list response with totalCount";
    let list = done(step, EXPECTED)?;
    let count = list
        .total_count
        .as_ref()
        .and_then(TextOrNumber::as_i64)
        .and_then(|n| u64::try_from(n).ok());
    match (list.object_type.ends_with("ListResponse"), count) {
        (true, Some(count)) => Ok(Listed {
            count,
            first_is_playlist: list
                .objects
                .first()
                .map(|first| first.object_type.as_deref() == Some("KalturaPlaylist")),
        }),
        _ => Err(unexpected(EXPECTED)),
    }
}

/// Step 1 of a session flow, read from its own result.
struct Started {
    ks: Ks,
    partner: Option<PartnerId>,
    user: Option<SessionUser>,
    expires_at: Option<u64>,
    session_type: Option<i64>,
    privileges: Option<String>,
}

impl Started {
    fn just_ks(ks: Ks) -> Self {
        Started {
            ks,
            partner: None,
            user: None,
            expires_at: None,
            session_type: None,
            privileges: None,
        }
    }
}

fn partner_field(partner_id: Option<&TextOrNumber>) -> Option<PartnerId> {
    let n = partner_id?.as_i64()?;
    PartnerId::parse(&n.to_string()).ok()
}

/// `session.start`: a bare JSON string.
fn read_session_start(step: Step<String>) -> Result<Started, ApiError> {
    let ks = done(step, "no KS in the answer")?;
    Ok(Started::just_ks(parse_ks(Some(&ks))?))
}

/// `KalturaStartWidgetSessionResponse`: `{partnerId, ks, userId: 0}`.
fn read_widget_session(step: Step<WidgetSessionAnswer>) -> Result<Started, ApiError> {
    const EXPECTED: &str = "expected KalturaStartWidgetSessionResponse";
    let answer = done(step, EXPECTED)?;
    if answer.object_type != "KalturaStartWidgetSessionResponse" {
        return Err(unexpected(EXPECTED));
    }
    Ok(Started {
        partner: partner_field(answer.partner_id.as_ref()),
        user: answer.user_id.map(|u| SessionUser::from_text(&u.0)),
        ..Started::just_ks(parse_ks(answer.ks.as_deref())?)
    })
}

/// `KalturaSessionInfo` from appToken.startSession: `{ks, sessionType, partnerId, userId?, expiry, privileges}`.
fn read_session_info(step: Step<SessionInfoAnswer>) -> Result<Started, ApiError> {
    const EXPECTED: &str = "expected KalturaSessionInfo";
    let answer = done(step, EXPECTED)?;
    if answer.object_type != "KalturaSessionInfo" {
        return Err(unexpected(EXPECTED));
    }
    let session_type = answer.session_type.as_ref().and_then(TextOrNumber::as_i64);
    if session_type != Some(0) {
        return Err(ApiError::NotUserSession {
            session_type,
            source: KsSource::AppToken,
        });
    }
    Ok(Started {
        partner: partner_field(answer.partner_id.as_ref()),
        // userId is omitted when null, which is an anonymous session.
        user: Some(SessionUser::from_text(
            answer.user_id.as_ref().map_or("", |u| u.0.as_str()),
        )),
        expires_at: answer
            .expiry
            .as_ref()
            .and_then(TextOrNumber::as_i64)
            .and_then(|n| u64::try_from(n).ok()),
        session_type,
        privileges: answer.privileges,
        ..Started::just_ks(parse_ks(answer.ks.as_deref())?)
    })
}
/// What the request asked for, as defaults under what the KS and the answer say.
struct Defaults {
    partner: Option<PartnerId>,
    user: Option<SessionUser>,
    expiry: Option<Expiry>,
    privileges: Option<String>,
    source: KsSource,
}

/// Combines step 1 with the KS's own readable fields (they win) and the request's defaults.
fn outcome(
    started: Started,
    defaults: Defaults,
    list: Option<Result<Listed, ApiError>>,
) -> Result<SessionOutcome, ApiError> {
    let info = started.ks.inspect().ok();
    let v1 = match &info {
        Some(KsInfo::V1(v1)) => Some(v1),
        _ => None,
    };
    // Defence in depth: whatever the server claims, a readable KS of another type is refused.
    let session_type = v1
        .map(|v| v.session_type)
        .or(started.session_type.map(Some));
    if let Some(t) = session_type {
        if t != Some(0) {
            return Err(ApiError::NotUserSession {
                session_type: t,
                source: defaults.source,
            });
        }
    }
    let partner = info
        .as_ref()
        .map(KsInfo::partner)
        .or(started.partner)
        .or(defaults.partner)
        .ok_or_else(|| unexpected("the partner of the KS cannot be read"))?;
    let user = v1
        .map(|v| SessionUser::from_text(&v.user_id))
        .or(started.user)
        .or(defaults.user)
        .unwrap_or(SessionUser::Unknown);
    let expires_hint = match (
        v1.map(|v| v.valid_until).or(started.expires_at),
        defaults.expiry,
    ) {
        (Some(at), _) => ExpiresHint::At(at),
        (None, Some(expiry)) => ExpiresHint::AfterSecs(expiry.secs()),
        (None, None) => ExpiresHint::Unknown,
    };
    let privileges = v1
        .map(|v| v.privileges_joined())
        .or(started.privileges)
        .or(defaults.privileges);
    let (entries_visible, first_is_playlist, list_error) = match list {
        Some(Ok(listed)) => (Some(listed.count), listed.first_is_playlist, None),
        Some(Err(e)) => (None, None, Some(e)),
        None => (None, None, None),
    };
    Ok(SessionOutcome {
        ks: started.ks,
        partner,
        user,
        expires_hint,
        privileges,
        entries_visible,
        first_is_playlist,
        looked_for: None,
        list_error,
    })
}

fn requested_defaults(requested: &Requested, source: KsSource) -> Defaults {
    Defaults {
        partner: Some(requested.partner),
        user: Some(SessionUser::from_text(requested.user.as_str())),
        expiry: Some(requested.expiry),
        privileges: Some(requested.privileges.clone()),
        source,
    }
}

/// Reads a response body with the caller's JSON parser (see [`super::body`]) into the outcome of `plan`.
pub(crate) fn decode<'de, D: Deserializer<'de>>(
    plan: &Plan,
    text: &str,
    parse: impl FnOnce(&str) -> Result<D, String>,
) -> Result<SessionOutcome, ApiError> {
    let body = parse_body(text, parse)?;
    match plan {
        Plan::SecretStart(requested) => {
            let started = read_session_start(read(body)?)?;
            outcome(
                started,
                requested_defaults(requested, KsSource::Started),
                None,
            )
        }
        Plan::SecretVerify(requested) => {
            let (first, second) = two_results::<String, ListAnswer>(read(body)?)?;
            // A failed step 1 makes step 2 run without a KS: its error would only mislead.
            let started = read_session_start(first)?;
            outcome(
                started,
                requested_defaults(requested, KsSource::Started),
                Some(total_count(second)),
            )
        }
        Plan::WidgetVerify { partner, expiry } => {
            let (first, second) = two_results::<WidgetSessionAnswer, ListAnswer>(read(body)?)?;
            let started = read_widget_session(first)?;
            let defaults = Defaults {
                partner: Some(*partner),
                user: Some(SessionUser::Anonymous),
                expiry: Some(*expiry),
                privileges: None,
                source: KsSource::Started,
            };
            outcome(started, defaults, Some(total_count(second)))
        }
        Plan::AppTokenVerify { user, expiry } => {
            let (first, second) = two_results::<SessionInfoAnswer, ListAnswer>(read(body)?)?;
            let started = read_session_info(first)?;
            let defaults = Defaults {
                partner: None,
                user: Some(SessionUser::from_text(user.as_str())),
                expiry: Some(*expiry),
                privileges: None,
                source: KsSource::AppToken,
            };
            outcome(started, defaults, Some(total_count(second)))
        }
        Plan::KsVerify(ks) => {
            let count = total_count(read(body)?)?;
            let defaults = Defaults {
                partner: None,
                user: None,
                expiry: None,
                privileges: None,
                source: KsSource::Pasted,
            };
            outcome(Started::just_ks(ks.clone()), defaults, Some(Ok(count)))
        }
    }
}

/// App-token step 1: the widget KS from a single `startWidgetSession` answer.
pub(crate) fn decode_widget_ks<'de, D: Deserializer<'de>>(
    text: &str,
    parse: impl FnOnce(&str) -> Result<D, String>,
) -> Result<Ks, ApiError> {
    let body = parse_body(text, parse)?;
    Ok(read_widget_session(read(body)?)?.ks)
}
