//! A small but real SMTP server on 127.0.0.1 that records every message it
//! accepts, so tests can read back what the application mailed.
//!
//! It speaks RFC 5321 as far as an SMTP client such as lettre needs: EHLO/HELO
//! (advertising 8BITMIME and SMTPUTF8), MAIL FROM, RCPT TO, DATA with
//! dot-unstuffing, RSET, NOOP and QUIT, several transactions per connection
//! and any number of concurrent connections. No TLS, no AUTH. Reading a
//! message back (headers, MIME parts, transfer encodings) is mail-parser's job.
//!
//! It answers as a real relay does: TCP_NODELAY set and each reply written
//! whole, so that its own acknowledgements never wait on Nagle's algorithm
//! (a benchmark measures clients against it). It counts the connections it
//! accepted, notes when each message arrived, and can drop connections
//! in the middle of a message to play a relay that fails.
//!
//! The benchmark (src/bin/hastakshar-bench) includes this file on its own as
//! its mail sink, so it depends on nothing else in tests/api/support.

use std::borrow::Cow;
use std::future::Future;
use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mail_parser::{HeaderForm, Message, MessageParser, MessagePart};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

const HOSTNAME: &str = "127.0.0.1";
const SERVICE_NOT_AVAILABLE: &[u8] =
    b"421 127.0.0.1 Service not available, closing transmission channel\r\n";

/// One message accepted by [`SmtpServer`]: the SMTP envelope plus the message
/// exactly as transmitted after DATA (dot-unstuffed, CRLF line endings).
#[derive(Debug, Clone)]
pub struct ReceivedMail {
    /// Reverse-path from `MAIL FROM`, without angle brackets (empty for `<>`).
    pub from: String,
    /// Forward-paths from each `RCPT TO`, in order, without angle brackets.
    pub to: Vec<String>,
    /// Header and body as received (8-bit data decoded as UTF-8, lossily).
    pub raw: String,
}

impl ReceivedMail {
    /// First header called `name` (case-insensitive), unfolded, with RFC 2047
    /// encoded-words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`) decoded.
    pub fn header(&self, name: &str) -> Option<String> {
        let message = self.parse()?;
        let value = message
            .header_as(name, HeaderForm::Text)
            .into_iter()
            .next()?;
        Some(value.as_text().unwrap_or_default().to_owned())
    }

    /// Decoded `text/plain` body (the first one that is not an attachment),
    /// with line endings normalised to `\n`; empty if the message has none.
    pub fn text_body(&self) -> String {
        self.body(false)
    }

    /// Decoded `text/html` body (the first one that is not an attachment),
    /// with line endings normalised to `\n`; empty if the message has none.
    pub fn html_body(&self) -> String {
        self.body(true)
    }

    /// Every http(s) URL in the decoded text part, in order of appearance.
    /// Falls back to the HTML part for HTML-only mail.
    pub fn links(&self) -> Vec<String> {
        let text = self.text_body();
        if text.is_empty() {
            find_links(&self.html_body())
        } else {
            find_links(&text)
        }
    }

    fn parse(&self) -> Option<Message<'_>> {
        MessageParser::default().parse(&self.raw)
    }

    fn body(&self, html: bool) -> String {
        let Some(message) = self.parse() else {
            return String::new();
        };
        // mail-parser lists the HTML part among the text bodies where there is
        // no text part (and the other way round), and inline images among
        // both: only a part of the kind asked for counts here.
        let wanted = |part: &&MessagePart| part.is_text() && part.is_text_html() == html;
        let part = if html {
            message.html_bodies().find(wanted)
        } else {
            message.text_bodies().find(wanted)
        };
        part.and_then(MessagePart::text_contents)
            .map(|text| text.replace("\r\n", "\n"))
            .unwrap_or_default()
    }
}

/// State shared between the test and the server thread.
#[derive(Default)]
struct Shared {
    messages: Mutex<Vec<ReceivedMail>>,
    /// When each message's final dot arrived, in the order of `messages` (taken under its lock).
    arrivals: Mutex<Vec<Instant>>,
    down: AtomicBool,
    /// A recipient whose message is held after its data, unanswered, until released.
    hold: Mutex<Option<String>>,
    /// Connections accepted so far.
    connections: AtomicUsize,
    /// How many more messages to cut off: the connection is closed after their data, with no
    /// answer, and they are not recorded.
    drops: AtomicUsize,
}

