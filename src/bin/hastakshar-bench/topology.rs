//! The topology production runs: 1, 2 and 3 `serve --no-worker` processes and one worker behind
//! nginx (the shipped `deploy/nginx/proxy.conf`, included as it is) on one PostgreSQL. Each
//! count of processes signs the same number of signatures from a crowd of addresses, beside the
//! database's own insert rate for the same rows measured just before on a fresh database.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use reqwest::StatusCode;

use crate::Config;
use crate::direct::{self, DEMO, Inserted};
use crate::fresh::{Backend, FreshDb, ScratchDir};
use crate::load::{self, Outcome};
use crate::server::{ServerProcess, free_port};
use crate::signers::{Place, Signer};
use crate::smtp::SmtpServer;

pub struct Figure {
    pub processes: usize,
    pub baseline: Inserted,
    pub signing: Outcome,
    /// Peak resident memory of each app process, then the worker's.
    pub app_rss: Vec<Option<u64>>,
    pub worker_rss: Option<u64>,
}

/// nginx on a free loopback port, from its own scratch directory; stopped when dropped.
pub struct Nginx {
    child: Child,
    pub base_url: String,
    _dir: ScratchDir,
}

impl Nginx {
    /// In front of `ports`, through the shipped `proxy.conf`.
    fn start(ports: &[u16]) -> anyhow::Result<Nginx> {
        let proxy = Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/nginx/proxy.conf");
        let servers: String = ports
            .iter()
            .map(|p| format!("server 127.0.0.1:{p} max_fails=1 fail_timeout=2s; "))
            .collect();
        Nginx::with_config("1", |port| {
            format!(
                "upstream hastakshar_app {{ {servers} keepalive 64; keepalive_timeout 4s; }}\n\
                 server {{ listen 127.0.0.1:{port}; include {}; }}\n",
                proxy.display()
            )
        })
    }

