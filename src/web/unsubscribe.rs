//! Stopping the update emails of a petition, without logging in: the link in every update
//! email (a page with one button) and the RFC 8058 one-click POST mail clients make.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::{AppState, PageError, html as page_response};
use crate::campaigns;
use crate::db::{self, updates};
use crate::i18n::Lang;
use crate::tokens;
use crate::views;

fn check_unsubscribe(state: &AppState, path: &(String, String)) -> Result<i64, PageError> {
    let id: i64 = path.0.parse().map_err(|_| PageError::NotFound)?;
    if !tokens::mac_matches(
        &state.settings.secret_key,
        &campaigns::unsubscribe_message(id),
        &path.1,
    ) {
        return Err(PageError::NotFound);
    }
    Ok(id)
}

/// The link in the email body: a page with one button (a link alone must not unsubscribe,
/// since mail scanners follow links).
pub async fn unsubscribe_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    check_unsubscribe(&state, &path)?;
    let page = page_response(
        StatusCode::OK,
        views::campaigns::unsubscribe(&ctx, req.path(), false),
    );
    Ok(super::referrer_policy(page, "same-origin"))
}

/// One click: the button on that page, or a mail client's RFC 8058 POST. No login, no CSRF
/// token: the MAC in the address is the authority, and unsubscribing is all it can do.
pub async fn unsubscribe(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let id = check_unsubscribe(&state, &path)?;
    let found = db::write(&state.pool, move |c| Ok(updates::unsubscribe(c, id)?)).await?;
    if !found {
        return Err(PageError::NotFound);
    }
    Ok(page_response(
        StatusCode::OK,
        views::campaigns::unsubscribe(&ctx, req.path(), true),
    ))
}
