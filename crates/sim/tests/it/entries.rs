//! baseEntry.list visibility and pager, baseEntry.get, baseEntry.getPlaybackContext ("KS required").

use crate::support::*;

const ALL_DEMO: &[&str] = &[
    "1_demo0001",
    "1_demo0002",
    "1_demo0003",
    "1_demo0004",
    "1_demo0005",
    "0_demoplst",
];

fn admin_ks(sim: &Sim) -> String {
    let result = sim.call(
        "session",
        "start",
        &[
            ("partnerId", DEMO_PID),
            ("secret", DEMO_ADMIN_SECRET),
            ("type", "2"),
        ],
    );
    result.as_str().unwrap().to_string()
}

fn ids(result: &Json) -> Vec<String> {
    result["objects"]
        .as_array()
        .unwrap_or_else(|| panic!("not a list response: {result}"))
        .iter()
        .map(|entry| entry["id"].as_str().unwrap().to_string())
        .collect()
}

/// (ks, extra params) → (ids on the page, totalCount).
fn check_list(sim: &Sim, ks: &str, extra: &[(&str, &str)], expected: &[&str], total: usize) {
    let mut params = vec![("ks", ks)];
    params.extend_from_slice(extra);
    let result = sim.call("baseEntry", "list", &params);
    assert_eq!(
        result["objectType"], "KalturaBaseEntryListResponse",
        "{result}"
    );
    assert_eq!(ids(&result), expected, "{extra:?}");
    assert_eq!(result["totalCount"], total, "{extra:?}");
}

#[test]
fn list_visibility_by_session() {
    let sim = Sim::start();
    let own = ["1_demo0001", "1_demo0002", "1_demo0003", "0_demoplst"];
    let demo_user = sim.user_ks("demo-user", "");
    let alice = sim.user_ks("alice@example.com", "");
    let nobody = sim.user_ks("nobody", "");
    let anonymous = sim.user_ks("", "");
    let lister = sim.user_ks("nobody", "list:*");
    let star = sim.user_ks("nobody", "*");
    let widget = sim.widget_ks();
    let admin = admin_ks(&sim);
    let legacy = sim.ks_for(LEGACY_PID, LEGACY_USER_SECRET, "legacy-user", "");
    check_list(&sim, &demo_user, &[], &own, 4);
    check_list(&sim, &alice, &[], &["1_demo0004"], 1);
    check_list(&sim, &nobody, &[], &[], 0);
    check_list(&sim, &anonymous, &[], &[], 0);
    check_list(&sim, &lister, &[], ALL_DEMO, 6);
    check_list(&sim, &star, &[], ALL_DEMO, 6);
    check_list(&sim, &admin, &[], ALL_DEMO, 6);
    check_list(&sim, &widget, &[], &[], 0);
    check_list(&sim, &legacy, &[], &["1_legacy01"], 1);
    // An id filter lifts the own-entries rule.
    let id_in = [("filter:idIn", "1_demo0004,1_demo0005")];
    check_list(&sim, &widget, &id_in, &["1_demo0004", "1_demo0005"], 2);
    check_list(
        &sim,
        &nobody,
        &[("filter:idEqual", "1_demo0005")],
        &["1_demo0005"],
        1,
    );
    check_list(
        &sim,
        &widget,
        &[("filter:referenceIdEqual", "ref-customer-story")],
        &["1_demo0005"],
        1,
    );
    check_list(&sim, &widget, &[("filter:idIn", "1_legacy01")], &[], 0);
    // Other filters narrow what is visible anyway.
    check_list(
        &sim,
        &demo_user,
        &[("filter:nameLike", "TOUR")],
        &["1_demo0002"],
        1,
    );
    check_list(
        &sim,
        &admin,
        &[("filter:userIdEqual", "bob@example.com")],
        &["1_demo0005"],
        1,
    );
    check_list(
        &sim,
        &admin,
        &[("filter:categoriesMatchOr", "Demo")],
        &["1_demo0001", "1_demo0002", "1_demo0003"],
        3,
    );
    check_list(
        &sim,
        &admin,
        &[("filter:typeEqual", "5")],
        &["0_demoplst"],
        1,
    );
    check_list(
        &sim,
        &admin,
        &[
            ("filter:objectType", "KalturaMediaEntryFilter"),
            ("filter:idEqual", ""),
        ],
        ALL_DEMO,
        6,
    );
}

#[test]
fn list_pager() {
    let sim = Sim::start();
    let admin = admin_ks(&sim);
    let cases: &[(Pairs, &[&str])] = &[
        (&[("pager:pageSize", "2")], &["1_demo0001", "1_demo0002"]),
        (
            &[("pager:pageSize", "2"), ("pager:pageIndex", "2")],
            &["1_demo0003", "1_demo0004"],
        ),
        (
            &[("pager:pageSize", "4"), ("pager:pageIndex", "2")],
            &["1_demo0005", "0_demoplst"],
        ),
        (&[("pager:pageSize", "4"), ("pager:pageIndex", "3")], &[]),
        (
            &[("pager:pageSize", "1"), ("pager:pageIndex", "0")],
            &["1_demo0001"],
        ),
        (
            &[("pager:pageSize", "1"), ("pager:pageIndex", "-3")],
            &["1_demo0001"],
        ),
        (&[("pager:pageSize", "0")], &[]),
        (&[("pager:pageSize", "-5")], &[]),
        (&[("pager:pageSize", "100000")], ALL_DEMO),
        (
            &[("pager[pageSize]", "1"), ("pager[pageIndex]", "6")],
            &["0_demoplst"],
        ),
    ];
    for (pager, expected) in cases {
        check_list(&sim, &admin, pager, expected, 6);
    }
}

