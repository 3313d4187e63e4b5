//! The table of bad-input cases the Node test (`js/test.mjs`) runs through the built module.
//!
//! Each case is written twice: as module options (JSON) and as the page's `EmbedForm`. The
//! expected issues come from the core's `evaluate` on the form, not from the module, so the table
//! says what the page shows; `tests/it/cases.json` is checked here (refresh with
//! `UPDATE_EXPECT=1 cargo test -p module --test cases`) and the native module must agree with it.

use expect_test::expect_file;
use kaltura::embed::form::{
    evaluate, ContentKind, EmbedForm, Field, RatioChoice, Severity, SizeMode,
};
use kaltura::session::ks::Ks;
use kaltura_embed::embed::embed_code;
use kaltura_embed::issues::Issue;
use kaltura_embed::options::{key_of, EmbedOptions};
use serde_json::{json, Value};

const KS: &str = "djJ8MjUwNjc1Mnx0ZXN0LWtz";

fn base_form() -> EmbedForm {
    EmbedForm {
        partner: "2506752".into(),
        ui_conf: "48460943".into(),
        content_id: "1_abcd1234".into(),
        ..EmbedForm::default()
    }
}

fn base_options() -> Value {
    json!({ "partnerId": "2506752", "uiConfId": "48460943", "entryId": "1_abcd1234" })
}

/// One bad input per field (and per way of being bad that the form tells apart).
fn cases() -> Vec<(&'static str, Value, EmbedForm)> {
    let form = base_form;
    let with = |patch: Value| {
        let mut options = base_options();
        for (key, value) in patch.as_object().unwrap() {
            match value {
                Value::Null => options.as_object_mut().unwrap().remove(key),
                value => options
                    .as_object_mut()
                    .unwrap()
                    .insert(key.clone(), value.clone()),
            };
        }
        options
    };
    vec![
        (
            "partner missing",
            with(json!({"partnerId": null})),
            EmbedForm {
                partner: "".into(),
                ..form()
            },
        ),
        (
            "partner not a number",
            with(json!({"partnerId": "abc"})),
            EmbedForm {
                partner: "abc".into(),
                ..form()
            },
        ),
        (
            "partner negative",
            with(json!({"partnerId": "-5"})),
            EmbedForm {
                partner: "-5".into(),
                ..form()
            },
        ),
        (
            "partner too large",
            with(json!({"partnerId": 99999999999u64})),
            EmbedForm {
                partner: "99999999999".into(),
                ..form()
            },
        ),
        (
            "uiconf zero",
            with(json!({"uiConfId": 0})),
            EmbedForm {
                ui_conf: "0".into(),
                ..form()
            },
        ),
        (
            "uiconf pasted link",
            with(json!({"uiConfId": "https://x/p/1/embedPlaykitJs/uiconf_id/2"})),
            EmbedForm {
                ui_conf: "https://x/p/1/embedPlaykitJs/uiconf_id/2".into(),
                ..form()
            },
        ),
        (
            "entry bad",
            with(json!({"entryId": "abcd"})),
            EmbedForm {
                content_id: "abcd".into(),
                ..form()
            },
        ),
        (
            "entry missing",
            with(json!({"entryId": null})),
            EmbedForm {
                content_id: "".into(),
                ..form()
            },
        ),
        (
            "playlist bad",
            with(json!({"entryId": null, "playlistId": "0_x"})),
            EmbedForm {
                content_kind: ContentKind::Playlist,
                content_id: "0_x".into(),
                ..form()
            },
        ),
        (
            "host bad",
            with(json!({"cdnHost": "not a host"})),
            EmbedForm {
                cdn_host: "not a host".into(),
                custom_host: true,
                ..form()
            },
        ),
        (
            "host empty",
            with(json!({"cdnHost": ""})),
            EmbedForm {
                custom_host: true,
                ..form()
            },
        ),
        (
            "ratio bad",
            with(json!({"aspectRatio": "wide"})),
            EmbedForm {
                ratio: RatioChoice::Custom,
                custom_ratio: "wide".into(),
                ..form()
            },
        ),
        (
            "ratio zero",
            with(json!({"aspectRatio": "0:9"})),
            EmbedForm {
                ratio: RatioChoice::Custom,
                custom_ratio: "0:9".into(),
                ..form()
            },
        ),
        (
            "ratio empty",
            with(json!({"aspectRatio": ""})),
            EmbedForm {
                ratio: RatioChoice::Custom,
                ..form()
            },
        ),
        (
            "width bad",
            with(json!({"width": "wide", "height": 360})),
            EmbedForm {
                size_mode: SizeMode::Fixed,
                width: "wide".into(),
                height: "360".into(),
                ..form()
            },
        ),
        (
            "height missing",
            with(json!({"width": 640})),
            EmbedForm {
                size_mode: SizeMode::Fixed,
                width: "640".into(),
                ..form()
            },
        ),
        (
            "height too large",
            with(json!({"width": 640, "height": 99999})),
            EmbedForm {
                size_mode: SizeMode::Fixed,
                width: "640".into(),
                height: "99999".into(),
                ..form()
            },
        ),
        (
            "start bad",
            with(json!({"startAt": "1:99"})),
            EmbedForm {
                start: "1:99".into(),
                ..form()
            },
        ),
        (
            "clip before start",
            with(json!({"startAt": "0:20", "clipTo": 10})),
            EmbedForm {
                start: "0:20".into(),
                clip_to: "10".into(),
                time_mode: kaltura::embed::form::TimeMode::Clip,
                ..form()
            },
        ),
        (
            "clip at zero",
            with(json!({"clipTo": "0"})),
            EmbedForm {
                clip_to: "0".into(),
                time_mode: kaltura::embed::form::TimeMode::Clip,
                ..form()
            },
        ),
        (
            "target bad",
            with(json!({"targetId": "1 player"})),
            EmbedForm {
                target_id: "1 player".into(),
                ..form()
            },
        ),
        ("everything missing", json!({}), EmbedForm::default()),
    ]
}

