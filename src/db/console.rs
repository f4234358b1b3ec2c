//! The integrity console's figures and the public method page's: read-only, each one query an
//! index answers (see the `signatures_*` indexes of the integrity migration).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Text, Timestamp};

use super::DbConnection;
use super::integrity::TOO_FAST_SECONDS;
use super::schema::{invalidations, signatures};

/// A value and how many signatures have it.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct Ranked {
    #[diesel(sql_type = Nullable<Text>)]
    pub key: Option<String>,
    #[diesel(sql_type = BigInt)]
    pub n: i64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, QueryableByName)]
pub struct Flags {
    #[diesel(sql_type = BigInt)]
    pub total: i64,
    #[diesel(sql_type = BigInt)]
    pub disposable: i64,
    #[diesel(sql_type = BigInt)]
    pub too_fast: i64,
    #[diesel(sql_type = BigInt)]
    pub honeypot: i64,
    #[diesel(sql_type = BigInt)]
    pub held: i64,
}

#[derive(Debug, Clone, Copy, QueryableByName)]
pub struct Bucket {
    /// The bucket's start, in seconds since 1970 (UTC).
    #[diesel(sql_type = BigInt)]
    pub start: i64,
    #[diesel(sql_type = BigInt)]
    pub n: i64,
}

/// The columns the console ranks by; never text from a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    Network,
    Domain,
    Constituency,
}

impl Dimension {
    fn column(self) -> &'static str {
        match self {
            Dimension::Network => "network",
            Dimension::Domain => "email_domain",
            Dimension::Constituency => "pc_id",
        }
    }
}

/// The `limit` most common values of `d` among the petition's live (not invalidated)
/// signatures since `since`.
pub fn top(
    conn: &mut DbConnection,
    petition: i64,
    since: NaiveDateTime,
    d: Dimension,
    limit: i64,
) -> QueryResult<Vec<Ranked>> {
    let col = d.column();
    let sql = super::numbered(
        conn,
        &format!(
            "SELECT {col} AS key, COUNT(*) AS n FROM signatures \
             WHERE petition_id = $1 AND created_at >= $2 AND invalidation_id IS NULL \
             GROUP BY {col} ORDER BY n DESC, key LIMIT $3"
        ),
    );
    crate::each_backend!(conn, c => diesel::sql_query(&sql)
        .bind::<BigInt, _>(petition)
        .bind::<Timestamp, _>(since)
        .bind::<BigInt, _>(limit)
        .load(c))
}

/// The flags raised among the petition's live signatures since `since`.
pub fn flags(conn: &mut DbConnection, petition: i64, since: NaiveDateTime) -> QueryResult<Flags> {
    let sql = super::numbered(
        conn,
        &format!(
            "SELECT COUNT(*) AS total, \
             COUNT(CASE WHEN disposable = TRUE THEN 1 END) AS disposable, \
             COUNT(CASE WHEN form_seconds < {TOO_FAST_SECONDS} THEN 1 END) AS too_fast, \
             COUNT(CASE WHEN honeypot = TRUE THEN 1 END) AS honeypot, \
             COUNT(CASE WHEN held = TRUE THEN 1 END) AS held \
             FROM signatures WHERE petition_id = $1 AND created_at >= $2 \
             AND invalidation_id IS NULL"
        ),
    );
    crate::each_backend!(conn, c => diesel::sql_query(&sql)
        .bind::<BigInt, _>(petition)
        .bind::<Timestamp, _>(since)
        .get_result(c))
}

/// Signatures since `since` in buckets `width` seconds wide, oldest first (empty buckets left
/// out).
pub fn buckets(
    conn: &mut DbConnection,
    petition: i64,
    since: NaiveDateTime,
    width: i64,
) -> QueryResult<Vec<Bucket>> {
    let start = match conn {
        DbConnection::Pg(_) => "(FLOOR(EXTRACT(EPOCH FROM created_at) / $3) * $3)::BIGINT",
        DbConnection::Sqlite(_) => "(CAST(strftime('%s', created_at) AS INTEGER) / $3) * $3",
    };
    let sql = super::numbered(
        conn,
        &format!(
            "SELECT {start} AS start, COUNT(*) AS n FROM signatures \
             WHERE petition_id = $1 AND created_at >= $2 AND invalidation_id IS NULL \
             GROUP BY 1 ORDER BY 1"
        ),
    );
    crate::each_backend!(conn, c => diesel::sql_query(&sql)
        .bind::<BigInt, _>(petition)
        .bind::<Timestamp, _>(since)
        .bind::<BigInt, _>(width)
        .load(c))
}

