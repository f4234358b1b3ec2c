//! The campaigner's dashboard and the staff console as their users see them: in headless
//! Chromium at a phone's width and a desktop's, in English and Hindi, each page checked with
//! axe (WCAG 2.2 AA) and for fields big enough to touch, and kept as screenshots in
//! `target/screenshots/` to look at.

use fantoccini::Locator;

use crate::browser::{Session, click, fill, look_both_widths, sign_in_as_staff};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_and_the_staff_console_read_well_on_a_phone_and_a_desktop() {
    let Some(session) = Session::start().await else {
        return;
    };
    let (app, c, axe) = (&session.app, session.c.clone(), &session.axe);
    let mut broken = Vec::new();
    sign_in_as_staff(
        &c,
        app,
        "admin@example.in",
        hastakshar::accounts::Role::Admin,
        crate::people::PASSWORD,
    )
    .await;

    // A draft of one's own: the dashboard says what happens next.
    c.goto(&app.url("/petitions/new")).await.unwrap();
    fill(&c, "title", "Shelters for survivors in every district").await;
    fill(
        &c,
        "action",
        "Open a shelter for survivors in every district.",
    )
    .await;
    fill(
        &c,
        "background",
        "Survivors are sent back to the people who sold them.",
    )
    .await;
    click(&c, Locator::Css("input[name=recipients]")).await;
    click(&c, Locator::Css("button[value=save]")).await;
    c.wait()
        .for_element(Locator::Css("section.steps"))
        .await
        .unwrap();
    let draft = c.current_url().await.unwrap().path().to_string();

    for lang in ["en", "hi"] {
        c.goto(&app.url(&format!("/lang/{lang}?next=/dashboard")))
            .await
            .unwrap();
        for (name, path) in [
            ("dashboard", "/dashboard".to_string()),
            ("dashboard-draft", draft.clone()),
            (
                "staff-moderation",
                "/admin/moderation?done=approve".to_string(),
            ),
            ("staff-petitions", "/admin/petitions".to_string()),
            ("staff-recipients", "/admin/recipients?page=2".to_string()),
            (
                "staff-delivery",
                "/admin/petitions/1/delivery?done=dry-run&n=12&missing=531".to_string(),
            ),
            ("staff-audit", "/admin/audit".to_string()),
        ] {
            c.goto(&app.url(&path)).await.unwrap();
            if name.starts_with("staff") {
                let bar = c.find(Locator::Css("nav.staff")).await;
                assert!(bar.is_ok(), "{path}: the staff bar");
            }
            look_both_widths(&c, axe, &format!("{name}-{lang}"), None, true, &mut broken).await;
            // It fits a phone: nothing wider than the screen.
            c.set_window_size(390, 844).await.unwrap();
            let wide: serde_json::Value = c
                .execute(
                    "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];",
                    vec![],
                )
                .await
                .unwrap();
            let (page_w, screen_w) = (wide[0].as_i64().unwrap(), wide[1].as_i64().unwrap());
            if page_w > screen_w {
                broken.push(format!(
                    "{name}-{lang} (phone): {page_w} px wide on a {screen_w} px screen"
                ));
            }
        }
    }
    c.close().await.unwrap();
    assert!(broken.is_empty(), "{broken:#?}");
}
