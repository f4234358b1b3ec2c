//! The email outbox: every email is a row written in the same transaction as the change that
//! caused it, and a worker delivers rows with retries. Rows are claimed with a lease, and on
//! PostgreSQL with `FOR UPDATE SKIP LOCKED`, so several workers never send the same email.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Timestamp};

use super::schema::{outbox, outbox_attachments};
use super::{DbConnection, now};
use crate::seal::Keys;

/// What an email is for; stored as text in `outbox.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    ConfirmSignature,
    AlreadySigned,
    AccountConfirm,
    AccountExists,
    PasswordReset,
    CreatorNotice,
    PetitionUpdate,
    DeliveryPack,
    SpikeAlert,
    /// A "manage my signature" link asked for at /my-data.
    ManageLink,
    /// To someone who wrote to the grievance officer: received, then answered.
    PrivacyRequest,
    /// The link that confirms deleting an account.
    AccountDelete,
}

impl MailKind {
    pub fn code(self) -> &'static str {
        match self {
            MailKind::ConfirmSignature => "confirm_signature",
            MailKind::AlreadySigned => "already_signed",
            MailKind::AccountConfirm => "account_confirm",
            MailKind::AccountExists => "account_exists",
            MailKind::PasswordReset => "password_reset",
            MailKind::CreatorNotice => "creator_notice",
            MailKind::PetitionUpdate => "petition_update",
            MailKind::DeliveryPack => "delivery_pack",
            MailKind::SpikeAlert => "spike_alert",
            MailKind::ManageLink => "manage_link",
            MailKind::PrivacyRequest => "privacy_request",
            MailKind::AccountDelete => "account_delete",
        }
    }

    /// Emails someone is waiting for now (a link to confirm with, a reset; a moderator's spike
    /// alert): claimed ahead of updates, milestones and delivery packs. The claim query and the
    /// index `outbox_due_first` spell the same list out in SQL (`URGENT_FIRST`).
    pub const URGENT: [MailKind; 6] = [
        MailKind::ConfirmSignature,
        MailKind::AlreadySigned,
        MailKind::AccountConfirm,
        MailKind::AccountExists,
        MailKind::PasswordReset,
        MailKind::SpikeAlert,
    ];

    /// The emails about an account that a stranger can cause by typing an address into a form
    /// (their daily cap is counted over these).
    pub const ACCOUNT: [MailKind; 3] = [
        MailKind::AccountConfirm,
        MailKind::AccountExists,
        MailKind::PasswordReset,
    ];

    pub fn parse(code: &str) -> Option<MailKind> {
        [
            MailKind::ConfirmSignature,
            MailKind::AlreadySigned,
            MailKind::AccountConfirm,
            MailKind::AccountExists,
            MailKind::PasswordReset,
            MailKind::CreatorNotice,
            MailKind::PetitionUpdate,
            MailKind::DeliveryPack,
            MailKind::SpikeAlert,
            MailKind::ManageLink,
            MailKind::PrivacyRequest,
            MailKind::AccountDelete,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }
}

#[derive(Debug, Clone)]
pub struct NewEmail {
    pub kind: MailKind,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    /// For emails to signers about a petition's news: the one-click unsubscribe address, sent
    /// as `List-Unsubscribe` with `List-Unsubscribe-Post` (RFC 8058).
    pub unsubscribe_url: Option<String>,
}

pub fn enqueue(conn: &mut DbConnection, keys: &Keys, e: &NewEmail) -> QueryResult<()> {
    enqueue_returning(conn, keys, e).map(|_| ())
}

/// An email as it is stored: its recipient and bodies sealed, and the recipient's blind index
/// beside them (`seal`), so that a copy of the database shows no address and no message.
/// Sealing is work worth doing before a transaction: on SQLite the writer's turn is one lock
/// for the whole process.
#[derive(Debug, Clone)]
pub struct Stored {
    pub kind: &'static str,
    pub recipient: String,
    pub recipient_index: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub unsubscribe_url: Option<String>,
    pub key_id: String,
}

impl NewEmail {
    pub fn stored(&self, keys: &Keys) -> Stored {
        Stored {
            kind: self.kind.code(),
            recipient: keys.seal(&self.recipient),
            recipient_index: keys.index(&crate::domain::EmailAddress::canonical(&self.recipient)),
            subject: self.subject.clone(),
            body_text: keys.seal(&self.body_text),
            body_html: keys.seal(&self.body_html),
            unsubscribe_url: self.unsubscribe_url.clone(),
            key_id: keys.primary_id().to_string(),
        }
    }
}

