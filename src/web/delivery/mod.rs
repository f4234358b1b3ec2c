//! Staff deliver a petition on the web: the delivery page, exports and packs (`exports`), a zip
//! of every pack made in the background with a progress page to come back to (`zip`), sending
//! packs with a preview and a dry run and retrying a failed one, and the recipients' details and
//! the letter templates (`recipients`). Moderators and admins only (the route table says so); an
//! export with email addresses is for admins alone. Everything is audited.

mod exports;
mod recipients;
mod zip;

pub use exports::{export, pack};
pub use recipients::{letters, recipients_page, save_letter, save_member, save_ministry};
pub use zip::{job, job_download, start_zip};

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::pages::parse_id;
use super::session::{SignedIn, posted};
use super::{AppState, PageError, form_page, see_other};
use crate::accounts::Role;
use crate::db::{self, DbPool, jobs};
use crate::delivery::{self, DeliveryError, send};
use crate::domain::Status;
use crate::i18n::Lang;
use crate::views;

impl From<DeliveryError> for PageError {
    fn from(e: DeliveryError) -> PageError {
        match e {
            DeliveryError::UnknownPetition(_) | DeliveryError::UnknownConstituency(_) => {
                PageError::NotFound
            }
            DeliveryError::Db(e) => PageError::Db(db::DbError::Query(e)),
            other => PageError::Internal(other.to_string()),
        }
    }
}

/// Delivery work on a pooled connection, its errors answered as pages (an unknown petition or
/// constituency is a 404).
async fn run_delivery<T: Send + 'static>(
    pool: &DbPool,
    f: impl FnOnce(&mut db::DbConnection) -> Result<T, DeliveryError> + Send + 'static,
) -> Result<T, PageError> {
    db::run(pool, move |c| Ok(f(c)))
        .await?
        .map_err(PageError::from)
}

/// The packs' language a query asks for (`?lang=hi`, `?lang=bn`), else English.
fn pack_lang(req: &HttpRequest) -> Lang {
    url::form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::parse(&v))
        .unwrap_or(Lang::En)
}

/// The query that keeps a pack language other than English on the next page.
fn lang_query(lang: Lang) -> String {
    match lang {
        Lang::En => String::new(),
        other => format!("&lang={}", other.code()),
    }
}

async fn known_petition(state: &AppState, id: i64) -> Result<(), PageError> {
    let found = db::run(&state.pool, move |c| Ok(db::petitions::find_any(c, id)?))
        .await?
        .is_some_and(|p| matches!(p.status(), Status::Open | Status::Closed));
    if found {
        Ok(())
    } else {
        Err(PageError::NotFound)
    }
}

pub async fn page(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let SignedIn { user, session } = signed;
    let id = parse_id(&path)?;
    let pack = pack_lang(&req);
    let keys = state.settings.data_keys.clone();
    let (plan_summary, preview, list, jobs) = run_delivery(&state.pool, move |c| {
        let plan = delivery::plan(c, &keys, id, pack)?;
        let preview = send::preview(c, &plan)?;
        let list = send::list(c, &keys, id)?;
        let jobs = jobs::recent(c, id, 10)?;
        Ok((
            (
                plan.petition.clone(),
                plan.national,
                plan.constituencies(false),
            ),
            preview,
            list,
            jobs,
        ))
    })
    .await?;
    let markup = views::delivery::delivery(
        &ctx,
        &views::delivery::DeliveryPage {
            petition: &plan_summary.0,
            national: plan_summary.1,
            constituencies: &plan_summary.2,
            preview: &preview,
            deliveries: &list,
            jobs: &jobs,
            csrf: &session.csrf,
            admin: user.role() == Role::Admin,
            pack_lang: pack,
        },
    );
    Ok(form_page(&state, &session, StatusCode::OK, markup))
}

/// Sends the packs, or (with `mode=dry-run`) says what would be sent.
pub async fn deliver(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let form = posted(&req, &state, &body)?;
    let SignedIn { user, .. } = signed;
    let id = parse_id(&path)?;
    let dry_run = match form.get("mode") {
        "dry-run" => true,
        "send" => false,
        _ => return Err(PageError::Unprocessable),
    };
    let pack_lang = Lang::parse(form.get("lang")).unwrap_or(Lang::En);
    let actor = user.actor();
    let base = state.settings.base_url.clone();
    let keys = state.settings.data_keys.clone();
    // Not in the SQLite writer's turn: rendering hundreds of packs would hold signers up.
    // Each pack's rows are written in a short transaction of their own.
    let sent = run_delivery(&state.pool, move |c| {
        let plan = delivery::plan(c, &keys, id, pack_lang)?;
        send::send(c, &plan, &actor, dry_run, &base)
    })
    .await?;
    let (n, missing) = (sent.packs, sent.preview.no_email.len());
    let lang_q = lang_query(pack_lang);
    Ok(see_other(&if dry_run {
        format!("/admin/petitions/{id}/delivery?done=dry-run&n={n}&missing={missing}{lang_q}")
    } else {
        format!("/admin/petitions/{id}/delivery?done=queued&n={n}{lang_q}")
    }))
}

pub async fn retry(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    posted(&req, &state, &body)?;
    let SignedIn { user, .. } = signed;
    let (id, d) = path.into_inner();
    let (id, d) = (parse_id(&id)?, parse_id(&d)?);
    let actor = user.actor();
    let done = db::write(&state.pool, move |c| Ok(send::retry(c, id, d, &actor)?)).await?;
    if !done {
        return Err(PageError::NotFound);
    }
    Ok(see_other(&format!(
        "/admin/petitions/{id}/delivery?done=retried"
    )))
}
