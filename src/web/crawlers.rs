//! What search engines and browsers read: `robots.txt` (the pages worth finding, and the ones
//! that are a person's own or a staff member's), `sitemap.xml` (every open petition, in each
//! language) and `manifest.webmanifest` (the site's name and icons for a phone's home screen).

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use super::{AppState, PageError};
use crate::db;
use crate::i18n::Lang;

/// Paths a crawler has no business in: accounts, dashboards, staff pages, a signer's own links
/// (confirmation, data, unsubscribe) and the form's answers. Disallowed in every language.
const PRIVATE: &[&str] = &[
    "/account/",
    "/admin",
    "/dashboard",
    "/my-data",
    "/confirm/",
    "/unsubscribe/",
    "/support/",
    "/hooks/",
    "/lang/",
    "/petitions/new",
    "/petitions/*/signatures",
    "/petitions/*/check-email",
    "/petitions/*/edit",
];

/// At most this many petitions, so the sitemap stays within the 50,000 addresses a sitemap may
/// hold (two languages each).
const MOST: i64 = 24_000;

pub async fn robots(state: web::Data<AppState>) -> HttpResponse {
    let mut body = String::from("User-agent: *\n");
    for lang in Lang::ALL {
        for path in PRIVATE {
            body.push_str(&format!("Disallow: {}{path}\n", lang.prefix()));
        }
    }
    body.push_str(&format!(
        "\nSitemap: {}/sitemap.xml\n",
        state.settings.base_url
    ));
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(body)
}

/// The web app manifest: the name and icons a phone uses when the site is added to its home
/// screen (the icons' launchers may crop to a circle: the drawing keeps to the middle).
pub async fn manifest() -> HttpResponse {
    let icon = |name: &str, size: &str| {
        serde_json::json!({
            "src": crate::assets::url(name),
            "sizes": size,
            "type": "image/png",
            "purpose": "any maskable",
        })
    };
    let body = serde_json::json!({
        "name": "Hastakshar · हस्ताक्षर",
        "short_name": "Hastakshar",
        "start_url": "/",
        "scope": "/",
        "display": "minimal-ui",
        "background_color": "#fffdf9",
        "theme_color": "#8a1538",
        "icons": [icon("icon-192.png", "192x192"), icon("icon-512.png", "512x512")],
    });
    HttpResponse::Ok()
        .content_type("application/manifest+json")
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(body.to_string())
}

pub async fn sitemap(state: web::Data<AppState>) -> Result<HttpResponse, PageError> {
    let open = db::run(&state.pool, |c| Ok(db::petitions::open_ids(c, MOST)?)).await?;
    let base = xml_escape(&state.settings.base_url);
    let mut body = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let mut page = |path: &str, lastmod: Option<String>| {
        for lang in Lang::ALL {
            body.push_str(&format!("<url><loc>{base}{}</loc>", lang.url(path)));
            if let Some(day) = &lastmod {
                body.push_str(&format!("<lastmod>{day}</lastmod>"));
            }
            for other in Lang::ALL {
                body.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{base}{}\"/>",
                    other.code(),
                    other.url(path)
                ));
            }
            body.push_str("</url>\n");
        }
    };
    page("/", None);
    for (id, opened) in open {
        page(
            &format!("/petitions/{id}"),
            opened.map(|t| t.format("%Y-%m-%d").to_string()),
        );
    }
    body.push_str("</urlset>\n");
    Ok(HttpResponse::Ok()
        .content_type("application/xml; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .body(body))
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
