//! Who may do what: every route of accounts, campaigners and staff walked as each kind of
//! visitor; CSRF; logging in and resetting a password; script in every text field; the job that
//! closes petitions.

use hastakshar::accounts::Role;

use crate::helpers::{Step, TestApp};
use crate::on_both_backends;
use crate::people::*;
use crate::support::testdb::Backend;

async fn request(b: &Browser, method: &str, path: &str, csrf: &str) -> u16 {
    if method == "GET" {
        b.get(path).await.0
    } else {
        b.post(
            path,
            &[
                ("csrf", csrf),
                ("action", "approve"),
                ("role", "admin"),
                ("title", "x"),
                ("body", "y"),
            ],
        )
        .await
        .status()
        .as_u16()
    }
}

/// A path for a route pattern, its parameters filled with things that exist: `p` the owner's
/// petition (a campaigner's own, or one staff act on), `u` a pending update, `user` an account.
fn concrete(pattern: &str, p: i64, u: i64, user: i64) -> String {
    let id = if pattern.starts_with("/admin/updates/") {
        u
    } else if pattern.starts_with("/admin/users/") {
        user
    } else if pattern.starts_with("/admin/jobs/") || pattern.contains("/deliveries/") {
        1
    } else if pattern.starts_with("/admin/recipients/ministry/") {
        2
    } else if pattern.starts_with("/petitions/{id}.json")
        || pattern.starts_with("/unsubscribe/")
        || !pattern.contains("/admin/") && pattern.contains("/signatures")
    {
        1
    } else {
        p
    };
    let file = if pattern.contains("/exports/") {
        "signatures.csv"
    } else if pattern.contains("/packs/") {
        "ministry.pdf"
    } else {
        "app.css"
    };
    pattern
        .replace("{id:\\d+}", &id.to_string())
        .replace("{id}", &id.to_string())
        .replace("{d}", "1")
        .replace("{pc}", "S24-77")
        .replace("{pc_id}", "S24-77")
        .replace("{n}", "100")
        .replace("{file}", file)
        .replace("{token}", &"A".repeat(43))
        .replace("{key}", &"A".repeat(43))
        .replace("{mac}", "AAAA")
        .replace("{address}", &"0".repeat(32))
        .replace("{expires}", "4102444800")
        .replace("{pin}", "221001")
        .replace("{code}", "hi")
}

/// Whether `b` is let in to `path`: neither refused nor sent to log in, and no server error.
async fn let_in(b: &Browser, path: &str) -> Result<u16, (u16, String)> {
    let r = b
        .client
        .get(format!("{}{path}", b.base))
        .send()
        .await
        .unwrap();
    let (status, to) = (r.status().as_u16(), location(&r));
    if status == 403 || status >= 500 || to.starts_with("/account/login") {
        Err((status, to))
    } else {
        Ok(status)
    }
}

