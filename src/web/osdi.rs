//! The partner API, in the shape of the Open Supporter Data Interface (OSDI 1.x) petition and
//! signature resources, so that groups already on Action Network or CiviCRM can connect:
//! `/osdi/v1` (the entry point), `/osdi/v1/petitions[/{id}]`, and a petition's `signatures`
//! (GET: the group's own counted signatures; POST: the record-signature helper). Every request
//! carries an API token an admin issued (`OSDI-API-Token: ...` or `Authorization: Bearer ...`);
//! without one, 401. A signature recorded here is a signature like any other: it counts only
//! once its signer confirms it from the email it gets.

use std::num::NonZeroU32;
use std::sync::{Arc, LazyLock};

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use serde::Deserialize;
use serde_json::{Value, json};

use super::pages::parse_id;
use super::{AppState, PageError};
use crate::db::api_tokens::{self, ApiToken};
use crate::db::signatures::Signed;
use crate::db::{self, petitions};
use crate::i18n::Lang;
use crate::signing::{self, SignForm};

const HAL: &str = "application/hal+json";
/// The most resources a page holds (`per_page`).
pub const MAX_PAGE: i64 = 100;

/// Signatures a token may record: 200 at once, then 20 a second, per token.
static RECORDING: LazyLock<DefaultKeyedRateLimiter<i64>> = LazyLock::new(|| {
    let per_second = NonZeroU32::new(20).expect("non-zero");
    let burst = NonZeroU32::new(200).expect("non-zero");
    RateLimiter::keyed(Quota::per_second(per_second).allow_burst(burst))
});

fn hal(status: StatusCode, body: &Value) -> HttpResponse {
    HttpResponse::build(status)
        .content_type(HAL)
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body.to_string())
}

/// An error as JSON: `{"error": ..., "errors": [{"field": ..., "message": ...}]}`.
fn refusal(status: StatusCode, error: &str, fields: &[(&str, String)]) -> HttpResponse {
    let errors: Vec<Value> = fields
        .iter()
        .map(|(field, message)| json!({ "field": field, "message": message }))
        .collect();
    let mut res = hal(status, &json!({ "error": error, "errors": errors }));
    if status == StatusCode::UNAUTHORIZED {
        res.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            header::HeaderValue::from_static("Bearer realm=\"osdi\""),
        );
    }
    res
}

/// The token a request carries, if it is one an admin issued and has not revoked.
async fn token(req: &HttpRequest, state: &AppState) -> Result<Option<ApiToken>, PageError> {
    let given = req
        .headers()
        .get("OSDI-API-Token")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .or_else(|| {
            req.headers()
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "))
                .map(str::trim)
        });
    let Some(plain) = given.filter(|t| crate::tokens::well_formed(t)) else {
        return Ok(None);
    };
    let hash = crate::tokens::hash(plain);
    let found = db::run(&state.pool, move |c| Ok(api_tokens::in_use(c, &hash)?)).await?;
    // A write only when the "last used" shown to admins has gone stale, not on every request.
    if let Some(t) = found.as_ref().filter(|t| t.use_is_stale()) {
        let id = t.id;
        db::write(&state.pool, move |c| Ok(api_tokens::note_use(c, id)?)).await?;
    }
    Ok(found)
}

/// The token, or the 401 answer.
async fn authorised(req: &HttpRequest, state: &AppState) -> Result<ApiToken, HttpResponse> {
    match token(req, state).await {
        Ok(Some(t)) => Ok(t),
        Ok(None) => Err(refusal(
            StatusCode::UNAUTHORIZED,
            "an API token is required: OSDI-API-Token or Authorization: Bearer",
            &[],
        )),
        Err(e) => Err(actix_web::ResponseError::error_response(&e)),
    }
}

