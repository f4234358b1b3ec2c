//! The privacy settings: who holds signers' data and answers for it, how long it is kept, and
//! the key that seals it at rest.

use std::path::PathBuf;

use super::{ConfigError, Environment, err, parse_num, var};
use crate::seal::Keys;

/// Who holds the data and how long it is kept: what the notice at `/privacy` says.
#[derive(Debug, Clone)]
pub struct Privacy {
    /// The data fiduciary, as the notice names it (`ORG_NAME`, `ORG_ADDRESS`).
    pub org_name: String,
    pub org_address: String,
    /// Who answers grievances, and where (`GRIEVANCE_OFFICER`, `GRIEVANCE_EMAIL`).
    pub grievance_officer: String,
    pub grievance_email: String,
    /// Days after a petition closes before its signers are anonymised (`RETENTION_DAYS`).
    pub retention_days: i64,
    /// Hours a "manage my signature" link works (`MANAGE_LINK_HOURS`).
    pub manage_link_hours: i64,
}

impl Privacy {
    pub fn for_tests() -> Privacy {
        Privacy {
            org_name: "Hastakshar Trust".into(),
            org_address: "12 Example Road, New Delhi 110001".into(),
            grievance_officer: "Grievance Officer".into(),
            grievance_email: "grievance@example.org".into(),
            retention_days: 180,
            manage_link_hours: 168,
        }
    }
}

pub(super) fn privacy_from_env(env: Environment) -> Result<Privacy, ConfigError> {
    let named = |name: &'static str, default: &str| -> Result<String, ConfigError> {
        match var(name) {
            Some(v) => Ok(v),
            None if env == Environment::Production => Err(err(
                name,
                "required in production: the privacy notice names who holds signers' data",
            )),
            None => Ok(default.to_string()),
        }
    };
    let grievance_email = named("GRIEVANCE_EMAIL", "grievance@example.org")?;
    crate::domain::EmailAddress::parse(&grievance_email)
        .map_err(|_| err("GRIEVANCE_EMAIL", "not an email address"))?;
    let retention_days = parse_num("RETENTION_DAYS", 180i64)?;
    if !(1..=3650).contains(&retention_days) {
        return Err(err("RETENTION_DAYS", "between 1 and 3650 days"));
    }
    Ok(Privacy {
        org_name: named("ORG_NAME", "Hastakshar (development)")?,
        org_address: named("ORG_ADDRESS", "(set ORG_ADDRESS)")?,
        grievance_officer: named("GRIEVANCE_OFFICER", "(set GRIEVANCE_OFFICER)")?,
        grievance_email,
        retention_days,
        manage_link_hours: parse_num("MANAGE_LINK_HOURS", 168i64)?.clamp(1, 24 * 30),
    })
}

/// `DATA_KEY` and `DATA_KEYS_RETIRED`; in development a key made once into `data/data_key`.
pub(super) fn data_keys_from_env(env: Environment) -> Result<Keys, ConfigError> {
    let retired = var("DATA_KEYS_RETIRED").unwrap_or_default();
    let primary = match var("DATA_KEY") {
        Some(k) => k,
        None if env == Environment::Production => {
            return Err(err(
                "DATA_KEY",
                "required in production (make one with `hastakshar keys new`)",
            ));
        }
        None => development_data_key()?,
    };
    Keys::parse(&primary, &retired).map_err(|e| {
        let name = if Keys::parse(&primary, "").is_ok() {
            "DATA_KEYS_RETIRED"
        } else {
            "DATA_KEY"
        };
        err(name, e)
    })
}

fn development_data_key() -> Result<String, ConfigError> {
    let path = PathBuf::from("data/data_key");
    if let Ok(k) = std::fs::read_to_string(&path)
        && Keys::parse(k.trim(), "").is_ok()
    {
        return Ok(k.trim().to_string());
    }
    let key = Keys::generate();
    std::fs::create_dir_all("data")
        .and_then(|_| std::fs::write(&path, &key))
        .map_err(|e| err("DATA_KEY", format!("cannot write data/data_key: {e}")))?;
    Ok(key)
}
