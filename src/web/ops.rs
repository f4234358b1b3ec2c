//! For operators: liveness, readiness and Prometheus metrics.

use actix_web::{HttpResponse, web};
use diesel::prelude::*;

use super::AppState;
use crate::db::{self, outbox};

pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok\n")
}

pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    let ping = db::run(&state.pool, |c| {
        diesel::select(diesel::dsl::sql::<diesel::sql_types::Integer>("1"))
            .get_result::<i32>(c)
            .map_err(Into::into)
    })
    .await;
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

pub async fn metrics(state: web::Data<AppState>) -> HttpResponse {
    if let Ok(depth) = db::run(&state.pool, |c| Ok(outbox::depth(c)?)).await {
        state.metrics.outbox_depth.set(depth);
    }
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(state.metrics.render())
}
