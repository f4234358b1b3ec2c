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

/// A statement written with PostgreSQL's `$n` placeholders, as SQLite numbers them (`?n`).
fn for_backend(conn: &DbConnection, pg: &str) -> String {
    match conn {
        DbConnection::Pg(_) => pg.to_string(),
        DbConnection::Sqlite(_) => pg.replace('$', "?"),
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
    let sql = for_backend(
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
    let sql = for_backend(
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
    let sql = for_backend(
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

/// The signature of one address (canonical) on a petition.
pub fn lookup(
    conn: &mut DbConnection,
    petition: i64,
    canonical: &str,
) -> QueryResult<Option<Found>> {
    signatures::table
        .filter(signatures::petition_id.eq(petition))
        .filter(signatures::email_canonical.eq(canonical))
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
    /// Not yet confirmed (and not invalidated).
    #[diesel(sql_type = BigInt)]
    pub waiting: i64,
    /// Held by a rule for a moderator (confirmed or not).
    #[diesel(sql_type = BigInt)]
    pub held: i64,
    #[diesel(sql_type = BigInt)]
    pub invalidated: i64,
}

pub fn tally(conn: &mut DbConnection, petition: i64) -> QueryResult<Tally> {
    let sql = for_backend(
        conn,
        "SELECT \
         COUNT(CASE WHEN invalidation_id IS NULL AND confirmed_at IS NULL AND held = FALSE \
             THEN 1 END) AS waiting, \
         COUNT(CASE WHEN invalidation_id IS NULL AND held = TRUE THEN 1 END) AS held, \
         COUNT(invalidation_id) AS invalidated \
         FROM signatures WHERE petition_id = $1",
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
