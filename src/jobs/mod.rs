//! Background work: delivering the email outbox, folding confirmations into the counts, and a
//! petition's life (closing on its date, milestones, emailing approved updates in batches).
//! Runs in the server process by default, or alone as `hastakshar worker`; any number of
//! workers can share one PostgreSQL database.

pub mod packs_zip;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use lettre::message::Mailbox;
use tokio::sync::watch;

use crate::config::Settings;
use crate::db::outbox::{MailKind, NewEmail};
use crate::db::{self, DbError, DbPool, campaigns, counts, outbox, updates};
use crate::domain::EmailAddress;
use crate::i18n::Lang;
use crate::mail::Mailer;
use crate::metrics::Metrics;
use crate::privacy::manage::{ManageLink, SignerMail};

/// After this many attempts (about a day with the default backoff) an email is marked failed.
pub const MAX_ATTEMPTS: i32 = 20;
/// Emails claimed at once, per SMTP connection: each connection has a queue of its own between
/// claims, so the claim's round trip to the database is paid once per many sends.
const CLAIM_PER_CONNECTION: i64 = 16;
const BATCH_MIN: i64 = 64;
const BATCH_MAX: i64 = 1_000;
/// Under `SMTP_MAX_PER_SECOND`, a claim holds no more than this many seconds of sending: an
/// urgent email that arrives meanwhile waits at most that long behind the claimed batch.
const BATCH_SECONDS: i64 = 2;
const COUNT_BATCH: i64 = 5_000;
/// Update emails written to the outbox per transaction.
const FANOUT_BATCH: i64 = 500;
/// Rows written before encryption, sealed per table per round.
const SEAL_BATCH: i64 = 500;
/// How often retention looks for petitions past their time.
const RETENTION_EVERY: Duration = Duration::from_secs(60);
/// How often a worker tries again to mark what it sent while the database is away.
const MARK_RETRY: Duration = Duration::from_millis(500);
/// The error an email to a suppressed address is failed with.
const SUPPRESSED: &str = "not sent: the address bounced or complained before";
const MAX_BACKOFF: Duration = Duration::from_secs(3600);

pub struct Worker {
    pool: DbPool,
    mailer: Mailer,
    /// Emails in flight at once: one per SMTP connection (`SMTP_CONNECTIONS`).
    connections: usize,
    /// Emails claimed at once.
    batch: i64,
    from: Mailbox,
    retry_base: Duration,
    tick: Duration,
    metrics: Arc<Metrics>,
    base_url: String,
    /// The keys signers' data and the outbox are sealed with.
    keys: crate::seal::Keys,
    signer_mail: SignerMail,
    privacy: crate::config::Privacy,
    /// How far retention has walked the outbox, forgetting old emails' recipients.
    retention_cursor: std::sync::Arc<std::sync::atomic::AtomicI64>,
    export_retention: Duration,
    spike: crate::integrity::spike::Threshold,
    spike_check: Duration,
    lease: Duration,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    pub failed: usize,
    pub counted: usize,
}

/// What one round of a petition's life did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Life {
    pub closed: usize,
    pub milestones: usize,
    pub update_emails: usize,
    /// Zips of packs deleted, having been kept long enough.
    pub zips_deleted: usize,
}

impl Worker {
    pub fn new(settings: &Settings, pool: DbPool, metrics: Arc<Metrics>) -> anyhow::Result<Worker> {
        let limits = crate::mail::SmtpLimits {
            connections: settings.smtp_connections,
            max_per_second: settings.smtp_max_per_second,
        };
        let mailer = Mailer::new(
            settings.smtp_url.as_deref(),
            limits,
            settings.mail_dir.clone(),
            &settings.base_url,
            settings.dkim.as_ref(),
        )?;
        Ok(Worker {
            pool,
            mailer,
            connections: limits.connections.max(1),
            batch: batch_size(limits),
            from: settings.mail_from.parse()?,
            retry_base: settings.retry_base,
            tick: settings.worker_tick,
            metrics,
            base_url: settings.base_url.clone(),
            keys: settings.data_keys.clone(),
            signer_mail: SignerMail::new(settings),
            retention_cursor: Default::default(),
            privacy: settings.privacy.clone(),
            export_retention: settings.export_retention,
            spike: settings.spike,
            spike_check: settings.spike_check,
            lease: settings.mail_lease,
        })
    }

