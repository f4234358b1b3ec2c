//! The shared side of the rate limits (`crate::ratelimit`): one GCRA cell per key in an unlogged
//! PostgreSQL table, taken in one statement, so that N app processes give a client one quota.

use diesel::prelude::*;
use diesel::sql_types::{Double, Text};

use super::DbConnection;

#[derive(QueryableByName)]
struct Wait {
    #[diesel(sql_type = Double)]
    wait: f64,
}

/// Takes one cell of `key`'s quota: a cell is emitted every `interval` seconds and up to
/// `tolerance` seconds of cells may be taken ahead (the burst). `None` when allowed, or the
/// seconds to wait. The upsert locks the key's row, so concurrent takes from several processes
/// queue on it and the quota holds in total. It is one plain statement, sent on the connection
/// the caller already holds (signing sends it just before the signature's own); a refusal,
/// rare, reads the wait with a second. On SQLite (one process) the limits stay in memory and
/// this answers `None`.
pub fn take(
    conn: &mut DbConnection,
    key: &str,
    interval: f64,
    tolerance: f64,
) -> QueryResult<Option<f64>> {
    let DbConnection::Pg(c) = conn else {
        return Ok(None);
    };
    // Allowed when the theoretical arrival time, less the tolerance, has passed:
    // max(tat, now) - tolerance <= now is tat - tolerance <= now.
    let taken = diesel::sql_query(
        "INSERT INTO rate_limits AS r (key, tat) VALUES ($1, now() + $2 * interval '1 second') \
         ON CONFLICT (key) DO UPDATE \
         SET tat = greatest(r.tat, now()) + $2 * interval '1 second' \
         WHERE r.tat - $3 * interval '1 second' <= now()",
    )
    .bind::<Text, _>(key)
    .bind::<Double, _>(interval)
    .bind::<Double, _>(tolerance)
    .execute(c)?;
    if taken == 1 {
        return Ok(None);
    }
    let w: Wait = diesel::sql_query(
        "SELECT coalesce(extract(epoch FROM max(tat) - $2 * interval '1 second' - now()), 0)\
         ::float8 AS wait FROM rate_limits WHERE key = $1",
    )
    .bind::<Text, _>(key)
    .bind::<Double, _>(tolerance)
    .get_result(c)?;
    Ok(Some(w.wait.max(0.0)))
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
