//! The members' record, public: `/representatives` (every member, the longest wait first, one
//! state's with `?state=IN-WB`) and `/representatives/{pc_id}` (one member's petitions). The same
//! for every visitor, kept like the petition page.

use actix_web::{HttpRequest, HttpResponse, web};

use super::cache::PageKey;
use super::{AppState, PageError};
use crate::db::{self, petitions, responses};
use crate::i18n::UrlLang;
use crate::refdata::INDIA;
use crate::views::representatives as view;

const HTML: &str = "text/html; charset=utf-8";

pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    UrlLang(lang): UrlLang,
) -> Result<HttpResponse, PageError> {
    let place = super::map::asked_state(&req);
    let key = PageKey::Representatives(lang, place.map_or(0, |i| i as u8 + 1));
    let page = state
        .shelved(key, HTML, || async {
            let mut ctx = state.ctx(&req, lang, false);
            let code = place.map(|i| INDIA.states[i].code.clone());
            ctx.path = lang.url(&match &code {
                Some(c) => format!("/representatives?state={c}"),
                None => "/representatives".to_string(),
            });
            let (members, standings) = db::run(&state.pool, |c| {
                Ok((db::delivery::members(c)?, responses::standings(c)?))
            })
            .await?;
            Ok(view::list_page(
                &ctx,
                &view::ListPage {
                    members: &members,
                    standings: &standings,
                    state: code.as_deref(),
                    today: petitions::india_today(),
                },
            )
            .into_string())
        })
        .await?;
    Ok(page.respond(&req, state.settings.public_cache))
}

pub async fn member(
    req: HttpRequest,
    state: web::Data<AppState>,
    UrlLang(lang): UrlLang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let place = INDIA
        .constituencies
        .iter()
        .position(|c| c.pc_id == *path)
        .ok_or(PageError::NotFound)?;
    let pc_id = INDIA.constituencies[place].pc_id.clone();
    let key = PageKey::Representative(lang, place as u16);
    let page = state
        .shelved(key, HTML, || async {
            let mut ctx = state.ctx(&req, lang, false);
            ctx.path = lang.url(&format!("/representatives/{pc_id}"));
            let pc = pc_id.clone();
            let (members, record, listed) = db::run(&state.pool, move |c| {
                let record = responses::member_record(c, &pc)?;
                let ids: Vec<i64> = record.iter().map(|r| r.petition_id).collect();
                Ok((
                    db::delivery::members(c)?,
                    record,
                    petitions::find_many(c, &ids)?,
                ))
            })
            .await?;
            let record: Vec<_> = record
                .into_iter()
                .filter_map(|r| {
                    let p = listed.iter().find(|p| p.id() == r.petition_id)?;
                    Some((r, p))
                })
                .collect();
            Ok(view::member_page(
                &ctx,
                &view::MemberPage {
                    pc_id: &pc_id,
                    member: members.get(&pc_id),
                    record: &record,
                    today: petitions::india_today(),
                },
            )
            .into_string())
        })
        .await?;
    Ok(page.respond(&req, state.settings.public_cache))
}
