//! The page frame: language, header with the language switcher, footer.

use maud::{DOCTYPE, Markup, html};

use crate::accounts::Role;
use crate::assets;
use crate::i18n::Lang;

/// What every page needs to know about the request it answers.
pub struct Ctx {
    pub lang: Lang,
    /// The local path of this page, for the language switcher to come back to.
    pub path: String,
    /// The hCaptcha site key when the captcha is on and this page has a sign form.
    pub captcha_sitekey: Option<String>,
    /// A staff member's role on a page behind the login (`None` on every public page, which
    /// is shared): they get the staff navigation bar.
    pub staff: Option<Role>,
    /// What the action just taken did, said at the top of the page it led to (`done_message`).
    pub done: Option<String>,
    /// How a link to this page shows where it is pasted (a petition's page).
    pub share: Option<Share>,
}

/// A page's card where its link is pasted (WhatsApp, X, Facebook, Telegram): Open Graph and
/// Twitter's tags, every URL absolute.
#[derive(Debug, Clone)]
pub struct Share {
    pub title: String,
    pub description: String,
    pub url: String,
    /// The petition's share card (`/petitions/{id}/card.png`, 1200 x 630), whose words are
    /// the title's.
    pub card: String,
}

/// The staff pages, in the bar's order, with the role each needs (as declared in
/// `web::routes`) and its label; the bar shows a member of staff the ones their role opens.
pub const STAFF_PAGES: [(&str, Role, &str); 9] = [
    ("/admin/moderation", Role::Moderator, "staff-nav-moderation"),
    ("/admin/petitions", Role::Moderator, "staff-nav-petitions"),
    ("/admin/recipients", Role::Moderator, "staff-nav-recipients"),
    ("/admin/letters", Role::Moderator, "staff-nav-letters"),
    ("/admin/rules", Role::Admin, "staff-nav-rules"),
    ("/admin/privacy", Role::Admin, "staff-nav-privacy"),
    ("/admin/users", Role::Admin, "staff-nav-users"),
    ("/admin/api-tokens", Role::Admin, "staff-nav-tokens"),
    ("/admin/audit", Role::Admin, "staff-nav-audit"),
];

/// What an action's redirect may ask the next page to say: `?done=<key>` with up to two whole
/// numbers (`n`, `missing`); the words are the message `done-<key>`. Anything else in the
/// query is ignored, so a link cannot make the site say what it likes.
const DONE: [&str; 18] = [
    "approve",
    "changes",
    "reject",
    "hide",
    "update-approved",
    "update-rejected",
    "role",
    "featured",
    "unfeatured",
    "queued",
    "dry-run",
    "retried",
    "saved",
    "image-saved",
    "image-removed",
    "response-recorded",
    "threshold-saved",
    "token-revoked",
];

/// The message for a `?done=` query, in `lang`, if the query names one.
pub fn done_message(lang: Lang, query: &str) -> Option<String> {
    let mut key = None;
    let mut n = 0i64;
    let mut missing = 0i64;
    for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
        match &*k {
            "done" => key = DONE.iter().find(|d| **d == v).copied(),
            "n" => n = v.parse().unwrap_or(0),
            "missing" => missing = v.parse().unwrap_or(0),
            _ => {}
        }
    }
    key.map(|k| {
        lang.ta(
            &format!("done-{k}"),
            &[
                ("n", crate::i18n::Arg::Num(n)),
                ("shown", crate::i18n::Arg::Str(lang.number(n))),
                ("missing", crate::i18n::Arg::Num(missing)),
                ("missing_shown", crate::i18n::Arg::Str(lang.number(missing))),
            ],
        )
    })
}

fn staff_nav(ctx: &Ctx, role: Role) -> Markup {
    let lang = ctx.lang;
    let path = ctx.path.split('?').next().unwrap_or_default();
    let current = Lang::split_path(path).map_or(path.to_string(), |(_, rest)| rest);
    html! {
        nav.staff aria-label=(lang.t("staff-nav")) {
            ul {
                @for (path, _, key) in STAFF_PAGES.iter().filter(|(_, needs, _)| role >= *needs) {
                    @let here = current == *path || current.starts_with(&format!("{path}/"));
                    li { a href=(path) aria-current=[here.then_some("page")] { (lang.t(key)) } }
                }
            }
        }
    }
}

impl Ctx {
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    pub fn ta(&self, key: &str, args: &[(&str, crate::i18n::Arg)]) -> String {
        self.lang.ta(key, args)
    }
}