    /// `workers` processes; `http(port)` is the inside of the `http` block after the temporary
    /// paths, listening on `port`.
    pub fn with_config(workers: &str, http: impl FnOnce(u16) -> String) -> anyhow::Result<Nginx> {
        let dir = ScratchDir::new("nginx")?;
        let port = free_port()?;
        let root = Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
        let d = dir.path().display();
        let conf = format!(
            "{user}worker_processes {workers}; pid {d}/nginx.pid; error_log {d}/error.log warn;\n\
             events {{ worker_connections 4096; }}\n\
             http {{ access_log off; client_body_temp_path {d}/body; proxy_temp_path {d}/proxy;\n\
               fastcgi_temp_path {d}/fastcgi; uwsgi_temp_path {d}/uwsgi; scgi_temp_path {d}/scgi;\n\
               {} }}\n",
            http(port),
            user = if root { "user root;\n" } else { "" },
        );
        let path = dir.path().join("nginx.conf");
        std::fs::write(&path, conf)?;
        let child = Command::new("nginx")
            .arg("-p")
            .arg(dir.path())
            .arg("-c")
            .arg(&path)
            .args(["-g", "daemon off;"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("starting nginx (Debian's nginx-light)")?;
        Ok(Nginx {
            child,
            base_url: format!("http://127.0.0.1:{port}"),
            _dir: dir,
        })
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub async fn measure(
    config: &Config,
    exe: &Path,
    places: &Arc<Vec<Place>>,
) -> anyhow::Result<Vec<Figure>> {
    let mut figures = Vec::new();
    for processes in [1usize, 2, 3] {
        eprintln!("  {processes} app process(es): baseline, then signing through nginx");
        let (admin, p) = (config.pg_admin_url.clone(), places.clone());
        let (n, threads, limit) = (config.signatures, config.concurrency, config.phase_timeout);
        let baseline = tokio::task::spawn_blocking(move || {
            let db = FreshDb::create(Backend::Postgres, admin.as_deref())?;
            direct::insert_rate(&db.url, n, threads, &p, limit)
        })
        .await??;
        figures.push(one(config, exe, places, processes, baseline).await?);
    }
    Ok(figures)
}

async fn one(
    config: &Config,
    exe: &Path,
    places: &Arc<Vec<Place>>,
    processes: usize,
    baseline: Inserted,
) -> anyhow::Result<Figure> {
    let admin = config.pg_admin_url.clone();
    let db =
        tokio::task::spawn_blocking(move || FreshDb::create(Backend::Postgres, admin.as_deref()))
            .await??;
    let sink = SmtpServer::start().await;
    let client = load::client(config.concurrency)?;
    let env = [("TRUSTED_PROXIES", "127.0.0.1")];
    let mut apps = Vec::new();
    for _ in 0..processes {
        // One at a time: the first migrates, the others find the database ready.
        let mut app = ServerProcess::start_command(
            exe,
            &["serve", "--no-worker"],
            &db.url,
            &sink.url(),
            &env,
        )?;
        app.wait_ready(&client, "/healthz").await?;
        apps.push(app);
    }
    let worker = ServerProcess::start_command(exe, &["worker"], &db.url, &sink.url(), &env)?;
    let ports: Vec<u16> = apps
        .iter()
        .map(|a| {
            a.base_url
                .rsplit(':')
                .next()
                .unwrap_or("0")
                .parse()
                .unwrap_or(0)
        })
        .collect();
    let nginx = Nginx::start(&ports)?;
    let ready = load::wait_until(Duration::from_secs(10), Duration::from_millis(50), || {
        let (c, u) = (client.clone(), format!("{}/healthz", nginx.base_url));
        async move { c.get(u).send().await.is_ok_and(|r| r.status().is_success()) }
    })
    .await;
    anyhow::ensure!(ready.is_some(), "nginx never answered");
    let url = Arc::new(format!("{}/petitions/{DEMO}/signatures", nginx.base_url));
    let (c, p) = (client.clone(), places.clone());
    let tag = format!("topology-{processes}");
    let signing = load::drive(
        config.signatures,
        config.concurrency,
        config.phase_timeout,
        move |i| {
            let signer = Signer::nth(i, &tag, &p);
            // Signer i comes from an address of its own, as a crowd does.
            let ip = format!("10.{}.{}.7", (i / 256) % 256, i % 256);
            let request = c
                .post(url.as_str())
                .header("X-Forwarded-For", ip)
                .form(&signer.form_fields());
            async move { load::body_len(load::fetch(request, StatusCode::SEE_OTHER).await?).await }
        },
    )
    .await;
    if signing.errors > 0 {
        eprintln!(
            "  {} errors, the first: {:?}\n{}",
            signing.errors,
            signing.first_error,
            apps[0].log_tail()
        );
    }
    let figure = Figure {
        processes,
        baseline,
        signing,
        app_rss: apps.iter().map(|a| a.peak_rss()).collect(),
        worker_rss: worker.peak_rss(),
    };
    drop(nginx);
    drop(apps);
    drop(worker);
    tokio::task::spawn_blocking(move || drop(db)).await?;
    Ok(figure)
}

fn ms(d: Option<Duration>) -> String {
    d.map(|d| format!("{:.1}", d.as_secs_f64() * 1000.0))
        .unwrap_or_else(|| "-".into())
}

fn mib(b: Option<u64>) -> String {
    b.map(|b| format!("{:.0}", b as f64 / (1024.0 * 1024.0)))
        .unwrap_or_else(|| "-".into())
}

pub fn print(config: &Config, figures: &[Figure]) {
    println!(
        "\n== Topology: app processes behind nginx on one PostgreSQL ({} signatures, {} clients, each from its own address; one worker process beside them)",
        config.signatures, config.concurrency
    );
    println!(
        "{:>9} {:>11} {:>11} {:>7} {:>8} {:>8} {:>8} {:>10} {:>22} {:>10}",
        "processes",
        "signing/s",
        "database/s",
        "ratio",
        "p50 ms",
        "p99 ms",
        "db p99",
        "errors",
        "app peak RSS MiB",
        "worker MiB"
    );
    for f in figures {
        let rss: Vec<String> = f.app_rss.iter().map(|r| mib(*r)).collect();
        println!(
            "{:>9} {:>11.0} {:>11.0} {:>6.2}x {:>8} {:>8} {:>8} {:>10} {:>22} {:>10}",
            f.processes,
            f.signing.per_second(),
            f.baseline.per_second(),
            f.signing.per_second() / f.baseline.per_second().max(1e-9),
            ms(f.signing.quantile(0.5)),
            ms(f.signing.quantile(0.99)),
            ms(f.baseline.quantile(0.99)),
            f.signing.errors,
            rss.join(" / "),
            mib(f.worker_rss),
        );
    }
    println!(
        "ratio: signing through nginx against the database's own insert rate for the same rows, each measured in this run; the target for 2 processes is 0.8x or better"
    );
}
