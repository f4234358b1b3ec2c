//! Responses and the members' record as people see them in Chromium: the petition's timeline and
//! a member's answer, the members' list and a member's page, in English and Hindi, and the staff
//! page that records them (with its refusal), at a phone's width and a desktop's, axe on each.

use fantoccini::Locator;
use hastakshar::accounts::Role;

use hastakshar::i18n::Lang;

use crate::browser::{Session, fill, look_both_widths, press, sign_in_as_staff};
use crate::helpers::{DEMO, form};
use crate::people::{location, staff};
use crate::pictures::upload;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn responses_and_the_members_record_read_well() {
    let Some(session) = Session::start().await else {
        return;
    };
    let (app, c, axe) = (&session.app, session.c.clone(), &session.axe);
    for n in 0..3 {
        app.sign_and_confirm(DEMO, &form(&format!("r{n}@example.in")))
            .await;
    }
    app.wait_for_count(DEMO, 3).await;
    // Staff record a threshold and two responses over HTTP; the browser reads the results.
    let admin = staff(app, "admin@example.in", Role::Admin).await;
    let path = "/admin/petitions/1/responses";
    for (n, en, hi) in [
        (
            "2",
            "the Ministry is asked to respond",
            "मंत्रालय से जवाब माँगा जाएगा",
        ),
        ("100000", "we go to Parliament", "हम संसद जाएँगे"),
    ] {
        let r = admin
            .submit(
                path,
                "/admin/petitions/1/thresholds",
                &[("signatures", n), ("text", en), ("text_tr", hi)],
            )
            .await;
        assert_eq!(r.status(), 303);
    }
    let (_, page) = admin.get(path).await;
    let ministry = page
        .split("value=\"r:")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .map(|id| format!("r:{id}"))
        .expect("the petition's recipients can be chosen");
    let today = hastakshar::db::petitions::india_today().to_string();
    for (who, stance, lang, body) in [
        (
            "pc:S24-77",
            "supports",
            "hi",
            "मैं इस याचिका का समर्थन करता हूँ। ख़रीदारों को सज़ा मिले, महिलाओं को नहीं।",
        ),
        (ministry.as_str(), "no_reply", "en", ""),
    ] {
        let r = upload(
            &admin,
            path,
            &[
                ("who", who),
                ("received_on", &today),
                ("stance", stance),
                ("lang", lang),
                ("body", body),
            ],
            Some((
                "document",
                "letter.pdf",
                b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n",
            )),
        )
        .await;
        assert_eq!(location(&r), format!("{path}?done=response-recorded"));
    }
    let mut broken = Vec::new();
    for (lang, prefix) in [("en", ""), ("hi", "/hi"), ("bn", "/bn")] {
        c.goto(&app.url(&format!("{prefix}/petitions/{DEMO}")))
            .await
            .unwrap();
        look_both_widths(
            &c,
            axe,
            &format!("responses-petition-{lang}"),
            Some("section.timeline"),
            false,
            &mut broken,
        )
        .await;
        for (name, page) in [
            ("representatives", "/representatives"),
            ("representative", "/representatives/S24-77"),
        ] {
            c.goto(&app.url(&format!("{prefix}{page}"))).await.unwrap();
            look_both_widths(&c, axe, &format!("{name}-{lang}"), None, true, &mut broken).await;
        }
    }
    // The staff page, and the same form sent empty; the admins' API tokens, one issued.
    sign_in_as_staff(
        &c,
        app,
        "staff@example.in",
        Role::Admin,
        "a long enough password 1",
    )
    .await;
    for l in Lang::ALL {
        let lang = l.code();
        c.goto(&app.url(&format!("/lang/{lang}?next={path}")))
            .await
            .unwrap();
        look_both_widths(
            &c,
            axe,
            &format!("responses-staff-{lang}"),
            None,
            true,
            &mut broken,
        )
        .await;
        press(
            &c,
            "section[aria-labelledby=record-heading] button.primary",
            ".error-summary",
        )
        .await;
        let summary = c
            .find(Locator::Css(".error-summary"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(summary.contains(&l.t("error-response-who")), "{summary}");
        look_both_widths(
            &c,
            axe,
            &format!("responses-staff-refused-{lang}"),
            None,
            true,
            &mut broken,
        )
        .await;
        c.goto(&app.url("/admin/api-tokens")).await.unwrap();
        look_both_widths(&c, axe, &format!("tokens-{lang}"), None, true, &mut broken).await;
        fill(&c, "name", "Bihar network").await;
        fill(&c, "source", &format!("bihar-{lang}")).await;
        press(&c, "main form button.primary", "code.token").await;
        look_both_widths(
            &c,
            axe,
            &format!("tokens-issued-{lang}"),
            None,
            true,
            &mut broken,
        )
        .await;
    }
    c.close().await.unwrap();
    assert!(broken.is_empty(), "{broken:#?}");
}