/// What every page's head has: its encoding, the phone's viewport, its title, the site's styles
/// and script, and hCaptcha's where the page has a form that asks for it.
fn head_basics(ctx: &Ctx, full_title: &str) -> Markup {
    html! {
        meta charset="utf-8";
        meta name="viewport" content="width=device-width, initial-scale=1";
        title { (full_title) }
        link rel="stylesheet" href=(assets::url("app.css"));
        script src=(assets::url("app.js")) defer {}
        @if let Some(key) = &ctx.captcha_sitekey {
            meta name="hcaptcha-sitekey" content=(key);
            script src={ "https://js.hcaptcha.com/1/api.js?hl=" (ctx.lang.code()) } async defer {}
        }
    }
}

pub fn page(ctx: &Ctx, title: &str, body: Markup) -> Markup {
    let lang = ctx.lang;
    let site = lang.t("site-name");
    let full_title = if title.is_empty() {
        site.clone()
    } else {
        format!("{title} · {site}")
    };
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                (head_basics(ctx, &full_title))
                link rel="icon" href=(assets::url("favicon.svg")) type="image/svg+xml";
                link rel="apple-touch-icon" href=(assets::url("apple-touch-icon.png"));
                link rel="manifest" href="/manifest.webmanifest";
                meta name="theme-color" content="#8a1538";
                @if let Some(s) = &ctx.share {
                    link rel="canonical" href=(s.url);
                    meta name="description" content=(s.description);
                    meta property="og:type" content="website";
                    meta property="og:site_name" content=(site);
                    meta property="og:locale" content=(format!("{}_IN", lang.code()));
                    meta property="og:title" content=(s.title);
                    meta property="og:description" content=(s.description);
                    meta property="og:url" content=(s.url);
                    meta property="og:image" content=(s.card);
                    meta property="og:image:type" content="image/png";
                    meta property="og:image:width" content="1200";
                    meta property="og:image:height" content="630";
                    meta property="og:image:alt" content=(s.title);
                    meta name="twitter:card" content="summary_large_image";
                }
            }
            body {
                a.skip href="#main" { (lang.t("skip-to-content")) }
                header.site {
                    a.brand href=(lang.url("/")) { span.mark aria-hidden="true" { "✍" } " " (site) }
                    // The same for everyone (pages are cached and shared): the dashboard asks
                    // for a login when there is none.
                    nav.account aria-label=(lang.t("account-menu")) {
                        a href="/petitions/new" { (lang.t("start-petition")) }
                        " "
                        a href="/dashboard" { (lang.t("account-menu")) }
                    }
                    nav.langs aria-label=(lang.t("language")) {
                        @for other in Lang::ALL {
                            @if other == lang {
                                span.current lang=(other.code()) aria-current="true" { (other.endonym()) }
                            } @else {
                                a lang=(other.code()) hreflang=(other.code())
                                    href={ "/lang/" (other.code()) "?next=" (urlencode(&ctx.path)) } { (other.endonym()) }
                            }
                        }
                    }
                }
                @if let Some(role) = ctx.staff.filter(|r| r.is_staff()) { (staff_nav(ctx, role)) }
                main #main {
                    @if let Some(done) = &ctx.done {
                        p.notice.done role="status" { (done) }
                    }
                    (body)
                }
                footer.site {
                    p { (lang.t("footer-privacy")) }
                    p {
                        a href=(lang.url("/privacy")) { (lang.t("footer-privacy-link")) }
                        " · "
                        a href=(lang.url("/my-data")) { (lang.t("footer-my-data")) }
                        " · "
                        a href=(lang.url("/representatives")) { (lang.t("footer-representatives")) }
                        " · "
                        a href="/petitions.json" { (lang.t("footer-api")) }
                    }
                }
            }
        }
    }
}

/// A page made to sit in a partner's iframe (`/petitions/{id}/embed`): the site's styles and
/// script, none of its navigation (a link out opens a new tab), nothing that sets a cookie.
pub fn framed(ctx: &Ctx, title: &str, body: Markup) -> Markup {
    let lang = ctx.lang;
    let site = lang.t("site-name");
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head { (head_basics(ctx, &format!("{title} · {site}"))) }
            body.framed {
                main #main { (body) }
                footer.framed {
                    p {
                        a href=(lang.url("/")) target="_blank" rel="noopener" { (site) }
                        " · "
                        a href=(lang.url("/privacy")) target="_blank" rel="noopener" { (lang.t("footer-privacy-link")) }
                    }
                }
            }
        }
    }
}

/// `s` for a URL's query, spaces as `%20`: a `mailto:` link's subject and body are not form
/// data, and mail programs show a `+` as it is (RFC 6068); every other reader takes `%20` too.
pub fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}
