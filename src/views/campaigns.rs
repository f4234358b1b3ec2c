//! Campaigners' pages: the petition form with its preview, the dashboard, updates.

use maud::{Markup, html};

use super::chart;
use super::forms::{Fields, Input, csrf};
use super::layout::{Ctx, page};
use super::petition::{share, state_name};
use crate::campaigns::{
    ACTION_MAX, OTHER_RECIPIENTS_MAX, TITLE_MAX, UPDATE_BODY_MAX, UPDATE_TITLE_MAX, WHY_MAX,
};
use crate::db::petitions::{Petition, Recipient};
use crate::db::updates::Update;
use crate::db::users::User;
use crate::domain::Status;
use crate::forms::{Form, Problems};
use crate::i18n::{Arg, Lang};
use crate::markdown;

pub struct PetitionForm<'a> {
    pub action_url: String,
    pub form: &'a Form,
    pub problems: &'a Problems,
    pub csrf: &'a str,
    pub choices: &'a [Recipient],
    /// The petition as it would read, after "preview".
    pub preview: Option<Markup>,
    pub similar: &'a [Petition],
    pub min_date: String,
    pub max_date: String,
}

fn labels(ctx: &Ctx) -> Vec<(&'static str, String)> {
    crate::campaigns::FIELDS
        .iter()
        .map(|f| {
            (
                *f,
                ctx.t(&format!("petition-field-{}", f.replace('_', "-"))),
            )
        })
        .collect()
}

fn label(ctx: &Ctx, field: &str) -> String {
    ctx.t(&format!("petition-field-{}", field.replace('_', "-")))
}

pub fn petition_form(ctx: &Ctx, heading: &str, v: &PetitionForm<'_>) -> Markup {
    let lang = ctx.lang;
    let f = Fields {
        lang,
        form: v.form,
        problems: v.problems,
    };
    let chosen = v.form.all("recipients");
    let recipients_problem = v.problems.of("recipients");
    let title = if v.problems.is_empty() {
        heading.to_string()
    } else {
        format!("{}: {heading}", ctx.t("error-title-prefix"))
    };
    let langs: Vec<(String, String)> = Lang::ALL
        .iter()
        .map(|l| (l.code().to_string(), l.endonym().to_string()))
        .collect();
    page(
        ctx,
        &title,
        html! {
            h1 { (heading) }
            (f.summary(&labels(ctx)))
            @if let Some(preview) = &v.preview {
                section.preview aria-labelledby="preview-heading" {
                    h2 #preview-heading { (ctx.t("petition-preview")) }
                    (preview)
                }
            }
            (similar_list(ctx, v.similar))
            form.petition-form method="post" action=(v.action_url) novalidate {
                (csrf(v.csrf))
                (f.select(Input::new("lang", label(ctx, "lang")), &langs))
                (f.input(Input::new("title", label(ctx, "title")).max(TITLE_MAX)
                    .hint(ctx.ta("hint-at-most", &[("n", Arg::Num(TITLE_MAX as i64))]))))
                (f.textarea(Input::new("action", label(ctx, "action")).max(ACTION_MAX)
                    .hint(ctx.ta("hint-at-most", &[("n", Arg::Num(ACTION_MAX as i64))])), 3))
                (f.textarea(Input::new("background", label(ctx, "background")).max(WHY_MAX)
                    .hint(ctx.t("hint-markdown")), 10))
                fieldset.recipients.invalid[recipients_problem.is_some()] #recipients {
                    legend { (label(ctx, "recipients")) }
                    @if let Some(p) = recipients_problem { p.error id="recipients-error" { (ctx.t(p.key)) } }
                    @for r in v.choices {
                        @let id = format!("recipient-{}", r.id);
                        div.check {
                            input type="checkbox" id=(id) name="recipients" value=(r.id)
                                checked[chosen.contains(&r.id.to_string().as_str())];
                            label for=(id) { (r.name_in(lang)) }
                        }
                    }
                    (f.input(Input::new("other_recipients", label(ctx, "other-recipients")).max(OTHER_RECIPIENTS_MAX)
                        .hint(ctx.t("hint-other-recipients"))))
                }
                (f.input(Input::new("goal", label(ctx, "goal")).kind("number").hint(ctx.t("hint-goal"))))
                div.field.invalid[v.problems.of("closes_on").is_some()] {
                    label for="closes_on" { (label(ctx, "closes_on")) }
                    p.hint id="closes_on-hint" { (ctx.ta("hint-closes-on", &[("date", Arg::Str(in_words(lang, &v.max_date)))])) }
                    @if let Some(p) = v.problems.of("closes_on") {
                        p.error id="closes_on-error" { (ctx.t(p.key)) }
                    }
                    input #closes_on type="date" name="closes_on" value=(v.form.get("closes_on"))
                        min=(v.min_date) max=(v.max_date)
                        aria-invalid=[v.problems.of("closes_on").map(|_| "true")]
                        aria-describedby=(if v.problems.of("closes_on").is_some() { "closes_on-hint closes_on-error" } else { "closes_on-hint" });
                }
                div.check {
                    input type="checkbox" id="show_starter" name="show_starter" value="on"
                        checked[v.form.get("show_starter") == "on"] aria-describedby="show_starter-hint";
                    label for="show_starter" { (label(ctx, "show_starter")) }
                    p.hint id="show_starter-hint" { (ctx.t("hint-show-starter")) }
                }
                details.translation open[!v.form.get("title_tr").is_empty() || v.problems.0.iter().any(|p| p.field.ends_with("_tr"))] {
                    summary { (ctx.t("petition-translation")) }
                    p.hint { (ctx.t("hint-translation")) }
                    (f.input(Input::new("title_tr", label(ctx, "title_tr")).max(TITLE_MAX)))
                    (f.textarea(Input::new("action_tr", label(ctx, "action_tr")).max(ACTION_MAX), 3))
                    (f.textarea(Input::new("background_tr", label(ctx, "background_tr")).max(WHY_MAX), 8))
                }
                div.actions {
                    button.secondary type="submit" name="intent" value="preview" { (ctx.t("petition-preview-button")) }
                    button.primary type="submit" name="intent" value="save" { (ctx.t("petition-save-button")) }
                    p.hint { a href=(ctx.lang.url("/privacy")) { (ctx.t("sign-privacy-link")) } }
                }
            }
        },
    )
}

