//! The petition page against nginx in the same run: nginx (Debian's nginx-light) serves the very
//! gzip bytes the application sent, with `gzip_static`, and wrk asks both the same way (two
//! threads, 32 connections, `Accept-Encoding: gzip`), twice each, alternating; the best of each
//! is kept. wrk is light enough that the servers, not the client, are what is measured.

use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::Context;

use crate::fresh::ScratchDir;
use crate::topology::Nginx;

/// What wrk saw of one server.
#[derive(Clone, Debug, Default)]
pub struct Wrk {
    pub per_second: f64,
    pub p50: Duration,
    pub p99: Duration,
    /// Responses other than 2xx/3xx, and socket errors.
    pub errors: u64,
}

pub struct Versus {
    pub app: Wrk,
    pub nginx: Wrk,
    pub gzip_bytes: usize,
}

impl Versus {
    pub fn ratio(&self) -> f64 {
        self.app.per_second / self.nginx.per_second.max(1e-9)
    }
}

pub const CONNECTIONS: u32 = 32;
const SECONDS: u32 = 5;

/// Both measured, or why not (wrk or nginx missing).
pub async fn measure(client: &reqwest::Client, page_url: &str) -> anyhow::Result<Versus> {
    let gz = client
        .get(page_url)
        .header(reqwest::header::ACCEPT_ENCODING, "gzip")
        .send()
        .await?;
    anyhow::ensure!(
        gz.headers()
            .get(reqwest::header::CONTENT_ENCODING)
            .is_some_and(|v| v.as_bytes() == b"gzip"),
        "the application sent the page without gzip"
    );
    let gzip = gz.bytes().await?;
    let dir = ScratchDir::new("nginx-static")?;
    let site = dir.path().join("site/petitions");
    std::fs::create_dir_all(&site)?;
    // The same bytes: nginx never compresses, it sends the file beside the page.
    std::fs::write(site.join("1.gz"), &gzip)?;
    std::fs::write(site.join("1"), b"only the .gz is served to a gzip client")?;
    // As many workers as cores, as the application has.
    let site = dir.path().join("site");
    let nginx = Nginx::with_config("auto", |port| {
        format!(
            "tcp_nodelay on; keepalive_requests 100000; gzip_static on;\n\
             server {{ listen 127.0.0.1:{port}; root {};\n\
               location / {{ default_type \"text/html; charset=utf-8\"; }} }}\n",
            site.display()
        )
    })?;
    let nginx_url = format!("{}/petitions/1", nginx.base_url);
    wait_ready(client, &nginx_url).await?;
    let (mut app, mut theirs) = (Wrk::default(), Wrk::default());
    for _ in 0..2 {
        app = best(app, run_wrk(page_url).await?);
        theirs = best(theirs, run_wrk(&nginx_url).await?);
    }
    Ok(Versus {
        app,
        nginx: theirs,
        gzip_bytes: gzip.len(),
    })
}

fn best(a: Wrk, b: Wrk) -> Wrk {
    if b.per_second > a.per_second { b } else { a }
}

async fn wait_ready(client: &reqwest::Client, url: &str) -> anyhow::Result<()> {
    for _ in 0..100 {
        if client.get(url).send().await.is_ok() {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    anyhow::bail!("nginx did not answer on {url}")
}

async fn run_wrk(url: &str) -> anyhow::Result<Wrk> {
    let url = url.to_string();
    let out = tokio::task::spawn_blocking(move || {
        Command::new("wrk")
            .args(["-t2", &format!("-c{CONNECTIONS}"), &format!("-d{SECONDS}s")])
            .args([
                "--latency",
                "--timeout",
                "5s",
                "-H",
                "Accept-Encoding: gzip",
                &url,
            ])
            .stdin(Stdio::null())
            .output()
    })
    .await?
    .context("running wrk (Debian's wrk)")?;
    anyhow::ensure!(out.status.success(), "wrk failed: {:?}", out.status);
    parse_wrk(&String::from_utf8_lossy(&out.stdout))
}

/// Reads wrk's `--latency` report.
pub fn parse_wrk(text: &str) -> anyhow::Result<Wrk> {
    let mut w = Wrk::default();
    for line in text.lines().map(str::trim) {
        let mut words = line.split_whitespace();
        match (words.next(), words.next()) {
            (Some("Requests/sec:"), Some(n)) => w.per_second = n.parse()?,
            (Some("50%"), Some(d)) => w.p50 = duration(d)?,
            (Some("99%"), Some(d)) => w.p99 = duration(d)?,
            (Some("Non-2xx"), _) => {
                w.errors += line.rsplit(' ').next().unwrap_or("0").parse::<u64>()?;
            }
            (Some("Socket"), Some("errors:")) => {
                for part in line.split(',') {
                    if let Some(n) = part.split_whitespace().last() {
                        w.errors += n.parse::<u64>().unwrap_or(0);
                    }
                }
            }
            _ => {}
        }
    }
    anyhow::ensure!(w.per_second > 0.0, "no rate in wrk's report:\n{text}");
    Ok(w)
}

fn duration(d: &str) -> anyhow::Result<Duration> {
    let split = d.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(d.len());
    let (n, unit) = d.split_at(split);
    let n: f64 = n.parse()?;
    let secs = match unit {
        "us" => n / 1e6,
        "ms" => n / 1e3,
        "s" => n,
        "m" => n * 60.0,
        _ => anyhow::bail!("unknown unit in {d}"),
    };
    Ok(Duration::from_secs_f64(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_wrk_report() {
        let text = "Running 5s test @ http://127.0.0.1:1/petitions/1\n  2 threads and 32 connections\n\
  Latency Distribution\n     50%  337.00us\n     75%    1.00ms\n     90%    2.10ms\n     99%    4.65ms\n\
  117255 requests in 2.01s, 109.25MB read\n  Socket errors: connect 0, read 2, write 0, timeout 1\n\
  Non-2xx or 3xx responses: 4\nRequests/sec:  58434.08\nTransfer/sec:     54.45MB\n";
        let w = parse_wrk(text).unwrap();
        assert_eq!(w.per_second, 58434.08);
        assert_eq!(w.p50, Duration::from_micros(337));
        assert_eq!(w.p99, Duration::from_micros(4650));
        assert_eq!(w.errors, 7);
    }
}
