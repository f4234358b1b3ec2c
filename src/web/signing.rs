//! Signing and confirming: `POST /petitions/{id}/signatures`, `POST /petitions/{id}/lookup`
//! (the no-JavaScript constituency look-up) and `GET /confirm/{token}`.

use std::sync::Arc;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use subtle::ConstantTimeEq;

use super::pages::{parse_id, render_petition};
use super::{AppState, PageError, client_ip::client_ip, html};
use crate::captcha::Verdict;
use crate::db::petitions::Petition;
use crate::db::signatures::{Confirmed, Signed};
use crate::db::{self, petitions};
use crate::domain::Invalid;
use crate::domain::Status;
use crate::forms::Problems;
use crate::i18n::Lang;
use crate::signing::{self, SignForm};
use crate::tokens;
use crate::views;

/// The petition a sign form posts to: a public one (from the cache), or one gathering its
/// first supporters when the form carries its share key.
async fn signable(state: &AppState, id: i64, key: &str) -> Result<Arc<Petition>, PageError> {
    if key.is_empty() {
        return state.petition(id).await?.ok_or(PageError::NotFound);
    }
    // A supporter's form: one read, whatever state the petition has reached since.
    let p = db::run(&state.pool, move |c| Ok(petitions::find_any(c, id)?))
        .await?
        .ok_or(PageError::NotFound)?;
    let matches = p
        .row
        .share_key
        .as_deref()
        .is_some_and(|k| bool::from(k.as_bytes().ct_eq(key.as_bytes())));
    let public = matches!(p.status(), Status::Open | Status::Closed);
    if public || (p.status() == Status::Gathering && matches) {
        Ok(Arc::new(p))
    } else {
        Err(PageError::NotFound)
    }
}

/// Signing attempts per client address, in this process: `Err` (429) past the quota here, else
/// the cell of the shared quota still to take (`None` on SQLite).
fn limit_locally(
    req: &HttpRequest,
    state: &AppState,
) -> Result<Option<crate::ratelimit::Ticket>, PageError> {
    let Some(ip) = client_ip(req, &state.settings.trusted_proxies) else {
        return Ok(None);
    };
    state
        .limiter
        .check_ip(ip)
        .map_err(|wait| PageError::RateLimited {
            retry_after_secs: wait.as_secs().max(1),
        })
}

/// Takes the shared cell for a signing attempt that writes nothing (a refused form): refused
/// forms count against the quota too.
async fn spend(quota: Option<crate::ratelimit::Ticket>) -> Result<(), PageError> {
    match quota {
        None => Ok(()),
        Some(t) => t.spend().await?.map_err(|wait| PageError::RateLimited {
            retry_after_secs: wait.as_secs().max(1),
        }),
    }
}

/// Signing attempts (and requests for a new confirmation link, a "manage my signature" link or
/// a privacy request) per client address.
pub(super) async fn limit_signing(req: &HttpRequest, state: &AppState) -> Result<(), PageError> {
    let Some(ip) = client_ip(req, &state.settings.trusted_proxies) else {
        return Ok(());
    };
    state
        .limiter
        .check(ip)
        .await?
        .map_err(|wait| PageError::RateLimited {
            retry_after_secs: wait.as_secs().max(1),
        })
}

pub async fn sign(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let id = parse_id(&path)?;
    let form = SignForm::from_urlencoded(&body);
    match sign_as_asked(&req, &state, lang, id, &form, Answer::Page).await {
        Err(PageError::RateLimited { retry_after_secs }) => {
            sign_later(&req, &state, lang, id, &form, retry_after_secs).await
        }
        answer => answer,
    }
}

/// `POST /petitions/{id}/embed`: signing from a partner's iframe. The same rules, limits and
/// email as the petition page's form; every answer is the embed again (framable), so the
/// signer never leaves the partner's page.
pub async fn sign_embedded(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let id = parse_id(&path)?;
    let form = SignForm::from_urlencoded(&body);
    match sign_as_asked(&req, &state, lang, id, &form, Answer::Embed).await {
        Err(PageError::RateLimited { retry_after_secs }) => {
            let petition = signable(&state, id, &form.key).await?;
            let ctx = state.ctx(&req, lang, true);
            let minutes = retry_after_secs.div_ceil(60) as i64;
            let notice = format!(
                "{} {}",
                lang.t("sign-later-body"),
                lang.ta(
                    "retry-after",
                    &[("minutes", crate::i18n::Arg::Num(minutes))]
                )
            );
            let mut res = super::pages::render_embed(
                &state,
                &ctx,
                &petition,
                super::pages::Embedded {
                    form: &form,
                    errors: &Problems::default(),
                    notice: Some(notice),
                    status: StatusCode::TOO_MANY_REQUESTS,
                    sent: false,
                },
            );
            if let Ok(v) = header::HeaderValue::from_str(&retry_after_secs.to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
            Ok(res)
        }
        answer => answer,
    }
}

/// Where a sign form's answers go: the petition page, or the embed in a partner's iframe.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Answer {
    Page,
    Embed,
}

