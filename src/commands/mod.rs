//! The command line's subcommands other than `serve` and `worker`: each opens the database,
//! does its one thing and says what it did. These are the binary's own modules (the library
//! has no `commands`).

mod deliver;
mod export;

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use hastakshar::accounts::Role;
use hastakshar::accounts::admin;
use hastakshar::config::Settings;
use hastakshar::representatives;
use hastakshar::startup::prepare_database;

pub use deliver::{DeliverCommand, deliver};
pub use export::{ExportCommand, export};

#[derive(Subcommand)]
pub enum AdminCommand {
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
    /// Issue an API token for a partner group's system (`/osdi/v1`) and print it: it is shown
    /// this once. What it records is credited to `--source`, and it reads only that source's
    /// signatures. Admins also issue and revoke tokens at /admin/api-tokens.
    Token {
        /// A name for people ("Bihar network's CiviCRM").
        #[arg(long)]
        name: String,
        /// The group's source code, as in `?source=` links.
        #[arg(long)]
        source: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum StaffRole {
    Admin,
    Moderator,
}

#[derive(Subcommand)]
pub enum ImportCommand {
    /// Members of the Lok Sabha from a CSV file (pc_id, name, party, email, postal_address):
    /// all rows or none; every rejected row is named with its reason.
    Representatives { file: PathBuf },
}

/// The database as it is, unmigrated: a backup copies what is there.
pub fn backup(settings: &Settings, out: &std::path::Path) -> anyhow::Result<()> {
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

/// A progress bar on standard error, redrawn in place when it is a terminal, else a line every
/// tenth of the way.
pub struct Progress {
    what: &'static str,
    tty: bool,
    last_tenth: usize,
}

impl Progress {
    pub fn new(what: &'static str) -> Progress {
        use std::io::IsTerminal;
        Progress {
            what,
            tty: std::io::stderr().is_terminal(),
            last_tenth: 0,
        }
    }

    pub fn show(&mut self, done: usize, total: usize) {
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

    pub fn finish(&self) {
        if self.tty {
            eprintln!();
        }
    }
}

pub fn admin_token(settings: &Settings, name: &str, source: &str) -> anyhow::Result<()> {
    let name = name.trim();
    let Some(source) = hastakshar::domain::source_code(source).filter(|_| !name.is_empty()) else {
        anyhow::bail!(
            "--name must not be empty, and --source must be a code of lowercase letters, digits, - and _ (at most 40)"
        );
    };
    let pool = prepare_database(settings)?;
    let mut conn = pool.get()?;
    let token = hastakshar::tokens::new_token();
    let id = hastakshar::db::api_tokens::issue(
        &mut conn,
        name,
        &source,
        &token.hash,
        None,
        &cli_actor(),
    )?;
    eprintln!("token {id} for {name} (source {source}); it is not shown again:");
    println!("{}", token.plain);
    Ok(())
}

pub fn admin_create(
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
pub fn cli_actor() -> hastakshar::db::audit::Actor {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_else(|_| "unknown".into());
    hastakshar::db::audit::Actor::command_line(&user)
}

pub fn import_representatives(settings: &Settings, file: &std::path::Path) -> anyhow::Result<()> {
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
