//! The database: one connection type over SQLite and PostgreSQL, the pool, migrations, and the
//! queries each domain concept needs (one file per concept).

pub mod api_tokens;
pub mod audit;
pub mod backup;
pub mod campaigns;
pub mod console;
pub mod counts;
pub mod delivery;
mod group;
pub mod images;
pub mod integrity;
pub mod jobs;
pub mod limits;
pub mod mail_events;
pub mod outbox;
pub mod petitions;
pub mod privacy;
pub mod privacy_requests;
pub mod refdata;
pub mod responses;
pub mod rollup;
pub mod schema;
pub mod sealing;
pub mod signatures;
pub mod updates;
pub mod users;

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool, PooledConnection};
use diesel::{PgConnection, SqliteConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// A connection to whichever backend `DATABASE_URL` names.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Pg(PgConnection),
    Sqlite(SqliteConnection),
}

pub type DbPool = Pool<ConnectionManager<DbConnection>>;
pub type PooledConn = PooledConnection<ConnectionManager<DbConnection>>;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database unavailable: {0}")]
    Pool(#[from] diesel::r2d2::PoolError),
    #[error("database: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("database migration: {0}")]
    Migration(String),
    #[error("database task: {0}")]
    Task(String),
}

impl DbError {
    /// Whether the database is away (no connection to be had, or the one in hand was cut by a
    /// restart) rather than the query being wrong: the site answers 503, and asks to try again.
    pub fn is_unavailable(&self) -> bool {
        use diesel::result::{DatabaseErrorKind, Error};
        match self {
            DbError::Pool(_) => true,
            DbError::Query(Error::DatabaseError(DatabaseErrorKind::ClosedConnection, _)) => true,
            DbError::Query(Error::DatabaseError(DatabaseErrorKind::Unknown, info)) => {
                let m = info.message();
                // PostgreSQL's words when it stops (57P01-57P03) or the socket is gone.
                [
                    "terminating connection",
                    "server closed the connection",
                    "no connection to the server",
                    "the database system is",
                    "could not receive data",
                    "could not send data",
                    "connection to server",
                ]
                .iter()
                .any(|w| m.contains(w))
            }
            _ => false,
        }
    }
}

/// Turns `sqlite://PATH` into what the SQLite driver takes; PostgreSQL URLs pass through.
pub fn connection_string(url: &str) -> String {
    match url.strip_prefix("sqlite://") {
        Some(path) => path.to_string(),
        // A database host that does not answer at all must not hold a connection attempt for
        // ever: libpq waits without limit unless told.
        None if !url.contains("connect_timeout") => {
            let sep = if url.contains('?') { '&' } else { '?' };
            format!("{url}{sep}connect_timeout=5")
        }
        None => url.to_string(),
    }
}

pub fn is_sqlite(url: &str) -> bool {
    url.starts_with("sqlite://")
}

/// Every SQLite connection gets the same pragmas: WAL so readers never wait for the writer, a
/// busy timeout so writers queue instead of failing, foreign keys enforced, and a full sync so a
/// signature acknowledged to its signer survives a power cut.
#[derive(Debug)]
struct Pragmas;

impl CustomizeConnection<DbConnection, diesel::r2d2::Error> for Pragmas {
    fn on_acquire(&self, conn: &mut DbConnection) -> Result<(), diesel::r2d2::Error> {
        if let DbConnection::Sqlite(c) = conn {
            c.batch_execute(
                "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; \
                 PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;",
            )
            .map_err(diesel::r2d2::Error::QueryError)?;
        }
        Ok(())
    }
}

pub fn build_pool(url: &str, size: u32) -> Result<DbPool, DbError> {
    build_pool_waiting(url, size, Duration::from_secs(10))
}

/// A pool whose callers wait at most `wait` for a connection: while the database is down, a
/// request fails (503) after that long instead of hanging.
pub fn build_pool_waiting(url: &str, size: u32, wait: Duration) -> Result<DbPool, DbError> {
    if let Some(path) = url.strip_prefix("sqlite://")
        && let Some(dir) = std::path::Path::new(path).parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir)
            .map_err(|e| DbError::Migration(format!("cannot create {dir:?}: {e}")))?;
    }
    let manager = ConnectionManager::<DbConnection>::new(connection_string(url));
    let pool = Pool::builder()
        .max_size(size)
        // No connections opened ahead of need: r2d2 opens them on a background thread, and one
        // still connecting while a short command exits crashed libpq's exit handlers (about one
        // `hastakshar export` in eight on PostgreSQL).
        .min_idle(Some(0))
        .connection_timeout(wait)
        .connection_customizer(Box::new(Pragmas))
        .build(manager)?;
    Ok(pool)
}

