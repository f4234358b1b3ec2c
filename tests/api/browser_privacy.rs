//! The privacy pages as a signer sees them, in headless Chromium: the age box on the sign form,
//! the privacy notice, `/my-data`, and the "manage my signature" page behind the link in the
//! confirmation email, in English and Hindi, at a desktop's width and a phone's. Each page is
//! checked with axe-core, kept as a screenshot in `target/screenshots/privacy-*.png`, and
//! measured for what a person would notice: sideways scrolling on a phone, buttons too small to
//! press, the grievance contact missing.

use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use serde_json::json;

use crate::browser::{
    axe_source, browser, browser_available, click, fill, start_driver, wait_heading,
    wcag_violations,
};
use crate::helpers::{DEMO, TestApp, WAIT};
use crate::people::mail_to;
use crate::privacy::{EMAIL, NAME, manage_link};
use crate::support::testdb::Backend;
use hastakshar::i18n::{Arg, Lang};

const DESKTOP: (u32, u32) = (1280, 900);
const PHONE: (u32, u32) = (390, 844);
/// The smallest target a finger presses reliably (WCAG 2.5.5, Apple's and Google's guidance).
const TARGET_PX: f64 = 44.0;

fn shots() -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Makes the page's viewport `w` px wide and, as far as the headless screen allows, `h` px
/// tall (the window is that plus its frame, if any). The width is what the layout depends on,
/// and is asserted; a screen shorter than `h` only means more screenshots further down.
async fn size(c: &Client, (w, h): (u32, u32)) {
    c.set_window_size(w, h).await.unwrap();
    let (iw, ih) = (
        number(c, "return window.innerWidth;").await as u32,
        number(c, "return window.innerHeight;").await as u32,
    );
    if (iw, ih) != (w, h) {
        c.set_window_size(2 * w - iw, 2 * h - ih).await.unwrap();
    }
    let inner = (
        number(c, "return window.innerWidth;").await as u32,
        number(c, "return window.innerHeight;").await as u32,
    );
    assert_eq!(inner.0, w, "the viewport is {w} px wide");
    assert!(inner.1 >= 600, "a usable viewport height: {inner:?}");
}

async fn number(c: &Client, script: &str) -> f64 {
    c.execute(script, vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap_or(-1.0)
}

/// At each width: axe's findings, a screenshot (and more of the page further down, a screen at a
/// time, as `...-2.png` and on), and at the phone's width no sideways scrolling.
async fn look(c: &Client, axe: &str, page: &str, lang: Lang, broken: &mut Vec<String>) {
    let dir = shots();
    for (w, h) in [DESKTOP, PHONE] {
        size(c, (w, h)).await;
        c.execute("window.scrollTo(0, 0); return true;", vec![])
            .await
            .unwrap();
        let name = format!("privacy-{page}-{}-{w}", lang.code());
        let inner = f64::from(w);
        broken.extend(
            wcag_violations(c, axe)
                .await
                .into_iter()
                .map(|v| format!("{name}: axe {v}")),
        );
        if (w, h) == PHONE {
            let scroll = number(c, "return document.documentElement.scrollWidth;").await;
            if scroll > inner {
                let wide = c
                    .execute(
                        "return [...document.querySelectorAll('body *')]
                            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                                + (e.className && typeof e.className === 'string'
                                    ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                                + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)')
                            .slice(0, 6);",
                        vec![],
                    )
                    .await
                    .unwrap();
                broken.push(format!(
                    "{name}: scrolls sideways ({scroll} px of content in {inner} px): {wide}"
                ));
            }
        }
        std::fs::write(
            dir.join(format!("{name}.png")),
            c.screenshot().await.unwrap(),
        )
        .unwrap();
        let height = number(c, "return document.documentElement.scrollHeight;").await;
        let screen = number(c, "return window.innerHeight;").await;
        let mut i = 2;
        while f64::from(i - 1) * screen < height && i <= 8 {
            c.execute(
                "window.scrollTo(0, arguments[0]); return true;",
                vec![json!(f64::from(i - 1) * screen)],
            )
            .await
            .unwrap();
            std::fs::write(
                dir.join(format!("{name}-{i}.png")),
                c.screenshot().await.unwrap(),
            )
            .unwrap();
            i += 1;
        }
    }
    c.execute("window.scrollTo(0, 0); return true;", vec![])
        .await
        .unwrap();
}

/// Waits for an element the next page has and the one before did not.
async fn wait_for(c: &Client, css: &str) {
    c.wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("waited for {css}: {e}"));
}

