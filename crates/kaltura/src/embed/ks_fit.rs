//! Whether a KS opted into the code can play the form's content (a warning at the field if not).

use super::form::{Checker, EmbedForm, Field, Severity};
use super::ids::PartnerId;
use crate::session::ks::Ks;

/// Whether an opted-in KS can play this form's content; if not, says why at the field it
/// disagrees with (a warning: the code is still given, without the KS). Only what the KS shows
/// in plain text is checked: its partner, and a v1 KS's `sview` privileges.
pub(super) fn ks_fits(c: &mut Checker, ks: &Ks, form: &EmbedForm) -> bool {
    let Some((partner, views)) = ks.scope() else {
        return true;
    };
    // Compared as IDs: "2,506,752" is partner 2506752 too.
    let form_partner = form.partner.trim();
    if !form_partner.is_empty() && PartnerId::parse(&partner) != PartnerId::parse(form_partner) {
        c.push(
            Field::Partner,
            Severity::Warning,
            format!("The KS is for partner {partner}, so it is left out."),
        );
        return false;
    }
    let content = form.content_id.trim();
    let allowed = views.is_empty() || views.iter().any(|id| id == content || id == "*");
    if !allowed {
        c.push(
            Field::ContentId,
            Severity::Warning,
            "The KS is limited (sview) to other content, so it is left out.".to_string(),
        );
    }
    allowed
}
