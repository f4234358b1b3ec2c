//! Rules, the disposable-domain list, invalidations and held signatures: what the integrity
//! checks read and write. (The console's figures are in `db::console`.)

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use super::schema::{disposable_domains, integrity_rules, invalidations, signatures};
use super::{DbConnection, now};

/// A signature is "too fast" when its form came back sooner than this many seconds after it was
/// served, or without the site's stamp (stored as -1).
pub const TOO_FAST_SECONDS: i32 = 3;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = integrity_rules)]
pub struct RuleRow {
    pub id: i64,
    pub kind: String,
    pub scope: Option<String>,
    pub value: String,
    pub burst: Option<i32>,
    pub sustained: Option<i32>,
    pub action: String,
    pub note: String,
    pub hits: i64,
    pub created_at: NaiveDateTime,
    pub created_by: String,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = integrity_rules)]
pub struct NewRule {
    pub kind: String,
    pub scope: Option<String>,
    pub value: String,
    pub burst: Option<i32>,
    pub sustained: Option<i32>,
    pub action: String,
    pub note: String,
    pub created_at: NaiveDateTime,
    pub created_by: String,
}

pub fn rules(conn: &mut DbConnection) -> QueryResult<Vec<RuleRow>> {
    integrity_rules::table
        .order(integrity_rules::id)
        .select(RuleRow::as_select())
        .load(conn)
}

pub fn add_rule(conn: &mut DbConnection, rule: &NewRule) -> QueryResult<i64> {
    diesel::insert_into(integrity_rules::table)
        .values(rule)
        .returning(integrity_rules::id)
        .get_result(conn)
}

/// Removes a rule; the row it was, if there was one.
pub fn remove_rule(conn: &mut DbConnection, id: i64) -> QueryResult<Option<RuleRow>> {
    let row = integrity_rules::table
        .find(id)
        .select(RuleRow::as_select())
        .first(conn)
        .optional()?;
    if row.is_some() {
        diesel::delete(integrity_rules::table.find(id)).execute(conn)?;
    }
    Ok(row)
}

/// Adds the hits a process counted since its last refresh.
pub fn add_hits(conn: &mut DbConnection, hits: &[(i64, i64)]) -> QueryResult<()> {
    for (id, n) in hits {
        diesel::update(integrity_rules::table.find(id))
            .set(integrity_rules::hits.eq(integrity_rules::hits + n))
            .execute(conn)?;
    }
    Ok(())
}

/// How many domains were imported, and when last: changes whenever an import does.
pub fn domains_version(conn: &mut DbConnection) -> QueryResult<(i64, Option<NaiveDateTime>)> {
    disposable_domains::table
        .select((
            diesel::dsl::count_star(),
            diesel::dsl::max(disposable_domains::imported_at),
        ))
        .first(conn)
}

pub fn domains(conn: &mut DbConnection) -> QueryResult<Vec<String>> {
    disposable_domains::table
        .select(disposable_domains::domain)
        .load(conn)
}

/// Replaces the imported list with `list` in one transaction.
pub fn import_domains(conn: &mut DbConnection, list: &[String]) -> QueryResult<usize> {
    conn.transaction(|conn| {
        diesel::delete(disposable_domains::table).execute(conn)?;
        let t = now();
        let mut n = 0;
        for chunk in list.chunks(500) {
            let rows: Vec<_> = chunk
                .iter()
                .map(|d| {
                    (
                        disposable_domains::domain.eq(d),
                        disposable_domains::imported_at.eq(t),
                    )
                })
                .collect();
            n += crate::each_backend!(&mut *conn, c => diesel::insert_into(disposable_domains::table)
                .values(&rows)
                .on_conflict_do_nothing()
                .execute(c))?;
        }
        Ok(n)
    })
}

