//! The petition page's progress as a stranger sees it: in headless Chromium at a phone's width
//! and a desktop's, in English and Hindi, checked with axe-core and kept as screenshots in
//! `target/screenshots/` to look at.

use fantoccini::Locator;

use crate::browser::{Session, look_both_widths, wcag_violations};
use crate::helpers::DEMO;
use crate::look::{page_with, set_count};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_milestone_reads_well_on_a_phone_and_a_desktop() {
    let Some(session) = Session::start().await else {
        return;
    };
    let (app, c, axe) = (&session.app, session.c.clone(), &session.axe);
    let mut broken = Vec::new();
    for (count, goal, shown, en, hi) in [
        (
            3,
            100_000,
            "3",
            "97 more needed to reach 100",
            "100 तक पहुँचने के लिए 97 और हस्ताक्षर चाहिए",
        ),
        (
            5_000,
            100_000,
            "5,000",
            "5,000 more needed to reach 10,000",
            "10,000 तक पहुँचने के लिए 5,000 और हस्ताक्षर चाहिए",
        ),
        (
            120_000,
            100_000,
            "1,20,000",
            "The goal is reached.",
            "लक्ष्य पूरा हुआ।",
        ),
    ] {
        set_count(app, count, goal);
        for (lang, prefix, want) in [("en", "", en), ("hi", "/hi", hi)] {
            let path = format!("{prefix}/petitions/{DEMO}");
            page_with(app, &path, shown).await;
            c.goto(&app.url(&path)).await.unwrap();
            let line = c.find(Locator::Css(".progress .milestone")).await.unwrap();
            let text = line.text().await.unwrap();
            let (_, _, w, h) = line.rectangle().await.unwrap();
            assert!(
                w > 0.0 && h > 0.0,
                "{path} at {count}: the line is not shown"
            );
            assert!(text.contains(want), "{path} at {count}: {text:?}");
            look_both_widths(
                &c,
                axe,
                &format!("petition-milestone-{count}-{lang}"),
                Some(".progress"),
                false,
                &mut broken,
            )
            .await;
        }
    }
    c.close().await.unwrap();
    assert!(broken.is_empty(), "{broken:#?}");
}

/// At a phone's width and a desktop's, in both languages: the logo stays on one line, and every
/// field a person types into (text, email, password, number, date, search, select, textarea) is
/// at least 44 pixels tall, on the petition page and on the sign-up page with its passwords.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_logo_keeps_one_line_and_every_field_is_big_enough_to_touch() {
    let Some(session) = Session::start().await else {
        return;
    };
    let (app, c, axe) = (&session.app, session.c.clone(), &session.axe);
    let mut broken = Vec::new();
    for path in [
        format!("/petitions/{DEMO}"),
        format!("/hi/petitions/{DEMO}"),
        "/account/signup".to_string(),
        "/hi/account/signup".to_string(),
    ] {
        c.goto(&app.url(&path)).await.unwrap();
        for (width, (w, h)) in [("phone", (390, 844)), ("desktop", (1280, 900))] {
            c.set_window_size(w, h).await.unwrap();
            let found: serde_json::Value = c
                .execute(
                    "const b = document.querySelector('.brand');
                     const r = document.createRange(); r.selectNodeContents(b);
                     const tops = [...r.getClientRects()].map(x => Math.round(x.top));
                     const fields = [...document.querySelectorAll(
                         'input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea')]
                         .filter(e => e.offsetParent !== null)
                         .map(e => [e.name || e.id, Math.round(e.getBoundingClientRect().height)]);
                     return { lines: Math.max(...tops) - Math.min(...tops), fields: fields };",
                    vec![],
                )
                .await
                .unwrap();
            let lines = found["lines"].as_i64().unwrap();
            if lines > 4 {
                broken.push(format!(
                    "{path} ({width}): the logo wraps ({lines} px between lines)"
                ));
            }
            let fields = found["fields"].as_array().unwrap();
            assert!(!fields.is_empty(), "{path}: no fields found");
            for f in fields {
                let height = f[1].as_i64().unwrap();
                if height < 44 {
                    broken.push(format!("{path} ({width}): {} is {height} px tall", f[0]));
                }
            }
            broken.extend(
                wcag_violations(&c, axe)
                    .await
                    .into_iter()
                    .map(|v| format!("{path} ({width}): {v}")),
            );
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
            std::fs::create_dir_all(&dir).unwrap();
            let name = path.trim_start_matches('/').replace('/', "-");
            std::fs::write(
                dir.join(format!("fields-{name}-{width}.png")),
                c.screenshot().await.unwrap(),
            )
            .unwrap();
        }
    }
    c.close().await.unwrap();
    assert!(broken.is_empty(), "{broken:#?}");
}

