//! An SMTP sink on loopback that accepts every message and only counts them, so the benchmark can
//! see how fast the outbox drains. It speaks what lettre needs: EHLO/HELO, MAIL, RCPT, DATA (to
//! the lone "."), RSET, NOOP and QUIT, several messages per connection.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

pub struct SmtpSink {
    port: u16,
    received: Arc<AtomicUsize>,
    _stop: oneshot::Sender<()>,
}

impl SmtpSink {
    /// Listens on a free loopback port. The sink runs on a thread and runtime of its own, so the
    /// load clients busy on the benchmark's runtime cannot slow delivery down and skew the drain.
    pub fn start() -> anyhow::Result<SmtpSink> {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let port = listener.local_addr()?.port();
        let received = Arc::new(AtomicUsize::new(0));
        let (stop, stopped) = oneshot::channel::<()>();
        let counter = received.clone();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        std::thread::Builder::new()
            .name("smtp-sink".into())
            .spawn(move || {
                runtime.block_on(async move {
                    let Ok(listener) = TcpListener::from_std(listener) else {
                        return;
                    };
                    tokio::select! {
                        _ = stopped => {}
                        () = accept(listener, counter) => {}
                    }
                });
            })?;
        Ok(SmtpSink {
            port,
            received,
            _stop: stop,
        })
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Messages accepted so far.
    pub fn received(&self) -> usize {
        self.received.load(Ordering::Relaxed)
    }
}

async fn accept(listener: TcpListener, counter: Arc<AtomicUsize>) {
    loop {
        match listener.accept().await {
            Ok((stream, _)) => {
                let counter = counter.clone();
                tokio::spawn(async move {
                    // A client hanging up mid-session is its own business.
                    let _ = session(stream, &counter).await;
                });
            }
            // Out of file descriptors, say: wait rather than spin.
            Err(_) => tokio::time::sleep(std::time::Duration::from_millis(10)).await,
        }
    }
}

async fn session(stream: TcpStream, counter: &AtomicUsize) -> std::io::Result<()> {
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    writer
        .write_all(b"220 127.0.0.1 ESMTP bench sink\r\n")
        .await?;
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let verb: String = line
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .map(|b| b.to_ascii_uppercase() as char)
            .collect();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => b"250-127.0.0.1\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
            "DATA" => {
                writer.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
                if !skip_message(&mut reader).await? {
                    return Ok(());
                }
                counter.fetch_add(1, Ordering::Relaxed);
                b"250 OK queued\r\n"
            }
            "QUIT" => {
                writer.write_all(b"221 bye\r\n").await?;
                return writer.shutdown().await;
            }
            // HELO, MAIL, RCPT, RSET, NOOP and anything else: all fine by a sink.
            _ => b"250 OK\r\n",
        };
        writer.write_all(reply).await?;
    }
}

/// Reads a message up to its lone "." line; false if the client hung up first.
async fn skip_message(
    reader: &mut BufReader<tokio::net::tcp::OwnedReadHalf>,
) -> std::io::Result<bool> {
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).await? == 0 {
            return Ok(false);
        }
        if line == b".\r\n" || line == b".\n" {
            return Ok(true);
        }
    }
}
