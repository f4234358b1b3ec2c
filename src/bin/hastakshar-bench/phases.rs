//! One backend's run, phase by phase: the database baseline, then signing, mail delivery,
//! confirming, counting and page views against the real server.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{ACCEPT_ENCODING, CONTENT_ENCODING};

use crate::Config;
use crate::direct::{self, DEMO, Inserted};
use crate::fresh::{Backend, FreshDb};
use crate::load::{self, Outcome};
use crate::report::{BackendReport, Delivery, Pages};
use crate::server::ServerProcess;
use crate::signers::{Place, Signer};
use crate::smtp::SmtpServer;

/// How often the waits look again: the resolution of the drain and count-lag figures.
const POLL: Duration = Duration::from_millis(25);

pub async fn bench_backend(
    backend: Backend,
    config: &Config,
    server_exe: &Path,
    places: &Arc<Vec<Place>>,
) -> anyhow::Result<BackendReport> {
    eprintln!("  baseline: {} direct inserts", config.signatures);
    let baselines = baseline(backend, config, places).await?;

    // Declared before the server so that it is dropped after the server is killed.
    let db = blocking({
        let admin = config.pg_admin_url.clone();
        move || FreshDb::create(backend, admin.as_deref())
    })
    .await?;
    let sink = SmtpServer::start().await;
    let client = load::client(config.concurrency)?;
    let mut server = ServerProcess::start_app(server_exe, &db.url, &sink.url())?;
    server.wait_ready(&client, "/healthz").await?;

    eprintln!("  signing: {} over HTTP", config.signatures);
    let sign = sign(&client, &server.base_url, config, places).await;
    let mail = delivery(&sink, &sign, config).await;
    if sign.errors > 0 {
        eprintln!("  the server's log ends:\n{}", server.log_tail());
    }

    eprintln!("  confirming: {}", config.signatures);
    let tokens = blocking({
        let (url, m, places) = (db.url.clone(), config.signatures, places.clone());
        move || direct::insert_confirmable(&url, m, &places)
    })
    .await?;
    let confirm = confirm(&client, &server.base_url, config, tokens).await;
    let count_lag = count_lag(&client, &server.base_url, confirm.ok, config).await;

    eprintln!(
        "  petition page: {} views, then wrk against it and nginx",
        config.page_views
    );
    let pages = pages(&client, &server, config).await?;
    let peak_rss = server.peak_rss();

    drop(server);
    blocking(move || {
        drop(db);
        Ok(())
    })
    .await?;

    eprintln!(
        "  integrity checks: {} signatures with them off, then on, three times",
        config.signatures
    );
    let integrity = crate::integrity::measure(backend, config, server_exe, places).await?;
    Ok(BackendReport {
        backend,
        baselines,
        sign,
        mail,
        confirm,
        count_lag,
        pages,
        peak_rss,
        integrity,
    })
}

/// Runs blocking database work off the runtime's threads.
pub async fn blocking<T, F>(f: F) -> anyhow::Result<T>
where
    T: Send + 'static,
    F: FnOnce() -> anyhow::Result<T> + Send + 'static,
{
    tokio::task::spawn_blocking(f).await?
}

/// The database's own insert rate, each time on another fresh database of the same backend:
/// from as many threads as there are HTTP clients, and from one. The report takes the faster,
/// since which is faster is the database's nature: PostgreSQL commits concurrent transactions
/// together, while SQLite has one writer at a time and further writers sleep on its lock.
async fn baseline(
    backend: Backend,
    config: &Config,
    places: &Arc<Vec<Place>>,
) -> anyhow::Result<Vec<Inserted>> {
    let mut thread_counts = vec![config.concurrency, 1];
    thread_counts.dedup();
    let mut runs = Vec::new();
    for threads in thread_counts {
        let (admin, places) = (config.pg_admin_url.clone(), places.clone());
        let (n, limit) = (config.signatures, config.phase_timeout);
        runs.push(
            blocking(move || {
                let db = FreshDb::create(backend, admin.as_deref())?;
                direct::insert_rate(&db.url, n, threads, &places, limit)
            })
            .await?,
        );
    }
    Ok(runs)
}

