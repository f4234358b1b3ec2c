//! Sealing rows again: those written before encryption (the worker seals a batch of them each
//! round), and every row when the key changes (`hastakshar keys rotate`, while the site runs).
//! Each row is opened with whichever key it names and sealed with `DATA_KEY`; each blind index
//! is computed again from the opened address.

use diesel::prelude::*;

use super::schema::{mail_suppressions, outbox, outbox_attachments, privacy_requests, signatures};
use super::{DbConnection, audit};
use crate::domain::EmailAddress;
use crate::seal::{Keys, SealError};

/// What one pass sealed again.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Resealed {
    pub signatures: usize,
    pub emails: usize,
    pub suppressions: usize,
    pub requests: usize,
    /// Signatures left as they were: another signature of the same petition already holds the
    /// new index (an address that signed twice while older rows were being sealed).
    pub conflicts: usize,
}

impl std::ops::AddAssign for Resealed {
    fn add_assign(&mut self, other: Resealed) {
        self.signatures += other.signatures;
        self.emails += other.emails;
        self.suppressions += other.suppressions;
        self.requests += other.requests;
        self.conflicts += other.conflicts;
    }
}

/// Which rows a pass looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Rows written before encryption (`key_id IS NULL`), read through a partial index.
    Unsealed,
    /// Rows after this id, in id order (a rotation walks the whole table).
    After(i64),
}

fn reseal(keys: &Keys, stored: &str) -> Result<String, SealError> {
    if stored.is_empty() {
        return Ok(String::new());
    }
    Ok(keys.seal(&keys.open(stored)?))
}

/// Seals up to `limit` signatures again; how many, and the last id looked at (`None` when no
/// row was left).
pub fn signatures_batch(
    conn: &mut DbConnection,
    keys: &Keys,
    scope: Scope,
    limit: i64,
    done: &mut Resealed,
) -> Result<Option<i64>, anyhow::Error> {
    let mut q = signatures::table
        .filter(signatures::anonymised_at.is_null())
        .into_boxed();
    q = match scope {
        Scope::Unsealed => q.filter(signatures::key_id.is_null()),
        Scope::After(id) => q.filter(signatures::id.gt(id)),
    };
    let rows: Vec<(i64, i64, String, String, Option<String>)> = q
        .order(signatures::id)
        .limit(limit)
        .select((
            signatures::id,
            signatures::petition_id,
            signatures::email,
            signatures::name,
            signatures::key_id,
        ))
        .load(conn)?;
    let last = rows.last().map(|r| r.0);
    for (id, petition, email, name, key_id) in rows {
        if key_id.as_deref() == Some(keys.primary_id()) {
            continue;
        }
        let address = keys.open(&email)?;
        let index = keys.index(&EmailAddress::canonical(&address));
        let taken: i64 = signatures::table
            .filter(signatures::petition_id.eq(petition))
            .filter(signatures::email_canonical.eq(&index))
            .filter(signatures::id.ne(id))
            .count()
            .get_result(conn)?;
        if taken > 0 {
            done.conflicts += 1;
            if scope == Scope::Unsealed {
                // Left for a rotation's report: marked so that the worker does not retry it.
                tracing::warn!(
                    signature = id,
                    "a signature not sealed: its address signed again"
                );
            }
            continue;
        }
        diesel::update(signatures::table.find(id))
            .set((
                signatures::email.eq(keys.seal(&address)),
                signatures::name.eq(reseal(keys, &name)?),
                signatures::email_canonical.eq(index),
                signatures::key_id.eq(Some(keys.primary_id())),
            ))
            .execute(conn)?;
        done.signatures += 1;
    }
    Ok(last)
}

/// Seals up to `limit` emails again; the last id looked at.
pub fn emails_batch(
    conn: &mut DbConnection,
    keys: &Keys,
    scope: Scope,
    limit: i64,
    done: &mut Resealed,
) -> Result<Option<i64>, anyhow::Error> {
    type Row = (i64, String, String, String, Option<String>, Option<String>);
    let q = outbox::table.into_boxed();
    let q = match scope {
        Scope::Unsealed => q.filter(outbox::key_id.is_null()),
        Scope::After(id) => q.filter(outbox::id.gt(id)),
    };
    let rows: Vec<Row> = q
        .order(outbox::id)
        .limit(limit)
        .select((
            outbox::id,
            outbox::recipient,
            outbox::body_text,
            outbox::body_html,
            outbox::last_error,
            outbox::key_id,
        ))
        .load(conn)?;
    let last = rows.last().map(|r| r.0);
    for (id, recipient, text, html, error, key_id) in rows {
        if key_id.as_deref() == Some(keys.primary_id()) {
            continue;
        }
        let address = keys.open(&recipient)?;
        let index = (!address.is_empty()).then(|| keys.index(&EmailAddress::canonical(&address)));
        let error = error.map(|e| reseal(keys, &e)).transpose()?;
        diesel::update(outbox::table.find(id))
            .set((
                outbox::recipient.eq(reseal(keys, &recipient)?),
                outbox::recipient_index.eq(index),
                outbox::body_text.eq(reseal(keys, &text)?),
                outbox::body_html.eq(reseal(keys, &html)?),
                outbox::last_error.eq(error),
                outbox::key_id.eq(Some(keys.primary_id())),
            ))
            .execute(conn)?;
        done.emails += 1;
    }
    Ok(last)
}

