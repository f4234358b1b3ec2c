//! Who the packs go to, as staff keep them: ministries' and members' names and addresses.
//! Each edit is noted in the audit log in the same transaction.

use diesel::{Connection, QueryResult};

use super::Member;
use crate::db::{DbConnection, audit, delivery as store};

/// A ministry's details as staff typed them (checked).
pub struct Edit {
    pub name: String,
    pub email: Option<String>,
    pub postal_address: Option<String>,
}

/// `false` if there is no such ministry (or other recipient).
pub fn edit_ministry(
    c: &mut DbConnection,
    id: i64,
    e: &Edit,
    actor: &crate::db::audit::Actor,
) -> QueryResult<bool> {
    c.transaction(|c| {
        let found = store::edit_recipient(
            c,
            id,
            &e.name,
            e.email.as_deref(),
            e.postal_address.as_deref(),
        )?;
        if found {
            audit::note(
                c,
                actor,
                crate::db::audit::Action::RecipientEdit,
                None,
                serde_json::json!({ "recipient": id }),
            )?;
        }
        Ok(found)
    })
}

/// A constituency's member, replacing whoever was there.
pub fn edit_member(
    c: &mut DbConnection,
    pc_id: &str,
    m: &Member,
    actor: &crate::db::audit::Actor,
) -> QueryResult<()> {
    c.transaction(|c| {
        store::put_member(c, pc_id, m)?;
        audit::note(
            c,
            actor,
            crate::db::audit::Action::RepresentativeEdit,
            None,
            serde_json::json!({ "pc_id": pc_id }),
        )
    })
}