#[test]
fn list_needs_a_ks() {
    let sim = Sim::start();
    let cases: &[&[(&str, &str)]] = &[&[], &[("partnerId", DEMO_PID)], &[("ks", "")]];
    for params in cases {
        let result = sim.call("baseEntry", "list", params);
        assert_eq!(
            (result["code"].as_str(), result["message"].as_str()),
            (
                Some("SERVICE_FORBIDDEN"),
                Some("The access to service [baseentry->list] is forbidden")
            ),
            "{params:?}"
        );
    }
}

#[test]
fn list_entry_shape() {
    let sim = Sim::start();
    let result = sim.call(
        "baseEntry",
        "list",
        &[("ks", &sim.widget_ks()), ("filter:idEqual", "1_demo0005")],
    );
    let entry = &result["objects"][0];
    let expected = json!({
        "id": "1_demo0005", "name": "Customer story", "description": "", "partnerId": 2506752,
        "userId": "bob@example.com", "creatorId": "bob@example.com", "tags": "", "categories": "",
        "status": 2, "type": 1, "createdAt": 1700000000, "updatedAt": 1700000000,
        // Served by the simulator itself, so previews show it offline.
        "thumbnailUrl": format!("http://{}/p/2506752/sp/250675200/thumbnail/entry_id/1_demo0005/version/100002", sim.addr()),
        "referenceId": "ref-customer-story", "accessControlId": 1, "plays": 0, "views": 0,
        "duration": 148, "msDuration": 148000, "mediaType": 1, "objectType": "KalturaMediaEntry"
    });
    assert_eq!(entry, &expected);
    // objectType is the last key, as PHP appends it.
    let raw = sim.post_form(
        "/api_v3/service/baseEntry/action/list",
        &[
            ("format", "1"),
            ("ks", &sim.widget_ks()),
            ("filter:idEqual", "1_demo0005"),
        ],
    );
    assert!(raw
        .body
        .starts_with(r#"{"objects":[{"id":"1_demo0005","name":"Customer story","#));
    assert!(raw.body.ends_with(r#""mediaType":1,"objectType":"KalturaMediaEntry"}],"totalCount":1,"objectType":"KalturaBaseEntryListResponse"}"#));
}

#[test]
fn get_ignores_access_control_like_the_real_server() {
    let sim = Sim::start();
    let widget = sim.widget_ks();
    let cases = [
        ("1_demo0003", "Members-only webinar (KS required)"),
        ("1_demo0004", "Quarterly all-hands"),
        ("1_legacy01", "ENTRY_ID_NOT_FOUND"),
        ("0_nothere", "ENTRY_ID_NOT_FOUND"),
    ];
    for (id, expected) in cases {
        let result = sim.call("baseEntry", "get", &[("ks", &widget), ("entryId", id)]);
        let actual = match code_of(&result).as_str() {
            "OK" => result["name"].as_str().unwrap().to_string(),
            code => code.to_string(),
        };
        assert_eq!(actual, expected, "{id}");
    }
    let missing = sim.call(
        "baseEntry",
        "get",
        &[("ks", &widget), ("entryId", "0_nothere")],
    );
    assert_eq!(missing["message"], "Entry id \"0_nothere\" not found");
}

#[test]
fn playback_context_enforces_ks_required() {
    let sim = Sim::start();
    let admin = admin_ks(&sim);
    let cases = [
        (sim.widget_ks(), "1_demo0003", true),
        (sim.user_ks("demo-user", ""), "1_demo0003", true),
        (sim.user_ks("x", "sview:1_demo0001"), "1_demo0003", true),
        (sim.user_ks("x", "sview:1_demo0003"), "1_demo0003", false),
        (
            sim.user_ks("x", "sview:1_demo0001/1_demo0003"),
            "1_demo0003",
            false,
        ),
        (sim.user_ks("x", "sview:*"), "1_demo0003", false),
        (sim.user_ks("x", "*"), "1_demo0003", false),
        (admin, "1_demo0003", false),
        (sim.widget_ks(), "1_demo0001", false),
    ];
    for (ks, entry, blocked) in cases {
        let result = sim.call(
            "baseEntry",
            "getPlaybackContext",
            &[("ks", &ks), ("entryId", entry)],
        );
        assert_eq!(result["objectType"], "KalturaPlaybackContext", "{result}");
        let expected_actions = if blocked {
            json!([{"type": 1, "objectType": "KalturaAccessControlBlockAction"}])
        } else {
            json!([])
        };
        assert_eq!(
            result["actions"], expected_actions,
            "{entry} blocked={blocked}"
        );
        if blocked {
            assert_eq!(result["messages"][0]["code"], "SESSION_RESTRICTED");
        }
    }
}
