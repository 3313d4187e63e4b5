//! An options object as JavaScript gave it: every key with its value read as a lenient [`Raw`],
//! and the `options!` macro that declares an options struct, its keys and its reading in one list.
//!
//! Why not `#[derive(Deserialize)]` with `#[serde(flatten)]` for the unknown keys: flatten buffers
//! every value in serde's private `Content` tree and instantiates a map reader per struct; this
//! one map of `String` → `Raw` serves every options struct (measured on the embed build: 29 KB
//! less raw wasm, 6 KB less brotli).

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use std::fmt;

use crate::issues::Raw;

/// The keys and values of one options object, in the order given.
#[derive(Debug, Default)]
pub struct Given(Vec<(String, Raw)>);

impl Given {
    /// The value at `key`, taken out (`Raw::Absent` when not given).
    pub fn take(&mut self, key: &str) -> Raw {
        match self.0.iter().position(|(k, _)| k == key) {
            Some(at) => self.0.remove(at).1,
            None => Raw::Absent,
        }
    }

    /// The keys no option took, in the order given.
    pub fn rest(self) -> Vec<String> {
        self.0.into_iter().map(|(key, _)| key).collect()
    }
}

impl<'de> Deserialize<'de> for Given {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(GivenVisitor)
    }
}

struct GivenVisitor;

impl<'de> Visitor<'de> for GivenVisitor {
    type Value = Given;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Given, A::Error> {
        let mut given = Vec::new();
        while let Some(entry) = map.next_entry::<String, Raw>()? {
            given.push(entry);
        }
        Ok(Given(given))
    }
}

/// `options!(Name, KEYS { field: "jsKey", … })`: a struct of [`Raw`] fields plus `unknown` (the
/// keys that are not options), the const list of its keys (for the unknown-key message), and its
/// `Deserialize` through [`Given`]. One list, so a key cannot be read under another spelling.
macro_rules! options {
    ($(#[$meta:meta])* $name:ident, $keys:ident { $($field:ident: $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Default)]
        pub struct $name {
            $(pub $field: $crate::issues::Raw,)+
            /// Keys that are not options, in the order given.
            pub unknown: Vec<String>,
        }

        /// The option keys, as JavaScript spells them.
        pub const $keys: &[&str] = &[$($key),+];

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let mut given = $crate::given::Given::deserialize(deserializer)?;
                Ok($name {
                    $($field: given.take($key),)+
                    unknown: given.rest(),
                })
            }
        }
    };
}
pub(crate) use options;
