//! The recipients' details (ministries and members of the Lok Sabha) and the letter templates.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::db;
use crate::delivery;
use crate::forms::{Form, Problems};
use crate::i18n::Lang;
use crate::refdata::INDIA;
use crate::views;
use crate::web::pages::parse_id;
use crate::web::session::{SignedIn, posted};
use crate::web::{AppState, PageError, form_page, see_other};

#[derive(serde::Deserialize)]
pub struct RecipientsQuery {
    q: Option<String>,
    /// 1-based; a page past the end shows the last.
    page: Option<String>,
    /// `email`: only members without an email address.
    missing: Option<String>,
}

const PER_PAGE: usize = views::delivery::MEMBERS_PER_PAGE;

pub async fn recipients_page(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    query: web::Query<RecipientsQuery>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let SignedIn { session, .. } = signed;
    let q = crate::forms::search_term(query.q.as_deref(), 100);
    let needle = q.to_lowercase();
    let missing_email = query.missing.as_deref() == Some("email");
    let asked_page: usize = query
        .page
        .as_deref()
        .and_then(|p| p.parse().ok())
        .unwrap_or(1)
        .max(1);
    let (ministries, members) = db::run(&state.pool, move |c| {
        let ministries = db::delivery::ministries(c)?;
        let mut members: Vec<(String, delivery::Member)> =
            delivery::members(c)?.into_iter().collect();
        members.sort_by(|a, b| a.0.cmp(&b.0));
        Ok((ministries, members))
    })
    .await?;
    // Searched by the member's name or party, the constituency's name in either language, its
    // state, or its code.
    let found: Vec<(String, delivery::Member)> = members
        .into_iter()
        .filter(|(_, m)| !missing_email || m.email.is_none())
        .filter(|(pc, m)| {
            let c = INDIA.constituency(pc);
            needle.is_empty()
                || m.name.to_lowercase().contains(&needle)
                || m.party.to_lowercase().contains(&needle)
                || c.is_some_and(|c| {
                    c.name.to_lowercase().contains(&needle)
                        || c.name_hi.contains(&q)
                        || INDIA.state(&c.state_code).is_some_and(|s| {
                            s.name.to_lowercase().contains(&needle) || s.name_hi.contains(&q)
                        })
                })
                || pc.to_lowercase() == needle
        })
        .collect();
    let pages = found.len().div_ceil(PER_PAGE).max(1);
    let page = asked_page.min(pages);
    let shown: Vec<(String, delivery::Member)> = found
        .iter()
        .skip((page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .cloned()
        .collect();
    let markup = views::delivery::recipients(
        &ctx,
        &ministries,
        &views::delivery::MemberPage {
            members: &shown,
            q: &q,
            missing_email,
            page,
            pages,
            total: found.len(),
        },
        &session.csrf,
    );
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
    let edit = delivery::recipients::Edit {
        name,
        email,
        postal_address: Some(postal).filter(|p| !p.is_empty()),
    };
    let found = db::write(&state.pool, move |c| {
        Ok(delivery::recipients::edit_ministry(c, id, &edit, &actor)?)
    })
    .await?;
    if !found {
        return Err(PageError::NotFound);
    }
    Ok(see_other("/admin/recipients?done=saved"))
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
    let member = delivery::Member {
        name,
        party,
        email,
        postal_address: Some(postal).filter(|p| !p.is_empty()),
    };
    db::write(&state.pool, move |c| {
        Ok(delivery::recipients::edit_member(c, &pc, &member, &actor)?)
    })
    .await?;
    Ok(see_other("/admin/recipients?done=saved"))
}

pub async fn letters(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let SignedIn { session, .. } = signed;
    let bodies = db::run(&state.pool, |c| {
        Ok(Lang::ALL
            .into_iter()
            .map(|l| delivery::template(c, l).map(|b| (l, b)))
            .collect::<Result<Vec<_>, _>>()?)
    })
    .await?;
    let mut form = Form::default();
    for (l, body) in &bodies {
        form.push(delivery::letter_field(*l), body);
    }
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
    let bodies: Vec<(Lang, String)> = Lang::ALL
        .into_iter()
        .map(|l| (l, problems.text(&form, delivery::letter_field(l), 5_000)))
        .collect();
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
        Ok(delivery::save_templates(c, &bodies, &actor)?)
    })
    .await?;
    Ok(see_other("/admin/letters?done=saved"))
}