impl Shared {
    fn is_down(&self) -> bool {
        self.down.load(Ordering::SeqCst)
    }
}

/// Loopback SMTP server on a random port; stops when dropped.
///
/// It runs on its own thread and Tokio runtime rather than the test's: a test
/// may block its runtime (synchronous database calls, a `current_thread`
/// runtime busy in `block_on`) or keep the server in a `static` shared by
/// tests whose runtimes come and go, and mail delivery must keep working in
/// all of those cases.
pub struct SmtpServer {
    port: u16,
    shared: Arc<Shared>,
    _shutdown: oneshot::Sender<()>,
}

impl SmtpServer {
    /// Binds 127.0.0.1 on a free port and starts accepting connections.
    pub async fn start() -> SmtpServer {
        let shared = Arc::new(Shared::default());
        let state = Arc::clone(&shared);
        let (port, shutdown) =
            serve_on_own_thread("smtp", move |listener| accept_loop(listener, state));

        SmtpServer {
            port,
            shared,
            _shutdown: shutdown,
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// `smtp://127.0.0.1:PORT` (plain SMTP, no TLS, no authentication).
    pub fn url(&self) -> String {
        format!("smtp://{HOSTNAME}:{}", self.port)
    }

    /// All messages accepted so far, oldest first.
    pub fn messages(&self) -> Vec<ReceivedMail> {
        self.shared.messages.lock().unwrap().clone()
    }

    /// How many messages have been accepted (since the last `clear`), without
    /// copying them.
    pub fn received(&self) -> usize {
        self.shared.messages.lock().unwrap().len()
    }

    /// How many connections have been accepted since the server started.
    pub fn connections(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }

    /// Closes the connection, unanswered, after the data of each of the next `n` messages, as a
    /// relay that crashes or loses its network would; those messages are not recorded.
    pub fn drop_next(&self, n: usize) {
        self.shared.drops.store(n, Ordering::SeqCst);
    }

    /// When each message arrived, in the order of `messages`.
    pub fn arrivals(&self) -> Vec<Instant> {
        let _messages = self.shared.messages.lock().unwrap();
        self.shared.arrivals.lock().unwrap().clone()
    }

    /// The messages received since the last `take` or `clear`, forgotten here (a long run keeps
    /// only what it has not yet read).
    pub fn take(&self) -> Vec<ReceivedMail> {
        let mut messages = self.shared.messages.lock().unwrap();
        self.shared.arrivals.lock().unwrap().clear();
        std::mem::take(&mut *messages)
    }

    /// Forgets the messages received so far.
    pub fn clear(&self) {
        let mut messages = self.shared.messages.lock().unwrap();
        messages.clear();
        self.shared.arrivals.lock().unwrap().clear();
    }

    /// Waits until at least `n` messages have arrived and returns all of them;
    /// panics if that has not happened within `timeout`.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<ReceivedMail> {
        let deadline = Instant::now() + timeout;
        loop {
            let messages = self.messages();
            if messages.len() >= n {
                return messages;
            }
            if Instant::now() >= deadline {
                let subjects: Vec<String> = messages
                    .iter()
                    .map(|m| m.header("Subject").unwrap_or_default())
                    .collect();
                panic!(
                    "SMTP test server on port {}: expected at least {n} message(s) within \
                     {timeout:?}, got {} (subjects: {subjects:?})",
                    self.port,
                    messages.len(),
                );
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Holds every message to `recipient` after its data has arrived: the client waits for the
    /// answer (as it would on a slow relay) until `release`. The message is recorded at once.
    pub fn hold(&self, recipient: &str) {
        *self.shared.hold.lock().unwrap() = Some(recipient.to_string());
    }

    pub fn release(&self) {
        *self.shared.hold.lock().unwrap() = None;
    }

    /// Simulates an outage of the mail relay. While down, new connections are
    /// greeted with `421` and open sessions answer `421` to their next command
    /// (MAIL FROM included) and are closed; a message whose DATA ends while
    /// down is refused and not recorded. `set_down(false)` restores service.
    pub fn set_down(&self, down: bool) {
        self.shared.down.store(down, Ordering::SeqCst);
    }
}

/// Binds a free port on 127.0.0.1 and serves it on a thread with a runtime of its own, so a
/// stand-in keeps answering however the test drives (or blocks) its own runtime. Serving stops
/// when the returned sender is dropped.
pub fn serve_on_own_thread<F, Fut>(name: &str, serve: F) -> (u16, oneshot::Sender<()>)
where
    F: FnOnce(tokio::net::TcpListener) -> Fut + Send + 'static,
    Fut: Future<Output = ()>,
{
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).expect("bind a loopback port");
    listener
        .set_nonblocking(true)
        .expect("make the listener non-blocking");
    let port = listener.local_addr().expect("listener address").port();
    let (shutdown, stopped) = oneshot::channel::<()>();
    std::thread::Builder::new()
        .name(format!("test-{name}-{port}"))
        .spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("test server runtime");
            runtime.block_on(async move {
                let listener =
                    tokio::net::TcpListener::from_std(listener).expect("register the listener");
                tokio::select! {
                    _ = stopped => {}
                    () = serve(listener) => {}
                }
            });
        })
        .expect("spawn the test server thread");
    (port, shutdown)
}

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    loop {
        match listener.accept().await {
            Ok((stream, _)) => {
                shared.connections.fetch_add(1, Ordering::SeqCst);
                let _ = stream.set_nodelay(true);
                let shared = Arc::clone(&shared);
                tokio::spawn(async move {
                    // A client hanging up mid-session is its own business.
                    let _ = session(stream, &shared).await;
                });
            }
            // Transient accept errors (e.g. EMFILE) must not kill the server.
            Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
}

/// Envelope of the transaction in progress.
#[derive(Default)]
struct Transaction {
    from: Option<String>,
    to: Vec<String>,
}

async fn session(stream: TcpStream, shared: &Shared) -> io::Result<()> {
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);

    if shared.is_down() {
        writer.write_all(SERVICE_NOT_AVAILABLE).await?;
        return writer.shutdown().await;
    }
    writer
        .write_all(format!("220 {HOSTNAME} ESMTP hastakshar test server\r\n").as_bytes())
        .await?;

    let mut greeted = false;
    let mut txn = Transaction::default();
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let command = String::from_utf8_lossy(&line);
        let command = command.trim_end_matches(['\r', '\n']);
        let (verb, arg) = match command.split_once(' ') {
            Some((verb, arg)) => (verb.to_ascii_uppercase(), arg.trim()),
            None => (command.to_ascii_uppercase(), ""),
        };

        if verb == "QUIT" {
            writer.write_all(b"221 Bye\r\n").await?;
            return writer.shutdown().await;
        }
        if shared.is_down() {
            writer.write_all(SERVICE_NOT_AVAILABLE).await?;
            return writer.shutdown().await;
        }

        let reply: Cow<'static, str> = match verb.as_str() {
            "EHLO" | "HELO" if arg.is_empty() => "501 Syntax: EHLO hostname".into(),
            "EHLO" => {
                greeted = true;
                txn = Transaction::default();
                format!("250-{HOSTNAME} greets {arg}\r\n250-8BITMIME\r\n250 SMTPUTF8").into()
            }
            "HELO" => {
                greeted = true;
                txn = Transaction::default();
                format!("250 {HOSTNAME}").into()
            }
            "MAIL" if !greeted => "503 Send EHLO or HELO first".into(),
            "MAIL" if txn.from.is_some() => "503 Nested MAIL command".into(),
            // Parameters such as BODY=8BITMIME or SMTPUTF8 are accepted as is.
            "MAIL" => match strip_prefix_ignore_case(arg, "FROM:").and_then(parse_path) {
                Some(from) => {
                    txn.from = Some(from);
                    "250 OK".into()
                }
                None => "501 Syntax: MAIL FROM:<address>".into(),
            },
            "RCPT" if txn.from.is_none() => "503 Need MAIL before RCPT".into(),
            "RCPT" => match strip_prefix_ignore_case(arg, "TO:").and_then(parse_path) {
                Some(to) if !to.is_empty() => {
                    txn.to.push(to);
                    "250 OK".into()
                }
                _ => "501 Syntax: RCPT TO:<address>".into(),
            },
            "DATA" if txn.to.is_empty() => "503 Need RCPT before DATA".into(),
            "DATA" => {
                writer
                    .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    .await?;
                let Some(data) = read_data(&mut reader).await? else {
                    return Ok(()); // connection lost mid-message: nothing to record
                };
                if shared.is_down() {
                    writer.write_all(SERVICE_NOT_AVAILABLE).await?;
                    return writer.shutdown().await;
                }
                let cut_off = shared
                    .drops
                    .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                    .is_ok();
                if cut_off {
                    return Ok(()); // dropping both halves closes the connection, unanswered
                }
                let Transaction { from, to } = std::mem::take(&mut txn);
                let held = |to: &[String]| {
                    let hold = shared.hold.lock().unwrap();
                    hold.as_ref().is_some_and(|h| to.contains(h))
                };
                let n = {
                    let mut messages = shared.messages.lock().unwrap();
                    messages.push(ReceivedMail {
                        from: from.unwrap_or_default(),
                        to: to.clone(),
                        raw: String::from_utf8_lossy(&data).into_owned(),
                    });
                    shared.arrivals.lock().unwrap().push(Instant::now());
                    messages.len()
                };
                while held(&to) {
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
                format!("250 OK: queued as {n}").into()
            }
            "RSET" => {
                txn = Transaction::default();
                "250 OK".into()
            }
            "NOOP" => "250 OK".into(),
            "" => "500 Empty command".into(),
            _ => "502 Command not implemented".into(),
        };
        // One write per reply: with TCP_NODELAY each goes out at once, whole.
        let mut reply = reply.into_owned();
        reply.push_str("\r\n");
        writer.write_all(reply.as_bytes()).await?;
    }
}

