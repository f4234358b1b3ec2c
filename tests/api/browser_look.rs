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
            crate::browser::press(&c, "section.sign button.primary", ".error-summary").await;
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
            crate::browser::press(&c, "form button.primary", "#share-heading").await;
            let shown = crate::browser::page_lang(&c).await;
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

/// A campaigner adds a picture through the page's own file field: refused first (a file that is
/// not a picture: the field is named), then saved. Once the petition is public, a phone still
/// has the way to sign on its first screen, loads the narrowest width, and reads the picture's
/// description in its language. Both pages at both widths in both languages, with axe.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_campaigner_adds_a_picture_and_a_phone_still_signs_first() {
    let Some(session) = Session::start().await else {
        return;
    };
    let (app, c, axe) = (&session.app, session.c.clone(), &session.axe);
    let mut broken = Vec::new();
    crate::browser::sign_in_as_staff(
        &c,
        app,
        "meera@example.in",
        hastakshar::accounts::Role::Campaigner,
        crate::people::PASSWORD,
    )
    .await;
    let id = {
        let mut conn = app.pool.get().unwrap();
        let user = hastakshar::db::users::find_by_email(&mut conn, "meera@example.in")
            .unwrap()
            .unwrap();
        let text = |lang, title: &str, action: &str| hastakshar::campaigns::Text {
            lang,
            title: title.into(),
            action: action.into(),
            background: "Women and girls are sold; the buyers walk free.".into(),
        };
        let draft = hastakshar::campaigns::Draft {
            lang: hastakshar::i18n::Lang::En,
            texts: vec![
                text(
                    hastakshar::i18n::Lang::En,
                    "Punish the buyers, not the women",
                    "Make buying sex a crime, and stop arresting the women who are sold.",
                ),
                text(
                    hastakshar::i18n::Lang::Hi,
                    "ख़रीदारों को सज़ा दो, महिलाओं को नहीं",
                    "सेक्स ख़रीदना अपराध बनाएँ, और बेची गई महिलाओं को गिरफ़्तार करना बंद करें।",
                ),
            ],
            recipient_ids: vec![2],
            other_recipients: String::new(),
            goal: 1000,
            closes_at: (chrono::Utc::now() + chrono::Duration::days(60)).naive_utc(),
            show_starter: true,
        };
        hastakshar::db::campaigns::save_draft(&mut conn, user.id, None, &draft)
            .unwrap()
            .unwrap()
    };
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.png");
    std::fs::write(&notes, b"not a picture at all").unwrap();
    let photo = dir.path().join("banner.jpg");
    std::fs::write(&photo, crate::pictures::picture(1600, 1000, 3, true)).unwrap();

    for (lang, prefix) in [("en", ""), ("hi", "/hi")] {
        c.set_window_size(390, 844).await.unwrap();
        c.goto(&app.url(&format!("{prefix}/dashboard/petitions/{id}")))
            .await
            .unwrap();
        // The link keeps the page's language, as do the form and where it leads.
        c.find(Locator::Css(&format!(
            "a[href='{prefix}/petitions/{id}/image']"
        )))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
        c.wait().for_element(Locator::Id("image")).await.unwrap();
        look_both_widths(
            &c,
            axe,
            &format!("picture-form-{lang}"),
            None,
            true,
            &mut broken,
        )
        .await;

        // Not a picture: refused, the summary names the field.
        let field = c.find(Locator::Id("image")).await.unwrap();
        field.send_keys(notes.to_str().unwrap()).await.unwrap();
        for (id, alt) in [
            ("alt", "Women holding a banner outside Parliament"),
            ("alt_tr", "संसद के बाहर बैनर लिए महिलाएँ"),
        ] {
            c.find(Locator::Id(id))
                .await
                .unwrap()
                .clear()
                .await
                .unwrap();
            crate::browser::fill(&c, id, alt).await;
        }
        crate::browser::press(&c, "form.image-form button.primary", "#image-error").await;
        let summary = c
            .find(Locator::Css(".error-summary a[href='#image']"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!summary.is_empty(), "the summary names the picture field");
        look_both_widths(
            &c,
            axe,
            &format!("picture-refused-{lang}"),
            Some(".error-summary"),
            true,
            &mut broken,
        )
        .await;

        // A photograph: saved and shown.
        let field = c.find(Locator::Id("image")).await.unwrap();
        field.send_keys(photo.to_str().unwrap()).await.unwrap();
        crate::browser::press(&c, "form.image-form button.primary", ".current-picture img").await;
        let shown = crate::browser::page_lang(&c).await;
        assert_eq!(
            shown, lang,
            "the saved picture's page is in the campaigner's language"
        );
        look_both_widths(
            &c,
            axe,
            &format!("picture-saved-{lang}"),
            None,
            true,
            &mut broken,
        )
        .await;
    }

    crate::people::open_in_db(app, id);
    for (lang, prefix, alt) in [
        ("en", "", "Women holding a banner outside Parliament"),
        ("hi", "/hi", "संसद के बाहर बैनर लिए महिलाएँ"),
    ] {
        let path = format!("{prefix}/petitions/{id}");
        // A phone that has not seen the picture at a desktop's width (Chromium takes a wider
        // width it already holds).
        c.goto("about:blank").await.unwrap();
        crate::browser::devtools(&c, "Network.clearBrowserCache", serde_json::json!({})).await;
        c.set_window_size(390, 844).await.unwrap();
        c.goto(&app.url(&path)).await.unwrap();
        broken.extend(
            off_screen(&c, ".sign-jump", true)
                .await
                .map(|m| format!("{path}: the sign button with a picture: {m}")),
        );
        // The narrowest width, loaded, with the reader's description.
        let seen: serde_json::Value = c
            .execute(
                "const i = document.querySelector('figure.picture img');
                 return new Promise(done => {
                   const report = () => done([i.currentSrc, i.naturalWidth, i.alt]);
                   if (i.complete) report(); else i.addEventListener('load', report);
                 });",
                vec![],
            )
            .await
            .unwrap();
        assert!(
            seen[0].as_str().unwrap().ends_with("-400.jpg"),
            "a phone loads the 400-pixel width: {seen}"
        );
        // (naturalWidth counts in the srcset's own pixels: the width `sizes` gives it.)
        assert!(seen[1].as_u64().unwrap_or(0) > 0, "and it loaded: {seen}");
        assert_eq!(seen[2], alt);
        look_both_widths(
            &c,
            axe,
            &format!("petition-picture-{lang}"),
            None,
            false,
            &mut broken,
        )
        .await;
    }
    c.close().await.unwrap();
    assert!(broken.is_empty(), "{broken:#?}");
}