/// Walks the route table itself (`hastakshar::web::routes::table()`), so a route added there is
/// walked too: every route behind an account as an anonymous visitor, another campaigner, a
/// moderator and an admin; every public route without a 5xx.
async fn every_route_refuses_the_wrong_visitor(backend: Backend) {
    let mut step = Step::first("setting up");
    use hastakshar::web::routes::{Access, table};
    let app = TestApp::spawn(backend).await;
    let owner = campaigner(&app, "owner@example.in").await;
    let p = draft(
        &owner,
        &petition_form("Owner's own petition", "100", &in_days(30)),
    )
    .await;
    let other = campaigner(&app, "other@example.in").await;
    let moderator = staff(&app, "mod@example.in", Role::Moderator).await;
    let admin = staff(&app, "admin@example.in", Role::Admin).await;
    let (user_id, update_id) = {
        use diesel::prelude::*;
        use hastakshar::db::schema::users;
        let mut conn = app.pool.get().unwrap();
        let id: i64 = users::table
            .filter(users::email.eq("owner@example.in"))
            .select(users::id)
            .first(&mut conn)
            .unwrap();
        // An update waiting for a moderator, on a petition that is open.
        diesel::update(hastakshar::db::schema::petitions::table.find(p))
            .set(hastakshar::db::schema::petitions::status.eq("open"))
            .execute(&mut conn)
            .unwrap();
        let u = hastakshar::db::updates::create(
            &mut conn,
            p,
            id,
            &hastakshar::db::updates::NewUpdate {
                lang: hastakshar::i18n::Lang::En,
                title: "Update",
                body: "Body",
                translation: None,
            },
        )
        .unwrap();
        (id, u)
    };
    let anonymous = Browser::new(&app);
    let anon_csrf = anonymous.csrf("/account/login").await;
    let before_petitions = app.count("petitions");
    let before_audit = app.count("audit_log");
    let routes = table();
    assert!(routes.len() > 60, "the whole table: {}", routes.len());
    let mut walked = 0;
    for route in &routes {
        let method = route.method.as_str();
        let path = concrete(route.path, p, update_id, user_id);
        assert!(!path.contains('{'), "a parameter left in {path}");
        if route.access == Access::Partner {
            // A partner's system without its token: 401, whoever is logged in.
            for b in [&anonymous, &admin] {
                let r = match method {
                    "GET" => b.client.get(format!("{}{path}", app.address)),
                    _ => b
                        .client
                        .post(format!("{}{path}", app.address))
                        .header("Content-Type", "application/json")
                        .body("{}"),
                };
                let r = r.send().await.unwrap();
                assert_eq!(r.status(), 401, "{method} {path} without a token");
            }
            continue;
        }
        if route.access == Access::Public {
            if method == "GET" {
                let status = anonymous.get(&path).await.0;
                assert!(status < 500, "GET {path}: {status}");
            }
            continue;
        }
        walked += 1;
        // Anonymous: a GET goes to the login page; a form is refused, token or not.
        if method == "GET" {
            let r = anonymous
                .client
                .get(format!("{}{path}", app.address))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 303, "anonymous GET {path}");
            assert!(
                location(&r).starts_with("/account/login?next="),
                "GET {path} asks to log in"
            );
        } else {
            assert_eq!(
                request(&anonymous, method, &path, &anon_csrf).await,
                403,
                "anonymous {method} {path}"
            );
            let no_token = anonymous.post(&path, &[("action", "approve")]).await;
            assert_eq!(
                no_token.status(),
                403,
                "anonymous POST {path} without a token"
            );
        }
        // Another campaigner: staff routes are forbidden, the owner's petition does not exist.
        let csrf = other.csrf("/dashboard").await;
        let status = request(&other, method, &path, &csrf).await;
        match route.access {
            Access::Account if route.path.contains("{id") => {
                assert_eq!(status, 404, "{method} {path} as another campaigner")
            }
            Access::Account => assert!(status < 400 || status == 422, "{method} {path}: {status}"),
            _ => assert_eq!(status, 403, "{method} {path} as a campaigner"),
        }
        // The campaigner whose petition it is gets in.
        if method == "GET" && route.access == Access::Account {
            let answer = let_in(&owner, &path).await;
            assert!(answer.is_ok(), "GET {path} as its owner: {answer:?}");
        }
        // A moderator is refused what only admins may do, and let into the rest.
        let csrf = moderator.csrf("/dashboard").await;
        if route.access == Access::Admin {
            let status = request(&moderator, method, &path, &csrf).await;
            assert_eq!(status, 403, "{method} {path} as a moderator");
        } else if method == "GET" && route.access == Access::Moderator {
            let answer = let_in(&moderator, &path).await;
            assert!(answer.is_ok(), "GET {path} as a moderator: {answer:?}");
        }
        if method == "GET" && route.access != Access::Account {
            let answer = let_in(&admin, &path).await;
            assert!(answer.is_ok(), "GET {path} as an admin: {answer:?}");
        }
    }
    assert!(
        walked >= 30,
        "every route behind an account was walked: {walked}"
    );
    assert_eq!(
        app.count("petitions"),
        before_petitions,
        "the refused requests changed nothing"
    );
    // Only what people were let in to see is in the audit log (staff's exports and packs, a
    // campaigner's own data).
    step.next("Only what people were let in to see is in the audit log");
    let refused_wrote: i64 = {
        use diesel::prelude::*;
        use hastakshar::db::schema::audit_log;
        let mut conn = app.pool.get().unwrap();
        audit_log::table
            .filter(audit_log::id.gt(before_audit))
            .filter(audit_log::action.not_like("export%"))
            .filter(audit_log::action.not_like("deliver%"))
            // A campaigner let in to download their own account's data.
            .filter(audit_log::action.ne("account.download"))
            .count()
            .get_result(&mut conn)
            .unwrap()
    };
    assert_eq!(
        refused_wrote, 0,
        "the refused requests wrote nothing to the audit log"
    );
    assert_eq!(owner.get(&format!("/dashboard/petitions/{p}")).await.0, 200);
    // An admin makes the other campaigner a moderator; the change is audited.
    step.next("An admin makes the other campaigner a moderator; the change is audited");
    let other_id = {
        use diesel::prelude::*;
        use hastakshar::db::schema::users;
        let mut conn = app.pool.get().unwrap();
        users::table
            .filter(users::email.eq("other@example.in"))
            .select(users::id)
            .first::<i64>(&mut conn)
            .unwrap()
    };
    let r = admin
        .submit(
            "/admin/users",
            &format!("/admin/users/{other_id}/role"),
            &[("role", "moderator")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(other.get("/admin/moderation").await.0, 200);
    assert!(admin.get("/admin/audit").await.1.contains("user.role"));
}

/// Routes are registered through the table alone, so none can be added without saying who may
/// call it: no other file of the site registers a route itself.
#[test]
fn no_route_is_registered_outside_the_table() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offenders = Vec::new();
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.ends_with("web/routes.rs") || path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let registers = [
                    ".route(",
                    "web::get()",
                    "web::post()",
                    "web::resource(",
                    "web::scope(",
                ]
                .iter()
                .any(|s| line.contains(s));
                if registers {
                    offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "routes registered outside src/web/routes.rs, without a declared access:\n{}",
        offenders.join("\n")
    );
}

