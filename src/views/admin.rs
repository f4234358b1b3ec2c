//! Staff pages: the moderation queue, reviewing a petition, accounts and roles, the audit log.

use chrono::NaiveDateTime;
use maud::{Markup, html};

use super::campaigns::petition_body;
use super::forms::{Fields, Input, csrf};
use super::layout::{Ctx, page};
use crate::accounts::Role;
use crate::campaigns::REJECT_REASONS;
use crate::db::audit::Logged;
use crate::db::petitions::Petition;
use crate::db::updates::Update;
use crate::db::users::User;
use crate::domain::Status;
use crate::forms::{Form, Problems};
use crate::i18n::Arg;
use crate::markdown;

fn age(ctx: &Ctx, since: Option<NaiveDateTime>) -> String {
    let Some(since) = since else {
        return String::new();
    };
    let hours = (crate::db::now() - since).num_hours().max(0);
    if hours < 48 {
        ctx.ta("age-hours", &[("n", Arg::Num(hours))])
    } else {
        ctx.ta("age-days", &[("n", Arg::Num(hours / 24))])
    }
}

pub fn moderation(
    ctx: &Ctx,
    queue: &[Petition],
    updates: &[(Update, String)],
    public: &[Petition],
    token: &str,
) -> Markup {
    let lang = ctx.lang;
    let title = lang.t("moderation-title");
    page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            h2 { (lang.ta("queue-heading", &[("count", Arg::Num(queue.len() as i64))])) }
            @if queue.is_empty() { p { (lang.t("queue-empty")) } }
            @else {
                table.queue {
                    thead { tr {
                        th scope="col" { (lang.t("dashboard-col-petition")) }
                        th scope="col" { (lang.t("queue-col-waiting")) }
                        th scope="col" { (lang.t("queue-col-supporters")) }
                    } }
                    tbody {
                        @for p in queue {
                            tr {
                                td { a href={ "/admin/petitions/" (p.id()) } { (p.text(lang).title) } }
                                td { (age(ctx, p.row.submitted_at)) }
                                td.num { (lang.number(p.row.signature_count)) }
                            }
                        }
                    }
                }
            }
            h2 { (lang.ta("updates-queue-heading", &[("count", Arg::Num(updates.len() as i64))])) }
            @for (u, petition_title) in updates {
                article.update {
                    h3 lang=(u.lang) { (u.title) }
                    p.meta { (petition_title) " · " (age(ctx, Some(u.created_at))) }
                    div lang=(u.lang) { (markdown::render(&u.body)) }
                    // The translation is read before approval too.
                    @if !u.title_tr.is_empty() {
                        @let other = crate::campaigns::other(crate::i18n::Lang::parse(&u.lang).unwrap_or_default());
                        div lang=(other.code()) {
                            h3 { (u.title_tr) }
                            (markdown::render(&u.body_tr))
                        }
                    }
                    form.inline method="post" action={ "/admin/updates/" (u.id) "/decision" } {
                        (csrf(token))
                        button.primary type="submit" name="action" value="approve" { (lang.t("approve-update")) }
                        " "
                        button.secondary type="submit" name="action" value="reject" { (lang.t("reject-update")) }
                    }
                }
            }
            h2 { (lang.t("deliver-heading")) }
            ul.deliver {
                @for p in public {
                    li {
                        a href={ "/admin/petitions/" (p.id()) "/delivery" } { (p.text(lang).title) }
                        " · " (lang.t(&format!("status-{}", p.status().code()))) " · " (lang.number(p.row.signature_count))
                    }
                }
            }
        },
    )
}

