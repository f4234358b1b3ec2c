//! A person signs the demo petition in headless Chromium, through the real page: the PIN code
//! picks the state and constituency, the form posts, the emailed link confirms, the count moves.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{ClientBuilder, Locator};
use serde_json::json;

use crate::helpers::{DEMO, Step, TestApp, WAIT};
use crate::support::testdb::Backend;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

pub struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn browser_available() -> bool {
    let found =
        std::path::Path::new(CHROMEDRIVER).exists() && std::path::Path::new(CHROMIUM).exists();
    if !found {
        assert!(
            std::env::var("CI").map_or(true, |ci| ci != "true"),
            "CI must run the browser test: install chromium and chromium-driver"
        );
        eprintln!("skipped: install chromium and chromium-driver to run the browser test");
    }
    found
}

/// axe-core, the accessibility engine, installed by `.ci/run` with
/// `npm install --prefix target/axe axe-core@4` (or named by `AXE_CORE_JS`).
pub fn axe_source() -> Option<String> {
    let path = std::env::var("AXE_CORE_JS").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/target/axe/node_modules/axe-core/axe.min.js"
        )
        .into()
    });
    match std::fs::read_to_string(&path) {
        Ok(s) => Some(s),
        Err(_) => {
            assert!(
                std::env::var("CI").map_or(true, |ci| ci != "true"),
                "CI must check accessibility: {path} is missing"
            );
            eprintln!("skipped: npm install --prefix target/axe axe-core@4 to check accessibility");
            None
        }
    }
}

/// The WCAG 2.2 A and AA rules (2.0 and 2.1's with them, target sizes included) axe finds
/// broken on the current page, as "rule: where" lines.
pub async fn wcag_violations(c: &fantoccini::Client, axe: &str) -> Vec<String> {
    c.execute(&format!("{axe}\nreturn true;"), vec![])
        .await
        .unwrap();
    let found = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } })
                .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(found).unwrap()
}

