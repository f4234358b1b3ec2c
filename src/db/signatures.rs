//! Signatures: stored pending with their confirmation email in one transaction, confirmed by a
//! token whose hash alone is stored.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::outbox;
use super::schema::{petitions, signature_tokens, signatures};
use super::{DbConnection, now};

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = signatures)]
pub struct NewSignature {
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
    /// The inbox behind `email`, by which a person signs once (`EmailAddress::canonical`).
    pub email_canonical: String,
    pub email_domain: String,
    /// The client's network, IPv4 /24 or IPv6 /48 (`integrity::signals`).
    pub network: Option<String>,
    /// A keyed hash of the client's full address; the address itself is never stored.
    pub ip_hash: Option<String>,
    pub disposable: bool,
    pub form_seconds: Option<i32>,
    pub honeypot: bool,
    /// Held by a rule: confirmable, not counted until a moderator releases it.
    pub held: bool,
    /// The key `email` and `name` are sealed with (`seal`).
    pub key_id: Option<String>,
    /// The consent texts shown (`consent_texts`).
    pub consent_version: Option<String>,
    /// The `?source=` code of the link the signer came by (`domain::source_code`).
    pub source: Option<String>,
}

/// The signatures that count: confirmed by a person, not held by a rule, not invalidated. Every
/// count, export, pack and mailing reads through this one definition.
pub type Counts = diesel::dsl::And<
    diesel::dsl::And<
        diesel::dsl::IsNotNull<signatures::confirmed_at>,
        diesel::dsl::Eq<signatures::held, bool>,
    >,
    diesel::dsl::IsNull<signatures::invalidation_id>,
>;

pub fn counts() -> Counts {
    signatures::confirmed_at
        .is_not_null()
        .and(signatures::held.eq(false))
        .and(signatures::invalidation_id.is_null())
}

/// The same, as SQL for hand-written statements.
pub const COUNTS_SQL: &str =
    "confirmed_at IS NOT NULL AND held = FALSE AND invalidation_id IS NULL";

/// What signing did, which decides the email the signer gets. The signer sees the same page in
/// every case, so the site never tells whether an address had signed before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signed {
    /// A new pending signature: send the confirmation.
    New,
    /// Signed before and not yet confirmed: send the confirmation again.
    StillPending,
    /// Signed and confirmed before: say it is already counted.
    AlreadyConfirmed,
    /// Signed before, and we have written to this address as often as we will.
    Quiet,
    /// Refused by an integrity rule: nothing stored, nothing sent (never returned by `sign`).
    Blocked,
    /// A new pending signature that a rule holds: the confirmation goes as for `New`, the
    /// signature counts only once a moderator releases it (never returned by `sign`).
    Held,
    /// Past the client's signing quota, shared by every process: nothing stored, nothing sent;
    /// try again after this many seconds (never returned by `sign`).
    Limited(u64),
}

