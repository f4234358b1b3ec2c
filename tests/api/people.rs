//! People using the site in tests, each in a browser of their own (a cookie jar): a campaigner
//! who signs up, staff created with `hastakshar admin create`, signers.

use std::time::Duration;

use hastakshar::accounts::Role;

use crate::helpers::{TestApp, WAIT};
use crate::support::smtp::ReceivedMail;

pub const PASSWORD: &str = "a long enough passphrase";

pub struct Browser {
    pub client: reqwest::Client,
    pub base: String,
}

impl Browser {
    pub fn new(app: &TestApp) -> Browser {
        Browser {
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .cookie_store(true)
                .build()
                .unwrap(),
            base: app.address.clone(),
        }
    }

    pub async fn get(&self, path: &str) -> (u16, String) {
        let r = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.text().await.unwrap())
    }

    /// GETs a page and returns its CSRF token (the page must have a form).
    pub async fn csrf(&self, path: &str) -> String {
        let (status, page) = self.get(path).await;
        assert_eq!(status, 200, "GET {path}: {page}");
        csrf_in(&page).unwrap_or_else(|| panic!("no csrf field on {path}"))
    }

    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.base))
            .form(form)
            .send()
            .await
            .unwrap()
    }

    /// Posts a form from `page` (whose CSRF token it takes) to `path`.
    pub async fn submit(&self, page: &str, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        let token = self.csrf(page).await;
        let mut all: Vec<(&str, &str)> = form.to_vec();
        all.push(("csrf", &token));
        self.post(path, &all).await
    }
}

pub fn csrf_in(page: &str) -> Option<String> {
    let at = page.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    Some(page[at..].split('"').next()?.to_string())
}

pub fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

/// Waits for an email to `to` whose subject contains `subject`.
pub async fn mail_to(app: &TestApp, to: &str, subject: &str) -> ReceivedMail {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        if let Some(m) = app.smtp.messages().into_iter().find(|m| {
            m.to.iter().any(|t| t == to)
                && m.header("Subject").unwrap_or_default().contains(subject)
        }) {
            return m;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no email to {to} about {subject:?}; got {:?}",
            app.smtp
                .messages()
                .iter()
                .map(|m| (m.to.clone(), m.header("Subject")))
                .collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// The one link in `mail` under `prefix` (a path on the site).
pub fn link(app: &TestApp, mail: &ReceivedMail, prefix: &str) -> String {
    let want = format!("{}{prefix}", app.address);
    mail.links()
        .into_iter()
        .find(|l| l.starts_with(&want))
        .unwrap_or_else(|| panic!("no {prefix} link in {:?}", mail.links()))
        .trim_start_matches(&app.address)
        .to_string()
}

/// A campaigner who signed up and confirmed their address (which logs them in).
pub async fn campaigner(app: &TestApp, email: &str) -> Browser {
    let b = Browser::new(app);
    let r = b
        .submit(
            "/account/signup",
            "/account/signup",
            &[
                ("name", "Meera Campaigner"),
                ("email", email),
                ("password", PASSWORD),
                // Passes the captcha stand-in where the captcha is on; ignored where it is off.
                ("h-captcha-response", "pass-campaigner"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/account/check-email");
    let mail = mail_to(app, email, "Confirm your email").await;
    let confirm = link(app, &mail, "/account/confirm/");
    // A mail scanner asks HEAD and GET first: the link is still unused after them.
    let head = b
        .client
        .head(format!("{}{confirm}", b.base))
        .send()
        .await
        .unwrap();
    assert_eq!(head.status(), 200);
    assert_eq!(Browser::new(app).get(&confirm).await.0, 200);
    let (status, page) = b.get(&confirm).await;
    assert_eq!(status, 200, "the link shows a button");
    assert!(page.contains("action=\"/account/confirm/"), "{page}");
    let status = b.post(&confirm, &[]).await.status();
    assert_eq!(
        status, 303,
        "the button confirms, logs in and goes to the dashboard"
    );
    let (status, page) = b.get("/dashboard").await;
    assert_eq!(status, 200);
    assert!(page.contains("Your petitions"));
    b
}

/// Staff made with `hastakshar admin create`, who set a password through the printed link.
pub async fn staff(app: &TestApp, email: &str, role: Role) -> Browser {
    let link_url = {
        let mut conn = app.pool.get().unwrap();
        hastakshar::accounts::admin::create(
            &mut conn,
            email,
            role,
            &app.address,
            &hastakshar::db::audit::Actor::command_line("test"),
        )
        .unwrap()
    };
    let path = link_url.trim_start_matches(&app.address).to_string();
    let b = Browser::new(app);
    let r = b.submit(&path, &path, &[("password", PASSWORD)]).await;
    assert_eq!(r.status(), 303, "setting the password logs in");
    b
}

/// The form fields of a good petition.
pub fn petition_form<'a>(
    title: &'a str,
    goal: &'a str,
    closes_on: &'a str,
) -> Vec<(&'static str, &'a str)> {
    vec![
        ("lang", "en"),
        ("title", title),
        ("action", "Fund a shelter for survivors in every district."),
        (
            "background",
            "Survivors are sent back to the people who sold them.\n\nA **shelter** changes that.",
        ),
        ("recipients", "2"),
        ("goal", goal),
        ("closes_on", closes_on),
        ("intent", "save"),
    ]
}

pub fn in_days(n: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(n)).to_string()
}

/// Creates a draft as `b` and returns its id.
pub async fn draft(b: &Browser, form: &[(&str, &str)]) -> i64 {
    let r = b.submit("/petitions/new", "/petitions/new", form).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let loc = location(&r);
    loc.trim_start_matches("/dashboard/petitions/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("unexpected redirect {loc}"))
}

/// A petition `creator` drafted and sent to its first supporters; returns its id and share key.
pub async fn gathering(app: &TestApp, creator: &Browser, title: &str) -> (i64, String) {
    let id = draft(creator, &petition_form(title, "100", &in_days(30))).await;
    let r = creator
        .submit(
            &format!("/dashboard/petitions/{id}"),
            &format!("/petitions/{id}/submit"),
            &[],
        )
        .await;
    assert_eq!(r.status(), 303);
    {
        use diesel::prelude::*;
        use hastakshar::db::schema::petitions;
        let mut conn = app.pool.get().unwrap();
        let status: String = petitions::table
            .find(id)
            .select(petitions::status)
            .first(&mut conn)
            .unwrap();
        assert_eq!(status, "gathering");
    }
    let (_, detail) = creator.get(&format!("/dashboard/petitions/{id}")).await;
    let key = detail
        .split("/support/")
        .nth(1)
        .and_then(|s| s.get(..43))
        .expect("the dashboard shows the share link")
        .to_string();
    (id, key)
}

/// Opens petition `id` in the database, as a moderator's approval would (the tests of what a
/// public petition shows start here).
pub fn open_in_db(app: &TestApp, id: i64) {
    use diesel::prelude::*;
    use hastakshar::db::schema::petitions;
    let mut conn = app.pool.get().unwrap();
    diesel::update(petitions::table.find(id))
        .set((
            petitions::status.eq("open"),
            petitions::opened_at.eq(Some(chrono::Utc::now().naive_utc())),
        ))
        .execute(&mut conn)
        .unwrap();
}