/// A `YYYY-MM-DD` date in words ("1 June 2027"), as the hint beside a date field describes it.
fn in_words(lang: Lang, iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| lang.date(d))
        .unwrap_or_else(|_| iso.to_string())
}

/// Open petitions like the one being written, so that a campaigner can join one instead.
pub fn similar_list(ctx: &Ctx, similar: &[Petition]) -> Markup {
    html! {
        section.similar #similar aria-live="polite" data-heading=(ctx.t("similar-heading")) {
            @if !similar.is_empty() {
                h2 { (ctx.t("similar-heading")) }
                ul {
                    @for p in similar {
                        li { a href=(ctx.lang.url(&format!("/petitions/{}", p.id()))) { (p.text(ctx.lang).title) } " (" (ctx.lang.number(p.row.signature_count)) ")" }
                    }
                }
            }
        }
    }
}

/// The petition as its readers will see it.
/// The petition's title, `lead` under it (the public page's facts and sign action; nothing in a
/// preview), then what it asks, of whom, and why.
pub fn petition_body(lang: Lang, p: &Petition, lead: Markup) -> Markup {
    let text = p.text(lang);
    let why = if text.background.trim().is_empty() {
        p.text(Lang::parse(&p.row.lang).unwrap_or_default())
            .background
            .as_str()
    } else {
        text.background.as_str()
    };
    html! {
        article.petition lang=(text.lang) {
            h1 { (text.title) }
            (lead)
            (super::images::picture(lang, p))
            section {
                h2 { (lang.t("petition-asks")) }
                p.action { (text.action) }
            }
            section {
                h2 { (lang.t("petition-to")) }
                ul.recipients {
                    @for r in &p.recipients { li { (r.name_in(lang)) } }
                    @if !p.row.other_recipients.is_empty() { li { (p.row.other_recipients) } }
                }
            }
            section {
                h2 { (lang.t("petition-why")) }
                div.why { (markdown::render(why)) }
            }
        }
    }
}

