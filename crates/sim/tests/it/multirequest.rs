//! Multirequest over real HTTP: form and JSON numbering, `{K:result:path}` references, inline errors.

use crate::support::*;
use sim::ks;

const MULTI: &str = "/api_v3/service/multirequest";

fn codes(results: &Json) -> Vec<String> {
    results
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {results}"))
        .iter()
        .map(code_of)
        .collect()
}

#[test]
fn widget_session_then_list_by_reference() {
    let sim = Sim::start();
    let results = sim
        .post_form(
            MULTI,
            &[
                ("format", "1"),
                ("1:service", "session"),
                ("1:action", "startWidgetSession"),
                ("1:widgetId", "_2506752"),
                ("2:service", "baseEntry"),
                ("2:action", "list"),
                ("2:ks", "{1:result:ks}"),
                ("2:filter:idIn", "1_demo0001,1_demo0003"),
                ("2:pager:pageSize", "1"),
            ],
        )
        .json();
    assert_eq!(
        results[0]["objectType"],
        "KalturaStartWidgetSessionResponse"
    );
    assert_eq!(results[1]["totalCount"], 2);
    assert_eq!(results[1]["objects"].as_array().unwrap().len(), 1);
}

#[test]
fn verify_in_one_round_trip_with_the_user_secret() {
    let sim = Sim::start();
    // The app's verify flow: session.start + baseEntry.list(pageSize=1) using {1:result} as its KS.
    let cases = [
        (DEMO_USER_SECRET, "demo-user", vec!["OK", "OK"], Some(4)),
        (
            DEMO_USER_SECRET,
            "alice@example.com",
            vec!["OK", "OK"],
            Some(1),
        ),
        (
            "wrong",
            "demo-user",
            vec!["START_SESSION_ERROR", "SERVICE_FORBIDDEN"],
            None,
        ),
    ];
    for (secret, user, expected_codes, total) in cases {
        let results = sim
            .post_form(
                MULTI,
                &[
                    ("format", "1"),
                    ("1:service", "session"),
                    ("1:action", "start"),
                    ("1:secret", secret),
                    ("1:partnerId", DEMO_PID),
                    ("1:type", "0"),
                    ("1:userId", user),
                    ("2:service", "baseEntry"),
                    ("2:action", "list"),
                    ("2:ks", "{1:result}"),
                    ("2:pager:pageSize", "1"),
                ],
            )
            .json();
        assert_eq!(codes(&results), expected_codes, "{user}");
        if let Some(total) = total {
            assert_eq!(results[1]["totalCount"], total);
        }
    }
}

#[test]
fn json_zero_based_like_the_typescript_client() {
    let sim = Sim::start();
    let body = json!({
        "format": 1,
        "clientTag": "test",
        "0": {"service": "session", "action": "startWidgetSession", "widgetId": "_2506752"},
        "1": {"service": "baseentry", "action": "list", "ks": "{1:result:ks}",
              "filter": {"objectType": "KalturaBaseEntryFilter", "idEqual": "1_demo0002"}},
        "2": {"service": "baseentry", "action": "get", "ks": "{1:result:ks}",
              "entryId": "{2:result:objects:0:id}"}
    });
    let reply = sim.send(
        "POST",
        MULTI,
        &[
            ("Content-Type", "application/json"),
            ("Accept", "application/json"),
        ],
        body.to_string().as_bytes(),
    );
    let results = reply.json();
    assert_eq!(codes(&results), ["OK", "OK", "OK"]);
    assert_eq!(results[2]["name"], "Product tour");
}

