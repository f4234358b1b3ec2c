//! Petitions as the public sees them: their texts, recipients and counts.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{
    constituency_counts, daily_counts, petition_recipients, petition_texts, petitions, recipients,
    state_counts, users,
};
use crate::domain::Status;
use crate::i18n::Lang;

/// The statuses the public sees.
pub const PUBLIC: [&str; 2] = ["open", "closed"];

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = petitions)]
pub struct PetitionRow {
    pub id: i64,
    pub status: String,
    pub lang: String,
    pub goal: i64,
    pub signature_count: i64,
    pub created_at: NaiveDateTime,
    pub opened_at: Option<NaiveDateTime>,
    pub closes_at: Option<NaiveDateTime>,
    pub closed_at: Option<NaiveDateTime>,
    pub creator_id: Option<i64>,
    pub other_recipients: String,
    pub share_key: Option<String>,
    pub submitted_at: Option<NaiveDateTime>,
    pub decided_at: Option<NaiveDateTime>,
    pub decision: Option<String>,
    pub decision_reason: Option<String>,
    pub decision_message: Option<String>,
    pub milestones: i32,
    /// The starter agreed to have their name shown on the petition.
    pub show_starter: bool,
    /// Staff chose it for the home page.
    pub featured: bool,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = petition_texts)]
pub struct PetitionText {
    pub petition_id: i64,
    pub lang: String,
    pub title: String,
    pub action: String,
    pub background: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = recipients)]
pub struct Recipient {
    pub id: i64,
    pub kind: String,
    pub name: String,
    pub name_hi: String,
    pub name_bn: String,
}

impl Recipient {
    pub fn name_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::Hi if !self.name_hi.is_empty() => &self.name_hi,
            Lang::Bn if !self.name_bn.is_empty() => &self.name_bn,
            _ => &self.name,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Petition {
    pub row: PetitionRow,
    pub texts: Vec<PetitionText>,
    pub recipients: Vec<Recipient>,
    /// The starter's name, when they agreed to show it and their account stands.
    pub starter: Option<String>,
    /// The campaign's picture, if it has one.
    pub image: Option<super::images::PetitionImage>,
}

impl Petition {
    pub fn id(&self) -> i64 {
        self.row.id
    }

    pub fn is_open(&self) -> bool {
        self.status() == Status::Open
    }

    /// Open to the public, or gathering its first supporters through its share link.
    pub fn is_signable(&self) -> bool {
        matches!(self.status(), Status::Open | Status::Gathering)
    }

    /// The status, read at the boundary; a value the schema's check would refuse is taken for
    /// hidden, the safest.
    pub fn status(&self) -> Status {
        Status::parse(&self.row.status).unwrap_or(Status::Hidden)
    }

    /// The text in the reader's language when there is one, else in the petition's own.
    pub fn text(&self, lang: Lang) -> &PetitionText {
        self.texts
            .iter()
            .find(|t| t.lang == lang.code())
            .or_else(|| self.texts.iter().find(|t| t.lang == self.row.lang))
            .or(self.texts.first())
            .expect("a petition has at least one text")
    }
}

fn with_details(conn: &mut DbConnection, rows: Vec<PetitionRow>) -> QueryResult<Vec<Petition>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let texts: Vec<PetitionText> = petition_texts::table
        .filter(petition_texts::petition_id.eq_any(&ids))
        .select(PetitionText::as_select())
        .load(conn)?;
    let recips: Vec<(i64, Recipient)> = petition_recipients::table
        .inner_join(recipients::table)
        .filter(petition_recipients::petition_id.eq_any(&ids))
        .order(recipients::id)
        .select((petition_recipients::petition_id, Recipient::as_select()))
        .load(conn)?;
    let shown: Vec<i64> = rows
        .iter()
        .filter(|r| r.show_starter)
        .filter_map(|r| r.creator_id)
        .collect();
    let starters: Vec<(i64, String)> = if shown.is_empty() {
        Vec::new()
    } else {
        users::table
            .filter(users::id.eq_any(&shown))
            .filter(users::deleted_at.is_null())
            .select((users::id, users::name))
            .load(conn)?
    };
    let mut images = super::images::of_petitions(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|row| Petition {
            image: images
                .iter()
                .position(|(p, _)| *p == row.id)
                .map(|i| images.swap_remove(i).1),
            starter: row
                .creator_id
                .filter(|_| row.show_starter)
                .and_then(|c| starters.iter().find(|(u, _)| *u == c))
                .map(|(_, name)| name.clone()),
            texts: texts
                .iter()
                .filter(|t| t.petition_id == row.id)
                .cloned()
                .collect(),
            recipients: recips
                .iter()
                .filter(|(p, _)| *p == row.id)
                .map(|(_, r)| r.clone())
                .collect(),
            row,
        })
        .filter(|p| !p.texts.is_empty())
        .collect())
}