/// Where a petition is on its way to the public, step by step, the current step marked; nothing
/// once it is public (or rejected).
fn steps(lang: Lang, status: Status, supporters: i64) -> Markup {
    let current = match status {
        Status::Draft | Status::Changes => 0,
        Status::Gathering => 1,
        Status::Pending => 2,
        _ => return html! {},
    };
    let steps = [
        lang.t("step-write"),
        lang.ta("step-supporters", &[("count", Arg::Num(supporters))]),
        lang.t("step-moderation"),
        lang.t("step-open"),
    ];
    html! {
        section.steps aria-labelledby="steps-heading" {
            h2 #steps-heading { (lang.t("steps-heading")) }
            ol.steps {
                @for (i, s) in steps.iter().enumerate() {
                    li.done[i < current] aria-current=[(i == current).then_some("step")] {
                        @if i < current { span.visually-hidden { (lang.t("step-done")) " " } }
                        @if i == current { strong { (s) } } @else { (s) }
                    }
                }
            }
        }
    }
}

fn status_label(lang: Lang, status: Status) -> String {
    lang.t(&format!("status-{}", status.code()))
}

/// The account's own data: a download, and deleting it (confirmed by email).
fn your_data(ctx: &Ctx, token: &str) -> Markup {
    let lang = ctx.lang;
    html! {
        details.your-data {
            summary { (lang.t("account-data-heading")) }
            p { (lang.t("account-data-body")) }
            form.inline method="post" action="/account/data" {
                (csrf(token))
                button.secondary type="submit" { (lang.t("account-data-button")) }
            }
            p { (lang.t("account-delete-intro")) }
            form.inline method="post" action="/account/delete" {
                (csrf(token))
                button.danger type="submit" { (lang.t("account-delete-request")) }
            }
        }
    }
}

pub fn dashboard(
    ctx: &Ctx,
    user: &User,
    list: &[(Petition, i64, i64)],
    token: &str,
    notice: Option<String>,
) -> Markup {
    let lang = ctx.lang;
    let title = lang.t("dashboard-title");
    page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            @if let Some(n) = notice { p.notice role="status" { (n) } }
            @if !user.confirmed() {
                p.notice { (lang.t("dashboard-confirm-email")) }
            }
            // Staff reach their pages from the staff bar above.
            nav.account-actions.actions aria-label=(lang.t("account-menu")) {
                a.button.primary href="/petitions/new" { (lang.t("start-petition")) }
                form method="post" action="/account/logout" {
                    (csrf(token))
                    button.secondary type="submit" { (lang.t("logout-button")) }
                }
            }
            (your_data(ctx, token))
            h2 { (lang.t("dashboard-petitions")) }
            @if list.is_empty() {
                p { (lang.t("dashboard-empty")) }
            } @else {
                table.dashboard {
                    thead { tr {
                        th scope="col" { (lang.t("dashboard-col-petition")) }
                        th scope="col" { (lang.t("dashboard-col-status")) }
                        th scope="col" { (lang.t("dashboard-col-confirmed")) }
                        th scope="col" { (lang.t("dashboard-col-unconfirmed")) }
                    } }
                    tbody {
                        @for (p, total, confirmed) in list {
                            tr {
                                td { a href={ "/dashboard/petitions/" (p.id()) } { (p.text(lang).title) } }
                                td { (status_label(lang, p.status())) }
                                td.num { (lang.number(*confirmed)) }
                                td.num { (lang.number(total - confirmed)) }
                            }
                        }
                    }
                }
            }
        },
    )
}

