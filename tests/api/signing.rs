//! The signer's story: sign, get the email, confirm, see the count move.

use crate::helpers::{DEMO, TestApp, as_refs, form, with};
use crate::on_both_backends;
use crate::support::testdb::Backend;

on_both_backends!(
    sign_email_confirm_and_be_counted,
    confirm_link_is_idempotent,
    unknown_token_gets_a_404_page,
    signing_twice_while_pending_counts_once,
    signing_again_after_confirming_sends_already_signed,
    confirmation_resends_are_bounded,
    a_hindi_reader_gets_hindi_pages_and_email,
    each_invalid_field_gets_422_naming_it_and_changes_nothing,
    pin_lookup_works_without_javascript,
    language_switcher_overrides_accept_language,
    only_names_their_signers_chose_to_show_appear_escaped,
);

async fn sign_email_confirm_and_be_counted(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (status, page) = app.get_text("/petitions/1").await;
    assert_eq!(status, 200);
    assert!(page.contains("Cool Men Don&#39;t Buy Sex") || page.contains("Cool Men Don't Buy Sex"));
    assert!(page.contains("Ministry of Women and Child Development"));

    let f = with(form("asha@example.in"), "deliver_name", "on");
    let r = app.sign(&as_refs(&f)).await;
    assert_eq!(r.status(), 303);
    let location = r.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(location, "/petitions/1/check-email");
    let (status, page) = app.get_text(&location).await;
    assert_eq!(status, 200);
    assert!(page.contains("Check your email"));

    // Pending signatures are not counted.
    assert_eq!(app.petition_json(DEMO).await["signature_count"], 0);

    let mail = app.email(1).await;
    assert_eq!(mail.to, vec!["asha@example.in".to_string()]);
    let subject = mail.header("Subject").unwrap();
    assert!(subject.contains("Cool Men Don't Buy Sex"), "{subject}");
    assert!(mail.text_body().contains("did not sign"));
    assert!(mail.html_body().contains("<a href=\""));
    let link = app.confirm_link(&mail);
    assert!(
        link.len() > app.address.len() + "/confirm/".len() + 40,
        "a long token"
    );

    // A mail scanner opens the link, and asks HEAD first: nothing changes.
    let head = app.client.head(&link).send().await.unwrap();
    assert_eq!(head.status(), 200);
    let r = app.client.get(&link).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    assert!(page.contains("Confirm my signature"), "one button: {page}");
    assert!(page.contains("Cool Men Don"), "the petition it is for");
    assert_eq!(
        app.count("signatures WHERE confirmed_at IS NOT NULL"),
        0,
        "opening the link confirmed nothing"
    );
    // The person presses the button.
    let r = app.client.post(&link).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["referrer-policy"], "no-referrer");
    let page = r.text().await.unwrap();
    assert!(page.contains("your signature is confirmed"), "{page}");
    assert!(page.contains("wa.me"), "the confirmed page has share links");

    let json = app.wait_for_count(DEMO, 1).await;
    assert_eq!(json["signatures_by_state"][0]["code"], "IN-UP");
    assert_eq!(json["signatures_by_state"][0]["count"], 1);
    assert_eq!(json["signatures_by_constituency"][0]["code"], "S24-77");
    assert_eq!(json["signatures_by_constituency"][0]["name"], "Varanasi");
    let (_, page) = app.get_text("/petitions/1").await;
    assert!(
        page.contains("<strong>1</strong>"),
        "the page shows the count"
    );
    assert!(page.contains("Uttar Pradesh"));
    let list: serde_json::Value = app.get("/petitions.json").await.json().await.unwrap();
    assert_eq!(list["petitions"][0]["signature_count"], 1);
}

async fn confirm_link_is_idempotent(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign(&as_refs(&form("ravi@example.in"))).await;
    let link = app.confirm_link(&app.email(1).await);
    assert_eq!(app.client.post(&link).send().await.unwrap().status(), 200);
    let r = app.client.post(&link).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("already counted"));
    app.wait_for_count(DEMO, 1).await;
    app.settled().await;
    assert_eq!(app.petition_json(DEMO).await["signature_count"], 1);
}

async fn unknown_token_gets_a_404_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for path in [
        "/confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "/confirm/short",
        "/confirm/..%2F..%2Fetc%2Fpasswd",
    ] {
        let (status, page) = app.get_text(path).await;
        assert_eq!(status, 404, "{path}");
        assert!(page.contains("Page not found"));
    }
}

