//! The integrity console (moderators and admins) and the rules page (admins): what a wave
//! looks like, and what staff do about it.

use chrono::NaiveDateTime;
use maud::{Markup, html};

use super::forms::{Fields, Input, csrf};
use super::layout::{Ctx, page};
use crate::db::console::{Bucket, Flags, Found, Ranked, Tally};
use crate::db::integrity::{Flag, Invalidation};
use crate::db::petitions::Petition;
use crate::forms::{Form, Problems};
use crate::i18n::{Arg, Lang};
use crate::integrity::rules::{Matcher, Rule, Scope};
use crate::integrity::spike::Rate;
use crate::refdata::INDIA;

/// The console's windows: the last hour, the last day, the whole petition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    Hour,
    Day,
    All,
}

impl Window {
    pub const ALL: [Window; 3] = [Window::Hour, Window::Day, Window::All];

    pub fn code(self) -> &'static str {
        match self {
            Window::Hour => "hour",
            Window::Day => "day",
            Window::All => "all",
        }
    }

    pub fn parse(s: &str) -> Option<Window> {
        Window::ALL.into_iter().find(|w| w.code() == s)
    }
}

/// What the invalidation form shows after "see how many": the count, and the criteria to apply.
pub struct Preview {
    pub count: i64,
    pub changed: bool,
}

pub struct Console<'a> {
    pub petition: &'a Petition,
    pub window: Window,
    pub flags: Flags,
    pub networks: &'a [Ranked],
    pub domains: &'a [Ranked],
    pub constituencies: &'a [Ranked],
    pub buckets: &'a [Bucket],
    /// Seconds per bucket.
    pub width: i64,
    pub rate: Rate,
    pub tally: Tally,
    pub invalidations: &'a [Invalidation],
    /// The invalidation form as filled in, its problems, and its preview.
    pub form: &'a Form,
    pub problems: &'a Problems,
    pub preview: Option<Preview>,
    /// An address looked up, and what was found.
    pub lookup: Option<Option<Found>>,
    pub notice: Option<String>,
    pub csrf: &'a str,
}

fn share(n: i64, total: i64) -> String {
    if total <= 0 {
        return "–".into();
    }
    format!("{:.1}%", n as f64 * 100.0 / total as f64)
}

fn ranked(lang: Lang, caption: &str, head: &str, rows: &[Ranked], total: i64) -> Markup {
    html! {
        table.ranked {
            caption { (caption) }
            thead { tr {
                th scope="col" { (head) }
                th.num scope="col" { (lang.t("integrity-col-count")) }
                th.num scope="col" { (lang.t("integrity-col-share")) }
            } }
            tbody {
                @for r in rows {
                    tr {
                        td { (r.key.clone().unwrap_or_else(|| lang.t("integrity-unknown"))) }
                        td.num { (r.n) }
                        td.num { (share(r.n, total)) }
                    }
                }
                @if rows.is_empty() {
                    tr { td colspan="3" { (lang.t("integrity-none")) } }
                }
            }
        }
    }
}

fn pc_name(lang: Lang, pc: &str) -> String {
    INDIA
        .constituency(pc)
        .map(|c| format!("{} ({pc})", c.name_in(lang)))
        .unwrap_or_else(|| pc.to_string())
}

