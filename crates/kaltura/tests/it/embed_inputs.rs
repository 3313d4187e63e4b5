//! Validators of the embed form: every bad value gets its own message, good values are normalised.

use kaltura::embed::host::{CdnHost, HostError, HostWarning};
use kaltura::embed::ids::{ElementId, EntryId, IdError, PartnerId, PlaylistId, UiConfId};

fn check<T: std::fmt::Debug + PartialEq>(
    parse: fn(&str) -> Result<T, IdError>,
    table: &[(&str, Result<T, IdError>)],
) {
    for (input, expected) in table {
        assert_eq!(&parse(input), expected, "input {input:?}");
    }
}

#[test]
fn partner_and_uiconf_ids() {
    let pid = |s: &str| PartnerId::parse(s).map(PartnerId::get);
    let ui = |s: &str| UiConfId::parse(s).map(UiConfId::get);
    for parse in [pid as fn(&str) -> Result<u32, IdError>, ui] {
        check(
            parse,
            &[
                ("2506752", Ok(2506752)),
                ("  2506752\t", Ok(2506752)),
                ("007", Ok(7)),
                ("2147483647", Ok(2147483647)),
                ("2147483648", Err(IdError::TooLarge)),
                ("99999999999999999999", Err(IdError::TooLarge)),
                ("", Err(IdError::Empty)),
                ("   ", Err(IdError::Empty)),
                ("0", Err(IdError::Zero)),
                ("000", Err(IdError::Zero)),
                ("-5", Err(IdError::Negative)),
                ("+5", Err(IdError::Sign)),
                ("12.5", Err(IdError::Decimal)),
                ("12,0", Err(IdError::Decimal)),
                // Thousands written the way people write them.
                ("2,506,752", Ok(2506752)),
                ("2 506 752", Ok(2506752)),
                ("2\u{a0}506\u{a0}752", Ok(2506752)),
                ("48,460,943", Ok(48460943)),
                ("2,506,75", Err(IdError::Decimal)),
                ("2,506 752", Err(IdError::InnerSpace)),
                ("2506,752", Err(IdError::Decimal)),
                ("2,147,483,648", Err(IdError::TooLarge)),
                ("25 06", Err(IdError::InnerSpace)),
                ("12a", Err(IdError::NotANumber)),
                ("-", Err(IdError::NotANumber)),
                ("0x10", Err(IdError::NotANumber)),
                ("١٢", Err(IdError::NotANumber)),
                ("\"><script>", Err(IdError::Pasted)),
                // What paste-to-fill reads, typed here instead.
                (
                    "https://cdnapisec.kaltura.com/p/2506752/embedPlaykitJs/uiconf_id/48460943",
                    Err(IdError::Pasted),
                ),
                ("<script src=\"x\"></script>", Err(IdError::Pasted)),
            ],
        );
    }
}

#[test]
fn entry_and_playlist_ids() {
    let entry = |s: &str| EntryId::parse(s).map(|e| e.as_str().to_string());
    let playlist = |s: &str| PlaylistId::parse(s).map(|e| e.as_str().to_string());
    for parse in [entry as fn(&str) -> Result<String, IdError>, playlist] {
        check(
            parse,
            &[
                ("1_abcd1234", Ok("1_abcd1234".to_string())),
                (" 0_ABCD1234 \n", Ok("0_ABCD1234".to_string())),
                ("", Err(IdError::Empty)),
                ("1_abcd123", Err(IdError::BadContentId)),
                ("1_abcd12345", Err(IdError::BadContentId)),
                ("a_abcd1234", Err(IdError::BadContentId)),
                ("1-abcd1234", Err(IdError::BadContentId)),
                ("1_abcd 234", Err(IdError::BadContentId)),
                ("1_abcd\"234", Err(IdError::BadContentId)),
                ("1_abcdé234", Err(IdError::BadContentId)),
                (
                    "<div id=\"kaltura_player\"></div><script>…entryId: '1_abcd1234'…</script>",
                    Err(IdError::Pasted),
                ),
                (
                    "https://123.mediaspace.kaltura.com/media/t/1_abcd1234",
                    Err(IdError::Pasted),
                ),
            ],
        );
    }
}