/// Stores a signature, or finds the one this address already made, and enqueues the email that
/// `email_for` writes for the outcome, all in one transaction: a signature acknowledged to the
/// signer is on disk together with its email.
///
/// `new.email_canonical` is the address's blind index under the key that seals now; `also`
/// lists the other forms it may have in older rows (another key's index while a rotation runs,
/// or the address itself before encryption), so that an address still signs once.
pub fn sign(
    conn: &mut DbConnection,
    new: &NewSignature,
    also: &[String],
    token_hash: &str,
    max_sends: i32,
    email_for: impl Fn(Signed) -> Option<outbox::Stored>,
) -> QueryResult<Signed> {
    // The common case on PostgreSQL in one statement, one round trip: under a spike the round
    // trips of BEGIN, three INSERTs and COMMIT were where a signature's time went.
    if let DbConnection::Pg(c) = conn
        && let Some(email) = email_for(Signed::New)
        && sign_new_pg(c, new, also, token_hash, &email)?
    {
        return Ok(Signed::New);
    }
    conn.transaction(|conn| {
        // Insert first: on SQLite this takes the write lock before anything is read, so
        // concurrent signers queue on the busy timeout instead of failing to upgrade a read
        // lock; `ON CONFLICT DO NOTHING` turns a duplicate into "no row" on both backends.
        let inserted: Option<i64> = crate::each_backend!(&mut *conn, c => diesel::insert_into(signatures::table)
            .values(new)
            .on_conflict_do_nothing()
            .returning(signatures::id)
            .get_result::<i64>(c)
            .optional())?;
        // An older row of the same address under another form of its index: that one stands,
        // and the row just written goes (rare: only while older rows are being sealed again).
        let earlier: Option<i64> = match inserted {
            Some(id) if !also.is_empty() => {
                let older: Option<i64> = signatures::table
                    .filter(signatures::petition_id.eq(new.petition_id))
                    .filter(signatures::email_canonical.eq_any(also))
                    .select(signatures::id)
                    .first(conn)
                    .optional()?;
                if older.is_some() {
                    diesel::delete(signatures::table.find(id)).execute(conn)?;
                }
                older
            }
            _ => None,
        };
        let (signature_id, outcome) = match (inserted, earlier) {
            (Some(id), None) => (id, Signed::New),
            _ => {
                let mut forms = also.to_vec();
                forms.push(new.email_canonical.clone());
                let (id, confirmed, sends): (i64, Option<NaiveDateTime>, i32) = signatures::table
                    .filter(signatures::petition_id.eq(new.petition_id))
                    .filter(signatures::email_canonical.eq_any(forms))
                    .select((signatures::id, signatures::confirmed_at, signatures::sends))
                    .first(conn)?;
                let outcome = match (confirmed.is_some(), sends < max_sends) {
                    (_, false) => Signed::Quiet,
                    (false, true) => Signed::StillPending,
                    (true, true) => Signed::AlreadyConfirmed,
                };
                if outcome != Signed::Quiet {
                    diesel::update(signatures::table.find(id))
                        .set(signatures::sends.eq(signatures::sends + 1))
                        .execute(conn)?;
                }
                (id, outcome)
            }
        };
        if matches!(outcome, Signed::New | Signed::StillPending) {
            // Each email carries a token of its own; earlier links keep working.
            diesel::insert_into(signature_tokens::table)
                .values((
                    signature_tokens::token_hash.eq(token_hash),
                    signature_tokens::signature_id.eq(signature_id),
                    signature_tokens::created_at.eq(now()),
                ))
                .execute(conn)?;
        }
        if let Some(email) = email_for(outcome) {
            outbox::enqueue_stored(conn, &email)?;
        }
        Ok(outcome)
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmed {
    Now {
        petition_id: i64,
    },
    Already {
        petition_id: i64,
    },
    /// The link is older than it may be: nothing was counted; a new one can be asked for.
    Expired {
        petition_id: i64,
    },
    /// The petition is closed, hidden or rejected: nothing is counted on it any more.
    Closed {
        petition_id: i64,
    },
    Unknown,
}

/// The statuses in which a confirmation still counts: open, and before opening (supporters'
/// confirmations are kept for when it opens). Closed, hidden and rejected petitions count
/// nothing more.
fn counting() -> Vec<&'static str> {
    let all = crate::domain::Status::ALL;
    let list: Vec<_> = all
        .into_iter()
        .filter(|s| s.counts_confirmations())
        .collect();
    crate::domain::Status::codes(&list)
}

/// Confirms the signature a token belongs to, if the token is younger than `ttl` and the
/// petition still counts. Idempotent: the update only touches a pending signature, and a second
/// visit finds it already confirmed.
///
/// The token is looked up by its SHA-256 hash through the index, so any timing difference tells an
/// attacker about hashes, not about tokens they could forge.
pub fn confirm(
    conn: &mut DbConnection,
    token_hash: &str,
    ttl: chrono::Duration,
) -> QueryResult<Confirmed> {
    let t = now();
    let owner = signature_tokens::table
        .filter(signature_tokens::token_hash.eq(token_hash))
        .filter(signature_tokens::created_at.gt(t - ttl))
        .select(signature_tokens::signature_id);
    let counting = petitions::table
        .filter(petitions::status.eq_any(counting()))
        .select(petitions::id);
    let updated: Option<i64> = diesel::update(
        signatures::table
            .filter(signatures::id.eq_any(owner))
            .filter(signatures::confirmed_at.is_null())
            .filter(signatures::petition_id.eq_any(counting)),
    )
    .set(signatures::confirmed_at.eq(t))
    .returning(signatures::petition_id)
    .get_result(conn)
    .optional()?;
    if let Some(petition_id) = updated {
        return Ok(Confirmed::Now { petition_id });
    }
    // Nothing confirmed: say why.
    let found: Option<(i64, Option<NaiveDateTime>, NaiveDateTime)> = signature_tokens::table
        .inner_join(signatures::table)
        .filter(signature_tokens::token_hash.eq(token_hash))
        .select((
            signatures::petition_id,
            signatures::confirmed_at,
            signature_tokens::created_at,
        ))
        .first(conn)
        .optional()?;
    Ok(match found {
        None => Confirmed::Unknown,
        Some((petition_id, Some(_), _)) => Confirmed::Already { petition_id },
        Some((petition_id, None, created)) if created <= t - ttl => {
            Confirmed::Expired { petition_id }
        }
        Some((petition_id, None, _)) => Confirmed::Closed { petition_id },
    })
}

/// What a confirmation link would do, read without doing it: the petition, and the outcome a
/// confirmation would have (`Now` when it would count now).
pub fn peek(
    conn: &mut DbConnection,
    token_hash: &str,
    ttl: chrono::Duration,
) -> QueryResult<Confirmed> {
    let found: Option<(i64, Option<NaiveDateTime>, NaiveDateTime, String)> =
        signature_tokens::table
            .inner_join(signatures::table.inner_join(petitions::table))
            .filter(signature_tokens::token_hash.eq(token_hash))
            .select((
                signatures::petition_id,
                signatures::confirmed_at,
                signature_tokens::created_at,
                petitions::status,
            ))
            .first(conn)
            .optional()?;
    Ok(match found {
        None => Confirmed::Unknown,
        Some((petition_id, Some(_), _, _)) => Confirmed::Already { petition_id },
        Some((petition_id, None, created, _)) if created <= now() - ttl => {
            Confirmed::Expired { petition_id }
        }
        Some((petition_id, None, _, status)) if counting().contains(&status.as_str()) => {
            Confirmed::Now { petition_id }
        }
        Some((petition_id, None, _, _)) => Confirmed::Closed { petition_id },
    })
}

/// Who gets a fresh confirmation link, and for which petition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renewal {
    pub petition_id: i64,
    pub email: String,
    pub lang: String,
}

/// A new link for the pending signature an expired `token_hash` belongs to: stores
/// `new_token_hash` and says where to send it. `None` (and nothing written) unless every link of
/// that signature has expired and its petition still counts, so the button can send at most one
/// email each `ttl`, and only to the inbox that had the old link.
pub fn renew(
    conn: &mut DbConnection,
    token_hash: &str,
    new_token_hash: &str,
    ttl: chrono::Duration,
) -> QueryResult<Option<Renewal>> {
    conn.transaction(|conn| {
        let t = now();
        let found: Option<(i64, i64, String, String)> = signature_tokens::table
            .inner_join(signatures::table.inner_join(petitions::table))
            .filter(signature_tokens::token_hash.eq(token_hash))
            .filter(signatures::confirmed_at.is_null())
            .filter(petitions::status.eq_any(counting()))
            .select((
                signatures::id,
                signatures::petition_id,
                signatures::email,
                signatures::lang,
            ))
            .first(conn)
            .optional()?;
        let Some((signature_id, petition_id, email, lang)) = found else {
            return Ok(None);
        };
        let live: i64 = signature_tokens::table
            .filter(signature_tokens::signature_id.eq(signature_id))
            .filter(signature_tokens::created_at.gt(t - ttl))
            .count()
            .get_result(conn)?;
        if live > 0 {
            return Ok(None);
        }
        diesel::insert_into(signature_tokens::table)
            .values((
                signature_tokens::token_hash.eq(new_token_hash),
                signature_tokens::signature_id.eq(signature_id),
                signature_tokens::created_at.eq(t),
            ))
            .execute(conn)?;
        Ok(Some(Renewal {
            petition_id,
            email,
            lang,
        }))
    })
}

/// One row of a signatures export: id, name, state, constituency, confirmed at, consents to
/// delivery and to updates, email.
pub type ExportRow = (
    i64,
    String,
    String,
    String,
    Option<NaiveDateTime>,
    bool,
    bool,
    String,
    Option<String>,
);

/// Up to `limit` confirmed signatures of a petition after the id `after`, in id order (an
/// export reads them page by page, in constant memory).
pub fn confirmed_after(
    conn: &mut DbConnection,
    petition: i64,
    after: i64,
    limit: i64,
) -> QueryResult<Vec<ExportRow>> {
    signatures::table
        .filter(signatures::petition_id.eq(petition))
        .filter(counts())
        .filter(signatures::id.gt(after))
        .order(signatures::id)
        .limit(limit)
        .select((
            signatures::id,
            signatures::name,
            signatures::state_code,
            signatures::pc_id,
            signatures::confirmed_at,
            signatures::deliver_name,
            signatures::updates,
            signatures::email,
            signatures::source,
        ))
        .load(conn)
}

/// Counted signatures by the `?source=` code of the link they came by (`""` for none), most
/// first: what each partner's outreach brought in.
pub fn by_source(conn: &mut DbConnection, petition: i64) -> QueryResult<Vec<(String, i64)>> {
    let rows: Vec<(Option<String>, i64)> = signatures::table
        .filter(signatures::petition_id.eq(petition))
        .filter(counts())
        .group_by(signatures::source)
        .select((signatures::source, diesel::dsl::count_star()))
        .load(conn)?;
    let mut out: Vec<(String, i64)> = rows
        .into_iter()
        .map(|(s, n)| (s.unwrap_or_default(), n))
        .collect();
    // Most first; among equals the named sources before the signatures without one.
    out.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(a.0.is_empty().cmp(&b.0.is_empty()))
            .then(a.0.cmp(&b.0))
    });
    Ok(out)
}