/// One signature as support staff see it when a signer writes in.
#[derive(Debug, Clone, Queryable)]
pub struct Found {
    pub id: i64,
    pub created_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
    pub held: bool,
    pub invalidation_id: Option<i64>,
    pub network: Option<String>,
    pub email_domain: String,
    pub disposable: bool,
    pub form_seconds: Option<i32>,
    pub honeypot: bool,
    pub pc_id: String,
}

/// The signature of one address on a petition, by the forms of its blind index
/// (`seal::Keys::indexes`).
pub fn lookup(
    conn: &mut DbConnection,
    petition: i64,
    forms: &[String],
) -> QueryResult<Option<Found>> {
    signatures::table
        .filter(signatures::petition_id.eq(petition))
        .filter(signatures::email_canonical.eq_any(forms))
        .select((
            signatures::id,
            signatures::created_at,
            signatures::confirmed_at,
            signatures::held,
            signatures::invalidation_id,
            signatures::network,
            signatures::email_domain,
            signatures::disposable,
            signatures::form_seconds,
            signatures::honeypot,
            signatures::pc_id,
        ))
        .first(conn)
        .optional()
}

/// What the method page tells of a petition's signatures besides its count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, QueryableByName)]
pub struct Tally {
    /// Not yet confirmed (neither held nor invalidated).
    #[diesel(sql_type = BigInt)]
    pub waiting: i64,
    /// Held by a rule for a moderator (confirmed or not).
    #[diesel(sql_type = BigInt)]
    pub held: i64,
    #[diesel(sql_type = BigInt)]
    pub invalidated: i64,
}

/// Each figure read through a partial index (`signatures_waiting`, `signatures_held`) or the
/// invalidations themselves, so the page costs the same on a petition of any size.
pub fn tally(conn: &mut DbConnection, petition: i64) -> QueryResult<Tally> {
    let sql = super::numbered(
        conn,
        "SELECT \
         (SELECT COUNT(*) FROM signatures WHERE petition_id = $1 AND confirmed_at IS NULL \
             AND invalidation_id IS NULL) \
         - (SELECT COUNT(*) FROM signatures WHERE petition_id = $1 AND held = TRUE \
             AND invalidation_id IS NULL AND confirmed_at IS NULL) AS waiting, \
         (SELECT COUNT(*) FROM signatures WHERE petition_id = $1 AND held = TRUE \
             AND invalidation_id IS NULL) AS held, \
         (SELECT CAST(COALESCE(SUM(matched), 0) AS BIGINT) FROM invalidations \
             WHERE petition_id = $1 AND cancelled_at IS NULL) AS invalidated",
    );
    crate::each_backend!(conn, c => diesel::sql_query(&sql)
        .bind::<BigInt, _>(petition)
        .get_result(c))
}

/// An invalidation as the public sees it: when, why, how many, and whether it was undone.
pub type PublicInvalidation = (NaiveDateTime, String, i64, Option<NaiveDateTime>);

pub fn public_invalidations(
    conn: &mut DbConnection,
    petition: i64,
) -> QueryResult<Vec<PublicInvalidation>> {
    invalidations::table
        .filter(invalidations::petition_id.eq(petition))
        .order(invalidations::id)
        .select((
            invalidations::created_at,
            invalidations::reason,
            invalidations::matched,
            invalidations::cancelled_at,
        ))
        .load(conn)
}

/// Signatures on a petition since `since` (the spike alert's windows).
pub fn signed_since(
    conn: &mut DbConnection,
    petition: i64,
    since: NaiveDateTime,
) -> QueryResult<i64> {
    signatures::table
        .filter(signatures::petition_id.eq(petition))
        .filter(signatures::created_at.ge(since))
        .count()
        .get_result(conn)
}

/// Everything the console shows of a window, in one place for the handler and the benchmark.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    pub flags: Flags,
    pub networks: Vec<Ranked>,
    pub domains: Vec<Ranked>,
    pub constituencies: Vec<Ranked>,
    pub buckets: Vec<Bucket>,
}

