//! Responses and thresholds: the staff page that records them, and the timeline and responses
//! a petition's page shows.

use std::collections::HashMap;

use chrono::NaiveDate;
use maud::{Markup, html};

use super::forms::{Fields, Input, csrf};
use super::layout::{Ctx, page};
use super::petition::{constituency_name, state_name};
use crate::db::petitions::Petition;
use crate::db::responses::{Response, STANCES, Threshold};
use crate::delivery::Member;
use crate::forms::{Form, Problems};
use crate::i18n::{Arg, Lang};
use crate::refdata::INDIA;

/// A member's name in `lang` (transliterated where the pack has it).
pub fn member_name(lang: Lang, pc: &str, name: &str) -> String {
    crate::refdata::member_name_in(lang, pc, name)
}

/// Who answered, as a reader of `lang` reads it.
pub fn responder(lang: Lang, r: &Response) -> String {
    match &r.pc_id {
        Some(pc) => member_responder(lang, pc, &r.responder),
        None => r.responder.clone(),
    }
}

/// A member who answered: "Name, Member of Parliament for Constituency".
pub fn member_responder(lang: Lang, pc: &str, name: &str) -> String {
    lang.ta(
        "response-member",
        &[
            ("name", Arg::Str(member_name(lang, pc, name))),
            ("constituency", Arg::Str(constituency_name(lang, pc))),
        ],
    )
}

/// What the staff page shows and the two forms as sent.
pub struct ResponsesPage<'a> {
    pub petition: &'a Petition,
    pub responses: &'a [Response],
    pub thresholds: &'a [Threshold],
    pub members: &'a HashMap<String, Member>,
    pub form: &'a Form,
    pub problems: &'a Problems,
    pub threshold_form: &'a Form,
    pub threshold_problems: &'a Problems,
    pub csrf: &'a str,
}

