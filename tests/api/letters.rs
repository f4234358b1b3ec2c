//! The letter at the head of each pack, edited by staff in every language: a missing one is
//! refused by name and nothing is saved; saved, each language's pack opens with its own.

use hastakshar::accounts::Role;

use crate::deliver::pdf_text;
use crate::helpers::{DEMO, TestApp, form};
use crate::on_both_backends;
use crate::people::*;
use crate::support::testdb::Backend;

async fn staff_edit_the_letter_in_every_language(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_and_confirm(DEMO, &form("varanasi@example.in"))
        .await;
    app.wait_for_count(DEMO, 1).await;
    let moderator = staff(&app, "letters@example.in", Role::Moderator).await;
    let (status, page) = moderator.get("/admin/letters").await;
    assert_eq!(status, 200);
    for field in ["body_en", "body_hi", "body_bn"] {
        assert!(
            page.contains(&format!("id=\"{field}\"")),
            "{field} is on the form"
        );
    }
    let en = "Dear {member}, {count} people of {constituency} signed.";
    let hi = "आदरणीय {member}, {constituency} के {count} लोगों ने हस्ताक्षर किए।";
    let bn = "মাননীয় {member}, {constituency} কেন্দ্রের {count} জন মানুষ স্বাক্ষর করেছেন।";
    let r = moderator
        .submit(
            "/admin/letters",
            "/admin/letters",
            &[("body_en", en), ("body_hi", hi), ("body_bn", "")],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("href=\"#body_bn\""));
    assert_eq!(app.count("letter_templates"), 0, "nothing saved");
    let r = moderator
        .submit(
            "/admin/letters",
            "/admin/letters",
            &[("body_en", en), ("body_hi", hi), ("body_bn", bn)],
        )
        .await;
    assert_eq!(location(&r), "/admin/letters?done=saved");
    assert_eq!(app.count("letter_templates"), 3);
    assert_eq!(app.count("audit_log WHERE action = 'letter.edit'"), 3);
    // Each language's pack opens with its own letter, filled in.
    let dir = tempfile::tempdir().unwrap();
    for (file, want) in [
        ("S24-77.pdf", "1 people of Varanasi signed"),
        ("S24-77.bn.pdf", "বারাণসীকেন্দ্রের1জনমানুষ"),
    ] {
        let r = moderator
            .client
            .get(app.url(&format!("/admin/petitions/{DEMO}/packs/{file}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{file}");
        let path = dir.path().join(file);
        std::fs::write(&path, r.bytes().await.unwrap()).unwrap();
        let Some(text) = pdf_text(&path) else {
            return;
        };
        let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let joined: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            words.contains(want) || joined.contains(want),
            "{file} opens with its letter: {want:?}\n{text}"
        );
    }
}

on_both_backends!(staff_edit_the_letter_in_every_language);
