//! The audit log: every export of personal data, written in the same breath as the export.

use diesel::prelude::*;

use super::schema::audit_log;
use super::{DbConnection, now};

/// What was done, as the audit log names it (stored as text, `code`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    PetitionApprove,
    PetitionReject,
    PetitionChanges,
    PetitionHide,
    /// Staff put a petition on the home page's lead, or took it off.
    PetitionFeature,
    UpdateWrite,
    UpdateApprove,
    UpdateReject,
    UserRole,
    ExportSignatures,
    ExportCounts,
    DeliverPack,
    DeliverPacks,
    DeliverPacksZip,
    DeliverSend,
    DeliverSendDryRun,
    DeliverRetry,
    RecipientEdit,
    RepresentativeEdit,
    LetterEdit,
    ImportRepresentatives,
    RuleAdd,
    RuleRemove,
    SignaturesRelease,
    Invalidate,
    InvalidationCancel,
    ImportDisposableDomains,
    AddressLookup,
    /// A signer, through their "manage my signature" link.
    SignerLinkSent,
    SignerWithdraw,
    SignerConsents,
    SignerDownload,
    SignerErase,
    /// The worker: a petition's signers anonymised, `RETENTION_DAYS` after it closed.
    RetentionAnonymise,
    /// Staff: what is held for one address, and the answer to a privacy request.
    PrivacyLookup,
    PrivacyAnswer,
    /// A campaigner: their account's data downloaded, their account deleted.
    AccountDownload,
    AccountDelete,
    /// Rows sealed again under the current data key.
    KeysRotate,
    /// Staff: a member's or a ministry's response recorded, a petition's thresholds changed.
    ResponseRecord,
    ThresholdEdit,
    /// Admins: an API token issued to a partner group's system, or revoked; what a token read.
    ApiTokenIssue,
    ApiTokenRevoke,
    ApiSignaturesRead,
}

impl Action {
    pub fn code(self) -> &'static str {
        match self {
            Action::PetitionApprove => "petition.approve",
            Action::PetitionReject => "petition.reject",
            Action::PetitionChanges => "petition.changes",
            Action::PetitionHide => "petition.hide",
            Action::PetitionFeature => "petition.feature",
            Action::UpdateWrite => "update.write",
            Action::UpdateApprove => "update.approve",
            Action::UpdateReject => "update.reject",
            Action::UserRole => "user.role",
            Action::ExportSignatures => "export signatures",
            Action::ExportCounts => "export counts",
            Action::DeliverPack => "deliver pack",
            Action::DeliverPacks => "deliver packs",
            Action::DeliverPacksZip => "deliver packs (zip)",
            Action::DeliverSend => "deliver send",
            Action::DeliverSendDryRun => "deliver send (dry run)",
            Action::DeliverRetry => "deliver retry",
            Action::RecipientEdit => "recipient.edit",
            Action::RepresentativeEdit => "representative.edit",
            Action::LetterEdit => "letter.edit",
            Action::ImportRepresentatives => "import representatives",
            Action::RuleAdd => "rule.add",
            Action::RuleRemove => "rule.remove",
            Action::SignaturesRelease => "signatures.release",
            Action::Invalidate => "signatures.invalidate",
            Action::InvalidationCancel => "invalidation.cancel",
            Action::ImportDisposableDomains => "import disposable domains",
            Action::AddressLookup => "signatures.lookup",
            Action::SignerLinkSent => "signer.link",
            Action::SignerWithdraw => "signer.withdraw",
            Action::SignerConsents => "signer.consents",
            Action::SignerDownload => "signer.download",
            Action::SignerErase => "signer.erase",
            Action::RetentionAnonymise => "retention.anonymise",
            Action::PrivacyLookup => "privacy.lookup",
            Action::PrivacyAnswer => "privacy.answer",
            Action::AccountDownload => "account.download",
            Action::AccountDelete => "account.delete",
            Action::KeysRotate => "keys.rotate",
            Action::ResponseRecord => "response.record",
            Action::ThresholdEdit => "threshold.edit",
            Action::ApiTokenIssue => "api-token.issue",
            Action::ApiTokenRevoke => "api-token.revoke",
            Action::ApiSignaturesRead => "api.signatures.read",
        }
    }
}

/// Who did it: a member of staff (by id, so the log holds no email address) or someone at the
/// command line (by their login name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor(String);

impl Actor {
    pub fn user(id: i64) -> Actor {
        Actor(format!("user:{id}"))
    }

    pub fn command_line(login: &str) -> Actor {
        Actor(format!("command line ({login})"))
    }

    /// A signer acting through their link: named by nothing that identifies them.
    pub fn signer() -> Actor {
        Actor("signer".to_string())
    }

    /// A partner group's system, by its API token's id.
    pub fn api_token(id: i64) -> Actor {
        Actor(format!("api-token:{id}"))
    }

    /// The worker's own jobs (retention, sealing).
    pub fn worker() -> Actor {
        Actor("worker".to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

pub struct Entry<'a> {
    pub actor: &'a Actor,
    pub action: Action,
    pub petition_id: Option<i64>,
    /// The filters and options, as JSON.
    pub details: serde_json::Value,
    pub row_count: i64,
}

/// The row count of an export noted as it starts; `finished` puts the real count in its place,
/// so an entry still showing this is an export that broke off.
pub const UNFINISHED: i64 = -1;

pub fn record(conn: &mut DbConnection, e: &Entry<'_>) -> QueryResult<()> {
    record_returning(conn, e).map(|_| ())
}

/// Records and returns the entry's id (to say later how an export ended).
pub fn record_returning(conn: &mut DbConnection, e: &Entry<'_>) -> QueryResult<i64> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::at.eq(now()),
            audit_log::actor.eq(e.actor.as_str()),
            audit_log::action.eq(e.action.code()),
            audit_log::petition_id.eq(e.petition_id),
            audit_log::details.eq(e.details.to_string()),
            audit_log::row_count.eq(e.row_count),
        ))
        .returning(audit_log::id)
        .get_result(conn)
}

/// An export noted at its start ran to its end with `rows` rows.
pub fn finished(conn: &mut DbConnection, id: i64, rows: i64) -> QueryResult<()> {
    diesel::update(
        audit_log::table
            .find(id)
            .filter(audit_log::row_count.eq(UNFINISHED)),
    )
    .set(audit_log::row_count.eq(rows))
    .execute(conn)?;
    Ok(())
}

/// One staff action on one thing (a decision, an edit): the common case of `record`.
pub fn note(
    conn: &mut DbConnection,
    actor: &Actor,
    action: Action,
    petition_id: Option<i64>,
    details: serde_json::Value,
) -> QueryResult<()> {
    record(
        conn,
        &Entry {
            actor,
            action,
            petition_id,
            details,
            row_count: 1,
        },
    )
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct Logged {
    pub id: i64,
    pub at: chrono::NaiveDateTime,
    pub actor: String,
    pub action: String,
    pub petition_id: Option<i64>,
    pub details: String,
    pub row_count: i64,
}

/// The log, newest first, a page at a time (`before` an id).
pub fn list(conn: &mut DbConnection, before: Option<i64>, limit: i64) -> QueryResult<Vec<Logged>> {
    let mut q = audit_log::table
        .select(Logged::as_select())
        .order(audit_log::id.desc())
        .into_boxed();
    if let Some(b) = before {
        q = q.filter(audit_log::id.lt(b));
    }
    q.limit(limit).load(conn)
}
