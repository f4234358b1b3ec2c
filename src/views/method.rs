//! `/petitions/{id}/method`: how this petition's signatures are counted, in public, with the
//! figures and every invalidation's date and reason (never its criteria).

use maud::{Markup, html};

use super::layout::{Ctx, page};
use crate::db::console::{PublicInvalidation, Tally};
use crate::db::petitions::Petition;
use crate::i18n::Arg;

pub fn method(
    ctx: &Ctx,
    p: &Petition,
    tally: &Tally,
    invalidations: &[PublicInvalidation],
) -> Markup {
    let lang = ctx.lang;
    let id = p.id();
    let petition_title = p.text(lang).title.clone();
    let title = lang.ta(
        "method-title",
        &[("title", Arg::Str(petition_title.clone()))],
    );
    let n = |key: &str, count: i64| lang.ta(key, &[("count", Arg::Num(count))]);
    page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p { a href=(lang.url(&format!("/petitions/{id}"))) { (lang.ta("method-back", &[("title", Arg::Str(petition_title))])) } }
            section aria-labelledby="how-h" {
                h2 #how-h { (lang.t("method-how")) }
                ul {
                    li { (lang.t("method-person")) }
                    li { (lang.t("method-once")) }
                    li { (lang.t("method-checks")) }
                    li { (lang.t("method-held")) }
                    li { (lang.t("method-invalidated")) }
                }
            }
            section aria-labelledby="figures-h" {
                h2 #figures-h { (lang.t("method-figures")) }
                table.ranked {
                    tbody {
                        tr { th scope="row" { (lang.t("method-counted")) } td.num { (lang.number(p.row.signature_count)) } }
                        tr { th scope="row" { (lang.t("method-waiting")) } td.num { (lang.number(tally.waiting)) } }
                        tr { th scope="row" { (lang.t("method-held-count")) } td.num { (lang.number(tally.held)) } }
                        tr { th scope="row" { (lang.t("method-invalidated-count")) } td.num { (lang.number(tally.invalidated)) } }
                    }
                }
                p.hint { (lang.t("method-lag")) }
            }
            section aria-labelledby="inv-h" {
                h2 #inv-h { (lang.t("method-invalidations")) }
                @if invalidations.is_empty() {
                    p { (lang.t("method-invalidations-none")) }
                } @else {
                    ul {
                        @for (at, reason, matched, cancelled) in invalidations {
                            li {
                                (lang.day_of(*at)) ": " (n("method-invalidation-count", *matched)) " — " (reason)
                                @if let Some(c) = cancelled {
                                    " " (lang.ta("method-restored", &[("date", Arg::Str(lang.day_of(*c)))]))
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}
