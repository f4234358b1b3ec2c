//! The `hastakshar` command: serve (the default), worker, migrate, admin, import, export, fraud.

use std::process::ExitCode;

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use hastakshar::accounts::admin::AdminError;
use hastakshar::config::Settings;
use hastakshar::db::backup::BackupError;
use hastakshar::delivery::DeliveryError;
use hastakshar::exports::ExportError;
use hastakshar::integrity::cli::{self as fraud_cli, FraudError};
use hastakshar::representatives::ImportError;
use hastakshar::startup::{Application, prepare_database, run_worker, shutdown_signal};
use hastakshar::telemetry;

// The binary's own modules (the library has no `commands`).
mod commands;

use commands::{
    AdminCommand, DeliverCommand, ExportCommand, ImportCommand, admin_create, admin_token, backup,
    cli_actor, deliver, export, import_representatives,
};

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
    /// Load data from a file.
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// Delivery packs: a PDF for each member of the Lok Sabha and for the ministry.
    Deliver {
        #[command(subcommand)]
        what: DeliverCommand,
    },
    /// Manage staff accounts.
    Admin {
        #[command(subcommand)]
        what: AdminCommand,
    },
    /// Export a petition's signatures or counts; every export goes to the audit log.
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// A consistent copy of a SQLite database, taken while the site keeps serving.
    Backup {
        /// The file to write; it must not exist.
        #[arg(long)]
        out: PathBuf,
    },
    /// Invalidate signatures of a wave, restore them, refresh the disposable-domain list.
    Fraud {
        #[command(subcommand)]
        what: fraud_cli::Command,
    },
    /// The data key that seals signers' names and addresses: a new one, rotation, status.
    Keys {
        #[command(subcommand)]
        what: hastakshar::privacy::keys_cli::Command,
    },
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
            Command::Import {
                what: ImportCommand::Representatives { file },
            } => {
                tokio::task::spawn_blocking(move || import_representatives(&settings, &file))
                    .await?
            }
            Command::Export { what } => {
                tokio::task::spawn_blocking(move || export(&settings, what)).await?
            }
            Command::Deliver { what } => {
                tokio::task::spawn_blocking(move || deliver(&settings, what)).await?
            }
            Command::Backup { out } => {
                tokio::task::spawn_blocking(move || backup(&settings, &out)).await?
            }
            Command::Fraud { what } => {
                tokio::task::spawn_blocking(move || {
                    println!("{}", fraud_cli::run(&settings, what, &cli_actor())?);
                    Ok(())
                })
                .await?
            }
            Command::Keys { what } => {
                tokio::task::spawn_blocking(move || {
                    let said = hastakshar::privacy::keys_cli::run(&settings, what, &cli_actor())?;
                    println!("{said}");
                    Ok(())
                })
                .await?
            }
            Command::Admin {
                what:
                    AdminCommand::Create {
                        email,
                        role,
                        base_url,
                    },
            } => {
                tokio::task::spawn_blocking(move || {
                    admin_create(&settings, &email, role, base_url.as_deref())
                })
                .await?
            }
            Command::Admin {
                what: AdminCommand::Token { name, source },
            } => {
                tokio::task::spawn_blocking(move || admin_token(&settings, &name, &source)).await?
            }
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // Unknown ids and refused input are the caller's mistake, like bad arguments.
        Err(e)
            if matches!(
                e.downcast_ref::<ExportError>(),
                Some(ExportError::UnknownPetition(_))
            ) || matches!(
                e.downcast_ref::<ImportError>(),
                Some(ImportError::Rejected(_))
            ) || matches!(
                e.downcast_ref::<DeliveryError>(),
                Some(DeliveryError::UnknownPetition(_) | DeliveryError::UnknownConstituency(_))
            ) || matches!(
                e.downcast_ref::<AdminError>(),
                Some(AdminError::BadEmail(_))
            ) || matches!(
                e.downcast_ref::<BackupError>(),
                Some(BackupError::Exists(_) | BackupError::Postgres)
            ) || e.downcast_ref::<FraudError>().is_some()
                || e.downcast_ref::<std::io::Error>().is_some()
                || e.downcast_ref::<hastakshar::config::ConfigError>()
                    .is_some() =>
        {
            eprintln!("hastakshar: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("hastakshar: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(settings: Settings, run_worker: bool) -> anyhow::Result<()> {
    let base = settings.base_url.clone();
    let settings_drain = settings.shutdown_drain;
    // actix's server must run on its own system; the Application spawns within it.
    let app = Application::build(settings, run_worker).await?;
    tracing::info!(url = %base, "serving");
    let stop = app.stopper();
    let drain = settings_drain;
    tokio::spawn(async move {
        // An orchestrator's SIGTERM drains first; a person's Ctrl-C stops at once.
        let drain = if shutdown_signal().await {
            drain
        } else {
            std::time::Duration::ZERO
        };
        stop.stop(drain).await;
    });
    app.run_until_stopped().await?;
    Ok(())
}

async fn worker(settings: Settings) -> anyhow::Result<()> {
    let (tx, rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        shutdown_signal().await;
        let _ = tx.send(true);
    });
    run_worker(settings, rx).await
}
