//! Campaigners on the web: starting and editing a petition, sending it to its first supporters
//! and on to moderation, the dashboard, updates to signers, and the unsubscribe link.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::pages::{parse_id, render_petition};
use super::session::{Session, SignedIn, posted};
use super::{AppState, PageError, form_page, html as page_response, see_other};
use crate::campaigns::{self, Draft};
use crate::db::campaigns::{self as store, Submitted};
use crate::db::petitions::{self, Petition};
use crate::db::users::User;
use crate::db::{self, updates};
use crate::domain::Status;
use crate::forms::{Form, Problems};
use crate::i18n::Lang;
use crate::signing::SignForm;
use crate::tokens;
use crate::views::{self, campaigns::PetitionForm};

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

struct FormPage<'a> {
    heading: String,
    action_url: String,
    form: &'a Form,
    problems: &'a Problems,
    preview: Option<maud::Markup>,
    similar: &'a [Petition],
}

async fn render_form(
    state: &AppState,
    ctx: &views::Ctx,
    session: &Session,
    status: StatusCode,
    v: FormPage<'_>,
) -> Result<HttpResponse, PageError> {
    let choices = db::run(&state.pool, |c| Ok(petitions::recipient_choices(c)?)).await?;
    let markup = views::campaigns::petition_form(
        ctx,
        &v.heading,
        &PetitionForm {
            action_url: v.action_url,
            form: v.form,
            problems: v.problems,
            csrf: &session.csrf,
            choices: &choices,
            preview: v.preview,
            similar: v.similar,
            min_date: (today() + chrono::Duration::days(1)).to_string(),
            max_date: (today() + chrono::Duration::days(state.settings.max_petition_days))
                .to_string(),
        },
    );
    Ok(form_page(state, session, status, markup))
}

pub async fn new_form(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let SignedIn { session, .. } = signed;
    let closes = (today() + chrono::Duration::days(90)).to_string();
    let form = Form::from_pairs(&[
        ("lang", lang.code()),
        ("goal", "1000"),
        ("closes_on", &closes),
    ]);
    render_form(
        &state,
        &ctx,
        &session,
        StatusCode::OK,
        FormPage {
            heading: ctx.t("new-petition-title"),
            action_url: "/petitions/new".into(),
            form: &form,
            problems: &Problems::default(),
            preview: None,
            similar: &[],
        },
    )
    .await
}

