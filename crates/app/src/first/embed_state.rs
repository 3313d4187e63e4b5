//! Reducer for the embed form: the raw inputs plus which fields the user has left (for "missing" hints).

use std::rc::Rc;

use kaltura::embed::form::{ContentKind, EmbedForm, Field, RatioChoice, SizeMode, TimeMode};
use kaltura::embed::{EmbedType, PlayerVersion};
use yew::Reducible;

/// An on/off option of the embed form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    Autoplay,
    Muted,
    MutedAutoplayFallback,
    Loop,
    IncludeKs,
    /// "Clip to a segment" (on) or "Start at" (off): `EmbedForm::time_mode`.
    ClipSegment,
}

#[derive(Debug, Clone, PartialEq)]
pub enum EmbedAction {
    /// A text field changed (the form's `Field` names every text input).
    Text(Field, String),
    Flag(Flag, bool),
    ContentKind(ContentKind),
    Version(PlayerVersion),
    Kind(EmbedType),
    SizeMode(SizeMode),
    Ratio(RatioChoice),
    /// A player host option was picked: whether it is "Custom / on-prem", and the host text it
    /// starts from.
    Host {
        custom: bool,
        text: String,
    },
    /// The user left this field: from now on an empty required value is reported there.
    Touch(Field),
    /// Replace the whole form (share link, paste-to-fill); every filled field counts as touched
    /// (its value was not typed here, so any problem in it is due at once).
    Load(Box<EmbedForm>),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmbedState {
    pub form: EmbedForm,
    pub touched: Vec<Field>,
}

impl EmbedState {
    pub fn is_touched(&self, field: Field) -> bool {
        self.touched.contains(&field)
    }

    /// The raw text of an input.
    pub fn text(&self, input: Field) -> &str {
        let f = &self.form;
        match input {
            Field::Partner => &f.partner,
            Field::UiConf => &f.ui_conf,
            Field::ContentId => &f.content_id,
            Field::CdnHost => &f.cdn_host,
            Field::CustomRatio => &f.custom_ratio,
            Field::Width => &f.width,
            Field::Height => &f.height,
            Field::Start => &f.start,
            Field::ClipTo => &f.clip_to,
            Field::TargetId => &f.target_id,
        }
    }

    pub fn flag(&self, flag: Flag) -> bool {
        let f = &self.form;
        match flag {
            Flag::Autoplay => f.autoplay,
            Flag::Muted => f.muted,
            Flag::MutedAutoplayFallback => f.muted_autoplay_fallback,
            Flag::Loop => f.loop_playback,
            Flag::IncludeKs => f.include_ks,
            Flag::ClipSegment => f.time_mode == TimeMode::Clip,
        }
    }

    /// Applies one action; pure so it can be tested without a DOM.
    pub fn apply(mut self, action: EmbedAction) -> Self {
        let f = &mut self.form;
        match action {
            EmbedAction::Text(input, value) => {
                let slot = match input {
                    Field::Partner => &mut f.partner,
                    Field::UiConf => &mut f.ui_conf,
                    Field::ContentId => &mut f.content_id,
                    Field::CdnHost => &mut f.cdn_host,
                    Field::CustomRatio => &mut f.custom_ratio,
                    Field::Width => &mut f.width,
                    Field::Height => &mut f.height,
                    Field::Start => &mut f.start,
                    Field::ClipTo => &mut f.clip_to,
                    Field::TargetId => &mut f.target_id,
                };
                *slot = value;
            }
            EmbedAction::Flag(flag, on) => {
                let slot = match flag {
                    Flag::Autoplay => &mut f.autoplay,
                    Flag::Muted => &mut f.muted,
                    Flag::MutedAutoplayFallback => &mut f.muted_autoplay_fallback,
                    Flag::Loop => &mut f.loop_playback,
                    Flag::IncludeKs => &mut f.include_ks,
                    Flag::ClipSegment => {
                        f.time_mode = if on {
                            TimeMode::Clip
                        } else {
                            TimeMode::StartAt
                        };
                        return self;
                    }
                };
                *slot = on;
            }
            EmbedAction::ContentKind(kind) => f.content_kind = kind,
            EmbedAction::Version(version) => f.version = version,
            EmbedAction::Kind(kind) => f.kind = kind,
            EmbedAction::SizeMode(mode) => f.set_size_mode(mode),
            EmbedAction::Ratio(ratio) => f.ratio = ratio,
            EmbedAction::Host { custom, text } => {
                f.custom_host = custom;
                f.cdn_host = text;
            }
            EmbedAction::Touch(field) => {
                if !self.touched.contains(&field) {
                    self.touched.push(field);
                }
            }
            EmbedAction::Load(form) => {
                self.form = *form;
                self.touched = Field::ALL
                    .into_iter()
                    .filter(|input| !self.text(*input).trim().is_empty())
                    .collect();
            }
        }
        self
    }
}

impl Reducible for EmbedState {
    type Action = EmbedAction;

    fn reduce(self: Rc<Self>, action: EmbedAction) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}