pub struct Detail<'a> {
    pub petition: &'a Petition,
    pub total: i64,
    pub confirmed: i64,
    /// Unconfirmed signatures whose confirmation bounced or was reported as spam.
    pub undeliverable: i64,
    pub per_day: &'a [(chrono::NaiveDate, i64)],
    pub by_state: &'a [(String, i64)],
    /// Counted signatures by the `?source=` of the link they came by ("" for none).
    pub by_source: &'a [(String, i64)],
    pub updates: &'a [Update],
    pub supporters_needed: i64,
    pub base_url: &'a str,
    pub csrf: &'a str,
    pub notice: Option<String>,
}

pub fn petition_detail(ctx: &Ctx, d: &Detail<'_>) -> Markup {
    let lang = ctx.lang;
    let p = d.petition;
    let text = p.text(lang);
    let id = p.id();
    // Of the signers who could be reached: an address that bounced never had the chance.
    let reachable = d.total - d.undeliverable;
    let rate = if reachable > 0 {
        d.confirmed * 100 / reachable
    } else {
        0
    };
    let public_url = match (&p.row.share_key, p.status()) {
        (Some(key), Status::Gathering) => format!("{}/support/{key}", d.base_url),
        _ => format!("{}/petitions/{id}", d.base_url),
    };
    page(
        ctx,
        &text.title,
        html! {
            p { a href="/dashboard" { (lang.t("dashboard-back")) } }
            h1 { (text.title) }
            @if let Some(n) = &d.notice { p.notice role="status" { (n) } }
            p.status { (lang.t("dashboard-col-status")) ": " strong { (status_label(lang, p.status())) } }
            (steps(lang, p.status(), d.supporters_needed))
            @match p.status() {
                Status::Open | Status::Closed => {
                    p { a href=(lang.url(&format!("/petitions/{id}"))) { (lang.t("dashboard-public-link")) } }
                }
                Status::Gathering => {
                    p { a href=(public_url.trim_start_matches(d.base_url)) { (lang.t("dashboard-support-link")) } }
                }
                _ => {}
            }
            @match p.status() {
                Status::Draft | Status::Changes => {
                    @if p.status() == Status::Changes {
                        div.notice {
                            p { (lang.t("changes-requested")) }
                            @if let Some(m) = &p.row.decision_message { blockquote { (m) } }
                        }
                    }
                    ul.edit-links {
                        li { a href=(lang.url(&format!("/petitions/{id}/edit"))) { (lang.t("edit-petition")) } }
                        li { a href=(lang.url(&format!("/petitions/{id}/image"))) {
                            (lang.t(if p.image.is_some() { "image-link-change" } else { "image-link-add" }))
                        } }
                    }
                    form method="post" action={ "/petitions/" (id) "/submit" } {
                        (csrf(d.csrf))
                        button.primary type="submit" {
                            @if p.status() == Status::Draft { (lang.t("submit-for-support")) } @else { (lang.t("resubmit")) }
                        }
                    }
                    @if p.status() == Status::Draft {
                        p.hint { (lang.ta("submit-hint", &[("count", Arg::Num(d.supporters_needed))])) }
                    }
                }
                Status::Gathering => {
                    p { (lang.ta("gathering-progress", &[("count", Arg::Num(d.confirmed)), ("needed", Arg::Num(d.supporters_needed))])) }
                }
                Status::Pending => { p { (lang.t("pending-explained")) } }
                Status::Rejected => {
                    div.notice {
                        p { (lang.t("rejected-explained")) " "
                            @if let Some(r) = &p.row.decision_reason { strong { (lang.t(&format!("reason-{r}"))) } } }
                        @if let Some(m) = &p.row.decision_message { blockquote { (m) } }
                    }
                }
                _ => {}
            }
            @if matches!(p.status(), Status::Gathering | Status::Open | Status::Closed) {
                (share(lang, &text.title, &public_url))
            }
            section.figures aria-labelledby="figures-heading" {
                h2 #figures-heading { (lang.t("figures-heading")) }
                dl.figures {
                    dt { (lang.t("dashboard-col-confirmed")) } dd { (lang.number(d.confirmed)) }
                    dt { (lang.t("dashboard-col-unconfirmed")) } dd { (lang.number(d.total - d.confirmed - d.undeliverable)) }
                    dt { (lang.t("dashboard-undeliverable")) } dd { (lang.number(d.undeliverable)) }
                    dt { (lang.t("confirmation-rate-reachable")) } dd { (rate) "%" }
                }
                @if reachable > 0 {
                    p.rate-words {
                        (lang.ta("confirmation-rate-words", &[
                            ("confirmed", Arg::Str(lang.number(d.confirmed))),
                            ("reachable", Arg::Str(lang.number(reachable))),
                            ("reachable_n", Arg::Num(reachable)),
                            ("rate", Arg::Num(rate)),
                        ]))
                        @if d.undeliverable > 0 {
                            " " (lang.ta("confirmation-rate-bounced", &[
                                ("count", Arg::Num(d.undeliverable)),
                                ("shown", Arg::Str(lang.number(d.undeliverable))),
                            ]))
                        }
                    }
                }
                // A chart only once there is something to draw: no empty frame before.
                @if d.per_day.iter().any(|(_, n)| *n > 0) {
                    (chart::per_day_svg(lang, d.per_day, &lang.t("chart-per-day")))
                } @else {
                    p.hint { (lang.t("chart-empty")) }
                }
                @if d.by_source.iter().any(|(s, _)| !s.is_empty()) {
                    table.sources {
                        caption { (lang.t("sources-heading")) }
                        thead { tr { th scope="col" { (lang.t("sources-source")) } th scope="col" class="num" { (lang.t("signatures")) } } }
                        tbody {
                            @for (source, n) in d.by_source {
                                tr {
                                    td { @if source.is_empty() { (lang.t("sources-none")) } @else { code { (source) } } }
                                    td.num { (lang.number(*n)) }
                                }
                            }
                        }
                    }
                }
                @if matches!(p.status(), Status::Open) {
                    p.hint { (lang.ta("sources-hint", &[("url", crate::i18n::Arg::Str(format!("{}/petitions/{id}?source=", d.base_url)))])) }
                    p.hint { (lang.t("embed-hint")) }
                    pre.embed-code { code { "<iframe src=\"" (d.base_url) (lang.url(&format!("/petitions/{id}/embed?source=bihar-network"))) "\" width=\"100%\" height=\"760\" style=\"border:0\" title=\"" (text.title) "\"></iframe>" } }
                }
                @if !d.by_state.is_empty() {
                    table {
                        caption { (lang.t("by-state-heading")) }
                        thead { tr { th scope="col" { (lang.t("state")) } th scope="col" { (lang.t("signatures")) } } }
                        tbody {
                            @for (code, n) in d.by_state {
                                tr { td { (state_name(lang, code)) } td.num { (lang.number(*n)) } }
                            }
                        }
                    }
                }
            }
            section.updates aria-labelledby="updates-heading" {
                h2 #updates-heading { (lang.t("updates-heading")) }
                @if matches!(p.status(), Status::Open | Status::Closed) {
                    p { a href={ "/petitions/" (id) "/updates/new" } { (lang.t("write-update")) } }
                }
                @for u in d.updates {
                    article.update {
                        h3 { (u.text(lang).0) }
                        p.meta { (lang.t(&format!("status-update-{}", u.status))) " · " (lang.day_of(u.created_at)) " · "
                            (lang.ta("update-emailed", &[("count", Arg::Num(u.emailed))])) }
                        (markdown::render(u.text(lang).1))
                    }
                }
            }
        },
    )
}

