//! `baseEntry.list`, `baseEntry.get`, `baseEntry.getPlaybackContext` (facts §3.4; "KS required" access control).

use crate::errors::{self, ApiError};
use crate::fixtures::{Access, Entry, EntryKind};
use crate::params::Params;
use crate::value::Value;

use super::dispatch::{Call, Session};

const DEFAULT_PAGE_SIZE: i64 = 30;
const MAX_PAGE_SIZE: i64 = 500;

/// Filter fields that lift the "own entries only" rule for a USER KS without `list:*`.
const ID_FILTERS: &[&str] = &[
    "idEqual",
    "idIn",
    "referenceIdEqual",
    "referenceIdIn",
    "redirectFromEntryId",
    "parentEntryIdEqual",
];

pub fn list(call: &Call) -> Result<Value, ApiError> {
    let session = call.session()?;
    let empty = Params::new();
    let filter = call.params.group("filter").unwrap_or(&empty);
    let has_id_filter = ID_FILTERS
        .iter()
        .any(|name| filter.text(name).is_some_and(|v| !v.is_empty()));
    let sees_all = session.is_admin() || session.privileges.allows("list", "*");
    let own_only = !sees_all && !has_id_filter;

    let matching: Vec<&Entry> = call
        .state()
        .fixtures
        .entries
        .iter()
        .filter(|entry| entry.partner == session.partner.id)
        .filter(|entry| {
            !own_only || (!session.is_anonymous() && entry.owner == session.fields.user_id)
        })
        .filter(|entry| matches_filter(entry, filter))
        .collect();

    let pager = call.params.group("pager").unwrap_or(&empty);
    let page_size = pager
        .text("pageSize")
        .filter(|v| !v.is_empty())
        .map(crate::ks::php_int)
        .unwrap_or(DEFAULT_PAGE_SIZE)
        .clamp(0, MAX_PAGE_SIZE) as usize;
    let page_index = pager
        .text("pageIndex")
        .filter(|v| !v.is_empty())
        .map(crate::ks::php_int)
        .unwrap_or(1)
        .max(1) as usize;
    let objects: Vec<Value> = matching
        .iter()
        .skip(page_size.saturating_mul(page_index - 1))
        .take(page_size)
        .map(|entry| entry_value(entry, call.env.host))
        .collect();
    Ok(Value::object(
        "KalturaBaseEntryListResponse",
        vec![
            ("objects", Value::Array(objects)),
            ("totalCount", Value::Int(matching.len() as i64)),
        ],
    ))
}

fn comma_list(text: &str) -> Vec<&str> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Does a filter value admit the entry?
type FieldCheck<'a> = dyn Fn(&str) -> bool + 'a;

/// The KalturaBaseEntryFilter fields the simulator understands; unknown fields are ignored.
fn matches_filter(entry: &Entry, filter: &Params) -> bool {
    let given = |name: &str| filter.text(name).filter(|v| !v.is_empty());
    let reference = entry.reference_id.as_deref().unwrap_or("");
    let checks: [(&str, &FieldCheck); 9] = [
        ("idEqual", &|v| entry.id == v),
        // The player looks entries up this way (entries without redirects redirect to themselves).
        ("redirectFromEntryId", &|v| entry.id == v),
        ("idIn", &|v| comma_list(v).contains(&entry.id.as_str())),
        ("referenceIdEqual", &|v| reference == v),
        ("referenceIdIn", &|v| comma_list(v).contains(&reference)),
        ("userIdEqual", &|v| entry.owner == v),
        ("nameLike", &|v| {
            entry.name.to_lowercase().contains(&v.to_lowercase())
        }),
        ("categoriesMatchOr", &|v| {
            comma_list(v).iter().any(|wanted| {
                entry
                    .categories
                    .iter()
                    .any(|c| c.name == *wanted || c.name.starts_with(&format!("{wanted}>")))
            })
        }),
        ("typeEqual", &|v| v == entry_type(entry).to_string()),
    ];
    checks
        .iter()
        .all(|(name, check)| given(name).is_none_or(check))
}

fn entry_type(entry: &Entry) -> i64 {
    match entry.kind {
        EntryKind::Media => 1,
        EntryKind::Playlist => 5,
    }
}

/// KalturaMediaEntry / KalturaPlaylist with the common fields (facts §3.4).
/// The entry as api_v3 shows it; thumbnails point at this simulator (`host`) so previews work offline.
pub fn entry_value(entry: &Entry, host: &str) -> Value {
    let categories: Vec<&str> = entry.categories.iter().map(|c| c.name.as_str()).collect();
    let mut properties = vec![
        ("id", Value::str(&entry.id)),
        ("name", Value::str(&entry.name)),
        ("description", Value::str(&entry.description)),
        ("partnerId", Value::Int(entry.partner)),
        ("userId", Value::str(&entry.owner)),
        ("creatorId", Value::str(&entry.owner)),
        ("tags", Value::str(&entry.tags)),
        ("categories", Value::str(categories.join(","))),
        ("status", Value::Int(2)),
        ("type", Value::Int(entry_type(entry))),
        ("createdAt", Value::Int(entry.created_at)),
        ("updatedAt", Value::Int(entry.created_at)),
        ("thumbnailUrl", Value::str(entry.thumbnail_url_at(host))),
        (
            "referenceId",
            entry
                .reference_id
                .as_deref()
                .map_or(Value::Null, Value::str),
        ),
        (
            "accessControlId",
            Value::Int(match entry.access {
                Access::Open => 1,
                Access::KsRequired => 2,
            }),
        ),
    ];
    match entry.kind {
        EntryKind::Media => {
            properties.extend([
                ("plays", Value::Int(0)),
                ("views", Value::Int(0)),
                ("duration", Value::Int(entry.duration)),
                ("msDuration", Value::Int(entry.duration * 1000)),
                ("mediaType", Value::Int(1)),
            ]);
            Value::object("KalturaMediaEntry", properties)
        }
        EntryKind::Playlist => {
            properties.push(("playlistType", Value::Int(3)));
            Value::object("KalturaPlaylist", properties)
        }
    }
}

