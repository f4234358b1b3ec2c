//! The site's edges under attack: redirects that stay on the site, `HEAD`, clients behind a
//! proxy on a dual-stack socket, the captcha's site key and host, `/metrics`, stalled bodies,
//! weak production settings, and what strangers can make the site email.

use std::time::Duration;

use hastakshar::config::SignRate;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::helpers::{DEMO, Options, TestApp, as_refs, form, with};
use crate::on_both_backends;
use crate::people::*;
use crate::support::testdb::Backend;

on_both_backends!(a_dual_stack_bind_limits_by_the_forwarded_client);

/// Sends raw bytes to the app and reads whatever comes back until the server closes or `wait`
/// passes.
async fn raw(app: &TestApp, request: &[u8], wait: Duration) -> String {
    let host = app.address.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    stream.write_all(request).await.unwrap();
    let mut got = Vec::new();
    let _ = tokio::time::timeout(wait, stream.read_to_end(&mut got)).await;
    String::from_utf8_lossy(&got).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_switcher_and_login_never_lead_off_site() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    for next in [
        "/%09/evil.example/",
        "/%0a/evil.example/",
        "/%0d%0aSet-Cookie:%20x=1",
        "//evil.example/",
        "/%5Cevil.example",
        "https://evil.example/",
        "/%20/evil.example",
    ] {
        let r = app.get(&format!("/lang/hi?next={next}")).await;
        assert_eq!(r.status(), 303, "{next}");
        assert_eq!(location(&r), "/hi/", "{next} stays on the site");
        let b = Browser::new(&app);
        let (status, page) = b.get(&format!("/account/login?next={next}")).await;
        assert_eq!(status, 200, "{next}");
        assert!(
            page.contains("name=\"next\" value=\"/dashboard\""),
            "{next}"
        );
    }
    let r = app.get("/lang/hi?next=/petitions/1%3Fx%3D1").await;
    assert_eq!(
        location(&r),
        "/hi/petitions/1?x=1",
        "a local path is followed, in the language chosen"
    );
    let r = app.get("/lang/en?next=/petitions/1").await;
    assert_eq!(location(&r), "/petitions/1");
    // Logging in with a hostile `next` lands on the dashboard.
    let _ = campaigner(&app, "meera@example.in").await;
    let b = Browser::new(&app);
    let r = b
        .submit(
            "/account/login",
            "/account/login",
            &[
                ("email", "meera@example.in"),
                ("password", PASSWORD),
                ("next", "/\t/evil.example/"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/dashboard");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn head_answers_like_get_without_a_body() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    for path in ["/petitions/1", "/", "/petitions/1.json", "/account/login"] {
        let answer = raw(
            &app,
            format!("HEAD {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .as_bytes(),
            Duration::from_secs(5),
        )
        .await;
        assert!(answer.starts_with("HTTP/1.1 200"), "HEAD {path}: {answer}");
        let (head, body) = answer.split_once("\r\n\r\n").unwrap();
        assert!(body.is_empty(), "HEAD {path} sends no body");
        assert!(head.to_lowercase().contains("content-type: "), "{head}");
    }
    let answer = raw(
        &app,
        b"HEAD /petitions/999 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
        Duration::from_secs(5),
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 404"), "{answer}");
    assert_eq!(app.get("/petitions/1").await.status(), 200, "GET as before");
}

async fn a_dual_stack_bind_limits_by_the_forwarded_client(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        Options {
            dual_stack: true,
            trusted_proxies: "127.0.0.1",
            sign_rate: Some(SignRate {
                burst: 3,
                per_hour: 60,
            }),
            ..Options::default()
        },
    )
    .await;
    let one = [("X-Forwarded-For", "203.0.113.10")];
    for i in 0..3 {
        let f = form(&format!("flood{i}@example.in"));
        assert_eq!(app.sign_with(DEMO, &as_refs(&f), &one).await.status(), 303);
    }
    let f = form("flood9@example.in");
    assert_eq!(app.sign_with(DEMO, &as_refs(&f), &one).await.status(), 429);
    let other = [("X-Forwarded-For", "198.51.100.20")];
    let f = form("other@example.in");
    assert_eq!(
        app.sign_with(DEMO, &as_refs(&f), &other).await.status(),
        303,
        "another client behind the same proxy has its own allowance"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_captcha_is_checked_for_our_site_key_and_host() {
    let app = TestApp::spawn_with(
        Backend::Sqlite,
        Options {
            captcha: true,
            ..Options::default()
        },
    )
    .await;
    let f = with(
        form("elsewhere@example.in"),
        "h-captcha-response",
        "pass-elsewhere",
    );
    let r = app.sign(&as_refs(&f)).await;
    assert_eq!(r.status(), 422, "a token solved on another site's page");
    assert_eq!(app.count("signatures"), 0);
    let f = with(form("here@example.in"), "h-captcha-response", "pass-here");
    assert_eq!(app.sign(&as_refs(&f)).await.status(), 303);
    let requests = app.captcha.as_ref().unwrap().requests();
    assert_eq!(requests.len(), 2);
    for r in requests {
        assert_eq!(
            r.sitekey.as_deref(),
            Some("10000000-ffff-ffff-ffff-000000000001"),
            "the site key goes with every check"
        );
        assert_eq!(r.remoteip, None, "the signer's address does not");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_need_the_token() {
    let app = TestApp::spawn_with(
        Backend::Sqlite,
        Options {
            tweak: |s| s.metrics_token = Some("metrics-token-for-tests".into()),
            ..Options::default()
        },
    )
    .await;
    let r = app.get("/metrics").await;
    assert_eq!(r.status(), 401);
    assert!(!r.text().await.unwrap().contains("hastakshar_signatures"));
    let wrong = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth("guess")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    let right = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth("metrics-token-for-tests")
        .send()
        .await
        .unwrap();
    assert_eq!(right.status(), 200);
    assert!(right.text().await.unwrap().contains("hastakshar_"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_can_live_on_an_address_of_their_own() {
    let app = TestApp::spawn_with(
        Backend::Sqlite,
        Options {
            tweak: |s| s.metrics_bind = Some("127.0.0.1:0".into()),
            ..Options::default()
        },
    )
    .await;
    assert_eq!(app.get("/metrics").await.status(), 404, "not on the site");
    let port = app.metrics_port.expect("a metrics port");
    let r = reqwest::get(format!("http://127.0.0.1:{port}/metrics"))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("hastakshar_"));
    let r = reqwest::get(format!("http://127.0.0.1:{port}/petitions/1"))
        .await
        .unwrap();
    assert_eq!(r.status(), 404, "and nothing else there");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stalled_body_is_answered_408_and_changes_nothing() {
    let app = TestApp::spawn_with(
        Backend::Sqlite,
        Options {
            tweak: |s| s.body_timeout = Duration::from_millis(300),
            ..Options::default()
        },
    )
    .await;
    let started = std::time::Instant::now();
    let answer = raw(
        &app,
        b"POST /petitions/1/signatures HTTP/1.1\r\nHost: 127.0.0.1\r\n\
          Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nname=Asha",
        Duration::from_secs(10),
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(app.count("signatures"), 0);
    // A body that arrives in time is read as before.
    let f = form("ontime@example.in");
    assert_eq!(app.sign(&as_refs(&f)).await.status(), 303);
}

/// Runs `hastakshar migrate` in production with the given settings; returns its exit status and
/// what it said.
fn production_start(changes: &[(&str, &str)]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut env: Vec<(&str, &str)> = vec![
        ("HASTAKSHAR_ENV", "production"),
        ("DATABASE_URL", "sqlite://prod-test.db"),
        ("BASE_URL", "https://petitions.example"),
        ("SECRET_KEY", "3f9a1c7e5b2d8046af13c9e7b5d20864aa17"),
        ("SMTP_URL", "smtps://mailer:pw@mail.example:465"),
        ("HCAPTCHA_SITEKEY", "10000000-ffff-ffff-ffff-000000000001"),
        (
            "HCAPTCHA_SECRET",
            "0x0000000000000000000000000000000000000000",
        ),
        ("TRUSTED_PROXIES", "10.0.0.0/8"),
        (
            "DATA_KEY",
            "6d1f0c3a9e8b7d5c4f2a1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b",
        ),
        ("ORG_NAME", "Example Trust"),
        ("ORG_ADDRESS", "1 Example Road, New Delhi 110001"),
        ("GRIEVANCE_OFFICER", "A. Officer"),
        ("GRIEVANCE_EMAIL", "grievance@petitions.example"),
    ];
    for (k, v) in changes {
        env.retain(|(name, _)| name != k);
        env.push((k, v));
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hastakshar"))
        .arg("migrate")
        .current_dir(dir.path())
        .env_clear()
        .envs(env)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn production_refuses_to_start_with_a_weak_setting() {
    let (code, said) = production_start(&[]);
    assert_eq!(code, Some(0), "the good settings start: {said}");
    for (var, value) in [
        ("SECRET_KEY", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
        ("SMTP_URL", "smtp://mailer:pw@mail.example:587"),
        ("HCAPTCHA_VERIFY_URL", "http://api.hcaptcha.com/siteverify"),
        ("TRUSTED_PROXIES", "0.0.0.0/0"),
        ("TRUSTED_PROXIES", "::/0"),
        ("HCAPTCHA_SITEKEY", "not-a-site-key"),
        ("DATA_KEY", ""),
        ("DATA_KEY", "not-a-key"),
        ("DATA_KEYS_RETIRED", "0123"),
        ("ORG_NAME", ""),
        ("GRIEVANCE_EMAIL", "nobody"),
        ("RETENTION_DAYS", "0"),
    ] {
        let (code, said) = production_start(&[(var, value)]);
        assert_eq!(code, Some(2), "{var}={value} is refused: {said}");
        assert!(said.contains(var), "the message names {var}: {said}");
        assert_eq!(said.trim().lines().count(), 1, "one line: {said}");
    }
}
