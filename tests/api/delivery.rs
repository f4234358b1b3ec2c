//! Nothing accepted is lost: emails survive a mail server outage and a restart, and several
//! workers never send one twice.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use hastakshar::db::{self, outbox};
use hastakshar::jobs::Worker;
use hastakshar::metrics::Metrics;

use crate::helpers::{DEMO, Options, TestApp, WAIT, as_refs, form};
use crate::on_both_backends;
use crate::support::testdb::Backend;

on_both_backends!(
    smtp_down_while_signing_then_back_delivers_once,
    two_workers_on_one_database_deliver_each_email_exactly_once,
    a_restart_keeps_counts_and_unsent_emails,
);

async fn depth(app: &TestApp) -> i64 {
    db::run(&app.pool, |c| Ok(outbox::depth(c)?)).await.unwrap()
}

async fn smtp_down_while_signing_then_back_delivers_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.smtp.set_down(true);
    assert_eq!(
        app.sign(&as_refs(&form("down@example.in"))).await.status(),
        303
    );
    assert_eq!(
        app.count("signatures"),
        1,
        "the signature is stored while mail is down"
    );
    // Let the worker fail a few times.
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let attempts = app.count("outbox WHERE attempts >= 2");
        if attempts == 1 {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the worker retries");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(app.smtp.messages().is_empty());
    assert_eq!(depth(&app).await, 1, "the email waits in the outbox");

    app.smtp.set_down(false);
    let mail = app.email(1).await;
    assert_eq!(mail.to, vec!["down@example.in".to_string()]);
    app.settled().await;
    assert_eq!(app.smtp.messages().len(), 1, "delivered once");
    assert_eq!(depth(&app).await, 0);
    let link = app.confirm_link(&mail);
    assert_eq!(app.client.post(&link).send().await.unwrap().status(), 200);
    app.wait_for_count(DEMO, 1).await;
}

async fn two_workers_on_one_database_deliver_each_email_exactly_once(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        Options {
            run_worker: false,
            ..Options::default()
        },
    )
    .await;
    let n = 60;
    for i in 0..n {
        let f = form(&format!("w{i}@example.in"));
        assert_eq!(app.sign(&as_refs(&f)).await.status(), 303);
    }
    assert_eq!(depth(&app).await, n);
    let metrics = Arc::new(Metrics::new());
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let w = Worker::new(&app.settings, app.pool.clone(), metrics.clone()).unwrap();
            tokio::spawn(async move {
                let mut sent = 0;
                for _ in 0..200 {
                    let round = w.run_once().await.unwrap();
                    sent += round.sent;
                    if round.sent == 0 && round.failed == 0 {
                        tokio::time::sleep(Duration::from_millis(20)).await;
                    }
                    if sent > 0 && round.sent == 0 {
                        break;
                    }
                }
                sent
            })
        })
        .collect();
    let mut total = 0;
    for w in workers {
        total += w.await.unwrap();
    }
    let messages = app.smtp.wait_for(n as usize, WAIT).await;
    app.settled().await;
    assert_eq!(total, n as usize, "the workers sent {total} between them");
    assert_eq!(app.smtp.messages().len(), n as usize);
    let recipients: HashSet<String> = messages.iter().flat_map(|m| m.to.clone()).collect();
    assert_eq!(
        recipients.len(),
        n as usize,
        "each address got exactly one email"
    );
    assert_eq!(depth(&app).await, 0);
}

async fn a_restart_keeps_counts_and_unsent_emails(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign(&as_refs(&form("first@example.in"))).await;
    let link = app.confirm_link(&app.email(1).await);
    app.client.post(&link).send().await.unwrap();
    app.wait_for_count(DEMO, 1).await;

    app.smtp.set_down(true);
    app.sign(&as_refs(&form("second@example.in"))).await;
    let app = app.restart().await;
    assert_eq!(
        app.petition_json(DEMO).await["signature_count"],
        1,
        "the count survived"
    );
    app.smtp.set_down(false);
    let mails = app.smtp.wait_for(2, WAIT).await;
    assert_eq!(mails[1].to, vec!["second@example.in".to_string()]);
    assert_eq!(app.count("petitions"), 1, "the demo is not seeded twice");
}
