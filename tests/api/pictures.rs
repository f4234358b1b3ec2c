//! A petition's picture: uploaded by its campaigner as multipart/form-data, refused with a 422
//! naming the field when it is not a fit picture (and nothing kept), made into several widths
//! on the server, shown to moderators with its descriptions, and served to the public with a
//! year's cache lifetime and the description in the reader's language.

use diesel::prelude::*;
use hastakshar::accounts::Role;
use hastakshar::db::schema::{image_files, petition_image_alts, petition_images};
use image::{ImageEncoder, Rgb, RgbImage};

use crate::helpers::TestApp;
use crate::on_both_backends;
use crate::people::*;
use crate::support::testdb::Backend;

/// A picture with detail in it, as PNG or JPEG.
pub fn picture(w: u32, h: u32, seed: u32, jpeg: bool) -> Vec<u8> {
    let p = RgbImage::from_fn(w, h, |x, y| {
        let v = (x / 8 + y / 8 + seed) % 7;
        Rgb([
            (120 + v * 15) as u8,
            (40 + (x * 3 + seed) % 60) as u8,
            (60 + (y * 5) % 80) as u8,
        ])
    });
    let mut out = Vec::new();
    if jpeg {
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
            .encode_image(&p)
            .unwrap();
    } else {
        image::codecs::png::PngEncoder::new(&mut out)
            .write_image(&p, w, h, image::ExtendedColorType::Rgb8)
            .unwrap();
    }
    out
}

