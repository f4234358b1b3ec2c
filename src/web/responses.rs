//! Responses and thresholds: staff record what a member or a ministry answered (with its letter,
//! a PDF) and set a petition's thresholds; the public reads each letter. Moderators and admins
//! (the route table says so); every change is audited.

use actix_multipart::Multipart;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};

use super::images::{Upload, read_upload};
use super::pages::parse_id;
use super::session::{SignedIn, check_csrf, posted};
use super::{AppState, PageError, form_page, see_other};
use crate::db;
use crate::db::petitions::{self, Petition};
use crate::db::responses::{self as store, NewResponse, Responder, Threshold};
use crate::db::updates::NewUpdate;
use crate::forms::{Form, Problems};
use crate::i18n::{Arg, Lang};
use crate::responses::{self, Valid};
use crate::views::{self, responses::ResponsesPage};

/// A petition staff may record responses for: one the public can see.
async fn public_petition(state: &AppState, id: i64) -> Result<Petition, PageError> {
    db::run(&state.pool, move |c| Ok(petitions::find_public(c, id)?))
        .await?
        .ok_or(PageError::NotFound)
}

/// The two forms as sent (or empty) and their problems.
#[derive(Default)]
struct Sent {
    form: Form,
    problems: Problems,
    threshold_form: Form,
    threshold_problems: Problems,
}

async fn render(
    state: &AppState,
    req: &HttpRequest,
    lang: Lang,
    signed: &SignedIn,
    p: &Petition,
    sent: Sent,
) -> Result<HttpResponse, PageError> {
    let id = p.id();
    let (responses, thresholds, members) = db::run(&state.pool, move |c| {
        Ok((
            store::for_petition(c, id)?,
            store::thresholds(c, id)?,
            db::delivery::members(c)?,
        ))
    })
    .await?;
    let failed = !sent.problems.is_empty() || !sent.threshold_problems.is_empty();
    let mut form = sent.form;
    if form.get("lang").is_empty() {
        form.push("lang", &p.row.lang);
    }
    let ctx = state.ctx(req, lang, false);
    let markup = views::responses::staff_page(
        &ctx,
        &ResponsesPage {
            petition: p,
            responses: &responses,
            thresholds: &thresholds,
            members: &members,
            form: &form,
            problems: &sent.problems,
            threshold_form: &sent.threshold_form,
            threshold_problems: &sent.threshold_problems,
            csrf: &signed.session.csrf,
        },
    );
    let status = if failed {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(form_page(state, &signed.session, status, markup))
}

/// `GET /admin/petitions/{id}/responses`.
pub async fn page(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let p = public_petition(&state, parse_id(&path)?).await?;
    render(&state, &req, lang, &signed, &p, Sent::default()).await
}

/// Who answered, by name as it stands now (a member's from the recipients list, else the
/// constituency's; a recipient's own).
fn responder_name(
    p: &Petition,
    who: &Responder,
    members: &std::collections::HashMap<String, db::delivery::Member>,
) -> String {
    match who {
        Responder::Member(pc) => members
            .get(pc)
            .map(|m| m.name.clone())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| views::petition::constituency_name(Lang::En, pc)),
        Responder::Recipient(id) => p
            .recipients
            .iter()
            .find(|r| r.id == *id)
            .map(|r| r.name.clone())
            .unwrap_or_default(),
    }
}

/// The update that tells the signers: in the petition's language, and in its other one when
/// the petition has it.
fn update_text(p: &Petition, v: &Valid, name: &str) -> Vec<(Lang, String, String)> {
    let (main, other) = crate::campaigns::update_langs(p);
    std::iter::once(main)
        .chain(other)
        .map(|l| {
            let who = match &v.who {
                Responder::Recipient(id) => p
                    .recipients
                    .iter()
                    .find(|r| r.id == *id)
                    .map_or_else(|| name.to_string(), |r| r.name_in(l).to_string()),
                Responder::Member(pc) => views::responses::member_responder(l, pc, name),
            };
            let title = l.ta(
                "response-update-title",
                &[
                    ("who", Arg::Str(who)),
                    (
                        "stance",
                        Arg::Str(l.t(&format!("response-stance-{}", v.stance))),
                    ),
                ],
            );
            let body = if v.body.is_empty() {
                l.t("response-update-no-text")
            } else {
                v.body.clone()
            };
            (l, title, body)
        })
        .collect()
}

