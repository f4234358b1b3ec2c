//! Requests to the grievance officer (`/privacy/contact`), answered within 90 days. The
//! requester's name, address and words are stored sealed, like a signer's.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::privacy_requests;
use super::{DbConnection, now};
use crate::seal::Keys;

/// The days the DPDP Rules give to answer a grievance.
pub const ANSWER_WITHIN_DAYS: i64 = 90;

/// What a request asks for (stored as text).
pub const KINDS: [&str; 6] = [
    "access",
    "correction",
    "erasure",
    "grievance",
    "nominee",
    "other",
];

/// Where a request stands (stored as text).
pub const STATUSES: [&str; 3] = ["open", "answered", "closed"];

#[derive(Debug, Clone)]
pub struct NewRequest<'a> {
    pub kind: &'a str,
    pub email: &'a str,
    pub name: &'a str,
    pub message: &'a str,
    pub lang: &'a str,
}

/// Stores a request; its id and the date it must be answered by.
pub fn create(
    conn: &mut DbConnection,
    keys: &Keys,
    r: &NewRequest<'_>,
) -> QueryResult<(i64, NaiveDateTime)> {
    let t = now();
    let due = t + chrono::Duration::days(ANSWER_WITHIN_DAYS);
    let id = diesel::insert_into(privacy_requests::table)
        .values((
            privacy_requests::kind.eq(r.kind),
            privacy_requests::email_sealed.eq(keys.seal(r.email)),
            privacy_requests::email_index
                .eq(keys.index(&crate::domain::EmailAddress::canonical(r.email))),
            privacy_requests::name_sealed.eq(keys.seal(r.name)),
            privacy_requests::message_sealed.eq(keys.seal(r.message)),
            privacy_requests::lang.eq(r.lang),
            privacy_requests::status.eq("open"),
            privacy_requests::answer.eq(""),
            privacy_requests::created_at.eq(t),
            privacy_requests::due_at.eq(due),
        ))
        .returning(privacy_requests::id)
        .get_result(conn)?;
    Ok((id, due))
}

/// A request as staff read it, opened.
#[derive(Debug, Clone)]
pub struct Request {
    pub id: i64,
    pub kind: String,
    pub email: String,
    pub name: String,
    pub message: String,
    pub lang: String,
    pub status: String,
    pub answer: String,
    pub created_at: NaiveDateTime,
    pub due_at: NaiveDateTime,
    pub answered_at: Option<NaiveDateTime>,
    pub answered_by: Option<String>,
}

type Row = (
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    NaiveDateTime,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<String>,
);

fn opened(keys: &Keys, r: Row) -> Request {
    let (id, kind, email, name, message, lang, status, answer, created_at, due_at, at, by) = r;
    Request {
        id,
        kind,
        email: keys.open_or_mark(&email),
        name: keys.open_or_mark(&name),
        message: keys.open_or_mark(&message),
        lang,
        status,
        answer: keys.open_or_mark(&answer),
        created_at,
        due_at,
        answered_at: at,
        answered_by: by,
    }
}

/// Open requests first, the most urgent at the top; then the latest answered ones.
pub fn list(conn: &mut DbConnection, keys: &Keys, limit: i64) -> QueryResult<Vec<Request>> {
    let rows: Vec<Row> = privacy_requests::table
        .order((
            privacy_requests::status.ne("open"),
            privacy_requests::due_at.asc(),
        ))
        .limit(limit)
        .select((
            privacy_requests::id,
            privacy_requests::kind,
            privacy_requests::email_sealed,
            privacy_requests::name_sealed,
            privacy_requests::message_sealed,
            privacy_requests::lang,
            privacy_requests::status,
            privacy_requests::answer,
            privacy_requests::created_at,
            privacy_requests::due_at,
            privacy_requests::answered_at,
            privacy_requests::answered_by,
        ))
        .load(conn)?;
    Ok(rows.into_iter().map(|r| opened(keys, r)).collect())
}

pub fn find(conn: &mut DbConnection, keys: &Keys, id: i64) -> QueryResult<Option<Request>> {
    let row: Option<Row> = privacy_requests::table
        .find(id)
        .select((
            privacy_requests::id,
            privacy_requests::kind,
            privacy_requests::email_sealed,
            privacy_requests::name_sealed,
            privacy_requests::message_sealed,
            privacy_requests::lang,
            privacy_requests::status,
            privacy_requests::answer,
            privacy_requests::created_at,
            privacy_requests::due_at,
            privacy_requests::answered_at,
            privacy_requests::answered_by,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(|r| opened(keys, r)))
}

/// Records the answer and the new status; `false` if there is no such request.
pub fn answer(
    conn: &mut DbConnection,
    keys: &Keys,
    id: i64,
    status: &str,
    answer: &str,
    by: &str,
) -> QueryResult<bool> {
    let n = diesel::update(privacy_requests::table.find(id))
        .set((
            privacy_requests::status.eq(status),
            privacy_requests::answer.eq(keys.seal(answer)),
            privacy_requests::answered_at.eq(Some(now())),
            privacy_requests::answered_by.eq(Some(by)),
        ))
        .execute(conn)?;
    Ok(n == 1)
}
