//! What delivering a petition reads and writes: the confirmed signatures by constituency and
//! the names consenting to delivery, members of the Lok Sabha and other recipients, the letter
//! templates, and each pack sent with its outbox row.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{
    deliveries, letter_templates, outbox as outbox_table, recipients, representatives, signatures,
};
use super::{DbConnection, now};
use crate::i18n::Lang;

/// A member of the Lok Sabha as the packs address them.
#[derive(Debug, Clone, Default)]
pub struct Member {
    pub name: String,
    pub party: String,
    pub email: Option<String>,
    pub postal_address: Option<String>,
}

/// Confirmed signatures per constituency, counted from the signatures themselves.
pub fn confirmed_by_constituency(
    conn: &mut DbConnection,
    id: i64,
) -> QueryResult<HashMap<String, i64>> {
    let rows: Vec<(String, i64)> = signatures::table
        .filter(signatures::petition_id.eq(id))
        .filter(super::signatures::counts())
        .group_by(signatures::pc_id)
        .select((signatures::pc_id, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// pc_id, name, party, email, postal address.
type MemberRow = (String, String, String, Option<String>, Option<String>);

/// A ministry or other recipient as staff edit it: id, kind, name, email, postal address.
pub type RecipientRow = (i64, String, String, Option<String>, Option<String>);

pub fn members(conn: &mut DbConnection) -> QueryResult<HashMap<String, Member>> {
    let rows: Vec<MemberRow> = representatives::table
        .select((
            representatives::pc_id,
            representatives::name,
            representatives::party,
            representatives::email,
            representatives::postal_address,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(pc, name, party, email, postal_address)| {
            (
                pc,
                Member {
                    name,
                    party,
                    email: email.filter(|e| !e.trim().is_empty()),
                    postal_address,
                },
            )
        })
        .collect())
}

/// The letter template for a language: the one staff saved, else the default.
pub fn template(conn: &mut DbConnection, lang: Lang) -> QueryResult<String> {
    Ok(letter_templates::table
        .find(lang.code())
        .select(letter_templates::body)
        .first::<String>(conn)
        .optional()?
        .unwrap_or_else(|| lang.t("pack-letter-default")))
}

/// Replaces a language's letter template.
pub fn put_template(
    conn: &mut DbConnection,
    lang: Lang,
    body: &str,
    actor: &str,
) -> QueryResult<()> {
    diesel::delete(letter_templates::table.find(lang.code())).execute(conn)?;
    diesel::insert_into(letter_templates::table)
        .values((
            letter_templates::lang.eq(lang.code()),
            letter_templates::body.eq(body),
            letter_templates::updated_at.eq(now()),
            letter_templates::updated_by.eq(actor),
        ))
        .execute(conn)?;
    Ok(())
}

/// The names of a constituency's confirmed signers who consented to delivery, oldest first.
pub fn names(
    conn: &mut DbConnection,
    keys: &crate::seal::Keys,
    petition_id: i64,
    pc_id: &str,
) -> QueryResult<Vec<String>> {
    let sealed: Vec<String> = signatures::table
        .filter(signatures::petition_id.eq(petition_id))
        .filter(signatures::pc_id.eq(pc_id))
        .filter(super::signatures::counts())
        .filter(signatures::deliver_name.eq(true))
        .filter(signatures::anonymised_at.is_null())
        .order(signatures::id)
        .select(signatures::name)
        .load(conn)?;
    Ok(sealed.iter().map(|n| keys.open_or_mark(n)).collect())
}

/// A delivery as staff follow it.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub id: i64,
    pub recipient_kind: String,
    pub pc_id: Option<String>,
    pub recipient_id: Option<i64>,
    pub recipient_name: String,
    pub email: String,
    pub signatures: i64,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    pub failed_at: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub attempts: i32,
}

impl Delivery {
    pub fn state(&self) -> &'static str {
        match (self.sent_at, self.failed_at) {
            (Some(_), _) => "sent",
            (None, Some(_)) => "failed",
            (None, None) => "queued",
        }
    }
}

type ListRow = (
    (
        i64,
        String,
        Option<String>,
        Option<i64>,
        String,
        String,
        i64,
        NaiveDateTime,
    ),
    (
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
        Option<String>,
        i32,
    ),
);

/// `keys` opens each failure's error, which is stored sealed (a relay's words can quote an
/// address).
pub fn list(
    conn: &mut DbConnection,
    keys: &crate::seal::Keys,
    petition_id: i64,
) -> QueryResult<Vec<Delivery>> {
    let rows: Vec<ListRow> = deliveries::table
        .inner_join(outbox_table::table)
        .filter(deliveries::petition_id.eq(petition_id))
        .order(deliveries::id)
        .select((
            (
                deliveries::id,
                deliveries::recipient_kind,
                deliveries::pc_id,
                deliveries::recipient_id,
                deliveries::recipient_name,
                deliveries::email,
                deliveries::signatures,
                deliveries::created_at,
            ),
            (
                outbox_table::sent_at,
                outbox_table::failed_at,
                outbox_table::last_error,
                outbox_table::attempts,
            ),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(
                (id, kind, pc_id, recipient_id, name, email, signatures, created_at),
                (sent_at, failed_at, last_error, attempts),
            )| Delivery {
                id,
                recipient_kind: kind,
                pc_id,
                recipient_id,
                recipient_name: name,
                email,
                signatures,
                created_at,
                sent_at,
                failed_at,
                last_error: last_error.map(|e| keys.open_or_mark(&e)),
                attempts,
            },
        )
        .collect())
}

/// The email address of a recipient (a ministry), if staff gave one.
pub fn recipient_email(conn: &mut DbConnection, id: i64) -> QueryResult<Option<String>> {
    Ok(recipients::table
        .find(id)
        .select(recipients::email)
        .first::<Option<String>>(conn)?
        .filter(|e| !e.trim().is_empty()))
}

/// One pack queued for a recipient, tracked by its outbox row.
pub struct NewDelivery<'a> {
    pub petition_id: i64,
    pub kind: &'a str,
    pub pc_id: Option<String>,
    pub recipient_id: Option<i64>,
    pub name: &'a str,
    pub email: &'a str,
    pub signatures: i64,
    pub outbox_id: i64,
    pub actor: &'a str,
}

