//! The integrity console's rollups: per minute of signing, how many signatures and the flags
//! they raised; per hour (and for all time), how many per network, email domain and
//! constituency. The worker folds each signature in once, claiming a batch with one
//! `UPDATE ... WHERE rolled = FALSE RETURNING` as the counter does; an invalidation takes its
//! signatures out again in its own transaction, and a cancelled one leaves them for the worker
//! to fold back in. So the console reads a few thousand rows, whatever the petition's size.

use std::collections::HashMap;

use chrono::{NaiveDateTime, Timelike};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Integer, Nullable, Text, Timestamp};
use diesel::upsert::excluded;

use super::DbConnection;
use super::integrity::TOO_FAST_SECONDS;
use super::schema::{signature_minutes, signature_rollup};

/// The hour that stands for all time in `signature_rollup`.
pub fn all_time() -> NaiveDateTime {
    chrono::DateTime::UNIX_EPOCH.naive_utc()
}

/// The dimensions rolled up, as `signature_rollup.dimension` names them.
pub const NETWORK: &str = "network";
pub const DOMAIN: &str = "domain";
pub const CONSTITUENCY: &str = "constituency";

#[derive(QueryableByName, Debug, Clone)]
pub struct Rolled {
    #[diesel(sql_type = BigInt)]
    petition_id: i64,
    #[diesel(sql_type = Timestamp)]
    created_at: NaiveDateTime,
    #[diesel(sql_type = Nullable<Text>)]
    network: Option<String>,
    #[diesel(sql_type = Text)]
    email_domain: String,
    #[diesel(sql_type = Text)]
    pc_id: String,
    #[diesel(sql_type = Bool)]
    disposable: bool,
    #[diesel(sql_type = Nullable<Integer>)]
    form_seconds: Option<i32>,
    #[diesel(sql_type = Bool)]
    honeypot: bool,
}

const COLUMNS: &str =
    "petition_id, created_at, network, email_domain, pc_id, disposable, form_seconds, honeypot";

/// Folds up to `limit` signatures not yet rolled up into the rollups; returns how many.
pub fn fold(conn: &mut DbConnection, limit: i64) -> QueryResult<usize> {
    conn.transaction(|conn| {
        // As the counter's claim: the inner SELECT matches the partial index, the outer
        // conditions are checked again on each row as the UPDATE locks it, and on PostgreSQL
        // the inner SELECT takes its rows in id order, skipping those another transaction
        // holds (see `counts::CLAIM_PG`: no deadlock with the counter).
        let lock = match conn {
            DbConnection::Pg(_) => " FOR UPDATE SKIP LOCKED",
            DbConnection::Sqlite(_) => "",
        };
        let sql = super::numbered(
            conn,
            &format!(
                "UPDATE signatures SET rolled = TRUE \
                 WHERE rolled = FALSE AND invalidation_id IS NULL AND id IN (SELECT id FROM \
                 signatures WHERE rolled = FALSE AND invalidation_id IS NULL ORDER BY id \
                 LIMIT $1{lock}) RETURNING {COLUMNS}"
            ),
        );
        let rows: Vec<Rolled> = crate::each_backend!(&mut *conn, c => diesel::sql_query(&sql)
            .bind::<BigInt, _>(limit)
            .load(c))?;
        add(conn, &rows, 1)?;
        Ok(rows.len())
    })
}

/// Takes the signatures of invalidation `id` that are in the rollups out of them (in the
/// caller's transaction).
pub fn take_out(conn: &mut DbConnection, invalidation: i64) -> QueryResult<()> {
    let sql = super::numbered(
        conn,
        &format!(
            "UPDATE signatures SET rolled = FALSE WHERE invalidation_id = $1 AND rolled = TRUE \
             RETURNING {COLUMNS}"
        ),
    );
    let rows: Vec<Rolled> = crate::each_backend!(&mut *conn, c => diesel::sql_query(&sql)
        .bind::<BigInt, _>(invalidation)
        .load(c))?;
    add(conn, &rows, -1)
}

