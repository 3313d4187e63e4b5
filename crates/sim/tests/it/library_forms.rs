//! The v7 library's forms as kaltura/server serves them (plain, autoembed, iframe, embed_factory),
//! on a small stand-in bundle so every assertion runs whether or not the real one is installed.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};

use crate::support::*;

/// A UMD header like the published bundle's, and the words the server's `\bKalturaPlayer\b`
/// rename must leave alone (`debugKalturaPlayer`, `KalturaPlayers`) or change (`window.KalturaPlayer`).
const STAND_IN_BUNDLE: &str = r#"!function(e,t){"object"==typeof exports?exports.KalturaPlayer=t():e.KalturaPlayer=t()}(self,()=>({setup:function(){return window.KalturaPlayer.VERSION},debugKalturaPlayer:1,KalturaPlayers:1}));"#;

struct Case<'a> {
    name: &'a str,
    target: &'a str,
    host: Option<&'a str>,
    content_type: &'a str,
    has: &'a [&'a str],
    lacks: &'a [&'a str],
}

const JS: &str = "application/javascript";
const FACTORY: &str = "/p/2506752/embedPlaykitJs/uiconf_id/48460943?embed_factory=true";

fn check(addr: SocketAddr, case: &Case<'_>) {
    let reply = match case.host {
        None => raw(addr, "GET", case.target, &[], b"").expect("an HTTP answer"),
        Some(host) => get_with_host(addr, case.target, host),
    };
    let name = case.name;
    assert_eq!(reply.status, 200, "{name}");
    let content_type = reply.header("Content-Type").unwrap_or("");
    assert!(
        content_type.starts_with(case.content_type),
        "{name}: {content_type}"
    );
    for fragment in case.has {
        assert!(reply.body.contains(fragment), "{name}: lacks {fragment:?}");
    }
    for fragment in case.lacks {
        assert!(!reply.body.contains(fragment), "{name}: has {fragment:?}");
    }
}

/// `raw` always sends `Host: <addr>`; this sends only the given one.
fn get_with_host(addr: SocketAddr, target: &str, host: &str) -> Reply {
    let mut stream = TcpStream::connect(addr).unwrap();
    let head = format!("GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).unwrap();
    parse_reply(&bytes)
}

#[test]
fn library_forms_follow_the_server() {
    let dir = std::env::temp_dir().join(format!("sim-library-forms-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bundle = dir.join("kaltura-ovp-player.js");
    std::fs::write(&bundle, STAND_IN_BUNDLE).unwrap();
    let (_child, addr) = spawn_sim(&[], &[("SIM_PLAYER_BUNDLE", bundle.to_str().unwrap())]);
    // serde_json writes keys in order: cdnUrl before serviceUrl.
    let env = format!(
        "\"provider\":{{\"env\":{{\"cdnUrl\":\"http://{addr}\",\"serviceUrl\":\"http://{addr}/api_v3\"}}}}"
    );
    let env = env.as_str();
    let cases = [
        Case {
            name: "factory: the bundle's global renamed per uiConf, registered with its config",
            target: FACTORY,
            host: None,
            content_type: JS,
            has: &[
                "e.KalturaPlayer_48460943=t()",
                "exports.KalturaPlayer_48460943=t()",
                "return window.KalturaPlayer_48460943.VERSION",
                "debugKalturaPlayer:1,KalturaPlayers:1",
                "window.KalturaPlayers = (window.KalturaPlayers || {});",
                "window.KalturaPlayers[48460943] = {};",
                "window.KalturaPlayers[48460943]['config'] = {",
                env,
                "\"uiConfData\":{\"height\":360,\"name\":\"Demo Kaltura Player v7\",\"width\":640}",
                "window.KalturaPlayers[48460943]['lib'] = window.KalturaPlayer_48460943;",
            ],
            lacks: &["KalturaPlayer=", "__kalturaplayerdata", "KalturaPlayer.setup"],
        },
        Case {
            name: "factory: a second v7 uiConf of the partner, with its own config",
            target: "/p/2506752/embedPlaykitJs/uiconf_id/48460945?embed_factory=true",
            host: None,
            content_type: JS,
            has: &[
                "e.KalturaPlayer_48460945=t()",
                "\"name\":\"Demo Kaltura Player v7, compact\"",
                "window.KalturaPlayers[48460945]['lib'] = window.KalturaPlayer_48460945;",
            ],
            lacks: &["48460943", "KalturaPlayer="],
        },
        Case {
            name: "plain: the global and __kalturaplayerdata, as before",
            target: "/p/2506752/embedPlaykitJs/uiconf_id/48460943",
            host: None,
            content_type: JS,
            has: &[
                "e.KalturaPlayer=t()",
                "return window.KalturaPlayer.VERSION",
                "window.__kalturaplayerdata = {",
                env,
                "\"name\":\"Demo Kaltura Player v7\"",
            ],
            lacks: &["KalturaPlayer_", "KalturaPlayers["],
        },
        Case {
            name: "autoembed wins over embed_factory (the server's order)",
            target: "/p/2506752/embedPlaykitJs/uiconf_id/48460943?embed_factory=true&autoembed=true&targetId=kp&entry_id=1_demo0001",
            host: None,
            content_type: JS,
            has: &["e.KalturaPlayer=t()", "KalturaPlayer.setup({ targetId: \"kp\""],
            lacks: &["KalturaPlayers[", "KalturaPlayer_"],
        },
        Case {
            name: "iframeembed wins over embed_factory",
            target: "/p/2506752/embedPlaykitJs/uiconf_id/48460943?embed_factory=true&iframeembed=true&entry_id=1_demo0001",
            host: None,
            content_type: "text/html",
            has: &["player_container", "KalturaPlayer.setup("],
            lacks: &["KalturaPlayers["],
        },
        Case {
            name: "an undocumented embed_factory value is refused in plain words, escaped",
            target: "/p/2506752/embedPlaykitJs/uiconf_id/48460943?embed_factory=%3C%2Fscript%3E%22",
            host: None,
            content_type: JS,
            has: &[
                "console.error(",
                "embed_factory must be true, its only documented value",
                "refuses \\u003c/script\\u003e\\\"\");",
            ],
            lacks: &["</script>", "KalturaPlayers"],
        },
        Case {
            name: "unknown uiConf in the factory form",
            target: "/p/2506752/embedPlaykitJs/uiconf_id/999?embed_factory=true",
            host: None,
            content_type: JS,
            has: &["console.error(", "uiConf 999 not found for partner 2506752"],
            lacks: &["KalturaPlayers"],
        },
        Case {
            name: "v2 uiConf in the factory form",
            target: "/p/2506752/embedPlaykitJs/uiconf_id/48460944?embed_factory=true",
            host: None,
            content_type: JS,
            has: &["console.error(", "Missing bundle configuration"],
            lacks: &["KalturaPlayers"],
        },
        Case {
            name: "a hostile Host header stays inside its JSON string",
            target: FACTORY,
            host: Some("x\"</script><b>"),
            content_type: JS,
            has: &["\"cdnUrl\":\"http://x\\\"\\u003c/script>\\u003cb>\""],
            lacks: &["</script>", "<b>"],
        },
    ];
    for case in &cases {
        check(addr, case);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
