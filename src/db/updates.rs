//! Updates: news a creator writes, a moderator approves, and the worker emails in batches to
//! the confirmed signers who asked for it.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::outbox::{self, NewEmail};
use super::schema::{petition_updates, signatures};
use super::{DbConnection, now};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = petition_updates)]
pub struct Update {
    pub id: i64,
    pub petition_id: i64,
    pub author_id: i64,
    pub title: String,
    pub body: String,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub decided_at: Option<NaiveDateTime>,
    pub decided_by: Option<i64>,
    pub fanout_after: i64,
    pub fanout_done_at: Option<NaiveDateTime>,
    pub emailed: i64,
    /// The language of `title` and `body`; `title_tr` and `body_tr` are in the petition's
    /// other language, or empty.
    pub lang: String,
    pub title_tr: String,
    pub body_tr: String,
}

impl Update {
    /// The title and body in `lang` when the campaigner wrote them in it, else as written.
    pub fn text(&self, lang: crate::i18n::Lang) -> (&str, &str) {
        if lang.code() != self.lang && !self.title_tr.is_empty() {
            (&self.title_tr, &self.body_tr)
        } else {
            (&self.title, &self.body)
        }
    }
}

/// An update as its campaigner wrote it: in the petition's language, and optionally in its
/// other one.
pub struct NewUpdate<'a> {
    pub lang: crate::i18n::Lang,
    pub title: &'a str,
    pub body: &'a str,
    pub translation: Option<(&'a str, &'a str)>,
}

pub fn create(
    conn: &mut DbConnection,
    petition_id: i64,
    author_id: i64,
    u: &NewUpdate<'_>,
) -> QueryResult<i64> {
    let (title_tr, body_tr) = u.translation.unwrap_or(("", ""));
    diesel::insert_into(petition_updates::table)
        .values((
            petition_updates::petition_id.eq(petition_id),
            petition_updates::author_id.eq(author_id),
            petition_updates::title.eq(u.title),
            petition_updates::body.eq(u.body),
            petition_updates::lang.eq(u.lang.code()),
            petition_updates::title_tr.eq(title_tr),
            petition_updates::body_tr.eq(body_tr),
            petition_updates::status.eq("pending"),
            petition_updates::created_at.eq(now()),
        ))
        .returning(petition_updates::id)
        .get_result(conn)
}

pub fn find(conn: &mut DbConnection, id: i64) -> QueryResult<Option<Update>> {
    petition_updates::table
        .find(id)
        .select(Update::as_select())
        .first(conn)
        .optional()
}

/// Updates waiting for a moderator, oldest first.
pub fn pending(conn: &mut DbConnection) -> QueryResult<Vec<Update>> {
    petition_updates::table
        .filter(petition_updates::status.eq("pending"))
        .order(petition_updates::id.asc())
        .limit(500)
        .select(Update::as_select())
        .load(conn)
}

/// A petition's updates: approved ones for the public, all for its creator.
pub fn for_petition(
    conn: &mut DbConnection,
    petition_id: i64,
    all: bool,
) -> QueryResult<Vec<Update>> {
    let mut q = petition_updates::table
        .filter(petition_updates::petition_id.eq(petition_id))
        .order(petition_updates::id.desc())
        .select(Update::as_select())
        .into_boxed();
    if !all {
        // A response's update is shown as the response itself.
        q = q
            .filter(petition_updates::status.eq("approved"))
            .filter(petition_updates::response_id.is_null());
    }
    q.limit(50).load(conn)
}

/// Approves or rejects a pending update; `None` if it is not pending.
pub fn decide(
    conn: &mut DbConnection,
    id: i64,
    approve: bool,
    moderator: i64,
) -> QueryResult<Option<Update>> {
    let n = diesel::update(
        petition_updates::table
            .filter(petition_updates::id.eq(id))
            .filter(petition_updates::status.eq("pending")),
    )
    .set((
        petition_updates::status.eq(if approve { "approved" } else { "rejected" }),
        petition_updates::decided_at.eq(Some(now())),
        petition_updates::decided_by.eq(Some(moderator)),
    ))
    .execute(conn)?;
    if n == 0 {
        return Ok(None);
    }
    find(conn, id)
}

/// A signer who will receive an update.
pub struct Reader {
    pub signature_id: i64,
    pub email: String,
    pub lang: String,
}

/// Emails the next `batch` readers of one approved update, in one transaction with moving its
/// cursor; returns how many. The cursor moves only from where this round read it, so workers
/// in several processes never send the same batch twice.
pub fn fan_out(
    conn: &mut DbConnection,
    keys: &crate::seal::Keys,
    batch: i64,
    mut email_for: impl FnMut(&Update, &super::petitions::Petition, &Reader) -> NewEmail,
) -> QueryResult<usize> {
    let Some(update) = petition_updates::table
        .filter(petition_updates::status.eq("approved"))
        .filter(petition_updates::fanout_done_at.is_null())
        .order(petition_updates::id.asc())
        .select(Update::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(0);
    };
    let Some(petition) = super::petitions::find_any(conn, update.petition_id)? else {
        return Ok(0);
    };
    conn.transaction(|conn| {
        let readers: Vec<(i64, String, String)> = signatures::table
            .filter(signatures::petition_id.eq(update.petition_id))
            .filter(signatures::id.gt(update.fanout_after))
            .filter(super::signatures::counts())
            .filter(signatures::updates.eq(true))
            .order(signatures::id.asc())
            .limit(batch)
            .select((signatures::id, signatures::email, signatures::lang))
            .load(conn)?;
        let last = readers.last().map(|r| r.0).unwrap_or(update.fanout_after);
        let done = (readers.len() as i64) < batch;
        let moved = diesel::update(
            petition_updates::table
                .filter(petition_updates::id.eq(update.id))
                .filter(petition_updates::fanout_after.eq(update.fanout_after))
                .filter(petition_updates::fanout_done_at.is_null()),
        )
        .set((
            petition_updates::fanout_after.eq(last),
            petition_updates::emailed.eq(petition_updates::emailed + readers.len() as i64),
            petition_updates::fanout_done_at.eq(done.then(now)),
        ))
        .execute(conn)?;
        if moved == 0 {
            // Another worker took this batch.
            return Ok(0);
        }
        let emails: Vec<NewEmail> = readers
            .iter()
            .cloned()
            .filter_map(|(signature_id, email, lang)| {
                // An address that does not open (its key is gone) is skipped, and said so.
                let email = keys
                    .open(&email)
                    .inspect_err(
                        |e| tracing::error!(signature_id, error = %e, "an address did not open"),
                    )
                    .ok()?;
                let reader = Reader {
                    signature_id,
                    email,
                    lang,
                };
                Some(email_for(&update, &petition, &reader))
            })
            .collect();
        outbox::enqueue_many(conn, keys, &emails)?;
        Ok(readers.len())
    })
}

/// Stops update emails to one signature (the unsubscribe link); `false` if unknown.
pub fn unsubscribe(conn: &mut DbConnection, signature_id: i64) -> QueryResult<bool> {
    let n = diesel::update(signatures::table.find(signature_id))
        .set(signatures::updates.eq(false))
        .execute(conn)?;
    Ok(n == 1)
}
