//! Staff deliver a petition on the web: exports, one pack or a zip of all (a background job with
//! a progress page to come back to), sending packs with a preview and a dry run, the state of each
//! delivery with retries; the recipients' details and the letter template. Moderators and admins
//! only; an export with email addresses is for admins alone. Everything is audited.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use diesel::prelude::*;

use super::form::{Form, Problems};
use super::pages::parse_id;
use super::session::{SignedIn, posted};
use super::{AppState, PageError, form_page, see_other};
use crate::accounts::Role;
use crate::db::jobs;
use crate::db::schema::{recipients, representatives};
use crate::db::{self, DbPool};
use crate::delivery::{self, DeliveryError, send};
use crate::exports::{self, CountsBy, ExportError, Format};
use crate::i18n::Lang;
use crate::refdata::INDIA;
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

fn pack_lang(req: &HttpRequest) -> Lang {
    let q = req.query_string();
    if q.split('&').any(|p| p == "lang=hi") {
        Lang::Hi
    } else {
        Lang::En
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
    let (plan_summary, preview, list, jobs) = run_delivery(&state.pool, move |c| {
        let plan = delivery::plan(c, id, pack)?;
        let preview = send::preview(c, &plan)?;
        let list = send::list(c, id)?;
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

/// Bytes written on a blocking thread, streamed to the client as they come (memory stays flat
/// however large the export).
struct ChannelWriter {
    tx: tokio::sync::mpsc::Sender<std::io::Result<web::Bytes>>,
    buf: Vec<u8>,
}

impl std::io::Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= 64 * 1024 {
            self.flush()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.buf.is_empty() {
            let chunk = web::Bytes::from(std::mem::take(&mut self.buf));
            self.tx.blocking_send(Ok(chunk)).map_err(|_| {
                std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the client went away")
            })?;
        }
        Ok(())
    }
}

/// Streams what `work` writes. The status line has gone out before the first row is read, so a
/// failure part-way cannot become an error page: the stream is broken off instead, and the
/// client sees a failed download rather than a short file that looks whole.
fn stream(
    pool: DbPool,
    content_type: &'static str,
    filename: String,
    work: impl FnOnce(&mut db::DbConnection, &mut ChannelWriter) -> Result<i64, ExportError>
    + Send
    + 'static,
) -> HttpResponse {
    let (tx, rx) = tokio::sync::mpsc::channel::<std::io::Result<web::Bytes>>(8);
    actix_web::rt::task::spawn_blocking(move || {
        let mut out = ChannelWriter {
            tx: tx.clone(),
            buf: Vec::new(),
        };
        let result = pool
            .get()
            .map_err(|e| ExportError::Io(std::io::Error::other(e.to_string())))
            .and_then(|mut conn| work(&mut conn, &mut out));
        match result.and_then(|n| {
            std::io::Write::flush(&mut out)
                .map(|_| n)
                .map_err(ExportError::Io)
        }) {
            Ok(rows) => tracing::info!(rows, "export streamed"),
            Err(e) => {
                tracing::error!(error = %e, "export failed midway: download broken off");
                let _ = tx.blocking_send(Err(std::io::Error::other("the export failed")));
            }
        }
    });
    let body =
        futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|b| (b, rx)) });
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .streaming(body)
}

async fn known_petition(state: &AppState, id: i64) -> Result<(), PageError> {
    let found = db::run(&state.pool, move |c| Ok(db::petitions::find_any(c, id)?))
        .await?
        .is_some_and(|p| matches!(p.status(), "open" | "closed"));
    if found {
        Ok(())
    } else {
        Err(PageError::NotFound)
    }
}

