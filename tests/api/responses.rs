//! Responses and the members' record: staff record a member's answer (with its letter); it shows
//! on the petition and on the member's page, reaches only the signers who asked for updates, and
//! the days waiting count from the day the pack was delivered. Thresholds make a timeline.

use diesel::prelude::*;
use hastakshar::accounts::Role;

use crate::helpers::{DEMO, Step, TestApp, form, with, with_all};
use crate::on_both_backends;
use crate::people::*;
use crate::pictures::upload;
use crate::support::testdb::Backend;

/// A small PDF, as a scanner might make it.
const LETTER: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

fn today() -> chrono::NaiveDate {
    hastakshar::db::petitions::india_today()
}

/// The row of one member in the members' list, from its link to the end of the row.
fn row<'a>(page: &'a str, pc: &str) -> &'a str {
    let at = page
        .find(&format!("/representatives/{pc}\""))
        .unwrap_or_else(|| panic!("{pc} is listed"));
    let rest = &page[at..];
    &rest[..rest.find("</tr>").unwrap_or(rest.len())]
}

async fn a_members_response_is_recorded_shown_and_sent_to_those_who_asked(backend: Backend) {
    let mut step = Step::first("signers in Varanasi, one asking for updates");
    let app = TestApp::spawn(backend).await;
    let varanasi = |email: &str| with_all(form(email), &[("deliver_name", "on")]);
    app.sign_and_confirm(DEMO, &with(varanasi("news@example.in"), "updates", "on"))
        .await;
    app.sign_and_confirm(DEMO, &varanasi("quiet@example.in"))
        .await;
    app.sign_and_confirm(DEMO, &varanasi("third@example.in"))
        .await;
    app.wait_for_count(DEMO, 3).await;

    step.next("the pack goes to the member for Varanasi");
    let admin = staff(&app, "admin@example.in", Role::Admin).await;
    let r = admin
        .submit(
            "/admin/recipients",
            "/admin/recipients/member/S24-77",
            &[
                ("name", "Narendra Modi"),
                ("party", "Bharatiya Janata Party"),
                ("email", "mp.varanasi@example.in"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = admin
        .submit(
            "/admin/petitions/1/delivery",
            "/admin/petitions/1/deliver",
            &[("mode", "send")],
        )
        .await;
    assert_eq!(r.status(), 303);
    mail_to(&app, "mp.varanasi@example.in", "Cool Men").await;
    app.eventually("the pack is sent", |app| {
        app.count("deliveries d JOIN outbox o ON o.id = d.outbox_id WHERE o.sent_at IS NOT NULL")
            == 1
    })
    .await;
    // The pack went 41 days ago (India's day), as if staff had delivered it then.
    {
        use hastakshar::db::schema::{deliveries, outbox};
        let mut conn = app.pool.get().unwrap();
        let outbox_id: i64 = deliveries::table
            .select(deliveries::outbox_id)
            .first(&mut conn)
            .unwrap();
        let then = chrono::Utc::now().naive_utc() - chrono::Duration::days(41);
        diesel::update(outbox::table.find(outbox_id))
            .set(outbox::sent_at.eq(Some(then)))
            .execute(&mut conn)
            .unwrap();
    }
    let waited = 41;

    step.next("the members' record: Varanasi first, waiting 41 days");
    let (status, list) = app.get_text("/representatives").await;
    assert_eq!(status, 200);
    let first = list
        .find("/representatives/S24-77\"")
        .expect("Varanasi is listed");
    assert!(
        list.find("/representatives/").unwrap() == first,
        "the longest wait is listed first"
    );
    let varanasi_row = row(&list, "S24-77");
    assert!(
        varanasi_row.contains(&format!("{waited} days")),
        "{varanasi_row}"
    );
    assert!(row(&list, "S13-31").contains("Nothing delivered yet"));
    let (_, list_hi) = app.get_text("/hi/representatives?state=IN-UP").await;
    assert!(list_hi.contains("नरेंद्र मोदी") && list_hi.contains(&format!("{waited} दिन")));
    assert!(
        !list_hi.contains("/representatives/S13-31"),
        "one state only"
    );

    step.next("bad responses are refused, naming the field, and nothing is kept");
    let path = "/admin/petitions/1/responses";
    let (status, page) = admin.get(path).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("value=\"pc:S24-77\""),
        "every member can be chosen"
    );
    let good = [
        ("who", "pc:S24-77"),
        ("received_on", &today().to_string() as &str),
        ("stance", "supports"),
        ("lang", "en"),
        (
            "body",
            "I support this petition.\n\nBuyers must be punished, not the women.",
        ),
    ];
    let tomorrow = (today() + chrono::Days::new(1)).to_string();
    let updates_before = app.count("petition_updates");
    for (field, value, named) in [
        ("who", "pc:X99-99", "from this petition"),
        ("who", "r:999", "from this petition"),
        ("received_on", tomorrow.as_str(), "not in the future"),
        ("received_on", "03/12/2026", "not in the future"),
        ("stance", "maybe", "Choose what they said"),
        ("lang", "fr", "language of the reply"),
        ("body", "", "The reply, in their words"),
    ] {
        let mut fields: Vec<(&str, &str)> = good.to_vec();
        fields.retain(|(f, _)| *f != field);
        fields.push((field, value));
        let r = upload(&admin, path, &fields, None).await;
        assert_eq!(r.status(), 422, "{field}={value:?}");
        let page = r.text().await.unwrap();
        assert!(
            page.contains(&format!("href=\"#{field}\"")) && page.contains(named),
            "{field}: the summary names it"
        );
    }
    let r = upload(
        &admin,
        path,
        &good,
        Some(("document", "letter.pdf", b"<html>not a pdf</html>")),
    )
    .await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("The letter must be a PDF file")
    );
    assert_eq!(app.count("responses"), 0);
    assert_eq!(app.count("petition_updates"), updates_before);

    step.next("a campaigner cannot record one");
    let campaigner = campaigner(&app, "someone@example.in").await;
    let (status, _) = campaigner.get(path).await;
    assert_eq!(status, 403);

    step.next("the member's answer, with the letter");
    let r = upload(
        &admin,
        path,
        &good,
        Some(("document", "letter.pdf", LETTER)),
    )
    .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("{path}?done=response-recorded"));
    assert_eq!(app.count("responses"), 1);
    assert_eq!(app.count("audit_log WHERE action = 'response.record'"), 1);

    step.next("it reaches the signer who asked for updates, and no one else");
    let mail = mail_to(&app, "news@example.in", "Supports the petition").await;
    assert!(mail.text_body().contains("Buyers must be punished"));
    assert!(
        mail.header("Subject")
            .unwrap_or_default()
            .contains("Narendra Modi, Member of Parliament for Varanasi")
    );
    app.settled().await;
    let got = |who: &str| {
        app.smtp.messages().iter().any(|m| {
            m.to.iter().any(|t| t == who)
                && m.header("Subject").unwrap_or_default().contains("Supports")
        })
    };
    assert!(!got("quiet@example.in") && !got("third@example.in"));

    step.next("the petition shows the response, its letter and the timeline");
    let (_, petition) = app.get_text("/petitions/1").await;
    assert!(petition.contains("Buyers must be punished, not the women."));
    assert!(petition.contains("Supports the petition"));
    assert!(
        petition.matches("Buyers must be punished").count() == 1,
        "shown once, as the response, not again as an update"
    );
    let id: i64 = {
        use hastakshar::db::schema::responses;
        let mut conn = app.pool.get().unwrap();
        responses::table
            .select(responses::id)
            .first(&mut conn)
            .unwrap()
    };
    assert!(petition.contains(&format!("href=\"/responses/{id}.pdf\"")));
    let r = app.get(&format!("/responses/{id}.pdf")).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let csp = r.headers()["content-security-policy"].to_str().unwrap();
    assert!(
        csp.ends_with("; sandbox") && csp.contains("default-src 'none'"),
        "{csp}"
    );
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(&r.bytes().await.unwrap()[..], LETTER);
    assert_eq!(app.get("/responses/999.pdf").await.status(), 404);

    step.next("the member's page: the count, the delivery, the answer and the days waited");
    let (status, member) = app.get_text("/representatives/S24-77").await;
    assert_eq!(status, 200);
    assert!(member.contains("Narendra Modi, Varanasi"));
    assert!(
        member.contains("Cool Men Don"),
        "the petition is on the record"
    );
    let json = app.petition_json(DEMO).await;
    let here = json["signatures_by_constituency"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "S24-77")
        .unwrap()["count"]
        .as_i64()
        .unwrap();
    assert!(
        member.contains(&format!("<td class=\"num\">{here}</td>")),
        "the count agrees with the API"
    );
    assert!(member.contains("Supports the petition"));
    assert!(
        member.contains(&format!("{waited} days")),
        "counted from delivery"
    );
    let (_, list) = app.get_text("/representatives").await;
    assert!(
        !row(&list, "S24-77").contains(&format!("{waited} days")),
        "no longer waiting"
    );
    assert_eq!(app.get("/representatives/X99-99").await.status(), 404);

    step.next("the responded filter finds it");
    let (_, found) = app.get_text("/petitions?responded=on").await;
    assert!(found.contains("href=\"/petitions/1\""));
}

