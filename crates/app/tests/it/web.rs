//! Browser tests (headless Chromium): the embed reducer, the live page and the copy path.

use std::cell::RefCell;
use std::rc::Rc;

use app::first::embed_state::{EmbedAction, EmbedState, Flag};
use kaltura::embed::form::Field;
use kaltura::embed::PlayerVersion;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement};

fn check(actions: Vec<EmbedAction>, expected: impl Fn(&EmbedState) -> bool, what: &str) {
    let state = actions
        .into_iter()
        .fold(EmbedState::default(), EmbedState::apply);
    assert!(expected(&state), "{what}: {state:?}");
}

#[wasm_bindgen_test]
fn reducer_applies_each_action() {
    check(
        vec![EmbedAction::Text(Field::Partner, "2506752".into())],
        |s| s.form.partner == "2506752",
        "partner",
    );
    check(
        vec![
            EmbedAction::Text(Field::ContentId, "1_abcd1234".into()),
            EmbedAction::Text(Field::ContentId, "".into()),
        ],
        |s| s.form.content_id.is_empty(),
        "last text wins",
    );
    check(
        vec![EmbedAction::Flag(Flag::Autoplay, true)],
        |s| s.form.autoplay && !s.form.muted,
        "flag",
    );
    check(
        vec![EmbedAction::Version(PlayerVersion::V2)],
        |s| s.form.version == PlayerVersion::V2,
        "version",
    );
    check(
        vec![
            EmbedAction::Touch(Field::Partner),
            EmbedAction::Touch(Field::Partner),
        ],
        |s| s.touched == vec![Field::Partner],
        "touch is idempotent",
    );
    check(
        vec![EmbedAction::Load(Box::new(
            kaltura::embed::form::EmbedForm {
                partner: "1".into(),
                ..Default::default()
            },
        ))],
        |s| s.touched == vec![Field::Partner] && s.form.partner == "1",
        "load marks filled fields touched",
    );
    check(
        vec![EmbedAction::SizeMode(kaltura::embed::form::SizeMode::Fixed)],
        |s| s.form.width == "640" && s.form.height == "360",
        "a fixed size starts at 640×360",
    );
}

/// Mounts the whole page into a fresh element and returns it.
async fn mount() -> Element {
    let document = gloo_utils_document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    // Sibling roots, as in index.html; here both modules run in one instance.
    let studio = document.create_element("div").unwrap();
    let extras = document.create_element("div").unwrap();
    root.append_child(&studio).unwrap();
    root.append_child(&extras).unwrap();
    yew::Renderer::<app::App>::with_root(studio).render();
    yew::scheduler::flush().await;
    yew::Renderer::<app::extras::Extras>::with_root(extras).render();
    yew::scheduler::flush().await;
    root
}

fn gloo_utils_document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn type_into(root: &Element, id: &str, value: &str) {
    let input: HtmlInputElement = root
        .query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value(value);
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
    // The form reaches the extras once typing pauses (see `bridge`).
    gloo_timers::future::TimeoutFuture::new(app::shared::bridge::EMBED_QUIET_MS + 20).await;
    yew::scheduler::flush().await;
}

fn code(root: &Element) -> String {
    let area: HtmlTextAreaElement = root
        .query_selector("#embed-code")
        .unwrap()
        .unwrap()
        .unchecked_into();
    area.value()
}