    /// One round of the busy jobs: count new confirmations, roll new signatures up for the
    /// console, then send what is due. Tests drive this directly.
    pub async fn run_once(&self) -> Result<Round, DbError> {
        let counted = self.count_once().await?;
        self.roll_once().await?;
        let (sent, failed) = self.send_once().await?;
        Ok(Round {
            sent,
            failed,
            counted,
        })
    }

    /// Closes petitions whose date has come, tells creators of milestones, and writes the next
    /// batch of update emails. Tests drive this directly.
    pub async fn life_once(&self) -> Result<Life, DbError> {
        let base = self.base_url.clone();
        let keys = self.keys.clone();
        let mail = self.signer_mail.clone();
        let kept = chrono::Duration::from_std(self.export_retention).unwrap_or_default();
        db::write(&self.pool, move |c| {
            let closed = campaigns::close_due(c, db::now())?;
            for p in &closed {
                crate::campaigns::notify_creator(c, &keys, p, "closed", &base, None)?;
            }
            let reached = campaigns::claim_milestones(c)?;
            for (p, level) in &reached {
                let event = if *level >= 2 { "goal" } else { "half" };
                crate::campaigns::notify_creator(c, &keys, p, event, &base, None)?;
            }
            // A batch belongs to one update: its email is written once per language, and each
            // reader's copy differs only by its unsubscribe link.
            let mut written: HashMap<Lang, crate::views::email::Email> = HashMap::new();
            let update_emails = updates::fan_out(c, &keys, FANOUT_BATCH, |u, p, reader| {
                update_email(&mail, u, p, reader, &mut written)
            })?;
            let zips_deleted = delete_old_zips(c, db::now() - kept)?;
            Ok(Life {
                closed: closed.len(),
                milestones: reached.len(),
                update_emails,
                zips_deleted,
            })
        })
        .await
    }

    /// Measures each open petition's signing rate, sets the spike gauges, and emails moderators
    /// of a new spike; returns how many petitions are spiking.
    pub async fn spike_once(&self) -> Result<usize, DbError> {
        let (t, base, keys) = (self.spike, self.base_url.clone(), self.keys.clone());
        let rates = db::write(&self.pool, move |c| {
            Ok(crate::integrity::spike::check(c, &keys, t, &base)?)
        })
        .await?;
        self.metrics.petition_spike.reset();
        self.metrics.petition_rate_ratio.reset();
        for r in &rates {
            let id = r.petition_id.to_string();
            let ratio = if r.trailing_per_minute > 0.0 {
                r.recent_per_minute / r.trailing_per_minute
            } else {
                r.recent_per_minute
            };
            self.metrics
                .petition_spike
                .with_label_values(&[&id])
                .set(if r.spiking { 1.0 } else { 0.0 });
            self.metrics
                .petition_rate_ratio
                .with_label_values(&[&id])
                .set(ratio);
        }
        Ok(rates.iter().filter(|r| r.spiking).count())
    }

    /// Seals a batch of rows written before encryption; returns how many.
    pub async fn seal_once(&self) -> Result<usize, DbError> {
        // Looked for without the writer's turn: nearly always there is nothing to seal.
        let waiting = db::run(&self.pool, |c| {
            crate::db::sealing::waiting(c).map_err(DbError::from)
        })
        .await?;
        if !waiting {
            return Ok(0);
        }
        let keys = self.keys.clone();
        let done = db::write(&self.pool, move |c| {
            crate::db::sealing::unsealed_once(c, &keys, SEAL_BATCH)
                .map_err(|e| DbError::Task(e.to_string()))
        })
        .await?;
        let n = done.signatures + done.emails + done.suppressions;
        self.metrics.rows_sealed.inc_by(n as u64);
        Ok(n)
    }

    /// Anonymises the signers of petitions closed `RETENTION_DAYS` ago (see
    /// `privacy::retention`). Tests drive this directly.
    pub async fn retain_once(&self) -> Result<crate::privacy::retention::Retained, DbError> {
        use std::sync::atomic::Ordering;
        let days = self.privacy.retention_days;
        let cursor = self.retention_cursor.clone();
        let r = db::write(&self.pool, move |c| {
            let mut at = cursor.load(Ordering::Relaxed);
            let r = crate::privacy::retention::run_once(c, days, &mut at)?;
            cursor.store(at, Ordering::Relaxed);
            Ok(r)
        })
        .await?;
        self.metrics
            .retention_anonymised
            .inc_by(r.signatures as u64);
        self.metrics.retention_petitions.inc_by(r.petitions as u64);
        Ok(r)
    }

