//! The integrity pages as staff and the public see them: the console (with a wave in it and a
//! preview), the rules, and the method page, in headless Chromium at a phone's width and a
//! desktop's, in English and Hindi, each checked with axe-core and kept as a screenshot in
//! `target/screenshots/`.

use fantoccini::Locator;

use crate::browser::{
    axe_source, browser, browser_available, click, fill, start_driver, wait_heading,
};
use crate::browser_links::look;
use crate::exports::cli;
use crate::helpers::{DEMO, Options, TestApp, as_refs, form};
use crate::support::testdb::Backend;
use hastakshar::config::SignRate;
use hastakshar::i18n::{Arg, Lang};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_integrity_pages_read_well_on_a_phone_and_a_desktop() {
    if !browser_available() {
        return;
    }
    let Some(axe) = axe_source() else {
        return;
    };
    let app = TestApp::spawn_with(
        Backend::Sqlite,
        Options {
            trusted_proxies: "127.0.0.1/32",
            sign_rate: Some(SignRate {
                burst: 1000,
                per_hour: 10_000,
            }),
            ..Options::default()
        },
    )
    .await;
    // A little of everything: people, a small wave at a disposable domain, a held signature,
    // an invalidation and its cancellation.
    let mut conn = app.pool.get().unwrap();
    let actor = hastakshar::db::audit::Actor::command_line("test");
    hastakshar::integrity::staff::add_rule(
        &mut conn,
        &hastakshar::integrity::rules::Matcher::Domain("held.example".into()),
        hastakshar::integrity::rules::Action::Hold,
        "seen in the wave of 2 December",
        &actor,
    )
    .unwrap();
    hastakshar::integrity::staff::add_rule(
        &mut conn,
        &hastakshar::integrity::rules::Matcher::Rate {
            scope: hastakshar::integrity::rules::Scope::Network,
            burst: Some(30),
            sustained: Some(300),
        },
        hastakshar::integrity::rules::Action::Hold,
        "",
        &actor,
    )
    .unwrap();
    let set_password = hastakshar::accounts::admin::create(
        &mut conn,
        "admin@example.in",
        hastakshar::accounts::Role::Admin,
        &app.address,
        &actor,
    )
    .unwrap();
    drop(conn);
    let mut signers = Vec::new();
    for i in 0..12 {
        signers.push((format!("person{i}@example.in"), format!("100.64.{i}.3")));
    }
    for i in 0..20 {
        signers.push((
            format!("bot{i}@guerrillamail.com"),
            format!("198.51.100.{}", i + 1),
        ));
    }
    signers.push(("someone@held.example".into(), "203.0.113.9".into()));
    for (email, ip) in &signers {
        let r = app
            .sign_with(DEMO, &as_refs(&form(email)), &[("X-Forwarded-For", ip)])
            .await;
        assert_eq!(r.status(), 303);
    }
    let out = cli(
        &app,
        &format!("fraud invalidate --petition {DEMO} --domain guerrillamail.com --reason wave"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let (_driver, driver_url) = start_driver().await;
    let profile = tempfile::tempdir().unwrap();
    let c = browser(&driver_url, &profile).await;
    c.goto(&set_password).await.unwrap();
    wait_heading(&c, "Choose a new password").await;
    fill(&c, "password", "the admin's passphrase").await;
    click(&c, Locator::Css("form button.primary")).await;
    wait_heading(&c, "Your petitions").await;
    let mut broken = Vec::new();
    for lang in [Lang::En, Lang::Hi] {
        let code = lang.code();
        let console = format!("/admin/petitions/{DEMO}/integrity?window=all");
        c.goto(&app.url(&format!("/lang/{code}?next={}", urlencode(&console))))
            .await
            .unwrap();
        let title = lang.ta(
            "integrity-title",
            &[("title", Arg::Str(demo_title(&app, lang)))],
        );
        wait_heading(&c, &title).await;
        look(&c, &axe, &format!("integrity-console-{code}"), &mut broken).await;
        further_down(&c, &format!("integrity-console-{code}")).await;
        // A preview: the count, and the button that applies it.
        fill(&c, "domain", "example.in").await;
        fill(&c, "reason", "A test of the preview").await;
        click(&c, Locator::Css("button[value='preview']")).await;
        c.wait()
            .for_element(Locator::Css("button[value='apply']"))
            .await
            .unwrap();
        look(&c, &axe, &format!("integrity-preview-{code}"), &mut broken).await;
        // A preview with a mistake: the error summary and the field named.
        c.goto(&app.url(&format!("/admin/petitions/{DEMO}/integrity")))
            .await
            .unwrap();
        fill(&c, "network", "10.0.0.0/8").await;
        click(&c, Locator::Css("button[value='preview']")).await;
        c.wait()
            .for_element(Locator::Css(".error-summary"))
            .await
            .unwrap();
        look(&c, &axe, &format!("integrity-errors-{code}"), &mut broken).await;
        c.goto(&app.url("/admin/rules")).await.unwrap();
        wait_heading(&c, &lang.t("rules-title")).await;
        look(&c, &axe, &format!("rules-{code}"), &mut broken).await;
        c.goto(&app.url(&format!("/petitions/{DEMO}/method")))
            .await
            .unwrap();
        look(&c, &axe, &format!("method-{code}"), &mut broken).await;
    }
    assert!(broken.is_empty(), "axe found:\n{}", broken.join("\n"));
}

/// Screenshots of the rest of a long page at a desktop's width, a screen at a time.
async fn further_down(c: &fantoccini::Client, name: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    c.set_window_size(1280, 900).await.unwrap();
    for i in 1..=4 {
        c.execute(&format!("window.scrollTo(0, {});", i * 800), vec![])
            .await
            .unwrap();
        let png = c.screenshot().await.unwrap();
        std::fs::write(dir.join(format!("{name}-desktop-{i}.png")), png).unwrap();
    }
    c.set_window_size(412, 915).await.unwrap();
}

fn demo_title(app: &TestApp, lang: Lang) -> String {
    let mut conn = app.pool.get().unwrap();
    hastakshar::db::petitions::find_any(&mut conn, DEMO)
        .unwrap()
        .unwrap()
        .text(lang)
        .title
        .clone()
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}
