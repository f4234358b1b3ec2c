//! Signers' data rights in the database: the consent texts as shown, what one address holds,
//! withdrawal, consent changes, erasure and retention. An address is found by the forms of its
//! blind index (`seal::Keys::indexes`), never by the address itself.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::integrity::{self as store, Criteria, WITHDRAWN_BY};
use super::schema::{
    consent_texts, invalidations, outbox, outbox_attachments, petitions, signature_tokens,
    signatures,
};
use super::{DbConnection, now};
use crate::privacy::consent::ConsentSet;

/// Stores a wording of the consents once; a wording already stored is left as it was.
pub fn record_consent_set(conn: &mut DbConnection, set: &ConsentSet) -> QueryResult<()> {
    let texts = serde_json::to_string(&set.texts).unwrap_or_default();
    crate::each_backend!(conn, c => diesel::insert_into(consent_texts::table)
        .values((
            consent_texts::version.eq(&set.version),
            consent_texts::lang.eq(&set.lang),
            consent_texts::texts.eq(&texts),
            consent_texts::created_at.eq(now()),
        ))
        .on_conflict_do_nothing()
        .execute(c))?;
    Ok(())
}

/// The wordings of these versions, as stored.
pub fn consent_sets(conn: &mut DbConnection, versions: &[String]) -> QueryResult<Vec<ConsentSet>> {
    let rows: Vec<(String, String, String)> = consent_texts::table
        .filter(consent_texts::version.eq_any(versions))
        .select((
            consent_texts::version,
            consent_texts::lang,
            consent_texts::texts,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(version, lang, texts)| ConsentSet {
            version,
            lang,
            texts: serde_json::from_str(&texts).unwrap_or_default(),
        })
        .collect())
}

/// One signature as its signer sees it (name and email still sealed).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = signatures)]
pub struct Held {
    pub id: i64,
    pub petition_id: i64,
    pub email: String,
    pub name: String,
    pub pin_code: String,
    pub state_code: String,
    pub pc_id: String,
    pub show_name: bool,
    pub deliver_name: bool,
    pub updates: bool,
    pub lang: String,
    pub created_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
    pub held: bool,
    pub invalidation_id: Option<i64>,
    pub consent_version: Option<String>,
    pub network: Option<String>,
    pub ip_hash: Option<String>,
    pub email_domain: String,
    pub disposable: bool,
    pub form_seconds: Option<i32>,
    pub honeypot: bool,
    /// The `?source=` code of the link it was signed by.
    pub source: Option<String>,
}

/// Where a signature stands, as its signer is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Waiting for its confirmation link.
    Pending,
    Counted,
    /// Confirmed, waiting for a moderator's look.
    Held,
    Withdrawn,
    /// Taken out of the count by the campaign's staff (fraud).
    Invalidated,
}

/// Every signature of an address that still holds its personal data, oldest first, with where
/// each stands.
pub fn of_address(conn: &mut DbConnection, forms: &[String]) -> QueryResult<Vec<(Held, Standing)>> {
    let rows: Vec<(Held, Option<String>)> = signatures::table
        .left_join(invalidations::table)
        .filter(signatures::email_canonical.eq_any(forms))
        .filter(signatures::anonymised_at.is_null())
        .order(signatures::id)
        .select((Held::as_select(), invalidations::created_by.nullable()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(h, by)| {
            let standing = match (&h.confirmed_at, h.held, by.as_deref()) {
                (_, _, Some(WITHDRAWN_BY)) => Standing::Withdrawn,
                (_, _, Some(_)) => Standing::Invalidated,
                (None, _, None) => Standing::Pending,
                (Some(_), true, None) => Standing::Held,
                (Some(_), false, None) => Standing::Counted,
            };
            (h, standing)
        })
        .collect())
}

/// One email the site wrote to an address: what, when, and what became of it.
#[derive(Debug, Clone, Queryable, serde::Serialize)]
pub struct Sent {
    pub kind: String,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    pub failed_at: Option<NaiveDateTime>,
}

pub fn emails_to(conn: &mut DbConnection, forms: &[String]) -> QueryResult<Vec<Sent>> {
    outbox::table
        .filter(outbox::recipient_index.eq_any(forms))
        .order(outbox::id)
        .select((
            outbox::kind,
            outbox::created_at,
            outbox::sent_at,
            outbox::failed_at,
        ))
        .load(conn)
}

