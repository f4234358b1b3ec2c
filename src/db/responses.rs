//! Responses and the members' record: what a member or a ministry answered to a petition, when
//! each pack reached them, and how long they have left their constituents waiting.

use std::collections::{BTreeMap, HashMap};

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::audit::{self, Action, Actor};
use super::schema::{
    constituency_counts, deliveries, outbox, petition_thresholds, petition_updates, petitions,
    response_documents, responses,
};
use super::updates::{self, NewUpdate};
use super::{DbConnection, now};

/// What a response says of the petition's ask.
pub const STANCES: [&str; 4] = ["acknowledged", "supports", "opposes", "no_reply"];

/// A stance that is an answer: "no reply yet" leaves the member waiting.
pub fn is_answer(stance: &str) -> bool {
    stance != "no_reply"
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = responses)]
pub struct Response {
    pub id: i64,
    pub petition_id: i64,
    pub pc_id: Option<String>,
    pub recipient_id: Option<i64>,
    pub responder: String,
    pub stance: String,
    pub received_on: NaiveDate,
    pub lang: String,
    pub body: String,
    pub document_bytes: Option<i64>,
    pub created_at: NaiveDateTime,
}

/// Who answered: a member, by constituency, or a recipient such as a ministry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Responder {
    Member(String),
    Recipient(i64),
}

pub struct NewResponse<'a> {
    pub petition_id: i64,
    pub who: Responder,
    pub responder: &'a str,
    pub stance: &'a str,
    pub received_on: NaiveDate,
    pub lang: &'a str,
    pub body: &'a str,
    pub document: Option<&'a [u8]>,
    pub staff_id: i64,
}

