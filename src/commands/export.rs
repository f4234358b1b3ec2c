//! `hastakshar export`: a petition's signatures or counts, to standard output or a file.

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use hastakshar::config::Settings;
use hastakshar::exports::{self, ExportError};
use hastakshar::startup::prepare_database;

use super::cli_actor;

#[derive(Subcommand)]
pub enum ExportCommand {
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
pub enum SignaturesFormat {
    Csv,
    Xlsx,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CountsFormat {
    Csv,
    Xlsx,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum By {
    State,
    Constituency,
}

type ExportRun<'a> = Box<dyn FnOnce(&mut dyn std::io::Write) -> Result<i64, ExportError> + 'a>;

pub fn export(settings: &Settings, what: ExportCommand) -> anyhow::Result<()> {
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