async fn signing_twice_while_pending_counts_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let f = form("meera@example.in");
    let first = app.sign(&as_refs(&f)).await;
    // The same address in another case is the same signer.
    let second = app
        .sign(&as_refs(&with(f.clone(), "email", "Meera@Example.IN")))
        .await;
    assert_eq!(first.status(), 303);
    assert_eq!(second.status(), 303);
    assert_eq!(first.headers()["location"], second.headers()["location"]);
    assert_eq!(app.count("signatures"), 1);
    let mails = app.smtp.wait_for(2, crate::helpers::WAIT).await;
    // Both links work: the first confirms, the second finds it already counted.
    let a = app
        .client
        .post(app.confirm_link(&mails[0]))
        .send()
        .await
        .unwrap();
    assert!(
        a.text()
            .await
            .unwrap()
            .contains("your signature is confirmed")
    );
    let b = app
        .client
        .post(app.confirm_link(&mails[1]))
        .send()
        .await
        .unwrap();
    assert!(b.text().await.unwrap().contains("already counted"));
    app.wait_for_count(DEMO, 1).await;
}

async fn signing_again_after_confirming_sends_already_signed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let f = form("nisha@example.in");
    app.sign(&as_refs(&f)).await;
    let link = app.confirm_link(&app.email(1).await);
    app.client.post(&link).send().await.unwrap();
    app.wait_for_count(DEMO, 1).await;

    let again = app.sign(&as_refs(&f)).await;
    assert_eq!(
        again.status(),
        303,
        "the same page as any signer: nothing revealed"
    );
    assert_eq!(again.headers()["location"], "/petitions/1/check-email");
    let mail = app.email(2).await;
    assert!(mail.header("Subject").unwrap().contains("already signed"));
    assert!(
        !mail.links().iter().any(|l| l.contains("/confirm/")),
        "no new confirmation link"
    );
    assert_eq!(app.count("signatures"), 1);
    assert_eq!(app.petition_json(DEMO).await["signature_count"], 1);
}

async fn confirmation_resends_are_bounded(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let f = form("bounded@example.in");
    for _ in 0..6 {
        assert_eq!(app.sign(&as_refs(&f)).await.status(), 303);
    }
    let max = app.settings.max_confirmation_sends as usize;
    app.smtp.wait_for(max, crate::helpers::WAIT).await;
    app.settled().await;
    assert_eq!(app.smtp.messages().len(), max);
    assert_eq!(app.count("outbox"), max as i64);
}

