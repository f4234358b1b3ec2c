//! Where a petition's signers are: the constituency map drawn as SVG on the server (it needs no
//! script), its legend, and the same figures as a table.

use std::collections::HashMap;

use maud::{Markup, html};

use super::layout::{Ctx, page};
use super::petition::{constituency_name, state_name};
use crate::db::delivery::Member;
use crate::db::petitions::Petition;
use crate::i18n::{Arg, Lang};
use crate::map::{self, Map};
use crate::refdata::INDIA;

/// The map of `counts` (by `pc_id`), all of India or one state. `named` marks each
/// constituency with its `pc_id`, which the page's script ties to the table's row (a tooltip
/// where a pointer rests); the figures themselves are the table's.
pub fn svg(
    lang: Lang,
    m: &Map,
    counts: &HashMap<&str, i64>,
    state: Option<&str>,
    named: bool,
) -> Markup {
    let [x, y, w, h] = m.view_of(state);
    let shown = m
        .shapes
        .iter()
        .filter(|s| state.is_none_or(|st| s.state == st || s.pc_id.is_empty()));
    html! {
        svg.map xmlns="http://www.w3.org/2000/svg" viewBox={ (x) " " (y) " " (w) " " (h) }
            role="img" aria-label=(lang.t("map-label")) {
            g.pcs {
                @for s in shown {
                    @if s.pc_id.is_empty() {
                        path.none d=(s.d) {}
                    } @else {
                        @let n = counts.get(s.pc_id).copied().unwrap_or(0);
                        path class={ "q" (map::class_of(n)) } d=(s.d) data-pc=[named.then_some(s.pc_id)] {}
                    }
                }
            }
            path.borders d=(m.lines) {}
        }
    }
}

/// The legend: one swatch a class, up to the largest count.
pub fn legend(lang: Lang, max: i64) -> Markup {
    let classes = map::legend(max);
    html! {
        ul.legend aria-label=(lang.t("map-legend")) {
            @for (i, (class, from)) in classes.iter().enumerate() {
                li {
                    span class={ "swatch q" (class) } aria-hidden="true" {}
                    @match classes.get(i + 1) {
                        _ if *class == 0 => { (lang.t("map-legend-none")) }
                        Some((_, next)) => { (lang.number(*from)) "–" (lang.number(next - 1)) }
                        None => { (lang.number(*from)) "+" }
                    }
                }
            }
        }
    }
}

/// The petition page's small map, by state (36 shapes weigh a tenth of 543), leading to the
/// map of every constituency.
pub fn small(lang: Lang, p: &Petition, by_state: &[(String, i64)]) -> Markup {
    let max = by_state.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let url = lang.url(&format!("/petitions/{}/map", p.id()));
    html! {
        figure.map-small {
            a href=(url) {
                svg.map xmlns="http://www.w3.org/2000/svg"
                    viewBox={ "0 0 " (map::STATES.width) " " (map::STATES.height) }
                    role="img" aria-label=(lang.t("map-states-label")) {
                    g.pcs {
                        @for s in &map::STATES.shapes {
                            @let n = by_state.iter().find(|(c, _)| c == s.state).map_or(0, |(_, n)| *n);
                            path class={ "q" (map::class_of(n)) } d=(s.d) {}
                        }
                    }
                }
            }
            figcaption {
                (legend(lang, max))
                a href=(url) { (lang.t("map-see-all")) }
            }
        }
    }
}

pub struct MapPage<'a> {
    pub petition: &'a Petition,
    pub by_pc: &'a [(String, i64)],
    pub members: &'a HashMap<String, Member>,
    /// One state's view, if asked for (a known state code).
    pub state: Option<&'a str>,
}