/// What the page shows for the form, as the module's issues: field problems at option keys.
fn expected(form: &EmbedForm) -> Vec<Issue> {
    evaluate(form, Ks::parse(KS).ok().as_ref())
        .problems
        .iter()
        .filter(|p| p.severity != Severity::Warning)
        .map(|p| Issue {
            field: key_of(p.field, form.content_kind).to_string(),
            message: match p.severity {
                Severity::Missing => format!("Still needed: {}.", p.message),
                _ => p.message.clone(),
            },
        })
        .collect()
}

#[test]
fn the_table_is_the_pages_messages_and_the_module_agrees() {
    let mut table = Vec::new();
    for (name, options, form) in cases() {
        let issues = expected(&form);
        assert!(
            !issues.is_empty(),
            "{name}: the form is valid, not a bad-input case"
        );
        let parsed: EmbedOptions = serde_json::from_value(options.clone()).unwrap();
        let got = embed_code(&parsed).expect_err(name).issues;
        assert_eq!(got, issues, "{name}");
        let issues: Vec<Value> = issues
            .iter()
            .map(|i| json!({"field": i.field, "message": i.message}))
            .collect();
        table.push(json!({ "name": name, "options": options, "issues": issues }));
    }
    let text = serde_json::to_string_pretty(&table).unwrap() + "\n";
    expect_file!["cases.json"].assert_eq(&text);
}

#[test]
fn every_field_has_a_case() {
    let fields = Field::ALL;
    let covered: Vec<Field> = cases()
        .iter()
        .flat_map(|(_, _, form)| evaluate(form, None).problems)
        .map(|p| p.field)
        .collect();
    for field in fields {
        assert!(covered.contains(&field), "no case for {field:?}");
    }
}
