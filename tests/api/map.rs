//! The constituency map: every one of the 543 seats drawn, shaded by its count, with the same
//! figures in its table as the JSON API gives; a state's view; the petition page's small map.

use diesel::prelude::*;
use hastakshar::db::schema::constituency_counts;

use crate::helpers::{DEMO, TestApp, form, with_all};
use crate::on_both_backends;
use crate::support::testdb::Backend;

/// The `data-pc` shapes of a page's map, with their shading class.
fn shapes(page: &str) -> Vec<(String, String)> {
    page.split("<path class=\"")
        .skip(1)
        .filter_map(|rest| {
            let class = rest.split('"').next()?.to_string();
            let pc = rest
                .split("data-pc=\"")
                .nth(1)?
                .split('"')
                .next()?
                .to_string();
            rest.split('>')
                .next()?
                .contains("data-pc")
                .then_some((pc, class))
        })
        .collect()
}

/// The table's rows: constituency's `pc_id` and its count as shown.
fn rows(page: &str) -> Vec<(String, String)> {
    page.split("<tr data-pc=\"")
        .skip(1)
        .map(|rest| {
            let pc = rest.split('"').next().unwrap().to_string();
            let row = rest.split("</tr>").next().unwrap();
            let n = row
                .rsplit("<td class=\"num\">")
                .next()
                .unwrap()
                .split('<')
                .next()
                .unwrap()
                .to_string();
            (pc, n)
        })
        .collect()
}

async fn the_map_shades_every_constituency_by_its_count(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    // Real signers in three constituencies of two states.
    for (i, (state, pc, pin)) in [
        ("IN-UP", "S24-77", "221001"),
        ("IN-UP", "S24-77", "221001"),
        ("IN-BR", "S04-01", "800001"),
        ("IN-UP", "S24-01", "247001"),
    ]
    .iter()
    .enumerate()
    {
        let f = with_all(
            form(&format!("map{i}@example.in")),
            &[("state", state), ("constituency", pc), ("pin_code", pin)],
        );
        app.sign_and_confirm(DEMO, &f).await;
    }
    app.wait_for_count(DEMO, 4).await;

    let path = format!("/petitions/{DEMO}/map");
    let (status, page) = app.get_text(&path).await;
    assert_eq!(status, 200);
    let drawn = shapes(&page);
    assert_eq!(drawn.len(), 543, "every seat is drawn once");
    let class = |pc: &str| drawn.iter().find(|(p, _)| p == pc).unwrap().1.clone();
    assert_eq!(class("S24-77"), "q1");
    assert_eq!(class("S04-01"), "q1");
    assert_eq!(class("S01-01"), "q0", "no signer: unshaded");
    assert!(page.contains("4 signatures from 3 constituencies."));
    assert!(page.contains("540 constituencies have no signer yet."));

    // Larger counts take darker shades, and the table says what the JSON API says.
    {
        let mut conn = app.pool.get().unwrap();
        for (pc, n) in [("S24-77", 4_213i64), ("S04-01", 56), ("S25-01", 120_000)] {
            diesel::delete(
                constituency_counts::table
                    .filter(constituency_counts::petition_id.eq(DEMO))
                    .filter(constituency_counts::pc_id.eq(pc)),
            )
            .execute(&mut conn)
            .unwrap();
            diesel::insert_into(constituency_counts::table)
                .values((
                    constituency_counts::petition_id.eq(DEMO),
                    constituency_counts::pc_id.eq(pc),
                    constituency_counts::count.eq(n),
                ))
                .execute(&mut conn)
                .unwrap();
        }
    }
    let mut page = String::new();
    for _ in 0..50 {
        page = app.get_text(&path).await.1;
        if page.contains("4,213") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let drawn = shapes(&page);
    let class = |pc: &str| drawn.iter().find(|(p, _)| p == pc).unwrap().1.clone();
    assert_eq!(
        (
            class("S24-77"),
            class("S04-01"),
            class("S25-01"),
            class("S24-01")
        ),
        ("q4".into(), "q2".into(), "q6".into(), "q1".into())
    );
    for (range, shown) in [("1,000–9,999", true), ("1,00,000+", true)] {
        assert_eq!(page.contains(range), shown, "the legend has {range}");
    }
    let json = app.petition_json(DEMO).await;
    let api: Vec<(String, String)> = json["signatures_by_constituency"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["code"].as_str().unwrap().to_string(),
                hastakshar::i18n::Lang::En.number(a["count"].as_i64().unwrap()),
            )
        })
        .collect();
    let table = rows(&page);
    assert_eq!(table.len(), api.len());
    for row in &api {
        assert!(table.contains(row), "the table has {row:?}: {table:?}");
    }
    assert_eq!(
        table[0],
        ("S25-01".to_string(), "1,20,000".to_string()),
        "most first"
    );
    assert!(page.contains("Narendra Modi"), "the member by name");

    // A state's view: its own seats and table, its own figures.
    let (_, up) = app.get_text(&format!("{path}?state=IN-UP")).await;
    assert_eq!(shapes(&up).len(), 80, "Uttar Pradesh has 80 seats");
    assert_eq!(rows(&up).len(), 80, "each in the table, signed or not");
    assert!(up.contains("Signatures by constituency in Uttar Pradesh"));
    assert!(up.contains("4,214 signatures from 2 constituencies."));
    // Anything else is all of India.
    let (status, other) = app.get_text(&format!("{path}?state=%3Cscript%3E")).await;
    assert_eq!(status, 200);
    assert_eq!(shapes(&other).len(), 543);
    let (_, hi) = app.get_text(&format!("/hi{path}?state=IN-BR")).await;
    assert!(hi.contains("बिहार में निर्वाचन क्षेत्र के अनुसार हस्ताक्षर"));
    assert!(hi.contains("lang=\"hi\""));
    assert_eq!(app.get_text("/petitions/999/map").await.0, 404);

    // The petition page: a small map of the states, leading to the whole map.
    let (_, petition) = app.get_text(&format!("/petitions/{DEMO}")).await;
    // A pasted link shows the share card.
    assert!(petition.contains(r#"name="twitter:card" content="summary_large_image""#));
    assert!(petition.contains(r#"property="og:title" content="Cool Men Don't Buy Sex""#));
    assert!(petition.contains(&format!("/petitions/{DEMO}/card.png")));
    let small = petition
        .split("<figure class=\"map-small\">")
        .nth(1)
        .expect("the petition page has the small map")
        .split("</figure>")
        .next()
        .unwrap();
    assert_eq!(
        small.matches("<path").count(),
        36,
        "36 states and union territories"
    );
    assert!(small.contains(&format!("href=\"{path}\"")));
}

on_both_backends!(the_map_shades_every_constituency_by_its_count);
