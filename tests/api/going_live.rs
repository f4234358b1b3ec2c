//! Going live: rate limits that hold across processes, mail that arrives (DKIM, Message-ID,
//! Auto-Submitted) and mail that bounces (the signed events hook), and backups taken while the
//! site signs.

use std::process::Command;
use std::sync::OnceLock;

use diesel::RunQueryDsl;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::cluster::{Proc, cluster_env};
use crate::helpers::{DEMO, Options, TestApp, as_refs, form};
use crate::on_both_backends;
use crate::support::smtp::SmtpServer;
use crate::support::testdb::{Backend, TestDb};

on_both_backends!(
    emails_are_dkim_signed_and_carry_their_headers,
    bounces_and_complaints_stop_the_mail_and_show_apart,
);

const SECRET: &str = "mail-events-secret-for-tests";

/// An RSA key made for this run (PKCS#1 PEM) and its public half as DNS publishes it.
fn dkim_key() -> &'static (String, String) {
    static KEY: OnceLock<(String, String)> = OnceLock::new();
    KEY.get_or_init(|| {
        let private = Command::new("openssl")
            .args(["genrsa", "-traditional", "2048"])
            .output()
            .expect("openssl");
        assert!(private.status.success());
        let pem = String::from_utf8(private.stdout).unwrap();
        let mut public = Command::new("openssl")
            .args(["rsa", "-pubout", "-outform", "DER"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        use std::io::Write;
        public
            .stdin
            .take()
            .unwrap()
            .write_all(pem.as_bytes())
            .unwrap();
        let der = public.wait_with_output().unwrap().stdout;
        use base64::Engine;
        (pem, base64::engine::general_purpose::STANDARD.encode(der))
    })
}

/// dkimpy's verdict on `raw`, given `public` as the TXT record of sel._domainkey.example.in.
fn dkimpy_verifies(raw: &[u8], public: &str) -> bool {
    let dir = tempfile::tempdir().unwrap();
    let message = dir.path().join("message.eml");
    std::fs::write(&message, raw).unwrap();
    let script = r#"
import sys, dkim
message = open(sys.argv[1], 'rb').read()
def dns(name, timeout=5):
    assert name == b'sel._domainkey.example.in.', name
    return b'v=DKIM1; k=rsa; p=' + sys.argv[2].encode()
sys.exit(0 if dkim.verify(message, dnsfunc=dns) else 1)
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&message)
        .arg(public)
        .output()
        .expect("python3");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("ModuleNotFoundError"),
        "dkimpy is not installed (pip install dkimpy; .ci/run does): {err}"
    );
    out.status.success()
}

async fn emails_are_dkim_signed_and_carry_their_headers(backend: Backend) {
    dkim_key();
    let app = TestApp::spawn_with(
        backend,
        Options {
            tweak: |s| {
                s.mail_from = "Hastakshar <noreply@example.in>".into();
                s.dkim = Some(hastakshar::config::Dkim {
                    domain: "example.in".into(),
                    selector: "sel".into(),
                    private_key: dkim_key().0.clone(),
                });
            },
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        app.sign(&as_refs(&form("dkim@example.org"))).await.status(),
        303
    );
    let mail = app.email(1).await;
    let signature = mail.header("DKIM-Signature").expect("a DKIM signature");
    assert!(signature.contains("d=example.in"), "{signature}");
    assert!(signature.contains("s=sel"), "{signature}");
    for h in ["from", "subject", "message-id", "date", "auto-submitted"] {
        assert!(
            signature.to_lowercase().contains(h),
            "{h} is signed: {signature}"
        );
    }
    let id = mail.header("Message-ID").expect("a Message-ID");
    assert!(
        id.starts_with("<hastakshar.outbox.") && id.ends_with("@example.in>"),
        "{id}"
    );
    assert!(mail.header("Date").is_some());
    assert_eq!(
        mail.header("Auto-Submitted").as_deref(),
        Some("auto-generated")
    );
    let public = &dkim_key().1;
    assert!(
        dkimpy_verifies(mail.raw.as_bytes(), public),
        "dkimpy verifies the signature:\n{}",
        mail.raw
    );
    // The verifier really checks: a changed subject fails it.
    let forged = mail.raw.replacen("Subject: ", "Subject: Re: ", 1);
    assert_ne!(forged, mail.raw);
    assert!(!dkimpy_verifies(forged.as_bytes(), public));
}

/// `t=<now>,v1=<hex HMAC of "t.body">`, as a provider bridge would sign.
fn signature(secret: &str, t: i64, body: &str) -> String {
    let mut m = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    m.update(format!("{t}.{body}").as_bytes());
    format!("t={t},v1={}", hex::encode(m.finalize().into_bytes()))
}

async fn post_events(app: &TestApp, body: &str, sig: Option<String>) -> (u16, serde_json::Value) {
    let mut r = app
        .client
        .post(app.url("/hooks/mail-events"))
        .header("Content-Type", "application/json")
        .body(body.to_string());
    if let Some(s) = sig {
        r = r.header("Hastakshar-Signature", s);
    }
    let r = r.send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(serde_json::Value::Null))
}

