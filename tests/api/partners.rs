//! Partners: a `?source=` link is carried through signing and credited on the campaigner's
//! dashboard and in the export; the embed signs from another site's frame, and is the one page
//! that may be framed.

use diesel::prelude::*;
use hastakshar::accounts::Role;
use hastakshar::db::schema::signatures;

use crate::helpers::{TestApp, as_refs, form, with};
use crate::on_both_backends;
use crate::people::*;
use crate::support::testdb::Backend;

/// A campaigner's petition, opened (as moderation would), and the campaigner.
async fn open_petition(app: &TestApp) -> (i64, Browser) {
    let creator = campaigner(app, "meera@example.in").await;
    let closes = in_days(60);
    let id = draft(
        &creator,
        &petition_form("Punish the buyers, not the women", "1000", &closes),
    )
    .await;
    open_in_db(app, id);
    (id, creator)
}

fn sources(app: &TestApp, id: i64) -> Vec<Option<String>> {
    let mut conn = app.pool.get().unwrap();
    signatures::table
        .filter(signatures::petition_id.eq(id))
        .order(signatures::id)
        .select(signatures::source)
        .load(&mut conn)
        .unwrap()
}

async fn a_partners_link_is_credited_from_signing_to_export(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (id, creator) = open_petition(&app).await;

    // The page for a partner's link carries its code in the form, without JavaScript; a code
    // that is not one is dropped, and the page kept for everyone carries none.
    let (status, page) = app
        .get_text(&format!("/petitions/{id}?source=Bihar-Network"))
        .await;
    assert_eq!(status, 200);
    assert!(page.contains(r#"name="source" value="bihar-network""#));
    let (_, page) = app
        .get_text(&format!("/petitions/{id}?source=%3Cscript%3E"))
        .await;
    assert!(page.contains(r#"name="source" value="""#));
    assert!(!page.contains("<script>"));
    let (_, page) = app.get_text(&format!("/petitions/{id}")).await;
    assert!(page.contains(r#"name="source" value="""#));

    // Signers by several links, each confirmed.
    for (i, source) in [
        "bihar-network",
        "bihar-network",
        "WB_Women",
        "",
        "not a code!",
    ]
    .iter()
    .enumerate()
    {
        let f = with(form(&format!("signer{i}@example.in")), "source", source);
        app.sign_and_confirm(id, &f).await;
    }
    assert_eq!(
        sources(&app, id),
        vec![
            Some("bihar-network".into()),
            Some("bihar-network".into()),
            Some("wb_women".into()),
            None,
            None
        ]
    );
    app.wait_for_count(id, 5).await;

    // The dashboard says what each brought in, and how to make such a link.
    let (_, detail) = creator.get(&format!("/dashboard/petitions/{id}")).await;
    let table = detail
        .split("<table class=\"sources\">")
        .nth(1)
        .expect("the dashboard has the sources' table")
        .split("</table>")
        .next()
        .unwrap();
    let rows: Vec<String> = table
        .split("<tr>")
        .skip(2)
        .map(|r| {
            r.replace("<code>", "")
                .replace("</code>", "")
                .split(['<', '>'])
                .filter(|s| !s.trim().is_empty() && !s.starts_with('/') && !s.starts_with("td"))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(
        rows,
        vec!["bihar-network 2", "Without a source 2", "wb_women 1"],
        "{table}"
    );
    assert!(detail.contains(&format!("/petitions/{id}/embed?source=bihar-network")));

    // The export credits each signature's source.
    let moderator = staff(&app, "mod@example.in", Role::Moderator).await;
    let (status, csv) = moderator
        .get(&format!("/admin/petitions/{id}/exports/signatures.csv"))
        .await;
    assert_eq!(status, 200);
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().ends_with(",source"));
    let credited: Vec<&str> = lines.map(|l| l.rsplit(',').next().unwrap()).collect();
    assert_eq!(
        credited,
        vec!["bihar-network", "bihar-network", "wb_women", "", ""]
    );
}

async fn the_embed_signs_from_a_frame_and_alone_may_be_framed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (id, _creator) = open_petition(&app).await;
    let embed = format!("/petitions/{id}/embed");

    let r = app.get(&format!("{embed}?source=bihar-network")).await;
    assert_eq!(r.status(), 200);
    let headers = r.headers().clone();
    assert!(headers.get("x-frame-options").is_none());
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors *"), "{csp}");
    assert!(headers.get("set-cookie").is_none(), "no cookie in a frame");
    let page = r.text().await.unwrap();
    assert!(page.contains(&format!(r#"action="{embed}""#)));
    assert!(page.contains(r#"name="source" value="bihar-network""#));
    assert!(page.contains(r#"target="_blank""#), "links leave the frame");
    assert!(
        !page.contains("/dashboard"),
        "none of the site's navigation"
    );
    // Every other page refuses to be framed.
    for other in [
        format!("/petitions/{id}"),
        format!("/hi/petitions/{id}/map"),
        format!("{embed}/x"),
    ] {
        let r = app.get(&other).await;
        assert_eq!(r.headers()["x-frame-options"], "DENY", "{other}");
        let csp = r.headers()["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{other}: {csp}");
    }

    // A refused form comes back as the embed (framable), naming the field.
    let f = with(form("framed@example.in"), "pin_code", "");
    let f = with(f, "source", "bihar-network");
    let r = app
        .client
        .post(app.url(&embed))
        .form(&as_refs(&f))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.headers().get("x-frame-options").is_none());
    let body = r.text().await.unwrap();
    assert!(body.contains(r##"href="#pin_code""##));
    assert!(
        body.contains(r#"value="bihar-network""#),
        "the source is kept"
    );
    assert_eq!(app.count("signatures"), 0, "nothing stored");

    // Signed: the embed says where the email went; confirmed, it counts and is credited.
    let f = with(form("framed@example.in"), "source", "bihar-network");
    let r = app
        .client
        .post(app.url(&embed))
        .form(&as_refs(&f))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let sent = r.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(sent, format!("{embed}?sent"));
    let (status, page) = app.get_text(&sent).await;
    assert_eq!(status, 200);
    assert!(page.contains("Check your email"));
    app.confirm_by_mail("framed@example.in").await;
    app.wait_for_count(id, 1).await;
    assert_eq!(sources(&app, id), vec![Some("bihar-network".into())]);
    // In Hindi too.
    let (_, hi) = app.get_text(&format!("/hi{embed}")).await;
    assert!(hi.contains("lang=\"hi\""));
    assert!(hi.contains(&format!(r#"action="/hi{embed}""#)));
    assert_eq!(app.get_text("/petitions/999/embed").await.0, 404);
}

on_both_backends!(
    a_partners_link_is_credited_from_signing_to_export,
    the_embed_signs_from_a_frame_and_alone_may_be_framed
);