/// The form again with its problems, as the page or the embed.
async fn refused(
    state: &AppState,
    ctx: &views::Ctx,
    petition: &Petition,
    form: &SignForm,
    errors: &Problems,
    notice: Option<String>,
    answer: Answer,
) -> Result<HttpResponse, PageError> {
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    match answer {
        Answer::Page => render_petition(state, ctx, petition, form, errors, notice, status).await,
        Answer::Embed => Ok(super::pages::render_embed(
            state,
            ctx,
            petition,
            super::pages::Embedded {
                form,
                errors,
                notice,
                status,
                sent: false,
            },
        )),
    }
}

/// Past the signing limit: the form again as the signer filled it in, saying plainly that
/// nothing was sent and when to try again (429, with `Retry-After`). Only the petition is read
/// (from the cache when public), so a flood costs no more than before.
async fn sign_later(
    req: &HttpRequest,
    state: &AppState,
    lang: Lang,
    id: i64,
    form: &SignForm,
    retry_after_secs: u64,
) -> Result<HttpResponse, PageError> {
    let petition = signable(state, id, &form.key).await?;
    let ctx = state.ctx(req, lang, true);
    let minutes = retry_after_secs.div_ceil(60) as i64;
    let mut res = html(
        StatusCode::TOO_MANY_REQUESTS,
        views::petition::sign_later(
            &ctx,
            &petition,
            form,
            minutes,
            super::pages::served_stamp(state, form),
        ),
    );
    let headers = res.headers_mut();
    headers.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    if let Ok(v) = header::HeaderValue::from_str(&retry_after_secs.to_string()) {
        headers.insert(header::RETRY_AFTER, v);
    }
    Ok(res)
}

async fn sign_as_asked(
    req: &HttpRequest,
    state: &AppState,
    lang: Lang,
    id: i64,
    form: &SignForm,
    answer: Answer,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(req, lang, true);
    // This process's limit first (a flood is turned away here); the cell of the quota every
    // process shares is taken on the signature's own connection, or, for a form refused
    // below, on its own.
    let quota = limit_locally(req, state)?;
    let petition = signable(state, id, &form.key).await?;
    if !petition.is_signable() {
        spend(quota).await?;
        let notice = Some(lang.t("petition-closed"));
        let none = Problems::default();
        return refused(state, &ctx, &petition, form, &none, notice, answer).await;
    }
    let valid = match signing::validate(form) {
        Ok(v) => v,
        Err(errors) => {
            spend(quota).await?;
            return refused(state, &ctx, &petition, form, &errors, None, answer).await;
        }
    };
    if let Some(verifier) = &state.captcha {
        match verifier.verify(&form.captcha).await {
            Verdict::Passed => {}
            Verdict::Refused => {
                spend(quota).await?;
                let mut errors = Problems::default();
                errors.add("h-captcha-response", Invalid::Captcha.key());
                return refused(state, &ctx, &petition, form, &errors, None, answer).await;
            }
            Verdict::Unavailable => return Err(PageError::CaptchaUnavailable),
        }
    }
    let ip = client_ip(req, &state.settings.trusted_proxies);
    let signals = state
        .integrity
        .signals(ip, valid.email.as_str(), &form.signals, db::now());
    let desk = signing::Desk {
        pool: &state.pool,
        integrity: &state.integrity,
        mail: &state.signer_mail,
        max_sends: state.settings.max_confirmation_sends,
        quota,
    };
    let outcome = signing::sign(desk, &petition, valid, lang, signals).await?;
    match outcome {
        Signed::Limited(secs) => {
            return Err(PageError::RateLimited {
                retry_after_secs: secs,
            });
        }
        Signed::New => state.metrics.signatures_created.inc(),
        Signed::Held => {
            state.metrics.signatures_created.inc();
            state
                .metrics
                .signatures_ruled
                .with_label_values(&["hold"])
                .inc();
        }
        Signed::Blocked => state
            .metrics
            .signatures_ruled
            .with_label_values(&["block"])
            .inc(),
        _ => {}
    }
    // Blocked or not, the signer sees the same page: an attacker learns nothing from it.
    let next = match answer {
        Answer::Page => format!("/petitions/{id}/check-email"),
        Answer::Embed => format!("/petitions/{id}/embed?sent"),
    };
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, lang.url(&next)))
        .finish())
}

