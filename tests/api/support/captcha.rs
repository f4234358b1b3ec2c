//! A loopback stand-in for hCaptcha's `siteverify` endpoint.
//!
//! Tokens starting with `pass` verify, as solved on the host 127.0.0.1 (where
//! the tests' site lives), except `pass-elsewhere`, solved on another site's
//! page; any other token fails with `invalid-input-response`. HTTP/1.1 is spoken by hand (one request per
//! connection, `Connection: close`), which is all a verification client needs.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

/// Request heads larger than this are refused; real clients send a few hundred bytes.
const MAX_HEAD: usize = 64 * 1024;
const MAX_BODY: usize = 1024 * 1024;

/// The form fields of one verification request, as the server received them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaptchaRequest {
    pub secret: Option<String>,
    pub response: Option<String>,
    pub remoteip: Option<String>,
    pub sitekey: Option<String>,
}

#[derive(Default)]
struct Shared {
    requests: Mutex<Vec<CaptchaRequest>>,
    down: AtomicBool,
}

/// Fake hCaptcha verification server on a random port; stops when dropped.
///
/// Like the SMTP stand-in it owns a thread and runtime, so it keeps answering
/// however the test drives (or blocks) its own runtime.
pub struct FakeCaptcha {
    port: u16,
    shared: Arc<Shared>,
    _shutdown: oneshot::Sender<()>,
}

impl FakeCaptcha {
    /// Binds 127.0.0.1 on a free port and starts serving.
    pub async fn start() -> FakeCaptcha {
        let shared = Arc::new(Shared::default());
        let state = Arc::clone(&shared);
        let (port, shutdown) =
            super::serve_on_own_thread("captcha", move |listener| accept_loop(listener, state));

        FakeCaptcha {
            port,
            shared,
            _shutdown: shutdown,
        }
    }

    /// URL to configure as the hCaptcha verify endpoint.
    pub fn verify_url(&self) -> String {
        format!("http://127.0.0.1:{}/siteverify", self.port)
    }

    /// Number of verification requests answered so far (refused connections
    /// while down are not counted).
    pub fn calls(&self) -> usize {
        self.shared.requests.lock().unwrap().len()
    }

    /// The answered verification requests, oldest first.
    pub fn requests(&self) -> Vec<CaptchaRequest> {
        self.shared.requests.lock().unwrap().clone()
    }

