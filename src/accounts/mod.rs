//! Accounts: who may do what. Every account is a campaigner; staff are moderators or admins.

pub mod password;

use crate::db::outbox::MailKind;
use crate::db::users::{self, Purpose};
use crate::db::{DbConnection, outbox};
use crate::domain::EmailAddress;
use crate::i18n::Lang;

/// How long a link to choose a new password works.
pub const RESET_VALID_HOURS: i64 = 1;
/// How long the link that confirms a new account's address works.
pub const CONFIRM_VALID_HOURS: i64 = 48;

/// A sign-up as the form gave it, every field checked.
pub struct NewAccount {
    pub email: EmailAddress,
    pub name: crate::domain::SignerName,
    pub password_hash: String,
    pub lang: Lang,
    /// Where the campaigner was going when they signed up (a path on this site, checked): the
    /// confirmation link takes them there.
    pub next: Option<String>,
}

/// Opens a campaigner's account and emails its address a link to confirm it; if the address
/// has an account already, its owner is told so instead (the page says the same either way).
/// Either email only while the address is under the day's cap.
pub fn sign_up(
    c: &mut DbConnection,
    keys: &crate::seal::Keys,
    new: &NewAccount,
    base_url: &str,
) -> diesel::QueryResult<()> {
    use diesel::Connection;
    c.transaction(|c| {
        let to = new.email.as_str();
        let created = users::create(
            c,
            to,
            new.name.as_str(),
            Some(&new.password_hash),
            Role::Campaigner,
            new.lang.code(),
        )?;
        // Whoever typed the address, its owner gets at most a few of these a day.
        if !under_mail_cap(c, keys, to)? {
            return Ok(());
        }
        let mail = match created {
            Some(id) => {
                let token = crate::tokens::new_token();
                users::add_token(
                    c,
                    id,
                    &token.hash,
                    Purpose::Confirm,
                    chrono::Duration::hours(CONFIRM_VALID_HOURS),
                )?;
                let mut link = format!("{base_url}/account/confirm/{}", token.plain);
                if let Some(next) = &new.next {
                    link.push_str("?next=");
                    link.push_str(&crate::views::layout::urlencode(next));
                }
                let head = crate::views::email::To::new(new.lang, base_url);
                crate::views::email::account_confirm(&head, new.name.as_str(), &link)
                    .outbox(MailKind::AccountConfirm, to)
            }
            None => crate::views::email::account_exists(
                &crate::views::email::To::new(new.lang, base_url),
                &format!("{base_url}/account/login"),
                &format!("{base_url}/account/password-reset"),
            )
            .outbox(MailKind::AccountExists, to),
        };
        outbox::enqueue(c, keys, &mail)
    })
}

/// The link in the sign-up email: spends it and confirms the address; the account, or `None`
/// for a link spent, expired or unknown.
pub fn confirm_address(
    c: &mut DbConnection,
    token_hash: &str,
) -> diesel::QueryResult<Option<users::User>> {
    use diesel::Connection;
    c.transaction(|c| {
        let Some(user) = users::token_owner(c, token_hash, Purpose::Confirm)? else {
            return Ok(None);
        };
        users::use_token(c, token_hash, Purpose::Confirm)?;
        users::confirm_email(c, user.id)?;
        users::find(c, user.id)
    })
}

/// An admin gives an account a role, noted in the audit log; `false` if there is no such
/// account.
pub fn set_role(
    c: &mut DbConnection,
    id: i64,
    role: Role,
    actor: &crate::db::audit::Actor,
) -> diesel::QueryResult<bool> {
    use diesel::Connection;
    c.transaction(|c| {
        if users::set_role(c, id, role)? != 1 {
            return Ok(false);
        }
        crate::db::audit::note(
            c,
            actor,
            crate::db::audit::Action::UserRole,
            None,
            serde_json::json!({ "user": id, "role": role.code() }),
        )?;
        Ok(true)
    })
}

/// A new password through a reset (or first-password) link: spends the link, sets the
/// password (which ends every session) and, since the link reached the inbox, confirms the
/// address. The account, or `None` if the link was spent meanwhile.
pub fn set_new_password(
    c: &mut DbConnection,
    token_hash: &str,
    user_id: i64,
    password_hash: &str,
) -> diesel::QueryResult<Option<users::User>> {
    use diesel::Connection;
    c.transaction(|c| {
        if !users::use_token(c, token_hash, Purpose::Password)? {
            return Ok(None);
        }
        users::set_password(c, user_id, password_hash)?;
        users::confirm_email(c, user_id)?;
        users::find(c, user_id)
    })
}

/// Emails about accounts (confirmations, "you already have an account", reset links) that any
/// one address gets in a day at most, however many strangers type it into our forms.
pub const ACCOUNT_MAILS_PER_DAY: i64 = 5;

