//! The soak (`--soak-minutes N`): one `hastakshar serve` (with its worker) on a fresh database,
//! its peak signing rate measured first; then, for N minutes, half that peak's work: a quarter
//! of the peak rate in signatures, each confirmation email's button pressed as it arrives (a
//! confirmation costs about what a signature does), and the petition page read twice for every
//! signature. Each minute: the server's resident memory, the p99 of signing and of the
//! page, and the outbox's depth. After the load stops: how long until the outbox is empty.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use tokio::sync::Mutex;

use crate::Config;
use crate::direct::DEMO;
use crate::fresh::{Backend, FreshDb};
use crate::load;
use crate::server::ServerProcess;
use crate::signers::{Place, Signer};
use crate::smtp::SmtpServer;

/// Page reads per signature (a cached page costs a small fraction of a signature).
const READS_PER_SIGNATURE: usize = 2;
/// Requests in flight at most; past this the load generator skips (and says how many).
const IN_FLIGHT: usize = 512;
const TICK: Duration = Duration::from_millis(100);
/// The targets: memory within 10% of the first minute's, the outbox empty within 10 s.
const MEMORY_DRIFT: f64 = 0.10;
const DRAINED_WITHIN: Duration = Duration::from_secs(10);

#[derive(Default)]
struct Minute {
    sign: Vec<Duration>,
    page: Vec<Duration>,
    confirmed: usize,
    errors: usize,
    first_error: Option<String>,
}

struct Row {
    minute: usize,
    rss: Option<u64>,
    sign_p99: Option<Duration>,
    page_p99: Option<Duration>,
    signed: usize,
    read: usize,
    confirmed: usize,
    errors: usize,
    outbox: Option<i64>,
}

