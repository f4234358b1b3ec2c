//! Staff pages for delivering a petition: exports, packs, sending, recipients, the letter.

use maud::{Markup, html};

use super::forms::{Fields, Input, csrf};
use super::layout::{Ctx, page};
use super::petition::constituency_name;
use crate::db::jobs::JobStatus;
use crate::db::petitions::Petition;
use crate::delivery::send::{Delivery, Kind, Preview, Target};
use crate::delivery::{Member, PLACEHOLDERS};
use crate::forms::{Form, Problems};
use crate::i18n::{Arg, Lang};

pub struct DeliveryPage<'a> {
    pub petition: &'a Petition,
    pub national: i64,
    pub constituencies: &'a [String],
    pub preview: &'a Preview,
    pub deliveries: &'a [Delivery],
    pub jobs: &'a [crate::db::jobs::Job],
    pub csrf: &'a str,
    pub admin: bool,
    pub pack_lang: Lang,
}

fn target_name(lang: Lang, t: &Target) -> String {
    match &t.kind {
        Kind::Member { pc_id } => format!(
            "{} ({})",
            if t.name.is_empty() { "—" } else { &t.name },
            constituency_name(lang, pc_id)
        ),
        Kind::Ministry { .. } => t.name.clone(),
    }
}

pub fn delivery(ctx: &Ctx, v: &DeliveryPage<'_>) -> Markup {
    let lang = ctx.lang;
    let id = v.petition.id();
    let title = lang.ta(
        "delivery-title",
        &[("title", Arg::Str(v.petition.text(lang).title.clone()))],
    );
    let base = format!("/admin/petitions/{id}");
    page(
        ctx,
        &title,
        html! {
            p { a href="/admin/moderation" { (lang.t("moderation-back")) } }
            h1 { (title) }
            p { a href={ (base) "/responses" } { (lang.t("responses-link")) } }
            p { (lang.ta("delivery-total", &[("count", Arg::Num(v.national)), ("pcs", Arg::Num(v.constituencies.len() as i64))])) }
            p.langs {
                (lang.t("delivery-pack-language")) ": "
                @for (i, l) in Lang::ALL.into_iter().enumerate() {
                    @if i > 0 { " · " }
                    a href={ (base) "/delivery" @if l != Lang::En { "?lang=" (l.code()) } } lang=(l.code())
                        aria-current=[(v.pack_lang == l).then_some("true")] { (l.endonym()) }
                }
            }
            section aria-labelledby="exports-heading" {
                h2 #exports-heading { (lang.t("exports-heading")) }
                ul {
                    li { a href={ (base) "/exports/signatures.csv" } { (lang.t("export-signatures")) " (CSV)" } " · " a href={ (base) "/exports/signatures.xlsx" } { "XLSX" } }
                    @if v.admin {
                        li { a href={ (base) "/exports/signatures.csv?with_emails=1" } { (lang.t("export-signatures-emails")) " (CSV)" } }
                    }
                    li { a href={ (base) "/exports/counts-state.csv" } { (lang.t("export-counts-state")) " (CSV)" } " · " a href={ (base) "/exports/counts-state.xlsx" } { "XLSX" } " · " a href={ (base) "/exports/counts-state.json" } { "JSON" } }
                    li { a href={ (base) "/exports/counts-constituency.csv" } { (lang.t("export-counts-constituency")) " (CSV)" } " · " a href={ (base) "/exports/counts-constituency.xlsx" } { "XLSX" } " · " a href={ (base) "/exports/counts-constituency.json" } { "JSON" } }
                }
                p.hint { (lang.t("exports-note")) }
            }
            section aria-labelledby="packs-heading" {
                h2 #packs-heading { (lang.t("packs-heading")) }
                p { a href={ (base) "/packs/" (crate::delivery::pack_file("ministry", v.pack_lang)) } { (lang.t("pack-ministry-link")) } }
                form method="get" action={ (base) "/packs/choose" } .inline {
                    label for="pc" { (lang.t("pack-one")) }
                    " "
                    select #pc name="pc" {
                        @for pc in v.constituencies {
                            option value=(pc) { (constituency_name(lang, pc)) }
                        }
                    }
                    @if v.pack_lang != Lang::En { input type="hidden" name="lang" value=(v.pack_lang.code()); }
                    " "
                    button.secondary type="submit" { (lang.t("pack-open")) }
                }
                form method="post" action={ (base) "/packs.zip" } {
                    (csrf(v.csrf))
                    input type="hidden" name="lang" value=(v.pack_lang.code());
                    button.primary type="submit" { (lang.t("pack-zip")) }
                }
                @if !v.jobs.is_empty() {
                    ul.jobs {
                        @for j in v.jobs {
                            li { a href={ "/admin/jobs/" (j.id) } { (j.created_at.format("%Y-%m-%d %H:%M")) } " · " (lang.t(&format!("job-{}", j.status().code()))) " · " (j.done) "/" (j.total) }
                        }
                    }
                }
            }
            section aria-labelledby="send-heading" {
                h2 #send-heading { (lang.t("send-heading")) }
                p { (lang.ta("send-preview", &[
                    ("to_send", Arg::Num(v.preview.to_send.len() as i64)),
                    ("no_email", Arg::Num(v.preview.no_email.len() as i64)),
                    ("done", Arg::Num(v.preview.done.len() as i64)),
                ])) }
                @if !v.preview.to_send.is_empty() {
                    details {
                        summary { (lang.t("send-list")) }
                        ul { @for t in &v.preview.to_send { li { (target_name(lang, t)) " — " (lang.number(t.signatures)) } } }
                    }
                }
                @if !v.preview.no_email.is_empty() {
                    details {
                        summary { (lang.t("send-no-email")) }
                        ul { @for t in &v.preview.no_email { li { (target_name(lang, t)) " — " (lang.number(t.signatures)) } } }
                    }
                }
                @let nobody = v.preview.to_send.is_empty();
                form.actions method="post" action={ (base) "/deliver" } {
                    (csrf(v.csrf))
                    input type="hidden" name="lang" value=(v.pack_lang.code());
                    button.secondary type="submit" name="mode" value="dry-run" { (lang.t("send-dry-run")) }
                    button.primary type="submit" name="mode" value="send" disabled[nobody]
                        aria-describedby=[nobody.then_some("send-why")] { (lang.t("send-button")) }
                }
                @if nobody {
                    p.hint #send-why {
                        @if v.preview.no_email.is_empty() {
                            (lang.t("send-why-all-done"))
                        } @else {
                            (lang.ta("send-why-no-email", &[
                                ("count", Arg::Num(v.preview.no_email.len() as i64)),
                                ("shown", Arg::Str(lang.number(v.preview.no_email.len() as i64))),
                            ]))
                        }
                    }
                }
                @if !v.deliveries.is_empty() {
                    table.deliveries {
                        caption { (lang.t("deliveries-caption")) }
                        thead { tr {
                            th scope="col" { (lang.t("delivery-recipient")) }
                            th scope="col" { (lang.t("signatures")) }
                            th scope="col" { (lang.t("delivery-state")) }
                            th scope="col" { (lang.t("delivery-error")) }
                        } }
                        tbody {
                            @for d in v.deliveries {
                                tr {
                                    td { (d.recipient_name) @if let Some(pc) = &d.pc_id { " (" (constituency_name(lang, pc)) ")" } }
                                    td.num { (lang.number(d.signatures)) }
                                    td { (lang.t(&format!("delivery-{}", d.state()))) }
                                    td {
                                        @if let Some(e) = &d.last_error { (e) }
                                        @if d.state() == "failed" {
                                            form.inline method="post" action={ (base) "/deliveries/" (d.id) "/retry" } {
                                                (csrf(v.csrf))
                                                button.secondary type="submit" { (lang.t("delivery-retry")) }
                                            }
                                        }
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

/// A zip job's page: its progress while it runs, then its file (kept `kept_hours` hours).
pub fn job(ctx: &Ctx, j: &crate::db::jobs::Job, kept_hours: u64) -> Markup {
    let lang = ctx.lang;
    let title = lang.t("job-title");
    let (done, total) = (j.done, j.total);
    page(
        ctx,
        &title,
        html! {
            p { a href={ "/admin/petitions/" (j.petition_id) "/delivery" } { (lang.t("delivery-back")) } }
            h1 { (title) }
            div role="status" {
                p { (lang.t(&format!("job-{}", j.status().code()))) " · " (done) "/" (total) }
                progress value=(done) max=(total.max(1)) aria-label=(title) { (done) "/" (total) }
                @if j.status() == JobStatus::Running { p.hint { (lang.t("job-leave")) } }
                @if let Some(e) = &j.error { p.error { (e) } }
                @if j.status() == JobStatus::Done {
                    @if j.file.is_some() {
                        p { a.button.primary href={ "/admin/jobs/" (j.id) "/download" } { (lang.t("job-download")) } }
                        p.hint { (lang.ta("job-kept", &[("hours", Arg::Num(kept_hours as i64))])) }
                    } @else {
                        p { (lang.t("job-deleted")) }
                    }
                }
            }
        },
    )
}

/// Members shown on one page of `/admin/recipients`.
pub const MEMBERS_PER_PAGE: usize = 25;

/// One page of members, as searched.
pub struct MemberPage<'a> {
    pub members: &'a [(String, Member)],
    pub q: &'a str,
    pub missing_email: bool,
    /// 1-based, of `pages`.
    pub page: usize,
    pub pages: usize,
    /// How many matched.
    pub total: usize,
}

impl MemberPage<'_> {
    /// The number of the first member shown, counting from 1.
    fn first(&self) -> usize {
        (self.page - 1) * MEMBERS_PER_PAGE + 1
    }

    fn link(&self, page: usize) -> String {
        let mut url = format!("/admin/recipients?page={page}");
        if !self.q.is_empty() {
            url.push_str("&q=");
            url.push_str(&super::layout::urlencode(self.q));
        }
        if self.missing_email {
            url.push_str("&missing=email");
        }
        url
    }
}

pub fn recipients(
    ctx: &Ctx,
    ministries: &[crate::delivery::RecipientRow],
    m: &MemberPage<'_>,
    token: &str,
) -> Markup {
    let lang = ctx.lang;
    let members = m.members;
    let q = m.q;
    let title = lang.t("recipients-title");
    page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            h2 { (lang.t("recipients-ministries")) }
            @for (id, kind, name, email, postal) in ministries {
                form.recipient method="post" action={ "/admin/recipients/ministry/" (id) } {
                    (csrf(token))
                    fieldset {
                        legend { (name) " (" (kind) ")" }
                        (field(&format!("m{id}-name"), "name", &lang.t("recipient-name"), name))
                        (field(&format!("m{id}-email"), "email", &lang.t("field-email"), email.as_deref().unwrap_or("")))
                        (field(&format!("m{id}-postal"), "postal_address", &lang.t("recipient-postal"), postal.as_deref().unwrap_or("")))
                        button.secondary type="submit" { (lang.t("recipient-save")) }
                    }
                }
            }
            h2 { (lang.t("recipients-members")) }
            form.search method="get" action="/admin/recipients" role="search" {
                div.field {
                    label for="q" { (lang.t("recipients-search")) }
                    input #q type="search" name="q" value=(q);
                }
                div.check {
                    input #missing type="checkbox" name="missing" value="email" checked[m.missing_email];
                    label for="missing" { (lang.t("recipients-missing-email")) }
                }
                button.secondary type="submit" { (lang.t("search-button")) }
            }
            p role="status" {
                @if m.total == 0 {
                    (lang.t("recipients-none"))
                } @else {
                    (lang.ta("recipients-showing", &[
                        ("from", Arg::Str(lang.number(m.first() as i64))),
                        ("to", Arg::Str(lang.number((m.first() + members.len()).saturating_sub(1) as i64))),
                        ("total", Arg::Str(lang.number(m.total as i64))),
                    ]))
                }
            }
            @for (pc, m) in members {
                form.recipient method="post" action={ "/admin/recipients/member/" (pc) } {
                    (csrf(token))
                    fieldset {
                        legend { (constituency_name(lang, pc)) " (" (pc) ")" }
                        (field(&format!("{pc}-name"), "name", &lang.t("recipient-name"), &m.name))
                        (field(&format!("{pc}-party"), "party", &lang.t("recipient-party"), &m.party))
                        (field(&format!("{pc}-email"), "email", &lang.t("field-email"), m.email.as_deref().unwrap_or("")))
                        (field(&format!("{pc}-postal"), "postal_address", &lang.t("recipient-postal"), m.postal_address.as_deref().unwrap_or("")))
                        button.secondary type="submit" { (lang.t("recipient-save")) }
                    }
                }
            }
            @if m.pages > 1 {
                nav.pages aria-label=(lang.t("recipients-pages")) {
                    @if m.page > 1 {
                        a rel="prev" href=(m.link(m.page - 1)) { (lang.t("page-previous")) }
                    }
                    span { (lang.ta("page-of", &[("page", Arg::Num(m.page as i64)), ("pages", Arg::Num(m.pages as i64))])) }
                    @if m.page < m.pages {
                        a rel="next" href=(m.link(m.page + 1)) { (lang.t("page-next")) }
                    }
                }
            }
        },
    )
}

fn field(id: &str, name: &str, label: &str, value: &str) -> Markup {
    html! {
        div.field {
            label for=(id) { (label) }
            input id=(id) name=(name) type="text" value=(value);
        }
    }
}

pub fn letters(ctx: &Ctx, form: &Form, problems: &Problems, token: &str) -> Markup {
    let lang = ctx.lang;
    let f = Fields {
        lang,
        form,
        problems,
    };
    let title = lang.t("letters-title");
    page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p { (lang.t("letters-lede")) }
            p { @for (i, p) in PLACEHOLDERS.iter().enumerate() { @if i > 0 { ", " } code { (p) } } }
            (f.summary(&Lang::ALL.map(|l| (crate::delivery::letter_field(l), l.endonym().to_string()))))
            form method="post" action="/admin/letters" novalidate {
                (csrf(token))
                @for l in Lang::ALL {
                    (f.textarea(Input::new(crate::delivery::letter_field(l), l.endonym().into()).max(5000), 16))
                }
                button.primary type="submit" { (lang.t("letters-save")) }
            }
        },
    )
}
