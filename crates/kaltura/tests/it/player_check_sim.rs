//! The secret-less check of the embed's IDs against the simulator: partner, player version and
//! content, each wrong one named.

use kaltura::embed::form::{evaluate, EmbedForm};
use kaltura::embed::PlayerVersion;
use kaltura::session::api::{player_check, Verdict};

use crate::session_sim::Sim;
use crate::session_support::json;

fn check(sim: &Sim, form: EmbedForm, expected: fn(&Verdict) -> bool) {
    let request = evaluate(&form, None).request.expect("a valid form");
    let check = player_check(&request).expect("a check for a valid form");
    let (status, body) = sim.send(&check.request);
    assert_eq!(status, 200, "{body}");
    let verdict = check.decode(&body, json);
    assert!(expected(&verdict), "{form:?}: {verdict:?}");
    assert!(!verdict.message().is_empty());
}

#[test]
fn the_check_names_the_wrong_id() {
    let sim = Sim::start();
    let form = EmbedForm {
        partner: "2506752".into(),
        ui_conf: "48460943".into(),
        content_id: "1_demo0001".into(),
        cdn_host: sim.handle.base_url(),
        custom_host: true,
        ..EmbedForm::default()
    };
    check(&sim, form.clone(), Verdict::is_fine);
    // A v2 uiConf with Player v7, and a v7 one with Player v2.
    let v2_player = EmbedForm {
        ui_conf: "48460944".into(),
        ..form.clone()
    };
    check(&sim, v2_player.clone(), |v| {
        *v == Verdict::WrongVersion {
            player: PlayerVersion::V2,
        }
    });
    check(
        &sim,
        EmbedForm {
            version: PlayerVersion::V2,
            ..v2_player
        },
        Verdict::is_fine,
    );
    check(
        &sim,
        EmbedForm {
            version: PlayerVersion::V2,
            ..form.clone()
        },
        |v| {
            *v == Verdict::WrongVersion {
                player: PlayerVersion::V7,
            }
        },
    );
    check(
        &sim,
        EmbedForm {
            ui_conf: "99999999".into(),
            ..form.clone()
        },
        |v| *v == Verdict::UnknownPlayer,
    );
    // Another partner's player is not this partner's.
    check(
        &sim,
        EmbedForm {
            ui_conf: "40000001".into(),
            ..form.clone()
        },
        |v| *v == Verdict::UnknownPlayer,
    );
    check(
        &sim,
        EmbedForm {
            content_id: "1_nosuch99".into(),
            ..form.clone()
        },
        |v| *v == Verdict::UnknownContent,
    );
    check(
        &sim,
        EmbedForm {
            partner: "7777777".into(),
            ..form.clone()
        },
        |v| matches!(v, Verdict::UnknownPartner(_)),
    );
}

#[test]
fn an_answer_that_is_not_the_checks_is_not_checked() {
    let form = EmbedForm {
        partner: "2506752".into(),
        ui_conf: "48460943".into(),
        content_id: "1_demo0001".into(),
        ..EmbedForm::default()
    };
    let request = evaluate(&form, None).request.unwrap();
    let check = player_check(&request).unwrap();
    assert!(
        check
            .request
            .url
            .starts_with("https://www.kaltura.com/api_v3/"),
        "{}",
        check.request.url
    );
    for answer in [
        "",
        "<html>",
        "[]",
        "[{}, {}]",
        r#"{"objectType":"KalturaAPIException","code":"X","message":"m"}"#,
    ] {
        assert!(
            matches!(check.decode(answer, json), Verdict::NotChecked(_)),
            "{answer}"
        );
    }
}

/// Each verdict's mark goes beside the field it is about, and a problem's mark says so (⚠).
#[test]
fn each_verdict_is_marked_at_its_field() {
    use kaltura::embed::form::Field;
    fn check(verdict: Verdict, field: Field, mark: &str) {
        assert_eq!(
            (verdict.field(), verdict.mark()),
            (field, mark),
            "{verdict:?}"
        );
    }
    check(Verdict::Fine, Field::ContentId, "✓ Checked with Kaltura");
    check(
        Verdict::UnknownPartner("no such partner".into()),
        Field::Partner,
        "⚠ Unknown to Kaltura",
    );
    check(Verdict::UnknownPlayer, Field::UiConf, "⚠ No such player");
    let v2 = PlayerVersion::V2;
    check(
        Verdict::WrongVersion { player: v2 },
        Field::UiConf,
        "⚠ A v2 player",
    );
    let v7 = PlayerVersion::V7;
    check(
        Verdict::WrongVersion { player: v7 },
        Field::UiConf,
        "⚠ A v7 player",
    );
    check(Verdict::UnknownContent, Field::ContentId, "⚠ Not found");
    check(
        Verdict::NotChecked("offline".into()),
        Field::ContentId,
        "Not checked",
    );
}
