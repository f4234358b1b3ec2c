//! A petition's life after its creator starts it: drafts, supporters, moderation, closing,
//! milestones, and what its creator sees of it.
//!
//! Every change of status is one conditional UPDATE (`WHERE status = <the state it leaves>`),
//! so two moderators, or a moderator and the closing job, can never both move the same petition.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use super::petitions::{Petition, PetitionRow, PetitionText, load_many};
use super::schema::{petition_recipients, petition_texts, petitions, signatures, users};
use super::users::User;
use super::{DbConnection, now};
use crate::campaigns::Draft;
use crate::domain::{EmailAddress, Move, Status};

/// The petitions a move may leave: every change of status is written through this filter.
fn leaving(m: Move) -> diesel::dsl::EqAny<petitions::status, Vec<&'static str>> {
    petitions::status.eq_any(Status::codes(m.from()))
}

/// The status a move enters.
fn entering(m: Move) -> diesel::dsl::Eq<petitions::status, &'static str> {
    petitions::status.eq(m.to().code())
}

/// Creates a draft (`id` None) or rewrites one its creator may still edit; `None` if there is
/// no such petition of theirs in an editable state.
pub fn save_draft(
    conn: &mut DbConnection,
    creator_id: i64,
    id: Option<i64>,
    d: &Draft,
) -> QueryResult<Option<i64>> {
    conn.transaction(|conn| {
        let id = match id {
            None => diesel::insert_into(petitions::table)
                .values((
                    petitions::status.eq(Status::Draft.code()),
                    petitions::lang.eq(d.lang.code()),
                    petitions::goal.eq(d.goal),
                    petitions::signature_count.eq(0i64),
                    petitions::created_at.eq(now()),
                    petitions::closes_at.eq(Some(d.closes_at)),
                    petitions::creator_id.eq(Some(creator_id)),
                    petitions::other_recipients.eq(&d.other_recipients),
                    petitions::show_starter.eq(d.show_starter),
                ))
                .returning(petitions::id)
                .get_result::<i64>(conn)?,
            Some(id) => {
                let n = diesel::update(
                    petitions::table
                        .filter(petitions::id.eq(id))
                        .filter(petitions::creator_id.eq(creator_id))
                        .filter(
                            petitions::status
                                .eq_any(Status::codes(&[Status::Draft, Status::Changes])),
                        ),
                )
                .set((
                    petitions::lang.eq(d.lang.code()),
                    petitions::goal.eq(d.goal),
                    petitions::closes_at.eq(Some(d.closes_at)),
                    petitions::other_recipients.eq(&d.other_recipients),
                    petitions::show_starter.eq(d.show_starter),
                ))
                .execute(conn)?;
                if n == 0 {
                    return Ok(None);
                }
                diesel::delete(petition_texts::table.filter(petition_texts::petition_id.eq(id)))
                    .execute(conn)?;
                diesel::delete(
                    petition_recipients::table.filter(petition_recipients::petition_id.eq(id)),
                )
                .execute(conn)?;
                id
            }
        };
        for t in &d.texts {
            diesel::insert_into(petition_texts::table)
                .values(PetitionText {
                    petition_id: id,
                    lang: t.lang.code().into(),
                    title: t.title.clone(),
                    action: t.action.clone(),
                    background: t.background.clone(),
                })
                .execute(conn)?;
        }
        for r in &d.recipient_ids {
            diesel::insert_into(petition_recipients::table)
                .values((
                    petition_recipients::petition_id.eq(id),
                    petition_recipients::recipient_id.eq(r),
                ))
                .execute(conn)?;
        }
        Ok(Some(id))
    })
}

