//! Reducer for the first module's page: the embed form, the KS the extras hand over, the form's evaluation, the copy status and what is on screen.
//!
//! One reducer rather than a hook per value: every hook type is its own code in the wasm, and this
//! module is what a first visit downloads before it can type.

use std::rc::Rc;

use kaltura::embed::form::{evaluate, EmbedForm, Evaluation, Field};
use kaltura::session::ks::Ks;
use yew::Reducible;

use super::embed_state::{EmbedAction, EmbedState};
use crate::shared::code_block::{CopyAction, CopyState};

#[derive(Debug, Clone, PartialEq)]
pub struct StudioState {
    pub embed: EmbedState,
    /// The session's KS from the extras (it can change what the snippet says and contains).
    pub ks: Option<Rc<Ks>>,
    /// `evaluate(embed.form, ks)`, worked out again only when one of them changes.
    pub evaluation: Rc<Evaluation>,
    pub copy: CopyState,
    /// False until one task after the first render, which stops after the content ID (see `App`).
    pub whole_form: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StudioAction {
    Embed(EmbedAction),
    Ks(Option<Rc<Ks>>),
    Copy(CopyAction),
    ShowWholeForm,
}

impl StudioState {
    /// The page as it opens: an empty form, or the one a shared link carries.
    pub fn new(form: Option<EmbedForm>) -> Self {
        let embed = EmbedState::default();
        let embed = match form {
            Some(form) => embed.apply(EmbedAction::Load(Box::new(form))),
            None => embed,
        };
        StudioState {
            evaluation: Rc::new(evaluate(&embed.form, None)),
            embed,
            ks: None,
            copy: CopyState::default(),
            whole_form: false,
        }
    }

    /// Applies one action; pure so it can be tested without a DOM.
    pub fn apply(mut self, action: StudioAction) -> Self {
        match action {
            StudioAction::Embed(action) => {
                // Leaving a field marks it touched and changes no input: the evaluation stands.
                let changes_form = !matches!(action, EmbedAction::Touch(_));
                self.embed = self.embed.apply(action);
                if changes_form {
                    self.evaluate();
                }
            }
            StudioAction::Ks(ks) => {
                if ks != self.ks {
                    self.ks = ks;
                    self.evaluate();
                }
            }
            StudioAction::Copy(action) => {
                // Copy pressed before the code is ready: every field's message is due now.
                if action == CopyAction::NotReady {
                    for field in Field::ALL {
                        self.embed = self.embed.apply(EmbedAction::Touch(field));
                    }
                }
                self.copy = self.copy.apply(action)
            }
            StudioAction::ShowWholeForm => self.whole_form = true,
        }
        self
    }

    fn evaluate(&mut self) {
        let evaluation = evaluate(&self.embed.form, self.ks.as_deref());
        if evaluation.snippet != self.evaluation.snippet {
            self.copy = self.copy.code_changed();
        }
        self.evaluation = Rc::new(evaluation);
    }
}

impl Reducible for StudioState {
    type Action = StudioAction;

    fn reduce(self: Rc<Self>, action: StudioAction) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}
