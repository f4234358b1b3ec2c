//! Email at signing speed, per backend: how fast the worker drains a backlog of confirmation
//! emails to the loopback SMTP sink, beside a plain SMTP client's rate to the same sink with as
//! many connections (the sink's own ceiling, measured in the same run); and how long after a
//! signature its email is in the sink while signers sign as fast as the machine takes them.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use hastakshar::config::{DEFAULT_SMTP_CONNECTIONS, Settings};
use hastakshar::db::outbox::{self, MailKind, NewEmail};
use hastakshar::db::petitions;
use hastakshar::i18n::Lang;
use hastakshar::startup::prepare_database;
use reqwest::StatusCode;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

use crate::Config;
use crate::direct::DEMO;
use crate::fresh::{Backend, FreshDb};
use crate::load::{self, Outcome};
use crate::server::ServerProcess;
use crate::signers::{Place, Signer};
use crate::smtp::SmtpServer;

/// The target for the outbox's drain on this machine.
const DRAIN_TARGET: f64 = 1_000.0;
const POLL: Duration = Duration::from_millis(10);

pub struct MailFigures {
    pub backend: Backend,
    pub connections: usize,
    /// Emails in the backlog, and how many arrived in time.
    pub emails: usize,
    pub drained: usize,
    /// From the first email's arrival in the sink to the last's.
    pub drain: Option<Duration>,
    /// A plain SMTP client, the same messages over as many connections to a sink of its own.
    pub plain_rate: f64,
    /// Signing over HTTP, and for each signature whose email arrived, the time from the
    /// signer's answer (the signature and its email stored) to the email in the sink.
    pub sign: Outcome,
    pub latencies: Vec<Duration>,
}

impl MailFigures {
    fn drain_rate(&self) -> Option<f64> {
        let d = self.drain?;
        Some((self.emails.saturating_sub(1)) as f64 / d.as_secs_f64().max(1e-9))
    }
}

pub async fn measure(
    backend: Backend,
    config: &Config,
    exe: &Path,
    places: &Arc<Vec<Place>>,
) -> anyhow::Result<MailFigures> {
    let n = config.mail_emails;
    let connections = DEFAULT_SMTP_CONNECTIONS;

    eprintln!("  outbox drain: {n} confirmation emails, then a worker");
    let db = blocking({
        let admin = config.pg_admin_url.clone();
        move || FreshDb::create(backend, admin.as_deref())
    })
    .await?;
    blocking({
        let url = db.url.clone();
        move || enqueue_backlog(&url, n)
    })
    .await?;
    let sink = SmtpServer::start().await;
    let worker = ServerProcess::start_command(exe, &["worker"], &db.url, &sink.url(), &[])?;
    load::wait_until(config.phase_timeout, POLL, || async {
        sink.received() >= n
    })
    .await;
    let arrivals = sink.arrivals();
    let drained = arrivals.len().min(n);
    let drain = (drained == n && n > 0).then(|| arrivals[n - 1] - arrivals[0]);
    let sample = sink.messages().first().map(|m| m.raw.clone());
    drop(worker);
    drop(sink);

    eprintln!("  plain SMTP client: {n} of the same messages over {connections} connections");
    let plain_rate = match sample {
        Some(raw) => plain_client_rate(n, connections, raw).await?,
        None => 0.0,
    };

    eprintln!(
        "  signature to email: {} signatures over HTTP with the worker in the server",
        config.signatures
    );
    let db2 = blocking({
        let admin = config.pg_admin_url.clone();
        move || FreshDb::create(backend, admin.as_deref())
    })
    .await?;
    let sink = SmtpServer::start().await;
    let client = load::client(config.concurrency)?;
    let mut server = ServerProcess::start_app(exe, &db2.url, &sink.url())?;
    server.wait_ready(&client, "/healthz").await?;
    let (sign, answered) = sign(&client, &server.base_url, config, places).await;
    load::wait_until(config.phase_timeout, POLL, || async {
        sink.received() >= sign.ok
    })
    .await;
    let latencies = join(&sink, &answered);
    drop(server);
    blocking(move || {
        drop(db);
        drop(db2);
        Ok(())
    })
    .await?;
    Ok(MailFigures {
        backend,
        connections,
        emails: n,
        drained,
        drain,
        plain_rate,
        sign,
        latencies,
    })
}

