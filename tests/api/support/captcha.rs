//! A loopback stand-in for hCaptcha's `siteverify` endpoint.
//!
//! Tokens starting with `pass` verify, as solved on the host 127.0.0.1 (where
//! the tests' site lives), except `pass-elsewhere`, solved on another site's
//! page; any other token fails with `invalid-input-response`.
//!
//! The endpoint is a small actix-web app. Its public port is a TCP relay in
//! front of it, there only for the outage: while down, the relay resets every
//! connection it accepts, so a client gets a transport error rather than an
//! HTTP answer. The app closes each connection after one answer, so no
//! connection opened before an outage is still usable during it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::http::KeepAlive;
use actix_web::{App, HttpResponse, HttpServer, web};
use chrono::{SecondsFormat, Utc};
use serde::Deserialize;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

/// The form fields of one verification request, as the server received them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
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
            super::serve_on_own_thread("captcha", move |front| serve(front, state));

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

/// Runs the app on a second loopback port and relays the public one to it.
/// Dropping the returned future (the stand-in dropped) stops both.
async fn serve(front: TcpListener, shared: Arc<Shared>) {
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).expect("bind a loopback port");
    let app_addr = listener.local_addr().expect("listener address");
    let state = web::Data::from(Arc::clone(&shared));
    let app = HttpServer::new(move || {
        App::new().app_data(state.clone()).service(
            web::resource("/siteverify")
                .post(siteverify)
                .default_service(web::to(HttpResponse::MethodNotAllowed)),
        )
    })
    .workers(1)
    .disable_signals()
    .keep_alive(KeepAlive::Disabled)
    .listen(listener)
    .expect("serve the siteverify app")
    .run();
    tokio::select! {
        _ = app => {}
        () = relay(front, app_addr, &shared) => {}
    }
}

async fn relay(front: TcpListener, app_addr: std::net::SocketAddr, shared: &Shared) {
    loop {
        match front.accept().await {
            Ok((client, _)) if shared.down.load(Ordering::SeqCst) => {
                // Zero linger turns the close into a RST: "connection reset".
                let _ = client.set_zero_linger();
            }
            Ok((mut client, _)) => {
                tokio::spawn(async move {
                    if let Ok(mut app) = TcpStream::connect(app_addr).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut app).await;
                    }
                });
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
}

async fn siteverify(shared: web::Data<Shared>, form: web::Form<CaptchaRequest>) -> HttpResponse {
    let form = form.into_inner();
    let verdict = verdict(&form);
    shared.requests.lock().unwrap().push(form);
    HttpResponse::Ok().json(verdict)
}

fn verdict(form: &CaptchaRequest) -> serde_json::Value {
    // Mirrors hCaptcha: missing fields have their own error codes.
    let failure = |code: &str| serde_json::json!({"success": false, "error-codes": [code]});
    match (form.secret.as_deref(), form.response.as_deref()) {
        (None | Some(""), _) => failure("missing-input-secret"),
        (_, None | Some("")) => failure("missing-input-response"),
        (_, Some(token)) if token.starts_with("pass") => serde_json::json!({
            "success": true,
            // hCaptcha's `challenge_ts`: RFC 3339 in UTC, e.g. 2026-12-02T05:00:00Z.
            "challenge_ts": Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true),
            "hostname": if token == "pass-elsewhere" { "elsewhere.example" } else { "127.0.0.1" },
        }),
        _ => failure("invalid-input-response"),
    }
}