/// `?page=&per_page=`: a value that is not a whole number is taken as the default (page 1, 25
/// a page), and each is held within its bounds; never an error.
fn paging(req: &HttpRequest) -> (i64, i64) {
    let form = crate::forms::Form::parse(req.query_string().as_bytes());
    let page = form.get("page").parse::<i64>().unwrap_or(1);
    let per = form.get("per_page").parse::<i64>().unwrap_or(25);
    (page.clamp(1, 1_000_000), per.clamp(1, MAX_PAGE))
}

fn base(state: &AppState) -> String {
    format!("{}/osdi/v1", state.settings.base_url)
}

/// A collection page: its counts, links and resources under `osdi:{name}`.
fn collection(url: &str, name: &str, page: i64, per: i64, total: i64, items: Vec<Value>) -> Value {
    let pages = ((total + per - 1) / per).max(1);
    let mut links = json!({ "self": { "href": format!("{url}?page={page}&per_page={per}") } });
    if page < pages {
        links["next"] = json!({ "href": format!("{url}?page={}&per_page={per}", page + 1) });
    }
    if page > 1 {
        links["prev"] = json!({ "href": format!("{url}?page={}&per_page={per}", page - 1) });
    }
    json!({
        "total_pages": pages,
        "per_page": per,
        "page": page,
        "total_records": total,
        "_links": links,
        "_embedded": { format!("osdi:{name}"): items },
    })
}

