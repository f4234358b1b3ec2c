//! `hastakshar-bench`: loads the sign, confirm and petition-page paths of a real `hastakshar`
//! server on loopback, once per database backend, and prints each figure beside a baseline
//! measured in the same run. Machines here are shared and noisy, so the ratios are what count:
//! the absolute figures drift from run to run.
//!
//! ```sh
//! cargo build --release --bins && target/release/hastakshar-bench
//! ```

mod console;
mod direct;
mod export;
mod fresh;
mod integrity;
mod load;
mod phases;
mod report;
mod server;
mod signers;
/// The mail sink: the tests' SMTP server, of which the benchmark only counts what arrives.
#[allow(dead_code)]
#[path = "../../../tests/api/support/smtp.rs"]
mod smtp;
mod topology;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::{Parser, ValueEnum};

use crate::fresh::Backend;
use crate::report::BackendReport;

#[derive(Parser, Debug)]
#[command(
    name = "hastakshar-bench",
    about = "Benchmark the sign, confirm and petition-page paths against baselines from the same run.",
    after_help = "Build first: cargo build --release --bins && target/release/hastakshar-bench\n\
The server under test is the release `hastakshar` binary next to this one.\n\
SQLite databases go in TMPDIR, whose disk's fsync latency sets SQLite's figures."
)]
struct Cli {
    /// Which database backends to run (default: both if a PostgreSQL URL is given, else sqlite).
    #[arg(long, value_enum)]
    backend: Option<BackendChoice>,
    /// Signatures to sign over HTTP (and to insert for the baseline and the confirm phase).
    #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    signatures: u32,
    /// Concurrent HTTP clients; the database baseline inserts from as many threads, and from one.
    #[arg(long, default_value_t = 32, value_parser = clap::value_parser!(u32).range(1..=1024))]
    concurrency: u32,
    /// Petition page requests, to the application and to the static baseline each.
    #[arg(long, default_value_t = 5000, value_parser = clap::value_parser!(u32).range(1..=10_000_000))]
    page_views: u32,
    /// A PostgreSQL database URL whose user may CREATE DATABASE: the benchmark creates its own
    /// databases beside it and drops them at the end.
    #[arg(long, env = "TEST_DATABASE_URL", hide_env_values = true)]
    pg_url: Option<String>,
    /// Also export this many confirmed signatures to CSV with the real command, per backend
    /// (the design's target is 1,000,000 in 5 s within 100 MB); 0 leaves the export out.
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=10_000_000))]
    export_rows: u32,
    /// Also time the integrity console's views on a petition with this many signatures, per
    /// backend (the issue's case is 1,000,000: every view under a second); 0 leaves it out.
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=10_000_000))]
    console_rows: u32,
    /// Instead of the phases, measure the production topology: 1, 2 and 3 `serve --no-worker`
    /// processes and a worker behind nginx (deploy/nginx/proxy.conf) on one PostgreSQL, each
    /// beside the database's own insert rate (needs nginx and a PostgreSQL URL).
    #[arg(long)]
    topology: bool,
    /// Longest any one phase may run, in seconds; a phase cut short says so in the report.
    #[arg(long, default_value_t = 120, value_parser = clap::value_parser!(u64).range(5..=3600))]
    phase_timeout: u64,

    /// Internal: serve FILE as a static page (the page-view baseline runs as its own process).
    #[arg(long, hide = true, requires = "port")]
    serve_static: Option<PathBuf>,
    /// Internal: the port for --serve-static.
    #[arg(long, hide = true)]
    port: Option<u16>,
    /// Internal: the Content-Type for --serve-static.
    #[arg(long, hide = true, default_value = "text/html; charset=utf-8")]
    content_type: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum BackendChoice {
    Sqlite,
    Postgres,
    Both,
}