/// Checks the petition form; `Err` is the page to answer with (422, or the preview). `editing`
/// is the petition being edited, if it is one (left out of "similar", its picture previewed).
async fn check_form(
    state: &AppState,
    ctx: &views::Ctx,
    session: &Session,
    form: &Form,
    heading: String,
    action_url: String,
    editing: Option<&Petition>,
) -> Result<Result<Draft, HttpResponse>, PageError> {
    let exclude = editing.map(Petition::id);
    let choices = db::run(&state.pool, |c| Ok(petitions::recipient_choices(c)?)).await?;
    let checked = campaigns::validate(form, &choices, today(), state.settings.max_petition_days);
    let page = |problems: Problems, preview, similar: Vec<Petition>, status| {
        let heading = heading.clone();
        let action_url = action_url.clone();
        async move {
            render_form(
                state,
                ctx,
                session,
                status,
                FormPage {
                    heading,
                    action_url,
                    form,
                    problems: &problems,
                    preview,
                    similar: &similar,
                },
            )
            .await
        }
    };
    match checked {
        Err(problems) => Ok(Err(page(
            problems,
            None,
            Vec::new(),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await?)),
        Ok(draft) if form.get("intent") == "preview" => {
            let q = format!("{} {}", draft.texts[0].title, draft.texts[0].action);
            let similar =
                db::run(&state.pool, move |c| Ok(store::similar(c, &q, exclude)?)).await?;
            let preview = views::campaigns::petition_body(
                ctx.lang,
                &preview_petition(&draft, &choices, editing.and_then(|p| p.image.clone())),
                maud::html! {},
            );
            Ok(Err(page(
                Problems::default(),
                Some(preview),
                similar,
                StatusCode::OK,
            )
            .await?))
        }
        Ok(draft) => Ok(Ok(draft)),
    }
}

/// A draft dressed as a petition, to preview it exactly as readers will see it.
fn preview_petition(
    d: &Draft,
    choices: &[petitions::Recipient],
    image: Option<db::images::PetitionImage>,
) -> Petition {
    let now = db::now();
    Petition {
        row: petitions::PetitionRow {
            id: 0,
            status: Status::Draft.code().into(),
            lang: d.lang.code().into(),
            goal: d.goal,
            signature_count: 0,
            created_at: now,
            opened_at: None,
            closes_at: Some(d.closes_at),
            closed_at: None,
            creator_id: None,
            other_recipients: d.other_recipients.clone(),
            share_key: None,
            submitted_at: None,
            decided_at: None,
            decision: None,
            decision_reason: None,
            decision_message: None,
            milestones: 0,
            show_starter: d.show_starter,
            featured: false,
        },
        texts: d
            .texts
            .iter()
            .map(|t| petitions::PetitionText {
                petition_id: 0,
                lang: t.lang.code().into(),
                title: t.title.clone(),
                action: t.action.clone(),
                background: t.background.clone(),
            })
            .collect(),
        recipients: choices
            .iter()
            .filter(|c| d.recipient_ids.contains(&c.id))
            .cloned()
            .collect(),
        starter: None,
        image,
    }
}

pub async fn create(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let form = posted(&req, &state, &body)?;
    let SignedIn { user, session } = signed;
    let draft = match check_form(
        &state,
        &ctx,
        &session,
        &form,
        ctx.t("new-petition-title"),
        "/petitions/new".into(),
        None,
    )
    .await?
    {
        Ok(d) => d,
        Err(page) => return Ok(page),
    };
    let id = db::write(&state.pool, move |c| {
        Ok(store::save_draft(c, user.id, None, &draft)?)
    })
    .await?
    .ok_or(PageError::NotFound)?;
    Ok(see_other(&format!("/dashboard/petitions/{id}?saved=1")))
}

/// The creator's own petition, or 404 (another campaigner's petition does not exist for them).
pub(super) async fn own_petition(
    state: &AppState,
    user: &User,
    id: i64,
) -> Result<Petition, PageError> {
    let uid = user.id;
    db::run(&state.pool, move |c| Ok(store::owned(c, id, uid)?))
        .await?
        .ok_or(PageError::NotFound)
}

pub async fn edit_form(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let id = parse_id(&path)?;
    let SignedIn { user, session } = signed;
    let p = own_petition(&state, &user, id).await?;
    if !matches!(p.status(), Status::Draft | Status::Changes) {
        return Ok(see_other(&format!("/dashboard/petitions/{id}")));
    }
    let form = campaigns::form_from(&p);
    render_form(
        &state,
        &ctx,
        &session,
        StatusCode::OK,
        FormPage {
            heading: ctx.t("edit-petition"),
            action_url: format!("/petitions/{id}/edit"),
            form: &form,
            problems: &Problems::default(),
            preview: None,
            similar: &[],
        },
    )
    .await
}

pub async fn edit(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let id = parse_id(&path)?;
    let form = posted(&req, &state, &body)?;
    let SignedIn { user, session } = signed;
    let editing = own_petition(&state, &user, id).await?;
    let draft = match check_form(
        &state,
        &ctx,
        &session,
        &form,
        ctx.t("edit-petition"),
        format!("/petitions/{id}/edit"),
        Some(&editing),
    )
    .await?
    {
        Ok(d) => d,
        Err(page) => return Ok(page),
    };
    let saved = db::write(&state.pool, move |c| {
        Ok(store::save_draft(c, user.id, Some(id), &draft)?)
    })
    .await?;
    match saved {
        Some(_) => Ok(see_other(&format!("/dashboard/petitions/{id}?saved=1"))),
        // No longer editable (a moderator acted meanwhile): show where it stands.
        None => Ok(see_other(&format!("/dashboard/petitions/{id}"))),
    }
}

pub async fn submit(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let id = parse_id(&path)?;
    posted(&req, &state, &body)?;
    let SignedIn { user, .. } = signed;
    own_petition(&state, &user, id).await?;
    let needed = state.settings.supporters_needed;
    let key = tokens::new_token().plain;
    let outcome = db::write(&state.pool, move |c| {
        Ok(store::submit(c, id, &user, needed, &key)?)
    })
    .await?;
    let notice = match outcome {
        Submitted::Gathering => "gathering",
        Submitted::Pending => "pending",
        Submitted::NeedsConfirmedEmail => "confirm-first",
        Submitted::NotAllowed => "not-allowed",
    };
    Ok(see_other(&format!(
        "/dashboard/petitions/{id}?notice={notice}"
    )))
}

/// A petition gathering its first supporters, reached only through its creator's share link.
pub async fn support(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, true);
    let key = path.into_inner();
    if !tokens::well_formed(&key) {
        return Err(PageError::NotFound);
    }
    let p = db::run(&state.pool, move |c| {
        Ok(petitions::find_by_share_key(c, &key)?)
    })
    .await?
    .ok_or(PageError::NotFound)?;
    if p.is_open() || p.status() == Status::Closed {
        return Ok(see_other(&format!("/petitions/{}", p.id())));
    }
    if matches!(p.status(), Status::Pending | Status::Changes) {
        // Late supporters are told where it stands, and that support given is kept.
        return Ok(page_response(
            StatusCode::OK,
            views::account::message(
                &ctx,
                &ctx.t("support-with-moderators-title"),
                &ctx.t("support-with-moderators-body"),
            ),
        ));
    }
    if p.status() != Status::Gathering {
        return Err(PageError::NotFound);
    }
    let res = render_petition(
        &state,
        &ctx,
        &p,
        &SignForm::default(),
        &crate::forms::Problems::default(),
        None,
        StatusCode::OK,
    )
    .await?;
    Ok(super::referrer_policy(res, "same-origin"))
}