fn iso(t: chrono::NaiveDateTime) -> String {
    t.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn petition_resource(state: &AppState, p: &petitions::Petition) -> Value {
    let own = p.text(Lang::parse(&p.row.lang).unwrap_or_default());
    let url = format!("{}/petitions/{}", base(state), p.id());
    json!({
        "identifiers": [format!("hastakshar:{}", p.id())],
        "origin_system": "Hastakshar",
        "created_date": iso(p.row.created_at),
        "modified_date": iso(p.row.opened_at.unwrap_or(p.row.created_at)),
        "title": own.title,
        "petition_text": own.action,
        "description": own.background,
        "browser_url": format!("{}/petitions/{}", state.settings.base_url, p.id()),
        "total_signatures": p.row.signature_count,
        "target": p.recipients.iter().map(|r| json!({ "name": r.name })).collect::<Vec<_>>(),
        "_links": {
            "self": { "href": url },
            "osdi:signatures": { "href": format!("{url}/signatures") },
            "osdi:record_signature_helper": { "href": format!("{url}/signatures") },
        },
    })
}

/// `GET /osdi/v1`: the API entry point.
pub async fn entry(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    if let Err(answer) = authorised(&req, &state).await {
        return answer;
    }
    let base = base(&state);
    hal(
        StatusCode::OK,
        &json!({
            "motd": "Hastakshar: petitions to the Lok Sabha and India's ministries",
            "vendor_name": "Hastakshar",
            "product_name": "Hastakshar",
            "osdi_version": "1.1",
            "max_pagesize": MAX_PAGE,
            "_links": {
                "self": { "href": base },
                "osdi:petitions": { "href": format!("{base}/petitions") },
            },
        }),
    )
}

/// `GET /osdi/v1/petitions`: the public petitions, newest first.
pub async fn petitions(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    if let Err(answer) = authorised(&req, &state).await {
        return Ok(answer);
    }
    let (page, per) = paging(&req);
    let asked = petitions::Browse {
        q: String::new(),
        status: None,
        delivered: false,
        responded: false,
        sort: petitions::Sort::Newest,
        page,
        per_page: per,
    };
    let (list, total) = db::run(&state.pool, move |c| Ok(petitions::browse(c, &asked)?)).await?;
    let items = list.iter().map(|p| petition_resource(&state, p)).collect();
    let url = format!("{}/petitions", base(&state));
    Ok(hal(
        StatusCode::OK,
        &collection(&url, "petitions", page, per, total, items),
    ))
}

/// A public petition by the id in the path, or the 404 answer.
async fn public(state: &AppState, raw: &str) -> Result<Arc<petitions::Petition>, HttpResponse> {
    let not_found = || refusal(StatusCode::NOT_FOUND, "no such petition", &[]);
    let Ok(id) = parse_id(raw) else {
        return Err(not_found());
    };
    // From the short-lived cache the petition page and its form read too.
    match state.petition(id).await {
        Ok(Some(p)) => Ok(p),
        Ok(None) => Err(not_found()),
        Err(e) => Err(actix_web::ResponseError::error_response(&PageError::from(
            e,
        ))),
    }
}

/// The token and the public petition a signatures request is about, or the answer (401, 404).
async fn token_and_petition(
    req: &HttpRequest,
    state: &AppState,
    raw: &str,
) -> Result<(ApiToken, Arc<petitions::Petition>), HttpResponse> {
    let token = authorised(req, state).await?;
    Ok((token, public(state, raw).await?))
}

/// `GET /osdi/v1/petitions/{id}`.
pub async fn petition(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> HttpResponse {
    if let Err(answer) = authorised(&req, &state).await {
        return answer;
    }
    match public(&state, &path).await {
        Ok(p) => hal(StatusCode::OK, &petition_resource(&state, &p)),
        Err(answer) => answer,
    }
}

/// `GET /osdi/v1/petitions/{id}/signatures`: the token's group's counted signatures, oldest
/// first: when each was confirmed, the state and constituency, and the name only where the
/// signer agreed to show it on the petition. No email address: no signer agreed to give theirs
/// to a partner. Each read is audited.
pub async fn signatures(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let (token, p) = match token_and_petition(&req, &state, &path).await {
        Ok(both) => both,
        Err(answer) => return Ok(answer),
    };
    let (page, per) = paging(&req);
    let (id, source) = (p.id(), token.source.clone());
    let (rows, total) = db::write(&state.pool, move |c| {
        Ok(api_tokens::partner_signatures(c, &token, id, page, per)?)
    })
    .await?;
    let keys = &state.settings.data_keys;
    let url = format!("{}/petitions/{id}", base(&state));
    let items = rows
        .into_iter()
        .map(|s| {
            let mut person = json!({
                "postal_addresses": [{ "region": s.state_code, "country": "IN" }],
            });
            if s.show_name {
                person["given_name"] = json!(keys.open_or_mark(&s.name));
            }
            let at = s.confirmed_at.map(iso);
            json!({
                "identifiers": [format!("hastakshar:signature:{}", s.id)],
                "created_date": at,
                "modified_date": at,
                "person": person,
                "custom_fields": {
                    "state": s.state_code,
                    "constituency": s.pc_id,
                    "source": source,
                },
                "_links": { "osdi:petition": { "href": url } },
            })
        })
        .collect();
    Ok(hal(
        StatusCode::OK,
        &collection(
            &format!("{url}/signatures"),
            "signatures",
            page,
            per,
            total,
            items,
        ),
    ))
}

#[derive(Deserialize, Default)]
struct Address {
    address: Option<String>,
}

#[derive(Deserialize, Default)]
struct Postal {
    postal_code: Option<String>,
    region: Option<String>,
}

#[derive(Deserialize, Default)]
struct Person {
    given_name: Option<String>,
    family_name: Option<String>,
    #[serde(default)]
    email_addresses: Vec<Address>,
    #[serde(default)]
    postal_addresses: Vec<Postal>,
    #[serde(default)]
    languages_spoken: Vec<String>,
}

#[derive(Deserialize, Default)]
struct Custom {
    constituency: Option<String>,
    adult: Option<bool>,
    show_name: Option<bool>,
    deliver_name: Option<bool>,
    updates: Option<bool>,
}

#[derive(Deserialize)]
struct RecordSignature {
    person: Person,
    #[serde(default)]
    custom_fields: Custom,
}

/// Where each sign-form field is in the OSDI body, for the errors.
fn osdi_field(field: &str) -> &'static str {
    match field {
        "name" => "person.given_name",
        "email" => "person.email_addresses",
        "pin_code" => "person.postal_addresses.postal_code",
        "state" => "person.postal_addresses.region",
        "constituency" => "custom_fields.constituency",
        "adult" => "custom_fields.adult",
        _ => "body",
    }
}

/// `POST /osdi/v1/petitions/{id}/signatures`: the record-signature helper. The signer gets the
/// same confirmation email as from the form (in the first of `languages_spoken` the site
/// speaks), and the signature counts once they confirm; it is credited to the token's group.
/// 202 in every case that stores or sends nothing new too, so the answer never says whether an
/// address had signed before; 422 names each field at fault; 429 past the token's rate.
pub async fn record(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let (token, p) = match token_and_petition(&req, &state, &path).await {
        Ok(both) => both,
        Err(answer) => return Ok(answer),
    };
    if RECORDING.check_key(&token.id).is_err() {
        let mut res = refusal(
            StatusCode::TOO_MANY_REQUESTS,
            "too many signatures at once",
            &[],
        );
        res.headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
        return Ok(res);
    }
    if !p.is_signable() {
        return Ok(refusal(
            StatusCode::CONFLICT,
            "the petition is closed to signatures",
            &[],
        ));
    }
    let sent: RecordSignature = match serde_json::from_slice(&body) {
        Ok(b) => b,
        Err(e) => {
            return Ok(refusal(
                StatusCode::UNPROCESSABLE_ENTITY,
                "the body is not a signature",
                &[("body", e.to_string())],
            ));
        }
    };
    let person = &sent.person;
    let name = [&person.given_name, &person.family_name]
        .into_iter()
        .flatten()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let postal = person.postal_addresses.first();
    let custom = &sent.custom_fields;
    let mut form = SignForm {
        name,
        email: (person.email_addresses.first())
            .and_then(|a| a.address.clone())
            .unwrap_or_default(),
        pin_code: postal
            .and_then(|a| a.postal_code.clone())
            .unwrap_or_default(),
        state: postal.and_then(|a| a.region.clone()).unwrap_or_default(),
        constituency: custom.constituency.clone().unwrap_or_default(),
        show_name: custom.show_name.unwrap_or(false),
        deliver_name: custom.deliver_name.unwrap_or(false),
        updates: custom.updates.unwrap_or(false),
        adult: custom.adult.unwrap_or(false),
        source: token.source.clone(),
        ..SignForm::default()
    };
    form.prefill_from_pin();
    let valid = match signing::validate(&form) {
        Ok(v) => v,
        Err(problems) => {
            let fields: Vec<(&str, String)> = problems
                .0
                .iter()
                .map(|p| (osdi_field(p.field), Lang::En.t(p.key)))
                .collect();
            return Ok(refusal(
                StatusCode::UNPROCESSABLE_ENTITY,
                "the signature is not valid",
                &fields,
            ));
        }
    };
    let lang = (person.languages_spoken.iter())
        .find_map(|l| Lang::parse(l.split(['-', '_']).next().unwrap_or("")))
        .unwrap_or(Lang::En);
    // The request comes from the group's server, not the signer's device: no address or form
    // timing to judge, only the email's domain.
    let domain = crate::integrity::signals::domain_of(valid.email.as_str());
    let signals = crate::integrity::Signals {
        disposable: state.integrity.is_disposable(&domain),
        domain,
        ..crate::integrity::Signals::default()
    };
    let desk = signing::Desk {
        pool: &state.pool,
        integrity: &state.integrity,
        mail: &state.signer_mail,
        max_sends: state.settings.max_confirmation_sends,
        quota: None,
    };
    if let Signed::New | Signed::Held = signing::sign(desk, &p, valid, lang, signals).await? {
        state.metrics.signatures_created.inc();
    }
    let url = format!("{}/petitions/{}", base(&state), p.id());
    Ok(hal(
        StatusCode::ACCEPTED,
        &json!({
            "status": "awaiting_confirmation",
            "message": "The signer has been sent an email; the signature counts once they confirm it.",
            "_links": { "osdi:petition": { "href": url } },
        }),
    ))
}
