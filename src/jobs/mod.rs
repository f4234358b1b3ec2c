//! Background work: delivering the email outbox and folding confirmations into the counts.
//! Runs in the server process by default, or alone as `hastakshar worker`; any number of
//! workers can share one PostgreSQL database.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::Mailbox;
use tokio::sync::watch;

use crate::config::Settings;
use crate::db::{self, DbError, DbPool, counts, outbox};
use crate::mail::Mailer;
use crate::metrics::Metrics;

/// After this many attempts (about a day with the default backoff) an email is marked failed.
pub const MAX_ATTEMPTS: i32 = 20;
const BATCH: i64 = 50;
const COUNT_BATCH: i64 = 5_000;
const LEASE: Duration = Duration::from_secs(300);
const MAX_BACKOFF: Duration = Duration::from_secs(3600);

pub struct Worker {
    pool: DbPool,
    mailer: Mailer,
    from: Mailbox,
    retry_base: Duration,
    tick: Duration,
    metrics: Arc<Metrics>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    pub failed: usize,
    pub counted: usize,
}

impl Worker {
    pub fn new(settings: &Settings, pool: DbPool, metrics: Arc<Metrics>) -> anyhow::Result<Worker> {
        let mailer = Mailer::new(
            settings.smtp_url.as_deref(),
            settings.mail_dir.clone(),
            &settings.base_url,
        )?;
        Ok(Worker {
            pool,
            mailer,
            from: settings.mail_from.parse()?,
            retry_base: settings.retry_base,
            tick: settings.worker_tick,
            metrics,
        })
    }

    /// One round: count new confirmations, then send what is due. Tests drive this directly.
    pub async fn run_once(&self) -> Result<Round, DbError> {
        let counted = db::run(&self.pool, |c| Ok(counts::fold(c, COUNT_BATCH)?)).await?;
        let claimed = db::run(&self.pool, |c| Ok(outbox::claim(c, BATCH, LEASE)?)).await?;
        let mut round = Round {
            counted,
            ..Round::default()
        };
        for email in claimed {
            let id = email.id;
            match self.mailer.send(&self.from, &email).await {
                Ok(()) => {
                    db::run(&self.pool, move |c| Ok(outbox::mark_sent(c, id)?)).await?;
                    self.metrics.emails_sent.inc();
                    round.sent += 1;
                }
                Err(e) => {
                    let retry_at = (e.is_transient() && email.attempts < MAX_ATTEMPTS).then(|| {
                        db::now()
                            + chrono::Duration::from_std(self.backoff(email.attempts))
                                .unwrap_or_default()
                    });
                    // The error text can quote the address back; the log line only names the row.
                    tracing::warn!(outbox_id = id, attempts = email.attempts, kind = %email.kind, transient = e.is_transient(), "email not delivered");
                    let message = e.to_string();
                    db::run(&self.pool, move |c| {
                        Ok(outbox::mark_failed(c, id, &message, retry_at)?)
                    })
                    .await?;
                    self.metrics.emails_failed.inc();
                    round.failed += 1;
                }
            }
        }
        Ok(round)
    }

    /// Doubling from the base: 30 s, 1 min, 2 min ... up to an hour between attempts.
    fn backoff(&self, attempts: i32) -> Duration {
        let factor = 1u32 << attempts.clamp(1, 16).saturating_sub(1);
        (self.retry_base * factor).min(MAX_BACKOFF)
    }

    /// Runs rounds until `stop` says so; goes straight on while there is work.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        tracing::info!("worker started");
        loop {
            let busy = match self.run_once().await {
                Ok(r) => r.sent + r.failed > 0 || r.counted as i64 >= COUNT_BATCH,
                Err(e) => {
                    tracing::error!(error = %e, "worker round failed");
                    false
                }
            };
            if *stop.borrow() {
                break;
            }
            if !busy {
                tokio::select! {
                    _ = tokio::time::sleep(self.tick) => {}
                    _ = stop.changed() => {}
                }
                if *stop.borrow() {
                    break;
                }
            }
        }
        tracing::info!("worker stopped");
    }
}