    /// While down, every connection is reset as soon as it is accepted, so a
    /// client gets a transport error rather than an HTTP answer.
    pub fn set_down(&self, down: bool) {
        self.shared.down.store(down, Ordering::SeqCst);
    }
}

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    loop {
        match listener.accept().await {
            Ok((stream, _)) => {
                if shared.down.load(Ordering::SeqCst) {
                    // Zero linger turns the close into a RST: "connection reset".
                    let _ = stream.set_zero_linger();
                    drop(stream);
                    continue;
                }
                let shared = Arc::clone(&shared);
                tokio::spawn(async move {
                    let _ = serve(stream, &shared).await;
                });
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
}

async fn serve(mut stream: TcpStream, shared: &Shared) -> io::Result<()> {
    let (status, body) = match read_request(&mut stream).await? {
        Err(status) => (status, format!("{{\"error\": \"{status}\"}}")),
        Ok(request) if request.path != "/siteverify" => {
            ("404 Not Found", r#"{"error": "not found"}"#.to_owned())
        }
        Ok(request) if request.method != "POST" => (
            "405 Method Not Allowed",
            r#"{"error": "method not allowed"}"#.to_owned(),
        ),
        Ok(request) => {
            let form = parse_form(&request.body);
            let body = verdict(&form).to_string();
            shared.requests.lock().unwrap().push(form);
            ("200 OK", body)
        }
    };
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(response.as_bytes()).await?;
    stream.shutdown().await
}

fn verdict(form: &CaptchaRequest) -> serde_json::Value {
    // Mirrors hCaptcha: missing fields have their own error codes.
    let failure = |code: &str| serde_json::json!({"success": false, "error-codes": [code]});
    if form.secret.as_deref().is_none_or(str::is_empty) {
        failure("missing-input-secret")
    } else if form.response.as_deref().is_none_or(str::is_empty) {
        failure("missing-input-response")
    } else if form
        .response
        .as_deref()
        .is_some_and(|r| r.starts_with("pass"))
    {
        let hostname = if form.response.as_deref() == Some("pass-elsewhere") {
            "elsewhere.example"
        } else {
            "127.0.0.1"
        };
        serde_json::json!({
            "success": true,
            "challenge_ts": rfc3339_now(),
            "hostname": hostname,
        })
    } else {
        failure("invalid-input-response")
    }
}

fn parse_form(body: &[u8]) -> CaptchaRequest {
    let mut form = CaptchaRequest::default();
    for (key, value) in url::form_urlencoded::parse(body) {
        let slot = match key.as_ref() {
            "secret" => &mut form.secret,
            "response" => &mut form.response,
            "remoteip" => &mut form.remoteip,
            "sitekey" => &mut form.sitekey,
            _ => continue,
        };
        *slot = Some(value.into_owned());
    }
    form
}

struct Request {
    method: String,
    path: String,
    body: Vec<u8>,
}

/// Reads one request. The inner `Err` is the status line to answer with when
/// the request is malformed.
async fn read_request(stream: &mut TcpStream) -> io::Result<Result<Request, &'static str>> {
    let mut buf = Vec::new();
    let head_end = loop {
        if let Some(pos) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break pos + 4;
        }
        if buf.len() > MAX_HEAD {
            return Ok(Err("431 Request Header Fields Too Large"));
        }
        if read_more(stream, &mut buf).await? == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next().unwrap_or_default().split(' ');
    let (Some(method), Some(target)) = (request_line.next(), request_line.next()) else {
        return Ok(Err("400 Bad Request"));
    };
    let path = target.split('?').next().unwrap_or(target).to_owned();
    let method = method.to_owned();

    let mut content_length = None;
    let mut chunked = false;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            match value.parse::<usize>() {
                Ok(n) if n <= MAX_BODY => content_length = Some(n),
                _ => return Ok(Err("400 Bad Request")),
            }
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = value.to_ascii_lowercase().contains("chunked");
        } else if name.eq_ignore_ascii_case("expect") && value.eq_ignore_ascii_case("100-continue")
        {
            stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").await?;
        }
    }

    let mut rest = buf.split_off(head_end);
    let body = if chunked {
        match read_chunked(stream, rest).await? {
            Some(body) => body,
            None => return Ok(Err("400 Bad Request")),
        }
    } else {
        let len = content_length.unwrap_or(0);
        while rest.len() < len {
            if read_more(stream, &mut rest).await? == 0 {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
        }
        rest.truncate(len);
        rest
    };
    Ok(Ok(Request { method, path, body }))
}

/// Decodes a chunked body (trailers ignored); `None` if it is malformed.
async fn read_chunked(stream: &mut TcpStream, mut buf: Vec<u8>) -> io::Result<Option<Vec<u8>>> {
    let mut body = Vec::new();
    loop {
        let line_end = loop {
            if let Some(pos) = buf.windows(2).position(|w| w == b"\r\n") {
                break pos;
            }
            if buf.len() > MAX_HEAD {
                return Ok(None);
            }
            if read_more(stream, &mut buf).await? == 0 {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
        };
        let size_line = String::from_utf8_lossy(&buf[..line_end]).into_owned();
        let size_hex = size_line.split(';').next().unwrap_or_default().trim();
        let Ok(size) = usize::from_str_radix(size_hex, 16) else {
            return Ok(None);
        };
        if body.len() + size > MAX_BODY {
            return Ok(None);
        }
        let chunk_start = line_end + 2;
        if size == 0 {
            // Trailers and the final CRLF are left unread: the reply closes
            // the connection anyway.
            return Ok(Some(body));
        }
        while buf.len() < chunk_start + size + 2 {
            if read_more(stream, &mut buf).await? == 0 {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
        }
        body.extend_from_slice(&buf[chunk_start..chunk_start + size]);
        buf.drain(..chunk_start + size + 2);
    }
}

async fn read_more(stream: &mut TcpStream, buf: &mut Vec<u8>) -> io::Result<usize> {
    let mut chunk = [0u8; 4096];
    let n = stream.read(&mut chunk).await?;
    buf.extend_from_slice(&chunk[..n]);
    Ok(n)
}

/// Current UTC time as RFC 3339 (`2024-05-01T12:34:56Z`), the format of
/// hCaptcha's `challenge_ts`.
fn rfc3339_now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs();
    let (days, secs_of_day) = (secs / 86_400, secs % 86_400);
    let (year, month, day) = civil_from_days(days as i64);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs_of_day / 3600,
        secs_of_day / 60 % 60,
        secs_of_day % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
/// `civil_from_days`), to avoid a date crate for one timestamp.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}
