//! The load driver: a fixed number of requests from a fixed number of concurrent clients, with
//! each request's latency, bounded in count and in time.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio::task::JoinSet;

/// Longest one request may take; a slower one counts as an error.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// The HTTP client every phase uses: keep-alive, no redirects followed, no proxy (all traffic
/// stays on loopback) and no transparent decompression (so body sizes are what crossed the wire).
pub fn client(concurrency: usize) -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .no_gzip()
        .pool_max_idle_per_host(concurrency)
        .tcp_nodelay(true)
        .timeout(REQUEST_TIMEOUT)
        .build()?)
}

/// What a run of requests did.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    pub ok: usize,
    pub errors: usize,
    pub first_error: Option<String>,
    /// Latency of every successful request.
    pub latencies: Vec<Duration>,
    /// Body bytes of every successful request, summed.
    pub bytes: u64,
    pub elapsed: Duration,
    /// Stopped at the time limit before every request was made.
    pub timed_out: bool,
}

impl Outcome {
    pub fn per_second(&self) -> f64 {
        self.ok as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// The `q` quantile (0..=1) of the latencies.
    pub fn quantile(&self, q: f64) -> Option<Duration> {
        quantile(&self.latencies, q)
    }

    pub fn mean_bytes(&self) -> Option<u64> {
        (self.ok > 0).then(|| self.bytes / self.ok as u64)
    }

    fn merge(&mut self, other: Outcome) {
        self.ok += other.ok;
        self.errors += other.errors;
        if self.first_error.is_none() {
            self.first_error = other.first_error;
        }
        self.latencies.extend(other.latencies);
        self.bytes += other.bytes;
    }
}

/// Makes requests `0..total` from `concurrency` tasks; `request(i)` does one and returns the
/// body size, or why it failed. No request starts after `limit`, and the whole run is abandoned
/// a request timeout later, so a hung server cannot hang the benchmark.
pub async fn drive<F, Fut>(total: usize, concurrency: usize, limit: Duration, request: F) -> Outcome
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<u64, String>> + Send + 'static,
{
    let request = Arc::new(request);
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = started + limit;
    let mut tasks = JoinSet::new();
    for _ in 0..concurrency.min(total) {
        let (request, next) = (request.clone(), next.clone());
        tasks.spawn(async move {
            let mut mine = Outcome::default();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= total || Instant::now() >= deadline {
                    break;
                }
                let t = Instant::now();
                match request(i).await {
                    Ok(bytes) => {
                        mine.latencies.push(t.elapsed());
                        mine.bytes += bytes;
                        mine.ok += 1;
                    }
                    Err(e) => {
                        mine.first_error.get_or_insert(e);
                        mine.errors += 1;
                    }
                }
            }
            mine
        });
    }
    let mut total_outcome = Outcome::default();
    let hard_stop = tokio::time::sleep_until((deadline + REQUEST_TIMEOUT * 2).into());
    tokio::pin!(hard_stop);
    loop {
        tokio::select! {
            joined = tasks.join_next() => match joined {
                Some(Ok(part)) => total_outcome.merge(part),
                Some(Err(e)) => {
                    total_outcome.errors += 1;
                    total_outcome.first_error.get_or_insert(format!("client task: {e}"));
                }
                None => break,
            },
            _ = &mut hard_stop => {
                // Dropping the set aborts the clients still waiting.
                total_outcome.first_error.get_or_insert("abandoned at the hard time limit".into());
                break;
            }
        }
    }
    total_outcome.elapsed = started.elapsed();
    total_outcome.timed_out = total_outcome.ok + total_outcome.errors < total;
    total_outcome
}

/// Sends a request and reads its body, requiring `expect` as the status.
pub async fn fetch(
    request: reqwest::RequestBuilder,
    expect: reqwest::StatusCode,
) -> Result<reqwest::Response, String> {
    let response = request.send().await.map_err(|e| describe(&e))?;
    if response.status() != expect {
        return Err(format!("status {} (wanted {expect})", response.status()));
    }
    Ok(response)
}

/// The body's size, after reading all of it.
pub async fn body_len(response: reqwest::Response) -> Result<u64, String> {
    let body = response.bytes().await.map_err(|e| describe(&e))?;
    Ok(body.len() as u64)
}

/// reqwest's error with its causes: the top line alone is often just "error sending request".
fn describe(e: &reqwest::Error) -> String {
    let mut s = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cause = c.source();
    }
    s
}

/// Polls `probe` every `every` until it says yes or `limit` passes; returns how long it took.
pub async fn wait_until<F, Fut>(limit: Duration, every: Duration, mut probe: F) -> Option<Duration>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let started = Instant::now();
    while started.elapsed() < limit {
        if probe().await {
            return Some(started.elapsed());
        }
        tokio::time::sleep(every).await;
    }
    None
}

/// The `q` quantile (0..=1) of some latencies, nearest rank.
pub fn quantile(latencies: &[Duration], q: f64) -> Option<Duration> {
    let mut sorted = latencies.to_vec();
    sorted.sort_unstable();
    let last = sorted.len().checked_sub(1)?;
    Some(sorted[((last as f64) * q).round() as usize])
}
