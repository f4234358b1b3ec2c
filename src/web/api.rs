//! The public JSON API: petitions with their counts, and the PIN code look-up used by the form.

use std::sync::Arc;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::NaiveDateTime;
use serde::Serialize;

use super::cache::PageKey;
use super::encoded::Encoded;
use super::{AppState, PageError};
use crate::db::{self, petitions};
use crate::domain::PinCode;
use crate::i18n::Lang;
use crate::refdata::INDIA;

#[derive(Serialize)]
struct PetitionSummary {
    id: i64,
    title: String,
    title_hi: Option<String>,
    action: String,
    state: String,
    signature_count: i64,
    goal: i64,
    url: String,
    created_at: String,
    opened_at: Option<String>,
    closes_at: Option<String>,
    closed_at: Option<String>,
}

#[derive(Serialize)]
struct Area {
    code: String,
    name: String,
    name_hi: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    state: Option<String>,
    count: i64,
}

#[derive(Serialize)]
struct PetitionDetail {
    #[serde(flatten)]
    summary: PetitionSummary,
    background: String,
    recipients: Vec<String>,
    signatures_by_state: Vec<Area>,
    signatures_by_constituency: Vec<Area>,
}

fn iso(t: NaiveDateTime) -> String {
    t.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn summary(p: &petitions::Petition, base_url: &str) -> PetitionSummary {
    let own = p.text(Lang::parse(&p.row.lang).unwrap_or_default());
    PetitionSummary {
        id: p.id(),
        title: p.text(Lang::En).title.clone(),
        title_hi: p
            .texts
            .iter()
            .find(|t| t.lang == "hi")
            .map(|t| t.title.clone()),
        action: own.action.clone(),
        state: p.row.status.clone(),
        signature_count: p.row.signature_count,
        goal: p.row.goal,
        url: format!("{base_url}/petitions/{}", p.id()),
        created_at: iso(p.row.created_at),
        opened_at: p.row.opened_at.map(iso),
        closes_at: p.row.closes_at.map(iso),
        closed_at: p.row.closed_at.map(iso),
    }
}

const JSON: &str = "application/json";

fn json_error(status: actix_web::http::StatusCode, message: &str) -> HttpResponse {
    HttpResponse::build(status).json(serde_json::json!({ "error": message }))
}

/// A shelved answer, public and readable from any origin; or the error as JSON.
fn answer(
    req: &HttpRequest,
    state: &AppState,
    shelved: Result<Arc<Encoded>, PageError>,
) -> HttpResponse {
    match shelved {
        Ok(page) => {
            let mut res = page.respond(req, state.settings.public_cache);
            res.headers_mut().insert(
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                header::HeaderValue::from_static("*"),
            );
            res
        }
        Err(PageError::NotFound) => {
            json_error(actix_web::http::StatusCode::NOT_FOUND, "no such petition")
        }
        Err(e) => {
            tracing::error!(error = %e, "public API failed");
            json_error(
                actix_web::http::StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
            )
        }
    }
}

fn to_json<T: Serialize>(value: &T) -> Result<String, PageError> {
    serde_json::to_string(value)
        .map_err(|e| PageError::Db(crate::db::DbError::Task(format!("JSON: {e}"))))
}

pub async fn petitions(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let shelved = state
        .shelved(PageKey::ApiList, JSON, || async {
            let list = db::run(&state.pool, |c| Ok(petitions::list_open(c)?)).await?;
            let out: Vec<_> = list
                .iter()
                .map(|p| summary(p, &state.settings.base_url))
                .collect();
            to_json(&serde_json::json!({ "petitions": out }))
        })
        .await;
    answer(&req, &state, shelved)
}

pub async fn petition(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> HttpResponse {
    let Ok(id) = path.parse::<i64>() else {
        return json_error(actix_web::http::StatusCode::NOT_FOUND, "no such petition");
    };
    let shelved = state
        .shelved(PageKey::ApiPetition(id), JSON, || async {
            let found = db::run(&state.pool, move |c| {
                let p = petitions::find_public(c, id)?;
                let by_state = petitions::counts_by_state(c, id)?;
                let by_pc = petitions::counts_by_constituency(c, id)?;
                Ok(p.map(|p| (p, by_state, by_pc)))
            })
            .await?;
            let (p, by_state, by_pc) = found.ok_or(PageError::NotFound)?;
            to_json(&detail(&p, by_state, by_pc, &state.settings.base_url))
        })
        .await;
    answer(&req, &state, shelved)
}

fn detail(
    p: &petitions::Petition,
    by_state: Vec<(String, i64)>,
    by_pc: Vec<(String, i64)>,
    base_url: &str,
) -> PetitionDetail {
    let signatures_by_state = by_state
        .into_iter()
        .map(|(code, count)| {
            let s = INDIA.state(&code);
            Area {
                name: s.map(|s| s.name.clone()).unwrap_or_default(),
                name_hi: s.map(|s| s.name_hi.clone()).unwrap_or_default(),
                state: None,
                code,
                count,
            }
        })
        .collect();
    let signatures_by_constituency = by_pc
        .into_iter()
        .map(|(code, count)| {
            let c = INDIA.constituency(&code);
            Area {
                name: c.map(|c| c.name.clone()).unwrap_or_default(),
                name_hi: c.map(|c| c.name_hi.clone()).unwrap_or_default(),
                state: c.map(|c| c.state_code.clone()),
                code,
                count,
            }
        })
        .collect();
    let own = p.text(Lang::parse(&p.row.lang).unwrap_or_default());
    PetitionDetail {
        background: own.background.clone(),
        recipients: p.recipients.iter().map(|r| r.name.clone()).collect(),
        summary: summary(p, base_url),
        signatures_by_state,
        signatures_by_constituency,
    }
}

#[derive(Serialize)]
struct PinAnswer {
    pin_code: String,
    state: Option<String>,
    constituency: Option<String>,
}

/// `GET /api/openapi.json`: the OpenAPI 3.1 document of every JSON endpoint
/// (`assets/api/openapi.json`, kept true by a test against the route table and by schemathesis
/// against a live server in CI).
pub async fn openapi() -> HttpResponse {
    HttpResponse::Ok()
        .content_type(JSON)
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(OPENAPI)
}

pub const OPENAPI: &str = include_str!("../../assets/api/openapi.json");

/// `GET /api/pincodes/{pin}`: the state and likely constituency of a PIN code, for the form's
/// script to pre-select (the signer can always change them).
pub async fn pincode(path: web::Path<String>) -> HttpResponse {
    let Ok(pin) = PinCode::parse(&path) else {
        return json_error(actix_web::http::StatusCode::NOT_FOUND, "unknown PIN code");
    };
    let Some(p) = INDIA.pin(pin.value()) else {
        return json_error(actix_web::http::StatusCode::NOT_FOUND, "unknown PIN code");
    };
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .json(PinAnswer {
            pin_code: pin.to_string(),
            state: Some(p.state_code.clone()),
            constituency: p.primary_pc_id.clone(),
        })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// The OpenAPI document names exactly the JSON routes the server answers, with their
    /// methods: a route added without its description, or described and gone, fails here.
    #[test]
    fn the_openapi_document_describes_every_json_route_and_no_other() {
        let doc: serde_json::Value = serde_json::from_str(super::OPENAPI).unwrap();
        assert_eq!(doc["openapi"], "3.1.0");
        let described: BTreeSet<(String, String)> = doc["paths"]
            .as_object()
            .unwrap()
            .iter()
            .flat_map(|(path, ops)| {
                ops.as_object()
                    .unwrap()
                    .keys()
                    .map(move |m| (m.to_uppercase(), path.clone()))
            })
            .collect();
        let served: BTreeSet<(String, String)> = crate::web::routes::table()
            .into_iter()
            .filter(|r| {
                r.path.ends_with(".json")
                    || r.path.starts_with("/api/")
                    || r.path.starts_with("/osdi/")
            })
            .map(|r| (r.method.to_string(), r.path.replace("{id:\\d+}", "{id}")))
            .collect();
        assert_eq!(described, served);
        // Every reference resolves.
        let text = super::OPENAPI;
        for r in text.split("\"$ref\": \"#/").skip(1) {
            let pointer = format!("/{}", r.split('"').next().unwrap());
            assert!(
                doc.pointer(&pointer).is_some(),
                "{pointer} is not in the document"
            );
        }
    }
}
