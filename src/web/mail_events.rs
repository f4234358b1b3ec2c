//! `POST /hooks/mail-events`: the mail provider reports hard bounces and complaints, after which
//! nothing more is sent to that address. Authenticated by an HMAC of the body under
//! `MAIL_EVENTS_SECRET`; the shape is in the README. `POST /hooks/mail-events/mailgun` takes
//! Mailgun's webhook as it comes, signed as Mailgun signs it, with the same secret as the
//! webhook signing key. A request is applied whole or not at all.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use diesel::Connection;
use hmac::{Hmac, Mac};
use serde::Deserialize;
use serde_json::json;
use sha2::Sha256;

use super::AppState;
use crate::db::{self, mail_events::Reason};
use crate::domain::EmailAddress;

/// A signature older (or further ahead) than this is refused: a captured request cannot be
/// replayed later.
const MAX_SKEW_SECS: i64 = 300;
/// Events in one request at most.
const MAX_EVENTS: usize = 1000;

/// Our own shape: `{"events": [{"type": "bounce", "email": "...", "bounce": "hard",
/// "detail": "..."}, {"type": "complaint", "email": "..."}]}`.
#[derive(Deserialize)]
struct Report {
    events: Vec<Event>,
}

#[derive(Deserialize)]
struct Event {
    #[serde(rename = "type")]
    kind: String,
    email: String,
    /// For a bounce: `hard` (the address is dead) or `soft` (try later; nothing is done).
    #[serde(default)]
    bounce: Option<String>,
    #[serde(default)]
    detail: Option<String>,
}

/// What one event asks for, once read.
struct Suppress {
    canonical: String,
    reason: Reason,
    detail: String,
}

fn refuse(status: StatusCode, field: &str, message: &str) -> HttpResponse {
    HttpResponse::build(status).json(json!({ "error": message, "field": field }))
}

/// 401, for a request not signed with our key (or signed too long ago).
fn unsigned(field: &str) -> HttpResponse {
    refuse(
        StatusCode::UNAUTHORIZED,
        field,
        "missing, stale or wrong signature",
    )
}

fn mac_hex(secret: &str, parts: &[&[u8]]) -> String {
    let mut m = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    for p in parts {
        m.update(p);
    }
    hex::encode(m.finalize().into_bytes())
}

fn equal(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq;
    bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

fn fresh(timestamp: &str) -> bool {
    timestamp
        .parse::<i64>()
        .is_ok_and(|t| (chrono::Utc::now().timestamp() - t).abs() <= MAX_SKEW_SECS)
}

/// `Hastakshar-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
fn signed(req: &HttpRequest, secret: &str, body: &[u8]) -> bool {
    let Some(header) = req
        .headers()
        .get("Hastakshar-Signature")
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let (mut t, mut v1) = (None, None);
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", v)) => t = Some(v),
            Some(("v1", v)) => v1 = Some(v),
            _ => {}
        }
    }
    match (t, v1) {
        (Some(t), Some(v1)) => fresh(t) && equal(&mac_hex(secret, &[t.as_bytes(), b".", body]), v1),
        _ => false,
    }
}

pub async fn report(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> HttpResponse {
    let Some(secret) = state.settings.mail_events_secret.as_deref() else {
        return HttpResponse::NotFound().finish();
    };
    if !signed(&req, secret, &body) {
        return unsigned("Hastakshar-Signature");
    }
    let report: Report = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => {
            return refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                "events",
                &format!("not a report of events: {e}"),
            );
        }
    };
    if report.events.len() > MAX_EVENTS {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            "events",
            &format!("at most {MAX_EVENTS} events in one request"),
        );
    }
    let mut wanted = Vec::new();
    let mut ignored = 0;
    for (i, e) in report.events.iter().enumerate() {
        let field = |f: &str| format!("events[{i}].{f}");
        let Ok(address) = EmailAddress::parse(&e.email) else {
            return refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                &field("email"),
                "not an email address",
            );
        };
        let reason = match (e.kind.as_str(), e.bounce.as_deref()) {
            ("bounce", Some("hard")) => Reason::Bounce,
            ("bounce", Some("soft")) => {
                ignored += 1;
                continue;
            }
            ("bounce", _) => {
                return refuse(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &field("bounce"),
                    "a bounce is \"hard\" or \"soft\"",
                );
            }
            ("complaint", _) => Reason::Complaint,
            _ => {
                return refuse(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &field("type"),
                    "the type is \"bounce\" or \"complaint\"",
                );
            }
        };
        wanted.push(Suppress {
            canonical: EmailAddress::canonical(address.as_str()),
            reason,
            detail: e.detail.clone().unwrap_or_default(),
        });
    }
    apply(&state, wanted, ignored).await
}

