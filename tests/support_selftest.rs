//! Self-tests of the shared test support (tests/api/support): the fake
//! services must behave like the real ones before other tests can trust them.

#[path = "api/support/mod.rs"]
mod support;

use std::time::Duration;

use diesel::{Connection, PgConnection, RunQueryDsl, SqliteConnection};
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Message, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

use support::captcha::FakeCaptcha;
use support::smtp::{ReceivedMail, SmtpServer};
use support::testdb::{Backend, TestDb, backends};

const WAIT: Duration = Duration::from_secs(10);

fn transport(server: &SmtpServer) -> AsyncSmtpTransport<Tokio1Executor> {
    AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1")
        .port(server.port())
        .build()
}

fn simple_message(subject: &str) -> Message {
    Message::builder()
        .from("Hastakshar <noreply@hastakshar.test>".parse().unwrap())
        .to("signer@example.org".parse().unwrap())
        .subject(subject)
        .body(format!("Body of {subject}\n"))
        .unwrap()
}

/// Long enough that quoted-printable must wrap it, and full of `=` and `&`.
fn long_confirm_url() -> String {
    format!(
        "https://petitions.example.org/hi/confirm?token={}&petition=save-the-aravallis&lang=hi",
        "a1b2c3d4e5".repeat(12)
    )
}

#[tokio::test]
async fn smtp_receives_multipart_mail_from_lettre() {
    let server = SmtpServer::start().await;
    assert_eq!(server.url(), format!("smtp://127.0.0.1:{}", server.port()));
    let mailer = transport(&server);

    let subject = "अपने हस्ताक्षर की पुष्टि करें — अरावली बचाओ याचिका";
    // The second URL is short: lettre only sends 8bit when lines are short.
    let urls = [
        long_confirm_url(),
        "https://petitions.example.org/c/42".to_owned(),
    ];
    let text = |url: &str| {
        format!(
            "नमस्ते सुनीता,\n\nहस्ताक्षर के लिए धन्यवाद।\nपुष्टि करें: {url}\n\n\
             अनुरोध आपने नहीं किया?\n(https://petitions.example.org/unsubscribe).\n"
        )
    };
    let html =
        |url: &str| format!("<p>नमस्ते सुनीता,</p><p><a href=\"{url}\">हस्ताक्षर की पुष्टि करें</a></p>");

    // First message: encodings forced to quoted-printable (text) and base64
    // (HTML). Second: lettre's own choice for HTML and raw 8-bit text, which
    // exercises the 8BITMIME path.
    let first = Message::builder()
        .from("Hastakshar <noreply@hastakshar.test>".parse().unwrap())
        .to("सुनीता <sunita@example.org>".parse().unwrap())
        .subject(subject)
        .multipart(
            MultiPart::alternative()
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_PLAIN)
                        .header(ContentTransferEncoding::QuotedPrintable)
                        .body(text(&urls[0])),
                )
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_HTML)
                        .header(ContentTransferEncoding::Base64)
                        .body(html(&urls[0])),
                ),
        )
        .unwrap();
    let second = Message::builder()
        .from("Hastakshar <noreply@hastakshar.test>".parse().unwrap())
        .to("sunita@example.org".parse().unwrap())
        .cc("ravi@example.org".parse().unwrap())
        .subject(subject)
        .multipart(
            MultiPart::alternative()
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_PLAIN)
                        .header(ContentTransferEncoding::EightBit)
                        .body(text(&urls[1])),
                )
                .singlepart(SinglePart::html(html(&urls[1]))),
        )
        .unwrap();
    let raw_first = String::from_utf8(first.formatted()).unwrap();
    assert!(
        raw_first.contains("=\r\n"),
        "test premise: quoted-printable wraps the long URL"
    );

    mailer.send(first).await.expect("send first message");
    mailer.send(second).await.expect("send second message");

    let messages = server.wait_for(2, WAIT).await;
    assert_eq!(messages.len(), 2);
    for (i, mail) in messages.iter().enumerate() {
        assert_eq!(mail.from, "noreply@hastakshar.test");
        assert_eq!(mail.header("Subject").as_deref(), Some(subject));
        assert_eq!(mail.text_body(), text(&urls[i]));
        assert_eq!(mail.html_body(), html(&urls[i]));
        assert_eq!(
            mail.links(),
            [
                urls[i].clone(),
                "https://petitions.example.org/unsubscribe".to_owned()
            ]
        );
    }
    // The encodings the decoders were meant to be exercised with.
    assert!(
        messages[0]
            .raw
            .contains("Content-Transfer-Encoding: quoted-printable")
    );
    assert!(
        messages[0]
            .raw
            .contains("Content-Transfer-Encoding: base64")
    );
    assert!(messages[0].raw.contains("Subject: =?utf-8?"));
    assert_eq!(messages[0].to, ["sunita@example.org"]);
    assert!(
        messages[0].header("To").unwrap().contains("सुनीता"),
        "encoded display name decoded: {:?}",
        messages[0].header("To")
    );
    assert_eq!(messages[1].to, ["sunita@example.org", "ravi@example.org"]);
    assert!(messages[1].raw.contains("Content-Transfer-Encoding: 8bit"));
}

