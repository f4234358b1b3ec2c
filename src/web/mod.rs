//! The HTTP interface: routes, forms, extractors. Handlers are thin: they parse input, call one
//! domain function and render a view.

pub mod account;
pub mod account_data;
pub mod admin;
pub mod api;
pub mod api_tokens;
pub mod assets;
pub mod cache;
pub mod campaigns;
pub mod client_ip;
pub mod crawlers;
pub mod delivery;
pub mod encoded;
pub mod images;
pub mod integrity;

pub mod mail_events;
pub mod map;
pub mod middleware;
pub mod my_data;
pub mod ops;
pub mod osdi;
pub mod pages;
pub mod privacy;
pub mod representatives;
pub mod responses;
pub mod routes;
pub mod session;
pub mod signing;
pub mod unsubscribe;

use std::sync::Arc;

use actix_web::cookie::Key;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use maud::Markup;

use crate::captcha::Verifier;
use crate::config::Settings;
use crate::db::petitions::{self, Petition};
use crate::db::{self as database, DbError, DbPool};
use crate::i18n::Lang;
use crate::metrics::Metrics;
use crate::ratelimit::Limit;
use crate::views::{self, Ctx};
use cache::{PageKey, Shelf, TtlCache};
use std::net::IpAddr;

/// A stopping process's phase (see `startup::Stopper::stop`). Draining: `/readyz` says 503
/// while requests are served as usual, keep-alive included. Closing: the listening socket is
/// shut, and each connection still open closes after its answer.
#[derive(Default)]
pub struct Stopping(std::sync::atomic::AtomicU8);

impl Stopping {
    const DRAINING: u8 = 1;
    const CLOSING: u8 = 2;

