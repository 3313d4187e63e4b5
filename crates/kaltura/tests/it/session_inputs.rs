//! Session inputs: service URL validation, credentials, expiry.

use kaltura::session::api::{
    AppToken, AppTokenId, CredentialError, Expiry, ExpiryError, Secret, ServicePreset, ServiceUrl,
    ServiceUrlError, UserId,
};
use kaltura::session::digest::AppTokenHashType;

fn check_url(input: &str, expected: Result<&str, ServiceUrlError>) {
    let actual = ServiceUrl::parse_custom(input);
    assert_eq!(
        actual.as_ref().map(|u| u.origin()),
        expected.as_ref().map(|s| *s),
        "input {input:?}"
    );
}

#[test]
fn custom_service_urls() {
    use ServiceUrlError::*;
    let table: &[(&str, Result<&str, ServiceUrlError>)] = &[
        ("https://www.kaltura.com", Ok("https://www.kaltura.com")),
        (
            "  HTTPS://WWW.Kaltura.com/  ",
            Ok("https://www.kaltura.com"),
        ),
        (
            "https://www.kaltura.com/api_v3",
            Ok("https://www.kaltura.com"),
        ),
        (
            "https://www.kaltura.com/api_v3/",
            Ok("https://www.kaltura.com"),
        ),
        (
            "https://kaltura.example.org:8443",
            Ok("https://kaltura.example.org:8443"),
        ),
        ("https://10.0.0.5", Ok("https://10.0.0.5")),
        ("https://[2001:db8::1]:443", Ok("https://[2001:db8::1]:443")),
        ("http://127.0.0.1:8081", Ok("http://127.0.0.1:8081")),
        ("http://localhost:9000/api_v3", Ok("http://localhost:9000")),
        ("http://[::1]:8081", Ok("http://[::1]:8081")),
        ("", Err(Empty)),
        ("   ", Err(Empty)),
        ("www.kaltura.com", Err(MissingScheme)),
        ("ftp://www.kaltura.com", Err(UnsupportedScheme)),
        ("http://www.kaltura.com", Err(HttpNotLoopback)),
        ("http://127.0.0.2:8081", Err(HttpNotLoopback)),
        ("http://localhost.evil.com", Err(HttpNotLoopback)),
        (
            "https://www.kaltura.com/api_v3/service/session",
            Err(HasPath),
        ),
        ("https://www.kaltura.com/index.php", Err(HasPath)),
        ("https://www.kaltura.com?x=1", Err(HasPath)),
        ("https://www.kaltura.com#top", Err(HasPath)),
        ("https://user:pw@www.kaltura.com", Err(HasCredentials)),
        ("https://", Err(BadHost)),
        ("https://www..kaltura.com", Err(BadHost)),
        ("https://-bad.com", Err(BadHost)),
        ("https://bad_host.com", Err(BadHost)),
        ("https://[::1", Err(BadHost)),
        ("https://www.kaltura.com:", Err(BadPort)),
        ("https://www.kaltura.com:0", Err(BadPort)),
        ("https://www.kaltura.com:65536", Err(BadPort)),
        ("https://www.kaltura.com:80a", Err(BadPort)),
    ];
    for (input, expected) in table {
        check_url(input, expected.clone());
    }
}