#[tokio::test]
async fn smtp_handles_concurrent_connections() {
    let server = SmtpServer::start().await;
    let mailer = transport(&server);
    let mut sends = tokio::task::JoinSet::new();
    for i in 0..8 {
        let mailer = mailer.clone();
        sends.spawn(async move { mailer.send(simple_message(&format!("parallel {i}"))).await });
    }
    while let Some(result) = sends.join_next().await {
        result.unwrap().expect("concurrent send");
    }
    let messages = server.wait_for(8, WAIT).await;
    let mut subjects: Vec<String> = messages
        .iter()
        .map(|m| {
            let subject = m.header("subject").unwrap();
            // lettre ends DATA with CRLF.CRLF even after a final CRLF, so a
            // single-part body arrives with one extra blank line.
            assert_eq!(m.text_body(), format!("Body of {subject}\n\n"));
            subject
        })
        .collect();
    subjects.sort();
    let expected: Vec<String> = (0..8).map(|i| format!("parallel {i}")).collect();
    assert_eq!(subjects, expected);
}

#[tokio::test]
async fn smtp_set_down_fails_sends_until_back_up() {
    let server = SmtpServer::start().await;
    let mailer = transport(&server);

    // Leaves a pooled connection open, so the outage hits an existing session.
    mailer
        .send(simple_message("before"))
        .await
        .expect("send while up");
    server.set_down(true);
    let err = mailer
        .send(simple_message("during"))
        .await
        .expect_err("send must fail while the server is down");
    assert!(
        err.to_string().contains("421") || err.is_transient(),
        "{err}"
    );
    // A brand-new transport (new connection, 421 greeting) fails too.
    transport(&server)
        .send(simple_message("during, new connection"))
        .await
        .expect_err("send on a new connection must fail while down");

    server.set_down(false);
    mailer
        .send(simple_message("after"))
        .await
        .expect("send after recovery");
    let subjects: Vec<String> = server
        .wait_for(2, WAIT)
        .await
        .iter()
        .map(|m| m.header("Subject").unwrap())
        .collect();
    assert_eq!(subjects, ["before", "after"]);
}

/// Talks SMTP by hand to check what lettre cannot show: dot-unstuffing,
/// RSET, sequence errors and 421 to MAIL FROM in an open session.
#[tokio::test]
async fn smtp_protocol_details() {
    let server = SmtpServer::start().await;
    let stream = tokio::net::TcpStream::connect(("127.0.0.1", server.port()))
        .await
        .unwrap();
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    let mut reply = async |line: &str| -> String {
        if !line.is_empty() {
            writer.write_all(line.as_bytes()).await.unwrap();
        }
        let mut all = String::new();
        loop {
            let mut buf = String::new();
            assert_ne!(
                reader.read_line(&mut buf).await.unwrap(),
                0,
                "server closed"
            );
            all.push_str(&buf);
            // Multi-line replies have '-' after the code on all but the last line.
            if buf.as_bytes().get(3) != Some(&b'-') {
                return all;
            }
        }
    };

    assert!(reply("").await.starts_with("220 "));
    assert!(reply("MAIL FROM:<a@b.test>\r\n").await.starts_with("503"));
    let ehlo = reply("EHLO client.test\r\n").await;
    assert!(ehlo.starts_with("250-") && ehlo.contains("8BITMIME") && ehlo.contains("SMTPUTF8"));
    assert!(reply("RCPT TO:<x@y.test>\r\n").await.starts_with("503"));
    assert!(reply("MAIL FROM:<>\r\n").await.starts_with("250"));
    assert!(reply("RSET\r\n").await.starts_with("250"));
    assert!(reply("NOOP\r\n").await.starts_with("250"));
    assert!(
        reply("mail from:<a@b.test> BODY=8BITMIME\r\n")
            .await
            .starts_with("250")
    );
    assert!(reply("RCPT TO:<x@y.test>\r\n").await.starts_with("250"));
    assert!(reply("DATA\r\n").await.starts_with("354"));
    let data = "Subject: dots\r\n\r\n..leading dot\r\n...\r\nend\r\n.\r\n";
    assert!(reply(data).await.starts_with("250"));
    assert!(reply("VRFY x\r\n").await.starts_with("502"));

    let mail = &server.messages()[0];
    assert_eq!(mail.from, "a@b.test");
    assert_eq!(mail.to, ["x@y.test"]);
    assert_eq!(
        mail.raw,
        "Subject: dots\r\n\r\n.leading dot\r\n..\r\nend\r\n"
    );
    assert_eq!(mail.text_body(), ".leading dot\n..\nend\n");

    server.set_down(true);
    assert!(reply("MAIL FROM:<a@b.test>\r\n").await.starts_with("421 "));
    server.set_down(false);
    assert_eq!(server.messages().len(), 1);

    let port = server.port();
    drop(server);
    assert_port_closes(port).await;
}

