//! Emails: a plain-text and an HTML part, in the signer's language.

use maud::{DOCTYPE, Markup, html};

use crate::i18n::{Arg, Lang};

pub struct Email {
    pub subject: String,
    pub text: String,
    pub html: String,
}

fn frame(lang: Lang, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head { meta charset="utf-8"; }
            body style="font-family: 'Noto Sans Devanagari', 'Noto Sans', Arial, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 36em;" {
                (body)
                hr;
                p style="color: #555; font-size: 0.9em" { (lang.t("email-footer")) }
            }
        }
    }
    .into_string()
}

pub fn confirm_signature(lang: Lang, title: &str, link: &str, petition_url: &str) -> Email {
    let t = |k: &str| lang.ta(k, &[("title", Arg::Str(title.to_string()))]);
    let subject = t("email-confirm-subject");
    let text = format!(
        "{}\n\n{}\n\n{link}\n\n{}\n\n{}\n{petition_url}\n\n-- \n{}\n",
        lang.t("email-greeting"),
        t("email-confirm-intro"),
        lang.t("email-confirm-only-then"),
        lang.t("email-not-you"),
        lang.t("email-footer"),
    );
    let html = frame(
        lang,
        html! {
            p { (lang.t("email-greeting")) }
            p { (t("email-confirm-intro")) }
            p {
                a href=(link) style="display: inline-block; padding: 0.6em 1.2em; background: #8a1538; color: #fff; text-decoration: none; border-radius: 4px;" {
                    (lang.t("email-confirm-button"))
                }
            }
            p { (lang.t("email-link-fallback")) br; a href=(link) { (link) } }
            p { (lang.t("email-confirm-only-then")) }
            p { (lang.t("email-not-you")) }
        },
    );
    Email {
        subject,
        text,
        html,
    }
}

pub fn already_signed(lang: Lang, title: &str, petition_url: &str) -> Email {
    let t = |k: &str| lang.ta(k, &[("title", Arg::Str(title.to_string()))]);
    let subject = t("email-already-subject");
    let text = format!(
        "{}\n\n{}\n\n{}\n{petition_url}\n\n{}\n\n-- \n{}\n",
        lang.t("email-greeting"),
        t("email-already-body"),
        lang.t("email-share-prompt"),
        lang.t("email-not-you"),
        lang.t("email-footer"),
    );
    let html = frame(
        lang,
        html! {
            p { (lang.t("email-greeting")) }
            p { (t("email-already-body")) }
            p { (lang.t("email-share-prompt")) br; a href=(petition_url) { (petition_url) } }
            p { (lang.t("email-not-you")) }
        },
    );
    Email {
        subject,
        text,
        html,
    }
}
