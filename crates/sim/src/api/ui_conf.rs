//! `uiConf.get`: a player configuration of the caller's partner.

use crate::errors::{self, ApiError};
use crate::fixtures::UiConf;
use crate::value::Value;

use super::dispatch::Call;

pub fn get(call: &Call) -> Result<Value, ApiError> {
    let id_text = call.text("id").unwrap_or("");
    let partner_id = match &call.session {
        Some(session) => session.partner.id,
        None => call.int("partnerId").unwrap_or(0),
    };
    call.state()
        .fixtures
        .uiconf(crate::ks::php_int(id_text))
        .filter(|uiconf| uiconf.partner == partner_id)
        .map(uiconf_value)
        .ok_or_else(|| errors::INVALID_UI_CONF_ID.with(&[id_text]))
}

/// KalturaUiConf with the fields that tell a v7 player from a v2 one.
pub fn uiconf_value(uiconf: &UiConf) -> Value {
    let (tags, html5_url, config) = match uiconf.player_version {
        7 => (
            "kalturaPlayerJs,player,ovp",
            Value::Null,
            Value::str(r#"{"versions":{"kaltura-ovp-player":"3.17.0"}}"#),
        ),
        _ => (
            "html5studio,player",
            Value::str("/html5/html5lib/v2.101/mwEmbedLoader.php"),
            Value::Null,
        ),
    };
    Value::object(
        "KalturaUiConf",
        vec![
            ("id", Value::Int(uiconf.id)),
            ("name", Value::str(&uiconf.name)),
            ("partnerId", Value::Int(uiconf.partner)),
            ("objType", Value::Int(1)),
            ("objTypeAsString", Value::str("Player")),
            ("width", Value::Int(uiconf.width)),
            ("height", Value::Int(uiconf.height)),
            ("html5Url", html5_url),
            ("tags", Value::str(tags)),
            ("config", config),
            ("createdAt", Value::Int(1_700_000_000)),
            ("updatedAt", Value::Int(1_700_000_000)),
        ],
    )
}