/// Sets a signature's three consents, if it is this address's; `false` otherwise.
pub fn set_consents(
    conn: &mut DbConnection,
    forms: &[String],
    signature: i64,
    show_name: bool,
    deliver_name: bool,
    updates: bool,
) -> QueryResult<bool> {
    let n = diesel::update(
        signatures::table
            .find(signature)
            .filter(signatures::email_canonical.eq_any(forms))
            .filter(signatures::anonymised_at.is_null()),
    )
    .set((
        signatures::show_name.eq(show_name),
        signatures::deliver_name.eq(deliver_name),
        signatures::updates.eq(updates),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// What withdrawing did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Withdrawn {
    /// Out of every count now; `delivered` if packs of the petition went out before.
    Now { petition_id: i64, delivered: bool },
    /// It was out of the counts already (withdrawn or invalidated before).
    Already { petition_id: i64 },
    /// Not a signature of this address.
    Unknown,
}

/// Withdraws a signature of this address: it leaves every count at once (through the same
/// invalidation the campaign's staff use against fraud, which only the signer can make for one
/// signature and which staff cannot cancel), and every later export and pack.
pub fn withdraw(
    conn: &mut DbConnection,
    forms: &[String],
    signature: i64,
) -> QueryResult<Withdrawn> {
    let found: Option<(i64, Option<i64>)> = signatures::table
        .find(signature)
        .filter(signatures::email_canonical.eq_any(forms))
        .filter(signatures::anonymised_at.is_null())
        .select((signatures::petition_id, signatures::invalidation_id))
        .first(conn)
        .optional()?;
    let Some((petition_id, invalidated)) = found else {
        return Ok(Withdrawn::Unknown);
    };
    if let Some(from) = invalidated {
        let by: String = invalidations::table
            .find(from)
            .select(invalidations::created_by)
            .first(conn)?;
        if by == WITHDRAWN_BY {
            return Ok(Withdrawn::Already { petition_id });
        }
        // Out already by staff's invalidation, which they may cancel: the withdrawal stands on
        // its own, so that a cancellation does not bring this signature back.
        store::move_to_own(
            conn,
            petition_id,
            signature,
            from,
            "withdrawn by the signer",
            WITHDRAWN_BY,
        )?;
        let delivered = super::delivery::delivered(conn, petition_id)?.is_some();
        return Ok(Withdrawn::Now {
            petition_id,
            delivered,
        });
    }
    let criteria = Criteria {
        signature: Some(signature),
        ..Criteria::default()
    };
    let made = store::invalidate(
        conn,
        petition_id,
        &criteria,
        "withdrawn by the signer",
        WITHDRAWN_BY,
    )?;
    if made.is_none() {
        return Ok(Withdrawn::Already { petition_id });
    }
    let delivered = super::delivery::delivered(conn, petition_id)?.is_some();
    Ok(Withdrawn::Now {
        petition_id,
        delivered,
    })
}

/// The columns that hold personal data, as an anonymised signature keeps them: no name, no
/// address, no fraud signal, no consent to anything; its petition, place and dates stay, so
/// every count keeps its number. `key_id` says nothing is sealed in it any more.
macro_rules! anonymised {
    ($id_expr:expr, $t:expr) => {
        (
            signatures::name.eq(""),
            // Unique per petition in older SQLite databases, like the index below.
            signatures::email.eq($id_expr),
            signatures::email_canonical.eq($id_expr),
            signatures::pin_code.eq(""),
            signatures::email_domain.eq(""),
            signatures::network.eq(None::<String>),
            signatures::ip_hash.eq(None::<String>),
            signatures::form_seconds.eq(None::<i32>),
            signatures::show_name.eq(false),
            signatures::deliver_name.eq(false),
            signatures::updates.eq(false),
            signatures::key_id.eq(Some("-")),
            signatures::anonymised_at.eq(Some($t)),
        )
    };
}

/// Anonymises these signatures, deletes their confirmation tokens; how many.
fn anonymise(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<usize> {
    let t = now();
    let mut n = 0;
    for id in ids {
        // Each keeps a value of its own in the one-per-address index.
        n += diesel::update(
            signatures::table
                .find(id)
                .filter(signatures::anonymised_at.is_null()),
        )
        .set(anonymised!(&format!("anonymised:{id}"), t))
        .execute(conn)?;
    }
    for chunk in ids.chunks(500) {
        diesel::delete(
            signature_tokens::table.filter(signature_tokens::signature_id.eq_any(chunk)),
        )
        .execute(conn)?;
    }
    Ok(n)
}

/// Emails to an address forgotten: those still to send are deleted, those sent keep only their
/// kind and dates (their bodies went when they were sent).
fn forget_emails(conn: &mut DbConnection, forms: &[String]) -> QueryResult<usize> {
    let pending: Vec<i64> = outbox::table
        .filter(outbox::recipient_index.eq_any(forms))
        .filter(outbox::sent_at.is_null())
        .filter(outbox::failed_at.is_null())
        .select(outbox::id)
        .load(conn)?;
    diesel::delete(
        outbox_attachments::table.filter(outbox_attachments::outbox_id.eq_any(&pending)),
    )
    .execute(conn)?;
    diesel::delete(outbox::table.filter(outbox::id.eq_any(&pending))).execute(conn)?;
    let n = diesel::update(outbox::table.filter(outbox::recipient_index.eq_any(forms)))
        .set((
            outbox::recipient.eq(""),
            outbox::recipient_index.eq(None::<String>),
            outbox::body_text.eq(""),
            outbox::body_html.eq(""),
            outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(pending.len() + n)
}

/// Erases everything the site holds of an address: every signature anonymised (each still counts
/// as it did, without a name), its tokens and emails forgotten. How many signatures.
pub fn erase(conn: &mut DbConnection, forms: &[String]) -> QueryResult<usize> {
    conn.transaction(|conn| {
        let ids: Vec<i64> = signatures::table
            .filter(signatures::email_canonical.eq_any(forms))
            .filter(signatures::anonymised_at.is_null())
            .select(signatures::id)
            .load(conn)?;
        let n = anonymise(conn, &ids)?;
        forget_emails(conn, forms)?;
        super::mail_events::forget(conn, forms)?;
        Ok(n)
    })
}

/// Petitions closed before `before` whose signers have not been anonymised yet.
pub fn due_for_retention(conn: &mut DbConnection, before: NaiveDateTime) -> QueryResult<Vec<i64>> {
    petitions::table
        .filter(petitions::closed_at.lt(before))
        .filter(petitions::anonymised_at.is_null())
        .order(petitions::id)
        .select(petitions::id)
        .load(conn)
}

/// Anonymises up to `limit` more signatures of a petition past its retention; when none is
/// left the petition is marked done. Returns how many, and whether it is done. Idempotent: a
/// second run, or a second worker, finds nothing left to do.
pub fn retain_batch(
    conn: &mut DbConnection,
    petition: i64,
    limit: i64,
) -> QueryResult<(usize, bool)> {
    conn.transaction(|conn| {
        let ids: Vec<i64> = signatures::table
            .filter(signatures::petition_id.eq(petition))
            .filter(signatures::anonymised_at.is_null())
            .order(signatures::id)
            .limit(limit)
            .select(signatures::id)
            .load(conn)?;
        let n = anonymise(conn, &ids)?;
        let done = (ids.len() as i64) < limit;
        if done {
            diesel::update(
                petitions::table
                    .find(petition)
                    .filter(petitions::anonymised_at.is_null()),
            )
            .set(petitions::anonymised_at.eq(Some(now())))
            .execute(conn)?;
        }
        Ok((n, done))
    })
}

/// Emails created before `before` lose their recipient, and those that failed their bodies and
/// attachments too (a sent one lost them when it went; a failed pack keeps them until then, for
/// staff to send again): after the retention period the record of an email is its kind and
/// dates alone. Walks the outbox in id order from `after` (the
/// caller's cursor, so that each row is read once), up to `limit` rows; how many it changed and
/// where to go on from next time.
pub fn forget_old_recipients(
    conn: &mut DbConnection,
    before: NaiveDateTime,
    after: i64,
    limit: i64,
) -> QueryResult<(usize, i64)> {
    type Row = (i64, NaiveDateTime, bool, bool);
    let rows: Vec<Row> = outbox::table
        .filter(outbox::id.gt(after))
        .order(outbox::id)
        .limit(limit)
        .select((
            outbox::id,
            outbox::created_at,
            outbox::recipient_index.is_not_null(),
            outbox::sent_at
                .is_not_null()
                .or(outbox::failed_at.is_not_null()),
        ))
        .load(conn)?;
    // Ids grow with time: the rows old enough come first; one still waiting to be sent stops
    // the cursor, to be looked at again.
    let old: Vec<&Row> = rows
        .iter()
        .take_while(|(_, created, _, done)| *created < before && *done)
        .collect();
    let cursor = old.last().map(|r| r.0).unwrap_or(after);
    let ids: Vec<i64> = old
        .iter()
        .filter(|(_, _, indexed, _)| *indexed)
        .map(|r| r.0)
        .collect();
    diesel::delete(outbox_attachments::table.filter(outbox_attachments::outbox_id.eq_any(&ids)))
        .execute(conn)?;
    let n = diesel::update(outbox::table.filter(outbox::id.eq_any(&ids)))
        .set((
            outbox::recipient.eq(""),
            outbox::recipient_index.eq(None::<String>),
            outbox::last_error.eq(None::<String>),
            outbox::body_text.eq(""),
            outbox::body_html.eq(""),
        ))
        .execute(conn)?;
    Ok((n, cursor))
}
