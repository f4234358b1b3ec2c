//! Accounts under attack: an address made staff after a stranger signed up with it, redirects
//! that must stay on the site, inboxes flooded through our forms, reset timing that could tell
//! who has an account, and wrong passwords that must not lock the owner out.

use std::time::{Duration, Instant};

use diesel::prelude::*;
use hastakshar::accounts::Role;
use hastakshar::config::SignRate;

use crate::helpers::{Options, TestApp};
use crate::on_both_backends;
use crate::people::*;
use crate::support::testdb::Backend;

on_both_backends!(
    a_stranger_who_signed_up_first_gets_nothing_when_the_address_is_made_staff,
    twenty_sign_ups_for_one_address_send_at_most_the_cap,
    sign_up_and_password_reset_ask_for_the_human_check,
    a_reset_answers_as_fast_for_an_unknown_address_as_for_a_known_one,
    wrong_passwords_from_one_network_do_not_lock_the_owner_out,
);

async fn login(b: &Browser, email: &str, password: &str) -> reqwest::Response {
    b.submit(
        "/account/login",
        "/account/login",
        &[("email", email), ("password", password)],
    )
    .await
}

async fn a_stranger_who_signed_up_first_gets_nothing_when_the_address_is_made_staff(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    // The attacker opens an account with the address the operator will make staff, and never
    // confirms it (they cannot: the inbox is not theirs).
    let attacker = Browser::new(&app);
    let r = attacker
        .submit(
            "/account/signup",
            "/account/signup",
            &[
                ("name", "Not The Boss"),
                ("email", "boss@example.in"),
                ("password", "the attacker's passphrase"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = login(&attacker, "boss@example.in", "the attacker's passphrase").await;
    assert_eq!(r.status(), 422, "an unconfirmed account logs in to nothing");
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("confirm your email address first")
    );
    assert_eq!(attacker.get("/dashboard").await.0, 303);

    // The operator makes the address an admin.
    let link = {
        let mut conn = app.pool.get().unwrap();
        hastakshar::accounts::admin::create(
            &mut conn,
            "boss@example.in",
            Role::Admin,
            &app.address,
            &hastakshar::db::audit::Actor::command_line("test"),
        )
        .unwrap()
    };
    let r = login(&attacker, "boss@example.in", "the attacker's passphrase").await;
    assert_eq!(r.status(), 422, "the attacker's password is void");
    assert_eq!(attacker.get("/admin/users").await.0, 303);

    // The owner of the inbox sets a password through the link, and is the admin.
    let owner = Browser::new(&app);
    let path = link.trim_start_matches(&app.address).to_string();
    let r = owner.submit(&path, &path, &[("password", PASSWORD)]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(owner.get("/admin/users").await.0, 200);

    // A campaigner logged in on some device, then made staff: that session ends and the old
    // password no longer works; the link sets the new one.
    let earlier = campaigner(&app, "meera@example.in").await;
    assert_eq!(earlier.get("/dashboard").await.0, 200);
    {
        let mut conn = app.pool.get().unwrap();
        hastakshar::accounts::admin::create(
            &mut conn,
            "meera@example.in",
            Role::Moderator,
            &app.address,
            &hastakshar::db::audit::Actor::command_line("test"),
        )
        .unwrap();
    }
    assert_eq!(
        earlier.get("/dashboard").await.0,
        303,
        "the old cookie is refused"
    );
    assert_eq!(earlier.get("/admin/moderation").await.0, 303);
    let r = login(&Browser::new(&app), "meera@example.in", PASSWORD).await;
    assert_eq!(r.status(), 422, "the old password is refused");
}

fn account_emails_to(app: &TestApp, to: &str) -> i64 {
    use hastakshar::db::schema::outbox;
    let mut conn = app.pool.get().unwrap();
    outbox::table
        .filter(outbox::recipient_index.eq(app.settings.data_keys.index(to)))
        .filter(outbox::kind.eq_any(["account_confirm", "account_exists", "password_reset"]))
        .count()
        .get_result(&mut conn)
        .unwrap()
}

async fn twenty_sign_ups_for_one_address_send_at_most_the_cap(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let _owner = campaigner(&app, "meera@example.in").await;
    let cap = hastakshar::accounts::ACCOUNT_MAILS_PER_DAY;
    // Strangers ask for resets: their work is queued after the answer, and fills the cap.
    for _ in 0..(cap + 2) {
        let r = Browser::new(&app)
            .submit(
                "/account/password-reset",
                "/account/password-reset",
                &[("email", "meera@example.in")],
            )
            .await;
        assert_eq!(r.status(), 200);
    }
    app.eventually("the queued resets fill the day's cap", |app| {
        account_emails_to(app, "meera@example.in") == cap
    })
    .await;
    // Then twenty sign-ups with the address: each is answered alike, and none writes to it.
    for i in 0..20 {
        let stranger = Browser::new(&app);
        let r = stranger
            .submit(
                "/account/signup",
                "/account/signup",
                &[
                    ("name", "Flood"),
                    ("email", "meera@example.in"),
                    ("password", &format!("flood passphrase {i}")),
                ],
            )
            .await;
        assert_eq!(r.status(), 303, "every stranger sees the same answer");
    }
    app.settled().await;
    assert_eq!(
        account_emails_to(&app, "meera@example.in"),
        cap,
        "the confirmation and reset links up to the day's cap, and no more"
    );
    assert_eq!(
        app.smtp
            .messages()
            .iter()
            .filter(|m| m.to.iter().any(|t| t == "meera@example.in"))
            .count() as i64,
        cap
    );
}

async fn sign_up_and_password_reset_ask_for_the_human_check(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        Options {
            captcha: true,
            ..Options::default()
        },
    )
    .await;
    let b = Browser::new(&app);
    let (_, page) = b.get("/account/signup").await;
    assert!(
        page.contains("class=\"h-captcha\""),
        "the widget is on the form"
    );
    let fields = [
        ("name", "Meera"),
        ("email", "meera@example.in"),
        ("password", PASSWORD),
    ];
    let r = b
        .submit("/account/signup", "/account/signup", &fields)
        .await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("href=\"#h-captcha-response\"")
    );
    assert_eq!(app.count("users"), 0);
    assert_eq!(app.count("outbox"), 0);
    let mut with_token = fields.to_vec();
    with_token.push(("h-captcha-response", "pass-signup"));
    let r = b
        .submit("/account/signup", "/account/signup", &with_token)
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(app.count("users"), 1);

    let (_, page) = b.get("/account/password-reset").await;
    assert!(page.contains("class=\"h-captcha\""));
    let r = b
        .submit(
            "/account/password-reset",
            "/account/password-reset",
            &[
                ("email", "meera@example.in"),
                ("h-captcha-response", "fail"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422, "refused before any work is queued");
    assert_eq!(app.count("user_tokens"), 1, "only the sign-up's link");
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

async fn a_reset_answers_as_fast_for_an_unknown_address_as_for_a_known_one(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    {
        let mut conn = app.pool.get().unwrap();
        for i in 0..20 {
            hastakshar::db::users::create(
                &mut conn,
                &format!("known{i}@example.in"),
                "Known",
                None,
                Role::Campaigner,
                "en",
            )
            .unwrap();
        }
    }
    let b = Browser::new(&app);
    let token = b.csrf("/account/password-reset").await;
    let ask = |email: String| {
        let b = &b;
        let token = token.clone();
        async move {
            let started = Instant::now();
            let r = b
                .post(
                    "/account/password-reset",
                    &[("email", email.as_str()), ("csrf", token.as_str())],
                )
                .await;
            assert_eq!(r.status(), 200);
            let _ = r.text().await;
            started.elapsed()
        }
    };
    let (mut known, mut unknown) = (Vec::new(), Vec::new());
    for i in 0..20 {
        known.push(ask(format!("known{i}@example.in")).await);
        unknown.push(ask(format!("unknown{i}@example.in")).await);
    }
    let (k, u) = (median(known), median(unknown));
    assert!(
        k <= u * 2 + Duration::from_micros(500),
        "a known address answers in {k:?}, an unknown one in {u:?}"
    );
    // The work was done all the same, after the answers.
    app.eventually("a link for each known address", |app| {
        app.count("user_tokens") == 20
    })
    .await;

    // The answer does not wait for the work at all: with the tokens' table locked by someone
    // else, a known address still gets its answer at once, and its link follows the unlock.
    let mut lock = app.pool.get().unwrap();
    let statements: &[&str] = match backend {
        Backend::Sqlite => &["BEGIN IMMEDIATE"],
        Backend::Postgres => &["BEGIN", "LOCK TABLE user_tokens IN ACCESS EXCLUSIVE MODE"],
    };
    for sql in statements {
        diesel::sql_query(*sql).execute(&mut lock).unwrap();
    }
    let answer =
        tokio::time::timeout(Duration::from_secs(2), ask("known0@example.in".into())).await;
    diesel::sql_query("COMMIT").execute(&mut lock).unwrap();
    drop(lock);
    assert!(answer.is_ok(), "the answer came while the work was held up");
    app.eventually("the held-up link, after the unlock", |app| {
        app.count("user_tokens") == 21
    })
    .await;
}

/// A login attempt for meera@example.in from `ip` (behind the trusted proxy), with a captcha
/// token when one is given; returns the status.
async fn attempt(app: &TestApp, ip: &str, password: &str, captcha: &str) -> u16 {
    let b = Browser::new(app);
    let token = b.csrf("/account/login").await;
    b.client
        .post(format!("{}/account/login", b.base))
        .header("X-Forwarded-For", ip)
        .form(&[
            ("email", "meera@example.in"),
            ("password", password),
            ("csrf", token.as_str()),
            ("h-captcha-response", captcha),
        ])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn wrong_passwords_from_one_network_do_not_lock_the_owner_out(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        Options {
            trusted_proxies: "127.0.0.1",
            account_rate: Some(SignRate {
                burst: 3,
                per_hour: 1,
            }),
            captcha: true,
            tweak: |s| {
                s.account_any_rate = SignRate {
                    burst: 8,
                    per_hour: 1,
                }
            },
            ..Options::default()
        },
    )
    .await;
    let _ = campaigner(&app, "meera@example.in").await;
    let mut statuses = Vec::new();
    for _ in 0..6 {
        statuses.push(attempt(&app, "203.0.113.10", "guess guess guess", "").await);
    }
    assert_eq!(statuses, [422, 422, 422, 429, 429, 429]);

    // The owner, from their own network, is not held back by the stranger's guesses.
    assert_eq!(attempt(&app, "198.51.100.20", PASSWORD, "").await, 303);

    // Guesses from many networks at once: past the account's own limit a person must pass the
    // human check, and the owner still can.
    for n in 1..=4 {
        let ip = format!("192.0.2.{n}");
        assert_eq!(attempt(&app, &ip, "guess guess guess", "").await, 422);
    }
    assert_eq!(
        attempt(&app, "198.51.100.21", PASSWORD, "").await,
        422,
        "the human check is asked for"
    );
    assert_eq!(
        attempt(&app, "198.51.100.21", PASSWORD, "pass-owner").await,
        303
    );
}
