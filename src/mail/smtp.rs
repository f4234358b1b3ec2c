//! Our own pool of SMTP connections to the relay, in place of lettre's `AsyncSmtpTransport`.
//!
//! lettre 0.11 writes a message and its final `\r\n.\r\n` as two writes on a socket without
//! TCP_NODELAY, so Nagle's algorithm holds the dot back until the relay's delayed ACK (40 ms on
//! Linux): a connection managed about 25 messages a second. Here each connection is a TCP stream
//! we open ourselves, with TCP_NODELAY set, handed to lettre's `AsyncSmtpConnection` for the SMTP
//! conversation itself. lettre's pool also sent a NOOP before every reuse; here only a connection
//! that has sat idle a while is tested first.
//!
//! At most `SMTP_CONNECTIONS` connections are open at once; idle ones are kept for the next
//! message, broken ones (any error: lettre sends QUIT and marks it) are dropped. With
//! `SMTP_MAX_PER_SECOND` the pool also keeps under the relay's own rate limit.

use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::Mechanism;
use lettre::transport::smtp::client::{AsyncSmtpConnection, AsyncTokioStream};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::sync::Semaphore;

use super::MailError;
use super::relay::{Relay, Security};

/// A connection idle this long is closed (lettre's pool closed them after a minute too).
const IDLE_CLOSE: Duration = Duration::from_secs(60);
/// A connection idle this long is asked for a NOOP before it carries a message: a relay may have
/// closed it meanwhile, and a message must not fail for that.
const IDLE_CHECK: Duration = Duration::from_secs(5);

pub struct SmtpPool {
    relay: Relay,
    idle: Mutex<Vec<(AsyncSmtpConnection, Instant)>>,
    /// One permit per connection that may be open (idle or sending).
    slots: Semaphore,
    limiter: Option<DefaultDirectRateLimiter>,
    /// For connecting (TCP, TLS, greeting, EHLO, AUTH) and, again, for each message.
    timeout: Duration,
}

impl SmtpPool {
    pub fn new(
        relay: Relay,
        connections: usize,
        max_per_second: Option<NonZeroU32>,
        timeout: Duration,
    ) -> SmtpPool {
        // A tenth of a second's allowance may go at once: the relay sees an even flow, and the
        // pool is not held to one message per tick at high rates.
        let limiter = max_per_second.map(|rate| {
            let burst = NonZeroU32::new(rate.get() / 10).unwrap_or(NonZeroU32::MIN);
            RateLimiter::direct(Quota::per_second(rate).allow_burst(burst))
        });
        SmtpPool {
            relay,
            idle: Mutex::new(Vec::new()),
            slots: Semaphore::new(connections.max(1)),
            limiter,
            timeout,
        }
    }

    /// Sends one message on a pooled connection, waiting for a free one (and for the rate limit).
    pub async fn send(&self, envelope: &Envelope, message: &[u8]) -> Result<(), MailError> {
        let _slot = self
            .slots
            .acquire()
            .await
            .map_err(|_| MailError::Connect("the SMTP pool is closed".into()))?;
        if let Some(limiter) = &self.limiter {
            limiter.until_ready().await;
        }
        let mut conn = match self.reusable().await {
            Some(conn) => conn,
            None => tokio::time::timeout(self.timeout, self.connect())
                .await
                .map_err(|_| MailError::Timeout("connecting"))??,
        };
        match tokio::time::timeout(self.timeout, conn.send(envelope, message)).await {
            Ok(Ok(_)) => {
                if !conn.has_broken() {
                    self.idle.lock().unwrap().push((conn, Instant::now()));
                }
                Ok(())
            }
            // lettre has already sent QUIT and closed it: it is dropped here.
            Ok(Err(e)) => Err(e.into()),
            // Dropped mid-conversation, which closes the socket: the relay discards the message.
            Err(_) => Err(MailError::Timeout("sending")),
        }
    }

    /// The most recently used idle connection that still works: the least used ones age out.
    async fn reusable(&self) -> Option<AsyncSmtpConnection> {
        loop {
            let (mut conn, since) = self.idle.lock().unwrap().pop()?;
            let idle = since.elapsed();
            if idle >= IDLE_CLOSE {
                tokio::spawn(async move { conn.abort().await });
                continue;
            }
            if idle < IDLE_CHECK {
                return Some(conn);
            }
            match tokio::time::timeout(self.timeout, conn.test_connected()).await {
                Ok(true) => return Some(conn),
                _ => continue,
            }
        }
    }

    /// A new connection: TCP with TCP_NODELAY, then TLS, greeting and EHLO, STARTTLS, AUTH as
    /// the URL asks.
    async fn connect(&self) -> Result<AsyncSmtpConnection, MailError> {
        let r = &self.relay;
        let tcp = TcpStream::connect((r.host.as_str(), r.port))
            .await
            .map_err(|e| MailError::Connect(format!("connecting to the relay: {e}")))?;
        tcp.set_nodelay(true)
            .map_err(|e| MailError::Connect(format!("TCP_NODELAY: {e}")))?;
        let mut conn = match &r.security {
            Security::Wrapper(w) => {
                let tls = w
                    .connector
                    .connect(w.server_name.clone(), tcp)
                    .await
                    .map_err(|e| MailError::Connect(format!("TLS with the relay: {e}")))?;
                AsyncSmtpConnection::connect_with_transport(Box::new(TlsStream(tls)), &r.hello)
                    .await?
            }
            _ => AsyncSmtpConnection::connect_with_transport(Box::new(tcp), &r.hello).await?,
        };
        match &r.security {
            Security::Required(tls) => conn.starttls(tls.clone(), &r.hello).await?,
            Security::Opportunistic(tls) if conn.can_starttls() => {
                conn.starttls(tls.clone(), &r.hello).await?
            }
            _ => {}
        }
        if let Some(credentials) = &r.credentials {
            conn.auth(&[Mechanism::Plain, Mechanism::Login], credentials)
                .await?;
        }
        Ok(conn)
    }

    /// Says QUIT on every idle connection (at shutdown; dropping them would do, less politely).
    pub async fn close(&self) {
        let idle: Vec<_> = std::mem::take(&mut *self.idle.lock().unwrap());
        for (mut conn, _) in idle {
            conn.abort().await;
        }
    }
}

/// Implicit TLS over our own TCP stream, in the shape lettre takes a stream in.
struct TlsStream(tokio_rustls::client::TlsStream<TcpStream>);

impl std::fmt::Debug for TlsStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TlsStream")
    }
}

impl AsyncTokioStream for TlsStream {
    fn peer_addr(&self) -> std::io::Result<std::net::SocketAddr> {
        self.0.get_ref().0.peer_addr()
    }
}

impl AsyncRead for TlsStream {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl AsyncWrite for TlsStream {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        std::pin::Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_shutdown(cx)
    }
}