/// The window from `since` in `width`-second buckets. A short window (an hour) is read from the
/// signatures themselves, to the second; a longer one from the rollups (`db::rollup`), whose
/// day starts on the hour and which trail the signing by a worker round.
pub fn figures(
    conn: &mut DbConnection,
    petition: i64,
    since: NaiveDateTime,
    width: i64,
    rolled: bool,
) -> QueryResult<Figures> {
    if !rolled {
        return Ok(Figures {
            flags: flags(conn, petition, since)?,
            networks: top(conn, petition, since, Dimension::Network, 10)?,
            domains: top(conn, petition, since, Dimension::Domain, 10)?,
            constituencies: top(conn, petition, since, Dimension::Constituency, 10)?,
            buckets: buckets(conn, petition, since, width)?,
        });
    }
    let all = since <= super::rollup::all_time();
    let mut ranked = |dimension: &str| -> QueryResult<Vec<Ranked>> {
        let sql = if all {
            "SELECT key, n FROM signature_rollup WHERE petition_id = $1 AND dimension = $2 \
             AND hour = $3 ORDER BY n DESC, key LIMIT 10"
        } else {
            "SELECT key, CAST(SUM(n) AS BIGINT) AS n FROM signature_rollup WHERE petition_id = $1 \
             AND dimension = $2 AND hour >= $3 GROUP BY key ORDER BY 2 DESC, key LIMIT 10"
        };
        let hour = if all {
            super::rollup::all_time()
        } else {
            // The hour the window starts in.
            since - chrono::Duration::seconds(since.and_utc().timestamp().rem_euclid(3600))
        };
        let sql = super::numbered(conn, sql);
        let rows: Vec<Ranked> = crate::each_backend!(&mut *conn, c => diesel::sql_query(&sql)
            .bind::<BigInt, _>(petition)
            .bind::<Text, _>(dimension)
            .bind::<Timestamp, _>(hour)
            .load(c))?;
        Ok(rows
            .into_iter()
            .map(|r| Ranked {
                key: r.key.filter(|k| !k.is_empty()),
                n: r.n,
            })
            .collect())
    };
    let networks = ranked(super::rollup::NETWORK)?;
    let domains = ranked(super::rollup::DOMAIN)?;
    let constituencies = ranked(super::rollup::CONSTITUENCY)?;
    let sql = super::numbered(
        conn,
        "SELECT CAST(COALESCE(SUM(signed), 0) AS BIGINT) AS total, \
         CAST(COALESCE(SUM(disposable), 0) AS BIGINT) AS disposable, \
         CAST(COALESCE(SUM(too_fast), 0) AS BIGINT) AS too_fast, \
         CAST(COALESCE(SUM(honeypot), 0) AS BIGINT) AS honeypot, \
         (SELECT COUNT(*) FROM signatures WHERE petition_id = $1 AND held = TRUE \
             AND invalidation_id IS NULL) AS held \
         FROM signature_minutes WHERE petition_id = $1 AND minute >= $2",
    );
    let flags: Flags = crate::each_backend!(&mut *conn, c => diesel::sql_query(&sql)
        .bind::<BigInt, _>(petition)
        .bind::<Timestamp, _>(since)
        .get_result(c))?;
    let start = match conn {
        DbConnection::Pg(_) => "(FLOOR(EXTRACT(EPOCH FROM minute) / $3) * $3)::BIGINT",
        DbConnection::Sqlite(_) => "(CAST(strftime('%s', minute) AS INTEGER) / $3) * $3",
    };
    let sql = super::numbered(
        conn,
        &format!(
            "SELECT {start} AS start, CAST(SUM(signed) AS BIGINT) AS n FROM signature_minutes \
             WHERE petition_id = $1 AND minute >= $2 GROUP BY 1 ORDER BY 1"
        ),
    );
    let buckets: Vec<Bucket> = crate::each_backend!(&mut *conn, c => diesel::sql_query(&sql)
        .bind::<BigInt, _>(petition)
        .bind::<Timestamp, _>(since)
        .bind::<BigInt, _>(width)
        .load(c))?;
    Ok(Figures {
        flags,
        networks,
        domains,
        constituencies,
        buckets,
    })
}

/// Claims the spike email for `petition` if none went out in the hour before `now`: `true` for
/// the one process that should send it.
pub fn claim_spike_alert(
    conn: &mut DbConnection,
    petition: i64,
    now: NaiveDateTime,
    (recent, trailing): (f64, f64),
) -> QueryResult<bool> {
    let sql = super::numbered(
        conn,
        "INSERT INTO spike_alerts (petition_id, alerted_at, recent_per_minute, \
         trailing_per_minute) VALUES ($1, $2, $3, $4) ON CONFLICT (petition_id) DO UPDATE \
         SET alerted_at = excluded.alerted_at, recent_per_minute = excluded.recent_per_minute, \
         trailing_per_minute = excluded.trailing_per_minute \
         WHERE spike_alerts.alerted_at < $5 RETURNING petition_id AS n",
    );
    let rows: Vec<N> = crate::each_backend!(conn, c => diesel::sql_query(&sql)
        .bind::<BigInt, _>(petition)
        .bind::<Timestamp, _>(now)
        .bind::<diesel::sql_types::Double, _>(recent)
        .bind::<diesel::sql_types::Double, _>(trailing)
        .bind::<Timestamp, _>(now - chrono::Duration::hours(1))
        .load(c))?;
    Ok(!rows.is_empty())
}

#[derive(QueryableByName)]
struct N {
    #[diesel(sql_type = BigInt)]
    #[allow(dead_code)]
    n: i64,
}
