//! `hastakshar deliver`: write the packs, or email them through the outbox.

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use hastakshar::config::Settings;
use hastakshar::delivery;
use hastakshar::i18n::Lang;
use hastakshar::startup::prepare_database;

use super::{Progress, cli_actor};

#[derive(Subcommand)]
pub enum DeliverCommand {
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
pub enum PackLang {
    En,
    Hi,
    Bn,
}

impl From<PackLang> for Lang {
    fn from(l: PackLang) -> Lang {
        match l {
            PackLang::En => Lang::En,
            PackLang::Hi => Lang::Hi,
            PackLang::Bn => Lang::Bn,
        }
    }
}

pub fn deliver(settings: &Settings, what: DeliverCommand) -> anyhow::Result<()> {
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
            let delivery::send::Sent { packs: n, preview } =
                delivery::send::send(&mut conn, &plan, &actor, dry_run, &settings.base_url)?;
            for t in &preview.no_email {
                eprintln!("no email address: {} ({} signatures)", t.name, t.signatures);
            }
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