fn minute_of(t: NaiveDateTime) -> NaiveDateTime {
    t.with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(t)
}

fn hour_of(t: NaiveDateTime) -> NaiveDateTime {
    minute_of(t).with_minute(0).unwrap_or(t)
}

/// Adds `sign` (1 or -1) for each row to its minute and to each dimension's hour and all-time
/// rows.
fn add(conn: &mut DbConnection, rows: &[Rolled], sign: i64) -> QueryResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut minutes: HashMap<(i64, NaiveDateTime), [i64; 4]> = HashMap::new();
    let mut keys: HashMap<(i64, &'static str, NaiveDateTime, &str), i64> = HashMap::new();
    let epoch = all_time();
    for r in rows {
        let m = minutes
            .entry((r.petition_id, minute_of(r.created_at)))
            .or_default();
        m[0] += sign;
        m[1] += sign * i64::from(r.disposable);
        m[2] += sign * i64::from(r.form_seconds.is_some_and(|s| s < TOO_FAST_SECONDS));
        m[3] += sign * i64::from(r.honeypot);
        let hour = hour_of(r.created_at);
        for (dimension, key) in [
            (NETWORK, r.network.as_deref().unwrap_or("")),
            (DOMAIN, r.email_domain.as_str()),
            (CONSTITUENCY, r.pc_id.as_str()),
        ] {
            for h in [hour, epoch] {
                *keys.entry((r.petition_id, dimension, h, key)).or_default() += sign;
            }
        }
    }
    let minute_rows: Vec<_> = minutes
        .into_iter()
        .map(|((p, minute), [n, d, f, h])| {
            (
                signature_minutes::petition_id.eq(p),
                signature_minutes::minute.eq(minute),
                signature_minutes::signed.eq(n),
                signature_minutes::disposable.eq(d),
                signature_minutes::too_fast.eq(f),
                signature_minutes::honeypot.eq(h),
            )
        })
        .collect();
    for chunk in minute_rows.chunks(500) {
        crate::each_backend!(&mut *conn, c => diesel::insert_into(signature_minutes::table)
            .values(chunk)
            .on_conflict((signature_minutes::petition_id, signature_minutes::minute))
            .do_update()
            .set((
                signature_minutes::signed
                    .eq(signature_minutes::signed + excluded(signature_minutes::signed)),
                signature_minutes::disposable
                    .eq(signature_minutes::disposable + excluded(signature_minutes::disposable)),
                signature_minutes::too_fast
                    .eq(signature_minutes::too_fast + excluded(signature_minutes::too_fast)),
                signature_minutes::honeypot
                    .eq(signature_minutes::honeypot + excluded(signature_minutes::honeypot)),
            ))
            .execute(c))?;
    }
    let key_rows: Vec<_> = keys
        .into_iter()
        .map(|((p, dimension, hour, key), n)| {
            (
                signature_rollup::petition_id.eq(p),
                signature_rollup::dimension.eq(dimension),
                signature_rollup::hour.eq(hour),
                signature_rollup::key.eq(key),
                signature_rollup::n.eq(n),
            )
        })
        .collect();
    for chunk in key_rows.chunks(500) {
        crate::each_backend!(&mut *conn, c => diesel::insert_into(signature_rollup::table)
            .values(chunk)
            .on_conflict((
                signature_rollup::petition_id,
                signature_rollup::dimension,
                signature_rollup::hour,
                signature_rollup::key,
            ))
            .do_update()
            .set(signature_rollup::n.eq(signature_rollup::n + excluded(signature_rollup::n)))
            .execute(c))?;
    }
    if sign < 0 {
        diesel::delete(signature_rollup::table.filter(signature_rollup::n.le(0))).execute(conn)?;
        diesel::delete(signature_minutes::table.filter(signature_minutes::signed.le(0)))
            .execute(conn)?;
    }
    Ok(())
}
