//! What operators rely on: health, readiness, metrics, headers, assets, and logs that hold no
//! personal data.

use std::io::{BufRead, BufReader, Read};

use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::helpers::{DEMO, TestApp, WAIT, as_refs, form};
use crate::on_both_backends;
use crate::support::smtp::SmtpServer;
use crate::support::testdb::{Backend, TestDb};

on_both_backends!(
    health_readiness_and_metrics,
    pages_carry_a_strict_policy_and_versioned_assets,
    logs_carry_no_personal_data,
    a_cached_page_catches_up_with_the_count,
);

async fn a_cached_page_catches_up_with_the_count(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        crate::helpers::Options {
            page_cache: Duration::from_secs(1),
            ..Default::default()
        },
    )
    .await;
    let first = app.get_text("/petitions/1").await.1;
    assert!(first.contains("<strong>0</strong>"));
    assert_eq!(
        app.get_text("/petitions/1").await.1,
        first,
        "served again from the cache"
    );
    app.sign(&as_refs(&form("cache@example.in"))).await;
    let link = app.confirm_link(&app.email(1).await);
    app.client.post(&link).send().await.unwrap();
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        if app
            .get_text("/petitions/1")
            .await
            .1
            .contains("<strong>1</strong>")
        {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the page catches up");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // A Hindi reader gets the Hindi page, not the cached English one.
    let hi = app.page_in("/hi/petitions/1", "hi").await;
    assert!(hi.contains("<html lang=\"hi\">"));
}

async fn health_readiness_and_metrics(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    assert_eq!(app.get("/healthz").await.status(), 200);
    assert_eq!(app.get("/readyz").await.status(), 200);
    app.sign(&as_refs(&form("m@example.in"))).await;
    let link = app.confirm_link(&app.email(1).await);
    app.client.post(&link).send().await.unwrap();
    app.wait_for_count(DEMO, 1).await;
    let metrics = app.get_text("/metrics").await.1;
    for line in [
        "hastakshar_signatures_created_total 1",
        "hastakshar_signatures_confirmed_total 1",
        "hastakshar_emails_sent_total 1",
        "hastakshar_outbox_depth 0",
        "hastakshar_http_requests_total{method=\"POST\",route=\"/petitions/{id:\\\\d+}/signatures\",status=\"303\"} 1",
        "hastakshar_http_request_duration_seconds_bucket",
    ] {
        assert!(metrics.contains(line), "{line} in\n{metrics}");
    }
}

