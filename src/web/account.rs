//! Accounts on the web: `/account/signup`, `/account/login`, `/account/logout`,
//! `/account/password-reset` and the links emailed from them.
//!
//! The answers never tell whether an address has an account: signing up with a known address
//! sends its owner a note instead of a link, a wrong password and an unknown address get the
//! same words after the same argon2 work, and a reset request always says "check your email".

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use diesel::Connection;

use super::client_ip::client_ip;
use super::form::{Form, Problems};
use super::session::{Session, check_csrf, current_user, safe_next};
use super::{AppState, PageError, form_page, respond, see_other};
use crate::accounts::{Role, password};
use crate::db::outbox;
use crate::db::users::{self, Purpose};
use crate::db::{self};
use crate::domain::{EmailAddress, SignerName};
use crate::i18n::Lang;
use crate::tokens;
use crate::views;

const CONFIRM_VALID_HOURS: i64 = 48;
const RESET_VALID_HOURS: i64 = 1;

/// Login, signup and reset attempts per client address, then per account.
fn limit(req: &HttpRequest, state: &AppState, account: Option<&str>) -> Result<(), PageError> {
    let wait = |w: std::time::Duration| PageError::RateLimited {
        retry_after_secs: w.as_secs().max(1),
    };
    if let Some(ip) = client_ip(req, &state.settings.trusted_proxies) {
        state.account_ip_limiter.check(ip).map_err(wait)?;
    }
    if let Some(a) = account {
        state
            .account_limiter
            .check_key(&tokens::hash(&a.trim().to_lowercase()))
            .map_err(wait)?;
    }
    Ok(())
}

async fn hash_password(pw: String) -> Result<String, PageError> {
    web::block(move || password::hash(&pw))
        .await
        .map_err(|e| PageError::Internal(e.to_string()))?
        .map_err(|e| PageError::Internal(e.to_string()))
}

pub async fn signup_form(req: HttpRequest, state: web::Data<AppState>, lang: Lang) -> HttpResponse {
    let ctx = state.ctx(&req, lang, false);
    let session = Session::ensure(&req, &state.cookie_key);
    let markup =
        views::account::signup(&ctx, &Form::default(), &Problems::default(), &session.csrf);
    form_page(&state, &session, StatusCode::OK, markup)
}

pub async fn signup(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    body: web::Bytes,
) -> HttpResponse {
    let ctx = state.ctx(&req, lang, false);
    let result = async {
        let form = Form::parse(&body);
        let session = check_csrf(&req, &state, form.get("csrf"))?;
        limit(&req, &state, None)?;
        let mut problems = Problems::default();
        let name = SignerName::parse(form.get("name"))
            .map_err(|e| problems.add("name", e.key()))
            .ok();
        let email = EmailAddress::parse(form.get("email"))
            .map_err(|e| problems.add("email", e.key()))
            .ok();
        if let Err(w) = password::check(form.get("password"), form.get("email")) {
            problems.add("password", w.key());
        }
        let (Some(name), Some(email), true) = (name, email, problems.is_empty()) else {
            return Ok(form_page(
                &state,
                &session,
                StatusCode::UNPROCESSABLE_ENTITY,
                views::account::signup(&ctx, &form, &problems, &session.csrf),
            ));
        };
        let hash = hash_password(form.get("password").to_string()).await?;
        let token = tokens::new_token();
        let base = state.settings.base_url.clone();
        db::write(&state.pool, move |c| {
            c.transaction(|c| {
                let to = email.as_str();
                match users::create(
                    c,
                    to,
                    name.as_str(),
                    Some(&hash),
                    Role::Campaigner,
                    lang.code(),
                )? {
                    Some(id) => {
                        users::add_token(
                            c,
                            id,
                            &token.hash,
                            Purpose::Confirm,
                            chrono::Duration::hours(CONFIRM_VALID_HOURS),
                        )?;
                        let link = format!("{base}/account/confirm/{}", token.plain);
                        let mail = views::email::account_confirm(lang, name.as_str(), &link);
                        outbox::enqueue(c, &mail.outbox("account_confirm", to))?;
                    }
                    None => {
                        let mail = views::email::account_exists(
                            lang,
                            &format!("{base}/account/login"),
                            &format!("{base}/account/password-reset"),
                        );
                        outbox::enqueue(c, &mail.outbox("account_exists", to))?;
                    }
                }
                Ok::<_, diesel::result::Error>(())
            })?;
            Ok(())
        })
        .await?;
        Ok(see_other("/account/check-email"))
    }
    .await;
    respond(&ctx, result)
}

