//! Public pages: home, petition, "check your email", the language switcher.

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};

use super::cache::PageKey;
use super::{AppState, PageError, html};
use crate::db::petitions::Petition;
use crate::db::{self, petitions, signatures};
use crate::forms::Problems;
use crate::i18n::{COOKIE, Lang, UrlLang};
use crate::integrity::signals;
use crate::signing::SignForm;
use crate::views::{self, petition::PetitionView};

const HTML: &str = "text/html; charset=utf-8";

/// `/hi/` and `/en/` are the home page in one language, public like every shared page. `/`
/// alone is where the cookie and Accept-Language choose: English here, or a redirect to the
/// reader's language; so it is the one page that varies on them, and no shared cache keeps it.
pub async fn home(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, PageError> {
    let named = UrlLang::in_path(&req).map(|l| l.0);
    let lang = named.unwrap_or_else(|| Lang::from_request(&req));
    if named.is_none() && lang != Lang::default() {
        let mut res = super::see_other(&lang.url("/"));
        res.headers_mut().insert(
            header::VARY,
            header::HeaderValue::from_static("Cookie, Accept-Language"),
        );
        return Ok(res);
    }
    let page = state
        .shelved(PageKey::Home(lang), HTML, || async {
            let ctx = views::Ctx {
                lang,
                path: lang.url("/"),
                captcha_sitekey: None,
                staff: None,
                done: None,
                share: None,
            };
            let list = db::run(&state.pool, |c| Ok(petitions::list_open(c)?)).await?;
            Ok(views::petition::home(&ctx, &list).into_string())
        })
        .await?;
    Ok(match named {
        Some(_) => page.respond(&req, state.settings.public_cache),
        None => {
            let mut res = page.respond_with(&req, "private, no-cache");
            res.headers_mut().insert(
                header::VARY,
                header::HeaderValue::from_static("Accept-Encoding, Cookie, Accept-Language"),
            );
            res
        }
    })
}

/// The petition page as everyone sees it before typing into its form: the same bytes for every
/// visitor in a language, kept compressed, public for shared caches.
///
/// `?signed` is where a signer's confirmation leads: the same page saying thanks, with sharing
/// in place of the form. It is public too (it holds nothing of the signer's), kept apart.
pub async fn petition(
    req: HttpRequest,
    state: web::Data<AppState>,
    UrlLang(lang): UrlLang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = parse_id(&path)?;
    let you_signed = req.query_string().split('&').any(|p| p == "signed");
    // A partner's link (`?source=bihar-network`): the form carries the code even without
    // JavaScript, so this page is made for its link, not taken from the shelf.
    if let Some(source) = source_of(&req).filter(|_| !you_signed) {
        let mut ctx = state.ctx(&req, lang, true);
        ctx.path = lang.url(&format!("/petitions/{id}"));
        let petition = state.petition(id).await?.ok_or(PageError::NotFound)?;
        ctx.share = Some(share_card(&state, lang, &petition));
        let form = SignForm {
            source,
            ..SignForm::default()
        };
        let problems = Problems::default();
        return render_petition(
            &state,
            &ctx,
            &petition,
            &form,
            &problems,
            None,
            StatusCode::OK,
        )
        .await;
    }
    let key = if you_signed {
        PageKey::Signed(id, lang)
    } else {
        PageKey::Petition(id, lang)
    };
    let page = state
        .shelved(key, HTML, || async {
            let mut ctx = state.ctx(&req, lang, !you_signed);
            ctx.path = lang.url(&format!("/petitions/{id}"));
            let petition = state.petition(id).await?.ok_or(PageError::NotFound)?;
            ctx.share = Some(share_card(&state, lang, &petition));
            let form = SignForm::default();
            let shown = Shown {
                notice: None,
                you_signed,
            };
            let markup =
                petition_markup(&state, &ctx, &petition, &form, &Problems::default(), shown)
                    .await?;
            Ok(markup.into_string())
        })
        .await?;
    Ok(page.respond(&req, state.settings.public_cache))
}

/// How a link to the petition shows where it is pasted: its title, what it asks, its page, and
/// its share card.
fn share_card(state: &AppState, lang: Lang, p: &Petition) -> views::layout::Share {
    let base = &state.settings.base_url;
    let text = p.text(lang);
    views::layout::Share {
        title: text.title.clone(),
        description: text.action.clone(),
        url: format!("{base}{}", lang.url(&format!("/petitions/{}", p.id()))),
        card: format!(
            "{base}{}",
            lang.url(&format!("/petitions/{}/card.png", p.id()))
        ),
    }
}

/// A request's valid `?source=` code, if it has one.
pub fn source_of(req: &HttpRequest) -> Option<String> {
    url::form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(k, _)| k == "source")
        .and_then(|(_, v)| crate::domain::source_code(&v))
}

