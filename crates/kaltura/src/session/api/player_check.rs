//! A check of the embed's IDs without a secret: one multirequest asks, with an anonymous widget
//! session, whether the partner exists, whether the player is a v7 or a v2 one, and whether the
//! entry or playlist can be seen, so a wrong ID is found before the code is copied.

use serde::de::{Deserializer, IgnoredAny};
use serde::Deserialize;

use super::answer::{ApiException, ListAnswer, Step, TextOrNumber, WidgetSessionAnswer};
use super::body::parse_body;
use super::error::ApiError;
use super::request::ApiRequest;
use super::service_url::{ServiceUrl, SAAS_ORIGIN};
use super::wire::{Call, FormBody};
use crate::embed::form::Field;
use crate::embed::{EmbedRequest, PlayerVersion};

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

    /// The ID field the verdict is about: where its mark goes, beside the field.
    pub fn field(&self) -> Field {
        match self {
            Verdict::UnknownPartner(_) => Field::Partner,
            Verdict::UnknownPlayer | Verdict::WrongVersion { .. } => Field::UiConf,
            Verdict::Fine | Verdict::UnknownContent | Verdict::NotChecked(_) => Field::ContentId,
        }
    }

    /// A few words for beside that field, on the label's line; `message` says it in full.
    pub fn mark(&self) -> &'static str {
        match self {
            Verdict::Fine => "✓ Checked with Kaltura",
            Verdict::UnknownPartner(_) => "⚠ Unknown to Kaltura",
            Verdict::UnknownPlayer => "⚠ No such player",
            Verdict::WrongVersion {
                player: PlayerVersion::V2,
            } => "⚠ A v2 player",
            Verdict::WrongVersion {
                player: PlayerVersion::V7,
            } => "⚠ A v7 player",
            Verdict::UnknownContent => "⚠ Not found",
            Verdict::NotChecked(_) => "Not checked",
        }
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

/// The check's answer: one item per call, or the whole request refused.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Answer {
    Items(
        Step<WidgetSessionAnswer>,
        Step<UiConfAnswer>,
        Step<ListAnswer>,
    ),
    Refused(ApiException),
    Other(IgnoredAny),
}

/// What `uiConf.get` tells of the player's kind.
#[derive(Debug, Deserialize)]
struct UiConfAnswer {
    #[serde(rename = "objectType")]
    object_type: String,
    tags: Option<String>,
    #[serde(rename = "html5Url")]
    html5_url: Option<String>,
}

impl PlayerCheck {
    /// Reads the multirequest's answer; `parse` is the caller's JSON parser, as in
    /// [`super::SessionCall::decode`].
    pub fn decode<'de, D: Deserializer<'de>>(
        &self,
        text: &str,
        parse: impl FnOnce(&str) -> Result<D, String>,
    ) -> Verdict {
        match self.read(text, parse) {
            Ok(verdict) => verdict,
            Err(error) => Verdict::NotChecked(error.message()),
        }
    }

    fn read<'de, D: Deserializer<'de>>(
        &self,
        text: &str,
        parse: impl FnOnce(&str) -> Result<D, String>,
    ) -> Result<Verdict, ApiError> {
        let unexpected = |detail: &str| ApiError::UnexpectedResponse {
            detail: detail.to_string(),
        };
        let answer = Answer::deserialize(parse_body(text, parse)?)
            .map_err(|e| unexpected(&e.to_string()))?;
        let (session, ui_conf, list) = match answer {
            Answer::Items(session, ui_conf, list) => (session, ui_conf, list),
            Answer::Refused(exception) => return Err(ApiError::from(&exception)),
            Answer::Other(_) => return Err(unexpected("expected 3 multirequest results")),
        };
        if let Step::Failed(exception) = session {
            return Ok(Verdict::UnknownPartner(
                ApiError::from(&exception).message(),
            ));
        }
        let ui_conf = match ui_conf {
            Step::Done(ui_conf) if ui_conf.object_type == "KalturaUiConf" => ui_conf,
            Step::Failed(_) => return Ok(Verdict::UnknownPlayer),
            _ => return Err(unexpected("expected a KalturaUiConf")),
        };
        if let Some(player) = player_version(&ui_conf).filter(|v| *v != self.version) {
            return Ok(Verdict::WrongVersion { player });
        }
        let count = match list {
            Step::Done(list) => list.total_count.as_ref().and_then(TextOrNumber::as_i64),
            Step::Failed(exception) => return Err(ApiError::from(&exception)),
            Step::Other(_) => None,
        };
        match count {
            Some(0) => Ok(Verdict::UnknownContent),
            Some(_) => Ok(Verdict::Fine),
            None => Err(unexpected("expected a list response with totalCount")),
        }
    }
}

/// A v7 player's uiConf is tagged `kalturaPlayerJs` (KMC's Player Studio for PlayKit JS); a v2
/// one has an `html5Url` to mwEmbed. `None` when the answer says neither.
fn player_version(ui_conf: &UiConfAnswer) -> Option<PlayerVersion> {
    let tags = ui_conf.tags.as_deref().unwrap_or("");
    let html5_url = ui_conf.html5_url.as_deref().unwrap_or("");
    if tags.split(',').any(|tag| tag.trim() == "kalturaPlayerJs") {
        Some(PlayerVersion::V7)
    } else if html5_url.contains("html5lib") || html5_url.contains("mwEmbed") {
        Some(PlayerVersion::V2)
    } else {
        None
    }
}