/// What every backend's run is given.
#[derive(Clone, Debug)]
pub struct Config {
    pub export_rows: usize,
    pub console_rows: usize,
    pub signatures: usize,
    pub concurrency: usize,
    pub page_views: usize,
    pub pg_admin_url: Option<String>,
    pub phase_timeout: Duration,
    pub topology: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(file) = &cli.serve_static {
        let port = cli.port.unwrap_or_default();
        return exit(server::serve_static(file, port, &cli.content_type));
    }
    let pg_url = cli.pg_url.clone().filter(|u| !u.trim().is_empty());
    let backends = match backends(cli.backend, pg_url.is_some()) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("hastakshar-bench: {e}");
            return ExitCode::from(2);
        }
    };
    let config = Config {
        signatures: cli.signatures as usize,
        concurrency: cli.concurrency as usize,
        page_views: cli.page_views as usize,
        pg_admin_url: pg_url,
        export_rows: cli.export_rows as usize,
        console_rows: cli.console_rows as usize,
        phase_timeout: Duration::from_secs(cli.phase_timeout),
        topology: cli.topology,
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("hastakshar-bench: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    exit(runtime.block_on(run(config, backends)))
}

fn exit(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hastakshar-bench: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn backends(choice: Option<BackendChoice>, have_pg: bool) -> anyhow::Result<Vec<Backend>> {
    let choice = choice.unwrap_or(if have_pg {
        BackendChoice::Both
    } else {
        BackendChoice::Sqlite
    });
    if choice != BackendChoice::Sqlite && !have_pg {
        anyhow::bail!(
            "PostgreSQL needs --pg-url or TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)"
        );
    }
    Ok(match choice {
        BackendChoice::Sqlite => vec![Backend::Sqlite],
        BackendChoice::Postgres => vec![Backend::Postgres],
        BackendChoice::Both => vec![Backend::Sqlite, Backend::Postgres],
    })
}

/// Runs every backend in turn (never together: they would share the two cores), then reports.
async fn run(config: Config, backends: Vec<Backend>) -> anyhow::Result<()> {
    let server_exe = server::app_binary()?;
    let places = Arc::new(signers::places());
    anyhow::ensure!(
        !places.is_empty(),
        "no valid PIN code, state and constituency to sign with"
    );
    if config.topology {
        anyhow::ensure!(
            config.pg_admin_url.is_some(),
            "--topology runs on PostgreSQL: give --pg-url or TEST_DATABASE_URL"
        );
        eprintln!("== topology");
        let figures = topology::measure(&config, &server_exe, &places).await?;
        topology::print(&config, &figures);
        return Ok(());
    }
    let mut reports: Vec<BackendReport> = Vec::new();
    for backend in backends {
        eprintln!("== {backend}");
        let r = phases::bench_backend(backend, &config, &server_exe, &places).await?;
        reports.push(r);
    }
    report::print(&config, &server_exe, &places, &reports);
    if config.export_rows > 0 {
        let mut figures = Vec::new();
        for r in &reports {
            eprintln!(
                "== {}: export of {} signatures",
                r.backend, config.export_rows
            );
            let (backend, rows, pg) = (r.backend, config.export_rows, config.pg_admin_url.clone());
            let (exe, places) = (server_exe.clone(), places.clone());
            figures.push(
                tokio::task::spawn_blocking(move || {
                    export::bench(backend, rows, pg.as_deref(), &exe, &places)
                })
                .await??,
            );
        }
        export::print(&figures);
    }
    if config.console_rows > 0 {
        let mut figures = Vec::new();
        for r in &reports {
            eprintln!(
                "== {}: integrity console on {} signatures",
                r.backend, config.console_rows
            );
            let (backend, rows, pg) = (r.backend, config.console_rows, config.pg_admin_url.clone());
            let places = places.clone();
            figures.push(
                tokio::task::spawn_blocking(move || {
                    console::bench(backend, rows, pg.as_deref(), &places)
                })
                .await??,
            );
        }
        console::print(&figures);
    }
    Ok(())
}
