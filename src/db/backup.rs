//! `hastakshar backup`: a consistent copy of a SQLite database, taken while the site keeps
//! signing. `VACUUM INTO` reads the database in one transaction (a snapshot: writers go on in
//! the write-ahead log meanwhile) and writes a compact copy, which is then checked and moved into
//! place, so that a file at `out` is always a whole backup.

use std::path::Path;

use diesel::prelude::*;
use diesel::sql_types::Text;

use super::{DbConnection, DbError};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} exists already: choose a new file")]
    Exists(String),
    #[error(
        "the database is PostgreSQL: back it up with pg_dump, and keep its write-ahead log for \
         point-in-time recovery (deploy/README.md, \"Backups\")"
    )]
    Postgres,
    #[error("the copy failed its integrity check: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

#[derive(QueryableByName)]
struct Check {
    #[diesel(sql_type = Text)]
    integrity_check: String,
}

/// Copies the database to `out` (which must not exist); returns the copy's size in bytes.
pub fn sqlite_into(conn: &mut DbConnection, out: &Path) -> Result<u64, BackupError> {
    let DbConnection::Sqlite(c) = conn else {
        return Err(BackupError::Postgres);
    };
    if out.exists() {
        return Err(BackupError::Exists(out.display().to_string()));
    }
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let partial = out.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    let copied = diesel::sql_query("VACUUM INTO ?")
        .bind::<Text, _>(partial.to_string_lossy().as_ref())
        .execute(c)
        .map_err(DbError::from);
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&partial);
        return Err(e.into());
    }
    // The copy is opened on its own and checked before it takes the name of a backup.
    let url = partial.to_string_lossy().to_string();
    let checked = (|| -> Result<String, DbError> {
        let mut copy = diesel::SqliteConnection::establish(&url)
            .map_err(|e| DbError::Migration(e.to_string()))?;
        let rows: Vec<Check> = diesel::sql_query("PRAGMA integrity_check").load(&mut copy)?;
        Ok(rows
            .into_iter()
            .map(|r| r.integrity_check)
            .collect::<Vec<_>>()
            .join("; "))
    })();
    match checked {
        Ok(verdict) if verdict == "ok" => {}
        Ok(verdict) => {
            let _ = std::fs::remove_file(&partial);
            return Err(BackupError::Corrupt(verdict));
        }
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            return Err(e.into());
        }
    }
    std::fs::rename(&partial, out)?;
    Ok(std::fs::metadata(out)?.len())
}
