//! The embed form panel: IDs, content, player version, embed type, size, playback and host options.

use kaltura::embed::form::{
    ContentKind, Evaluation, Field, Problem, RatioChoice, Severity, SizeMode, TimeMode,
};
use kaltura::embed::{EmbedType, PlayerVersion};
use yew::prelude::*;

use super::embed_state::{EmbedAction, EmbedState, Flag};
use crate::shared::fields::{
    checkbox, field_id, radio_group, text_field, CheckboxProps, ChoiceOption, FieldMessage, Flow,
    TextFieldProps,
};

/// What the form shows: its state and that state's evaluation (for field messages).
pub struct EmbedPanelProps<'a> {
    pub state: &'a EmbedState,
    /// Where the form's changes go (`App`'s reducer).
    pub dispatch: &'a Callback<EmbedAction>,
    pub evaluation: &'a Evaluation,
    /// False in the page's very first render, which stops after the content ID (see `App`).
    pub whole_form: bool,
}

/// The form as part of `App`'s view: a plain function rather than a component, since it has no
/// state of its own and re-renders with `App` on every change anyway (one component less in the
/// first module). Two sections: the IDs, and the options; `App` puts the code between them, so
/// on a phone the code comes right after the content ID.
pub fn embed_panel(props: EmbedPanelProps) -> [Html; 2] {
    let (state, dispatch) = (props.state, props.dispatch);
    let form = &state.form;
    let kind = form.content_kind;
    let text = |field: Field| -> Html {
        let extra = field_extra(field);
        let oninput = dispatch.reform(move |value: String| EmbedAction::Text(field, value));
        let onblur = dispatch.reform(move |_| EmbedAction::Touch(field));
        let value = state.text(field);
        // A link or embed code typed where an ID goes: its error offers "Fill from this".
        let pasted = matches!(field, Field::Partner | Field::UiConf | Field::ContentId)
            && kaltura::embed::ids::is_pasted(value);
        text_field(&TextFieldProps {
            id: field_id(field).into(),
            label: field.label(kind).into(),
            value: value.to_string().into(),
            hint: extra.hint.map(AttrValue::Static),
            placeholder: extra.placeholder.map(AttrValue::Static),
            inputmode: extra.numeric.then_some(AttrValue::Static("numeric")),
            problem: visible_problem(props.evaluation, state, field, pasted)
                .map(FieldMessage::from),
            oninput,
            onblur,
        })
    };
    let flag = |flag: Flag,
                id: &'static str,
                label: &'static str,
                hint: Option<&'static str>,
                disabled: bool| {
        let onchange = dispatch.reform(move |on| EmbedAction::Flag(flag, on));
        checkbox(&CheckboxProps {
            id: id.into(),
            label: label.into(),
            checked: state.flag(flag),
            hint: hint.map(AttrValue::from),
            disabled,
            onchange,
        })
    };

    let ids = html! {
        <section class="panel form-panel" aria-labelledby="form-heading">
            <h2 id="form-heading">{ "Player and content" }</h2>
            { text(Field::Partner) }
            { text(Field::UiConf) }
            { radio_group(
                "content-kind",
                "Content",
                Flow::Inline,
                &[
                    ChoiceOption { value: ContentKind::Entry, label: "Entry", help: None },
                    ChoiceOption { value: ContentKind::Playlist, label: "Playlist", help: None },
                ],
                kind,
                dispatch.reform(EmbedAction::ContentKind),
            ) }
            { text(Field::ContentId) }
        </section>
    };
    if !props.whole_form {
        return [ids, Html::default()];
    }
    let options = html! {
        <section class="panel options-panel" aria-labelledby="options-heading">
            <h2 id="options-heading">{ "Player options" }</h2>
            { radio_group(
                "player-version",
                "Player version",
                Flow::Stacked,
                &[
                    ChoiceOption { value: PlayerVersion::V7, label: "Player v7", help: Some("The current Kaltura Player.") },
                    ChoiceOption { value: PlayerVersion::V2, label: "Player v2 (legacy)", help: Some("kWidget players of older accounts.") },
                ],
                form.version,
                dispatch.reform(EmbedAction::Version),
            ) }
            { radio_group(
                "embed-type",
                "Embed type",
                Flow::Stacked,
                &EmbedType::ALL.map(|t| ChoiceOption { value: t, label: t.label(), help: Some(t.when_to_use()) }),
                form.kind,
                dispatch.reform(EmbedAction::Kind),
            ) }

            { host_picker(state, dispatch, &text) }

            <h2>{ "Size" }</h2>
            { radio_group(
                "size-mode",
                "Sizing",
                Flow::Inline,
                &[
                    ChoiceOption { value: SizeMode::Responsive, label: "Responsive", help: None },
                    ChoiceOption { value: SizeMode::Fixed, label: "Fixed size", help: None },
                ],
                form.size_mode,
                dispatch.reform(EmbedAction::SizeMode),
            ) }
            if form.size_mode == SizeMode::Responsive {
                { radio_group(
                    "ratio",
                    "Aspect ratio",
                    Flow::Inline,
                    &[
                        ChoiceOption { value: RatioChoice::R16x9, label: "16:9", help: None },
                        ChoiceOption { value: RatioChoice::R4x3, label: "4:3", help: None },
                        ChoiceOption { value: RatioChoice::R1x1, label: "1:1", help: None },
                        ChoiceOption { value: RatioChoice::R9x16, label: "9:16", help: None },
                        ChoiceOption { value: RatioChoice::Custom, label: "Custom", help: None },
                    ],
                    form.ratio,
                    dispatch.reform(EmbedAction::Ratio),
                ) }
                if form.ratio == RatioChoice::Custom {
                    { text(Field::CustomRatio) }
                }
            } else {
                <div class="row">
                    { text(Field::Width) }
                    { text(Field::Height) }
                </div>
            }

            <h2>{ "Playback" }</h2>
            <div class="checks">
                { flag(Flag::Autoplay, "opt-autoplay", "Autoplay", None, false) }
                { flag(Flag::Muted, "opt-muted", "Start muted", None, false) }
                { flag(Flag::MutedAutoplayFallback, "opt-muted-fallback", "Fall back to muted autoplay",
                    Some("Where sound is blocked, starts muted."), !form.autoplay) }
                { flag(Flag::Loop, "opt-loop", "Loop", None, false) }
                { flag(Flag::ClipSegment, "opt-clip", "Clip to a segment", None, false) }
            </div>
            <div class="row">
                { text(Field::Start) }
                if form.time_mode == TimeMode::Clip {
                    { text(Field::ClipTo) }
                }
            </div>

            <details class="advanced">
                <summary>{ "Advanced: element ID" }</summary>
                { text(Field::TargetId) }
            </details>
        </section>
    };
    [ids, options]
}

