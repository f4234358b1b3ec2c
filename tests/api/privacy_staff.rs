//! The grievance officer's side of signers' data rights, and a campaigner's own data: requests
//! through `/privacy/contact` with their 90-day clock, answered at `/admin/privacy`; a lookup of
//! what one address holds, audited; a campaigner's download and the deletion of their account,
//! confirmed by email, their petitions remaining without their name. Both backends, real SMTP.

use hastakshar::accounts::Role;

use crate::helpers::{DEMO, Step, TestApp};
use crate::on_both_backends;
use crate::people::{campaigner, draft, in_days, link, mail_to, petition_form, staff};
use crate::privacy::{EMAIL, NAME, zarina};
use crate::support::testdb::Backend;

on_both_backends!(
    a_request_to_the_grievance_officer_is_answered_within_its_clock,
    a_campaigner_downloads_their_data_and_deletes_their_account,
);

async fn a_request_to_the_grievance_officer_is_answered_within_its_clock(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut step = Step::first("A request missing its fields: 422 naming each, nothing stored");
    let post = |form: Vec<(&'static str, &'static str)>| {
        let app = &app;
        async move {
            let r = app
                .client
                .post(app.url("/privacy/contact"))
                .form(&form)
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let (status, page) = post(vec![("kind", "access"), ("email", "nope")]).await;
    assert_eq!(status, 422);
    for field in ["name", "email", "message"] {
        assert!(
            page.contains(&format!("href=\"#{field}\"")),
            "{field} named"
        );
    }
    assert_eq!(app.count("privacy_requests"), 0);

    step.next("A request: stored sealed, acknowledged with its reference and due date");
    let (status, page) = post(vec![
        ("kind", "access"),
        ("name", NAME),
        ("email", EMAIL),
        ("message", "Please send me what you hold about me."),
    ])
    .await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(app.count("privacy_requests"), 1);
    assert_eq!(
        app.count(
            "privacy_requests WHERE email_sealed LIKE '%zarina%' OR message_sealed LIKE '%hold%'"
        ),
        0,
        "sealed"
    );
    let ack = mail_to(&app, EMAIL, "request").await;
    assert!(
        ack.text_body().contains("reference 1"),
        "{}",
        ack.text_body()
    );

    step.next("Admins see it with its clock; moderators and campaigners do not");
    let moderator = staff(&app, "mod@example.in", Role::Moderator).await;
    assert_eq!(moderator.get("/admin/privacy").await.0, 403);
    let admin = staff(&app, "admin@example.in", Role::Admin).await;
    let (status, page) = admin.get("/admin/privacy").await;
    assert_eq!(status, 200);
    assert!(page.contains(NAME) && page.contains("Please send me"));
    assert!(page.contains("days left"), "the 90-day clock");

    step.next("The answer is recorded, emailed to the requester, audited");
    let r = admin
        .submit(
            "/admin/privacy",
            "/admin/privacy/requests/1",
            &[("status", "answered"), ("answer", "We hold one signature.")],
        )
        .await;
    assert_eq!(r.status(), 200);
    let answer = mail_to(&app, EMAIL, "answer").await;
    assert!(answer.text_body().contains("We hold one signature."));
    assert_eq!(app.count("audit_log WHERE action = 'privacy.answer'"), 1);

    step.next("A lookup of one address shows what is held, and is audited without it");
    app.sign_and_confirm(DEMO, &zarina()).await;
    let r = admin
        .submit(
            "/admin/privacy",
            "/admin/privacy/lookup",
            &[("address", EMAIL)],
        )
        .await;
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    assert!(page.contains(NAME), "her signature, name opened");
    assert_eq!(
        app.count("audit_log WHERE action = 'privacy.lookup' AND details NOT LIKE '%zarina%'"),
        1
    );
    let r = admin
        .submit(
            "/admin/privacy",
            "/admin/privacy/lookup",
            &[("address", "x")],
        )
        .await;
    assert_eq!(r.status(), 422);
}

async fn a_campaigner_downloads_their_data_and_deletes_their_account(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut step = Step::first("A campaigner with a petition downloads their data");
    let owner = campaigner(&app, "owner@example.in").await;
    let id = draft(
        &owner,
        &petition_form("Safe streets for Bihar's girls", "100", &in_days(30)),
    )
    .await;
    let r = owner.submit("/dashboard", "/account/data", &[]).await;
    assert_eq!(r.status(), 200);
    let json: serde_json::Value = r.json().await.unwrap();
    assert_eq!(json["account"]["email"], "owner@example.in");
    assert_eq!(json["petitions"][0]["id"], id);
    assert_eq!(
        json["petitions"][0]["texts"][0]["title"],
        "Safe streets for Bihar's girls"
    );
    assert_eq!(app.count("audit_log WHERE action = 'account.download'"), 1);

    step.next("Deleting asks the inbox; opening the link deletes nothing");
    let r = owner.submit("/dashboard", "/account/delete", &[]).await;
    assert_eq!(r.status(), 200);
    let mail = mail_to(&app, "owner@example.in", "delete").await;
    let url = link(&app, &mail, "/account/delete/");
    let (status, _) = owner.get(&url).await;
    assert_eq!(status, 200);
    assert_eq!(app.count("users WHERE deleted_at IS NOT NULL"), 0);

    step.next("The button deletes: no name, no address, logged out; the petition stays");
    let r = owner.post(&url, &[]).await;
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    assert_eq!(app.count("users WHERE email = 'owner@example.in'"), 0);
    assert_eq!(
        app.count("users WHERE deleted_at IS NOT NULL AND name = ''"),
        1
    );
    assert_eq!(app.count(&format!("petitions WHERE id = {id}")), 1);
    let (status, _) = owner.get("/dashboard").await;
    assert_ne!(status, 200, "logged out everywhere");
    assert_eq!(app.count("audit_log WHERE action = 'account.delete'"), 1);
    let r = owner.post(&url, &[]).await;
    assert_eq!(r.status(), 404, "a link works once");
}
