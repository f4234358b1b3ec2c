//! Settings: read once from the environment (and `.env`), checked at start-up with messages that
//! name the variable at fault.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use ipnet::IpNet;
use rand::RngCore;

mod mail;
mod privacy;
pub use mail::{DEFAULT_SMTP_CONNECTIONS, Dkim, MAX_SMTP_CONNECTIONS};
use mail::{dkim_from_env, smtp_connections, smtp_max_per_second, smtp_sends_credentials_in_clear};
pub use privacy::Privacy;
use privacy::{data_keys_from_env, privacy_from_env};

#[derive(Debug, thiserror::Error)]
#[error("configuration: {var}: {message}")]
pub struct ConfigError {
    pub var: &'static str,
    pub message: String,
}

fn err(var: &'static str, message: impl Into<String>) -> ConfigError {
    ConfigError {
        var,
        message: message.into(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Environment {
    Development,
    Production,
}

#[derive(Debug, Clone)]
pub struct Captcha {
    pub sitekey: String,
    pub secret: String,
    pub verify_url: String,
}

/// How many signing attempts one client address may make: a burst, refilled at a sustained rate.
#[derive(Debug, Clone, Copy)]
pub struct SignRate {
    pub burst: u32,
    pub per_hour: u32,
}

#[derive(Clone)]
pub struct Settings {
    pub env: Environment,
    pub database_url: String,
    pub pool_size: u32,
    pub bind: String,
    pub base_url: String,
    pub smtp_url: Option<String>,
    /// SMTP connections one worker keeps open to the relay at most, and so emails in flight at
    /// once (`SMTP_CONNECTIONS`).
    pub smtp_connections: usize,
    /// Emails one worker sends a second at most, the relay's own limit (`SMTP_MAX_PER_SECOND`;
    /// none by default). Each worker process has this budget of its own.
    pub smtp_max_per_second: Option<std::num::NonZeroU32>,
    pub mail_from: String,
    pub mail_dir: PathBuf,
    pub captcha: Option<Captcha>,
    pub trusted_proxies: Vec<IpNet>,
    pub secret_key: Vec<u8>,
    pub sign_rate: SignRate,
    /// Login, signup and reset attempts per client address; per account from one network; and
    /// per account from anywhere (past which the captcha is asked for).
    pub account_ip_rate: SignRate,
    pub account_rate: SignRate,
    pub account_any_rate: SignRate,
    /// Confirmed supporters a new petition needs before it goes to moderation.
    pub supporters_needed: i64,
    /// The furthest ahead a new petition's closing date may be, in days.
    pub max_petition_days: i64,
    /// How often the in-process worker looks for work when it found none.
    pub worker_tick: Duration,
    /// First retry delay of a failed email; doubles with each attempt.
    pub retry_base: Duration,
    /// How long a rendered petition page and a loaded petition may be served again (0: never).
    pub page_cache: Duration,
    /// How long browsers and shared caches (a CDN) may keep a public page or the public API,
    /// and serve it stale while they fetch it again (`CACHE_MAX_AGE_SECS`, `CACHE_STALE_SECS`).
    pub public_cache: crate::web::encoded::Freshness,
    /// How many times one signer can make the site send them the same confirmation again.
    pub max_confirmation_sends: i32,
    /// How long a link to confirm a signature works (`CONFIRM_LINK_DAYS`).
    pub confirm_link_ttl: chrono::Duration,
    /// `/metrics` only with `Authorization: Bearer` this token (`METRICS_TOKEN`).
    pub metrics_token: Option<String>,
    /// `/metrics` on this address alone, not on `BIND` (`METRICS_BIND`).
    pub metrics_bind: Option<String>,
    /// How long a request body may take to arrive once its headers have (`BODY_TIMEOUT_MS`).
    pub body_timeout: Duration,
    /// How long a zip of packs is kept before it is deleted (`EXPORT_RETENTION_HOURS`).
    pub export_retention: Duration,
    /// Zips of packs made at once in one process (`ZIP_JOBS_MAX`); more wait their turn.
    pub zip_jobs_max: usize,
    /// Where zips of packs are written.
    pub exports_dir: PathBuf,
    pub log_json: bool,
    /// Signals and rules on each signature (`INTEGRITY_CHECKS`, on unless `off`: off exists
    /// only to measure what they cost).
    pub integrity_checks: bool,
    /// A petition spikes when its last five minutes run at `SPIKE_MULTIPLE` times its trailing
    /// hour and at least `SPIKE_FLOOR_PER_MINUTE` signatures a minute.
    pub spike: crate::integrity::spike::Threshold,
    /// How often the worker looks for spikes (`SPIKE_CHECK_SECS`).
    pub spike_check: Duration,
    /// How long a request waits for a database connection before the site answers 503
    /// (`DATABASE_WAIT_MS`): while the database is down, pages fail fast instead of hanging.
    pub pool_wait: Duration,
    /// How long a worker holds the emails it claimed (`MAIL_LEASE_SECS`): a worker that dies
    /// holding them frees them when it runs out, for another to send.
    pub mail_lease: Duration,
    /// DKIM signing of every email (`DKIM_DOMAIN`, `DKIM_SELECTOR`, `DKIM_PRIVATE_KEY` or
    /// `DKIM_PRIVATE_KEY_FILE`).
    pub dkim: Option<Dkim>,
    /// The key that signs bounce and complaint reports to `POST /hooks/mail-events`
    /// (`MAIL_EVENTS_SECRET`); without it the hook is off.
    pub mail_events_secret: Option<String>,
    /// On SIGTERM, how long a server keeps answering as usual while saying not ready, before it
    /// stops taking connections (`SHUTDOWN_DRAIN_MS`).
    pub shutdown_drain: Duration,
    /// Who holds signers' data, and how long it is kept (`src/config/privacy.rs`).
    pub privacy: Privacy,
    /// The keys that seal signers' data at rest (`DATA_KEY`, `DATA_KEYS_RETIRED`).
    pub data_keys: crate::seal::Keys,
}

impl std::fmt::Debug for Settings {
    // Never print secrets or credentials (SMTP_URL may carry a password).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("env", &self.env)
            .field("bind", &self.bind)
            .field("base_url", &self.base_url)
            .field("smtp", &self.smtp_url.is_some())
            .field("captcha", &self.captcha.is_some())
            .finish_non_exhaustive()
    }
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/hastakshar.db";
pub const DEFAULT_VERIFY_URL: &str = "https://api.hcaptcha.com/siteverify";

fn var(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn parse_num<T: std::str::FromStr>(name: &'static str, default: T) -> Result<T, ConfigError> {
    match var(name) {
        None => Ok(default),
        Some(v) => v
            .parse()
            .map_err(|_| err(name, format!("expected a whole number, got {v:?}"))),
    }
}

/// A whole number of seconds no larger than `max`: a public page's count must not stay stale
/// in caches for long.
fn at_most(name: &'static str, default: u64, max: u64) -> Result<u64, ConfigError> {
    let n = parse_num(name, default)?;
    if n > max {
        return Err(err(name, format!("at most {max} seconds, got {n}")));
    }
    Ok(n)
}

impl Settings {
    /// Reads the process environment (after loading `.env` if present).
    pub fn from_env() -> Result<Settings, ConfigError> {
        let _ = dotenvy::dotenv();
        let env = match var("HASTAKSHAR_ENV").as_deref() {
            None | Some("development") => Environment::Development,
            Some("production") => Environment::Production,
            Some(other) => {
                return Err(err(
                    "HASTAKSHAR_ENV",
                    format!("expected development or production, got {other:?}"),
                ));
            }
        };
        let database_url = var("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into());
        check_database_url(&database_url)?;
        let bind = var("BIND").unwrap_or_else(|| "127.0.0.1:8080".into());
        bind.parse::<SocketAddr>()
            .map_err(|_| err("BIND", format!("expected host:port, got {bind:?}")))?;
        let base_url = site_url(
            "BASE_URL",
            &var("BASE_URL").unwrap_or_else(|| "http://127.0.0.1:8080".into()),
        )?;
        let smtp_url = var("SMTP_URL");
        if let Some(u) = &smtp_url {
            let p = url::Url::parse(u).map_err(|_| err("SMTP_URL", "not a URL"))?;
            if !matches!(p.scheme(), "smtp" | "smtps") {
                return Err(err("SMTP_URL", "expected smtp://... or smtps://..."));
            }
            crate::mail::relay::Relay::parse(u).map_err(|e| err("SMTP_URL", e))?;
        }
        let smtp_connections = smtp_connections(var("SMTP_CONNECTIONS").as_deref())?;
        let smtp_max_per_second = smtp_max_per_second(var("SMTP_MAX_PER_SECOND").as_deref())?;
        let mail_from = var("MAIL_FROM").unwrap_or_else(|| "Hastakshar <noreply@localhost>".into());
        mail_from
            .parse::<lettre::message::Mailbox>()
            .map_err(|e| err("MAIL_FROM", format!("not a mailbox: {e}")))?;
        let captcha = match (var("HCAPTCHA_SITEKEY"), var("HCAPTCHA_SECRET")) {
            (Some(sitekey), Some(secret)) => Some(Captcha {
                sitekey,
                secret,
                verify_url: var("HCAPTCHA_VERIFY_URL").unwrap_or_else(|| DEFAULT_VERIFY_URL.into()),
            }),
            (None, None) => None,
            (Some(_), None) => {
                return Err(err("HCAPTCHA_SECRET", "set HCAPTCHA_SITEKEY without it"));
            }
            (None, Some(_)) => {
                return Err(err("HCAPTCHA_SITEKEY", "set HCAPTCHA_SECRET without it"));
            }
        };
        if let Some(c) = &captcha {
            url::Url::parse(&c.verify_url)
                .map_err(|_| err("HCAPTCHA_VERIFY_URL", "not an absolute URL"))?;
            uuid::Uuid::parse_str(&c.sitekey)
                .map_err(|_| err("HCAPTCHA_SITEKEY", "not an hCaptcha site key (a UUID)"))?;
        }
        let trusted_proxies = parse_proxies(var("TRUSTED_PROXIES").as_deref().unwrap_or(""))?;
        let secret_key = match var("SECRET_KEY") {
            Some(k) if k.len() >= 32 => k.into_bytes(),
            Some(_) => return Err(err("SECRET_KEY", "must be at least 32 characters")),
            None if env == Environment::Production => {
                return Err(err("SECRET_KEY", "required in production"));
            }
            None => development_secret()?,
        };
        let metrics_bind = var("METRICS_BIND");
        if let Some(b) = &metrics_bind {
            b.parse::<SocketAddr>()
                .map_err(|_| err("METRICS_BIND", format!("expected host:port, got {b:?}")))?;
        }
        let settings = Settings {
            env,
            database_url,
            pool_size: parse_num("DATABASE_POOL_SIZE", 10u32)?.max(1),
            bind,
            base_url,
            smtp_url,
            smtp_connections,
            smtp_max_per_second,
            mail_from,
            mail_dir: PathBuf::from("data/mail"),
            captcha,
            trusted_proxies,
            secret_key,
            sign_rate: SignRate {
                burst: parse_num("SIGN_RATE_BURST", 10u32)?.max(1),
                per_hour: parse_num("SIGN_RATE_PER_HOUR", 120u32)?.max(1),
            },
            account_ip_rate: SignRate {
                burst: parse_num("ACCOUNT_RATE_BURST", 20u32)?.max(1),
                per_hour: parse_num("ACCOUNT_RATE_PER_HOUR", 100u32)?.max(1),
            },
            account_rate: SignRate {
                burst: 10,
                per_hour: 30,
            },
            account_any_rate: SignRate {
                burst: 30,
                per_hour: 100,
            },
            supporters_needed: parse_num("SUPPORTERS_NEEDED", 5i64)?.max(0),
            max_petition_days: parse_num("PETITION_MAX_DAYS", 183i64)?.max(1),
            worker_tick: Duration::from_millis(parse_num("WORKER_TICK_MS", 500u64)?.max(10)),
            retry_base: Duration::from_millis(parse_num("MAIL_RETRY_BASE_MS", 30_000u64)?.max(10)),
            page_cache: Duration::from_millis(parse_num("PAGE_CACHE_MS", 1000u64)?),
            public_cache: crate::web::encoded::Freshness {
                max_age: Duration::from_secs(at_most("CACHE_MAX_AGE_SECS", 5, 3600)?),
                stale: Duration::from_secs(at_most("CACHE_STALE_SECS", 60, 86_400)?),
            },
            max_confirmation_sends: 3,
            confirm_link_ttl: chrono::Duration::days(
                parse_num("CONFIRM_LINK_DAYS", 14i64)?.clamp(1, 3650),
            ),
            metrics_token: var("METRICS_TOKEN"),
            metrics_bind,
            body_timeout: Duration::from_millis(parse_num("BODY_TIMEOUT_MS", 10_000u64)?.max(100)),
            export_retention: Duration::from_secs(
                parse_num("EXPORT_RETENTION_HOURS", 24u64)?.max(1) * 3600,
            ),
            zip_jobs_max: parse_num("ZIP_JOBS_MAX", 2usize)?.max(1),
            integrity_checks: match var("INTEGRITY_CHECKS").as_deref() {
                None | Some("on") => true,
                Some("off") => false,
                Some(v) => {
                    return Err(err(
                        "INTEGRITY_CHECKS",
                        format!("expected on or off, got {v:?}"),
                    ));
                }
            },
            spike: crate::integrity::spike::Threshold {
                multiple: parse_num("SPIKE_MULTIPLE", 5u32)?.max(1).into(),
                floor: parse_num("SPIKE_FLOOR_PER_MINUTE", 20u32)?.max(1).into(),
            },
            spike_check: Duration::from_secs(parse_num("SPIKE_CHECK_SECS", 30u64)?.max(1)),
            exports_dir: PathBuf::from("data/exports"),
            log_json: env == Environment::Production,
            pool_wait: Duration::from_millis(parse_num("DATABASE_WAIT_MS", 5_000u64)?.max(100)),
            mail_lease: Duration::from_secs(parse_num("MAIL_LEASE_SECS", 300u64)?.max(1)),
            dkim: dkim_from_env()?,
            shutdown_drain: Duration::from_millis(parse_num("SHUTDOWN_DRAIN_MS", 3_000u64)?),
            mail_events_secret: match var("MAIL_EVENTS_SECRET") {
                Some(s) if s.len() < 16 => {
                    return Err(err("MAIL_EVENTS_SECRET", "must be at least 16 characters"));
                }
                s => s,
            },
            privacy: privacy_from_env(env)?,
            data_keys: data_keys_from_env(env)?,
        };
        if env == Environment::Production {
            settings.check_production()?;
        }
        Ok(settings)
    }

    /// Production refuses settings that are only safe on a developer's machine, and weak ones
    /// that would pass unnoticed: each refusal names the variable to mend.
    pub fn check_production(&self) -> Result<(), ConfigError> {
        let Some(captcha) = &self.captcha else {
            return Err(err(
                "HCAPTCHA_SITEKEY",
                "hCaptcha keys are required in production",
            ));
        };
        if !captcha.verify_url.starts_with("https://") {
            return Err(err(
                "HCAPTCHA_VERIFY_URL",
                "must be https:// in production (the secret travels with every check)",
            ));
        }
        let Some(smtp) = &self.smtp_url else {
            return Err(err("SMTP_URL", "required in production"));
        };
        if smtp_sends_credentials_in_clear(smtp) {
            return Err(err(
                "SMTP_URL",
                "has a user name or password but no TLS: use smtps://... or add ?tls=required",
            ));
        }
        if !self.base_url.starts_with("https://") {
            return Err(err("BASE_URL", "must be https:// in production"));
        }
        if weak_secret(&self.secret_key) {
            return Err(err(
                "SECRET_KEY",
                "too predictable: use a random value, for example 64 hexadecimal digits",
            ));
        }
        if let Some(net) = self.trusted_proxies.iter().find(|n| too_broad(n)) {
            return Err(err(
                "TRUSTED_PROXIES",
                format!("{net} is too broad: any client in it could forge its address"),
            ));
        }
        Ok(())
    }

    pub fn is_production(&self) -> bool {
        self.env == Environment::Production
    }

    /// Settings for tests and tools: development defaults, no environment read.
    pub fn for_tests(database_url: &str) -> Settings {
        Settings {
            env: Environment::Development,
            database_url: database_url.to_string(),
            pool_size: 8,
            bind: "127.0.0.1:0".into(),
            base_url: "http://127.0.0.1:8080".into(),
            smtp_url: None,
            smtp_connections: DEFAULT_SMTP_CONNECTIONS,
            smtp_max_per_second: None,
            mail_from: "Hastakshar <noreply@localhost>".into(),
            mail_dir: PathBuf::from("data/mail"),
            captcha: None,
            trusted_proxies: Vec::new(),
            secret_key: vec![7u8; 32],
            sign_rate: SignRate {
                burst: 1000,
                per_hour: 100_000,
            },
            account_ip_rate: SignRate {
                burst: 1000,
                per_hour: 100_000,
            },
            account_rate: SignRate {
                burst: 1000,
                per_hour: 100_000,
            },
            account_any_rate: SignRate {
                burst: 1000,
                per_hour: 100_000,
            },
            supporters_needed: 5,
            max_petition_days: 183,
            worker_tick: Duration::from_millis(50),
            retry_base: Duration::from_millis(100),
            page_cache: Duration::ZERO,
            public_cache: crate::web::encoded::Freshness {
                max_age: Duration::from_secs(5),
                stale: Duration::from_secs(60),
            },
            max_confirmation_sends: 3,
            confirm_link_ttl: chrono::Duration::days(14),
            metrics_token: None,
            metrics_bind: None,
            body_timeout: Duration::from_secs(10),
            export_retention: Duration::from_secs(24 * 3600),
            zip_jobs_max: 2,
            integrity_checks: true,
            spike: crate::integrity::spike::Threshold {
                multiple: 5.0,
                floor: 20.0,
            },
            spike_check: Duration::from_millis(200),
            exports_dir: PathBuf::from("data/exports"),
            log_json: false,
            pool_wait: Duration::from_secs(5),
            mail_lease: Duration::from_secs(300),
            dkim: None,
            mail_events_secret: None,
            shutdown_drain: Duration::ZERO,
            privacy: Privacy::for_tests(),
            data_keys: crate::seal::Keys::new(&[9u8; 32], &[]),
        }
    }
}

/// A secret with few distinct characters (`aaaa...`, `abababab...`) is guessable whatever its
/// length.
fn weak_secret(key: &[u8]) -> bool {
    let distinct: std::collections::HashSet<&u8> = key.iter().collect();
    distinct.len() < 8
}

/// A trusted range so wide that it takes in the public: every address, or a sizeable share of
/// the Internet.
fn too_broad(net: &IpNet) -> bool {
    match net {
        IpNet::V4(n) => n.prefix_len() < 8,
        IpNet::V6(n) => n.prefix_len() < 16,
    }
}

/// The site's public address as links start with it: an absolute http(s) URL, without a
/// trailing slash. `what` names where it came from, for the message.
pub fn site_url(what: &'static str, url: &str) -> Result<String, ConfigError> {
    let parsed =
        url::Url::parse(url).map_err(|e| err(what, format!("not an absolute URL: {e}")))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
        return Err(err(what, "expected an http:// or https:// URL"));
    }
    Ok(url.trim_end_matches('/').to_string())
}

fn check_database_url(url: &str) -> Result<(), ConfigError> {
    if url.starts_with("sqlite://")
        || url.starts_with("postgres://")
        || url.starts_with("postgresql://")
    {
        Ok(())
    } else {
        Err(err(
            "DATABASE_URL",
            "expected sqlite://PATH or postgres://...",
        ))
    }
}

/// `TRUSTED_PROXIES`: comma-separated addresses or CIDR ranges.
pub fn parse_proxies(s: &str) -> Result<Vec<IpNet>, ConfigError> {
    s.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            p.parse::<IpNet>()
                .or_else(|_| p.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| {
                    err(
                        "TRUSTED_PROXIES",
                        format!("{p:?} is not an address or CIDR range"),
                    )
                })
        })
        .collect()
}

/// In development a random key is made once and kept in `data/secret_key`, so cookies survive
/// restarts without anyone having to configure anything.
fn development_secret() -> Result<Vec<u8>, ConfigError> {
    let path = PathBuf::from("data/secret_key");
    if let Ok(k) = std::fs::read_to_string(&path)
        && k.trim().len() >= 32
    {
        return Ok(k.trim().as_bytes().to_vec());
    }
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let key = hex::encode(bytes);
    std::fs::create_dir_all("data")
        .and_then(|_| std::fs::write(&path, &key))
        .map_err(|e| err("SECRET_KEY", format!("cannot write data/secret_key: {e}")))?;
    Ok(key.into_bytes())
}

#[cfg(test)]
mod tests;
