//! What a new user met on a first try: a supporter's "check your email" page, late supporters,
//! the wording of "already signed", the link `admin create` prints, and a reloaded sign address.

use crate::exports::hastakshar;
use crate::helpers::{DEMO, Options, TestApp, as_refs, form, with};
use crate::on_both_backends;
use crate::people::*;
use crate::support::testdb::Backend;

on_both_backends!(
    supporters_are_told_to_check_their_email_and_late_ones_where_the_petition_stands,
    admin_create_says_which_address_its_link_uses,
);

async fn supporters_are_told_to_check_their_email_and_late_ones_where_the_petition_stands(
    backend: Backend,
) {
    let app = TestApp::spawn_with(
        backend,
        Options {
            tweak: |s| s.supporters_needed = 1,
            ..Options::default()
        },
    )
    .await;
    let creator = campaigner(&app, "meera@example.in").await;
    let (id, key) = gathering(&app, &creator, "Shelters in every district").await;
    let (_, detail) = creator.get(&format!("/dashboard/petitions/{id}")).await;
    assert!(
        detail.contains("0 of the 1 supporter needed have confirmed"),
        "one supporter, not one supporters"
    );

    let f = with(form("first@example.in"), "key", &key);
    let r = app.sign_with(id, &as_refs(&f), &[]).await;
    assert_eq!(r.status(), 303);
    let next = location(&r);
    assert_eq!(next, format!("/petitions/{id}/check-email"));
    let (status, page) = app.get_text(&next).await;
    assert_eq!(status, 200, "the supporter is not sent to a 404");
    assert!(page.contains("confirm your support"));
    assert!(
        !page.contains("Shelters in every district"),
        "no unmoderated title"
    );

    let mail = mail_to(&app, "first@example.in", "Confirm").await;
    let r = app
        .client
        .post(app.confirm_link(&mail))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let confirmed = r.text().await.unwrap();
    assert!(
        confirmed.contains(&format!("href=\"/support/{key}\"")),
        "the way back is the share link, not a petition page that is not public yet"
    );
    // The petition went to the moderators with that supporter: a late one is told so.
    let (status, page) = app.get_text(&format!("/support/{key}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("with the moderators"));
    assert!(page.contains("is kept"));
    let (status, _) = app.get_text("/petitions/999/check-email").await;
    assert_eq!(status, 404, "no page for a petition that does not exist");
}

async fn admin_create_says_which_address_its_link_uses(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let out = hastakshar(
        &app,
        &[
            "admin",
            "create",
            "--email",
            "boss@example.in",
            "--role",
            "moderator",
            "--base-url",
            "https://petitions.example/",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("https://petitions.example/account/password-reset/"),
        "{stdout}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("from --base-url"));
    let out = hastakshar(
        &app,
        &[
            "admin",
            "create",
            "--email",
            "boss@example.in",
            "--role",
            "moderator",
        ],
    );
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("from BASE_URL"), "{said}");
    let out = hastakshar(
        &app,
        &[
            "admin",
            "create",
            "--email",
            "x@example.in",
            "--role",
            "admin",
            "--base-url",
            "ftp://nowhere",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--base-url"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_already_signed_email_does_not_say_nothing_will_be_counted() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let f = form("again@example.in");
    app.sign_and_confirm(DEMO, &f).await;
    assert_eq!(app.sign(&as_refs(&f)).await.status(), 303);
    let mail = mail_to(&app, "again@example.in", "already signed").await;
    let text = mail.text_body();
    assert!(!text.contains("nothing will be counted"), "{text}");
    assert!(text.contains("still counted once"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reloaded_sign_address_goes_back_to_the_form() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let r = app.get("/petitions/1/signatures").await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/petitions/1#sign");
    let r = app.get("/petitions/99999999999999999999/signatures").await;
    assert_eq!(r.status(), 404);
}