#[wasm_bindgen_test]
async fn typing_ids_produces_v7_snippet_and_bad_partner_shows_field_error() {
    let root = mount().await;
    assert!(!code(&root).contains("<script"), "no snippet before input");
    type_into(&root, "partner-id", "2506752").await;
    type_into(&root, "uiconf-id", "48460943").await;
    type_into(&root, "content-id", "1_abcd1234").await;
    assert!(
        code(&root)
            .contains("https://cdnapisec.kaltura.com/p/2506752/embedPlaykitJs/uiconf_id/48460943"),
        "{}",
        code(&root)
    );

    type_into(&root, "partner-id", "12a").await;
    let partner = root.query_selector("#partner-id").unwrap().unwrap();
    // Not while the field is still being typed in: once it is left.
    assert_ne!(
        partner.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    partner
        .dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(
        partner.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    let described = partner.get_attribute("aria-describedby").unwrap();
    let msg_id = described.split(' ').next().unwrap();
    let msg = root
        .query_selector(&format!("#{msg_id}"))
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(msg.contains("Partner ID"), "message names the field: {msg}");
    assert!(
        !code(&root).contains("<script"),
        "no snippet with a bad partner: {}",
        code(&root)
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn a_form_sent_back_by_the_paste_helper_replaces_the_typed_one() {
    let root = mount().await;
    type_into(&root, "partner-id", "111").await;
    let pasted = kaltura::embed::form::EmbedForm {
        partner: "2506752".into(),
        ui_conf: "48460943".into(),
        content_id: "1_abcd1234".into(),
        ..Default::default()
    };
    app::shared::bridge::send(
        app::shared::bridge::Message::Load,
        &kaltura::share::encode_embed_state(&pasted),
    );
    yew::scheduler::flush().await;
    let partner: HtmlInputElement = root
        .query_selector("#partner-id")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(partner.value(), "2506752");
    assert!(code(&root).contains("/p/2506752/"), "{}", code(&root));
    root.remove();
}

/// Replaces `navigator.clipboard` with a stub that records or rejects.
fn stub_clipboard(accept: bool) {
    let body = if accept {
        "window.__copied = null; Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {writeText: (t) => { window.__copied = t; return Promise.resolve(); }}});"
    } else {
        "Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError'))}});"
    };
    js_sys::Function::new_no_args(body)
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap();
}

fn copied_text() -> Option<String> {
    js_sys::Reflect::get(&web_sys::window().unwrap(), &"__copied".into())
        .unwrap()
        .as_string()
}

async fn click_copy_and_wait(root: &Element) -> String {
    let button: web_sys::HtmlElement = root
        .query_selector(".code-panel button.primary")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    for _ in 0..50 {
        gloo_timers::future::TimeoutFuture::new(20).await;
        yew::scheduler::flush().await;
        let status = root
            .query_selector(".code-panel [role=status]")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap();
        if !status.is_empty() {
            return status;
        }
    }
    String::new()
}

async fn filled_page() -> Element {
    let root = mount().await;
    type_into(&root, "partner-id", "2506752").await;
    type_into(&root, "uiconf-id", "48460943").await;
    type_into(&root, "content-id", "1_abcd1234").await;
    root
}

#[wasm_bindgen_test]
async fn copy_puts_exact_code_on_clipboard_and_announces_it() {
    stub_clipboard(true);
    let root = filled_page().await;
    let status = click_copy_and_wait(&root).await;
    assert_eq!(status, "Copied");
    assert_eq!(copied_text().as_deref(), Some(code(&root).as_str()));
    root.remove();
}

#[wasm_bindgen_test]
async fn refused_copy_says_so_and_selects_the_code() {
    stub_clipboard(false);
    let root = filled_page().await;
    let status = click_copy_and_wait(&root).await;
    assert!(status.contains("did not allow copying"), "{status}");
    let area: HtmlTextAreaElement = root
        .query_selector("#embed-code")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(
        area.selection_end().unwrap(),
        Some(code(&root).encode_utf16().count() as u32),
        "code selected for manual copy"
    );
    root.remove();
}

fn element(root: &Element, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not found"))
        .unchecked_into()
}

async fn click(root: &Element, selector: &str) {
    element(root, selector).click();
    yew::scheduler::flush().await;
}

async fn wait_for_status(root: &Element, selector: &str, contains: &str) -> String {
    let mut last = String::new();
    for _ in 0..200 {
        gloo_timers::future::TimeoutFuture::new(25).await;
        yew::scheduler::flush().await;
        last = element(root, selector).text_content().unwrap_or_default();
        if last.contains(contains) {
            return last;
        }
    }
    panic!("status never said {contains:?}; last: {last:?}");
}

#[wasm_bindgen_test]
async fn secret_field_is_masked_with_a_reveal_toggle() {
    let root = mount().await;
    click(&root, "#tab-secret").await;
    let secret: HtmlInputElement = element(&root, "#secret").unchecked_into();
    assert_eq!(secret.type_(), "password");
    assert_eq!(secret.get_attribute("autocomplete").as_deref(), Some("off"));
    assert_eq!(secret.get_attribute("spellcheck").as_deref(), Some("false"));
    let toggle = "button[aria-controls=secret][aria-pressed]";
    assert_eq!(
        element(&root, toggle)
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("false")
    );
    click(&root, toggle).await;
    let secret: HtmlInputElement = element(&root, "#secret").unchecked_into();
    assert_eq!(secret.type_(), "text");
    assert_eq!(
        element(&root, toggle)
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn failed_start_clears_the_secret_and_stores_nothing() {
    let root = mount().await;
    type_into(&root, "partner-id", "2506752").await;
    // Custom service URL on a closed loopback port: the request fails without leaving the machine.
    click(&root, "#service-url-2").await;
    type_into(&root, "custom-service-url", "http://127.0.0.1:9").await;
    click(&root, "#tab-secret").await;
    let secret_value = "sekret-value-xyz";
    type_into(&root, "secret", secret_value).await;
    click(&root, ".session-panel .actions button.primary").await;
    let status = wait_for_status(&root, ".session-status", "Failed").await;
    assert!(!status.contains(secret_value));
    let secret: HtmlInputElement = element(&root, "#secret").unchecked_into();
    assert_eq!(
        secret.value(),
        "",
        "secret cleared once the request was sent"
    );
    let window = web_sys::window().unwrap();
    assert_eq!(
        window.local_storage().unwrap().unwrap().length().unwrap(),
        0
    );
    assert_eq!(
        window.session_storage().unwrap().unwrap().length().unwrap(),
        0
    );
    assert!(!window.location().href().unwrap().contains(secret_value));
    assert!(
        !root.inner_html().contains(secret_value),
        "secret nowhere in the DOM"
    );
    root.remove();
}

#[wasm_bindgen_test]
fn session_reducer_masks_again_and_drops_stale_answers() {
    use app::extras::session::state::{Reveal, SessionAction, SessionState};
    use kaltura::session::api::{ApiError, Network};
    use kaltura::session::form::Method;
    let revealed = SessionState::default()
        .apply(SessionAction::Toggle(Reveal::Secret))
        .apply(SessionAction::Toggle(Reveal::Ks));
    assert!(revealed.reveal_secret && revealed.reveal_ks);
    let hidden = revealed.clone().apply(SessionAction::HideAll);
    assert!(!hidden.reveal_secret && !hidden.reveal_ks);
    // Another tab: the secret input is masked again for the next visit; the started KS is not
    // an input and keeps its own toggle.
    let switched = revealed.apply(SessionAction::Method(Method::AppToken));
    assert!(!switched.reveal_secret && switched.reveal_ks);
    // Request 1 is cancelled, request 2 is in flight: the late answer of 1 changes nothing.
    let state = SessionState::default()
        .apply(SessionAction::Text(
            app::extras::session::state::SessionText::Secret,
            "s".into(),
        ))
        .apply(SessionAction::Begin {
            generation: 1,
            method: Method::Secret,
            expiry_secs: Some(3600),
        });
    assert_eq!(
        state.secrets.secret, "",
        "secrets dropped once the request is built"
    );
    let state = state
        .apply(SessionAction::Cancel)
        .apply(SessionAction::Begin {
            generation: 3,
            method: Method::Widget,
            expiry_secs: Some(3600),
        })
        .apply(SessionAction::Finished {
            generation: 1,
            result: Err(ApiError::Network(Network::Timeout)),
            at_ms: 0.0,
        });
    assert!(
        state.is_sending(),
        "the stale answer did not end the newer request"
    );
}

#[wasm_bindgen_test]
fn session_reducer_expiry_and_field_messages() {
    use app::extras::session::state::{SessionAction, SessionState, SessionText};
    use kaltura::session::form::{Method, SessionField};
    // A message goes once its field is edited; the others stay.
    let state = SessionState::default()
        .apply(SessionAction::Invalid(vec![
            (SessionField::AppTokenId, "id".into()),
            (SessionField::AppToken, "token".into()),
        ]))
        .apply(SessionAction::Text(
            SessionText::AppTokenId,
            "0_abcd1234".into(),
        ));
    assert_eq!(state.problem(SessionField::AppTokenId), None);
    assert_eq!(state.problem(SessionField::AppToken), Some("token"));
    // A started session keeps what it asked for; once expired, its KS is no one's to include.
    let ks = kaltura::session::ks::Ks::parse("djJ8MjUwNjc1MnxhYmNkZWZnaA==").unwrap();
    let outcome = kaltura::session::api::SessionOutcome {
        ks,
        partner: kaltura::embed::ids::PartnerId::parse("2506752").unwrap(),
        user: kaltura::session::api::SessionUser::Anonymous,
        expires_hint: kaltura::session::api::ExpiresHint::At(1_000),
        privileges: None,
        entries_visible: Some(0),
        first_is_playlist: None,
        looked_for: None,
        list_error: None,
    };
    let started = SessionState::default()
        .apply(SessionAction::Begin {
            generation: 1,
            method: Method::Secret,
            expiry_secs: Some(7200),
        })
        .apply(SessionAction::Finished {
            generation: 1,
            result: Ok(outcome),
            at_ms: 0.0,
        });
    let active = started.session.clone().expect("started");
    assert_eq!(active.requested_secs, Some(7200));
    assert!(started.scoped_ks().is_some());
    // A failed start ends it: nothing from it stays to read as current under "Failed", and the
    // advice goes beside the field the error is about (the status line says what went wrong).
    let wrong_secret = kaltura::session::api::ApiError::StartSession { partner: None };
    let failed = started
        .clone()
        .apply(SessionAction::Begin {
            generation: 2,
            method: Method::Secret,
            expiry_secs: Some(3600),
        })
        .apply(SessionAction::Finished {
            generation: 2,
            result: Err(wrong_secret.clone()),
            at_ms: 0.0,
        });
    assert_eq!(failed.session, None);
    assert_eq!(failed.scoped_ks(), None);
    assert_eq!(
        failed.problem(SessionField::Secret),
        Some(wrong_secret.remediation())
    );
    let expired = started.apply(SessionAction::Expired);
    assert!(expired.session.as_ref().is_some_and(|s| s.expired));
    assert_eq!(expired.scoped_ks(), None);
}

#[wasm_bindgen_test]
fn studio_reducer_keeps_the_evaluation_in_step_and_the_newest_copy_message() {
    use app::first::studio_state::{StudioAction, StudioState};
    use app::shared::clipboard::CopyError;
    use app::shared::code_block::{CopyAction, CopyStatus};
    use std::rc::Rc;
    let typed = |state: StudioState, field, text: &str| {
        state.apply(StudioAction::Embed(EmbedAction::Text(field, text.into())))
    };
    let state = typed(StudioState::new(None), Field::Partner, "2506752");
    let state = typed(state, Field::UiConf, "56789012");
    let state = typed(state, Field::ContentId, "1_abcd1234");
    let snippet = state
        .evaluation
        .snippet
        .clone()
        .expect("a complete form has code");
    assert!(snippet.code.contains("2506752"), "{}", snippet.code);

    // Leaving a field changes no input: the same evaluation, not one worked out again.
    let touched = state
        .clone()
        .apply(StudioAction::Embed(EmbedAction::Touch(Field::Partner)));
    assert!(Rc::ptr_eq(&touched.evaluation, &state.evaluation));
    let changed = typed(state.clone(), Field::Partner, "x");
    assert!(
        changed.evaluation.snippet.is_none(),
        "a bad partner ID: no code"
    );

    // A shared link's form is evaluated from the first render.
    let linked = StudioState::new(Some(state.embed.form.clone()));
    assert_eq!(linked.evaluation, state.evaluation);

    // "Copied" describes the code that was copied: new code clears it; the same code keeps it.
    let copied_once = typed(state.clone(), Field::Partner, "2506752")
        .apply(StudioAction::Copy(CopyAction::Done(3, CopyStatus::Copied)));
    assert_eq!(
        typed(copied_once.clone(), Field::Partner, "2506752")
            .copy
            .status,
        CopyStatus::Copied
    );
    assert_eq!(
        typed(copied_once, Field::ContentId, "1_zzzz9999")
            .copy
            .status,
        CopyStatus::Idle
    );
    // Copy 1 ends after copy 2 started: its timer must not clear copy 2's message.
    let copied = state
        .apply(StudioAction::Copy(CopyAction::Done(1, CopyStatus::Copied)))
        .apply(StudioAction::Copy(CopyAction::Done(
            2,
            CopyStatus::Failed(CopyError::NotAllowed),
        )))
        .apply(StudioAction::Copy(CopyAction::Clear(1)));
    assert_eq!(
        copied.copy.status,
        CopyStatus::Failed(CopyError::NotAllowed)
    );
    let cleared = copied.apply(StudioAction::Copy(CopyAction::Clear(2)));
    assert_eq!(cleared.copy.status, CopyStatus::Idle);
    assert!(!cleared.whole_form && cleared.apply(StudioAction::ShowWholeForm).whole_form);

    // Copy before the form gives code: it says so, and every field's message is due at once.
    let early = StudioState::new(None).apply(StudioAction::Copy(CopyAction::NotReady));
    assert_eq!(early.copy.status, CopyStatus::NotReady);
    assert!(Field::ALL.into_iter().all(|f| early.embed.is_touched(f)));
    // Typing on: the note goes once there is code it no longer describes.
    let filled = [
        (Field::Partner, "2506752"),
        (Field::UiConf, "48460943"),
        (Field::ContentId, "1_abcd1234"),
    ]
    .into_iter()
    .fold(early, |state, (field, value)| typed(state, field, value));
    assert_eq!(filled.copy.status, CopyStatus::Idle);
}

/// Sends of `Message::Embed` whose text starts with `prefix` (other tests' pages send it too).
fn collect_embed_sends(
    prefix: &'static str,
) -> (Rc<RefCell<Vec<String>>>, gloo_events::EventListener) {
    let sent = Rc::new(RefCell::new(Vec::new()));
    let into = sent.clone();
    let listener = app::shared::bridge::listen(app::shared::bridge::Message::Embed, move |text| {
        if text.starts_with(prefix) {
            into.borrow_mut().push(text)
        }
    })
    .unwrap();
    (sent, listener)
}

#[wasm_bindgen_test]
async fn a_held_sender_waits_for_release_then_sends_only_the_newest() {
    let (sent, _listener) = collect_embed_sends("hold-test");
    let mut sender =
        app::shared::bridge::Debounced::new(app::shared::bridge::Message::Embed, String::clone);
    sender.schedule("hold-test 1".to_string());
    sender.hold();
    sender.flush(); // focus left a field at mousedown
    sender.schedule("hold-test 2".to_string()); // typed while pressed
    gloo_timers::future::TimeoutFuture::new(app::shared::bridge::EMBED_QUIET_MS + 50).await;
    assert!(
        sent.borrow().is_empty(),
        "sent while held: {:?}",
        sent.borrow()
    );
    sender.release();
    assert_eq!(*sent.borrow(), ["hold-test 2"]);
    // Released, it sends on a quiet spell again.
    sender.schedule("hold-test 3".to_string());
    gloo_timers::future::TimeoutFuture::new(app::shared::bridge::EMBED_QUIET_MS + 50).await;
    assert_eq!(*sent.borrow(), ["hold-test 2", "hold-test 3"]);
}

#[wasm_bindgen_test]
fn the_ks_crosses_the_bridge_with_its_scope() {
    use app::shared::bridge::{ks_text, read_ks};
    use kaltura::session::ks::Ks;
    // What the first module needs of a KS: the token, and the scope the extras read from it.
    fn check(ks: Ks, scope: Option<(&str, &[&str])>) {
        let scope = scope.map(|(p, v)| (p.to_string(), v.iter().map(|v| v.to_string()).collect()));
        assert_eq!(ks.scope(), scope);
        let back = read_ks(&ks_text(Some(&ks))).expect("a KS back");
        assert_eq!((back.expose(), back.scope()), (ks.expose(), scope));
    }
    // A v2 KS ("v2|2506752|…"): its partner, and the privileges it was asked for as its views.
    let v2 = Ks::parse("djJ8MjUwNjc1Mnxabc=").unwrap();
    check(v2.clone(), Some(("2506752", &[])));
    let asked = v2.with_requested_privileges("sview:1_abcd1234,sview:0_pl123456");
    check(asked, Some(("2506752", &["1_abcd1234", "0_pl123456"])));
    // Not base64 at all: no scope to check against, the KS still crosses.
    check(Ks::parse("abc").unwrap(), None);
    assert_eq!(ks_text(None), "");
    assert_eq!(read_ks(""), None);
}
