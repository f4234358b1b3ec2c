//! Around every request: a tracing span with a request id, metrics, and security headers.
//!
//! The span and log line name the matched route pattern, never the path itself (a confirmation
//! path carries a token), and never the client's address.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::{ErrorHandlerResponse, Next};
use actix_web::{HttpResponse, web};
use tracing::Instrument;

use super::AppState;
use crate::i18n::Lang;
use crate::views::{self, Ctx};

pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let request_id = uuid::Uuid::new_v4().simple().to_string();
    let method = req.method().to_string();
    let span = tracing::info_span!(
        "request",
        id = %request_id,
        method = %method,
        route = tracing::field::Empty,
        status = tracing::field::Empty,
    );
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let mut res = next.call(req).instrument(span.clone()).await?;
    let route = res
        .request()
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_string());
    let status = res.status().as_u16();
    let elapsed = started.elapsed();
    span.record("route", route.as_str());
    span.record("status", status);
    span.in_scope(|| {
        tracing::info!(ms = elapsed.as_secs_f64() * 1000.0, "served");
    });
    if let Some(state) = state {
        state
            .metrics
            .requests
            .with_label_values(&[method.as_str(), route.as_str(), &status.to_string()])
            .inc();
        state
            .metrics
            .latency
            .with_label_values(&[route.as_str()])
            .observe(elapsed.as_secs_f64());
    }
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        res.headers_mut()
            .insert(HeaderName::from_static("x-request-id"), v);
    }
    Ok(res)
}

/// The Content-Security-Policy: no inline script or style anywhere; hCaptcha's hosts only when
/// the captcha is on.
pub fn csp(captcha: bool) -> String {
    let hc = if captcha {
        " https://hcaptcha.com https://*.hcaptcha.com"
    } else {
        ""
    };
    format!(
        "default-src 'none'; script-src 'self'{hc}; style-src 'self'{hc}; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'{hc}; frame-src{frames}; form-action 'self'; \
         base-uri 'none'; frame-ancestors 'none'; manifest-src 'self'",
        frames = if captcha { hc } else { " 'none'" },
    )
}

pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let mut res = next.call(req).await?;
    let h = res.headers_mut();
    if let Some(state) = state {
        if let Ok(v) = HeaderValue::from_str(&state.csp) {
            h.insert(header::CONTENT_SECURITY_POLICY, v);
        }
        if state.settings.is_production() {
            h.insert(
                header::STRICT_TRANSPORT_SECURITY,
                HeaderValue::from_static("max-age=63072000; includeSubDomains"),
            );
        }
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !h.contains_key(header::REFERRER_POLICY) {
        h.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        );
    }
    h.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    Ok(res)
}

/// Errors raised by actix itself (a body too large, a malformed request) come back as plain
/// text; this gives them the same page as every other error, in the reader's language.
pub fn error_pages<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let plain = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|v| v.starts_with("text/plain"));
    if !plain || !res.status().is_client_error() && !res.status().is_server_error() {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let (req, res) = res.into_parts();
    let status = res.status();
    let ctx = Ctx {
        lang: Lang::from_request(&req),
        path: "/".into(),
        captcha_sitekey: None,
    };
    let page = HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(views::pages::error(&ctx, status.as_u16(), None).into_string());
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(req, page).map_into_right_body(),
    ))
}