/// Where the player library comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HostChoice {
    Saas,
    LocalSimulator,
    Custom,
}

/// The simulator started by `cargo xtask serve` also serves the player library.
const LOCAL_SIMULATOR_HOST: &str = "http://127.0.0.1:8081";

fn host_picker(
    state: &EmbedState,
    dispatch: &Callback<EmbedAction>,
    text: &dyn Fn(Field) -> Html,
) -> Html {
    // Custom stays picked while its field is cleared (the form then says the host is missing);
    // links and pastes from before `custom_host` name their host in the text alone.
    let choice = match state.form.cdn_host.trim() {
        _ if state.form.custom_host => HostChoice::Custom,
        "" => HostChoice::Saas,
        LOCAL_SIMULATOR_HOST => HostChoice::LocalSimulator,
        _ => HostChoice::Custom,
    };
    // Picking Custom starts from https:// to type into.
    let onchange = dispatch.reform(move |choice: HostChoice| {
        let (custom, text) = match choice {
            HostChoice::Saas => (false, ""),
            HostChoice::LocalSimulator => (false, LOCAL_SIMULATOR_HOST),
            HostChoice::Custom => (true, "https://"),
        };
        EmbedAction::Host {
            custom,
            text: text.to_string(),
        }
    });
    // The simulator's option shows on a page served from this computer (the extras module marks
    // it `data-local`, see `page.rs`) or when it is chosen; style.css hides it otherwise. Deciding
    // here would cost the first module a host-name check.
    let optional = (choice != HostChoice::LocalSimulator).then_some("");
    html! {
        <>
            <div data-sim-optional={optional}>
            { radio_group(
                "cdn-choice",
                "Player host (CDN)",
                Flow::Stacked,
                &[
                    ChoiceOption { value: HostChoice::Saas, label: "Kaltura SaaS (cdnapisec.kaltura.com)", help: None },
                    ChoiceOption { value: HostChoice::LocalSimulator, label: "Local simulator (127.0.0.1:8081)", help: None },
                    ChoiceOption { value: HostChoice::Custom, label: "Custom / on-prem", help: None },
                ],
                choice,
                onchange,
            ) }
            </div>
            if choice == HostChoice::Custom {
                { text(Field::CdnHost) }
            }
        </>
    }
}

/// What a text input shows besides its label and value.
#[derive(Default)]
struct FieldExtra {
    hint: Option<&'static str>,
    placeholder: Option<&'static str>,
    /// Digits only: phones show a number pad.
    numeric: bool,
}

/// Each text field's hint and placeholder, in one table.
fn field_extra(field: Field) -> FieldExtra {
    let (hint, placeholder, numeric) = match field {
        Field::Partner => (Some("In KMC: Settings → Integration Settings."), None, true),
        Field::UiConf => (
            Some("The player's ID in KMC → Studio (or Share & Embed)."),
            None,
            true,
        ),
        // Hints in the box start with "e.g.", so none of them passes for a value typed there.
        Field::ContentId => (None, Some("e.g. 1_abcd1234"), false),
        Field::CdnHost => (Some("e.g. https://cdn.example.edu"), None, false),
        Field::CustomRatio => (None, Some("e.g. 21:9"), false),
        // A fixed size starts from real values (`EmbedForm::set_size_mode`).
        Field::Width | Field::Height => (None, None, true),
        Field::Start => (Some("Seconds or m:ss."), Some("e.g. 1:30"), false),
        Field::ClipTo => (Some("Seconds or m:ss."), Some("e.g. 2:00"), false),
        Field::TargetId => (Some("Empty: kaltura_player_<content id>."), None, false),
    };
    FieldExtra {
        hint,
        placeholder,
        numeric,
    }
}

/// A field's problem if it is due: warnings at once; what is missing or wrong once the user left
/// the field (not while a value is half typed, nor in a field nobody typed in yet), or at once
/// for a link or embed code in an ID field (`pasted`: no typing will make it an ID).
pub fn visible_problem(
    evaluation: &Evaluation,
    state: &EmbedState,
    field: Field,
    pasted: bool,
) -> Option<Problem> {
    evaluation
        .problem(field)
        .filter(|p| p.severity == Severity::Warning || pasted || state.is_touched(field))
        .cloned()
}