/// Every public petition for staff: what the home page leads with (and a button to change
/// it), its status and count, and the ways to review, integrity and delivery.
pub fn petitions(ctx: &Ctx, list: &[Petition], token: &str) -> Markup {
    let lang = ctx.lang;
    let title = lang.t("staff-petitions-title");
    page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p.hint { (lang.t("staff-petitions-hint")) }
            @if list.is_empty() { p { (lang.t("staff-petitions-empty")) } }
            @else {
                // Two columns, so the list fits a phone: what the petition is (with its pages and
                // the home page's choice) and its count.
                table.queue.petitions-staff {
                    thead { tr {
                        th scope="col" { (lang.t("dashboard-col-petition")) }
                        th scope="col" class="num" { (lang.t("signatures")) }
                    } }
                    tbody {
                        @for p in list {
                            tr {
                                td {
                                    a href={ "/admin/petitions/" (p.id()) } { (p.text(lang).title) }
                                    br;
                                    span.hint {
                                        (lang.t(&format!("status-{}", p.status().code())))
                                        @if p.row.featured { " · " strong { (lang.t("staff-featured")) } }
                                    }
                                    ul.links {
                                        li { a href=(lang.url(&format!("/petitions/{}", p.id()))) { (lang.t("staff-public-page")) } }
                                        li { a href={ "/admin/petitions/" (p.id()) "/integrity" } { (lang.t("staff-integrity")) } }
                                        li { a href={ "/admin/petitions/" (p.id()) "/delivery" } { (lang.t("staff-delivery")) } }
                                    }
                                    @if p.is_open() || p.row.featured {
                                        form method="post" action={ "/admin/petitions/" (p.id()) "/featured" } {
                                            (csrf(token))
                                            @if p.row.featured {
                                                button.secondary type="submit" name="featured" value="off" { (lang.t("staff-unfeature")) }
                                            } @else {
                                                button.secondary type="submit" name="featured" value="on" { (lang.t("staff-feature")) }
                                            }
                                        }
                                    }
                                }
                                td.num { (lang.number(p.row.signature_count)) }
                            }
                        }
                    }
                }
            }
        },
    )
}

/// A petition for a moderator to decide on; `own` when they started it themselves (someone else
/// must decide, so no buttons are offered).
pub fn review(
    ctx: &Ctx,
    p: &Petition,
    form: &Form,
    problems: &Problems,
    token: &str,
    own: bool,
) -> Markup {
    let lang = ctx.lang;
    let f = Fields {
        lang,
        form,
        problems,
    };
    let title = lang.ta(
        "review-title",
        &[("title", Arg::Str(p.text(lang).title.clone()))],
    );
    let actions: Vec<&str> = match p.status() {
        _ if own => vec![],
        Status::Pending => vec!["approve", "changes", "reject"],
        Status::Changes => vec!["reject"],
        Status::Open | Status::Closed => vec!["hide"],
        _ => vec![],
    };
    let reasons: Vec<(String, String)> = std::iter::once((String::new(), lang.t("choose-reason")))
        .chain(
            REJECT_REASONS
                .iter()
                .map(|r| (r.to_string(), lang.t(&format!("reason-{r}")))),
        )
        .collect();
    let chosen = form.get("action");
    page(
        ctx,
        &title,
        html! {
            p { a href="/admin/moderation" { (lang.t("moderation-back")) } }
            p.status { (lang.t("dashboard-col-status")) ": " strong { (lang.t(&format!("status-{}", p.status().code()))) }
                " · " (lang.ta("waiting-for", &[("age", Arg::Str(age(ctx, p.row.submitted_at)))])) }
            // Every text the public will read, each in its own language: a translation is
            // checked before it is approved, not after.
            @for l in crate::i18n::Lang::ALL.into_iter().filter(|l| p.texts.iter().any(|t| t.lang == l.code())) {
                section.text-to-review aria-label=(l.endonym()) lang=(l.code()) {
                    p.hint { (l.endonym()) }
                    (petition_body(l, p, html! {}))
                }
            }
            @if matches!(p.status(), Status::Open | Status::Closed) {
                p { a.button.primary href={ "/admin/petitions/" (p.id()) "/delivery" } { (lang.t("delivery-link")) } }
            }
            p { (lang.t("petition-goal")) ": " (lang.number(p.row.goal)) " · "
                (lang.t("petition-closes")) ": " (p.row.closes_at.map(|c| lang.day_of(c)).unwrap_or_default()) }
            @if own {
                p.notice role="note" { (lang.t("review-own-petition")) }
            }
            @if !actions.is_empty() {
                section.decision aria-labelledby="decision-heading" {
                    h2 #decision-heading { (lang.t("decision-heading")) }
                    (f.summary(&[("action", lang.t("decision-action")), ("reason", lang.t("decision-reason")), ("message", lang.t("decision-message"))]))
                    form method="post" action={ "/admin/petitions/" (p.id()) "/decision" } novalidate {
                        (csrf(token))
                        fieldset #action .invalid[problems.of("action").is_some()] {
                            legend { (lang.t("decision-action")) }
                            @if let Some(pr) = problems.of("action") { p.error { (lang.t(pr.key)) } }
                            @for a in &actions {
                                div.check {
                                    input type="radio" name="action" id={ "action-" (a) } value=(a) checked[chosen == *a];
                                    label for={ "action-" (a) } { (lang.t(&format!("decision-{a}"))) }
                                }
                            }
                        }
                        (f.select(Input::new("reason", lang.t("decision-reason")).hint(lang.t("decision-reason-hint")), &reasons))
                        (f.textarea(Input::new("message", lang.t("decision-message")).max(2000).hint(lang.t("decision-message-hint")), 4))
                        button.primary type="submit" { (lang.t("decision-button")) }
                    }
                }
            }
        },
    )
}

