//! Around every request: a tracing span with a request id, metrics, and security headers.
//!
//! The span and log line name the matched route pattern, never the path itself (a confirmation
//! path carries a token), and never the client's address.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
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
    let closing = state.as_ref().is_some_and(|s| s.stopping.closing());
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
    if closing {
        // The listening socket is shut: each connection still open closes after its answer,
        // so that the proxy learns at its next connection, which is refused.
        res.response_mut()
            .head_mut()
            .set_connection_type(actix_web::http::ConnectionType::Close);
    }
    Ok(res)
}

/// `HEAD` is answered as `GET` would be, without the body: link-preview crawlers ask it before
/// they fetch a page. Routes are declared for `GET`; actix's HTTP/1 codec noted the request was
/// `HEAD` when it read it, and leaves the body out of the response.
pub async fn head_as_get(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if req.method() == actix_web::http::Method::HEAD {
        req.head_mut().method = actix_web::http::Method::GET;
    }
    next.call(req).await
}

/// `/hi/petitions/1` is `/petitions/1` in Hindi: the language comes off the front of the path
/// before routing, and stays with the request as `UrlLang`. Every route answers in every
/// language this way, so links and forms in a Hindi page simply carry the prefix.
pub async fn language_in_path(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    use actix_web::HttpMessage;
    if let Some((lang, rest)) = Lang::split_path(req.path()) {
        let rewritten = match req.uri().query() {
            Some(q) => format!("{rest}?{q}"),
            None => rest,
        };
        if let Ok(uri) = rewritten.parse::<actix_web::http::Uri>() {
            req.match_info_mut().get_mut().update(&uri);
            req.head_mut().uri = uri;
            req.extensions_mut().insert(crate::i18n::UrlLang(lang));
        }
    }
    next.call(req).await
}

/// Reads a request's body within `BODY_TIMEOUT_MS` of its headers, or answers 408 Request
/// Timeout: a client that sends headers and then stalls cannot hold a connection (and a worker's
/// attention) open without end. The body, at most `limit` bytes, is handed on whole.
pub async fn body_deadline(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    use actix_web::HttpMessage;
    use futures_util::StreamExt;
    let has_body = req.headers().contains_key(header::CONTENT_LENGTH)
        || req.headers().contains_key(header::TRANSFER_ENCODING);
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let (Some(state), true) = (state, has_body) else {
        return Ok(next.call(req).await?.map_into_left_body());
    };
    // A picture's upload is the one body larger than a form's, and a phone on a slow network
    // takes longer to send it.
    let (limit, deadline) = if super::images::is_upload(req.path()) {
        (
            super::images::UPLOAD_BODY_LIMIT,
            state.settings.body_timeout * super::images::UPLOAD_TIME_FACTOR,
        )
    } else {
        (state.body_limit, state.settings.body_timeout)
    };
    let mut payload = req.take_payload();
    let mut body = web::BytesMut::new();
    let read = async {
        while let Some(chunk) = payload.next().await {
            let chunk = chunk.map_err(|_| StatusCode::BAD_REQUEST)?;
            if body.len() + chunk.len() > limit {
                return Err(StatusCode::PAYLOAD_TOO_LARGE);
            }
            body.extend_from_slice(&chunk);
        }
        Ok(())
    };
    let refused = match tokio::time::timeout(deadline, read).await {
        Ok(Ok(())) => None,
        Ok(Err(status)) => Some(status),
        Err(_) => Some(StatusCode::REQUEST_TIMEOUT),
    };
    if let Some(status) = refused {
        // No content type: the error pages handler gives it the site's error page.
        let res = HttpResponse::build(status)
            .insert_header((header::CONNECTION, "close"))
            .finish();
        return Ok(req.into_response(res).map_into_right_body());
    }
    req.set_payload(actix_web::dev::Payload::from(body.freeze()));
    Ok(next.call(req).await?.map_into_left_body())
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

/// Whether a path is a petition's embed (`/petitions/{id}/embed`, in any language), the one
/// page made to be framed by partners' sites.
pub fn is_embed(path: &str) -> bool {
    super::is_petition_route(path, "/embed")
}

pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let framable = is_embed(req.path());
    let mut res = next.call(req).await?;
    let h = res.headers_mut();
    if let Some(state) = state {
        // The embed alone may sit in another site's frame; every other page refuses to.
        let csp = if framable {
            state
                .csp
                .replace("frame-ancestors 'none'", "frame-ancestors *")
        } else {
            state.csp.clone()
        };
        // A file served for download (a response's letter) asks for a sandbox too.
        let csp = if h
            .get(header::CONTENT_SECURITY_POLICY)
            .is_some_and(|v| v == "sandbox")
        {
            format!("{csp}; sandbox")
        } else {
            csp
        };
        if let Ok(v) = HeaderValue::from_str(&csp) {
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
    if !framable {
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
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
    // A page that did not say it is public may carry a session or what someone typed: no
    // cache keeps it (public pages say so themselves, see `encoded`).
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
    }
    Ok(res)
}

/// Errors come back from handlers (`PageError`) and from actix itself (a body too large, a
/// malformed request) without a page; this gives each the site's error page in the reader's
/// language, keeping the status and headers (`Retry-After`) it came with.
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
    let retry = res
        .headers()
        .get(header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let ctx = Ctx {
        lang: Lang::from_request(&req),
        path: super::local_path(&req),
        captcha_sitekey: None,
        staff: None,
        done: None,
        share: None,
    };
    let shown_retry = retry.filter(|_| status == StatusCode::TOO_MANY_REQUESTS);
    let mut page = HttpResponse::build(status);
    page.content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"));
    for (name, value) in res.headers() {
        if matches!(*name, header::RETRY_AFTER | header::CONNECTION) {
            page.insert_header((name.clone(), value.clone()));
        }
    }
    let page = page.body(views::pages::error(&ctx, status.as_u16(), shown_retry).into_string());
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(req, page).map_into_right_body(),
    ))
}
