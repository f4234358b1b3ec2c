//! Emails: a plain-text and an HTML part written from one list of blocks, in the signer's
//! language.

use maud::{DOCTYPE, html};

use crate::db::outbox::{MailKind, NewEmail};
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

/// Who an email is for, as its footer needs: their language, the privacy notice in it, and for
/// a signer the link that manages every signature of their address.
#[derive(Debug, Clone)]
pub struct To {
    pub lang: Lang,
    pub privacy_url: String,
    pub manage_url: Option<String>,
}

impl To {
    pub fn new(lang: Lang, base_url: &str) -> To {
        To {
            lang,
            privacy_url: format!("{base_url}{}", lang.url("/privacy")),
            manage_url: None,
        }
    }

    /// To a signer, whose every email carries "manage my signature".
    pub fn signer(lang: Lang, base_url: &str, manage_url: String) -> To {
        To {
            manage_url: Some(manage_url),
            ..To::new(lang, base_url)
        }
    }
}

impl Email {
    /// This email as an outbox row of `kind` to `recipient`.
    pub fn outbox(self, kind: MailKind, recipient: &str) -> NewEmail {
        NewEmail {
            kind,
            recipient: recipient.to_string(),
            subject: self.subject,
            body_text: self.text,
            body_html: self.html,
            unsubscribe_url: None,
        }
    }
}

