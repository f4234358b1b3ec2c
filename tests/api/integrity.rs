//! A count no one can dismiss: one signature per inbox, a bot wave found in the console,
//! invalidated (and restored) everywhere the count shows, rules that hold and block without the
//! signer seeing a difference, in every process, and no raw client address kept anywhere.

use std::time::{Duration, Instant};

use diesel::prelude::*;
use futures_util::future::join_all;
use hastakshar::accounts::Role;
use hastakshar::config::SignRate;
use hastakshar::db::schema::signatures;

use crate::exports::cli;
use crate::helpers::{DEMO, Options, Step, TestApp, as_refs, form};
use crate::on_both_backends;
use crate::people::*;
use crate::support::testdb::Backend;

on_both_backends!(
    one_inbox_signs_once_whatever_the_spelling,
    a_bot_wave_is_found_invalidated_everywhere_and_restored,
    hold_and_block_rules_look_the_same_to_the_signer,
    bad_criteria_and_rules_are_refused_and_change_nothing,
    a_rate_rule_holds_what_comes_past_its_burst,
    a_spike_emails_moderators_once_and_shows,
    an_imported_domain_list_replaces_the_shipped_one_in_every_process,
);

/// An app that believes `X-Forwarded-For` from loopback, so each signer can come from a
/// network of its own, and lets many sign from one network.
async fn behind_proxy(backend: Backend) -> TestApp {
    TestApp::spawn_with(
        backend,
        Options {
            trusted_proxies: "127.0.0.1/32",
            sign_rate: Some(SignRate {
                burst: 100_000,
                per_hour: 1_000_000,
            }),
            ..Options::default()
        },
    )
    .await
}

async fn sign_from(app: &TestApp, email: &str, ip: &str) -> reqwest::Response {
    let f = form(email);
    app.sign_with(DEMO, &as_refs(&f), &[("X-Forwarded-For", ip)])
        .await
}

