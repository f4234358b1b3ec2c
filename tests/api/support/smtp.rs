//! A small but real SMTP server on 127.0.0.1 that records every message it
//! accepts, so tests can read back what the application mailed.
//!
//! It speaks RFC 5321 as far as an SMTP client such as lettre needs: EHLO/HELO
//! (advertising 8BITMIME and SMTPUTF8), MAIL FROM, RCPT TO, DATA with
//! dot-unstuffing, RSET, NOOP and QUIT, several transactions per connection
//! and any number of concurrent connections. No TLS, no AUTH.

use std::borrow::Cow;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine as _;
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
        let (head, _) = split_head_body(&self.raw);
        header_value(&parse_headers(head), name).map(decode_encoded_words)
    }

    /// Decoded `text/plain` part (the first one that is not an attachment),
    /// with line endings normalised to `\n`; empty if the message has none.
    pub fn text_body(&self) -> String {
        self.first_part("text/plain")
    }

    /// Decoded `text/html` part (the first one that is not an attachment),
    /// with line endings normalised to `\n`; empty if the message has none.
    pub fn html_body(&self) -> String {
        self.first_part("text/html")
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

    fn first_part(&self, mime: &str) -> String {
        let (head, body) = split_head_body(&self.raw);
        let mut leaves = Vec::new();
        collect_text_leaves(&parse_headers(head), body, &mut leaves);
        leaves
            .into_iter()
            .find(|leaf| leaf.mime == mime && !leaf.attachment)
            .map(|leaf| leaf.text.replace("\r\n", "\n"))
            .unwrap_or_default()
    }
}

/// State shared between the test and the server thread.
#[derive(Default)]
struct Shared {
    messages: Mutex<Vec<ReceivedMail>>,
    down: AtomicBool,
    /// A recipient whose message is held after its data, unanswered, until released.
    hold: Mutex<Option<String>>,
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
            super::serve_on_own_thread("smtp", move |listener| accept_loop(listener, state));

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

    /// Forgets the messages received so far.
    pub fn clear(&self) {
        self.shared.messages.lock().unwrap().clear();
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

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    loop {
        match listener.accept().await {
            Ok((stream, _)) => {
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
        writer.write_all(reply.as_bytes()).await?;
        writer.write_all(b"\r\n").await?;
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

// ---------------------------------------------------------------------------
// Just enough MIME (RFC 2045–2047) to read back what the application sends.

/// Splits at the blank line ending the header block.
fn split_head_body(raw: &str) -> (&str, &str) {
    for sep in ["\r\n\r\n", "\n\n"] {
        if let Some(pos) = raw.find(sep) {
            return (&raw[..pos], &raw[pos + sep.len()..]);
        }
    }
    (raw, "")
}

/// Header fields in order, continuation lines unfolded, values not decoded.
fn parse_headers(head: &str) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in head.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = fields.last_mut() {
                value.push_str(line);
            }
        } else if let Some((name, value)) = line.split_once(':') {
            fields.push((name.trim().to_owned(), value.to_owned()));
        }
    }
    for (_, value) in &mut fields {
        *value = value.trim().to_owned();
    }
    fields
}

fn header_value<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(field, _)| field.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str())
}

/// `type/subtype; key=value; key="quoted value"` → lower-cased type and
/// parameters with lower-cased keys.
fn parse_content_type(value: &str) -> (String, Vec<(String, String)>) {
    let mut pieces = split_unquoted(value, ';').into_iter();
    let mime = pieces
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let params = pieces
        .filter_map(|piece| {
            let (key, value) = piece.split_once('=')?;
            let value = value.trim();
            let value = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .map_or_else(|| value.to_owned(), |v| v.replace("\\\"", "\""));
            Some((key.trim().to_ascii_lowercase(), value))
        })
        .collect();
    (mime, params)
}

fn split_unquoted(s: &str, sep: char) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut in_quotes = false;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            c if c == sep && !in_quotes => {
                pieces.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    pieces.push(&s[start..]);
    pieces
}

fn param<'a>(params: &'a [(String, String)], key: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// A decoded `text/*` leaf of the MIME tree.
struct TextLeaf {
    mime: String,
    attachment: bool,
    text: String,
}

fn collect_text_leaves(fields: &[(String, String)], body: &str, out: &mut Vec<TextLeaf>) {
    // RFC 2045: no Content-Type means text/plain; charset=us-ascii.
    let (mime, params) = header_value(fields, "Content-Type")
        .map(parse_content_type)
        .unwrap_or_else(|| ("text/plain".to_owned(), Vec::new()));

    if mime.starts_with("multipart/") {
        let Some(boundary) = param(&params, "boundary") else {
            return;
        };
        for part in split_multipart(body, boundary) {
            let (head, body) = split_head_body(part);
            collect_text_leaves(&parse_headers(head), body, out);
        }
    } else if mime.starts_with("text/") {
        let encoding = header_value(fields, "Content-Transfer-Encoding")
            .unwrap_or("7bit")
            .to_ascii_lowercase();
        let bytes = match encoding.as_str() {
            "quoted-printable" => decode_quoted_printable(body.as_bytes()),
            "base64" => decode_base64(body),
            _ => body.as_bytes().to_vec(),
        };
        let attachment = header_value(fields, "Content-Disposition")
            .is_some_and(|d| d.to_ascii_lowercase().starts_with("attachment"));
        out.push(TextLeaf {
            mime,
            attachment,
            text: decode_charset(&bytes, param(&params, "charset").unwrap_or("utf-8")),
        });
    }
}