#[test]
fn presets_and_endpoints() {
    let saas = ServiceUrl::from_preset(ServicePreset::Saas, "ignored").unwrap();
    assert_eq!(saas.origin(), "https://www.kaltura.com");
    assert_eq!(saas.preset(), ServicePreset::Saas);
    assert_eq!(
        saas.endpoint("session", "start"),
        "https://www.kaltura.com/api_v3/service/session/action/start"
    );
    let sim = ServiceUrl::from_preset(ServicePreset::LocalSimulator, "").unwrap();
    assert_eq!(
        sim.multirequest_endpoint(),
        "http://127.0.0.1:8081/api_v3/service/multirequest"
    );
    assert_eq!(sim.preset(), ServicePreset::LocalSimulator);
    let custom =
        ServiceUrl::from_preset(ServicePreset::Custom, "https://api.example.com/").unwrap();
    assert_eq!(custom.preset(), ServicePreset::Custom);
    assert_eq!(
        ServiceUrl::from_preset(ServicePreset::Custom, "http://api.example.com"),
        Err(ServiceUrlError::HttpNotLoopback)
    );
    // A custom URL equal to SaaS is recognised as the preset.
    assert_eq!(
        ServiceUrl::parse_custom("https://www.kaltura.com/api_v3")
            .unwrap()
            .preset(),
        ServicePreset::Saas
    );
}

#[test]
fn service_url_messages_are_distinct_sentences() {
    use ServiceUrlError::*;
    let all = [
        Empty,
        MissingScheme,
        UnsupportedScheme,
        HasCredentials,
        BadHost,
        BadPort,
        HasPath,
        HttpNotLoopback,
    ];
    let messages: std::collections::HashSet<_> = all.iter().map(|e| e.message()).collect();
    assert_eq!(messages.len(), all.len());
    assert!(HttpNotLoopback.message().contains("127.0.0.1"));
}

fn check_credential<T: std::fmt::Debug>(
    parse: fn(&str) -> Result<T, CredentialError>,
    input: &str,
    expected: Result<(), CredentialError>,
) {
    assert_eq!(parse(input).map(|_| ()), expected, "input {input:?}");
}

#[test]
fn credentials_validate() {
    use CredentialError::*;
    check_credential(Secret::parse, "  0123abcd  ", Ok(()));
    check_credential(Secret::parse, "a&b=c+d e ü", Ok(()));
    check_credential(Secret::parse, "", Err(SecretEmpty));
    check_credential(Secret::parse, "ab\ncd", Err(SecretControlCharacter));
    check_credential(AppTokenId::parse, "0_abcd1234", Ok(()));
    check_credential(AppTokenId::parse, "", Err(AppTokenIdEmpty));
    check_credential(AppTokenId::parse, "0_ab cd", Err(AppTokenIdBadCharacters));
    check_credential(AppTokenId::parse, "0-abcd", Err(AppTokenIdBadCharacters));
    check_credential(AppToken::parse, "0123456789abcdef0123456789abcdef", Ok(()));
    check_credential(AppToken::parse, " ", Err(AppTokenEmpty));
    check_credential(AppToken::parse, "ab cd", Err(AppTokenBadCharacters));
    check_credential(
        AppTokenId::parse,
        "0123456789abcdef0123456789abcdef",
        Err(AppTokenIdLooksLikeToken),
    );
    check_credential(AppTokenId::parse, "0_apptksh1", Ok(()));
    check_credential(AppToken::parse, "0_abcd1234", Err(AppTokenLooksLikeId));
    check_credential(AppToken::parse, " 1_X9z ", Err(AppTokenLooksLikeId));
    check_credential(AppToken::parse, "abc", Err(AppTokenWrongShape { chars: 3 }));
    check_credential(
        AppToken::parse,
        "0123456789abcdef0123456789abcde",
        Err(AppTokenWrongShape { chars: 31 }),
    );
    check_credential(
        AppToken::parse,
        "0123456789abcdef0123456789abcdeg",
        Err(AppTokenWrongShape { chars: 32 }),
    );
    check_credential(
        AppToken::parse,
        "0123456789abcdef0123456789abcdéf",
        Err(AppTokenWrongShape { chars: 32 }),
    );
    check_credential(
        AppToken::parse,
        "_0123456789abcdef",
        Err(AppTokenWrongShape { chars: 17 }),
    );
    check_credential(UserId::parse, "", Ok(()));
    check_credential(UserId::parse, "jane.doe@example.com", Ok(()));
    check_credential(UserId::parse, &"x".repeat(100), Ok(()));
    check_credential(UserId::parse, &"x".repeat(101), Err(UserIdTooLong));
    check_credential(UserId::parse, "a\tb", Err(UserIdControlCharacter));
    check_credential(UserId::parse, "a;b", Err(UserIdSemicolon));
    assert!(UserId::parse("  ").unwrap().is_anonymous());
}

