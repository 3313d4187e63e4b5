//! What the preview says for each kind of failure it can observe.

use kaltura::embed::preview::{explain, PreviewEvent};
use kaltura::embed::PlayerVersion;

fn check(event: PreviewEvent, expected_fragment: &str) {
    let said = explain(&event, PlayerVersion::V7);
    assert!(
        said.contains(expected_fragment),
        "{event:?} → {said:?}, expected {expected_fragment:?}"
    );
}

fn error(text: &str) -> PreviewEvent {
    PreviewEvent::Error {
        text: text.to_string(),
    }
}

#[test]
fn plain_words_for_each_failure() {
    check(
        PreviewEvent::ScriptFailed {
            url: "https://cdn.example.com/p/1/embedPlaykitJs/uiconf_id/2".into(),
        },
        "did not load from https://cdn.example.com",
    );
    check(error("Missing bundle configuration"), "not a v7 player");
    check(
        error("ReferenceError: KalturaPlayer is not defined"),
        "library did not load",
    );
    check(
        error(
            r#"{"code":"INVALID_KS","message":"Invalid KS \"EXPIRED\", Error \"-1,INVALID_STR\""}"#,
        ),
        "expired",
    );
    check(
        error(r#"{"code":"INVALID_KS","message":"Invalid KS \"djJ8\""}"#),
        "KS was rejected",
    );
    check(
        error("SERVICE_FORBIDDEN_CONTENT_BLOCKED"),
        "unknown or blocked",
    );
    check(
        error(r#"{"category":7,"code":7002,"data":{"messages":[{"code":"SESSION_RESTRICTED"}]}}"#),
        "requires a KS",
    );
    check(error("ENTRY_ID_NOT_FOUND"), "entry was not found");
    check(
        error("Unknown widget [_99]"),
        "uiConf) or widget was not found",
    );
    check(PreviewEvent::TimedOut, "did not start");
    check(PreviewEvent::Playing, "playing");
    // Waiting for a press is not a failure: said as such, and left for a later error to replace.
    check(PreviewEvent::Loaded, "waits for a press on play");
    check(PreviewEvent::Poster, "press play to start it");
    assert!(PreviewEvent::Loaded.is_waiting() && PreviewEvent::Poster.is_waiting());
    assert!(!PreviewEvent::Playing.is_waiting() && !PreviewEvent::TimedOut.is_waiting());
    check(error(&"x".repeat(500)), "…");
}

fn api_error(code: &str, call: &str) -> PreviewEvent {
    PreviewEvent::ApiError {
        code: code.to_string(),
        call: call.to_string(),
    }
}

#[test]
fn an_api_error_while_loading_the_media_names_the_code_the_call_and_what_to_check() {
    let table = [
        (
            "ENTRY_ID_NOT_FOUND",
            "baseEntry.getPlaybackContext",
            "check the Entry ID",
        ),
        (
            "INVALID_ENTRY_ID",
            "playlist.execute",
            "check the Entry ID (or Playlist ID)",
        ),
        ("INVALID_KS", "baseEntry.list", "start a new session"),
        (
            "SERVICE_FORBIDDEN_CONTENT_BLOCKED",
            "session.startWidgetSession",
            "unknown or blocked",
        ),
        (
            "INVALID_WIDGET_ID",
            "session.startWidgetSession",
            "check the Partner ID",
        ),
        ("SERVICE_FORBIDDEN", "baseEntry.list", "without setrole"),
        (
            "SOMETHING_NEW",
            "baseEntry.list",
            "check the Partner ID, the Entry ID",
        ),
    ];
    for (code, call, next) in table {
        check(
            api_error(code, call),
            &format!("api_v3 answered {code} to {call}, so"),
        );
        check(api_error(code, call), next);
        check(api_error(code, call), "The player failed to load the media");
    }
    // The frame is not trusted to send tidy text.
    let said = explain(
        &api_error("<b>X</b> \"KS\"", &"a.b ".repeat(50)),
        PlayerVersion::V7,
    );
    // Only the characters of a code and a call name, and at most 60 of them.
    let call = format!("{}, so", "a.ba.ba.b".repeat(10).get(..60).unwrap());
    assert!(
        said.contains(&format!("answered bXbKS to {call}")),
        "{said}"
    );
    assert!(!said.contains(['<', '"']), "{said}");
    assert!(!PreviewEvent::ApiError {
        code: String::new(),
        call: String::new()
    }
    .is_waiting());
}

#[test]
fn a_muted_cross_origin_error_and_the_iframe_embed_are_said_honestly() {
    check(error("Script error."), "hides from this page");
    check(error("Script error."), "developer console");
    let note = kaltura::embed::preview::IFRAME_NOTE;
    assert!(
        note.contains("cannot tell whether it plays or fails"),
        "{note}"
    );
    assert!(note.contains("Entry ID"), "{note}");
}

#[test]
fn the_frame_takes_the_size_the_page_will_give_the_player() {
    use kaltura::embed::preview::frame_size;
    use kaltura::embed::{AspectRatio, Size};
    let table = [
        (Size::Responsive(AspectRatio::R16x9), (640, 360)),
        (Size::Responsive(AspectRatio::R4x3), (640, 480)),
        // Taller than the room there is: as tall as allowed, narrower.
        (Size::Responsive(AspectRatio::R9x16), (337, 600)),
        (
            Size::Responsive(AspectRatio::Custom { w: 21, h: 9 }),
            (640, 274),
        ),
        (
            Size::Fixed {
                width: 1280,
                height: 720,
            },
            (1280, 720),
        ),
        (
            Size::Fixed {
                width: 320,
                height: 180,
            },
            (320, 180),
        ),
    ];
    for (size, expected) in table {
        assert_eq!(frame_size(size, 640, 600), expected, "{size:?}");
    }
}