#[test]
fn inline_errors_do_not_stop_later_items() {
    let sim = Sim::start();
    let results = sim
        .post_form(
            MULTI,
            &[
                ("format", "1"),
                ("1:service", "session"),
                ("1:action", "start"),
                ("1:secret", "wrong"),
                ("1:partnerId", DEMO_PID),
                ("2:service", "baseEntry"),
                ("2:action", "list"),
                ("2:ks", "{1:result}"),
                ("3:service", "nope"),
                ("3:action", "x"),
                ("4:service", "system"),
                ("4:action", "ping"),
            ],
        )
        .json();
    assert_eq!(
        codes(&results),
        [
            "START_SESSION_ERROR",
            "SERVICE_FORBIDDEN",
            "SERVICE_DOES_NOT_EXISTS",
            "OK"
        ]
    );
    assert_eq!(
        results[0],
        json!({"code": "START_SESSION_ERROR", "message": "Error while starting session for partner [2506752]",
               "objectType": "KalturaAPIException", "args": {"PID": "2506752"}})
    );
    assert_eq!(results[3], json!(true));
}

#[test]
fn references_are_substrings_and_ordinals_are_one_based() {
    let sim = Sim::start();
    let admin_list = sim.call(
        "session",
        "start",
        &[
            ("partnerId", DEMO_PID),
            ("secret", DEMO_ADMIN_SECRET),
            ("type", "2"),
        ],
    );
    let results = sim
        .post_form(
            MULTI,
            &[
                ("format", "1"),
                ("ks", admin_list.as_str().unwrap()),
                ("0:service", "baseEntry"),
                ("0:action", "list"),
                ("0:filter:idEqual", "1_demo0004"),
                ("1:service", "session"),
                ("1:action", "start"),
                ("1:ks", ""),
                ("1:secret", DEMO_USER_SECRET),
                ("1:partnerId", "{1:result:objects:0:partnerId}"),
                (
                    "1:userId",
                    "owner-{1:result:objects:0:userId}-{1:result:objects:9:id}",
                ),
                (
                    "1:privileges",
                    "sview:{1:result:objects:0:id},sview:{0:result}",
                ),
            ],
        )
        .json();
    assert_eq!(codes(&results), ["OK", "OK"]);
    let decoded = ks::decode_v2(DEMO_ADMIN_SECRET, results[1].as_str().unwrap()).unwrap();
    assert_eq!(decoded.fields.user_id, "owner-alice@example.com-");
    // v2 keeps the last duplicate name; "{0:result}" is not a reference (ordinals start at 1).
    assert_eq!(decoded.fields.privileges, "sview:{0:result}");
}

#[test]
fn top_level_params_are_inherited_and_numbering_stops_at_a_gap() {
    let sim = Sim::start();
    let user = sim.user_ks("demo-user", "");
    let alice = sim.user_ks("alice@example.com", "");
    let results = sim
        .post_form(
            MULTI,
            &[
                ("format", "1"),
                ("ks", &user),
                ("1:service", "baseEntry"),
                ("1:action", "list"),
                ("1:format", "2"),
                ("2:service", "baseEntry"),
                ("2:action", "list"),
                ("2:ks", &alice),
                ("4:service", "system"),
                ("4:action", "ping"),
            ],
        )
        .json();
    let totals: Vec<&Json> = results
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["totalCount"])
        .collect();
    assert_eq!(totals, [&json!(4), &json!(1)]);
    let empty = sim
        .post_form(MULTI, &[("format", "1"), ("ks", &user)])
        .json();
    assert_eq!(empty, json!([]));
}

#[test]
fn xml_multirequest_items() {
    let sim = Sim::start();
    let reply = sim.post_form(
        "/api_v3/index.php?service=multirequest",
        &[
            ("1:service", "system"),
            ("1:action", "ping"),
            ("2:service", "session"),
            ("2:action", "start"),
        ],
    );
    let body = reply.body;
    let start = "<?xml version=\"1.0\" encoding=\"utf-8\"?><xml><result><item>1</item><item><error><code>MISSING_MANDATORY_PARAMETER</code>";
    assert!(body.starts_with(start), "{body}");
    assert!(
        body.contains("</error></item></result><executionTime>"),
        "{body}"
    );
}