/// Where `css` is, when it is not where a reader looks first: wholly on the first screen
/// (`whole`), or at least beginning on it; `None` when it is.
async fn off_screen(c: &fantoccini::Client, css: &str, whole: bool) -> Option<String> {
    let found: serde_json::Value = c
        .execute(
            "const e = document.querySelector(arguments[0]);
             if (!e) return null;
             const r = e.getBoundingClientRect();
             return [r.top, r.bottom, window.innerHeight];",
            vec![serde_json::json!(css)],
        )
        .await
        .unwrap();
    let v = found
        .as_array()
        .unwrap_or_else(|| panic!("no {css} on the page"));
    let (top, bottom, screen) = (
        v[0].as_f64().unwrap(),
        v[1].as_f64().unwrap(),
        v[2].as_f64().unwrap(),
    );
    let seen = top >= 0.0
        && if whole {
            bottom <= screen
        } else {
            top <= screen
        };
    (!seen).then(|| format!("{css} is at {top}-{bottom}, not on the first {screen} px"))
}

/// On a phone (390 by 844) the way to sign is on the first screen; after a refused form the
/// page opens with its error summary in view; a signer who just confirmed sees their thanks
/// first. With the pages' JavaScript and without, in both languages, with axe at both widths.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_signs_from_the_first_screen_and_a_signer_is_thanked() {
    for javascript in [true, false] {
        let Some(session) = Session::start_with(javascript).await else {
            return;
        };
        let (app, c, axe) = (&session.app, session.c.clone(), &session.axe);
        let js = if javascript { "js" } else { "nojs" };
        let mut broken = Vec::new();
        for (lang, prefix) in [("en", ""), ("hi", "/hi")] {
            let path = format!("{prefix}/petitions/{DEMO}");
            c.set_window_size(390, 844).await.unwrap();
            c.goto(&app.url(&path)).await.unwrap();
            broken.extend(
                off_screen(&c, ".sign-jump", true)
                    .await
                    .map(|m| format!("{path} ({js}): the sign button: {m}")),
            );
            look_both_widths(
                &c,
                axe,
                &format!("petition-top-{lang}-{js}"),
                None,
                false,
                &mut broken,
            )
            .await;

            // The empty form, sent: 422, and the page opens at its error summary.
            c.set_window_size(390, 844).await.unwrap();
            c.goto(&app.url(&path)).await.unwrap();
            c.find(Locator::Css("section.sign button.primary"))
                .await
                .unwrap()
                .click()
                .await
                .unwrap();
            c.wait()
                .for_element(Locator::Css(".error-summary"))
                .await
                .unwrap();
            broken.extend(
                off_screen(&c, ".error-summary", false)
                    .await
                    .map(|m| format!("{path} ({js}): after a 422 the error summary: {m}")),
            );
            look_both_widths(
                &c,
                axe,
                &format!("sign-errors-{lang}-{js}"),
                Some(".error-summary"),
                false,
                &mut broken,
            )
            .await;

            // A signer confirms from their email: the confirmed page, sharing next.
            let email = format!("{lang}-{js}@example.in");
            let f = crate::helpers::form(&email);
            let r = app
                .client
                .post(app.url(&format!("{prefix}/petitions/{DEMO}/signatures")))
                .form(&crate::helpers::as_refs(&f))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 303);
            let mail = crate::people::mail_to(app, &email, "").await;
            let confirm = crate::people::link(app, &mail, &format!("{prefix}/confirm/"));
            c.set_window_size(390, 844).await.unwrap();
            c.goto(&app.url(&confirm)).await.unwrap();
            c.find(Locator::Css("form button.primary"))
                .await
                .unwrap()
                .click()
                .await
                .unwrap();
            c.wait()
                .for_element(Locator::Css("#share-heading"))
                .await
                .unwrap();
            let shown: serde_json::Value = c
                .execute("return document.documentElement.lang;", vec![])
                .await
                .unwrap();
            assert_eq!(
                shown, lang,
                "the confirmed page is in the signer's language"
            );
            look_both_widths(
                &c,
                axe,
                &format!("confirmed-{lang}-{js}"),
                None,
                false,
                &mut broken,
            )
            .await;

            // Where a confirmation leads: the thanks on the first screen, sharing next.
            c.set_window_size(390, 844).await.unwrap();
            c.goto(&app.url(&format!("{path}?signed"))).await.unwrap();
            broken.extend(
                off_screen(&c, ".you-signed", true)
                    .await
                    .map(|m| format!("{path}?signed ({js}): the thanks: {m}")),
            );
            look_both_widths(
                &c,
                axe,
                &format!("petition-signed-{lang}-{js}"),
                None,
                false,
                &mut broken,
            )
            .await;
        }
        c.close().await.unwrap();
        assert!(broken.is_empty(), "{broken:#?}");
    }
}
