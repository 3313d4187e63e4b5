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
    // On stdin, not in curl's argument list (`ps` shows that to every local user).
    assert!(curl.contains("printf %s \"$KALTURA_ADMIN_SECRET\" | curl"));
    assert!(curl.contains("--data-urlencode \"secret@-\""));
    assert!(!curl.contains("secret=$"));
    assert!(curl.contains("pager[pageSize]=1") && curl.contains("format=1"));
}

/// The session half of the curl text, run by `sh` with `curl` standing in for the server's
/// answer `reply`: what ends up in `$KALTURA_KS`, and what is said on stderr.
fn session_start_with_reply(reply: &str) -> (String, String) {
    let curl = curl_commands();
    let session_half = curl.split("\n\n").next().unwrap();
    let script = format!(
        "curl() {{ cat >/dev/null; printf %s {}; }}\n{session_half}\nprintf %s \"$KALTURA_KS\"",
        shell_quote(reply)
    );
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .output()
        .expect("sh runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn curl_takes_the_ks_out_of_its_json_string_and_says_when_there_is_none() {
    // PHP's json_encode writes a KS's `/` as `\/`.
    let table = [
        ("\"djJ8MjUwNjc1Mnxabc=\"", "djJ8MjUwNjc1Mnxabc=", false),
        ("\"YmI\\/Pz87Ozs=\"", "YmI/Pz87Ozs=", false),
        (
            "{\"code\":\"START_SESSION_ERROR\"}",
            "{\"code\":\"START_SESSION_ERROR\"}",
            true,
        ),
    ];
    for (reply, ks, says_failed) in table {
        let (actual_ks, stderr) = session_start_with_reply(reply);
        assert_eq!(actual_ks, ks, "reply {reply}");
        assert_eq!(
            stderr.contains("session.start failed"),
            says_failed,
            "reply {reply}: {stderr}"
        );
    }
}

/// Hostile values read back unchanged when bash sources the `.env` (`set -a; . .env`), and
/// sourcing it runs nothing.
#[test]
fn dotenv_round_trips_through_bash_and_runs_nothing() {
    let dir = std::env::temp_dir().join(format!("kes-dotenv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let planted = dir.join("planted");
    let touch = format!("touch {}", planted.display());
    for user in [
        "alice".to_string(),
        format!("alice`{touch}`"),
        format!("$({touch})"),
        format!("it's `{touch}` $HOME \"q\" back\\slash"),
        "a b #c ${HOME} %é 日本".to_string(),
    ] {
        let file = dir.join(".env");
        let values = ExportValues {
            user_id: user.clone(),
            ..values()
        };
        std::fs::write(&file, dotenv(&values)).unwrap();
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(format!(
                "set -a; . {}; printf %s \"$KALTURA_USER_ID\"",
                file.display()
            ))
            .output()
            .expect("bash runs");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            user,
            "{}",
            dotenv(&values)
        );
        assert!(!planted.exists(), "sourcing ran a command for {user:?}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn ids_that_do_not_parse_are_left_out_of_the_exports() {
    let values = ExportValues {
        partner_id: "1`id`".into(),
        player_id: "12a".into(),
        ..values()
    };
    for text in [dotenv(&values), shell_exports(&values)] {
        assert!(!text.contains("id`") && !text.contains("12a"), "{text}");
        assert!(text.contains("KALTURA_PARTNER_ID=") && text.contains("KALTURA_PLAYER_ID="));
    }
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
    check(Events, "2506752", "0", "", Err(PortalError::BadInstance));
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
    // Said for a portal, not in the CDN field's words (player paths, cdnapisec).
    for (typed, says) in [
        ("https://video.example.com/media", "no path"),
        ("video example", "the portal's address"),
        // Not the CDN field's "(or http://)": a portal is https only.
        ("javascript:alert(1)", "served over https"),
        ("ftp://video.example.com", "served over https"),
    ] {
        match portal_url(Custom, "", "", typed) {
            Err(PortalError::BadCustom(why)) => {
                assert!(
                    why.contains(says) && !why.contains("cdnapisec") && !why.contains("player"),
                    "{typed}: {why}"
                )
            }
            other => panic!("{typed}: {other:?}"),
        }
    }
}