async fn a_hindi_reader_gets_hindi_pages_and_email(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    // Accept-Language sends a reader arriving at `/` to the Hindi site, where every link and
    // form keeps to Hindi.
    let r = app
        .client
        .get(app.url("/"))
        .header("Accept-Language", "hi-IN,hi;q=0.9,en;q=0.5")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/hi/");
    let home = app.page_in("/hi/", "hi-IN,hi;q=0.9,en;q=0.5").await;
    assert!(home.contains("href=\"/hi/petitions/1\""));
    let page = app
        .page_in("/hi/petitions/1", "hi-IN,hi;q=0.9,en;q=0.5")
        .await;
    assert!(page.contains("<html lang=\"hi\">"));
    assert!(page.contains("action=\"/hi/petitions/1/signatures#sign\""));
    assert!(page.contains("कूल पुरुष सेक्स नहीं ख़रीदते"));
    assert!(page.contains("याचिका पर हस्ताक्षर करें"));
    assert!(page.contains("वाराणसी"), "constituency names in Hindi");
    let r = app
        .sign_with(
            DEMO,
            &as_refs(&form("priya@example.in")),
            &[("Accept-Language", "hi")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let mail = app.email(1).await;
    let subject = mail.header("Subject").unwrap();
    assert!(subject.contains("पुष्टि"), "{subject}");
    assert!(mail.text_body().contains("हस्ताक्षर"));
    assert!(mail.html_body().contains("lang=\"hi\""));
}

async fn each_invalid_field_gets_422_naming_it_and_changes_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let long_name = "क".repeat(101);
    let cases: &[(&str, &str, &str)] = &[
        ("name", "", "name"),
        ("name", &long_name, "name"),
        ("name", "=HYPERLINK(\"http://x\")", "name"),
        ("name", "+911234", "name"),
        ("name", "-Asha", "name"),
        ("name", "@asha", "name"),
        ("name", "Asha see spam.example.com", "name"),
        ("email", "not-an-email", "email"),
        ("email", "", "email"),
        ("pin_code", "12345", "pin_code"),
        ("pin_code", "110001", "pin_code"),
        ("pin_code", "abcdef", "pin_code"),
        ("state", "IN-XX", "state"),
        ("constituency", "S01-01", "constituency"),
        ("constituency", "nonsense", "constituency"),
    ];
    for (field, value, named) in cases {
        let f = with(form("valid@example.in"), field, value);
        let r = app.sign(&as_refs(&f)).await;
        assert_eq!(r.status(), 422, "{field}={value:?}");
        let page = r.text().await.unwrap();
        assert!(
            page.contains(&format!("id=\"{named}-error\"")),
            "{field}={value:?} names {named}"
        );
        assert!(
            page.contains(&format!("href=\"#{named}\"")),
            "error summary links to it"
        );
        let kept = if *field == "email" {
            "Asha Devi"
        } else {
            "valid@example.in"
        };
        assert!(page.contains(kept), "the input is kept");
    }
    assert_eq!(app.count("signatures"), 0);
    assert_eq!(app.count("outbox"), 0);
    app.settled().await;
    assert!(app.smtp.messages().is_empty());
}

async fn pin_lookup_works_without_javascript(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let r = app
        .client
        .post(app.url("/petitions/1/lookup"))
        .form(&[
            ("name", "Asha"),
            ("email", "a@example.in"),
            ("pin_code", "221001"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    assert!(page.contains("<option value=\"IN-UP\" selected>"));
    assert!(
        page.contains("selected>Varanasi</option>") || page.contains(" selected>"),
        "a constituency is pre-selected"
    );
    assert!(
        page.contains("value=\"a@example.in\""),
        "what was typed is kept"
    );
    let api: serde_json::Value = app.get("/api/pincodes/221001").await.json().await.unwrap();
    assert_eq!(api["state"], "IN-UP");
    assert_eq!(app.get("/api/pincodes/000000").await.status(), 404);
    assert_eq!(app.count("signatures"), 0);
}

async fn language_switcher_overrides_accept_language(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let r = app.get("/lang/hi?next=/petitions/1").await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/hi/petitions/1");
    let r = app
        .client
        .get(app.url("/"))
        .header("Accept-Language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["location"], "/hi/", "the cookie wins");
    let r = app.get("/lang/en?next=/hi/petitions/1").await;
    assert_eq!(r.headers()["location"], "/petitions/1");
    let page = app.page_in("/", "hi").await;
    assert!(page.contains("<html lang=\"en\">"), "the cookie wins again");
    // No open redirect.
    let r = app.get("/lang/en?next=//evil.example").await;
    assert_eq!(r.headers()["location"], "/");
}

async fn only_names_their_signers_chose_to_show_appear_escaped(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let shown = with(
        with(form("shown@example.in"), "name", "<b>Bold</b> Asha"),
        "show_name",
        "on",
    );
    let hidden = with(form("hidden@example.in"), "name", "Hidden Person");
    let pending = with(
        with(form("pending@example.in"), "name", "Pending Person"),
        "show_name",
        "on",
    );
    for f in [&shown, &hidden, &pending] {
        assert_eq!(app.sign(&as_refs(f)).await.status(), 303);
    }
    // Emails go out several at a time, so they may arrive in any order.
    let mails = app.smtp.wait_for(3, crate::helpers::WAIT).await;
    for m in mails
        .iter()
        .filter(|m| !m.to.contains(&"pending@example.in".to_string()))
    {
        app.client.post(app.confirm_link(m)).send().await.unwrap();
    }
    app.wait_for_count(DEMO, 2).await;
    let (_, page) = app.get_text("/petitions/1").await;
    assert!(page.contains("Recent signatures"));
    assert!(
        page.contains("&lt;b&gt;Bold&lt;/b&gt; Asha"),
        "shown, and escaped"
    );
    assert!(!page.contains("<b>Bold</b>"));
    assert!(!page.contains("Hidden Person"), "no consent, no name");
    assert!(!page.contains("Pending Person"), "not confirmed, not shown");
}