async fn exists(c: &Client, css: &str) -> bool {
    c.find(Locator::Css(css)).await.is_ok()
}

async fn text_of(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|_| panic!("{css} on the page"))
        .text()
        .await
        .unwrap()
}

async fn value_of(c: &Client, id: &str) -> String {
    c.execute(
        "return document.getElementById(arguments[0]).value;",
        vec![json!(id)],
    )
    .await
    .unwrap()
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// The PIN code picks the constituency (the page's script); waited for.
async fn wait_constituency(c: &Client) {
    let deadline = Instant::now() + WAIT;
    while value_of(c, "constituency").await.is_empty() {
        assert!(
            Instant::now() < deadline,
            "the PIN code picks the constituency"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The height in px of the button `css`, at each width, pushed to `broken` if too small.
async fn tall_enough(c: &Client, css: &str, what: &str, lang: Lang, broken: &mut Vec<String>) {
    for (w, h) in [DESKTOP, PHONE] {
        size(c, (w, h)).await;
        let px = c
            .execute(
                "const b = document.querySelector(arguments[0]);
                 return b ? b.getBoundingClientRect().height : -1;",
                vec![json!(css)],
            )
            .await
            .unwrap()
            .as_f64()
            .unwrap();
        if px < TARGET_PX {
            broken.push(format!(
                "manage-{} at {w} px: the {what} button is {px} px tall, under {TARGET_PX}",
                lang.code()
            ));
        }
    }
}

/// A link under the app's address, in `lang` (`/hi/...` for Hindi).
fn in_lang(app: &TestApp, lang: Lang, link: &str) -> String {
    app.url(&lang.url(link.trim_start_matches(&app.address)))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signer_reads_the_notice_and_manages_a_signature_on_a_phone_and_a_desktop() {
    if !browser_available() {
        return;
    }
    let Some(axe) = axe_source() else {
        return;
    };
    let app = TestApp::spawn(Backend::Sqlite).await;
    let (_driver, driver_url) = start_driver().await;
    let profile = tempfile::tempdir().unwrap();
    let c = browser(&driver_url, &profile).await;
    let mut broken = Vec::new();

    // Signing without the age box: the summary names it, the box is marked, nothing is sent.
    c.goto(&app.url("/petitions/1")).await.unwrap();
    fill(&c, "name", NAME).await;
    fill(&c, "email", EMAIL).await;
    fill(&c, "pin_code", "221001").await;
    wait_constituency(&c).await;
    click(&c, Locator::Id("show_name")).await;
    click(&c, Locator::Css("section.sign button.primary")).await;
    wait_for(&c, ".error-summary a[href='#adult']").await;
    let summary = text_of(&c, ".error-summary a[href='#adult']").await;
    assert!(summary.contains("18"), "the summary says why: {summary:?}");
    let marked = c
        .execute(
            "const box = document.getElementById('adult');
             const err = document.getElementById('adult-error');
             if (!err) return { error: false };
             const e = err.getBoundingClientRect(), b = box.getBoundingClientRect();
             return {
                 error: true,
                 invalid: box.getAttribute('aria-invalid'),
                 described: box.getAttribute('aria-describedby'),
                 shown: e.width > 0 && e.height > 0 && getComputedStyle(err).visibility === 'visible',
                 colour: getComputedStyle(err).color,
                 text: err.textContent,
                 gap: Math.max(b.top - e.bottom, e.top - b.bottom, 0),
                 checked: box.checked,
             };",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(marked["error"], true, "an error by the box: {marked}");
    assert_eq!(marked["invalid"], "true", "{marked}");
    assert!(
        marked["described"]
            .as_str()
            .unwrap_or_default()
            .contains("adult-error"),
        "{marked}"
    );
    assert_eq!(marked["shown"], true, "the error is visible: {marked}");
    assert_eq!(
        marked["colour"], "rgb(176, 0, 32)",
        "in the error colour: {marked}"
    );
    assert!(
        marked["gap"].as_f64().unwrap() < 48.0,
        "the error is next to the box: {marked}"
    );
    assert_eq!(marked["checked"], false);
    assert_eq!(app.count("signatures"), 0, "nothing stored");
    look(&c, &axe, "sign-errors", Lang::En, &mut broken).await;
    // The summary's link takes the reader to the box.
    click(&c, Locator::Css(".error-summary a[href='#adult']")).await;
    let focused = c
        .execute("return document.activeElement.id;", vec![])
        .await
        .unwrap();
    assert_eq!(focused, json!("adult"), "the link moves focus to the box");

    // Ticked, it signs; the emailed link confirms.
    assert_eq!(
        value_of(&c, "email").await,
        EMAIL,
        "the form kept what was typed"
    );
    wait_constituency(&c).await;
    click(&c, Locator::Id("adult")).await;
    click(&c, Locator::Css("section.sign button.primary")).await;
    wait_heading(&c, "Check your email").await;
    let mail = mail_to(&app, EMAIL, "Confirm").await;
    c.goto(&app.confirm_link(&mail)).await.unwrap();
    click(&c, Locator::Css("form button.primary")).await;
    wait_heading(&c, "Thank you: your signature is confirmed").await;
    let before = app.wait_for_count(DEMO, 1).await["signature_count"]
        .as_i64()
        .unwrap();
    let manage = manage_link(&app, &mail);
    let (_, page) = app.get_text("/petitions/1").await;
    assert!(page.contains(NAME), "her name is shown, as she ticked");

    for lang in Lang::ALL {
        let code = lang.code();
        // The notice: its sections, the grievance contact last, and its mailto link.
        c.goto(&app.url(&lang.url("/privacy"))).await.unwrap();
        wait_heading(&c, &lang.t("privacy-title")).await;
        look(&c, &axe, "notice", lang, &mut broken).await;
        let headings = c
            .execute(
                "return [...document.querySelectorAll('main h2[id]')].map(h => [h.id, h.textContent]);",
                vec![],
            )
            .await
            .unwrap();
        let grievance = lang.t("privacy-grievance-heading");
        assert!(
            headings
                .as_array()
                .unwrap()
                .iter()
                .any(|h| h[0] == "grievance" && h[1] == grievance.as_str()),
            "{code}: the notice has the grievance section: {headings}"
        );
        assert!(
            exists(&c, "nav a[href='#grievance']").await,
            "{code}: the contents link to the grievance section"
        );
        let mailto = c
            .find(Locator::Css(
                "section[aria-labelledby=grievance] a[href^='mailto:']",
            ))
            .await
            .unwrap_or_else(|_| panic!("{code}: a mailto link in the grievance section"));
        let want = format!("mailto:{}", app.settings.privacy.grievance_email);
        assert_eq!(mailto.attr("href").await.unwrap().as_deref(), Some(&*want));
        assert_eq!(
            mailto.text().await.unwrap(),
            app.settings.privacy.grievance_email
        );

        // /my-data: the form, a bad address, then the answer.
        c.goto(&app.url(&lang.url("/my-data"))).await.unwrap();
        wait_heading(&c, &lang.t("mydata-title")).await;
        look(&c, &axe, "mydata", lang, &mut broken).await;
        fill(&c, "email", "not an address").await;
        click(&c, Locator::Css("main form button.primary")).await;
        wait_for(&c, ".error-summary a[href='#email']").await;
        let email_invalid = c
            .find(Locator::Id("email"))
            .await
            .unwrap()
            .attr("aria-invalid")
            .await
            .unwrap();
        assert_eq!(email_invalid.as_deref(), Some("true"), "{code}");
        look(&c, &axe, "mydata-422", lang, &mut broken).await;
        c.find(Locator::Id("email"))
            .await
            .unwrap()
            .clear()
            .await
            .unwrap();
        fill(&c, "email", EMAIL).await;
        click(&c, Locator::Css("main form button.primary")).await;
        wait_for(&c, "div.notice[role=status]").await;
        assert_eq!(
            text_of(&c, "div.notice[role=status] h2").await,
            lang.t("mydata-sent-heading")
        );
        look(&c, &axe, "mydata-sent", lang, &mut broken).await;

        // The manage page behind the email's link, in this language.
        c.goto(&in_lang(&app, lang, &manage)).await.unwrap();
        wait_heading(&c, &lang.t("mydata-manage-title")).await;
        assert_eq!(
            c.execute("return document.documentElement.lang;", vec![])
                .await
                .unwrap(),
            json!(code)
        );
        assert!(
            text_of(&c, "main").await.contains(NAME),
            "{code}: the page shows whose signature"
        );
        look(&c, &axe, "manage", lang, &mut broken).await;
        tall_enough(
            &c,
            "form[action$='/withdraw'] button",
            "withdraw",
            lang,
            &mut broken,
        )
        .await;
        tall_enough(
            &c,
            "form[action$='/erase'] button",
            "erase",
            lang,
            &mut broken,
        )
        .await;
        size(&c, PHONE).await;

        click(&c, Locator::Css("form[action$='/consents'] button")).await;
        wait_for(&c, "div.notice[role=status]").await;
        assert_eq!(
            text_of(&c, "div.notice[role=status]").await,
            lang.t("mydata-saved")
        );
        look(&c, &axe, "manage-saved", lang, &mut broken).await;

        click(&c, Locator::Css("form[action$='/erase'] button")).await;
        wait_for(&c, ".error-summary a[href='#confirm']").await;
        let confirm_invalid = c
            .find(Locator::Id("confirm"))
            .await
            .unwrap()
            .attr("aria-invalid")
            .await
            .unwrap();
        assert_eq!(confirm_invalid.as_deref(), Some("true"), "{code}");
        assert_eq!(
            text_of(&c, "#confirm-error").await,
            lang.t("mydata-erase-confirm-needed")
        );
        look(&c, &axe, "erase-422", lang, &mut broken).await;
        assert!(
            text_of(&c, "main").await.contains(NAME),
            "{code}: nothing erased without the box"
        );
    }

    // Withdraw: the page says so, and the public count falls back by one.
    c.goto(&manage).await.unwrap();
    wait_heading(&c, &Lang::En.t("mydata-manage-title")).await;
    click(&c, Locator::Css("form[action$='/withdraw'] button")).await;
    wait_for(&c, "div.notice[role=status]").await;
    let said = text_of(&c, "div.notice[role=status]").await;
    assert!(
        said.starts_with("Your signature is withdrawn"),
        "the page says so: {said:?}"
    );
    assert!(
        text_of(&c, "main")
            .await
            .contains(&Lang::En.t("mydata-standing-withdrawn")),
        "the signature's status reads withdrawn"
    );
    assert!(
        !exists(&c, "form[action$='/withdraw'] button").await,
        "no second withdraw button"
    );
    look(&c, &axe, "manage-withdrawn", Lang::En, &mut broken).await;
    let json = app.wait_for_count(DEMO, before - 1).await;
    assert_eq!(json["signature_count"], before - 1);
    let (_, page) = app.get_text("/petitions/1").await;
    assert!(
        !page.contains(NAME),
        "a withdrawn signature's name leaves the petition page"
    );
    c.close().await.unwrap();
    assert!(
        broken.is_empty(),
        "found on the privacy pages:\n{}",
        broken.join("\n")
    );
}

/// Every visible button in `main` (with the links shown as buttons, and the summaries that
/// open a `<details>`), at each width, at least `TARGET_PX` tall; the short ones pushed to
/// `broken`.
async fn buttons_tall(c: &Client, name: &str, broken: &mut Vec<String>) {
    for (w, h) in [DESKTOP, PHONE] {
        size(c, (w, h)).await;
        let short = c
            .execute(
                "return [...document.querySelectorAll('main button, main a.button, main summary')]
                    .map(b => [b.textContent.trim(), b.getBoundingClientRect().height])
                    .filter(([, h]) => h > 0 && h < arguments[0])
                    .map(([t, h]) => t + ' (' + h + ' px)');",
                vec![json!(TARGET_PX)],
            )
            .await
            .unwrap();
        for b in short.as_array().unwrap() {
            broken.push(format!(
                "{name} at {w} px: the button {b} is under {TARGET_PX} px tall"
            ));
        }
    }
}

/// The first number in `text` (a request's reference).
fn first_number(text: &str) -> i64 {
    text.split(|ch: char| !ch.is_ascii_digit())
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| panic!("a number in {text:?}"))
        .parse()
        .unwrap()
}

/// Waits for the `n`th email to `to`, and returns it.
async fn nth_mail_to(app: &TestApp, to: &str, n: usize) -> crate::support::smtp::ReceivedMail {
    let deadline = Instant::now() + WAIT;
    loop {
        let mine: Vec<_> = app
            .smtp
            .messages()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t == to))
            .collect();
        if mine.len() >= n {
            return mine.into_iter().nth(n - 1).unwrap();
        }
        assert!(Instant::now() < deadline, "{n} emails to {to}");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// A path with its query, for `/lang/{code}?next=`.
fn encoded(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_to_the_grievance_officer_and_a_campaigner_deleting_an_account_read_well() {
    if !browser_available() {
        return;
    }
    let Some(axe) = axe_source() else {
        return;
    };
    let app = TestApp::spawn(Backend::Sqlite).await;
    app.sign_and_confirm(DEMO, &crate::privacy::zarina()).await;
    let (_driver, driver_url) = start_driver().await;
    let profile = tempfile::tempdir().unwrap();
    let c = browser(&driver_url, &profile).await;
    let mut broken = Vec::new();

    // 1. Writing to the grievance officer: the form, its mistakes, then a good request.
    let mut requests = Vec::new();
    for lang in Lang::ALL {
        let code = lang.code();
        c.goto(&app.url(&lang.url("/privacy/contact")))
            .await
            .unwrap();
        wait_heading(&c, &lang.t("privreq-title")).await;
        look(&c, &axe, "contact", lang, &mut broken).await;
        buttons_tall(&c, &format!("contact-{code}"), &mut broken).await;
        click(&c, Locator::Css("main form button.primary")).await;
        wait_for(&c, ".error-summary").await;
        for field in ["name", "email", "message"] {
            assert!(
                exists(&c, &format!(".error-summary a[href='#{field}']")).await,
                "{code}: the summary links to #{field}"
            );
            let invalid = c
                .find(Locator::Id(field))
                .await
                .unwrap()
                .attr("aria-invalid")
                .await
                .unwrap();
            assert_eq!(invalid.as_deref(), Some("true"), "{code}: #{field} marked");
        }
        look(&c, &axe, "contact-422", lang, &mut broken).await;
        buttons_tall(&c, &format!("contact-422-{code}"), &mut broken).await;
        let address = format!("requester.{code}@example.in");
        c.find(Locator::Id("kind"))
            .await
            .unwrap()
            .select_by_value("access")
            .await
            .unwrap();
        fill(&c, "name", "Farhan Ali").await;
        fill(&c, "email", &address).await;
        fill(
            &c,
            "message",
            "Please send me a copy of what you hold about me.",
        )
        .await;
        click(&c, Locator::Css("main form button.primary")).await;
        wait_heading(&c, &lang.t("privreq-received-title")).await;
        let body = text_of(&c, "main p").await;
        let id = first_number(&body);
        look(&c, &axe, "contact-sent", lang, &mut broken).await;
        requests.push((lang, id, address));
    }

    // 2. The admins' page: the requests with their clock, an answer, and two lookups.
    crate::browser::sign_in_as_staff(
        &c,
        &app,
        "admin@example.in",
        hastakshar::accounts::Role::Admin,
        "the admin's passphrase",
    )
    .await;
    for &(lang, id, ref address) in &requests {
        let code = lang.code();
        c.goto(&app.url(&format!("/lang/{code}?next={}", encoded("/admin/privacy"))))
            .await
            .unwrap();
        wait_heading(&c, &lang.t("privreq-staff-title")).await;
        for &(_, other, _) in &requests {
            assert!(
                exists(&c, &format!("article.request h3#req-{other}")).await,
                "{code}: request #{other} is listed"
            );
        }
        let form = format!("form[action='/admin/privacy/requests/{id}']");
        let clock_css = format!("article.request:has({form}) p.clock");
        look(&c, &axe, "admin", lang, &mut broken).await;
        buttons_tall(&c, &format!("admin-{code}"), &mut broken).await;
        for (w, h) in [DESKTOP, PHONE] {
            size(&c, (w, h)).await;
            let clock = c
                .execute(
                    "const p = document.querySelector(arguments[0]);
                     if (!p) return null;
                     const r = p.getBoundingClientRect();
                     return { text: p.textContent.trim(), w: r.width, h: r.height,
                              left: r.left, right: r.right,
                              visibility: getComputedStyle(p).visibility };",
                    vec![json!(clock_css)],
                )
                .await
                .unwrap();
            let text = clock["text"].as_str().unwrap_or_default().to_string();
            let want: Vec<String> = [89, 90]
                .into_iter()
                .map(|d| lang.ta("privreq-days-left", &[("days", Arg::Num(d))]))
                .collect();
            assert!(
                want.contains(&text),
                "{code} at {w} px: the clock says {text:?}, not one of {want:?}: {clock}"
            );
            let shown = clock["h"].as_f64().unwrap() > 0.0
                && clock["w"].as_f64().unwrap() > 0.0
                && clock["left"].as_f64().unwrap() >= 0.0
                && clock["right"].as_f64().unwrap() <= f64::from(w) + 0.5
                && clock["visibility"] == "visible";
            if !shown {
                broken.push(format!(
                    "privacy-admin-{code}-{w}: the clock is not fully visible: {clock}"
                ));
            }
        }
        size(&c, PHONE).await;
        let overflowing = c
            .execute(
                "return [...document.querySelectorAll('article.request form')]
                    .flatMap(f => [f, ...f.querySelectorAll('select, textarea, button, label')])
                    .filter(e => { const r = e.getBoundingClientRect();
                                   return r.left < -0.5 || r.right > window.innerWidth + 0.5; })
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + ' ' + Math.round(e.getBoundingClientRect().left)
                        + '..' + Math.round(e.getBoundingClientRect().right));",
                vec![],
            )
            .await
            .unwrap();
        if !overflowing.as_array().unwrap().is_empty() {
            broken.push(format!(
                "privacy-admin-{code}-390: an answer form is wider than the screen: {overflowing}"
            ));
        }

        // The answer: saved, and on its way to the requester.
        c.find(Locator::Id(&format!("status-{id}")))
            .await
            .unwrap()
            .select_by_value("answered")
            .await
            .unwrap();
        fill(
            &c,
            &format!("answer-{id}"),
            "Here is what we hold: one request, this one.",
        )
        .await;
        click(&c, Locator::Css(&format!("{form} button"))).await;
        wait_for(&c, "div.notice[role=status]").await;
        assert_eq!(
            text_of(&c, "div.notice[role=status]").await,
            lang.t("privreq-saved")
        );
        let status = text_of(&c, &clock_css).await;
        assert_eq!(status, lang.t("privreq-status-answered"), "{code}");
        look(&c, &axe, "admin-saved", lang, &mut broken).await;
        if lang == Lang::En {
            let mail = mail_to(&app, address, "answer").await;
            assert!(
                mail.text_body().contains("Here is what we hold"),
                "the answer is in the email"
            );
        } else {
            // The receipt, then the answer (its subject is in Hindi).
            let mail = nth_mail_to(&app, address, 2).await;
            assert!(mail.text_body().contains("Here is what we hold"), "{code}");
        }

        // A lookup of an address that signed: her name, opened.
        fill(&c, "address", EMAIL).await;
        click(
            &c,
            Locator::Css("form[action='/admin/privacy/lookup'] button"),
        )
        .await;
        wait_for(&c, "ul.found-list").await;
        let table = text_of(&c, "ul.found-list").await;
        assert!(
            table.contains(NAME),
            "{code}: the lookup shows {NAME}: {table}"
        );
        look(&c, &axe, "admin-lookup", lang, &mut broken).await;

        // A lookup with a bad address: the summary names the field.
        fill(&c, "address", "not an address").await;
        click(
            &c,
            Locator::Css("form[action='/admin/privacy/lookup'] button"),
        )
        .await;
        wait_for(&c, ".error-summary a[href='#address']").await;
        look(&c, &axe, "admin-lookup-422", lang, &mut broken).await;
    }
    c.close().await.unwrap();

    // 3. A campaigner's dashboard, the account's data, and deleting the account.
    let email = "meera.c@example.in";
    crate::people::campaigner(&app, email).await;
    let profile = tempfile::tempdir().unwrap();
    let c = browser(&driver_url, &profile).await;
    c.goto(&app.url("/account/login")).await.unwrap();
    wait_heading(&c, &Lang::En.t("login-title")).await;
    fill(&c, "email", email).await;
    fill(&c, "password", crate::people::PASSWORD).await;
    click(&c, Locator::Css("main form button.primary")).await;
    wait_heading(&c, &Lang::En.t("dashboard-title")).await;
    let mut delete = String::new();
    for (n, lang) in Lang::ALL.into_iter().enumerate() {
        let code = lang.code();
        c.goto(&app.url(&format!("/lang/{code}?next=/dashboard")))
            .await
            .unwrap();
        wait_heading(&c, &lang.t("dashboard-title")).await;
        click(&c, Locator::Css("details.your-data summary")).await;
        let open = c
            .execute(
                "return document.querySelector('details.your-data').open;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(open, json!(true), "{code}: the summary opens the section");
        assert!(
            text_of(&c, "details.your-data")
                .await
                .contains(&lang.t("account-delete-intro")),
            "{code}"
        );
        look(&c, &axe, "dashboard-data", lang, &mut broken).await;
        buttons_tall(&c, &format!("dashboard-data-{code}"), &mut broken).await;
        click(&c, Locator::Css("form[action='/account/delete'] button")).await;
        wait_heading(&c, &lang.t("account-delete-sent-title")).await;
        look(&c, &axe, "delete-sent", lang, &mut broken).await;
        // One email with a link per press; the newest link.
        let deadline = Instant::now() + WAIT;
        let links = loop {
            let links: Vec<String> = app
                .smtp
                .messages()
                .iter()
                .filter(|m| m.to.iter().any(|t| t == email))
                .filter(|m| m.links().iter().any(|l| l.contains("/account/delete/")))
                .map(|m| crate::people::link(&app, m, "/account/delete/"))
                .collect();
            if links.len() > n {
                break links;
            }
            assert!(
                Instant::now() < deadline,
                "{code}: an email to delete the account"
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        };
        if n == 0 {
            mail_to(&app, email, "delete").await;
        }
        delete = links[n].clone();
    }
    for lang in Lang::ALL {
        // The email's link has no language in it: the browser's choice (its cookie) decides.
        c.goto(&app.url(&format!("/lang/{}?next={}", lang.code(), encoded(&delete))))
            .await
            .unwrap();
        wait_heading(&c, &lang.t("account-delete-title")).await;
        look(&c, &axe, "delete-confirm", lang, &mut broken).await;
        buttons_tall(&c, &format!("delete-confirm-{}", lang.code()), &mut broken).await;
    }
    // Pressed (in the last language shown): deleted, and the dashboard asks to log in.
    let last = Lang::ALL[Lang::ALL.len() - 1];
    click(&c, Locator::Css("main form button.danger")).await;
    wait_heading(&c, &last.t("account-deleted-title")).await;
    look(&c, &axe, "deleted", last, &mut broken).await;
    c.goto(&app.url("/dashboard")).await.unwrap();
    wait_heading(&c, &last.t("login-title")).await;
    let at = c.current_url().await.unwrap();
    assert!(at.path().ends_with("/account/login"), "{at}");
    look(&c, &axe, "after-delete", last, &mut broken).await;
    c.close().await.unwrap();
    assert!(
        broken.is_empty(),
        "found on the privacy request pages:\n{}",
        broken.join("\n")
    );
}
