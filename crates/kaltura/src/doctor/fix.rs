//! The corrected player: the embed form as the paste reads, with the fixes the doctor can make
//! itself (an https host, Dynamic for a playlist thumbnail, no KS), and its code.

use super::rules::Player;
use crate::embed::form::{evaluate, ContentKind, EmbedForm};
use crate::embed::host::CdnHost;
use crate::embed::EmbedType;

pub(super) fn corrected(player: &Player) -> (EmbedForm, Option<String>) {
    let mut form = EmbedForm::default();
    player.filled.apply(&mut form);
    form.version = player.found.version;
    form.kind = player.found.kind;
    if let Ok(host) = CdnHost::parse(form.cdn_host.trim()) {
        if !host.warnings().is_empty() {
            let fixed = super::rules::https_origin(&host);
            form.custom_host = fixed != CdnHost::saas().origin();
            form.cdn_host = if form.custom_host {
                fixed
            } else {
                String::new()
            };
        }
    }
    if form.kind == EmbedType::Thumbnail && form.content_kind == ContentKind::Playlist {
        form.kind = EmbedType::Dynamic;
    }
    form.include_ks = false;
    let code = evaluate(&form, None).snippet.map(|s| s.code);
    (form, code)
}