#[test]
fn element_ids() {
    let parse = |s: &str| ElementId::parse(s).map(|e| e.as_str().to_string());
    check(
        parse,
        &[
            ("player-1", Ok("player-1".to_string())),
            ("kaltura_player_A", Ok("kaltura_player_A".to_string())),
            ("", Err(IdError::Empty)),
            ("1player", Err(IdError::BadElementId)),
            ("my player", Err(IdError::BadElementId)),
            ("x\"onload=\"alert(1)", Err(IdError::BadElementId)),
            (&"a".repeat(65), Err(IdError::BadElementId)),
        ],
    );
}

#[test]
fn messages_name_the_field_and_the_expected_form() {
    let table = [
        (IdError::Empty, "Enter the Partner ID."),
        (
            IdError::TooLarge,
            "Partner ID is too large: Kaltura IDs are at most 2147483647.",
        ),
        (
            IdError::BadContentId,
            "Partner ID looks like 1_abcd1234: a digit, an underscore, then 8 letters or digits.",
        ),
    ];
    for (error, expected) in table {
        assert_eq!(error.message("Partner ID"), expected);
    }
}

fn check_host(input: &str, expected: Result<(&str, Vec<HostWarning>), HostError>) {
    let actual = CdnHost::parse(input).map(|h| (h.origin(), h.warnings()));
    assert_eq!(
        actual,
        expected.map(|(o, w)| (o.to_string(), w)),
        "input {input:?}"
    );
}

#[test]
fn cdn_hosts() {
    use HostError::*;
    check_host(
        "cdnapisec.kaltura.com",
        Ok(("https://cdnapisec.kaltura.com", vec![])),
    );
    check_host(
        " HTTPS://CDNAPISEC.kaltura.com/ ",
        Ok(("https://cdnapisec.kaltura.com", vec![])),
    );
    check_host(
        "https://cdn.example.edu:8443",
        Ok(("https://cdn.example.edu:8443", vec![])),
    );
    check_host(
        "http://127.0.0.1:8081",
        Ok(("http://127.0.0.1:8081", vec![])),
    );
    check_host(
        "http://localhost:8081/",
        Ok(("http://localhost:8081", vec![])),
    );
    check_host("https://[::1]:8443", Ok(("https://[::1]:8443", vec![])));
    check_host(
        "https://cdnapi.kaltura.com",
        Ok((
            "https://cdnapi.kaltura.com",
            vec![HostWarning::CdnapiOverHttps],
        )),
    );
    check_host(
        "cdnapi.kaltura.com",
        Ok((
            "https://cdnapi.kaltura.com",
            vec![HostWarning::CdnapiOverHttps],
        )),
    );
    check_host(
        "http://cdnapi.kaltura.com",
        Ok(("http://cdnapi.kaltura.com", vec![HostWarning::InsecureHttp])),
    );
    check_host("", Err(Empty));
    check_host("ftp://cdn.example.com", Err(UnsupportedScheme));
    check_host("javascript://alert(1)", Err(UnsupportedScheme));
    check_host("javascript:alert(1)", Err(UnsupportedScheme));
    check_host("localhost:abc", Err(BadPort));
    check_host("https://cdn.example.com/p/1", Err(HasPath));
    check_host("cdn.example.com?x=1", Err(HasPath));
    check_host("user@cdn.example.com", Err(Malformed));
    check_host("cdn example.com", Err(Malformed));
    check_host("cdn.\"example\".com", Err(Malformed));
    check_host("-cdn.example.com", Err(Malformed));
    check_host("cdn..example.com", Err(Malformed));
    check_host("https://", Err(Malformed));
    check_host("cdn.example.com:0", Err(BadPort));
    check_host("cdn.example.com:99999", Err(BadPort));
    check_host("cdn.example.com:80a", Err(BadPort));
    assert!(HostWarning::CdnapiOverHttps
        .message()
        .contains("cdnapisec.kaltura.com"));
}
