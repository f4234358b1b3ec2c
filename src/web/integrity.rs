//! The integrity console and its actions (moderators and admins), the rules page (admins), and
//! the public method page. Every action is audited by the domain function it calls
//! (`integrity::staff`).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::pages::parse_id;
use super::session::{SignedIn, posted};
use super::{AppState, PageError, form_page, see_other};
use crate::db::console;
use crate::db::{self, integrity as store, petitions};
use crate::domain::EmailAddress;
use crate::forms::{Form, Problems};
use crate::i18n::{Arg, Lang};
use crate::integrity::{criteria, rules, spike, staff};
use crate::views;
use crate::views::console::{Console, Preview, Window};

#[derive(serde::Deserialize)]
pub struct ConsoleQuery {
    window: Option<String>,
    done: Option<String>,
    n: Option<i64>,
}

/// What the console shows besides its figures, and how it answers.
struct Extra {
    window: Window,
    status: StatusCode,
    form: Form,
    problems: Problems,
    preview: Option<Preview>,
    lookup: Option<Option<console::Found>>,
    notice: Option<String>,
}

impl Default for Extra {
    fn default() -> Self {
        Extra {
            window: Window::Day,
            status: StatusCode::OK,
            form: Form::default(),
            problems: Problems::default(),
            preview: None,
            lookup: None,
            notice: None,
        }
    }
}

/// Notices after an action, by the key the redirect carries.
const DONE: [&str; 4] = ["invalidated", "cancelled", "released", "nothing"];

async fn render(
    req: &HttpRequest,
    signed: SignedIn,
    state: &AppState,
    lang: Lang,
    id: i64,
    extra: Extra,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(req, lang, false);
    let (window, status) = (extra.window, extra.status);
    let now = db::now();
    let (since, width) = match window {
        Window::Hour => (now - chrono::Duration::hours(1), 60),
        Window::Day => (now - chrono::Duration::days(1), 900),
        Window::All => (chrono::DateTime::UNIX_EPOCH.naive_utc(), 86_400),
    };
    let threshold = state.settings.spike;
    let rolled = window != Window::Hour;
    let loaded = db::run(&state.pool, move |c| {
        let Some(p) = petitions::find_any(c, id)? else {
            return Ok(None);
        };
        Ok(Some((
            p,
            console::figures(c, id, since, width, rolled)?,
            spike::measure(c, id, now, threshold)?,
            console::tally(c, id)?,
            store::invalidations_of(c, id)?,
        )))
    })
    .await?;
    let Some((p, figures, rate, tally, invalidations)) = loaded else {
        return Err(PageError::NotFound);
    };
    let markup = views::console::console(
        &ctx,
        &Console {
            petition: &p,
            window,
            flags: figures.flags,
            networks: &figures.networks,
            domains: &figures.domains,
            constituencies: &figures.constituencies,
            buckets: &figures.buckets,
            width,
            rate,
            tally,
            invalidations: &invalidations,
            form: &extra.form,
            problems: &extra.problems,
            preview: extra.preview,
            lookup: extra.lookup,
            notice: extra.notice,
            csrf: &signed.session.csrf,
        },
    );
    Ok(form_page(state, &signed.session, status, markup))
}

pub async fn page(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
    query: web::Query<ConsoleQuery>,
) -> Result<HttpResponse, PageError> {
    let id = parse_id(&path)?;
    let window = query
        .window
        .as_deref()
        .and_then(Window::parse)
        .unwrap_or(Window::Day);
    let notice = query.done.as_deref().filter(|d| DONE.contains(d)).map(|d| {
        lang.ta(
            &format!("integrity-done-{d}"),
            &[("count", Arg::Num(query.n.unwrap_or(0)))],
        )
    });
    let extra = Extra {
        window,
        notice,
        ..Extra::default()
    };
    render(&req, signed, &state, lang, id, extra).await
}

/// 404 unless petition `id` exists (in any state).
async fn exists(state: &AppState, id: i64) -> Result<(), PageError> {
    db::run(&state.pool, move |c| Ok(petitions::status_of(c, id)?))
        .await?
        .map(|_| ())
        .ok_or(PageError::NotFound)
}

