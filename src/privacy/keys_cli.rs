//! `hastakshar keys …`: the data key that seals signers' names and addresses at rest.
//!
//! To change it while the site runs: `keys new` makes a key; every process is restarted with
//! it as `DATA_KEY` and the old one in `DATA_KEYS_RETIRED` (each then reads both and seals with
//! the new one); `keys rotate` seals every row again under the new key; then the old key can go.

use crate::config::Settings;
use crate::db::audit::Actor;
use crate::startup::prepare_database;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Print a new random key, to set as DATA_KEY.
    New,
    /// Seal every row again under DATA_KEY (those under a retired key, and those written
    /// before encryption), while the site runs; audited.
    Rotate,
    /// How many rows each key seals.
    Status,
}

pub fn run(settings: &Settings, what: Command, actor: &Actor) -> anyhow::Result<String> {
    let keys = &settings.data_keys;
    Ok(match what {
        Command::New => crate::seal::Keys::generate(),
        Command::Rotate => {
            let pool = prepare_database(settings)?;
            let done = crate::db::sealing::rotate(&mut *pool.get()?, keys, actor)?;
            format!(
                "sealed again under key {}: {} signatures, {} emails, {} suppressed addresses, {} privacy requests{}",
                keys.primary_id(),
                done.signatures,
                done.emails,
                done.suppressions,
                done.requests,
                if done.conflicts > 0 {
                    format!(
                        "; {} signatures left under their old key (their address signed twice): keep that key retired until they are withdrawn or erased",
                        done.conflicts
                    )
                } else {
                    String::new()
                }
            )
        }
        Command::Status => {
            let pool = prepare_database(settings)?;
            let mut conn = pool.get()?;
            let (by_signature, by_email) = crate::db::sealing::count_by_key(&mut conn)?;
            let name = |k: &Option<String>| match k.as_deref() {
                None => "not sealed yet".to_string(),
                Some("-") => "anonymised".to_string(),
                Some(k) if k == keys.primary_id() => format!("{k} (DATA_KEY)"),
                Some(k) if keys.retired_ids().contains(&k) => format!("{k} (retired)"),
                Some(k) => format!("{k} (unknown: its rows cannot be read)"),
            };
            let mut out = String::from("signatures:\n");
            for (k, n) in &by_signature {
                out.push_str(&format!("  {}: {n}\n", name(k)));
            }
            out.push_str("emails:\n");
            for (k, n) in &by_email {
                out.push_str(&format!("  {}: {n}\n", name(k)));
            }
            out.trim_end().to_string()
        }
    })
}