macro_rules! row {
    ($s:expr, $t:expr) => {
        (
            outbox::kind.eq($s.kind),
            outbox::recipient.eq(&$s.recipient),
            outbox::recipient_index.eq(Some(&$s.recipient_index)),
            outbox::subject.eq(&$s.subject),
            outbox::body_text.eq(&$s.body_text),
            outbox::body_html.eq(&$s.body_html),
            outbox::unsubscribe_url.eq(&$s.unsubscribe_url),
            outbox::key_id.eq(Some(&$s.key_id)),
            outbox::attempts.eq(0),
            outbox::next_attempt_at.eq($t),
            outbox::created_at.eq($t),
        )
    };
}

/// Enqueues and returns the row's id (to attach files to it, or to follow it).
pub fn enqueue_returning(conn: &mut DbConnection, keys: &Keys, e: &NewEmail) -> QueryResult<i64> {
    enqueue_stored(conn, &e.stored(keys))
}

/// Enqueues an email sealed beforehand, and returns the row's id.
pub fn enqueue_stored(conn: &mut DbConnection, s: &Stored) -> QueryResult<i64> {
    let t = now();
    diesel::insert_into(outbox::table)
        .values(row!(s, t))
        .returning(outbox::id)
        .get_result(conn)
}

/// Enqueues many emails with multi-row inserts (one statement per few hundred, not one each).
pub fn enqueue_many(conn: &mut DbConnection, keys: &Keys, emails: &[NewEmail]) -> QueryResult<()> {
    let t = now();
    for chunk in emails.chunks(500) {
        let stored: Vec<Stored> = chunk.iter().map(|e| e.stored(keys)).collect();
        let rows: Vec<_> = stored.iter().map(|s| row!(s, t)).collect();
        // A multi-row insert is not open to the two-backend connection: once per backend.
        crate::each_backend!(&mut *conn, c => diesel::insert_into(outbox::table)
            .values(&rows)
            .execute(c))?;
    }
    Ok(())
}

/// A file sent with an email.
#[derive(Debug, Clone)]
pub struct Attachment {
    pub outbox_id: i64,
    pub filename: String,
    pub content_type: String,
    pub data: Vec<u8>,
}

/// Attaches a file, sealed like the email's bodies (a pack lists signers' names).
pub fn attach(
    conn: &mut DbConnection,
    keys: &Keys,
    outbox_id: i64,
    filename: &str,
    content_type: &str,
    data: &[u8],
) -> QueryResult<()> {
    diesel::insert_into(outbox_attachments::table)
        .values((
            outbox_attachments::outbox_id.eq(outbox_id),
            outbox_attachments::filename.eq(filename),
            outbox_attachments::content_type.eq(content_type),
            outbox_attachments::data.eq(keys.seal_bytes(data)),
        ))
        .execute(conn)?;
    Ok(())
}

/// An email whose attachment would not open, and why.
pub type Unopened = (i64, String);