pub async fn run(
    config: &Config,
    backend: Backend,
    exe: &std::path::Path,
    places: &Arc<Vec<Place>>,
    minutes: u64,
) -> anyhow::Result<()> {
    let admin = config.pg_admin_url.clone();
    let db =
        tokio::task::spawn_blocking(move || FreshDb::create(backend, admin.as_deref())).await??;
    let sink = SmtpServer::start().await;
    let client = load::client(IN_FLIGHT)?;
    let mut server = ServerProcess::start_app(exe, &db.url, &sink.url())?;
    server.wait_ready(&client, "/healthz").await?;
    let base = server.base_url.clone();

    eprintln!(
        "  soak on {backend}: the peak first ({} signatures)",
        config.signatures
    );
    let peak = {
        let (client, places, url) = (
            client.clone(),
            places.clone(),
            Arc::new(format!("{base}/petitions/{DEMO}/signatures")),
        );
        load::drive(
            config.signatures,
            config.concurrency,
            config.phase_timeout,
            move |i| {
                let signer = Signer::nth(i, "peak", &places);
                let req = client.post(url.as_str()).form(&signer.form_fields());
                async move { load::body_len(load::fetch(req, StatusCode::SEE_OTHER).await?).await }
            },
        )
        .await
    };
    // Half the peak's work: signatures and their confirmations at a quarter each.
    let rate = (peak.per_second() / 4.0).max(1.0);
    // Let the peak's emails go before the clock starts.
    let _ = load::wait_until(config.phase_timeout, TICK, || async {
        outbox_depth(&client, &base).await == Some(0)
    })
    .await;
    drop(sink.take());
    eprintln!(
        "  soak: {minutes} min at {rate:.0} signatures/s and as many confirmations (a quarter of \
         {:.0}/s each), {:.0} page reads/s",
        peak.per_second(),
        rate * READS_PER_SIGNATURE as f64
    );

    let minute = Arc::new(Mutex::new(Minute::default()));
    let in_flight = Arc::new(AtomicUsize::new(0));
    let mut skipped = 0usize;
    let mut rows = Vec::new();
    let mut first_errors: Vec<String> = Vec::new();
    let (mut signed, mut read) = (0usize, 0usize);
    let (mut minute_signed, mut minute_read) = (0usize, 0usize);
    let started = Instant::now();
    let mut ticker = tokio::time::interval(TICK);
    let per_tick = rate * TICK.as_secs_f64();
    let mut owed = 0.0;
    let mut next_minute = started + Duration::from_secs(60);
    while started.elapsed() < Duration::from_secs(minutes * 60) {
        ticker.tick().await;
        owed += per_tick;
        let n = owed.floor() as usize;
        owed -= n as f64;
        for _ in 0..n {
            for kind in std::iter::once(Kind::Sign)
                .chain(std::iter::repeat_n(Kind::Page, READS_PER_SIGNATURE))
            {
                if in_flight.load(Ordering::Relaxed) >= IN_FLIGHT {
                    skipped += 1;
                    continue;
                }
                let i = match kind {
                    Kind::Sign => {
                        signed += 1;
                        minute_signed += 1;
                        signed
                    }
                    _ => {
                        read += 1;
                        minute_read += 1;
                        read
                    }
                };
                let req = match kind {
                    Kind::Sign => client
                        .post(format!("{base}/petitions/{DEMO}/signatures"))
                        .form(&Signer::nth(i, "soak", places).form_fields()),
                    _ => client
                        .get(format!("{base}/petitions/{DEMO}"))
                        .header(reqwest::header::ACCEPT_ENCODING, "gzip, br"),
                };
                spawn(kind, req, minute.clone(), in_flight.clone());
            }
        }
        // Each confirmation email's button, pressed as it arrives.
        for mail in sink.take() {
            if let Some(link) = mail.links().into_iter().find(|l| l.contains("/confirm/")) {
                let req = client.post(link);
                spawn(Kind::Confirm, req, minute.clone(), in_flight.clone());
            }
        }
        if Instant::now() >= next_minute {
            next_minute += Duration::from_secs(60);
            let m = std::mem::take(&mut *minute.lock().await);
            let row = Row {
                minute: rows.len() + 1,
                rss: server.rss(),
                sign_p99: load::quantile(&m.sign, 0.99),
                page_p99: load::quantile(&m.page, 0.99),
                signed: std::mem::take(&mut minute_signed),
                read: std::mem::take(&mut minute_read),
                confirmed: m.confirmed,
                errors: m.errors,
                outbox: outbox_depth(&client, &base).await,
            };
            eprintln!("  {}", line(&row));
            if let Some(e) = m.first_error {
                eprintln!("  minute {}: the first error: {e}", row.minute);
                first_errors.push(format!("minute {}: {e}", row.minute));
            }
            rows.push(row);
        }
    }
    let stopped = Instant::now();
    let _ = load::wait_until(Duration::from_secs(30), TICK, || async {
        in_flight.load(Ordering::Relaxed) == 0
    })
    .await;
    let drained = load::wait_until(Duration::from_secs(60), Duration::from_millis(250), || {
        let (client, base) = (client.clone(), base.clone());
        async move { outbox_depth(&client, &base).await == Some(0) }
    })
    .await
    .map(|_| stopped.elapsed());
    print(
        &rows,
        rate,
        peak.per_second(),
        skipped,
        drained,
        backend,
        minutes,
    );
    for e in &first_errors {
        println!("- the first error of {e}");
    }
    drop(server);
    tokio::task::spawn_blocking(move || drop(db)).await?;
    Ok(())
}

#[derive(Clone, Copy)]
enum Kind {
    Sign,
    Page,
    Confirm,
}

fn spawn(
    kind: Kind,
    req: reqwest::RequestBuilder,
    minute: Arc<Mutex<Minute>>,
    in_flight: Arc<AtomicUsize>,
) {
    in_flight.fetch_add(1, Ordering::Relaxed);
    tokio::spawn(async move {
        let t = Instant::now();
        let expect = match kind {
            Kind::Sign => StatusCode::SEE_OTHER,
            Kind::Page | Kind::Confirm => StatusCode::OK,
        };
        let outcome = match load::fetch(req, expect).await {
            Ok(r) => load::body_len(r).await.map(|_| ()),
            Err(e) => Err(e),
        };
        let took = t.elapsed();
        let mut m = minute.lock().await;
        match (outcome, kind) {
            (Err(e), _) => {
                m.errors += 1;
                if m.first_error.is_none() {
                    let what = match kind {
                        Kind::Sign => "signing",
                        Kind::Page => "page",
                        Kind::Confirm => "confirming",
                    };
                    m.first_error = Some(format!("{what}: {e}"));
                }
            }
            (Ok(()), Kind::Sign) => m.sign.push(took),
            (Ok(()), Kind::Page) => m.page.push(took),
            (Ok(()), Kind::Confirm) => m.confirmed += 1,
        }
        drop(m);
        in_flight.fetch_sub(1, Ordering::Relaxed);
    });
}