fn mailgun(secret: &str, event: &str, severity: &str, recipient: &str) -> String {
    let t = chrono::Utc::now().timestamp().to_string();
    let token = "5f1c0a3e9b7d4e2a8c6b1d0f3e5a7c9b2d4f6a8c0e1b3d5f7a";
    let mut m = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    m.update(t.as_bytes());
    m.update(token.as_bytes());
    serde_json::json!({
        "signature": {"timestamp": t, "token": token,
                      "signature": hex::encode(m.finalize().into_bytes())},
        "event-data": {"event": event, "severity": severity, "recipient": recipient,
                       "reason": "bounce", "delivery-status": {"code": 550}}
    })
    .to_string()
}

async fn bounces_and_complaints_stop_the_mail_and_show_apart(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        Options {
            tweak: |s| s.mail_events_secret = Some(SECRET.into()),
            ..Default::default()
        },
    )
    .await;
    let now = chrono::Utc::now().timestamp();
    let bounced = "Bounced.Signer@example.org";
    assert_eq!(app.sign(&as_refs(&form(bounced))).await.status(), 303);
    app.email(1).await;
    let good = r#"{"events":[{"type":"bounce","email":"bounced.signer@example.org","bounce":"hard","detail":"550 5.1.1 no such user"},{"type":"bounce","email":"busy@example.org","bounce":"soft"}]}"#;
    // Unsigned, wrongly signed, signed long ago, signed for another body: refused, nothing done.
    for sig in [
        None,
        Some(signature("not-the-secret-at-all", now, good)),
        Some(signature(SECRET, now - 3600, good)),
        Some(signature(SECRET, now, "{}")),
    ] {
        let (status, body) = post_events(&app, good, sig).await;
        assert_eq!(status, 401, "{body}");
    }
    assert_eq!(app.count("mail_suppressions"), 0);
    // Bad input names its field, and a request is applied whole or not at all.
    for (body, field) in [
        (
            r#"{"events":[{"type":"complaint","email":"a@example.org"},{"type":"bounce","email":"nope","bounce":"hard"}]}"#,
            "events[1].email",
        ),
        (
            r#"{"events":[{"type":"bounce","email":"a@example.org"}]}"#,
            "events[0].bounce",
        ),
        (
            r#"{"events":[{"type":"delivered","email":"a@example.org"}]}"#,
            "events[0].type",
        ),
        (r#"{"evens":[]}"#, "events"),
    ] {
        let (status, json) = post_events(&app, body, Some(signature(SECRET, now, body))).await;
        assert_eq!(status, 422, "{body}: {json}");
        assert_eq!(json["field"], field, "{body}: {json}");
    }
    assert_eq!(app.count("mail_suppressions"), 0);
    let (status, json) = post_events(&app, good, Some(signature(SECRET, now, good))).await;
    assert_eq!(status, 200, "{json}");
    assert_eq!(json["new"], 1, "the soft bounce suppresses nothing: {json}");
    assert_eq!(json["ignored"], 1);
    // Told again, nothing changes.
    let (status, json) = post_events(&app, good, Some(signature(SECRET, now, good))).await;
    assert_eq!((status, json["new"].clone()), (200, serde_json::json!(0)));
    // Mailgun's own webhook: a complaint suppresses, a temporary failure does not; a forged
    // one is refused.
    let body = mailgun(SECRET, "complained", "", "complainer@example.org");
    let r = app
        .client
        .post(app.url("/hooks/mail-events/mailgun"))
        .body(body)
        .header("Content-Type", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    for (body, status) in [
        (
            mailgun(SECRET, "failed", "temporary", "later@example.org"),
            200,
        ),
        (
            mailgun(
                "a-forger-without-the-key",
                "complained",
                "",
                "x@example.org",
            ),
            401,
        ),
    ] {
        let r = app
            .client
            .post(app.url("/hooks/mail-events/mailgun"))
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), status);
    }
    assert_eq!(app.count("mail_suppressions"), 2);
    // The bounced signer asks for the confirmation again (signing again sends it again): the
    // outbox writes it, and the worker fails it without a word to the relay.
    assert_eq!(app.sign(&as_refs(&form(bounced))).await.status(), 303);
    app.settled().await;
    assert_eq!(app.smtp.received(), 1, "nothing more reached the relay");
    assert_eq!(
        app.count("outbox WHERE failed_at IS NOT NULL AND last_error LIKE 'not sent: the address bounced%'"),
        1
    );
    // Someone else still gets mail.
    assert_eq!(
        app.sign(&as_refs(&form("fine@example.org"))).await.status(),
        303
    );
    app.email(2).await;
    // The campaigner's dashboard counts the bounced signature apart from the unconfirmed one.
    let owner = crate::people::campaigner(&app, "owner@example.in").await;
    {
        let mut c = app.pool.get().unwrap();
        diesel::sql_query(
            "UPDATE petitions SET creator_id = (SELECT id FROM users WHERE email = 'owner@example.in') WHERE id = 1",
        )
        .execute(&mut c)
        .unwrap();
    }
    let (status, page) = owner.get(&format!("/dashboard/petitions/{DEMO}")).await;
    assert_eq!(status, 200);
    let figures = page
        .split("<dl class=\"figures\">")
        .nth(1)
        .expect("the figures")
        .to_string();
    assert!(
        figures.contains("Undeliverable (bounced or reported as spam)</dt><dd>1</dd>"),
        "{figures}"
    );
    assert!(
        figures.contains("Not yet confirmed</dt><dd>1</dd>"),
        "{figures}"
    );
    // Without the secret the hook is not there at all.
    let off = TestApp::spawn(backend).await;
    let (status, _) = post_events(&off, good, Some(signature(SECRET, now, good))).await;
    assert_eq!(status, 404);
}

