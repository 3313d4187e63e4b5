//! The listener: a thread per connection, keep-alive, routing, and fault delivery at the socket level.

use std::io::{self, BufReader, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crate::api::{self, ApiRequest};
use crate::control;
use crate::faults::FaultRule;
use crate::fixtures::Fixtures;
use crate::http::{self, ReadError, Request, Response};
use crate::log::{self, LogEntry};
use crate::state::{real_unix_millis, State};

/// Idle keep-alive connections are closed after this long.
const IDLE_TIMEOUT: Duration = Duration::from_secs(15);
/// Open connections beyond this are refused (closed at once).
const MAX_CONNECTIONS: usize = 128;

/// How to start a simulator.
#[derive(Debug, Clone)]
pub struct Config {
    /// 0 picks a free port.
    pub port: u16,
    pub fixtures: Fixtures,
    /// Per-run fault rules (never any by default).
    pub faults: Vec<FaultRule>,
}

impl Default for Config {
    /// The demo fixtures on a random loopback port, no faults.
    fn default() -> Config {
        Config {
            port: 0,
            fixtures: Fixtures::demo(),
            faults: Vec::new(),
        }
    }
}

/// A running simulator; dropping it shuts it down.
pub struct Handle {
    /// The bound loopback address.
    pub addr: SocketAddr,
    state: Arc<State>,
    stop: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
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
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }

    /// Stops accepting; open keep-alive connections end after their current request.
    pub fn shutdown(mut self) {
        self.stop_now();
    }

    fn stop_now(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept().
        let _ = TcpStream::connect(self.addr);
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        if self.acceptor.is_some() {
            self.stop_now();
        }
    }
}

/// Binds 127.0.0.1:`config.port` and serves in background threads.
pub fn start(config: Config) -> io::Result<Handle> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, config.port))?;
    let addr = listener.local_addr()?;
    let state = Arc::new(State::new(config.fixtures, config.faults));
    let stop = Arc::new(AtomicBool::new(false));
    let acceptor = {
        let state = Arc::clone(&state);
        let stop = Arc::clone(&stop);
        thread::Builder::new()
            .name("sim-accept".into())
            .spawn(move || accept_loop(listener, state, stop))?
    };
    Ok(Handle {
        addr,
        state,
        stop,
        acceptor: Some(acceptor),
    })
}

