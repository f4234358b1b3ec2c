//! `/my-data`: a signer asks for a "manage my signature" link, and uses it. The link's MAC is
//! the authority (no account, no cookie); opening it changes nothing, each action is a button,
//! and each is audited without naming the signer.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};

use super::signing::limit_signing;
use super::{AppState, PageError, html};
use crate::db::audit::{self, Action, Actor};
use crate::db::outbox::MailKind;
use crate::db::privacy::{self as store, Held, Withdrawn};
use crate::db::{self, petitions};
use crate::domain::{EmailAddress, Invalid};
use crate::forms::{Form, Problems};
use crate::i18n::{Arg, Lang};
use crate::privacy::manage::{LinkProblem, ManageLink};
use crate::views::{self, my_data};

/// "Manage my signature" links one address gets in a day at most from /my-data, however many
/// strangers type it in.
const LINKS_PER_DAY: i64 = 3;

/// The link's pages are credentials: never cached, never indexed, never sent on as a referrer.
fn private(res: HttpResponse) -> HttpResponse {
    let mut res = super::referrer_policy(res, "no-referrer");
    res.headers_mut().insert(
        header::HeaderName::from_static("x-robots-tag"),
        header::HeaderValue::from_static("noindex"),
    );
    res
}

pub async fn request_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let hours = state.settings.privacy.manage_link_hours;
    Ok(html(
        StatusCode::OK,
        my_data::request(&ctx, &Form::default(), &Problems::default(), false, hours),
    ))
}

/// Sends a link to the address typed in if it has signed; the page is the same either way.
pub async fn request(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(&req, lang, false);
    let hours = state.settings.privacy.manage_link_hours;
    let form = Form::parse(&body);
    let Ok(address) = EmailAddress::parse(form.get("email")) else {
        let mut problems = Problems::default();
        let key = if form.get("email").trim().is_empty() {
            Invalid::Required
        } else {
            Invalid::Email
        };
        problems.add("email", key.key());
        return Ok(html(
            StatusCode::UNPROCESSABLE_ENTITY,
            my_data::request(&ctx, &form, &problems, false, hours),
        ));
    };
    limit_signing(&req, &state).await?;
    send_link(&state, lang, address.as_str().to_string()).await?;
    Ok(html(
        StatusCode::OK,
        my_data::request(&ctx, &Form::default(), &Problems::default(), true, hours),
    ))
}

/// Enqueues a link to `address` if it has signed and is under the day's cap; says nothing.
async fn send_link(state: &AppState, lang: Lang, address: String) -> Result<(), PageError> {
    let mail = state.signer_mail.clone();
    db::write(&state.pool, move |c| {
        let canonical = EmailAddress::canonical(&address);
        let forms = mail.keys.indexes(&canonical);
        if store::of_address(c, &forms)?.is_empty() {
            return Ok(());
        }
        let since = db::now() - chrono::Duration::days(1);
        if db::outbox::recent_to(c, &mail.keys, &address, &[MailKind::ManageLink], since)?
            >= LINKS_PER_DAY
        {
            return Ok(());
        }
        let to = mail.to(lang, &canonical);
        let link = to.manage_url.clone().unwrap_or_default();
        let email = views::email::manage_link(&to, &link, mail.hours);
        db::outbox::enqueue(c, &mail.keys, &email.outbox(MailKind::ManageLink, &address))?;
        audit::note(
            c,
            &Actor::signer(),
            Action::SignerLinkSent,
            None,
            serde_json::json!({}),
        )?;
        Ok(())
    })
    .await?;
    Ok(())
}

/// The link in a request's path, checked: its MAC, its time, and an address the data keys
/// open (a link sealed under a key since dropped from `DATA_KEYS_RETIRED` opens nothing).
fn link(state: &AppState, path: &(String, String, String)) -> Result<ManageLink, LinkProblem> {
    let keys = &state.settings.data_keys;
    let opens = |a: &str| a.starts_with("hk1.") && keys.open(a).is_ok();
    match ManageLink::check(&state.settings.secret_key, &path.0, &path.1, &path.2) {
        Ok(l) if opens(&l.address) => Ok(l),
        Err(LinkProblem::Expired(a)) if opens(&a) => Err(LinkProblem::Expired(a)),
        _ => Err(LinkProblem::Unknown),
    }
}

