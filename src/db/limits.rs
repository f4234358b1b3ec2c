//! The shared side of the rate limits (`crate::ratelimit`): one GCRA cell per key in an unlogged
//! PostgreSQL table, taken in one statement, so that N app processes give a client one quota.

use diesel::prelude::*;
use diesel::sql_types::{Double, Text};

use super::DbConnection;

#[derive(QueryableByName)]
struct Taken {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    allowed: bool,
    #[diesel(sql_type = Double)]
    wait: f64,
}

/// Takes one cell of `key`'s quota: a cell is emitted every `interval` seconds and up to
/// `tolerance` seconds of cells may be taken ahead (the burst). `None` when allowed, or the
/// seconds to wait. The upsert locks the key's row, so concurrent takes from several processes
/// queue on it and the quota holds in total. On SQLite (one process) the limits stay in memory
/// and this is never called; it answers `None`.
pub fn take(
    conn: &mut DbConnection,
    key: &str,
    interval: f64,
    tolerance: f64,
) -> QueryResult<Option<f64>> {
    let DbConnection::Pg(c) = conn else {
        return Ok(None);
    };
    // The outer SELECT sees the row as it was before the upsert (one snapshot per statement):
    // when the take is refused, that is the row that refused it.
    let t: Taken = diesel::sql_query(
        "WITH up AS ( \
           INSERT INTO rate_limits AS r (key, tat) \
           VALUES ($1, now() + make_interval(secs => $2)) \
           ON CONFLICT (key) DO UPDATE SET tat = greatest(r.tat, now()) + make_interval(secs => $2) \
           WHERE greatest(r.tat, now()) - make_interval(secs => $3) <= now() \
           RETURNING 1) \
         SELECT EXISTS (SELECT 1 FROM up) AS allowed, \
           coalesce((SELECT extract(epoch FROM r.tat - make_interval(secs => $3) - now()) \
                     FROM rate_limits r WHERE r.key = $1), 0)::float8 AS wait",
    )
    .bind::<Text, _>(key)
    .bind::<Double, _>(interval)
    .bind::<Double, _>(tolerance)
    .get_result(c)?;
    Ok((!t.allowed).then_some(t.wait.max(0.0)))
}

/// Forgets keys whose quota has refilled (they behave as new ones); returns how many.
pub fn sweep(conn: &mut DbConnection) -> QueryResult<usize> {
    match conn {
        DbConnection::Pg(c) => {
            diesel::sql_query("DELETE FROM rate_limits WHERE tat < now()").execute(c)
        }
        DbConnection::Sqlite(_) => Ok(0),
    }
}