    /// Folds new signatures into the integrity console's rollups; returns how many.
    pub async fn roll_once(&self) -> Result<usize, DbError> {
        db::write(&self.pool, |c| Ok(db::rollup::fold(c, COUNT_BATCH)?)).await
    }

    /// Folds newly confirmed signatures into the counts; returns how many.
    pub async fn count_once(&self) -> Result<usize, DbError> {
        db::write(&self.pool, |c| Ok(counts::fold(c, COUNT_BATCH)?)).await
    }

    /// Sends one batch of due emails, several at a time; returns (sent, failed).
    pub async fn send_once(&self) -> Result<(usize, usize), DbError> {
        let (lease, batch) = (self.lease, self.batch);
        let keys = self.keys.clone();
        let claimed_at = std::time::Instant::now();
        let (claimed, files) = db::write(&self.pool, move |c| {
            let mut claimed = Vec::new();
            // Opened here, sent from memory: the database holds them sealed.
            for email in outbox::claim(c, batch, lease)? {
                let id = email.id;
                match email.opened(&keys) {
                    Ok(e) => claimed.push(e),
                    Err(e) => outbox::mark_failed(c, id, &e.to_string(), None)?,
                }
            }
            // An address that bounced hard or complained gets nothing more.
            let forms: Vec<Vec<String>> = claimed
                .iter()
                .map(|e| keys.indexes(&EmailAddress::canonical(&e.recipient)))
                .collect();
            let all: Vec<String> = forms.iter().flatten().cloned().collect();
            let suppressed = db::mail_events::suppressed_among(c, &all)?;
            if !suppressed.is_empty() {
                let mut kept = Vec::with_capacity(claimed.len());
                for (email, forms) in claimed.into_iter().zip(&forms) {
                    if forms.iter().any(|f| suppressed.contains(f)) {
                        outbox::mark_failed(c, email.id, SUPPRESSED, None)?;
                    } else {
                        kept.push(email);
                    }
                }
                claimed = kept;
            }
            // Only delivery packs have attachments; the query is one index lookup otherwise.
            let packs: Vec<i64> = claimed
                .iter()
                .filter(|e| e.kind == MailKind::DeliveryPack.code())
                .map(|e| e.id)
                .collect();
            let files = if packs.is_empty() {
                Vec::new()
            } else {
                let (files, broken) = outbox::attachments(c, &keys, &packs)?;
                for (id, why) in &broken {
                    outbox::mark_failed(c, *id, why, None)?;
                }
                claimed.retain(|e| !broken.iter().any(|(id, _)| *id == e.id));
                files
            };
            Ok((claimed, files))
        })
        .await?;
        let files = &files;
        // Sending and marking run side by side: each email is marked sent soon after it has gone,
        // together with whatever else went while the last mark was being written, not after the
        // whole batch. Delivery is at least once, and the window in which a crash would send an
        // email twice is one such write, not the batch's duration; meanwhile the connections
        // keep sending.
        let (done, mut results) = tokio::sync::mpsc::unbounded_channel();
        let sending = async move {
            futures_util::stream::iter(claimed)
                .map(|email| async move {
                    let mine: Vec<_> = files.iter().filter(|f| f.outbox_id == email.id).collect();
                    let result = self.mailer.send(&self.from, &email, &mine).await;
                    (email, result)
                })
                .buffer_unordered(self.connections)
                .for_each(|finished| {
                    // The receiver only goes when marking failed, and then this is dropped too.
                    let _ = done.send(finished);
                    std::future::ready(())
                })
                .await;
            Ok::<(), DbError>(())
        };
        let marking = async {
            let (mut n_sent, mut n_failed) = (0, 0);
            let mut finished = Vec::new();
            while results.recv_many(&mut finished, 1_000).await > 0 {
                let (sent, failures) = self.outcomes(finished.drain(..));
                n_sent += sent.len();
                n_failed += failures.len();
                self.mark(sent, failures, claimed_at).await?;
            }
            Ok::<_, DbError>((n_sent, n_failed))
        };
        // If marking fails for good, sending stops with it: what goes out now could not be
        // marked, and would go again after the lease.
        let ((), (n_sent, n_failed)) = tokio::try_join!(sending, marking)?;
        self.metrics.emails_sent.inc_by(n_sent as u64);
        self.metrics.emails_failed.inc_by(n_failed as u64);
        Ok((n_sent, n_failed))
    }