/// A button behind a link: one that does not open is not found (the page behind it said why).
fn pressed_link(
    state: &AppState,
    path: &(String, String, String),
) -> Result<ManageLink, PageError> {
    link(state, path).map_err(|_| PageError::NotFound)
}

fn action_path(lang: Lang, path: &(String, String, String)) -> String {
    lang.url(&format!("/my-data/{}/{}/{}", path.0, path.1, path.2))
}

/// The forms of an address's index a link's actions look for: under every key, and the
/// address itself for rows stored before encryption.
fn forms(state: &AppState, sealed: &str) -> Vec<String> {
    let keys = &state.settings.data_keys;
    match keys.open(sealed) {
        Ok(canonical) => keys.indexes(&canonical),
        Err(_) => Vec::new(),
    }
}

async fn rows(
    state: &AppState,
    lang: Lang,
    forms: Vec<String>,
) -> Result<Vec<my_data::Row>, PageError> {
    let keys = state.settings.data_keys.clone();
    let held = db::run(&state.pool, move |c| Ok(store::of_address(c, &forms)?)).await?;
    let mut rows = Vec::with_capacity(held.len());
    for (h, standing) in held {
        let title = state
            .petition(h.petition_id)
            .await?
            .map(|p| p.text(lang).title.clone())
            .unwrap_or_default();
        rows.push(my_data::Row {
            id: h.id,
            petition_id: h.petition_id,
            title,
            name: keys.open_or_mark(&h.name),
            signed: lang.day_of(h.created_at),
            standing,
            show_name: h.show_name,
            deliver_name: h.deliver_name,
            updates: h.updates,
        });
    }
    Ok(rows)
}

/// What the manage page says above the signatures, and with which status.
struct Said {
    notice: Option<String>,
    problems: Problems,
    status: StatusCode,
}

impl Said {
    fn nothing() -> Said {
        Said::notice(None)
    }

    fn notice(notice: Option<String>) -> Said {
        Said {
            notice,
            problems: Problems::default(),
            status: StatusCode::OK,
        }
    }
}

async fn manage_page(
    req: &HttpRequest,
    state: &AppState,
    lang: Lang,
    path: &(String, String, String),
    link: &ManageLink,
    said: Said,
) -> Result<HttpResponse, PageError> {
    let ctx = state.ctx(req, lang, false);
    let rows = rows(state, lang, forms(state, &link.address)).await?;
    let action = action_path(lang, path);
    Ok(private(html(
        said.status,
        my_data::manage(
            &ctx,
            &my_data::Manage {
                action: &action,
                rows: &rows,
                notice: said.notice,
                problems: &said.problems,
            },
        ),
    )))
}

type LinkPath = web::Path<(String, String, String)>;

pub async fn manage(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: LinkPath,
) -> Result<HttpResponse, PageError> {
    match link(&state, &path) {
        Ok(l) => manage_page(&req, &state, lang, &path, &l, Said::nothing()).await,
        Err(LinkProblem::Expired(_)) => {
            let ctx = state.ctx(&req, lang, false);
            Ok(private(html(
                StatusCode::OK,
                my_data::expired(&ctx, &action_path(lang, &path)),
            )))
        }
        Err(LinkProblem::Unknown) => Err(PageError::NotFound),
    }
}

