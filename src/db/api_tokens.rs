//! API tokens for partner groups' systems, and what a token may read: its own group's counted
//! signatures, with a name only where the signer agreed to show it.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::audit::{self, Action, Actor};
use super::schema::{api_tokens, signatures};
use super::{DbConnection, now};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_tokens)]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    /// The group's `?source=` code: what the token records is credited to it, and what it reads
    /// is only what came in under it.
    pub source: String,
    pub created_at: NaiveDateTime,
    pub created_by: Option<i64>,
    pub revoked_at: Option<NaiveDateTime>,
    pub last_used_at: Option<NaiveDateTime>,
}

/// Issues a token (its hash is what is kept), audited; `staff_id` is the admin who did, or none
/// at the command line.
pub fn issue(
    conn: &mut DbConnection,
    name: &str,
    source: &str,
    token_hash: &str,
    staff_id: Option<i64>,
    actor: &Actor,
) -> QueryResult<i64> {
    conn.transaction(|conn| {
        let id: i64 = diesel::insert_into(api_tokens::table)
            .values((
                api_tokens::name.eq(name),
                api_tokens::source.eq(source),
                api_tokens::token_hash.eq(token_hash),
                api_tokens::created_at.eq(now()),
                api_tokens::created_by.eq(staff_id),
            ))
            .returning(api_tokens::id)
            .get_result(conn)?;
        audit::record(
            conn,
            &audit::Entry {
                actor,
                action: Action::ApiTokenIssue,
                petition_id: None,
                details: serde_json::json!({ "token": id, "name": name, "source": source }),
                row_count: 1,
            },
        )?;
        Ok(id)
    })
}

/// Every token, newest first.
pub fn list(conn: &mut DbConnection) -> QueryResult<Vec<ApiToken>> {
    api_tokens::table
        .order(api_tokens::id.desc())
        .select(ApiToken::as_select())
        .load(conn)
}

/// Revokes a token, audited; `false` if there is no such token still in use.
pub fn revoke(conn: &mut DbConnection, id: i64, actor: &Actor) -> QueryResult<bool> {
    conn.transaction(|conn| {
        let n = diesel::update(
            api_tokens::table
                .find(id)
                .filter(api_tokens::revoked_at.is_null()),
        )
        .set(api_tokens::revoked_at.eq(Some(now())))
        .execute(conn)?;
        if n == 1 {
            audit::record(
                conn,
                &audit::Entry {
                    actor,
                    action: Action::ApiTokenRevoke,
                    petition_id: None,
                    details: serde_json::json!({ "token": id }),
                    row_count: 1,
                },
            )?;
        }
        Ok(n == 1)
    })
}

/// The token with this hash, if it is still in use.
pub fn in_use(conn: &mut DbConnection, token_hash: &str) -> QueryResult<Option<ApiToken>> {
    api_tokens::table
        .filter(api_tokens::token_hash.eq(token_hash))
        .filter(api_tokens::revoked_at.is_null())
        .select(ApiToken::as_select())
        .first(conn)
        .optional()
}

/// How stale a token's "last used" may get before a request notes it again: a partner's sync
/// makes many requests a minute, and each need not be a write.
pub const USE_NOTED_EVERY: chrono::TimeDelta = chrono::TimeDelta::minutes(5);

impl ApiToken {
    /// Whether its last use is older than `USE_NOTED_EVERY` (or never noted).
    pub fn use_is_stale(&self) -> bool {
        self.last_used_at
            .is_none_or(|at| now() - at > USE_NOTED_EVERY)
    }
}

/// Notes that a token was used now.
pub fn note_use(conn: &mut DbConnection, id: i64) -> QueryResult<()> {
    diesel::update(api_tokens::table.find(id))
        .set(api_tokens::last_used_at.eq(Some(now())))
        .execute(conn)
        .map(|_| ())
}

/// A counted signature as a partner reads it.
#[derive(Debug, Clone)]
pub struct PartnerSignature {
    pub id: i64,
    /// Sealed; opened only where `show_name` is true.
    pub name: String,
    pub show_name: bool,
    pub state_code: String,
    pub pc_id: String,
    pub confirmed_at: Option<NaiveDateTime>,
}

/// One page of the counted signatures on a petition that came in under `source`, oldest first,
/// and how many there are in all; the read is audited under the token.
pub fn partner_signatures(
    conn: &mut DbConnection,
    token: &ApiToken,
    petition_id: i64,
    page: i64,
    per_page: i64,
) -> QueryResult<(Vec<PartnerSignature>, i64)> {
    use super::signatures::counts;
    let mine = || {
        signatures::table
            .filter(signatures::petition_id.eq(petition_id))
            .filter(signatures::source.eq(token.source.clone()))
            .filter(counts())
    };
    let total: i64 = mine().count().get_result(conn)?;
    type Row = (i64, String, bool, String, String, Option<NaiveDateTime>);
    let rows: Vec<Row> = mine()
        .order(signatures::id)
        .offset((page.max(1) - 1) * per_page)
        .limit(per_page)
        .select((
            signatures::id,
            signatures::name,
            signatures::show_name,
            signatures::state_code,
            signatures::pc_id,
            signatures::confirmed_at,
        ))
        .load(conn)?;
    audit::record(
        conn,
        &audit::Entry {
            actor: &Actor::api_token(token.id),
            action: Action::ApiSignaturesRead,
            petition_id: Some(petition_id),
            details: serde_json::json!({ "source": token.source, "page": page }),
            row_count: rows.len() as i64,
        },
    )?;
    let out = rows
        .into_iter()
        .map(
            |(id, name, show_name, state_code, pc_id, confirmed_at)| PartnerSignature {
                id,
                name,
                show_name,
                state_code,
                pc_id,
                confirmed_at,
            },
        )
        .collect();
    Ok((out, total))
}