/// What a rate rule counts by, with the signature's own value for it.
#[derive(Debug, Clone, Copy)]
pub enum RateKey<'a> {
    Ip(&'a str),
    Network(&'a str),
    Domain(&'a str),
    Petition,
}

/// Signatures on `petition` since `since` sharing `key`, counted up to `cap` (a rule only asks
/// whether its limit is reached, so no count reads further than the limit). One short range of
/// one index: `signatures_ip`, `_network`, `_domain` or `_created`.
pub fn recent(
    conn: &mut DbConnection,
    petition: i64,
    key: RateKey<'_>,
    since: NaiveDateTime,
    cap: i64,
) -> QueryResult<i64> {
    let (column, value) = match key {
        RateKey::Ip(h) => (Some("ip_hash"), h),
        RateKey::Network(n) => (Some("network"), n),
        RateKey::Domain(d) => (Some("email_domain"), d),
        RateKey::Petition => (None, ""),
    };
    // `$4 = $4` keeps the placeholders the same in both shapes.
    let matching = match column {
        Some(c) => format!("{c} = $4"),
        None => "$4 = $4".to_string(),
    };
    let sql = format!(
        "SELECT COUNT(*) AS n FROM (SELECT 1 FROM signatures WHERE petition_id = $1 \
         AND {matching} AND created_at >= $2 LIMIT $3) AS recent"
    );
    let sql = super::numbered(conn, &sql);
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let n: N = crate::each_backend!(conn, c => diesel::sql_query(&sql)
        .bind::<BigInt, _>(petition)
        .bind::<diesel::sql_types::Timestamp, _>(since)
        .bind::<BigInt, _>(cap)
        .bind::<Text, _>(value)
        .get_result(c))?;
    Ok(n.n)
}

/// Which signatures an invalidation (or a lookup of how many would go) takes.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Criteria {
    /// The /24 or /48 networks inside the range asked for.
    pub networks: Vec<String>,
    /// One client address, by its keyed hash.
    pub ip_hash: Option<String>,
    /// The domain, or a domain under it.
    pub domain: Option<String>,
    /// One address, canonical.
    pub address: Option<String>,
    pub since: Option<NaiveDateTime>,
    pub until: Option<NaiveDateTime>,
    pub pc_id: Option<String>,
    pub flag: Option<Flag>,
    /// One signature, withdrawn by its signer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature: Option<i64>,
}

/// Who made an invalidation that a signer's withdrawal made: no one can cancel it but the
/// signer, by signing again.
pub const WITHDRAWN_BY: &str = "signer";

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    Disposable,
    TooFast,
    Honeypot,
    Held,
}

impl Flag {
    pub const ALL: [Flag; 4] = [Flag::Disposable, Flag::TooFast, Flag::Honeypot, Flag::Held];

    pub fn code(self) -> &'static str {
        match self {
            Flag::Disposable => "disposable",
            Flag::TooFast => "too_fast",
            Flag::Honeypot => "honeypot",
            Flag::Held => "held",
        }
    }

    pub fn parse(s: &str) -> Option<Flag> {
        Flag::ALL.into_iter().find(|f| f.code() == s)
    }
}

impl Criteria {
    /// Whether anything narrows the match beyond the petition (a whole petition is never
    /// invalidated by accident).
    pub fn is_empty(&self) -> bool {
        self.networks.is_empty()
            && self.ip_hash.is_none()
            && self.domain.is_none()
            && self.address.is_none()
            && self.since.is_none()
            && self.until.is_none()
            && self.pc_id.is_none()
            && self.flag.is_none()
            && self.signature.is_none()
    }
}

type Boxed<'a> = signatures::BoxedQuery<'a, <DbConnection as diesel::Connection>::Backend>;

