//! Writing to the grievance officer (`/privacy/contact`), and the staff page that answers
//! (`/admin/privacy`): requests with the 90-day clock, and what is held for one address.

use maud::{Markup, html};

use super::forms::{Fields, Input};
use super::layout::{Ctx, page};
use crate::db::privacy::{Held, Sent, Standing};
use crate::db::privacy_requests::{KINDS, Request, STATUSES};
use crate::forms::{Form, Problems};
use crate::i18n::{Arg, Lang};

pub fn contact(ctx: &Ctx, form: &Form, problems: &Problems) -> Markup {
    let lang = ctx.lang;
    let f = Fields {
        lang,
        form,
        problems,
    };
    let title = lang.t("privreq-title");
    let kinds: Vec<(String, String)> = KINDS
        .iter()
        .map(|k| (k.to_string(), lang.t(&format!("privreq-kind-{k}"))))
        .collect();
    page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p { (lang.t("privreq-intro")) }
            (f.summary(&[
                ("kind", lang.t("privreq-kind")),
                ("name", lang.t("privreq-name")),
                ("email", lang.t("privreq-email")),
                ("message", lang.t("privreq-message")),
            ]))
            form method="post" action=(lang.url("/privacy/contact")) novalidate {
                (f.select(Input::new("kind", lang.t("privreq-kind")), &kinds))
                (f.input(Input::new("name", lang.t("privreq-name")).max(200).autocomplete("name")))
                (f.input(Input::new("email", lang.t("privreq-email"))
                    .kind("email")
                    .autocomplete("email")
                    .hint(lang.t("privreq-email-hint"))))
                (f.textarea(Input::new("message", lang.t("privreq-message")).max(5000), 8))
                button.primary type="submit" { (lang.t("privreq-send")) }
            }
            p.hint { a href=(lang.url("/privacy")) { (lang.t("mydata-privacy-link")) } }
        },
    )
}

pub fn received(ctx: &Ctx, id: i64, due: &str) -> Markup {
    let lang = ctx.lang;
    let title = lang.t("privreq-received-title");
    page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p { (lang.ta("privreq-received-body", &[
                ("reference", Arg::Num(id)),
                ("due", Arg::Str(due.to_string())),
            ])) }
            p { a href=(lang.url("/")) { (lang.t("mydata-home-link")) } }
        },
    )
}

/// One signature of the address looked up: its name opened, its petition's title.
pub struct FoundSignature {
    pub held: Held,
    pub standing: Standing,
    pub name: String,
    pub title: String,
}

/// What one address holds, for the lookup.
pub struct Lookup<'a> {
    pub signatures: &'a [FoundSignature],
    pub emails: &'a [Sent],
}

pub struct Staff<'a> {
    pub requests: &'a [Request],
    pub today: chrono::NaiveDate,
    pub csrf: &'a str,
    pub notice: Option<String>,
    pub lookup: Option<Lookup<'a>>,
    pub problems: &'a Problems,
}

fn days_left(lang: Lang, r: &Request, today: chrono::NaiveDate) -> (String, bool) {
    let left = (r.due_at.date() - today).num_days();
    if r.status != "open" {
        return (lang.t(&format!("privreq-status-{}", r.status)), false);
    }
    if left < 0 {
        (
            lang.ta("privreq-overdue", &[("days", Arg::Num(-left))]),
            true,
        )
    } else {
        (
            lang.ta("privreq-days-left", &[("days", Arg::Num(left))]),
            left < 14,
        )
    }
}

