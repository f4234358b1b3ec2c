//! The privacy notice at `/privacy` (and `/hi/privacy`): the itemised notice the Digital
//! Personal Data Protection Act, 2023 and the DPDP Rules, 2025 ask for, standalone and in plain
//! words, in English or Hindi. Every word is in `assets/locales/<lang>/privacy.ftl`; who holds
//! the data and how long it is kept come from the configuration (`crate::config::Privacy`).
//! Each section has an id, so that emails and forms can link to it (`/privacy#withdraw`).

use maud::{Markup, html};

use super::layout::{Ctx, page};
use crate::config::Privacy;
use crate::i18n::Arg;

/// Where a signer asks for a new "manage my signature" link.
const MY_DATA: &str = "/my-data";
/// The grievance form.
const CONTACT: &str = "/privacy/contact";
const BOARD: &str = "https://www.dpb.gov.in";

/// The sections, in order: their id (a stable anchor) and the message that heads them.
const SECTIONS: [(&str, &str); 8] = [
    ("who", "privacy-who-heading"),
    ("data", "privacy-data-heading"),
    ("sharing", "privacy-sharing-heading"),
    ("retention", "privacy-retention-heading"),
    ("consent", "privacy-consent-heading"),
    ("rights", "privacy-rights-heading"),
    ("security", "privacy-security-heading"),
    ("grievance", "privacy-grievance-heading"),
];

/// The items collected, each with the message that says why.
const ITEMS: [&str; 7] = [
    "privacy-item-name",
    "privacy-item-email",
    "privacy-item-place",
    "privacy-item-language",
    "privacy-item-consents",
    "privacy-item-signals",
    "privacy-item-emails",
];