#[derive(serde::Deserialize)]
pub struct DashboardQuery {
    notice: Option<String>,
    saved: Option<String>,
    confirmed: Option<String>,
}

fn notice_text(lang: Lang, q: &DashboardQuery) -> Option<String> {
    if q.saved.is_some() {
        return Some(lang.t("notice-saved"));
    }
    if q.confirmed.is_some() {
        return Some(lang.t("notice-email-confirmed"));
    }
    match q.notice.as_deref() {
        Some(n @ ("gathering" | "pending" | "confirm-first" | "not-allowed")) => {
            Some(lang.t(&format!("notice-{n}")))
        }
        _ => None,
    }
}

pub async fn dashboard(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    query: web::Query<DashboardQuery>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let SignedIn { user, session } = signed;
    let uid = user.id;
    let list = db::run(&state.pool, move |c| Ok(store::mine(c, uid)?)).await?;
    let markup =
        views::campaigns::dashboard(&ctx, &user, &list, &session.csrf, notice_text(lang, &query));
    Ok(form_page(&state, &session, StatusCode::OK, markup))
}

pub async fn detail(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
    query: web::Query<DashboardQuery>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let id = parse_id(&path)?;
    let SignedIn { user, session } = signed;
    let p = own_petition(&state, &user, id).await?;
    let ((total, confirmed), undeliverable, per_day, by_state, by_source, ups) =
        db::run(&state.pool, move |c| {
            Ok((
                db::signatures::count_for(c, id)?,
                db::mail_events::undeliverable(c, id)?,
                store::per_day(c, id)?,
                petitions::counts_by_state(c, id)?,
                db::signatures::by_source(c, id)?,
                updates::for_petition(c, id, true)?,
            ))
        })
        .await?;
    let markup = views::campaigns::petition_detail(
        &ctx,
        &views::campaigns::Detail {
            petition: &p,
            total,
            confirmed,
            undeliverable,
            per_day: &per_day,
            by_state: &by_state,
            by_source: &by_source,
            updates: &ups,
            supporters_needed: state.settings.supporters_needed,
            base_url: &state.settings.base_url,
            csrf: &session.csrf,
            notice: notice_text(lang, &query),
        },
    );
    Ok(form_page(&state, &session, StatusCode::OK, markup))
}

