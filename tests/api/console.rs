//! The staff console as staff use it: a bar to every page their role opens, and a message after
//! each action; the home page's lead chosen by staff; a petition's starter and dates.

use diesel::prelude::*;
use hastakshar::accounts::Role;
use hastakshar::db::schema::{audit_log, petitions};

use crate::helpers::{DEMO, TestApp};
use crate::look::page_with;
use crate::on_both_backends;
use crate::people::*;
use crate::support::testdb::Backend;

/// A second open petition with more signatures than the demo's, as a campaign grows.
fn a_busier_petition(app: &TestApp) -> i64 {
    let mut conn = app.pool.get().unwrap();
    let now = hastakshar::db::now();
    let id = hastakshar::db::petitions::insert(
        &mut conn,
        &hastakshar::db::petitions::NewPetition {
            lang: hastakshar::i18n::Lang::En,
            goal: 10_000,
            texts: vec![(
                hastakshar::i18n::Lang::En,
                "Safe hostels for girls who leave the trade",
                "Open a safe hostel in every district.",
                "Girls who leave have nowhere to sleep.",
            )],
            recipient_ids: vec![],
            opened_at: Some(now),
            closes_at: Some(now + chrono::Duration::days(30)),
            status: hastakshar::domain::Status::Open,
        },
    )
    .unwrap();
    diesel::update(petitions::table.find(id))
        .set(petitions::signature_count.eq(9_000i64))
        .execute(&mut conn)
        .unwrap();
    id
}

/// The first card on the home page: the petition it leads with.
fn lead_of(home: &str) -> String {
    let lead = home
        .split("class=\"card lead\"")
        .nth(1)
        .expect("a lead card");
    lead.split("</li>").next().unwrap().to_string()
}

