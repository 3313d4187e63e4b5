//! KalturaAPIException catalogue: the server's `CODE;ARGS;message` templates and their wire forms.

use crate::value::{xml_escape, Value};

/// A template as written in the server's APIErrors / KalturaErrors (`CODE;ARG1,ARG2;message`).
pub struct Template(&'static str);

pub const START_SESSION_ERROR: Template =
    Template("START_SESSION_ERROR;PID;Error while starting session for partner [@PID@]");
pub const INVALID_KS: Template = Template(
    "INVALID_KS;KSID,ERR_CODE,ERR_DESC;Invalid KS \"@KSID@\", Error \"@ERR_CODE@,@ERR_DESC@\"",
);
pub const SERVICE_FORBIDDEN: Template =
    Template("SERVICE_FORBIDDEN;SERVICE;The access to service [@SERVICE@] is forbidden");
pub const SERVICE_FORBIDDEN_CONTENT_BLOCKED: Template = Template(
    "SERVICE_FORBIDDEN_CONTENT_BLOCKED;;The access to this service is forbidden since the specified partner is blocked",
);
pub const MISSING_MANDATORY_PARAMETER: Template =
    Template("MISSING_MANDATORY_PARAMETER;PARAM_NAME;Missing parameter \"@PARAM_NAME@\"");
pub const INVALID_ENUM_VALUE: Template = Template(
    "INVALID_ENUM_VALUE;ENUM_VAL,PARAM_NAME,ENUM_TYPE;Invalid enumeration value \"@ENUM_VAL@\" for parameter \"@PARAM_NAME@\", expecting enumeration type \"@ENUM_TYPE@\"",
);
pub const SERVICE_NOT_SPECIFIED: Template =
    Template("SERVICE_NOT_SPECIFIED;;Service name was not specified, please specify one");
pub const SERVICE_DOES_NOT_EXISTS: Template =
    Template("SERVICE_DOES_NOT_EXISTS;SRV_NAME;Service \"@SRV_NAME@\" does not exists");
pub const ACTION_DOES_NOT_EXISTS: Template = Template(
    "ACTION_DOES_NOT_EXISTS;ACTION_NAME,SERVICE_NAME;Action \"@ACTION_NAME@\" does not exists for service \"@SERVICE_NAME@\"",
);
pub const INVALID_WIDGET_ID: Template =
    Template("INVALID_WIDGET_ID;WIDGET_ID;Unknown widget [@WIDGET_ID@]");
pub const UNKNOWN_ROLE_ID: Template = Template("UNKNOWN_ROLE_ID;;Unknown role id");
pub const INVALID_ACTIONS_LIMIT: Template =
    Template("INVALID_ACTIONS_LIMIT;;Invalid actions limit");
pub const PARTNER_ACCESS_FORBIDDEN: Template = Template(
    "PARTNER_ACCESS_FORBIDDEN;ACCESSING_PID,ACCESSED_PID;Partner [@ACCESSING_PID@] cannot access partner [@ACCESSED_PID@]",
);
pub const APP_TOKEN_ID_NOT_FOUND: Template =
    Template("APP_TOKEN_ID_NOT_FOUND;ID;Application token id \"@ID@\" not found");
pub const APP_TOKEN_NOT_ACTIVE: Template =
    Template("APP_TOKEN_NOT_ACTIVE;ID;Application token id \"@ID@\" not active");
pub const INVALID_APP_TOKEN_HASH: Template =
    Template("INVALID_APP_TOKEN_HASH;;Invalid application token hash");
pub const APP_TOKEN_EXPIRED: Template =
    Template("APP_TOKEN_EXPIRED;ID;Application token id \"@ID@\" expired");
pub const ENTRY_ID_NOT_FOUND: Template =
    Template("ENTRY_ID_NOT_FOUND;ENTRY_ID;Entry id \"@ENTRY_ID@\" not found");
pub const INVALID_UI_CONF_ID: Template =
    Template("INVALID_UI_CONF_ID;UI_CONF_ID;Unknown uiConf [@UI_CONF_ID@]");
pub const UNKNOWN_RESPONSE_FORMAT: Template = Template(
    "UNKNOWN_RESPONSE_FORMAT;FORMAT;Response format provided [@FORMAT@] is not recognized by server",
);
/// The simulator's own bound on nesting, parameter count and multirequest items (the real server
/// has PHP's `max_input_vars` and nesting limits instead); same exception shape as the rest.
pub const PARAMETERS_LIMIT_EXCEEDED: Template = Template(
    "PARAMETERS_LIMIT_EXCEEDED;LIMIT;Request parameters exceed the simulator limit: @LIMIT@",
);
/// Longest KS text echoed back in an INVALID_KS message (a KS is a few hundred characters).
pub const MAX_KS_ECHO: usize = 1024;
pub const INTERNAL_SERVERL_ERROR: Template =
    Template("INTERNAL_SERVERL_ERROR;;Internal server error occurred");

/// A KalturaAPIException as the front controller serialises it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub code: String,
    pub message: String,
    /// Named arguments in template order; empty serialises as `[]`.
    pub args: Vec<(String, String)>,
}