async fn csrf_is_required_and_checked(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let b = campaigner(&app, "meera@example.in").await;
    let before = app.count("petitions");
    let closes = in_days(30);
    let form = petition_form("A petition", "100", &closes);
    // No token.
    let r = b.post("/petitions/new", &form).await;
    assert_eq!(r.status(), 403);
    // A forged token.
    let mut forged = form.clone();
    forged.push(("csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    assert_eq!(b.post("/petitions/new", &forged).await.status(), 403);
    // The right token from another site.
    let token = b.csrf("/petitions/new").await;
    let mut good = form.clone();
    good.push(("csrf", &token));
    let r = b
        .client
        .post(format!("{}/petitions/new", app.address))
        .header("Origin", "https://evil.example")
        .form(&good)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(app.count("petitions"), before, "nothing was created");
    // Logging out needs the token too.
    assert_eq!(b.post("/account/logout", &[]).await.status(), 403);
    assert_eq!(b.get("/dashboard").await.0, 200, "still logged in");
    let r = b.submit("/dashboard", "/account/logout", &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(b.get("/dashboard").await.0, 303, "logged out");
}

async fn login_and_password_reset(backend: Backend) {
    let mut step = Step::first("setting up");
    let app = TestApp::spawn(backend).await;
    let _ = campaigner(&app, "meera@example.in").await;
    let b = Browser::new(&app);
    let wrong = b
        .submit(
            "/account/login",
            "/account/login",
            &[
                ("email", "meera@example.in"),
                ("password", "not the password"),
            ],
        )
        .await;
    assert_eq!(wrong.status(), 422);
    let wrong = wrong.text().await.unwrap();
    let unknown = b
        .submit(
            "/account/login",
            "/account/login",
            &[
                ("email", "nobody@example.in"),
                ("password", "not the password"),
            ],
        )
        .await;
    assert_eq!(unknown.status(), 422);
    let unknown = unknown.text().await.unwrap();
    let words = |page: &str| {
        page.split("class=\"error\"")
            .nth(1)
            .unwrap_or("")
            .split('<')
            .next()
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(
        words(&wrong),
        words(&unknown),
        "the same answer for a wrong password and an unknown email"
    );
    assert!(
        !wrong.contains("not the password"),
        "a password is never sent back"
    );
    let r = b
        .submit(
            "/account/login",
            "/account/login",
            &[
                ("email", "Meera@Example.in"),
                ("password", PASSWORD),
                ("next", "/petitions/new"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/petitions/new");

    // A forgotten password: the same answer for known and unknown addresses.
    step.next("A forgotten password");
    let anon = Browser::new(&app);
    for email in ["meera@example.in", "nobody@example.in"] {
        let r = anon
            .submit(
                "/account/password-reset",
                "/account/password-reset",
                &[("email", email)],
            )
            .await;
        assert_eq!(r.status(), 200);
    }
    let mail = mail_to(&app, "meera@example.in", "Choose a new password").await;
    assert!(
        !app.smtp
            .messages()
            .iter()
            .any(|m| m.to.iter().any(|t| t == "nobody@example.in"))
    );
    let reset = link(&app, &mail, "/account/password-reset/");
    let r = anon.submit(&reset, &reset, &[("password", "short")]).await;
    assert_eq!(r.status(), 422);
    let r = anon
        .submit(
            &reset,
            &reset,
            &[("password", "an entirely new passphrase")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        anon.get("/dashboard").await.0,
        200,
        "the new password logs in"
    );
    assert_eq!(
        b.get("/dashboard").await.0,
        303,
        "sessions from before the reset are over"
    );
    assert_eq!(anon.get(&reset).await.0, 404, "the link works once");
    let old = Browser::new(&app);
    let r = old
        .submit(
            "/account/login",
            "/account/login",
            &[("email", "meera@example.in"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status(), 422, "the old password no longer works");
}

async fn logins_are_rate_limited(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        crate::helpers::Options {
            account_rate: Some(hastakshar::config::SignRate {
                burst: 3,
                per_hour: 1,
            }),
            ..Default::default()
        },
    )
    .await;
    let b = Browser::new(&app);
    let mut statuses = Vec::new();
    for _ in 0..5 {
        let r = b
            .submit(
                "/account/login",
                "/account/login",
                &[
                    ("email", "target@example.in"),
                    ("password", "guess guess guess"),
                ],
            )
            .await;
        statuses.push(r.status().as_u16());
    }
    assert_eq!(statuses, [422, 422, 422, 429, 429]);
}

const SCRIPT: &str =
    "<script>alert(1)</script><img src=x onerror=alert(2)>[click](javascript:alert(3))";

async fn script_in_any_text_field_stays_text(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let creator = campaigner(&app, "meera@example.in").await;
    let closes = in_days(30);
    let form = vec![
        ("lang", "en"),
        ("title", "<b>Bold</b><script>x</script>"),
        ("action", SCRIPT),
        ("background", SCRIPT),
        ("other_recipients", SCRIPT),
        ("title_tr", "<script>alert(4)</script>"),
        ("action_tr", SCRIPT),
        ("background_tr", SCRIPT),
        ("recipients", "1"),
        ("goal", "100"),
        ("closes_on", &closes),
    ];
    let mut preview = form.clone();
    preview.push(("intent", "preview"));
    let r = creator
        .submit("/petitions/new", "/petitions/new", &preview)
        .await;
    assert_eq!(r.status(), 200);
    let mut pages = vec![r.text().await.unwrap()];
    let mut save = form.clone();
    save.push(("intent", "save"));
    let id = draft(&creator, &save).await;
    {
        use diesel::prelude::*;
        use hastakshar::db::schema::petitions;
        let mut conn = app.pool.get().unwrap();
        diesel::update(petitions::table.find(id))
            .set(petitions::status.eq("open"))
            .execute(&mut conn)
            .unwrap();
    }
    let r = creator
        .submit(
            &format!("/petitions/{id}/updates/new"),
            &format!("/petitions/{id}/updates/new"),
            &[("title", SCRIPT), ("body", SCRIPT)],
        )
        .await;
    assert_eq!(r.status(), 303);
    let moderator = staff(&app, "mod@example.in", Role::Moderator).await;
    pages.push(moderator.get("/admin/moderation").await.1);
    pages.push(moderator.get(&format!("/admin/petitions/{id}")).await.1);
    let r = moderator
        .submit(
            "/dashboard",
            "/admin/updates/1/decision",
            &[("action", "approve")],
        )
        .await;
    assert_eq!(r.status(), 303);
    pages.push(creator.get(&format!("/dashboard/petitions/{id}")).await.1);
    pages.push(creator.get("/dashboard").await.1);
    pages.push(app.get_text(&format!("/petitions/{id}")).await.1);
    pages.push(app.page_in(&format!("/petitions/{id}"), "hi").await);
    pages.push(app.page_in("/", "en").await);
    for page in &pages {
        assert!(
            !page.contains("<script>alert") && !page.contains("<script>x"),
            "no script gets through"
        );
        assert!(!page.contains("<img src=x"), "no raw HTML gets through");
        assert!(!page.contains("href=\"javascript:"), "no javascript: link");
        assert!(!page.contains("<b>Bold"), "no raw HTML in titles");
    }
    assert!(
        pages[5].contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "shown as text"
    );
}

async fn the_closing_job_closes_petitions_on_their_date(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let creator = campaigner(&app, "meera@example.in").await;
    let id = draft(
        &creator,
        &petition_form("Closing soon", "100", &in_days(10)),
    )
    .await;
    {
        use diesel::prelude::*;
        use hastakshar::db::schema::petitions;
        let mut conn = app.pool.get().unwrap();
        diesel::update(petitions::table.find(id))
            .set((
                petitions::status.eq("open"),
                petitions::closes_at.eq(Some(hastakshar::db::now() - chrono::Duration::minutes(1))),
            ))
            .execute(&mut conn)
            .unwrap();
    }
    let mail = mail_to(&app, "meera@example.in", "has closed").await;
    assert!(mail.text_body().contains("Closing soon"));
    let (status, page) = app.get_text(&format!("/petitions/{id}")).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("This petition is closed"),
        "a closed petition shows its final count"
    );
    assert!(!page.contains("name=\"email\""), "and has no sign form");
    let f = crate::helpers::form("late@example.in");
    let r = app.sign_with(id, &crate::helpers::as_refs(&f), &[]).await;
    assert_eq!(r.status(), 422, "it takes no signatures");
    assert_eq!(app.count("signatures"), 0);
    // The demo petition, closing months from now, is still open.
    assert_eq!(app.petition_json(1).await["state"], "open");
}

on_both_backends!(
    every_route_refuses_the_wrong_visitor,
    csrf_is_required_and_checked,
    login_and_password_reset,
    logins_are_rate_limited,
    script_in_any_text_field_stays_text,
    the_closing_job_closes_petitions_on_their_date,
);
