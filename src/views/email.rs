//! Emails: a plain-text and an HTML part written from one list of blocks, in the signer's
//! language.

use maud::{DOCTYPE, html};

use crate::i18n::{Arg, Lang};

pub struct Email {
    pub subject: String,
    pub text: String,
    pub html: String,
}

enum Block {
    Para(String),
    /// The call to action: a button in HTML, the bare link in text.
    Button {
        label: String,
        url: String,
    },
    /// A line of words followed by a link.
    Link {
        words: String,
        url: String,
    },
}

fn compose(lang: Lang, subject: String, blocks: &[Block]) -> Email {
    let footer = lang.t("email-footer");
    let mut text = String::new();
    for b in blocks {
        match b {
            Block::Para(p) => text.push_str(p),
            Block::Button { url, .. } => text.push_str(url),
            Block::Link { words, url } => {
                text.push_str(words);
                text.push('\n');
                text.push_str(url);
            }
        }
        text.push_str("\n\n");
    }
    text.push_str("-- \n");
    text.push_str(&footer);
    text.push('\n');
    let html = html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head { meta charset="utf-8"; }
            body style="font-family: 'Noto Sans Devanagari', 'Noto Sans', Arial, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 36em;" {
                @for b in blocks {
                    @match b {
                        Block::Para(p) => p { (p) },
                        Block::Button { label, url } => {
                            p {
                                a href=(url) style="display: inline-block; padding: 0.6em 1.2em; background: #8a1538; color: #fff; text-decoration: none; border-radius: 4px;" { (label) }
                            }
                            p { (lang.t("email-link-fallback")) br; a href=(url) { (url) } }
                        },
                        Block::Link { words, url } => p { (words) br; a href=(url) { (url) } },
                    }
                }
                hr;
                p style="color: #555; font-size: 0.9em" { (footer) }
            }
        }
    }
    .into_string();
    Email {
        subject,
        text,
        html,
    }
}

fn with_title(lang: Lang, key: &str, title: &str) -> String {
    lang.ta(key, &[("title", Arg::Str(title.to_string()))])
}

pub fn confirm_signature(lang: Lang, title: &str, link: &str, petition_url: &str) -> Email {
    compose(
        lang,
        with_title(lang, "email-confirm-subject", title),
        &[
            Block::Para(lang.t("email-greeting")),
            Block::Para(with_title(lang, "email-confirm-intro", title)),
            Block::Button {
                label: lang.t("email-confirm-button"),
                url: link.to_string(),
            },
            Block::Para(lang.t("email-confirm-only-then")),
            Block::Link {
                words: lang.t("email-petition-link"),
                url: petition_url.to_string(),
            },
            Block::Para(lang.t("email-not-you")),
        ],
    )
}

pub fn already_signed(lang: Lang, title: &str, petition_url: &str) -> Email {
    compose(
        lang,
        with_title(lang, "email-already-subject", title),
        &[
            Block::Para(lang.t("email-greeting")),
            Block::Para(with_title(lang, "email-already-body", title)),
            Block::Link {
                words: lang.t("email-share-prompt"),
                url: petition_url.to_string(),
            },
            Block::Para(lang.t("email-not-you")),
        ],
    )
}
