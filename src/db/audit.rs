//! The audit log: every export of personal data, written in the same breath as the export.

use diesel::prelude::*;

use super::schema::audit_log;
use super::{DbConnection, now};

pub struct Entry<'a> {
    pub actor: &'a str,
    pub action: &'a str,
    pub petition_id: Option<i64>,
    /// The filters and options, as JSON.
    pub details: serde_json::Value,
    pub row_count: i64,
}

/// The row count of an export noted as it starts; `finished` puts the real count in its place,
/// so an entry still showing this is an export that broke off.
pub const UNFINISHED: i64 = -1;

pub fn record(conn: &mut DbConnection, e: &Entry<'_>) -> QueryResult<()> {
    record_returning(conn, e).map(|_| ())
}

/// Records and returns the entry's id (to say later how an export ended).
pub fn record_returning(conn: &mut DbConnection, e: &Entry<'_>) -> QueryResult<i64> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::at.eq(now()),
            audit_log::actor.eq(e.actor),
            audit_log::action.eq(e.action),
            audit_log::petition_id.eq(e.petition_id),
            audit_log::details.eq(e.details.to_string()),
            audit_log::row_count.eq(e.row_count),
        ))
        .returning(audit_log::id)
        .get_result(conn)
}

/// An export noted at its start ran to its end with `rows` rows.
pub fn finished(conn: &mut DbConnection, id: i64, rows: i64) -> QueryResult<()> {
    diesel::update(
        audit_log::table
            .find(id)
            .filter(audit_log::row_count.eq(UNFINISHED)),
    )
    .set(audit_log::row_count.eq(rows))
    .execute(conn)?;
    Ok(())
}

/// One staff action on one thing (a decision, an edit): the common case of `record`.
pub fn note(
    conn: &mut DbConnection,
    actor: &str,
    action: &str,
    petition_id: Option<i64>,
    details: serde_json::Value,
) -> QueryResult<()> {
    record(
        conn,
        &Entry {
            actor,
            action,
            petition_id,
            details,
            row_count: 1,
        },
    )
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct Logged {
    pub id: i64,
    pub at: chrono::NaiveDateTime,
    pub actor: String,
    pub action: String,
    pub petition_id: Option<i64>,
    pub details: String,
    pub row_count: i64,
}

/// The log, newest first, a page at a time (`before` an id).
pub fn list(conn: &mut DbConnection, before: Option<i64>, limit: i64) -> QueryResult<Vec<Logged>> {
    let mut q = audit_log::table
        .select(Logged::as_select())
        .order(audit_log::id.desc())
        .into_boxed();
    if let Some(b) = before {
        q = q.filter(audit_log::id.lt(b));
    }
    q.limit(limit).load(conn)
}