/// POSTs the sign form, each with a new address; the server answers 303 to "check your email".
async fn sign(
    client: &reqwest::Client,
    base_url: &str,
    config: &Config,
    places: &Arc<Vec<Place>>,
) -> Outcome {
    let url = Arc::new(format!("{base_url}/petitions/{DEMO}/signatures"));
    let (client, places) = (client.clone(), places.clone());
    load::drive(
        config.signatures,
        config.concurrency,
        config.phase_timeout,
        move |i| {
            let signer = Signer::nth(i, "http", &places);
            let request = client.post(url.as_str()).form(&signer.form_fields());
            async move { load::body_len(load::fetch(request, StatusCode::SEE_OTHER).await?).await }
        },
    )
    .await
}

/// Waits for the confirmation emails of the signatures just made to reach the SMTP sink.
async fn delivery(sink: &SmtpServer, sign: &Outcome, config: &Config) -> Delivery {
    let expected = sign.ok;
    let after_signing = load::wait_until(config.phase_timeout, POLL, || async {
        sink.received() >= expected
    })
    .await;
    Delivery {
        expected,
        received: sink.received(),
        after_start: after_signing.map(|d| d + sign.elapsed),
        after_signing,
    }
}

/// Presses each confirmation link's button once (a POST to the link: opening it confirms
/// nothing); a first confirmation answers 200.
async fn confirm(
    client: &reqwest::Client,
    base_url: &str,
    config: &Config,
    tokens: Vec<String>,
) -> Outcome {
    let tokens = Arc::new(tokens);
    let (client, base_url) = (client.clone(), base_url.to_string());
    load::drive(
        tokens.len(),
        config.concurrency,
        config.phase_timeout,
        move |i| {
            let request = client.post(format!("{base_url}/confirm/{}", tokens[i]));
            async move { load::body_len(load::fetch(request, StatusCode::OK).await?).await }
        },
    )
    .await
}

/// How long after the last confirmation the API's count includes them all (the counter folds
/// confirmations in batches, so it trails).
async fn count_lag(
    client: &reqwest::Client,
    base_url: &str,
    confirmed: usize,
    config: &Config,
) -> Option<Duration> {
    let url = format!("{base_url}/petitions/{DEMO}.json");
    load::wait_until(config.phase_timeout, POLL, || async {
        signature_count(client, &url)
            .await
            .is_some_and(|n| n >= confirmed as i64)
    })
    .await
}

async fn signature_count(client: &reqwest::Client, url: &str) -> Option<i64> {
    let body: serde_json::Value = client.get(url).send().await.ok()?.json().await.ok()?;
    body.get("signature_count")?.as_i64()
}

/// The petition page as a phone fetches it (gzip): the application's answers checked by this
/// client, then the application against nginx sending the same bytes, both driven by wrk.
async fn pages(
    client: &reqwest::Client,
    server: &ServerProcess,
    config: &Config,
) -> anyhow::Result<Pages> {
    let page_url = format!("{}/petitions/{DEMO}", server.base_url);
    let plain = load::fetch(client.get(&page_url), StatusCode::OK)
        .await
        .map_err(anyhow::Error::msg)?;
    let bytes = plain.bytes().await?;

    let app = page_views(client, &page_url, config).await;
    let versus = crate::nginx_page::measure(client, &page_url)
        .await
        .map_err(|e| format!("{e:#}"));
    Ok(Pages {
        app,
        versus,
        uncompressed_bytes: bytes.len(),
    })
}

/// A few unmeasured requests first, so both servers are measured with connections open and
/// caches warm; then the measured views, each of which must come back gzip-compressed.
async fn page_views(client: &reqwest::Client, url: &str, config: &Config) -> Outcome {
    let get = |client: reqwest::Client, url: Arc<String>| {
        move |_: usize| {
            let request = client.get(url.as_str()).header(ACCEPT_ENCODING, "gzip");
            async move {
                let response = load::fetch(request, StatusCode::OK).await?;
                let gzip = response
                    .headers()
                    .get(CONTENT_ENCODING)
                    .is_some_and(|v| v.as_bytes() == b"gzip");
                if !gzip {
                    return Err("the page came back without gzip".to_string());
                }
                load::body_len(response).await
            }
        }
    };
    let url = Arc::new(url.to_string());
    let warm = config.concurrency.min(config.page_views);
    let limit = config.phase_timeout;
    load::drive(
        warm,
        config.concurrency,
        limit,
        get(client.clone(), url.clone()),
    )
    .await;
    load::drive(
        config.page_views,
        config.concurrency,
        limit,
        get(client.clone(), url),
    )
    .await
}
