//! The privacy notice (`/privacy`), writing to the grievance officer (`/privacy/contact`), and
//! the admins' page that answers (`/admin/privacy`): requests with their 90-day clock, and a
//! lookup of what is held for one address. Staff reading personal data is audited.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::pages::parse_id;
use super::session::{SignedIn, posted};
use super::signing::limit_signing;
use super::{AppState, PageError, form_page, html};
use crate::db::audit::{self, Action};
use crate::db::outbox::MailKind;
use crate::db::privacy_requests::{self as requests, KINDS, NewRequest, STATUSES};
use crate::db::{self, privacy as store};
use crate::domain::{EmailAddress, Invalid, SignerName};
use crate::forms::{Form, Problems};
use crate::i18n::Lang;
use crate::views::{self, privacy_requests as view};

pub async fn notice(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    Ok(html(
        StatusCode::OK,
        views::privacy_notice::notice(&ctx, &state.settings.privacy),
    ))
}

pub async fn contact_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    Ok(html(
        StatusCode::OK,
        view::contact(&ctx, &Form::default(), &Problems::default()),
    ))
}

/// A request to the grievance officer: stored (sealed) with its 90-day clock, acknowledged by
/// email with its reference; every field at fault named, nothing stored.
pub async fn contact(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let form = Form::parse(&body);
    let mut problems = Problems::default();
    let kind = form.get("kind").trim().to_string();
    if !KINDS.contains(&kind.as_str()) {
        problems.add("kind", Invalid::Required.key());
    }
    let name = SignerName::parse(form.get("name"));
    if let Err(e) = &name {
        problems.add("name", e.key());
    }
    let email = EmailAddress::parse(form.get("email"));
    if let Err(e) = &email {
        problems.add("email", e.key());
    }
    let message = form.get("message").trim().to_string();
    if message.is_empty() {
        problems.add("message", Invalid::Required.key());
    } else if message.chars().count() > 5000 {
        problems.add("message", Invalid::TooLong.key());
    }
    let (Ok(name), Ok(email)) = (name, email) else {
        return Ok(html(
            StatusCode::UNPROCESSABLE_ENTITY,
            view::contact(&ctx, &form, &problems),
        ));
    };
    if !problems.is_empty() {
        return Ok(html(
            StatusCode::UNPROCESSABLE_ENTITY,
            view::contact(&ctx, &form, &problems),
        ));
    }
    limit_signing(&req, &state).await?;
    let keys = state.settings.data_keys.clone();
    let base = state.settings.base_url.clone();
    let (id, due) = db::write(&state.pool, move |c| {
        use diesel::Connection;
        Ok(c.transaction(|c| {
            let r = NewRequest {
                kind: &kind,
                email: email.as_str(),
                name: name.as_str(),
                message: &message,
                lang: lang.code(),
            };
            let (id, due) = requests::create(c, &keys, &r)?;
            let due_text = lang.day_of(due);
            let to = views::email::To::new(lang, &base);
            let mail = views::email::privacy_received(&to, id, &due_text);
            db::outbox::enqueue(
                c,
                &keys,
                &mail.outbox(MailKind::PrivacyRequest, email.as_str()),
            )?;
            Ok::<_, diesel::result::Error>((id, due_text))
        })?)
    })
    .await?;
    Ok(html(StatusCode::OK, view::received(&ctx, id, &due)))
}

/// What a lookup found: each signature, and the emails sent to the address.
type Found = (Vec<view::FoundSignature>, Vec<store::Sent>);

async fn staff_page(
    req: &HttpRequest,
    signed: SignedIn,
    state: &AppState,
    lang: Lang,
    notice: Option<String>,
    lookup: Option<Found>,
    problems: Problems,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(req, lang, false);
    let SignedIn { session, .. } = signed;
    let keys = state.settings.data_keys.clone();
    let list = db::run(&state.pool, move |c| Ok(requests::list(c, &keys, 200)?)).await?;
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let markup = view::staff(
        &ctx,
        &view::Staff {
            requests: &list,
            today: chrono::Utc::now().date_naive(),
            csrf: &session.csrf,
            notice,
            lookup: lookup.as_ref().map(|(s, e)| view::Lookup {
                signatures: s,
                emails: e,
            }),
            problems: &problems,
        },
    );
    Ok(form_page(state, &session, status, markup))
}

