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

/// A request as stored: its personal parts sealed.
#[derive(Queryable, Selectable)]
#[diesel(table_name = privacy_requests)]
struct Stored {
    id: i64,
    kind: String,
    email_sealed: String,
    name_sealed: String,
    message_sealed: String,
    lang: String,
    status: String,
    answer: String,
    created_at: NaiveDateTime,
    due_at: NaiveDateTime,
    answered_at: Option<NaiveDateTime>,
    answered_by: Option<String>,
}

impl Stored {
    fn opened(self, keys: &Keys) -> Request {
        Request {
            id: self.id,
            kind: self.kind,
            email: keys.open_or_mark(&self.email_sealed),
            name: keys.open_or_mark(&self.name_sealed),
            message: keys.open_or_mark(&self.message_sealed),
            lang: self.lang,
            status: self.status,
            answer: keys.open_or_mark(&self.answer),
            created_at: self.created_at,
            due_at: self.due_at,
            answered_at: self.answered_at,
            answered_by: self.answered_by,
        }
    }
}

/// Open requests first, the most urgent at the top; then the latest answered ones.
pub fn list(conn: &mut DbConnection, keys: &Keys, limit: i64) -> QueryResult<Vec<Request>> {
    let rows: Vec<Stored> = privacy_requests::table
        .order((
            privacy_requests::status.ne("open"),
            privacy_requests::due_at.asc(),
        ))
        .limit(limit)
        .select(Stored::as_select())
        .load(conn)?;
    Ok(rows.into_iter().map(|r| r.opened(keys)).collect())
}

pub fn find(conn: &mut DbConnection, keys: &Keys, id: i64) -> QueryResult<Option<Request>> {
    let row: Option<Stored> = privacy_requests::table
        .find(id)
        .select(Stored::as_select())
        .first(conn)
        .optional()?;
    Ok(row.map(|r| r.opened(keys)))
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