/// Dropping a fake server must free its port (its thread shuts down).
async fn assert_port_closes(port: u16) {
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_err()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("port {port} still accepts connections after the server was dropped");
}

#[test]
fn mail_header_decoding() {
    let mail = ReceivedMail {
        from: String::new(),
        to: vec![],
        raw: "Subject: =?utf-8?q?=E0=A4=A8=E0=A4=AE=E0=A4=B8?=\r\n \
              =?UTF-8?B?4KWN4KSk4KWH?= _plain_ =?utf-8?q?a_b?=\r\n\
              X-Folded: one\r\n\ttwo\r\n\
              Content-Type: text/plain; charset=iso-8859-1\r\n\
              Content-Transfer-Encoding: quoted-printable\r\n\
              \r\n\
              caf=E9 (see http://example.org/a_(b)), then https://x.test/p?q=1.\r\n"
            .to_owned(),
    };
    assert_eq!(mail.header("subject").as_deref(), Some("नमस्ते _plain_ a b"));
    // Unfolded, the line break and the indent that follows read as one space.
    assert_eq!(mail.header("X-FOLDED").as_deref(), Some("one two"));
    assert_eq!(mail.header("Missing"), None);
    assert_eq!(
        mail.text_body(),
        "café (see http://example.org/a_(b)), then https://x.test/p?q=1.\n"
    );
    assert_eq!(mail.html_body(), "");
    assert_eq!(
        mail.links(),
        ["http://example.org/a_(b)", "https://x.test/p?q=1"]
    );
}

#[test]
fn mail_parts_attachments_and_html_only() {
    let mixed = ReceivedMail {
        from: String::new(),
        to: vec![],
        raw: "Content-Type: multipart/mixed; boundary=\"b\"\r\n\
              \r\n\
              --b\r\n\
              Content-Type: text/plain; charset=utf-8\r\n\
              Content-Transfer-Encoding: base64\r\n\
              \r\n\
              4KSo4KSu4KS44KWN4KSk4KWHIGh0dHBzOi8veC50ZXN0L2E=\r\n\
              --b\r\n\
              Content-Type: text/plain\r\n\
              Content-Disposition: attachment; filename=\"list.txt\"\r\n\
              \r\n\
              https://x.test/in-the-attachment\r\n\
              --b--\r\n"
            .to_owned(),
    };
    assert_eq!(mixed.text_body(), "नमस्ते https://x.test/a");
    assert_eq!(mixed.html_body(), "");
    assert_eq!(mixed.links(), ["https://x.test/a"]);

    let html_only = ReceivedMail {
        from: String::new(),
        to: vec![],
        raw: "Content-Type: text/html; charset=utf-8\r\n\
              \r\n\
              <p><a href=\"https://x.test/b\">b</a></p>\r\n"
            .to_owned(),
    };
    assert_eq!(html_only.text_body(), "");
    assert!(html_only.html_body().starts_with("<p><a href="));
    assert_eq!(html_only.links(), ["https://x.test/b"]);
}

async fn post_captcha(
    client: &reqwest::Client,
    captcha: &FakeCaptcha,
    token: &str,
) -> reqwest::Result<serde_json::Value> {
    client
        .post(captcha.verify_url())
        .form(&[
            ("secret", "0x0000000000000000000000000000000000000000"),
            ("response", token),
            ("remoteip", "127.0.0.1"),
            ("sitekey", "10000000-ffff-ffff-ffff-000000000001"),
        ])
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}

