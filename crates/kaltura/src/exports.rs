//! Exports for a developer's own code: `.env`, shell `export` lines and `curl` checks.
//!
//! The admin secret is never an input here: the `.env` line is left blank and `curl` reads
//! `$KALTURA_ADMIN_SECRET` from the environment, so nothing typed on the page can end up in them.

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
    fn pairs(&self) -> [(&'static str, String); 5] {
        let service = if self.service_origin.is_empty() {
            String::new()
        } else {
            format!("{}/api_v3", self.service_origin.trim_end_matches('/'))
        };
        [
            ("KALTURA_PARTNER_ID", self.partner_id.trim().to_string()),
            ("KALTURA_SERVICE_URL", service),
            ("KALTURA_USER_ID", self.user_id.trim().to_string()),
            ("KALTURA_PLAYER_ID", self.player_id.trim().to_string()),
            (
                "KALTURA_VIDEO_PORTAL_BASE_URL",
                self.portal_url.trim().to_string(),
            ),
        ]
    }
}

/// A `.env` value: bare when it is plainly safe, else double-quoted with `\` and `"` escaped.
fn dotenv_value(value: &str) -> String {
    let plain = value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"_-.:/@+".contains(&b));
    if plain {
        return value.to_string();
    }
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '$' => out.push_str("\\$"),
            c if c.is_control() => {}
            c => out.push(c),
        }
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
/// from the environment, so the text is the same for every account.
pub fn curl_commands() -> String {
    "# Start a USER session (type=0); the secret is read from $KALTURA_ADMIN_SECRET.\n\
KALTURA_KS=$(curl -s -X POST \"$KALTURA_SERVICE_URL/service/session/action/start\" \\\n\
  -d \"format=1\" \\\n\
  -d \"type=0\" \\\n\
  --data-urlencode \"partnerId=$KALTURA_PARTNER_ID\" \\\n\
  --data-urlencode \"secret=$KALTURA_ADMIN_SECRET\" \\\n\
  --data-urlencode \"userId=$KALTURA_USER_ID\" | tr -d '\"')\n\
\n\
# List one entry with it: a KalturaBaseEntryListResponse with totalCount means the KS works.\n\
curl -s -X POST \"$KALTURA_SERVICE_URL/service/baseEntry/action/list\" \\\n\
  -d \"format=1\" \\\n\
  -d \"pager[pageSize]=1\" \\\n\
  --data-urlencode \"ks=$KALTURA_KS\"\n"
        .to_string()
}