/// A petition's signatures not invalidated, and of those the ones that count.
pub fn count_for(conn: &mut DbConnection, petition: i64) -> QueryResult<(i64, i64)> {
    let total: i64 = signatures::table
        .filter(signatures::petition_id.eq(petition))
        .filter(signatures::invalidation_id.is_null())
        .count()
        .get_result(conn)?;
    let confirmed: i64 = signatures::table
        .filter(signatures::petition_id.eq(petition))
        .filter(counts())
        .count()
        .get_result(conn)?;
    Ok((total, confirmed))
}

/// The latest confirmed signers who asked for their name to be shown, with their constituency.
pub fn recent_public(
    conn: &mut DbConnection,
    petition: i64,
    limit: i64,
) -> QueryResult<Vec<(String, String)>> {
    signatures::table
        .filter(signatures::petition_id.eq(petition))
        // Literals, as in the partial index `signatures_shown`, so the planner can use it.
        .filter(diesel::dsl::sql::<diesel::sql_types::Bool>(
            "show_name = TRUE AND confirmed_at IS NOT NULL",
        ))
        .filter(counts())
        .order(signatures::confirmed_at.desc())
        .limit(limit)
        .select((signatures::name, signatures::pc_id))
        .load(conn)
}

// Nothing is written if the address signed before under another form of its index (`also`,
// $26): the general path then finds that signature. With no other form (the usual case) the
// probe is skipped: PostgreSQL plans `= ANY` of an empty array as a walk through every
// signature of the petition, which halved the signing rate of a petition a few thousand strong.
const SIGN_NEW_PG: &str = "WITH s AS ( \
        INSERT INTO signatures (petition_id, email, name, pin_code, state_code, pc_id, \
            show_name, deliver_name, updates, lang, created_at, email_canonical, email_domain, \
            network, ip_hash, disposable, form_seconds, honeypot, held, key_id, consent_version, \
            source) \
        SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $18, $19, $20, $21, $22, $23, \
            $24, $25, $27, $28, $30 \
        WHERE cardinality($26::text[]) = 0 OR NOT EXISTS (SELECT 1 FROM signatures \
            WHERE petition_id = $1 AND email_canonical = ANY($26)) \
        ON CONFLICT (petition_id, email_canonical) DO NOTHING RETURNING id), \
    t AS (INSERT INTO signature_tokens (token_hash, signature_id, created_at) \
        SELECT $12, id, $11 FROM s), \
    o AS (INSERT INTO outbox (kind, recipient, subject, body_text, body_html, attempts, \
            next_attempt_at, created_at, recipient_index, key_id) \
        SELECT $13, $14, $15, $16, $17, 0, $11, $11, $29, $27 FROM s) \
    SELECT id FROM s";