/// Staff as `hastakshar admin create` makes them: the browser opens the printed link, sets
/// `password` and lands on the dashboard, signed in.
pub async fn sign_in_as_staff(
    c: &fantoccini::Client,
    app: &TestApp,
    email: &str,
    role: hastakshar::accounts::Role,
    password: &str,
) {
    let set_password = {
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
    c.goto(&set_password).await.unwrap();
    wait_heading(c, "Choose a new password").await;
    fill(c, "password", password).await;
    click(c, Locator::Css("form button.primary")).await;
    wait_heading(c, "Your petitions").await;
}

/// Every visible field under 44 pixels tall, as "name is N px tall".
pub async fn small_fields(c: &fantoccini::Client) -> Vec<String> {
    let found = c
        .execute(
            "return [...document.querySelectorAll(
                 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea')]
                 .filter(e => e.offsetParent !== null)
                 .map(e => [e.name || e.id, Math.round(e.getBoundingClientRect().height)])
                 .filter(f => f[1] < 44)
                 .map(f => f[0] + ' is ' + f[1] + ' px tall');",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(found).unwrap()
}

/// The page at a phone's width (390 by 844) and a desktop's (1280 by 900): axe's findings (and,
/// with `fields`, every field under 44 pixels) go to `broken`, and a screenshot of each to
/// `target/screenshots/{name}-{phone,desktop}.png`, with `scroll_to` in the middle of the
/// screen when given (else the page as it opened).
pub async fn look_both_widths(
    c: &fantoccini::Client,
    axe: &str,
    name: &str,
    scroll_to: Option<&str>,
    fields: bool,
    broken: &mut Vec<String>,
) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    for (width, (w, h)) in [("phone", (390, 844)), ("desktop", (1280, 900))] {
        c.set_window_size(w, h).await.unwrap();
        let mut found = wcag_violations(c, axe).await;
        if fields {
            found.extend(small_fields(c).await);
        }
        broken.extend(found.into_iter().map(|v| format!("{name} ({width}): {v}")));
        if let Some(css) = scroll_to {
            c.execute(
                "document.querySelector(arguments[0]).scrollIntoView({block: 'center'})",
                vec![json!(css)],
            )
            .await
            .unwrap();
        }
        let png = c.screenshot().await.unwrap();
        std::fs::write(dir.join(format!("{name}-{width}.png")), png).unwrap();
    }
}

/// What a browser test needs: the site on SQLite, Chromium through its driver, and axe; `None`
/// (the test passes by skipping) where the machine has no browser or no axe.
pub struct Session {
    pub app: TestApp,
    pub c: fantoccini::Client,
    pub axe: String,
    _driver: Driver,
    _profile: tempfile::TempDir,
}

impl Session {
    pub async fn start() -> Option<Session> {
        Session::start_with(true).await
    }

    /// As `start`, with the pages' own JavaScript on or off (axe and the test's scripts run
    /// either way, through the driver).
    pub async fn start_with(javascript: bool) -> Option<Session> {
        if !browser_available() {
            return None;
        }
        let axe = axe_source()?;
        let app = TestApp::spawn(Backend::Sqlite).await;
        let (driver, driver_url) = start_driver().await;
        let profile = tempfile::tempdir().unwrap();
        let c = browser_with(&driver_url, &profile, javascript).await;
        Some(Session {
            app,
            c,
            axe,
            _driver: driver,
            _profile: profile,
        })
    }
}

pub async fn start_driver() -> (Driver, String) {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + WAIT;
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver listens");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    (Driver(child), url)
}

pub async fn click(c: &fantoccini::Client, target: Locator<'_>) {
    c.find(target).await.unwrap().click().await.unwrap();
}

async fn value_of(c: &fantoccini::Client, id: &str) -> String {
    c.execute(
        "return document.getElementById(arguments[0]).value;",
        vec![json!(id)],
    )
    .await
    .unwrap()
    .as_str()
    .unwrap_or_default()
    .to_string()
}

pub async fn browser(driver_url: &str, profile: &tempfile::TempDir) -> fantoccini::Client {
    browser_with(driver_url, profile, true).await
}

pub async fn browser_with(
    driver_url: &str,
    profile: &tempfile::TempDir,
    javascript: bool,
) -> fantoccini::Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": CHROMIUM,

            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=412,915",
                format!("--user-data-dir={}", profile.path().display()),
            ]
        }),
    );
    let c = ClientBuilder::rustls()
        .unwrap()
        .capabilities(caps)
        .connect(driver_url)
        .await
        .expect("a browser session");
    if !javascript {
        // The site's scripts are never fetched, so the pages are what a reader without
        // JavaScript gets; the test's own scripts (axe, measurements) still run, which turning
        // JavaScript off in the browser would stop.
        devtools(&c, "Network.enable", json!({})).await;
        devtools(&c, "Network.setBlockedURLs", json!({ "urls": ["*.js"] })).await;
    }
    c
}

/// Sends one command to Chromium's DevTools.
pub async fn devtools(c: &fantoccini::Client, cmd: &'static str, params: serde_json::Value) {
    c.issue_cmd(DevTools { cmd, params })
        .await
        .expect("Chromium's DevTools answer");
}