/// Signatures per bucket (a minute, a quarter of an hour or a day, by the window), one bar each.
fn per_bucket_svg(lang: Lang, buckets: &[Bucket], width: i64) -> Markup {
    let max = buckets.iter().map(|b| b.n).max().unwrap_or(0).max(1) as f64;
    let (w, h, left, bottom) = (600.0, 160.0, 48.0, 20.0);
    // Gaps stay gaps: a bar's place is its time, from the first bucket to the last.
    let first = buckets.first().map_or(0, |b| b.start);
    let last = buckets.last().map_or(0, |b| b.start);
    let slots = ((last - first) / width.max(1) + 1).max(1) as f64;
    let slot = (w - left) / slots;
    let title = lang.t(match width {
        60 => "integrity-chart-minute",
        86_400 => "integrity-chart-day",
        _ => "integrity-chart-quarter",
    });
    let when = |s: i64| {
        chrono::DateTime::from_timestamp(s, 0)
            .map(|t| {
                t.format(if width >= 86_400 {
                    "%Y-%m-%d"
                } else {
                    "%Y-%m-%d %H:%M"
                })
                .to_string()
            })
            .unwrap_or_default()
    };
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (w) " " (h) } class="chart"
            role="img" aria-labelledby="per-bucket-title" {
            title #per-bucket-title { (title) }
            g class="chart-labels" fill="currentColor" font-size="11" {
                text x=(left - 4.0) y="12" text-anchor="end" { (max) }
                text x=(left - 4.0) y=(h - bottom) text-anchor="end" { "0" }
                @if !buckets.is_empty() {
                    text x=(left) y=(h - 4.0) text-anchor="start" { (when(first)) " UTC" }
                    @if last > first {
                        text x=(w) y=(h - 4.0) text-anchor="end" { (when(last)) }
                    }
                }
            }
            g class="chart-bars" fill="currentColor" {
                @for b in buckets {
                    @let i = ((b.start - first) / width.max(1)) as f64;
                    @let bh = (b.n as f64 / max * (h - bottom - 8.0)).max(1.0);
                    rect x=(format!("{:.1}", left + slot * i)) y=(format!("{:.1}", h - bottom - bh))
                        width=(format!("{:.1}", (slot * 0.8).max(1.0))) height=(format!("{bh:.1}")) {
                        title { (when(b.start)) ": " (b.n) }
                    }
                }
            }
        }
    }
}

