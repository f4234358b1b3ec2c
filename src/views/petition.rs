//! The home page and the petition page with its sign form.

use maud::{Markup, html};

use super::layout::{Ctx, page, urlencode};
use crate::db::petitions::Petition;
use crate::domain::Status;
use crate::forms::{Problem, Problems};
use crate::i18n::{Arg, Lang};
use crate::integrity::signals;
use crate::refdata::INDIA;
use crate::signing::SignForm;

pub fn home(ctx: &Ctx, petitions: &[Petition]) -> Markup {
    let lang = ctx.lang;
    page(
        ctx,
        "",
        html! {
            h1 { (lang.t("home-heading")) }
            p.lede { (lang.t("home-lede")) }
            @if petitions.is_empty() {
                p { (lang.t("home-empty")) }
            }
            // The first is the campaign the home page leads with: one staff featured, else the
            // most signed. It gets the room and a way to sign at once.
            ul.petitions {
                @for (i, p) in petitions.iter().enumerate() {
                    li.card.lead[i == 0] {
                        (card(lang, p))
                        @if i == 0 {
                            a.button.primary href={ (lang.url(&format!("/petitions/{}", p.id()))) "#sign" } { (lang.t("sign-jump")) }
                        }
                    }
                }
            }
            p { a href=(lang.url("/petitions")) { (lang.t("browse-all")) } }
        },
    )
}

/// A petition in a list: its title (a link), what it asks, and its progress.
pub fn card(lang: Lang, p: &Petition) -> Markup {
    html! {
        h2 { a href=(lang.url(&format!("/petitions/{}", p.id()))) { (p.text(lang).title) } }
        p { (p.text(lang).action) }
        (progress(lang, p))
    }
}

/// The count, the campaigner's goal, and a bar toward the next milestone (`next_milestone`) with
/// how many more it needs.
fn progress(lang: Lang, p: &Petition) -> Markup {
    let (count, goal, milestone) = progress_figures(p);
    html! {
        div.progress {
            p.count {
                strong { (lang.number(count)) }
                " "
                (lang.ta("signatures-of-goal", &[("count", Arg::Num(count)), ("goal", Arg::Num(goal))]))
            }
            progress value=(count.min(milestone)) max=(milestone)
                aria-label=(lang.ta("progress-label", &[("milestone", Arg::Num(milestone))])) {
                (count.min(milestone) * 100 / milestone) "%"
            }
            p.milestone { (milestone_words(lang, p)) }
        }
    }
}

/// The count, the goal and the next milestone of a petition.
fn progress_figures(p: &Petition) -> (i64, i64, i64) {
    let count = p.row.signature_count.max(0);
    let goal = p.row.goal.max(1);
    (count, goal, crate::domain::next_milestone(count, goal))
}

/// "97 more needed to reach 100", or that the goal is reached.
fn milestone_words(lang: Lang, p: &Petition) -> String {
    let (count, goal, milestone) = progress_figures(p);
    if count >= goal {
        lang.t("milestone-goal-reached")
    } else {
        lang.ta(
            "milestone-more",
            &[
                ("more", Arg::Num(milestone - count)),
                ("milestone", Arg::Num(milestone)),
            ],
        )
    }
}

/// What a petition's share card says in `lang`, as its page says it.
pub fn card_text(lang: Lang, p: &Petition) -> crate::delivery::pdf::card::CardText {
    let (count, goal, milestone) = progress_figures(p);
    crate::delivery::pdf::card::CardText {
        site: lang.t("site-name"),
        title: p.text(lang).title.clone(),
        count: format!(
            "{} {}",
            lang.number(count),
            lang.ta(
                "signatures-of-goal",
                &[("count", Arg::Num(count)), ("goal", Arg::Num(goal))]
            )
        ),
        milestone: milestone_words(lang, p),
        done: count.min(milestone),
        of: milestone,
    }
}

