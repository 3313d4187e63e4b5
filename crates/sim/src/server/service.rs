//! The hyper service: reads the body within the request's deadline, routes, logs, answers.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::Incoming;
use hyper::header::{HeaderName, HeaderValue, CONNECTION};
use hyper::{StatusCode, Version};

use super::conn::{Exchange, Takeover};
use super::route::{self, Routed};
use crate::message::{Request, Response};
use crate::state::State;

/// Request body limit: api_v3 requests are a few KB; 1 MiB times the connection cap still fits
/// in memory, as 8 MiB did not.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// What the service of one connection knows.
pub struct Context {
    pub state: Arc<State>,
    pub peer: SocketAddr,
    pub exchange: Arc<Exchange>,
    /// For the head and the body together, from the request's first byte.
    pub deadline: Duration,
}

/// Why no request could be read; each is answered, then the connection closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyError {
    Late,
    TooLarge,
    Malformed,
}

impl BodyError {
    fn response(self) -> Response {
        let (status, text) = match self {
            BodyError::Late => (408, "request not complete within the deadline"),
            BodyError::TooLarge => (413, "request too large"),
            BodyError::Malformed => (400, "malformed request body"),
        };
        Response::new(status, "text/plain", text)
    }
}

pub async fn handle(
    request: hyper::Request<Incoming>,
    context: Arc<Context>,
) -> Result<hyper::Response<Full<Bytes>>, Infallible> {
    let started = context.exchange.started().unwrap_or_else(Instant::now);
    let version = request.version();
    let (parts, body) = request.into_parts();
    let body = match read_body(body, started + context.deadline).await {
        Ok(body) => body,
        Err(error) => return Ok(to_hyper(error.response(), version)),
    };
    let request = Request {
        method: parts.method.as_str().to_ascii_uppercase(),
        target: parts
            .uri
            .path_and_query()
            .map_or("/", |target| target.as_str())
            .to_string(),
        path: parts.uri.path().to_string(),
        query: parts.uri.query().unwrap_or("").to_string(),
        headers: parts
            .headers
            .iter()
            .map(|(name, value)| {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                (name.as_str().to_string(), value)
            })
            .collect(),
        body: body.to_vec(),
        peer: context.peer,
    };
    // Routed on a task of its own: when the client gives up (e.g. during injected latency) hyper
    // drops this future, but the request still finishes and is logged, as the page's tests expect.
    let state = Arc::clone(&context.state);
    let routed = tokio::spawn(async move {
        let mut routed = route::route(&state, &request).await;
        if let Some(mut entry) = routed.log.take() {
            entry.status = if routed.reset {
                0
            } else {
                routed.response.status
            };
            state.record(entry);
        }
        (request, routed)
    })
    .await;
    let Ok((request, routed)) = routed else {
        let failed = Response::new(500, "text/plain", "the request handler failed");
        return Ok(to_hyper(failed, version));
    };
    let Routed {
        response,
        truncate,
        reset,
        ..
    } = routed;
    if reset {
        context.exchange.take_over(Takeover::Reset);
    } else if truncate {
        let mut bytes = response.head_bytes(true);
        if request.method != "HEAD" {
            bytes.extend_from_slice(&response.body[..response.body.len() / 2]);
        }
        context.exchange.take_over(Takeover::Raw(bytes));
    }
    Ok(to_hyper(response, version))
}

async fn read_body(body: Incoming, until: Instant) -> Result<Bytes, BodyError> {
    let collect = Limited::new(body, MAX_BODY_BYTES).collect();
    match tokio::time::timeout_at(until.into(), collect).await {
        Err(_) => Err(BodyError::Late),
        Ok(Err(error)) if error.is::<LengthLimitError>() => Err(BodyError::TooLarge),
        Ok(Err(_)) => Err(BodyError::Malformed),
        Ok(Ok(collected)) => Ok(collected.to_bytes()),
    }
}

/// Our response as hyper's: hyper adds Content-Length (and Date) and writes the header names in
/// Title-Case, as the simulator always has.
fn to_hyper(response: Response, version: Version) -> hyper::Response<Full<Bytes>> {
    let mut out = hyper::Response::new(Full::new(Bytes::from(response.body)));
    *out.status_mut() =
        StatusCode::from_u16(response.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = out.headers_mut();
    for (name, value) in &response.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            headers.append(name, value);
        }
    }
    // Said explicitly on HTTP/1.1 as the simulator always did; hyper replaces it with `close`
    // whenever it is going to close (the client asked, or the body was not read).
    if version == Version::HTTP_11 {
        headers.insert(CONNECTION, HeaderValue::from_static("keep-alive"));
    }
    out
}