/// One address's signature, for a support request: posted, so the address stays out of URLs
/// and access logs.
pub async fn lookup(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let form = posted(&req, &state, &body)?;
    let id = parse_id(&path)?;
    let Ok(address) = EmailAddress::parse(form.get("address")) else {
        let extra = Extra {
            notice: Some(lang.t("error-email")),
            status: StatusCode::UNPROCESSABLE_ENTITY,
            ..Extra::default()
        };
        return render(&req, signed, &state, lang, id, extra).await;
    };
    let forms = state
        .settings
        .data_keys
        .indexes(&EmailAddress::canonical(address.as_str()));
    let actor = signed.user.actor();
    exists(&state, id).await?;
    let found = db::write(&state.pool, move |c| {
        Ok(staff::lookup(c, id, &forms, &actor)?)
    })
    .await?;
    let extra = Extra {
        lookup: Some(found),
        ..Extra::default()
    };
    render(&req, signed, &state, lang, id, extra).await
}

/// The invalidation form: `step=preview` counts what matches (and pins `until` to now, so the
/// set can only shrink before it is applied); `step=apply` applies it if the count is still
/// the one shown.
pub async fn invalidate(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let mut form = posted(&req, &state, &body)?;
    let id = parse_id(&path)?;
    exists(&state, id).await?;
    let given = criteria::FIELDS
        .iter()
        .any(|f| !form.get(f).trim().is_empty());
    if given && form.get("until").trim().is_empty() {
        let now = db::now().format("%Y-%m-%dT%H:%M:%S").to_string();
        form.push("until", &now);
    }
    let parsed = criteria::parse(&form, &state.settings.secret_key, &state.settings.data_keys);
    let reason = form.get("reason").trim().to_string();
    let mut problems = parsed.as_ref().err().cloned().unwrap_or_default();
    if reason.is_empty() {
        problems.add("reason", "error-required");
    } else if reason.chars().count() > 500 {
        problems.add("reason", "error-too-long");
    }
    let criteria = match parsed {
        Ok(c) if problems.is_empty() => c,
        _ => {
            let extra = Extra {
                form,
                problems,
                status: StatusCode::UNPROCESSABLE_ENTITY,
                ..Extra::default()
            };
            return render(&req, signed, &state, lang, id, extra).await;
        }
    };
    let c = criteria.clone();
    let count = db::run(&state.pool, move |conn| {
        Ok(store::count_matching(conn, id, &c)?)
    })
    .await?;
    let expected = form.get("expected").trim().parse::<i64>().ok();
    if form.get("step") != "apply" || expected != Some(count) || count == 0 {
        let changed = form.get("step") == "apply" && expected != Some(count);
        let extra = Extra {
            form,
            preview: Some(Preview { count, changed }),
            status: if changed {
                StatusCode::CONFLICT
            } else {
                StatusCode::OK
            },
            ..Extra::default()
        };
        return render(&req, signed, &state, lang, id, extra).await;
    }
    let actor = signed.user.actor();
    let done = db::write(&state.pool, move |c| {
        Ok(staff::invalidate(c, id, &criteria, &reason, &actor)?)
    })
    .await?;
    Ok(match done {
        Some((_, n)) => see_other(&format!(
            "/admin/petitions/{id}/integrity?done=invalidated&n={n}"
        )),
        None => see_other(&format!("/admin/petitions/{id}/integrity?done=nothing")),
    })
}

pub async fn cancel(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    posted(&req, &state, &body)?;
    let id = parse_id(&path)?;
    let actor = signed.user.actor();
    let done = db::write(&state.pool, move |c| Ok(staff::cancel(c, id, &actor)?)).await?;
    match done {
        Some((petition, n)) => Ok(see_other(&format!(
            "/admin/petitions/{petition}/integrity?done=cancelled&n={n}"
        ))),
        None => {
            // Cancelled already (a second press), or no such invalidation.
            let inv = db::run(&state.pool, move |c| Ok(store::invalidation(c, id)?)).await?;
            match inv {
                Some(i) => Ok(see_other(&format!(
                    "/admin/petitions/{}/integrity",
                    i.petition_id
                ))),
                None => Err(PageError::NotFound),
            }
        }
    }
}

