//! `TestApp`: one application on a random port with its own database, SMTP server and (when
//! asked) captcha stand-in, and the requests a signer's browser would make.

use std::time::Duration;

use diesel::prelude::*;
use hastakshar::config::{Captcha, Settings, SignRate, parse_proxies};
use hastakshar::db::DbPool;
use hastakshar::startup::Application;

use crate::support::captcha::FakeCaptcha;
use crate::support::smtp::{ReceivedMail, SmtpServer};
use crate::support::testdb::{Backend, TestDb, backends};

/// Defines one test per backend for a story `async fn name(backend: Backend)`.
#[macro_export]
macro_rules! on_both_backends {
    ($($story:ident),* $(,)?) => {
        $(
            mod $story {
                use $crate::support::testdb::Backend;

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$story(Backend::Sqlite).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    if $crate::helpers::skip(Backend::Postgres) {
                        return;
                    }
                    super::$story(Backend::Postgres).await;
                }
            }
        )*
    };
}

/// Whether to skip a backend here (PostgreSQL without `TEST_DATABASE_URL`, outside CI).
pub fn skip(backend: Backend) -> bool {
    let skip = !backends().contains(&backend);
    if skip {
        // Straight to stderr, past the test harness's capture, so the run says what it skipped.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "skipped on {backend}: set TEST_DATABASE_URL to run it"
        );
    }
    skip
}

pub const DEMO: i64 = 1;
pub const WAIT: Duration = Duration::from_secs(10);

pub struct Options {
    pub captcha: bool,
    pub trusted_proxies: &'static str,
    pub sign_rate: Option<SignRate>,
    pub run_worker: bool,
    pub page_cache: Duration,
    pub account_rate: Option<SignRate>,
    /// Bind `[::]` (dual-stack: IPv4 clients arrive as `::ffff:a.b.c.d`) instead of 127.0.0.1.
    pub dual_stack: bool,
    /// Any other setting a test needs, changed last.
    pub tweak: fn(&mut Settings),
}

impl Default for Options {
    fn default() -> Self {
        Options {
            captcha: false,
            trusted_proxies: "",
            sign_rate: None,
            run_worker: true,
            page_cache: Duration::ZERO,
            account_rate: None,
            dual_stack: false,
            tweak: |_| {},
        }
    }
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub smtp: SmtpServer,
    pub captcha: Option<FakeCaptcha>,
    pub pool: DbPool,
    pub settings: Settings,
    pub db: TestDb,
    /// With `METRICS_BIND`: the port that answers `/metrics`.
    pub metrics_port: Option<u16>,
    handle: actix_web::dev::ServerHandle,
    running: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl Drop for TestApp {
    /// Stops the server and its worker before the database goes, so no worker round is left
    /// waiting on a database that no longer exists.
    fn drop(&mut self) {
        let stop = self.handle.stop(true);
        let running = self.running.take();
        tokio::task::block_in_place(|| {
            tokio::runtime::Handle::current().block_on(async move {
                stop.await;
                if let Some(r) = running {
                    let _ = r.await;
                }
            })
        });
    }
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        Self::spawn_with(backend, Options::default()).await
    }

    pub async fn spawn_with(backend: Backend, options: Options) -> TestApp {
        let db = TestDb::prepared(backend);
        let smtp = SmtpServer::start().await;
        let captcha = if options.captcha {
            Some(FakeCaptcha::start().await)
        } else {
            None
        };
        let mut settings = Settings::for_tests(&db.url);
        settings.smtp_url = Some(smtp.url());
        settings.trusted_proxies = parse_proxies(options.trusted_proxies).unwrap();
        settings.page_cache = options.page_cache;
        if let Some(rate) = options.sign_rate {
            settings.sign_rate = rate;
        }
        if let Some(rate) = options.account_rate {
            settings.account_rate = rate;
        }
        if let Some(c) = &captcha {
            settings.captcha = Some(Captcha {
                sitekey: "10000000-ffff-ffff-ffff-000000000001".into(),
                secret: "0x0000000000000000000000000000000000000000".into(),
                verify_url: c.verify_url(),
            });
        }
        (options.tweak)(&mut settings);
        let host = if options.dual_stack {
            "::"
        } else {
            "127.0.0.1"
        };
        Self::start(db, smtp, captcha, settings, options.run_worker, host, 0).await
    }

    async fn start(
        db: TestDb,
        smtp: SmtpServer,
        captcha: Option<FakeCaptcha>,
        mut settings: Settings,
        run_worker: bool,
        host: &str,
        port: u16,
    ) -> TestApp {
        let listener = std::net::TcpListener::bind((host, port)).expect("a free port");
        let address = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
        settings.base_url = address.clone();
        let app = Application::build_on(listener, settings.clone(), run_worker)
            .await
            .expect("the application starts");
        let pool = app.pool();
        let metrics_port = app.metrics_port();
        let handle = app.handle();
        let running = Some(tokio::spawn(app.run_until_stopped()));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .unwrap();
        TestApp {
            address,
            client,
            smtp,
            captcha,
            pool,
            settings,
            db,
            metrics_port,
            handle,
            running,
        }
    }

    /// Stops the server and starts a new one on the same port, database and mail server.
    pub async fn restart(self) -> TestApp {
        self.restart_as(true).await
    }