/// Mailgun's webhook: `{"signature": {"timestamp", "token", "signature"}, "event-data":
/// {"event", "severity", "recipient", "reason"}}`, the signature being the hex HMAC-SHA256 of
/// timestamp then token under the webhook signing key.
#[derive(Deserialize)]
struct Mailgun {
    signature: MailgunSignature,
    #[serde(rename = "event-data")]
    event: MailgunEvent,
}

#[derive(Deserialize)]
struct MailgunSignature {
    timestamp: String,
    token: String,
    signature: String,
}

#[derive(Deserialize)]
struct MailgunEvent {
    event: String,
    #[serde(default)]
    severity: Option<String>,
    recipient: String,
    #[serde(default)]
    reason: Option<String>,
}

pub async fn mailgun(state: web::Data<AppState>, body: web::Bytes) -> HttpResponse {
    let Some(secret) = state.settings.mail_events_secret.as_deref() else {
        return HttpResponse::NotFound().finish();
    };
    // The signature sits inside the body: read it first, and say nothing more than "not
    // signed" to a caller who does not have the key.
    let hook: Mailgun = match serde_json::from_slice(&body) {
        Ok(h) => h,
        Err(_) => return unsigned("signature"),
    };
    let s = &hook.signature;
    if !fresh(&s.timestamp)
        || !equal(
            &mac_hex(secret, &[s.timestamp.as_bytes(), s.token.as_bytes()]),
            &s.signature,
        )
    {
        return unsigned("signature");
    }
    let e = &hook.event;
    let reason = match (e.event.as_str(), e.severity.as_deref()) {
        ("failed", Some("permanent")) => Reason::Bounce,
        ("complained", _) => Reason::Complaint,
        // Deliveries, opens, temporary failures: nothing to do.
        _ => return apply(&state, Vec::new(), 1).await,
    };
    let Ok(address) = EmailAddress::parse(&e.recipient) else {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            "event-data.recipient",
            "not an email address",
        );
    };
    let wanted = vec![Suppress {
        canonical: EmailAddress::canonical(address.as_str()),
        reason,
        detail: e.reason.clone().unwrap_or_default(),
    }];
    apply(&state, wanted, 0).await
}

async fn apply(state: &AppState, wanted: Vec<Suppress>, ignored: usize) -> HttpResponse {
    let n = wanted.len();
    let keys = state.settings.data_keys.clone();
    let done = db::write(&state.pool, move |c| {
        Ok(c.transaction(|c| {
            let mut new = 0;
            for s in &wanted {
                // The provider's words can quote the address: `suppress` seals them too.
                new += usize::from(db::mail_events::suppress(
                    c,
                    &keys,
                    &s.canonical,
                    s.reason,
                    &s.detail,
                )?);
            }
            Ok::<_, diesel::result::Error>(new)
        })?)
    })
    .await;
    match done {
        Ok(new) => {
            // Counts only: the addresses stay out of the logs.
            tracing::info!(
                events = n,
                new,
                ignored,
                "mail events: addresses suppressed"
            );
            HttpResponse::Ok().json(json!({ "suppressed": n, "new": new, "ignored": ignored }))
        }
        Err(e) => {
            tracing::error!(error = %e, "mail events not applied");
            refuse(
                StatusCode::SERVICE_UNAVAILABLE,
                "",
                "not applied: try again later",
            )
        }
    }
}
