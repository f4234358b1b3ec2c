//! The email outbox: every email is a row written in the same transaction as the change that
//! caused it, and a worker delivers rows with retries. Rows are claimed with a lease, and on
//! PostgreSQL with `FOR UPDATE SKIP LOCKED`, so several workers never send the same email.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Timestamp};

use super::schema::outbox;
use super::{DbConnection, now};

#[derive(Debug, Clone)]
pub struct NewEmail {
    pub kind: &'static str,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    /// For emails to signers about a petition's news: the one-click unsubscribe address, sent
    /// as `List-Unsubscribe` with `List-Unsubscribe-Post` (RFC 8058).
    pub unsubscribe_url: Option<String>,
}

pub fn enqueue(conn: &mut DbConnection, e: &NewEmail) -> QueryResult<()> {
    let t = now();
    diesel::insert_into(outbox::table)
        .values((
            outbox::kind.eq(e.kind),
            outbox::recipient.eq(&e.recipient),
            outbox::subject.eq(&e.subject),
            outbox::body_text.eq(&e.body_text),
            outbox::body_html.eq(&e.body_html),
            outbox::unsubscribe_url.eq(&e.unsubscribe_url),
            outbox::attempts.eq(0),
            outbox::next_attempt_at.eq(t),
            outbox::created_at.eq(t),
        ))
        .execute(conn)?;
    Ok(())
}

#[derive(Debug, Clone, QueryableByName)]
#[diesel(table_name = outbox)]
pub struct Claimed {
    pub id: i64,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub attempts: i32,
    pub unsubscribe_url: Option<String>,
}

const CLAIM_PG: &str = "UPDATE outbox SET locked_until = $1, attempts = attempts + 1 \
    WHERE id IN (SELECT id FROM outbox \
        WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $2 \
          AND (locked_until IS NULL OR locked_until < $2) \
        ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED) \
    RETURNING id, kind, recipient, subject, body_text, body_html, attempts, unsubscribe_url";

// SQLite has one writer at a time, so the UPDATE itself is the lock.
const CLAIM_SQLITE: &str = "UPDATE outbox SET locked_until = ?1, attempts = attempts + 1 \
    WHERE id IN (SELECT id FROM outbox \
        WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?2 \
          AND (locked_until IS NULL OR locked_until < ?2) \
        ORDER BY id LIMIT ?3) \
    RETURNING id, kind, recipient, subject, body_text, body_html, attempts, unsubscribe_url";

/// Claims up to `limit` due emails for `lease`; a worker that dies mid-send releases them when
/// the lease runs out.
pub fn claim(
    conn: &mut DbConnection,
    limit: i64,
    lease: std::time::Duration,
) -> QueryResult<Vec<Claimed>> {
    let t = now();
    let until = t + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::minutes(5));
    let sql = match conn {
        DbConnection::Pg(_) => CLAIM_PG,
        DbConnection::Sqlite(_) => CLAIM_SQLITE,
    };
    crate::each_backend!(conn, c => diesel::sql_query(sql)
        .bind::<Timestamp, _>(until)
        .bind::<Timestamp, _>(t)
        .bind::<BigInt, _>(limit)
        .load::<Claimed>(c))
}

/// Delivered: the bodies, which carry confirmation tokens, are no longer kept.
pub fn mark_sent(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<()> {
    for chunk in ids.chunks(500) {
        diesel::update(outbox::table.filter(outbox::id.eq_any(chunk)))
            .set((
                outbox::sent_at.eq(Some(now())),
                outbox::locked_until.eq(None::<NaiveDateTime>),
                outbox::body_text.eq(""),
                outbox::body_html.eq(""),
                outbox::last_error.eq(None::<String>),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Not delivered: try again at `retry_at`, or never (`None`) once the attempts are spent.
pub fn mark_failed(
    conn: &mut DbConnection,
    id: i64,
    error: &str,
    retry_at: Option<NaiveDateTime>,
) -> QueryResult<()> {
    let error: String = error.chars().take(500).collect();
    match retry_at {
        Some(at) => diesel::update(outbox::table.find(id))
            .set((
                outbox::next_attempt_at.eq(at),
                outbox::locked_until.eq(None::<NaiveDateTime>),
                outbox::last_error.eq(Some(error)),
            ))
            .execute(conn)?,
        None => diesel::update(outbox::table.find(id))
            .set((
                outbox::failed_at.eq(Some(now())),
                outbox::locked_until.eq(None::<NaiveDateTime>),
                outbox::last_error.eq(Some(error)),
            ))
            .execute(conn)?,
    };
    Ok(())
}

/// Emails waiting to be sent (including those waiting for a retry).
pub fn depth(conn: &mut DbConnection) -> QueryResult<i64> {
    outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::failed_at.is_null())
        .count()
        .get_result(conn)
}
