//! Exports for a developer's own code: `.env`, shell `export` lines and `curl` checks.
//!
//! The admin secret is never an input here: the `.env` line is left blank and `curl` reads
//! `$KALTURA_ADMIN_SECRET` from the environment, so nothing typed on the page can end up in them.

use crate::embed::ids::{PartnerId, UiConfId};

/// The values to export, as typed (each may be empty).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExportValues {
    pub partner_id: String,
    /// The api_v3 origin, e.g. `https://www.kaltura.com`; `/api_v3` is appended.
    pub service_origin: String,
    pub user_id: String,
    pub player_id: String,
    pub portal_url: String,
}

impl ExportValues {
    /// Name and value of each line. An ID that does not parse is left empty: a value that only
    /// looks like an ID (from a shared link, say) never reaches a file a shell may source.
    fn pairs(&self) -> [(&'static str, String); 5] {
        let valid = |ok: bool, value: &str| {
            if ok {
                value.trim().to_string()
            } else {
                String::new()
            }
        };
        let service = if self.service_origin.is_empty() {
            String::new()
        } else {
            format!("{}/api_v3", self.service_origin.trim_end_matches('/'))
        };
        [
            (
                "KALTURA_PARTNER_ID",
                valid(PartnerId::parse(&self.partner_id).is_ok(), &self.partner_id),
            ),
            ("KALTURA_SERVICE_URL", service),
            ("KALTURA_USER_ID", self.user_id.trim().to_string()),
            (
                "KALTURA_PLAYER_ID",
                valid(UiConfId::parse(&self.player_id).is_ok(), &self.player_id),
            ),
            (
                "KALTURA_VIDEO_PORTAL_BASE_URL",
                self.portal_url.trim().to_string(),
            ),
        ]
    }
}

/// A `.env` value: bare when it is plainly safe; else single-quoted, which bash (`set -a; . .env`),
/// python-dotenv, Node's dotenv and Docker Compose all read literally; a value holding `'` is
/// double-quoted with `\`, `"`, `$` and `` ` `` escaped, so sourcing the file never runs it.
fn dotenv_value(value: &str) -> String {
    let plain = value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"_-.:/@+".contains(&b));
    let value: String = value.chars().filter(|c| !c.is_control()).collect();
    if plain {
        return value;
    }
    if !value.contains('\'') {
        return format!("'{value}'");
    }
    let mut out = String::from("\"");
    for c in value.chars() {
        if matches!(c, '\\' | '"' | '$' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// POSIX shell single-quoting: `'` becomes `'\''`; control characters are dropped.
pub fn shell_quote(value: &str) -> String {
    let mut out = String::from("'");
    for c in value.chars() {
        match c {
            '\'' => out.push_str("'\\''"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// The `.env` file text.
pub fn dotenv(values: &ExportValues) -> String {
    let mut out = String::from(
        "# Kaltura credentials for your server-side code. Add .env to .gitignore: never commit it.\n",
    );
    for (name, value) in values.pairs() {
        out.push_str(name);
        out.push('=');
        out.push_str(&dotenv_value(&value));
        out.push('\n');
    }
    out.push_str(
        "# The admin secret belongs on a server only (KMC → Settings → Integration Settings).\n",
    );
    out.push_str("# Paste it here yourself; this page never writes it.\n");
    out.push_str("KALTURA_ADMIN_SECRET=\n");
    out
}

/// Shell `export` lines for running the curl checks.
pub fn shell_exports(values: &ExportValues) -> String {
    let mut out = String::new();
    for (name, value) in values.pairs() {
        out.push_str("export ");
        out.push_str(name);
        out.push('=');
        out.push_str(&shell_quote(&value));
        out.push('\n');
    }
    out.push_str("# Set the secret without leaving it in your shell history:\n");
    out.push_str("read -rs KALTURA_ADMIN_SECRET && export KALTURA_ADMIN_SECRET\n");
    out
}

/// `curl` for a USER session (type 0) and a one-item `baseEntry.list` with it. Every value comes
/// from the environment, so the text is the same for every account. The secret goes to curl on
/// stdin, not as an argument other local users could read in `ps`; the KS is taken out of its
/// JSON string (quotes off, `\/` back to `/`, as PHP's `json_encode` writes a KS's slashes), and an
/// error object instead of a KS is said as such.
pub fn curl_commands() -> String {
    r#"# Start a USER session (type=0); the secret is read from $KALTURA_ADMIN_SECRET, on stdin.
KALTURA_KS=$(printf %s "$KALTURA_ADMIN_SECRET" | curl -s -X POST "$KALTURA_SERVICE_URL/service/session/action/start" \
  -d "format=1" \
  -d "type=0" \
  --data-urlencode "partnerId=$KALTURA_PARTNER_ID" \
  --data-urlencode "secret@-" \
  --data-urlencode "userId=$KALTURA_USER_ID" | sed -e 's/^"//' -e 's/"$//' -e 's#\\/#/#g')
case "$KALTURA_KS" in "{"*|"") echo "session.start failed: $KALTURA_KS" >&2 ;; esac

# List one entry with it: a KalturaBaseEntryListResponse with totalCount means the KS works.
curl -s -X POST "$KALTURA_SERVICE_URL/service/baseEntry/action/list" \
  -d "format=1" \
  -d "pager[pageSize]=1" \
  --data-urlencode "ks=$KALTURA_KS"
"#
    .to_string()
}
