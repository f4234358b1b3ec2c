//! Work done on a database directly through the library, not over HTTP: the baseline insert
//! rate, and signatures with known tokens for the confirm phase.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use diesel::Connection;
use hastakshar::config::Settings;
use hastakshar::db::outbox::NewEmail;
use hastakshar::db::signatures::{self, NewSignature, Signed};
use hastakshar::db::{self, DbPool, petitions};
use hastakshar::i18n::Lang;
use hastakshar::startup::prepare_database;
use hastakshar::tokens;
use hastakshar::views;

use crate::signers::{Place, Signer};

/// The demo petition every fresh development database gets.
pub const DEMO: i64 = 1;
/// As the application: a signer may be sent the confirmation three times.
const MAX_SENDS: i32 = 3;
const BASE_URL: &str = "http://127.0.0.1:8080";
const LINK_PLACEHOLDER: &str = "http://link.invalid/confirm/TOKEN";

/// How a batch of direct inserts went.
#[derive(Clone, Debug)]
pub struct Inserted {
    pub rows: usize,
    pub threads: usize,
    pub errors: usize,
    pub first_error: Option<String>,
    pub elapsed: Duration,
    pub timed_out: bool,
    /// How long each transaction took, to set the server's tail latency beside the database's.
    pub latencies: Vec<Duration>,
}

impl Inserted {
    pub fn per_second(&self) -> f64 {
        self.rows as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// The `q` quantile (0..=1) of the transactions' latencies.
    pub fn quantile(&self, q: f64) -> Option<Duration> {
        crate::load::quantile(&self.latencies, q)
    }
}

/// The database's own rate for what signing stores: per signature one transaction holding the
/// signature, its token and its confirmation email, through `db::signatures::sign` as the
/// application calls it, from `threads` threads through a pool of as many connections.
///
/// Blocking. `url` must name a fresh, empty database: this prepares it as the server would.
pub fn insert_rate(
    url: &str,
    n: usize,
    threads: usize,
    places: &[Place],
    limit: Duration,
) -> anyhow::Result<Inserted> {
    let email = EmailTemplate::for_demo(&prepare_database(&Settings::for_tests(url))?)?;
    let pool = db::build_pool(url, threads as u32)?;
    warm_up(&pool, threads)?;
    let next = AtomicUsize::new(0);
    let rows = AtomicUsize::new(0);
    let errors = AtomicUsize::new(0);
    let first_error = Mutex::new(None);
    let latencies = Mutex::new(Vec::with_capacity(n));
    let started = Instant::now();
    let deadline = started + limit;
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n || Instant::now() >= deadline {
                        break;
                    }
                    let began = Instant::now();
                    match insert_one(&pool, &Signer::nth(i, "baseline", places), &email) {
                        Ok(()) => {
                            latencies.lock().unwrap().push(began.elapsed());
                            rows.fetch_add(1, Ordering::Relaxed)
                        }
                        Err(e) => {
                            first_error.lock().unwrap().get_or_insert(format!("{e:#}"));
                            errors.fetch_add(1, Ordering::Relaxed)
                        }
                    };
                }
            });
        }
    });
    let elapsed = started.elapsed();
    let (rows, errors) = (rows.into_inner(), errors.into_inner());
    Ok(Inserted {
        rows,
        threads,
        errors,
        first_error: first_error.into_inner().unwrap(),
        elapsed,
        timed_out: rows + errors < n,
        latencies: latencies.into_inner().unwrap(),
    })
}

/// Opens every connection before the clock starts: connecting is not inserting.
fn warm_up(pool: &DbPool, n: usize) -> anyhow::Result<()> {
    let held = (0..n).map(|_| pool.get()).collect::<Result<Vec<_>, _>>()?;
    drop(held);
    Ok(())
}

fn insert_one(pool: &DbPool, signer: &Signer, email: &EmailTemplate) -> anyhow::Result<()> {
    let token = tokens::new_token();
    // Sealed before the transaction, as the application does.
    let mail = email.with_token(&signer.email, &token.plain).stored(keys());
    let mut conn = pool.get()?;
    let outcome = signatures::sign(
        &mut conn,
        &new_signature(signer),
        &[],
        &token.hash,
        MAX_SENDS,
        |_| Some(mail.clone()),
    )?;
    anyhow::ensure!(outcome == Signed::New, "signed before? {outcome:?}");
    Ok(())
}