/// Open petitions: those staff featured first, then the most signed.
pub fn list_open(conn: &mut DbConnection) -> QueryResult<Vec<Petition>> {
    let rows = petitions::table
        .filter(petitions::status.eq(Status::Open.code()))
        .order((
            petitions::featured.desc(),
            petitions::signature_count.desc(),
            petitions::id.desc(),
        ))
        .limit(200)
        .select(PetitionRow::as_select())
        .load(conn)?;
    with_details(conn, rows)
}

/// The open petitions for the sitemap: id and when each opened, oldest first, at most `limit`.
pub fn open_ids(
    conn: &mut DbConnection,
    limit: i64,
) -> QueryResult<Vec<(i64, Option<NaiveDateTime>)>> {
    petitions::table
        .filter(petitions::status.eq(Status::Open.code()))
        .order(petitions::id.asc())
        .limit(limit)
        .select((petitions::id, petitions::opened_at))
        .load(conn)
}

/// Open and closed petitions, newest first (for staff to deliver).
pub fn list_public(conn: &mut DbConnection) -> QueryResult<Vec<Petition>> {
    let rows = petitions::table
        .filter(petitions::status.eq_any(PUBLIC))
        .order(petitions::id.desc())
        .limit(200)
        .select(PetitionRow::as_select())
        .load(conn)?;
    with_details(conn, rows)
}

/// How `/petitions` lists public petitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Most signatures first.
    Signed,
    /// Newest opened first.
    Newest,
    /// Open ones closing soonest first.
    Closing,
}

/// What `/petitions` asks for: words, which statuses, only those delivered, the order, and
/// which page of `per_page`.
#[derive(Debug, Clone)]
pub struct Browse {
    pub q: String,
    /// `open`, `closed`, or both (None).
    pub status: Option<Status>,
    pub delivered: bool,
    /// Only those a member or a ministry has answered.
    pub responded: bool,
    pub sort: Sort,
    pub page: i64,
    pub per_page: i64,
}

/// Most search matches considered by `browse`.
const MATCHES_MAX: i64 = 1_000;