pub fn notice(ctx: &Ctx, p: &Privacy) -> Markup {
    let lang = ctx.lang;
    let title = lang.t("privacy-title");
    let days = || ("days", Arg::Num(p.retention_days));
    let hours = |h: i64| ("hours", Arg::Num(h));
    // The wording of the form's boxes and of the emails' link, quoted as the reader saw them.
    let why = |item: &str| {
        let key = format!("{item}-why");
        match item {
            "privacy-item-name" => lang.ta(
                &key,
                &[
                    ("show", Arg::Str(lang.t("consent-show-name"))),
                    ("deliver", Arg::Str(lang.t("consent-deliver-name"))),
                ],
            ),
            "privacy-item-email" => {
                lang.ta(&key, &[("updates", Arg::Str(lang.t("consent-updates")))])
            }
            "privacy-item-consents" => {
                lang.ta(&key, &[("adult", Arg::Str(lang.t("consent-adult")))])
            }
            _ => lang.t(&key),
        }
    };
    let heading = |id: &str| {
        let key = SECTIONS
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, k)| *k)
            .unwrap_or_default();
        html! { h2 #(id) { (lang.t(key)) } }
    };
    let body = html! {
        article.privacy {
            h1 { (title) }
            p.lede { (lang.t("privacy-lede")) }

            section.notice #summary aria-labelledby="summary-heading" {
                h2 #summary-heading { (lang.t("privacy-summary-heading")) }
                ul {
                    li { (lang.t("privacy-summary-email")) }
                    li { (lang.t("privacy-summary-name")) }
                    li { (lang.ta("privacy-summary-retention", &[days()])) }
                    li { (lang.t("privacy-summary-rights")) }
                }
            }

            nav aria-labelledby="contents-heading" {
                h2 #contents-heading { (lang.t("privacy-contents")) }
                ol {
                    @for (id, key) in SECTIONS {
                        li { a href={ "#" (id) } { (lang.t(key)) } }
                    }
                }
            }

            section aria-labelledby="who" {
                (heading("who"))
                p { (lang.ta("privacy-who-body", &[("org", Arg::Str(p.org_name.clone()))])) }
                address {
                    strong { (p.org_name) }
                    br;
                    (p.org_address)
                }
                p { (lang.t("privacy-who-scope")) }
            }

            section aria-labelledby="data" {
                (heading("data"))
                p { (lang.t("privacy-data-intro")) }
                dl {
                    @for item in ITEMS {
                        dt { strong { (lang.t(item)) } }
                        dd { (why(item)) }
                    }
                }
            }

            section aria-labelledby="sharing" {
                (heading("sharing"))
                ul {
                    li { (lang.t("privacy-sharing-public")) }
                    li { (lang.t("privacy-sharing-recipients")) }
                    li { (lang.t("privacy-sharing-staff")) }
                }
                p { (lang.t("privacy-sharing-never")) }
            }

            section aria-labelledby="retention" {
                (heading("retention"))
                p { (lang.ta("privacy-retention-signers", &[days()])) }
                p { (lang.t("privacy-retention-emails")) }
                p { (lang.t("privacy-retention-audit")) }
                p { (lang.t("privacy-retention-sooner")) }
            }

            section aria-labelledby="consent" {
                (heading("consent"))
                p { (lang.t("privacy-consent-separate")) }
                p { (lang.t("privacy-consent-age")) }
            }

            section aria-labelledby="rights" {
                (heading("rights"))
                h3 #withdraw { (lang.t("privacy-withdraw-heading")) }
                p { (lang.ta("privacy-withdraw-how", &[("link", Arg::Str(lang.t("email-manage-link")))])) }
                p { (lang.ta("privacy-withdraw-new-link", &[hours(p.manage_link_hours)])) }
                p { a href=(lang.url(MY_DATA)) { (lang.t("privacy-withdraw-new-link-action")) } }
                p { (lang.t("privacy-withdraw-before")) }
                h3 #your-rights { (lang.t("privacy-rights-list-heading")) }
                ul {
                    li { (lang.t("privacy-right-access")) }
                    li { (lang.t("privacy-right-correct")) }
                    li { (lang.t("privacy-right-grievance")) }
                    li { (lang.t("privacy-right-nominate")) }
                    li { (lang.t("privacy-right-withdraw")) }
                }
                p { (lang.t("privacy-rights-other")) }
                p.hint { (lang.t("privacy-duty")) }
            }

            section aria-labelledby="security" {
                (heading("security"))
                p { (lang.t("privacy-security-encrypted")) }
                p { (lang.t("privacy-security-exports")) }
                p { (lang.t("privacy-security-breach")) }
            }

            section aria-labelledby="grievance" {
                (heading("grievance"))
                p { (lang.ta("privacy-grievance-officer", &[("officer", Arg::Str(p.grievance_officer.clone()))])) }
                dl.found {
                    dt { (lang.t("privacy-grievance-email-label")) }
                    dd { a href={ "mailto:" (p.grievance_email) } { (p.grievance_email) } }
                    dt { (lang.t("privacy-grievance-form-label")) }
                    dd { a href=(lang.url(CONTACT)) { (lang.t("privacy-grievance-form-link")) } }
                }
                p { (lang.t("privacy-grievance-time")) }
                p {
                    (lang.t("privacy-grievance-board")) " "
                    a href=(BOARD) rel="external" { (lang.t("privacy-grievance-board-link")) }
                }
            }

            p.hint { (lang.t("privacy-version")) }
        }
    };
    page(ctx, &title, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn ids(ftl: &str) -> std::collections::BTreeSet<&str> {
        ftl.lines()
            .filter_map(|l| l.split_once(" = ").map(|(id, _)| id))
            .filter(|id| !id.starts_with(char::is_whitespace) && !id.starts_with('#'))
            .collect()
    }

    #[test]
    fn both_languages_have_the_same_messages() {
        let en = ids(include_str!("../../assets/locales/en/privacy.ftl"));
        let hi = ids(include_str!("../../assets/locales/hi/privacy.ftl"));
        assert_eq!(en, hi);
        assert!(en.iter().all(|id| id.starts_with("privacy-")));
    }

    #[test]
    fn the_notice_says_who_how_long_and_where_to_complain() {
        let p = Privacy::for_tests();
        for lang in Lang::ALL {
            let ctx = Ctx {
                lang,
                path: "/privacy".into(),
                captcha_sitekey: None,
                staff: None,
                done: None,
                share: None,
            };
            let html = notice(&ctx, &p).into_string();
            assert!(
                !html.contains("privacy-"),
                "a message is missing in {lang:?}"
            );
            for needle in [
                "Hastakshar Trust",
                "12 Example Road",
                "mailto:grievance@example.org",
                "180",
                "168",
                "id=\"withdraw\"",
                "id=\"rights\"",
                "id=\"grievance\"",
                "https://www.dpb.gov.in",
            ] {
                assert!(html.contains(needle), "{needle} not in the {lang:?} notice");
            }
            assert!(html.contains(&format!("href=\"{}\"", lang.url("/my-data"))));
            assert!(html.contains(&format!("href=\"{}\"", lang.url("/privacy/contact"))));
        }
    }
}