/// Writing an update, in each language the petition has; `preview` shows it as its readers
/// will read it, in each language, before it is sent for approval.
pub fn update_form(
    ctx: &Ctx,
    petition: &Petition,
    form: &Form,
    problems: &Problems,
    token: &str,
    preview: Option<&crate::campaigns::UpdateText>,
) -> Markup {
    let f = Fields {
        lang: ctx.lang,
        form,
        problems,
    };
    let heading = ctx.ta(
        "update-new-title",
        &[("title", Arg::Str(petition.text(ctx.lang).title.clone()))],
    );
    let (main, other) = crate::campaigns::update_langs(petition);
    let in_lang = |key: &str, l: Lang| match other {
        Some(_) => format!("{} ({})", ctx.t(key), l.endonym()),
        None => ctx.t(key),
    };
    let mut labels = vec![
        ("title", in_lang("update-field-title", main)),
        ("body", in_lang("update-field-body", main)),
    ];
    if let Some(o) = other {
        labels.push(("title_tr", in_lang("update-field-title", o)));
        labels.push(("body_tr", in_lang("update-field-body", o)));
    }
    page(
        ctx,
        &heading,
        html! {
            h1 { (heading) }
            p { (ctx.t("update-explained")) }
            (f.summary(&labels))
            @if let Some(u) = preview {
                section.preview aria-labelledby="preview-heading" {
                    h2 #preview-heading { (ctx.t("update-preview-heading")) }
                    article.update lang=(main.code()) {
                        p.hint { (main.endonym()) }
                        h3 { (u.title) }
                        (markdown::render(&u.body))
                    }
                    @if let (Some(o), Some((title, body))) = (other, &u.translation) {
                        article.update lang=(o.code()) {
                            p.hint { (o.endonym()) }
                            h3 { (title) }
                            (markdown::render(body))
                        }
                    }
                    @if let (Some(o), None) = (other, &u.translation) {
                        p.notice { (ctx.ta("update-preview-untranslated", &[("lang", Arg::Str(o.endonym().to_string()))])) }
                    }
                }
            }
            form method="post" action={ "/petitions/" (petition.id()) "/updates/new" } novalidate {
                (csrf(token))
                div lang=(main.code()) {
                    (f.input(Input::new("title", labels[0].1.clone()).max(UPDATE_TITLE_MAX)))
                    (f.textarea(Input::new("body", labels[1].1.clone()).max(UPDATE_BODY_MAX).hint(ctx.t("hint-markdown")), 10))
                }
                @if let Some(o) = other {
                    div lang=(o.code()) {
                        p.hint { (ctx.ta("update-translation-hint", &[("lang", Arg::Str(o.endonym().to_string()))])) }
                        (f.input(Input::new("title_tr", labels[2].1.clone()).max(UPDATE_TITLE_MAX)))
                        (f.textarea(Input::new("body_tr", labels[3].1.clone()).max(UPDATE_BODY_MAX), 10))
                    }
                }
                div.actions {
                    button.secondary type="submit" name="intent" value="preview" { (ctx.t("update-preview-button")) }
                    button.primary type="submit" name="intent" value="send" { (ctx.t("update-send-button")) }
                }
            }
        },
    )
}