async fn staff_have_a_bar_and_hear_what_each_action_did(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let busier = a_busier_petition(&app);
    let moderator = staff(&app, "moderator@example.in", Role::Moderator).await;
    let admin = staff(&app, "admin@example.in", Role::Admin).await;

    // The bar: each page the role opens, the current one marked; none on public pages.
    let (status, page) = moderator.get("/admin/moderation").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("<nav class=\"staff\""),
        "a moderator has the bar"
    );
    assert!(page.contains("href=\"/admin/moderation\" aria-current=\"page\""));
    for path in ["/admin/petitions", "/admin/recipients", "/admin/letters"] {
        assert!(page.contains(&format!("href=\"{path}\"")), "{path}");
    }
    for path in ["/admin/users", "/admin/audit", "/admin/rules"] {
        assert!(
            !page.contains(&format!("href=\"{path}\"")),
            "a moderator's bar has no {path}, which only admins open"
        );
    }
    let (_, page) = admin.get("/admin/petitions").await;
    for path in [
        "/admin/users",
        "/admin/audit",
        "/admin/rules",
        "/admin/privacy",
    ] {
        assert!(page.contains(&format!("href=\"{path}\"")), "{path}");
    }
    let (_, public) = admin.get(&format!("/petitions/{DEMO}")).await;
    assert!(
        !public.contains("class=\"staff\""),
        "public pages are the same for all"
    );

    // Without staff, the home page leads with the most signed.
    let home = page_with(&app, "/", "9,000").await;
    assert!(lead_of(&home).contains(&format!("/petitions/{busier}\"")));

    // Featuring: refused when malformed, unknown or not staff's; done, audited and said.
    let page = "/admin/petitions";
    let path = format!("/admin/petitions/{DEMO}/featured");
    assert_eq!(
        moderator
            .submit(page, &path, &[("featured", "maybe")])
            .await
            .status(),
        422
    );
    assert_eq!(
        moderator
            .submit(page, "/admin/petitions/999/featured", &[("featured", "on")])
            .await
            .status(),
        404
    );
    let campaigner = campaigner(&app, "meera@example.in").await;
    assert_eq!(
        campaigner.post(&path, &[("featured", "on")]).await.status(),
        403
    );
    assert_eq!(app.count("audit_log WHERE action = 'petition.feature'"), 0);

    // A moderator reads every text before approving: the translation too, in its language.
    let closes = in_days(30);
    let mut both = petition_form("Shelters in every district", "100", &closes);
    both.extend([
        ("title_tr", "हर ज़िले में आश्रय"),
        ("action_tr", "हर ज़िले में पीड़ितों के लिए आश्रय बनाएँ।"),
    ]);
    let waiting = draft(&campaigner, &both).await;
    {
        let mut conn = app.pool.get().unwrap();
        diesel::update(petitions::table.find(waiting))
            .set(petitions::status.eq("pending"))
            .execute(&mut conn)
            .unwrap();
    }
    let (_, review) = moderator.get(&format!("/admin/petitions/{waiting}")).await;
    assert!(review.contains("Shelters in every district"));
    assert!(review.contains("हर ज़िले में आश्रय"), "the Hindi text is shown");
    assert!(review.contains("हर ज़िले में पीड़ितों के लिए आश्रय बनाएँ।"));
    let r = moderator.submit(page, &path, &[("featured", "on")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/admin/petitions?done=featured");
    let (_, listed) = moderator.get(&location(&r)).await;
    assert!(listed.contains("The home page now leads with this petition."));
    assert!(listed.contains(">Take off the home page<"));
    let logged: Vec<Option<i64>> = {
        let mut conn = app.pool.get().unwrap();
        audit_log::table
            .filter(audit_log::action.eq("petition.feature"))
            .select(audit_log::petition_id)
            .load(&mut conn)
            .unwrap()
    };
    assert_eq!(logged, [Some(DEMO)]);
    let mut led = String::new();
    for _ in 0..50 {
        let (_, home) = app.get_text("/").await;
        led = lead_of(&home);
        if led.contains(&format!("/petitions/{DEMO}\"")) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        led.contains(&format!("/petitions/{DEMO}\"")),
        "the featured petition leads: {led}"
    );
    assert!(led.contains(&format!("href=\"/petitions/{DEMO}#sign\"")));

    // A public page never says what an action did: shared caches keep it for everyone.
    let (_, public) = app
        .get_text(&format!("/petitions/{DEMO}?done=approve"))
        .await;
    assert!(
        !public.contains("class=\"notice done\""),
        "no message on a public page"
    );
    let (_, public) = app.get_text(&format!("/petitions/{DEMO}")).await;
    assert!(
        !public.contains("Approved:"),
        "nor in the cached page after it"
    );

    // Each action's message; a made-up one says nothing.
    let (_, page) = moderator.get("/admin/moderation?done=hide").await;
    assert!(page.contains("Hidden: the petition is no longer public."));
    let (_, page) = moderator
        .get("/admin/moderation?done=%3Cscript%3Ealert(1)%3C/script%3E")
        .await;
    assert!(!page.contains("class=\"notice done\""));
    assert!(!page.contains("<script>alert"));
    // In Hindi, chosen with the language switcher (staff pages have no language prefix).
    admin.get("/lang/hi?next=/admin/petitions").await;
    let (_, page) = admin.get("/admin/petitions?done=featured").await;
    assert!(page.contains("होम पेज अब सबसे पहले यह याचिका दिखाता है।"));
    assert!(page.contains(">याचिकाएँ और सौंपना<"), "the bar in Hindi");
}

/// A starter is named only if they ticked the box; the page gives the day it opened and the
/// day it closes in words, in each language.
async fn the_starter_is_named_only_if_they_agreed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let meera = campaigner(&app, "meera@example.in").await;
    let closes = in_days(40);
    let mut named = petition_form("Named starter", "100", &closes);
    named.push(("show_starter", "on"));
    let named = draft(&meera, &named).await;
    let unnamed = draft(&meera, &petition_form("Unnamed starter", "100", &closes)).await;
    let (_, edit) = meera.get(&format!("/petitions/{named}/edit")).await;
    assert!(
        edit.contains("id=\"show_starter\" name=\"show_starter\" value=\"on\" checked"),
        "the choice is kept when editing"
    );
    let opened = chrono::NaiveDate::from_ymd_opt(2026, 11, 30)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap();
    {
        let mut conn = app.pool.get().unwrap();
        diesel::update(petitions::table.filter(petitions::id.eq_any([named, unnamed])))
            .set((
                petitions::status.eq("open"),
                petitions::opened_at.eq(Some(opened)),
            ))
            .execute(&mut conn)
            .unwrap();
    }
    let closes = chrono::NaiveDate::parse_from_str(&closes, "%Y-%m-%d").unwrap();
    let (_, page) = app.get_text(&format!("/petitions/{named}")).await;
    assert!(page.contains("Started by Meera Campaigner"), "{page}");
    assert!(page.contains("Opened 30 November 2026"));
    let closes_en = format!("Closes {}", hastakshar::i18n::Lang::En.date(closes));
    assert!(page.contains(&closes_en), "no {closes_en:?}");
    let (_, page) = app.get_text(&format!("/hi/petitions/{named}")).await;
    assert!(page.contains("Meera Campaigner ने शुरू की"));
    assert!(page.contains("30 नवंबर 2026 को खुली"));
    let (_, page) = app.get_text(&format!("/petitions/{unnamed}")).await;
    assert!(!page.contains("Started by"), "no name without consent");
    assert!(page.contains("Opened 30 November 2026"));
}

