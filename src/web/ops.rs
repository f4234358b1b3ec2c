//! For operators: liveness, readiness and Prometheus metrics.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use subtle::ConstantTimeEq;

use super::AppState;
use std::sync::Arc;

use crate::db::{self, DbPool, outbox};
use crate::metrics::Metrics;

pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok\n")
}

pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    if state.is_draining() {
        return HttpResponse::ServiceUnavailable()
            .content_type("text/plain")
            .body("stopping\n");
    }
    let ping = db::run(&state.pool, |c| Ok(db::ping(c)?)).await;
    match ping {
        Ok(_) => HttpResponse::Ok()
            .content_type("text/plain")
            .body("ready\n"),
        Err(e) => {
            tracing::warn!(error = %e, "not ready");
            HttpResponse::ServiceUnavailable()
                .content_type("text/plain")
                .body("database unreachable\n")
        }
    }
}

/// `/metrics` on the site's own address. With `METRICS_BIND` the metrics live on that address
/// instead, and here is nothing; in production without `METRICS_TOKEN` or `METRICS_BIND` they
/// are not served at all (the figures say how busy the site is and what fails).
pub async fn metrics(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let s = &state.settings;
    if s.metrics_bind.is_some() || (s.is_production() && s.metrics_token.is_none()) {
        return HttpResponse::NotFound().finish();
    }
    serve_metrics(req, state).await
}

/// The Prometheus text, to a caller with the bearer token when `METRICS_TOKEN` is set.
pub async fn serve_metrics(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    prometheus_text(
        &req,
        state.settings.metrics_token.as_deref(),
        &state.pool,
        &state.metrics,
    )
    .await
}

/// What a `hastakshar worker` process answers on `METRICS_BIND`: its own metrics (emails sent
/// and failed are counted there) and its liveness.
pub struct WorkerOps {
    pub token: Option<String>,
    pub pool: DbPool,
    pub metrics: Arc<Metrics>,
}

pub async fn worker_metrics(req: HttpRequest, ops: web::Data<WorkerOps>) -> HttpResponse {
    prometheus_text(&req, ops.token.as_deref(), &ops.pool, &ops.metrics).await
}

async fn prometheus_text(
    req: &HttpRequest,
    token: Option<&str>,
    pool: &DbPool,
    metrics: &Metrics,
) -> HttpResponse {
    if let Some(token) = token {
        let given = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        if !bool::from(given.as_bytes().ct_eq(token.as_bytes())) {
            return HttpResponse::Unauthorized()
                .insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"metrics\""))
                .content_type("text/plain")
                .body("a bearer token is required\n");
        }
    }
    if let Ok(depth) = db::run(pool, |c| Ok(outbox::depth(c)?)).await {
        metrics.outbox_depth.set(depth);
    }
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(metrics.render())
}