pub struct PetitionView<'a> {
    pub petition: &'a Petition,
    pub by_state: &'a [(String, i64)],
    /// Latest confirmed signers who asked to be shown: name and constituency.
    pub recent: &'a [(String, String)],
    pub form: &'a SignForm,
    pub errors: &'a Problems,
    /// A message about the form as a whole (the captcha, a closed petition).
    pub notice: Option<String>,
    pub base_url: &'a str,
    /// The petition's approved updates, newest first.
    pub updates: &'a [crate::db::updates::Update],
    /// Packs sent: to how many members, whether to a ministry, and when the last went.
    pub delivered: Option<(i64, bool, chrono::NaiveDateTime)>,
    /// The signed time the form was first served (`integrity::signals::served_stamp`).
    pub served: String,
    /// Counted signatures on India's day today.
    pub signed_today: i64,
    /// The page a signer lands on from their confirmation: thanks and sharing, no form.
    pub you_signed: bool,
    /// Its thresholds, each with the day it was reached, and the responses to it.
    pub thresholds: &'a [(crate::db::responses::Threshold, Option<chrono::NaiveDate>)],
    pub responses: &'a [crate::db::responses::Response],
}

/// Who started the petition (if they agreed), when it opened and when it closes, in words.
fn facts(lang: Lang, p: &Petition) -> Markup {
    let mut parts: Vec<String> = Vec::new();
    if let Some(name) = &p.starter {
        parts.push(lang.ta("petition-started-by", &[("name", Arg::Str(name.clone()))]));
    }
    let on = |key: &str, at| lang.ta(key, &[("date", Arg::Str(lang.day_of(at)))]);
    parts.extend(p.row.opened_at.map(|at| on("petition-opened-on", at)));
    match (p.row.closed_at, p.row.closes_at) {
        (Some(at), _) => parts.push(on("petition-closed-on", at)),
        (None, Some(at)) => parts.push(on("petition-closes-on", at)),
        _ => {}
    }
    html! {
        @if !parts.is_empty() {
            ul.facts {
                @for part in &parts { li { (part) } }
            }
        }
    }
}

/// Under the title: the facts, the count toward its milestone with today's signatures, and the
/// way to the form (on a phone the form is a long scroll below), or the signer's thanks.
fn lead(lang: Lang, v: &PetitionView<'_>) -> Markup {
    let p = v.petition;
    html! {
        (facts(lang, p))
        div.summary {
            (progress(lang, p))
            @if v.signed_today > 0 {
                p.today { (lang.ta("signed-today", &[("count", Arg::Num(v.signed_today)), ("shown", Arg::Str(lang.number(v.signed_today)))])) }
            }
            @if v.you_signed {
                p.you-signed role="status" {
                    strong { (lang.t("you-signed")) } " "
                    a href="#share-heading" { (lang.t("you-signed-share")) }
                }
            } @else if p.is_signable() {
                a.button.primary.sign-jump href="#sign" { (lang.t("sign-jump")) }
            }
        }
    }
}

pub fn petition_page(ctx: &Ctx, v: &PetitionView<'_>) -> Markup {
    let lang = ctx.lang;
    let p = v.petition;
    let text = p.text(lang);
    let title_prefix = if v.errors.is_empty() && v.notice.is_none() {
        String::new()
    } else {
        format!("{}: ", lang.t("error-title-prefix"))
    };
    page(
        ctx,
        &format!("{title_prefix}{}", text.title),
        html! {
            @if p.status() == Status::Gathering {
                p.notice role="status" { (lang.t("gathering-notice")) }
            }
            (super::campaigns::petition_body(lang, p, lead(lang, v)))
            @if v.you_signed && p.status() != Status::Gathering {
                (share(lang, &text.title, &format!("{}/petitions/{}", v.base_url, p.id())))
            }
            @if p.status() != Status::Gathering {
                p.method { a href=(lang.url(&format!("/petitions/{}/method", p.id()))) { (lang.t("method-link")) } }
            }
            @if v.you_signed {
            } @else if p.is_signable() {
                (sign_form(ctx, v, &lang.url(&format!("/petitions/{}/signatures#sign", p.id()))))
            } @else {
                p.notice role="status" {
                    (lang.ta("petition-closed-final", &[("count", Arg::Num(p.row.signature_count))]))
                }
            }
            @if !v.you_signed && p.status() != Status::Gathering {
                (share(lang, &text.title, &format!("{}/petitions/{}", v.base_url, p.id())))
            }
            (super::responses::timeline(lang, &super::responses::Timeline {
                petition: p,
                thresholds: v.thresholds,
                delivered: v.delivered,
                responses: v.responses,
            }))
            (super::campaigns::public_updates(lang, v.updates))
            @if !v.recent.is_empty() {
                section.recent {
                    h2 { (lang.t("recent-heading")) }
                    ul.recent-names {
                        @for (name, pc) in v.recent {
                            li { strong { (name) } ", " (constituency_name(lang, pc)) }
                        }
                    }
                }
            }
            @if !v.by_state.is_empty() {
                section.by-state {
                    h2 { (lang.t("by-state-heading")) }
                    (super::map::small(lang, p, v.by_state))
                    table {
                        thead { tr { th scope="col" { (lang.t("state")) } th scope="col" { (lang.t("signatures")) } } }
                        tbody {
                            @for (code, n) in v.by_state.iter().take(10) {
                                tr {
                                    td { (state_name(lang, code)) }
                                    td.num { (lang.number(*n)) }
                                }
                            }
                        }
                    }
                    p { a href={ "/petitions/" (p.id()) ".json" } { (lang.t("all-figures")) } }
                }
            }
        },
    )
}