/// A command to Chromium's DevTools through chromedriver (`goog/cdp/execute`).
#[derive(Debug)]
struct DevTools {
    cmd: &'static str,
    params: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for DevTools {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "cmd": self.cmd, "params": self.params }).to_string()),
        )
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_signs_the_demo_petition_in_a_real_browser() {
    if !browser_available() {
        return;
    }
    let app = TestApp::spawn(Backend::Sqlite).await;
    let (_driver, driver_url) = start_driver().await;
    let profile = tempfile::tempdir().unwrap();
    let c = browser(&driver_url, &profile).await;

    c.goto(&app.url("/petitions/1")).await.unwrap();
    assert!(c.title().await.unwrap().contains("Cool Men Don't Buy Sex"));
    for (field, text) in [
        ("name", "Kavita Rao"),
        ("email", "kavita@example.in"),
        ("pin_code", "221001"),
    ] {
        let input = c.find(Locator::Id(field)).await.unwrap();
        input.send_keys(text).await.unwrap();
    }

    // The page's script looks the PIN code up and pre-selects state and constituency.
    let deadline = Instant::now() + WAIT;
    while value_of(&c, "state").await != "IN-UP" || value_of(&c, "constituency").await.is_empty() {
        assert!(Instant::now() < deadline, "the PIN code picks the state");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let lookup_hidden = c
        .execute("return document.querySelector('.lookup').hidden;", vec![])
        .await
        .unwrap();
    assert_eq!(
        lookup_hidden,
        json!(true),
        "the no-JavaScript button steps aside"
    );
    click(&c, Locator::Id("adult")).await;
    click(&c, Locator::Id("deliver_name")).await;
    let shot = c.screenshot().await.unwrap();
    std::fs::write(std::env::temp_dir().join("hastakshar-sign-form.png"), shot).unwrap();
    click(&c, Locator::Css("button.primary")).await;

    let h1 = c.wait().for_element(Locator::Css("h1")).await.unwrap();
    assert_eq!(h1.text().await.unwrap(), "Check your email");
    assert!(
        c.current_url()
            .await
            .unwrap()
            .path()
            .ends_with("/check-email")
    );

    let link = app.confirm_link(&app.email(1).await);
    c.goto(&link).await.unwrap();
    // The link opens a page with one button: the person presses it.
    click(&c, Locator::Css("form button.primary")).await;
    // Waited for: the page before the press goes stale as the next one arrives.
    wait_heading(&c, "Thank you: your signature is confirmed").await;
    let json = app.wait_for_count(DEMO, 1).await;
    assert_eq!(json["signatures_by_constituency"][0]["code"], "S24-77");

    c.goto(&app.url("/petitions/1")).await.unwrap();
    let count = c
        .find(Locator::Css(".progress .count strong"))
        .await
        .unwrap();
    assert_eq!(count.text().await.unwrap(), "1");
    // The language switcher works with a click, and the page says so in its lang attribute.
    click(&c, Locator::Css("a[hreflang=hi]")).await;
    let lang = c
        .execute("return document.documentElement.lang;", vec![])
        .await
        .unwrap();
    assert_eq!(lang, json!("hi"));
    let shot = c.screenshot().await.unwrap();
    std::fs::write(
        std::env::temp_dir().join("hastakshar-petition-hi.png"),
        shot,
    )
    .unwrap();
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_public_page_passes_the_wcag_22_aa_rules_of_axe() {
    if !browser_available() {
        return;
    }
    let Some(axe) = axe_source() else {
        return;
    };
    let app = TestApp::spawn(Backend::Sqlite).await;
    let (_driver, driver_url) = start_driver().await;
    let profile = tempfile::tempdir().unwrap();
    let c = browser(&driver_url, &profile).await;
    let mut broken = Vec::new();
    let mut check = |page: &str, found: Vec<String>| {
        broken.extend(found.into_iter().map(|v| format!("{page}: {v}")));
    };

    for (page, path) in [
        ("home", "/"),
        ("check your email", "/petitions/1/check-email"),
        (
            "not found",
            "/confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        ),
        ("petition", "/petitions/1"),
    ] {
        c.goto(&app.url(path)).await.unwrap();
        check(page, wcag_violations(&c, &axe).await);
    }
    // The form sent empty comes back with its errors.
    click(&c, Locator::Css("button.primary")).await;
    c.wait()
        .for_element(Locator::Css(".error-summary"))
        .await
        .unwrap();
    check("petition with errors", wcag_violations(&c, &axe).await);
    app.sign(&crate::helpers::as_refs(&crate::helpers::form(
        "a11y@example.in",
    )))
    .await;
    let link = app.confirm_link(&app.email(1).await);
    c.goto(&link).await.unwrap();
    check("confirm my signature", wcag_violations(&c, &axe).await);
    click(&c, Locator::Css("form button.primary")).await;
    c.wait()
        .for_element(Locator::Css("div.panel[role=status]"))
        .await
        .unwrap();
    check("confirmed", wcag_violations(&c, &axe).await);
    c.goto(&app.url("/lang/hi?next=/petitions/1"))
        .await
        .unwrap();
    check("petition in Hindi", wcag_violations(&c, &axe).await);
    // The check itself can fail: an image without a text alternative is caught.
    c.execute(
        "document.querySelector('main').appendChild(document.createElement('img')); return true;",
        vec![],
    )
    .await
    .unwrap();
    let caught = wcag_violations(&c, &axe).await;
    assert!(
        caught.iter().any(|v| v.starts_with("image-alt")),
        "{caught:?}"
    );
    c.close().await.unwrap();
    assert!(broken.is_empty(), "WCAG violations:\n{}", broken.join("\n"));
}

pub async fn fill(c: &fantoccini::Client, field: &str, text: &str) {
    c.find(Locator::Id(field))
        .await
        .unwrap()
        .send_keys(text)
        .await
        .unwrap();
}

/// Waits for the page whose heading is `want` (a click that navigates may return first).
pub async fn wait_heading(c: &fantoccini::Client, want: &str) {
    let deadline = Instant::now() + WAIT;
    loop {
        let now = match c.find(Locator::Css("h1")).await {
            Ok(h) => h.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        if now == want {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "waited for {want:?}, page says {now:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A campaigner creates a petition in the browser, supporters confirm, a moderator approves it
/// in the browser, and a member of the public signs it: the first signature after opening.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_petition_goes_from_creation_through_moderation_to_its_first_signature() {
    let mut step = Step::first("setting up");
    if !browser_available() {
        return;
    }
    let axe = axe_source();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let (_driver, driver_url) = start_driver().await;
    let profile = tempfile::tempdir().unwrap();
    let c = browser(&driver_url, &profile).await;
    let mut broken = Vec::new();

    // Sign up, and confirm the address from the email.
    step.next("Sign up, and confirm the address from the email");
    c.goto(&app.url("/account/signup")).await.unwrap();
    if let Some(axe) = &axe {
        broken.extend(wcag_violations(&c, axe).await);
    }
    fill(&c, "name", "Meera Campaigner").await;
    fill(&c, "email", "meera@example.in").await;
    fill(&c, "password", crate::people::PASSWORD).await;
    click(&c, Locator::Css("form button.primary")).await;
    wait_heading(&c, "Check your email").await;
    let mail = crate::people::mail_to(&app, "meera@example.in", "Confirm your email").await;
    c.goto(&app.url(&crate::people::link(&app, &mail, "/account/confirm/")))
        .await
        .unwrap();
    if let Some(axe) = &axe {
        broken.extend(wcag_violations(&c, axe).await);
    }
    click(&c, Locator::Css("form button.primary")).await;
    wait_heading(&c, "Your petitions").await;

    // Start a petition: typing its title suggests the similar demo petition.
    step.next("Start a petition");
    click(&c, Locator::Css("a.button.primary")).await;
    wait_heading(&c, "Start a petition").await;
    if let Some(axe) = &axe {
        broken.extend(wcag_violations(&c, axe).await);
    }
    fill(&c, "title", "Cool men never buy sex in our city").await;
    let suggestion = c
        .wait()
        .for_element(Locator::Css("#similar a[href='/petitions/1']"))
        .await;
    assert!(suggestion.is_ok(), "the similar open petition is suggested");
    fill(
        &c,
        "action",
        "Close the brothels that hold trafficked girls.",
    )
    .await;
    fill(&c, "background", "Girls are **sold** here every week.").await;
    click(&c, Locator::Id("recipient-2")).await;
    c.execute(
        "document.getElementById('goal').value = '1000'; \
         document.getElementById('closes_on').value = arguments[0]; return true;",
        vec![json!(crate::people::in_days(60))],
    )
    .await
    .unwrap();
    click(&c, Locator::Css("button[value=save]")).await;
    wait_heading(&c, "Cool men never buy sex in our city").await;
    click(&c, Locator::Css("main form button.primary")).await;
    c.wait()
        .for_element(Locator::Id("share-url"))
        .await
        .unwrap();
    let share = c
        .find(Locator::Id("share-url"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .expect("a share link");
    if let Some(axe) = &axe {
        broken.extend(wcag_violations(&c, axe).await);
    }
    let key = share.rsplit('/').next().unwrap().to_string();
    let id: i64 = c
        .current_url()
        .await
        .unwrap()
        .path()
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();

    // Five supporters confirm through the share link (by HTTP: the browser part is above).
    step.next("Five supporters confirm through the share link (by HTTP");
    for i in 0..5 {
        let email = format!("supporter{i}@example.in");
        let f = crate::helpers::with(crate::helpers::form(&email), "key", &key);
        let r = app.sign_with(id, &crate::helpers::as_refs(&f), &[]).await;
        assert_eq!(r.status(), 303);
        let mail = crate::people::mail_to(&app, &email, "Confirm").await;
        app.client
            .post(app.confirm_link(&mail))
            .send()
            .await
            .unwrap();
    }

    // Log out; a moderator sets a password from the printed link and approves it.
    step.next("Log out; a moderator sets a password from the printed link and approves it");
    click(&c, Locator::Css("a[href='/dashboard']")).await;
    wait_heading(&c, "Your petitions").await;
    click(&c, Locator::Css("form[action='/account/logout'] button")).await;
    wait_heading(&c, "Petitions").await;
    sign_in_as_staff(
        &c,
        &app,
        "mod@example.in",
        hastakshar::accounts::Role::Moderator,
        "the moderator's passphrase",
    )
    .await;
    c.goto(&app.url("/admin/moderation")).await.unwrap();
    if let Some(axe) = &axe {
        broken.extend(wcag_violations(&c, axe).await);
    }
    click(
        &c,
        Locator::Css(&format!("a[href='/admin/petitions/{id}']")),
    )
    .await;
    c.wait()
        .for_element(Locator::Id("action-approve"))
        .await
        .unwrap();
    if let Some(axe) = &axe {
        broken.extend(wcag_violations(&c, axe).await);
    }
    click(&c, Locator::Id("action-approve")).await;
    click(&c, Locator::Css("section.decision button.primary")).await;
    wait_heading(&c, "Moderation").await;

    // The public finds it open and signs it.
    step.next("The public finds it open and signs it");
    c.goto(&app.url(&format!("/petitions/{id}"))).await.unwrap();
    wait_heading(&c, "Cool men never buy sex in our city").await;
    fill(&c, "name", "Kavita Rao").await;
    fill(&c, "email", "kavita@example.in").await;
    fill(&c, "pin_code", "221001").await;
    let deadline = Instant::now() + WAIT;
    while value_of(&c, "constituency").await.is_empty() {
        assert!(
            Instant::now() < deadline,
            "the PIN code picks the constituency"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    click(&c, Locator::Id("adult")).await;
    click(&c, Locator::Css("section.sign button.primary")).await;
    wait_heading(&c, "Check your email").await;
    let mail = crate::people::mail_to(&app, "kavita@example.in", "Confirm").await;
    c.goto(&app.confirm_link(&mail)).await.unwrap();
    click(&c, Locator::Css("form button.primary")).await;
    app.wait_for_count(id, 6).await;
    c.close().await.unwrap();
    assert!(broken.is_empty(), "WCAG violations:\n{}", broken.join("\n"));
}

/// Clicks what `button` finds and waits for what `then` finds (the page it leads to).
pub async fn press(c: &fantoccini::Client, button: &str, then: &str) {
    click(c, Locator::Css(button)).await;
    c.wait().for_element(Locator::Css(then)).await.unwrap();
}

/// The page's language (`<html lang>`).
pub async fn page_lang(c: &fantoccini::Client) -> String {
    c.execute("return document.documentElement.lang;", vec![])
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_string()
}
