//! Serves the compiled-in assets (`crate::assets`) under their content-hashed names, with a
//! year-long, immutable cache lifetime.

use actix_web::http::header;
use actix_web::{HttpResponse, web};

pub async fn serve(path: web::Path<String>) -> HttpResponse {
    let name = path.into_inner();
    match crate::assets::by_versioned_name(&name) {
        Some(a) => HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, a.content_type))
            .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
            .body(a.bytes),
        None => HttpResponse::NotFound()
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .finish(),
    }
}