/// Applies pending migrations. On PostgreSQL an advisory lock keeps several processes that start
/// together from migrating at once.
pub fn migrate(conn: &mut DbConnection) -> Result<(), DbError> {
    let run = |r: Result<Vec<_>, _>| {
        r.map(|_| ())
            .map_err(|e: Box<dyn std::error::Error + Send + Sync>| {
                DbError::Migration(e.to_string())
            })
    };
    match conn {
        DbConnection::Pg(c) => {
            c.batch_execute("SELECT pg_advisory_lock(72657001)")?;
            let result = run(c.run_pending_migrations(POSTGRES_MIGRATIONS));
            c.batch_execute("SELECT pg_advisory_unlock(72657001)")?;
            result
        }
        DbConnection::Sqlite(c) => run(c.run_pending_migrations(SQLITE_MIGRATIONS)),
    }
}

/// Runs blocking database work off the async executor.
pub async fn run<T, F>(pool: &DbPool, f: F) -> Result<T, DbError>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConnection) -> Result<T, DbError> + Send + 'static,
{
    let pool = pool.clone();
    match actix_web::rt::task::spawn_blocking(move || {
        let mut conn = pool.get()?;
        f(&mut conn)
    })
    .await
    {
        Ok(r) => r,
        Err(e) => Err(DbError::Task(e.to_string())),
    }
}

/// SQLite takes one writer at a time. Writers in this process queue here, in turn, instead of in
/// SQLite's busy handler, which sleeps in steps of up to 100 ms and made the slowest signers wait
/// ten times longer than the median. (Other processes on the same file still meet the busy
/// timeout.) PostgreSQL writers do not take it.
static SQLITE_WRITER: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Runs blocking database work that writes; see `SQLITE_WRITER`. Never nest these calls.
pub async fn write<T, F>(pool: &DbPool, f: F) -> Result<T, DbError>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConnection) -> Result<T, DbError> + Send + 'static,
{
    run(pool, move |conn| {
        let _turn = matches!(conn, DbConnection::Sqlite(_))
            .then(|| SQLITE_WRITER.lock().unwrap_or_else(|p| p.into_inner()));
        f(conn)
    })
    .await
}

/// Like `write`, for the writes a spike brings by the thousand (signing): on SQLite, writes that
/// queue together share one transaction and one sync of the log (`group`), each in a savepoint
/// of its own, and each caller hears back only after the commit. On PostgreSQL it is `write`.
pub async fn write_grouped<T, F>(pool: &DbPool, f: F) -> Result<T, DbError>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConnection) -> Result<T, DbError> + Send + 'static,
{
    run(pool, move |conn| match conn {
        DbConnection::Sqlite(_) => group::write(conn, f),
        DbConnection::Pg(_) => f(conn),
    })
    .await
}

/// Whether SQLite refused a write because another connection holds the database. A transaction
/// that read before it writes cannot wait for that writer (SQLite refuses at once rather than
/// risk a deadlock), so such transactions are retried whole.
pub fn is_locked(e: &diesel::result::Error) -> bool {
    matches!(e, diesel::result::Error::DatabaseError(_, info)
        if info.message().contains("database is locked") || info.message().contains("database is busy"))
}

/// Runs a transaction, again if SQLite says the database is locked (up to about two seconds).
/// Code in this process should rather take its turn with `write`; this is for transactions that
/// run beside another process (the command line beside a running server).
pub fn retry_locked<T, E>(
    mut attempt: impl FnMut() -> Result<T, E>,
    locked: impl Fn(&E) -> bool,
) -> Result<T, E> {
    let mut tries = 0;
    loop {
        match attempt() {
            Err(e) if locked(&e) && tries < 20 => {
                tries += 1;
                std::thread::sleep(Duration::from_millis(10 * tries));
            }
            other => return other,
        }
    }
}

/// The cheapest question the database can answer: whether it answers.
pub fn ping(conn: &mut DbConnection) -> diesel::QueryResult<()> {
    use diesel::RunQueryDsl;
    diesel::select(diesel::dsl::sql::<diesel::sql_types::Integer>("1"))
        .get_result::<i32>(conn)
        .map(|_| ())
}

pub fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

/// A hand-written statement written with PostgreSQL's `$n` placeholders, as this connection's
/// backend numbers them (SQLite: `?n`).
pub fn numbered(conn: &DbConnection, pg: &str) -> String {
    match conn {
        DbConnection::Pg(_) => pg.to_string(),
        DbConnection::Sqlite(_) => pg.replace('$', "?"),
    }
}

/// Runs the same code on whichever concrete connection this is, for the few queries that
/// `MultiConnection` cannot express (upserts, `SKIP LOCKED`): the body is checked once per
/// backend.
#[macro_export]
macro_rules! each_backend {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            $crate::db::DbConnection::Pg($c) => $body,
            $crate::db::DbConnection::Sqlite($c) => $body,
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locked_transaction_is_tried_again_and_others_are_not() {
        let mut calls = 0;
        let r: Result<i32, &str> = retry_locked(
            || {
                calls += 1;
                if calls < 3 { Err("locked") } else { Ok(7) }
            },
            |e| *e == "locked",
        );
        assert_eq!((r, calls), (Ok(7), 3));
        let mut calls = 0;
        let r: Result<i32, &str> = retry_locked(
            || {
                calls += 1;
                Err("other")
            },
            |e| *e == "locked",
        );
        assert_eq!((r, calls), (Err("other"), 1));
    }
}
