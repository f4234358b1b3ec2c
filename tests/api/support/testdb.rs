//! Databases for tests: a SQLite file in a temporary directory, or a new
//! PostgreSQL database on the server named by `TEST_DATABASE_URL`; empty
//! (`fresh`), or ready for the application (`prepared`: migrated, reference
//! data and demo petition loaded) by copying a template made once per run, so
//! that no test loads the PIN-code table again.

use std::fmt;
use std::path::PathBuf;
use std::sync::OnceLock;

use diesel::{Connection, PgConnection, RunQueryDsl, SqliteConnection};
use tempfile::TempDir;

/// Names the administrative PostgreSQL database to create test databases
/// from, e.g. `postgres://postgres@127.0.0.1:5432/test`.
pub const TEST_DATABASE_URL: &str = "TEST_DATABASE_URL";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(&self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The backends to run database tests against: SQLite always, PostgreSQL
/// when `TEST_DATABASE_URL` is set.
///
/// Panics under CI (`CI=true`) without `TEST_DATABASE_URL`: a CI run that
/// silently skipped PostgreSQL would look green while testing half the code.
pub fn backends() -> Vec<Backend> {
    match postgres_admin_url() {
        Some(_) => vec![Backend::Sqlite, Backend::Postgres],
        None if std::env::var("CI").is_ok_and(|ci| ci == "true") => panic!(
            "CI=true but {TEST_DATABASE_URL} is not set: CI must test PostgreSQL as well as SQLite"
        ),
        None => vec![Backend::Sqlite],
    }
}

fn postgres_admin_url() -> Option<String> {
    std::env::var(TEST_DATABASE_URL)
        .ok()
        .filter(|url| !url.trim().is_empty())
}

/// A new, empty database that lives as long as this value.
pub struct TestDb {
    /// Connection URL for the application (`sqlite://…` or `postgres://…`).
    pub url: String,
    pub backend: Backend,
    cleanup: Cleanup,
}

enum Cleanup {
    /// Deleting the directory deletes the database file (and its WAL files).
    Sqlite(TempDir),
    Postgres {
        admin_url: String,
        name: String,
    },
}

impl TestDb {
    /// Creates the database. Panics if that is impossible (e.g. Postgres
    /// requested without `TEST_DATABASE_URL`, or the server is unreachable).
    pub fn fresh(backend: Backend) -> TestDb {
        match backend {
            Backend::Sqlite => Self::fresh_sqlite(),
            Backend::Postgres => Self::fresh_postgres(),
        }
    }

    /// A database as the application leaves it after its first start (migrated,
    /// reference data and demo petition loaded), copied from this run's template.
    pub fn prepared(backend: Backend) -> TestDb {
        match backend {
            Backend::Sqlite => {
                let db = Self::fresh_sqlite();
                let Cleanup::Sqlite(dir) = &db.cleanup else {
                    unreachable!("a SQLite database lives in a directory")
                };
                std::fs::copy(sqlite_template(), dir.path().join("test.db"))
                    .expect("copy the SQLite template database");
                db
            }
            Backend::Postgres => Self::create_postgres(Some(postgres_template())),
        }
    }

    /// PostgreSQL database name; `None` for SQLite.
    pub fn postgres_name(&self) -> Option<&str> {
        match &self.cleanup {
            Cleanup::Postgres { name, .. } => Some(name),
            Cleanup::Sqlite(_) => None,
        }
    }

    fn fresh_sqlite() -> TestDb {
        let dir = tempfile::Builder::new()
            .prefix("hastakshar-test-")
            .tempdir()
            .expect("create temporary directory for SQLite test database");
        let path = dir.path().join("test.db");
        let path = path
            .to_str()
            .expect("temporary directory path is not UTF-8");
        // diesel turns `sqlite://` into an SQLite `file:` URI, where `%`, `?`
        // and `#` (possible in TMPDIR) would otherwise be misread.
        let url = format!("sqlite://{}", escape_uri_path(path));
        // Opening creates the file, and proves the URL works.
        drop(
            SqliteConnection::establish(&url)
                .unwrap_or_else(|e| panic!("create SQLite test database {url}: {e}")),
        );
        TestDb {
            url,
            backend: Backend::Sqlite,
            cleanup: Cleanup::Sqlite(dir),
        }
    }

    fn fresh_postgres() -> TestDb {
        Self::create_postgres(None)
    }

    /// A new PostgreSQL database, empty or a copy of `template`.
    fn create_postgres(template: Option<&str>) -> TestDb {
        Self::create_postgres_named("hastakshar_t", template)
    }

    fn create_postgres_named(prefix: &str, template: Option<&str>) -> TestDb {
        let admin_url = postgres_admin_url()
            .unwrap_or_else(|| panic!("{TEST_DATABASE_URL} must be set to test PostgreSQL"));
        let name = format!("{prefix}_{:016x}", rand::random::<u64>());
        let mut url = url::Url::parse(&admin_url)
            .unwrap_or_else(|e| panic!("{TEST_DATABASE_URL} is not a URL ({e}): {admin_url}"));
        url.set_path(&format!("/{name}"));

        let mut admin = PgConnection::establish(&admin_url)
            .unwrap_or_else(|e| panic!("connect to {TEST_DATABASE_URL} {admin_url}: {e}"));
        // The names are generated here from hex digits, so interpolating them is safe.
        let create = match template {
            Some(t) => format!("CREATE DATABASE {name} TEMPLATE {t}"),
            None => format!("CREATE DATABASE {name}"),
        };
        // Copying a template fails while another session is connected to it, or copies it:
        // such a refusal passes in moments.
        let mut tries = 0;
        while let Err(e) = diesel::sql_query(&create).execute(&mut admin) {
            tries += 1;
            assert!(tries < 100, "{create}: {e}");
            std::thread::sleep(std::time::Duration::from_millis(50));
        }

        TestDb {
            url: url.into(),
            backend: Backend::Postgres,
            cleanup: Cleanup::Postgres { admin_url, name },
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Cleanup::Postgres { admin_url, name } = &self.cleanup {
            // Best effort: a leftover database is harmless, but a panic in
            // drop during unwinding would abort the whole test binary.
            // FORCE (PostgreSQL 13+) ends connections the application's pool
            // may still hold.
            let dropped = PgConnection::establish(admin_url)
                .map_err(|e| e.to_string())
                .and_then(|mut admin| {
                    diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&mut admin)
                        .map_err(|e| e.to_string())
                });
            if let Err(e) = dropped {
                eprintln!("warning: could not drop test database {name}: {e}");
            }
        }
    }
}

/// Settings that make the application prepare a database as on its first start.
fn prepare(url: &str) {
    let settings = hastakshar::config::Settings::for_tests(url);
    let pool = hastakshar::startup::prepare_database(&settings)
        .unwrap_or_else(|e| panic!("prepare the template database: {e}"));
    if url.starts_with("sqlite://") {
        // Everything into the main file, so a copy of that file is the whole database.
        let mut conn = pool.get().expect("a connection to the template");
        diesel::sql_query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&mut *conn)
            .expect("checkpoint the template");
    }
}

