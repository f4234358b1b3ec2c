//! Account pages: sign up, log in, reset a password, and the short messages between them.

use maud::{Markup, html};

use super::forms::{Fields, Input, captcha, csrf};
use super::layout::{Ctx, page};
use crate::forms::{Form, Problems};

fn title_with_errors(ctx: &Ctx, problems: &Problems, title: &str) -> String {
    if problems.is_empty() {
        title.to_string()
    } else {
        format!("{}: {title}", ctx.t("error-title-prefix"))
    }
}

pub fn signup(ctx: &Ctx, form: &Form, problems: &Problems, token: &str) -> Markup {
    let f = Fields {
        lang: ctx.lang,
        form,
        problems,
    };
    let title = ctx.t("signup-title");
    page(
        ctx,
        &title_with_errors(ctx, problems, &title),
        html! {
            div.panel {
                h1 { (title) }
                p { (ctx.t("signup-lede")) }
                (f.summary(&[("name", ctx.t("account-name")), ("email", ctx.t("field-email")), ("password", ctx.t("account-password")), ("h-captcha-response", ctx.t("field-h-captcha-response"))]))
                form method="post" action="/account/signup" novalidate {
                    (csrf(token))
                    @if !form.get("next").is_empty() {
                        input type="hidden" name="next" value=(form.get("next"));
                    }
                    (f.input(Input::new("name", ctx.t("account-name")).max(100).autocomplete("name")))
                    (f.input(Input::new("email", ctx.t("field-email")).kind("email").max(254).autocomplete("email")))
                    (f.input(Input::new("password", ctx.t("account-password")).kind("password").max(200)
                        .autocomplete("new-password").hint(ctx.t("account-password-hint"))))
                    (captcha(ctx))
                    button.primary type="submit" { (ctx.t("signup-button")) }
                    p.hint { a href=(ctx.lang.url("/privacy")) { (ctx.t("sign-privacy-link")) } }
                }
                p { (ctx.t("signup-have-account")) " " a href="/account/login" { (ctx.t("login-title")) } }
            }
        },
    )
}

pub fn login(ctx: &Ctx, form: &Form, problems: &Problems, token: &str) -> Markup {
    let f = Fields {
        lang: ctx.lang,
        form,
        problems,
    };
    let title = ctx.t("login-title");
    page(
        ctx,
        &title_with_errors(ctx, problems, &title),
        html! {
            div.panel {
                h1 { (title) }
                (f.summary(&[("email", ctx.t("field-email")), ("password", ctx.t("account-password")), ("h-captcha-response", ctx.t("field-h-captcha-response"))]))
                form method="post" action="/account/login" novalidate {
                    (csrf(token))
                    input type="hidden" name="next" value=(form.get("next"));
                    (f.input(Input::new("email", ctx.t("field-email")).kind("email").max(254).autocomplete("username")))
                    (f.input(Input::new("password", ctx.t("account-password")).kind("password").max(200).autocomplete("current-password")))
                    (captcha(ctx))
                    button.primary type="submit" { (ctx.t("login-button")) }
                }
                p { a href="/account/password-reset" { (ctx.t("login-forgot")) } }
                p { (ctx.t("login-no-account")) " "
                    a href={ "/account/signup" @if !form.get("next").is_empty() { "?next=" (super::layout::urlencode(form.get("next"))) } } { (ctx.t("signup-title")) } }
            }
        },
    )
}

pub fn reset_request(ctx: &Ctx, form: &Form, problems: &Problems, token: &str) -> Markup {
    let f = Fields {
        lang: ctx.lang,
        form,
        problems,
    };
    let title = ctx.t("reset-title");
    page(
        ctx,
        &title_with_errors(ctx, problems, &title),
        html! {
            div.panel {
                h1 { (title) }
                p { (ctx.t("reset-lede")) }
                (f.summary(&[("email", ctx.t("field-email")), ("h-captcha-response", ctx.t("field-h-captcha-response"))]))
                form method="post" action="/account/password-reset" novalidate {
                    (csrf(token))
                    (f.input(Input::new("email", ctx.t("field-email")).kind("email").max(254).autocomplete("email")))
                    (captcha(ctx))
                    button.primary type="submit" { (ctx.t("reset-button")) }
                }
            }
        },
    )
}

pub fn new_password(
    ctx: &Ctx,
    link_token: &str,
    form: &Form,
    problems: &Problems,
    token: &str,
) -> Markup {
    let f = Fields {
        lang: ctx.lang,
        form,
        problems,
    };
    let title = ctx.t("new-password-title");
    page(
        ctx,
        &title_with_errors(ctx, problems, &title),
        html! {
            div.panel {
                h1 { (title) }
                (f.summary(&[("password", ctx.t("account-password"))]))
                form method="post" action={ "/account/password-reset/" (link_token) } novalidate {
                    (csrf(token))
                    (f.input(Input::new("password", ctx.t("account-password")).kind("password").max(200)
                        .autocomplete("new-password").hint(ctx.t("account-password-hint"))))
                    button.primary type="submit" { (ctx.t("new-password-button")) }
                }
            }
        },
    )
}

/// What the sign-up email's link opens: one button that confirms the address.
pub fn confirm_prompt(ctx: &Ctx, link_token: &str, next: Option<&str>) -> Markup {
    let title = ctx.t("account-confirm-title");
    page(
        ctx,
        &title,
        html! {
            div.panel {
                h1 { (title) }
                p { (ctx.t("account-confirm-body")) }
                form method="post" action={ "/account/confirm/" (link_token)
                    @if let Some(n) = next { "?next=" (super::layout::urlencode(n)) } } {
                    button.primary type="submit" { (ctx.t("email-account-confirm-button")) }
                }
            }
        },
    )
}

/// The page behind the link that deletes an account: one button.
pub fn delete_prompt(ctx: &Ctx, action: &str) -> Markup {
    let title = ctx.t("account-delete-title");
    page(
        ctx,
        &title,
        html! {
            div.panel {
                h1 { (title) }
                p { (ctx.t("account-delete-body")) }
                form method="post" action=(action) {
                    button.danger type="submit" { (ctx.t("account-delete-button")) }
                }
                p { a href=(ctx.lang.url("/dashboard")) { (ctx.t("account-delete-keep")) } }
            }
        },
    )
}

/// A short page that says one thing (check your email, the link has expired ...).
pub fn message(ctx: &Ctx, title: &str, body: &str) -> Markup {
    page(
        ctx,
        title,
        html! {
            div.panel role="status" {
                h1 { (title) }
                p { (body) }
                p { a href=(ctx.lang.url("/")) { (ctx.t("back-home")) } }
            }
        },
    )
}
