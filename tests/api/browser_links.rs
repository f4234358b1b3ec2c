//! The pages a late confirmation link leads to, as a signer sees them: in headless Chromium at a
//! phone's width and a desktop's, in English and Hindi, each checked with axe-core and kept as a
//! screenshot in `target/screenshots/` to look at.

use std::time::Duration;

use diesel::prelude::*;
use fantoccini::Locator;
use hastakshar::db::schema::{petitions, signature_tokens};

use crate::browser::{axe_source, browser, browser_available, click, start_driver};
use crate::helpers::{DEMO, TestApp, as_refs, form};
use crate::people::mail_to;
use crate::support::testdb::Backend;

const PHONE: (u32, u32) = (412, 915);

/// Looks at the page in the browser at both widths: axe's findings, and a screenshot of each.
pub async fn look(c: &fantoccini::Client, axe: &str, name: &str, broken: &mut Vec<String>) {
    crate::browser::look_both_widths(c, axe, name, None, false, broken).await;
    c.set_window_size(PHONE.0, PHONE.1).await.unwrap();
}

async fn heading(c: &fantoccini::Client) -> String {
    c.find(Locator::Css("h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pages_of_a_late_confirmation_read_well_on_a_phone_and_a_desktop() {
    if !browser_available() {
        return;
    }
    let Some(axe) = axe_source() else {
        return;
    };
    let app = TestApp::spawn(Backend::Sqlite).await;
    for email in ["late@example.in", "after@example.in"] {
        assert_eq!(app.sign(&as_refs(&form(email))).await.status(), 303);
    }
    let late = app.confirm_link(&mail_to(&app, "late@example.in", "Confirm").await);
    let after = app.confirm_link(&mail_to(&app, "after@example.in", "Confirm").await);
    {
        let mut conn = app.pool.get().unwrap();
        diesel::update(signature_tokens::table)
            .set(
                signature_tokens::created_at.eq(hastakshar::db::now() - chrono::Duration::days(30)),
            )
            .execute(&mut conn)
            .unwrap();
    }
    let (_driver, driver_url) = start_driver().await;
    let profile = tempfile::tempdir().unwrap();
    let c = browser(&driver_url, &profile).await;
    let mut broken = Vec::new();

    for lang in ["en", "hi"] {
        let path = late.trim_start_matches(&app.address);
        c.goto(&app.url(&format!("/lang/{lang}?next={path}")))
            .await
            .unwrap();
        let h = heading(&c).await;
        assert!(
            h.contains(if lang == "en" {
                "expired"
            } else {
                "समय-सीमा"
            }),
            "{lang}: {h}"
        );
        look(&c, &axe, &format!("confirm-expired-{lang}"), &mut broken).await;
    }
    // The button asks for a new link (a link alone would not: mail scanners open links).
    click(&c, Locator::Css("form button")).await;
    // The next page, not the expired one still going stale: its heading says to check the email.
    let want = hastakshar::i18n::Lang::Hi.t("check-email-title");
    let deadline = std::time::Instant::now() + crate::helpers::WAIT;
    loop {
        let now = match c.find(Locator::Css("h1")).await {
            Ok(h) => h.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        if now == want {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "page says {now:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    look(&c, &axe, "new-link-sent-hi", &mut broken).await;
    let deadline = std::time::Instant::now() + crate::helpers::WAIT;
    while app
        .smtp
        .messages()
        .iter()
        .filter(|m| m.to.iter().any(|t| t == "late@example.in"))
        .count()
        < 2
    {
        assert!(
            std::time::Instant::now() < deadline,
            "a new link is emailed"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    {
        let mut conn = app.pool.get().unwrap();
        diesel::update(petitions::table.find(DEMO))
            .set(petitions::status.eq("closed"))
            .execute(&mut conn)
            .unwrap();
        // The second signer's link is fresh: only the closing stands in its way.
        diesel::update(signature_tokens::table)
            .set(signature_tokens::created_at.eq(hastakshar::db::now()))
            .execute(&mut conn)
            .unwrap();
    }
    for lang in ["en", "hi"] {
        let path = after.trim_start_matches(&app.address);
        c.goto(&app.url(&format!("/lang/{lang}?next={path}")))
            .await
            .unwrap();
        let h = heading(&c).await;
        assert!(
            h.contains(if lang == "en" { "no longer" } else { "अब" }),
            "{lang}: {h}"
        );
        look(&c, &axe, &format!("not-counted-{lang}"), &mut broken).await;
    }
    c.close().await.unwrap();
    assert!(broken.is_empty(), "WCAG violations:\n{}", broken.join("\n"));
}
