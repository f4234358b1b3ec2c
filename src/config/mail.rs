//! The mail settings: the relay's connections and rate, DKIM, and whether SMTP credentials
//! could cross the network in clear.

use super::{ConfigError, err, var};

/// Enough for more than 1,000 emails a second to a relay that answers within 10 ms; few enough
/// for a relay's per-client connection limit (Postfix allows 50 by default).
pub const DEFAULT_SMTP_CONNECTIONS: usize = 16;
pub const MAX_SMTP_CONNECTIONS: usize = 256;

/// Where and how emails are DKIM-signed.
#[derive(Clone)]
pub struct Dkim {
    pub domain: String,
    pub selector: String,
    /// An RSA key in PKCS#1 PEM (`-----BEGIN RSA PRIVATE KEY-----`), or an Ed25519 key as the
    /// base64 of its 32-byte seed.
    pub private_key: String,
}

/// DKIM settings: all three or none; the key read from the file when `DKIM_PRIVATE_KEY_FILE`
/// names one, and checked here so that a bad key stops the start, not every email.
pub(super) fn dkim_from_env() -> Result<Option<Dkim>, ConfigError> {
    let key = match (var("DKIM_PRIVATE_KEY"), var("DKIM_PRIVATE_KEY_FILE")) {
        (Some(k), None) => Some(k.replace("\\n", "\n")),
        (None, Some(path)) => Some(std::fs::read_to_string(&path).map_err(|e| {
            err(
                "DKIM_PRIVATE_KEY_FILE",
                format!("cannot read {path:?}: {e}"),
            )
        })?),
        (Some(_), Some(_)) => {
            return Err(err(
                "DKIM_PRIVATE_KEY",
                "set DKIM_PRIVATE_KEY or DKIM_PRIVATE_KEY_FILE, not both",
            ));
        }
        (None, None) => None,
    };
    let dkim = match (var("DKIM_DOMAIN"), var("DKIM_SELECTOR"), key) {
        (None, None, None) => return Ok(None),
        (Some(domain), Some(selector), Some(private_key)) => Dkim {
            domain,
            selector,
            private_key: private_key.trim().to_string(),
        },
        (None, _, _) => return Err(err("DKIM_DOMAIN", "required with the other DKIM settings")),
        (_, None, _) => {
            return Err(err(
                "DKIM_SELECTOR",
                "required with the other DKIM settings",
            ));
        }
        (_, _, None) => {
            return Err(err(
                "DKIM_PRIVATE_KEY",
                "required with the other DKIM settings (or DKIM_PRIVATE_KEY_FILE)",
            ));
        }
    };
    crate::mail::dkim_config(&dkim).map_err(|e| err("DKIM_PRIVATE_KEY", e))?;
    Ok(Some(dkim))
}

/// `SMTP_CONNECTIONS`: 1 to 256, 16 when unset.
pub(super) fn smtp_connections(v: Option<&str>) -> Result<usize, ConfigError> {
    let Some(v) = v else {
        return Ok(DEFAULT_SMTP_CONNECTIONS);
    };
    match v.parse::<usize>() {
        Ok(n) if (1..=MAX_SMTP_CONNECTIONS).contains(&n) => Ok(n),
        _ => Err(err(
            "SMTP_CONNECTIONS",
            format!("expected a whole number from 1 to {MAX_SMTP_CONNECTIONS}, got {v:?}"),
        )),
    }
}

/// `SMTP_MAX_PER_SECOND`: a whole number of emails a second, at least 1; unset for no limit.
pub(super) fn smtp_max_per_second(
    v: Option<&str>,
) -> Result<Option<std::num::NonZeroU32>, ConfigError> {
    let Some(v) = v else {
        return Ok(None);
    };
    match v.parse::<std::num::NonZeroU32>() {
        Ok(n) => Ok(Some(n)),
        Err(_) => Err(err(
            "SMTP_MAX_PER_SECOND",
            format!(
                "expected a whole number of emails a second, at least 1 \
                 (leave it unset for no limit), got {v:?}"
            ),
        )),
    }
}

/// SMTP credentials over a connection that may stay unencrypted.
pub(super) fn smtp_sends_credentials_in_clear(smtp_url: &str) -> bool {
    let Ok(u) = url::Url::parse(smtp_url) else {
        return false;
    };
    let credentials = !u.username().is_empty() || u.password().is_some();
    let tls = u.scheme() == "smtps" || u.query_pairs().any(|(k, v)| k == "tls" && v == "required");
    credentials && !tls
}