pub async fn staff(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
) -> Result<HttpResponse, PageError> {
    staff_page(&req, signed, &state, lang, None, None, Problems::default()).await
}

/// An admin records the answer to a request (and its status); the requester is emailed the
/// answer, and the answering is audited.
pub async fn answer(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let form = posted(&req, &state, &body)?;
    let id = parse_id(&path)?;
    let status = form.get("status").to_string();
    if !STATUSES.contains(&status.as_str()) {
        return Err(PageError::Unprocessable);
    }
    let answer: String = form.get("answer").trim().chars().take(5000).collect();
    let actor = signed.user.actor();
    let keys = state.settings.data_keys.clone();
    let base = state.settings.base_url.clone();
    let found = db::write(&state.pool, move |c| {
        use diesel::Connection;
        Ok(c.transaction(|c| {
            let Some(r) = requests::find(c, &keys, id)? else {
                return Ok(false);
            };
            requests::answer(c, &keys, id, &status, &answer, actor.as_str())?;
            if !answer.is_empty() && status != "open" {
                let lang = Lang::parse(&r.lang).unwrap_or_default();
                let to = views::email::To::new(lang, &base);
                let mail = views::email::privacy_answer(&to, id, &answer);
                db::outbox::enqueue(c, &keys, &mail.outbox(MailKind::PrivacyRequest, &r.email))?;
            }
            audit::note(
                c,
                &actor,
                Action::PrivacyAnswer,
                None,
                serde_json::json!({ "request": id, "status": status }),
            )?;
            Ok::<_, diesel::result::Error>(true)
        })?)
    })
    .await?;
    if !found {
        return Err(PageError::NotFound);
    }
    let notice = Some(lang.t("privreq-saved"));
    staff_page(
        &req,
        signed,
        &state,
        lang,
        notice,
        None,
        Problems::default(),
    )
    .await
}

/// What is held for one address: its signatures (opened) and the emails sent to it. Audited
/// with whether anything was found, never the address.
pub async fn lookup(
    req: HttpRequest,
    signed: SignedIn,
    state: web::Data<AppState>,
    lang: Lang,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let form = posted(&req, &state, &body)?;
    let Ok(address) = EmailAddress::parse(form.get("address")) else {
        let mut problems = Problems::default();
        problems.add("address", Invalid::Email.key());
        return staff_page(&req, signed, &state, lang, None, None, problems).await;
    };
    let keys = state.settings.data_keys.clone();
    let forms = keys.indexes(&EmailAddress::canonical(address.as_str()));
    let actor = signed.user.actor();
    let found = db::write(&state.pool, move |c| {
        let held = store::of_address(c, &forms)?;
        let sent = store::emails_to(c, &forms)?;
        audit::record(
            c,
            &audit::Entry {
                actor: &actor,
                action: Action::PrivacyLookup,
                petition_id: None,
                details: serde_json::json!({ "signatures": held.len(), "emails": sent.len() }),
                row_count: held.len() as i64,
            },
        )?;
        let mut found = Vec::with_capacity(held.len());
        for (held, standing) in held {
            let title = crate::db::petitions::find_any(c, held.petition_id)?
                .map(|p| p.text(lang).title.clone())
                .unwrap_or_default();
            found.push(view::FoundSignature {
                name: keys.open_or_mark(&held.name),
                held,
                standing,
                title,
            });
        }
        Ok((found, sent))
    })
    .await?;
    staff_page(
        &req,
        signed,
        &state,
        lang,
        None,
        Some(found),
        Problems::default(),
    )
    .await
}