/// A multipart/form-data body of text fields and, if given, one file `(name, filename, bytes)`;
/// its content type and bytes.
pub fn multipart(fields: &[(&str, &str)], file: Option<(&str, &str, &[u8])>) -> (String, Vec<u8>) {
    let boundary = "----hastakshar-test-boundary-7d1f";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    if let Some((name, filename, bytes)) = file {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: image/jpeg\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Posts a multipart body (its content type and bytes) to `path` as `b`.
async fn post_multipart(
    b: &Browser,
    path: &str,
    (content_type, body): (String, Vec<u8>),
) -> reqwest::Response {
    b.client
        .post(format!("{}{path}", b.base))
        .header("Content-Type", content_type)
        .body(body)
        .send()
        .await
        .unwrap()
}

/// Posts the picture form at `path` as `b`, with the CSRF token of its page.
pub async fn upload(
    b: &Browser,
    path: &str,
    fields: &[(&str, &str)],
    file: Option<(&str, &str, &[u8])>,
) -> reqwest::Response {
    let token = b.csrf(path).await;
    let mut all = vec![("csrf", token.as_str())];
    all.extend_from_slice(fields);
    post_multipart(b, path, multipart(&all, file)).await
}

fn stored(app: &TestApp) -> (i64, i64, i64) {
    (
        app.count("image_files"),
        app.count("petition_images"),
        app.count("petition_image_alts"),
    )
}

fn digest_of(app: &TestApp, id: i64) -> Option<String> {
    let mut conn = app.pool.get().unwrap();
    petition_images::table
        .find(id)
        .select(petition_images::digest)
        .first(&mut conn)
        .optional()
        .unwrap()
}

async fn a_campaigners_picture_is_checked_resized_and_served(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let creator = campaigner(&app, "meera@example.in").await;
    let closes = in_days(60);
    let mut form = petition_form("Punish the buyers, not the women", "1000", &closes);
    form.extend([
        ("title_tr", "ख़रीदारों को सज़ा दो, महिलाओं को नहीं"),
        ("action_tr", "हर ज़िले में आश्रय।"),
    ]);
    let id = draft(&creator, &form).await;
    let path = format!("/petitions/{id}/image");

    // The dashboard leads to the picture page, which asks for a description in each language.
    let (_, detail) = creator.get(&format!("/dashboard/petitions/{id}")).await;
    assert!(detail.contains(&format!("href=\"{path}\"")), "{detail}");
    assert!(detail.contains("Add a picture"));
    let (status, page) = creator.get(&path).await;
    assert_eq!(status, 200);
    assert!(page.contains("enctype=\"multipart/form-data\""));
    assert!(page.contains("accept=\"image/jpeg,image/png,image/webp\""));
    assert!(page.contains("What the picture shows, in English"));
    assert!(page.contains("What the picture shows, in हिन्दी"));

    let alts = [
        ("alt", "Women holding a banner outside Parliament"),
        ("alt_tr", "संसद के बाहर बैनर लिए महिलाएँ"),
    ];
    let good = picture(1600, 900, 1, false);

    // What is refused gets a 422 naming the field, and nothing is kept.
    let refusals: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "notes.jpg",
            b"these are my notes, not a picture".to_vec(),
            "must be a JPEG, PNG or WebP file",
        ),
        (
            "huge.jpg",
            vec![0xFF; hastakshar::images::MAX_BYTES + 1],
            "must be 5 MB or smaller",
        ),
        (
            "small.png",
            picture(300, 200, 1, false),
            "at least 400 pixels wide",
        ),
        (
            "cut.png",
            good[..good.len() / 2].to_vec(),
            "could not be read",
        ),
    ];
    for (name, bytes, says) in &refusals {
        let r = upload(&creator, &path, &alts, Some(("image", name, bytes))).await;
        assert_eq!(r.status(), 422, "{name}");
        let body = r.text().await.unwrap();
        assert!(
            body.contains("id=\"image-error\""),
            "{name}: the field is named"
        );
        assert!(body.contains(says), "{name}: {says}");
        assert!(
            body.contains("href=\"#image\""),
            "{name}: the summary links to the field"
        );
        // What was typed is kept.
        assert!(body.contains("Women holding a banner outside Parliament"));
        assert_eq!(stored(&app), (0, 0, 0), "{name}: nothing kept");
    }
    // No file chosen (a browser sends an empty part), and no description.
    let r = upload(&creator, &path, &[("alt", "")], Some(("image", "", b""))).await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("Choose a picture to upload"));
    assert!(body.contains("id=\"alt-error\""));
    assert!(body.contains("id=\"alt_tr-error\""));
    // A good picture without its descriptions is refused too, before any work on it.
    let r = upload(&creator, &path, &[], Some(("image", "a.png", &good))).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("href=\"#alt\""));
    let long = "x".repeat(hastakshar::images::ALT_MAX + 1);
    let r = upload(
        &creator,
        &path,
        &[("alt", &long), alts[1]],
        Some(("image", "a.png", &good)),
    )
    .await;
    assert_eq!(r.status(), 422);
    assert_eq!(stored(&app), (0, 0, 0));

    // A body past the upload's limit is refused before the handler (413), and a form without
    // its CSRF token, or another campaigner, gets nowhere.
    let r = post_multipart(
        &creator,
        &path,
        multipart(
            &alts,
            Some((
                "image",
                "big.jpg",
                &vec![1u8; hastakshar::web::images::UPLOAD_BODY_LIMIT + 1],
            )),
        ),
    )
    .await;
    assert_eq!(r.status(), 413);
    let r = post_multipart(
        &creator,
        &path,
        multipart(&alts, Some(("image", "a.png", &good))),
    )
    .await;
    assert_eq!(r.status(), 403, "no CSRF token");
    let other = campaigner(&app, "someone.else@example.in").await;
    assert_eq!(other.get(&path).await.0, 404);
    let token = other.csrf("/dashboard").await;
    let r = post_multipart(
        &other,
        &path,
        multipart(
            &[("csrf", &token), alts[0], alts[1]],
            Some(("image", "a.png", &good)),
        ),
    )
    .await;
    assert_eq!(r.status(), 404);
    // Not multipart at all: a request no form of ours sends.
    let r = creator
        .post(&path, &[("alt", "x"), ("csrf", &creator.csrf(&path).await)])
        .await;
    assert!(r.status() == 400 || r.status() == 422, "{}", r.status());
    assert_eq!(stored(&app), (0, 0, 0));

    // A good picture: three widths, both descriptions.
    let r = upload(&creator, &path, &alts, Some(("image", "banner.png", &good))).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("{path}?done=image-saved"));
    assert_eq!(stored(&app), (3, 1, 2));
    let first = digest_of(&app, id).unwrap();
    let (_, page) = creator.get(&location(&r)).await;
    assert!(page.contains("Picture saved."));
    assert!(page.contains(&format!("/images/{first}-400.jpg")));
    assert!(page.contains("Remove the picture"));
    for (w, h) in [(400, 225), (800, 450), (1200, 675)] {
        let r = app.get(&format!("/images/{first}-{w}.jpg")).await;
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["content-type"], "image/jpeg");
        assert_eq!(
            r.headers()["cache-control"],
            "public, max-age=31536000, immutable"
        );
        assert!(
            r.headers()
                .get("content-encoding")
                .is_none_or(|e| e == "identity")
        );
        let bytes = r.bytes().await.unwrap();
        let back = image::load_from_memory(&bytes).unwrap();
        assert_eq!((back.width(), back.height()), (w, h));
    }
    for bad in [
        format!("/images/{first}-401.jpg"),
        format!("/images/{first}-400.png"),
        "/images/..%2F..%2Fetc%2Fpasswd".to_string(),
        format!("/images/{}-400.jpg", "0".repeat(32)),
    ] {
        assert_eq!(app.get(&bad).await.status(), 404, "{bad}");
    }

    // Another picture in its place: the first's files go, since nothing shows them.
    let second = picture(1000, 1400, 2, true);
    let r = upload(&creator, &path, &alts, Some(("image", "tall.jpg", &second))).await;
    assert_eq!(r.status(), 303);
    let digest = digest_of(&app, id).unwrap();
    assert_ne!(digest, first);
    // 1000 x 1400 is trimmed to 4:3 (1000 x 750): two widths.
    assert_eq!(stored(&app), (2, 1, 2));
    assert_eq!(
        app.get(&format!("/images/{first}-400.jpg")).await.status(),
        404
    );
    // Removed, then uploaded again.
    let r = creator.submit(&path, &format!("{path}/remove"), &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("{path}?done=image-removed"));
    assert_eq!(stored(&app), (0, 0, 0));
    let r = upload(&creator, &path, &alts, Some(("image", "banner.png", &good))).await;
    assert_eq!(r.status(), 303);
    assert_eq!(digest_of(&app, id).as_deref(), Some(first.as_str()));
    let (_, detail) = creator.get(&format!("/dashboard/petitions/{id}")).await;
    assert!(detail.contains("Change the picture"));
    // Editing the text, the preview shows the petition with its picture, as readers will.
    let edit = format!("/petitions/{id}/edit");
    let mut preview = form.clone();
    preview.retain(|(k, _)| *k != "intent");
    preview.push(("intent", "preview"));
    let r = creator.submit(&edit, &edit, &preview).await;
    assert_eq!(r.status(), 200);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains(&format!("/images/{first}-400.jpg"))
    );

    // A moderator sees the picture with its description in each language.
    let moderator = staff(&app, "mod@example.in", Role::Moderator).await;
    let (status, review) = moderator.get(&format!("/admin/petitions/{id}")).await;
    assert_eq!(status, 200);
    assert!(review.contains(&format!("/images/{first}-400.jpg")));
    assert!(review.contains("alt=\"Women holding a banner outside Parliament\""));
    assert!(review.contains("alt=\"संसद के बाहर बैनर लिए महिलाएँ\""));

    // Public: every width in the srcset, the size of the narrowest, the reader's description.
    crate::people::open_in_db(&app, id);
    let (status, en) = app.get_text(&format!("/petitions/{id}")).await;
    assert_eq!(status, 200);
    let srcset = format!(
        "srcset=\"/images/{first}-400.jpg 400w, /images/{first}-800.jpg 800w, /images/{first}-1200.jpg 1200w\""
    );
    assert!(en.contains(&srcset), "{en}");
    assert!(en.contains("width=\"400\" height=\"225\""));
    assert!(en.contains("alt=\"Women holding a banner outside Parliament\""));
    let (_, hi) = app.get_text(&format!("/hi/petitions/{id}")).await;
    assert!(hi.contains(&srcset));
    assert!(hi.contains("alt=\"संसद के बाहर बैनर लिए महिलाएँ\""));
    // A link to it pasted elsewhere shows its share card and title in the link's language.
    let card = |page: &str, property: &str| {
        let at = format!("property=\"{property}\" content=\"");
        page.split(&at)
            .nth(1)
            .map(|r| r.split('"').next().unwrap().to_string())
    };
    assert_eq!(
        card(&en, "og:image"),
        Some(format!("{}/petitions/{id}/card.png", app.address))
    );
    assert_eq!(
        card(&en, "og:url"),
        Some(format!("{}/petitions/{id}", app.address))
    );
    assert!(en.contains(r#"name="twitter:card" content="summary_large_image""#));
    assert_eq!(
        card(&hi, "og:title").as_deref(),
        Some("ख़रीदारों को सज़ा दो, महिलाओं को नहीं")
    );
    assert_eq!(
        card(&hi, "og:image"),
        Some(format!("{}/hi/petitions/{id}/card.png", app.address))
    );

    // Once public, the picture is moderation's: the page and the form lead to the dashboard,
    // and nothing changes.
    let r = creator.get(&path).await;
    assert_eq!(r.0, 303);
    let token = creator.csrf("/petitions/new").await;
    let r = post_multipart(
        &creator,
        &path,
        multipart(
            &[("csrf", &token), alts[0], alts[1]],
            Some(("image", "tall.jpg", &second)),
        ),
    )
    .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/dashboard/petitions/{id}"));
    assert_eq!(digest_of(&app, id).as_deref(), Some(first.as_str()));
    let mut conn = app.pool.get().unwrap();
    let alts_kept: i64 = petition_image_alts::table
        .filter(petition_image_alts::petition_id.eq(id))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(alts_kept, 2);
    let widths: Vec<i32> = image_files::table
        .filter(image_files::digest.eq(&first))
        .order(image_files::width)
        .select(image_files::width)
        .load(&mut conn)
        .unwrap();
    assert_eq!(widths, vec![400, 800, 1200]);
}

on_both_backends!(a_campaigners_picture_is_checked_resized_and_served);