/// Body parts between `--boundary` delimiter lines, up to `--boundary--`.
/// The line break before a delimiter belongs to the delimiter (RFC 2046).
fn split_multipart<'a>(body: &'a str, boundary: &str) -> Vec<&'a str> {
    let delimiter = format!("--{boundary}");
    let mut parts = Vec::new();
    let mut part_start = None;
    let mut pos = 0;
    for line in body.split_inclusive('\n') {
        let rest = line.trim_end().strip_prefix(delimiter.as_str());
        if let Some(rest @ ("" | "--")) = rest {
            if let Some(start) = part_start {
                let part = &body[start..pos];
                let part = part
                    .strip_suffix("\r\n")
                    .or_else(|| part.strip_suffix('\n'))
                    .unwrap_or(part);
                parts.push(part);
            }
            if rest == "--" {
                break;
            }
            part_start = Some(pos + line.len());
        }
        pos += line.len();
    }
    parts
}

fn decode_quoted_printable(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        if input[i] == b'=' {
            match input.get(i + 1..) {
                // Soft line break: the encoder wrapped a long line here.
                Some([b'\r', b'\n', ..]) => {
                    i += 3;
                    continue;
                }
                Some([b'\n', ..]) => {
                    i += 2;
                    continue;
                }
                Some([hi, lo, ..]) => {
                    if let (Some(hi), Some(lo)) = (hex_value(*hi), hex_value(*lo)) {
                        out.push((hi << 4) | lo);
                        i += 3;
                        continue;
                    }
                }
                _ => {}
            }
        }
        // A stray '=' is kept literally, as RFC 2045 suggests.
        out.push(input[i]);
        i += 1;
    }
    out
}

fn hex_value(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

fn decode_base64(input: &str) -> Vec<u8> {
    let compact: String = input.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    base64_lenient()
        .decode(compact.as_bytes())
        .unwrap_or_else(|e| panic!("invalid base64 in received mail ({e}): {input:?}"))
}

/// Standard alphabet, padding optional: mail encoders differ on padding.
fn base64_lenient() -> base64::engine::GeneralPurpose {
    base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
    )
}

fn decode_charset(bytes: &[u8], charset: &str) -> String {
    match charset.to_ascii_lowercase().as_str() {
        "iso-8859-1" | "latin1" | "latin-1" => bytes.iter().map(|&b| char::from(b)).collect(),
        // utf-8, us-ascii and anything unexpected.
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Decodes RFC 2047 encoded-words. Adjacent encoded-words are joined without
/// the whitespace between them, and their bytes are concatenated before UTF-8
/// decoding because an encoder may split one character across two words.
fn decode_encoded_words(value: &str) -> String {
    let mut out = String::new();
    let mut pending: Vec<u8> = Vec::new();
    let mut rest = value;
    while let Some((start, end, bytes)) = find_encoded_word(rest) {
        let before = &rest[..start];
        if pending.is_empty() || !before.chars().all(char::is_whitespace) {
            out.push_str(&String::from_utf8_lossy(&std::mem::take(&mut pending)));
            out.push_str(before);
        }
        pending.extend(bytes);
        rest = &rest[end..];
    }
    out.push_str(&String::from_utf8_lossy(&pending));
    out.push_str(rest);
    out
}

/// Next well-formed `=?charset?b|q?text?=` in `s`: its byte range and its
/// decoded content as UTF-8 bytes.
fn find_encoded_word(s: &str) -> Option<(usize, usize, Vec<u8>)> {
    let mut search_from = 0;
    while let Some(offset) = s[search_from..].find("=?") {
        let start = search_from + offset;
        if let Some((len, bytes)) = parse_encoded_word(&s[start..]) {
            return Some((start, start + len, bytes));
        }
        search_from = start + 2;
    }
    None
}

fn parse_encoded_word(s: &str) -> Option<(usize, Vec<u8>)> {
    let inner = s.strip_prefix("=?")?;
    let (charset, rest) = inner.split_once('?')?;
    let (encoding, rest) = rest.split_once('?')?;
    let text_end = rest.find("?=")?;
    let text = &rest[..text_end];
    let len = s.len() - rest[text_end + 2..].len();
    if text.contains([' ', '\t', '?']) || charset.is_empty() {
        return None;
    }
    let raw = match encoding {
        "b" | "B" => base64_lenient().decode(text).ok()?,
        "q" | "Q" => decode_quoted_printable(text.replace('_', " ").as_bytes()),
        _ => return None,
    };
    // RFC 2231 allows a language suffix: `utf-8*hi`.
    let charset = charset.split('*').next().unwrap_or(charset);
    Some((len, decode_charset(&raw, charset).into_bytes()))
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