pub async fn check_email(req: HttpRequest, state: web::Data<AppState>, lang: Lang) -> HttpResponse {
    let ctx = state.ctx(&req, lang, false);
    super::html(
        StatusCode::OK,
        views::account::message(
            &ctx,
            &ctx.t("account-check-email-title"),
            &ctx.t("account-check-email-body"),
        ),
    )
}

/// The link in the signup email: confirms the address and logs its owner in.
pub async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
) -> HttpResponse {
    let ctx = state.ctx(&req, lang, false);
    let result = async {
        let token = path.into_inner();
        if !tokens::well_formed(&token) {
            return Err(PageError::NotFound);
        }
        let hash = tokens::hash(&token);
        let user = db::write(&state.pool, move |c| {
            Ok(c.transaction(|c| {
                let Some(user) = users::token_owner(c, &hash, Purpose::Confirm)? else {
                    return Ok::<_, diesel::result::Error>(None);
                };
                users::use_token(c, &hash, Purpose::Confirm)?;
                users::confirm_email(c, user.id)?;
                Ok(Some(user))
            })?)
        })
        .await?;
        let Some(user) = user else {
            return Ok(expired(&ctx));
        };
        let session = Session::for_user(&user);
        let mut res = see_other("/dashboard?confirmed=1");
        session.apply(&mut res, &state.cookie_key, state.settings.is_production());
        Ok(res)
    }
    .await;
    respond(&ctx, result)
}

fn expired(ctx: &views::Ctx) -> HttpResponse {
    super::html(
        StatusCode::NOT_FOUND,
        views::account::message(
            ctx,
            &ctx.t("link-expired-title"),
            &ctx.t("link-expired-body"),
        ),
    )
}

#[derive(serde::Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn login_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    query: web::Query<NextQuery>,
) -> HttpResponse {
    let ctx = state.ctx(&req, lang, false);
    let session = Session::ensure(&req, &state.cookie_key);
    let next = safe_next(query.next.as_deref().unwrap_or("/dashboard")).to_string();
    let form = Form::from_pairs(&[("next", &next)]);
    let markup = views::account::login(&ctx, &form, &Problems::default(), &session.csrf);
    form_page(&state, &session, StatusCode::OK, markup)
}

pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    body: web::Bytes,
) -> HttpResponse {
    let ctx = state.ctx(&req, lang, false);
    let result = async {
        let form = Form::parse(&body);
        let session = check_csrf(&req, &state, form.get("csrf"))?;
        let email = form.get("email").trim().to_lowercase();
        limit(&req, &state, Some(&email))?;
        let pool = state.pool.clone();
        let lookup = email.clone();
        let user = db::run(&pool, move |c| Ok(users::find_by_email(c, &lookup)?)).await?;
        let pw = form.get("password").to_string();
        let stored = user.as_ref().and_then(|u| u.password_hash.clone());
        let ok = web::block(move || password::verify(&pw, stored.as_deref()))
            .await
            .map_err(|e| PageError::Internal(e.to_string()))?;
        match user {
            Some(user) if ok => {
                let fresh = Session::for_user(&user);
                let mut res = see_other(safe_next(form.get("next")));
                fresh.apply(&mut res, &state.cookie_key, state.settings.is_production());
                Ok(res)
            }
            _ => {
                let mut problems = Problems::default();
                problems.add("email", "error-login");
                Ok(form_page(
                    &state,
                    &session,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    views::account::login(&ctx, &form, &problems, &session.csrf),
                ))
            }
        }
    }
    .await;
    respond(&ctx, result)
}

/// Logs out everywhere: the account's session epoch moves on, so no older cookie works.
pub async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    body: web::Bytes,
) -> HttpResponse {
    let ctx = state.ctx(&req, lang, false);
    let result = async {
        let form = Form::parse(&body);
        check_csrf(&req, &state, form.get("csrf"))?;
        if let Some((user, _)) = current_user(&req, &state).await? {
            db::write(&state.pool, move |c| Ok(users::end_sessions(c, user.id)?)).await?;
        }
        let mut res = see_other("/");
        Session::clear(&mut res);
        Ok(res)
    }
    .await;
    respond(&ctx, result)
}

pub async fn reset_form(req: HttpRequest, state: web::Data<AppState>, lang: Lang) -> HttpResponse {
    let ctx = state.ctx(&req, lang, false);
    let session = Session::ensure(&req, &state.cookie_key);
    let markup =
        views::account::reset_request(&ctx, &Form::default(), &Problems::default(), &session.csrf);
    form_page(&state, &session, StatusCode::OK, markup)
}