fn find_entry<'a>(call: &'a Call) -> Result<&'a Entry, ApiError> {
    let session = call.session()?;
    let id = call.text("entryId").unwrap_or("");
    call.state()
        .fixtures
        .entry(session.partner.id, id)
        .ok_or_else(|| errors::ENTRY_ID_NOT_FOUND.with(&[id]))
}

/// The real baseEntry.get applies no access control (that is playback's job), so neither does this.
pub fn get(call: &Call) -> Result<Value, ApiError> {
    find_entry(call).map(|entry| entry_value(entry, call.env.host))
}

/// kAuthenticatedCondition: an ADMIN KS, or `sview:<id>` / `sview:*` (or `sviewplaylist`).
pub fn may_play(session: &Session, entry: &Entry) -> bool {
    entry.access == Access::Open
        || session.is_admin()
        || session.privileges.allows("sview", &entry.id)
        || session.privileges.allows("sviewplaylist", &entry.id)
}

/// KalturaPlaybackContext; a "KS required" entry without the right privilege gets a BLOCK action.
pub fn get_playback_context(call: &Call) -> Result<Value, ApiError> {
    let entry = find_entry(call)?;
    let session = call.session()?;
    let (actions, messages) = if may_play(session, entry) {
        (Vec::new(), Vec::new())
    } else {
        (
            vec![Value::object(
                "KalturaAccessControlBlockAction",
                vec![("type", Value::Int(1))],
            )],
            vec![Value::object(
                "KalturaAccessControlMessage",
                vec![
                    (
                        "message",
                        Value::str("No KS where KS is required\nWe're sorry, access to this content is restricted."),
                    ),
                    ("code", Value::str("SESSION_RESTRICTED")),
                ],
            )],
        )
    };
    // One progressive MP4 flavor, served by the simulator itself (the player's own URL rules add
    // their suffixes after `/a.mp4`; the route ignores them).
    let (sources, flavors) = if actions.is_empty() {
        let flavor_id = format!("{}_flv", entry.id);
        let url = format!(
            "http://{host}/p/{pid}/sp/{pid}00/playManifest/entryId/{id}/flavorIds/{flavor_id}/format/url/protocol/http/a.mp4",
            host = call.env.host,
            pid = entry.partner,
            id = entry.id
        );
        (
            vec![Value::object(
                "KalturaPlaybackSource",
                vec![
                    ("deliveryProfileId", Value::Int(1)),
                    ("format", Value::str("url")),
                    ("protocols", Value::str("http,https")),
                    ("flavorIds", Value::str(&flavor_id)),
                    ("url", Value::str(url)),
                    ("drm", Value::Array(Vec::new())),
                ],
            )],
            vec![Value::object(
                "KalturaFlavorAsset",
                vec![
                    ("id", Value::str(&flavor_id)),
                    ("entryId", Value::str(&entry.id)),
                    ("flavorParamsId", Value::Int(301951)),
                    ("width", Value::Int(320)),
                    ("height", Value::Int(180)),
                    ("bitrate", Value::Int(120)),
                    ("frameRate", Value::Int(15)),
                    ("isOriginal", Value::Bool(false)),
                    ("isWeb", Value::Bool(true)),
                    ("containerFormat", Value::str("isom")),
                    ("videoCodecId", Value::str("avc1")),
                    ("status", Value::Int(2)),
                    ("language", Value::str("Undefined")),
                    ("label", Value::str("Source")),
                    ("isDefault", Value::Bool(false)),
                    ("fileExt", Value::str("mp4")),
                ],
            )],
        )
    } else {
        (Vec::new(), Vec::new())
    };
    Ok(Value::object(
        "KalturaPlaybackContext",
        vec![
            ("sources", Value::Array(sources)),
            ("playbackCaptions", Value::Array(Vec::new())),
            ("flavorAssets", Value::Array(flavors)),
            ("actions", Value::Array(actions)),
            ("messages", Value::Array(messages)),
        ],
    ))
}

/// `metadata_metadata.list`: the player asks for custom metadata; the fixtures have none.
pub fn metadata_list(_call: &Call) -> Result<Value, ApiError> {
    Ok(Value::object(
        "KalturaMetadataListResponse",
        vec![
            ("objects", Value::Array(Vec::new())),
            ("totalCount", Value::Int(0)),
        ],
    ))
}
