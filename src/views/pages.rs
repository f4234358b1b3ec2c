//! The pages around signing, and the error pages.

use maud::{Markup, html};

use super::layout::{Ctx, page};
use super::petition::share;
use crate::db::petitions::Petition;
use crate::domain::Status;
use crate::i18n::Arg;

pub fn check_email(ctx: &Ctx, petition: &Petition) -> Markup {
    let lang = ctx.lang;
    let title = lang.t("check-email-title");
    page(
        ctx,
        &title,
        html! {
            div.panel role="status" {
                h1 { (title) }
                p { (lang.ta("check-email-body", &[("title", Arg::Str(petition.text(lang).title.clone()))])) }
                p { (lang.t("check-email-spam")) }
                p { a href=(lang.url(&format!("/petitions/{}", petition.id()))) { (lang.t("back-to-petition")) } }
            }
        },
    )
}

/// What the confirmation link opens: the petition's title and one button that confirms (a
/// button, not the link, so a mail scanner that opens every link confirms nothing).
pub fn confirm_prompt(ctx: &Ctx, petition: &Petition, token: &str) -> Markup {
    let lang = ctx.lang;
    let title = lang.t("confirm-prompt-title");
    let text = petition.text(lang);
    page(
        ctx,
        &title,
        html! {
            div.panel {
                h1 { (title) }
                p { (lang.ta("confirm-prompt-body", &[("title", Arg::Str(text.title.clone()))])) }
                // In the signer's language: the page it answers with (thanks, sharing) is theirs.
                form method="post" action=(lang.url(&format!("/confirm/{token}"))) {
                    button.primary type="submit" { (lang.t("confirm-prompt-button")) }
                }
            }
        },
    )
}

pub fn confirmed(ctx: &Ctx, petition: &Petition, first_time: bool, base_url: &str) -> Markup {
    let lang = ctx.lang;
    let title = if first_time {
        lang.t("confirmed-title")
    } else {
        lang.t("already-confirmed-title")
    };
    let text = petition.text(lang);
    // The petition's address to share, and where "back to the petition" goes: for a public
    // petition, its page in the "you signed" state.
    let (path, back) = match (&petition.row.share_key, petition.status()) {
        (Some(key), Status::Gathering | Status::Pending | Status::Changes) => {
            let path = format!("/support/{key}");
            (path.clone(), path)
        }
        _ => {
            let path = lang.url(&format!("/petitions/{}", petition.id()));
            let back = format!("{path}?signed");
            (path, back)
        }
    };
    page(
        ctx,
        &title,
        html! {
            div.panel role="status" {
                h1 { (title) }
                p {
                    @if first_time {
                        (lang.ta("confirmed-body", &[("title", Arg::Str(text.title.clone()))]))
                    } @else {
                        (lang.ta("already-confirmed-body", &[("title", Arg::Str(text.title.clone()))]))
                    }
                }
                p { a href=(back) { (lang.t("back-to-petition")) } }
            }
            (share(lang, &text.title, &format!("{base_url}{path}")))
        },
    )
}

/// A confirmation link past its time: nothing was counted, and one button asks for a new link
/// (a button, not a link, so a mail scanner opening the page sends nothing).
pub fn confirm_expired(ctx: &Ctx, token: &str) -> Markup {
    let lang = ctx.lang;
    let title = lang.t("confirm-expired-title");
    page(
        ctx,
        &title,
        html! {
            div.panel role="status" {
                h1 { (title) }
                p { (lang.t("confirm-expired-body")) }
                form method="post" action=(lang.url(&format!("/confirm/{token}/renew"))) {
                    button.primary type="submit" { (lang.t("confirm-expired-button")) }
                }
            }
        },
    )
}

/// An error page: the status decides the words; nothing internal is ever shown.
pub fn error(ctx: &Ctx, status: u16, retry_after_secs: Option<u64>) -> Markup {
    let lang = ctx.lang;
    let key = match status {
        404 => "404",
        410 => "410",
        413 => "413",
        422 => "422",
        429 => "429",
        503 => "503",
        400 => "400",
        403 => "403",
        _ => "500",
    };
    let title = lang.t(&format!("error-{key}-title"));
    html! {
        (page(ctx, &title, html! {
            div.panel role="alert" {
                h1 { (title) }
                p { (lang.t(&format!("error-{key}-body"))) }
                @if let Some(secs) = retry_after_secs {
                    p { (lang.ta("retry-after", &[("minutes", Arg::Num(secs.div_ceil(60) as i64))])) }
                }
                p { a href=(lang.url("/")) { (lang.t("back-home")) } }
            }
        }))
    }
}

/// `/petitions`: public petitions as the reader asked (`query` is the form as sent, for the
/// fields and the pager's links).
pub struct BrowsePage<'a> {
    pub petitions: &'a [Petition],
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    pub q: &'a str,
    pub status: &'a str,
    pub delivered: bool,
    pub responded: bool,
    pub sort: &'a str,
}