/// A visitor who pressed "Start a petition" signs up on the way and, once their address is
/// confirmed, lands on the petition form, not a dashboard; a `next` leading off the site is
/// dropped. The dashboard of a new draft shows the steps ahead and no empty chart.
async fn a_new_campaigner_lands_where_they_started(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let b = Browser::new(&app);
    let r = b
        .client
        .get(app.url("/petitions/new"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let login = location(&r);
    assert_eq!(login, "/account/login?next=%2Fpetitions%2Fnew");
    let (_, page) = b.get(&login).await;
    assert!(
        page.contains("href=\"/account/signup?next=%2Fpetitions%2Fnew\""),
        "the way to sign up keeps where they were going"
    );
    for (email, next, lands) in [
        ("asha@example.in", "/petitions/new", "/petitions/new"),
        (
            "ravi@example.in",
            "//evil.example/x",
            "/dashboard?confirmed=1",
        ),
    ] {
        let signup = format!("/account/signup?next={}", urlencode(next));
        let (_, form) = b.get(&signup).await;
        if lands == next {
            assert!(form.contains("name=\"next\" value=\"/petitions/new\""));
        }
        let r = b
            .submit(
                &signup,
                "/account/signup",
                &[
                    ("name", "Asha Campaigner"),
                    ("email", email),
                    ("password", PASSWORD),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        let mail = mail_to(&app, email, "Confirm your email").await;
        let confirm = link(&app, &mail, "/account/confirm/");
        let (status, prompt) = b.get(&confirm).await;
        assert_eq!(status, 200);
        let r = b.post(&confirm, &[]).await;
        assert_eq!(r.status(), 303, "{prompt}");
        assert_eq!(location(&r), lands, "from {confirm}");
    }
    let id = draft(&b, &petition_form("Steps ahead", "100", &in_days(30))).await;
    let (_, page) = b.get(&format!("/dashboard/petitions/{id}")).await;
    assert!(page.contains("What happens next"));
    assert!(page.contains("aria-current=\"step\""));
    assert!(page.contains("A chart of signatures per day appears here"));
    assert!(!page.contains("<svg"), "no empty chart");
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

on_both_backends!(
    staff_have_a_bar_and_hear_what_each_action_did,
    the_starter_is_named_only_if_they_agreed,
    a_new_campaigner_lands_where_they_started,
    recipients_are_searched_and_paginated,
    an_update_speaks_each_language_of_its_petition,
);

/// The members' page is searched (name, party, constituency in either language, state, code)
/// and paginated 25 at a time, and can show only those still without an email address.
async fn recipients_are_searched_and_paginated(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = staff(&app, "admin@example.in", Role::Admin).await;
    let showing = |page: &str| -> (String, String, String) {
        let line = page
            .split("Showing ")
            .nth(1)
            .and_then(|s| s.split(" members.").next())
            .unwrap_or_else(|| panic!("no count in the page"))
            .to_string();
        let parts: Vec<String> = line.split(' ').map(str::to_string).collect();
        (parts[0].clone(), parts[2].clone(), parts[4].clone())
    };
    let (status, page) = admin.get("/admin/recipients").await;
    assert_eq!(status, 200);
    let (from, to, total) = showing(&page);
    assert_eq!((from.as_str(), to.as_str()), ("1", "25"));
    let total_n: usize = total.replace(',', "").parse().unwrap();
    assert!(total_n > 500, "the members in office: {total}");
    assert_eq!(
        page.matches("action=\"/admin/recipients/member/").count(),
        25
    );
    assert!(page.contains("href=\"/admin/recipients?page=2\""));
    let last = total_n.div_ceil(25);
    let (_, page) = admin.get("/admin/recipients?page=9999").await;
    assert!(
        page.contains(&format!("Page {last} of {last}")),
        "past the end: the last page"
    );
    let (status, page) = admin.get("/admin/recipients?page=abc").await;
    assert_eq!(status, 200);
    assert!(page.contains(&format!("Page 1 of {last}")));
    for q in ["Varanasi", "वाराणसी", "S24-77"] {
        let (_, page) = admin
            .get(&format!("/admin/recipients?q={}", urlencode(q)))
            .await;
        assert!(
            page.contains("action=\"/admin/recipients/member/S24-77\""),
            "{q} finds Varanasi"
        );
    }
    let (_, page) = admin.get("/admin/recipients?q=Uttar+Pradesh").await;
    assert_eq!(showing(&page).2, "80", "a state's members");
    let r = admin
        .submit(
            "/admin/recipients?q=S24-77",
            "/admin/recipients/member/S24-77",
            &[
                ("name", "Narendra Modi"),
                ("party", "BJP"),
                ("email", "mp.varanasi@example.in"),
                ("postal_address", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/admin/recipients?done=saved");
    let (_, page) = admin.get(&location(&r)).await;
    assert!(page.contains("Saved."));
    let (_, page) = admin.get("/admin/recipients?missing=email").await;
    let without: usize = showing(&page).2.replace(',', "").parse().unwrap();
    assert_eq!(
        without,
        total_n - 1,
        "the member with an address is left out"
    );
    assert!(page.contains("name=\"missing\" value=\"email\" checked"));
    assert!(page.contains("href=\"/admin/recipients?page=2&amp;missing=email\""));
}

/// An update is written, previewed and read in each language its petition has: a signer who
/// signed in Hindi gets it in Hindi, one who signed in English in English, and the public page
/// shows each its own; a half-written translation is refused naming the missing field.
async fn an_update_speaks_each_language_of_its_petition(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let meera = campaigner(&app, "meera@example.in").await;
    let moderator = staff(&app, "moderator@example.in", Role::Moderator).await;
    let closes = in_days(30);
    let mut both = petition_form("Shelters in every district", "100", &closes);
    both.extend([
        ("title_tr", "हर ज़िले में आश्रय"),
        ("action_tr", "हर ज़िले में पीड़ितों के लिए आश्रय बनाएँ।"),
    ]);
    let id = draft(&meera, &both).await;
    {
        let mut conn = app.pool.get().unwrap();
        diesel::update(petitions::table.find(id))
            .set((
                petitions::status.eq("open"),
                petitions::opened_at.eq(Some(hastakshar::db::now())),
            ))
            .execute(&mut conn)
            .unwrap();
    }
    for (prefix, email) in [("/hi", "hindi@example.in"), ("", "english@example.in")] {
        let mut f = crate::helpers::form(email);
        f.push(("updates", "on".to_string()));
        let r = app
            .client
            .post(app.url(&format!("{prefix}/petitions/{id}/signatures")))
            .form(&crate::helpers::as_refs(&f))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let mail = mail_to(&app, email, "").await;
        let confirm = link(&app, &mail, &format!("{prefix}/confirm/"));
        let r = app.client.post(app.url(&confirm)).send().await.unwrap();
        assert_eq!(r.status(), 200);
    }
    app.wait_for_count(id, 2).await;

    let path = format!("/petitions/{id}/updates/new");
    let (_, form) = meera.get(&path).await;
    assert!(form.contains("Title (हिन्दी)"), "a field for each language");
    let written = [
        ("title", "We met the minister"),
        ("body", "She *listened*."),
        ("title_tr", "हम मंत्री से मिले"),
        ("body_tr", "उन्होंने *सुना*।"),
    ];
    let mut preview = written.to_vec();
    preview.push(("intent", "preview"));
    let r = meera.submit(&path, &path, &preview).await;
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    assert!(page.contains("How your update will read"));
    assert!(page.contains("<em>listened</em>") && page.contains("<em>सुना</em>"));
    assert_eq!(app.count("petition_updates"), 0, "a preview writes nothing");
    let r = meera
        .submit(
            &path,
            &path,
            &[("title", "T"), ("body", "B"), ("title_tr", "शीर्षक")],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("href=\"#body_tr\""));
    assert_eq!(app.count("petition_updates"), 0);
    let mut send = written.to_vec();
    send.push(("intent", "send"));
    assert_eq!(meera.submit(&path, &path, &send).await.status(), 303);

    let (_, queue) = moderator.get("/admin/moderation").await;
    assert!(
        queue.contains("हम मंत्री से मिले"),
        "the moderator reads the translation"
    );
    let update: i64 = queue
        .split("/admin/updates/")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .and_then(|s| s.parse().ok())
        .unwrap();
    let r = moderator
        .submit(
            "/admin/moderation",
            &format!("/admin/updates/{update}/decision"),
            &[("action", "approve")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let hindi = mail_to(&app, "hindi@example.in", "हम मंत्री से मिले").await;
    assert!(hindi.text_body().contains("उन्होंने"));
    let english = mail_to(&app, "english@example.in", "We met the minister").await;
    assert!(english.text_body().contains("She listened"));
    let (_, page) = app.get_text(&format!("/hi/petitions/{id}")).await;
    assert!(page.contains("हम मंत्री से मिले") && !page.contains("We met the minister"));
    let (_, page) = app.get_text(&format!("/petitions/{id}")).await;
    assert!(page.contains("We met the minister"));
}