/// The petition's signatures not yet invalidated that `c` matches.
fn matching<'a>(petition: i64, c: &'a Criteria) -> Boxed<'a> {
    let mut q = signatures::table
        .filter(signatures::petition_id.eq(petition))
        .filter(signatures::invalidation_id.is_null())
        .into_boxed();
    if !c.networks.is_empty() {
        q = q.filter(signatures::network.eq_any(&c.networks));
    }
    if let Some(h) = &c.ip_hash {
        q = q.filter(signatures::ip_hash.eq(h));
    }
    if let Some(d) = &c.domain {
        q = q.filter(
            signatures::email_domain
                .eq(d)
                .or(signatures::email_domain.like(format!("%.{d}"))),
        );
    }
    if let Some(a) = &c.address {
        q = q.filter(signatures::email_canonical.eq(a));
    }
    if let Some(t) = c.since {
        q = q.filter(signatures::created_at.ge(t));
    }
    if let Some(t) = c.until {
        q = q.filter(signatures::created_at.lt(t));
    }
    if let Some(pc) = &c.pc_id {
        q = q.filter(signatures::pc_id.eq(pc));
    }
    if let Some(id) = c.signature {
        q = q.filter(signatures::id.eq(id));
    }
    match c.flag {
        Some(Flag::Disposable) => q.filter(signatures::disposable.eq(true)),
        Some(Flag::TooFast) => q.filter(signatures::form_seconds.lt(TOO_FAST_SECONDS)),
        Some(Flag::Honeypot) => q.filter(signatures::honeypot.eq(true)),
        Some(Flag::Held) => q.filter(signatures::held.eq(true)),
        None => q,
    }
}

/// How many signatures `c` would invalidate now.
pub fn count_matching(conn: &mut DbConnection, petition: i64, c: &Criteria) -> QueryResult<i64> {
    matching(petition, c).count().get_result(conn)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = invalidations)]
pub struct Invalidation {
    pub id: i64,
    pub petition_id: i64,
    pub criteria: String,
    pub reason: String,
    pub matched: i64,
    pub created_at: NaiveDateTime,
    pub created_by: String,
    pub cancelled_at: Option<NaiveDateTime>,
    pub cancelled_by: Option<String>,
}

/// Marks what `c` matches as invalidated by a new invalidation and takes those already counted
/// out of the counts, in one transaction; the invalidation's id and how many it took. Nothing
/// is written when nothing matches.
pub fn invalidate(
    conn: &mut DbConnection,
    petition: i64,
    c: &Criteria,
    reason: &str,
    by: &str,
) -> QueryResult<Option<(i64, i64)>> {
    conn.transaction(|conn| {
        let t = now();
        let id: i64 = diesel::insert_into(invalidations::table)
            .values((
                invalidations::petition_id.eq(petition),
                invalidations::criteria.eq(serde_json::to_string(c).unwrap_or_default()),
                invalidations::reason.eq(reason),
                invalidations::matched.eq(0),
                invalidations::created_at.eq(t),
                invalidations::created_by.eq(by),
            ))
            .returning(invalidations::id)
            .get_result(conn)?;
        // The ids first, then the update in slices: a boxed query cannot be a subquery here,
        // and a slice keeps each statement within SQLite's limit on bound values.
        let ids: Vec<i64> = matching(petition, c).select(signatures::id).load(conn)?;
        let mut matched = 0i64;
        for slice in ids.chunks(5_000) {
            matched += diesel::update(
                signatures::table
                    .filter(signatures::id.eq_any(slice))
                    .filter(signatures::invalidation_id.is_null()),
            )
            .set(signatures::invalidation_id.eq(id))
            .execute(conn)? as i64;
        }
        if matched == 0 {
            // Rolled back: an empty match leaves no trace.
            return Err(diesel::result::Error::RollbackTransaction);
        }
        diesel::update(invalidations::table.find(id))
            .set(invalidations::matched.eq(matched))
            .execute(conn)?;
        uncount(conn, id)?;
        super::rollup::take_out(conn, id)?;
        Ok(Some((id, matched)))
    })
    .or_else(|e| match e {
        diesel::result::Error::RollbackTransaction => Ok(None),
        e => Err(e),
    })
}

