//! Retention: `RETENTION_DAYS` after a petition closes, its signers are anonymised (names,
//! addresses, PIN codes, fraud signals, tokens and consents erased; the counts by state and
//! constituency and the dates stay, so the petition page, the API and the record of delivery keep
//! their numbers), and emails that old keep only their kind and dates. The worker runs it;
//! every pass is idempotent and audited without any personal data.

use diesel::QueryResult;

use crate::db::{self, DbConnection, audit};

/// Signatures anonymised in one round at most, so that a big petition is done over several
/// rounds without holding the writer for long.
const ROUND: usize = 5_000;
const BATCH: i64 = 1_000;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Retained {
    /// Petitions whose signers are now all anonymised.
    pub petitions: usize,
    pub signatures: usize,
    /// Emails that lost their recipient.
    pub emails: usize,
}

/// One pass; `cursor` is where the forgetting of old emails' recipients goes on from (the
/// worker keeps it between passes).
pub fn run_once(conn: &mut DbConnection, days: i64, cursor: &mut i64) -> QueryResult<Retained> {
    let before = db::now() - chrono::Duration::days(days);
    let mut r = Retained::default();
    for petition in db::privacy::due_for_retention(conn, before)? {
        let mut n = 0;
        let finished = loop {
            let (k, done) = db::privacy::retain_batch(conn, petition, BATCH)?;
            n += k;
            if done || r.signatures + n >= ROUND {
                break done;
            }
        };
        r.signatures += n;
        r.petitions += usize::from(finished);
        if n > 0 || finished {
            audit::record(
                conn,
                &audit::Entry {
                    actor: &audit::Actor::worker(),
                    action: audit::Action::RetentionAnonymise,
                    petition_id: Some(petition),
                    details: serde_json::json!({ "retention_days": days, "finished": finished }),
                    row_count: n as i64,
                },
            )?;
        }
        if r.signatures >= ROUND {
            break;
        }
    }
    let (n, next) = db::privacy::forget_old_recipients(conn, before, *cursor, ROUND as i64)?;
    r.emails = n;
    *cursor = next;
    Ok(r)
}