fn compose(to: &To, subject: String, blocks: &[Block]) -> Email {
    let lang = to.lang;
    let footer = lang.t("email-footer");
    let mut links = vec![(lang.t("email-privacy-link"), to.privacy_url.as_str())];
    if let Some(m) = &to.manage_url {
        links.push((lang.t("email-manage-link"), m.as_str()));
    }
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
    for (words, url) in &links {
        text.push_str(&format!("{words}: {url}\n"));
    }
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
                p style="color: #555; font-size: 0.9em" {
                    @for (i, (words, url)) in links.iter().enumerate() {
                        @if i > 0 { " · " }
                        a href=(url) style="color: #555" { (words) }
                    }
                }
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

pub fn confirm_signature(to: &To, title: &str, link: &str, petition_url: &str) -> Email {
    let lang = to.lang;
    compose(
        to,
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

pub fn already_signed(to: &To, title: &str, petition_url: &str) -> Email {
    let lang = to.lang;
    compose(
        to,
        with_title(lang, "email-already-subject", title),
        &[
            Block::Para(lang.t("email-greeting")),
            Block::Para(with_title(lang, "email-already-body", title)),
            Block::Link {
                words: lang.t("email-share-prompt"),
                url: petition_url.to_string(),
            },
            Block::Para(lang.t("email-already-not-you")),
        ],
    )
}

/// The confirmation for a supporter of a petition still gathering its first supporters. Its
/// title has not been through moderation, so it is not written into an email that anyone can
/// have sent to any address: the page behind the link shows the petition.
pub fn confirm_support(to: &To, link: &str) -> Email {
    let lang = to.lang;
    compose(
        to,
        lang.t("email-support-subject"),
        &[
            Block::Para(lang.t("email-greeting")),
            Block::Para(lang.t("email-support-intro")),
            Block::Button {
                label: lang.t("email-support-button"),
                url: link.to_string(),
            },
            Block::Para(lang.t("email-confirm-only-then")),
            Block::Para(lang.t("email-not-you")),
        ],
    )
}

/// "Already counted", for a supporter of a petition still gathering supporters (no title, as
/// above).
pub fn already_supported(to: &To) -> Email {
    let lang = to.lang;
    compose(
        to,
        lang.t("email-support-already-subject"),
        &[
            Block::Para(lang.t("email-greeting")),
            Block::Para(lang.t("email-support-already-body")),
            Block::Para(lang.t("email-already-not-you")),
        ],
    )
}

pub fn account_confirm(to: &To, name: &str, link: &str) -> Email {
    let lang = to.lang;
    compose(
        to,
        lang.t("email-account-confirm-subject"),
        &[
            Block::Para(lang.ta("email-hello-name", &[("name", Arg::Str(name.to_string()))])),
            Block::Para(lang.t("email-account-confirm-body")),
            Block::Button {
                label: lang.t("email-account-confirm-button"),
                url: link.to_string(),
            },
            Block::Para(lang.t("email-account-not-you")),
        ],
    )
}

/// Someone tried to open an account with an address that has one: tell its owner, not them.
pub fn account_exists(to: &To, login_url: &str, reset_url: &str) -> Email {
    let lang = to.lang;
    compose(
        to,
        lang.t("email-account-exists-subject"),
        &[
            Block::Para(lang.t("email-greeting")),
            Block::Para(lang.t("email-account-exists-body")),
            Block::Link {
                words: lang.t("email-account-exists-login"),
                url: login_url.to_string(),
            },
            Block::Link {
                words: lang.t("email-account-exists-reset"),
                url: reset_url.to_string(),
            },
            Block::Para(lang.t("email-account-not-you")),
        ],
    )
}

pub fn password_reset(to: &To, link: &str, hours: i64) -> Email {
    let lang = to.lang;
    compose(
        to,
        lang.t("email-reset-subject"),
        &[
            Block::Para(lang.t("email-greeting")),
            Block::Para(lang.ta("email-reset-body", &[("hours", Arg::Num(hours))])),
            Block::Button {
                label: lang.t("email-reset-button"),
                url: link.to_string(),
            },
            Block::Para(lang.t("email-reset-not-you")),
        ],
    )
}

/// What happened to a creator's petition: `event` names the Fluent messages
/// `email-{event}-subject` and `email-{event}-body`, which take the title and a count.
pub fn creator_notice(
    to: &To,
    event: &str,
    title: &str,
    count: i64,
    note: Option<&str>,
    link: &str,
) -> Email {
    let lang = to.lang;
    let args = [
        ("title", Arg::Str(title.to_string())),
        ("count", Arg::Num(count)),
    ];
    let mut blocks = vec![
        Block::Para(lang.t("email-greeting")),
        Block::Para(lang.ta(&format!("email-{event}-body"), &args)),
    ];
    if let Some(n) = note.filter(|n| !n.trim().is_empty()) {
        blocks.push(Block::Para(format!(
            "{}\n{n}",
            lang.t("email-moderator-note")
        )));
    }
    blocks.push(Block::Link {
        words: lang.t("email-open-petition"),
        url: link.to_string(),
    });
    compose(
        to,
        lang.ta(&format!("email-{event}-subject"), &args),
        &blocks,
    )
}

/// An update from a petition's creator to a signer who asked for news, with a way out.
pub fn petition_update(
    to: &To,
    petition_title: &str,
    update_title: &str,
    body_markdown: &str,
    petition_url: &str,
    unsubscribe_url: &str,
) -> Email {
    let lang = to.lang;
    let mut blocks = vec![Block::Para(lang.ta(
        "email-update-intro",
        &[("title", Arg::Str(petition_title.to_string()))],
    ))];
    blocks.push(Block::Para(update_title.to_string()));
    for para in crate::markdown::to_plain(body_markdown).split("\n\n") {
        blocks.push(Block::Para(para.to_string()));
    }
    blocks.push(Block::Link {
        words: lang.t("email-petition-link"),
        url: petition_url.to_string(),
    });
    blocks.push(Block::Link {
        words: lang.t("email-unsubscribe"),
        url: unsubscribe_url.to_string(),
    });
    compose(to, format!("{update_title} · {petition_title}"), &blocks)
}

/// The email that carries a delivery pack to a member of Parliament or a ministry.
pub fn pack(to: &To, name: &str, title: &str, count: i64, petition_url: &str) -> Email {
    let lang = to.lang;
    let args = [
        ("name", Arg::Str(name.to_string())),
        ("title", Arg::Str(title.to_string())),
        ("count", Arg::Num(count)),
    ];
    compose(
        to,
        lang.ta("email-pack-subject", &args),
        &[
            Block::Para(lang.ta("email-pack-greeting", &args)),
            Block::Para(lang.ta("email-pack-body", &args)),
            Block::Link {
                words: lang.t("email-petition-link"),
                url: petition_url.to_string(),
            },
        ],
    )
}

/// To moderators: a petition is being signed much faster than it was.
pub fn spike_alert(
    to: &To,
    title: &str,
    recent_per_minute: f64,
    trailing_per_minute: f64,
    console_url: &str,
) -> Email {
    let lang = to.lang;
    let args = [
        ("title", Arg::Str(title.to_string())),
        ("recent", Arg::Str(format!("{recent_per_minute:.1}"))),
        ("trailing", Arg::Str(format!("{trailing_per_minute:.1}"))),
    ];
    compose(
        to,
        lang.ta("email-spike-subject", &args),
        &[
            Block::Para(lang.ta("email-spike-body", &args)),
            Block::Link {
                words: lang.t("email-spike-console"),
                url: console_url.to_string(),
            },
        ],
    )
}

/// The "manage my signature" link someone asked for at /my-data (the footer carries it too).
pub fn manage_link(to: &To, link: &str, hours: i64) -> Email {
    let lang = to.lang;
    compose(
        to,
        lang.t("email-manage-subject"),
        &[
            Block::Para(lang.t("email-greeting")),
            Block::Para(lang.t("email-manage-body")),
            Block::Button {
                label: lang.t("email-manage-button"),
                url: link.to_string(),
            },
            Block::Para(lang.ta("email-manage-expiry", &[("hours", Arg::Num(hours))])),
            Block::Para(lang.t("email-manage-not-you")),
        ],
    )
}

/// A request to the grievance officer was received: its reference and the date it will be
/// answered by.
pub fn privacy_received(to: &To, reference: i64, due: &str) -> Email {
    let lang = to.lang;
    let args = [
        ("reference", Arg::Num(reference)),
        ("due", Arg::Str(due.to_string())),
    ];
    compose(
        to,
        lang.ta("email-privreq-received-subject", &args),
        &[
            Block::Para(lang.t("email-greeting")),
            Block::Para(lang.ta("email-privreq-received-body", &args)),
        ],
    )
}

/// The grievance officer's answer to a request.
pub fn privacy_answer(to: &To, reference: i64, answer: &str) -> Email {
    let lang = to.lang;
    let args = [("reference", Arg::Num(reference))];
    let mut blocks = vec![
        Block::Para(lang.t("email-greeting")),
        Block::Para(lang.ta("email-privreq-answer-intro", &args)),
    ];
    for para in answer.split("\n\n") {
        blocks.push(Block::Para(para.to_string()));
    }
    compose(to, lang.ta("email-privreq-answer-subject", &args), &blocks)
}

/// The link that deletes a campaigner's account, to its inbox.
pub fn account_delete(to: &To, link: &str, hours: i64) -> Email {
    let lang = to.lang;
    compose(
        to,
        lang.t("email-account-delete-subject"),
        &[
            Block::Para(lang.t("email-greeting")),
            Block::Para(lang.ta("email-account-delete-body", &[("hours", Arg::Num(hours))])),
            Block::Button {
                label: lang.t("account-delete-button"),
                url: link.to_string(),
            },
            Block::Para(lang.t("email-account-not-you")),
        ],
    )
}