pub fn staff(ctx: &Ctx, s: &Staff<'_>) -> Markup {
    let lang = ctx.lang;
    let title = lang.t("privreq-staff-title");
    let lookup_form = Form::default();
    let f = Fields {
        lang,
        form: &lookup_form,
        problems: s.problems,
    };
    let statuses: Vec<(String, String)> = STATUSES
        .iter()
        .map(|k| (k.to_string(), lang.t(&format!("privreq-status-{k}"))))
        .collect();
    page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            @if let Some(n) = &s.notice { div.notice role="status" { p { (n) } } }
            section aria-labelledby="requests-heading" {
                h2 #requests-heading { (lang.t("privreq-requests-heading")) }
                @if s.requests.is_empty() { p { (lang.t("privreq-none")) } }
                @for r in s.requests {
                    @let (clock, urgent) = days_left(lang, r, s.today);
                    article.request aria-labelledby={ "req-" (r.id) } {
                        h3 id={ "req-" (r.id) } {
                            "#" (r.id) " · " (lang.t(&format!("privreq-kind-{}", r.kind)))
                        }
                        p.clock.urgent[urgent] { strong { (clock) } }
                        dl {
                            dt { (lang.t("privreq-received")) } dd { (lang.day_of(r.created_at)) }
                            dt { (lang.t("privreq-due")) } dd { (lang.day_of(r.due_at)) }
                            dt { (lang.t("privreq-col-name")) } dd { (r.name) }
                            dt { (lang.t("privreq-email")) } dd { (r.email) }
                            dt { (lang.t("privreq-col-language")) } dd { (Lang::parse(&r.lang).map(|l| l.endonym()).unwrap_or("")) }
                            dt { (lang.t("privreq-col-message")) } dd { p.message { (r.message) } }
                        }
                        form method="post" action={ "/admin/privacy/requests/" (r.id) } {
                            input type="hidden" name="csrf" value=(s.csrf);
                            div.field {
                                label for={ "status-" (r.id) } { (lang.t("privreq-status")) }
                                select id={ "status-" (r.id) } name="status" {
                                    @for (v, l) in &statuses {
                                        option value=(v) selected[*v == r.status] { (l) }
                                    }
                                }
                            }
                            div.field {
                                label for={ "answer-" (r.id) } { (lang.t("privreq-answer")) }
                                p.hint id={ "answer-hint-" (r.id) } { (lang.t("privreq-answer-hint")) }
                                textarea id={ "answer-" (r.id) } name="answer" rows="4" maxlength="5000"
                                    aria-describedby={ "answer-hint-" (r.id) } { (r.answer) }
                            }
                            button.secondary type="submit" { (lang.t("privreq-save")) }
                        }
                    }
                }
            }
            section aria-labelledby="lookup-heading" {
                h2 #lookup-heading { (lang.t("privreq-lookup-heading")) }
                p { (lang.t("privreq-lookup-intro")) }
                (f.summary(&[("address", lang.t("privreq-email"))]))
                form method="post" action="/admin/privacy/lookup" novalidate {
                    input type="hidden" name="csrf" value=(s.csrf);
                    (f.input(Input::new("address", lang.t("privreq-email")).kind("email")))
                    button.secondary type="submit" { (lang.t("privreq-lookup-button")) }
                }
                @if let Some(l) = &s.lookup {
                    @if l.signatures.is_empty() && l.emails.is_empty() {
                        p role="status" { (lang.t("privreq-lookup-nothing")) }
                    } @else {
                        h3 { (lang.t("privreq-lookup-signatures")) }
                        ul.found-list {
                            @for f in l.signatures {
                                li {
                                    strong { (f.title) } br;
                                    (f.name) " · " (lang.day_of(f.held.created_at)) br;
                                    (super::my_data::standing(lang, f.standing)) br;
                                    (lang.t("privreq-col-consents")) ": " (consent_words(lang, &f.held))
                                }
                            }
                        }
                        p { (lang.ta("privreq-lookup-emails", &[("count", Arg::Num(l.emails.len() as i64))])) }
                    }
                }
            }
        },
    )
}

fn consent_words(lang: Lang, h: &Held) -> String {
    let mut on = Vec::new();
    if h.show_name {
        on.push(lang.t("consent-show-name"));
    }
    if h.deliver_name {
        on.push(lang.t("consent-deliver-name"));
    }
    if h.updates {
        on.push(lang.t("consent-updates"));
    }
    if on.is_empty() {
        "—".to_string()
    } else {
        on.join("; ")
    }
}
