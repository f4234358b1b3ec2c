//! The `hastakshar` command: serve (the default), worker, migrate, admin, import, export, fraud.

use std::process::ExitCode;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use hastakshar::accounts::Role;
use hastakshar::accounts::admin::{self, AdminError};
use hastakshar::config::Settings;
use hastakshar::db::backup::BackupError;
use hastakshar::delivery::{self, DeliveryError};
use hastakshar::exports::{self, ExportError};
use hastakshar::i18n::Lang;
use hastakshar::integrity::cli::{self as fraud_cli, FraudError};
use hastakshar::representatives::{self, ImportError};
use hastakshar::startup::{Application, prepare_database, run_worker, shutdown_signal};
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

#[derive(Subcommand)]
enum DeliverCommand {
    /// Write DIR/{pc_id}.pdf for every constituency with a signer (or all with --all),
    /// DIR/ministry.pdf and DIR/index.csv.
    Packs {
        #[arg(long)]
        petition: i64,
        #[arg(long)]
        out: PathBuf,
        /// A pack for every constituency, even those without signers.
        #[arg(long)]
        all: bool,
        #[arg(long, value_enum, default_value = "en")]
        lang: PackLang,
    },
    /// Email each pack to its recipient through the outbox (members and ministries with an
    /// email address); a recipient already sent is skipped.
    Send {
        #[arg(long)]
        petition: i64,
        /// Say what would be sent, and send nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long, value_enum, default_value = "en")]
        lang: PackLang,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum PackLang {
    En,
    Hi,
}

impl From<PackLang> for Lang {
    fn from(l: PackLang) -> Lang {
        match l {
            PackLang::En => Lang::En,
            PackLang::Hi => Lang::Hi,
        }
    }
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create (or promote) a staff account and print a one-time link to set its password.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, value_enum)]
        role: StaffRole,
        /// The site's address for the link (default: BASE_URL).
        #[arg(long)]
        base_url: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum StaffRole {
    Admin,
    Moderator,
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Members of the Lok Sabha from a CSV file (pc_id, name, party, email, postal_address):
    /// all rows or none; every rejected row is named with its reason.
    Representatives { file: PathBuf },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// Confirmed signatures: names only of signers who consented to delivery.
    Signatures {
        #[arg(long)]
        petition: i64,
        #[arg(long, value_enum, default_value = "csv")]
        format: SignaturesFormat,
        /// Write here instead of to standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Add the email of each signer who consented to be contacted (for admins).
        #[arg(long)]
        with_emails: bool,
    },
    /// Counts for every state or constituency, zeros included, with each member of the Lok Sabha.
    Counts {
        #[arg(long)]
        petition: i64,
        #[arg(long, value_enum)]
        by: By,
        #[arg(long, value_enum, default_value = "csv")]
        format: CountsFormat,
        /// Write here instead of to standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SignaturesFormat {
    Csv,
    Xlsx,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CountsFormat {
    Csv,
    Xlsx,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum By {
    State,
    Constituency,
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

/// The database as it is, unmigrated: a backup copies what is there.
fn backup(settings: &Settings, out: &std::path::Path) -> anyhow::Result<()> {
    let pool = hastakshar::db::build_pool(&settings.database_url, 1)?;
    let mut conn = pool.get()?;
    let started = std::time::Instant::now();
    let bytes = hastakshar::db::backup::sqlite_into(&mut conn, out)?;
    println!(
        "backup: {} ({bytes} bytes) in {:.1} s",
        out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn deliver(settings: &Settings, what: DeliverCommand) -> anyhow::Result<()> {
    let pool = prepare_database(settings)?;
    let mut conn = pool.get()?;
    let actor = cli_actor();
    match what {
        DeliverCommand::Packs {
            petition,
            out,
            all,
            lang,
        } => {
            let plan = delivery::plan(&mut conn, &settings.data_keys, petition, lang.into())?;
            let started = std::time::Instant::now();
            let mut bar = Progress::new("packs");
            let written =
                delivery::write_packs(&mut conn, &plan, &out, all, &actor, |done, total| {
                    bar.show(done, total)
                })?;
            bar.finish();
            eprintln!(
                "{} packs ({} names) in {} in {:.1} s",
                written.packs,
                written.names,
                out.display(),
                started.elapsed().as_secs_f64()
            );
        }
        DeliverCommand::Send {
            petition,
            dry_run,
            lang,
        } => {
            let plan = delivery::plan(&mut conn, &settings.data_keys, petition, lang.into())?;
            let preview = delivery::send::preview(&mut conn, &plan)?;
            for t in &preview.no_email {
                eprintln!("no email address: {} ({} signatures)", t.name, t.signatures);
            }
            let n = delivery::send::send(&mut conn, &plan, &actor, dry_run, &settings.base_url)?;
            if dry_run {
                println!(
                    "dry run: {n} packs would be emailed; {} recipients have no email address; {} were sent already",
                    preview.no_email.len(),
                    preview.done.len()
                );
            } else {
                println!(
                    "{n} packs queued for email; {} recipients have no email address; {} were sent already",
                    preview.no_email.len(),
                    preview.done.len()
                );
            }
        }
    }
    Ok(())
}

/// A progress bar on standard error, redrawn in place when it is a terminal, else a line every
/// tenth of the way.
struct Progress {
    what: &'static str,
    tty: bool,
    last_tenth: usize,
}

impl Progress {
    fn new(what: &'static str) -> Progress {
        use std::io::IsTerminal;
        Progress {
            what,
            tty: std::io::stderr().is_terminal(),
            last_tenth: 0,
        }
    }

    fn show(&mut self, done: usize, total: usize) {
        let total = total.max(1);
        if self.tty {
            let filled = done * 30 / total;
            eprint!(
                "\r{} [{}{}] {done}/{total}",
                self.what,
                "#".repeat(filled),
                " ".repeat(30 - filled)
            );
        } else {
            let tenth = done * 10 / total;
            if tenth > self.last_tenth {
                self.last_tenth = tenth;
                eprintln!("{} {done}/{total}", self.what);
            }
        }
    }

    fn finish(&self) {
        if self.tty {
            eprintln!();
        }
    }
}

fn admin_create(
    settings: &Settings,
    email: &str,
    role: StaffRole,
    base_url: Option<&str>,
) -> anyhow::Result<()> {
    let role = match role {
        StaffRole::Admin => Role::Admin,
        StaffRole::Moderator => Role::Moderator,
    };
    let base = match base_url {
        Some(b) => hastakshar::config::site_url("--base-url", b)?,
        None => settings.base_url.clone(),
    };
    let pool = prepare_database(settings)?;
    let mut conn = pool.get()?;
    let link = admin::create(&mut conn, email, role, &base, &cli_actor())?;
    println!(
        "{} is {}. Set the password within {} hours at:",
        email.trim(),
        role.code(),
        admin::LINK_VALID_HOURS
    );
    println!("{link}");
    let source = if base_url.is_some() {
        "--base-url"
    } else {
        "BASE_URL"
    };
    eprintln!("(the link is on {base}, from {source}; pass --base-url to use another address)");
    Ok(())
}

/// Who ran an export from the command line, for the audit log.
fn cli_actor() -> hastakshar::db::audit::Actor {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_else(|_| "unknown".into());
    hastakshar::db::audit::Actor::command_line(&user)
}

type ExportRun<'a> = Box<dyn FnOnce(&mut dyn std::io::Write) -> Result<i64, ExportError> + 'a>;

fn export(settings: &Settings, what: ExportCommand) -> anyhow::Result<()> {
    let xlsx_without_file = match &what {
        ExportCommand::Signatures { format, out, .. } => {
            *format == SignaturesFormat::Xlsx && out.is_none()
        }
        ExportCommand::Counts { format, out, .. } => *format == CountsFormat::Xlsx && out.is_none(),
    };
    if xlsx_without_file {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "an xlsx export needs --out FILE",
        )
        .into());
    }
    let pool = prepare_database(settings)?;
    let mut conn = pool.get()?;
    let actor = cli_actor();
    let (out, run): (Option<PathBuf>, ExportRun<'_>) = match what {
        ExportCommand::Signatures {
            petition,
            format,
            out,
            with_emails,
        } => {
            let format = match format {
                SignaturesFormat::Csv => exports::Format::Csv,
                SignaturesFormat::Xlsx => exports::Format::Xlsx,
            };
            (
                out,
                Box::new(move |w| {
                    exports::signatures(
                        &mut conn,
                        &settings.data_keys,
                        petition,
                        format,
                        with_emails,
                        &actor,
                        w,
                    )
                }),
            )
        }
        ExportCommand::Counts {
            petition,
            by,
            format,
            out,
        } => {
            let by = match by {
                By::State => exports::CountsBy::State,
                By::Constituency => exports::CountsBy::Constituency,
            };
            let format = match format {
                CountsFormat::Csv => exports::Format::Csv,
                CountsFormat::Xlsx => exports::Format::Xlsx,
                CountsFormat::Json => exports::Format::Json,
            };
            (
                out,
                Box::new(move |w| {
                    exports::write_counts(&mut conn, petition, by, format, &actor, w)
                }),
            )
        }
    };
    let rows = match out {
        None => run(&mut std::io::stdout().lock())?,
        Some(path) => {
            // Written beside the target and renamed into place, so a failed export leaves no
            // half-written file behind.
            let partial = path.with_extension("partial");
            match run(&mut std::fs::File::create(&partial)?) {
                Ok(n) => {
                    std::fs::rename(&partial, &path)?;
                    n
                }
                Err(e) => {
                    let _ = std::fs::remove_file(&partial);
                    return Err(e.into());
                }
            }
        }
    };
    eprintln!("hastakshar: exported {rows} rows");
    Ok(())
}

fn import_representatives(settings: &Settings, file: &std::path::Path) -> anyhow::Result<()> {
    let input = std::fs::File::open(file).map_err(|e| {
        std::io::Error::new(e.kind(), format!("cannot read {}: {e}", file.display()))
    })?;
    let list = representatives::parse(input)?;
    let pool = prepare_database(settings)?;
    let mut conn = pool.get()?;
    let n = representatives::import(&mut conn, &list, &cli_actor(), &file.display().to_string())?;
    eprintln!("hastakshar: imported {n} representatives");
    Ok(())
}
