//! The `hastakshar` command: serve (the default), worker, migrate.

use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use hastakshar::config::Settings;
use hastakshar::jobs::Worker;
use hastakshar::metrics::Metrics;
use hastakshar::startup::{Application, prepare_database};
use hastakshar::telemetry;

#[derive(Parser)]
#[command(
    name = "hastakshar",
    version,
    about = "Petitions and advocacy campaigns, from signature to delivery."
)]
#[command(
    after_help = "Configuration comes from the environment (or a .env file): DATABASE_URL, BIND, BASE_URL, \
SMTP_URL, MAIL_FROM, HCAPTCHA_SITEKEY, HCAPTCHA_SECRET, HCAPTCHA_VERIFY_URL, TRUSTED_PROXIES, SECRET_KEY, \
HASTAKSHAR_ENV, RUST_LOG. See the README."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database, then serve the site (the default).
    Serve {
        /// Do not run the email and counting worker in this process.
        #[arg(long)]
        no_worker: bool,
    },
    /// Run the email and counting worker alone.
    Worker,
    /// Apply pending database migrations and load reference data, then exit.
    Migrate,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let settings = match Settings::from_env() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("hastakshar: {e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(settings.log_json);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("hastakshar: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        match cli.command.unwrap_or(Command::Serve { no_worker: false }) {
            Command::Serve { no_worker } => serve(settings, !no_worker).await,
            Command::Worker => worker(settings).await,
            Command::Migrate => {
                tokio::task::spawn_blocking(move || prepare_database(&settings).map(|_| ())).await?
            }
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hastakshar: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(settings: Settings, run_worker: bool) -> anyhow::Result<()> {
    let base = settings.base_url.clone();
    // actix's server must run on its own system; the Application spawns within it.
    let app = Application::build(settings, run_worker).await?;
    tracing::info!(url = %base, "serving");
    let handle = app.handle();
    tokio::spawn(async move {
        let _ = tokio::signal::ctrl_c().await;
        handle.stop(true).await;
    });
    app.run_until_stopped().await?;
    Ok(())
}

async fn worker(settings: Settings) -> anyhow::Result<()> {
    let s = settings.clone();
    let pool = tokio::task::spawn_blocking(move || prepare_database(&s)).await??;
    let w = Worker::new(&settings, pool, Arc::new(Metrics::new()))?;
    let (tx, rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        let _ = tokio::signal::ctrl_c().await;
        let _ = tx.send(true);
    });
    w.run(rx).await;
    Ok(())
}