pub fn state_name(lang: Lang, code: &str) -> String {
    INDIA
        .state(code)
        .map(|s| s.name_in(lang).to_string())
        .unwrap_or_else(|| code.to_string())
}

pub fn constituency_name(lang: Lang, pc_id: &str) -> String {
    INDIA
        .constituency(pc_id)
        .map(|c| c.name_in(lang).to_string())
        .unwrap_or_else(|| pc_id.to_string())
}

fn error_for<'a>(errors: &'a Problems, field: &str) -> Option<&'a Problem> {
    errors.of(field)
}

fn field_label(lang: Lang, field: &str) -> String {
    lang.t(&format!("field-{}", field.replace('_', "-")))
}

fn error_message(lang: Lang, e: &Problem) -> String {
    let msg = lang.t(e.key);
    if matches!(e.key, "error-required" | "error-too-long") {
        format!("{}: {msg}", field_label(lang, e.field))
    } else {
        msg
    }
}

/// The sign form, posting to `action`.
fn sign_form(ctx: &Ctx, v: &PetitionView<'_>, action: &str) -> Markup {
    let lang = ctx.lang;
    let f = v.form;
    let id = v.petition.id();
    let text_field = |field: &'static str,
                      kind: &str,
                      value: &str,
                      autocomplete: &str,
                      extra_hint: Option<String>| {
        let err = error_for(v.errors, field);
        let hint_id = format!("{field}-hint");
        let err_id = format!("{field}-error");
        let described = match (&extra_hint, err) {
            (Some(_), Some(_)) => format!("{hint_id} {err_id}"),
            (Some(_), None) => hint_id.clone(),
            (None, Some(_)) => err_id.clone(),
            (None, None) => String::new(),
        };
        html! {
            div.field.invalid[err.is_some()] {
                label for=(field) { (field_label(lang, field)) }
                @if let Some(h) = &extra_hint { p.hint id=(hint_id) { (h) } }
                @if let Some(e) = err { p.error id=(err_id) { (error_message(lang, e)) } }
                input id=(field) name=(field) type=(kind) value=(value) autocomplete=(autocomplete)
                    aria-invalid=[err.map(|_| "true")]
                    aria-describedby=[(!described.is_empty()).then_some(described.as_str())]
                    inputmode=[(field == "pin_code").then_some("numeric")]
                    maxlength=[match field { "name" => Some("100"), "email" => Some("254"), "pin_code" => Some("7"), _ => None }]
                    required;
            }
        }
    };
    let state_err = error_for(v.errors, "state");
    let pc_err = error_for(v.errors, "constituency");
    let mut states: Vec<_> = INDIA.states.iter().collect();
    if lang != Lang::En {
        states.sort_by(|a, b| a.name_in(lang).cmp(b.name_in(lang)));
    }
    html! {
        section.sign #sign aria-labelledby="sign-heading" {
            h2 #sign-heading { (lang.t("sign-heading")) }
            @if !v.errors.is_empty() {
                div.error-summary role="alert" tabindex="-1" aria-labelledby="error-summary-title" {
                    h3 #error-summary-title { (lang.t("error-summary")) }
                    ul {
                        @for e in &v.errors.0 {
                            li { a href={ "#" (e.field) } { (error_message(lang, e)) } }
                        }
                    }
                }
            }
            @if let Some(n) = &v.notice {
                p.notice.error role="alert" { (n) }
            }
            // The fragment: after a 422 without JavaScript the page opens at the form and its
            // error summary, not at the top of a long page.
            form method="post" action=(action) novalidate {
                @if let Some(key) = v.petition.row.share_key.as_ref().filter(|_| v.petition.status() == Status::Gathering) {
                    input type="hidden" name="key" value=(key);
                }
                // The link's `?source=`: filled by the server for a link that has one, or by the
                // page's script on a page kept for everyone.
                input #source type="hidden" name="source" value=(v.form.source);
                input type="hidden" name=(signals::SERVED_FIELD) value=(v.served);
                // A field no person sees or reaches; what fills it in is not a person.
                div.hp aria-hidden="true" {
                    label for="website" { (lang.t("honeypot-label")) }
                    input #website type="text" name=(signals::HONEYPOT_FIELD) value="" tabindex="-1" autocomplete="off";
                }
                (text_field("name", "text", &f.name, "name", Some(lang.t("hint-name"))))
                (text_field("email", "email", &f.email, "email", Some(lang.t("hint-email"))))
                (text_field("pin_code", "text", &f.pin_code, "postal-code", None))
                div.lookup {
                    button.secondary type="submit" formaction=(lang.url(&format!("/petitions/{id}/lookup#sign"))) formnovalidate {
                        (lang.t("lookup-button"))
                    }
                }
                div.field.invalid[state_err.is_some()] {
                    label for="state" { (field_label(lang, "state")) }
                    @if let Some(e) = state_err { p.error id="state-error" { (error_message(lang, e)) } }
                    select id="state" name="state" autocomplete="address-level1" required
                        aria-invalid=[state_err.map(|_| "true")]
                        aria-describedby=[state_err.map(|_| "state-error")] {
                        option value="" { (lang.t("choose-state")) }
                        @for s in &states {
                            option value=(s.code) selected[s.code == f.state] {
                                (s.name_in(lang))
                            }
                        }
                    }
                }
                div.field.invalid[pc_err.is_some()] {
                    label for="constituency" { (field_label(lang, "constituency")) }
                    p.hint id="constituency-hint" { (lang.t("hint-constituency")) }
                    @if let Some(e) = pc_err { p.error id="constituency-error" { (error_message(lang, e)) } }
                    select id="constituency" name="constituency" required
                        aria-invalid=[pc_err.map(|_| "true")]
                        aria-describedby=(if pc_err.is_some() { "constituency-hint constituency-error" } else { "constituency-hint" }) {
                        option value="" { (lang.t("choose-constituency")) }
                        @for s in &states {
                            optgroup label=(s.name_in(lang)) data-state=(s.code) {
                                @for c in INDIA.constituencies_in(&s.code) {
                                    option value=(c.pc_id) selected[c.pc_id == f.constituency] {
                                        (c.name_in(lang))
                                    }
                                }
                            }
                        }
                    }
                }
                @let adult_err = v.errors.of("adult");
                div.check.adult.invalid[adult_err.is_some()] {
                    @if let Some(e) = adult_err { p.error id="adult-error" { (error_message(lang, e)) } }
                    input type="checkbox" id="adult" name="adult" value="on" checked[f.adult] required
                        aria-invalid=[adult_err.map(|_| "true")]
                        aria-describedby=(if adult_err.is_some() { "adult-hint adult-error" } else { "adult-hint" });
                    label for="adult" { (lang.t("consent-adult")) }
                    p.hint id="adult-hint" { (lang.t("sign-adult-hint")) }
                }
                fieldset.consents {
                    legend { (lang.t("consents-legend")) }
                    (checkbox("show_name", f.show_name, &lang.t("consent-show-name")))
                    (checkbox("deliver_name", f.deliver_name, &lang.t("consent-deliver-name")))
                    (checkbox("updates", f.updates, &lang.t("consent-updates")))
                }
                (super::forms::captcha(ctx))
                button.primary type="submit" { (lang.t("sign-button")) }
                p.hint {
                    (lang.t("sign-privacy")) " "
                    a href=(lang.url("/privacy")) { (lang.t("sign-privacy-link")) }
                }
            }
        }
    }
}

