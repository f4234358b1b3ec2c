//! Signing and confirming: `POST /petitions/{id}/signatures`, `POST /petitions/{id}/lookup`
//! (the no-JavaScript constituency look-up) and `GET /confirm/{token}`.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};

use super::pages::{parse_id, render_petition};
use super::{AppState, PageError, client_ip::client_ip, html, respond};
use crate::captcha::Verdict;
use crate::db::signatures::{self as sigs, Confirmed, Signed};
use crate::db::{self, petitions};
use crate::domain::Invalid;
use crate::i18n::Lang;
use crate::signing::{self, FieldError, SignForm};
use crate::tokens;
use crate::views;

pub async fn sign(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let ctx = state.ctx(&req, lang, true);
    let result = async {
        let id = parse_id(&path)?;
        if let Some(ip) = client_ip(&req, &state.settings.trusted_proxies)
            && let Err(wait) = state.limiter.check(ip)
        {
            return Err(PageError::RateLimited {
                retry_after_secs: wait.as_secs().max(1),
            });
        }
        let form = SignForm::from_urlencoded(&body);
        let petition = state.petition(id).await?.ok_or(PageError::NotFound)?;
        if !petition.is_open() {
            let notice = Some(lang.t("petition-closed"));
            return render_petition(
                &state,
                &ctx,
                id,
                &form,
                &[],
                notice,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
        let valid = match signing::validate(&form) {
            Ok(v) => v,
            Err(errors) => {
                return render_petition(
                    &state,
                    &ctx,
                    id,
                    &form,
                    &errors,
                    None,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
        };
        if let Some(verifier) = &state.captcha {
            match verifier.verify(&form.captcha).await {
                Verdict::Passed => {}
                Verdict::Refused => {
                    let errors = [FieldError {
                        field: "h-captcha-response",
                        invalid: Invalid::Captcha,
                    }];
                    return render_petition(
                        &state,
                        &ctx,
                        id,
                        &form,
                        &errors,
                        None,
                        StatusCode::UNPROCESSABLE_ENTITY,
                    )
                    .await;
                }
                Verdict::Unavailable => return Err(PageError::CaptchaUnavailable),
            }
        }
        let outcome = signing::sign(
            &state.pool,
            &state.settings.base_url,
            state.settings.max_confirmation_sends,
            &petition,
            valid,
            lang,
        )
        .await?;
        if outcome == Signed::New {
            state.metrics.signatures_created.inc();
        }
        Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, format!("/petitions/{id}/check-email")))
            .finish())
    }
    .await;
    respond(&ctx, result)
}

/// Without JavaScript, the "find my constituency" button posts the form here: it comes back
/// with state and constituency chosen from the PIN code, everything else as typed.
pub async fn lookup(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let ctx = state.ctx(&req, lang, true);
    let result = async {
        let id = parse_id(&path)?;
        let mut form = SignForm::from_urlencoded(&body);
        form.prefill_from_pin();
        let errors: Vec<FieldError> = signing::validate(&form)
            .err()
            .unwrap_or_default()
            .into_iter()
            .filter(|e| e.field == "pin_code" && e.invalid != Invalid::Required)
            .collect();
        let status = if errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        render_petition(&state, &ctx, id, &form, &errors, None, status).await
    }
    .await;
    respond(&ctx, result)
}

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
        let (outcome, petition) = db::write(&state.pool, move |c| {
            let outcome = sigs::confirm(c, &hash)?;
            let petition = match outcome {
                Confirmed::Now { petition_id } | Confirmed::Already { petition_id } => {
                    petitions::find_public(c, petition_id)?
                }
                Confirmed::Unknown => None,
            };
            Ok((outcome, petition))
        })
        .await?;
        let petition = petition.ok_or(PageError::NotFound)?;
        let first_time = matches!(outcome, Confirmed::Now { .. });
        if first_time {
            state.metrics.signatures_confirmed.inc();
        }
        let mut res = html(
            StatusCode::OK,
            views::pages::confirmed(&ctx, &petition, first_time, &state.settings.base_url),
        );
        res.headers_mut().insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-store"),
        );
        // The token must not leak to the sites the share links lead to.
        res.headers_mut().insert(
            header::REFERRER_POLICY,
            header::HeaderValue::from_static("no-referrer"),
        );
        Ok(res)
    }
    .await;
    respond(&ctx, result)
}
