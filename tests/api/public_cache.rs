//! A viral spike's reads: public pages and the public API kept compressed, answered 304 when
//! the reader already has them, public for shared caches with the language in the URL; pages
//! with a signer's or a session's data never.

use std::io::Read;
use std::time::Duration;

use crate::helpers::{DEMO, Options, TestApp, WAIT, as_refs, form};
use crate::on_both_backends;
use crate::support::testdb::Backend;

async fn fetch(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut req = app.client.get(app.url(path));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req.send().await.unwrap()
}

fn header(r: &reqwest::Response, name: &str) -> String {
    r.headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

/// The body as sent, decoded from whatever Content-Encoding it came in.
async fn decoded(r: reqwest::Response) -> String {
    let coding = header(&r, "content-encoding");
    let bytes = r.bytes().await.unwrap();
    let mut out = Vec::new();
    match coding.as_str() {
        "gzip" => {
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut out)
                .unwrap();
        }
        "br" => brotli::BrotliDecompress(&mut &bytes[..], &mut out).unwrap(),
        "" => out = bytes.to_vec(),
        other => panic!("unexpected Content-Encoding {other}"),
    }
    String::from_utf8(out).unwrap()
}

/// Each public response in every encoding says the same thing, under one entity tag that
/// answers 304; it is public for a few seconds, varies only on the encoding, and sets no cookie.
async fn public_pages_are_kept_compressed_and_answer_304(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        Options {
            page_cache: Duration::from_secs(60),
            ..Options::default()
        },
    )
    .await;
    for (path, marker) in [
        ("/petitions/1", "<html lang=\"en\">"),
        ("/hi/petitions/1", "<html lang=\"hi\">"),
        ("/petitions/1/method", "<html lang=\"en\">"),
        ("/hi/", "<html lang=\"hi\">"),
        ("/petitions.json", "\"petitions\""),
        ("/petitions/1.json", "\"signature_count\""),
    ] {
        let plain = fetch(&app, path, &[]).await;
        assert_eq!(plain.status(), 200, "{path}");
        assert_eq!(header(&plain, "content-encoding"), "", "{path}");
        let etag = header(&plain, "etag");
        assert!(etag.starts_with("W/\""), "{path} has an entity tag: {etag}");
        assert_eq!(header(&plain, "vary"), "Accept-Encoding", "{path}");
        assert_eq!(
            header(&plain, "cache-control"),
            "public, max-age=0, s-maxage=5",
            "{path}"
        );
        assert_eq!(
            header(&plain, "cdn-cache-control"),
            "max-age=5, stale-while-revalidate=60, stale-if-error=60",
            "{path}"
        );
        assert!(plain.headers().get("set-cookie").is_none(), "{path}");
        let text = plain.text().await.unwrap();
        assert!(text.contains(marker), "{path}");

        for coding in ["gzip", "br"] {
            let r = fetch(&app, path, &[("Accept-Encoding", coding)]).await;
            assert_eq!(header(&r, "content-encoding"), coding, "{path}");
            assert_eq!(header(&r, "etag"), etag, "{path} {coding}");
            let len: usize = header(&r, "content-length").parse().unwrap();
            assert!(len < text.len(), "{path} {coding} is smaller");
            assert_eq!(decoded(r).await, text, "{path} {coding} carries the same");
        }
        let r = fetch(
            &app,
            path,
            &[("If-None-Match", &etag), ("Accept-Encoding", "gzip")],
        )
        .await;
        assert_eq!(r.status(), 304, "{path}");
        assert_eq!(header(&r, "etag"), etag);
        assert!(r.bytes().await.unwrap().is_empty());
        let r = fetch(&app, path, &[("If-None-Match", "W/\"stale\"")]).await;
        assert_eq!(r.status(), 200, "{path}: another version is sent whole");
    }
    let api = fetch(&app, "/petitions/1.json", &[]).await;
    assert_eq!(header(&api, "access-control-allow-origin"), "*");
    let r = app
        .client
        .head(app.url("/petitions/1"))
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "HEAD, as link previews ask");
    assert!(r.bytes().await.unwrap().is_empty());
}

/// A signature counted is a new version: a new tag, and a reader holding the old one gets the
/// new page, not a 304.
async fn a_new_count_is_a_new_version(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let first = fetch(&app, "/petitions/1", &[]).await;
    let old = header(&first, "etag");
    let old_json = header(&fetch(&app, "/petitions/1.json", &[]).await, "etag");
    app.sign(&as_refs(&form("version@example.in"))).await;
    let link = app.confirm_link(&app.email(1).await);
    app.client.post(&link).send().await.unwrap();
    app.wait_for_count(DEMO, 1).await;
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let r = fetch(&app, "/petitions/1", &[("If-None-Match", &old)]).await;
        if r.status() == 200 {
            assert_ne!(header(&r, "etag"), old);
            assert!(decoded(r).await.contains("<strong>1</strong>"));
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the page catches up");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let r = fetch(&app, "/petitions/1.json", &[("If-None-Match", &old_json)]).await;
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.json::<serde_json::Value>().await.unwrap()["signature_count"],
        1
    );
}

/// What carries a signer's typing or a session is private and never stored; `/` varies on the
/// cookie and Accept-Language, so no shared cache keeps it either.
async fn personal_pages_stay_private(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut f = form("private@example.in");
    f.retain(|(k, _)| *k != "name");
    let refused = app.sign(&as_refs(&f)).await;
    assert_eq!(refused.status(), 422);
    assert!(header(&refused, "cache-control").contains("no-store"));
    assert!(header(&refused, "etag").is_empty());
    for path in [
        "/account/login",
        "/account/signup",
        "/dashboard",
        "/nowhere",
    ] {
        let r = fetch(&app, path, &[]).await;
        let cc = header(&r, "cache-control");
        assert!(
            cc.contains("no-store") && !cc.contains("public"),
            "{path}: {cc}"
        );
    }
    let home = fetch(&app, "/", &[("Accept-Language", "en")]).await;
    assert_eq!(home.status(), 200);
    assert!(header(&home, "cache-control").starts_with("private"));
    assert!(header(&home, "vary").contains("Cookie"));
    let r = fetch(&app, "/", &[("Accept-Language", "hi")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(header(&r, "location"), "/hi/");
    assert!(header(&r, "vary").contains("Accept-Language"));
}

on_both_backends!(
    public_pages_are_kept_compressed_and_answer_304,
    a_new_count_is_a_new_version,
    personal_pages_stay_private,
);