#[tokio::test]
async fn captcha_verifies_by_token_and_fails_when_down() {
    let captcha = FakeCaptcha::start().await;
    assert!(captcha.verify_url().ends_with("/siteverify"));
    let client = reqwest::Client::new();

    let ok = post_captcha(&client, &captcha, "pass-123").await.unwrap();
    assert_eq!(ok["success"], true);
    assert_eq!(ok["hostname"], "127.0.0.1");
    let ts = ok["challenge_ts"].as_str().unwrap();
    assert!(
        ts.len() == 20 && ts.as_bytes()[10] == b'T' && ts.ends_with('Z') && ts > "2024",
        "{ts}"
    );

    let bad = post_captcha(&client, &captcha, "fail-123").await.unwrap();
    assert_eq!(
        bad,
        serde_json::json!({"success": false, "error-codes": ["invalid-input-response"]})
    );
    assert_eq!(captcha.calls(), 2);
    let first = &captcha.requests()[0];
    assert_eq!(first.response.as_deref(), Some("pass-123"));
    assert_eq!(first.remoteip.as_deref(), Some("127.0.0.1"));
    assert!(first.secret.is_some() && first.sitekey.is_some());

    captcha.set_down(true);
    let err = post_captcha(&client, &captcha, "pass-123")
        .await
        .expect_err("verification must fail while down");
    assert!(
        err.status().is_none(),
        "transport error expected, got {err}"
    );
    assert_eq!(captcha.calls(), 2);

    captcha.set_down(false);
    let ok = post_captcha(&client, &captcha, "pass-again").await.unwrap();
    assert_eq!(ok["success"], true);
    assert_eq!(captcha.calls(), 3);

    let elsewhere = post_captcha(&client, &captcha, "pass-elsewhere")
        .await
        .unwrap();
    assert_eq!(elsewhere["success"], true);
    assert_eq!(elsewhere["hostname"], "elsewhere.example");
    for (form, code) in [
        (&[("response", "pass-1")][..], "missing-input-secret"),
        (
            &[("secret", "s"), ("response", "")][..],
            "missing-input-response",
        ),
    ] {
        let answer: serde_json::Value = client
            .post(captcha.verify_url())
            .form(form)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            answer,
            serde_json::json!({"success": false, "error-codes": [code]})
        );
    }
    assert_eq!(captcha.calls(), 6);
    assert_eq!(captcha.requests()[5].secret.as_deref(), Some("s"));

    let wrong_path = client
        .post(captcha.verify_url().replace("siteverify", "other"))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_path.status(), 404);
    let wrong_method = client.get(captcha.verify_url()).send().await.unwrap();
    assert_eq!(wrong_method.status(), 405);

    let port: u16 = url::Url::parse(&captcha.verify_url())
        .unwrap()
        .port()
        .unwrap();
    drop(captcha);
    assert_port_closes(port).await;
}

/// `SELECT 1` through diesel, for either backend.
macro_rules! select_one {
    ($conn:expr) => {
        diesel::select(diesel::dsl::sql::<diesel::sql_types::Integer>("1"))
            .get_result::<i32>($conn)
            .expect("SELECT 1")
    };
}

#[test]
fn testdb_fresh_gives_connectable_database_per_backend() {
    let all = backends();
    assert_eq!(all[0], Backend::Sqlite);
    if std::env::var("TEST_DATABASE_URL").is_ok() {
        assert_eq!(all, [Backend::Sqlite, Backend::Postgres]);
    }

    for backend in all {
        let db = TestDb::fresh(backend);
        assert_eq!(db.backend, backend);
        match backend {
            Backend::Sqlite => {
                assert_eq!(backend.name(), "sqlite");
                assert!(db.url.starts_with("sqlite:///") && db.url.ends_with("/test.db"));
                let path = db.url.trim_start_matches("sqlite://").to_owned();
                assert!(std::path::Path::new(&path).exists());
                let mut conn = SqliteConnection::establish(&db.url).unwrap();
                assert_eq!(select_one!(&mut conn), 1);
                drop(conn);
                drop(db);
                assert!(!std::path::Path::new(&path).exists(), "temp dir removed");
            }
            Backend::Postgres => {
                assert_eq!(backend.name(), "postgres");
                let name = db.postgres_name().unwrap().to_owned();
                assert!(name.starts_with("hastakshar_t_"));
                assert!(db.url.ends_with(&format!("/{name}")), "{}", db.url);
                // A second fresh database is a different one.
                let other = TestDb::fresh(backend);
                assert_ne!(other.url, db.url);

                // Keep a connection open: Drop must still remove the database.
                let mut conn = PgConnection::establish(&db.url).unwrap();
                assert_eq!(select_one!(&mut conn), 1);
                drop(db);
                drop(other);

                let admin_url = std::env::var("TEST_DATABASE_URL").unwrap();
                let mut admin = PgConnection::establish(&admin_url).unwrap();
                let exists: bool = diesel::select(
                    diesel::dsl::sql::<diesel::sql_types::Bool>(
                        "EXISTS (SELECT 1 FROM pg_database WHERE datname = ",
                    )
                    .bind::<diesel::sql_types::Text, _>(&name)
                    .sql(")"),
                )
                .get_result(&mut admin)
                .unwrap();
                assert!(!exists, "database {name} should be dropped");
            }
        }
    }
}
