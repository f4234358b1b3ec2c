//! Campaigners and staff: a petition from sign-up through supporters, moderation and the first
//! signatures to an update its signers receive and unsubscribe from; who may see and do what;
//! CSRF; script in every text field; the closing job.

use hastakshar::accounts::Role;

use crate::helpers::{Step, TestApp, form, with};
use crate::on_both_backends;
use crate::people::*;
use crate::support::testdb::Backend;

/// A signer of petition `id` (through its share link's key when it is gathering supporters),
/// confirmed by the link in their email.
async fn sign_and_confirm(app: &TestApp, id: i64, email: &str, key: Option<&str>, updates: bool) {
    let mut f = form(email);
    if let Some(k) = key {
        f = with(f, "key", k);
    }
    if updates {
        f = with(f, "updates", "on");
    }
    app.sign_and_confirm(id, &f).await;
}

fn status_of(app: &TestApp, id: i64) -> String {
    use diesel::prelude::*;
    use hastakshar::db::schema::petitions;
    let mut conn = app.pool.get().unwrap();
    petitions::table
        .find(id)
        .select(petitions::status)
        .first(&mut conn)
        .unwrap()
}

async fn a_petition_from_signup_to_update(backend: Backend) {
    let mut step = Step::first("setting up");
    let app = TestApp::spawn(backend).await;
    let creator = campaigner(&app, "meera@example.in").await;
    let id = draft(
        &creator,
        &petition_form("Shelters in every district", "12", &in_days(60)),
    )
    .await;
    assert_eq!(status_of(&app, id), "draft");
    let (status, _) = app.get_text(&format!("/petitions/{id}")).await;
    assert_eq!(status, 404, "a draft is not public");

    // Sent on to its first supporters through a share link.
    step.next("Sent on to its first supporters through a share link");
    let r = creator
        .submit(
            &format!("/dashboard/petitions/{id}"),
            &format!("/petitions/{id}/submit"),
            &[],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(status_of(&app, id), "gathering");
    let (_, detail) = creator.get(&format!("/dashboard/petitions/{id}")).await;
    let key = detail
        .split("/support/")
        .nth(1)
        .and_then(|s| s.get(..43))
        .expect("the dashboard shows the share link")
        .to_string();
    let (status, support_page) = app.get_text(&format!("/support/{key}")).await;
    assert_eq!(status, 200);
    assert!(support_page.contains("Shelters in every district"));
    // Without the key, the gathering petition takes no signatures.
    step.next("Without the key, the gathering petition takes no signatures");
    let f = form("nokey@example.in");
    let r = app.sign_with(id, &crate::helpers::as_refs(&f), &[]).await;
    assert_eq!(r.status(), 404);
    for i in 0..5 {
        sign_and_confirm(
            &app,
            id,
            &format!("supporter{i}@example.in"),
            Some(&key),
            i < 2,
        )
        .await;
    }
    assert_eq!(
        status_of(&app, id),
        "pending",
        "five confirmed supporters send it to moderation"
    );
    mail_to(&app, "meera@example.in", "is with the moderators").await;

    // A moderator finds it in the queue and approves it.
    step.next("A moderator finds it in the queue and approves it");
    let moderator = staff(&app, "mod@example.in", Role::Moderator).await;
    let (status, queue) = moderator.get("/admin/moderation").await;
    assert_eq!(status, 200);
    assert!(queue.contains("Shelters in every district"));
    let r = moderator
        .submit(
            &format!("/admin/petitions/{id}"),
            &format!("/admin/petitions/{id}/decision"),
            &[("action", "approve")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(status_of(&app, id), "open");
    mail_to(&app, "meera@example.in", "is published").await;
    let (status, audit) = {
        let admin = staff(&app, "admin@example.in", Role::Admin).await;
        admin.get("/admin/audit").await
    };
    assert_eq!(status, 200);
    assert!(
        audit.contains("petition.approve")
            && audit.contains("approved a petition")
            && audit.contains("mod@example.in"),
        "the decision is in the audit log, with who made it"
    );

    // The public signs; the supporters already count.
    step.next("The public signs; the supporters already count");
    let (status, page) = app.get_text(&format!("/petitions/{id}")).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("<strong>shelter</strong>"),
        "the why is rendered Markdown"
    );
    sign_and_confirm(&app, id, "public@example.in", None, false).await;
    app.wait_for_count(id, 6).await;
    mail_to(&app, "meera@example.in", "halfway").await;

    // An update, approved, reaches the two signers who asked for news, and no one else.
    step.next("An update, approved, reaches the two signers who asked for news, and no one else");
    let r = creator
        .submit(
            &format!("/petitions/{id}/updates/new"),
            &format!("/petitions/{id}/updates/new"),
            &[
                ("title", "We met the minister"),
                ("body", "She *listened*. Next: Parliament."),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, queue) = moderator.get("/admin/moderation").await;
    let update_id: i64 = queue
        .split("/admin/updates/")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .and_then(|s| s.parse().ok())
        .expect("the update waits in the queue");
    let r = moderator
        .submit(
            "/admin/moderation",
            &format!("/admin/updates/{update_id}/decision"),
            &[("action", "approve")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let first = mail_to(&app, "supporter0@example.in", "We met the minister").await;
    mail_to(&app, "supporter1@example.in", "We met the minister").await;
    assert!(first.text_body().contains("She listened"));
    let unsubscribe = first
        .header("List-Unsubscribe")
        .expect("a List-Unsubscribe header");
    assert_eq!(
        first.header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    let (status, page) = app.get_text(&format!("/petitions/{id}")).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("We met the minister"),
        "the update is on the petition page"
    );
    app.settled().await;
    let got_update = |who: &str| {
        app.smtp.messages().iter().any(|m| {
            m.to.iter().any(|t| t == who)
                && m.header("Subject").unwrap_or_default().contains("We met")
        })
    };
    assert!(!got_update("supporter2@example.in") && !got_update("public@example.in"));

    // One click, as a mail client makes it (RFC 8058), with no login.
    step.next("One click, as a mail client makes it (RFC 8058), with no login");
    let url = unsubscribe.trim_matches(['<', '>']).to_string();
    let r = reqwest::Client::new()
        .post(&url)
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let forged = format!("{}x", url.trim_end_matches(|c: char| c != '/'));
    let r = reqwest::Client::new().post(&forged).send().await.unwrap();
    assert_eq!(r.status(), 404, "a forged unsubscribe link does nothing");
    {
        use diesel::prelude::*;
        use hastakshar::db::schema::signatures;
        let mut conn = app.pool.get().unwrap();
        let still: Vec<String> = signatures::table
            .filter(signatures::petition_id.eq(id))
            .filter(signatures::updates.eq(true))
            .select(signatures::email)
            .load::<String>(&mut conn)
            .unwrap()
            .iter()
            .map(|e| app.settings.data_keys.open(e).unwrap())
            .collect();
        assert_eq!(still, ["supporter1@example.in"]);
    }
    let (status, dash) = creator.get(&format!("/dashboard/petitions/{id}")).await;
    assert_eq!(status, 200);
    assert!(dash.contains("<svg"), "signatures per day as a chart");
    assert!(dash.contains("Uttar Pradesh"), "counts by state");
}

async fn moderators_reject_and_send_back_with_reasons(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let creator = campaigner(&app, "ravi@example.in").await;
    // Gathering supporters is the story above: here two drafts go straight into the queue.
    let a = draft(
        &creator,
        &petition_form("First petition", "100", &in_days(30)),
    )
    .await;
    let b = draft(
        &creator,
        &petition_form("Second petition", "100", &in_days(30)),
    )
    .await;
    {
        use diesel::prelude::*;
        use hastakshar::db::schema::petitions;
        let mut conn = app.pool.get().unwrap();
        diesel::update(petitions::table.filter(petitions::id.eq_any([a, b])))
            .set((
                petitions::status.eq("pending"),
                petitions::submitted_at.eq(Some(hastakshar::db::now())),
            ))
            .execute(&mut conn)
            .unwrap();
    }
    let moderator = staff(&app, "mod@example.in", Role::Moderator).await;
    // Rejecting needs a reason and a message: 422 naming both, nothing changes.
    let r = moderator
        .submit(
            &format!("/admin/petitions/{a}"),
            &format!("/admin/petitions/{a}/decision"),
            &[("action", "reject")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("href=\"#reason\"") && page.contains("href=\"#message\""));
    assert_eq!(status_of(&app, a), "pending");
    let r = moderator
        .submit(
            &format!("/admin/petitions/{a}"),
            &format!("/admin/petitions/{a}/decision"),
            &[
                ("action", "reject"),
                ("reason", "duplicate"),
                ("message", "Please sign petition 1."),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(status_of(&app, a), "rejected");
    let mail = mail_to(&app, "ravi@example.in", "was not published").await;
    assert!(mail.text_body().contains("Please sign petition 1."));
    // Deciding again: the petition has moved on.
    let r = moderator
        .submit(
            "/dashboard",
            &format!("/admin/petitions/{a}/decision"),
            &[("action", "approve")],
        )
        .await;
    assert_eq!(r.status(), 409);

    let r = moderator
        .submit(
            &format!("/admin/petitions/{b}"),
            &format!("/admin/petitions/{b}/decision"),
            &[("action", "changes"), ("message", "Name the ministry.")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(status_of(&app, b), "changes");
    mail_to(&app, "ravi@example.in", "Changes needed").await;
    // The creator edits and sends it back: straight to moderation.
    let closes = in_days(30);
    let f = petition_form("Second petition, improved", "100", &closes);
    let r = creator
        .submit(
            &format!("/petitions/{b}/edit"),
            &format!("/petitions/{b}/edit"),
            &f,
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = creator
        .submit(
            &format!("/dashboard/petitions/{b}"),
            &format!("/petitions/{b}/submit"),
            &[],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(status_of(&app, b), "pending");
    let (_, queue) = moderator.get("/admin/moderation").await;
    assert!(queue.contains("Second petition, improved"));
}

/// Every form field named on 422, with the input kept; nothing is written.
async fn bad_petitions_get_422_naming_each_field(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let creator = campaigner(&app, "asha@example.in").await;
    let before = app.count("petitions");
    let long = "x".repeat(81);
    let far = in_days(400);
    let r = creator
        .submit(
            "/petitions/new",
            "/petitions/new",
            &[
                ("lang", "en"),
                ("title", &long),
                ("action", ""),
                ("background", "Why"),
                ("recipients", "999"),
                ("goal", "many"),
                ("closes_on", &far),
                ("intent", "save"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    for field in ["title", "action", "recipients", "goal", "closes_on"] {
        assert!(
            page.contains(&format!("href=\"#{field}\"")),
            "{field} is named"
        );
    }
    assert!(page.contains(&long), "the input is kept");
    assert_eq!(app.count("petitions"), before, "nothing was written");
    // The preview shows the petition and similar open ones (the demo petition).
    let closes = in_days(30);
    let r = creator
        .submit(
            "/petitions/new",
            "/petitions/new",
            &with_intent(
                &petition_form("Cool men do not buy sex", "100", &closes),
                "preview",
            ),
        )
        .await;
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    assert!(
        page.contains("Preview") && page.contains("href=\"/petitions/1\""),
        "similar petitions are suggested"
    );
    assert_eq!(app.count("petitions"), before);
    let similar: serde_json::Value = app
        .get("/api/petitions/similar?q=buy%20sex")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(similar[0]["id"], 1);
}

fn with_intent<'a>(f: &[(&'static str, &'a str)], intent: &'a str) -> Vec<(&'static str, &'a str)> {
    let mut f: Vec<_> = f.iter().filter(|(k, _)| *k != "intent").cloned().collect();
    f.push(("intent", intent));
    f
}

on_both_backends!(
    a_petition_from_signup_to_update,
    moderators_reject_and_send_back_with_reasons,
    bad_petitions_get_422_naming_each_field,
);
