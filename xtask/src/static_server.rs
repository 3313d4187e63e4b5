//! Serves `dist/` under a subpath on loopback, as GitHub Pages would, on hyper 1 + tokio.
//!
//! `route.rs` decides what each path answers; this file bounds what a client can hold: a capped
//! number of connections (a `503` with `Retry-After` beyond it, never a silent close), a small
//! request head, a deadline for the head and one for the whole connection.

mod route;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE, LOCATION, RETRY_AFTER};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// What one server lets its clients hold.
#[derive(Clone, Copy)]
struct Limits {
    connections: usize,
    head_timeout: Duration,
    connection_deadline: Duration,
}

/// Far above what a browser opens for one page (the bench loads one page at a time).
const LIMITS: Limits = Limits {
    connections: 256,
    head_timeout: Duration::from_secs(10),
    connection_deadline: Duration::from_secs(60),
};

/// Request heads larger than this get `431` (hyper's smallest buffer is 8 KiB).
const MAX_HEAD_BYTES: usize = 16 * 1024;

/// Serves `root` at `http://127.0.0.1:<free port><prefix>` on a background thread for the rest of
/// the process's life; returns the base URL (ending in `/`).
pub fn start(root: PathBuf, prefix: &'static str) -> Result<String, String> {
    spawn(root, prefix, LIMITS)
}

fn spawn(root: PathBuf, prefix: &'static str, limits: Limits) -> Result<String, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.set_nonblocking(true).map(|()| listener))
        .map_err(|e| format!("static server cannot bind: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    // One thread is plenty for a loopback page load, and leaves the 2 cores to the browser.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("static server runtime: {e}"))?;
    std::thread::Builder::new()
        .name(format!("static-server{prefix}"))
        .spawn(move || runtime.block_on(accept(listener, root.into(), prefix, limits)))
        .map_err(|e| format!("static server thread: {e}"))?;
    Ok(format!("http://127.0.0.1:{port}{prefix}"))
}

async fn accept(listener: std::net::TcpListener, root: Arc<Path>, prefix: &str, limits: Limits) {
    let listener = match tokio::net::TcpListener::from_std(listener) {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("static server: {error}");
            return;
        }
    };
    let open = Arc::new(AtomicUsize::new(0));
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors, most likely: wait for connections to end, not spin.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        // Nagle off: a head sent alone held the body's last segment back until the client's
        // delayed ACK (up to 40 ms on loopback), which skewed the bench's load times.
        let _ = stream.set_nodelay(true);
        let slot = Slot::take(&open);
        let busy = slot.0.load(Ordering::Relaxed) > limits.connections;
        let root = root.clone();
        let prefix = prefix.to_string();
        tokio::spawn(async move {
            let service = service_fn(move |request: Request<Incoming>| {
                let answer = if busy {
                    busy_answer()
                } else {
                    route::route(
                        request.method().as_str(),
                        request.uri().path(),
                        &root,
                        &prefix,
                    )
                };
                std::future::ready(Ok::<_, Infallible>(response(answer, busy)))
            });
            let connection = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(limits.head_timeout)
                .max_buf_size(MAX_HEAD_BYTES)
                // One request per connection, as before (`Connection: close`): the bench's load
                // times stay comparable with the figures measured so far.
                .keep_alive(false)
                .serve_connection(TokioIo::new(stream), service);
            let _ = tokio::time::timeout(limits.connection_deadline, connection).await;
            drop(slot);
        });
    }
}

/// One open connection, counted until it is dropped.
struct Slot(Arc<AtomicUsize>);

impl Slot {
    fn take(open: &Arc<AtomicUsize>) -> Slot {
        open.fetch_add(1, Ordering::Relaxed);
        Slot(open.clone())
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

fn busy_answer() -> route::Answer {
    route::plain(StatusCode::SERVICE_UNAVAILABLE, "too many connections")
}

/// The HTTP response for an answer (hyper leaves the body out for `HEAD`, and sets the length).
fn response(answer: route::Answer, busy: bool) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(answer.body)));
    *response.status_mut() = answer.status;
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(content_type) = answer.content_type {
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    }
    if let Some(location) = answer.location.and_then(|l| HeaderValue::try_from(l).ok()) {
        headers.insert(LOCATION, location);
    }
    if busy {
        headers.insert(RETRY_AFTER, HeaderValue::from_static("1"));
    }
    response
}

#[cfg(test)]
mod tests;
