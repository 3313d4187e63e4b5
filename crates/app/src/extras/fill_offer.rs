//! "Fill from this" inside an ID field's error, when a link or embed code was typed there.
//!
//! The error line belongs to the first module (`fields::text_field`, `<p id="{input}-msg">`);
//! the button is rendered from here, through a portal into that line, so the first load carries
//! none of it. `root` handles the button's click (`fields::FILL_ATTR`). Should the line not be in
//! the page when this renders, the offer stands on its own above the form instead.

use kaltura::embed::form::{EmbedForm, Field};
use yew::prelude::*;

use crate::shared::fields::field_id;

/// The first ID field (in page order) that holds a link or embed code: its input's id and label.
fn misplaced(form: &EmbedForm) -> Option<(&'static str, &'static str)> {
    [
        (&form.partner, Field::Partner),
        (&form.ui_conf, Field::UiConf),
        (&form.content_id, Field::ContentId),
    ]
    .into_iter()
    .find(|(value, _)| kaltura::embed::ids::is_pasted(value.trim()))
    .map(|(_, field)| (field_id(field), field.label(form.content_kind)))
}

/// The offer for `form`, or nothing when every ID field holds what it should.
pub fn fill_offer(form: &EmbedForm) -> Html {
    let Some((input, label)) = misplaced(form) else {
        return Html::default();
    };
    let button = html! {
        <button type="button" class="fill" data-fill={input}>{ "Fill from this" }</button>
    };
    let error_line = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("{input}-msg")));
    match error_line {
        Some(host) => create_portal(button, host),
        None => html! {
            <p class="fill-offer">
                { format!("The {label} field holds a link or embed code. ") }
                { button }
            </p>
        },
    }
}
