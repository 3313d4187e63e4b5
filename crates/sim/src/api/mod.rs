//! The `/api_v3/` front controller: params from path > query > body, format selection, serialisation, headers.

mod app_token;
pub mod base_entry;
pub mod dispatch;
pub mod multirequest;
mod session;
mod system;
mod ui_conf;

use std::time::Instant;

use crate::errors::{self, ApiError};
use crate::message::{Request, Response};
use crate::params::{Param, ParamError, Params, MAX_PARAMS};
use crate::phpurl;
use crate::state::State;
use crate::value::Value;

use dispatch::Env;

/// Headers every api_v3 response carries (facts §3.1, §5).
pub const EXPOSE_HEADERS: &str =
    "Server, Content-Length, Content-Range, Date, X-Kaltura, X-Kaltura-Session, X-Me";
const EXPIRES: &str = "Sun, 19 Nov 2000 08:52:00 GMT";
const CACHE_CONTROL: &str = "no-store, no-cache, must-revalidate, post-check=0, pre-check=0";

/// A parsed api_v3 request.
pub struct ApiRequest {
    pub params: Params,
    /// A limit the request broke; it is answered with this error instead of being run.
    pub rejected: Option<ApiError>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Xml,
}

impl ApiRequest {
    /// Collects params as infraRequestUtils::getRequestParams: path pairs > query > body.
    ///
    /// A source that breaks a limit contributes nothing (the others still give `format`), and
    /// the request is answered with PARAMETERS_LIMIT_EXCEEDED.
    pub fn parse(request: &Request) -> ApiRequest {
        let mut broken = None;
        let mut keep = |parsed: Result<Params, ParamError>| {
            parsed.unwrap_or_else(|error| {
                broken.get_or_insert(error);
                Params::new()
            })
        };
        let body = keep(body_params(request));
        let query = keep(Params::from_query(&request.query));
        let path = keep(path_params(&request.path));
        let mut params = path.merged_over(query.merged_over(body));
        if broken.is_some() && !params.contains("format") {
            if let Some(format) = flat_format(request) {
                params.set("format", &format);
            }
        }
        let mut rejected =
            broken.map(|error| errors::PARAMETERS_LIMIT_EXCEEDED.with(&[&error.describe()]));
        if rejected.is_none()
            && params
                .text("service")
                .is_some_and(|s| s.eq_ignore_ascii_case("multirequest"))
            && multirequest::sub_requests(&params).len() > multirequest::MAX_ITEMS
        {
            let limit = format!("at most {} multirequest items", multirequest::MAX_ITEMS);
            rejected = Some(errors::PARAMETERS_LIMIT_EXCEEDED.with(&[&limit]));
        }
        ApiRequest { params, rejected }
    }

    pub fn service(&self) -> &str {
        self.params.text("service").unwrap_or("")
    }

    pub fn is_multirequest(&self) -> bool {
        self.service().eq_ignore_ascii_case("multirequest")
    }

    /// `service.action` names, lower-case; a multirequest lists `multirequest` then its items.
    pub fn calls(&self) -> Vec<String> {
        if self.is_multirequest() {
            let mut calls = vec!["multirequest".to_string()];
            calls.extend(multirequest::calls(&self.params));
            calls
        } else {
            vec![format!(
                "{}.{}",
                self.service().to_ascii_lowercase(),
                self.params
                    .text("action")
                    .unwrap_or("")
                    .to_ascii_lowercase()
            )]
        }
    }

    /// Runs the request and serialises the answer (always HTTP 200).
    pub fn respond(&self, state: &State, request: &Request, force_xml: bool) -> Response {
        let started = Instant::now();
        let env = Env {
            state,
            uri: &request.target,
            ip: request.peer.ip(),
            host: request.header("Host").unwrap_or("127.0.0.1"),
        };
        let format_param = self.params.text("format").unwrap_or("2");
        let format = match format_param {
            "1" => Some(Format::Json),
            "2" => Some(Format::Xml),
            _ => None,
        };
        let Some(format) = format else {
            let error = errors::UNKNOWN_RESPONSE_FORMAT.with(&[format_param]);
            return finish(xml_document(&error.to_xml(), started), Format::Xml);
        };
        let format = if force_xml { Format::Xml } else { format };

        let body = if let Some(error) = &self.rejected {
            match format {
                Format::Json => error.to_value().to_json(),
                Format::Xml => xml_document(&error.to_xml(), started),
            }
        } else if self.is_multirequest() {
            let results = multirequest::run(&env, &self.params);
            match format {
                Format::Json => Value::Array(results.into_iter().map(as_value).collect()).to_json(),
                Format::Xml => {
                    let items: String = results
                        .iter()
                        .map(|result| format!("<item>{}</item>", xml_of(result)))
                        .collect();
                    xml_document(&items, started)
                }
            }
        } else {
            let action = self.params.text("action").unwrap_or("");
            let result = dispatch::call(&env, self.service(), action, &self.params);
            match format {
                Format::Json => as_value(result).to_json(),
                Format::Xml => xml_document(&xml_of(&result), started),
            }
        };
        finish(body, format)
    }
}