fn accept_loop(listener: TcpListener, state: Arc<State>, stop: Arc<AtomicBool>) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        if open.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
            continue; // dropped: closed at once
        }
        open.fetch_add(1, Ordering::SeqCst);
        let (state, stop, counter) = (Arc::clone(&state), Arc::clone(&stop), Arc::clone(&open));
        let spawned = thread::Builder::new()
            .name("sim-conn".into())
            .spawn(move || {
                let _ = serve_connection(stream, &state, &stop);
                counter.fetch_sub(1, Ordering::SeqCst);
            });
        if spawned.is_err() {
            open.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// What the router decided for one request.
struct Routed {
    response: Response,
    /// Send half the body, then close.
    truncate: bool,
    /// Reset the connection instead of answering.
    reset: bool,
    log: Option<LogEntry>,
}

fn serve_connection(stream: TcpStream, state: &State, stop: &AtomicBool) -> io::Result<()> {
    stream.set_read_timeout(Some(IDLE_TIMEOUT))?;
    stream.set_write_timeout(Some(Duration::from_secs(30)))?;
    stream.set_nodelay(true)?;
    let peer = stream.peer_addr()?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut writer = stream;
    loop {
        let request = match http::read_request(&mut reader, peer) {
            Ok(request) => request,
            Err(ReadError::Closed) => return Ok(()),
            Err(ReadError::Bad(why)) => {
                let response = Response::new(400, "text/plain", why);
                writer.write_all(&response.head_bytes(true))?;
                writer.write_all(&response.body)?;
                return Ok(());
            }
            Err(ReadError::TooLarge) => {
                let response = Response::new(413, "text/plain", "request too large");
                writer.write_all(&response.head_bytes(true))?;
                writer.write_all(&response.body)?;
                return Ok(());
            }
        };
        let routed = route(state, &request);
        if let Some(mut entry) = routed.log {
            entry.status = if routed.reset {
                0
            } else {
                routed.response.status
            };
            state.record(entry);
        }
        if routed.reset {
            // SO_LINGER 0 makes close() send RST instead of FIN.
            socket2::SockRef::from(&writer).set_linger(Some(Duration::ZERO))?;
            return Ok(());
        }
        let close = request.wants_close || routed.truncate || stop.load(Ordering::SeqCst);
        writer.write_all(&routed.response.head_bytes(close))?;
        if request.method != "HEAD" {
            let body = &routed.response.body;
            let sent = if routed.truncate {
                body.len() / 2
            } else {
                body.len()
            };
            writer.write_all(&body[..sent])?;
        }
        writer.flush()?;
        if close {
            let _ = writer.shutdown(std::net::Shutdown::Write);
            return Ok(());
        }
    }
}

fn log_entry(request: &Request, calls: Vec<String>, fault: Option<&FaultRule>) -> LogEntry {
    LogEntry {
        seq: 0,
        at_ms: real_unix_millis(),
        method: request.method.clone(),
        path: log::redact_path(&request.path),
        query: log::redact_query(&request.query),
        calls,
        status: 0,
        fault: fault.map(FaultRule::describe),
    }
}

/// The route table. New static routes (player library, sample media) go here as more arms.
fn route(state: &State, request: &Request) -> Routed {
    let plain = |response: Response, log: Option<LogEntry>| Routed {
        response,
        truncate: false,
        reset: false,
        log,
    };
    if request.path.starts_with("/__sim/") {
        return plain(control::handle(state, request), None);
    }
    if request.method == "OPTIONS" {
        return plain(api::preflight(), Some(log_entry(request, Vec::new(), None)));
    }
    if request.path == "/api_v3" || request.path.starts_with("/api_v3/") {
        return route_api(state, request);
    }
    if matches!(request.method.as_str(), "GET" | "HEAD") {
        if let Some(response) = crate::player::route(state, request) {
            return plain(response, Some(log_entry(request, Vec::new(), None)));
        }
    }
    let mut response = Response::new(404, "text/plain", "not found");
    api::add_cors(&mut response);
    plain(response, Some(log_entry(request, Vec::new(), None)))
}

fn route_api(state: &State, request: &Request) -> Routed {
    let api_request = ApiRequest::parse(request);
    let calls = api_request.calls();
    let fault = state.with_faults(|faults| faults.take(&calls));
    let log = Some(log_entry(request, calls, fault.as_ref()));
    let Some(fault) = fault else {
        return Routed {
            response: api_request.respond(state, request, false),
            truncate: false,
            reset: false,
            log,
        };
    };
    if fault.latency_ms > 0 {
        thread::sleep(Duration::from_millis(fault.latency_ms));
    }
    let mut response = if let Some(status) = fault.status {
        let mut response = Response::new(
            status,
            "text/html",
            format!(
                "<html><head><title>{status} {reason}</title></head><body><h1>{status} {reason}</h1></body></html>",
                reason = http::reason(status)
            ),
        );
        api::add_cors(&mut response);
        response
    } else if fault.non_json {
        let mut response = Response::new(
            200,
            "text/html",
            "<!DOCTYPE html><html><body><p>Service temporarily unavailable (injected by the simulator).</p></body></html>",
        );
        api::add_cors(&mut response);
        response
    } else {
        api_request.respond(state, request, fault.xml)
    };
    if fault.no_cors {
        response
            .headers
            .retain(|(name, _)| !name.to_ascii_lowercase().starts_with("access-control-"));
    }
    Routed {
        response,
        truncate: fault.truncate,
        reset: fault.reset,
        log,
    }
}
