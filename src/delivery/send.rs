//! Sending packs: each recipient with an email address gets their pack attached to an email in
//! the outbox, and a delivery row that points at it, so its state (queued, sent, failed with the
//! error) is the outbox row's and a failed one can be retried. A preview and a dry run come
//! first; a recipient already sent (or queued) is not sent again.

use diesel::{Connection, QueryResult};

use super::{DeliveryError, Plan};
pub use crate::db::delivery::{Delivery, delivered, list};
use crate::db::outbox;
use crate::db::{DbConnection, audit};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Member { pc_id: String },
    Ministry { recipient_id: i64 },
}

#[derive(Debug, Clone)]
pub struct Target {
    pub kind: Kind,
    pub name: String,
    pub email: Option<String>,
    pub signatures: i64,
}

/// Who would receive packs: the member of every constituency with a signer, and each ministry
/// the petition is addressed to.
pub fn targets(conn: &mut DbConnection, plan: &Plan) -> QueryResult<Vec<Target>> {
    let mut out = Vec::new();
    for pc in plan.constituencies(false) {
        let member = plan.members.get(&pc).cloned().unwrap_or_default();
        out.push(Target {
            signatures: plan.by_constituency.get(&pc).copied().unwrap_or(0),
            kind: Kind::Member { pc_id: pc },
            name: member.name,
            email: member.email,
        });
    }
    for r in plan
        .petition
        .recipients
        .iter()
        .filter(|r| r.kind == "ministry")
    {
        let email = crate::db::delivery::recipient_email(conn, r.id)?;
        out.push(Target {
            kind: Kind::Ministry { recipient_id: r.id },
            name: r.name.clone(),
            email,
            signatures: plan.national,
        });
    }
    Ok(out)
}

/// Whether a delivery went to this target.
fn is_for(d: &Delivery, t: &Target) -> bool {
    match &t.kind {
        Kind::Member { pc_id } => d.pc_id.as_deref() == Some(pc_id.as_str()),
        Kind::Ministry { recipient_id } => d.recipient_id == Some(*recipient_id),
    }
}

/// What a send would do, without doing it.
#[derive(Debug, Clone, Default)]
pub struct Preview {
    /// Recipients who would get a pack now.
    pub to_send: Vec<Target>,
    /// Recipients with no email address (their packs can be printed and posted).
    pub no_email: Vec<Target>,
    /// Recipients sent (or queued) already.
    pub done: Vec<Target>,
}

pub fn preview(conn: &mut DbConnection, plan: &Plan) -> QueryResult<Preview> {
    let existing = list(conn, &plan.keys, plan.petition.id())?;
    let mut p = Preview::default();
    for t in targets(conn, plan)? {
        if existing
            .iter()
            .any(|d| is_for(d, &t) && d.state() != "failed")
        {
            p.done.push(t);
        } else if t.email.is_some() {
            p.to_send.push(t);
        } else {
            p.no_email.push(t);
        }
    }
    Ok(p)
}

/// Queues a pack for every recipient in the preview's `to_send`; says how many, with the
/// preview. With `dry_run` nothing is written but the audit entry, and the count is what would
/// be queued.
pub fn send(
    conn: &mut DbConnection,
    plan: &Plan,
    actor: &crate::db::audit::Actor,
    dry_run: bool,
    base_url: &str,
) -> Result<Sent, DeliveryError> {
    let preview = preview(conn, plan)?;
    let mut queued = 0;
    // Every ministry gets the same pack: made once, when the first needs it.
    let mut ministry_pack: Option<Vec<u8>> = None;
    if !dry_run {
        for t in &preview.to_send {
            let Some(email) = &t.email else { continue };
            let (bytes, filename) = match &t.kind {
                Kind::Member { pc_id } => (
                    super::constituency_pack(conn, plan, pc_id)?,
                    super::pack_file(pc_id, plan.lang),
                ),
                Kind::Ministry { .. } => {
                    if ministry_pack.is_none() {
                        ministry_pack = Some(super::ministry_pack(conn, plan)?);
                    }
                    (
                        ministry_pack.clone().unwrap_or_default(),
                        super::pack_file("ministry", plan.lang),
                    )
                }
            };
            let mail = crate::views::email::pack(
                &crate::views::email::To::new(plan.lang, base_url),
                &t.name,
                &plan.petition.text(plan.lang).title,
                t.signatures,
                &format!(
                    "{base_url}{}",
                    plan.lang.url(&format!("/petitions/{}", plan.petition.id()))
                ),
            );
            let row = mail.outbox(crate::db::outbox::MailKind::DeliveryPack, email);
            conn.transaction(|c| {
                let outbox_id = outbox::enqueue_returning(c, &plan.keys, &row)?;
                outbox::attach(
                    c,
                    &plan.keys,
                    outbox_id,
                    &filename,
                    "application/pdf",
                    &bytes,
                )?;
                let (kind, pc_id, recipient_id) = match &t.kind {
                    Kind::Member { pc_id } => ("member", Some(pc_id.clone()), None),
                    Kind::Ministry { recipient_id } => ("ministry", None, Some(*recipient_id)),
                };
                crate::db::delivery::record(
                    c,
                    &crate::db::delivery::NewDelivery {
                        petition_id: plan.petition.id(),
                        kind,
                        pc_id,
                        recipient_id,
                        name: &t.name,
                        email,
                        signatures: t.signatures,
                        outbox_id,
                        actor: actor.as_str(),
                    },
                )
            })?;
            queued += 1;
        }
    }
    audit::record(
        conn,
        &audit::Entry {
            actor,
            action: if dry_run {
                audit::Action::DeliverSendDryRun
            } else {
                audit::Action::DeliverSend
            },
            petition_id: Some(plan.petition.id()),
            details: serde_json::json!({
                "lang": plan.lang.code(),
                "to_send": preview.to_send.len(),
                "no_email": preview.no_email.len(),
                "already": preview.done.len(),
            }),
            row_count: if dry_run {
                preview.to_send.len()
            } else {
                queued
            } as i64,
        },
    )?;
    Ok(Sent {
        packs: if dry_run {
            preview.to_send.len()
        } else {
            queued
        },
        preview,
    })
}

/// What `send` did: the packs queued (or, in a dry run, that would be), and the preview it
/// went by (who has no address, who was sent already).
pub struct Sent {
    pub packs: usize,
    pub preview: Preview,
}

/// Staff try a failed delivery again, noted in the audit log; `false` if it is not failed.
pub fn retry(
    conn: &mut DbConnection,
    petition_id: i64,
    delivery_id: i64,
    actor: &crate::db::audit::Actor,
) -> QueryResult<bool> {
    conn.transaction(|c| {
        if !crate::db::delivery::retry(c, petition_id, delivery_id)? {
            return Ok(false);
        }
        audit::note(
            c,
            actor,
            crate::db::audit::Action::DeliverRetry,
            Some(petition_id),
            serde_json::json!({ "delivery": delivery_id }),
        )?;
        Ok(true)
    })
}
