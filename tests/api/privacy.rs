//! Signers own their data: the notice, the age declaration and the consent texts as shown, the
//! "manage my signature" link (withdraw, consents, download, erase) and retention. Both
//! backends, real SMTP. Encryption at rest: `at_rest.rs`.

use diesel::prelude::*;
use hastakshar::db::schema::{consent_texts, signatures};
use hastakshar::i18n::Lang;
use hastakshar::privacy::consent::ConsentSet;

use crate::exports::cli;
use crate::helpers::{DEMO, Step, TestApp, as_refs, form, with, with_all};
use crate::on_both_backends;
use crate::people::mail_to;
use crate::support::smtp::ReceivedMail;
use crate::support::testdb::Backend;

on_both_backends!(
    the_notice_is_reachable_from_the_sign_form_and_every_email,
    without_the_age_box_nothing_is_stored_and_the_texts_agreed_to_stay_as_shown,
    a_signer_withdraws_changes_downloads_and_erases_without_an_account,
    my_data_answers_the_same_whether_or_not_an_address_signed,
    retention_anonymises_a_petition_closed_long_ago_and_keeps_its_counts,
    a_withdrawal_outlasts_the_staff_invalidation_it_came_under,
);

/// A signer no other test uses, so that searching the database for them means something.
pub const NAME: &str = "Zarina Qureshi";
pub const EMAIL: &str = "zarina.q@example.in";

pub fn zarina() -> Vec<(&'static str, String)> {
    with_all(
        form(EMAIL),
        &[
            ("name", NAME),
            ("show_name", "on"),
            ("deliver_name", "on"),
            ("updates", "on"),
        ],
    )
}

/// The "manage my signature" link in an email.
pub fn manage_link(app: &TestApp, mail: &ReceivedMail) -> String {
    mail.links()
        .into_iter()
        .find(|l| l.starts_with(&format!("{}/", app.address)) && l.contains("/my-data/"))
        .unwrap_or_else(|| panic!("a manage link in {:?}", mail.links()))
}

/// Every column (`table.column`) that still holds `needle` in any form: as text
/// (case-insensitive), sealed (opened with the app's keys), or as its blind index.
fn found_anywhere(app: &TestApp, needle: &str) -> Vec<String> {
    #[derive(QueryableByName)]
    struct Col {
        #[diesel(sql_type = diesel::sql_types::Text)]
        t: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        c: String,
    }
    #[derive(QueryableByName)]
    struct V {
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
        v: Option<String>,
    }
    let mut conn = app.pool.get().unwrap();
    let cols: Vec<Col> = if app.db.url.starts_with("sqlite") {
        diesel::sql_query(
            "SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND upper(p.type) = 'TEXT'",
        )
        .load(&mut conn)
        .unwrap()
    } else {
        diesel::sql_query(
            "SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns \
             WHERE table_schema = 'public' AND data_type IN ('text', 'character varying')",
        )
        .load(&mut conn)
        .unwrap()
    };
    assert!(cols.len() > 50, "every text column: {}", cols.len());
    let keys = &app.settings.data_keys;
    let needle = needle.to_lowercase();
    let index = keys.index(&needle);
    cols.iter()
        .filter(|col| {
            let values: Vec<V> =
                diesel::sql_query(format!("SELECT \"{}\" AS v FROM \"{}\"", col.c, col.t))
                    .load(&mut conn)
                    .unwrap();
            values.into_iter().filter_map(|v| v.v).any(|v| {
                let opened = keys.open(&v).unwrap_or_default().to_lowercase();
                v.to_lowercase().contains(&needle) || opened.contains(&needle) || v == index
            })
        })
        .map(|col| format!("{}.{}", col.t, col.c))
        .collect()
}

