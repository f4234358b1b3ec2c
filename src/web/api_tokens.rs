//! Admins issue and revoke the API tokens of partner groups' systems (`/osdi/v1`). A token is
//! shown once, on the page that issues it; only its hash is kept. Audited.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::pages::parse_id;
use super::session::{SignedIn, posted};
use super::{AppState, PageError, form_page, see_other};
use crate::db::{self, api_tokens};
use crate::forms::{Form, Problems};
use crate::i18n::Lang;
use crate::views::{self, api_tokens::TokensPage};

async fn render(
    state: &AppState,
    req: &HttpRequest,
    lang: Lang,
    signed: &SignedIn,
    form: &Form,
    problems: &Problems,
    issued: Option<(&str, &str)>,
) -> Result<HttpResponse, PageError> {
    let tokens = db::run(&state.pool, |c| Ok(api_tokens::list(c)?)).await?;
    let ctx = state.ctx(req, lang, false);
    let markup = views::api_tokens::tokens_page(
        &ctx,
        &TokensPage {
            tokens: &tokens,
            form,
            problems,
            issued,
            csrf: &signed.session.csrf,
        },
    );
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(form_page(state, &signed.session, status, markup))
}

pub async fn page(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
) -> Result<HttpResponse, PageError> {
    render(
        &state,
        &req,
        lang,
        &signed,
        &Form::default(),
        &Problems::default(),
        None,
    )
    .await
}

/// Issues a token for a group: a name for people, and the group's `?source=` code.
pub async fn issue(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let form = posted(&req, &state, &body)?;
    let mut problems = Problems::default();
    let name = problems.text(&form, "name", 100);
    let source = crate::domain::source_code(form.get("source"));
    if source.is_none() {
        problems.add("source", "error-token-source");
    }
    let Some(source) = source.filter(|_| problems.is_empty()) else {
        return render(&state, &req, lang, &signed, &form, &problems, None).await;
    };
    let token = crate::tokens::new_token();
    let (staff_id, actor, hash) = (
        Some(signed.user.id),
        signed.user.actor(),
        token.hash.clone(),
    );
    let shown_name = name.clone();
    db::write(&state.pool, move |c| {
        Ok(api_tokens::issue(
            c, &name, &source, &hash, staff_id, &actor,
        )?)
    })
    .await?;
    let none = Problems::default();
    let issued = Some((shown_name.as_str(), token.plain.as_str()));
    render(&state, &req, lang, &signed, &Form::default(), &none, issued).await
}

pub async fn revoke(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    posted(&req, &state, &body)?;
    let id = parse_id(&path)?;
    let actor = signed.user.actor();
    let done = db::write(&state.pool, move |c| Ok(api_tokens::revoke(c, id, &actor)?)).await?;
    if !done {
        return Err(PageError::NotFound);
    }
    Ok(see_other("/admin/api-tokens?done=token-revoked"))
}
