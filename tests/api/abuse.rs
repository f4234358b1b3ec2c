//! Captcha, rate limits and hostile input: refused cleanly, nothing written, never a 5xx.

use hastakshar::config::SignRate;

use crate::helpers::{Options, TestApp, as_refs, form, with};
use crate::on_both_backends;
use crate::support::testdb::Backend;

on_both_backends!(
    a_refused_captcha_shows_the_form_again_and_writes_nothing,
    siteverify_down_gives_503_and_writes_nothing,
    a_flood_from_one_address_gets_429_while_another_still_signs,
    forwarded_for_from_an_untrusted_peer_is_ignored,
    hostile_input_never_gives_a_5xx_and_is_escaped,
);

async fn a_refused_captcha_shows_the_form_again_and_writes_nothing(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        Options {
            captcha: true,
            ..Options::default()
        },
    )
    .await;
    let page = app.get_text("/petitions/1").await.1;
    assert!(
        page.contains("class=\"h-captcha\""),
        "the widget is on the form"
    );
    assert!(page.contains("https://js.hcaptcha.com/1/api.js"));
    let csp = app.get("/petitions/1").await.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("https://hcaptcha.com"));

    let f = with(form("c@example.in"), "h-captcha-response", "fail-me");
    let r = app.sign(&as_refs(&f)).await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("human check"), "the form says why");
    assert!(page.contains("c@example.in"), "and keeps the input");
    let no_token = app.sign(&as_refs(&form("c@example.in"))).await;
    assert_eq!(no_token.status(), 422);
    assert_eq!(app.count("signatures"), 0);
    assert_eq!(app.count("outbox"), 0);
    assert!(app.captcha.as_ref().unwrap().calls() >= 1);

    let f = with(form("c@example.in"), "h-captcha-response", "pass-123");
    assert_eq!(app.sign(&as_refs(&f)).await.status(), 303);
    assert_eq!(app.count("signatures"), 1);
}

async fn siteverify_down_gives_503_and_writes_nothing(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        Options {
            captcha: true,
            ..Options::default()
        },
    )
    .await;
    app.captcha.as_ref().unwrap().set_down(true);
    let f = with(form("d@example.in"), "h-captcha-response", "pass-1");
    let r = app.sign(&as_refs(&f)).await;
    assert_eq!(r.status(), 503);
    assert!(r.headers().contains_key("retry-after"));
    let page = r.text().await.unwrap();
    assert!(page.contains("Nothing was saved"));
    assert!(!page.contains("hcaptcha::") && !page.contains("error sending request"));
    assert_eq!(app.count("signatures"), 0);
    assert_eq!(app.count("outbox"), 0);
}

fn tight() -> Option<SignRate> {
    Some(SignRate {
        burst: 3,
        per_hour: 60,
    })
}

async fn a_flood_from_one_address_gets_429_while_another_still_signs(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        Options {
            trusted_proxies: "127.0.0.1,::1",
            sign_rate: tight(),
            ..Options::default()
        },
    )
    .await;
    let flood = [("X-Forwarded-For", "203.0.113.10")];
    for i in 0..3 {
        let f = form(&format!("flood{i}@example.in"));
        assert_eq!(app.sign_with(1, &as_refs(&f), &flood).await.status(), 303);
    }
    let r = app
        .sign_with(1, &as_refs(&form("flood9@example.in")), &flood)
        .await;
    assert_eq!(r.status(), 429);
    let retry: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=3600).contains(&retry));
    // The form comes back as the signer filled it in, saying plainly nothing was sent and when
    // to try again; its action keeps the fragment, so the page opens at the form.
    let page = r.text().await.unwrap();
    assert!(page.contains("Not signed yet"), "{page}");
    assert!(page.contains("Nothing you typed is lost"), "{page}");
    assert!(page.contains("Please try again in"), "{page}");
    assert!(
        page.contains("value=\"flood9@example.in\""),
        "the email is kept: {page}"
    );
    assert!(
        page.contains("value=\"Asha Devi\""),
        "the name is kept: {page}"
    );
    assert!(page.contains("/petitions/1/signatures#sign"), "{page}");
    assert_eq!(app.count("signatures"), 3);

    let other = [("X-Forwarded-For", "198.51.100.20")];
    let r = app
        .sign_with(1, &as_refs(&form("other@example.in")), &other)
        .await;
    assert_eq!(r.status(), 303, "another address still signs");
}

async fn forwarded_for_from_an_untrusted_peer_is_ignored(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        Options {
            sign_rate: tight(),
            ..Options::default()
        },
    )
    .await;
    let mut statuses = Vec::new();
    for i in 0..4 {
        let forged = format!("192.0.2.{i}");
        let f = form(&format!("forged{i}@example.in"));
        let r = app
            .sign_with(1, &as_refs(&f), &[("X-Forwarded-For", forged.as_str())])
            .await;
        statuses.push(r.status().as_u16());
    }
    assert_eq!(statuses, [303, 303, 303, 429]);
}

async fn hostile_input_never_gives_a_5xx_and_is_escaped(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let post_raw = |body: Vec<u8>, content_type: &'static str| {
        app.client
            .post(app.url("/petitions/1/signatures"))
            .header("content-type", content_type)
            .body(body)
            .send()
    };

    // Markup is escaped wherever it is shown again.
    let f = with(
        with(form("bad"), "name", "<script>alert(1)</script>"),
        "pin_code",
        "\"><img src=x onerror=alert(1)>",
    );
    let r = app.sign(&as_refs(&f)).await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(!page.contains("<script>alert(1)"));
    assert!(!page.contains("<img src=x"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

    // SQL is only ever data.
    let f = with(
        form("sql@example.in"),
        "name",
        "Robert'); DROP TABLE signatures;--",
    );
    assert_eq!(app.sign(&as_refs(&f)).await.status(), 303);
    assert_eq!(app.count("signatures"), 1);

    // Very long strings, invalid UTF-8, a body of several megabytes, the wrong content type.
    let long = "x".repeat(200_000);
    let f = with(form("long@example.in"), "name", &long);
    let status = app.sign(&as_refs(&f)).await.status().as_u16();
    assert!(status == 422 || status == 413, "{status}");
    let r = post_raw(
        b"name=A%FF%FE&email=x%40example.in&pin_code=221001&state=IN-UP&constituency=S24-77"
            .to_vec(),
        "application/x-www-form-urlencoded",
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 422);
    let r = post_raw(
        vec![0xff, 0xfe, 0x00, 0x41, 0xc3, 0x28],
        "application/x-www-form-urlencoded",
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 422);
    let big = vec![b'a'; 5 * 1024 * 1024];
    let r = post_raw(big, "application/x-www-form-urlencoded").await;
    if let Ok(r) = r {
        assert!(r.status().is_client_error(), "{}", r.status());
    }
    let r = post_raw(b"{\"name\": \"x\"}".to_vec(), "application/json")
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    for path in [
        "/petitions/999999/signatures",
        "/petitions/99999999999999999999999/signatures",
    ] {
        let r = app
            .client
            .post(app.url(path))
            .form(&as_refs(&form("x@example.in")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404, "{path}");
    }
    for path in [
        "/petitions/abc",
        "/petitions/1%00",
        "/nowhere",
        "/petitions/1.json.bak",
    ] {
        let status = app.get(path).await.status();
        assert!(status.is_client_error(), "{path}: {status}");
    }
    assert_eq!(app.count("signatures"), 1, "only the valid one was stored");
}