impl Template {
    /// Fills `@NAME@` placeholders in order; a missing argument becomes `"N/A"`, as on the server.
    pub fn with(&self, values: &[&str]) -> ApiError {
        let mut parts = self.0.splitn(3, ';');
        let code = parts.next().unwrap_or_default();
        let names = parts.next().unwrap_or_default();
        let mut message = parts.next().unwrap_or_default().to_string();
        let args: Vec<(String, String)> = names
            .split(',')
            .filter(|name| !name.is_empty())
            .enumerate()
            .map(|(i, name)| {
                let value = values.get(i).copied().unwrap_or("N/A").to_string();
                (name.to_string(), value)
            })
            .collect();
        for (name, value) in &args {
            message = message.replace(&format!("@{name}@"), value);
        }
        ApiError {
            code: code.to_string(),
            message,
            args,
        }
    }

    pub fn code(&self) -> &'static str {
        self.0.split(';').next().unwrap_or_default()
    }
}

impl ApiError {
    /// INVALID_KS as the front controller fills it: ERR_CODE is always -1 / INVALID_STR.
    /// A KSID longer than [`MAX_KS_ECHO`] is cut (on a character boundary), so an answer never
    /// repeats megabytes of attacker input.
    pub fn invalid_ks(ksid: &str) -> ApiError {
        let cut = ksid
            .char_indices()
            .nth(MAX_KS_ECHO)
            .map_or(ksid, |(end, _)| &ksid[..end]);
        INVALID_KS.with(&[cut, "-1", "INVALID_STR"])
    }

    /// `{"code","message","objectType","args"}` in that order.
    pub fn to_value(&self) -> Value {
        let args = if self.args.is_empty() {
            Value::Array(Vec::new())
        } else {
            Value::Object(
                self.args
                    .iter()
                    .map(|(name, value)| (name.clone(), Value::str(value)))
                    .collect(),
            )
        };
        Value::Object(vec![
            ("code".into(), Value::str(&self.code)),
            ("message".into(), Value::str(&self.message)),
            ("objectType".into(), Value::str("KalturaAPIException")),
            ("args".into(), args),
        ])
    }

    /// The `<error>` element of KalturaXmlSerializer.
    pub fn to_xml(&self) -> String {
        let args: String = self
            .args
            .iter()
            .map(|(name, value)| {
                format!(
                    "<item><objectType>KalturaAPIExceptionArg</objectType><name>{}</name><value>{}</value></item>",
                    xml_escape(name),
                    xml_escape(value)
                )
            })
            .collect();
        format!(
            "<error><code>{}</code><message>{}</message><objectType>KalturaAPIException</objectType><args>{args}</args></error>",
            xml_escape(&self.code),
            xml_escape(&self.message)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(error: ApiError, json: &str) {
        assert_eq!(error.to_value().to_json(), json);
    }

    #[test]
    fn wire_shapes_match_live_samples() {
        check(
            SERVICE_FORBIDDEN_CONTENT_BLOCKED.with(&[]),
            r#"{"code":"SERVICE_FORBIDDEN_CONTENT_BLOCKED","message":"The access to this service is forbidden since the specified partner is blocked","objectType":"KalturaAPIException","args":[]}"#,
        );
        check(
            SERVICE_FORBIDDEN.with(&["category->list"]),
            r#"{"code":"SERVICE_FORBIDDEN","message":"The access to service [category->list] is forbidden","objectType":"KalturaAPIException","args":{"SERVICE":"category->list"}}"#,
        );
        check(
            ApiError::invalid_ks("EXPIRED"),
            r#"{"code":"INVALID_KS","message":"Invalid KS \"EXPIRED\", Error \"-1,INVALID_STR\"","objectType":"KalturaAPIException","args":{"KSID":"EXPIRED","ERR_CODE":"-1","ERR_DESC":"INVALID_STR"}}"#,
        );
        check(
            APP_TOKEN_EXPIRED.with(&[]),
            r#"{"code":"APP_TOKEN_EXPIRED","message":"Application token id \"N\/A\" expired","objectType":"KalturaAPIException","args":{"ID":"N\/A"}}"#,
        );
    }

    #[test]
    fn xml_error_element() {
        assert_eq!(
            UNKNOWN_ROLE_ID.with(&[]).to_xml(),
            "<error><code>UNKNOWN_ROLE_ID</code><message>Unknown role id</message><objectType>KalturaAPIException</objectType><args></args></error>"
        );
        assert!(START_SESSION_ERROR.with(&["7"]).to_xml().contains(
            "<args><item><objectType>KalturaAPIExceptionArg</objectType><name>PID</name><value>7</value></item></args>"
        ));
    }
}
