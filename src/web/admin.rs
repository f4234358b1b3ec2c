//! Staff on the web: moderation (moderators and admins), accounts and the audit log (admins).
//! Every route checks the role first: anonymous visitors are sent to log in, campaigners get 403.
//! Every decision is written to the audit log with who, what, when and why, in the same
//! transaction as the decision itself.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::pages::parse_id;
use super::session::{SignedIn, posted};
use super::{AppState, PageError, form_page, see_other};
use crate::accounts::Role;
use crate::campaigns::REJECT_REASONS;
use crate::db::campaigns::{self as store, Decision};
use crate::db::{self, audit, petitions, updates, users};
use crate::forms::{Form, Problems};
use crate::i18n::Lang;
use crate::moderation;
use crate::views;

pub async fn home() -> HttpResponse {
    see_other("/admin/moderation")
}

pub async fn moderation(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let SignedIn { session, .. } = signed;
    let (queue, ups, public) = db::run(&state.pool, move |c| {
        let queue = store::queue(c)?;
        let public = petitions::list_public(c)?;
        let pending = updates::pending(c)?;
        let ids: Vec<i64> = pending.iter().map(|u| u.petition_id).collect();
        let of = petitions::find_many(c, &ids)?;
        let ups = pending
            .into_iter()
            .map(|u| {
                let title = of
                    .iter()
                    .find(|p| p.id() == u.petition_id)
                    .map(|p| p.text(lang).title.clone())
                    .unwrap_or_default();
                (u, title)
            })
            .collect::<Vec<_>>();
        Ok((queue, ups, public))
    })
    .await?;
    let markup = views::admin::moderation(&ctx, &queue, &ups, &public, &session.csrf);
    Ok(form_page(&state, &session, StatusCode::OK, markup))
}

pub async fn review(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let SignedIn {
        user: moderator,
        session,
    } = signed;
    let id = parse_id(&path)?;
    let p = db::run(&state.pool, move |c| Ok(petitions::find_any(c, id)?))
        .await?
        .ok_or(PageError::NotFound)?;
    let markup = views::admin::review(
        &ctx,
        &p,
        &Form::default(),
        &Problems::default(),
        &session.csrf,
        p.row.creator_id == Some(moderator.id),
    );
    Ok(form_page(&state, &session, StatusCode::OK, markup))
}

pub async fn decide(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let form = posted(&req, &state, &body)?;
    let SignedIn {
        user: moderator,
        session,
    } = signed;
    let id = parse_id(&path)?;
    let p = db::run(&state.pool, move |c| Ok(petitions::find_any(c, id)?))
        .await?
        .ok_or(PageError::NotFound)?;
    // No one decides on their own petition: another moderator must.
    if p.row.creator_id == Some(moderator.id) {
        return Err(PageError::Forbidden);
    }
    let mut problems = Problems::default();
    let decision = Decision::parse(form.get("action"));
    if decision.is_none() {
        problems.add("action", "error-choose");
    }
    let reason = form.get("reason").trim().to_string();
    if decision == Some(Decision::Reject) && !REJECT_REASONS.contains(&reason.as_str()) {
        problems.add("reason", "error-choose");
    }
    let message = if decision.is_some_and(|d| d != Decision::Approve) {
        problems.text(&form, "message", 2000)
    } else {
        problems.optional_text(&form, "message", 2000)
    };
    let Some(decision) = decision.filter(|_| problems.is_empty()) else {
        let markup = views::admin::review(&ctx, &p, &form, &problems, &session.csrf, false);
        return Ok(form_page(
            &state,
            &session,
            StatusCode::UNPROCESSABLE_ENTITY,
            markup,
        ));
    };
    let reason = (decision == Decision::Reject).then_some(reason);
    let base = state.settings.base_url.clone();
    let keys = state.settings.data_keys.clone();
    let step = moderation::Decided {
        petition_id: id,
        decision,
        reason,
        message,
    };
    let decided = db::write(&state.pool, move |c| {
        Ok(moderation::decide(c, &keys, &step, &moderator, &base)?)
    })
    .await?;
    if decided.is_none() {
        // Someone else decided first, or the petition moved on: show it as it is now.
        problems.add("action", "error-decision-state");
        let p = db::run(&state.pool, move |c| Ok(petitions::find_any(c, id)?))
            .await?
            .ok_or(PageError::NotFound)?;
        let markup = views::admin::review(&ctx, &p, &form, &problems, &session.csrf, false);
        return Ok(form_page(&state, &session, StatusCode::CONFLICT, markup));
    }
    Ok(see_other(&format!(
        "/admin/moderation?done={}",
        decision.code()
    )))
}

