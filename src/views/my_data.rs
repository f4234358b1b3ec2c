//! "Manage my signature": asking for a link (`/my-data`), and the page behind it, where a signer
//! withdraws a signature, changes what it consents to, downloads everything held about their
//! address, or erases it.

use maud::{Markup, html};

use super::forms::{Fields, Input};
use super::layout::{Ctx, page};
use crate::db::privacy::Standing;
use crate::forms::{Form, Problems};
use crate::i18n::{Arg, Lang};

/// The form that asks for a link; `sent` once a request went through (the page then says the
/// same whether or not the address has signed).
pub fn request(ctx: &Ctx, form: &Form, problems: &Problems, sent: bool, hours: i64) -> Markup {
    let lang = ctx.lang;
    let f = Fields {
        lang,
        form,
        problems,
    };
    let title = lang.t("mydata-title");
    page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            @if sent {
                div.notice role="status" {
                    h2 { (lang.t("mydata-sent-heading")) }
                    p { (lang.ta("mydata-sent-body", &[("hours", Arg::Num(hours))])) }
                }
            }
            p { (lang.t("mydata-intro")) }
            (f.summary(&[("email", lang.t("mydata-email-label"))]))
            form method="post" action=(lang.url("/my-data")) novalidate {
                (f.input(Input::new("email", lang.t("mydata-email-label"))
                    .kind("email")
                    .autocomplete("email")
                    .hint(lang.t("mydata-email-hint"))))
                button.primary type="submit" { (lang.t("mydata-send-button")) }
            }
            p.hint { a href=(lang.url("/privacy")) { (lang.t("mydata-privacy-link")) } }
        },
    )
}

/// A signature as the manage page shows it.
pub struct Row {
    pub id: i64,
    pub petition_id: i64,
    pub title: String,
    pub name: String,
    pub signed: String,
    pub standing: Standing,
    pub show_name: bool,
    pub deliver_name: bool,
    pub updates: bool,
}

pub struct Manage<'a> {
    /// The link's own path (in the reader's language), which every button posts to.
    pub action: &'a str,
    pub rows: &'a [Row],
    /// What the last action did, said at the top.
    pub notice: Option<String>,
    pub problems: &'a Problems,
}

/// Where a signature stands, in words.
pub fn standing(lang: Lang, s: Standing) -> String {
    lang.t(match s {
        Standing::Pending => "mydata-standing-pending",
        Standing::Counted => "mydata-standing-counted",
        Standing::Held => "mydata-standing-held",
        Standing::Withdrawn => "mydata-standing-withdrawn",
        Standing::Invalidated => "mydata-standing-invalidated",
    })
}

pub fn manage(ctx: &Ctx, m: &Manage<'_>) -> Markup {
    let lang = ctx.lang;
    let title = lang.t("mydata-manage-title");
    let confirm_form = Form::default();
    let f = Fields {
        lang,
        form: &confirm_form,
        problems: m.problems,
    };
    page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            @if let Some(n) = &m.notice {
                div.notice role="status" { p { (n) } }
            }
            (f.summary(&[("confirm", lang.t("mydata-erase-confirm"))]))
            @if m.rows.is_empty() {
                p { (lang.t("mydata-none")) }
            } @else {
                p { (lang.ta("mydata-manage-intro", &[("count", Arg::Num(m.rows.len() as i64))])) }
            }
            @for r in m.rows {
                section.signature aria-labelledby={ "sig-" (r.id) } {
                    h2 id={ "sig-" (r.id) } {
                        a href=(lang.url(&format!("/petitions/{}", r.petition_id))) { (r.title) }
                    }
                    dl {
                        dt { (lang.t("mydata-name")) } dd { (r.name) }
                        dt { (lang.t("mydata-signed")) } dd { (r.signed) }
                        dt { (lang.t("mydata-standing")) } dd { (standing(lang, r.standing)) }
                    }
                    @let live = matches!(r.standing, Standing::Pending | Standing::Counted | Standing::Held);
                    @if live {
                    form method="post" action={ (m.action) "/consents" } {
                        input type="hidden" name="signature" value=(r.id);
                        fieldset.consents {
                            legend { (lang.t("consents-legend")) }
                            @for (field, key, on) in [
                                ("show_name", "consent-show-name", r.show_name),
                                ("deliver_name", "consent-deliver-name", r.deliver_name),
                                ("updates", "consent-updates", r.updates),
                            ] {
                                div.check {
                                    input type="checkbox" id={ (field) "-" (r.id) } name=(field) value="on" checked[on];
                                    label for={ (field) "-" (r.id) } { (lang.t(key)) }
                                }
                            }
                        }
                        button.secondary type="submit" { (lang.t("mydata-save-button")) }
                    }
                    form method="post" action={ (m.action) "/withdraw" } {
                        input type="hidden" name="signature" value=(r.id);
                        button.danger type="submit" { (lang.t("mydata-withdraw-button")) }
                    }
                    }
                }
            }
            section aria-labelledby="download-heading" {
                h2 #download-heading { (lang.t("mydata-download-heading")) }
                p { (lang.t("mydata-download-body")) }
                form method="post" action={ (m.action) "/download" } {
                    button.secondary type="submit" { (lang.t("mydata-download-button")) }
                }
            }
            section aria-labelledby="erase-heading" {
                h2 #erase-heading { (lang.t("mydata-erase-heading")) }
                p { (lang.t("mydata-erase-body")) }
                form method="post" action={ (m.action) "/erase" } novalidate {
                    @let invalid = m.problems.of("confirm").is_some();
                    div.check.invalid[invalid] {
                        @if invalid {
                            p.error id="confirm-error" { (lang.t("mydata-erase-confirm-needed")) }
                        }
                        input type="checkbox" id="confirm" name="confirm" value="on"
                            aria-invalid=[invalid.then_some("true")]
                            aria-describedby=[invalid.then_some("confirm-error")];
                        label for="confirm" { (lang.t("mydata-erase-confirm")) }
                    }
                    button.danger type="submit" { (lang.t("mydata-erase-button")) }
                }
            }
            p.hint { a href=(lang.url("/privacy")) { (lang.t("mydata-privacy-link")) } }
        },
    )
}

/// A link past its time: one button sends a new one to the same inbox.
pub fn expired(ctx: &Ctx, action: &str) -> Markup {
    let lang = ctx.lang;
    let title = lang.t("mydata-expired-title");
    page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p { (lang.t("mydata-expired-body")) }
            form method="post" action={ (action) "/renew" } {
                button.primary type="submit" { (lang.t("mydata-send-button")) }
            }
        },
    )
}

/// After a new link was asked for from an expired one, or everything was erased.
pub fn done(ctx: &Ctx, heading_key: &str, body: String) -> Markup {
    let lang = ctx.lang;
    let title = lang.t(heading_key);
    page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p { (body) }
            p { a href=(lang.url("/")) { (lang.t("mydata-home-link")) } }
        },
    )
}
