//! The privacy notice, `/privacy`, in the reader's language.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::{AppState, PageError, html};
use crate::i18n::Lang;
use crate::views;

pub async fn notice(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    Ok(html(
        StatusCode::OK,
        views::privacy_notice::notice(&ctx, &state.settings.privacy),
    ))
}