pub fn parse_id(raw: &str) -> Result<i64, PageError> {
    raw.parse::<i64>().map_err(|_| PageError::NotFound)
}

/// The petition page, with the form as given (empty, or filled in with its errors).
pub async fn render_petition(
    state: &AppState,
    ctx: &views::Ctx,
    petition: &Petition,
    form: &SignForm,
    errors: &Problems,
    notice: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let shown = Shown {
        notice,
        you_signed: false,
    };
    let markup = petition_markup(state, ctx, petition, form, errors, shown).await?;
    let mut res = html(status, markup);
    if status != StatusCode::OK || !form.email.is_empty() {
        // A page showing what a signer typed is theirs alone.
        res.headers_mut().insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-store"),
        );
    }
    Ok(res)
}

/// A form shown again after an error keeps the time it was first served.
pub(super) fn served_stamp(state: &AppState, form: &SignForm) -> String {
    let key = &state.settings.secret_key;
    let now = db::now();
    match signals::form_seconds(key, &form.signals.served, now) {
        Some(_) => form.signals.served.clone(),
        None => signals::served_stamp(key, now),
    }
}

/// What the petition page says beside the petition: a notice at its form, or a signer's thanks.
struct Shown {
    notice: Option<String>,
    you_signed: bool,
}

async fn petition_markup(
    state: &AppState,
    ctx: &views::Ctx,
    petition: &Petition,
    form: &SignForm,
    errors: &Problems,
    shown: Shown,
) -> Result<maud::Markup, PageError> {
    let id = petition.id();
    let served = served_stamp(state, form);
    let keys = state.settings.data_keys.clone();
    let (by_state, recent, updates, delivered, signed_today, (thresholds, responses)) =
        db::run(&state.pool, move |c| {
            let recent: Vec<(String, String)> = signatures::recent_public(c, id, 10)?
                .into_iter()
                .map(|(name, pc)| (keys.open_or_mark(&name), pc))
                .collect();
            Ok((
                petitions::counts_by_state(c, id)?,
                recent,
                crate::db::updates::for_petition(c, id, false)?,
                crate::delivery::send::delivered(c, id)?,
                petitions::signed_on(c, id, petitions::india_today())?,
                progress(c, id)?,
            ))
        })
        .await?;
    Ok(views::petition::petition_page(
        ctx,
        &PetitionView {
            petition,
            updates: &updates,
            delivered,
            by_state: &by_state,
            recent: &recent,
            form,
            errors,
            notice: shown.notice,
            base_url: &state.settings.base_url,
            served,
            signed_today,
            you_signed: shown.you_signed,
            thresholds: &thresholds,
            responses: &responses,
        },
    ))
}

/// A petition's thresholds, each with the day it was reached, and its responses.
type Progress = (
    Vec<(crate::db::responses::Threshold, Option<chrono::NaiveDate>)>,
    Vec<crate::db::responses::Response>,
);

fn progress(c: &mut db::DbConnection, id: i64) -> diesel::QueryResult<Progress> {
    use crate::db::responses as r;
    let thresholds = r::thresholds(c, id)?;
    let numbers: Vec<i64> = thresholds.iter().map(|t| t.signatures).collect();
    let reached = r::reached_on(c, id, &numbers)?;
    Ok((
        thresholds.into_iter().zip(reached).collect(),
        r::for_petition(c, id)?,
    ))
}

