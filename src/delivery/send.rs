//! Sending packs: each recipient with an email address gets their pack attached to an email in
//! the outbox, and a delivery row that points at it, so its state (queued, sent, failed with the
//! error) is the outbox row's and a failed one can be retried. A preview and a dry run come
//! first; a recipient already sent (or queued) is not sent again.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{DeliveryError, Plan};
use crate::db::outbox;
use crate::db::schema::{deliveries, outbox as outbox_table, recipients};
use crate::db::{DbConnection, audit, now};

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
        let email: Option<String> = recipients::table
            .find(r.id)
            .select(recipients::email)
            .first::<Option<String>>(conn)?
            .filter(|e| !e.trim().is_empty());
        out.push(Target {
            kind: Kind::Ministry { recipient_id: r.id },
            name: r.name.clone(),
            email,
            signatures: plan.national,
        });
    }
    Ok(out)
}

/// A delivery as staff follow it.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub id: i64,
    pub recipient_kind: String,
    pub pc_id: Option<String>,
    pub recipient_id: Option<i64>,
    pub recipient_name: String,
    pub email: String,
    pub signatures: i64,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    pub failed_at: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub attempts: i32,
}

impl Delivery {
    pub fn state(&self) -> &'static str {
        match (self.sent_at, self.failed_at) {
            (Some(_), _) => "sent",
            (None, Some(_)) => "failed",
            (None, None) => "queued",
        }
    }

    fn is_for(&self, t: &Target) -> bool {
        match &t.kind {
            Kind::Member { pc_id } => self.pc_id.as_deref() == Some(pc_id.as_str()),
            Kind::Ministry { recipient_id } => self.recipient_id == Some(*recipient_id),
        }
    }
}

type ListRow = (
    (
        i64,
        String,
        Option<String>,
        Option<i64>,
        String,
        String,
        i64,
        NaiveDateTime,
    ),
    (
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
        Option<String>,
        i32,
    ),
);