pub async fn update_form(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let id = parse_id(&path)?;
    let SignedIn { user, session } = signed;
    let p = own_petition(&state, &user, id).await?;
    if !matches!(p.status(), Status::Open | Status::Closed) {
        return Ok(see_other(&format!("/dashboard/petitions/{id}")));
    }
    let markup = views::campaigns::update_form(
        &ctx,
        &p,
        &Form::default(),
        &Problems::default(),
        &session.csrf,
        None,
    );
    Ok(form_page(&state, &session, StatusCode::OK, markup))
}

pub async fn post_update(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let id = parse_id(&path)?;
    let form = posted(&req, &state, &body)?;
    let SignedIn { user, session } = signed;
    let p = own_petition(&state, &user, id).await?;
    if !matches!(p.status(), Status::Open | Status::Closed) {
        return Err(PageError::NotFound);
    }
    let (main, other) = campaigns::update_langs(&p);
    let written = match campaigns::validate_update(&form, other.is_some()) {
        Ok(v) => v,
        Err(problems) => {
            let markup =
                views::campaigns::update_form(&ctx, &p, &form, &problems, &session.csrf, None);
            return Ok(form_page(
                &state,
                &session,
                StatusCode::UNPROCESSABLE_ENTITY,
                markup,
            ));
        }
    };
    if form.get("intent") == "preview" {
        // As its readers will see it, in each language; nothing is written.
        let markup = views::campaigns::update_form(
            &ctx,
            &p,
            &form,
            &Problems::default(),
            &session.csrf,
            Some(&written),
        );
        return Ok(form_page(&state, &session, StatusCode::OK, markup));
    }
    db::write(&state.pool, move |c| {
        let new = updates::NewUpdate {
            lang: main,
            title: &written.title,
            body: &written.body,
            translation: written
                .translation
                .as_ref()
                .map(|(t, b)| (t.as_str(), b.as_str())),
        };
        Ok(campaigns::write_update(c, id, &user, &new)?)
    })
    .await?;
    Ok(see_other(&format!(
        "/dashboard/petitions/{id}?notice=pending"
    )))
}

/// `GET /api/petitions/similar?q=`: open petitions like a title being typed (JSON). These are
/// filters, not data: a value no script of ours sends is ignored, never an error.
pub async fn similar_api(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let form = crate::forms::Form::parse(req.query_string().as_bytes());
    let q = crate::forms::search_term(Some(form.get("q")), 200);
    let exclude = form.get("exclude").parse::<i64>().ok();
    let lang = Lang::En;
    match db::run(&state.pool, move |c| Ok(store::similar(c, &q, exclude)?)).await {
        Ok(list) => HttpResponse::Ok()
            .insert_header((actix_web::http::header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
            .json(
                list.iter()
                    .map(|p| {
                        serde_json::json!({
                            "id": p.id(),
                            "title": p.text(lang).title,
                            "title_hi": p.text(Lang::Hi).title,
                            "signature_count": p.row.signature_count,
                            "url": format!("/petitions/{}", p.id()),
                        })
                    })
                    .collect::<Vec<_>>(),
            ),
        Err(e) => {
            tracing::error!(error = %e, "similar petitions failed");
            HttpResponse::ServiceUnavailable().finish()
        }
    }
}