/// The attachments of these emails, opened; and the emails one of whose attachments would not
/// open, with why.
pub fn attachments(
    conn: &mut DbConnection,
    keys: &Keys,
    ids: &[i64],
) -> QueryResult<(Vec<Attachment>, Vec<Unopened>)> {
    let rows: Vec<(i64, String, String, Vec<u8>)> = outbox_attachments::table
        .filter(outbox_attachments::outbox_id.eq_any(ids))
        .order(outbox_attachments::id)
        .select((
            outbox_attachments::outbox_id,
            outbox_attachments::filename,
            outbox_attachments::content_type,
            outbox_attachments::data,
        ))
        .load(conn)?;
    let mut opened = Vec::with_capacity(rows.len());
    let mut broken = Vec::new();
    for (outbox_id, filename, content_type, data) in rows {
        match keys.open_bytes(&data) {
            Ok(data) => opened.push(Attachment {
                outbox_id,
                filename,
                content_type,
                data,
            }),
            Err(e) => broken.push((outbox_id, e.to_string())),
        }
    }
    Ok((opened, broken))
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

impl Claimed {
    /// The email with its recipient and bodies opened, to send.
    pub fn opened(mut self, keys: &Keys) -> Result<Claimed, crate::seal::SealError> {
        self.recipient = keys.open(&self.recipient)?;
        self.body_text = keys.open(&self.body_text)?;
        self.body_html = keys.open(&self.body_html)?;
        Ok(self)
    }
}

/// 0 for the urgent kinds, 1 for the rest: exactly the expression indexed by `outbox_due_first`
/// (migrations/*/2026-12-03-000008_mail_priority), so the claim reads the index in order.
macro_rules! urgent_first {
    () => {
        "(CASE WHEN kind IN ('confirm_signature', 'already_signed', 'account_confirm', \
         'account_exists', 'password_reset', 'spike_alert') THEN 0 ELSE 1 END)"
    };
}
#[cfg(test)]
const URGENT_FIRST: &str = urgent_first!();

const CLAIM_PG: &str = concat!(
    "UPDATE outbox SET locked_until = $1, attempts = attempts + 1 \
    WHERE id IN (SELECT id FROM outbox \
        WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $2 \
          AND (locked_until IS NULL OR locked_until < $2) \
        ORDER BY ",
    urgent_first!(),
    ", id LIMIT $3 FOR UPDATE SKIP LOCKED) \
    RETURNING id, kind, recipient, subject, body_text, body_html, attempts, unsubscribe_url"
);

// SQLite has one writer at a time, so the UPDATE itself is the lock.
const CLAIM_SQLITE: &str = concat!(
    "UPDATE outbox SET locked_until = ?1, attempts = attempts + 1 \
    WHERE id IN (SELECT id FROM outbox \
        WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?2 \
          AND (locked_until IS NULL OR locked_until < ?2) \
        ORDER BY ",
    urgent_first!(),
    ", id LIMIT ?3) \
    RETURNING id, kind, recipient, subject, body_text, body_html, attempts, unsubscribe_url"
);

/// Claims up to `limit` due emails for `lease`, urgent kinds first and then oldest first; a
/// worker that dies mid-send releases them when the lease runs out. (RETURNING gives no order:
/// the caller sends them all at once.)
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

/// Delivered: the bodies, which carry confirmation tokens, and the attachments (which can be
/// made again) are no longer kept.
pub fn mark_sent(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<()> {
    for chunk in ids.chunks(500) {
        diesel::delete(
            outbox_attachments::table.filter(outbox_attachments::outbox_id.eq_any(chunk)),
        )
        .execute(conn)?;
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

/// What one worker learnt from sending: the ids that went, and those that did not with their
/// error and when to try again. One transaction, so one commit (one fsync on SQLite) however
/// many there are.
pub fn mark(
    conn: &mut DbConnection,
    sent: &[i64],
    failed: &[(i64, String, Option<NaiveDateTime>)],
) -> QueryResult<()> {
    conn.transaction(|c| {
        mark_sent(c, sent)?;
        for (id, message, retry_at) in failed {
            mark_failed(c, *id, message, *retry_at)?;
        }
        Ok(())
    })
}

/// A relay's error as it is kept: its first 500 characters, sealed (it can quote the address).
/// Cut before sealing: a sealed value cut short never opens again.
pub fn kept_error(keys: &crate::seal::Keys, error: &str) -> String {
    keys.seal(&error.chars().take(500).collect::<String>())
}

/// Not delivered: try again at `retry_at`, or never (`None`) once the attempts are spent.
/// `error` is stored as given: a relay's through `kept_error`, else one of our short texts.
pub fn mark_failed(
    conn: &mut DbConnection,
    id: i64,
    error: &str,
    retry_at: Option<NaiveDateTime>,
) -> QueryResult<()> {
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

/// How many emails of these kinds were written to `recipient` since `since` (sent or not): the
/// count behind the caps on what strangers can make the site send to one address. Read through
/// the index `outbox_recipient`, by the address's blind index.
pub fn recent_to(
    conn: &mut DbConnection,
    keys: &Keys,
    recipient: &str,
    kinds: &[MailKind],
    since: NaiveDateTime,
) -> QueryResult<i64> {
    let kinds: Vec<&str> = kinds.iter().map(|k| k.code()).collect();
    let indexes = keys.indexes(&crate::domain::EmailAddress::canonical(recipient));
    outbox::table
        .filter(outbox::recipient_index.eq_any(indexes))
        .filter(outbox::kind.eq_any(kinds))
        .filter(outbox::created_at.ge(since))
        .count()
        .get_result(conn)
}

/// Emails waiting to be sent (including those waiting for a retry).
pub fn depth(conn: &mut DbConnection) -> QueryResult<i64> {
    outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::failed_at.is_null())
        .count()
        .get_result(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_claim_orders_by_the_urgent_kinds() {
        let listed: Vec<String> = MailKind::URGENT
            .iter()
            .map(|k| format!("'{}'", k.code()))
            .collect();
        let sql_list = URGENT_FIRST
            .split_once("IN (")
            .and_then(|(_, rest)| rest.split_once(')'))
            .map(|(list, _)| list.replace(char::is_whitespace, ""))
            .unwrap();
        assert_eq!(sql_list, listed.join(","));
        for sql in [CLAIM_PG, CLAIM_SQLITE] {
            assert!(sql.contains(&format!("ORDER BY {URGENT_FIRST}, id")));
        }
        // The index is the same expression, character for character.
        for backend in ["postgres", "sqlite"] {
            let up = std::fs::read_to_string(format!(
                "{}/migrations/{backend}/2026-12-03-000008_mail_priority/up.sql",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap();
            assert!(up.contains(&format!("({URGENT_FIRST}, id)")), "{backend}");
        }
    }
}