#[test]
fn credentials_never_show_in_debug() {
    let secret = Secret::parse("s3cr3t-value").unwrap();
    let token = AppToken::parse("0123456789ABCDEF0123456789abcdef").unwrap();
    assert_eq!(format!("{secret:?}"), "Secret(<12 chars>)");
    assert_eq!(format!("{token:?}"), "AppToken(<32 chars>)");
    // Kaltura's value is lower case, and the server hashes its own.
    assert_eq!(token.expose(), "0123456789abcdef0123456789abcdef");
}

fn check_expiry(input: &str, expected: Result<u32, ExpiryError>) {
    assert_eq!(
        Expiry::parse_custom(input).map(Expiry::secs),
        expected,
        "input {input:?}"
    );
}

#[test]
fn expiry_presets_and_custom_values() {
    use ExpiryError::*;
    assert_eq!(
        Expiry::PRESETS.map(Expiry::secs),
        [3600, 7200, 14400],
        "presets 1 h / 2 h / 4 h"
    );
    assert_eq!(Expiry::default(), Expiry::ONE_HOUR);
    let table: &[(&str, Result<u32, ExpiryError>)] = &[
        ("90", Ok(5400)),
        ("90m", Ok(5400)),
        ("3h", Ok(10800)),
        (" 24 H ", Ok(86400)),
        ("60s", Ok(60)),
        ("5400 sec", Ok(5400)),
        ("59s", Err(TooShort)),
        ("0", Err(TooShort)),
        ("25h", Err(TooLong)),
        ("86401s", Err(TooLong)),
        ("99999999999999999999999", Err(TooLong)),
        ("", Err(Empty)),
        ("h", Err(NotADuration)),
        ("1.5h", Err(NotADuration)),
        ("-5m", Err(NotADuration)),
        ("2d", Err(NotADuration)),
    ];
    for (input, expected) in table {
        check_expiry(input, *expected);
    }
    assert_eq!(Expiry::from_secs(86_400).map(Expiry::secs), Ok(86_400));
    assert_eq!(Expiry::from_secs(86_401), Err(TooLong));
    assert_eq!(Expiry::parse_custom("90m").unwrap().label(), "1 h 30 min");
    assert_eq!(Expiry::FOUR_HOURS.label(), "4 h");
}

#[test]
fn hash_type_names() {
    let table = [
        ("sha1", Some(AppTokenHashType::Sha1)),
        ("SHA-256", Some(AppTokenHashType::Sha256)),
        ("Sha512", Some(AppTokenHashType::Sha512)),
        ("md5", Some(AppTokenHashType::Md5)),
        ("sha3", None),
    ];
    for (input, expected) in table {
        assert_eq!(AppTokenHashType::parse(input), expected, "input {input:?}");
    }
    assert_eq!(AppTokenHashType::default(), AppTokenHashType::Sha1);
}

#[test]
fn the_local_simulator_is_offered_on_this_computer_or_when_chosen() {
    fn check(page_host: &str, chosen: bool, expected: bool) {
        assert_eq!(
            kaltura::session::api::offers_local_simulator(page_host, chosen),
            expected,
            "{page_host} chosen={chosen}"
        );
    }
    check("127.0.0.1", false, true);
    check("localhost", false, true);
    check("[::1]", false, true);
    // A published page (GitHub Pages) leaves it out unless a link or remembered settings chose it.
    check("someone.github.io", false, false);
    check("someone.github.io", true, true);
    check("127.0.0.1.example.com", false, false);
    check("", false, false);
}