/// A new link for an expired one, sent to the inbox the old one was for.
pub async fn renew(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: LinkPath,
) -> Result<HttpResponse, PageError> {
    let address = match link(&state, &path) {
        Ok(l) => l.address,
        Err(LinkProblem::Expired(a)) => a,
        Err(LinkProblem::Unknown) => return Err(PageError::NotFound),
    };
    limit_signing(&req, &state).await?;
    let keys = state.settings.data_keys.clone();
    let forms = forms(&state, &address);
    let email = db::run(&state.pool, move |c| {
        Ok(store::of_address(c, &forms)?
            .first()
            .map(|(h, _)| keys.open(&h.email)))
    })
    .await?;
    if let Some(Ok(email)) = email {
        send_link(&state, lang, email).await?;
    }
    let ctx = state.ctx(&req, lang, false);
    Ok(private(html(
        StatusCode::OK,
        my_data::done(&ctx, "mydata-renewed-title", lang.t("mydata-renewed-body")),
    )))
}

fn signature_of(form: &Form) -> Result<i64, PageError> {
    form.get("signature")
        .parse()
        .map_err(|_| PageError::Unprocessable)
}

pub async fn consents(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: LinkPath,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let l = pressed_link(&state, &path)?;
    let form = Form::parse(&body);
    let signature = signature_of(&form)?;
    let (show, deliver, updates) = (
        form.checked("show_name"),
        form.checked("deliver_name"),
        form.checked("updates"),
    );
    let forms = forms(&state, &l.address);
    let changed = db::write(&state.pool, move |c| {
        // The change and its audit row together, or neither.
        use diesel::Connection;
        Ok(c.transaction(|c| {
            let changed = store::set_consents(c, &forms, signature, show, deliver, updates)?;
            if changed {
                audit::note(
                    c,
                    &Actor::signer(),
                    Action::SignerConsents,
                    None,
                    serde_json::json!({ "signature": signature, "show_name": show,
                        "deliver_name": deliver, "updates": updates }),
                )?;
            }
            Ok::<_, diesel::result::Error>(changed)
        })?)
    })
    .await?;
    if !changed {
        return Err(PageError::NotFound);
    }
    let notice = Some(lang.t("mydata-saved"));
    manage_page(&req, &state, lang, &path, &l, Said::notice(notice)).await
}

pub async fn withdraw(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: LinkPath,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let l = pressed_link(&state, &path)?;
    let signature = signature_of(&Form::parse(&body))?;
    let forms = forms(&state, &l.address);
    let outcome = db::write(&state.pool, move |c| {
        // The change and its audit row together, or neither.
        use diesel::Connection;
        Ok(c.transaction(|c| {
            let outcome = store::withdraw(c, &forms, signature)?;
            if let Withdrawn::Now { petition_id, .. } = outcome {
                audit::note(
                    c,
                    &Actor::signer(),
                    Action::SignerWithdraw,
                    Some(petition_id),
                    serde_json::json!({ "signature": signature }),
                )?;
            }
            Ok::<_, diesel::result::Error>(outcome)
        })?)
    })
    .await?;
    let notice = match outcome {
        Withdrawn::Unknown => return Err(PageError::NotFound),
        Withdrawn::Already { .. } => lang.t("mydata-already-withdrawn"),
        Withdrawn::Now { delivered, .. } => {
            let mut n = lang.t("mydata-withdrawn");
            if delivered {
                n.push(' ');
                n.push_str(&lang.t("mydata-withdrawn-delivered"));
            }
            n
        }
    };
    manage_page(&req, &state, lang, &path, &l, Said::notice(Some(notice))).await
}

