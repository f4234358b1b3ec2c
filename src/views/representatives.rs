//! The members' record: every member of the Lok Sabha by how long they have left their
//! constituents waiting (`/representatives`), and one member's petitions
//! (`/representatives/{pc_id}`).

use std::collections::HashMap;

use chrono::NaiveDate;
use maud::{Markup, html};

use super::layout::{Ctx, page};
use super::petition::{constituency_name, state_name};
use super::responses::member_name;
use crate::db::petitions::Petition;
use crate::db::responses::{OnRecord, Standing};
use crate::delivery::Member;
use crate::i18n::{Arg, Lang};
use crate::refdata::{Constituency, INDIA};

pub struct ListPage<'a> {
    pub members: &'a HashMap<String, Member>,
    pub standings: &'a HashMap<String, Standing>,
    /// One state's members only, when asked.
    pub state: Option<&'a str>,
    pub today: NaiveDate,
}

/// The seats in the order the page lists them: the longest wait first, then those who have
/// answered everything delivered to them, then those with nothing delivered, each by state and
/// number.
pub fn order<'a>(
    seats: impl Iterator<Item = &'a Constituency>,
    standings: &HashMap<String, Standing>,
) -> Vec<&'a Constituency> {
    let mut seats: Vec<&Constituency> = seats.collect();
    seats.sort_by_key(|c| {
        let s = standings.get(&c.pc_id);
        let waiting = s.and_then(|s| s.waiting_since);
        let delivered = s.is_some_and(|s| s.delivered > 0);
        (
            waiting.is_none(),
            waiting,
            !delivered,
            c.state_code.clone(),
            c.pc_no,
        )
    });
    seats
}

fn days(lang: Lang, n: i64) -> String {
    lang.ta("reps-days", &[("n", Arg::Num(n))])
}

pub fn list_page(ctx: &Ctx, v: &ListPage<'_>) -> Markup {
    let lang = ctx.lang;
    let title = lang.t("reps-title");
    let seats = order(
        INDIA
            .constituencies
            .iter()
            .filter(|c| v.state.is_none_or(|s| c.state_code == s)),
        v.standings,
    );
    page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p.lede { (lang.t("reps-lede")) }
            form.browse method="get" action=(lang.url("/representatives")) {
                div.field {
                    label for="state" { (lang.t("reps-state")) }
                    select #state name="state" {
                        option value="" { (lang.t("reps-all-states")) }
                        @for s in &INDIA.states {
                            option value=(s.code) selected[v.state == Some(s.code.as_str())] { (state_name(lang, &s.code)) }
                        }
                    }
                }
                button.secondary type="submit" { (lang.t("reps-show")) }
            }
            div.table-scroll {
                table.representatives {
                    thead {
                        tr {
                            th scope="col" { (lang.t("reps-member")) }
                            th scope="col" { (lang.t("reps-constituency")) }
                            th scope="col" class="num" { (lang.t("reps-delivered")) }
                            th scope="col" class="num" { (lang.t("reps-answered")) }
                            th scope="col" class="num" { (lang.t("reps-waiting")) }
                        }
                    }
                    tbody {
                        @for c in seats {
                            @let s = v.standings.get(&c.pc_id).cloned().unwrap_or_default();
                            tr {
                                th scope="row" {
                                    a href=(lang.url(&format!("/representatives/{}", c.pc_id))) {
                                        @match v.members.get(&c.pc_id).filter(|m| !m.name.is_empty()) {
                                            Some(m) => (member_name(lang, &c.pc_id, &m.name)),
                                            None => (lang.t("reps-vacant")),
                                        }
                                    }
                                }
                                td { (constituency_name(lang, &c.pc_id)) ", " (state_name(lang, &c.state_code)) }
                                td.num { (lang.number(s.delivered)) }
                                td.num { (lang.number(s.answered)) }
                                td.num {
                                    @match s.waiting_since {
                                        Some(since) => strong { (days(lang, (v.today - since).num_days().max(0))) },
                                        None if s.delivered == 0 => span.hint { (lang.t("reps-nothing-delivered")) },
                                        None => "—",
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

pub struct MemberPage<'a> {
    pub pc_id: &'a str,
    pub member: Option<&'a Member>,
    pub record: &'a [(OnRecord, &'a Petition)],
    pub today: NaiveDate,
}

pub fn member_page(ctx: &Ctx, v: &MemberPage<'_>) -> Markup {
    let lang = ctx.lang;
    let place = constituency_name(lang, v.pc_id);
    let name = v.member.filter(|m| !m.name.is_empty()).map_or_else(
        || lang.t("reps-vacant"),
        |m| member_name(lang, v.pc_id, &m.name),
    );
    let state = INDIA
        .constituency(v.pc_id)
        .map(|c| state_name(lang, &c.state_code))
        .unwrap_or_default();
    let title = format!("{name}, {place}");
    page(
        ctx,
        &title,
        html! {
            p { a href=(lang.url("/representatives")) { (lang.t("rep-back")) } }
            h1 { (title) }
            dl.facts {
                dt { (lang.t("reps-constituency")) } dd { (place) ", " (state) }
                @if let Some(m) = v.member.filter(|m| !m.party.is_empty()) {
                    dt { (lang.t("reps-party")) } dd { (crate::refdata::party_name(lang, &m.party)) }
                }
            }
            h2 { (lang.t("rep-petitions")) }
            @if v.record.is_empty() {
                p { (lang.t("rep-none")) }
            } @else {
                div.table-scroll {
                    table.record {
                        thead {
                            tr {
                                th scope="col" { (lang.t("rep-petition")) }
                                th scope="col" class="num" { (lang.ta("rep-signatures", &[("constituency", Arg::Str(place.clone()))])) }
                                th scope="col" { (lang.t("rep-delivered-on")) }
                                th scope="col" { (lang.t("rep-reply")) }
                                th scope="col" class="num" { (lang.t("rep-days")) }
                            }
                        }
                        tbody {
                            @for (r, p) in v.record {
                                tr {
                                    th scope="row" { a href=(lang.url(&format!("/petitions/{}", p.id()))) { (p.text(lang).title) } }
                                    td.num { (lang.number(r.signatures)) }
                                    td {
                                        @match r.delivered_at {
                                            Some(at) => (lang.day_of(at)),
                                            None => span.hint { (lang.t("rep-not-delivered")) },
                                        }
                                    }
                                    td {
                                        @match r.answer() {
                                            Some(a) => {
                                                a href=(lang.url(&format!("/petitions/{}#response-{}", p.id(), a.id))) {
                                                    (lang.t(&format!("response-stance-{}", a.stance)))
                                                }
                                                ", " (lang.date(a.received_on))
                                            }
                                            None => (lang.t("rep-no-reply")),
                                        }
                                    }
                                    td.num {
                                        @match r.days_waited(v.today) {
                                            Some(n) => (days(lang, n)),
                                            None => "—",
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