fn as_value(result: Result<Value, ApiError>) -> Value {
    result.unwrap_or_else(|error| error.to_value())
}

fn xml_of(result: &Result<Value, ApiError>) -> String {
    match result {
        Ok(value) => value.to_xml(),
        Err(error) => error.to_xml(),
    }
}

fn xml_document(result: &str, started: Instant) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><xml><result>{result}</result><executionTime>{:.6}</executionTime></xml>",
        started.elapsed().as_secs_f64()
    )
}

fn finish(body: String, format: Format) -> Response {
    let content_type = match format {
        Format::Json => "application/json",
        Format::Xml => "text/xml",
    };
    let mut response = Response::new(200, content_type, body);
    response.set_header("Expires", EXPIRES);
    response.set_header("Cache-Control", CACHE_CONTROL);
    response.set_header("X-Me", "kaltura-sim");
    add_cors(&mut response);
    response
}

/// `Access-Control-Allow-Origin: *` and the exposed headers, on every response.
pub fn add_cors(response: &mut Response) {
    response.set_header("Access-Control-Allow-Origin", "*");
    response.set_header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
}

/// The OPTIONS answer, sent before any processing: 200, empty body.
pub fn preflight() -> Response {
    let mut response = Response::empty(200);
    response.set_header("Access-Control-Allow-Origin", "*");
    response.set_header(
        "Access-Control-Allow-Headers",
        "Origin, X-Requested-With, Content-Type, Accept, Range, Cache-Control",
    );
    response.set_header("Access-Control-Allow-Methods", "POST, GET, HEAD, OPTIONS");
    response.set_header("Access-Control-Max-Age", "86400");
    response.set_header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    response
}

/// A plain top-level `format` from the path, query or body, read without building any tree: a
/// request refused for its parameters is still answered in the format it asked for.
fn flat_format(request: &Request) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct FormatOnly {
        format: Option<serde_json::Value>,
    }
    let from_pairs = |text: &str| {
        phpurl::parse_query(text)
            .into_iter()
            .rev()
            .find(|(key, _)| key == "format")
            .map(|(_, value)| value)
    };
    let from_path = path_segments(&request.path)
        .chunks(2)
        .find(|pair| pair[0] == "format")
        .map(|pair| pair.get(1).cloned().unwrap_or_default());
    let from_body = || match serde_json::from_slice::<FormatOnly>(&request.body) {
        Ok(FormatOnly {
            format: Some(value),
        }) => Some(value.to_string().trim_matches('"').to_string()),
        _ => from_pairs(&String::from_utf8_lossy(&request.body)),
    };
    from_path
        .or_else(|| from_pairs(&request.query))
        .or_else(from_body)
}

/// The decoded, non-empty segments after `/api_v3[/index.php]`.
fn path_segments(path: &str) -> Vec<String> {
    let rest = path.strip_prefix("/api_v3").unwrap_or(path);
    let rest = rest.strip_prefix("/index.php").unwrap_or(rest);
    rest.split('/')
        .filter(|s| !s.is_empty())
        .map(phpurl::path_decode)
        .collect()
}

/// `/api_v3[/index.php]/k1/v1/k2/v2…`: key/value pairs, the first occurrence of a key wins.
fn path_params(path: &str) -> Result<Params, ParamError> {
    let segments = path_segments(path);
    if segments.len() > 2 * MAX_PARAMS {
        return Err(ParamError::TooMany);
    }
    let mut params = Params::new();
    for pair in segments.chunks(2) {
        let value = pair.get(1).cloned().unwrap_or_default();
        if !params.contains(&pair[0]) {
            params.insert_path(&pair[0], Param::Text(value))?;
        }
    }
    Ok(params)
}

/// The body as PHP sees it: JSON only for exactly `application/json`, form for urlencoded.
fn body_params(request: &Request) -> Result<Params, ParamError> {
    let content_type = request.header("Content-Type").unwrap_or("").trim();
    let body = String::from_utf8_lossy(&request.body);
    if content_type.eq_ignore_ascii_case("application/json") {
        return Params::from_json(&body).map(Option::unwrap_or_default);
    }
    let media_type = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if media_type == "application/x-www-form-urlencoded" {
        return Params::from_query(&body);
    }
    Ok(Params::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_pairs_first_wins() {
        let params =
            path_params("/api_v3/service/session/action/start/format/1/format/2/odd").unwrap();
        assert_eq!(params.text("service"), Some("session"));
        assert_eq!(params.text("action"), Some("start"));
        assert_eq!(params.text("format"), Some("1"));
        assert_eq!(params.text("odd"), Some(""));
        let index = path_params("/api_v3/index.php/service/multirequest").unwrap();
        assert_eq!(index.text("service"), Some("multirequest"));
        assert_eq!(index.text("action"), None);
    }
}
