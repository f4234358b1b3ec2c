//! Sessions and CSRF. A session lives in one cookie, encrypted and authenticated with a key
//! derived from `SECRET_KEY` (AES-GCM, through the cookie crate's private jar), HttpOnly,
//! SameSite=Lax, and Secure in production. It holds the account id, the account's session epoch
//! (bumped on logout and password change, which voids every older cookie), a CSRF token and an
//! expiry. Visitors who open a form get a session without an account, so that the login and
//! signup forms carry a CSRF token too.
//!
//! Every state-changing form posts the token back in a hidden `csrf` field; it must match the
//! session's (compared in constant time) and the request's `Origin`, when the browser sends one,
//! must be this site's.

use actix_web::body::BoxBody;
use actix_web::cookie::{Cookie, CookieJar, Key, SameSite, time::Duration as CookieDuration};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse};
use subtle::ConstantTimeEq;

use super::{AppState, PageError};
use crate::accounts::Role;
use crate::db::{self, users::User};
use crate::forms::Form;

pub const COOKIE: &str = "hs_session";
/// A session lasts two weeks from its last login.
const LIFETIME_SECS: i64 = 14 * 24 * 3600;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The account and its session epoch, once logged in.
    pub user: Option<(i64, i32)>,
    pub csrf: String,
    pub expires: i64,
    /// Whether the response must set the cookie (a new or changed session).
    pub fresh: bool,
}

impl Session {
    pub fn anonymous() -> Session {
        Session {
            user: None,
            csrf: crate::tokens::new_token().plain,
            expires: unix_now() + LIFETIME_SECS,
            fresh: true,
        }
    }

    /// A new session for `user`: a new CSRF token too, so a token seen before login is useless.
    pub fn for_user(user: &User) -> Session {
        Session {
            user: Some((user.id, user.session_epoch)),
            ..Session::anonymous()
        }
    }

    fn encode(&self) -> String {
        let (id, epoch) = self.user.unwrap_or((0, 0));
        format!("{id}|{epoch}|{}|{}", self.csrf, self.expires)
    }

    fn decode(s: &str) -> Option<Session> {
        let mut parts = s.split('|');
        let id: i64 = parts.next()?.parse().ok()?;
        let epoch: i32 = parts.next()?.parse().ok()?;
        let csrf = parts.next()?.to_string();
        let expires: i64 = parts.next()?.parse().ok()?;
        if parts.next().is_some() || expires < unix_now() || !crate::tokens::well_formed(&csrf) {
            return None;
        }
        Some(Session {
            user: (id > 0).then_some((id, epoch)),
            csrf,
            expires,
            fresh: false,
        })
    }

    /// The session the request carries, if its cookie is ours, intact and unexpired.
    pub fn from_request(req: &HttpRequest, key: &Key) -> Option<Session> {
        let raw = req.cookie(COOKIE)?;
        let mut jar = CookieJar::new();
        jar.add_original(raw);
        let plain = jar.private(key).get(COOKIE)?;
        Session::decode(plain.value())
    }

    /// The request's session, or a new anonymous one (which the response must then set).
    pub fn ensure(req: &HttpRequest, key: &Key) -> Session {
        Session::from_request(req, key).unwrap_or_else(Session::anonymous)
    }

    /// Sets the cookie on a response when the session is new or changed.
    pub fn apply(&self, res: &mut HttpResponse, key: &Key, secure: bool) {
        if !self.fresh {
            return;
        }
        let mut jar = CookieJar::new();
        jar.private_mut(key).add(
            Cookie::build(COOKIE, self.encode())
                .path("/")
                .http_only(true)
                .secure(secure)
                .same_site(SameSite::Lax)
                .max_age(CookieDuration::seconds(LIFETIME_SECS))
                .finish(),
        );
        for c in jar.delta() {
            let _ = res.add_cookie(c);
        }
    }

    /// Removes the cookie.
    pub fn clear(res: &mut HttpResponse) {
        let mut c = Cookie::build(COOKIE, "").path("/").finish();
        c.make_removal();
        let _ = res.add_cookie(&c);
    }
}

fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Whether a request may change state: its `csrf` field matches the session's, and it comes from
/// this site. Anything else is a 403 that changes nothing.
pub fn check_csrf(
    req: &HttpRequest,
    state: &AppState,
    form_token: &str,
) -> Result<Session, PageError> {
    let session = Session::from_request(req, &state.cookie_key).ok_or(PageError::Forbidden)?;
    let same: bool = session.csrf.as_bytes().ct_eq(form_token.as_bytes()).into();
    if !same || !same_origin(req, &state.settings.base_url) {
        return Err(PageError::Forbidden);
    }
    Ok(session)
}

/// `Origin` (or, failing it, `Referer`) must name this site when the browser sends it.
fn same_origin(req: &HttpRequest, base_url: &str) -> bool {
    let ours = origin_of(base_url);
    let theirs = req
        .headers()
        .get(header::ORIGIN)
        .or_else(|| req.headers().get(header::REFERER))
        .and_then(|v| v.to_str().ok());
    match theirs {
        None => true,
        Some("null") => false,
        Some(v) => ours.is_some() && origin_of(v) == ours,
    }
}

