//! Moderators' decisions: on a petition (approve, ask for changes, reject, hide) and on an
//! update. Each is one transaction with its audit note and the creator's email.

use diesel::Connection;
use diesel::QueryResult;

use crate::db::DbConnection;
use crate::db::audit::{self, Action};
use crate::db::campaigns::{self as store, Decision};
use crate::db::petitions::Petition;
use crate::db::updates;
use crate::db::users::User;
use crate::i18n::Lang;

/// A decision as a moderator made it, its fields checked.
pub struct Decided {
    pub petition_id: i64,
    pub decision: Decision,
    /// The reason code of a rejection.
    pub reason: Option<String>,
    pub message: String,
}

/// Moves the petition, notes it in the audit log and tells its creator; `None` (and nothing
/// written) if the petition is no longer in a state the decision applies to (someone decided
/// first).
pub fn decide(
    c: &mut DbConnection,
    keys: &crate::seal::Keys,
    d: &Decided,
    moderator: &User,
    base_url: &str,
) -> QueryResult<Option<Petition>> {
    c.transaction(|c| {
        let reason = d.reason.as_deref();
        let Some(p) = store::decide(c, d.petition_id, d.decision, reason, &d.message)? else {
            return Ok(None);
        };
        audit::note(
            c,
            &moderator.actor(),
            match d.decision {
                Decision::Approve => Action::PetitionApprove,
                Decision::Reject => Action::PetitionReject,
                Decision::Changes => Action::PetitionChanges,
                Decision::Hide => Action::PetitionHide,
            },
            Some(d.petition_id),
            serde_json::json!({ "reason": reason, "message": d.message }),
        )?;
        let event = match d.decision {
            Decision::Approve => "approved",
            Decision::Reject => "rejected",
            Decision::Changes => "changes",
            Decision::Hide => "hidden",
        };
        let reason_text = reason.map(|r| Lang::En.t(&format!("reason-{r}")));
        let note = match (reason_text, d.message.is_empty()) {
            (Some(r), false) => format!("{r}\n{}", d.message),
            (Some(r), true) => r,
            (None, _) => d.message.clone(),
        };
        crate::campaigns::notify_creator(c, keys, &p, event, base_url, Some(&note))?;
        Ok(Some(p))
    })
}

/// Approves or rejects an update, noted in the audit log; `None` if it was decided already.
pub fn decide_update(
    c: &mut DbConnection,
    id: i64,
    approve: bool,
    moderator: &User,
) -> QueryResult<Option<updates::Update>> {
    c.transaction(|c| {
        let Some(u) = updates::decide(c, id, approve, moderator.id)? else {
            return Ok(None);
        };
        let action = if approve {
            Action::UpdateApprove
        } else {
            Action::UpdateReject
        };
        audit::note(
            c,
            &moderator.actor(),
            action,
            Some(u.petition_id),
            serde_json::json!({ "update": u.id }),
        )?;
        Ok(Some(u))
    })
}