    /// Splits finished sends into the ids sent and the failures, each with its error and, if it
    /// is worth another try, when.
    #[allow(clippy::type_complexity)]
    fn outcomes(
        &self,
        finished: impl Iterator<Item = (outbox::Claimed, Result<(), crate::mail::MailError>)>,
    ) -> (Vec<i64>, Vec<(i64, String, Option<chrono::NaiveDateTime>)>) {
        let mut sent = Vec::new();
        let mut failures = Vec::new();
        for (email, result) in finished {
            match result {
                Ok(()) => sent.push(email.id),
                Err(e) => {
                    let retry_at = (e.is_transient() && email.attempts < MAX_ATTEMPTS).then(|| {
                        db::now()
                            + chrono::Duration::from_std(self.backoff(email.attempts))
                                .unwrap_or_default()
                    });
                    // The error text can quote the address back; the log line only names the row.
                    tracing::warn!(
                        outbox_id = email.id,
                        attempts = email.attempts,
                        kind = %email.kind,
                        transient = e.is_transient(),
                        "email not delivered"
                    );
                    // Sealed like the email itself: a relay's error can quote the address.
                    failures.push((
                        email.id,
                        outbox::kept_error(&self.keys, &e.to_string()),
                        retry_at,
                    ));
                }
            }
        }
        (sent, failures)
    }