async fn thresholds_make_a_timeline(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for n in 0..3 {
        app.sign_and_confirm(DEMO, &form(&format!("s{n}@example.in")))
            .await;
    }
    app.wait_for_count(DEMO, 3).await;
    let moderator = staff(&app, "mod@example.in", Role::Moderator).await;
    let path = "/admin/petitions/1/responses";
    let add = |fields: Vec<(&'static str, &'static str)>| {
        let moderator = &moderator;
        async move {
            moderator
                .submit(path, "/admin/petitions/1/thresholds", &fields)
                .await
        }
    };
    for (fields, named) in [
        (
            vec![("signatures", "0"), ("text", "x"), ("text_tr", "y")],
            "signatures",
        ),
        (
            vec![("signatures", "ten"), ("text", "x"), ("text_tr", "y")],
            "signatures",
        ),
        (vec![("signatures", "2"), ("text", "x")], "text_tr"),
    ] {
        let r = add(fields).await;
        assert_eq!(r.status(), 422);
        assert!(
            r.text()
                .await
                .unwrap()
                .contains(&format!("href=\"#{named}\""))
        );
    }
    assert_eq!(app.count("petition_thresholds"), 0);
    let r = add(vec![
        ("signatures", "2"),
        ("text", "the Ministry is asked to respond"),
        ("text_tr", "मंत्रालय से जवाब माँगा जाएगा"),
    ])
    .await;
    assert_eq!(r.status(), 303);
    let r = add(vec![
        ("signatures", "1,00,000"),
        ("text", "we go to Parliament"),
        ("text_tr", "हम संसद जाएँगे"),
    ])
    .await;
    assert_eq!(r.status(), 303);
    let (_, page) = app.get_text("/petitions/1").await;
    assert!(page.contains("At 2 signatures: the Ministry is asked to respond"));
    assert!(page.contains(&format!(
        "Reached on {}",
        hastakshar::i18n::Lang::En.date(today())
    )));
    assert!(page.contains("At 1,00,000 signatures: we go to Parliament"));
    assert!(page.contains("99,997 more signatures needed"));
    let (_, hi) = app.get_text("/hi/petitions/1").await;
    assert!(hi.contains("मंत्रालय से जवाब माँगा जाएगा"));
    let r = moderator
        .submit(path, "/admin/petitions/1/thresholds/100000/remove", &[])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        app.count("petition_thresholds"),
        2,
        "one left, in two languages"
    );
    assert_eq!(app.count("audit_log WHERE action = 'threshold.edit'"), 3);
}

on_both_backends!(
    a_members_response_is_recorded_shown_and_sent_to_those_who_asked,
    thresholds_make_a_timeline
);
