//! Every page in each language: answered, marked with its language, written in its script, and
//! with no message missing; and the Bengali a West Bengal signer reads, from page to email.

use hastakshar::accounts::Role;

use crate::helpers::TestApp;
use crate::on_both_backends;
use crate::people::*;
use crate::support::testdb::Backend;

/// The message ids of the Fluent files: a page that shows one has a message missing.
fn message_ids() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/locales/en");
    let ftl: String = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    ftl.lines()
        .filter_map(|l| l.split_once(" = ").map(|(id, _)| id.trim().to_string()))
        .filter(|id| {
            id.contains('-')
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        .collect()
}

/// A page's text without its tags.
fn text_of(page: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for ch in page.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every page of accounts, campaigners and staff, and every public page, in `code`: answered
/// (200), marked as that language, written in its script (`letters`), with no message missing.
async fn every_page_reads_in(
    backend: Backend,
    code: &str,
    letters: std::ops::RangeInclusive<char>,
) {
    let app = TestApp::spawn(backend).await;
    let creator = campaigner(&app, "meera@example.in").await;
    let p = draft(&creator, &petition_form("Hindi walk", "100", &in_days(30))).await;
    let admin = staff(&app, "admin@example.in", Role::Admin).await;
    let anonymous = Browser::new(&app);
    for b in [&creator, &admin, &anonymous] {
        let _ = b.get(&format!("/lang/{code}?next=/")).await;
    }
    let ids = message_ids();
    let mut pages: Vec<(String, String)> = Vec::new();
    // Each page is the page itself, not an error page or a login form in that language.
    let mut visit = |who: &'static str, path: String, (status, page): (u16, String)| {
        assert_eq!(status, 200, "GET {path} as {who}");
        pages.push((path, page));
    };
    for path in [
        "/account/signup",
        "/account/login",
        "/account/password-reset",
        "/account/check-email",
    ] {
        visit("a visitor", path.into(), anonymous.get(path).await);
    }
    // Public pages carry their language in the URL, where a shared cache can key on it.
    for public in [
        "/petitions/1",
        "/",
        "/petitions",
        "/petitions/1/map",
        "/petitions/1/map?state=IN-WB",
        "/petitions/1/method",
        "/petitions/1/embed",
        "/petitions/1/check-email",
        "/representatives",
        "/representatives/S25-23",
        "/privacy",
        "/privacy/contact",
        "/my-data",
    ] {
        let path = format!("/{code}{public}");
        let got = anonymous.get(&path).await;
        visit("a visitor", path, got);
    }
    for path in [
        "/dashboard".to_string(),
        "/petitions/new".to_string(),
        format!("/dashboard/petitions/{p}"),
        format!("/petitions/{p}/edit"),
    ] {
        visit("its creator", path.clone(), creator.get(&path).await);
    }
    for path in [
        "/admin/moderation".to_string(),
        format!("/admin/petitions/{p}"),
        "/admin/users".into(),
        "/admin/audit".into(),
        "/admin/recipients".into(),
        "/admin/letters".into(),
        "/admin/petitions/1/delivery".into(),
        "/admin/petitions/1/responses".into(),
    ] {
        visit("an admin", path.clone(), admin.get(&path).await);
    }
    for (path, page) in &pages {
        assert!(
            page.contains(&format!("<html lang=\"{code}\"")),
            "{path} is in {code}"
        );
        let text = text_of(page);
        assert!(
            text.chars().any(|c| letters.contains(&c)),
            "{path} is written in its script"
        );
        for id in &ids {
            assert!(
                !text
                    .split(|c: char| c.is_whitespace() || c == ':')
                    .any(|w| w == id),
                "{path} shows the message id {id}: a message is missing"
            );
        }
    }
}

async fn every_new_page_reads_in_hindi(backend: Backend) {
    every_page_reads_in(backend, "hi", '\u{0900}'..='\u{097F}').await;
}

/// The Bengali walk, for West Bengal's groups; then a signer on a Bengali page gets their
/// email in Bengali, and the petition's recipients are named in Bengali.
async fn every_page_reads_in_bengali(backend: Backend) {
    every_page_reads_in(backend, "bn", '\u{0980}'..='\u{09FF}').await;
    let app = TestApp::spawn(backend).await;
    let (_, page) = app.get_text("/bn/petitions/1").await;
    assert!(
        page.contains("নারী ও শিশু উন্নয়ন মন্ত্রক"),
        "the ministry, in Bengali"
    );
    let f = crate::helpers::form("bengali@example.in");
    let r = app
        .client
        .post(app.url("/bn/petitions/1/signatures"))
        .form(&crate::helpers::as_refs(&f))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let mail = mail_to(&app, "bengali@example.in", "").await;
    let subject = mail.header("Subject").unwrap_or_default();
    assert!(
        subject
            .chars()
            .any(|c| ('\u{0980}'..='\u{09FF}').contains(&c)),
        "{subject}"
    );
    assert!(mail.links().iter().any(|l| l.contains("/bn/confirm/")));
    assert!(mail.text_body().contains("নিশ্চিত"), "{}", mail.text_body());
}

on_both_backends!(every_new_page_reads_in_hindi, every_page_reads_in_bengali);
