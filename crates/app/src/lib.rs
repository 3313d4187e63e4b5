//! Kaltura Embed Studio page: two wasm modules over one library, laid out by module.
//!
//! The page never builds snippet text: `kaltura::embed::form::evaluate` does, on every change.
//!
//! - `first`: what the `app` binary (the first load) links: the form and its code.
//! - `extras`: what the `extras` binary links: the panels loaded once the form is interactive
//!   (paste helper, code format tabs, share bar, preview, developer tools: session, exports,
//!   reference).
//! - `shared`: what both link: the `bridge` that joins them, the field widgets, the code box.
//!
//! A change under `first/` or `shared/` touches the first load and its size budget.

pub mod extras;
pub mod first;
pub mod shared;

pub use first::app::{opening_state, App, AppProps};

/// Where `index.html` has the `app` module mount (the form column and the code).
pub const STUDIO_ROOT_ID: &str = "studio";
/// Where the `extras` module mounts: a sibling of the studio root, never inside it (see `bridge`).
pub const EXTRAS_ROOT_ID: &str = "extras-root";
/// Where `extras` renders the code format tabs (a portal): an empty slot in `App`'s code panel.
pub const CODE_FORMATS_ID: &str = "code-formats";
/// Where `extras` renders the share bar and the preview (a portal): under the code, in its column.
pub const SIDE_EXTRAS_ID: &str = "side-extras";
/// Where `extras` renders the paste helper (a portal): above the form, outside both roots.
pub const PASTE_ROOT_ID: &str = "paste-root";

// Talc instead of the default dlmalloc: the same job in less wasm for both modules.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
