//! Fresh, empty databases and scratch directories that remove themselves: a SQLite file in a
//! temporary directory, or a new PostgreSQL database dropped (with its connections) at the end.

use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::Context;
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        })
    }
}

/// A directory under the system's temporary directory, deleted with everything in it on drop.
pub struct ScratchDir(PathBuf);

impl ScratchDir {
    pub fn new(label: &str) -> anyhow::Result<ScratchDir> {
        let path = std::env::temp_dir().join(format!(
            "hastakshar-bench-{label}-{}",
            uuid::Uuid::new_v4().simple()
        ));
        std::fs::create_dir_all(&path).with_context(|| format!("creating {}", path.display()))?;
        Ok(ScratchDir(path))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A new, empty database that lives as long as this value.
pub struct FreshDb {
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    /// Deleting the directory deletes the database file and its WAL.
    Sqlite {
        _dir: ScratchDir,
    },
    Postgres {
        admin_url: String,
        name: String,
    },
}

impl FreshDb {
    /// Blocking: creates the database (PostgreSQL's `CREATE DATABASE` takes a moment).
    pub fn create(backend: Backend, pg_admin_url: Option<&str>) -> anyhow::Result<FreshDb> {
        match backend {
            Backend::Sqlite => {
                let dir = ScratchDir::new("db")?;
                let path = dir.path().join("bench.db");
                let path = path
                    .to_str()
                    .context("the temporary directory is not UTF-8")?;
                Ok(FreshDb {
                    url: format!("sqlite://{path}"),
                    cleanup: Cleanup::Sqlite { _dir: dir },
                })
            }
            Backend::Postgres => {
                let admin_url = pg_admin_url.context("PostgreSQL needs --pg-url")?;
                Self::create_postgres(admin_url)
            }
        }
    }

    fn create_postgres(admin_url: &str) -> anyhow::Result<FreshDb> {
        // A random name, so runs that overlap (or one that crashed) never collide.
        let name = format!("hastakshar_bench_{:016x}", rand::random::<u64>());
        let mut url = url::Url::parse(admin_url).context("the PostgreSQL URL is not a URL")?;
        url.set_path(&format!("/{name}"));
        let mut admin = PgConnection::establish(admin_url)
            .with_context(|| format!("connecting to PostgreSQL at {}", redacted(admin_url)))?;
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .with_context(|| format!("CREATE DATABASE {name}"))?;
        Ok(FreshDb {
            url: url.to_string(),
            cleanup: Cleanup::Postgres {
                admin_url: admin_url.to_string(),
                name,
            },
        })
    }
}

impl Drop for FreshDb {
    fn drop(&mut self) {
        if let Cleanup::Postgres { admin_url, name } = &self.cleanup {
            // FORCE ends the server's and pool's connections, which may still be open.
            let dropped = PgConnection::establish(admin_url)
                .map_err(|e| e.to_string())
                .and_then(|mut c| {
                    c.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .map_err(|e| e.to_string())
                });
            if let Err(e) = dropped {
                eprintln!("warning: could not drop database {name}: {e}");
            }
        }
    }
}

/// The URL without its password, for messages.
pub fn redacted(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) => {
            if u.password().is_some() {
                let _ = u.set_password(Some("***"));
            }
            u.to_string()
        }
        Err(_) => "(not a URL)".into(),
    }
}