async fn the_notice_is_reachable_from_the_sign_form_and_every_email(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut step = Step::first("The sign form links to the notice, in each language");
    let (_, en) = app.get_text("/petitions/1").await;
    assert!(en.contains("href=\"/privacy\""), "English sign form");
    let (_, hi) = app.get_text("/hi/petitions/1").await;
    assert!(hi.contains("href=\"/hi/privacy\""), "Hindi sign form");

    step.next("The notice names who holds the data and the grievance contact");
    let p = &app.settings.privacy;
    for (path, heading) in [("/privacy", "Data Fiduciary"), ("/hi/privacy", "शिकायत")] {
        let (status, page) = app.get_text(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(page.contains(heading), "{path}: {heading}");
        for must in [&p.org_name, &p.grievance_email, &p.grievance_officer] {
            assert!(page.contains(must.as_str()), "{path} names {must}");
        }
        assert!(page.contains("180"), "{path} says how long");
        assert!(page.contains("/my-data"), "{path} says how to withdraw");
    }

    step.next("Every email to a signer carries the notice and a manage link, in its language");
    app.sign(&as_refs(&form("en@example.in"))).await;
    let mail = mail_to(&app, "en@example.in", "Confirm").await;
    assert!(
        mail.links().contains(&app.url("/privacy")),
        "{:?}",
        mail.links()
    );
    manage_link(&app, &mail);
    let r = app
        .client
        .post(app.url("/hi/petitions/1/signatures"))
        .form(&as_refs(&form("hi@example.in")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let mail = app.smtp.wait_for(2, crate::helpers::WAIT).await;
    let hi_mail = mail.iter().find(|m| m.to == ["hi@example.in"]).unwrap();
    assert!(
        hi_mail.links().contains(&app.url("/hi/privacy")),
        "{:?}",
        hi_mail.links()
    );
    assert!(manage_link(&app, hi_mail).contains("/hi/my-data/"));
}

async fn without_the_age_box_nothing_is_stored_and_the_texts_agreed_to_stay_as_shown(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let mut step = Step::first("Without the age box: 422 naming it, nothing stored, nothing sent");
    let (signatures_before, outbox_before) = (app.count("signatures"), app.count("outbox"));
    let young: Vec<(&str, String)> = form("young@example.in")
        .into_iter()
        .filter(|(k, _)| *k != "adult")
        .collect();
    let r = app.sign(&as_refs(&young)).await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(
        page.contains("href=\"#adult\""),
        "the summary links to the box"
    );
    assert!(page.contains("18 or older"), "says why");
    assert_eq!(app.count("signatures"), signatures_before);
    assert_eq!(app.count("outbox"), outbox_before);

    step.next("A signature records the exact texts shown, by version");
    app.sign_and_confirm(DEMO, &zarina()).await;
    let shown = ConsentSet::current(Lang::En);
    let mut conn = app.pool.get().unwrap();
    let version: Option<String> = signatures::table
        .filter(signatures::email_canonical.eq(app.settings.data_keys.index(EMAIL)))
        .select(signatures::consent_version)
        .first(&mut conn)
        .unwrap();
    assert_eq!(version.as_deref(), Some(shown.version.as_str()));

    step.next("A new wording is a new version; the old one stays as it was");
    let mut edited = shown.texts.clone();
    edited.insert("updates".into(), "Email me news now and then".into());
    let new = ConsentSet::of_texts("en", edited);
    hastakshar::db::privacy::record_consent_set(&mut conn, &new).unwrap();
    hastakshar::db::privacy::record_consent_set(&mut conn, &new).unwrap();
    let stored: String = consent_texts::table
        .find(&shown.version)
        .select(consent_texts::texts)
        .first(&mut conn)
        .unwrap();
    assert_eq!(stored, serde_json::to_string(&shown.texts).unwrap());
    assert_eq!(
        app.count("consent_texts"),
        hastakshar::i18n::Lang::ALL.len() as i64 + 1,
        "each language's wording, and the new one"
    );
    drop(conn);
    let mail = mail_to(&app, EMAIL, "Confirm").await;
    let link = manage_link(&app, &mail);
    let json: serde_json::Value = app
        .client
        .post(format!("{link}/download"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let texts = &json["signatures"][0]["consent_texts_shown"];
    assert_eq!(texts["version"], shown.version.as_str());
    assert_eq!(texts["texts"]["updates"], shown.texts["updates"].as_str());
    assert_eq!(texts["texts"]["adult"], "I am 18 or older");
}

async fn a_signer_withdraws_changes_downloads_and_erases_without_an_account(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut step = Step::first("Two signers, one of them Zarina");
    app.sign_and_confirm(
        DEMO,
        &with(form("other@example.in"), "name", "Other Person"),
    )
    .await;
    app.sign_and_confirm(DEMO, &zarina()).await;
    let before = app.wait_for_count(DEMO, 2).await["signature_count"]
        .as_i64()
        .unwrap();
    let (_, page) = app.get_text("/petitions/1").await;
    assert!(page.contains(NAME), "shown, as she asked");
    let link = manage_link(&app, &mail_to(&app, EMAIL, "Confirm").await);

    step.next("Opening the link changes nothing, and says so to no one else");
    let audit_before = app.count("audit_log");
    let r = app.client.get(&link).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["referrer-policy"], "no-referrer");
    let page = r.text().await.unwrap();
    assert!(page.contains(NAME) && !page.contains("Other Person"));
    assert_eq!(
        app.count("audit_log"),
        audit_before,
        "a GET is not an action"
    );
    let id: i64 = {
        let mut conn = app.pool.get().unwrap();
        signatures::table
            .filter(signatures::email_canonical.eq(app.settings.data_keys.index(EMAIL)))
            .select(signatures::id)
            .first(&mut conn)
            .unwrap()
    };
    let mut tampered = link.clone();
    let last = tampered.pop().unwrap();
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    assert_eq!(
        app.client.get(&tampered).send().await.unwrap().status(),
        404
    );

    step.next("Change a consent: the name leaves the public list");
    let r = app
        .client
        .post(format!("{link}/consents"))
        .form(&[("signature", id.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let (_, page) = app.get_text("/petitions/1").await;
    assert!(!page.contains(NAME), "no longer shown");

    step.next("Download: every signature of the address, nothing of anyone else's");
    let r = app
        .client
        .post(format!("{link}/download"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let body = r.text().await.unwrap();
    assert!(!body.contains("other@example.in") && !body.contains("Other Person"));
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    let sigs = json["signatures"].as_array().unwrap();
    assert_eq!(sigs.len(), 1);
    assert_eq!(sigs[0]["email"], EMAIL);
    assert_eq!(sigs[0]["name"], NAME);
    assert_eq!(sigs[0]["status"], "counted");
    assert_eq!(sigs[0]["consents"]["show_name"], false);
    assert!(
        json["emails"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "confirm_signature"),
        "the emails sent, by kind and date: {}",
        json["emails"]
    );

    step.next("Withdraw: the count falls by one in page and API; the name leaves export and pack");
    withdraw(&app, &link, id).await;
    let json = app.wait_for_count(DEMO, before - 1).await;
    assert_eq!(json["signature_count"], before - 1);
    let (_, page) = app.get_text("/petitions/1").await;
    assert!(page.contains(&(before - 1).to_string()));
    let out = cli(&app, "export signatures --petition 1");
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && !csv.contains(NAME), "{csv}");
    let names = hastakshar::db::delivery::names(
        &mut app.pool.get().unwrap(),
        &app.settings.data_keys,
        DEMO,
        "S24-77",
    )
    .unwrap();
    assert!(!names.iter().any(|n| n == NAME), "{names:?}");
    let cancel = {
        let mut conn = app.pool.get().unwrap();
        let inv: i64 = signatures::table
            .find(id)
            .select(signatures::invalidation_id)
            .first::<Option<i64>>(&mut conn)
            .unwrap()
            .unwrap();
        hastakshar::db::integrity::cancel(&mut conn, inv, "user:1").unwrap()
    };
    assert!(cancel.is_none(), "staff cannot undo a signer's withdrawal");

    step.next("Erase: refused without the box; then nothing of the address remains anywhere");
    let r = app
        .client
        .post(format!("{link}/erase"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert!(
        !found_anywhere(&app, EMAIL).is_empty(),
        "the search finds her before"
    );
    let r = app
        .client
        .post(format!("{link}/erase"))
        .form(&[("confirm", "on")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    app.settled().await;
    for needle in [EMAIL, NAME, "zarina"] {
        assert_eq!(
            found_anywhere(&app, needle),
            Vec::<String>::new(),
            "{needle}"
        );
    }
    assert_eq!(
        app.petition_json(DEMO).await["signature_count"],
        before - 1,
        "erasing keeps what counted as it was"
    );
    let page = app
        .client
        .get(&link)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("no signature"), "the link finds nothing more");
    let actions: Vec<String> = {
        use hastakshar::db::schema::audit_log;
        let mut conn = app.pool.get().unwrap();
        audit_log::table
            .filter(audit_log::actor.eq("signer"))
            .select(audit_log::action)
            .load(&mut conn)
            .unwrap()
    };
    for a in [
        "signer.consents",
        "signer.download",
        "signer.withdraw",
        "signer.erase",
    ] {
        assert!(actions.iter().any(|x| x == a), "{a} audited: {actions:?}");
    }
}

/// Presses "withdraw" behind a manage link: the page says it is withdrawn.
async fn withdraw(app: &TestApp, link: &str, id: i64) {
    let r = app
        .client
        .post(format!("{link}/withdraw"))
        .form(&[("signature", id.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("withdrawn"));
}

/// Staff invalidate a signature, its signer withdraws it, staff then cancel their invalidation
/// as a false alarm: the withdrawal stands, and the signature counts nowhere.
async fn a_withdrawal_outlasts_the_staff_invalidation_it_came_under(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut step = Step::first("Zarina signs and counts; staff invalidate her signature");
    app.sign_and_confirm(DEMO, &zarina()).await;
    app.wait_for_count(DEMO, 1).await;
    let link = manage_link(&app, &mail_to(&app, EMAIL, "Confirm").await);
    let id: i64 = signatures::table
        .select(signatures::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    let criteria = hastakshar::db::integrity::Criteria {
        signature: Some(id),
        ..Default::default()
    };
    let (staff, _) = hastakshar::db::integrity::invalidate(
        &mut app.pool.get().unwrap(),
        DEMO,
        &criteria,
        "a wave",
        "user:1",
    )
    .unwrap()
    .unwrap();
    app.wait_for_count(DEMO, 0).await;

    step.next("She withdraws: the page says so");
    withdraw(&app, &link, id).await;

    step.next("Staff cancel theirs: she does not count again");
    let cancelled =
        hastakshar::db::integrity::cancel(&mut app.pool.get().unwrap(), staff, "user:1").unwrap();
    assert!(
        cancelled.is_some(),
        "staff's own invalidation can be cancelled"
    );
    app.settled().await;
    assert_eq!(app.petition_json(DEMO).await["signature_count"], 0);
    let own: Option<i64> = signatures::table
        .find(id)
        .select(signatures::invalidation_id)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    assert!(own.is_some() && own != Some(staff), "{own:?}");
}

async fn my_data_answers_the_same_whether_or_not_an_address_signed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_and_confirm(DEMO, &zarina()).await;
    app.settled().await;
    let sent_before = app.smtp.messages().len();
    let ask = |email: &'static str| {
        let app = &app;
        async move {
            let r = app
                .client
                .post(app.url("/my-data"))
                .form(&[("email", email)])
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let signed = ask(EMAIL).await;
    let stranger = ask("nobody-signed@example.in").await;
    assert_eq!(signed.0, 200);
    assert_eq!(signed, stranger, "the same page either way");
    let bad = ask("not an address").await;
    assert_eq!(bad.0, 422);
    assert!(bad.1.contains("href=\"#email\""), "names the field");
    app.settled().await;
    let mail = mail_to(&app, EMAIL, "manage").await;
    let link = manage_link(&app, &mail);
    assert_eq!(app.client.get(&link).send().await.unwrap().status(), 200);
    let to: Vec<Vec<String>> = app.smtp.messages()[sent_before..]
        .iter()
        .map(|m| m.to.clone())
        .collect();
    assert_eq!(
        to,
        [vec![EMAIL.to_string()]],
        "one email, to the signer alone"
    );
    // A stranger typing the address again and again gets it a few links a day, no more.
    for _ in 0..5 {
        ask(EMAIL).await;
    }
    app.settled().await;
    let links = app
        .smtp
        .messages()
        .iter()
        .filter(|m| m.header("Subject").unwrap_or_default().contains("manage"))
        .count();
    assert_eq!(links, 3, "capped per address per day");
}

async fn retention_anonymises_a_petition_closed_long_ago_and_keeps_its_counts(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut step = Step::first("Signers, then the petition closed 181 days ago");
    app.sign_and_confirm(DEMO, &zarina()).await;
    let delhi = with_all(
        form("delhi@example.in"),
        &[
            ("pin_code", "110001"),
            ("state", "IN-DL"),
            ("constituency", "U05-04"),
        ],
    );
    app.sign_and_confirm(DEMO, &delhi).await;
    let before = app.wait_for_count(DEMO, 2).await;
    {
        let mut conn = app.pool.get().unwrap();
        diesel::sql_query(format!(
            "UPDATE petitions SET status = 'closed', closed_at = '{}' WHERE id = 1",
            (hastakshar::db::now() - chrono::Duration::days(181)).format("%Y-%m-%d %H:%M:%S")
        ))
        .execute(&mut conn)
        .unwrap();
    }
    // The emails they were sent went when they signed, before the petition closed; one of them
    // failed instead, and kept its bodies for staff to send again.
    diesel::sql_query(format!(
        "UPDATE outbox SET created_at = '{}'",
        (hastakshar::db::now() - chrono::Duration::days(182)).format("%Y-%m-%d %H:%M:%S")
    ))
    .execute(&mut app.pool.get().unwrap())
    .unwrap();
    diesel::sql_query(
        "UPDATE outbox SET sent_at = NULL, failed_at = created_at, body_text = 'kept', \
         body_html = 'kept' WHERE id = (SELECT min(id) FROM outbox)",
    )
    .execute(&mut app.pool.get().unwrap())
    .unwrap();
    assert!(
        !found_anywhere(&app, EMAIL).is_empty(),
        "the search finds her before"
    );

    step.next("The worker's pass: no name, address or signal left; the counts unchanged");
    let worker = hastakshar::jobs::Worker::new(
        &app.settings,
        app.pool.clone(),
        std::sync::Arc::new(hastakshar::metrics::Metrics::new()),
    )
    .unwrap();
    let r = worker.retain_once().await.unwrap();
    assert_eq!((r.petitions, r.signatures), (1, 2));
    for needle in [EMAIL, NAME, "delhi@example.in"] {
        assert_eq!(
            found_anywhere(&app, needle),
            Vec::<String>::new(),
            "{needle}"
        );
    }
    assert_eq!(
        app.count("signatures WHERE network IS NOT NULL OR ip_hash IS NOT NULL"),
        0,
        "no fraud signal"
    );
    assert_eq!(app.count("signature_tokens"), 0);
    assert_eq!(
        app.count("outbox WHERE body_text <> '' OR body_html <> '' OR recipient <> ''"),
        0,
        "a failed email's bodies go with its recipient"
    );
    let after = app.petition_json(DEMO).await;
    for k in [
        "signature_count",
        "signatures_by_state",
        "signatures_by_constituency",
    ] {
        assert_eq!(after[k], before[k], "{k} kept");
    }
    step.next("Idempotent and audited");
    let again = worker.retain_once().await.unwrap();
    assert_eq!((again.petitions, again.signatures), (0, 0));
    assert_eq!(
        app.count("audit_log WHERE action = 'retention.anonymise' AND actor = 'worker'"),
        1
    );
}