use crate::phases::blocking;

fn thousands_f(x: f64) -> String {
    crate::report::thousands(x.round() as u64)
}

/// The application's own confirmation email, `n` times to as many addresses, in the outbox.
fn enqueue_backlog(url: &str, n: usize) -> anyhow::Result<()> {
    let pool = prepare_database(&Settings::for_tests(url))?;
    let mut conn = pool.get()?;
    let petition = petitions::find_public(&mut conn, DEMO)?.context("no demo petition")?;
    let base = "http://127.0.0.1:8080";
    let petition_url = format!("{base}/petitions/{DEMO}");
    let emails: Vec<NewEmail> = (0..n)
        .map(|i| {
            let link = format!("{base}/confirm/{i:032x}");
            let mail = hastakshar::views::email::confirm_signature(
                &hastakshar::views::email::To::new(Lang::En, base),
                &petition.text(Lang::En).title,
                &link,
                &petition_url,
            );
            NewEmail {
                kind: MailKind::ConfirmSignature,
                recipient: format!("drain-{i}@bench.example.in"),
                subject: mail.subject,
                body_text: mail.text,
                body_html: mail.html,
                unsubscribe_url: None,
            }
        })
        .collect();
    // Sealed with the key the servers the benchmark starts read with.
    outbox::enqueue_many(&mut conn, &crate::server::data_keys(), &emails)?;
    Ok(())
}

/// `n` messages over `connections` connections from a minimal client that writes each command
/// whole with TCP_NODELAY and waits for each answer, as our pool does: the sink's ceiling.
async fn plain_client_rate(n: usize, connections: usize, raw: String) -> anyhow::Result<f64> {
    let sink = SmtpServer::start().await;
    let port = sink.port();
    // The message as it crossed the wire: dot-stuffed again, ending in the final dot.
    let mut data = String::with_capacity(raw.len() + 64);
    for line in raw.split_inclusive("\r\n") {
        if line.starts_with('.') {
            data.push('.');
        }
        data.push_str(line);
    }
    if !data.ends_with("\r\n") {
        data.push_str("\r\n");
    }
    data.push_str(".\r\n");
    let data = Arc::new(data);
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..connections {
        let (data, next) = (data.clone(), next.clone());
        tasks.spawn(async move { plain_session(port, n, &next, &data).await });
    }
    while let Some(done) = tasks.join_next().await {
        done??;
    }
    let elapsed = started.elapsed();
    anyhow::ensure!(
        sink.received() == n,
        "the plain client's messages went missing"
    );
    Ok(n as f64 / elapsed.as_secs_f64().max(1e-9))
}

async fn plain_session(
    port: u16,
    n: usize,
    next: &std::sync::atomic::AtomicUsize,
    data: &str,
) -> anyhow::Result<()> {
    let stream = tokio::net::TcpStream::connect(("127.0.0.1", port)).await?;
    stream.set_nodelay(true)?;
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    answer(&mut reader).await?;
    writer.write_all(b"EHLO bench.example.in\r\n").await?;
    answer(&mut reader).await?;
    while next.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < n {
        writer
            .write_all(b"MAIL FROM:<noreply@localhost> BODY=8BITMIME\r\n")
            .await?;
        answer(&mut reader).await?;
        writer
            .write_all(b"RCPT TO:<plain@bench.example.in>\r\n")
            .await?;
        answer(&mut reader).await?;
        writer.write_all(b"DATA\r\n").await?;
        answer(&mut reader).await?;
        writer.write_all(data.as_bytes()).await?;
        answer(&mut reader).await?;
    }
    writer.write_all(b"QUIT\r\n").await?;
    Ok(())
}