/// This run's SQLite template: a prepared database file, made once.
fn sqlite_template() -> &'static PathBuf {
    static TEMPLATE: OnceLock<(TestDb, PathBuf)> = OnceLock::new();
    &TEMPLATE
        .get_or_init(|| {
            let db = TestDb::fresh_sqlite();
            prepare(&db.url);
            let Cleanup::Sqlite(dir) = &db.cleanup else {
                unreachable!("a SQLite database lives in a directory")
            };
            let file = dir.path().join("test.db");
            (db, file)
        })
        .1
}

/// This run's PostgreSQL template database, made once; its name.
fn postgres_template() -> &'static str {
    static TEMPLATE: OnceLock<TestDb> = OnceLock::new();
    TEMPLATE
        .get_or_init(|| {
            forget_old_templates();
            // Named with its time, so another run can tell an abandoned one from one in use.
            let prefix = format!("hastakshar_tpl_{}", unix_now());
            let db = TestDb::create_postgres_named(&prefix, None);
            prepare(&db.url);
            db
        })
        .postgres_name()
        .expect("a PostgreSQL template has a name")
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A run's template outlives it (statics are not dropped): a later run drops those more than an
/// hour old. A younger one may belong to a run still going (between two copies nobody is
/// connected to it, so the server would let it go), and is left alone.
fn forget_old_templates() {
    #[derive(diesel::QueryableByName)]
    struct Name {
        #[diesel(sql_type = diesel::sql_types::Text)]
        datname: String,
    }
    let Some(admin_url) = postgres_admin_url() else {
        return;
    };
    let Ok(mut admin) = PgConnection::establish(&admin_url) else {
        return;
    };
    let old: Vec<Name> =
        diesel::sql_query("SELECT datname FROM pg_database WHERE datname LIKE 'hastakshar_tpl_%'")
            .load(&mut admin)
            .unwrap_or_default();
    for n in old {
        let made: u64 = n
            .datname
            .trim_start_matches("hastakshar_tpl_")
            .split('_')
            .next()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        if unix_now().saturating_sub(made) > 3600 {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {}", n.datname))
                .execute(&mut admin);
        }
    }
}

/// Percent-encodes what an SQLite URI path may not contain literally.
fn escape_uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