pub async fn download(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: LinkPath,
) -> Result<HttpResponse, PageError> {
    let _ = (&req, lang);
    let l = pressed_link(&state, &path)?;
    let forms = forms(&state, &l.address);
    let keys = state.settings.data_keys.clone();
    let privacy_url = format!("{}{}", state.settings.base_url, lang.url("/privacy"));
    let (held, sent, texts, titles) = db::write(&state.pool, move |c| {
        let held = store::of_address(c, &forms)?;
        let sent = store::emails_to(c, &forms)?;
        let versions: Vec<String> = held
            .iter()
            .filter_map(|(h, _)| h.consent_version.clone())
            .collect();
        let texts = store::consent_sets(c, &versions)?;
        let mut titles = std::collections::HashMap::new();
        for (h, _) in &held {
            if let Some(p) = petitions::find_any(c, h.petition_id)? {
                let lang = Lang::parse(&h.lang).unwrap_or_default();
                titles.insert(h.petition_id, p.text(lang).title.clone());
            }
        }
        audit::record(
            c,
            &audit::Entry {
                actor: &Actor::signer(),
                action: Action::SignerDownload,
                petition_id: None,
                details: serde_json::json!({}),
                row_count: held.len() as i64,
            },
        )?;
        Ok((held, sent, texts, titles))
    })
    .await?;
    let signatures: Vec<serde_json::Value> = held
        .iter()
        .map(|(h, standing)| {
            signature_json(&keys, h, *standing, &texts, titles.get(&h.petition_id))
        })
        .collect();
    let body = serde_json::json!({
        "generated_at": db::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        "privacy_notice": privacy_url,
        "signatures": signatures,
        "emails": sent,
    });
    Ok(private(
        HttpResponse::Ok()
            .content_type("application/json; charset=utf-8")
            .insert_header((
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"my-data.json\"",
            ))
            .body(serde_json::to_string_pretty(&body).unwrap_or_default()),
    ))
}

fn signature_json(
    keys: &crate::seal::Keys,
    h: &Held,
    standing: store::Standing,
    texts: &[crate::privacy::consent::ConsentSet],
    title: Option<&String>,
) -> serde_json::Value {
    let shown = h
        .consent_version
        .as_ref()
        .and_then(|v| texts.iter().find(|t| &t.version == v));
    let place = crate::refdata::INDIA.constituency(&h.pc_id);
    serde_json::json!({
        "id": h.id,
        "petition": { "id": h.petition_id, "title": title },
        "name": keys.open_or_mark(&h.name),
        "email": keys.open_or_mark(&h.email),
        "pin_code": h.pin_code,
        "state_code": h.state_code,
        "constituency_code": h.pc_id,
        "constituency": place.map(|c| c.name.clone()),
        "language": h.lang,
        "signed_at": h.created_at,
        "confirmed_at": h.confirmed_at,
        "signed_by_a_link_from": h.source,
        "status": standing,
        "consents": {
            "adult": shown.is_some(),
            "show_name": h.show_name,
            "deliver_name": h.deliver_name,
            "updates": h.updates,
        },
        "consent_texts_shown": shown,
        "fraud_signals": {
            "network": h.network,
            "ip_hash": h.ip_hash,
            "email_domain": h.email_domain,
            "disposable_domain": h.disposable,
            "form_seconds": h.form_seconds,
            "hidden_field_filled": h.honeypot,
            "held_by_a_rule": h.held,
        },
    })
}

pub async fn erase(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: Lang,
    path: LinkPath,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let l = pressed_link(&state, &path)?;
    if !Form::parse(&body).checked("confirm") {
        let mut problems = Problems::default();
        problems.add("confirm", "mydata-erase-confirm-needed");
        let said = Said {
            notice: None,
            problems,
            status: StatusCode::UNPROCESSABLE_ENTITY,
        };
        return manage_page(&req, &state, lang, &path, &l, said).await;
    }
    let forms = forms(&state, &l.address);
    let n = db::write(&state.pool, move |c| {
        // The change and its audit row together, or neither.
        use diesel::Connection;
        Ok(c.transaction(|c| {
            let n = store::erase(c, &forms)?;
            audit::record(
                c,
                &audit::Entry {
                    actor: &Actor::signer(),
                    action: Action::SignerErase,
                    petition_id: None,
                    details: serde_json::json!({}),
                    row_count: n as i64,
                },
            )?;
            Ok::<_, diesel::result::Error>(n)
        })?)
    })
    .await?;
    let ctx = state.ctx(&req, lang, false);
    Ok(private(html(
        StatusCode::OK,
        my_data::done(
            &ctx,
            "mydata-erased-title",
            lang.ta("mydata-erased-body", &[("count", Arg::Num(n as i64))]),
        ),
    )))
}
