//! Exports of a petition's signatures and counts, streamed as they are read, and single packs.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};

use super::{known_petition, pack_lang, run_delivery};
use crate::accounts::Role;
use crate::db::{self, DbPool};
use crate::delivery;
use crate::exports::{self, CountsBy, ExportError, Format};
use crate::i18n::Lang;
use crate::refdata::INDIA;
use crate::web::pages::parse_id;
use crate::web::session::SignedIn;
use crate::web::{AppState, PageError, see_other};

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
    let keys = state.settings.data_keys.clone();
    Ok(match stem {
        "signatures" => stream(state.pool.clone(), content_type, name, move |c, out| {
            exports::signatures(c, &keys, id, format, with_emails, &actor, out)
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

/// One pack: `{pc_id}.pdf` or `ministry.pdf` in English, `{pc_id}.hi.pdf` or `ministry.hi.pdf`
/// in Hindi (`?lang=hi` on the English name also gives Hindi, as links made before did).
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
        let mut lang = Lang::En;
        for (k, v) in url::form_urlencoded::parse(req.query_string().as_bytes()) {
            match k.as_ref() {
                "pc" => pc = v.into_owned(),
                "lang" => lang = Lang::parse(&v).unwrap_or(Lang::En),
                _ => {}
            }
        }
        if INDIA.constituency(&pc).is_none() {
            return Err(PageError::NotFound);
        }
        return Ok(see_other(&format!(
            "/admin/petitions/{id}/packs/{}",
            delivery::pack_file(&pc, lang)
        )));
    }
    let stem = file.strip_suffix(".pdf").ok_or(PageError::NotFound)?;
    let named = Lang::ALL.into_iter().find_map(|l| {
        let pc = stem.strip_suffix(&format!(".{}", l.code()))?;
        (l != Lang::En).then(|| (pc.to_string(), l))
    });
    let (pc, pack_lang) = named.unwrap_or_else(|| (stem.to_string(), pack_lang(&req)));
    if pc != "ministry" && INDIA.constituency(&pc).is_none() {
        return Err(PageError::NotFound);
    }
    let actor = user.actor();
    let name = delivery::pack_file(&pc, pack_lang);
    let keys = state.settings.data_keys.clone();
    let bytes = run_delivery(&state.pool, move |c| {
        delivery::one_pack(c, &keys, id, pack_lang, &pc, &actor)
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
