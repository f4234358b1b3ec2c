//! How a petition looks to a stranger: a goal that grows with the petition, a form that answers
//! where the signer is, share links that read right.

use std::time::Duration;

use diesel::prelude::*;
use hastakshar::db::schema::{daily_counts, petitions};

use crate::helpers::{DEMO, TestApp, as_refs, form};
use crate::on_both_backends;
use crate::support::testdb::Backend;

/// Sets the demo petition's count and goal, as the counter and the campaigner would.
pub fn set_count(app: &TestApp, count: i64, goal: i64) {
    let mut conn = app.pool.get().unwrap();
    diesel::update(petitions::table.find(DEMO))
        .set((
            petitions::signature_count.eq(count),
            petitions::goal.eq(goal),
        ))
        .execute(&mut conn)
        .unwrap();
}

/// The page once it shows `count` (the public page is cached for a second).
pub async fn page_with(app: &TestApp, path: &str, count: &str) -> String {
    for _ in 0..50 {
        let (status, body) = app.get_text(path).await;
        assert_eq!(status, 200);
        if body.contains(&format!("<strong>{count}</strong>")) {
            return body;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{path} never showed {count} signatures");
}

/// The bar aims at the next milestone (100, 500, 1,000, 5,000, 10,000 ...), says how many more
/// it needs in each language, stops at the campaigner's goal, and says when that is reached.
async fn the_milestone_follows_the_count(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for (count, goal, shown, en, hi, max) in [
        (
            0,
            100_000,
            "0",
            "100 more needed to reach 100",
            "100 तक पहुँचने के लिए 100 और हस्ताक्षर चाहिए",
            "100",
        ),
        (
            3,
            100_000,
            "3",
            "97 more needed to reach 100",
            "100 तक पहुँचने के लिए 97 और हस्ताक्षर चाहिए",
            "100",
        ),
        (
            120,
            100_000,
            "120",
            "380 more needed to reach 500",
            "500 तक पहुँचने के लिए 380 और हस्ताक्षर चाहिए",
            "500",
        ),
        (
            5_000,
            100_000,
            "5,000",
            "5,000 more needed to reach 10,000",
            "10,000 तक पहुँचने के लिए 5,000 और हस्ताक्षर चाहिए",
            "10000",
        ),
        (
            60_000,
            75_000,
            "60,000",
            "15,000 more needed to reach 75,000",
            "75,000 तक पहुँचने के लिए 15,000 और हस्ताक्षर चाहिए",
            "75000",
        ),
        (
            120_000,
            100_000,
            "1,20,000",
            "The goal is reached.",
            "लक्ष्य पूरा हुआ।",
            "100000",
        ),
    ] {
        set_count(&app, count, goal);
        let page = page_with(&app, &format!("/petitions/{DEMO}"), shown).await;
        assert!(page.contains(en), "{count} of {goal}: no {en:?}");
        assert!(
            page.contains(&format!("max=\"{max}\"")),
            "{count} of {goal}: the bar does not aim at {max}"
        );
        let page = page_with(&app, &format!("/hi/petitions/{DEMO}"), shown).await;
        assert!(page.contains(hi), "{count} of {goal}: no {hi:?}");
    }
}

/// The sign form posts to its own section, so after a 422 (without JavaScript, which would
/// focus the summary) the page opens at the form with the error summary at its top, in each
/// language. The email share link encodes spaces as `%20`: mail programs show a `+` as it is.
async fn a_refused_signature_opens_at_the_form_and_shared_mail_reads_right(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for prefix in ["", "/hi"] {
        let (_, page) = app.get_text(&format!("{prefix}/petitions/{DEMO}")).await;
        let action = format!("action=\"{prefix}/petitions/{DEMO}/signatures#sign\"");
        assert!(
            page.contains(&action),
            "no {action} in {prefix}/petitions/{DEMO}"
        );
    }
    let mut f = form("asha@example.org");
    f.retain(|(k, _)| *k != "adult");
    let r = app.sign(&as_refs(&f)).await;
    assert_eq!(r.status().as_u16(), 422);
    let page = r.text().await.unwrap();
    let section = page.find("id=\"sign\"").expect("the sign section");
    let summary = page.find("class=\"error-summary\"").expect("the summary");
    let form_at = page[section..].find("<form").map(|i| i + section).unwrap();
    assert!(
        section < summary && summary < form_at,
        "the summary heads the sign section"
    );
    assert_eq!(app.count("signatures"), 0);

    let (_, page) = app.get_text(&format!("/petitions/{DEMO}")).await;
    let mailto = page
        .split("href=\"mailto:?")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("an email share link");
    assert!(mailto.contains("%20"), "{mailto}");
    assert!(!mailto.contains('+'), "{mailto}");
}

/// Crawlers are told where they may not go (accounts, staff, a signer's own links, in each
/// language) and where the sitemap is; the sitemap lists each open petition in both languages
/// with its alternates, and a petition that closes leaves it.
async fn crawlers_find_open_petitions_and_nothing_private(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let r = app.get("/robots.txt").await;
    assert_eq!(r.status().as_u16(), 200);
    assert!(header(&r, "content-type").starts_with("text/plain"));
    let robots = r.text().await.unwrap();
    for rule in [
        "Disallow: /admin",
        "Disallow: /hi/admin",
        "Disallow: /my-data",
        "Disallow: /hi/my-data",
        "Disallow: /confirm/",
        "Disallow: /account/",
        "Disallow: /dashboard",
        "Disallow: /petitions/*/signatures",
    ] {
        assert!(
            robots.lines().any(|l| l == rule),
            "robots.txt lacks {rule:?}"
        );
    }
    assert!(
        !robots.lines().any(|l| l == "Disallow: /"),
        "the site itself is open"
    );
    let sitemap_line = format!("Sitemap: {}/sitemap.xml", app.settings.base_url);
    assert!(robots.contains(&sitemap_line), "{robots}");

    let r = app.get("/sitemap.xml").await;
    assert_eq!(r.status().as_u16(), 200);
    assert!(header(&r, "content-type").starts_with("application/xml"));
    let xml = r.text().await.unwrap();
    let base = &app.settings.base_url;
    for loc in [
        format!("<loc>{base}/petitions/{DEMO}</loc>"),
        format!("<loc>{base}/hi/petitions/{DEMO}</loc>"),
        format!("<loc>{base}/</loc>"),
        format!("hreflang=\"hi\" href=\"{base}/hi/petitions/{DEMO}\""),
    ] {
        assert!(xml.contains(&loc), "the sitemap lacks {loc}");
    }
    assert_eq!(
        xml.matches("<url>").count(),
        2 * hastakshar::i18n::Lang::ALL.len(),
        "home and the demo, in each language"
    );

    {
        let mut conn = app.pool.get().unwrap();
        diesel::update(petitions::table.find(DEMO))
            .set(petitions::status.eq("closed"))
            .execute(&mut conn)
            .unwrap();
    }
    let xml = app.get("/sitemap.xml").await.text().await.unwrap();
    assert!(
        !xml.contains(&format!("/petitions/{DEMO}<")),
        "a closed petition left: {xml}"
    );
    assert_eq!(
        xml.matches("<url>").count(),
        hastakshar::i18n::Lang::ALL.len(),
        "the home page in each language"
    );
}

fn header(r: &reqwest::Response, name: &str) -> String {
    r.headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

/// Sets the demo petition's count for India's day today, as the counter would.
fn set_today(app: &TestApp, n: i64) {
    let mut conn = app.pool.get().unwrap();
    let today = hastakshar::db::petitions::india_today();
    diesel::delete(
        daily_counts::table
            .filter(daily_counts::petition_id.eq(DEMO))
            .filter(daily_counts::day.eq(today)),
    )
    .execute(&mut conn)
    .unwrap();
    diesel::insert_into(daily_counts::table)
        .values((
            daily_counts::petition_id.eq(DEMO),
            daily_counts::day.eq(today),
            daily_counts::count.eq(n),
        ))
        .execute(&mut conn)
        .unwrap();
}

fn today_in_table(app: &TestApp) -> i64 {
    let mut conn = app.pool.get().unwrap();
    daily_counts::table
        .filter(daily_counts::petition_id.eq(DEMO))
        .select(daily_counts::count)
        .load::<i64>(&mut conn)
        .unwrap()
        .iter()
        .sum()
}

/// "N signed today" comes from the counter's own table: it agrees with the total as signatures
/// are confirmed and as staff invalidate one, and says nothing at 0. The sign button near the
/// top leads to the form; a signer's confirmation leads to the page in its "you signed" state,
/// with sharing and without the form.
async fn todays_signatures_and_the_signers_thanks_follow_the_data(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (_, page) = app.get_text(&format!("/petitions/{DEMO}")).await;
    assert!(!page.contains("signed today"), "nothing is said at 0");
    assert!(
        page.contains("class=\"button primary sign-jump\" href=\"#sign\""),
        "a sign button leads to the form"
    );
    let jump = page.find("sign-jump").unwrap();
    let why = page.find("class=\"why\"").unwrap();
    assert!(
        jump < why,
        "the sign button comes before the petition's long text"
    );

    // One signer, through the real confirmation: the page thanks them.
    let r = app.sign(&as_refs(&form("first@example.in"))).await;
    assert_eq!(r.status(), 303);
    let mail = crate::people::mail_to(&app, "first@example.in", "Confirm").await;
    let confirmed = app
        .client
        .post(app.confirm_link(&mail))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let back = format!("href=\"/petitions/{DEMO}?signed\"");
    assert!(confirmed.contains(&back), "no {back} in {confirmed}");
    for i in 0..2 {
        app.sign_and_confirm(DEMO, &form(&format!("more{i}@example.in")))
            .await;
    }
    app.wait_for_count(DEMO, 3).await;
    app.settled().await;
    assert_eq!(
        today_in_table(&app),
        3,
        "the day's count agrees with the total"
    );
    let page = page_with(&app, &format!("/petitions/{DEMO}"), "3").await;
    assert!(page.contains("3 people signed today"), "{page}");
    let page = page_with(&app, &format!("/hi/petitions/{DEMO}"), "3").await;
    assert!(page.contains("आज 3 लोगों ने हस्ताक्षर किए"));

    let (status, thanks) = app.get_text(&format!("/petitions/{DEMO}?signed")).await;
    assert_eq!(status, 200);
    assert!(thanks.contains("You signed this petition. Thank you!"));
    assert!(
        thanks.contains("id=\"share-heading\""),
        "sharing is the next step"
    );
    assert!(
        !thanks.contains("id=\"sign\""),
        "no form for one who just signed"
    );
    assert!(!thanks.contains("sign-jump"));
    let (_, thanks) = app.get_text(&format!("/hi/petitions/{DEMO}?signed")).await;
    assert!(thanks.contains("आपने इस याचिका पर हस्ताक्षर कर दिए हैं"));

    // Staff invalidate one signature: today's count loses it with the total.
    let id: i64 = {
        let mut conn = app.pool.get().unwrap();
        hastakshar::db::schema::signatures::table
            .filter(hastakshar::db::schema::signatures::petition_id.eq(DEMO))
            .select(hastakshar::db::schema::signatures::id)
            .order(hastakshar::db::schema::signatures::id)
            .first(&mut conn)
            .unwrap()
    };
    {
        let mut conn = app.pool.get().unwrap();
        let c = hastakshar::db::integrity::Criteria {
            signature: Some(id),
            ..Default::default()
        };
        hastakshar::db::integrity::invalidate(&mut conn, DEMO, &c, "test", "staff@example.org")
            .unwrap()
            .expect("one signature invalidated");
    }
    app.wait_for_count(DEMO, 2).await;
    assert_eq!(today_in_table(&app), 2);
    // The campaigner's chart and the packs' per-day figures read the same table.
    let per_day = {
        let mut conn = app.pool.get().unwrap();
        hastakshar::db::campaigns::per_day(&mut conn, DEMO).unwrap()
    };
    assert_eq!(per_day, [(hastakshar::db::petitions::india_today(), 2)]);
    let page = page_with(&app, &format!("/petitions/{DEMO}"), "2").await;
    assert!(page.contains("2 people signed today"));

    for (n, en, hi) in [
        (120, "120 people signed today", "आज 120 लोगों ने"),
        (5_000, "5,000 people signed today", "आज 5,000 लोगों ने"),
    ] {
        set_today(&app, n);
        set_count(&app, n + 10, 100_000);
        let shown = if n == 120 { "130" } else { "5,010" };
        let page = page_with(&app, &format!("/petitions/{DEMO}"), shown).await;
        assert!(page.contains(en), "no {en:?}");
        let page = page_with(&app, &format!("/hi/petitions/{DEMO}"), shown).await;
        assert!(page.contains(hi), "no {hi:?}");
    }
}

/// A phone adding the site to its home screen finds its name and icons: every page links the
/// manifest, the SVG favicon and the touch icon, and each icon is served as the PNG it claims.
async fn a_phone_finds_the_sites_icons(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (_, page) = app.get_text(&format!("/hi/petitions/{DEMO}")).await;
    let href = |rel: &str| -> String {
        page.split(&format!("rel=\"{rel}\" href=\""))
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_else(|| panic!("no {rel} link"))
            .to_string()
    };
    assert_eq!(href("manifest"), "/manifest.webmanifest");
    let png = |bytes: &[u8], size: u32| {
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
        assert_eq!((w, h), (size, size));
    };
    let r = app.get(&href("apple-touch-icon")).await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(header(&r, "content-type"), "image/png");
    png(&r.bytes().await.unwrap(), 180);
    let r = app.get(&href("icon")).await;
    assert_eq!(header(&r, "content-type"), "image/svg+xml");
    let r = app.get("/manifest.webmanifest").await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(header(&r, "content-type"), "application/manifest+json");
    let manifest: serde_json::Value = r.json().await.unwrap();
    assert_eq!(manifest["start_url"], "/");
    let icons = manifest["icons"].as_array().unwrap();
    assert_eq!(icons.len(), 2);
    for icon in icons {
        let size: u32 = icon["sizes"]
            .as_str()
            .unwrap()
            .split('x')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let r = app.get(icon["src"].as_str().unwrap()).await;
        assert_eq!(r.status().as_u16(), 200);
        png(&r.bytes().await.unwrap(), size);
    }
}

on_both_backends!(
    a_phone_finds_the_sites_icons,
    todays_signatures_and_the_signers_thanks_follow_the_data,
    crawlers_find_open_petitions_and_nothing_private,
    the_milestone_follows_the_count,
    a_refused_signature_opens_at_the_form_and_shared_mail_reads_right,
);

/// The share card: a PNG of 1200 by 630 under 300 KB, drawn in each language from what the page
/// says (its words are the page's), and only for a public petition.
async fn the_share_card_is_a_small_png_in_each_language(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    set_count(&app, 4_213, 100_000);
    let page = page_with(&app, &format!("/petitions/{DEMO}"), "4,213").await;
    let mut cards = Vec::new();
    for prefix in ["", "/hi", "/bn"] {
        let r = app
            .get(&format!("{prefix}/petitions/{DEMO}/card.png"))
            .await;
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["content-type"], "image/png");
        assert_eq!(r.headers()["cache-control"], "public, max-age=60");
        let png = r.bytes().await.unwrap();
        assert!(png.len() < 300 * 1024, "{} bytes", png.len());
        let img = image::load_from_memory(&png).unwrap();
        assert_eq!((img.width(), img.height()), (1200, 630));
        cards.push(png);
    }
    assert!(
        cards[0] != cards[1] && cards[1] != cards[2] && cards[0] != cards[2],
        "each language its own card"
    );
    // The words drawn are the page's own.
    let petition = {
        let mut conn = app.pool.get().unwrap();
        hastakshar::db::petitions::find_public(&mut conn, DEMO)
            .unwrap()
            .unwrap()
    };
    let en = hastakshar::views::petition::card_text(hastakshar::i18n::Lang::En, &petition);
    assert_eq!(en.count, "4,213 signatures of a goal of 1,00,000");
    assert!(page.contains(&en.milestone), "{}", en.milestone);
    let hi = hastakshar::views::petition::card_text(hastakshar::i18n::Lang::Hi, &petition);
    assert!(hi.count.starts_with("4,213 "));
    assert!(
        hi.title
            .chars()
            .any(|c| ('\u{0900}'..='\u{097F}').contains(&c))
    );
    // The demo petition has no Bengali text: its title stays in English, the card's own words
    // are Bengali, shaped in Noto Sans Bengali.
    let bn = hastakshar::views::petition::card_text(hastakshar::i18n::Lang::Bn, &petition);
    assert!(bn.count.starts_with("4,213 "));
    assert!(
        bn.count
            .chars()
            .any(|c| ('\u{0980}'..='\u{09FF}').contains(&c)),
        "{}",
        bn.count
    );
    assert_eq!((en.done, en.of), (4_213, 5_000));
    assert_eq!(app.get("/petitions/999/card.png").await.status(), 404);
}

on_both_backends!(the_share_card_is_a_small_png_in_each_language);
