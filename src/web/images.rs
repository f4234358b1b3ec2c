//! A petition's picture: its creator's page to upload, describe or remove it (while the
//! petition is a draft or sent back for changes, so that moderation sees every picture the
//! public will), and the public URLs of its widths.

use actix_multipart::Multipart;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;

use super::campaigns::own_petition;
use super::pages::parse_id;
use super::session::{SignedIn, check_csrf, posted};
use super::{AppState, PageError, form_page, see_other};
use crate::db::petitions::Petition;
use crate::db::{self, images as store};
use crate::domain::Status;
use crate::forms::{Form, Problems};
use crate::i18n::Lang;
use crate::images::{self, ALT_MAX, MAX_BYTES};
use crate::views::{self, images::ImagePage};

/// Largest request the upload route reads: the largest picture and its form fields. Past it the
/// request is refused (413) before any handler runs; nginx holds the same limit for this route.
pub const UPLOAD_BODY_LIMIT: usize = MAX_BYTES + 64 * 1024;

/// How many times `BODY_TIMEOUT_MS` an upload's body may take to arrive.
pub const UPLOAD_TIME_FACTOR: u32 = 6;

/// Whether a request's path is one of the two upload routes (the only ones with the larger body
/// limit), in any language: a petition's picture, or a response's document from staff.
pub fn is_upload(path: &str) -> bool {
    let rest = Lang::split_path(path).map_or_else(|| path.to_string(), |(_, rest)| rest);
    super::is_petition_route(&rest, "/image")
        || rest
            .strip_prefix("/admin")
            .is_some_and(|rest| super::is_petition_route(rest, "/responses"))
}

/// One upload at a time per process: a picture being decoded can take ~150 MB.
static DECODING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);

/// How long a served width stays in memory, and how many are kept. A process forgets a picture
/// it removed at once; every other process within `KEPT_FOR`, so that a picture taken down
/// (one that shows a face it should not) is gone from the site within a minute, while a
/// petition read thousands of times a minute has its picture read from the database once.
pub const KEPT_FOR: std::time::Duration = std::time::Duration::from_secs(60);
pub const KEPT: usize = 64;

/// Where the creator goes instead when the petition is no longer theirs to change (its
/// dashboard); `None` while it is a draft or sent back for changes.
fn elsewhere(p: &Petition, lang: Lang) -> Option<HttpResponse> {
    (!matches!(p.status(), Status::Draft | Status::Changes))
        .then(|| see_other(&lang.url(&format!("/dashboard/petitions/{}", p.id()))))
}

/// The page, with `form`'s descriptions and `problems`.
fn render(
    state: &AppState,
    req: &HttpRequest,
    lang: Lang,
    signed: &SignedIn,
    p: &Petition,
    form: &Form,
    problems: &Problems,
) -> HttpResponse {
    let ctx = state.ctx(req, lang, false);
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let markup = views::images::image_page(
        &ctx,
        &ImagePage {
            petition: p,
            form,
            problems,
            csrf: &signed.session.csrf,
        },
    );
    form_page(state, &signed.session, status, markup)
}

/// The descriptions a petition's picture has now, as the form's values.
fn kept_alts(p: &Petition) -> Form {
    let mut form = Form::default();
    if let Some(img) = &p.image {
        for (field, l) in views::images::image_langs(p) {
            form.push(field, img.alt(l, &p.row.lang));
        }
    }
    form
}

pub async fn page(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = parse_id(&path)?;
    let p = own_petition(&state, &signed.user, id).await?;
    if let Some(there) = elsewhere(&p, lang) {
        return Ok(there);
    }
    let form = kept_alts(&p);
    Ok(render(
        &state,
        &req,
        lang,
        &signed,
        &p,
        &form,
        &Problems::default(),
    ))
}

/// What an upload form sent: its text fields, and the file (`None` when none was chosen;
/// cut one byte past `MAX_BYTES`, which is enough to refuse it as too large).
pub struct Upload {
    pub form: Form,
    pub file: Option<Vec<u8>>,
}

/// Longest text field an upload form's body is read for (the form's own checks are tighter).
const TEXT_FIELD_MAX: usize = 32 * 1024;

/// Reads a multipart body (already whole in memory, within `UPLOAD_BODY_LIMIT`) whose file is
/// the field `file_field`.
pub async fn read_upload(mut parts: Multipart, file_field: &str) -> Result<Upload, PageError> {
    let mut form = Form::default();
    let mut file = None;
    while let Some(part) = parts.next().await {
        let mut part = part.map_err(|_| PageError::Unprocessable)?;
        let name = part.name().unwrap_or_default().to_string();
        let chosen = part
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .is_some_and(|f| !f.is_empty());
        let cap = if name == file_field {
            MAX_BYTES + 1
        } else {
            TEXT_FIELD_MAX
        };
        let mut bytes = Vec::new();
        while let Some(chunk) = part.next().await {
            let chunk = chunk.map_err(|_| PageError::Unprocessable)?;
            let room = cap.saturating_sub(bytes.len());
            bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
        }
        if name != file_field {
            form.push(&name, &String::from_utf8_lossy(&bytes));
        } else if chosen || !bytes.is_empty() {
            file = Some(bytes);
        }
    }
    Ok(Upload { form, file })
}