pub async fn release(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    posted(&req, &state, &body)?;
    let id = parse_id(&path)?;
    let actor = signed.user.actor();
    let n = db::write(&state.pool, move |c| {
        if petitions::status_of(c, id)?.is_none() {
            return Ok(None);
        }
        Ok(Some(staff::release_held(c, id, &actor)?))
    })
    .await?
    .ok_or(PageError::NotFound)?;
    Ok(see_other(&format!(
        "/admin/petitions/{id}/integrity?done=released&n={n}"
    )))
}

async fn rules_page(
    req: &HttpRequest,
    signed: SignedIn,
    state: &AppState,
    lang: Lang,
    (form, problems): (Form, Problems),
    notice: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(req, lang, false);
    let rows = db::run(&state.pool, |c| Ok(store::rules(c)?)).await?;
    let (list, _) = crate::integrity::read_rows(rows);
    let unreadable = state.integrity.unreadable();
    let markup = views::console::rules(
        &ctx,
        &list,
        &unreadable,
        &form,
        &problems,
        notice,
        &signed.session.csrf,
    );
    Ok(form_page(state, &signed.session, status, markup))
}

#[derive(serde::Deserialize)]
pub struct RulesQuery {
    done: Option<String>,
}

pub async fn rules(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    query: web::Query<RulesQuery>,
) -> Result<HttpResponse, PageError> {
    let notice = match query.done.as_deref() {
        Some(d @ ("added" | "removed")) => Some(lang.t(&format!("rules-done-{d}"))),
        _ => None,
    };
    let form = Form::from_pairs(&[
        ("kind", "network"),
        ("scope", "network"),
        ("action", "hold"),
    ]);
    let entry = (form, Problems::default());
    rules_page(&req, signed, &state, lang, entry, notice, StatusCode::OK).await
}

pub async fn add_rule(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let form = posted(&req, &state, &body)?;
    let (matcher, action, note) = match rules::from_form(&form) {
        Ok(r) => r,
        Err(problems) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return rules_page(&req, signed, &state, lang, (form, problems), None, status).await;
        }
    };
    let actor = signed.user.actor();
    db::write(&state.pool, move |c| {
        Ok(staff::add_rule(c, &matcher, action, &note, &actor)?)
    })
    .await?;
    refresh_now(&state).await;
    Ok(see_other("/admin/rules?done=added"))
}

pub async fn remove_rule(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    posted(&req, &state, &body)?;
    let id = parse_id(&path)?;
    let actor = signed.user.actor();
    let removed = db::write(&state.pool, move |c| Ok(staff::remove_rule(c, id, &actor)?)).await?;
    if !removed {
        return Err(PageError::NotFound);
    }
    refresh_now(&state).await;
    Ok(see_other("/admin/rules?done=removed"))
}

/// This process obeys a change at once; the others at their next refresh.
async fn refresh_now(state: &AppState) {
    let i = state.integrity.clone();
    if let Err(e) = db::run(&state.pool, move |c| Ok(i.refresh(c)?)).await {
        tracing::warn!(error = %e, "integrity rules not refreshed");
    }
}

/// The method page, public, for an open or closed petition.
pub async fn method(
    req: HttpRequest,
    state: web::Data<AppState>,
    crate::i18n::UrlLang(lang): crate::i18n::UrlLang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = parse_id(&path)?;
    let page = state
        .shelved(
            super::cache::PageKey::Method(id, lang),
            "text/html; charset=utf-8",
            || async {
                let mut ctx = state.ctx(&req, lang, false);
                ctx.path = lang.url(&format!("/petitions/{id}/method"));
                let p = state.petition(id).await?.ok_or(PageError::NotFound)?;
                let (tally, invalidations) = db::run(&state.pool, move |c| {
                    Ok((
                        console::tally(c, id)?,
                        console::public_invalidations(c, id)?,
                    ))
                })
                .await?;
                Ok(views::method::method(&ctx, &p, &tally, &invalidations).into_string())
            },
        )
        .await?;
    Ok(page.respond(&req, state.settings.public_cache))
}