/// The constituency map in Chromium: all of India and a state's view, in both languages, with
/// and without the site's JavaScript, axe at both widths. With JavaScript, a constituency under
/// the pointer says its table row.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_map_reads_with_and_without_javascript() {
    for javascript in [true, false] {
        let Some(session) = Session::start_with(javascript).await else {
            return;
        };
        let (app, c, axe) = (&session.app, session.c.clone(), &session.axe);
        let js = if javascript { "js" } else { "nojs" };
        let f = crate::helpers::form(&format!("map-{js}@example.in"));
        app.sign_and_confirm(DEMO, &f).await;
        app.wait_for_count(DEMO, 1).await;
        let mut broken = Vec::new();
        for (lang, prefix) in [("en", ""), ("hi", "/hi")] {
            for (view, query) in [("india", ""), ("state", "?state=IN-UP")] {
                let path = format!("{prefix}/petitions/{DEMO}/map{query}");
                c.goto(&app.url(&path)).await.unwrap();
                look_both_widths(
                    &c,
                    axe,
                    &format!("map-{view}-{lang}-{js}"),
                    None,
                    true,
                    &mut broken,
                )
                .await;
            }
            if javascript {
                c.set_window_size(1280, 900).await.unwrap();
                c.goto(&app.url(&format!("{prefix}/petitions/{DEMO}/map")))
                    .await
                    .unwrap();
                let varanasi = c
                    .find(Locator::Css("path[data-pc='S24-77']"))
                    .await
                    .unwrap();
                c.execute(
                    "arguments[0].dispatchEvent(new PointerEvent('pointerover', {bubbles: true}));",
                    vec![serde_json::to_value(&varanasi).unwrap()],
                )
                .await
                .unwrap();
                let tip = c
                    .find(Locator::Css(".map-tip"))
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap();
                let name = if lang == "hi" {
                    "वाराणसी"
                } else {
                    "Varanasi"
                };
                assert!(
                    tip.contains(name) && tip.ends_with(" · 1"),
                    "the tip names the constituency and its count: {tip:?}"
                );
                // Zoom: in halves the view, twice; out and "show all" go back.
                let width = |c: fantoccini::Client| async move {
                    c.execute(
                        "return document.querySelector('figure.map-large svg').viewBox.baseVal.width;",
                        vec![],
                    )
                    .await
                    .unwrap()
                    .as_f64()
                    .unwrap()
                };
                let home = width(c.clone()).await;
                let buttons = c.find_all(Locator::Css(".map-zoom button")).await.unwrap();
                assert_eq!(buttons.len(), 3, "zoom in, zoom out, show all");
                buttons[0].click().await.unwrap();
                buttons[0].click().await.unwrap();
                let zoomed = width(c.clone()).await;
                assert!((zoomed - home / 4.0).abs() < 1e-6, "{home} → {zoomed}");
                look_both_widths(
                    &c,
                    axe,
                    &format!("map-zoomed-{lang}"),
                    None,
                    true,
                    &mut broken,
                )
                .await;
                let buttons = c.find_all(Locator::Css(".map-zoom button")).await.unwrap();
                buttons[1].click().await.unwrap();
                assert!((width(c.clone()).await - home / 2.0).abs() < 1e-6);
                buttons[2].click().await.unwrap();
                assert!((width(c.clone()).await - home).abs() < 1e-6, "show all");
            }
        }
        c.close().await.unwrap();
        assert!(broken.is_empty(), "{broken:#?}");
    }
}

