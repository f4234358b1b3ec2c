//! Encryption at rest: a copy of the database (the SQLite file, `pg_dump`) shows no signer's
//! name or address, and `hastakshar keys rotate` seals everything again under a new key while
//! the site runs, after which the new key alone reads and counts everything. Both backends.

use std::process::Command;

use hastakshar::seal::Keys;

use crate::helpers::{DEMO, Step, TestApp, as_refs};
use crate::on_both_backends;
use crate::people::mail_to;
use crate::privacy::{EMAIL, NAME, manage_link, zarina};
use crate::support::testdb::Backend;

on_both_backends!(
    a_copy_of_the_database_shows_no_name_or_address_and_rotation_keeps_everything,
    long_errors_are_cut_before_they_are_sealed_and_still_open,
    an_address_that_signed_before_encryption_still_signs_once,
);

/// A signature stored before encryption holds the plain address where an index now goes:
/// signing again with that address finds it while it is left unsealed, and after the worker
/// sealed it (when signing no longer looks for older forms).
async fn an_address_that_signed_before_encryption_still_signs_once(backend: Backend) {
    use diesel::prelude::*;
    let app = TestApp::spawn_with(
        backend,
        crate::helpers::Options {
            run_worker: false,
            ..Default::default()
        },
    )
    .await;
    let mut step = Step::first("Zarina's signature as a site before encryption stored it");
    assert_eq!(app.sign(&as_refs(&zarina())).await.status(), 303);
    diesel::sql_query(format!(
        "UPDATE signatures SET email = '{EMAIL}', name = '{NAME}', email_canonical = '{EMAIL}', \
         key_id = NULL"
    ))
    .execute(&mut app.pool.get().unwrap())
    .unwrap();
    let app = app.restart_as(false).await;

    step.next("She signs again: still one signature");
    assert_eq!(app.sign(&as_refs(&zarina())).await.status(), 303);
    assert_eq!(app.count("signatures"), 1);

    step.next("Sealed by the worker, then the site restarted: still one");
    let worker = hastakshar::jobs::Worker::new(
        &app.settings,
        app.pool.clone(),
        std::sync::Arc::new(hastakshar::metrics::Metrics::new()),
    )
    .unwrap();
    assert_eq!(worker.seal_once().await.unwrap(), 1);
    assert_eq!(app.count("signatures WHERE key_id IS NULL"), 0);
    let app = app.restart_as(false).await;
    assert_eq!(app.sign(&as_refs(&zarina())).await.status(), 303);
    assert_eq!(app.count("signatures"), 1);
}

/// A relay's long error and a provider's long complaint are kept cut short and sealed: cut
/// before sealing, so that they still open (a sealed value cut short never would, and a
/// rotation would stop at it).
async fn long_errors_are_cut_before_they_are_sealed_and_still_open(backend: Backend) {
    use diesel::prelude::*;
    use hastakshar::db::schema::{mail_suppressions, outbox};
    let app = TestApp::spawn(backend).await;
    let keys = app.settings.data_keys.clone();
    let mut conn = app.pool.get().unwrap();
    let id: i64 = diesel::insert_into(outbox::table)
        .values((
            outbox::kind.eq("petition_update"),
            outbox::recipient.eq(keys.seal(EMAIL)),
            outbox::subject.eq("s"),
            outbox::body_text.eq(keys.seal("t")),
            outbox::body_html.eq(keys.seal("h")),
            outbox::attempts.eq(0),
            outbox::next_attempt_at.eq(hastakshar::db::now()),
            outbox::created_at.eq(hastakshar::db::now()),
        ))
        .returning(outbox::id)
        .get_result(&mut conn)
        .unwrap();
    let relay_said = format!("550 5.1.1 <{EMAIL}> {}", "no such user ".repeat(60));
    let kept = hastakshar::db::outbox::kept_error(&keys, &relay_said);
    hastakshar::db::outbox::mark_failed(&mut conn, id, &kept, None).unwrap();
    let stored: Option<String> = outbox::table
        .find(id)
        .select(outbox::last_error)
        .first(&mut conn)
        .unwrap();
    let opened = keys.open(&stored.unwrap()).expect("the error opens");
    assert_eq!(opened.chars().count(), 500);
    assert!(relay_said.starts_with(&opened));

    let complaint = format!("{EMAIL} complained: {}", "spam ".repeat(100));
    hastakshar::db::mail_events::suppress(
        &mut conn,
        &keys,
        EMAIL,
        hastakshar::db::mail_events::Reason::Complaint,
        &complaint,
    )
    .unwrap();
    let detail: String = mail_suppressions::table
        .select(mail_suppressions::detail)
        .first(&mut conn)
        .unwrap();
    assert!(!detail.contains(EMAIL), "sealed");
    let opened = keys.open(&detail).expect("the detail opens");
    assert_eq!(opened.chars().count(), 200);
}

