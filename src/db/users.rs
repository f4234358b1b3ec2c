//! Accounts and the single-use links emailed to their owners.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{user_tokens, users};
use super::{DbConnection, now};
use crate::accounts::Role;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub password_hash: Option<String>,
    pub role: String,
    pub email_confirmed_at: Option<NaiveDateTime>,
    pub session_epoch: i32,
    pub lang: String,
    pub created_at: NaiveDateTime,
}

impl User {
    pub fn role(&self) -> Role {
        Role::parse(&self.role).unwrap_or(Role::Campaigner)
    }

    pub fn confirmed(&self) -> bool {
        self.email_confirmed_at.is_some()
    }

    /// How the audit log names this person (an id, so the log holds no email address).
    pub fn actor(&self) -> super::audit::Actor {
        super::audit::Actor::user(self.id)
    }
}

pub fn find(conn: &mut DbConnection, id: i64) -> QueryResult<Option<User>> {
    users::table
        .find(id)
        .select(User::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_email(conn: &mut DbConnection, email: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::email.eq(email))
        .select(User::as_select())
        .first(conn)
        .optional()
}

/// A new campaigner; `None` if the address has an account already (nothing is written then).
pub fn create(
    conn: &mut DbConnection,
    email: &str,
    name: &str,
    password_hash: Option<&str>,
    role: Role,
    lang: &str,
) -> QueryResult<Option<i64>> {
    crate::each_backend!(conn, c => diesel::insert_into(users::table)
        .values((
            users::email.eq(email),
            users::name.eq(name),
            users::password_hash.eq(password_hash),
            users::role.eq(role.code()),
            users::lang.eq(lang),
            users::created_at.eq(now()),
        ))
        .on_conflict_do_nothing()
        .returning(users::id)
        .get_result::<i64>(c)
        .optional())
}

pub fn set_role(conn: &mut DbConnection, id: i64, role: Role) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set(users::role.eq(role.code()))
        .execute(conn)
}

/// A new password; every session issued before it ends.
pub fn set_password(conn: &mut DbConnection, id: i64, hash: &str) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(Some(hash)),
            users::session_epoch.eq(users::session_epoch + 1),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn confirm_email(conn: &mut DbConnection, id: i64) -> QueryResult<()> {
    diesel::update(
        users::table
            .find(id)
            .filter(users::email_confirmed_at.is_null()),
    )
    .set(users::email_confirmed_at.eq(Some(now())))
    .execute(conn)?;
    Ok(())
}

/// Made staff by the operator: whatever password the account had and every session it had are
/// void, so only the holder of the one-time link (the inbox's owner) can use the new role.
pub fn void_credentials(conn: &mut DbConnection, id: i64) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(None::<String>),
            users::session_epoch.eq(users::session_epoch + 1),
        ))
        .execute(conn)?;
    Ok(())
}

/// Takes the account's row for the rest of the transaction, so that two transactions about the
/// same address (two requests for its emails at once) run one after the other.
pub fn lock_by_email(conn: &mut DbConnection, email: &str) -> QueryResult<()> {
    diesel::update(users::table.filter(users::email.eq(email)))
        .set(users::session_epoch.eq(users::session_epoch))
        .execute(conn)?;
    Ok(())
}

/// Ends every session of this account (logging out logs out everywhere).
pub fn end_sessions(conn: &mut DbConnection, id: i64) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set(users::session_epoch.eq(users::session_epoch + 1))
        .execute(conn)?;
    Ok(())
}

/// Accounts for the admins' list, staff first, optionally those whose address contains `q`.
pub fn list(conn: &mut DbConnection, q: &str, limit: i64) -> QueryResult<Vec<User>> {
    let mut query = users::table.select(User::as_select()).into_boxed();
    if !q.is_empty() {
        let pattern = format!("%{}%", q.to_lowercase().replace(['%', '_'], ""));
        query = query.filter(users::email.like(pattern));
    }
    query
        .order((users::role.asc(), users::id.asc()))
        .limit(limit)
        .load(conn)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Confirms the address an account was opened with.
    Confirm,
    /// Sets a password: a forgotten one, or the first one of an account staff created.
    Password,
    /// Deletes the account, confirmed from its inbox.
    Delete,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::Confirm => "confirm",
            Purpose::Password => "password",
            Purpose::Delete => "delete",
        }
    }
}

pub fn add_token(
    conn: &mut DbConnection,
    user_id: i64,
    token_hash: &str,
    purpose: Purpose,
    valid_for: chrono::Duration,
) -> QueryResult<()> {
    let t = now();
    diesel::insert_into(user_tokens::table)
        .values((
            user_tokens::token_hash.eq(token_hash),
            user_tokens::user_id.eq(user_id),
            user_tokens::purpose.eq(purpose.code()),
            user_tokens::created_at.eq(t),
            user_tokens::expires_at.eq(t + valid_for),
        ))
        .execute(conn)?;
    Ok(())
}

/// The account a live, unused token of this purpose belongs to.
pub fn token_owner(
    conn: &mut DbConnection,
    token_hash: &str,
    purpose: Purpose,
) -> QueryResult<Option<User>> {
    user_tokens::table
        .inner_join(users::table)
        .filter(user_tokens::token_hash.eq(token_hash))
        .filter(user_tokens::purpose.eq(purpose.code()))
        .filter(user_tokens::used_at.is_null())
        .filter(user_tokens::expires_at.gt(now()))
        .select(User::as_select())
        .first(conn)
        .optional()
}

/// Spends a token: `false` if it was spent, expired or unknown (so two uses race safely).
pub fn use_token(conn: &mut DbConnection, token_hash: &str, purpose: Purpose) -> QueryResult<bool> {
    let n = diesel::update(
        user_tokens::table
            .filter(user_tokens::token_hash.eq(token_hash))
            .filter(user_tokens::purpose.eq(purpose.code()))
            .filter(user_tokens::used_at.is_null())
            .filter(user_tokens::expires_at.gt(now())),
    )
    .set(user_tokens::used_at.eq(Some(now())))
    .execute(conn)?;
    Ok(n == 1)
}

/// The confirmed moderators and admins, who hear of spikes: (email, language).
pub fn moderators(conn: &mut DbConnection) -> QueryResult<Vec<(String, String)>> {
    users::table
        .filter(users::role.eq_any([Role::Moderator.code(), Role::Admin.code()]))
        .filter(users::email_confirmed_at.is_not_null())
        .order(users::id)
        .select((users::email, users::lang))
        .load(conn)
}

/// Deletes an account at its owner's request: its row stays for the petitions it started (which
/// remain, credited to no one by name), without a name, an address, a password or a session;
/// its tokens go. The address becomes a unique placeholder no mail can reach.
pub fn delete_account(conn: &mut DbConnection, id: i64) -> QueryResult<bool> {
    use diesel::Connection;
    conn.transaction(|c| {
        let n = diesel::update(users::table.find(id).filter(users::deleted_at.is_null()))
            .set((
                users::email.eq(format!("deleted-{id}@deleted.invalid")),
                users::name.eq(""),
                users::password_hash.eq(None::<String>),
                users::role.eq(Role::Campaigner.code()),
                users::session_epoch.eq(users::session_epoch + 1),
                users::deleted_at.eq(Some(now())),
            ))
            .execute(c)?;
        diesel::delete(user_tokens::table.filter(user_tokens::user_id.eq(id))).execute(c)?;
        Ok(n == 1)
    })
}
