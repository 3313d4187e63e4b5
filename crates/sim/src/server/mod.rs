//! The listener: hyper 1.x (HTTP/1.1) on a tokio runtime of its own, a connection cap, deadlines.
//!
//! # Why hyper + hyper-util and not axum
//! The simulator has one route table of its own ([`route`]) that works on plain owned requests
//! and responses ([`crate::message`]); axum's router, extractors and tower layers would sit
//! unused on top. hyper gives what was hand-written before: the HTTP/1.1 parser, header limits,
//! chunked decoding, `Expect: 100-continue` and keep-alive. hyper-util adds only the tokio IO
//! adapter and timer, http-body-util the body limit. Fewer crates, same behaviour on the wire.
//!
//! # Limits
//! - [`Limits::max_connections`] open connections; one more is answered `503` with
//!   `Retry-After` on the raw socket ([`refuse`]) and closed, never dropped silently.
//! - [`Limits::request_deadline`] for the whole request: hyper's header-read timer runs from the
//!   start of the head (it also ends idle keep-alive connections), and the body must be complete
//!   by the same instant, counted from the request's first byte ([`conn::FaultIo`] notes it).
//!   A late body is answered `408`.
//! - [`Limits::connection_lifetime`] for a whole connection: hyper has no write timeout, so a
//!   client that stops reading its answers would otherwise keep its slot for ever.
//! - Head at most [`MAX_HEAD_BYTES`] and [`MAX_HEADERS`] headers (hyper answers `431`), body at
//!   most [`service::MAX_BODY_BYTES`] (`413`); a malformed body (e.g. a chunk size that
//!   overflows) is `400`. Parameter nesting and counts are bounded in [`crate::params`].
//!
//! # Faults below hyper
//! Latency, 5xx, non-JSON, XML and missing CORS are ordinary responses. A reset or a truncated
//! body cannot be said through hyper (it always sends what it announces), so the handler asks
//! [`conn::FaultIo`], the socket wrapper hyper writes through, to take the socket over for that
//! one response: the wrapper resets it or writes the fault's own bytes, then fails hyper's write
//! so that hyper drops the connection.

mod conn;
mod refuse;
mod route;
mod service;

use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::{oneshot, OwnedSemaphorePermit, Semaphore};

use crate::faults::FaultRule;
use crate::fixtures::Fixtures;
use crate::log::LogEntry;
use crate::state::State;

pub use refuse::RETRY_AFTER_SECS;
pub use service::MAX_BODY_BYTES;

/// Request head limit (hyper's read buffer).
pub const MAX_HEAD_BYTES: usize = 64 * 1024;
/// Most request headers.
pub const MAX_HEADERS: usize = 64;

/// Bounds on connections and time.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Open connections served at once; more are answered `503`.
    pub max_connections: usize,
    /// For a whole request, head and body, from its first byte.
    pub request_deadline: Duration,
    /// For a whole connection: a client that stops reading its answers (hyper has no write
    /// timeout) gives its slot back after this, whatever it does.
    pub connection_lifetime: Duration,
}

impl Default for Limits {
    /// A few hundred slow clients still leave room for the page and the tests.
    fn default() -> Limits {
        Limits {
            max_connections: 512,
            request_deadline: Duration::from_secs(10),
            connection_lifetime: Duration::from_secs(120),
        }
    }
}

/// How to start a simulator.
#[derive(Debug, Clone)]
pub struct Config {
    /// 0 picks a free port.
    pub port: u16,
    pub fixtures: Fixtures,
    /// Per-run fault rules (never any by default).
    pub faults: Vec<FaultRule>,
    pub limits: Limits,
}

impl Default for Config {
    /// The demo fixtures on a random loopback port, no faults.
    fn default() -> Config {
        Config {
            port: 0,
            fixtures: Fixtures::demo(),
            faults: Vec::new(),
            limits: Limits::default(),
        }
    }
}

/// A running simulator; dropping it shuts it down.
pub struct Handle {
    /// The bound loopback address.
    pub addr: SocketAddr,
    state: Arc<State>,
    stop: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<()>>,
}

impl Handle {
    /// `http://127.0.0.1:PORT`, the service URL for clients.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// A copy of the request log (redacted: no secret, token or KS values).
    pub fn request_log(&self) -> Vec<LogEntry> {
        self.state.log()
    }

    /// Shared state, for in-process tests that want to move the clock or install faults directly.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// Blocks until the server stops (the binary's main thread).
    pub fn wait(mut self) {
        if let Some(server) = self.server.take() {
            let _ = server.join();
        }
    }

    /// Stops accepting and drops open connections.
    pub fn shutdown(mut self) {
        self.stop_now();
    }

    fn stop_now(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(server) = self.server.take() {
            let _ = server.join();
        }
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        self.stop_now();
    }
}

/// Binds 127.0.0.1:`config.port` and serves on a background thread running a tokio runtime.
pub fn start(config: Config) -> io::Result<Handle> {
    let listener = std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, config.port))?;
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;
    // Two workers: the machine has two cores, and requests are short CPU work.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("sim-worker")
        .enable_all()
        .build()?;
    let listener = {
        let _entered = runtime.enter();
        TcpListener::from_std(listener)?
    };
    let state = Arc::new(State::new(config.fixtures, config.faults));
    let (stop, stopped) = oneshot::channel();
    let server = {
        let state = Arc::clone(&state);
        let limits = config.limits;
        thread::Builder::new()
            .name("sim-server".into())
            .spawn(move || {
                runtime.block_on(accept_loop(listener, state, limits, stopped));
                runtime.shutdown_timeout(Duration::from_millis(200));
            })?
    };
    Ok(Handle {
        addr,
        state,
        stop: Some(stop),
        server: Some(server),
    })
}

async fn accept_loop(
    listener: TcpListener,
    state: Arc<State>,
    limits: Limits,
    mut stopped: oneshot::Receiver<()>,
) {
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    loop {
        let accepted = tokio::select! {
            _ = &mut stopped => return,
            accepted = listener.accept() => accepted,
        };
        let Ok((stream, peer)) = accepted else {
            // Out of file descriptors or similar: give the system a moment instead of spinning.
            tokio::time::sleep(Duration::from_millis(20)).await;
            continue;
        };
        match Arc::clone(&slots).try_acquire_owned() {
            Ok(slot) => {
                let context = service::Context {
                    state: Arc::clone(&state),
                    peer,
                    exchange: Arc::default(),
                    deadline: limits.request_deadline,
                };
                tokio::spawn(serve(stream, context, slot, limits.connection_lifetime));
            }
            Err(_) => {
                tokio::spawn(refuse::over_capacity(stream));
            }
        }
    }
}

/// Serves one connection until it closes; the slot is given back when it does.
async fn serve(
    stream: tokio::net::TcpStream,
    context: service::Context,
    _slot: OwnedSemaphorePermit,
    lifetime: Duration,
) {
    let _ = stream.set_nodelay(true);
    let io = TokioIo::new(conn::FaultIo::new(stream, Arc::clone(&context.exchange)));
    let deadline = context.deadline;
    let context = Arc::new(context);
    let service = service_fn(move |request| service::handle(request, Arc::clone(&context)));
    let connection = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(deadline)
        .max_buf_size(MAX_HEAD_BYTES)
        .max_headers(MAX_HEADERS)
        .title_case_headers(true)
        .serve_connection(io, service);
    // Dropping the connection at the end of its lifetime closes the socket.
    let _ = tokio::time::timeout(lifetime, connection).await;
}
