//! Accounts: who may do what. Every account is a campaigner; staff are moderators or admins.

pub mod password;

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
        actor: &str,
    ) -> Result<String, AdminError> {
        let email = EmailAddress::parse(email).map_err(|_| AdminError::BadEmail(email.into()))?;
        let token = crate::tokens::new_token();
        // Beside a running server on SQLite this read-then-write transaction may be refused
        // at once; it is then tried again.
        crate::db::retry_locked(
            || {
                conn.transaction(|c| {
            let user = match users::find_by_email(c, email.as_str())? {
                Some(u) => u,
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
                "user.role",
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