/// Records a response, its document, and the update that tells the signers who asked for
/// updates, all or nothing; returns the response's id.
pub fn record(
    conn: &mut DbConnection,
    r: &NewResponse<'_>,
    update: &NewUpdate<'_>,
    actor: &Actor,
) -> QueryResult<i64> {
    conn.transaction(|conn| {
        let (pc_id, recipient_id) = match &r.who {
            Responder::Member(pc) => (Some(pc.as_str()), None),
            Responder::Recipient(id) => (None, Some(*id)),
        };
        let id: i64 = diesel::insert_into(responses::table)
            .values((
                responses::petition_id.eq(r.petition_id),
                responses::pc_id.eq(pc_id),
                responses::recipient_id.eq(recipient_id),
                responses::responder.eq(r.responder),
                responses::stance.eq(r.stance),
                responses::received_on.eq(r.received_on),
                responses::lang.eq(r.lang),
                responses::body.eq(r.body),
                responses::document_bytes.eq(r.document.map(|d| d.len() as i64)),
                responses::created_at.eq(now()),
                responses::created_by.eq(r.staff_id),
            ))
            .returning(responses::id)
            .get_result(conn)?;
        if let Some(bytes) = r.document {
            diesel::insert_into(response_documents::table)
                .values((
                    response_documents::response_id.eq(id),
                    response_documents::bytes.eq(bytes),
                ))
                .execute(conn)?;
        }
        // Staff wrote it, so it needs no moderator: it goes out as approved.
        let update_id = updates::create(conn, r.petition_id, r.staff_id, update)?;
        diesel::update(petition_updates::table.find(update_id))
            .set((
                petition_updates::status.eq("approved"),
                petition_updates::decided_at.eq(Some(now())),
                petition_updates::decided_by.eq(Some(r.staff_id)),
                petition_updates::response_id.eq(Some(id)),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            &audit::Entry {
                actor,
                action: Action::ResponseRecord,
                petition_id: Some(r.petition_id),
                details: serde_json::json!({
                    "response": id,
                    "pc_id": pc_id,
                    "recipient_id": recipient_id,
                    "stance": r.stance,
                    "document_bytes": r.document.map(<[u8]>::len),
                }),
                row_count: 1,
            },
        )?;
        Ok(id)
    })
}

/// A petition's responses, in the order they came.
pub fn for_petition(conn: &mut DbConnection, petition_id: i64) -> QueryResult<Vec<Response>> {
    responses::table
        .filter(responses::petition_id.eq(petition_id))
        .order((responses::received_on.asc(), responses::id.asc()))
        .select(Response::as_select())
        .load(conn)
}

/// A response's document, with its petition, when that petition is public.
pub fn document(conn: &mut DbConnection, id: i64) -> QueryResult<Option<(i64, Vec<u8>)>> {
    response_documents::table
        .inner_join(responses::table.inner_join(petitions::table))
        .filter(response_documents::response_id.eq(id))
        .filter(petitions::status.eq_any(super::petitions::PUBLIC))
        .select((responses::petition_id, response_documents::bytes))
        .first(conn)
        .optional()
}

/// When the first pack reached each member of a petition that is public: `(pc_id,
/// petition_id) → sent`.
fn member_deliveries(
    conn: &mut DbConnection,
    pc_id: Option<&str>,
) -> QueryResult<BTreeMap<(String, i64), NaiveDateTime>> {
    let mut q = deliveries::table
        .inner_join(outbox::table)
        .inner_join(petitions::table)
        .filter(deliveries::recipient_kind.eq("member"))
        .filter(petitions::status.eq_any(super::petitions::PUBLIC))
        .select((deliveries::pc_id, deliveries::petition_id, outbox::sent_at))
        .into_boxed();
    if let Some(pc) = pc_id {
        q = q.filter(deliveries::pc_id.eq(pc));
    }
    let rows: Vec<(Option<String>, i64, Option<NaiveDateTime>)> = q.load(conn)?;
    let mut first = BTreeMap::new();
    for (pc, petition, sent) in rows {
        if let (Some(pc), Some(sent)) = (pc, sent) {
            first
                .entry((pc, petition))
                .and_modify(|at: &mut NaiveDateTime| *at = (*at).min(sent))
                .or_insert(sent);
        }
    }
    Ok(first)
}

/// The members' responses to public petitions: `(pc_id, petition_id) → responses`, oldest first.
fn member_responses(
    conn: &mut DbConnection,
    pc_id: Option<&str>,
) -> QueryResult<HashMap<(String, i64), Vec<Response>>> {
    let mut q = responses::table
        .inner_join(petitions::table)
        .filter(responses::pc_id.is_not_null())
        .filter(petitions::status.eq_any(super::petitions::PUBLIC))
        .order((responses::received_on.asc(), responses::id.asc()))
        .select(Response::as_select())
        .into_boxed();
    if let Some(pc) = pc_id {
        q = q.filter(responses::pc_id.eq(pc));
    }
    let mut by = HashMap::<_, Vec<Response>>::new();
    for r in q.load(conn)? {
        if let Some(pc) = r.pc_id.clone() {
            by.entry((pc, r.petition_id)).or_default().push(r);
        }
    }
    Ok(by)
}

/// One petition on a member's record.
#[derive(Debug, Clone)]
pub struct OnRecord {
    pub petition_id: i64,
    /// Confirmed signatures from the member's constituency, as the counter keeps them.
    pub signatures: i64,
    pub delivered_at: Option<NaiveDateTime>,
    pub responses: Vec<Response>,
}

impl OnRecord {
    /// The first response that is an answer.
    pub fn answer(&self) -> Option<&Response> {
        self.responses.iter().find(|r| is_answer(&r.stance))
    }

    /// Days from delivery (India's day) to the answer, or to `today` while there is none.
    pub fn days_waited(&self, today: NaiveDate) -> Option<i64> {
        let delivered = crate::domain::india_day(self.delivered_at?);
        let until = self.answer().map_or(today, |r| r.received_on);
        Some((until - delivered).num_days().max(0))
    }
}

/// A member's record: every public petition with signatures from their constituency or a pack
/// delivered to them, newest petition first.
pub fn member_record(conn: &mut DbConnection, pc_id: &str) -> QueryResult<Vec<OnRecord>> {
    let counts: Vec<(i64, i64)> = constituency_counts::table
        .inner_join(petitions::table)
        .filter(constituency_counts::pc_id.eq(pc_id))
        .filter(constituency_counts::count.gt(0))
        .filter(petitions::status.eq_any(super::petitions::PUBLIC))
        .select((constituency_counts::petition_id, constituency_counts::count))
        .load(conn)?;
    let delivered = member_deliveries(conn, Some(pc_id))?;
    let mut replies = member_responses(conn, Some(pc_id))?;
    let mut by: BTreeMap<i64, OnRecord> = BTreeMap::new();
    let blank = |petition_id| OnRecord {
        petition_id,
        signatures: 0,
        delivered_at: None,
        responses: Vec::new(),
    };
    for (petition_id, n) in counts {
        by.entry(petition_id)
            .or_insert_with(|| blank(petition_id))
            .signatures = n;
    }
    for ((_, petition_id), at) in delivered {
        by.entry(petition_id)
            .or_insert_with(|| blank(petition_id))
            .delivered_at = Some(at);
    }
    for ((_, petition_id), rs) in replies.drain() {
        by.entry(petition_id)
            .or_insert_with(|| blank(petition_id))
            .responses = rs;
    }
    Ok(by.into_values().rev().collect())
}

/// Each member's standing across every public petition.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Standing {
    /// Petitions whose pack reached them.
    pub delivered: i64,
    /// Of those, how many they have answered.
    pub answered: i64,
    /// The oldest delivery still unanswered (India's day).
    pub waiting_since: Option<NaiveDate>,
}

