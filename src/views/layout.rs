//! The page frame: language, header with the language switcher, footer.

use maud::{DOCTYPE, Markup, html};

use crate::assets;
use crate::i18n::Lang;

/// What every page needs to know about the request it answers.
pub struct Ctx {
    pub lang: Lang,
    /// The local path of this page, for the language switcher to come back to.
    pub path: String,
    /// The hCaptcha site key when the captcha is on and this page has a sign form.
    pub captcha_sitekey: Option<String>,
}

impl Ctx {
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    pub fn ta(&self, key: &str, args: &[(&str, crate::i18n::Arg)]) -> String {
        self.lang.ta(key, args)
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
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (full_title) }
                link rel="stylesheet" href=(assets::url("app.css"));
                link rel="icon" href=(assets::url("favicon.svg")) type="image/svg+xml";
                script src=(assets::url("app.js")) defer {}
                @if let Some(key) = &ctx.captcha_sitekey {
                    meta name="hcaptcha-sitekey" content=(key);
                    script src={ "https://js.hcaptcha.com/1/api.js?hl=" (lang.code()) } async defer {}
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
                main #main { (body) }
                footer.site {
                    p { (lang.t("footer-privacy")) }
                    p {
                        a href=(lang.url("/privacy")) { (lang.t("footer-privacy-link")) }
                        " · "
                        a href=(lang.url("/my-data")) { (lang.t("footer-my-data")) }
                        " · "
                        a href="/petitions.json" { (lang.t("footer-api")) }
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