/// One page of public petitions as `b` asks, and how many there are in all.
pub fn browse(conn: &mut DbConnection, b: &Browse) -> QueryResult<(Vec<Petition>, i64)> {
    use super::schema::{deliveries, responses};
    let statuses: Vec<&str> = match b.status {
        Some(s) => vec![s.code()],
        None => PUBLIC.to_vec(),
    };
    let matched = if b.q.trim().is_empty() {
        None
    } else {
        Some(super::campaigns::matching(
            conn,
            &b.q,
            &statuses,
            MATCHES_MAX,
        )?)
    };
    let filtered = || {
        let mut q = petitions::table
            .filter(petitions::status.eq_any(statuses.clone()))
            .into_boxed();
        if let Some(ids) = &matched {
            q = q.filter(petitions::id.eq_any(ids.clone()));
        }
        if b.delivered {
            q = q.filter(petitions::id.eq_any(deliveries::table.select(deliveries::petition_id)));
        }
        if b.responded {
            q = q.filter(
                petitions::id.eq_any(
                    responses::table
                        .filter(responses::stance.ne("no_reply"))
                        .select(responses::petition_id),
                ),
            );
        }
        q
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let page = filtered();
    let page = match b.sort {
        Sort::Signed => page.order((petitions::signature_count.desc(), petitions::id.desc())),
        Sort::Newest => page.order((petitions::opened_at.desc(), petitions::id.desc())),
        Sort::Closing => page.order((
            petitions::closed_at.is_not_null(),
            petitions::closes_at.asc(),
            petitions::id.asc(),
        )),
    };
    let rows = page
        .offset((b.page.max(1) - 1) * b.per_page)
        .limit(b.per_page)
        .select(PetitionRow::as_select())
        .load(conn)?;
    Ok((with_details(conn, rows)?, total))
}

/// The newest opened petitions still open, for the feed.
pub fn newest_open(conn: &mut DbConnection, limit: i64) -> QueryResult<Vec<Petition>> {
    let rows = petitions::table
        .filter(petitions::status.eq(Status::Open.code()))
        .order((petitions::opened_at.desc(), petitions::id.desc()))
        .limit(limit)
        .select(PetitionRow::as_select())
        .load(conn)?;
    with_details(conn, rows)
}

/// A petition the public may see (open or closed).
pub fn find_public(conn: &mut DbConnection, id: i64) -> QueryResult<Option<Petition>> {
    let rows = petitions::table
        .filter(petitions::id.eq(id))
        .filter(petitions::status.eq_any(PUBLIC))
        .select(PetitionRow::as_select())
        .load(conn)?;
    Ok(with_details(conn, rows)?.into_iter().next())
}

/// A petition in any state (for its creator, moderators, and its supporters' links).
pub fn find_any(conn: &mut DbConnection, id: i64) -> QueryResult<Option<Petition>> {
    let rows = petitions::table
        .filter(petitions::id.eq(id))
        .select(PetitionRow::as_select())
        .load(conn)?;
    Ok(with_details(conn, rows)?.into_iter().next())
}

/// The ids of the petitions in `status`.
pub fn ids_with_status(conn: &mut DbConnection, status: Status) -> QueryResult<Vec<i64>> {
    petitions::table
        .filter(petitions::status.eq(status.code()))
        .order(petitions::id)
        .select(petitions::id)
        .load(conn)
}

/// A petition's status, if it exists.
pub fn status_of(conn: &mut DbConnection, id: i64) -> QueryResult<Option<Status>> {
    let code: Option<String> = petitions::table
        .find(id)
        .select(petitions::status)
        .first(conn)
        .optional()?;
    Ok(code.map(|c| Status::parse(&c).unwrap_or(Status::Hidden)))
}

/// These petitions, in any state (in no particular order).
pub fn find_many(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<Vec<Petition>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = petitions::table
        .filter(petitions::id.eq_any(ids))
        .select(PetitionRow::as_select())
        .load(conn)?;
    with_details(conn, rows)
}

pub fn find_by_share_key(conn: &mut DbConnection, key: &str) -> QueryResult<Option<Petition>> {
    let rows = petitions::table
        .filter(petitions::share_key.eq(key))
        .select(PetitionRow::as_select())
        .load(conn)?;
    Ok(with_details(conn, rows)?.into_iter().next())
}

pub fn load_many(conn: &mut DbConnection, rows: Vec<PetitionRow>) -> QueryResult<Vec<Petition>> {
    with_details(conn, rows)
}

/// The recipients a campaigner can choose from: the Parliament, ministries, and others staff
/// added (members are reached through the delivery packs, not chosen one by one).
pub fn recipient_choices(conn: &mut DbConnection) -> QueryResult<Vec<Recipient>> {
    recipients::table
        .filter(recipients::kind.ne("member"))
        .order(recipients::id)
        .select(Recipient::as_select())
        .load(conn)
}

pub fn counts_by_state(conn: &mut DbConnection, id: i64) -> QueryResult<Vec<(String, i64)>> {
    state_counts::table
        .filter(state_counts::petition_id.eq(id))
        .filter(state_counts::count.gt(0))
        .order((state_counts::count.desc(), state_counts::state_code))
        .select((state_counts::state_code, state_counts::count))
        .load(conn)
}

/// India's date now (UTC+05:30, no daylight saving): the day "signed today" counts.
pub fn india_today() -> chrono::NaiveDate {
    crate::domain::india_day(super::now())
}

/// Confirmed, counted signatures on `id` on India's day `day`.
pub fn signed_on(conn: &mut DbConnection, id: i64, day: chrono::NaiveDate) -> QueryResult<i64> {
    daily_counts::table
        .filter(daily_counts::petition_id.eq(id))
        .filter(daily_counts::day.eq(day))
        .select(daily_counts::count)
        .first(conn)
        .optional()
        .map(|n| n.unwrap_or(0).max(0))
}

/// Puts a public petition on the home page's lead, or takes it off, and audits who did;
/// whether there was such a petition.
pub fn set_featured(
    conn: &mut DbConnection,
    id: i64,
    featured: bool,
    actor: &super::audit::Actor,
) -> QueryResult<bool> {
    conn.transaction(|conn| {
        let n = diesel::update(
            petitions::table
                .find(id)
                .filter(petitions::status.eq_any(PUBLIC)),
        )
        .set(petitions::featured.eq(featured))
        .execute(conn)?;
        if n == 1 {
            super::audit::record(
                conn,
                &super::audit::Entry {
                    actor,
                    action: super::audit::Action::PetitionFeature,
                    petition_id: Some(id),
                    details: serde_json::json!({ "featured": featured }),
                    row_count: 1,
                },
            )?;
        }
        Ok(n == 1)
    })
}

pub fn counts_by_constituency(conn: &mut DbConnection, id: i64) -> QueryResult<Vec<(String, i64)>> {
    constituency_counts::table
        .filter(constituency_counts::petition_id.eq(id))
        .filter(constituency_counts::count.gt(0))
        .order((
            constituency_counts::count.desc(),
            constituency_counts::pc_id,
        ))
        .select((constituency_counts::pc_id, constituency_counts::count))
        .load(conn)
}

pub struct NewPetition<'a> {
    pub lang: Lang,
    pub goal: i64,
    pub texts: Vec<(Lang, &'a str, &'a str, &'a str)>,
    pub recipient_ids: Vec<i64>,
    pub opened_at: Option<NaiveDateTime>,
    pub closes_at: Option<NaiveDateTime>,
    pub status: Status,
}

pub fn insert(conn: &mut DbConnection, p: &NewPetition<'_>) -> QueryResult<i64> {
    conn.transaction(|conn| {
        let id: i64 = diesel::insert_into(petitions::table)
            .values((
                petitions::status.eq(p.status.code()),
                petitions::lang.eq(p.lang.code()),
                petitions::goal.eq(p.goal),
                petitions::signature_count.eq(0i64),
                petitions::created_at.eq(super::now()),
                petitions::opened_at.eq(p.opened_at),
                petitions::closes_at.eq(p.closes_at),
            ))
            .returning(petitions::id)
            .get_result(conn)?;
        for (lang, title, action, background) in &p.texts {
            diesel::insert_into(petition_texts::table)
                .values(PetitionText {
                    petition_id: id,
                    lang: lang.code().into(),
                    title: title.to_string(),
                    action: action.to_string(),
                    background: background.to_string(),
                })
                .execute(conn)?;
        }
        for r in &p.recipient_ids {
            diesel::insert_into(petition_recipients::table)
                .values((
                    petition_recipients::petition_id.eq(id),
                    petition_recipients::recipient_id.eq(r),
                ))
                .execute(conn)?;
        }
        Ok(id)
    })
}

pub fn count_all(conn: &mut DbConnection) -> QueryResult<i64> {
    petitions::table.count().get_result(conn)
}
