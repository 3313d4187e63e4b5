//! The api_v3 answer shapes this page reads, as serde types (decoded from whatever parsed the JSON).
//!
//! Every shape here deserializes from any JSON a server could send: a step is the call's result,
//! a `KalturaAPIException`, or something else (kept as [`Step::Other`] so the reader can say which
//! shape it expected). Type mismatches inside a result therefore read as "unexpected shape", never
//! as a deserializer error.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// A field api_v3 sends as a string or as a number depending on the code path (`partnerId`,
/// `userId`, `expiry`, `sessionType`, exception arguments): kept as its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextOrNumber(pub(crate) String);

impl TextOrNumber {
    /// The integer it spells (`" 42 "` and `42` alike); `None` for other text or fractions.
    pub(crate) fn as_i64(&self) -> Option<i64> {
        self.0.trim().parse().ok()
    }
}

impl<'de> Deserialize<'de> for TextOrNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextOrNumberVisitor;
        impl Visitor<'_> for TextOrNumberVisitor {
            type Value = TextOrNumber;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<TextOrNumber, E> {
                Ok(TextOrNumber(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<TextOrNumber, E> {
                Ok(TextOrNumber(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<TextOrNumber, E> {
                Ok(TextOrNumber(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<TextOrNumber, E> {
                // A JS parse hands big integers over as floats; `1e21` stays a non-integer text.
                Ok(TextOrNumber(v.to_string()))
            }
        }
        deserializer.deserialize_any(TextOrNumberVisitor)
    }
}

/// `objectType` of an exception: only this exact value makes an object a [`ApiException`].
#[derive(Debug, Clone, PartialEq, Eq)]
struct ExceptionTag;

impl<'de> Deserialize<'de> for ExceptionTag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(deserializer)?;
        if tag == "KalturaAPIException" {
            Ok(ExceptionTag)
        } else {
            Err(de::Error::custom("not a KalturaAPIException"))
        }
    }
}

/// A `KalturaAPIException`: `{code, message, objectType, args}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ApiException {
    #[serde(rename = "objectType")]
    object_type: ExceptionTag,
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub message: String,
    /// The message template's arguments by name (api_v3 sends `[]` when there are none).
    #[serde(default, deserialize_with = "named_args")]
    pub args: BTreeMap<String, String>,
}

/// `args` as a map of texts: an object's string and number values; `[]`, `null` and values of
/// other types are read as absent (the classifier falls back to the message text).
fn named_args<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, String>, D::Error> {
    struct ArgsVisitor;
    impl<'de> Visitor<'de> for ArgsVisitor {
        type Value = BTreeMap<String, String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("exception arguments")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut args = BTreeMap::new();
            while let Some(name) = map.next_key::<String>()? {
                if let Loose::Text(TextOrNumber(value)) = map.next_value::<Loose>()? {
                    args.insert(name, value);
                }
            }
            Ok(args)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(BTreeMap::new())
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(BTreeMap::new())
        }
    }
    deserializer.deserialize_any(ArgsVisitor)
}

/// A value that is text (or a number), or anything else.
#[derive(Deserialize)]
#[serde(untagged)]
enum Loose {
    Text(TextOrNumber),
    Other(IgnoredAny),
}

/// One call's answer (or one multirequest item): an exception, the result, or another shape.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum Step<T> {
    Failed(ApiException),
    Done(T),
    Other(IgnoredAny),
}

/// A two-call multirequest answer: one item per call, or the whole request refused.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum Multi<A, B> {
    Pair(Step<A>, Step<B>),
    Refused(ApiException),
    /// An array of another length.
    Items(Vec<IgnoredAny>),
    Other(IgnoredAny),
}

/// `KalturaStartWidgetSessionResponse`: `{partnerId, ks, userId: 0}`.
#[derive(Debug, Deserialize)]
pub(crate) struct WidgetSessionAnswer {
    #[serde(rename = "objectType")]
    pub(crate) object_type: String,
    pub(crate) ks: Option<String>,
    #[serde(rename = "partnerId")]
    pub(crate) partner_id: Option<TextOrNumber>,
    #[serde(rename = "userId")]
    pub(crate) user_id: Option<TextOrNumber>,
}

/// `KalturaSessionInfo` from `appToken.startSession`.
#[derive(Debug, Deserialize)]
pub(crate) struct SessionInfoAnswer {
    #[serde(rename = "objectType")]
    pub(crate) object_type: String,
    pub(crate) ks: Option<String>,
    #[serde(rename = "sessionType")]
    pub(crate) session_type: Option<TextOrNumber>,
    #[serde(rename = "partnerId")]
    pub(crate) partner_id: Option<TextOrNumber>,
    /// Omitted when null, which is an anonymous session.
    #[serde(rename = "userId")]
    pub(crate) user_id: Option<TextOrNumber>,
    pub(crate) expiry: Option<TextOrNumber>,
    pub(crate) privileges: Option<String>,
}

/// A `Kaltura…ListResponse` (`baseEntry.list`): its count and the type of each object.
#[derive(Debug, Deserialize)]
pub(crate) struct ListAnswer {
    #[serde(rename = "objectType")]
    pub(crate) object_type: String,
    #[serde(rename = "totalCount")]
    pub(crate) total_count: Option<TextOrNumber>,
    #[serde(default)]
    pub(crate) objects: Vec<Listed>,
}

/// One listed object; only its type is read (`KalturaPlaylist` or a media entry type).
#[derive(Debug, Deserialize)]
pub(crate) struct Listed {
    #[serde(rename = "objectType")]
    pub(crate) object_type: Option<String>,
}
