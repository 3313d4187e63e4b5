//! A check of the embed's IDs without a secret: one multirequest asks, with an anonymous widget
//! session, whether the partner exists, whether the player is a v7 or a v2 one, and whether the
//! entry or playlist can be seen, so a wrong ID is found before the code is copied.

use super::error::ApiError;
use super::request::ApiRequest;
use super::response::{exception, parse_body};
use super::service_url::{ServiceUrl, SAAS_ORIGIN};
use super::wire::{Call, FormBody};
use crate::embed::{EmbedRequest, PlayerVersion};
use crate::session::json::JsonValue;

/// What the check asks about: the service that answers for the player host, and the IDs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlayerCheck {
    pub request: ApiRequest,
    /// The player version the form picked (the answer is compared with it).
    version: PlayerVersion,
}

/// The outcome, in the words shown beside the fields and in the code panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Partner, player and content all check out for the version picked.
    Fine,
    /// The partner ID is unknown (or its default widget is off).
    UnknownPartner(String),
    /// No such player for this partner.
    UnknownPlayer,
    /// The player is of the other version than the one picked.
    WrongVersion { player: PlayerVersion },
    /// No such entry or playlist, or it is not visible without a KS.
    UnknownContent,
    /// The check itself could not be made (network, an unexpected answer).
    NotChecked(String),
}

impl Verdict {
    pub fn is_fine(&self) -> bool {
        *self == Verdict::Fine
    }

    pub fn message(&self) -> String {
        match self {
            Verdict::Fine => "Checked with Kaltura: the partner, the player and the content exist, and the player matches the version picked.".to_string(),
            Verdict::UnknownPartner(why) => format!("Kaltura does not know this Partner ID: {why}"),
            Verdict::UnknownPlayer => "Kaltura has no player with this Player ID for this partner: copy the ID from KMC → Studio.".to_string(),
            Verdict::WrongVersion { player: PlayerVersion::V2 } => "This Player ID is a v2 (legacy) player: the v7 code would not play. Pick a v7 player in KMC → Studio, or switch Player version to v2.".to_string(),
            Verdict::WrongVersion { player: PlayerVersion::V7 } => "This Player ID is a v7 player: the v2 code would not play it. Switch Player version to v7.".to_string(),
            Verdict::UnknownContent => "Kaltura does not show this entry or playlist without a KS: check the ID, or whether it needs a session.".to_string(),
            Verdict::NotChecked(why) => format!("The IDs could not be checked ({why}); the code may still be right."),
        }
    }
}

/// The check for a valid embed request: the api_v3 of its player host (SaaS: www.kaltura.com;
/// a custom or on-prem host serves api_v3 itself).
pub fn player_check(embed: &EmbedRequest) -> Option<PlayerCheck> {
    let origin = if embed.host.is_saas_default() {
        SAAS_ORIGIN.to_string()
    } else {
        embed.host.origin()
    };
    let service = ServiceUrl::parse_custom(&origin).ok()?;
    let mut body = FormBody::new();
    body.push_step(
        1,
        &Call::new("session", "startWidgetSession")
            .param("widgetId", format!("_{}", embed.partner))
            .param("expiry", "60"),
    )
    .push_step(
        2,
        &Call::new("uiConf", "get")
            .param("ks", "{1:result:ks}")
            .param("id", embed.ui_conf.to_string()),
    )
    .push_step(
        3,
        &Call::new("baseEntry", "list")
            .param("ks", "{1:result:ks}")
            .param("filter:idEqual", embed.content.id())
            .param("pager:pageSize", "1"),
    );
    Some(PlayerCheck {
        request: ApiRequest {
            url: service.multirequest_endpoint(),
            body: body.finish(),
        },
        version: embed.version,
    })
}

impl PlayerCheck {
    /// Reads the multirequest's answer.
    pub fn decode(&self, text: &str) -> Verdict {
        match self.read(text) {
            Ok(verdict) => verdict,
            Err(error) => Verdict::NotChecked(error.message()),
        }
    }

    fn read(&self, text: &str) -> Result<Verdict, ApiError> {
        let value = parse_body(text)?;
        if let Some(error) = exception(&value) {
            return Err(error);
        }
        let not_three = || ApiError::UnexpectedResponse {
            detail: "expected 3 multirequest results".to_string(),
        };
        let [session, ui_conf, list] = value.as_array().ok_or_else(not_three)? else {
            return Err(not_three());
        };
        if let Some(error) = exception(session) {
            return Ok(Verdict::UnknownPartner(error.message()));
        }
        if exception(ui_conf).is_some() {
            return Ok(Verdict::UnknownPlayer);
        }
        if let Some(player) = player_version(ui_conf).filter(|v| *v != self.version) {
            return Ok(Verdict::WrongVersion { player });
        }
        if let Some(error) = exception(list) {
            return Err(error);
        }
        let count = list.get("totalCount").and_then(JsonValue::as_i64_lenient);
        Ok(match count {
            Some(0) => Verdict::UnknownContent,
            Some(_) => Verdict::Fine,
            None => {
                return Err(ApiError::UnexpectedResponse {
                    detail: "expected a list response with totalCount".to_string(),
                })
            }
        })
    }
}

/// A v7 player's uiConf is tagged `kalturaPlayerJs` (KMC's Player Studio for PlayKit JS); a v2
/// one has an `html5Url` to mwEmbed. `None` when the answer says neither.
fn player_version(ui_conf: &JsonValue) -> Option<PlayerVersion> {
    let text = |key| ui_conf.get(key).and_then(JsonValue::as_str).unwrap_or("");
    if text("tags")
        .split(',')
        .any(|tag| tag.trim() == "kalturaPlayerJs")
    {
        Some(PlayerVersion::V7)
    } else if text("html5Url").contains("html5lib") || text("html5Url").contains("mwEmbed") {
        Some(PlayerVersion::V2)
    } else {
        None
    }
}