    /// Marks what was sent and what failed. What has gone must be marked, or another worker
    /// sends it again when the lease runs out: while the database is away, keep trying for as
    /// long as the lease holds.
    async fn mark(
        &self,
        sent: Vec<i64>,
        failures: Vec<(i64, String, Option<chrono::NaiveDateTime>)>,
        claimed_at: std::time::Instant,
    ) -> Result<(), DbError> {
        let (sent, failures) = (std::sync::Arc::new(sent), std::sync::Arc::new(failures));
        let mut tries = 0u32;
        loop {
            let (sent, failures) = (sent.clone(), failures.clone());
            let marked =
                db::write(&self.pool, move |c| Ok(outbox::mark(c, &sent, &failures)?)).await;
            match marked {
                Ok(()) => return Ok(()),
                Err(e) if claimed_at.elapsed() + MARK_RETRY < self.lease => {
                    tries += 1;
                    if tries == 1 {
                        tracing::warn!(error = %e, "sent emails not yet marked: retrying");
                    }
                    tokio::time::sleep(MARK_RETRY).await;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Doubling from the base: 30 s, 1 min, 2 min ... up to an hour between attempts.
    fn backoff(&self, attempts: i32) -> Duration {
        let factor = 1u32 << attempts.clamp(1, 16).saturating_sub(1);
        (self.retry_base * factor).min(MAX_BACKOFF)
    }

    /// Runs both jobs until `stop` says so, each on its own loop so that a slow mail server
    /// never holds the counts back; each loop goes straight on while it has work.
    pub async fn run(self, stop: watch::Receiver<bool>) {
        tracing::info!("worker started");
        let counting = self.forever(stop.clone(), "counting", |w| async move {
            w.count_once().await.map(|n| n as i64 >= COUNT_BATCH)
        });
        let mailing = self.forever(stop.clone(), "mailing", |w| async move {
            w.send_once().await.map(|(s, f)| s + f > 0)
        });
        let life = self.forever(stop.clone(), "life", |w| async move {
            w.life_once()
                .await
                .map(|l| l.update_emails as i64 >= FANOUT_BATCH)
        });
        let rolling = self.forever(stop.clone(), "rolling", |w| async move {
            w.roll_once().await.map(|n| n as i64 >= COUNT_BATCH)
        });
        let spikes = self.every(stop.clone(), "spikes", self.spike_check, |w| async move {
            w.spike_once().await.map(|_| ())
        });
        let sealing = self.forever(stop.clone(), "sealing", |w| async move {
            w.seal_once().await.map(|n| n as i64 >= SEAL_BATCH)
        });
        let retention = self.every(stop, "retention", RETENTION_EVERY, |w| async move {
            w.retain_once().await.map(|_| ())
        });
        tokio::join!(counting, mailing, life, rolling, spikes, sealing, retention);
        self.mailer.close().await;
        tracing::info!("worker stopped");
    }

    /// Runs `round` every `period` until `stop` says so.
    async fn every<'a, F, Fut>(
        &'a self,
        mut stop: watch::Receiver<bool>,
        job: &str,
        period: Duration,
        round: F,
    ) where
        F: Fn(&'a Worker) -> Fut,
        Fut: std::future::Future<Output = Result<(), DbError>>,
    {
        loop {
            if let Err(e) = round(self).await {
                tracing::error!(error = %e, job, "worker round failed");
            }
            tokio::select! {
                _ = tokio::time::sleep(period) => {}
                _ = stop.changed() => {}
            }
            if *stop.borrow() {
                break;
            }
        }
    }

    async fn forever<'a, F, Fut>(&'a self, mut stop: watch::Receiver<bool>, job: &str, round: F)
    where
        F: Fn(&'a Worker) -> Fut,
        Fut: std::future::Future<Output = Result<bool, DbError>>,
    {
        loop {
            let busy = match round(self).await {
                Ok(busy) => busy,
                Err(e) => {
                    tracing::error!(error = %e, job, "worker round failed");
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
    }
}

/// Emails claimed at once: enough to keep every connection busy between claims, and under a
/// rate limit no more than `BATCH_SECONDS` of sending.
fn batch_size(limits: crate::mail::SmtpLimits) -> i64 {
    let connections = limits.connections.max(1) as i64;
    let batch = (connections * CLAIM_PER_CONNECTION).clamp(BATCH_MIN, BATCH_MAX);
    match limits.max_per_second {
        Some(rate) => batch.min((i64::from(rate.get()) * BATCH_SECONDS).max(connections)),
        None => batch,
    }
}

/// Deletes the zips of packs made before `before` (they hold signers' names); returns how many.
fn delete_old_zips(
    c: &mut db::DbConnection,
    before: chrono::NaiveDateTime,
) -> Result<usize, DbError> {
    let old = db::jobs::files_made_before(c, before)?;
    for (id, file) in &old {
        match std::fs::remove_file(file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                tracing::error!(job = id, error = %e, "an old zip of packs could not be deleted");
                continue;
            }
        }
        db::jobs::forget_file(c, *id)?;
    }
    Ok(old.len())
}

/// Stands for the unsubscribe link in an update email written once for many readers.
const UNSUBSCRIBE_PLACEHOLDER: &str = "http://unsubscribe.invalid/READER";
const MANAGE_PLACEHOLDER: &str = "http://manage.invalid/READER";

/// One signer's copy of an update, in their language, with their own unsubscribe link and
/// "manage my signature" link.
fn update_email(
    l: &SignerMail,
    u: &updates::Update,
    petition: &crate::db::petitions::Petition,
    reader: &updates::Reader,
    written: &mut HashMap<Lang, crate::views::email::Email>,
) -> NewEmail {
    let (base_url, key) = (l.base_url.as_str(), l.secret_key.as_slice());
    let lang = Lang::parse(&reader.lang).unwrap_or_default();
    let mail = written.entry(lang).or_insert_with(|| {
        let to = crate::views::email::To::signer(lang, base_url, MANAGE_PLACEHOLDER.into());
        let (title, body) = u.text(lang);
        crate::views::email::petition_update(
            &to,
            &petition.text(lang).title,
            title,
            body,
            &format!(
                "{base_url}{}",
                lang.url(&format!("/petitions/{}", u.petition_id))
            ),
            UNSUBSCRIBE_PLACEHOLDER,
        )
    });
    let unsubscribe = crate::campaigns::unsubscribe_url(base_url, key, reader.signature_id);
    let manage = ManageLink::new(
        &l.keys.seal(&EmailAddress::canonical(&reader.email)),
        l.hours,
    )
    .url(base_url, lang, key);
    let personal = |body: &str| {
        body.replace(UNSUBSCRIBE_PLACEHOLDER, &unsubscribe)
            .replace(MANAGE_PLACEHOLDER, &manage)
    };
    NewEmail {
        kind: MailKind::PetitionUpdate,
        recipient: reader.email.clone(),
        subject: mail.subject.clone(),
        body_text: personal(&mail.text),
        body_html: personal(&mail.html),
        unsubscribe_url: Some(unsubscribe),
    }
}
