//! A campaigner's own data: a download of everything their account holds, and deleting the
//! account (confirmed from its inbox). Their petitions remain, credited to no one by name.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};

use super::session::{SignedIn, posted};
use super::{AppState, PageError, html};
use crate::db::audit::{self, Action};
use crate::db::outbox::MailKind;
use crate::db::users::{self, Purpose};
use crate::db::{self, campaigns as store};
use crate::i18n::Lang;
use crate::tokens;
use crate::views::{self, account::message};

/// How long the link that deletes an account works.
const DELETE_VALID_HOURS: i64 = 1;

/// Everything the account holds, as JSON: the account and every petition it started, in each
/// of its languages. Audited.
pub async fn download(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    posted(&req, &state, &body)?;
    let user = signed.user;
    let uid = user.id;
    let actor = user.actor();
    let petitions = db::write(&state.pool, move |c| {
        let mine = store::mine(c, uid)?;
        audit::record(
            c,
            &audit::Entry {
                actor: &actor,
                action: Action::AccountDownload,
                petition_id: None,
                details: serde_json::json!({}),
                row_count: mine.len() as i64,
            },
        )?;
        Ok(mine)
    })
    .await?;
    let petitions: Vec<serde_json::Value> = petitions
        .iter()
        .map(|(p, total, confirmed)| {
            let texts: Vec<serde_json::Value> = p
                .texts
                .iter()
                .map(|t| {
                    serde_json::json!({
                        "language": t.lang,
                        "title": t.title,
                        "action": t.action,
                        "background": t.background,
                    })
                })
                .collect();
            serde_json::json!({
                "id": p.id(),
                "status": p.row.status,
                "created_at": p.row.created_at,
                "opened_at": p.row.opened_at,
                "closes_at": p.row.closes_at,
                "goal": p.row.goal,
                "signatures": total,
                "confirmed_signatures": confirmed,
                "texts": texts,
            })
        })
        .collect();
    let json = serde_json::json!({
        "generated_at": db::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        "account": {
            "id": user.id,
            "email": user.email,
            "name": user.name,
            "role": user.role,
            "language": user.lang,
            "created_at": user.created_at,
            "email_confirmed_at": user.email_confirmed_at,
        },
        "petitions": petitions,
    });
    Ok(HttpResponse::Ok()
        .content_type("application/json; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"my-account.json\"",
        ))
        .body(serde_json::to_string_pretty(&json).unwrap_or_default()))
}

/// Asks to delete the account: a one-hour link goes to its inbox, which alone can confirm.
pub async fn request_delete(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    posted(&req, &state, &body)?;
    let ctx = state.ctx(&req, lang, false);
    let user = signed.user;
    let keys = state.settings.data_keys.clone();
    let base = state.settings.base_url.clone();
    db::write(&state.pool, move |c| {
        use diesel::Connection;
        Ok(c.transaction(|c| {
            let token = tokens::new_token();
            users::add_token(
                c,
                user.id,
                &token.hash,
                Purpose::Delete,
                chrono::Duration::hours(DELETE_VALID_HOURS),
            )?;
            let user_lang = Lang::parse(&user.lang).unwrap_or(lang);
            let link = format!(
                "{base}{}",
                user_lang.url(&format!("/account/delete/{}", token.plain))
            );
            let to = views::email::To::new(user_lang, &base);
            let mail = views::email::account_delete(&to, &link, DELETE_VALID_HOURS);
            db::outbox::enqueue(c, &keys, &mail.outbox(MailKind::AccountDelete, &user.email))
        })?)
    })
    .await?;
    Ok(html(
        StatusCode::OK,
        message(
            &ctx,
            &ctx.t("account-delete-sent-title"),
            &ctx.t("account-delete-sent-body"),
        ),
    ))
}

/// The link in that email: one button (opening a link deletes nothing).
pub async fn delete_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let (token, hash) = super::emailed_token(path)?;
    let owner = db::run(&state.pool, move |c| {
        Ok(users::token_owner(c, &hash, Purpose::Delete)?)
    })
    .await?;
    if owner.is_none() {
        return Ok(super::account::expired(&ctx));
    }
    let page = html(
        StatusCode::OK,
        views::account::delete_prompt(&ctx, &lang.url(&format!("/account/delete/{token}"))),
    );
    Ok(super::referrer_policy(page, "no-referrer"))
}

/// The button: the account is deleted, every session of it ends. Audited.
pub async fn delete(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let (_, hash) = super::emailed_token(path)?;
    let deleted = db::write(&state.pool, move |c| {
        use diesel::Connection;
        Ok(c.transaction(|c| {
            let Some(user) = users::token_owner(c, &hash, Purpose::Delete)? else {
                return Ok(false);
            };
            if !users::use_token(c, &hash, Purpose::Delete)? {
                return Ok(false);
            }
            users::delete_account(c, user.id)?;
            audit::note(
                c,
                &user.actor(),
                Action::AccountDelete,
                None,
                serde_json::json!({}),
            )?;
            Ok::<_, diesel::result::Error>(true)
        })?)
    })
    .await?;
    if !deleted {
        return Ok(super::account::expired(&ctx));
    }
    Ok(html(
        StatusCode::OK,
        message(
            &ctx,
            &ctx.t("account-deleted-title"),
            &ctx.t("account-deleted-body"),
        ),
    ))
}