/// The sign form again after too many attempts from one connection: the petition's title, what
/// happened (nothing was sent, nothing typed is lost) and when to try, and the form as filled in.
pub fn sign_later(
    ctx: &Ctx,
    petition: &Petition,
    form: &SignForm,
    minutes: i64,
    served: String,
) -> Markup {
    let lang = ctx.lang;
    let title = lang.t("sign-later-title");
    let v = PetitionView {
        petition,
        by_state: &[],
        recent: &[],
        form,
        errors: &Problems::default(),
        notice: Some(format!(
            "{} {}",
            lang.t("sign-later-body"),
            lang.ta("retry-after", &[("minutes", Arg::Num(minutes))])
        )),
        base_url: "",
        updates: &[],
        delivered: None,
        served,
        signed_today: 0,
        you_signed: false,
        thresholds: &[],
        responses: &[],
    };
    page(
        ctx,
        &format!("{}: {}", title, petition.text(lang).title),
        html! {
            h1 { (title) }
            p.lede { a href=(lang.url(&format!("/petitions/{}", petition.id()))) { (petition.text(lang).title) } }
            (sign_form(ctx, &v, &lang.url(&format!("/petitions/{}/signatures#sign", petition.id()))))
        },
    )
}

fn checkbox(name: &str, checked: bool, label: &str) -> Markup {
    html! {
        div.check {
            input type="checkbox" id=(name) name=(name) value="on" checked[checked];
            label for=(name) { (label) }
        }
    }
}

