//! What strangers can make the site send, what still counts, and what staff's files and
//! exports let out: unmoderated titles, one's own petition, `+tags`, old and late
//! confirmations, formulas in CSV cells, zips of packs, exports that break off, seeded
//! recipients, and an email marked sent as soon as it has gone.

use std::sync::Arc;
use std::time::{Duration, Instant};

use diesel::prelude::*;
use hastakshar::accounts::Role;
use hastakshar::db::schema::{
    audit_log, outbox, petitions, recipients, signature_tokens, signatures,
};

use crate::helpers::{DEMO, Options, TestApp, WAIT, as_refs, form, with};
use crate::on_both_backends;
use crate::people::*;
use crate::support::testdb::Backend;

on_both_backends!(
    an_unmoderated_title_stays_out_of_emails_to_strangers,
    no_one_decides_on_their_own_petition_and_tags_are_one_supporter,
    an_expired_link_counts_nothing_and_a_new_one_can_be_asked_for,
    a_confirmation_after_closing_or_hiding_counts_nothing,
    every_csv_cell_is_neutralised_even_a_ministry_named_by_staff,
    zips_of_packs_are_private_kept_for_a_while_and_few_at_once,
    a_failed_export_breaks_off_the_download_and_is_audited,
    renaming_a_seeded_recipient_does_not_bring_it_back,
    an_email_is_marked_sent_as_soon_as_it_has_gone,
);

fn status_of(app: &TestApp, id: i64) -> String {
    let mut conn = app.pool.get().unwrap();
    petitions::table
        .find(id)
        .select(petitions::status)
        .first(&mut conn)
        .unwrap()
}

async fn an_unmoderated_title_stays_out_of_emails_to_strangers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let creator = campaigner(&app, "meera@example.in").await;
    let (id, key) = gathering(&app, &creator, "Cheap pills at spam dot example").await;
    let f = with(form("stranger@example.in"), "key", &key);
    app.sign_and_confirm(id, &f).await;
    let r = app.sign_with(id, &as_refs(&f), &[]).await;
    assert_eq!(r.status(), 303);
    let deadline = Instant::now() + WAIT;
    let to_stranger = loop {
        let mails: Vec<_> = app
            .smtp
            .messages()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t == "stranger@example.in"))
            .collect();
        if mails.len() == 2 || Instant::now() > deadline {
            break mails;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(
        to_stranger.len(),
        2,
        "the confirmation, then 'already counted'"
    );
    for m in &to_stranger {
        let all = format!(
            "{} {} {}",
            m.header("Subject").unwrap_or_default(),
            m.text_body(),
            m.html_body()
        );
        assert!(!all.contains("Cheap pills"), "no unmoderated title: {all}");
        assert!(!all.contains("spam dot example"));
    }
    assert!(to_stranger[0].text_body().contains("support"));
}