/// A data key of the benchmark's own: the direct inserts seal as the application does, so that
/// the baseline is the database's work on the same rows.
fn keys() -> &'static hastakshar::seal::Keys {
    static KEYS: std::sync::OnceLock<hastakshar::seal::Keys> = std::sync::OnceLock::new();
    KEYS.get_or_init(crate::server::data_keys)
}

/// The row the application stores for a signer who ticked none of the consent boxes.
fn new_signature(s: &Signer) -> NewSignature {
    let keys = keys();
    NewSignature {
        petition_id: DEMO,
        email: keys.seal(&s.email),
        name: keys.seal(&s.name),
        pin_code: s.place.pin_code.clone(),
        state_code: s.place.state.clone(),
        pc_id: s.place.constituency.clone(),
        show_name: false,
        deliver_name: false,
        updates: false,
        lang: Lang::En.code().to_string(),
        created_at: db::now(),
        // The same signals the application keeps for a signer on loopback.
        email_canonical: keys.index(&s.email),
        email_domain: "example.in".to_string(),
        network: Some("127.0.0.0/24".to_string()),
        ip_hash: Some("bench-address-hash-000".to_string()),
        disposable: false,
        form_seconds: Some(30),
        honeypot: false,
        held: false,
        key_id: Some(keys.primary_id().to_string()),
        consent_version: Some(
            hastakshar::privacy::consent::ConsentSet::current(Lang::En)
                .version
                .clone(),
        ),
        source: None,
    }
}

/// The application's confirmation email for the demo petition, rendered once: only the link
/// differs between signers, and rendering is the application's work, not the database's.
struct EmailTemplate {
    subject: String,
    text: String,
    html: String,
}

impl EmailTemplate {
    fn for_demo(pool: &DbPool) -> anyhow::Result<EmailTemplate> {
        let mut conn = pool.get()?;
        let petition = petitions::find_public(&mut conn, DEMO)?.context("no demo petition")?;
        let title = &petition.text(Lang::En).title;
        let petition_url = format!("{BASE_URL}/petitions/{DEMO}");
        let to = views::email::To::signer(Lang::En, BASE_URL, format!("{BASE_URL}/my-data/x"));
        let mail = views::email::confirm_signature(&to, title, LINK_PLACEHOLDER, &petition_url);
        Ok(EmailTemplate {
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
        })
    }

    fn with_token(&self, recipient: &str, token: &str) -> NewEmail {
        let link = format!("{BASE_URL}/confirm/{token}");
        NewEmail {
            kind: hastakshar::db::outbox::MailKind::ConfirmSignature,
            recipient: recipient.to_string(),
            subject: self.subject.clone(),
            body_text: self.text.replace(LINK_PLACEHOLDER, &link),
            body_html: self.html.replace(LINK_PLACEHOLDER, &link),
            unsubscribe_url: None,
        }
    }
}

/// Stores `m` pending signatures on the demo petition and returns their tokens, which only the
/// signers' emails would otherwise carry. No email is enqueued: the confirm phase is not about
/// mail. One outer transaction, because this is set-up, not measurement.
///
/// Blocking.
pub fn insert_confirmable(url: &str, m: usize, places: &[Place]) -> anyhow::Result<Vec<String>> {
    let pool = db::build_pool(url, 1)?;
    let mut conn = pool.get()?;
    conn.transaction(|conn| {
        (0..m)
            .map(|i| {
                let token = tokens::new_token();
                let signer = Signer::nth(i, "confirm", places);
                let outcome = signatures::sign(
                    conn,
                    &new_signature(&signer),
                    &[],
                    &token.hash,
                    MAX_SENDS,
                    |_| None,
                )?;
                anyhow::ensure!(outcome == Signed::New, "signed before? {outcome:?}");
                Ok(token.plain)
            })
            .collect()
    })
}