/// Seals every suppressed address again (a short list); those suppressed before encryption are
/// sealed and indexed for the first time.
pub fn suppressions(
    conn: &mut DbConnection,
    keys: &Keys,
    done: &mut Resealed,
) -> Result<(), anyhow::Error> {
    let rows: Vec<(String, Option<String>, String)> = mail_suppressions::table
        .select((
            mail_suppressions::email_canonical,
            mail_suppressions::email_sealed,
            mail_suppressions::detail,
        ))
        .load(conn)?;
    for (stored, sealed, detail) in rows {
        if sealed.as_deref().is_some_and(|s| keys.is_current(s)) {
            continue;
        }
        let canonical = match &sealed {
            Some(s) => keys.open(s)?,
            // Before encryption the key column held the canonical address itself.
            None => stored.clone(),
        };
        diesel::update(mail_suppressions::table.find(&stored))
            .set((
                mail_suppressions::email_canonical.eq(keys.index(&canonical)),
                mail_suppressions::email_sealed.eq(Some(keys.seal(&canonical))),
                mail_suppressions::detail.eq(reseal(keys, &detail)?),
            ))
            .execute(conn)?;
        done.suppressions += 1;
    }
    Ok(())
}

/// Seals again the files waiting in the outbox (delivery packs, until they are sent).
pub fn attachments(
    conn: &mut DbConnection,
    keys: &Keys,
    done: &mut Resealed,
) -> anyhow::Result<()> {
    let current = format!("hk1.{}.", keys.primary_id()).into_bytes();
    let mut after = 0i64;
    loop {
        // A few at a time: a pack can weigh a megabyte.
        let rows: Vec<(i64, Vec<u8>)> = outbox_attachments::table
            .filter(outbox_attachments::id.gt(after))
            .order(outbox_attachments::id)
            .limit(16)
            .select((outbox_attachments::id, outbox_attachments::data))
            .load(conn)?;
        let Some(last) = rows.last().map(|r| r.0) else {
            return Ok(());
        };
        after = last;
        for (id, data) in rows {
            if data.starts_with(&current) {
                continue;
            }
            let plain = keys.open_bytes(&data)?;
            diesel::update(outbox_attachments::table.find(id))
                .set(outbox_attachments::data.eq(keys.seal_bytes(&plain)))
                .execute(conn)?;
            done.emails += 1;
        }
    }
}

/// Seals every request to the grievance officer again (few).
pub fn requests(conn: &mut DbConnection, keys: &Keys, done: &mut Resealed) -> anyhow::Result<()> {
    type Row = (i64, String, String, String, String);
    let rows: Vec<Row> = privacy_requests::table
        .select((
            privacy_requests::id,
            privacy_requests::email_sealed,
            privacy_requests::name_sealed,
            privacy_requests::message_sealed,
            privacy_requests::answer,
        ))
        .load(conn)?;
    for (id, email, name, message, answer) in rows {
        if keys.is_current(&email) {
            continue;
        }
        let address = keys.open(&email)?;
        diesel::update(privacy_requests::table.find(id))
            .set((
                privacy_requests::email_sealed.eq(keys.seal(&address)),
                privacy_requests::email_index.eq(keys.index(&EmailAddress::canonical(&address))),
                privacy_requests::name_sealed.eq(reseal(keys, &name)?),
                privacy_requests::message_sealed.eq(reseal(keys, &message)?),
                privacy_requests::answer.eq(reseal(keys, &answer)?),
            ))
            .execute(conn)?;
        done.requests += 1;
    }
    Ok(())
}