/// Without JavaScript, the "find my constituency" button posts the form here: it comes back
/// with state and constituency chosen from the PIN code, everything else as typed.
pub async fn lookup(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, true);
    let id = parse_id(&path)?;
    let mut form = SignForm::from_urlencoded(&body);
    form.prefill_from_pin();
    // Only the PIN code's own fault matters here (the rest is still being filled in).
    let mut errors = Problems::default();
    if let Some(p) = signing::validate(&form)
        .err()
        .and_then(|all| all.of("pin_code").cloned())
        .filter(|p| p.key != Invalid::Required.key())
    {
        errors.add(p.field, p.key);
    }
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let petition = signable(&state, id, &form.key).await?;
    render_petition(&state, &ctx, &petition, &form, &errors, None, status).await
}

/// The link in the confirmation email. Opening it changes nothing (mail scanners open every
/// link, and some ask `HEAD` first): it shows the petition and one button, which posts back.
pub async fn confirm_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let (token, hash) = super::emailed_token(path)?;
    let ttl = state.settings.confirm_link_ttl;
    let outcome = db::run(&state.pool, move |c| {
        Ok(db::signatures::peek(c, &hash, ttl)?)
    })
    .await?;
    outcome_page(&state, &ctx, &token, outcome, false).await
}

/// A petition in any state, from the short-lived cache when it is public.
async fn any_petition(state: &AppState, id: i64) -> Result<Arc<Petition>, PageError> {
    match state.petition(id).await? {
        Some(p) => Ok(p),
        None => db::run(&state.pool, move |c| {
            Ok(petitions::find_any(c, id)?.map(Arc::new))
        })
        .await?
        .ok_or(PageError::NotFound),
    }
}

/// The button on the confirmation page: a person confirms. The token in the address is the
/// only credential (no session, no CSRF token: it is a secret only its inbox holds); a second
/// press says it is already counted.
pub async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let (token, hash) = super::emailed_token(path)?;
    let needed = state.settings.supporters_needed;
    let ttl = state.settings.confirm_link_ttl;
    let base = state.settings.base_url.clone();
    let keys = state.settings.data_keys.clone();
    let outcome = db::write_grouped(&state.pool, move |c| {
        Ok(signing::confirm(c, &keys, &hash, ttl, needed, &base)?)
    })
    .await?;
    outcome_page(&state, &ctx, &token, outcome, true).await
}

/// The page for what a confirmation link did (`pressed`: its button was pressed) or would do
/// (the link opened): the button to press, the thanks, "already counted", or why nothing counts.
async fn outcome_page(
    state: &AppState,
    ctx: &views::Ctx,
    token: &str,
    outcome: Confirmed,
    pressed: bool,
) -> Result<HttpResponse, PageError> {
    let page = match outcome {
        Confirmed::Now { petition_id } | Confirmed::Already { petition_id } => {
            // Read after the writer's turn: a public petition comes from the cache.
            let petition = any_petition(state, petition_id).await?;
            let now = matches!(outcome, Confirmed::Now { .. });
            let markup = match (now, pressed) {
                (true, false) => views::pages::confirm_prompt(ctx, &petition, token),
                (first_time, _) => {
                    if first_time {
                        state.metrics.signatures_confirmed.inc();
                    }
                    views::pages::confirmed(ctx, &petition, first_time, &state.settings.base_url)
                }
            };
            html(StatusCode::OK, markup)
        }
        Confirmed::Expired { .. } => {
            html(StatusCode::GONE, views::pages::confirm_expired(ctx, token))
        }
        Confirmed::Closed { .. } => html(
            StatusCode::GONE,
            views::account::message(ctx, &ctx.t("not-counted-title"), &ctx.t("not-counted-body")),
        ),
        Confirmed::Unknown => return Err(PageError::NotFound),
    };
    Ok(private(page))
}

/// A page reached through a link with a token: kept by no cache, and its address sent to no
/// other site.
fn private(mut res: HttpResponse) -> HttpResponse {
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    super::referrer_policy(res, "no-referrer")
}

/// The button on an expired link's page: a new link to the same inbox, once every link of that
/// signature has expired. No CSRF token: the old token is the authority, and all it can do is
/// send its owner one email.
pub async fn renew(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let token = path.into_inner();
    if !tokens::well_formed(&token) {
        return Err(PageError::NotFound);
    }
    limit_signing(&req, &state).await?;
    let hash = tokens::hash(&token);
    let ttl = state.settings.confirm_link_ttl;
    let mail = state.signer_mail.clone();
    let sent = db::write(&state.pool, move |c| {
        Ok(signing::renew_link(c, &mail, &hash, ttl)?)
    })
    .await?;
    if !sent {
        return Err(PageError::NotFound);
    }
    Ok(private(html(
        StatusCode::OK,
        views::account::message(&ctx, &ctx.t("check-email-title"), &ctx.t("new-link-sent")),
    )))
}