/// Every member with a pack delivered, by constituency.
pub fn standings(conn: &mut DbConnection) -> QueryResult<HashMap<String, Standing>> {
    let delivered = member_deliveries(conn, None)?;
    let replies = member_responses(conn, None)?;
    let mut out: HashMap<String, Standing> = HashMap::new();
    for ((pc, petition_id), at) in delivered {
        let answered = replies
            .get(&(pc.clone(), petition_id))
            .is_some_and(|rs| rs.iter().any(|r| is_answer(&r.stance)));
        let s = out.entry(pc).or_default();
        s.delivered += 1;
        if answered {
            s.answered += 1;
        } else {
            let day = crate::domain::india_day(at);
            s.waiting_since = Some(s.waiting_since.map_or(day, |d| d.min(day)));
        }
    }
    Ok(out)
}

/// A threshold as the page shows it: the number and its text in each language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Threshold {
    pub signatures: i64,
    /// `(lang, text)`.
    pub texts: Vec<(String, String)>,
}

impl Threshold {
    /// The text in `lang`, else in the petition's own language `own`, else any, with the
    /// language it is in.
    pub fn text(&self, lang: crate::i18n::Lang, own: &str) -> (&str, &str) {
        crate::i18n::in_lang(&self.texts, lang, own)
            .map_or(("", ""), |(l, t)| (l.as_str(), t.as_str()))
    }
}

pub fn thresholds(conn: &mut DbConnection, petition_id: i64) -> QueryResult<Vec<Threshold>> {
    let rows: Vec<(i64, String, String)> = petition_thresholds::table
        .filter(petition_thresholds::petition_id.eq(petition_id))
        .order((petition_thresholds::signatures, petition_thresholds::lang))
        .select((
            petition_thresholds::signatures,
            petition_thresholds::lang,
            petition_thresholds::text,
        ))
        .load(conn)?;
    let mut out: Vec<Threshold> = Vec::new();
    for (signatures, lang, text) in rows {
        match out.last_mut() {
            Some(t) if t.signatures == signatures => t.texts.push((lang, text)),
            _ => out.push(Threshold {
                signatures,
                texts: vec![(lang, text)],
            }),
        }
    }
    Ok(out)
}

/// Sets a threshold's texts (replacing any at the same number).
pub fn put_threshold(
    conn: &mut DbConnection,
    petition_id: i64,
    t: &Threshold,
    actor: &Actor,
) -> QueryResult<()> {
    conn.transaction(|conn| {
        remove_threshold(conn, petition_id, t.signatures, None)?;
        for (lang, text) in &t.texts {
            diesel::insert_into(petition_thresholds::table)
                .values((
                    petition_thresholds::petition_id.eq(petition_id),
                    petition_thresholds::signatures.eq(t.signatures),
                    petition_thresholds::lang.eq(lang),
                    petition_thresholds::text.eq(text),
                ))
                .execute(conn)?;
        }
        audit_threshold(conn, actor, petition_id, t.signatures, "set")
    })
}

fn audit_threshold(
    conn: &mut DbConnection,
    actor: &Actor,
    petition_id: i64,
    signatures: i64,
    what: &str,
) -> QueryResult<()> {
    audit::record(
        conn,
        &audit::Entry {
            actor,
            action: Action::ThresholdEdit,
            petition_id: Some(petition_id),
            details: serde_json::json!({ "signatures": signatures, "change": what }),
            row_count: 1,
        },
    )
}

/// Removes a threshold, audited under `actor` when given; `false` if there was none at that
/// number.
pub fn remove_threshold(
    conn: &mut DbConnection,
    petition_id: i64,
    signatures: i64,
    actor: Option<&Actor>,
) -> QueryResult<bool> {
    conn.transaction(|conn| {
        let n = diesel::delete(
            petition_thresholds::table
                .filter(petition_thresholds::petition_id.eq(petition_id))
                .filter(petition_thresholds::signatures.eq(signatures)),
        )
        .execute(conn)?;
        if let Some(actor) = actor.filter(|_| n > 0) {
            audit_threshold(conn, actor, petition_id, signatures, "remove")?;
        }
        Ok(n > 0)
    })
}

/// The first India day on which the petition's confirmed total reached each number, from the
/// per-day counts the counter keeps (so it agrees with every other count shown).
pub fn reached_on(
    conn: &mut DbConnection,
    petition_id: i64,
    numbers: &[i64],
) -> QueryResult<Vec<Option<NaiveDate>>> {
    use super::schema::daily_counts;
    if numbers.is_empty() {
        return Ok(Vec::new());
    }
    let days: Vec<(NaiveDate, i64)> = daily_counts::table
        .filter(daily_counts::petition_id.eq(petition_id))
        .order(daily_counts::day.asc())
        .select((daily_counts::day, daily_counts::count))
        .load(conn)?;
    Ok(numbers
        .iter()
        .map(|&n| {
            let mut total = 0;
            days.iter().find_map(|(day, count)| {
                total += count;
                (total >= n).then_some(*day)
            })
        })
        .collect())
}