/// Confirms every pending signature of `emails` by pressing the button in its email.
async fn confirm_all(app: &TestApp, emails: &[String]) {
    let deadline = Instant::now() + Duration::from_secs(60);
    let links: Vec<String> = loop {
        let mails = app.smtp.messages();
        let mut by_recipient = std::collections::HashMap::new();
        for m in &mails {
            for t in &m.to {
                by_recipient.insert(t.clone(), m);
            }
        }
        if emails.iter().all(|e| by_recipient.contains_key(e)) {
            break emails
                .iter()
                .map(|e| app.confirm_link(by_recipient[e]))
                .collect();
        }
        assert!(
            Instant::now() < deadline,
            "a confirmation email to each of {} signers",
            emails.len()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    for chunk in links.chunks(16) {
        let pressed = join_all(chunk.iter().map(|l| app.client.post(l).send())).await;
        for r in pressed {
            assert_eq!(r.unwrap().status(), 200);
        }
    }
}

fn count_of(app: &TestApp) -> i64 {
    let mut conn = app.pool.get().unwrap();
    hastakshar::db::schema::petitions::table
        .find(DEMO)
        .select(hastakshar::db::schema::petitions::signature_count)
        .first(&mut conn)
        .unwrap()
}

async fn one_inbox_signs_once_whatever_the_spelling(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let before = count_of(&app);
    app.sign_and_confirm(DEMO, &form("annexample@gmail.com"))
        .await;
    app.wait_for_count(DEMO, before + 1).await;
    let r = app
        .sign(&as_refs(&form("Ann.Example+x@googlemail.com")))
        .await;
    assert_eq!(r.status(), 303, "the same page as any signer");
    // The second spelling is told it has signed already, at the address it typed.
    let told = mail_to(&app, "ann.example+x@googlemail.com", "already").await;
    assert!(told.links().iter().all(|l| !l.contains("/confirm/")));
    app.settled().await;
    assert_eq!(app.petition_json(DEMO).await["signature_count"], before + 1);
    let mut conn = app.pool.get().unwrap();
    let rows: i64 = signatures::table
        .filter(
            signatures::email_canonical.eq(app.settings.data_keys.index("annexample@gmail.com")),
        )
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(rows, 1, "one row for the inbox");
}

/// The first data row of the table captioned `caption`: its cells' text.
fn first_row(page: &str, caption: &str) -> Vec<String> {
    let at = page
        .find(&format!("<caption>{caption}</caption>"))
        .unwrap_or_else(|| panic!("a table {caption:?}"));
    let body = &page[at..];
    let row = &body[body.find("<tbody>").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    row.split("<td")
        .skip(1)
        .map(|cell| {
            let text = &cell[cell.find('>').unwrap() + 1..];
            text[..text.find("</td>").unwrap()].to_string()
        })
        .collect()
}

fn total_in(json: &serde_json::Value, key: &str) -> i64 {
    json[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} in {json}"))
        .iter()
        .map(|r| r["count"].as_i64().unwrap())
        .sum()
}

fn pack_count(app: &TestApp, pc: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(
        app,
        &format!(
            "deliver packs --petition {DEMO} --out {}",
            dir.path().display()
        ),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let index = std::fs::read(dir.path().join("index.csv")).unwrap();
    csv::Reader::from_reader(&index[3..])
        .records()
        .map(Result::unwrap)
        .find(|r| &r[2] == pc)
        .map(|r| r[5].to_string())
        .unwrap_or_else(|| "no pack".into())
}

fn exported(app: &TestApp) -> String {
    let out = cli(app, &format!("export signatures --petition {DEMO}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

async fn a_bot_wave_is_found_invalidated_everywhere_and_restored(backend: Backend) {
    let mut step = Step::first("50 people sign from their own networks");
    let app = behind_proxy(backend).await;
    let app = &app;
    let before = count_of(app);
    let people: Vec<String> = (0..50).map(|i| format!("person{i}@example.in")).collect();
    for (i, chunk) in people.chunks(10).enumerate() {
        let sent = join_all(chunk.iter().enumerate().map(|(j, e)| {
            let ip = format!("100.64.{}.9", i * 10 + j);
            async move { sign_from(app, e, &ip).await }
        }))
        .await;
        assert!(sent.iter().all(|r| r.status() == 303));
    }
    step.next("500 bots sign from 198.51.100.0/24 with disposable addresses");
    let bots: Vec<String> = (0..500)
        .map(|i| format!("bot{i}@guerrillamail.com"))
        .collect();
    for (i, chunk) in bots.chunks(20).enumerate() {
        let sent = join_all(chunk.iter().enumerate().map(|(j, e)| {
            let ip = format!("198.51.100.{}", (i * 20 + j) % 250 + 1);
            async move { sign_from(app, e, &ip).await }
        }))
        .await;
        assert!(sent.iter().all(|r| r.status() == 303));
    }
    let everyone: Vec<String> = people.iter().chain(&bots).cloned().collect();
    confirm_all(app, &everyone).await;
    app.wait_for_count(DEMO, before + 550).await;

    step.next("the console ranks the bots' network and domain first");
    let moderator = staff(app, "moderator@example.in", Role::Moderator).await;
    let (status, page) = moderator
        .get(&format!("/admin/petitions/{DEMO}/integrity?window=all"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        first_row(&page, "Top networks")[..2],
        ["198.51.100.0/24", "500"]
    );
    assert_eq!(
        first_row(&page, "Top email domains")[..2],
        ["guerrillamail.com", "500"]
    );
    assert_eq!(
        first_row(&page, "Flags raised")[..2],
        ["Disposable email domain", "500"]
    );

    step.next("the dry run on the command line counts exactly 500 and changes nothing");
    let line = format!(
        "fraud invalidate --petition {DEMO} --network 198.51.100.0/24 --domain guerrillamail.com --reason wave --dry-run"
    );
    let out = cli(app, &line);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("500 signatures match"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(count_of(app), before + 550);

    step.next("the console previews, then invalidates");
    let criteria = [
        ("network", "198.51.100.0/24"),
        ("domain", "guerrillamail.com"),
        ("reason", "An automated wave from one network"),
    ];
    let path = format!("/admin/petitions/{DEMO}/invalidations");
    let console = format!("/admin/petitions/{DEMO}/integrity");
    let preview = moderator
        .submit(
            &console,
            &path,
            &[&criteria[..], &[("step", "preview")]].concat(),
        )
        .await;
    assert_eq!(preview.status(), 200);
    let preview = preview.text().await.unwrap();
    assert!(preview.contains("500 signatures match."), "{preview}");
    assert_eq!(count_of(app), before + 550, "a preview changes nothing");
    let until = preview
        .split("name=\"until\"")
        .nth(1)
        .and_then(|s| s.split("value=\"").nth(1))
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    let apply = [
        &criteria[..],
        &[
            ("until", until.as_str()),
            ("expected", "500"),
            ("step", "apply"),
        ],
    ]
    .concat();
    let r = moderator.submit(&console, &path, &apply).await;
    assert_eq!(r.status(), 303);
    assert_eq!(count_of(app), before + 50, "the count drops at once");

    step.next("page, API, exports and packs count the 50 alone");
    let json = app.petition_json(DEMO).await;
    assert_eq!(json["signature_count"], before + 50);
    assert_eq!(total_in(&json, "signatures_by_state"), before + 50);
    assert_eq!(total_in(&json, "signatures_by_constituency"), before + 50);
    let (_, page) = app.get_text(&format!("/petitions/{DEMO}")).await;
    assert!(
        page.contains(&format!("<strong>{}</strong>", before + 50)),
        "{page}"
    );
    let csv = exported(app);
    assert!(!csv.contains("guerrillamail"), "no bot in the export");
    assert_eq!(csv.lines().count() as i64 - 1, before + 50);
    assert_eq!(pack_count(app, "S24-77"), (before + 50).to_string());
    let (_, method) = app.get_text(&format!("/petitions/{DEMO}/method")).await;
    assert!(method.contains("An automated wave from one network"));
    assert!(!method.contains("198.51.100"), "criteria stay private");

    step.next("cancelling restores all 500");
    let id: i64 = {
        let mut conn = app.pool.get().unwrap();
        hastakshar::db::schema::invalidations::table
            .select(hastakshar::db::schema::invalidations::id)
            .first(&mut conn)
            .unwrap()
    };
    let r = moderator
        .submit(&console, &format!("/admin/invalidations/{id}/cancel"), &[])
        .await;
    assert_eq!(r.status(), 303);
    let json = app.wait_for_count(DEMO, before + 550).await;
    assert_eq!(total_in(&json, "signatures_by_constituency"), before + 550);
    assert_eq!(pack_count(app, "S24-77"), (before + 550).to_string());
    step.next("the audit log has both");
    assert_eq!(
        app.count("audit_log WHERE action IN ('signatures.invalidate', 'invalidation.cancel') AND row_count = 500"),
        2
    );
}

async fn hold_and_block_rules_look_the_same_to_the_signer(backend: Backend) {
    let mut step = Step::first("an admin adds a hold rule and a block rule");
    let app = behind_proxy(backend).await;
    let before = count_of(&app);
    let admin = staff(&app, "admin@example.in", Role::Admin).await;
    for (value, action) in [("held.example", "hold"), ("blocked.example", "block")] {
        let r = admin
            .submit(
                "/admin/rules",
                "/admin/rules",
                &[
                    ("kind", "domain"),
                    ("value", value),
                    ("action", action),
                    ("note", "test"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
    }
    step.next("three signers see the same page");
    let mut pages = Vec::new();
    for email in [
        "plain@example.in",
        "someone@held.example",
        "someone@blocked.example",
    ] {
        let r = sign_from(&app, email, "203.0.113.5").await;
        assert_eq!(r.status(), 303);
        let location = location(&r);
        let (status, page) = app.get_text(&location).await;
        pages.push((location, status, page));
    }
    assert!(
        pages.windows(2).all(|w| w[0] == w[1]),
        "the same answer for all three"
    );
    step.next("the operators' metrics count one held and one blocked");
    let (_, metrics) = app.get_text("/metrics").await;
    for action in ["hold", "block"] {
        assert!(
            metrics.contains(&format!(
                "hastakshar_signatures_ruled_total{{action=\"{action}\"}} 1"
            )),
            "{action}:\n{metrics}"
        );
    }
    step.next("the held signer is emailed and confirms, the blocked one hears nothing");
    confirm_all(
        &app,
        &["plain@example.in".into(), "someone@held.example".into()],
    )
    .await;
    app.settled().await;
    assert!(
        app.smtp
            .messages()
            .iter()
            .all(|m| m.to.iter().all(|t| !t.ends_with("@blocked.example")))
    );
    assert_eq!(
        app.count("signatures WHERE email_domain = 'blocked.example'"),
        0
    );
    assert_eq!(
        app.count("signatures WHERE held = TRUE AND confirmed_at IS NOT NULL"),
        1
    );
    assert_eq!(count_of(&app), before + 1, "the held one does not count");
    let (_, method) = app.get_text(&format!("/petitions/{DEMO}/method")).await;
    assert!(
        method.contains("Held for a moderator</th><td class=\"num\">1<"),
        "{method}"
    );
    step.next("a moderator releases it and it counts");
    let moderator = staff(&app, "moderator@example.in", Role::Moderator).await;
    let console = format!("/admin/petitions/{DEMO}/integrity");
    let (_, page) = moderator.get(&console).await;
    assert!(page.contains("1 signature held"), "{page}");
    let r = moderator
        .submit(
            &console,
            &format!("/admin/petitions/{DEMO}/held/release"),
            &[],
        )
        .await;
    assert_eq!(r.status(), 303);
    app.wait_for_count(DEMO, before + 2).await;
    step.next("the raw client address is in no table");
    assert!(!stored_anywhere(&app, "203.0.113.5"));
    assert_eq!(app.count("signatures WHERE network = '203.0.113.0/24'"), 2);
}

/// Whether `needle` is anywhere in the database: in the SQLite file (and its WAL), or in the
/// text of any row of any PostgreSQL table.
fn stored_anywhere(app: &TestApp, needle: &str) -> bool {
    let mut conn = app.pool.get().unwrap();
    match &mut *conn {
        hastakshar::db::DbConnection::Sqlite(c) => {
            diesel::sql_query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(c)
                .unwrap();
            let path = app.db.url.trim_start_matches("sqlite://").to_string();
            [path.clone(), format!("{path}-wal")].iter().any(|p| {
                std::fs::read(p)
                    .map(|b| b.windows(needle.len()).any(|w| w == needle.as_bytes()))
                    .unwrap_or(false)
            })
        }
        hastakshar::db::DbConnection::Pg(c) => {
            #[derive(QueryableByName)]
            struct Name {
                #[diesel(sql_type = diesel::sql_types::Text)]
                name: String,
            }
            let tables: Vec<Name> = diesel::sql_query(
                "SELECT table_name AS name FROM information_schema.tables \
                 WHERE table_schema = 'public'",
            )
            .load(c)
            .unwrap();
            tables.iter().any(|t| {
                let n: i64 = diesel::sql_query(format!(
                    "SELECT COUNT(*) AS n FROM \"{}\" t WHERE CAST(t AS TEXT) LIKE $1",
                    t.name
                ))
                .bind::<diesel::sql_types::Text, _>(format!("%{needle}%"))
                .get_result::<Count>(c)
                .unwrap()
                .n;
                n > 0
            })
        }
    }
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

async fn bad_criteria_and_rules_are_refused_and_change_nothing(backend: Backend) {
    let app = behind_proxy(backend).await;
    let before = count_of(&app);
    app.sign_and_confirm(DEMO, &form("one@example.in")).await;
    app.wait_for_count(DEMO, before + 1).await;
    let admin = staff(&app, "admin@example.in", Role::Admin).await;
    let console = format!("/admin/petitions/{DEMO}/integrity");
    let path = format!("/admin/petitions/{DEMO}/invalidations");
    for (fields, field) in [
        (vec![("reason", "no criteria")], "network"),
        (
            vec![("network", "198.51.100.0/28"), ("reason", "x")],
            "network",
        ),
        (vec![("network", "10.0.0.0/8"), ("reason", "x")], "network"),
        (vec![("domain", "not a domain"), ("reason", "x")], "domain"),
        (vec![("since", "yesterday"), ("reason", "x")], "since"),
        (vec![("domain", "example.in")], "reason"),
    ] {
        let r = admin
            .submit(
                &console,
                &path,
                &[&fields[..], &[("step", "apply"), ("expected", "1")]].concat(),
            )
            .await;
        assert_eq!(r.status(), 422, "{fields:?}");
        let page = r.text().await.unwrap();
        assert!(
            page.contains(&format!("href=\"#{field}\"")),
            "{field} named for {fields:?}"
        );
    }
    // An apply whose count moved on is shown again, not applied.
    let r = admin
        .submit(
            &console,
            &path,
            &[
                ("domain", "example.in"),
                ("reason", "x"),
                ("step", "apply"),
                ("expected", "7"),
            ],
        )
        .await;
    assert_eq!(r.status(), 409);
    for rule in [
        vec![
            ("kind", "network"),
            ("value", "300.1.2.0/24"),
            ("action", "hold"),
        ],
        vec![
            ("kind", "rate"),
            ("scope", "network"),
            ("burst", "-1"),
            ("action", "hold"),
        ],
        vec![
            ("kind", "domain"),
            ("value", "example.in"),
            ("action", "delete"),
        ],
        vec![("kind", "nonsense"), ("action", "hold")],
    ] {
        let r = admin.submit("/admin/rules", "/admin/rules", &rule).await;
        assert_eq!(r.status(), 422, "{rule:?}");
    }
    assert_eq!(app.count("integrity_rules"), 0);
    assert_eq!(app.count("invalidations"), 0);
    // The command line: bad criteria exit 2 with one line; an empty match changes nothing.
    for line in [
        format!("fraud invalidate --petition {DEMO} --network 10.0.0.0/8 --reason x"),
        format!("fraud invalidate --petition {DEMO} --reason x"),
        "fraud invalidate --petition 999 --domain example.in --reason x".to_string(),
        "fraud restore --invalidation 42".to_string(),
    ] {
        let out = cli(&app, &line);
        assert_eq!(out.status.code(), Some(2), "{line}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr).trim().lines().count(),
            1,
            "{line}"
        );
    }
    let out = cli(
        &app,
        &format!("fraud invalidate --petition {DEMO} --domain nobody.example --reason x"),
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("0 signatures match"));
    assert_eq!(app.count("invalidations"), 0);
    assert_eq!(count_of(&app), before + 1);
    // A campaigner and a visitor get nowhere near the console or the rules.
    let campaigner = campaigner(&app, "campaigner@example.in").await;
    for path in [console.as_str(), "/admin/rules"] {
        assert_eq!(campaigner.get(path).await.0, 403, "{path}");
        let r = app.get(path).await;
        assert_eq!(r.status(), 303, "{path} asks a visitor to log in");
    }
}

/// A rule added through one process holds in a second process on the same database within
/// ten seconds (PostgreSQL, where several processes share one database in production).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rule_added_in_one_process_holds_in_another_within_ten_seconds() {
    if crate::helpers::skip(Backend::Postgres) {
        return;
    }
    let app = behind_proxy(Backend::Postgres).await;
    let second = crate::operations::ChildServer::start(&app.db.url, &app.smtp.url()).await;
    let r = second.sign(&form("early@held.example")).await;
    assert_eq!(r.status(), 303);
    assert_eq!(app.count("signatures WHERE held = TRUE"), 0, "no rule yet");
    let admin = staff(&app, "admin@example.in", Role::Admin).await;
    let added = Instant::now();
    let r = admin
        .submit(
            "/admin/rules",
            "/admin/rules",
            &[
                ("kind", "domain"),
                ("value", "held.example"),
                ("action", "hold"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let mut n = 0;
    loop {
        n += 1;
        let r = second.sign(&form(&format!("late{n}@held.example"))).await;
        assert_eq!(r.status(), 303);
        if app.count(&format!(
            "signatures WHERE email_canonical = '{}' AND held = TRUE",
            app.settings
                .data_keys
                .index(&format!("late{n}@held.example"))
        )) == 1
        {
            break;
        }
        assert!(
            added.elapsed() < Duration::from_secs(10),
            "the second process obeys within 10 s"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    eprintln!(
        "the second process held a signature {:?} after the rule was added",
        added.elapsed()
    );
}

async fn a_rate_rule_holds_what_comes_past_its_burst(backend: Backend) {
    let app = behind_proxy(backend).await;
    let admin = staff(&app, "admin@example.in", Role::Admin).await;
    let r = admin
        .submit(
            "/admin/rules",
            "/admin/rules",
            &[
                ("kind", "rate"),
                ("scope", "network"),
                ("burst", "3"),
                ("action", "hold"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    for i in 0..5 {
        let r = sign_from(
            &app,
            &format!("neighbour{i}@example.in"),
            &format!("192.0.2.{}", i + 1),
        )
        .await;
        assert_eq!(r.status(), 303);
    }
    // Another network is not held back by this one.
    assert_eq!(
        sign_from(&app, "elsewhere@example.in", "203.0.113.1")
            .await
            .status(),
        303
    );
    assert_eq!(
        app.count("signatures WHERE network = '192.0.2.0/24' AND held = FALSE"),
        3
    );
    assert_eq!(
        app.count("signatures WHERE network = '192.0.2.0/24' AND held = TRUE"),
        2
    );
    assert_eq!(
        app.count("signatures WHERE network = '203.0.113.0/24' AND held = FALSE"),
        1
    );
    // The rule's matches reach its row at the next refresh, and the rules page shows them.
    app.eventually("the hits are written", |app| {
        app.count("integrity_rules WHERE hits = 2") == 1
    })
    .await;
}

async fn a_spike_emails_moderators_once_and_shows(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        Options {
            trusted_proxies: "127.0.0.1/32",
            sign_rate: Some(SignRate {
                burst: 1000,
                per_hour: 10_000,
            }),
            tweak: |s| {
                s.spike.floor = 2.0;
                s.spike.multiple = 5.0;
            },
            ..Options::default()
        },
    )
    .await;
    let moderator = staff(&app, "moderator@example.in", Role::Moderator).await;
    let before = app.smtp.received();
    // Quiet: no spike, no email.
    assert_eq!(
        sign_from(&app, "first@example.in", "100.64.0.1")
            .await
            .status(),
        303
    );
    app.settled().await;
    // Twenty in a moment, against nothing in the hour before: a spike.
    for i in 0..20 {
        let r = sign_from(&app, &format!("wave{i}@example.in"), "198.51.100.7").await;
        assert_eq!(r.status(), 303);
    }
    let alert = mail_to(&app, "moderator@example.in", "Spike on").await;
    assert!(
        alert
            .links()
            .iter()
            .any(|l| l.ends_with(&format!("/admin/petitions/{DEMO}/integrity"))),
        "the email leads to the console"
    );
    let (_, metrics) = app.get_text("/metrics").await;
    assert!(
        metrics.contains(&format!(
            "hastakshar_petition_spike{{petition=\"{DEMO}\"}} 1"
        )),
        "{metrics}"
    );
    let (_, console) = moderator
        .get(&format!("/admin/petitions/{DEMO}/integrity"))
        .await;
    assert!(console.contains("Spike: signed"), "the console shows it");
    // More of the wave within the hour: no second email.
    for i in 20..30 {
        sign_from(&app, &format!("wave{i}@example.in"), "198.51.100.7").await;
    }
    tokio::time::sleep(Duration::from_millis(600)).await;
    app.settled().await;
    let alerts = app
        .smtp
        .messages()
        .iter()
        .skip(before)
        .filter(|m| {
            m.header("subject")
                .is_some_and(|s| s.starts_with("Spike on"))
        })
        .count();
    assert_eq!(alerts, 1, "one email per petition per hour");
}

async fn an_imported_domain_list_replaces_the_shipped_one_in_every_process(backend: Backend) {
    let app = behind_proxy(backend).await;
    assert_eq!(
        sign_from(&app, "before@guerrillamail.com", "100.64.1.1")
            .await
            .status(),
        303
    );
    assert_eq!(
        app.count("signatures WHERE disposable = TRUE"),
        1,
        "the shipped list"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("list.conf");
    std::fs::write(
        &file,
        "# a newer list\nthrowaway-inbox.example\n\nnot a domain\n",
    )
    .unwrap();
    let out = cli(&app, &format!("fraud domains --import {}", file.display()));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("1 disposable domains imported"));
    assert_eq!(
        app.count("audit_log WHERE action = 'import disposable domains' AND row_count = 1"),
        1
    );
    // The running server picks the list up at its next refresh.
    let started = Instant::now();
    let mut n = 0;
    loop {
        n += 1;
        let email = format!("after{n}@throwaway-inbox.example");
        assert_eq!(sign_from(&app, &email, "100.64.2.1").await.status(), 303);
        if app.count(&format!(
            "signatures WHERE email_canonical = '{}' AND disposable = TRUE",
            app.settings.data_keys.index(&email)
        )) == 1
        {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the new list within 10 s"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert_eq!(
        sign_from(&app, "after@guerrillamail.com", "100.64.3.1")
            .await
            .status(),
        303
    );
    assert_eq!(
        app.count(&format!(
            "signatures WHERE email_canonical = '{}' AND disposable = FALSE",
            app.settings.data_keys.index("after@guerrillamail.com")
        )),
        1,
        "the imported list replaces the shipped one"
    );
    let empty = dir.path().join("empty.conf");
    std::fs::write(&empty, "# nothing\n").unwrap();
    let out = cli(&app, &format!("fraud domains --import {}", empty.display()));
    assert_eq!(out.status.code(), Some(2), "an empty list is refused");
}