#[derive(QueryableByName)]
struct Inserted {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    #[allow(dead_code)]
    id: i64,
}

/// A new signature with its token and email in one statement; `false` if the address had
/// signed already (nothing is written then).
fn sign_new_pg(
    c: &mut diesel::PgConnection,
    new: &NewSignature,
    also: &[String],
    token_hash: &str,
    email: &outbox::Stored,
) -> QueryResult<bool> {
    use diesel::sql_types::{Array, BigInt, Bool, Integer, Nullable, Text, Timestamp};
    let rows: Vec<Inserted> = diesel::sql_query(SIGN_NEW_PG)
        .bind::<BigInt, _>(new.petition_id)
        .bind::<Text, _>(&new.email)
        .bind::<Text, _>(&new.name)
        .bind::<Text, _>(&new.pin_code)
        .bind::<Text, _>(&new.state_code)
        .bind::<Text, _>(&new.pc_id)
        .bind::<Bool, _>(new.show_name)
        .bind::<Bool, _>(new.deliver_name)
        .bind::<Bool, _>(new.updates)
        .bind::<Text, _>(&new.lang)
        .bind::<Timestamp, _>(new.created_at)
        .bind::<Text, _>(token_hash)
        .bind::<Text, _>(email.kind)
        .bind::<Text, _>(&email.recipient)
        .bind::<Text, _>(&email.subject)
        .bind::<Text, _>(&email.body_text)
        .bind::<Text, _>(&email.body_html)
        .bind::<Text, _>(&new.email_canonical)
        .bind::<Text, _>(&new.email_domain)
        .bind::<Nullable<Text>, _>(&new.network)
        .bind::<Nullable<Text>, _>(&new.ip_hash)
        .bind::<Bool, _>(new.disposable)
        .bind::<Nullable<Integer>, _>(new.form_seconds)
        .bind::<Bool, _>(new.honeypot)
        .bind::<Bool, _>(new.held)
        .bind::<Array<Text>, _>(also)
        .bind::<Nullable<Text>, _>(&new.key_id)
        .bind::<Nullable<Text>, _>(&new.consent_version)
        .bind::<Text, _>(&email.recipient_index)
        .bind::<Nullable<Text>, _>(&new.source)
        .load(c)?;
    Ok(!rows.is_empty())
}