/// Reads message content up to the terminating `.` line, undoing the
/// client's dot-stuffing. `None` if the connection ends first.
async fn read_data<R>(reader: &mut R) -> io::Result<Option<Vec<u8>>>
where
    R: AsyncBufReadExt + Unpin,
{
    let mut data = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).await? == 0 {
            return Ok(None);
        }
        if line == b".\r\n" || line == b".\n" {
            return Ok(Some(data));
        }
        let unstuffed = line.strip_prefix(b".").unwrap_or(&line);
        data.extend_from_slice(unstuffed);
    }
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| s[prefix.len()..].trim_start())
}

/// `<local@domain> PARAMS…` → `local@domain`; `<>` → empty. Some clients omit
/// the brackets, which is tolerated.
fn parse_path(s: &str) -> Option<String> {
    if let Some(rest) = s.strip_prefix('<') {
        let end = rest.find('>')?;
        Some(rest[..end].to_owned())
    } else {
        s.split_whitespace()
            .next()
            .filter(|addr| addr.contains('@'))
            .map(str::to_owned)
    }
}

/// http(s) URLs in running text or HTML. A URL ends at whitespace, a quote or
/// an angle bracket; sentence punctuation and an unbalanced closing bracket
/// right after it are not part of it.
fn find_links(text: &str) -> Vec<String> {
    let mut links = Vec::new();
    let mut rest = text;
    loop {
        let next = ["https://", "http://"]
            .iter()
            .filter_map(|scheme| rest.find(scheme))
            .min();
        let Some(start) = next else {
            return links;
        };
        let candidate = &rest[start..];
        let end = candidate
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | '`'))
            .unwrap_or(candidate.len());
        let mut url = &candidate[..end];
        loop {
            let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?']);
            let trimmed = match trimmed.chars().last() {
                Some(')') if trimmed.matches('(').count() < trimmed.matches(')').count() => {
                    &trimmed[..trimmed.len() - 1]
                }
                Some(']') if trimmed.matches('[').count() < trimmed.matches(']').count() => {
                    &trimmed[..trimmed.len() - 1]
                }
                _ => trimmed,
            };
            if trimmed.len() == url.len() {
                break;
            }
            url = trimmed;
        }
        if !url.ends_with("://") {
            links.push(url.to_owned());
        }
        rest = &candidate[end..];
    }
}