async fn pages_carry_a_strict_policy_and_versioned_assets(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let r = app.get("/petitions/1").await;
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("script-src 'self'"));
    assert!(!csp.contains("unsafe-inline"));
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    assert!(r.headers().contains_key("x-request-id"));
    let page = r.text().await.unwrap();
    assert!(!page.contains("<script>"), "no inline script");
    assert!(!page.contains("style=\""), "no inline style");
    let css = page
        .split("href=\"")
        .find_map(|s| s.split('"').next().filter(|h| h.ends_with(".css")))
        .unwrap()
        .to_string();
    assert!(css.starts_with("/assets/app.") && css.len() > "/assets/app..css".len() + 7);
    let r = app.get(&css).await;
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    assert_eq!(app.get("/assets/app.00000000.css").await.status(), 404);
    let (status, page) = app.get_text("/no/such/page").await;
    assert_eq!(status, 404);
    assert!(page.contains("Page not found"));
    let gz = app
        .client
        .get(app.url("/petitions/1"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(gz.headers()["content-encoding"], "gzip");
}

/// Everything a child process writes, read as it runs (a pipe nobody reads fills up and stalls
/// the child), kept to be searched.
pub struct Drained(Arc<Mutex<String>>);

impl Drained {
    pub fn from(child: &mut std::process::Child) -> Drained {
        let text = Arc::new(Mutex::new(String::new()));
        let out: Box<dyn Read + Send> = Box::new(child.stdout.take().unwrap());
        let err: Box<dyn Read + Send> = Box::new(child.stderr.take().unwrap());
        for pipe in [out, err] {
            let text = text.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                    let mut t = text.lock().unwrap();
                    t.push_str(&line);
                    t.push('\n');
                }
            });
        }
        Drained(text)
    }

    pub fn text(&self) -> String {
        self.0.lock().unwrap().clone()
    }

    /// Waits until a line matching `matches` has been logged, and returns that line.
    pub async fn line(&self, what: &str, matches: impl Fn(&str) -> bool) -> String {
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            if let Some(line) = self.text().lines().find(|l| matches(l)) {
                return line.to_string();
            }
            assert!(
                std::time::Instant::now() < deadline,
                "never logged: {what}\n{}",
                self.text()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// Runs the real binary, signs and confirms through it, and reads every line it logged.
async fn logs_carry_no_personal_data(backend: Backend) {
    let db = TestDb::fresh(backend);
    let smtp = SmtpServer::start().await;
    let (mut child, logs, port, _dir) = serve_child(&[
        ("DATABASE_URL", &db.url),
        ("BASE_URL", "http://site.invalid"),
        ("SMTP_URL", &smtp.url()),
        ("RUST_LOG", "debug"),
    ])
    .await;
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let email = "secret.signer@example.in";
    let name = "Zoravar Secretname";
    let client_ip = "203.0.113.77";
    let mut f = form(email);
    f.retain(|(k, _)| *k != "name");
    f.push(("name", name.to_string()));
    let r = client
        .post(format!("{base}/petitions/1/signatures"))
        .header("X-Forwarded-For", client_ip)
        .form(&as_refs(&f))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let mail = smtp.wait_for(1, WAIT).await[0].clone();
    let link = mail
        .links()
        .into_iter()
        .find(|l| l.contains("/confirm/"))
        .unwrap()
        .replace("http://site.invalid", &base);
    let token = link.rsplit('/').next().unwrap().to_string();
    assert_eq!(client.post(&link).send().await.unwrap().status(), 200);
    let bad = client
        .post(format!("{base}/petitions/1/signatures"))
        .header("X-Forwarded-For", client_ip)
        .form(&[("name", name), ("email", "not an email")])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    // The refused form is the last request: once its line is logged, every line is in.
    logs.line("the refused form", |l| {
        l.contains("served") && l.contains("422")
    })
    .await;
    unsafe_kill(&mut child);
    let logs = logs.text();
    assert!(
        logs.contains("served"),
        "the binary logged requests:\n{logs}"
    );
    for secret in [email, name, "Secretname", client_ip, token.as_str()] {
        assert!(
            !logs.contains(secret),
            "{secret:?} appears in the logs:\n{logs}"
        );
    }
}

/// The real binary serving on a port of its own choosing (it says which), believing
/// `X-Forwarded-For` from loopback, with `env` on top; its logs, its port, and its working
/// directory (kept until the child is gone).
async fn serve_child(
    env: &[(&str, &str)],
) -> (std::process::Child, Drained, u16, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut all = vec![
        ("BIND", "127.0.0.1:0"),
        ("TRUSTED_PROXIES", "127.0.0.1"),
        ("WORKER_TICK_MS", "50"),
    ];
    all.extend_from_slice(env);
    let (child, logs) = crate::cluster::spawn_binary(&["serve"], &all, dir.path());
    let port = crate::cluster::listening_port(&logs).await;
    (child, logs, port, dir)
}

/// A second server process on a test's database: what another machine behind the same load
/// balancer would be.
pub struct ChildServer {
    child: std::process::Child,
    _logs: Drained,
    _dir: tempfile::TempDir,
    base: String,
    client: reqwest::Client,
}

/// The key `Settings::for_tests` seals with, for child processes on a test app's database.
pub const TEST_DATA_KEY: &str = "0909090909090909090909090909090909090909090909090909090909090909";

impl ChildServer {
    pub async fn start(database_url: &str, smtp_url: &str) -> ChildServer {
        let (child, logs, port, dir) = serve_child(&[
            ("DATABASE_URL", database_url),
            ("BASE_URL", "http://site.invalid"),
            ("SMTP_URL", smtp_url),
            ("SIGN_RATE_BURST", "1000000"),
            ("SIGN_RATE_PER_HOUR", "1000000000"),
            // The in-process server's key (`Settings::for_tests`): one database, one key.
            ("DATA_KEY", TEST_DATA_KEY),
        ])
        .await;
        ChildServer {
            child,
            _logs: logs,
            _dir: dir,
            base: format!("http://127.0.0.1:{port}"),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
        }
    }

    /// Signs the demo petition through this process.
    pub async fn sign(&self, f: &[(&'static str, String)]) -> reqwest::Response {
        self.client
            .post(format!("{}/petitions/1/signatures", self.base))
            .header("X-Forwarded-For", "203.0.113.40")
            .form(&as_refs(f))
            .send()
            .await
            .unwrap()
    }
}

impl Drop for ChildServer {
    fn drop(&mut self) {
        unsafe_kill(&mut self.child);
    }
}

fn unsafe_kill(child: &mut std::process::Child) {
    let _ = child.kill();
    let _ = child.wait();
}