/// `POST /admin/petitions/{id}/responses` (multipart: the fields and an optional PDF).
pub async fn record(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
    parts: Multipart,
) -> Result<HttpResponse, PageError> {
    let id = parse_id(&path)?;
    let Upload { form, file } = read_upload(parts, "document").await?;
    check_csrf(&req, &state, form.get("csrf"))?;
    let p = public_petition(&state, id).await?;
    let valid = match responses::check(&p, &form, file.as_deref(), petitions::india_today()) {
        Ok(v) => v,
        Err(problems) => {
            let sent = Sent {
                form,
                problems,
                ..Sent::default()
            };
            return render(&state, &req, lang, &signed, &p, sent).await;
        }
    };
    let members = db::run(&state.pool, |c| Ok(db::delivery::members(c)?)).await?;
    let name = responder_name(&p, &valid.who, &members);
    let texts = update_text(&p, &valid, &name);
    let (staff_id, actor) = (signed.user.id, signed.user.actor());
    db::write(&state.pool, move |c| {
        let (l, title, body) = &texts[0];
        let update = NewUpdate {
            lang: *l,
            title,
            body,
            translation: texts.get(1).map(|(_, t, b)| (t.as_str(), b.as_str())),
        };
        let new = NewResponse {
            petition_id: id,
            who: valid.who.clone(),
            responder: &name,
            stance: valid.stance,
            received_on: valid.received_on,
            lang: valid.lang.code(),
            body: &valid.body,
            document: file.as_deref(),
            staff_id,
        };
        Ok(store::record(c, &new, &update, &actor)?)
    })
    .await?;
    Ok(see_other(&format!(
        "/admin/petitions/{id}/responses?done=response-recorded"
    )))
}

/// `POST /admin/petitions/{id}/thresholds`: adds one (or replaces the one at its number).
pub async fn add_threshold(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let form = posted(&req, &state, &body)?;
    let p = public_petition(&state, parse_id(&path)?).await?;
    let t: Threshold = match responses::check_threshold(&p, &form) {
        Ok(t) => t,
        Err(problems) => {
            let sent = Sent {
                threshold_form: form,
                threshold_problems: problems,
                ..Sent::default()
            };
            return render(&state, &req, lang, &signed, &p, sent).await;
        }
    };
    let (id, actor) = (p.id(), signed.user.actor());
    db::write(&state.pool, move |c| {
        Ok(store::put_threshold(c, id, &t, &actor)?)
    })
    .await?;
    Ok(see_other(&format!(
        "/admin/petitions/{id}/responses?done=threshold-saved"
    )))
}

/// `POST /admin/petitions/{id}/thresholds/{n}/remove`.
pub async fn remove_threshold(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    posted(&req, &state, &body)?;
    let (id, n) = path.into_inner();
    let (id, n) = (parse_id(&id)?, parse_id(&n)?);
    let actor = signed.user.actor();
    let removed = db::write(&state.pool, move |c| {
        Ok(store::remove_threshold(c, id, n, Some(&actor))?)
    })
    .await?;
    if !removed {
        return Err(PageError::NotFound);
    }
    Ok(see_other(&format!(
        "/admin/petitions/{id}/responses?done=threshold-saved"
    )))
}

/// `GET /responses/{id}.pdf`: a response's letter, from a public petition. Sent as a download
/// in a sandbox, so a crafted file cannot run as a page of this site.
pub async fn document(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = path
        .strip_suffix(".pdf")
        .ok_or(PageError::NotFound)
        .and_then(parse_id)?;
    let (_, bytes) = db::run(&state.pool, move |c| Ok(store::document(c, id)?))
        .await?
        .ok_or(PageError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"response-{id}.pdf\""),
        ))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::CONTENT_SECURITY_POLICY, "sandbox"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .body(bytes))
}
