//! One connection: hyper's HTTP/1.1 over a socket wrapper that can hand the socket to a fault.
//!
//! [`FaultIo`] passes reads and writes straight through to the `TcpStream`, with two additions:
//! - it notes when the first byte of a request arrives, so the handler can hold the body to the
//!   same deadline as the head (one deadline for the whole request, not one per read);
//! - when the handler has asked for a takeover ([`Takeover`]), the next write hyper makes is not
//!   passed on: the socket is reset (`SO_LINGER 0`, then closed) or given the fault's own bytes
//!   (a head announcing the full Content-Length and half the body) and shut down, and hyper gets
//!   an error, so it drops the connection without writing anything of its own.

use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

/// What a fault does with the socket instead of letting hyper answer.
#[derive(Debug)]
pub enum Takeover {
    /// Close with RST.
    Reset,
    /// Write these bytes, then FIN.
    Raw(Vec<u8>),
}

/// State shared by the socket wrapper and the request handler of one connection.
#[derive(Debug, Default)]
pub struct Exchange(Mutex<Shared>);

#[derive(Debug, Default)]
struct Shared {
    /// When the first byte of the current request arrived.
    started: Option<Instant>,
    takeover: Option<Takeover>,
}

impl Exchange {
    fn lock(&self) -> std::sync::MutexGuard<'_, Shared> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// When the current request began (its first byte), if the wrapper saw it.
    pub fn started(&self) -> Option<Instant> {
        self.lock().started
    }

    /// Makes the next write of this connection the fault's instead of hyper's.
    pub fn take_over(&self, takeover: Takeover) {
        self.lock().takeover = Some(takeover);
    }
}

/// Where a takeover stands.
enum Active {
    Reset,
    Raw { bytes: Vec<u8>, sent: usize },
    Done,
}

/// The socket as hyper sees it.
pub struct FaultIo {
    stream: TcpStream,
    exchange: Arc<Exchange>,
    active: Option<Active>,
}

impl FaultIo {
    pub fn new(stream: TcpStream, exchange: Arc<Exchange>) -> FaultIo {
        FaultIo {
            stream,
            exchange,
            active: None,
        }
    }

    /// `None`: no takeover, write normally. Otherwise the takeover's progress; it always ends in
    /// an error so that hyper gives the connection up.
    fn poll_takeover(&mut self, cx: &mut Context<'_>) -> Option<Poll<io::Error>> {
        if self.active.is_none() {
            self.active = match self.exchange.lock().takeover.take()? {
                Takeover::Reset => Some(Active::Reset),
                Takeover::Raw(bytes) => Some(Active::Raw { bytes, sent: 0 }),
            };
        }
        let FaultIo { stream, active, .. } = self;
        let outcome = match active.as_mut()? {
            Active::Reset => {
                // With a zero linger, close() sends RST instead of FIN.
                let _ = socket2::SockRef::from(&*stream).set_linger(Some(Duration::ZERO));
                taken_over()
            }
            Active::Raw { bytes, sent } => {
                while *sent < bytes.len() {
                    match Pin::new(&mut *stream).poll_write(cx, &bytes[*sent..]) {
                        Poll::Pending => return Some(Poll::Pending),
                        Poll::Ready(Ok(0)) => break,
                        Poll::Ready(Ok(n)) => *sent += n,
                        Poll::Ready(Err(e)) => {
                            *active = Some(Active::Done);
                            return Some(Poll::Ready(e));
                        }
                    }
                }
                if Pin::new(&mut *stream).poll_shutdown(cx).is_pending() {
                    return Some(Poll::Pending);
                }
                taken_over()
            }
            Active::Done => taken_over(),
        };
        *active = Some(Active::Done);
        Some(Poll::Ready(outcome))
    }

    /// A response is on its way: the next bytes read belong to the next request.
    fn answering(&self) {
        self.exchange.lock().started = None;
    }
}

fn taken_over() -> io::Error {
    io::Error::other("the connection was taken over by an injected fault")
}

impl AsyncRead for FaultIo {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let polled = Pin::new(&mut this.stream).poll_read(cx, buf);
        if buf.filled().len() > before {
            this.exchange
                .lock()
                .started
                .get_or_insert_with(Instant::now);
        }
        polled
    }
}

impl AsyncWrite for FaultIo {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if let Some(polled) = this.poll_takeover(cx) {
            return polled.map(Err);
        }
        this.answering();
        Pin::new(&mut this.stream).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if let Some(polled) = this.poll_takeover(cx) {
            return polled.map(Err);
        }
        this.answering();
        Pin::new(&mut this.stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if let Some(polled) = this.poll_takeover(cx) {
            return polled.map(Err);
        }
        Pin::new(&mut this.stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if matches!(this.active, Some(Active::Done)) {
            return Poll::Ready(Ok(()));
        }
        Pin::new(&mut this.stream).poll_shutdown(cx)
    }
}