pub fn map_page(ctx: &Ctx, v: &MapPage<'_>) -> Markup {
    let lang = ctx.lang;
    let p = v.petition;
    let id = p.id();
    let counts: HashMap<&str, i64> = v.by_pc.iter().map(|(pc, n)| (pc.as_str(), *n)).collect();
    let max = v.by_pc.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let title = p.text(lang).title.clone();
    let place = v.state.map(|s| state_name(lang, s));
    let heading = match &place {
        Some(s) => lang.ta("map-heading-state", &[("state", Arg::Str(s.clone()))]),
        None => lang.t("map-heading"),
    };
    // The table: every constituency of the state, or every one with a signer.
    let mut rows: Vec<(&str, i64)> = match v.state {
        Some(st) => INDIA
            .constituencies
            .iter()
            .filter(|c| c.state_code == st)
            .map(|c| {
                (
                    c.pc_id.as_str(),
                    counts.get(c.pc_id.as_str()).copied().unwrap_or(0),
                )
            })
            .collect(),
        None => v.by_pc.iter().map(|(pc, n)| (pc.as_str(), *n)).collect(),
    };
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    // The lede's figures are the view's: the whole count, or the state's.
    let (total, places) = match v.state {
        Some(_) => (
            rows.iter().map(|(_, n)| n).sum::<i64>(),
            rows.iter().filter(|(_, n)| *n > 0).count() as i64,
        ),
        None => (p.row.signature_count, v.by_pc.len() as i64),
    };
    let unsigned = 543 - v.by_pc.len() as i64;
    let mut states: Vec<(&str, String)> = INDIA
        .states
        .iter()
        .map(|s| (s.code.as_str(), state_name(lang, &s.code)))
        .collect();
    states.sort_by(|a, b| a.1.cmp(&b.1));
    let base = lang.url(&format!("/petitions/{id}/map"));
    page(
        ctx,
        &format!("{heading}: {title}"),
        html! {
            p { a href=(lang.url(&format!("/petitions/{id}"))) { "← " (title) } }
            h1 { (heading) }
            p.lede {
                (lang.ta("map-lede", &[
                    ("count", Arg::Num(total)),
                    ("shown", Arg::Str(lang.number(total))),
                    ("places", Arg::Num(places)),
                ]))
            }
            form.map-state method="get" action=(base) {
                label for="state" { (lang.t("map-state-label")) }
                div.copy {
                    select #state name="state" {
                        option value="" { (lang.t("map-state-all")) }
                        @for (code, name) in &states {
                            option value=(code) selected[v.state == Some(*code)] { (name) }
                        }
                    }
                    button.secondary type="submit" { (lang.t("map-state-show")) }
                }
            }
            script src=(crate::assets::url("map.js")) defer {}
            figure.map-large data-zoom-in=(lang.t("map-zoom-in")) data-zoom-out=(lang.t("map-zoom-out"))
                data-zoom-reset=(lang.t("map-zoom-reset")) {
                (svg(lang, &map::LARGE, &counts, v.state, true))
                figcaption { (legend(lang, max)) }
            }
            @if v.state.is_some() {
                p { a href=(base) { (lang.t("map-state-all")) } }
            }
            table.map-table {
                caption { (lang.t("map-table-caption")) }
                thead { tr {
                    th scope="col" { (lang.t("constituency")) }
                    @if v.state.is_none() { th scope="col" { (lang.t("state")) } }
                    th scope="col" { (lang.t("map-member")) }
                    th scope="col" class="num" { (lang.t("signatures")) }
                } }
                tbody {
                    @for (pc, n) in &rows {
                        tr data-pc=(pc) {
                            th scope="row" { (constituency_name(lang, pc)) }
                            @if v.state.is_none() {
                                @let st = INDIA.constituency(pc).map(|c| c.state_code.clone()).unwrap_or_default();
                                td { (state_name(lang, &st)) }
                            }
                            td { (member_name(lang, pc, v.members)) }
                            td.num { (lang.number(*n)) }
                        }
                    }
                }
            }
            @if v.state.is_none() && unsigned > 0 {
                p.hint { (lang.ta("map-unsigned", &[("count", Arg::Num(unsigned))])) }
            }
        },
    )
}

/// The member for a constituency in `lang` (transliterated in Hindi where known), or that the
/// seat is vacant.
fn member_name(lang: Lang, pc: &str, members: &HashMap<String, Member>) -> String {
    match members.get(pc).filter(|m| !m.name.is_empty()) {
        Some(m) => crate::refdata::member_name_in(lang, pc, &m.name),
        None => lang.t("map-vacant"),
    }
}