async fn outbox_depth(client: &reqwest::Client, base: &str) -> Option<i64> {
    let text = client
        .get(format!("{base}/metrics"))
        .send()
        .await
        .ok()?
        .text()
        .await
        .ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix("hastakshar_outbox_depth "))
        .and_then(|v| v.trim().parse::<f64>().ok())
        .map(|v| v as i64)
}

fn ms(d: Option<Duration>) -> String {
    d.map_or("-".into(), |d| {
        format!("{:.1} ms", d.as_secs_f64() * 1000.0)
    })
}

fn mib(b: Option<u64>) -> String {
    b.map_or("?".into(), |b| format!("{:.1} MiB", b as f64 / 1_048_576.0))
}

fn line(r: &Row) -> String {
    format!(
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
        r.minute,
        mib(r.rss),
        ms(r.sign_p99),
        ms(r.page_p99),
        r.signed,
        r.confirmed,
        r.read,
        r.errors,
        r.outbox.map_or("?".into(), |d| d.to_string()),
    )
}

fn print(
    rows: &[Row],
    rate: f64,
    peak: f64,
    skipped: usize,
    drained: Option<Duration>,
    backend: Backend,
    minutes: u64,
) {
    println!("## Soak on {backend}: {minutes} min at half the peak\n");
    println!(
        "Peak signing {peak:.0}/s measured first; the soak signs {rate:.0}/s (a quarter of it), \
         presses each confirmation button as its email arrives (as costly as a signature, so \
         the two are half the peak's work), and reads the petition page {READS_PER_SIGNATURE} \
         times per signature (gzip or brotli). Memory is the server's resident set (VmRSS) at \
         the end of each minute.\n"
    );
    println!(
        "| minute | memory | sign p99 | page p99 | signed | confirmed | page reads | errors | outbox |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for r in rows {
        println!("{}", line(r));
    }
    if skipped > 0 {
        println!(
            "\n{skipped} requests were skipped: {IN_FLIGHT} were already waiting (the server fell behind)."
        );
    }
    let first = rows.first().and_then(|r| r.rss);
    let last = rows.last().and_then(|r| r.rss);
    let drift = match (first, last) {
        (Some(a), Some(b)) if a > 0 => Some(b as f64 / a as f64 - 1.0),
        _ => None,
    };
    println!();
    println!(
        "- memory: {} in the first minute, {} in the last: {} (target within ±{:.0}%): {}",
        mib(first),
        mib(last),
        drift.map_or("?".into(), |d| format!("{:+.1}%", d * 100.0)),
        MEMORY_DRIFT * 100.0,
        verdict(drift.is_some_and(|d| d.abs() <= MEMORY_DRIFT)),
    );
    let p99s: Vec<Duration> = rows.iter().filter_map(|r| r.sign_p99).collect();
    if let (Some(lo), Some(hi)) = (p99s.iter().min(), p99s.iter().max()) {
        println!(
            "- signing p99 across minutes: {} to {} (first {}, last {})",
            ms(Some(*lo)),
            ms(Some(*hi)),
            ms(rows.first().and_then(|r| r.sign_p99)),
            ms(rows.last().and_then(|r| r.sign_p99)),
        );
    }
    let page: Vec<Duration> = rows.iter().filter_map(|r| r.page_p99).collect();
    if let (Some(lo), Some(hi)) = (page.iter().min(), page.iter().max()) {
        println!(
            "- page p99 across minutes: {} to {}",
            ms(Some(*lo)),
            ms(Some(*hi))
        );
    }
    println!(
        "- outbox empty {} after the load stopped (target ≤ {} s): {}",
        drained.map_or("not within 60 s".into(), |d| format!(
            "{:.1} s",
            d.as_secs_f64()
        )),
        DRAINED_WITHIN.as_secs(),
        verdict(drained.is_some_and(|d| d <= DRAINED_WITHIN)),
    );
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "NOT met" }
}
