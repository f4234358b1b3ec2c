//! Signature counts per petition, state and constituency.
//!
//! Confirming a signature only stamps its own row. A counter job then folds newly confirmed
//! signatures into the count tables in batches: under a viral spike thousands of confirmations a
//! second would otherwise all queue for the one row holding the petition's total (the UK
//! petitions site batches its counts for the same reason). Each batch claims its signatures with
//! one `UPDATE ... WHERE counted = FALSE RETURNING`, so two processes running the job never count
//! a signature twice, and the counts stay exact.

use std::collections::HashMap;

use diesel::prelude::*;
use diesel::sql_types::BigInt;
use diesel::upsert::excluded;

use super::DbConnection;
use super::schema::{constituency_counts, daily_counts, petitions, signatures, state_counts};

/// A signature as the counts see it: where it counts, and when it was confirmed (its day).
#[derive(QueryableByName)]
#[diesel(table_name = signatures)]
pub struct Counted {
    petition_id: i64,
    state_code: String,
    pc_id: String,
    confirmed_at: Option<chrono::NaiveDateTime>,
}

// The inner SELECT is written like the partial index `signatures_uncounted`, so the planner can
// use it; the outer conditions are checked again on the row as it is when the UPDATE locks it,
// so a row invalidated or held meanwhile is not counted. On PostgreSQL the inner SELECT locks
// its rows in id order and skips any another transaction holds (the rollup's batch, a second
// worker, a moderator's invalidation): batch against batch once deadlocked here, and each
// deadlock held every signer and confirmer waiting on those rows for `deadlock_timeout` (1 s).
const CLAIM_PG: &str = "UPDATE signatures SET counted = TRUE \
    WHERE counted = FALSE AND held = FALSE AND invalidation_id IS NULL AND id IN (SELECT id FROM signatures \
        WHERE confirmed_at IS NOT NULL AND counted = FALSE AND held = FALSE \
        AND invalidation_id IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED) \
    RETURNING petition_id, state_code, pc_id, confirmed_at";
const CLAIM_SQLITE: &str = "UPDATE signatures SET counted = TRUE \
    WHERE counted = FALSE AND held = FALSE AND invalidation_id IS NULL AND id IN (SELECT id FROM signatures \
        WHERE confirmed_at IS NOT NULL AND counted = FALSE AND held = FALSE \
        AND invalidation_id IS NULL ORDER BY id LIMIT ?1) \
    RETURNING petition_id, state_code, pc_id, confirmed_at";

/// Folds up to `limit` newly confirmed signatures into the counts; returns how many.
pub fn fold(conn: &mut DbConnection, limit: i64) -> QueryResult<usize> {
    conn.transaction(|conn| {
        let sql = match conn {
            DbConnection::Pg(_) => CLAIM_PG,
            DbConnection::Sqlite(_) => CLAIM_SQLITE,
        };
        let claimed: Vec<Counted> = crate::each_backend!(&mut *conn, c => diesel::sql_query(sql)
            .bind::<BigInt, _>(limit)
            .load(c))?;
        apply(conn, &claimed, 1)?;
        Ok(claimed.len())
    })
}

/// Adds `sign` (1, or -1 to take signatures back out) for each of `rows` to every count it is
/// in: its petition's total, its state's, its constituency's and its day's. Counts left at
/// zero go, so no state, constituency or day shows with no signatures. The counter folds new
/// signatures in with it, and an invalidation takes its signatures out with it.
pub fn apply(conn: &mut DbConnection, rows: &[Counted], sign: i64) -> QueryResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut totals: HashMap<i64, i64> = HashMap::new();
    let mut by_state: HashMap<(i64, &str), i64> = HashMap::new();
    let mut by_pc: HashMap<(i64, &str), i64> = HashMap::new();
    let mut by_day: HashMap<(i64, chrono::NaiveDate), i64> = HashMap::new();
    for r in rows {
        let p = r.petition_id;
        *totals.entry(p).or_default() += sign;
        *by_state.entry((p, &r.state_code)).or_default() += sign;
        *by_pc.entry((p, &r.pc_id)).or_default() += sign;
        // A counted row is confirmed (the claim asks for it); `now` only stands in.
        let day = crate::domain::india_day(r.confirmed_at.unwrap_or_else(super::now));
        *by_day.entry((p, day)).or_default() += sign;
    }
    for (p, n) in totals {
        diesel::update(petitions::table.find(p))
            .set(petitions::signature_count.eq(petitions::signature_count + n))
            .execute(conn)?;
    }
    for ((p, s), n) in by_state {
        crate::each_backend!(&mut *conn, c => diesel::insert_into(state_counts::table)
            .values((
                state_counts::petition_id.eq(p),
                state_counts::state_code.eq(s),
                state_counts::count.eq(n),
            ))
            .on_conflict((state_counts::petition_id, state_counts::state_code))
            .do_update()
            .set(state_counts::count.eq(state_counts::count + excluded(state_counts::count)))
            .execute(c))?;
    }
    for ((p, pc), n) in by_pc {
        crate::each_backend!(&mut *conn, c => diesel::insert_into(constituency_counts::table)
            .values((
                constituency_counts::petition_id.eq(p),
                constituency_counts::pc_id.eq(pc),
                constituency_counts::count.eq(n),
            ))
            .on_conflict((constituency_counts::petition_id, constituency_counts::pc_id))
            .do_update()
            .set(
                constituency_counts::count
                    .eq(constituency_counts::count + excluded(constituency_counts::count)),
            )
            .execute(c))?;
    }
    for ((p, day), n) in by_day {
        crate::each_backend!(&mut *conn, c => diesel::insert_into(daily_counts::table)
            .values((
                daily_counts::petition_id.eq(p),
                daily_counts::day.eq(day),
                daily_counts::count.eq(n),
            ))
            .on_conflict((daily_counts::petition_id, daily_counts::day))
            .do_update()
            .set(daily_counts::count.eq(daily_counts::count + excluded(daily_counts::count)))
            .execute(c))?;
    }
    if sign < 0 {
        diesel::delete(state_counts::table.filter(state_counts::count.le(0))).execute(conn)?;
        diesel::delete(constituency_counts::table.filter(constituency_counts::count.le(0)))
            .execute(conn)?;
        diesel::delete(daily_counts::table.filter(daily_counts::count.le(0))).execute(conn)?;
    }
    Ok(())
}