pub fn users(ctx: &Ctx, list: &[User], q: &str, me: i64, token: &str) -> Markup {
    let lang = ctx.lang;
    let title = lang.t("users-title");
    page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            form.search method="get" action="/admin/users" role="search" {
                label for="q" { (lang.t("users-search")) }
                input #q type="search" name="q" value=(q);
                button.secondary type="submit" { (lang.t("search-button")) }
            }
            table.users {
                thead { tr {
                    th scope="col" { (lang.t("field-email")) }
                    th scope="col" { (lang.t("account-name")) }
                    th scope="col" { (lang.t("users-col-role")) }
                } }
                tbody {
                    @for u in list {
                        tr {
                            td { (u.email) }
                            td { (u.name) }
                            td {
                                @if u.id == me {
                                    (lang.t(&format!("role-{}", u.role)))
                                } @else {
                                    form.inline method="post" action={ "/admin/users/" (u.id) "/role" } {
                                        (csrf(token))
                                        label.visually-hidden for={ "role-" (u.id) } { (lang.t("users-col-role")) }
                                        select id={ "role-" (u.id) } name="role" {
                                            @for r in Role::ALL {
                                                option value=(r.code()) selected[r.code() == u.role] { (lang.t(&format!("role-{}", r.code()))) }
                                            }
                                        }
                                        " "
                                        button.secondary type="submit" { (lang.t("users-change")) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}

/// What an audit entry's action did, in words (the code itself if it has none).
fn action_words(lang: crate::i18n::Lang, code: &str) -> String {
    let slug = code
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let key = format!("audit-action-{slug}");
    let words = lang.t(&key);
    if words == key {
        code.to_string()
    } else {
        words
    }
}

fn pretty_json(raw: &str) -> String {
    serde_json::from_str::<serde_json::Value>(raw)
        .and_then(|v| serde_json::to_string_pretty(&v))
        .unwrap_or_else(|_| raw.to_string())
}

pub fn audit(
    ctx: &Ctx,
    entries: &[Logged],
    people: &std::collections::HashMap<String, String>,
) -> Markup {
    let lang = ctx.lang;
    let title = lang.t("audit-title");
    page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            // A row per entry that reads as a sentence and fits a phone: who did what, on which
            // petition, when, and how many rows; the details open on demand.
            ol.audit-log {
                @for e in entries {
                    li.entry {
                        p.what {
                            strong { (people.get(&e.actor).unwrap_or(&e.actor)) }
                            " " (action_words(lang, &e.action))
                            @if let Some(p) = e.petition_id {
                                " " a href={ "/admin/petitions/" (p) } { (lang.ta("audit-on-petition", &[("id", Arg::Num(p))])) }
                            }
                        }
                        p.meta {
                            (lang.ta("audit-at", &[
                                ("date", Arg::Str(lang.date(e.at.date()))),
                                ("time", Arg::Str(e.at.format("%H:%M:%S").to_string())),
                            ]))
                            " · "
                            @if e.row_count == crate::db::audit::UNFINISHED {
                                (ctx.lang.t("audit-unfinished"))
                            } @else {
                                (lang.ta("audit-row-count", &[("count", Arg::Num(e.row_count)), ("shown", Arg::Str(lang.number(e.row_count)))]))
                            }
                            " · " code { (e.action) }
                        }
                        @if !matches!(e.details.trim(), "" | "{}" | "null") {
                            details {
                                summary { (lang.t("audit-details")) }
                                pre { code { (pretty_json(&e.details)) } }
                            }
                        }
                    }
                }
            }
            @if let Some(last) = entries.last() {
                p { a href={ "/admin/audit?before=" (last.id) } { (lang.t("audit-older")) } }
            }
        },
    )
}