/// The public list of a petition's approved updates.
pub fn public_updates(lang: Lang, updates: &[Update]) -> Markup {
    html! {
        @if !updates.is_empty() {
            section.updates aria-labelledby="updates-heading" {
                h2 #updates-heading { (lang.t("updates-heading")) }
                @for u in updates {
                    @let (title, body) = u.text(lang);
                    article.update {
                        h3 { (title) }
                        p.meta { (lang.day_of(u.decided_at.unwrap_or(u.created_at))) }
                        (markdown::render(body))
                    }
                }
            }
        }
    }
}

pub fn unsubscribe(ctx: &Ctx, action: &str, done: bool) -> Markup {
    let title = if done {
        ctx.t("unsubscribed-title")
    } else {
        ctx.t("unsubscribe-title")
    };
    page(
        ctx,
        &title,
        html! {
            div.panel role="status" {
                h1 { (title) }
                @if done {
                    p { (ctx.t("unsubscribed-body")) }
                } @else {
                    p { (ctx.t("unsubscribe-body")) }
                    form method="post" action=(action) {
                        input type="hidden" name="List-Unsubscribe" value="One-Click";
                        button.primary type="submit" { (ctx.t("unsubscribe-button")) }
                    }
                }
                p { a href=(ctx.lang.url("/")) { (ctx.t("back-home")) } }
            }
        },
    )
}
