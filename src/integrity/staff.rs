//! What staff do about a wave, each in one transaction with its audit entry: rules added and
//! removed, invalidations made and cancelled, held signatures released, an address looked up.

use diesel::Connection;
use diesel::QueryResult;
use serde_json::json;

use super::rules::{Action, Matcher};
use crate::db::audit::{self, Action as Audit, Actor};
use crate::db::console::{self, Found};
use crate::db::integrity::{self as store, Criteria, NewRule};
use crate::db::{DbConnection, now};

pub fn add_rule(
    c: &mut DbConnection,
    m: &Matcher,
    action: Action,
    note: &str,
    actor: &Actor,
) -> QueryResult<i64> {
    c.transaction(|c| {
        let (scope, burst, sustained) = match m {
            Matcher::Rate {
                scope,
                burst,
                sustained,
            } => (Some(scope.code().to_string()), *burst, *sustained),
            _ => (None, None, None),
        };
        let id = store::add_rule(
            c,
            &NewRule {
                kind: m.kind().to_string(),
                scope: scope.clone(),
                value: m.value(),
                burst,
                sustained,
                action: action.code().to_string(),
                note: note.to_string(),
                created_at: now(),
                created_by: actor.as_str().to_string(),
            },
        )?;
        audit::note(
            c,
            actor,
            Audit::RuleAdd,
            None,
            json!({ "rule": id, "kind": m.kind(), "scope": scope, "value": m.value(),
                    "burst": burst, "sustained": sustained, "action": action.code(), "note": note }),
        )?;
        Ok(id)
    })
}

/// `false` if there was no such rule.
pub fn remove_rule(c: &mut DbConnection, id: i64, actor: &Actor) -> QueryResult<bool> {
    c.transaction(|c| {
        let Some(row) = store::remove_rule(c, id)? else {
            return Ok(false);
        };
        audit::note(
            c,
            actor,
            Audit::RuleRemove,
            None,
            json!({ "rule": id, "kind": row.kind, "scope": row.scope, "value": row.value,
                    "action": row.action, "hits": row.hits }),
        )?;
        Ok(true)
    })
}

/// Invalidates what `criteria` match on `petition`: the invalidation's id and how many it took,
/// or `None` when nothing matched (and nothing was written).
pub fn invalidate(
    c: &mut DbConnection,
    petition: i64,
    criteria: &Criteria,
    reason: &str,
    actor: &Actor,
) -> QueryResult<Option<(i64, i64)>> {
    c.transaction(|c| {
        let done = store::invalidate(c, petition, criteria, reason, actor.as_str())?;
        if let Some((id, n)) = done {
            audit::record(
                c,
                &audit::Entry {
                    actor,
                    action: Audit::Invalidate,
                    petition_id: Some(petition),
                    details: json!({ "invalidation": id, "criteria": criteria, "reason": reason }),
                    row_count: n,
                },
            )?;
        }
        Ok(done)
    })
}

/// Cancels invalidation `id`: how many signatures it gave back and its petition, or `None` if
/// there was nothing to cancel.
pub fn cancel(c: &mut DbConnection, id: i64, actor: &Actor) -> QueryResult<Option<(i64, i64)>> {
    c.transaction(|c| {
        let Some((inv, restored)) = store::cancel(c, id, actor.as_str())? else {
            return Ok(None);
        };
        audit::record(
            c,
            &audit::Entry {
                actor,
                action: Audit::InvalidationCancel,
                petition_id: Some(inv.petition_id),
                details: json!({ "invalidation": id }),
                row_count: restored,
            },
        )?;
        Ok(Some((inv.petition_id, restored)))
    })
}

pub fn release_held(c: &mut DbConnection, petition: i64, actor: &Actor) -> QueryResult<i64> {
    c.transaction(|c| {
        let n = store::release_held(c, petition)?;
        audit::record(
            c,
            &audit::Entry {
                actor,
                action: Audit::SignaturesRelease,
                petition_id: Some(petition),
                details: json!({}),
                row_count: n,
            },
        )?;
        Ok(n)
    })
}

/// One address's signature, for a support request; the lookup is audited (whether it found
/// one, never the address).
pub fn lookup(
    c: &mut DbConnection,
    petition: i64,
    forms: &[String],
    actor: &Actor,
) -> QueryResult<Option<Found>> {
    c.transaction(|c| {
        let found = console::lookup(c, petition, forms)?;
        audit::record(
            c,
            &audit::Entry {
                actor,
                action: Audit::AddressLookup,
                petition_id: Some(petition),
                details: json!({ "found": found.is_some() }),
                row_count: i64::from(found.is_some()),
            },
        )?;
        Ok(found)
    })
}

/// Replaces the imported disposable-domain list; how many domains it now holds.
pub fn import_domains(c: &mut DbConnection, list: &[String], actor: &Actor) -> QueryResult<usize> {
    c.transaction(|c| {
        let n = store::import_domains(c, list)?;
        audit::record(
            c,
            &audit::Entry {
                actor,
                action: Audit::ImportDisposableDomains,
                petition_id: None,
                details: json!({}),
                row_count: n as i64,
            },
        )?;
        Ok(n)
    })
}