pub fn staff_page(ctx: &Ctx, v: &ResponsesPage<'_>) -> Markup {
    let lang = ctx.lang;
    let p = v.petition;
    let id = p.id();
    let heading = lang.t("responses-title");
    let failed = !v.problems.is_empty() || !v.threshold_problems.is_empty();
    let title = if failed {
        format!("{}: {heading}", lang.t("error-title-prefix"))
    } else {
        heading.clone()
    };
    let f = Fields {
        lang,
        form: v.form,
        problems: v.problems,
    };
    let tf = Fields {
        lang,
        form: v.threshold_form,
        problems: v.threshold_problems,
    };
    let langs = crate::responses::threshold_langs(p);
    let text_label = |l: Lang| {
        lang.ta(
            "threshold-text",
            &[("language", Arg::Str(l.endonym().into()))],
        )
    };
    let mut threshold_labels = vec![("signatures", lang.t("threshold-signatures"))];
    threshold_labels.extend(langs.iter().map(|(field, l)| (*field, text_label(*l))));
    let lang_options: Vec<(String, String)> = Lang::ALL
        .iter()
        .map(|l| (l.code().to_string(), l.endonym().to_string()))
        .collect();
    let who = v.form.get("who");
    let who_problem = v.problems.of("who");
    let stance = v.form.get("stance");
    let doc_problem = v.problems.of("document");
    page(
        ctx,
        &title,
        html! {
            p { a href={ "/admin/petitions/" (id) "/delivery" } { (lang.t("responses-back")) } }
            h1 { (heading) }
            p.lede { (p.text(lang).title) }
            section aria-labelledby="recorded-heading" {
                h2 #recorded-heading { (lang.t("responses-recorded")) }
                @if v.responses.is_empty() {
                    p { (lang.t("responses-none")) }
                } @else {
                    (responses_list(lang, v.responses))
                }
            }
            section aria-labelledby="record-heading" {
                h2 #record-heading { (lang.t("response-record-heading")) }
                p.hint { (lang.t("response-record-note")) }
                (f.summary(&[
                    ("who", lang.t("response-who")),
                    ("received_on", lang.t("response-received")),
                    ("stance", lang.t("response-stance")),
                    ("lang", lang.t("response-lang")),
                    ("body", lang.t("response-body")),
                    ("document", lang.t("response-document")),
                ]))
                form method="post" action={ "/admin/petitions/" (id) "/responses" } enctype="multipart/form-data" novalidate {
                    (csrf(v.csrf))
                    div.field.invalid[who_problem.is_some()] {
                        label for="who" { (lang.t("response-who")) }
                        @if let Some(pr) = who_problem { p.error #who-error { (lang.t(pr.key)) } }
                        select #who name="who" aria-invalid=[who_problem.map(|_| "true")]
                            aria-describedby=[who_problem.map(|_| "who-error")] {
                            option value="" { (lang.t("response-who-choose")) }
                            optgroup label=(lang.t("response-who-recipients")) {
                                @for r in &p.recipients {
                                    @let value = format!("r:{}", r.id);
                                    option value=(value) selected[who == value] { (r.name_in(lang)) }
                                }
                            }
                            @for s in &INDIA.states {
                                optgroup label=(state_name(lang, &s.code)) {
                                    @for c in INDIA.constituencies.iter().filter(|c| c.state_code == s.code) {
                                        @let value = format!("pc:{}", c.pc_id);
                                        option value=(value) selected[who == value] {
                                            (constituency_name(lang, &c.pc_id))
                                            @if let Some(m) = v.members.get(&c.pc_id).filter(|m| !m.name.is_empty()) {
                                                " — " (member_name(lang, &c.pc_id, &m.name))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    (f.input(Input::new("received_on", lang.t("response-received")).kind("date").hint(lang.t("response-received-hint"))))
                    fieldset #stance .invalid[v.problems.of("stance").is_some()] {
                        legend { (lang.t("response-stance")) }
                        @if let Some(pr) = v.problems.of("stance") { p.error { (lang.t(pr.key)) } }
                        @for s in STANCES {
                            div.check {
                                input type="radio" name="stance" id={ "stance-" (s) } value=(s) checked[stance == s];
                                label for={ "stance-" (s) } { (lang.t(&format!("response-stance-{s}"))) }
                            }
                        }
                    }
                    (f.select(Input::new("lang", lang.t("response-lang")), &lang_options))
                    (f.textarea(Input::new("body", lang.t("response-body")).max(crate::responses::BODY_MAX).hint(lang.t("response-body-hint")), 8))
                    div.field.invalid[doc_problem.is_some()] {
                        label for="document" { (lang.t("response-document")) }
                        p.hint #document-hint { (lang.ta("response-document-hint", &[("mb", Arg::Num((crate::responses::DOCUMENT_MAX / (1024 * 1024)) as i64))])) }
                        @if let Some(pr) = doc_problem { p.error #document-error { (lang.t(pr.key)) } }
                        input #document type="file" name="document" accept="application/pdf"
                            aria-invalid=[doc_problem.map(|_| "true")]
                            aria-describedby=(if doc_problem.is_some() { "document-hint document-error" } else { "document-hint" });
                    }
                    button.primary type="submit" { (lang.t("response-record")) }
                }
            }
            section aria-labelledby="thresholds-heading" {
                h2 #thresholds-heading { (lang.t("thresholds-heading")) }
                p.hint { (lang.t("thresholds-hint")) }
                @if v.thresholds.is_empty() {
                    p { (lang.t("thresholds-none")) }
                } @else {
                    ul.thresholds {
                        @for t in v.thresholds {
                            li {
                                (threshold(lang, t, &p.row.lang))
                                form.inline method="post" action={ "/admin/petitions/" (id) "/thresholds/" (t.signatures) "/remove" } {
                                    (csrf(v.csrf))
                                    button.secondary type="submit" { (lang.t("threshold-remove")) }
                                }
                            }
                        }
                    }
                }
                (tf.summary(&threshold_labels))
                form method="post" action={ "/admin/petitions/" (id) "/thresholds" } novalidate {
                    (csrf(v.csrf))
                    (tf.input(Input::new("signatures", lang.t("threshold-signatures")).kind("number")))
                    @for (field, l) in &langs {
                        (tf.input(Input::new(field, text_label(*l)).max(crate::responses::THRESHOLD_TEXT_MAX)))
                    }
                    button.secondary type="submit" { (lang.t("threshold-add")) }
                }
            }
        },
    )
}

/// "At 1,00,000 signatures: what happens", the text marked with its language where it is not
/// the page's (a petition without a text in the reader's language).
fn threshold(lang: Lang, t: &Threshold, own: &str) -> Markup {
    let (code, text) = t.text(lang, own);
    html! {
        (lang.ta("timeline-threshold", &[("count", Arg::Num(t.signatures))])) ": "
        @if code == lang.code() { (text) } @else { span lang=(code) { (text) } }
    }
}

/// Responses as a list: date, who, what they said, their words and their letter.
pub fn responses_list(lang: Lang, responses: &[Response]) -> Markup {
    html! {
        ul.responses {
            @for r in responses {
                li.response id={ "response-" (r.id) } {
                    p.response-head {
                        time datetime=(r.received_on.to_string()) { (lang.date(r.received_on)) }
                        " · "
                        @match &r.pc_id {
                            Some(pc) => a href=(lang.url(&format!("/representatives/{pc}"))) { (responder(lang, r)) },
                            None => strong { (responder(lang, r)) },
                        }
                    }
                    p { span.stance.{ "stance-" (r.stance) } { (lang.t(&format!("response-stance-{}", r.stance))) } }
                    @if !r.body.is_empty() {
                        blockquote lang=(r.lang) {
                            @for para in r.body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
                                p { (para) }
                            }
                        }
                    }
                    @if let Some(bytes) = r.document_bytes {
                        p { a href=(format!("/responses/{}.pdf", r.id)) type="application/pdf" {
                            (lang.ta("response-document-link", &[("kb", Arg::Num((bytes + 1023) / 1024))]))
                        } }
                    }
                }
            }
        }
    }
}

/// The petition's timeline: when it opened, each threshold (reached, or how far off), when its
/// packs went, and each response; then the responses in full.
pub struct Timeline<'a> {
    pub petition: &'a Petition,
    /// Each threshold with the day it was reached, if it has been.
    pub thresholds: &'a [(Threshold, Option<NaiveDate>)],
    pub delivered: Option<(i64, bool, chrono::NaiveDateTime)>,
    pub responses: &'a [Response],
}

pub fn timeline(lang: Lang, v: &Timeline<'_>) -> Markup {
    let p = v.petition;
    if v.thresholds.is_empty() && v.responses.is_empty() && v.delivered.is_none() {
        return html! {};
    }
    // (day, order within the day, markup); thresholds not yet reached come last.
    let mut events: Vec<(Option<NaiveDate>, u8, Markup)> = Vec::new();
    if let Some(opened) = p.row.opened_at {
        events.push((
            Some(crate::domain::india_day(opened)),
            0,
            html! { (lang.t("timeline-opened")) },
        ));
    }
    for (t, reached) in v.thresholds {
        let what = threshold(lang, t, &p.row.lang);
        let status = match reached {
            Some(day) => lang.ta("timeline-reached", &[("date", Arg::Str(lang.date(*day)))]),
            None => lang.ta(
                "timeline-to-go",
                &[(
                    "count",
                    Arg::Num((t.signatures - p.row.signature_count).max(1)),
                )],
            ),
        };
        events.push((*reached, 1, html! { (what) br; span.hint { (status) } }));
    }
    if let Some((members, ministry, at)) = v.delivered {
        events.push((
            Some(crate::domain::india_day(at)),
            2,
            html! {
                (lang.ta(if ministry { "delivered-members-ministry" } else { "delivered-members" }, &[
                    ("count", Arg::Num(members)),
                    ("date", Arg::Str(lang.day_of(at))),
                ]))
            },
        ));
    }
    for r in v.responses {
        events.push((
            Some(r.received_on),
            3,
            html! {
                a href={ "#response-" (r.id) } { (responder(lang, r)) }
                ": " (lang.t(&format!("response-stance-{}", r.stance)))
            },
        ));
    }
    events.sort_by_key(|(day, order, _)| (day.is_none(), *day, *order));
    html! {
        section.timeline aria-labelledby="timeline-heading" {
            h2 #timeline-heading { (lang.t("timeline-heading")) }
            ol.timeline {
                @for (day, _, what) in events {
                    li.reached[day.is_some()] {
                        @if let Some(day) = day {
                            time datetime=(day.to_string()) { (lang.date(day)) }
                        }
                        div { (what) }
                    }
                }
            }
            @if !v.responses.is_empty() {
                h2 { (lang.t("responses-heading")) }
                (responses_list(lang, v.responses))
                p { a href=(lang.url("/representatives")) { (lang.t("responses-record-link")) } }
            }
        }
    }
}