    /// Restarts the server, with the in-process worker or without.
    pub async fn restart_as(mut self, run_worker: bool) -> TestApp {
        self.handle.stop(true).await;
        if let Some(r) = self.running.take() {
            let _ = r.await;
        }
        let port = self.address.rsplit(':').next().unwrap().parse().unwrap();
        let settings = self.settings.clone();
        // Move the parts that outlive the server out of the old app; its Drop then has nothing
        // left to stop.
        let db = std::mem::replace(&mut self.db, TestDb::fresh(Backend::Sqlite));
        let smtp = std::mem::replace(&mut self.smtp, SmtpServer::start().await);
        let captcha = self.captcha.take();
        drop(self);
        Self::start(db, smtp, captcha, settings, run_worker, "127.0.0.1", port).await
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    /// A page as a reader of `accept_language` gets it.
    pub async fn page_in(&self, path: &str, accept_language: &str) -> String {
        self.client
            .get(self.url(path))
            .header("Accept-Language", accept_language)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let r = self.get(path).await;
        (r.status().as_u16(), r.text().await.unwrap())
    }

    /// Posts the sign form of the demo petition.
    pub async fn sign(&self, form: &[(&str, &str)]) -> reqwest::Response {
        self.sign_with(DEMO, form, &[]).await
    }

    pub async fn sign_with(
        &self,
        petition: i64,
        form: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut req = self
            .client
            .post(self.url(&format!("/petitions/{petition}/signatures")))
            .form(form);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        req.send().await.unwrap()
    }

    /// Signs `petition` with form `f`, then follows the link in the email to that address.
    pub async fn sign_and_confirm(&self, petition: i64, f: &[(&'static str, String)]) {
        let r = self.sign_with(petition, &as_refs(f), &[]).await;
        assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
        let email = &f.iter().find(|(k, _)| *k == "email").unwrap().1;
        self.confirm_by_mail(email).await;
    }

    /// Presses the button behind the confirmation link emailed to `email`.
    pub async fn confirm_by_mail(&self, email: &str) {
        let mail = crate::people::mail_to(self, email, "Confirm").await;
        let r = self
            .client
            .post(self.confirm_link(&mail))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }

    /// Waits for the `n`th email (1-based) and returns it.
    pub async fn email(&self, n: usize) -> ReceivedMail {
        self.smtp.wait_for(n, WAIT).await[n - 1].clone()
    }

    /// The confirmation link in an email: the one link under BASE_URL that confirms.
    pub fn confirm_link(&self, mail: &ReceivedMail) -> String {
        let links: Vec<String> = mail
            .links()
            .into_iter()
            .filter(|l| l.starts_with(&format!("{}/confirm/", self.address)))
            .collect();
        assert_eq!(
            links.len(),
            1,
            "one confirmation link in {:?}",
            mail.links()
        );
        links[0].clone()
    }

    pub async fn petition_json(&self, id: i64) -> serde_json::Value {
        let r = self.get(&format!("/petitions/{id}.json")).await;
        assert_eq!(r.status(), 200);
        r.json().await.unwrap()
    }

    /// Waits until the API shows `n` signatures, as a reader polling the page would.
    pub async fn wait_for_count(&self, id: i64, n: i64) -> serde_json::Value {
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            let json = self.petition_json(id).await;
            if json["signature_count"] == n {
                return json;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "count stayed at {} while waiting for {n}",
                json["signature_count"]
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits, up to `WAIT`, until `done` holds; panics saying `what` if it never does. The one
    /// way tests wait for something to happen: a condition, never a fixed sleep.
    pub async fn eventually(&self, what: &str, mut done: impl FnMut(&TestApp) -> bool) {
        let deadline = std::time::Instant::now() + WAIT;
        while !done(self) {
            assert!(
                std::time::Instant::now() < deadline,
                "never happened: {what}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Waits until the worker has nothing left to do: every email due is sent (or has failed
    /// for good) and every confirmation counted. After it, what has not happened will not
    /// happen on its own, so a test may assert that something was not sent.
    pub async fn settled(&self) {
        self.eventually("the worker settles", |app| {
            app.count("outbox WHERE sent_at IS NULL AND failed_at IS NULL") == 0
                && app.count(
                    "signatures WHERE confirmed_at IS NOT NULL AND counted = FALSE \
                     AND held = FALSE AND invalidation_id IS NULL",
                ) == 0
                && app.count("signatures WHERE rolled = FALSE AND invalidation_id IS NULL") == 0
        })
        .await;
    }

    pub fn count(&self, table: &str) -> i64 {
        #[derive(QueryableByName)]
        struct N {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let mut conn = self.pool.get().unwrap();
        let n: N = diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}"))
            .get_result(&mut conn)
            .unwrap();
        n.n
    }
}

/// The step a long story is at, so that a failure names it: `step.next("...")` as each step
/// starts; if the story panics, the step it was at is printed beside the panic.
pub struct Step(&'static str);

impl Step {
    pub fn first(name: &'static str) -> Step {
        Step(name)
    }

    pub fn next(&mut self, name: &'static str) {
        self.0 = name;
    }
}

impl Drop for Step {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("the story failed at the step: {}", self.0);
        }
    }
}

/// A valid sign form for the demo petition; tests change what they need.
pub fn form(email: &str) -> Vec<(&'static str, String)> {
    vec![
        ("name", "Asha Devi".to_string()),
        ("email", email.to_string()),
        ("pin_code", "221001".to_string()),
        ("state", "IN-UP".to_string()),
        ("constituency", "S24-77".to_string()),
        ("adult", "on".to_string()),
    ]
}

pub fn as_refs<'a>(f: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    f.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// The form with several fields set at once.
pub fn with_all(
    mut f: Vec<(&'static str, String)>,
    fields: &[(&'static str, &str)],
) -> Vec<(&'static str, String)> {
    for (field, value) in fields {
        f = with(f, field, value);
    }
    f
}

pub fn with(
    mut f: Vec<(&'static str, String)>,
    field: &'static str,
    value: &str,
) -> Vec<(&'static str, String)> {
    f.retain(|(k, _)| *k != field);
    f.push((field, value.to_string()));
    f
}
