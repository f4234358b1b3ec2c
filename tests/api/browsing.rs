//! Browsing: `/petitions` searched, filtered, sorted and paged over public petitions only, and
//! the Atom feed of new ones.

use diesel::prelude::*;
use hastakshar::db::petitions::NewPetition;
use hastakshar::db::schema::{deliveries, outbox, petitions};
use hastakshar::domain::Status;
use hastakshar::i18n::Lang;

use crate::helpers::{DEMO, TestApp};
use crate::on_both_backends;
use crate::support::testdb::Backend;

/// A petition with `title`, in `status`, with `count` signatures, opened `days_ago` and
/// closing in `closes_in` days.
fn petition(
    app: &TestApp,
    title: &str,
    status: Status,
    count: i64,
    days_ago: i64,
    closes_in: i64,
) -> i64 {
    let mut conn = app.pool.get().unwrap();
    let now = hastakshar::db::now();
    let id = hastakshar::db::petitions::insert(
        &mut conn,
        &NewPetition {
            lang: Lang::En,
            goal: 100_000,
            texts: vec![(
                Lang::En,
                title,
                "Close the brothels that hold trafficked girls.",
                "",
            )],
            recipient_ids: vec![],
            opened_at: Some(now - chrono::Duration::days(days_ago)),
            closes_at: Some(now + chrono::Duration::days(closes_in)),
            status,
        },
    )
    .unwrap();
    diesel::update(petitions::table.find(id))
        .set(petitions::signature_count.eq(count))
        .execute(&mut conn)
        .unwrap();
    id
}

/// The ids of the petitions a page lists, in order.
fn listed(page: &str) -> Vec<i64> {
    page.split("<li class=\"card\">")
        .skip(1)
        .filter_map(|card| {
            card.split("/petitions/")
                .nth(1)?
                .split('"')
                .next()?
                .parse()
                .ok()
        })
        .collect()
}

async fn petitions_are_searched_filtered_sorted_and_paged(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let kolkata = petition(
        &app,
        "Shelters for survivors in Kolkata",
        Status::Open,
        500,
        3,
        10,
    );
    let patna = petition(
        &app,
        "Fast-track courts for trafficking in Patna",
        Status::Open,
        9_000,
        1,
        90,
    );
    let delhi = petition(
        &app,
        "Rescue homes in Delhi",
        Status::Closed,
        20_000,
        100,
        -5,
    );
    let draft = petition(&app, "A draft about trafficking", Status::Draft, 0, 0, 30);
    {
        // Delivered to the ministry: its email, sent, and the delivery that records it.
        let mut conn = app.pool.get().unwrap();
        let now = hastakshar::db::now();
        let mail: i64 = diesel::insert_into(outbox::table)
            .values((
                outbox::kind.eq("delivery"),
                outbox::recipient.eq("ministry@example.in"),
                outbox::subject.eq("Rescue homes in Delhi"),
                outbox::body_text.eq("20,000 signatures"),
                outbox::body_html.eq(""),
                outbox::attempts.eq(1),
                outbox::next_attempt_at.eq(now),
                outbox::sent_at.eq(Some(now)),
                outbox::created_at.eq(now),
            ))
            .returning(outbox::id)
            .get_result(&mut conn)
            .unwrap();
        diesel::insert_into(deliveries::table)
            .values((
                deliveries::petition_id.eq(delhi),
                deliveries::recipient_kind.eq("ministry"),
                deliveries::recipient_name.eq("Ministry of Women and Child Development"),
                deliveries::email.eq("ministry@example.in"),
                deliveries::signatures.eq(20_000i64),
                deliveries::outbox_id.eq(mail),
                deliveries::created_at.eq(hastakshar::db::now()),
                deliveries::created_by.eq("test"),
            ))
            .execute(&mut conn)
            .unwrap();
    }

    // Everything public, most signed first; never a draft.
    let (status, all) = app.get_text("/petitions").await;
    assert_eq!(status, 200);
    assert_eq!(listed(&all), vec![delhi, patna, kolkata, DEMO]);
    assert!(all.contains("4 petitions."));
    assert!(!listed(&all).contains(&draft));

    // Filters and orders.
    let ask = |q: &'static str| {
        let app = &app;
        async move { listed(&app.get_text(&format!("/petitions?{q}")).await.1) }
    };
    assert_eq!(ask("status=open").await, vec![patna, kolkata, DEMO]);
    assert_eq!(ask("status=closed").await, vec![delhi]);
    assert_eq!(ask("delivered=on").await, vec![delhi]);
    // The demo petition opened as the site started: the newest.
    assert_eq!(
        ask("status=open&sort=new").await,
        vec![DEMO, patna, kolkata]
    );
    assert_eq!(ask("status=open&sort=closing").await[0], kolkata);
    assert_eq!(
        ask("q=trafficking").await,
        vec![patna],
        "words in titles and asks; no draft"
    );
    assert_eq!(ask("q=shelt").await, vec![kolkata], "a word's start");
    assert_eq!(ask("q=delhi&status=open").await, Vec::<i64>::new());
    // What no form sends is the default, never an error.
    for odd in [
        "status=%3Cb%3E",
        "sort=sideways",
        "page=-3",
        "page=x",
        "q=%22%27%3B--",
    ] {
        let (status, page) = app.get_text(&format!("/petitions?{odd}")).await;
        assert_eq!(status, 200, "{odd}");
        assert!(!page.contains("<b>"), "{odd}");
    }

    // Pages of twenty, with links that keep the question.
    for i in 0..21 {
        petition(
            &app,
            &format!("Another petition {i}"),
            Status::Open,
            i,
            2,
            20,
        );
    }
    let (_, first) = app.get_text("/petitions?status=open").await;
    assert_eq!(listed(&first).len(), 20);
    assert!(first.contains("Page 1 of 2"));
    assert!(first.contains(r#"rel="next" href="/petitions?status=open&amp;page=2""#));
    let (_, second) = app.get_text("/petitions?status=open&page=2").await;
    assert_eq!(listed(&second).len(), 4);
    assert!(second.contains(r#"rel="prev" href="/petitions?status=open""#));
    let (_, hi) = app.get_text("/hi/petitions?status=closed").await;
    assert!(hi.contains("lang=\"hi\"") && hi.contains("1 याचिका।"));

    // The feed: open petitions, newest first, as Atom.
    let r = app.get("/petitions.atom").await;
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml")
    );
    let atom = r.text().await.unwrap();
    assert!(atom.starts_with("<?xml"));
    assert_eq!(atom.matches("<entry>").count(), 24, "the open ones");
    let entries: Vec<&str> = atom.split("<entry>").skip(1).collect();
    assert!(
        entries[0].contains("Cool Men Don&#39;t Buy Sex")
            || entries[0].contains("Cool Men Don't Buy Sex")
    );
    assert!(entries[1].contains("Fast-track courts for trafficking in Patna"));
    assert!(
        !atom.contains("Rescue homes in Delhi"),
        "closed ones are not new"
    );
    let (_, hi_feed) = app.get_text("/hi/petitions.atom").await;
    assert!(hi_feed.contains("xml:lang=\"hi\""));
}

on_both_backends!(petitions_are_searched_filtered_sorted_and_paged);