/// Share links that work without JavaScript; the copy button is added by app.js.
pub fn share(lang: Lang, title: &str, url: &str) -> Markup {
    let message = lang.ta("share-message", &[("title", Arg::Str(title.to_string()))]);
    let text = urlencode(&message);
    let u = urlencode(url);
    let both = urlencode(&format!("{message} {url}"));
    html! {
        section.share aria-labelledby="share-heading" {
            h2 #share-heading { (lang.t("share-heading")) }
            ul.share-links {
                li { a.whatsapp href={ "https://wa.me/?text=" (both) } rel="noopener" target="_blank" { "WhatsApp" } }
                li { a.x href={ "https://twitter.com/intent/tweet?text=" (text) "&url=" (u) } rel="noopener" target="_blank" { "X" } }
                li { a.facebook href={ "https://www.facebook.com/sharer/sharer.php?u=" (u) } rel="noopener" target="_blank" { "Facebook" } }
                li { a.telegram href={ "https://t.me/share/url?url=" (u) "&text=" (text) } rel="noopener" target="_blank" { "Telegram" } }
                li { a.email href={ "mailto:?subject=" (urlencode(title)) "&body=" (both) } { (lang.t("share-email")) } }
            }
            div.copy {
                label for="share-url" { (lang.t("share-copy-label")) }
                input #share-url type="url" readonly value=(url);
                button.secondary.copy-button type="button" data-copy="share-url" data-done=(lang.t("share-copied")) hidden { (lang.t("share-copy")) }
            }
        }
    }
}

/// The petition for a partner's page, in an iframe: its count and progress, and the sign form
/// (posting back here, so every answer can be framed), or, once sent, where the email went.
pub fn embed(ctx: &Ctx, v: &PetitionView<'_>, sent: bool) -> Markup {
    let lang = ctx.lang;
    let p = v.petition;
    let title = &p.text(lang).title;
    let mut url = lang.url(&format!("/petitions/{}", p.id()));
    if let Some(source) = crate::domain::source_code(&v.form.source) {
        url = format!("{url}?source={source}");
    }
    super::layout::framed(
        ctx,
        title,
        html! {
            h1 { a href=(url) target="_blank" rel="noopener" { (title) } }
            (progress(lang, p))
            @if sent {
                div.notice role="status" {
                    h2 { (lang.t("check-email-title")) }
                    p { (lang.ta("check-email-body", &[("title", Arg::Str(title.clone()))])) }
                    p { (lang.t("check-email-spam")) }
                }
            } @else if p.is_signable() {
                (sign_form(ctx, v, &lang.url(&format!("/petitions/{}/embed", p.id()))))
            } @else {
                p.notice role="status" {
                    (lang.ta("petition-closed-final", &[("count", Arg::Num(p.row.signature_count))]))
                }
            }
        },
    )
}