    pub fn drain(&self) {
        self.0
            .fetch_max(Self::DRAINING, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn close(&self) {
        self.0
            .fetch_max(Self::CLOSING, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn draining(&self) -> bool {
        self.0.load(std::sync::atomic::Ordering::Relaxed) >= Self::DRAINING
    }

    pub fn closing(&self) -> bool {
        self.0.load(std::sync::atomic::Ordering::Relaxed) >= Self::CLOSING
    }
}

pub struct AppState {
    /// How far the process is in stopping (see `startup::Stopper`).
    pub stopping: Arc<Stopping>,
    pub pool: DbPool,
    pub settings: Settings,
    pub limiter: Limit<IpAddr>,
    /// Login, signup and password-reset attempts per client address.
    pub account_ip_limiter: Limit<IpAddr>,
    /// Login and password-reset attempts per account and client network (keyed by a hash).
    pub account_limiter: Limit<String>,
    /// Attempts per account from anywhere: past this the captcha stands guard.
    pub account_any_limiter: Limit<String>,
    /// Encrypts and authenticates the session cookie; derived from `SECRET_KEY`.
    pub cookie_key: Key,
    pub captcha: Option<Verifier>,
    pub metrics: Arc<Metrics>,
    pub csp: String,
    pub petitions: TtlCache<i64, Option<Arc<Petition>>>,
    /// Share cards lately drawn, by petition and language (`pages::card`).
    pub cards: TtlCache<(i64, Lang), web::Bytes>,
    /// Pictures' widths lately served, by digest and width (`images::serve`).
    pub images: TtlCache<(String, i32), web::Bytes>,
    /// Public pages and API answers, compressed once per version (see `encoded`).
    pub pages: Shelf<PageKey>,
    /// Largest request body accepted, in bytes.
    pub body_limit: usize,
    /// The integrity rules and the disposable-domain list, refreshed from the database.
    pub integrity: Arc<crate::integrity::Integrity>,
    /// The site, keys and link lifetime every email to a signer is written with.
    pub signer_mail: crate::privacy::manage::SignerMail,
}

impl AppState {
    pub fn is_draining(&self) -> bool {
        self.stopping.draining()
    }

    pub fn ctx(&self, req: &HttpRequest, lang: Lang, with_captcha: bool) -> Ctx {
        // Set only behind a route's guard: a public page (which caches share) never has a
        // role, nor says what an action did.
        let role = req
            .extensions()
            .get::<session::SignedIn>()
            .map(|s| s.user.role());
        Ctx {
            lang,
            path: local_path(req),
            captcha_sitekey: if with_captcha {
                self.captcha.as_ref().map(|c| c.sitekey.clone())
            } else {
                None
            },
            staff: role.filter(|r| r.is_staff()),
            done: role.and_then(|_| views::layout::done_message(lang, req.query_string())),
            share: None,
        }
    }

    /// The public page (or API answer) under `key`, from the shelf, or made by `make` and
    /// compressed once for everyone who asks until it is stale.
    pub async fn shelved<F, Fut>(
        &self,
        key: PageKey,
        content_type: &'static str,
        make: F,
    ) -> Result<Arc<encoded::Encoded>, PageError>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<String, PageError>>,
    {
        if let Some(page) = self.pages.take(&key) {
            return Ok(page);
        }
        let body = make().await?;
        // Compressing takes a few milliseconds: not on the thread that answers requests.
        let page = web::block(move || encoded::Encoded::new(content_type, body.into()))
            .await
            .map_err(|_| PageError::Db(DbError::Task("compressing a page".into())))?;
        let page = Arc::new(page);
        self.pages.put(key, page.clone());
        Ok(page)
    }

    /// A petition the public may see, from the short-lived cache when it is there.
    pub async fn petition(&self, id: i64) -> Result<Option<Arc<Petition>>, DbError> {
        if let Some(p) = self.petitions.get(&id) {
            return Ok(p);
        }
        let p = database::run(&self.pool, move |c| Ok(petitions::find_public(c, id)?))
            .await?
            .map(Arc::new);
        self.petitions.put(id, p.clone());
        Ok(p)
    }
}

/// The request's path with its query and its language, for links back to it (the path is
/// ours, so local).
pub fn local_path(req: &HttpRequest) -> String {
    let lang = crate::i18n::UrlLang::in_path(req).map_or(Lang::En, |l| l.0);
    match req.uri().path_and_query() {
        Some(pq) if req.method() == actix_web::http::Method::GET => lang.url(pq.as_str()),
        _ => lang.url(req.path()),
    }
}

pub use routes::register as routes;

/// What can go wrong while answering a page; each maps to one status and one error page.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("not found")]
    NotFound,
    #[error("too many requests")]
    RateLimited { retry_after_secs: u64 },
    #[error("captcha service unavailable")]
    CaptchaUnavailable,
    #[error("forbidden")]
    Forbidden,
    /// Anonymous, on a page that needs an account: log in, then come back to `next`.
    #[error("login required")]
    LoginRequired { next: String },
    #[error("internal: {0}")]
    Internal(String),
    /// A request no form of ours sends (a value outside the choices offered).
    #[error("unprocessable")]
    Unprocessable,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl PageError {
    pub fn status(&self) -> StatusCode {
        match self {
            PageError::NotFound => StatusCode::NOT_FOUND,
            PageError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            PageError::CaptchaUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            PageError::Forbidden => StatusCode::FORBIDDEN,
            PageError::LoginRequired { .. } => StatusCode::SEE_OTHER,
            PageError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            PageError::Unprocessable => StatusCode::UNPROCESSABLE_ENTITY,
            PageError::Db(e) if e.is_unavailable() => StatusCode::SERVICE_UNAVAILABLE,
            PageError::Db(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<diesel::result::Error> for PageError {
    fn from(e: diesel::result::Error) -> Self {
        PageError::Db(DbError::Query(e))
    }
}

/// A page whose address holds a secret (a token from an email) says who may see that address
/// as a referrer: `no-referrer`, or `same-origin` for a page that links on within the site.
pub fn referrer_policy(mut res: HttpResponse, policy: &'static str) -> HttpResponse {
    res.headers_mut().insert(
        actix_web::http::header::REFERRER_POLICY,
        actix_web::http::header::HeaderValue::from_static(policy),
    );
    res
}

/// The token an emailed link carries in its path, with its hash as stored: a token of the
/// wrong shape is not found, before anything is looked up.
pub fn emailed_token(path: web::Path<String>) -> Result<(String, String), PageError> {
    let token = path.into_inner();
    if !crate::tokens::well_formed(&token) {
        return Err(PageError::NotFound);
    }
    let hash = crate::tokens::hash(&token);
    Ok((token, hash))
}

pub fn html(status: StatusCode, markup: Markup) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(markup.into_string())
}

/// A handler's error answers itself: a redirect to log in, or the status with its headers and
/// no body, which `middleware::error_pages` turns into the error page in the reader's language.
impl actix_web::ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        self.status()
    }

    fn error_response(&self) -> HttpResponse {
        if let PageError::LoginRequired { next } = self {
            return see_other(&format!(
                "/account/login?next={}",
                views::layout::urlencode(next)
            ));
        }
        let status = self.status();
        if status.is_server_error() {
            // The cause goes to the log (it never holds personal data); the page says nothing.
            tracing::error!(error = %self, "request failed");
        }
        let mut builder = HttpResponse::build(status);
        builder.insert_header((header::CACHE_CONTROL, "no-store"));
        match self {
            PageError::RateLimited { retry_after_secs } => {
                builder.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            _ if status == StatusCode::SERVICE_UNAVAILABLE => {
                builder.insert_header((header::RETRY_AFTER, "30"));
            }
            _ => {}
        }
        builder.finish()
    }
}

/// Whether a request's path (before routing, so perhaps with its language) is
/// `/petitions/{id}{suffix}`: the routes the middleware treats apart.
pub fn is_petition_route(path: &str, suffix: &str) -> bool {
    let rest = Lang::split_path(path).map_or_else(|| path.to_string(), |(_, rest)| rest);
    rest.strip_prefix("/petitions/")
        .and_then(|r| r.strip_suffix(suffix))
        .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}

/// 303 See Other: where a form goes after it has done its work.
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location.to_string()))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish()
}

/// A page with a form: never cached, and it sets the session cookie when the session is new.
pub fn form_page(
    state: &AppState,
    session: &session::Session,
    status: StatusCode,
    markup: Markup,
) -> HttpResponse {
    let mut res = html(status, markup);
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    session.apply(&mut res, &state.cookie_key, state.settings.is_production());
    res
}

/// For routes that match nothing.
pub async fn not_found() -> Result<HttpResponse, PageError> {
    Err(PageError::NotFound)
}