/// What the embed answers with: the form as sent and its problems, a notice, the status, or that
/// the email went (`sent`).
pub struct Embedded<'a> {
    pub form: &'a SignForm,
    pub errors: &'a Problems,
    pub notice: Option<String>,
    pub status: StatusCode,
    pub sent: bool,
}

/// The embedded petition (`/petitions/{id}/embed`) with the form as given, or, `sent`, where the
/// email went; never cached by anyone (it may show what a signer typed).
pub fn render_embed(
    state: &AppState,
    ctx: &views::Ctx,
    petition: &Petition,
    answer: Embedded<'_>,
) -> HttpResponse {
    let Embedded {
        form,
        errors,
        notice,
        status,
        sent,
    } = answer;
    let markup = views::petition::embed(
        ctx,
        &PetitionView {
            petition,
            updates: &[],
            delivered: None,
            by_state: &[],
            recent: &[],
            form,
            errors,
            notice,
            base_url: &state.settings.base_url,
            served: served_stamp(state, form),
            signed_today: 0,
            you_signed: false,
            thresholds: &[],
            responses: &[],
        },
        sent,
    );
    let mut res = html(status, markup);
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    res
}

/// `GET /petitions/{id}/embed`: the petition for a partner's iframe, its form carrying the
/// link's `?source=`; `?sent` says where the email went.
pub async fn embed(
    req: HttpRequest,
    state: web::Data<AppState>,
    UrlLang(lang): UrlLang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = parse_id(&path)?;
    let ctx = state.ctx(&req, lang, true);
    let petition = state.petition(id).await?.ok_or(PageError::NotFound)?;
    let sent = req.query_string().split('&').any(|p| p == "sent");
    let form = SignForm {
        source: source_of(&req).unwrap_or_default(),
        ..SignForm::default()
    };
    Ok(render_embed(
        &state,
        &ctx,
        &petition,
        Embedded {
            form: &form,
            errors: &Problems::default(),
            notice: None,
            status: StatusCode::OK,
            sent,
        },
    ))
}

pub async fn check_email(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let id = parse_id(&path)?;
    if let Some(p) = state.petition(id).await? {
        return Ok(html(StatusCode::OK, views::pages::check_email(&ctx, &p)));
    }
    // A supporter of a petition not yet public: the same words, without its unmoderated
    // title.
    let status = db::run(&state.pool, move |c| Ok(petitions::status_of(c, id)?)).await?;
    if !status.is_some_and(|s| s.before_opening()) {
        return Err(PageError::NotFound);
    }
    Ok(html(
        StatusCode::OK,
        views::account::message(
            &ctx,
            &ctx.t("check-email-title"),
            &ctx.t("check-email-support-body"),
        ),
    ))
}

/// `GET` on the sign form's address (a reloaded or shared URL after a refused form): the form
/// is on the petition's page.
pub async fn sign_form_again(
    UrlLang(lang): UrlLang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = parse_id(&path)?;
    Ok(super::see_other(
        &lang.url(&format!("/petitions/{id}#sign")),
    ))
}

#[derive(serde::Deserialize)]
pub struct SwitchQuery {
    next: Option<String>,
}

/// Sets the language cookie and goes back to the page the reader was on, in the language chosen
/// (works without JavaScript). Only a path on this site is followed (`session::safe_next`), so
/// this is no open redirect.
pub async fn switch_language(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<SwitchQuery>,
) -> HttpResponse {
    let next = super::session::safe_next(
        query.next.as_deref().unwrap_or("/"),
        &state.settings.base_url,
        "/",
    );
    let chosen = Lang::parse(&path);
    let next = match (chosen, Lang::split_path(&next)) {
        (Some(lang), Some((_, rest))) => lang.url(&rest),
        (Some(lang), None) => lang.url(&next),
        (None, _) => next,
    };
    let mut res = HttpResponse::SeeOther();
    res.insert_header((header::LOCATION, next));
    res.insert_header((header::CACHE_CONTROL, "no-store"));
    if let Some(lang) = chosen {
        res.cookie(
            Cookie::build(COOKIE, lang.code())
                .path("/")
                .max_age(CookieDuration::days(365))
                .same_site(SameSite::Lax)
                .http_only(true)
                .finish(),
        );
    }
    res.finish()
}