pub async fn reset_request(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    body: web::Bytes,
) -> HttpResponse {
    let ctx = state.ctx(&req, lang, false);
    let result = async {
        let form = Form::parse(&body);
        let session = check_csrf(&req, &state, form.get("csrf"))?;
        let email = match EmailAddress::parse(form.get("email")) {
            Ok(e) => e,
            Err(e) => {
                let mut problems = Problems::default();
                problems.add("email", e.key());
                return Ok(form_page(
                    &state,
                    &session,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    views::account::reset_request(&ctx, &form, &problems, &session.csrf),
                ));
            }
        };
        limit(&req, &state, Some(email.as_str()))?;
        let token = tokens::new_token();
        let base = state.settings.base_url.clone();
        db::write(&state.pool, move |c| {
            c.transaction(|c| {
                if let Some(user) = users::find_by_email(c, email.as_str())? {
                    users::add_token(
                        c,
                        user.id,
                        &token.hash,
                        Purpose::Password,
                        chrono::Duration::hours(RESET_VALID_HOURS),
                    )?;
                    let link = format!("{base}/account/password-reset/{}", token.plain);
                    let user_lang = Lang::parse(&user.lang).unwrap_or(lang);
                    let mail = views::email::password_reset(user_lang, &link, RESET_VALID_HOURS);
                    outbox::enqueue(c, &mail.outbox("password_reset", &user.email))?;
                }
                Ok::<_, diesel::result::Error>(())
            })?;
            Ok(())
        })
        .await?;
        Ok(super::html(
            StatusCode::OK,
            views::account::message(&ctx, &ctx.t("reset-sent-title"), &ctx.t("reset-sent-body")),
        ))
    }
    .await;
    respond(&ctx, result)
}

async fn link_owner(state: &AppState, token: &str) -> Result<Option<users::User>, PageError> {
    if !tokens::well_formed(token) {
        return Ok(None);
    }
    let hash = tokens::hash(token);
    Ok(db::run(&state.pool, move |c| {
        Ok(users::token_owner(c, &hash, Purpose::Password)?)
    })
    .await?)
}

pub async fn new_password_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
) -> HttpResponse {
    let ctx = state.ctx(&req, lang, false);
    let result = async {
        let token = path.into_inner();
        if link_owner(&state, &token).await?.is_none() {
            return Ok(expired(&ctx));
        }
        let session = Session::ensure(&req, &state.cookie_key);
        let markup = views::account::new_password(
            &ctx,
            &token,
            &Form::default(),
            &Problems::default(),
            &session.csrf,
        );
        let mut res = form_page(&state, &session, StatusCode::OK, markup);
        // The token in this page's address must not leak to other sites.
        res.headers_mut().insert(
            actix_web::http::header::REFERRER_POLICY,
            actix_web::http::header::HeaderValue::from_static("same-origin"),
        );
        Ok(res)
    }
    .await;
    respond(&ctx, result)
}

pub async fn new_password(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let ctx = state.ctx(&req, lang, false);
    let result = async {
        let token = path.into_inner();
        let form = Form::parse(&body);
        let session = check_csrf(&req, &state, form.get("csrf"))?;
        let Some(owner) = link_owner(&state, &token).await? else {
            return Ok(expired(&ctx));
        };
        limit(&req, &state, Some(&owner.email))?;
        if let Err(w) = password::check(form.get("password"), &owner.email) {
            let mut problems = Problems::default();
            problems.add("password", w.key());
            return Ok(form_page(
                &state,
                &session,
                StatusCode::UNPROCESSABLE_ENTITY,
                views::account::new_password(&ctx, &token, &form, &problems, &session.csrf),
            ));
        }
        let hash = hash_password(form.get("password").to_string()).await?;
        let token_hash = tokens::hash(&token);
        let user = db::write(&state.pool, move |c| {
            Ok(c.transaction(|c| {
                if !users::use_token(c, &token_hash, Purpose::Password)? {
                    return Ok::<_, diesel::result::Error>(None);
                }
                users::set_password(c, owner.id, &hash)?;
                // The link reached this inbox: the address is confirmed too.
                users::confirm_email(c, owner.id)?;
                users::find(c, owner.id)
            })?)
        })
        .await?;
        let Some(user) = user else {
            return Ok(expired(&ctx));
        };
        let fresh = Session::for_user(&user);
        let mut res = see_other("/dashboard");
        fresh.apply(&mut res, &state.cookie_key, state.settings.is_production());
        Ok(res)
    }
    .await;
    respond(&ctx, result)
}