/// `signatures.csv|xlsx` (`?with_emails=1` for admins), `counts-state.csv|xlsx|json`,
/// `counts-constituency.csv|xlsx|json`.
pub async fn export(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PageError> {
    let SignedIn { user, .. } = signed;
    let (id, file) = path.into_inner();
    let id = parse_id(&id)?;
    let (stem, ext) = file.rsplit_once('.').ok_or(PageError::NotFound)?;
    let (format, content_type) = match ext {
        "csv" => (Format::Csv, "text/csv; charset=utf-8"),
        "xlsx" => (
            Format::Xlsx,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        "json" if stem != "signatures" => (Format::Json, "application/json"),
        _ => return Err(PageError::NotFound),
    };
    let with_emails = req.query_string().split('&').any(|p| p == "with_emails=1");
    if with_emails && user.role() != Role::Admin {
        return Err(PageError::Forbidden);
    }
    known_petition(&state, id).await?;
    let actor = user.actor();
    let name = format!("petition-{id}-{file}");
    Ok(match stem {
        "signatures" => stream(state.pool.clone(), content_type, name, move |c, out| {
            exports::signatures(c, id, format, with_emails, &actor, out)
        }),
        "counts-state" | "counts-constituency" => {
            let by = if stem == "counts-state" {
                CountsBy::State
            } else {
                CountsBy::Constituency
            };
            stream(state.pool.clone(), content_type, name, move |c, out| {
                exports::write_counts(c, id, by, format, &actor, out)
            })
        }
        _ => return Err(PageError::NotFound),
    })
}

/// One pack: `{pc_id}.pdf` or `ministry.pdf` (`?lang=hi` for Hindi).
pub async fn pack(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PageError> {
    let SignedIn { user, .. } = signed;
    let (id, file) = path.into_inner();
    let id = parse_id(&id)?;
    if file == "choose" {
        // The no-script picker on the delivery page: on to the chosen pack.
        let mut pc = String::new();
        let mut hi = false;
        for (k, v) in url::form_urlencoded::parse(req.query_string().as_bytes()) {
            match k.as_ref() {
                "pc" => pc = v.into_owned(),
                "lang" => hi = v == "hi",
                _ => {}
            }
        }
        if INDIA.constituency(&pc).is_none() {
            return Err(PageError::NotFound);
        }
        return Ok(see_other(&format!(
            "/admin/petitions/{id}/packs/{pc}.pdf{}",
            if hi { "?lang=hi" } else { "" }
        )));
    }
    let pc = file
        .strip_suffix(".pdf")
        .ok_or(PageError::NotFound)?
        .to_string();
    if pc != "ministry" && INDIA.constituency(&pc).is_none() {
        return Err(PageError::NotFound);
    }
    let pack_lang = pack_lang(&req);
    let actor = user.actor();
    let name = file.clone();
    let bytes = run_delivery(&state.pool, move |c| {
        let plan = delivery::plan(c, id, pack_lang)?;
        let bytes = if pc == "ministry" {
            delivery::ministry_pack(c, &plan)?
        } else {
            delivery::constituency_pack(c, &plan, &pc)?
        };
        db::audit::note(
            c,
            &actor,
            "deliver pack",
            Some(id),
            serde_json::json!({ "pack": pc, "lang": pack_lang.code() }),
        )?;
        Ok(bytes)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(bytes))
}

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
    let pack_lang = if form.get("lang") == "hi" {
        Lang::Hi
    } else {
        Lang::En
    };
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
    actix_web::rt::task::spawn_blocking(move || zip_job(&pool, &dir, job, id, pack_lang, &actor));
    Ok(see_other(&format!("/admin/jobs/{job}")))
}

/// A file only its owner (this program's user) may read: the zip holds signers' names.
fn private_file(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Makes the zip, taking a database connection only for each query (the PDFs take minutes to
/// render, and a held connection would be one fewer for signers all that time).
fn zip_job(pool: &DbPool, dir: &std::path::Path, job: i64, petition: i64, lang: Lang, actor: &str) {
    let run = || -> anyhow::Result<()> {
        let plan = delivery::plan(&mut *pool.get()?, petition, lang)?;
        std::fs::create_dir_all(dir)?;
        // A random part too: two databases (a test's, a staging copy's) can share the folder.
        let file = dir.join(format!(
            "job-{job}-petition-{petition}-{}.zip",
            uuid::Uuid::new_v4().simple()
        ));
        let part = file.with_extension("part");
        let mut zip = zip::ZipWriter::new(private_file(&part)?);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        let written = delivery::each_pack(
            &mut delivery::Db::Pool(pool),
            &plan,
            false,
            |name, bytes| {
                zip.start_file(name, options)
                    .map_err(|e| std::io::Error::other(e.to_string()))?;
                Ok(std::io::Write::write_all(&mut zip, bytes)?)
            },
            |db, done, total| {
                if done % 10 == 0 || done == 1 {
                    db.with(|c| Ok(jobs::progress(c, job, done as i64, total as i64)?))?;
                }
                Ok(())
            },
        )?;
        let total = written.packs as i64;
        zip.finish()?;
        std::fs::rename(&part, &file)?;
        let mut conn = pool.get()?;
        conn.transaction(|c| {
            db::audit::record(
                c,
                &db::audit::Entry {
                    actor,
                    action: "deliver packs (zip)",
                    petition_id: Some(petition),
                    details: serde_json::json!({ "job": job, "lang": lang.code() }),
                    row_count: total,
                },
            )?;
            jobs::finish(c, job, total, &file.display().to_string())
        })?;
        Ok(())
    };
    if let Err(e) = run() {
        tracing::error!(job, error = %e, "zip of packs failed");
        if let Ok(mut conn) = pool.get() {
            let _ = jobs::fail(&mut conn, job, &e.to_string());
        }
    }
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
    let running = j.status == "running";
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
    let file = j
        .file
        .filter(|_| j.status == "done")
        .ok_or(PageError::NotFound)?;
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
    let pack_lang = if form.get("lang") == "hi" {
        Lang::Hi
    } else {
        Lang::En
    };
    let actor = user.actor();
    let base = state.settings.base_url.clone();
    // Not in the SQLite writer's turn: rendering hundreds of packs would hold signers up.
    // Each pack's rows are written in a short transaction of their own.
    let n = run_delivery(&state.pool, move |c| {
        let plan = delivery::plan(c, id, pack_lang)?;
        send::send(c, &plan, &actor, dry_run, &base)
    })
    .await?;
    Ok(see_other(&format!(
        "/admin/petitions/{id}/delivery?{}={n}",
        if dry_run { "would_send" } else { "queued" }
    )))
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
    let done = db::write(&state.pool, move |c| {
        Ok(c.transaction(|c| {
            let done = send::retry(c, id, d)?;
            if done {
                db::audit::note(
                    c,
                    &actor,
                    "deliver retry",
                    Some(id),
                    serde_json::json!({ "delivery": d }),
                )?;
            }
            Ok::<_, diesel::result::Error>(done)
        })?)
    })
    .await?;
    if !done {
        return Err(PageError::NotFound);
    }
    Ok(see_other(&format!("/admin/petitions/{id}/delivery")))
}

#[derive(serde::Deserialize)]
pub struct RecipientsQuery {
    q: Option<String>,
}

pub async fn recipients_page(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    query: web::Query<RecipientsQuery>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let SignedIn { session, .. } = signed;
    let q = super::form::search_term(query.q.as_deref(), 100);
    let needle = q.to_lowercase();
    let (ministries, members) = db::run(&state.pool, move |c| {
        let ministries: Vec<delivery::RecipientRow> = recipients::table
            .filter(recipients::kind.ne("member"))
            .order(recipients::id)
            .select((
                recipients::id,
                recipients::kind,
                recipients::name,
                recipients::email,
                recipients::postal_address,
            ))
            .load(c)?;
        let mut members: Vec<(String, delivery::Member)> =
            delivery::members(c)?.into_iter().collect();
        members.sort_by(|a, b| a.0.cmp(&b.0));
        Ok((ministries, members))
    })
    .await?;
    let members: Vec<(String, delivery::Member)> = members
        .into_iter()
        .filter(|(pc, m)| {
            needle.is_empty()
                || m.name.to_lowercase().contains(&needle)
                || INDIA
                    .constituency(pc)
                    .is_some_and(|c| c.name.to_lowercase().contains(&needle))
                || pc.to_lowercase() == needle
        })
        .take(if needle.is_empty() { 50 } else { 543 })
        .collect();
    let markup = views::delivery::recipients(&ctx, &ministries, &members, &q, &session.csrf);
    Ok(form_page(&state, &session, StatusCode::OK, markup))
}

fn optional_email(form: &Form, problems: &mut Problems) -> Option<String> {
    let raw = form.get("email").trim();
    if raw.is_empty() {
        return None;
    }
    match crate::domain::EmailAddress::parse(raw) {
        Ok(e) => Some(e.as_str().to_string()),
        Err(e) => {
            problems.add("email", e.key());
            None
        }
    }
}

pub async fn save_ministry(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let form = posted(&req, &state, &body)?;
    let SignedIn { user, .. } = signed;
    let id = parse_id(&path)?;
    let mut problems = Problems::default();
    let name = problems.text(&form, "name", 200);
    let postal = problems.optional_text(&form, "postal_address", 500);
    let email = optional_email(&form, &mut problems);
    if !problems.is_empty() {
        return Err(PageError::Unprocessable);
    }
    let actor = user.actor();
    let n = db::write(&state.pool, move |c| {
        Ok(c.transaction(|c| {
            let n = diesel::update(
                recipients::table
                    .find(id)
                    .filter(recipients::kind.ne("member")),
            )
            .set((
                recipients::name.eq(&name),
                recipients::email.eq(&email),
                recipients::postal_address.eq(Some(&postal).filter(|p| !p.is_empty())),
            ))
            .execute(c)?;
            if n == 1 {
                db::audit::note(
                    c,
                    &actor,
                    "recipient.edit",
                    None,
                    serde_json::json!({ "recipient": id }),
                )?;
            }
            Ok::<_, diesel::result::Error>(n)
        })?)
    })
    .await?;
    if n == 0 {
        return Err(PageError::NotFound);
    }
    Ok(see_other("/admin/recipients?saved=1"))
}

pub async fn save_member(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let form = posted(&req, &state, &body)?;
    let SignedIn { user, .. } = signed;
    let pc = path.into_inner();
    if INDIA.constituency(&pc).is_none() {
        return Err(PageError::NotFound);
    }
    let mut problems = Problems::default();
    let name = problems.text(&form, "name", 200);
    let party = problems.optional_text(&form, "party", 200);
    let postal = problems.optional_text(&form, "postal_address", 500);
    let email = optional_email(&form, &mut problems);
    if !problems.is_empty() {
        return Err(PageError::Unprocessable);
    }
    let actor = user.actor();
    db::write(&state.pool, move |c| {
        Ok(c.transaction(|c| {
            diesel::delete(representatives::table.find(&pc)).execute(c)?;
            diesel::insert_into(representatives::table)
                .values((
                    representatives::pc_id.eq(&pc),
                    representatives::name.eq(&name),
                    representatives::party.eq(&party),
                    representatives::email.eq(&email),
                    representatives::postal_address.eq(Some(&postal).filter(|p| !p.is_empty())),
                    representatives::updated_at.eq(db::now()),
                ))
                .execute(c)?;
            db::audit::note(
                c,
                &actor,
                "representative.edit",
                None,
                serde_json::json!({ "pc_id": pc }),
            )
        })?)
    })
    .await?;
    Ok(see_other("/admin/recipients?saved=1"))
}

pub async fn letters(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let SignedIn { session, .. } = signed;
    let (en, hi) = db::run(&state.pool, |c| {
        Ok((
            delivery::template(c, Lang::En)?,
            delivery::template(c, Lang::Hi)?,
        ))
    })
    .await?;
    let form = Form::from_pairs(&[("body_en", &en), ("body_hi", &hi)]);
    Ok(form_page(
        &state,
        &session,
        StatusCode::OK,
        views::delivery::letters(&ctx, &form, &Problems::default(), &session.csrf),
    ))
}

pub async fn save_letter(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let form = posted(&req, &state, &body)?;
    let SignedIn { user, session } = signed;
    let mut problems = Problems::default();
    let en = problems.text(&form, "body_en", 5_000);
    let hi = problems.text(&form, "body_hi", 5_000);
    if !problems.is_empty() {
        return Ok(form_page(
            &state,
            &session,
            StatusCode::UNPROCESSABLE_ENTITY,
            views::delivery::letters(&ctx, &form, &problems, &session.csrf),
        ));
    }
    let actor = user.actor();
    db::write(&state.pool, move |c| {
        delivery::save_template(c, Lang::En, &en, &actor)?;
        delivery::save_template(c, Lang::Hi, &hi, &actor)?;
        Ok(())
    })
    .await?;
    Ok(see_other("/admin/letters?saved=1"))
}
