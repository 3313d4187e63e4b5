//! What a read paste does to the form: which options it sets, and what is still missing.

use super::*;

impl Filled {
    /// Whether the paste is an embed or player URL (its version is known), which then sets every
    /// option: what it leaves out is the default, not whatever the form had before.
    pub fn sets_every_option(&self) -> bool {
        self.version.is_some()
    }

    /// Sets on `form` what was read (and, for an embed, every other option to its default; the
    /// IDs and the KS opt-in stay when the paste has none); returns the labels of what was read.
    pub fn apply(&self, form: &mut EmbedForm) -> Vec<&'static str> {
        if self.sets_every_option() {
            *form = EmbedForm {
                partner: std::mem::take(&mut form.partner),
                ui_conf: std::mem::take(&mut form.ui_conf),
                content_kind: form.content_kind,
                content_id: std::mem::take(&mut form.content_id),
                include_ks: form.include_ks,
                ..EmbedForm::default()
            };
        }
        let mut set = Vec::new();
        if let Some(p) = &self.partner {
            form.partner = p.clone();
            set.push("Partner ID");
        }
        if let Some(u) = &self.ui_conf {
            form.ui_conf = u.clone();
            set.push("Player ID");
        }
        if let Some((kind, id)) = &self.content {
            form.content_kind = *kind;
            form.content_id = id.clone();
            set.push(if *kind == ContentKind::Entry {
                "Entry ID"
            } else {
                "Playlist ID"
            });
        }
        if let Some(v) = self.version {
            form.version = v;
            set.push("Player version");
        }
        if let Some(k) = self.kind {
            form.kind = k;
            set.push("Embed type");
        }
        if let Some(h) = &self.cdn_host {
            form.cdn_host = h.clone();
            form.custom_host = true;
            set.push("Player host");
        }
        if self.responsive {
            form.size_mode = SizeMode::Responsive;
            set.push("Size");
        } else if let Some((w, h)) = &self.size {
            form.size_mode = SizeMode::Fixed;
            form.width = w.clone();
            form.height = h.clone();
            set.push("Size");
        }
        if self.autoplay || self.muted || self.loop_playback {
            form.autoplay = self.autoplay;
            form.muted = self.muted;
            form.loop_playback = self.loop_playback;
            set.push("Playback options");
        }
        if let Some(fallback) = self.muted_autoplay_fallback {
            form.muted_autoplay_fallback = fallback;
            set.push("Fall back to muted autoplay");
        }
        if let Some((ratio, custom)) = self.ratio.as_ref().filter(|_| self.responsive) {
            form.ratio = *ratio;
            form.custom_ratio = custom.clone();
            set.push("Aspect ratio");
        }
        if let Some(s) = &self.start {
            form.start = s.clone();
            set.push("Start at");
        }
        if let Some(c) = &self.clip_to {
            form.clip_to = c.clone();
            set.push("Clip to");
        }
        if self.ignore_stored_prefs {
            form.ignore_stored_prefs = true;
            set.push("Ignore viewers' saved settings");
        }
        if let Some(mode) = self.time_mode {
            form.time_mode = mode;
        }
        if let Some(t) = &self.target_id {
            form.target_id = t.clone();
            set.push(Field::TargetId.label(form.content_kind));
        }
        set
    }

    /// What the paste did not give, in plain words: what could not be read, then each ID it
    /// lacks ("Partner ID: not found in the paste"). The paste helper and the module both say this.
    pub fn unread(&self) -> Vec<String> {
        let lacking = [
            (self.partner.is_none(), "Partner ID"),
            (self.ui_conf.is_none(), "Player ID"),
            (self.content.is_none(), "Entry or Playlist ID"),
        ];
        let lacking = lacking
            .into_iter()
            .filter(|(lacks, _)| *lacks)
            .map(|(_, id)| format!("{id}: not found in the paste"));
        self.not_read.iter().cloned().chain(lacking).collect()
    }
}

/// "Fill from this": a link or embed code typed into an ID field fills the form as a paste
/// would, and the ID fields holding that text are emptied first (a link without a partner must
/// not leave itself in the Partner ID field). Returns the labels of what was read; when nothing
/// was, the form stays as it is.
pub fn fill_from_field(form: &mut EmbedForm, pasted: &str) -> Vec<&'static str> {
    let filled = read(pasted);
    let mut next = form.clone();
    for id in [&mut next.partner, &mut next.ui_conf, &mut next.content_id] {
        if id.trim() == pasted.trim() {
            id.clear();
        }
    }
    let set = filled.apply(&mut next);
    if !set.is_empty() {
        *form = next;
    }
    set
}