pub async fn upload(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
    parts: Multipart,
) -> Result<HttpResponse, PageError> {
    let id = parse_id(&path)?;
    // Another campaigner's petition does not exist for them, whatever they send.
    let p = own_petition(&state, &signed.user, id).await?;
    let Upload { form, file } = read_upload(parts, "image").await?;
    check_csrf(&req, &state, form.get("csrf"))?;
    if let Some(there) = elsewhere(&p, lang) {
        return Ok(there);
    }
    let mut problems = Problems::default();
    let langs = views::images::image_langs(&p);
    let alts: Vec<(Lang, String)> = langs
        .iter()
        .map(|(field, l)| (*l, problems.text(&form, field, ALT_MAX)))
        .collect();
    let made = match file {
        None => {
            problems.add("image", "error-image-required");
            None
        }
        Some(bytes) if problems.is_empty() => {
            let _turn = DECODING
                .acquire()
                .await
                .map_err(|e| PageError::Internal(e.to_string()))?;
            let made = tokio::task::spawn_blocking(move || images::process(&bytes))
                .await
                .map_err(|e| PageError::Internal(e.to_string()))?;
            match made {
                Ok(made) => Some(made),
                Err(refused) => {
                    problems.add("image", refused.key());
                    None
                }
            }
        }
        // The descriptions are wrong: say so before the picture's work is done.
        Some(_) => None,
    };
    let Some(made) = made.filter(|_| problems.is_empty()) else {
        // The order of the form: the picture's problem first.
        problems.0.sort_by_key(|p| p.field != "image");
        return Ok(render(&state, &req, lang, &signed, &p, &form, &problems));
    };
    let uid = signed.user.id;
    let saved = db::write(&state.pool, move |c| {
        Ok(store::set(c, id, uid, &made, &alts)?)
    })
    .await?;
    if saved {
        forget_served(&state, &p);
    }
    Ok(see_other(&lang.url(&if saved {
        format!("/petitions/{id}/image?done=image-saved")
    } else {
        format!("/dashboard/petitions/{id}")
    })))
}

pub async fn remove(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let id = parse_id(&path)?;
    posted(&req, &state, &body)?;
    let p = own_petition(&state, &signed.user, id).await?;
    let uid = signed.user.id;
    let removed = db::write(&state.pool, move |c| Ok(store::remove(c, id, uid)?)).await?;
    if removed {
        forget_served(&state, &p);
    }
    Ok(see_other(&lang.url(&if removed {
        format!("/petitions/{id}/image?done=image-removed")
    } else {
        format!("/dashboard/petitions/{id}")
    })))
}

/// Drops the widths of the picture `p` had from this process's memory, once it is replaced or
/// removed (its files may be gone from the database).
fn forget_served(state: &AppState, p: &Petition) {
    if let Some(old) = &p.image {
        state.images.forget(|(digest, _)| *digest == old.digest);
    }
}

/// `/images/{digest}-{width}.jpg`: one width of a picture. Its name never names other bytes, so
/// browsers and caches keep it a year without asking again.
pub async fn serve(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let (digest, width) = path
        .strip_suffix(".jpg")
        .and_then(|n| n.split_once('-'))
        .and_then(|(d, w)| Some((d, w.parse::<i32>().ok()?)))
        .filter(|(d, w)| images::is_digest(d) && images::WIDTHS.contains(&(*w as u32)))
        .ok_or(PageError::NotFound)?;
    let key = (digest.to_string(), width);
    let bytes = match state.images.get(&key) {
        Some(b) => b,
        None => {
            let d = key.0.clone();
            let found = db::run(&state.pool, move |c| Ok(store::file(c, &d, width)?))
                .await?
                .ok_or(PageError::NotFound)?;
            let found = web::Bytes::from(found);
            state.images.put(key, found.clone());
            found
        }
    };
    Ok(HttpResponse::Ok()
        .content_type("image/jpeg")
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .insert_header((header::ETAG, format!("\"{digest}-{width}\"")))
        // Already compressed: the response compressor leaves it as it is.
        .insert_header((header::CONTENT_ENCODING, "identity"))
        .body(bytes))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_two_upload_routes_in_any_language_and_nothing_else() {
        for path in [
            "/petitions/1/image",
            "/hi/petitions/12/image",
            "/admin/petitions/3/responses",
            "/hi/admin/petitions/3/responses",
        ] {
            assert!(super::is_upload(path), "{path}");
        }
        for path in [
            "/petitions/1/image/remove",
            "/petitions/1/responses",
            "/admin/petitions/x/responses",
            "/admin/petitions/3/responses/4",
            "/admin/petitions/3/thresholds",
        ] {
            assert!(!super::is_upload(path), "{path}");
        }
    }
}
