//! The partner API: an admin issues a token to a group; its system records a signature in the
//! shape of OSDI, which counts only once the signer confirms it from their email, credited to
//! the group; it reads back its own group's signatures (no email address, a name only with
//! consent), audited; without a token, or with a revoked one, 401. The public JSON is readable
//! from any origin; the partner API is not.

use hastakshar::accounts::Role;
use serde_json::{Value, json};

use crate::helpers::{DEMO, TestApp, form, with};
use crate::on_both_backends;
use crate::people::*;
use crate::support::testdb::Backend;

async fn call(
    app: &TestApp,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (u16, reqwest::header::HeaderMap, Value) {
    let client = reqwest::Client::new();
    let url = app.url(path);
    let mut r = match method {
        "GET" => client.get(url),
        _ => client.post(url),
    };
    if let Some(t) = token {
        r = r.header("OSDI-API-Token", t);
    }
    if let Some(b) = body {
        r = r.json(&b);
    }
    let r = r.send().await.unwrap();
    let status = r.status().as_u16();
    let headers = r.headers().clone();
    let text = r.text().await.unwrap();
    (
        status,
        headers,
        serde_json::from_str(&text).unwrap_or(Value::Null),
    )
}

fn signature(email: &str) -> Value {
    json!({
        "person": {
            "given_name": "Sunita",
            "family_name": "Kumari",
            "email_addresses": [{ "address": email }],
            "postal_addresses": [{ "postal_code": "800001" }],
            "languages_spoken": ["hi"],
        },
        "custom_fields": { "adult": true, "show_name": true },
    })
}

async fn a_partner_records_and_reads_its_own_signatures(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = staff(&app, "admin@example.in", Role::Admin).await;
    // Issued on the admins' page, shown once.
    let r = admin
        .submit(
            "/admin/api-tokens",
            "/admin/api-tokens",
            &[("name", "Bihar network"), ("source", "Not A Code!")],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("href=\"#source\""));
    let r = admin
        .submit(
            "/admin/api-tokens",
            "/admin/api-tokens",
            &[("name", "Bihar network"), ("source", "bihar-network")],
        )
        .await;
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    let token = page
        .split("<code class=\"token\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .expect("the token is shown once")
        .to_string();
    let (_, again) = admin.get("/admin/api-tokens").await;
    assert!(!again.contains(&token), "and never again");
    assert_eq!(app.count("audit_log WHERE action = 'api-token.issue'"), 1);

    // Without a token, or with a wrong one: 401.
    for t in [None, Some("x".repeat(43).as_str())] {
        let (status, headers, body) = call(&app, "GET", "/osdi/v1", t, None).await;
        assert_eq!(status, 401);
        assert!(headers.contains_key("www-authenticate"));
        assert!(body["error"].as_str().unwrap().contains("token"));
        let (status, _, _) = call(
            &app,
            "POST",
            "/osdi/v1/petitions/1/signatures",
            t,
            Some(signature("nobody@example.in")),
        )
        .await;
        assert_eq!(status, 401);
    }
    assert_eq!(app.count("signatures"), 0);

    let t = Some(token.as_str());
    let (status, headers, aep) = call(&app, "GET", "/osdi/v1", t, None).await;
    assert_eq!(status, 200);
    assert_eq!(headers["content-type"], "application/hal+json");
    assert!(
        !headers.contains_key("access-control-allow-origin"),
        "no other site's page may read the partner API"
    );
    assert!(
        aep["_links"]["osdi:petitions"]["href"]
            .as_str()
            .unwrap()
            .ends_with("/osdi/v1/petitions")
    );
    let (_, _, list) = call(&app, "GET", "/osdi/v1/petitions?per_page=5", t, None).await;
    assert_eq!(list["total_records"], 1);
    assert_eq!(
        list["_embedded"]["osdi:petitions"][0]["identifiers"][0],
        "hastakshar:1"
    );
    let (status, _, _) = call(&app, "GET", "/osdi/v1/petitions/999", t, None).await;
    assert_eq!(status, 404);

    // Bad signatures name their field and store nothing.
    let path = "/osdi/v1/petitions/1/signatures";
    let mut no_adult = signature("sunita@example.in");
    no_adult["custom_fields"]["adult"] = json!(false);
    let mut bad_email = signature("not-an-address");
    bad_email["person"]["email_addresses"][0]["address"] = json!("not-an-address");
    let mut bad_pin = signature("sunita@example.in");
    bad_pin["person"]["postal_addresses"][0]["postal_code"] = json!("12");
    for (body, field) in [
        (no_adult, "custom_fields.adult"),
        (bad_email, "person.email_addresses"),
        (bad_pin, "person.postal_addresses.postal_code"),
        (json!({ "person": "nobody" }), "body"),
    ] {
        let (status, _, answer) = call(&app, "POST", path, t, Some(body)).await;
        assert_eq!(status, 422, "{field}");
        assert!(
            answer["errors"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["field"] == field),
            "{field}: {answer}"
        );
    }
    assert_eq!(app.count("signatures"), 0);

    // A good one: stored, not counted until its signer confirms it from the email.
    let (status, _, answer) =
        call(&app, "POST", path, t, Some(signature("sunita@example.in"))).await;
    assert_eq!(status, 202, "{answer}");
    assert_eq!(answer["status"], "awaiting_confirmation");
    assert_eq!(app.count("signatures WHERE source = 'bihar-network'"), 1);
    let mail = mail_to(&app, "sunita@example.in", "").await;
    let confirm = mail
        .links()
        .into_iter()
        .find(|l| l.contains("/hi/confirm/"))
        .expect("a confirmation link, in the signer's language");
    app.settled().await;
    assert_eq!(app.petition_json(DEMO).await["signature_count"], 0);
    let (_, _, read) = call(&app, "GET", path, t, None).await;
    assert_eq!(read["total_records"], 0, "not counted yet, so not listed");
    let r = reqwest::Client::new().post(&confirm).send().await.unwrap();
    assert_eq!(r.status(), 200);
    app.wait_for_count(DEMO, 1).await;

    // Another group's signer, from the form: not this group's to read.
    app.sign_and_confirm(
        DEMO,
        &with(form("other@example.in"), "source", "delhi-group"),
    )
    .await;
    app.wait_for_count(DEMO, 2).await;
    let (status, _, read) = call(&app, "GET", path, t, None).await;
    assert_eq!(status, 200);
    assert_eq!(read["total_records"], 1);
    let s = &read["_embedded"]["osdi:signatures"][0];
    assert_eq!(s["person"]["given_name"], "Sunita Kumari");
    assert_eq!(s["custom_fields"]["source"], "bihar-network");
    assert_eq!(s["custom_fields"]["constituency"], "S04-30");
    let text = read.to_string();
    assert!(!text.contains("sunita@example.in") && !text.contains("other@example.in"));
    assert!(app.count("audit_log WHERE action = 'api.signatures.read'") >= 1);
    // The dashboard credits the group, as for its links.
    assert_eq!(
        app.count("signatures WHERE source = 'bihar-network' AND confirmed_at IS NOT NULL"),
        1
    );

    // Revoked: 401 from then on.
    let id = page
        .split("/admin/api-tokens/")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .expect("a revoke button")
        .to_string();
    let r = admin
        .submit(
            "/admin/api-tokens",
            &format!("/admin/api-tokens/{id}/revoke"),
            &[],
        )
        .await;
    assert_eq!(location(&r), "/admin/api-tokens?done=token-revoked");
    let (status, _, _) = call(&app, "GET", "/osdi/v1", t, None).await;
    assert_eq!(status, 401);

    // The public JSON, by contrast, any site may read.
    for path in [
        "/petitions.json",
        "/petitions/1.json",
        "/api/pincodes/800001",
        "/api/openapi.json",
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status(), 200, "{path}");
        assert_eq!(r.headers()["access-control-allow-origin"], "*", "{path}");
    }
}

on_both_backends!(a_partner_records_and_reads_its_own_signatures);