pub fn list(conn: &mut DbConnection, petition_id: i64) -> QueryResult<Vec<Delivery>> {
    let rows: Vec<ListRow> = deliveries::table
        .inner_join(outbox_table::table)
        .filter(deliveries::petition_id.eq(petition_id))
        .order(deliveries::id)
        .select((
            (
                deliveries::id,
                deliveries::recipient_kind,
                deliveries::pc_id,
                deliveries::recipient_id,
                deliveries::recipient_name,
                deliveries::email,
                deliveries::signatures,
                deliveries::created_at,
            ),
            (
                outbox_table::sent_at,
                outbox_table::failed_at,
                outbox_table::last_error,
                outbox_table::attempts,
            ),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(
                (id, kind, pc_id, recipient_id, name, email, signatures, created_at),
                (sent_at, failed_at, last_error, attempts),
            )| Delivery {
                id,
                recipient_kind: kind,
                pc_id,
                recipient_id,
                recipient_name: name,
                email,
                signatures,
                created_at,
                sent_at,
                failed_at,
                last_error,
                attempts,
            },
        )
        .collect())
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
    let existing = list(conn, plan.petition.id())?;
    let mut p = Preview::default();
    for t in targets(conn, plan)? {
        if existing
            .iter()
            .any(|d| d.is_for(&t) && d.state() != "failed")
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

/// Queues a pack for every recipient in the preview's `to_send`; returns how many. With
/// `dry_run` nothing is written but the audit entry, and the count is what would be queued.
pub fn send(
    conn: &mut DbConnection,
    plan: &Plan,
    actor: &str,
    dry_run: bool,
    base_url: &str,
) -> Result<usize, DeliveryError> {
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
                    format!("{pc_id}.pdf"),
                ),
                Kind::Ministry { .. } => {
                    if ministry_pack.is_none() {
                        ministry_pack = Some(super::ministry_pack(conn, plan)?);
                    }
                    (
                        ministry_pack.clone().unwrap_or_default(),
                        "ministry.pdf".to_string(),
                    )
                }
            };
            let mail = crate::views::email::pack(
                plan.lang,
                &t.name,
                &plan.petition.text(plan.lang).title,
                t.signatures,
                &format!("{base_url}/petitions/{}", plan.petition.id()),
            );
            let row = mail.outbox("delivery_pack", email);
            conn.transaction(|c| {
                let outbox_id = outbox::enqueue_returning(c, &row)?;
                outbox::attach(c, outbox_id, &filename, "application/pdf", &bytes)?;
                let (kind, pc_id, recipient_id) = match &t.kind {
                    Kind::Member { pc_id } => ("member", Some(pc_id.clone()), None),
                    Kind::Ministry { recipient_id } => ("ministry", None, Some(*recipient_id)),
                };
                diesel::insert_into(deliveries::table)
                    .values((
                        deliveries::petition_id.eq(plan.petition.id()),
                        deliveries::recipient_kind.eq(kind),
                        deliveries::pc_id.eq(pc_id),
                        deliveries::recipient_id.eq(recipient_id),
                        deliveries::recipient_name.eq(&t.name),
                        deliveries::email.eq(email),
                        deliveries::signatures.eq(t.signatures),
                        deliveries::outbox_id.eq(outbox_id),
                        deliveries::created_at.eq(now()),
                        deliveries::created_by.eq(actor),
                    ))
                    .execute(c)?;
                Ok::<_, diesel::result::Error>(())
            })?;
            queued += 1;
        }
    }
    audit::record(
        conn,
        &audit::Entry {
            actor,
            action: if dry_run {
                "deliver send (dry run)"
            } else {
                "deliver send"
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
    Ok(if dry_run {
        preview.to_send.len()
    } else {
        queued
    })
}

/// Tries a failed delivery again; `false` if it is not failed.
pub fn retry(conn: &mut DbConnection, petition_id: i64, delivery_id: i64) -> QueryResult<bool> {
    let outbox_id: Option<i64> = deliveries::table
        .filter(deliveries::id.eq(delivery_id))
        .filter(deliveries::petition_id.eq(petition_id))
        .select(deliveries::outbox_id)
        .first(conn)
        .optional()?;
    let Some(outbox_id) = outbox_id else {
        return Ok(false);
    };
    let n = diesel::update(
        outbox_table::table
            .filter(outbox_table::id.eq(outbox_id))
            .filter(outbox_table::failed_at.is_not_null())
            .filter(outbox_table::sent_at.is_null()),
    )
    .set((
        outbox_table::failed_at.eq(None::<NaiveDateTime>),
        outbox_table::attempts.eq(0),
        outbox_table::next_attempt_at.eq(now()),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// For the petition page: how many members and whether a ministry have received their packs,
/// and when the last one went.
pub fn delivered(
    conn: &mut DbConnection,
    petition_id: i64,
) -> QueryResult<Option<(i64, bool, NaiveDateTime)>> {
    // One small aggregate: this runs each time the petition page is rendered.
    let sent: Vec<(String, i64, Option<NaiveDateTime>)> = deliveries::table
        .inner_join(outbox_table::table)
        .filter(deliveries::petition_id.eq(petition_id))
        .filter(outbox_table::sent_at.is_not_null())
        .group_by(deliveries::recipient_kind)
        .select((
            deliveries::recipient_kind,
            diesel::dsl::count_star(),
            diesel::dsl::max(outbox_table::sent_at),
        ))
        .load(conn)?;
    let Some(last) = sent.iter().filter_map(|(_, _, at)| *at).max() else {
        return Ok(None);
    };
    let members = sent
        .iter()
        .find(|(kind, _, _)| kind == "member")
        .map_or(0, |(_, n, _)| *n);
    let ministry = sent.iter().any(|(kind, _, _)| kind == "ministry");
    Ok(Some((members, ministry, last)))
}