/// A petition of this creator's, in any state.
pub fn owned(conn: &mut DbConnection, id: i64, creator_id: i64) -> QueryResult<Option<Petition>> {
    let rows = petitions::table
        .filter(petitions::id.eq(id))
        .filter(petitions::creator_id.eq(creator_id))
        .select(PetitionRow::as_select())
        .load(conn)?;
    Ok(load_many(conn, rows)?.into_iter().next())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submitted {
    /// Open to supporters through its share link.
    Gathering,
    /// With the moderators.
    Pending,
    /// The creator must confirm their email address first.
    NeedsConfirmedEmail,
    /// Not in a state that can be submitted.
    NotAllowed,
}

/// The creator sends a draft on: to its first supporters (or straight to moderation when none
/// are needed), or, after changes a moderator asked for, back to moderation.
pub fn submit(
    conn: &mut DbConnection,
    id: i64,
    creator: &User,
    supporters_needed: i64,
    share_key: &str,
) -> QueryResult<Submitted> {
    conn.transaction(|conn| {
        let Some(p) = owned(conn, id, creator.id)? else {
            return Ok(Submitted::NotAllowed);
        };
        let mine = petitions::table
            .filter(petitions::id.eq(id))
            .filter(petitions::creator_id.eq(creator.id));
        match p.status() {
            Status::Draft if !creator.confirmed() => Ok(Submitted::NeedsConfirmedEmail),
            Status::Draft if supporters_needed > 0 => {
                diesel::update(mine.filter(leaving(Move::Gather)))
                    .set((
                        entering(Move::Gather),
                        petitions::share_key.eq(Some(share_key)),
                    ))
                    .execute(conn)?;
                Ok(Submitted::Gathering)
            }
            s if Move::Submit.allowed_from(s) => {
                diesel::update(mine.filter(leaving(Move::Submit)))
                    .set((
                        entering(Move::Submit),
                        petitions::submitted_at.eq(Some(now())),
                    ))
                    .execute(conn)?;
                Ok(Submitted::Pending)
            }
            _ => Ok(Submitted::NotAllowed),
        }
    })
}

/// After a supporter confirms: a petition gathering supporters that has enough confirmed ones
/// goes to moderation. Only a gathering petition is counted, so a confirmation on an open
/// petition costs nothing here. Returns whether it moved now (and moves `p` with it).
pub fn promote_if_supported(
    conn: &mut DbConnection,
    keys: &crate::seal::Keys,
    p: &mut Petition,
    needed: i64,
) -> QueryResult<bool> {
    if !Move::Promote.allowed_from(p.status()) {
        return Ok(false);
    }
    // People, not spellings: `asha+1@` and `asha+2@` are one supporter (one blind index of
    // the canonical address), and the creator does not support their own petition.
    let addresses: Vec<String> = signatures::table
        .filter(signatures::petition_id.eq(p.id()))
        .filter(super::signatures::counts())
        .select(signatures::email_canonical)
        .limit(10_000)
        .load(conn)?;
    let creator: Vec<String> = creator_contact(conn, p)?
        .map(|(email, _)| keys.indexes(&EmailAddress::canonical(&email)))
        .unwrap_or_default();
    let people: std::collections::HashSet<String> = addresses
        .into_iter()
        .filter(|a| !creator.contains(a))
        .collect();
    if (people.len() as i64) < needed {
        return Ok(false);
    }
    let t = now();
    let n = diesel::update(
        petitions::table
            .filter(petitions::id.eq(p.id()))
            .filter(leaving(Move::Promote)),
    )
    .set((entering(Move::Promote), petitions::submitted_at.eq(Some(t))))
    .execute(conn)?;
    if n == 0 {
        return Ok(false);
    }
    p.row.status = Move::Promote.to().code().into();
    p.row.submitted_at = Some(t);
    Ok(true)
}

/// Petitions waiting for a moderator, oldest first.
pub fn queue(conn: &mut DbConnection) -> QueryResult<Vec<Petition>> {
    let rows = petitions::table
        .filter(petitions::status.eq(Status::Pending.code()))
        .order((petitions::submitted_at.asc(), petitions::id.asc()))
        .limit(500)
        .select(PetitionRow::as_select())
        .load(conn)?;
    load_many(conn, rows)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject,
    Changes,
    Hide,
}

impl Decision {
    pub fn parse(s: &str) -> Option<Decision> {
        match s {
            "approve" => Some(Decision::Approve),
            "reject" => Some(Decision::Reject),
            "changes" => Some(Decision::Changes),
            "hide" => Some(Decision::Hide),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Decision::Approve => "approve",
            Decision::Reject => "reject",
            Decision::Changes => "changes",
            Decision::Hide => "hide",
        }
    }

    /// The move this decision makes.
    pub fn move_(self) -> Move {
        match self {
            Decision::Approve => Move::Approve,
            Decision::Reject => Move::Reject,
            Decision::Changes => Move::AskChanges,
            Decision::Hide => Move::Hide,
        }
    }
}

/// A moderator's decision; `None` if the petition is not in a state it applies to.
pub fn decide(
    conn: &mut DbConnection,
    id: i64,
    decision: Decision,
    reason: Option<&str>,
    message: &str,
) -> QueryResult<Option<Petition>> {
    let m = decision.move_();
    let t = now();
    let target = petitions::table
        .filter(petitions::id.eq(id))
        .filter(leaving(m));
    // Only an approval opens the petition; a `None` in a changeset leaves its column alone.
    let opened = (decision == Decision::Approve).then_some(petitions::opened_at.eq(Some(t)));
    let n = diesel::update(target)
        .set((
            entering(m),
            opened,
            petitions::decided_at.eq(Some(t)),
            petitions::decision.eq(Some(decision.code())),
            petitions::decision_reason.eq(reason),
            petitions::decision_message.eq(Some(message)),
        ))
        .execute(conn)?;
    if n == 0 {
        return Ok(None);
    }
    super::petitions::find_any(conn, id)
}

/// A creator's petitions, newest first, each with (all signatures, confirmed signatures).
pub fn mine(conn: &mut DbConnection, creator_id: i64) -> QueryResult<Vec<(Petition, i64, i64)>> {
    let rows = petitions::table
        .filter(petitions::creator_id.eq(creator_id))
        .order(petitions::id.desc())
        .limit(200)
        .select(PetitionRow::as_select())
        .load(conn)?;
    let list = load_many(conn, rows)?;
    let ids: Vec<i64> = list.iter().map(|p| p.id()).collect();
    // All their counts in one grouped query: (petition, signatures not invalidated, those that
    // count: confirmed and not held).
    let counts: Vec<(i64, i64, i64)> = signatures::table
        .filter(signatures::petition_id.eq_any(&ids))
        .filter(signatures::invalidation_id.is_null())
        .group_by(signatures::petition_id)
        .select((
            signatures::petition_id,
            diesel::dsl::count_star(),
            diesel::dsl::sql::<BigInt>(
                "COUNT(CASE WHEN confirmed_at IS NOT NULL AND held = FALSE THEN 1 END)",
            ),
        ))
        .load(conn)?;
    Ok(list
        .into_iter()
        .map(|p| {
            let (total, confirmed) = counts
                .iter()
                .find(|(id, _, _)| *id == p.id())
                .map_or((0, 0), |(_, t, c)| (*t, *c));
            (p, total, confirmed)
        })
        .collect())
}

/// Counted signatures per India's day, oldest first: the counter's own table, so the chart
/// agrees with "N signed today" and with the totals (an invalidation takes its signatures out
/// of their days too). It reads a row per day, not the signatures.
pub fn per_day(conn: &mut DbConnection, id: i64) -> QueryResult<Vec<(NaiveDate, i64)>> {
    super::schema::daily_counts::table
        .filter(super::schema::daily_counts::petition_id.eq(id))
        .filter(super::schema::daily_counts::count.gt(0))
        .order(super::schema::daily_counts::day)
        .select((
            super::schema::daily_counts::day,
            super::schema::daily_counts::count,
        ))
        .load(conn)
}

const STOP_WORDS: [&str; 24] = [
    "the",
    "and",
    "for",
    "with",
    "from",
    "that",
    "this",
    "our",
    "all",
    "are",
    "not",
    "stop",
    "save",
    "end",
    "make",
    "और",
    "के",
    "की",
    "का",
    "में",
    "है",
    "को",
    "से",
    "पर",
];

/// The words of a search, safe to put in an FTS5 or tsquery expression: letters, digits and
/// Devanagari only, three characters or more, no common words, at most eight.
pub fn search_words(q: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for w in q.split(|c: char| !(c.is_alphanumeric() || ('\u{0900}'..='\u{097F}').contains(&c))) {
        let w = w.to_lowercase();
        if w.chars().count() >= 3 && !STOP_WORDS.contains(&w.as_str()) && !words.contains(&w) {
            words.push(w);
        }
        if words.len() == 8 {
            break;
        }
    }
    words
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// Open petitions whose title or ask shares words with `q`, best match first.
pub fn similar(
    conn: &mut DbConnection,
    q: &str,
    exclude: Option<i64>,
) -> QueryResult<Vec<Petition>> {
    let ids: Vec<i64> = matching(conn, q, &["open"], 10)?
        .into_iter()
        .filter(|i| Some(*i) != exclude)
        .take(5)
        .collect();
    let mut found = super::petitions::find_many(conn, &ids)?;
    found.sort_by_key(|p| ids.iter().position(|i| *i == p.id()));
    Ok(found)
}

/// The ids of petitions in `statuses` whose title or ask (in any language) has a word starting
/// with one of `q`'s words, best match first, at most `limit`.
pub fn matching(
    conn: &mut DbConnection,
    q: &str,
    statuses: &[&str],
    limit: i64,
) -> QueryResult<Vec<i64>> {
    let words = search_words(q);
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let statuses: Vec<String> = statuses.iter().map(|s| s.to_string()).collect();
    let ids: Vec<Id> = match conn {
        DbConnection::Pg(c) => {
            let query = words
                .iter()
                .map(|w| format!("{w}:*"))
                .collect::<Vec<_>>()
                .join(" | ");
            diesel::sql_query(
                "SELECT t.petition_id AS id FROM petition_texts t JOIN petitions p ON p.id = t.petition_id, \
                 to_tsquery('simple', $1) q \
                 WHERE to_tsvector('simple', t.title || ' ' || t.action) @@ q AND p.status = ANY($2) \
                 GROUP BY t.petition_id \
                 ORDER BY MAX(ts_rank(to_tsvector('simple', t.title || ' ' || t.action), q)) DESC LIMIT $3",
            )
            .bind::<Text, _>(query)
            .bind::<diesel::sql_types::Array<Text>, _>(&statuses)
            .bind::<diesel::sql_types::BigInt, _>(limit)
            .load(c)?
        }
        DbConnection::Sqlite(c) => {
            let query = words
                .iter()
                .map(|w| format!("\"{w}\"*"))
                .collect::<Vec<_>>()
                .join(" OR ");
            // SQLite has no arrays: the statuses as a JSON list.
            let statuses = serde_json::to_string(&statuses).unwrap_or_else(|_| "[]".into());
            diesel::sql_query(
                "SELECT s.petition_id AS id FROM petition_search s JOIN petitions p ON p.id = s.petition_id \
                 WHERE petition_search MATCH ?1 AND p.status IN (SELECT value FROM json_each(?2)) \
                 GROUP BY s.petition_id ORDER BY MIN(s.rank) LIMIT ?3",
            )
            .bind::<Text, _>(query)
            .bind::<Text, _>(statuses)
            .bind::<diesel::sql_types::BigInt, _>(limit)
            .load(c)?
        }
    };
    Ok(ids.into_iter().map(|i| i.id).collect())
}

/// Closes every open petition whose closing date has passed; returns them.
pub fn close_due(conn: &mut DbConnection, at: NaiveDateTime) -> QueryResult<Vec<Petition>> {
    conn.transaction(|conn| {
        let ids: Vec<i64> = diesel::update(
            petitions::table
                .filter(leaving(Move::Close))
                .filter(petitions::closes_at.le(at)),
        )
        .set((entering(Move::Close), petitions::closed_at.eq(Some(at))))
        .returning(petitions::id)
        .get_results(conn)?;
        // `RETURNING` a whole row is not open to the two-backend connection: read them back.
        super::petitions::find_many(conn, &ids)
    })
}

/// Milestones: 1 is half the goal, 2 the goal. Returns the open petitions that have just passed
/// one, with the milestone, each claimed so that only one process emails about it.
pub fn claim_milestones(conn: &mut DbConnection) -> QueryResult<Vec<(Petition, i32)>> {
    conn.transaction(|conn| {
        let rows: Vec<PetitionRow> = petitions::table
            .filter(petitions::status.eq(Status::Open.code()))
            .filter(petitions::creator_id.is_not_null())
            .filter(
                petitions::milestones
                    .lt(1)
                    .and((petitions::signature_count * 2i64).ge(petitions::goal))
                    .or(petitions::milestones
                        .lt(2)
                        .and(petitions::signature_count.ge(petitions::goal))),
            )
            .limit(100)
            .select(PetitionRow::as_select())
            .load(conn)?;
        let mut claimed = Vec::new();
        for row in rows {
            let level = if row.signature_count >= row.goal {
                2
            } else {
                1
            };
            let n = diesel::update(
                petitions::table
                    .filter(petitions::id.eq(row.id))
                    .filter(petitions::milestones.lt(level)),
            )
            .set(petitions::milestones.eq(level))
            .execute(conn)?;
            if n == 1 {
                claimed.push((row, level));
            }
        }
        let (rows, levels): (Vec<_>, Vec<_>) = claimed.into_iter().unzip();
        Ok(load_many(conn, rows)?.into_iter().zip(levels).collect())
    })
}

/// The creator's address and language for emails about a petition.
pub fn creator_contact(
    conn: &mut DbConnection,
    p: &Petition,
) -> QueryResult<Option<(String, String)>> {
    match p.row.creator_id {
        Some(id) => users::table
            .find(id)
            .select((users::email, users::lang))
            .first(conn)
            .optional(),
        None => Ok(None),
    }
}
