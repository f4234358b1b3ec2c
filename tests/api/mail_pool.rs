//! Email at signing speed: the outbox drains through a pool of SMTP connections that are
//! reused, kept under the relay's rate limit, with confirmations ahead of any backlog, and
//! nothing lost when the relay drops a connection in the middle of a message.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use hastakshar::db::outbox::{MailKind, NewEmail};
use hastakshar::db::{self, outbox};
use hastakshar::jobs::Worker;
use hastakshar::metrics::Metrics;

use crate::helpers::{Options, TestApp, WAIT};
use crate::on_both_backends;
use crate::support::testdb::Backend;

on_both_backends!(
    emails_go_out_over_a_few_reused_connections,
    the_relays_rate_limit_is_kept,
    a_confirmation_goes_ahead_of_a_backlog_of_updates,
    a_relay_that_drops_the_connection_mid_message_loses_nothing,
);

/// An application without its own worker, so that the test drives one round at a time.
async fn app(backend: Backend, tweak: fn(&mut hastakshar::config::Settings)) -> TestApp {
    TestApp::spawn_with(
        backend,
        Options {
            run_worker: false,
            tweak,
            ..Options::default()
        },
    )
    .await
}

fn email(kind: MailKind, to: &str) -> NewEmail {
    NewEmail {
        kind,
        recipient: to.to_string(),
        subject: format!("For {to}"),
        body_text: "Hello".into(),
        body_html: "<p>Hello</p>".into(),
        unsubscribe_url: None,
    }
}

async fn enqueue(app: &TestApp, emails: Vec<NewEmail>) {
    let keys = app.settings.data_keys.clone();
    db::write(&app.pool, move |c| {
        Ok(outbox::enqueue_many(c, &keys, &emails)?)
    })
    .await
    .unwrap();
}

async fn depth(app: &TestApp) -> i64 {
    db::run(&app.pool, |c| Ok(outbox::depth(c)?)).await.unwrap()
}

fn worker(app: &TestApp) -> Worker {
    Worker::new(&app.settings, app.pool.clone(), Arc::new(Metrics::new())).unwrap()
}

/// Rounds until the outbox is empty; returns (sent, failed) over all of them.
async fn drain(app: &TestApp, w: &Worker) -> (usize, usize) {
    let deadline = Instant::now() + WAIT * 3;
    let (mut sent, mut failed) = (0, 0);
    while depth(app).await > 0 {
        assert!(Instant::now() < deadline, "the outbox drains");
        let (s, f) = w.send_once().await.unwrap();
        (sent, failed) = (sent + s, failed + f);
        if s + f == 0 {
            // Waiting out a retry's backoff.
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    (sent, failed)
}

fn recipients(app: &TestApp) -> Vec<String> {
    app.smtp
        .messages()
        .iter()
        .flat_map(|m| m.to.clone())
        .collect()
}

async fn emails_go_out_over_a_few_reused_connections(backend: Backend) {
    let app = app(backend, |s| s.smtp_connections = 4).await;
    let n = 200;
    let emails = (0..n)
        .map(|i| email(MailKind::ConfirmSignature, &format!("r{i}@example.in")))
        .collect();
    enqueue(&app, emails).await;
    let (sent, failed) = drain(&app, &worker(&app)).await;
    assert_eq!((sent, failed), (n, 0));

    let messages = app.smtp.wait_for(n, WAIT).await;
    assert_eq!(messages.len(), n, "each email once");
    let ids: HashSet<String> = messages
        .iter()
        .map(|m| m.header("Message-ID").unwrap_or_default())
        .collect();
    assert_eq!(ids.len(), n, "one Message-ID per outbox row");
    assert!(
        ids.iter()
            .all(|id| id.starts_with("hastakshar.outbox.") || id.starts_with("<hastakshar.outbox.")),
        "{ids:?}"
    );
    let to: HashSet<String> = recipients(&app).into_iter().collect();
    assert_eq!(to.len(), n);
    let opened = app.smtp.connections();
    assert!(
        (1..=4).contains(&opened),
        "{n} emails over SMTP_CONNECTIONS=4 opened {opened} connections"
    );
}

async fn the_relays_rate_limit_is_kept(backend: Backend) {
    let app = app(backend, |s| {
        s.smtp_max_per_second = std::num::NonZeroU32::new(10)
    })
    .await;
    let n = 20;
    let emails = (0..n)
        .map(|i| email(MailKind::PetitionUpdate, &format!("slow{i}@example.in")))
        .collect();
    enqueue(&app, emails).await;
    let started = Instant::now();
    let (sent, _) = drain(&app, &worker(&app)).await;
    let took = started.elapsed();
    assert_eq!(sent, n);
    assert_eq!(app.smtp.received(), n);
    // 20 at 10 a second, at most a tenth of a second's allowance at once: 1.9 s at the least.
    // Only a lower bound: a busy machine may take longer.
    assert!(
        took >= Duration::from_millis(1_500),
        "{n} emails in {took:?}"
    );
}

async fn a_confirmation_goes_ahead_of_a_backlog_of_updates(backend: Backend) {
    let app = app(backend, |s| s.smtp_connections = 4).await;
    let backlog = 500;
    let updates = (0..backlog)
        .map(|i| email(MailKind::PetitionUpdate, &format!("reader{i}@example.in")))
        .collect();
    enqueue(&app, updates).await;
    enqueue(
        &app,
        vec![
            email(MailKind::ConfirmSignature, "signer@example.in"),
            email(MailKind::PasswordReset, "forgetful@example.in"),
        ],
    )
    .await;

    let (sent, failed) = worker(&app).send_once().await.unwrap();
    assert_eq!(failed, 0);
    assert!(
        sent < backlog,
        "the first batch ({sent}) is smaller than the backlog, or this proves nothing"
    );
    let first_batch = recipients(&app);
    assert_eq!(first_batch.len(), sent);
    for urgent in ["signer@example.in", "forgetful@example.in"] {
        assert!(
            first_batch.iter().any(|r| r == urgent),
            "{urgent} waited behind the updates"
        );
    }
    // The rest of the first batch is the oldest updates, in order of arrival.
    let expected: HashSet<String> = (0..sent - 2)
        .map(|i| format!("reader{i}@example.in"))
        .collect();
    let updates: HashSet<String> = first_batch
        .into_iter()
        .filter(|r| r.starts_with("reader"))
        .collect();
    assert_eq!(updates, expected);
}

async fn a_relay_that_drops_the_connection_mid_message_loses_nothing(backend: Backend) {
    let app = app(backend, |s| s.smtp_connections = 4).await;
    let n = 30;
    let emails = (0..n)
        .map(|i| email(MailKind::ConfirmSignature, &format!("d{i}@example.in")))
        .collect();
    enqueue(&app, emails).await;
    app.smtp.drop_next(3);

    let (sent, failed) = drain(&app, &worker(&app)).await;
    assert_eq!(failed, 3, "three messages were cut off, each retried");
    assert_eq!(sent, n);
    let got = recipients(&app);
    assert_eq!(
        got.len(),
        n,
        "each delivered once (a cut-off message is not kept)"
    );
    let distinct: HashSet<&String> = got.iter().collect();
    assert_eq!(distinct.len(), n);
    assert_eq!(
        app.count("outbox WHERE failed_at IS NOT NULL"),
        0,
        "none given up on"
    );
    assert!(
        app.smtp.connections() > 1,
        "a broken connection is replaced, not reused"
    );
}