/// Moves one signature, out of the counts already under invalidation `from` (staff's), to an
/// invalidation of its own made `by` its signer, which staff cannot cancel: cancelling `from`
/// later restores the others and leaves this one out. Nothing is counted again or twice: the
/// row stays uncounted and out of the rollup throughout. The new invalidation's id.
pub fn move_to_own(
    conn: &mut DbConnection,
    petition: i64,
    signature: i64,
    from: i64,
    reason: &str,
    by: &str,
) -> QueryResult<i64> {
    conn.transaction(|conn| {
        let c = Criteria {
            signature: Some(signature),
            ..Criteria::default()
        };
        let id: i64 = diesel::insert_into(invalidations::table)
            .values((
                invalidations::petition_id.eq(petition),
                invalidations::criteria.eq(serde_json::to_string(&c).unwrap_or_default()),
                invalidations::reason.eq(reason),
                invalidations::matched.eq(1),
                invalidations::created_at.eq(now()),
                invalidations::created_by.eq(by),
            ))
            .returning(invalidations::id)
            .get_result(conn)?;
        diesel::update(
            signatures::table
                .find(signature)
                .filter(signatures::invalidation_id.eq(from)),
        )
        .set(signatures::invalidation_id.eq(id))
        .execute(conn)?;
        Ok(id)
    })
}

/// Takes the counted signatures of invalidation `id` back out of every count.
fn uncount(conn: &mut DbConnection, id: i64) -> QueryResult<()> {
    let sql = super::numbered(
        conn,
        "UPDATE signatures SET counted = FALSE WHERE invalidation_id = $1 AND counted = TRUE \
         RETURNING petition_id, state_code, pc_id, confirmed_at",
    );
    let taken: Vec<super::counts::Counted> = crate::each_backend!(&mut *conn, c => diesel::sql_query(&sql)
        .bind::<BigInt, _>(id)
        .load(c))?;
    super::counts::apply(conn, &taken, -1)
}

/// Cancels an invalidation: its signatures count again (the counter, and the console's
/// rollup, fold them back in within a round). The invalidation as it was, and how many it gave back; `None` if there is no such
/// invalidation or it was cancelled already.
pub fn cancel(
    conn: &mut DbConnection,
    id: i64,
    by: &str,
) -> QueryResult<Option<(Invalidation, i64)>> {
    conn.transaction(|conn| {
        let n = diesel::update(
            invalidations::table
                .find(id)
                .filter(invalidations::cancelled_at.is_null())
                .filter(invalidations::created_by.ne(WITHDRAWN_BY)),
        )
        .set((
            invalidations::cancelled_at.eq(Some(now())),
            invalidations::cancelled_by.eq(Some(by)),
        ))
        .execute(conn)?;
        if n == 0 {
            return Ok(None);
        }
        let restored = diesel::update(signatures::table.filter(signatures::invalidation_id.eq(id)))
            .set(signatures::invalidation_id.eq(None::<i64>))
            .execute(conn)? as i64;
        let inv = invalidations::table
            .find(id)
            .select(Invalidation::as_select())
            .first(conn)?;
        Ok(Some((inv, restored)))
    })
}

pub fn invalidation(conn: &mut DbConnection, id: i64) -> QueryResult<Option<Invalidation>> {
    invalidations::table
        .find(id)
        .select(Invalidation::as_select())
        .first(conn)
        .optional()
}

/// A petition's invalidations, newest first.
pub fn invalidations_of(conn: &mut DbConnection, petition: i64) -> QueryResult<Vec<Invalidation>> {
    invalidations::table
        .filter(invalidations::petition_id.eq(petition))
        .order(invalidations::id.desc())
        .select(Invalidation::as_select())
        .load(conn)
}

/// Releases a petition's held signatures (not invalidated ones): they count once confirmed, at
/// the counter's next round. How many.
pub fn release_held(conn: &mut DbConnection, petition: i64) -> QueryResult<i64> {
    Ok(diesel::update(
        signatures::table
            .filter(signatures::petition_id.eq(petition))
            .filter(signatures::held.eq(true))
            .filter(signatures::invalidation_id.is_null()),
    )
    .set(signatures::held.eq(false))
    .execute(conn)? as i64)
}