pub fn record(conn: &mut DbConnection, d: &NewDelivery<'_>) -> QueryResult<()> {
    diesel::insert_into(deliveries::table)
        .values((
            deliveries::petition_id.eq(d.petition_id),
            deliveries::recipient_kind.eq(d.kind),
            deliveries::pc_id.eq(&d.pc_id),
            deliveries::recipient_id.eq(d.recipient_id),
            deliveries::recipient_name.eq(d.name),
            deliveries::email.eq(d.email),
            deliveries::signatures.eq(d.signatures),
            deliveries::outbox_id.eq(d.outbox_id),
            deliveries::created_at.eq(now()),
            deliveries::created_by.eq(d.actor),
        ))
        .execute(conn)?;
    Ok(())
}

/// Tries a failed delivery again; `false` if it is not failed.
pub fn retry(conn: &mut DbConnection, petition_id: i64, delivery_id: i64) -> QueryResult<bool> {
    let outbox_id: Option<i64> = deliveries::table
        .filter(deliveries::id.eq(delivery_id))
        .filter(deliveries::petition_id.eq(petition_id))
        .select(deliveries::outbox_id)
        .first(conn)
        .optional()?;
    let Some(outbox_id) = outbox_id else {
        return Ok(false);
    };
    let n = diesel::update(
        outbox_table::table
            .filter(outbox_table::id.eq(outbox_id))
            .filter(outbox_table::failed_at.is_not_null())
            .filter(outbox_table::sent_at.is_null()),
    )
    .set((
        outbox_table::failed_at.eq(None::<NaiveDateTime>),
        outbox_table::attempts.eq(0),
        outbox_table::next_attempt_at.eq(now()),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// For the petition page: how many members and whether a ministry have received their packs,
/// and when the last one went.
pub fn delivered(
    conn: &mut DbConnection,
    petition_id: i64,
) -> QueryResult<Option<(i64, bool, NaiveDateTime)>> {
    // One small aggregate: this runs each time the petition page is rendered.
    let sent: Vec<(String, i64, Option<NaiveDateTime>)> = deliveries::table
        .inner_join(outbox_table::table)
        .filter(deliveries::petition_id.eq(petition_id))
        .filter(outbox_table::sent_at.is_not_null())
        .group_by(deliveries::recipient_kind)
        .select((
            deliveries::recipient_kind,
            diesel::dsl::count_star(),
            diesel::dsl::max(outbox_table::sent_at),
        ))
        .load(conn)?;
    let Some(last) = sent.iter().filter_map(|(_, _, at)| *at).max() else {
        return Ok(None);
    };
    let members = sent
        .iter()
        .find(|(kind, _, _)| kind == "member")
        .map_or(0, |(_, n, _)| *n);
    let ministry = sent.iter().any(|(kind, _, _)| kind == "ministry");
    Ok(Some((members, ministry, last)))
}

/// Ministries and other recipients as staff edit them, in order.
pub fn ministries(conn: &mut DbConnection) -> QueryResult<Vec<RecipientRow>> {
    recipients::table
        .filter(recipients::kind.ne("member"))
        .order(recipients::id)
        .select((
            recipients::id,
            recipients::kind,
            recipients::name,
            recipients::email,
            recipients::postal_address,
        ))
        .load(conn)
}

/// A ministry's (or other recipient's) details as staff set them; `false` if there is none.
pub fn edit_recipient(
    conn: &mut DbConnection,
    id: i64,
    name: &str,
    email: Option<&str>,
    postal_address: Option<&str>,
) -> QueryResult<bool> {
    let n = diesel::update(
        recipients::table
            .find(id)
            .filter(recipients::kind.ne("member")),
    )
    .set((
        recipients::name.eq(name),
        recipients::email.eq(email),
        recipients::postal_address.eq(postal_address),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// A constituency's member from an import: created, or updated in place.
pub fn upsert_member(
    conn: &mut DbConnection,
    pc_id: &str,
    m: &Member,
    at: NaiveDateTime,
) -> QueryResult<()> {
    use diesel::upsert::excluded;
    crate::each_backend!(&mut *conn, c => diesel::insert_into(representatives::table)
        .values((
            representatives::pc_id.eq(pc_id),
            representatives::name.eq(&m.name),
            representatives::party.eq(&m.party),
            representatives::email.eq(&m.email),
            representatives::postal_address.eq(&m.postal_address),
            representatives::updated_at.eq(at),
        ))
        .on_conflict(representatives::pc_id)
        .do_update()
        .set((
            representatives::name.eq(excluded(representatives::name)),
            representatives::party.eq(excluded(representatives::party)),
            representatives::email.eq(excluded(representatives::email)),
            representatives::postal_address.eq(excluded(representatives::postal_address)),
            representatives::updated_at.eq(excluded(representatives::updated_at)),
        ))
        .execute(c))?;
    Ok(())
}

/// A constituency's member as staff set them (replacing whoever was there).
pub fn put_member(conn: &mut DbConnection, pc_id: &str, m: &Member) -> QueryResult<()> {
    diesel::delete(representatives::table.find(pc_id)).execute(conn)?;
    diesel::insert_into(representatives::table)
        .values((
            representatives::pc_id.eq(pc_id),
            representatives::name.eq(&m.name),
            representatives::party.eq(&m.party),
            representatives::email.eq(&m.email),
            representatives::postal_address.eq(&m.postal_address),
            representatives::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}