async fn no_one_decides_on_their_own_petition_and_tags_are_one_supporter(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        Options {
            tweak: |s| s.supporters_needed = 2,
            ..Options::default()
        },
    )
    .await;
    let moderator = staff(&app, "mod@example.in", Role::Moderator).await;
    let (id, key) = gathering(&app, &moderator, "Shelters in every district").await;
    for email in ["asha+1@example.in", "mod+me@example.in"] {
        app.sign_and_confirm(id, &with(form(email), "key", &key))
            .await;
    }
    // Another spelling of one inbox is that inbox signing again: told it is counted already.
    let again = with(form("asha+2@example.in"), "key", &key);
    assert_eq!(app.sign_with(id, &as_refs(&again), &[]).await.status(), 303);
    mail_to(&app, "asha+2@example.in", "already counted").await;
    assert_eq!(
        status_of(&app, id),
        "gathering",
        "one person under three spellings, and the creator, are not two supporters"
    );
    app.sign_and_confirm(id, &with(form("ravi@example.in"), "key", &key))
        .await;
    assert_eq!(status_of(&app, id), "pending");

    let (status, page) = moderator.get(&format!("/admin/petitions/{id}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("another moderator must decide"));
    assert!(
        !page.contains("value=\"approve\""),
        "no buttons for one's own"
    );
    let token = moderator.csrf("/dashboard").await;
    let r = moderator
        .post(
            &format!("/admin/petitions/{id}/decision"),
            &[("action", "approve"), ("csrf", &token)],
        )
        .await;
    assert_eq!(r.status(), 403);
    assert_eq!(status_of(&app, id), "pending");
    let other = staff(&app, "mod2@example.in", Role::Moderator).await;
    let r = other
        .submit(
            &format!("/admin/petitions/{id}"),
            &format!("/admin/petitions/{id}/decision"),
            &[("action", "approve")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(status_of(&app, id), "open");
}

fn confirmed(app: &TestApp, email: &str) -> bool {
    let mut conn = app.pool.get().unwrap();
    signatures::table
        .filter(signatures::email_canonical.eq(app.settings.data_keys.index(email)))
        .select(signatures::confirmed_at)
        .first::<Option<chrono::NaiveDateTime>>(&mut conn)
        .unwrap()
        .is_some()
}

async fn an_expired_link_counts_nothing_and_a_new_one_can_be_asked_for(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let f = form("late@example.in");
    assert_eq!(app.sign(&as_refs(&f)).await.status(), 303);
    let first = mail_to(&app, "late@example.in", "Confirm").await;
    {
        let mut conn = app.pool.get().unwrap();
        let old = hastakshar::db::now() - chrono::Duration::days(15);
        diesel::update(signature_tokens::table)
            .set(signature_tokens::created_at.eq(old))
            .execute(&mut conn)
            .unwrap();
    }
    let link = app.confirm_link(&first);
    let r = app.client.get(&link).send().await.unwrap();
    assert_eq!(r.status(), 410);
    let page = r.text().await.unwrap();
    assert!(page.contains("has expired"));
    let path = link.trim_start_matches(&app.address);
    assert!(page.contains(&format!("action=\"{path}/renew\"")), "{page}");
    assert!(
        !confirmed(&app, "late@example.in"),
        "opening it counted nothing"
    );

    let r = app
        .client
        .post(format!("{link}/renew"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let r = app
        .client
        .post(format!("{link}/renew"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404, "one new link while it lives");
    let deadline = Instant::now() + WAIT;
    let second = loop {
        let mails: Vec<_> = app
            .smtp
            .messages()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t == "late@example.in"))
            .collect();
        if mails.len() >= 2 {
            break mails[1].clone();
        }
        assert!(Instant::now() < deadline, "a new link is emailed");
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let r = app
        .client
        .post(app.confirm_link(&second))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(confirmed(&app, "late@example.in"));
    app.wait_for_count(DEMO, 1).await;
}

async fn a_confirmation_after_closing_or_hiding_counts_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for email in ["a@example.in", "b@example.in"] {
        assert_eq!(app.sign(&as_refs(&form(email))).await.status(), 303);
    }
    let link_a = app.confirm_link(&mail_to(&app, "a@example.in", "Confirm").await);
    let link_b = app.confirm_link(&mail_to(&app, "b@example.in", "Confirm").await);
    for (status, link, email) in [
        ("closed", &link_a, "a@example.in"),
        ("hidden", &link_b, "b@example.in"),
    ] {
        {
            let mut conn = app.pool.get().unwrap();
            diesel::update(petitions::table.find(DEMO))
                .set(petitions::status.eq(status))
                .execute(&mut conn)
                .unwrap();
        }
        let r = app.client.get(link).send().await.unwrap();
        assert_eq!(r.status(), 410, "{status}");
        assert!(
            r.text()
                .await
                .unwrap()
                .contains("no longer takes signatures")
        );
        assert!(!confirmed(&app, email), "nothing counted once {status}");
    }
    app.settled().await;
    let mut conn = app.pool.get().unwrap();
    let count: i64 = petitions::table
        .find(DEMO)
        .select(petitions::signature_count)
        .first(&mut conn)
        .unwrap();
    assert_eq!(count, 0);
}

async fn every_csv_cell_is_neutralised_even_a_ministry_named_by_staff(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    {
        let mut conn = app.pool.get().unwrap();
        diesel::update(recipients::table.filter(recipients::kind.eq("ministry")))
            .set(recipients::name.eq("=HYPERLINK(\"http://evil.example\",\"Ministry\")"))
            .execute(&mut conn)
            .unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let run = crate::exports::cli(
        &app,
        &format!(
            "deliver packs --petition {DEMO} --out {}",
            out.path().display()
        ),
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let index = std::fs::read(out.path().join("index.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(&index[3..])
        .records()
        .map(Result::unwrap)
        .collect();
    let ministry = rows.iter().find(|r| &r[0] == "ministry.pdf").unwrap();
    assert!(
        ministry[1].starts_with("'=HYPERLINK"),
        "a formula is text: {:?}",
        &ministry[1]
    );
    for row in &rows {
        for cell in row {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
        }
    }
}

async fn zips_of_packs_are_private_kept_for_a_while_and_few_at_once(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        Options {
            tweak: |s| s.zip_jobs_max = 1,
            ..Options::default()
        },
    )
    .await;
    let moderator = staff(&app, "mod@example.in", Role::Moderator).await;
    let r = moderator
        .submit(
            "/admin/petitions/1/delivery",
            "/admin/petitions/1/packs.zip",
            &[],
        )
        .await;
    assert_eq!(r.status(), 303);
    let job: i64 = location(&r)
        .trim_start_matches("/admin/jobs/")
        .parse()
        .unwrap();
    let deadline = Instant::now() + WAIT;
    let done = loop {
        let j = {
            let mut conn = app.pool.get().unwrap();
            hastakshar::db::jobs::find(&mut conn, job).unwrap().unwrap()
        };
        if j.status() == hastakshar::db::jobs::JobStatus::Done {
            break j;
        }
        assert_ne!(
            j.status(),
            hastakshar::db::jobs::JobStatus::Failed,
            "{:?}",
            j.error
        );
        assert!(Instant::now() < deadline, "the zip is made");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let file = std::path::PathBuf::from(done.file.clone().unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o777,
            0o600,
            "only this program's user may read the names"
        );
    }
    let (_, page) = moderator.get(&format!("/admin/jobs/{job}")).await;
    assert!(
        page.contains("deleted 24 hours after"),
        "the page says how long it is kept"
    );

    // Only so many zips at once, counted in the database (so across processes).
    {
        let mut conn = app.pool.get().unwrap();
        hastakshar::db::jobs::start(
            &mut conn,
            hastakshar::db::jobs::ZIP,
            DEMO,
            &hastakshar::db::audit::Actor::command_line("test"),
            1,
        )
        .unwrap()
        .expect("a running job");
    }
    let jobs_before = app.count("staff_jobs");
    let r = moderator
        .submit(
            "/admin/petitions/1/delivery",
            "/admin/petitions/1/packs.zip",
            &[],
        )
        .await;
    assert_eq!(r.status(), 429);
    assert_eq!(app.count("staff_jobs"), jobs_before, "nothing started");

    // Kept no longer than the retention: the worker deletes it and the page says so.
    let mut settings = app.settings.clone();
    settings.export_retention = Duration::ZERO;
    let worker = hastakshar::jobs::Worker::new(
        &settings,
        app.pool.clone(),
        Arc::new(hastakshar::metrics::Metrics::new()),
    )
    .unwrap();
    let life = worker.life_once().await.unwrap();
    assert_eq!(life.zips_deleted, 1);
    assert!(!file.exists(), "the zip is gone from the disk");
    let (_, page) = moderator.get(&format!("/admin/jobs/{job}")).await;
    assert!(page.contains("has been deleted"));
    let (status, _) = moderator.get(&format!("/admin/jobs/{job}/download")).await;
    assert_eq!(status, 404);
}

async fn a_failed_export_breaks_off_the_download_and_is_audited(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_and_confirm(DEMO, &form("a@example.in")).await;
    let admin = staff(&app, "admin@example.in", Role::Admin).await;
    let rename = |from: &str, to: &str| {
        let mut conn = app.pool.get().unwrap();
        diesel::sql_query(format!("ALTER TABLE {from} RENAME TO {to}"))
            .execute(&mut conn)
            .unwrap();
    };
    // The database loses the table between the answer's first line and the first row.
    rename("signatures", "signatures_away");
    let r = admin
        .client
        .get(format!(
            "{}/admin/petitions/1/exports/signatures.csv",
            app.address
        ))
        .send()
        .await;
    // The answer is streamed: its status line goes out when the server first writes, and the
    // export fails at its first query. Whether the line went first (then the body breaks off)
    // or not (then the connection closes with nothing) is the server's timing; either way the
    // download fails, and what must never happen is a complete answer that is a short file.
    let body = match r {
        Ok(r) => {
            assert_eq!(r.status(), 200);
            r.bytes().await.map(|b| b.len())
        }
        Err(e) => Err(e),
    };
    rename("signatures_away", "signatures");
    assert!(
        body.is_err(),
        "the download fails rather than ending as a short file: {body:?}"
    );
    let mut conn = app.pool.get().unwrap();
    let audited: Vec<i64> = audit_log::table
        .filter(audit_log::action.eq("export signatures"))
        .select(audit_log::row_count)
        .load(&mut conn)
        .unwrap();
    assert_eq!(
        audited,
        [hastakshar::db::audit::UNFINISHED],
        "noted at its start, and it never finished"
    );
    drop(conn);
    // When the database is whole again, an export runs to its end and says how many rows.
    let r = admin
        .client
        .get(format!(
            "{}/admin/petitions/1/exports/signatures.csv",
            app.address
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.bytes().await.is_ok());
    let mut conn = app.pool.get().unwrap();
    let audited: Vec<i64> = audit_log::table
        .filter(audit_log::action.eq("export signatures"))
        .order(audit_log::id)
        .select(audit_log::row_count)
        .load(&mut conn)
        .unwrap();
    assert_eq!(audited, [hastakshar::db::audit::UNFINISHED, 1]);
}

async fn renaming_a_seeded_recipient_does_not_bring_it_back(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    {
        let mut conn = app.pool.get().unwrap();
        diesel::update(recipients::table.filter(recipients::kind.eq("parliament")))
            .set(recipients::name.eq("Parliament of India (Lok Sabha)"))
            .execute(&mut conn)
            .unwrap();
    }
    let before = app.count("recipients");
    let settings = app.settings.clone();
    tokio::task::spawn_blocking(move || hastakshar::startup::prepare_database(&settings))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(app.count("recipients"), before, "no second Parliament");
    let mut conn = app.pool.get().unwrap();
    let names: Vec<String> = recipients::table
        .filter(recipients::kind.eq("parliament"))
        .select(recipients::name)
        .load(&mut conn)
        .unwrap();
    assert_eq!(names, ["Parliament of India (Lok Sabha)"]);
}

fn sent(app: &TestApp, to: &str) -> bool {
    let mut conn = app.pool.get().unwrap();
    outbox::table
        .filter(outbox::recipient_index.eq(app.settings.data_keys.index(to)))
        .select(outbox::sent_at)
        .first::<Option<chrono::NaiveDateTime>>(&mut conn)
        .unwrap()
        .is_some()
}

async fn an_email_is_marked_sent_as_soon_as_it_has_gone(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        Options {
            run_worker: false,
            ..Options::default()
        },
    )
    .await;
    for email in ["fast@example.in", "slow@example.in"] {
        assert_eq!(app.sign(&as_refs(&form(email))).await.status(), 303);
    }
    app.smtp.hold("slow@example.in");
    let worker = Arc::new(
        hastakshar::jobs::Worker::new(
            &app.settings,
            app.pool.clone(),
            Arc::new(hastakshar::metrics::Metrics::new()),
        )
        .unwrap(),
    );
    let round = {
        let worker = worker.clone();
        tokio::spawn(async move { worker.send_once().await })
    };
    // While the relay sits on the slow one, the fast one is already marked sent: a crash now
    // would send it again only if its own short write had not happened.
    let deadline = Instant::now() + WAIT;
    while !sent(&app, "fast@example.in") {
        assert!(
            Instant::now() < deadline,
            "the fast email is marked sent while the slow one is held"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(!sent(&app, "slow@example.in"));
    app.smtp.release();
    assert_eq!(round.await.unwrap().unwrap(), (2, 0));
    assert!(sent(&app, "slow@example.in"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn packs_made_on_the_server_hold_no_connection_while_they_render() {
    use hastakshar::delivery::{self, Db};
    let app = TestApp::spawn(Backend::Sqlite).await;
    app.sign_and_confirm(DEMO, &with(form("a@example.in"), "deliver_name", "on"))
        .await;
    let pool = hastakshar::db::build_pool(&app.db.url, 1).unwrap();
    let keys = app.settings.data_keys.clone();
    tokio::task::spawn_blocking(move || {
        let plan = delivery::plan(
            &mut pool.get().unwrap(),
            &keys,
            DEMO,
            hastakshar::i18n::Lang::En,
        )
        .unwrap();
        let mut idle = Vec::new();
        delivery::each_pack(
            &mut Db::Pool(&pool),
            &plan,
            false,
            |_, _| {
                idle.push(pool.state().idle_connections);
                Ok(())
            },
            |_, _, _| Ok(()),
        )
        .unwrap();
        assert_eq!(
            idle,
            [1, 1],
            "the one connection is back in the pool while each pack is made"
        );
    })
    .await
    .unwrap();
}
