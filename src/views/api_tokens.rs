//! The admins' page of API tokens for partner groups' systems (`/admin/api-tokens`).

use maud::{Markup, html};

use super::forms::{Fields, Input, csrf};
use super::layout::{Ctx, page};
use crate::db::api_tokens::ApiToken;
use crate::forms::{Form, Problems};

pub struct TokensPage<'a> {
    pub tokens: &'a [ApiToken],
    pub form: &'a Form,
    pub problems: &'a Problems,
    /// A token just issued, shown this once: `(name, token)`.
    pub issued: Option<(&'a str, &'a str)>,
    pub csrf: &'a str,
}

pub fn tokens_page(ctx: &Ctx, v: &TokensPage<'_>) -> Markup {
    let lang = ctx.lang;
    let heading = lang.t("tokens-title");
    let title = if v.problems.is_empty() {
        heading.clone()
    } else {
        format!("{}: {heading}", lang.t("error-title-prefix"))
    };
    let f = Fields {
        lang,
        form: v.form,
        problems: v.problems,
    };
    page(
        ctx,
        &title,
        html! {
            h1 { (heading) }
            p.lede { (lang.t("tokens-lede")) }
            @if let Some((name, token)) = v.issued {
                div.notice.done role="status" {
                    p { strong { (name) } ": " (lang.t("tokens-issued")) }
                    p { code.token { (token) } }
                }
            }
            @if v.tokens.is_empty() {
                p { (lang.t("tokens-none")) }
            } @else {
                div.table-scroll {
                    table.users {
                        thead { tr {
                            th scope="col" { (lang.t("tokens-name")) }
                            th scope="col" { (lang.t("tokens-source")) }
                            th scope="col" { (lang.t("tokens-issued-on")) }
                            th scope="col" { (lang.t("tokens-last-used")) }
                            th scope="col" { (lang.t("tokens-state")) }
                        } }
                        tbody {
                            @for t in v.tokens {
                                tr {
                                    th scope="row" { (t.name) }
                                    td { code { (t.source) } }
                                    td { (lang.day_of(t.created_at)) }
                                    td { @match t.last_used_at { Some(at) => (lang.day_of(at)), None => "—" } }
                                    td {
                                        @match t.revoked_at {
                                            Some(at) => (lang.ta("tokens-revoked-on", &[("date", crate::i18n::Arg::Str(lang.day_of(at)))])),
                                            None => form.inline method="post" action={ "/admin/api-tokens/" (t.id) "/revoke" } {
                                                (csrf(v.csrf))
                                                button.secondary type="submit" { (lang.t("tokens-revoke")) }
                                            },
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h2 { (lang.t("tokens-new")) }
            (f.summary(&[("name", lang.t("tokens-name")), ("source", lang.t("tokens-source"))]))
            form method="post" action="/admin/api-tokens" novalidate {
                (csrf(v.csrf))
                (f.input(Input::new("name", lang.t("tokens-name")).max(100).hint(lang.t("tokens-name-hint"))))
                (f.input(Input::new("source", lang.t("tokens-source")).max(40).hint(lang.t("tokens-source-hint"))))
                button.primary type="submit" { (lang.t("tokens-issue")) }
            }
        },
    )
}