async fn a_copy_of_the_database_shows_no_name_or_address_and_rotation_keeps_everything(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let mut step = Step::first("Sign and confirm with a known name and address");
    app.sign_and_confirm(DEMO, &zarina()).await;
    app.wait_for_count(DEMO, 1).await;
    app.settled().await;

    step.next("Neither is in the bytes of the database");
    let copy = database_bytes(&app);
    for needle in [EMAIL, NAME, "zarina"] {
        assert!(
            !copy
                .windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle.as_bytes())),
            "{needle} in a copy of the database"
        );
    }
    assert!(copy.len() > 10_000, "a real copy: {} bytes", copy.len());

    step.next("keys rotate: every row sealed again under a new key, while the site runs");
    let old = "09".repeat(32);
    let new = Keys::generate();
    let out = Command::new(env!("CARGO_BIN_EXE_hastakshar"))
        .args(["keys", "rotate"])
        .current_dir(tempfile::tempdir().unwrap().path())
        .env_clear()
        .env("DATABASE_URL", &app.db.url)
        .env("DATA_KEY", &new)
        .env("DATA_KEYS_RETIRED", &old)
        .env("USER", "staff-tester")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("1 signatures"), "{said}");
    let keys = Keys::parse(&new, "").unwrap();
    assert_eq!(
        app.count(&format!(
            "signatures WHERE key_id IS NULL OR key_id <> '{}'",
            keys.primary_id()
        )),
        0
    );
    assert_eq!(
        app.count(&format!(
            "outbox WHERE key_id IS NULL OR key_id <> '{}'",
            keys.primary_id()
        )),
        0
    );

    step.next("A manage link emailed before the rotation opens under the new key and the retired");
    let before = manage_link(&app, &mail_to(&app, EMAIL, "").await);
    let mut app = app;
    app.settings.data_keys = Keys::parse(&new, &old).unwrap();
    let app = app.restart().await;
    let r = app.client.get(&before).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains(NAME));

    step.next("With the new key alone everything reads and counts");
    let mut app = app;
    app.settings.data_keys = keys.clone();
    let app = app.restart().await;
    assert_eq!(app.petition_json(DEMO).await["signature_count"], 1);
    let (_, page) = app.get_text("/petitions/1").await;
    assert!(page.contains(NAME), "the public list opens the name");
    let out = Command::new(env!("CARGO_BIN_EXE_hastakshar"))
        .args(["export", "signatures", "--petition", "1"])
        .current_dir(tempfile::tempdir().unwrap().path())
        .env_clear()
        .env("DATABASE_URL", &app.db.url)
        .env("DATA_KEY", &new)
        .env("USER", "staff-tester")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains(NAME));
    // The same address still signs once, found by its index under the new key.
    let r = app.sign(&as_refs(&zarina())).await;
    assert_eq!(r.status(), 303);
    mail_to(&app, EMAIL, "already").await;
    assert_eq!(app.count("signatures"), 1);
    let r = app
        .client
        .post(app.url("/my-data"))
        .form(&[("email", EMAIL)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let mail = mail_to(&app, EMAIL, "manage").await;
    let r = app
        .client
        .get(manage_link(&app, &mail))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains(NAME));
}

/// Every byte of the database as a thief would copy it: the SQLite file and its write-ahead
/// log, or `pg_dump`'s output.
fn database_bytes(app: &TestApp) -> Vec<u8> {
    if let Some(path) = app.db.url.strip_prefix("sqlite://") {
        let mut all = std::fs::read(path).unwrap();
        if let Ok(wal) = std::fs::read(format!("{path}-wal")) {
            all.extend(wal);
        }
        all
    } else {
        let out = Command::new("pg_dump")
            .arg("--no-owner")
            .arg(&app.db.url)
            .output()
            .expect("pg_dump");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }
}
