//! Reducer for the Session panel: inputs, secrets (memory only), the request in flight and its result.

use std::rc::Rc;

use kaltura::session::api::{ApiError, ServicePreset, SessionOutcome};
use kaltura::session::digest::AppTokenHashType;
use kaltura::session::form::{
    ExpiryChoice, Method, PrivilegeInput, PrivilegesForm, Secrets, SessionField, SessionForm,
};
use kaltura::session::ks::Ks;
use kaltura::session::status::remedy_at;
use yew::Reducible;

/// A text input of the Session panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionText {
    CustomServiceUrl,
    AppTokenId,
    UserId,
    CustomExpiry,
    /// Secret input: kept only here, cleared once a request is built.
    Secret,
    /// Secret input: kept only here, cleared once a request is built.
    AppToken,
    /// A pasted KS: kept only here until it is checked.
    PastedKs,
}

/// The reveal toggles (each `aria-pressed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reveal {
    Secret,
    AppToken,
    PastedKs,
    Ks,
}

/// A started and verified USER session.
#[derive(Debug, Clone, PartialEq)]
pub struct ActiveSession {
    pub outcome: SessionOutcome,
    pub method: Method,
    /// `Date.now()` when the answer arrived, for the expiry countdown.
    pub received_at_ms: f64,
    /// The countdown reached zero: the KS no longer works and leaves the embed code.
    pub expired: bool,
    /// The lifetime asked for, in seconds (`None` for a pasted KS).
    pub requested_secs: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Idle,
    Sending { method: Method },
    Failed(Rc<ApiError>),
    Started,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SessionAction {
    Text(SessionText, String),
    Service(ServicePreset),
    Method(Method),
    HashType(AppTokenHashType),
    Expiry(ExpiryChoice),
    Privileges(PrivilegesForm),
    Toggle(Reveal),
    /// Inputs were invalid: show the problems, keep what was typed.
    Invalid(Vec<(SessionField, String)>),
    /// A request with this generation was built and is being sent: secrets are dropped now.
    Begin {
        generation: u32,
        method: Method,
        /// The lifetime asked for, in seconds.
        expiry_secs: Option<u32>,
    },
    /// The answer of request `generation`; ignored unless it is the latest.
    Finished {
        generation: u32,
        result: Result<SessionOutcome, ApiError>,
        at_ms: f64,
    },
    /// Stop waiting for the request in flight (its late answer is then ignored).
    Cancel,
    /// Forget the KS.
    Forget,
    /// The session's countdown reached zero.
    Expired,
    /// The embed form's partner or content changed: messages about them no longer apply.
    EmbedChanged,
    /// Replace the non-secret settings (share link, remembered settings).
    Load(Box<SessionForm>),
    /// Mask every revealed secret again (the page came back from the back/forward cache).
    HideAll,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SessionState {
    pub form: SessionForm,
    pub secrets: Secrets,
    pub reveal_secret: bool,
    pub reveal_token: bool,
    pub reveal_pasted: bool,
    pub reveal_ks: bool,
    pub problems: Vec<(SessionField, String)>,
    /// The generation of the latest request; answers from older ones are dropped.
    pub generation: u32,
    pub phase: Phase,
    pub session: Option<Rc<ActiveSession>>,
    /// The lifetime the request in flight asked for.
    pub requested_secs: Option<u32>,
}

impl Default for SessionState {
    fn default() -> Self {
        SessionState {
            form: SessionForm::default(),
            secrets: Secrets::default(),
            reveal_secret: false,
            reveal_token: false,
            reveal_pasted: false,
            reveal_ks: false,
            problems: Vec::new(),
            generation: 0,
            phase: Phase::Idle,
            session: None,
            requested_secs: None,
        }
    }
}

impl SessionState {
    pub fn text(&self, input: SessionText) -> &str {
        match input {
            SessionText::CustomServiceUrl => &self.form.custom_service_url,
            SessionText::AppTokenId => &self.form.app_token_id,
            SessionText::UserId => &self.form.user_id,
            SessionText::CustomExpiry => &self.form.custom_expiry,
            SessionText::Secret => &self.secrets.secret,
            SessionText::AppToken => &self.secrets.app_token,
            SessionText::PastedKs => &self.secrets.ks,
        }
    }

    pub fn problem(&self, field: SessionField) -> Option<&str> {
        self.problems
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    fn clear_problem(&mut self, field: SessionField) {
        self.problems.retain(|(f, _)| *f != field);
    }

    /// Masks the secret, app-token and pasted-KS inputs again.
    fn mask_inputs(&mut self) {
        self.reveal_secret = false;
        self.reveal_token = false;
        self.reveal_pasted = false;
    }

    pub fn is_sending(&self) -> bool {
        matches!(self.phase, Phase::Sending { .. })
    }

    /// The KS of the active session, for "Include KS in embed code".
    /// The session's KS, noting the privileges as far as known (a v2 KS cannot show its own), so
    /// the embed form can tell when the KS no longer fits its content.
    pub fn scoped_ks(&self) -> Option<Ks> {
        self.session.as_ref().filter(|s| !s.expired).map(|s| {
            let ks = s.outcome.ks.clone();
            match &s.outcome.privileges {
                Some(privileges) => ks.with_requested_privileges(privileges),
                None => ks,
            }
        })
    }

    /// Applies one action; pure so it can be tested without a DOM.
    pub fn apply(mut self, action: SessionAction) -> Self {
        match action {
            SessionAction::Text(input, value) => {
                let slot = match input {
                    SessionText::CustomServiceUrl => &mut self.form.custom_service_url,
                    SessionText::AppTokenId => &mut self.form.app_token_id,
                    SessionText::UserId => &mut self.form.user_id,
                    SessionText::CustomExpiry => &mut self.form.custom_expiry,
                    SessionText::Secret => &mut self.secrets.secret,
                    SessionText::AppToken => &mut self.secrets.app_token,
                    SessionText::PastedKs => &mut self.secrets.ks,
                };
                *slot = value;
                // A message about what was just edited no longer applies.
                self.clear_problem(match input {
                    SessionText::CustomServiceUrl => SessionField::ServiceUrl,
                    SessionText::AppTokenId => SessionField::AppTokenId,
                    SessionText::UserId => SessionField::UserId,
                    SessionText::CustomExpiry => SessionField::Expiry,
                    SessionText::Secret => SessionField::Secret,
                    SessionText::AppToken => SessionField::AppToken,
                    SessionText::PastedKs => SessionField::Ks,
                });
            }
            SessionAction::Service(preset) => {
                self.form.service = preset;
                self.clear_problem(SessionField::ServiceUrl);
            }
            SessionAction::Method(method) => {
                // A secret shown in one tab is not left shown for the next visit to it.
                self.mask_inputs();
                self.form.method = method;
                self.problems.clear();
            }
            SessionAction::HashType(hash) => {
                self.form.hash_type = hash;
                self.clear_problem(SessionField::AppToken);
            }
            SessionAction::Expiry(choice) => {
                self.form.expiry = choice;
                self.clear_problem(SessionField::Expiry);
            }
            SessionAction::Privileges(privileges) => {
                self.form.privileges = privileges;
                self.problems
                    .retain(|(field, _)| !matches!(field, SessionField::Privileges(_)));
            }
            SessionAction::Toggle(which) => {
                let slot = match which {
                    Reveal::Secret => &mut self.reveal_secret,
                    Reveal::AppToken => &mut self.reveal_token,
                    Reveal::PastedKs => &mut self.reveal_pasted,
                    Reveal::Ks => &mut self.reveal_ks,
                };
                *slot = !*slot;
            }
            SessionAction::Invalid(problems) => {
                self.problems = problems;
                self.phase = Phase::Idle;
            }
            SessionAction::Begin {
                generation,
                method,
                expiry_secs,
            } => {
                self.generation = generation;
                self.requested_secs = expiry_secs.filter(|_| method != Method::PasteKs);
                self.secrets = Secrets::default();
                self.mask_inputs();
                self.problems.clear();
                self.phase = Phase::Sending { method };
            }
            SessionAction::Finished {
                generation,
                result,
                at_ms,
            } => {
                if generation != self.generation || !self.is_sending() {
                    return self;
                }
                let method = match self.phase {
                    Phase::Sending { method } => method,
                    _ => self.form.method,
                };
                match result {
                    Ok(outcome) => {
                        self.session = Some(Rc::new(ActiveSession {
                            outcome,
                            method,
                            received_at_ms: at_ms,
                            expired: false,
                            requested_secs: self.requested_secs,
                        }));
                        self.reveal_ks = false;
                        self.phase = Phase::Started;
                    }
                    Err(error) => {
                        // The status line says what went wrong; the field it is about says what
                        // to do (`remediation`), so neither is said twice.
                        if let Some(field) = remedy_at(&error, method) {
                            self.problems = vec![(field, error.remediation().to_string())];
                        }
                        // Nothing from an earlier session stays to read as current under "Failed":
                        // its KS leaves the panel and, with it, the embed code.
                        self.session = None;
                        self.reveal_ks = false;
                        self.phase = Phase::Failed(Rc::new(error));
                    }
                }
            }
            SessionAction::Cancel => {
                if self.is_sending() {
                    self.generation = self.generation.wrapping_add(1);
                    self.phase = Phase::Idle;
                }
            }
            SessionAction::HideAll => {
                self.mask_inputs();
                self.reveal_ks = false;
            }
            SessionAction::Load(form) => {
                self.form = *form;
                self.problems.clear();
            }
            SessionAction::EmbedChanged => self.problems.retain(|(field, _)| {
                !matches!(
                    field,
                    SessionField::Partner
                        | SessionField::Privileges(PrivilegeInput::LimitToContent)
                )
            }),
            SessionAction::Expired => {
                if let Some(session) = self.session.as_mut().filter(|s| !s.expired) {
                    Rc::make_mut(session).expired = true;
                }
            }
            SessionAction::Forget => {
                self.session = None;
                self.reveal_ks = false;
                if self.phase == Phase::Started {
                    self.phase = Phase::Idle;
                }
            }
        }
        self
    }
}

impl Reducible for SessionState {
    type Action = SessionAction;

    fn reduce(self: Rc<Self>, action: SessionAction) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}