pub fn browse(ctx: &Ctx, v: &BrowsePage<'_>) -> Markup {
    let lang = ctx.lang;
    let pages = ((v.total + v.per_page - 1) / v.per_page).max(1);
    let link = |page: i64| {
        let mut q = url::form_urlencoded::Serializer::new(String::new());
        if !v.q.is_empty() {
            q.append_pair("q", v.q);
        }
        if !v.status.is_empty() {
            q.append_pair("status", v.status);
        }
        if v.delivered {
            q.append_pair("delivered", "on");
        }
        if v.responded {
            q.append_pair("responded", "on");
        }
        if !v.sort.is_empty() {
            q.append_pair("sort", v.sort);
        }
        if page > 1 {
            q.append_pair("page", &page.to_string());
        }
        let q = q.finish();
        if q.is_empty() {
            lang.url("/petitions")
        } else {
            format!("{}?{q}", lang.url("/petitions"))
        }
    };
    let options = |pairs: &[(&str, &str)], current: &str| {
        html! {
            @for (value, key) in pairs {
                option value=(value) selected[*value == current] { (lang.t(key)) }
            }
        }
    };
    page(
        ctx,
        &lang.t("browse-title"),
        html! {
            h1 { (lang.t("browse-title")) }
            form.browse method="get" action=(lang.url("/petitions")) role="search" {
                div.field {
                    label for="q" { (lang.t("browse-search")) }
                    input #q type="search" name="q" value=(v.q) maxlength="100";
                }
                div.browse-choices {
                    div.field {
                        label for="status" { (lang.t("browse-status")) }
                        select #status name="status" {
                            (options(&[("", "browse-status-all"), ("open", "browse-status-open"), ("closed", "browse-status-closed")], v.status))
                        }
                    }
                    div.field {
                        label for="sort" { (lang.t("browse-sort")) }
                        select #sort name="sort" {
                            (options(&[("", "browse-sort-signed"), ("new", "browse-sort-new"), ("closing", "browse-sort-closing")], v.sort))
                        }
                    }
                }
                div.check {
                    input #delivered type="checkbox" name="delivered" value="on" checked[v.delivered];
                    label for="delivered" { (lang.t("browse-delivered")) }
                }
                div.check {
                    input #responded type="checkbox" name="responded" value="on" checked[v.responded];
                    label for="responded" { (lang.t("browse-responded")) }
                }
                button.secondary type="submit" { (lang.t("browse-show")) }
            }
            p.found role="status" {
                (lang.ta("browse-found", &[("count", Arg::Num(v.total)), ("shown", Arg::Str(lang.number(v.total)))]))
            }
            ul.petitions {
                @for p in v.petitions {
                    li.card { (super::petition::card(lang, p)) }
                }
            }
            @if pages > 1 {
                nav.pager aria-label=(lang.t("browse-pages")) {
                    @if v.page > 1 { a rel="prev" href=(link(v.page - 1)) { (lang.t("browse-previous")) } }
                    span { (lang.ta("browse-page-of", &[("page", Arg::Num(v.page)), ("pages", Arg::Num(pages))])) }
                    @if v.page < pages { a rel="next" href=(link(v.page + 1)) { (lang.t("browse-next")) } }
                }
            }
            p { a href=(lang.url("/petitions.atom")) type="application/atom+xml" { (lang.t("browse-feed")) } }
        },
    )
}

/// An Atom feed of the newest open petitions, in `lang`.
pub fn feed(lang: crate::i18n::Lang, base_url: &str, petitions: &[Petition]) -> String {
    let esc = |s: &str| maud::html! { (s) }.into_string();
    let when = |p: &Petition| {
        p.row
            .opened_at
            .unwrap_or(p.row.created_at)
            .and_utc()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    };
    let updated = petitions
        .first()
        .map(when)
        .unwrap_or_else(|| "2026-01-01T00:00:00Z".into());
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n<title>{}</title>\n<id>{base_url}{}</id>\n<link rel=\"self\" href=\"{base_url}{}\"/>\n<link href=\"{base_url}{}\"/>\n<updated>{updated}</updated>\n<author><name>{}</name></author>\n",
        lang.code(),
        esc(&lang.t("feed-title")),
        lang.url("/petitions.atom"),
        lang.url("/petitions.atom"),
        lang.url("/petitions"),
        esc(&lang.t("site-name")),
    );
    for p in petitions {
        let url = format!("{base_url}{}", lang.url(&format!("/petitions/{}", p.id())));
        let text = p.text(lang);
        out.push_str(&format!(
            "<entry>\n<title>{}</title>\n<id>{url}</id>\n<link href=\"{url}\"/>\n<updated>{}</updated>\n<summary>{}</summary>\n</entry>\n",
            esc(&text.title),
            when(p),
            esc(&text.action),
        ));
    }
    out.push_str("</feed>\n");
    out
}
