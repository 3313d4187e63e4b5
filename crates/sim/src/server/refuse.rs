//! The answer over capacity: a fixed `503` with `Retry-After`, written on the raw socket.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Seconds a refused client is asked to wait.
pub const RETRY_AFTER_SECS: u32 = 1;
/// How long the request of a refused client is read and thrown away, so that closing the socket
/// with unread bytes does not turn into a reset that loses the 503 on its way.
const DRAIN: Duration = Duration::from_millis(500);

const BODY: &str = "the simulator is at its connection limit; retry shortly";

fn answer() -> String {
    format!(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nRetry-After: {RETRY_AFTER_SECS}\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{BODY}",
        BODY.len()
    )
}

/// Answers without parsing anything: the connection has no slot, so hyper never sees it.
pub async fn over_capacity(mut stream: TcpStream) {
    if stream.write_all(answer().as_bytes()).await.is_err() {
        return;
    }
    let _ = stream.shutdown().await;
    let mut sink = [0u8; 4096];
    let _ = tokio::time::timeout(DRAIN, async {
        while matches!(stream.read(&mut sink).await, Ok(n) if n > 0) {}
    })
    .await;
}