/// The signing quota of one address is one quota however many processes serve the site: three
/// processes on one PostgreSQL accept what one does, within 10%.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_signing_quota_holds_in_total_across_processes() {
    if crate::helpers::skip(Backend::Postgres) {
        return;
    }
    let smtp = SmtpServer::start().await;
    let mut accepted = Vec::new();
    for processes in [1usize, 3] {
        let db = TestDb::prepared(Backend::Postgres);
        let dir = tempfile::tempdir().unwrap();
        let mut env = cluster_env(&db.url, &smtp.url());
        env.push(("SIGN_RATE_BURST".into(), "10".into()));
        env.push(("SIGN_RATE_PER_HOUR".into(), "60".into()));
        let mut procs = Vec::new();
        for _ in 0..processes {
            procs.push(Proc::serve(&env, dir.path(), 0).await);
        }
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let mut ok = 0;
        for i in 0..30 {
            let port = procs[i % processes].port;
            let f = form(&format!("quota.{i}@example.in"));
            let r = client
                .post(format!("http://127.0.0.1:{port}/petitions/1/signatures"))
                .header("X-Forwarded-For", "203.0.113.99")
                .form(&as_refs(&f))
                .send()
                .await
                .unwrap();
            match r.status().as_u16() {
                303 => ok += 1,
                429 => assert!(r.headers().contains_key("retry-after")),
                s => panic!("answered {s}"),
            }
        }
        // Another address has its own quota.
        let r = client
            .post(format!(
                "http://127.0.0.1:{}/petitions/1/signatures",
                procs[processes - 1].port
            ))
            .header("X-Forwarded-For", "203.0.113.100")
            .form(&as_refs(&form("quota.other@example.in")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        accepted.push(ok);
    }
    let (one, three) = (accepted[0] as f64, accepted[1] as f64);
    assert!(
        (10.0..=12.0).contains(&one),
        "one process takes the burst of 10: {one}"
    );
    assert!(
        (three - one).abs() <= one * 0.1,
        "three processes accepted {three}, one accepted {one}"
    );
}

/// `hastakshar backup` while the site signs: the copy opens on a new server and holds every
/// signature acknowledged before the backup began. It refuses to overwrite, and on PostgreSQL
/// points to pg_dump.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_while_signing_holds_everything_acknowledged_before_it() {
    let db = TestDb::prepared(Backend::Sqlite);
    let smtp = SmtpServer::start().await;
    let dir = tempfile::tempdir().unwrap();
    let env = cluster_env(&db.url, &smtp.url());
    let server = Proc::serve(&env, dir.path(), 0).await;
    let (tx, rx) = tokio::sync::watch::channel(false);
    let load = tokio::spawn(crate::cluster::signing_load(
        format!("http://127.0.0.1:{}", server.port),
        6,
        rx,
        "backup",
    ));
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let out = dir.path().join("copies/backup.db");
    let backup = |out: &std::path::Path, url: &str| {
        Command::new(env!("CARGO_BIN_EXE_hastakshar"))
            .args(["backup", "--out"])
            .arg(out)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DATABASE_URL", url)
            .output()
            .unwrap()
    };
    let began = std::time::Instant::now();
    let made = backup(&out, &db.url);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    assert!(String::from_utf8_lossy(&made.stdout).starts_with("backup: "));
    tokio::time::sleep(std::time::Duration::from_millis(1000)).await;
    tx.send(true).unwrap();
    let answers = load.await.unwrap();
    let before: Vec<&str> = answers
        .iter()
        .filter(|a| a.status == 303 && a.sent + a.took < began)
        .map(|a| a.email.as_str())
        .collect();
    let after = answers
        .iter()
        .filter(|a| a.status == 303 && a.sent > began)
        .count();
    assert!(before.len() >= 20 && after > 0, "{} {after}", before.len());
    // The copy is a database a server starts on, holding all of them.
    let copy_url = format!("sqlite://{}", out.display());
    let restored = Proc::serve(&cluster_env(&copy_url, &smtp.url()), dir.path(), 0).await;
    let r = reqwest::get(format!(
        "http://127.0.0.1:{}/petitions/1.json",
        restored.port
    ))
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let pool = hastakshar::db::build_pool(&copy_url, 1).unwrap();
    let mut c = pool.get().unwrap();
    #[derive(diesel::QueryableByName)]
    struct E {
        #[diesel(sql_type = diesel::sql_types::Text)]
        email: String,
    }
    let keys = super::cluster::cluster_keys();
    let kept: std::collections::HashSet<String> =
        diesel::sql_query("SELECT email FROM signatures WHERE petition_id = 1")
            .load::<E>(&mut c)
            .unwrap()
            .into_iter()
            .map(|e| keys.open(&e.email).unwrap())
            .collect();
    let missing: Vec<&&str> = before.iter().filter(|e| !kept.contains(**e)).collect();
    assert!(
        missing.is_empty(),
        "acknowledged before the backup, missing: {missing:?}"
    );
    // A second backup to the same file is refused (exit 2), the first one untouched.
    let size = std::fs::metadata(&out).unwrap().len();
    let again = backup(&out, &db.url);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));
    assert_eq!(std::fs::metadata(&out).unwrap().len(), size);
    if !crate::helpers::skip(Backend::Postgres) {
        let pg = TestDb::prepared(Backend::Postgres);
        let refused = backup(&dir.path().join("pg.db"), &pg.url);
        assert_eq!(refused.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&refused.stderr).contains("pg_dump"));
    }
}
