//! Accounts on the web: `/account/signup`, `/account/login`, `/account/logout`,
//! `/account/password-reset` and the links emailed from them.
//!
//! The answers never tell whether an address has an account: signing up with a known address
//! sends its owner a note instead of a link, a wrong password and an unknown address get the
//! same words after the same argon2 work, and a reset request always says "check your email".

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::client_ip::client_ip;
use super::session::{Session, check_csrf, current_user, safe_next};
use super::{AppState, PageError, form_page, see_other};
use crate::accounts::{self, password};
use crate::captcha::Verdict;
use crate::db::users::{self, Purpose};
use crate::db::{self};
use crate::domain::{EmailAddress, SignerName};
use crate::forms::{Form, Problems};
use crate::i18n::Lang;
use crate::tokens;
use crate::views;

/// What the rate limits allow for an attempt on an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gate {
    Open,
    /// The account has seen many attempts from everywhere: a person must pass the human check.
    HumanCheck,
}

/// Login, signup and reset attempts: per client address; then per account *from that client's
/// network* (so a stranger's wrong guesses never lock the owner out from theirs); then per
/// account from anywhere, past which the captcha stands in (or, with no captcha, a wait).
async fn limit(
    req: &HttpRequest,
    state: &AppState,
    account: Option<&str>,
) -> Result<Gate, PageError> {
    let wait = |w: std::time::Duration| PageError::RateLimited {
        retry_after_secs: w.as_secs().max(1),
    };
    let ip = client_ip(req, &state.settings.trusted_proxies);
    if let Some(ip) = ip {
        state.account_ip_limiter.check(ip).await?.map_err(wait)?;
    }
    let Some(a) = account else {
        return Ok(Gate::Open);
    };
    let account = a.trim().to_lowercase();
    let network = ip.map(|ip| crate::ratelimit::key_for(ip).to_string());
    state
        .account_limiter
        .check_key(&tokens::hash(&format!(
            "{account}|{}",
            network.unwrap_or_default()
        )))
        .await?
        .map_err(wait)?;
    match state
        .account_any_limiter
        .check_key(&tokens::hash(&account))
        .await?
    {
        Ok(()) => Ok(Gate::Open),
        Err(_) if state.captcha.is_some() => Ok(Gate::HumanCheck),
        Err(w) => Err(wait(w)),
    }
}

/// The human check on an account form: `true` when it passed, or when the captcha is off.
async fn human(state: &AppState, form: &Form) -> Result<bool, PageError> {
    let Some(verifier) = &state.captcha else {
        return Ok(true);
    };
    match verifier.verify(form.get("h-captcha-response")).await {
        Verdict::Passed => Ok(true),
        Verdict::Refused => Ok(false),
        Verdict::Unavailable => Err(PageError::CaptchaUnavailable),
    }
}

async fn hash_password(pw: String) -> Result<String, PageError> {
    web::block(move || password::hash(&pw))
        .await
        .map_err(|e| PageError::Internal(e.to_string()))?
        .map_err(|e| PageError::Internal(e.to_string()))
}

/// `next` from a query or a form: a path on this site, or nothing.
fn next_of(state: &AppState, raw: &str) -> Option<String> {
    Some(super::session::safe_next(raw, &state.settings.base_url, "")).filter(|n| !n.is_empty())
}

fn query_next(state: &AppState, req: &HttpRequest) -> Option<String> {
    url::form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(k, _)| k == "next")
        .and_then(|(_, v)| next_of(state, &v))
}

pub async fn signup_form(req: HttpRequest, state: web::Data<AppState>, lang: Lang) -> HttpResponse {
    let ctx = state.ctx(&req, lang, true);
    let session = Session::ensure(&req, &state.cookie_key);
    let next = query_next(&state, &req).unwrap_or_default();
    let form = Form::from_pairs(&[("next", next.as_str())]);
    let markup = views::account::signup(&ctx, &form, &Problems::default(), &session.csrf);
    form_page(&state, &session, StatusCode::OK, markup)
}

