//! A zip of every pack: started here, made by `jobs::packs_zip` in the background, followed on
//! a page that refreshes itself, downloaded once done.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};

use super::known_petition;
use crate::db::{self, jobs};
use crate::i18n::Lang;
use crate::views;
use crate::web::pages::parse_id;
use crate::web::session::{SignedIn, posted};
use crate::web::{AppState, PageError, form_page, see_other};

/// Starts a zip of every pack in the background and goes to its progress page. At most
/// `ZIP_JOBS_MAX` run at once (across processes): one more waits for a free turn with a 429.
pub async fn start_zip(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let form = posted(&req, &state, &body)?;
    let SignedIn { user, .. } = signed;
    let id = parse_id(&path)?;
    known_petition(&state, id).await?;
    let pack_lang = Lang::parse(form.get("lang")).unwrap_or(Lang::En);
    let actor = user.actor();
    let max = state.settings.zip_jobs_max as i64;
    let job = db::write(&state.pool, move |c| {
        Ok(jobs::start(c, jobs::ZIP, id, &actor, max)?)
    })
    .await?
    .ok_or(PageError::RateLimited {
        retry_after_secs: 60,
    })?;
    let pool = state.pool.clone();
    let actor = user.actor();
    let dir = state.settings.exports_dir.clone();
    let keys = state.settings.data_keys.clone();
    actix_web::rt::task::spawn_blocking(move || {
        crate::jobs::packs_zip::run(&pool, &keys, &dir, job, id, pack_lang, &actor)
    });
    Ok(see_other(&format!("/admin/jobs/{job}")))
}

async fn load_job(state: &AppState, id: i64) -> Result<jobs::Job, PageError> {
    db::write(&state.pool, move |c| {
        jobs::sweep_stale(c)?;
        Ok(jobs::find(c, id)?)
    })
    .await?
    .ok_or(PageError::NotFound)
}

pub async fn job(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let SignedIn { session, .. } = signed;
    let id = parse_id(&path)?;
    let j = load_job(&state, id).await?;
    let running = j.status() == jobs::JobStatus::Running;
    let mut res = form_page(
        &state,
        &session,
        StatusCode::OK,
        views::delivery::job(&ctx, &j, state.settings.export_retention.as_secs() / 3600),
    );
    if running {
        // The page looks again by itself (no script needed); the job goes on if it is left.
        res.headers_mut()
            .insert(header::REFRESH, header::HeaderValue::from_static("2"));
    }
    Ok(res)
}

pub async fn job_download(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = parse_id(&path)?;
    let j = load_job(&state, id).await?;
    let done = j.status() == jobs::JobStatus::Done;
    let file = j.file.filter(|_| done).ok_or(PageError::NotFound)?;
    let bytes = web::block(move || std::fs::read(file))
        .await
        .map_err(|e| PageError::Internal(e.to_string()))?
        .map_err(|_| PageError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type("application/zip")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"petition-{}-packs.zip\"",
                j.petition_id
            ),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(bytes))
}
