//! `/petitions/{id}/map`: where a petition's signers are, by constituency, for all of India or
//! one state (`?state=IN-BR`). Public, the same for every visitor, kept like the petition page.

use actix_web::{HttpRequest, HttpResponse, web};

use super::cache::PageKey;
use super::pages::parse_id;
use super::{AppState, PageError};
use crate::db::{self, delivery, petitions};
use crate::i18n::UrlLang;
use crate::refdata::INDIA;
use crate::views::{self, map::MapPage};

const HTML: &str = "text/html; charset=utf-8";

/// The state a page's `?state=` asks for, by its place in `INDIA.states`: one the site knows,
/// else none (all of India; the forms offer nothing else).
pub fn asked_state(req: &HttpRequest) -> Option<usize> {
    url::form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(k, _)| k == "state")
        .and_then(|(_, code)| INDIA.states.iter().position(|s| s.code == code))
}

pub async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    UrlLang(lang): UrlLang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = parse_id(&path)?;
    let place = asked_state(&req);
    let key = PageKey::Map(id, lang, place.map_or(0, |i| i as u8 + 1));
    let page = state
        .shelved(key, HTML, || async {
            let mut ctx = state.ctx(&req, lang, false);
            let code = place.map(|i| INDIA.states[i].code.clone());
            ctx.path = lang.url(&match &code {
                Some(c) => format!("/petitions/{id}/map?state={c}"),
                None => format!("/petitions/{id}/map"),
            });
            let p = state.petition(id).await?.ok_or(PageError::NotFound)?;
            let (by_pc, members) = db::run(&state.pool, move |c| {
                Ok((
                    petitions::counts_by_constituency(c, id)?,
                    delivery::members(c)?,
                ))
            })
            .await?;
            Ok(views::map::map_page(
                &ctx,
                &MapPage {
                    petition: &p,
                    by_pc: &by_pc,
                    members: &members,
                    state: code.as_deref(),
                },
            )
            .into_string())
        })
        .await?;
    Ok(page.respond(&req, state.settings.public_cache))
}