pub fn console(ctx: &Ctx, v: &Console<'_>) -> Markup {
    let lang = ctx.lang;
    let id = v.petition.id();
    let title = lang.ta(
        "integrity-title",
        &[("title", Arg::Str(v.petition.text(lang).title.clone()))],
    );
    let base = format!("/admin/petitions/{id}/integrity");
    let total = v.flags.total;
    let f = Fields {
        lang,
        form: v.form,
        problems: v.problems,
    };
    let flag_options: Vec<(String, String)> =
        std::iter::once((String::new(), lang.t("integrity-flag-any")))
            .chain(Flag::ALL.iter().map(|fl| {
                (
                    fl.code().to_string(),
                    lang.t(&format!("integrity-flag-{}", fl.code())),
                )
            }))
            .collect();
    let labels: Vec<(&str, String)> = crate::integrity::criteria::FIELDS
        .iter()
        .map(|f| (*f, lang.t(&format!("integrity-field-{f}"))))
        .chain([("reason", lang.t("integrity-field-reason"))])
        .collect();
    page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p { a href={ "/admin/petitions/" (id) } { (lang.t("integrity-back")) } " · " a href={ "/petitions/" (id) "/method" } { (lang.t("method-link")) } }
            @if let Some(n) = &v.notice { p.notice role="status" { (n) } }
            nav.windows aria-label=(lang.t("integrity-window")) {
                @for w in Window::ALL {
                    @if w == v.window {
                        span.current aria-current="page" { (lang.t(&format!("integrity-window-{}", w.code()))) }
                    } @else {
                        a href={ (base) "?window=" (w.code()) } { (lang.t(&format!("integrity-window-{}", w.code()))) }
                    }
                    " "
                }
            }
            @if v.rate.spiking {
                p.notice.error role="alert" { (lang.ta("integrity-spike", &[("recent", Arg::Str(format!("{:.1}", v.rate.recent_per_minute))), ("trailing", Arg::Str(format!("{:.1}", v.rate.trailing_per_minute)))])) }
            } @else {
                p { (lang.ta("integrity-rate", &[("recent", Arg::Str(format!("{:.1}", v.rate.recent_per_minute))), ("trailing", Arg::Str(format!("{:.1}", v.rate.trailing_per_minute)))])) }
            }
            section aria-labelledby="summary-h" {
                h2 #summary-h { (lang.ta("integrity-summary", &[("count", Arg::Num(total))])) }
                table.ranked {
                    caption { (lang.t("integrity-flags")) }
                    thead { tr {
                        th scope="col" { (lang.t("integrity-col-flag")) }
                        th.num scope="col" { (lang.t("integrity-col-count")) }
                        th.num scope="col" { (lang.t("integrity-col-share")) }
                    } }
                    tbody {
                        @for (fl, n) in [(Flag::Disposable, v.flags.disposable), (Flag::TooFast, v.flags.too_fast), (Flag::Honeypot, v.flags.honeypot), (Flag::Held, v.flags.held)] {
                            tr { td { (lang.t(&format!("integrity-flag-{}", fl.code()))) } td.num { (n) } td.num { (share(n, total)) } }
                        }
                    }
                }
                figure.chart { (per_bucket_svg(lang, v.buckets, v.width)) }
            }
            div.columns {
                (ranked(lang, &lang.t("integrity-top-networks"), &lang.t("integrity-field-network"), v.networks, total))
                (ranked(lang, &lang.t("integrity-top-domains"), &lang.t("integrity-field-domain"), v.domains, total))
                @let pcs: Vec<Ranked> = v.constituencies.iter().map(|r| Ranked { key: r.key.as_deref().map(|k| pc_name(lang, k)), n: r.n }).collect();
                (ranked(lang, &lang.t("integrity-top-constituencies"), &lang.t("integrity-field-constituency"), &pcs, total))
            }
            section aria-labelledby="held-h" {
                h2 #held-h { (lang.ta("integrity-held", &[("count", Arg::Num(v.tally.held))])) }
                @if v.tally.held > 0 {
                    form.inline method="post" action={ "/admin/petitions/" (id) "/held/release" } {
                        (csrf(v.csrf))
                        button type="submit" { (lang.ta("integrity-release", &[("count", Arg::Num(v.tally.held))])) }
                    }
                    p { (lang.t("integrity-held-invalidate")) }
                }
            }
            section aria-labelledby="invalidate-h" {
                h2 #invalidate-h { (lang.t("integrity-invalidate")) }
                p.hint { (lang.t("integrity-invalidate-hint")) }
                (f.summary(&labels))
                form method="post" action={ "/admin/petitions/" (id) "/invalidations" } novalidate {
                    (csrf(v.csrf))
                    (f.input(Input::new("network", lang.t("integrity-field-network")).hint(lang.t("integrity-hint-network"))))
                    (f.input(Input::new("domain", lang.t("integrity-field-domain"))))
                    (f.input(Input::new("address", lang.t("integrity-field-address")).kind("email")))
                    (f.input(Input::new("since", lang.t("integrity-field-since")).hint(lang.t("integrity-hint-time"))))
                    (f.input(Input::new("until", lang.t("integrity-field-until")).hint(lang.t("integrity-hint-until"))))
                    (f.input(Input::new("constituency", lang.t("integrity-field-constituency")).hint(lang.t("integrity-hint-constituency"))))
                    (f.select(Input::new("flag", lang.t("integrity-field-flag")), &flag_options))
                    (f.textarea(Input::new("reason", lang.t("integrity-field-reason")).hint(lang.t("integrity-hint-reason")).max(500), 2))
                    @match &v.preview {
                        Some(p) if p.count > 0 => {
                            p.notice role="status" {
                                @if p.changed { (lang.t("integrity-preview-changed")) " " }
                                (lang.ta("integrity-preview", &[("count", Arg::Num(p.count))]))
                            }
                            input type="hidden" name="expected" value=(p.count);
                            button type="submit" name="step" value="apply" { (lang.ta("integrity-apply", &[("count", Arg::Num(p.count))])) }
                            " "
                            button.secondary type="submit" name="step" value="preview" { (lang.t("integrity-preview-again")) }
                        }
                        Some(_) => {
                            p.notice role="status" { (lang.t("integrity-preview-none")) }
                            button type="submit" name="step" value="preview" { (lang.t("integrity-preview-button")) }
                        }
                        None => {
                            button type="submit" name="step" value="preview" { (lang.t("integrity-preview-button")) }
                        }
                    }
                }
            }
            section aria-labelledby="invalidations-h" {
                h2 #invalidations-h { (lang.t("integrity-invalidations")) }
                @if v.invalidations.is_empty() {
                    p { (lang.t("integrity-none")) }
                } @else {
                    table.ranked {
                        thead { tr {
                            th scope="col" { (lang.t("integrity-col-when")) }
                            th scope="col" { (lang.t("integrity-field-reason")) }
                            th.num scope="col" { (lang.t("integrity-col-count")) }
                            th scope="col" { (lang.t("integrity-col-state")) }
                        } }
                        tbody {
                            @for i in v.invalidations {
                                tr {
                                    td { (i.created_at.format("%Y-%m-%d %H:%M")) " UTC" }
                                    td { (i.reason) }
                                    td.num { (i.matched) }
                                    td {
                                        @if let Some(at) = i.cancelled_at {
                                            (lang.ta("integrity-cancelled", &[("date", Arg::Str(at.format("%Y-%m-%d %H:%M").to_string()))]))
                                        } @else {
                                            form.inline method="post" action={ "/admin/invalidations/" (i.id) "/cancel" } {
                                                (csrf(v.csrf))
                                                button.secondary type="submit" { (lang.ta("integrity-cancel", &[("count", Arg::Num(i.matched))])) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            section aria-labelledby="lookup-h" {
                h2 #lookup-h { (lang.t("integrity-lookup")) }
                form method="post" action={ "/admin/petitions/" (id) "/integrity/lookup" } {
                    (csrf(v.csrf))
                    label for="lookup-address" { (lang.t("integrity-field-address")) }
                    input #lookup-address type="email" name="address" autocomplete="off";
                    " "
                    button.secondary type="submit" { (lang.t("integrity-lookup-button")) }
                }
                @match &v.lookup {
                    Some(Some(s)) => (found(lang, s)),
                    Some(None) => p role="status" { (lang.t("integrity-lookup-none")) },
                    None => {},
                }
            }
        },
    )
}

fn found(lang: Lang, s: &Found) -> Markup {
    let state = match (s.invalidation_id, s.held, s.confirmed_at) {
        (Some(_), _, _) => "invalidated",
        (None, true, _) => "held",
        (None, false, Some(_)) => "counted",
        (None, false, None) => "waiting",
    };
    let when = |t: NaiveDateTime| format!("{} UTC", t.format("%Y-%m-%d %H:%M"));
    html! {
        dl.found role="status" {
            dt { (lang.t("integrity-col-state")) } dd { (lang.t(&format!("integrity-state-{state}"))) }
            dt { (lang.t("integrity-signed-at")) } dd { (when(s.created_at)) }
            @if let Some(t) = s.confirmed_at { dt { (lang.t("integrity-confirmed-at")) } dd { (when(t)) } }
            dt { (lang.t("integrity-field-network")) } dd { (s.network.clone().unwrap_or_else(|| lang.t("integrity-unknown"))) }
            dt { (lang.t("integrity-field-domain")) } dd { (s.email_domain) @if s.disposable { " · " (lang.t("integrity-flag-disposable")) } }
            dt { (lang.t("integrity-form-seconds")) } dd { @match s.form_seconds { Some(n) if n >= 0 => (n), Some(_) => (lang.t("integrity-no-stamp")), None => (lang.t("integrity-unknown")) } }
            @if s.honeypot { dt { (lang.t("integrity-flag-honeypot")) } dd { "✓" } }
            dt { (lang.t("integrity-field-constituency")) } dd { (pc_name(lang, &s.pc_id)) }
        }
    }
}

fn describe(lang: Lang, m: &Matcher) -> String {
    match m {
        Matcher::Rate {
            scope,
            burst,
            sustained,
        } => {
            let mut parts = vec![lang.t(&format!("rule-scope-{}", scope.code()))];
            if let Some(b) = burst {
                parts.push(lang.ta("rule-burst-is", &[("count", Arg::Num(i64::from(*b)))]));
            }
            if let Some(s) = sustained {
                parts.push(lang.ta("rule-sustained-is", &[("count", Arg::Num(i64::from(*s)))]));
            }
            parts.join(" · ")
        }
        Matcher::Disposable | Matcher::Honeypot => String::new(),
        Matcher::TooFast(s) => lang.ta("rule-too-fast-is", &[("count", Arg::Num(i64::from(*s)))]),
        other => other.value(),
    }
}

pub fn rules(
    ctx: &Ctx,
    list: &[Rule],
    unreadable: &[i64],
    form: &Form,
    problems: &Problems,
    notice: Option<String>,
    token: &str,
) -> Markup {
    let lang = ctx.lang;
    let title = lang.t("rules-title");
    let f = Fields {
        lang,
        form,
        problems,
    };
    let kinds: Vec<(String, String)> = Matcher::KINDS
        .iter()
        .map(|k| (k.to_string(), lang.t(&format!("rule-kind-{k}"))))
        .collect();
    let scopes: Vec<(String, String)> = Scope::ALL
        .iter()
        .map(|s| {
            (
                s.code().to_string(),
                lang.t(&format!("rule-scope-{}", s.code())),
            )
        })
        .collect();
    let actions: Vec<(String, String)> = ["hold", "block"]
        .iter()
        .map(|a| (a.to_string(), lang.t(&format!("rule-action-{a}"))))
        .collect();
    let labels: Vec<(&str, String)> = [
        "kind",
        "scope",
        "value",
        "burst",
        "sustained",
        "action",
        "note",
    ]
    .iter()
    .map(|k| (*k, lang.t(&format!("rule-field-{k}"))))
    .collect();
    page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p { (lang.t("rules-intro")) }
            @if let Some(n) = notice { p.notice role="status" { (n) } }
            @if !unreadable.is_empty() {
                p.notice.error role="alert" { (lang.ta("rules-unreadable", &[("ids", Arg::Str(unreadable.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", ")))])) }
            }
            @if list.is_empty() {
                p { (lang.t("rules-none")) }
            } @else {
                table.ranked {
                    thead { tr {
                        th scope="col" { (lang.t("rule-field-kind")) }
                        th scope="col" { (lang.t("rule-field-value")) }
                        th scope="col" { (lang.t("rule-field-action")) }
                        th scope="col" { (lang.t("rule-field-note")) }
                        th.num scope="col" { (lang.t("rule-hits")) }
                        th scope="col" { span.visually-hidden { (lang.t("rule-remove")) } }
                    } }
                    tbody {
                        @for r in list {
                            tr {
                                td { (lang.t(&format!("rule-kind-{}", r.matcher.kind()))) }
                                td { (describe(lang, &r.matcher)) }
                                td { (lang.t(&format!("rule-action-{}", r.action.code()))) }
                                td { (r.note) }
                                td.num { (r.hits) }
                                td {
                                    form.inline method="post" action={ "/admin/rules/" (r.id) "/delete" } {
                                        (csrf(token))
                                        button.secondary type="submit" aria-label=(lang.ta("rule-remove-label", &[("id", Arg::Num(r.id))])) { (lang.t("rule-remove")) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h2 { (lang.t("rules-add")) }
            (f.summary(&labels))
            form method="post" action="/admin/rules" novalidate {
                (csrf(token))
                (f.select(Input::new("kind", lang.t("rule-field-kind")), &kinds))
                (f.input(Input::new("value", lang.t("rule-field-value")).hint(lang.t("rule-hint-value"))))
                (f.select(Input::new("scope", lang.t("rule-field-scope")).hint(lang.t("rule-hint-scope")), &scopes))
                (f.input(Input::new("burst", lang.t("rule-field-burst")).kind("number")))
                (f.input(Input::new("sustained", lang.t("rule-field-sustained")).kind("number")))
                (f.select(Input::new("action", lang.t("rule-field-action")).hint(lang.t("rule-hint-action")), &actions))
                (f.input(Input::new("note", lang.t("rule-field-note")).max(500)))
                button type="submit" { (lang.t("rules-add-button")) }
            }
        },
    )
}