/// Whether one more account email to `to` stays under the daily cap. The account's row is
/// taken first, so that requests at the same moment count one after the other.
pub fn under_mail_cap(
    c: &mut DbConnection,
    keys: &crate::seal::Keys,
    to: &str,
) -> diesel::QueryResult<bool> {
    users::lock_by_email(c, to)?;
    let since = crate::db::now() - chrono::Duration::days(1);
    Ok(outbox::recent_to(c, keys, to, &MailKind::ACCOUNT, since)? < ACCOUNT_MAILS_PER_DAY)
}

/// A request for a new password: if `email` has an account, and it has not had its share of
/// account emails today, a one-hour link goes to it. Nothing is said either way.
pub fn request_password_reset(
    c: &mut DbConnection,
    keys: &crate::seal::Keys,
    email: &EmailAddress,
    lang: Lang,
    base_url: &str,
) -> diesel::QueryResult<()> {
    use diesel::Connection;
    // A read, then writes: beside another process's writer SQLite refuses such a transaction
    // at once rather than wait, so it is tried again.
    crate::db::retry_locked(
        || {
            c.transaction(|c| {
                let Some(user) = users::find_by_email(c, email.as_str())? else {
                    return Ok(());
                };
                if !under_mail_cap(c, keys, &user.email)? {
                    return Ok(());
                }
                let token = crate::tokens::new_token();
                users::add_token(
                    c,
                    user.id,
                    &token.hash,
                    Purpose::Password,
                    chrono::Duration::hours(RESET_VALID_HOURS),
                )?;
                let link = format!("{base_url}/account/password-reset/{}", token.plain);
                let user_lang = Lang::parse(&user.lang).unwrap_or(lang);
                let mail = crate::views::email::password_reset(
                    &crate::views::email::To::new(user_lang, base_url),
                    &link,
                    RESET_VALID_HOURS,
                );
                outbox::enqueue(c, keys, &mail.outbox(MailKind::PasswordReset, &user.email))
            })
        },
        crate::db::is_locked,
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Campaigner,
    Moderator,
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Campaigner, Role::Moderator, Role::Admin];

    pub fn code(self) -> &'static str {
        match self {
            Role::Campaigner => "campaigner",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == s.trim())
    }

    /// Moderators and admins.
    pub fn is_staff(self) -> bool {
        self >= Role::Moderator
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_ordered_by_power() {
        assert!(Role::Admin > Role::Moderator && Role::Moderator > Role::Campaigner);
        assert!(Role::Moderator.is_staff() && !Role::Campaigner.is_staff());
        assert_eq!(Role::parse("admin"), Some(Role::Admin));
        assert_eq!(Role::parse("root"), None);
    }
}

/// `hastakshar admin create`: the account for `email` gets `role` (created if need be, an
/// existing one promoted), and a one-time link to set its password, valid for three days.
pub mod admin {
    use diesel::Connection;

    use super::Role;
    use crate::db::{DbConnection, audit, users};
    use crate::domain::EmailAddress;

    #[derive(Debug, thiserror::Error)]
    pub enum AdminError {
        #[error("--email: {0:?} is not an email address")]
        BadEmail(String),
        #[error(transparent)]
        Db(#[from] diesel::result::Error),
    }

    pub const LINK_VALID_HOURS: i64 = 72;

    pub fn create(
        conn: &mut DbConnection,
        email: &str,
        role: Role,
        base_url: &str,
        actor: &crate::db::audit::Actor,
    ) -> Result<String, AdminError> {
        let email = EmailAddress::parse(email).map_err(|_| AdminError::BadEmail(email.into()))?;
        let token = crate::tokens::new_token();
        // Beside a running server on SQLite this read-then-write transaction may be refused
        // at once; it is then tried again.
        crate::db::retry_locked(
            || {
                conn.transaction(|c| {
            let user = match users::find_by_email(c, email.as_str())? {
                Some(u) => {
                    // Whoever opened this account may not be whoever owns the inbox (anyone can
                    // sign up with any address): its password and sessions end here, and only
                    // the link below, sent to the operator, sets a new one.
                    users::void_credentials(c, u.id)?;
                    u
                }
                None => {
                    let name = email
                        .as_str()
                        .split('@')
                        .next()
                        .unwrap_or("staff")
                        .to_string();
                    users::create(c, email.as_str(), &name, None, role, "en")?;
                    users::find_by_email(c, email.as_str())?
                        .ok_or(diesel::result::Error::NotFound)?
                }
            };
            if user.role() < role {
                users::set_role(c, user.id, role)?;
            }
            users::add_token(
                c,
                user.id,
                &token.hash,
                users::Purpose::Password,
                chrono::Duration::hours(LINK_VALID_HOURS),
            )?;
            audit::note(
                c,
                actor,
                crate::db::audit::Action::UserRole,
                None,
                serde_json::json!({ "user": user.id, "role": role.code(), "via": "admin create" }),
            )?;
            Ok::<_, AdminError>(())
        })
            },
            |e| matches!(e, AdminError::Db(d) if crate::db::is_locked(d)),
        )?;
        Ok(format!("{base_url}/account/password-reset/{}", token.plain))
    }
}
