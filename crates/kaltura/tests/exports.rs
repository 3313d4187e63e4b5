//! Exports (.env, shell, curl) and the video portal URL builder.

use expect_test::expect;
use kaltura::exports::{curl_commands, dotenv, shell_exports, shell_quote, ExportValues};
use kaltura::portal::{portal_url, PortalError, PortalKind};

fn values() -> ExportValues {
    ExportValues {
        partner_id: "2506752".into(),
        service_origin: "https://www.kaltura.com".into(),
        user_id: "o'brien \"dev\" $HOME".into(),
        player_id: "48460943".into(),
        portal_url: "https://2506752.events.kaltura.com".into(),
    }
}

#[test]
fn dotenv_has_a_blank_secret_line_and_the_gitignore_reminder() {
    expect![[r#"
        # Kaltura credentials for your server-side code. Add .env to .gitignore: never commit it.
        KALTURA_PARTNER_ID=2506752
        KALTURA_SERVICE_URL=https://www.kaltura.com/api_v3
        KALTURA_USER_ID="o'brien \"dev\" \$HOME"
        KALTURA_PLAYER_ID=48460943
        KALTURA_VIDEO_PORTAL_BASE_URL=https://2506752.events.kaltura.com
        # The admin secret belongs on a server only (KMC → Settings → Integration Settings).
        # Paste it here yourself; this page never writes it.
        KALTURA_ADMIN_SECRET=
    "#]]
    .assert_eq(&dotenv(&values()));
}

#[test]
fn shell_exports_quote_every_value() {
    expect![[r#"
        export KALTURA_PARTNER_ID='2506752'
        export KALTURA_SERVICE_URL='https://www.kaltura.com/api_v3'
        export KALTURA_USER_ID='o'\''brien "dev" $HOME'
        export KALTURA_PLAYER_ID='48460943'
        export KALTURA_VIDEO_PORTAL_BASE_URL='https://2506752.events.kaltura.com'
        # Set the secret without leaving it in your shell history:
        read -rs KALTURA_ADMIN_SECRET && export KALTURA_ADMIN_SECRET
    "#]]
    .assert_eq(&shell_exports(&values()));
}

#[test]
fn curl_starts_only_user_sessions_and_reads_the_secret_from_the_environment() {
    let curl = curl_commands();
    assert!(curl.contains("-d \"type=0\""));
    assert!(!curl.contains("type=2"));
    assert!(curl.contains("secret=$KALTURA_ADMIN_SECRET"));
    assert!(curl.contains("pager[pageSize]=1") && curl.contains("format=1"));
}

/// Hostile values survive a real shell unchanged.
#[test]
fn shell_quote_round_trips_through_sh() {
    for value in [
        "plain",
        "it's",
        "a'b'c",
        "$(rm -rf /)",
        "`id`",
        "\"q\"",
        "back\\slash",
        "",
        "é ü 日本",
    ] {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("printf %s {}", shell_quote(value)))
            .output()
            .expect("sh runs");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            value,
            "value {value:?}"
        );
    }
}

fn check(
    kind: PortalKind,
    partner: &str,
    instance: &str,
    custom: &str,
    expected: Result<&str, PortalError>,
) {
    assert_eq!(
        portal_url(kind, partner, instance, custom),
        expected.map(str::to_string),
        "{kind:?} {partner:?} {instance:?} {custom:?}"
    );
}

#[test]
fn portal_urls() {
    use PortalKind::*;
    check(
        Events,
        "2506752",
        "",
        "",
        Ok("https://2506752.events.kaltura.com"),
    );
    check(
        Events,
        "2506752",
        " 1 ",
        "",
        Ok("https://2506752-1.events.kaltura.com"),
    );
    check(
        MediaSpace,
        "2506752",
        "",
        "",
        Ok("https://2506752.mediaspace.kaltura.com"),
    );
    check(
        MediaSpace,
        "2506752",
        "12",
        "",
        Ok("https://2506752-12.mediaspace.kaltura.com"),
    );
    check(Events, "", "", "", Err(PortalError::NeedsPartner));
    check(Events, "2506752", "one", "", Err(PortalError::BadInstance));
    check(Events, "2506752", "-1", "", Err(PortalError::BadInstance));
    check(
        Custom,
        "",
        "",
        "video.example.com",
        Ok("https://video.example.com"),
    );
    check(
        Custom,
        "",
        "",
        "https://video.example.com/",
        Ok("https://video.example.com"),
    );
    assert!(matches!(
        portal_url(Custom, "", "", "http://video.example.com"),
        Err(PortalError::BadCustom(_))
    ));
    assert!(matches!(
        portal_url(Custom, "", "", "https://video.example.com/media"),
        Err(PortalError::BadCustom(_))
    ));
}