pub async fn signup(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, true);
    let form = Form::parse(&body);
    let session = check_csrf(&req, &state, form.get("csrf"))?;
    limit(&req, &state, None).await?;
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
    // The human check only once the rest is right, so a typo does not cost a new puzzle.
    if problems.is_empty() && !human(&state, &form).await? {
        problems.add("h-captcha-response", "error-captcha");
    }
    let (Some(name), Some(email), true) = (name, email, problems.is_empty()) else {
        return Ok(form_page(
            &state,
            &session,
            StatusCode::UNPROCESSABLE_ENTITY,
            views::account::signup(&ctx, &form, &problems, &session.csrf),
        ));
    };
    let password_hash = hash_password(form.get("password").to_string()).await?;
    let base = state.settings.base_url.clone();
    let new = accounts::NewAccount {
        email,
        name,
        password_hash,
        lang,
        next: next_of(&state, form.get("next")),
    };
    let keys = state.settings.data_keys.clone();
    db::write(&state.pool, move |c| {
        Ok(accounts::sign_up(c, &keys, &new, &base)?)
    })
    .await?;
    Ok(see_other("/account/check-email"))
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

/// The link in the sign-up email. Opening it changes nothing (mail scanners open links): it
/// shows one button, which posts back to confirm.
pub async fn confirm_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let (token, hash) = super::emailed_token(path)?;
    let owner = db::run(&state.pool, move |c| {
        Ok(users::token_owner(c, &hash, Purpose::Confirm)?)
    })
    .await?;
    if owner.is_none() {
        return Ok(expired(&ctx));
    }
    let next = query_next(&state, &req);
    let page = super::html(
        StatusCode::OK,
        views::account::confirm_prompt(&ctx, &token, next.as_deref()),
    );
    Ok(super::referrer_policy(page, "no-referrer"))
}

/// The button on that page: confirms the address and logs its owner in. The token is the only
/// credential.
pub async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let (_, hash) = super::emailed_token(path)?;
    let user = db::write(&state.pool, move |c| {
        Ok(accounts::confirm_address(c, &hash)?)
    })
    .await?;
    let Some(user) = user else {
        return Ok(expired(&ctx));
    };
    let session = Session::for_user(&user);
    // Back to where they were going when they signed up (starting a petition), else the
    // dashboard.
    let mut res = see_other(
        &query_next(&state, &req).unwrap_or_else(|| "/dashboard?confirmed=1".to_string()),
    );
    session.apply(&mut res, &state.cookie_key, state.settings.is_production());
    Ok(res)
}

/// An emailed link that no longer opens (used, expired or never made).
pub(super) fn expired(ctx: &views::Ctx) -> HttpResponse {
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
    let next = safe_next(
        query.next.as_deref().unwrap_or("/dashboard"),
        &state.settings.base_url,
        "/dashboard",
    );
    let form = Form::from_pairs(&[("next", &next)]);
    let markup = views::account::login(&ctx, &form, &Problems::default(), &session.csrf);
    form_page(&state, &session, StatusCode::OK, markup)
}

pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let mut ctx = state.ctx(&req, lang, false);
    let form = Form::parse(&body);
    let session = check_csrf(&req, &state, form.get("csrf"))?;
    let email = form.get("email").trim().to_lowercase();
    let refuse = |ctx: &views::Ctx, field: &'static str, key: &'static str| {
        let mut problems = Problems::default();
        problems.add(field, key);
        form_page(
            &state,
            &session,
            StatusCode::UNPROCESSABLE_ENTITY,
            views::account::login(ctx, &form, &problems, &session.csrf),
        )
    };
    if limit(&req, &state, Some(&email)).await? == Gate::HumanCheck {
        // Many attempts on this account from everywhere: a person must show they are one.
        ctx = state.ctx(&req, lang, true);
        if !human(&state, &form).await? {
            return Ok(refuse(&ctx, "h-captcha-response", "error-captcha"));
        }
    }
    let pool = state.pool.clone();
    let lookup = email.clone();
    let user = db::run(&pool, move |c| Ok(users::find_by_email(c, &lookup)?)).await?;
    let pw = form.get("password").to_string();
    let stored = user.as_ref().and_then(|u| u.password_hash.clone());
    let ok = web::block(move || password::verify(&pw, stored.as_deref()))
        .await
        .map_err(|e| PageError::Internal(e.to_string()))?;
    match user {
        // Only the owner of the inbox may use an account: until the address is confirmed,
        // a password (which anyone could have set by signing up first) opens nothing.
        Some(user) if ok && !user.confirmed() => {
            Ok(refuse(&ctx, "email", "error-login-unconfirmed"))
        }
        Some(user) if ok => {
            let fresh = Session::for_user(&user);
            let next = safe_next(form.get("next"), &state.settings.base_url, "/dashboard");
            let mut res = see_other(&next);
            fresh.apply(&mut res, &state.cookie_key, state.settings.is_production());
            Ok(res)
        }
        _ => Ok(refuse(&ctx, "email", "error-login")),
    }
}

/// Logs out everywhere: the account's session epoch moves on, so no older cookie works.
pub async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let form = Form::parse(&body);
    check_csrf(&req, &state, form.get("csrf"))?;
    if let Some((user, _)) = current_user(&req, &state).await? {
        db::write(&state.pool, move |c| Ok(users::end_sessions(c, user.id)?)).await?;
    }
    let mut res = see_other("/");
    Session::clear(&mut res);
    Ok(res)
}

pub async fn reset_form(req: HttpRequest, state: web::Data<AppState>, lang: Lang) -> HttpResponse {
    let ctx = state.ctx(&req, lang, true);
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
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, true);
    let form = Form::parse(&body);
    let session = check_csrf(&req, &state, form.get("csrf"))?;
    let mut problems = Problems::default();
    let email = EmailAddress::parse(form.get("email"))
        .map_err(|e| problems.add("email", e.key()))
        .ok();
    if let Some(email) = &email {
        limit(&req, &state, Some(email.as_str())).await?;
        if !human(&state, &form).await? {
            problems.add("h-captcha-response", "error-captcha");
        }
    }
    let (Some(email), true) = (email, problems.is_empty()) else {
        return Ok(form_page(
            &state,
            &session,
            StatusCode::UNPROCESSABLE_ENTITY,
            views::account::reset_request(&ctx, &form, &problems, &session.csrf),
        ));
    };
    // The answer goes first and the work after it, so how long the answer takes cannot
    // tell whether the address has an account.
    let pool = state.pool.clone();
    let base = state.settings.base_url.clone();
    let keys = state.settings.data_keys.clone();
    actix_web::rt::spawn(async move {
        let sent = db::write(&pool, move |c| {
            Ok(crate::accounts::request_password_reset(
                c, &keys, &email, lang, &base,
            )?)
        })
        .await;
        if let Err(e) = sent {
            tracing::error!(error = %e, "password reset request failed");
        }
    });
    Ok(super::html(
        StatusCode::OK,
        views::account::message(&ctx, &ctx.t("reset-sent-title"), &ctx.t("reset-sent-body")),
    ))
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
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
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
    // The token in this page's address must not leak to other sites.
    let page = form_page(&state, &session, StatusCode::OK, markup);
    Ok(super::referrer_policy(page, "same-origin"))
}

pub async fn new_password(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let token = path.into_inner();
    let form = Form::parse(&body);
    let session = check_csrf(&req, &state, form.get("csrf"))?;
    let Some(owner) = link_owner(&state, &token).await? else {
        return Ok(expired(&ctx));
    };
    // Holding the link is already proof enough: no human check here.
    limit(&req, &state, Some(&owner.email)).await?;
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
        Ok(accounts::set_new_password(c, &token_hash, owner.id, &hash)?)
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