/// Petitions a page of `/petitions` lists.
const PER_PAGE: i64 = 20;

/// `GET /petitions`: every public petition, searched, filtered, sorted and a page at a time.
/// A value no form of ours sends is taken as its default (these are filters, not data).
pub async fn browse(
    req: HttpRequest,
    state: web::Data<AppState>,
    UrlLang(lang): UrlLang,
) -> Result<HttpResponse, PageError> {
    use crate::db::petitions::{Browse, Sort};
    let form = crate::forms::Form::parse(req.query_string().as_bytes());
    let q = crate::forms::search_term(Some(form.get("q")), 100);
    let (status, status_code) = match form.get("status") {
        "open" => (Some(crate::domain::Status::Open), "open"),
        "closed" => (Some(crate::domain::Status::Closed), "closed"),
        _ => (None, ""),
    };
    let (sort, sort_code) = match form.get("sort") {
        "new" => (Sort::Newest, "new"),
        "closing" => (Sort::Closing, "closing"),
        _ => (Sort::Signed, ""),
    };
    let delivered = form.checked("delivered");
    let responded = form.checked("responded");
    let page: i64 = form.get("page").parse().unwrap_or(1).clamp(1, 10_000);
    let asked = Browse {
        q: q.clone(),
        status,
        delivered,
        responded,
        sort,
        page,
        per_page: PER_PAGE,
    };
    let (list, total) = db::run(&state.pool, move |c| Ok(petitions::browse(c, &asked)?)).await?;
    let mut ctx = state.ctx(&req, lang, false);
    ctx.path = lang.url(&format!(
        "/petitions{}",
        if req.query_string().is_empty() {
            String::new()
        } else {
            format!("?{}", req.query_string())
        }
    ));
    let markup = views::pages::browse(
        &ctx,
        &views::pages::BrowsePage {
            petitions: &list,
            total,
            page,
            per_page: PER_PAGE,
            q: &q,
            status: status_code,
            delivered,
            responded,
            sort: sort_code,
        },
    );
    let mut res = html(StatusCode::OK, markup);
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("public, max-age=60"),
    );
    Ok(res)
}

/// `GET /petitions.atom`: the 50 newest open petitions, for feed readers.
pub async fn feed(
    req: HttpRequest,
    state: web::Data<AppState>,
    UrlLang(lang): UrlLang,
) -> Result<HttpResponse, PageError> {
    let page = state
        .shelved(
            PageKey::Feed(lang),
            "application/atom+xml; charset=utf-8",
            || async {
                let list = db::run(&state.pool, |c| Ok(petitions::newest_open(c, 50)?)).await?;
                Ok(views::pages::feed(lang, &state.settings.base_url, &list))
            },
        )
        .await?;
    Ok(page.respond(&req, state.settings.public_cache))
}

/// How long a share card is kept before it is drawn again with the count then.
pub const CARD_KEPT_FOR: std::time::Duration = std::time::Duration::from_secs(60);

/// `GET /petitions/{id}/card.png`: the petition's share card, 1200 x 630, in the path's
/// language, drawn at most once a minute per petition and language.
pub async fn card(
    state: web::Data<AppState>,
    UrlLang(lang): UrlLang,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = parse_id(&path)?;
    let png = match state.cards.get(&(id, lang)) {
        Some(png) => png,
        None => {
            let p = state.petition(id).await?.ok_or(PageError::NotFound)?;
            let text = views::petition::card_text(lang, &p);
            let drawn =
                tokio::task::spawn_blocking(move || crate::delivery::pdf::card::render(&text))
                    .await
                    .map_err(|e| PageError::Internal(e.to_string()))?
                    .ok_or_else(|| PageError::Internal("the card's fonts".into()))?;
            let png = web::Bytes::from(drawn);
            state.cards.put((id, lang), png.clone());
            png
        }
    };
    Ok(HttpResponse::Ok()
        .content_type("image/png")
        .insert_header((header::CACHE_CONTROL, "public, max-age=60"))
        .insert_header((header::CONTENT_ENCODING, "identity"))
        .body(png))
}
