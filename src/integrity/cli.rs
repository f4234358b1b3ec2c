//! `hastakshar fraud …`: invalidations and the disposable-domain list from the command line,
//! audited like their counterparts in the console.

use std::path::{Path, PathBuf};

use crate::config::Settings;
use crate::db::audit::Actor;
use crate::db::{integrity as store, petitions};
use crate::forms::Form;
use crate::startup::prepare_database;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Invalidate a petition's signatures that match every criterion given (audited).
    Invalidate {
        #[arg(long)]
        petition: i64,
        /// A range in CIDR (IPv4 /16 to /24, IPv6 /40 to /48) or one address.
        #[arg(long)]
        network: Option<String>,
        /// An email domain (and the domains under it).
        #[arg(long)]
        domain: Option<String>,
        /// One email address (any spelling of it).
        #[arg(long)]
        address: Option<String>,
        /// Signed at or after this time (UTC): 2026-12-02T10:30, RFC 3339, or a date.
        #[arg(long)]
        since: Option<String>,
        /// Signed before this time (UTC).
        #[arg(long)]
        until: Option<String>,
        /// Why, shown in public on the petition's method page.
        #[arg(long)]
        reason: String,
        /// Count what matches, change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Cancel an invalidation: its signatures count again.
    Restore {
        #[arg(long)]
        invalidation: i64,
    },
    /// The disposable-domain list.
    Domains {
        /// Replace the list with this file (one domain per line, as the public list has it).
        #[arg(long)]
        import: PathBuf,
    },
}

/// Runs one `fraud` command; the line to print.
pub fn run(settings: &Settings, what: Command, actor: &Actor) -> anyhow::Result<String> {
    Ok(match what {
        Command::Invalidate {
            petition,
            network,
            domain,
            address,
            since,
            until,
            reason,
            dry_run,
        } => {
            let o = Options {
                petition,
                network,
                domain,
                address,
                since,
                until,
                reason,
                dry_run,
            };
            invalidate(settings, &o, actor)?
        }
        Command::Restore { invalidation } => restore(settings, invalidation, actor)?,
        Command::Domains { import } => import_domains(settings, &import, actor)?,
    })
}

/// What the caller got wrong (exit 2), as one line.
#[derive(Debug, thiserror::Error)]
pub enum FraudError {
    #[error("{0}")]
    Bad(String),
}

/// The criteria as the options gave them (`None` for an option left out).
#[derive(Debug, Default)]
pub struct Options {
    pub petition: i64,
    pub network: Option<String>,
    pub domain: Option<String>,
    pub address: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub reason: String,
    pub dry_run: bool,
}

/// Invalidates (or with `dry_run` only counts) what the options match; the line to print.
pub fn invalidate(settings: &Settings, o: &Options, actor: &Actor) -> anyhow::Result<String> {
    let mut form = Form::default();
    for (name, v) in [
        ("network", &o.network),
        ("domain", &o.domain),
        ("address", &o.address),
        ("since", &o.since),
        ("until", &o.until),
    ] {
        if let Some(v) = v {
            if v.trim().is_empty() {
                return Err(FraudError::Bad(format!("--{name} is empty")).into());
            }
            form.push(name, v);
        }
    }
    let criteria = super::criteria::parse(&form, &settings.secret_key, &settings.data_keys)
        .map_err(|p| {
            let first = &p.0[0];
            let option = if first.key == "error-criteria-none" {
                "give at least one of --network, --domain, --address, --since, --until".to_string()
            } else {
                format!(
                    "--{}: {}",
                    first.field,
                    crate::i18n::Lang::En.t(first.key).to_lowercase()
                )
            };
            FraudError::Bad(option)
        })?;
    let reason = o.reason.trim();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(
            FraudError::Bad("--reason must say why, in at most 500 characters".into()).into(),
        );
    }
    let pool = prepare_database(settings)?;
    let mut conn = pool.get()?;
    if petitions::status_of(&mut conn, o.petition)?.is_none() {
        return Err(FraudError::Bad(format!("no petition {}", o.petition)).into());
    }
    if o.dry_run {
        let n = store::count_matching(&mut conn, o.petition, &criteria)?;
        return Ok(format!("{n} signatures match (dry run: nothing changed)"));
    }
    Ok(
        match super::staff::invalidate(&mut conn, o.petition, &criteria, reason, actor)? {
            Some((id, n)) => format!("{n} signatures invalidated (invalidation {id})"),
            None => "0 signatures match: nothing changed".to_string(),
        },
    )
}

pub fn restore(settings: &Settings, id: i64, actor: &Actor) -> anyhow::Result<String> {
    let pool = prepare_database(settings)?;
    let mut conn = pool.get()?;
    match super::staff::cancel(&mut conn, id, actor)? {
        Some((petition, n)) => Ok(format!(
            "invalidation {id} cancelled: {n} signatures of petition {petition} count again"
        )),
        None => match store::invalidation(&mut conn, id)? {
            Some(_) => {
                Err(FraudError::Bad(format!("invalidation {id} is cancelled already")).into())
            }
            None => Err(FraudError::Bad(format!("no invalidation {id}")).into()),
        },
    }
}

/// Replaces the disposable-domain list with the one in `file` (the public list's format).
pub fn import_domains(settings: &Settings, file: &Path, actor: &Actor) -> anyhow::Result<String> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| FraudError::Bad(format!("{}: {e}", file.display())))?;
    let mut list: Vec<String> = super::parse_domain_list(&text).into_iter().collect();
    list.sort();
    if list.is_empty() {
        return Err(FraudError::Bad(format!("{}: no domains in it", file.display())).into());
    }
    let pool = prepare_database(settings)?;
    let mut conn = pool.get()?;
    let n = super::staff::import_domains(&mut conn, &list, actor)?;
    Ok(format!(
        "{n} disposable domains imported; every process uses them within {} seconds",
        super::REFRESH.as_secs()
    ))
}