/// Reads one answer; a multi-line answer ends with the line whose code is followed by a space.
async fn answer<R: tokio::io::AsyncBufRead + Unpin>(reader: &mut R) -> anyhow::Result<()> {
    let mut line = String::new();
    loop {
        line.clear();
        anyhow::ensure!(reader.read_line(&mut line).await? > 0, "the sink hung up");
        anyhow::ensure!(!line.starts_with(['4', '5']), "the sink said {line:?}");
        if line.as_bytes().get(3) != Some(&b'-') {
            return Ok(());
        }
    }
}

/// Signs over HTTP at the benchmark's concurrency; notes when each signer had their answer.
async fn sign(
    client: &reqwest::Client,
    base_url: &str,
    config: &Config,
    places: &Arc<Vec<Place>>,
) -> (Outcome, Vec<Option<Instant>>) {
    let url = Arc::new(format!("{base_url}/petitions/{DEMO}/signatures"));
    let answered = Arc::new(Mutex::new(vec![None; config.signatures]));
    let (client, places, marks) = (client.clone(), places.clone(), answered.clone());
    let outcome = load::drive(
        config.signatures,
        config.concurrency,
        config.phase_timeout,
        move |i| {
            let signer = Signer::nth(i, "mail", &places);
            let request = client.post(url.as_str()).form(&signer.form_fields());
            let marks = marks.clone();
            async move {
                let response = load::fetch(request, StatusCode::SEE_OTHER).await?;
                marks.lock().unwrap()[i] = Some(Instant::now());
                load::body_len(response).await
            }
        },
    )
    .await;
    let answered = answered.lock().unwrap().clone();
    (outcome, answered)
}

/// For each email in the sink, the time from its signer's answer to its arrival (the
/// recipient, `mail-{i}@...`, names the signer).
fn join(sink: &SmtpServer, answered: &[Option<Instant>]) -> Vec<Duration> {
    let arrivals = sink.arrivals();
    sink.messages()
        .iter()
        .zip(arrivals)
        .filter_map(|(m, at)| {
            let to = m.to.first()?;
            let i: usize = to.strip_prefix("mail-")?.split_once('@')?.0.parse().ok()?;
            let signed = (*answered.get(i)?)?;
            Some(at.saturating_duration_since(signed))
        })
        .collect()
}

pub fn print(figures: &[MailFigures]) {
    println!("## Email at signing speed\n");
    println!("| backend | measure | result | baseline (same run) | ratio | target | met |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for f in figures {
        let (result, ratio, met) = match f.drain_rate() {
            Some(rate) => (
                format!(
                    "{} emails at {}/s over {} SMTP connections",
                    f.emails,
                    thousands_f(rate),
                    f.connections
                ),
                format!("{:.2}×", rate / f.plain_rate.max(1e-9)),
                if rate >= DRAIN_TARGET {
                    "yes"
                } else {
                    "**no**"
                },
            ),
            None => (
                format!("only {} of {} in time", f.drained, f.emails),
                String::new(),
                "**no**",
            ),
        };
        println!(
            "| {} | outbox drain to the SMTP sink | {result} | plain SMTP client {}/s, {} connections | {ratio} | ≥ 1,000/s | {met} |",
            f.backend,
            thousands_f(f.plain_rate),
            f.connections
        );
        let q = |q| {
            load::quantile(&f.latencies, q)
                .map_or("?".into(), |d| format!("{:.0} ms", d.as_secs_f64() * 1e3))
        };
        println!(
            "| {} | signature to email in the sink | p50 {} · p99 {} · max {} ({} of {} emails) | signing {}/s, {} of {} ok | | | |",
            f.backend,
            q(0.5),
            q(0.99),
            q(1.0),
            f.latencies.len(),
            f.sign.ok,
            thousands_f(f.sign.per_second()),
            f.sign.ok,
            f.sign.ok + f.sign.errors,
        );
    }
    println!(
        "\nThe drain is timed from the first email's arrival to the last's (the worker's start-up \
         left out); the plain client sends the worker's own first message, dot-stuffed again, \
         with one write per command and TCP_NODELAY, each answer awaited, to a sink of its own. \
         Signature to email: from the moment the signer has the server's answer (signature and \
         email committed) to the email's final dot in the sink.\n"
    );
}