/// Every public petition, for staff: its status and count, whether the home page leads with
/// it, and the ways to its review, integrity and delivery pages.
pub async fn petitions_page(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let SignedIn { session, .. } = signed;
    let list = db::run(&state.pool, move |c| Ok(petitions::list_public(c)?)).await?;
    let markup = views::admin::petitions(&ctx, &list, &session.csrf);
    Ok(form_page(&state, &session, StatusCode::OK, markup))
}

/// Puts a public petition on the home page's lead (`featured=on`), or takes it off.
pub async fn feature(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let form = posted(&req, &state, &body)?;
    let SignedIn { user, .. } = signed;
    let id = parse_id(&path)?;
    let featured = match form.get("featured") {
        "on" => true,
        "off" => false,
        _ => return Err(PageError::Unprocessable),
    };
    let actor = user.actor();
    let done = db::write(&state.pool, move |c| {
        Ok(petitions::set_featured(c, id, featured, &actor)?)
    })
    .await?;
    if !done {
        return Err(PageError::NotFound);
    }
    // The home page is made again within its cache's second.
    Ok(see_other(&format!(
        "/admin/petitions?done={}",
        if featured { "featured" } else { "unfeatured" }
    )))
}

pub async fn decide_update(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let form = posted(&req, &state, &body)?;
    let SignedIn {
        user: moderator, ..
    } = signed;
    let id = parse_id(&path)?;
    let approve = match form.get("action") {
        "approve" => true,
        "reject" => false,
        _ => return Err(PageError::NotFound),
    };
    let decided = db::write(&state.pool, move |c| {
        Ok(moderation::decide_update(c, id, approve, &moderator)?)
    })
    .await?;
    decided.ok_or(PageError::NotFound)?;
    Ok(see_other(if approve {
        "/admin/moderation?done=update-approved"
    } else {
        "/admin/moderation?done=update-rejected"
    }))
}

#[derive(serde::Deserialize)]
pub struct UsersQuery {
    q: Option<String>,
}

pub async fn list_users(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    query: web::Query<UsersQuery>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let SignedIn {
        user: admin,
        session,
    } = signed;
    let q = crate::forms::search_term(query.q.as_deref(), 100);
    let search = q.clone();
    let list = db::run(&state.pool, move |c| Ok(users::list(c, &search, 200)?)).await?;
    let markup = views::admin::users(&ctx, &list, &q, admin.id, &session.csrf);
    Ok(form_page(&state, &session, StatusCode::OK, markup))
}

pub async fn set_role(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let form = posted(&req, &state, &body)?;
    let SignedIn { user: admin, .. } = signed;
    let id = parse_id(&path)?;
    // An admin cannot demote themselves, so there is always one left.
    let role = Role::parse(form.get("role")).filter(|_| id != admin.id);
    let Some(role) = role else {
        return Err(PageError::Unprocessable);
    };
    let actor = admin.actor();
    let changed = db::write(&state.pool, move |c| {
        Ok(crate::accounts::set_role(c, id, role, &actor)?)
    })
    .await?;
    if !changed {
        return Err(PageError::NotFound);
    }
    Ok(see_other("/admin/users?done=role"))
}

#[derive(serde::Deserialize)]
pub struct AuditQuery {
    before: Option<i64>,
}

pub async fn audit_log(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let SignedIn { session, .. } = signed;
    let before = query.before;
    let (entries, people) = db::run(&state.pool, move |c| {
        let entries = audit::list(c, before, 200)?;
        // The log names staff by id; admins see who that is.
        let mut people = std::collections::HashMap::new();
        for e in &entries {
            if let Some(id) = e
                .actor
                .strip_prefix("user:")
                .and_then(|i| i.parse::<i64>().ok())
                && !people.contains_key(&e.actor)
                && let Some(u) = users::find(c, id)?
            {
                people.insert(e.actor.clone(), format!("{} <{}>", u.name, u.email));
            }
        }
        Ok((entries, people))
    })
    .await?;
    Ok(form_page(
        &state,
        &session,
        StatusCode::OK,
        views::admin::audit(&ctx, &entries, &people),
    ))
}