fn origin_of(u: &str) -> Option<String> {
    let u = url::Url::parse(u).ok()?;
    Some(u.origin().ascii_serialization())
}

/// The logged-in account, if the session is live (its epoch still the account's) and the
/// account's address confirmed: an unconfirmed account has no role, staff or other.
pub async fn current_user(
    req: &HttpRequest,
    state: &AppState,
) -> Result<Option<(User, Session)>, PageError> {
    let Some(session) = Session::from_request(req, &state.cookie_key) else {
        return Ok(None);
    };
    let Some((id, epoch)) = session.user else {
        return Ok(None);
    };
    let user = db::run(&state.pool, move |c| Ok(db::users::find(c, id)?)).await?;
    Ok(user
        .filter(|u| u.session_epoch == epoch && u.confirmed())
        .map(|u| (u, session)))
}

/// The account a guarded route runs for: its guard (see `routes`) found it and checked its role,
/// so the handler takes it as an argument and checks nothing by hand.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user: User,
    pub session: Session,
}

impl FromRequest for SignedIn {
    type Error = PageError;
    type Future = std::future::Ready<Result<SignedIn, PageError>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        // Only a route declared with an access other than `Public` has one; asking for it
        // anywhere else is refused rather than trusted.
        std::future::ready(
            req.extensions()
                .get::<SignedIn>()
                .cloned()
                .ok_or(PageError::Forbidden),
        )
    }
}

/// The guard of every route that needs an account: anonymous visitors are sent to log in (a
/// form sent anonymously is refused), an account below `role` gets 403, and the account that
/// passes is handed to the handler as `SignedIn`.
pub async fn guard(
    role: Role,
    req: ServiceRequest,
    next: Next<BoxBody>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let state = req
        .app_data::<actix_web::web::Data<AppState>>()
        .cloned()
        .ok_or(PageError::Internal("no application state".into()))?;
    let read = matches!(*req.method(), Method::GET | Method::HEAD);
    match current_user(req.request(), &state).await? {
        None if read => Err(PageError::LoginRequired {
            next: login_return(req.request()),
        }
        .into()),
        None => Err(PageError::Forbidden.into()),
        Some((user, _)) if user.role() < role => Err(PageError::Forbidden.into()),
        Some((user, session)) => {
            req.extensions_mut().insert(SignedIn { user, session });
            next.call(req).await
        }
    }
}

/// A form that changes state: read, and its CSRF token and origin checked (a forged request is
/// refused before anything is looked up). Who may send it is its route's guard's business.
pub fn posted(req: &HttpRequest, state: &AppState, body: &[u8]) -> Result<Form, PageError> {
    let form = Form::parse(body);
    check_csrf(req, state, form.get("csrf"))?;
    Ok(form)
}

/// Where to come back to after logging in: this page if it was a GET, else nowhere special.
fn login_return(req: &HttpRequest) -> String {
    if req.method() == Method::GET {
        req.uri()
            .path_and_query()
            .map(|p| p.to_string())
            .unwrap_or_else(|| "/dashboard".into())
    } else {
        "/dashboard".into()
    }
}

/// Where to go after a form or the language switcher: `next` if it is a path on this site, else
/// `fallback`. The path is refused outright if it could be read as another host (`//host`,
/// `/\\host`) or carries control characters or white space (browsers drop a tab or a line feed
/// from a URL, so `/\t/host` would lead off-site); what is left is resolved against `BASE_URL`
/// and kept only if it lands on the same origin. The answer is always a valid header value.
pub fn safe_next(next: &str, base_url: &str, fallback: &str) -> String {
    let plain = next.starts_with('/')
        && !next.starts_with("//")
        && !next
            .chars()
            .any(|c| c == '\\' || c.is_control() || c.is_whitespace());
    let base = url::Url::parse(base_url).ok();
    match (plain, base) {
        (true, Some(base)) => match base.join(next) {
            Ok(u) if u.origin() == base.origin() => u[url::Position::BeforePath..].to_string(),
            _ => fallback.to_string(),
        },
        _ => fallback.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_round_trip_and_expire() {
        let s = Session {
            user: Some((7, 2)),
            ..Session::anonymous()
        };
        let back = Session::decode(&s.encode()).unwrap();
        assert_eq!(back.user, Some((7, 2)));
        assert_eq!(back.csrf, s.csrf);
        let old = Session {
            expires: unix_now() - 1,
            ..s
        };
        assert!(Session::decode(&old.encode()).is_none());
        assert!(Session::decode("1|0|x|99999999999").is_none());
    }

    #[test]
    fn only_local_paths_are_followed() {
        let base = "https://petitions.example";
        let next = |n: &str| safe_next(n, base, "/dashboard");
        assert_eq!(next("/petitions/new"), "/petitions/new");
        assert_eq!(next("/petitions?q=a%20b"), "/petitions?q=a%20b");
        for bad in [
            "//evil.example/",
            "https://evil.example/",
            "/\\evil.example",
            "/\t/evil.example/",
            "/\n/evil.example/",
            "/ /evil.example",
            "/\r\nSet-Cookie: x=1",
            "",
            "evil.example",
            "javascript:alert(1)",
        ] {
            assert_eq!(next(bad), "/dashboard", "{bad:?}");
        }
    }
}
