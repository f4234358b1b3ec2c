//! Addresses that bounced hard or complained: the worker sends them nothing more, and the
//! campaigner's dashboard counts their signatures apart from those merely unconfirmed.

use std::collections::HashSet;

use diesel::prelude::*;

use super::schema::{mail_suppressions, signatures};
use super::{DbConnection, now};

/// Why an address gets no more mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The receiving server said the address does not exist (or will never accept mail).
    Bounce,
    /// The recipient marked a message as spam.
    Complaint,
}

impl Reason {
    pub fn code(self) -> &'static str {
        match self {
            Reason::Bounce => "bounce",
            Reason::Complaint => "complaint",
        }
    }
}

/// Suppresses `canonical` (an `EmailAddress::canonical`), stored as its blind index with the
/// address sealed beside it (for a key rotation to index it again); `true` when it was not
/// suppressed already.
pub fn suppress(
    conn: &mut DbConnection,
    keys: &crate::seal::Keys,
    canonical: &str,
    reason: Reason,
    detail: &str,
) -> QueryResult<bool> {
    // Cut before it is sealed: a sealed value cut short never opens again.
    let detail = keys.seal(&detail.chars().take(200).collect::<String>());
    let forms = keys.indexes(canonical);
    if !suppressed_among(conn, &forms)?.is_empty() {
        return Ok(false);
    }
    let row = (
        mail_suppressions::email_canonical.eq(keys.index(canonical)),
        mail_suppressions::email_sealed.eq(Some(keys.seal(canonical))),
        mail_suppressions::reason.eq(reason.code()),
        mail_suppressions::detail.eq(detail),
        mail_suppressions::created_at.eq(now()),
    );
    let n = crate::each_backend!(conn, c => diesel::insert_into(mail_suppressions::table)
        .values(row)
        .on_conflict_do_nothing()
        .execute(c))?;
    Ok(n > 0)
}

/// Which of these (blind indexes, or addresses suppressed before encryption) are suppressed.
pub fn suppressed_among(
    conn: &mut DbConnection,
    canonicals: &[String],
) -> QueryResult<HashSet<String>> {
    let mut found = HashSet::new();
    for chunk in canonicals.chunks(500) {
        found.extend(
            mail_suppressions::table
                .filter(mail_suppressions::email_canonical.eq_any(chunk))
                .select(mail_suppressions::email_canonical)
                .load::<String>(conn)?,
        );
    }
    Ok(found)
}

/// A petition's unconfirmed signatures whose address is suppressed: their confirmation email
/// bounced (or was reported as spam), so they will never be confirmed.
pub fn undeliverable(conn: &mut DbConnection, petition: i64) -> QueryResult<i64> {
    signatures::table
        .filter(signatures::petition_id.eq(petition))
        .filter(signatures::confirmed_at.is_null())
        .filter(
            signatures::email_canonical
                .eq_any(mail_suppressions::table.select(mail_suppressions::email_canonical)),
        )
        .count()
        .get_result(conn)
}

/// An address's suppression forgotten with the rest of it (its erasure). Nothing more will be
/// held back from it: whoever owns it asked for everything to go.
pub fn forget(conn: &mut DbConnection, forms: &[String]) -> QueryResult<usize> {
    diesel::delete(
        mail_suppressions::table.filter(mail_suppressions::email_canonical.eq_any(forms)),
    )
    .execute(conn)
}