/// A partner's page on another origin frames the embed with its `?source=`: a person signs
/// inside the frame, confirms from their email, and the signature counts, credited to the
/// partner. axe runs inside the frame at both widths.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partners_page_signs_through_the_embed() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let Some(session) = Session::start().await else {
        return;
    };
    let (app, c, axe) = (&session.app, session.c.clone(), &session.axe);
    // The partner's site: another origin (localhost, not 127.0.0.1), one page with the frame.
    let partner = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = partner.local_addr().unwrap().port();
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bihar network</title></head>\
         <body><main><h1>Bihar network</h1><iframe title=\"Sign the petition\" width=\"100%\" height=\"1400\" \
         src=\"{}/petitions/{DEMO}/embed?source=bihar-network\"></iframe></main></body></html>",
        app.address
    );
    let server = tokio::spawn(async move {
        loop {
            let Ok((mut s, _)) = partner.accept().await else {
                return;
            };
            let page = page.clone();
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = s.read(&mut buf).await;
                let answer = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
                    page.len()
                );
                let _ = s.write_all(answer.as_bytes()).await;
            });
        }
    });
    let mut broken = Vec::new();
    c.set_window_size(390, 844).await.unwrap();
    c.goto(&format!("http://localhost:{port}/")).await.unwrap();
    c.enter_frame(0).await.unwrap();
    c.wait()
        .for_element(Locator::Css("form button.primary"))
        .await
        .expect("the embed loads inside the partner's frame");
    c.enter_parent_frame().await.unwrap();
    let png = c.screenshot().await.unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::write(dir.join("embed-in-frame-phone.png"), png).unwrap();
    c.enter_frame(0).await.unwrap();
    for (width, size) in [("phone", (390, 844)), ("desktop", (1280, 900))] {
        c.set_window_size(size.0, size.1).await.unwrap();
        broken.extend(
            wcag_violations(&c, axe)
                .await
                .into_iter()
                .map(|v| format!("embed ({width}): {v}")),
        );
    }
    c.execute(
        "document.getElementById('name').value = 'Framed Signer';
         document.getElementById('email').value = 'framed@example.in';
         document.getElementById('pin_code').value = '221001';
         document.getElementById('state').value = 'IN-UP';
         document.getElementById('constituency').value = 'S24-77';
         document.getElementById('adult').checked = true;
         return true;",
        vec![],
    )
    .await
    .unwrap();
    c.find(Locator::Css("form button.primary"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("div.notice h2"))
        .await
        .expect("the frame says where the email went");
    let said = c
        .find(Locator::Css("div.notice h2"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(said, "Check your email");
    c.enter_parent_frame().await.unwrap();
    c.execute("window.scrollTo(0, 0); return true;", vec![])
        .await
        .unwrap();
    let png = c.screenshot().await.unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::write(dir.join("embed-sent-in-frame-desktop.png"), png).unwrap();
    app.confirm_by_mail("framed@example.in").await;
    app.wait_for_count(DEMO, 1).await;
    {
        use diesel::prelude::*;
        use hastakshar::db::schema::signatures;
        let mut conn = app.pool.get().unwrap();
        let credited: Vec<Option<String>> = signatures::table
            .select(signatures::source)
            .load(&mut conn)
            .unwrap();
        assert_eq!(credited, vec![Some("bihar-network".to_string())]);
    }
    server.abort();
    c.close().await.unwrap();
    assert!(broken.is_empty(), "{broken:#?}");
}

/// Every petition, browsed: the search and filters and the list, in both languages at both
/// widths, with axe and every field big enough to touch.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_of_petitions_reads_well() {
    let Some(session) = Session::start().await else {
        return;
    };
    let (app, c, axe) = (&session.app, session.c.clone(), &session.axe);
    let mut broken = Vec::new();
    for (lang, path) in [
        ("en", "/petitions"),
        ("hi", "/hi/petitions?q=cool&status=open"),
    ] {
        c.goto(&app.url(path)).await.unwrap();
        c.wait().for_element(Locator::Css("li.card")).await.unwrap();
        look_both_widths(&c, axe, &format!("browse-{lang}"), None, true, &mut broken).await;
    }
    c.close().await.unwrap();
    assert!(broken.is_empty(), "{broken:#?}");
}
