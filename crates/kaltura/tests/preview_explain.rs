//! What the preview says for each kind of failure it can observe.

use kaltura::embed::PlayerVersion;
use kaltura::preview::{explain, PreviewEvent};

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

#[test]
fn the_frame_takes_the_size_the_page_will_give_the_player() {
    use kaltura::embed::{AspectRatio, Size};
    use kaltura::preview::frame_size;
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
