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