/// Whether any signature written before encryption is left (a probe of a partial index).
pub fn unsealed_signatures(conn: &mut DbConnection) -> diesel::QueryResult<bool> {
    let signature: Option<i64> = signatures::table
        .filter(signatures::key_id.is_null())
        .select(signatures::id)
        .first(conn)
        .optional()?;
    Ok(signature.is_some())
}

/// Whether any row written before encryption is left (three probes of partial indexes).
pub fn waiting(conn: &mut DbConnection) -> diesel::QueryResult<bool> {
    if unsealed_signatures(conn)? {
        return Ok(true);
    }
    let email: Option<i64> = outbox::table
        .filter(outbox::key_id.is_null())
        .select(outbox::id)
        .first(conn)
        .optional()?;
    let suppression: Option<String> = mail_suppressions::table
        .filter(mail_suppressions::email_sealed.is_null())
        .select(mail_suppressions::email_canonical)
        .first(conn)
        .optional()?;
    Ok(email.is_some() || suppression.is_some())
}

/// One worker round's share: a batch of rows written before encryption; nothing when there is
/// none (the partial indexes hold only such rows).
pub fn unsealed_once(conn: &mut DbConnection, keys: &Keys, limit: i64) -> anyhow::Result<Resealed> {
    let mut done = Resealed::default();
    conn.transaction(|c| {
        signatures_batch(c, keys, Scope::Unsealed, limit, &mut done)?;
        emails_batch(c, keys, Scope::Unsealed, limit, &mut done)?;
        let legacy: i64 = mail_suppressions::table
            .filter(mail_suppressions::email_sealed.is_null())
            .count()
            .get_result(c)?;
        if legacy > 0 {
            suppressions(c, keys, &mut done)?;
        }
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(done)
}

/// One transaction of the rotation, which runs beside the site: on SQLite a batch that read
/// before the site's worker wrote cannot write (the database is "locked" at once, not after the
/// busy timeout), so it is tried again whole; its counts join `done` only once it commits.
fn beside_the_site<T>(
    conn: &mut DbConnection,
    done: &mut Resealed,
    mut batch: impl FnMut(&mut DbConnection, &mut Resealed) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    super::retry_locked(
        || {
            let mut part = Resealed::default();
            let out = conn.transaction(|c| batch(c, &mut part))?;
            *done += part;
            Ok(out)
        },
        |e: &anyhow::Error| {
            e.downcast_ref::<diesel::result::Error>()
                .is_some_and(super::is_locked)
        },
    )
}

/// Seals every row again under `DATA_KEY`, batch by batch (each its own transaction, so the
/// site goes on signing meanwhile), and notes it in the audit log.
pub fn rotate(
    conn: &mut DbConnection,
    keys: &Keys,
    actor: &audit::Actor,
) -> anyhow::Result<Resealed> {
    const BATCH: i64 = 500;
    let mut done = Resealed::default();
    let mut after = 0;
    while let Some(last) = beside_the_site(conn, &mut done, |c, d| {
        signatures_batch(c, keys, Scope::After(after), BATCH, d)
    })? {
        after = last;
    }
    after = 0;
    while let Some(last) = beside_the_site(conn, &mut done, |c, d| {
        emails_batch(c, keys, Scope::After(after), BATCH, d)
    })? {
        after = last;
    }
    beside_the_site(conn, &mut done, |c, d| suppressions(c, keys, d))?;
    beside_the_site(conn, &mut done, |c, d| requests(c, keys, d))?;
    beside_the_site(conn, &mut done, |c, d| attachments(c, keys, d))?;
    audit::record(
        conn,
        &audit::Entry {
            actor,
            action: audit::Action::KeysRotate,
            petition_id: None,
            details: serde_json::json!({
                "key": keys.primary_id(),
                "signatures": done.signatures,
                "emails": done.emails,
                "suppressions": done.suppressions,
                "requests": done.requests,
                "conflicts": done.conflicts,
            }),
            row_count: (done.signatures + done.emails + done.suppressions + done.requests) as i64,
        },
    )?;
    Ok(done)
}

/// How many signatures and emails each key seals (`None`: not sealed yet; `-`: anonymised).
pub type ByKey = Vec<(Option<String>, i64)>;

pub fn count_by_key(conn: &mut DbConnection) -> diesel::QueryResult<(ByKey, ByKey)> {
    let by_signature = signatures::table
        .group_by(signatures::key_id)
        .select((signatures::key_id, diesel::dsl::count_star()))
        .load(conn)?;
    let by_email = outbox::table
        .group_by(outbox::key_id)
        .select((outbox::key_id, diesel::dsl::count_star()))
        .load(conn)?;
    Ok((by_signature, by_email))
}
