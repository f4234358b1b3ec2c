//! Sending email: SMTP through our own pool of connections (smtp.rs) when `SMTP_URL` is set,
//! otherwise a development mailbox that writes each message to `data/mail/` as an `.eml` file
//! and logs its links. lettre builds and signs the messages and speaks SMTP on each connection.
//!
//! Every message carries a `Date`, a `Message-ID` made from its outbox row (so that a message
//! sent again after a crash is recognisably the same one), `Auto-Submitted: auto-generated` on
//! system mail (RFC 3834: no out-of-office replies to a confirmation link), and with `DKIM_*`
//! set a DKIM signature over the headers that matter.

pub mod relay;
pub mod smtp;

use std::num::NonZeroU32;
use std::path::PathBuf;
use std::time::Duration;

use lettre::message::dkim::{
    DkimCanonicalization, DkimCanonicalizationType, DkimConfig, DkimSigningAlgorithm,
    DkimSigningKey,
};
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, header::ContentType};
use lettre::{AsyncFileTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::Dkim;
use crate::db::outbox::{Claimed, MailKind};

pub struct Mailer {
    transport: Transport,
    dkim: Option<DkimConfig>,
}

enum Transport {
    Smtp(Box<smtp::SmtpPool>),
    Files {
        transport: AsyncFileTransport<Tokio1Executor>,
        dir: PathBuf,
        base_url: String,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("building the message: {0}")]
    Build(String),
    #[error("SMTP: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("writing the message: {0}")]
    File(String),
    #[error("SMTP_URL: {0}")]
    Config(String),
    /// The relay could not be reached (or TLS with it failed).
    #[error("SMTP: {0}")]
    Connect(String),
    #[error("SMTP: timed out {0}")]
    Timeout(&'static str),
}

/// How the SMTP pool may use the relay (`SMTP_CONNECTIONS`, `SMTP_MAX_PER_SECOND`).
#[derive(Debug, Clone, Copy)]
pub struct SmtpLimits {
    pub connections: usize,
    pub max_per_second: Option<NonZeroU32>,
}

/// How long connecting, and then each message, may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

impl MailError {
    /// Whether trying again later could help (a refused address will not get better).
    pub fn is_transient(&self) -> bool {
        match self {
            MailError::Build(_) => false,
            MailError::Smtp(e) => !e.is_permanent(),
            MailError::File(_) => true,
            MailError::Config(_) => false,
            MailError::Connect(_) | MailError::Timeout(_) => true,
        }
    }
}

/// The signing configuration for `dkim`, or why its key is unusable.
pub fn dkim_config(dkim: &Dkim) -> Result<DkimConfig, String> {
    let algorithm = if dkim.private_key.contains("-----BEGIN RSA PRIVATE KEY-----") {
        DkimSigningAlgorithm::Rsa
    } else if dkim.private_key.contains("-----BEGIN") {
        return Err("an RSA key must be in PKCS#1 PEM (BEGIN RSA PRIVATE KEY; \
                    `openssl genrsa -traditional`), an Ed25519 key the base64 of its seed"
            .into());
    } else {
        DkimSigningAlgorithm::Ed25519
    };
    let key = DkimSigningKey::new(&dkim.private_key, algorithm)
        .map_err(|e| format!("not a usable private key: {e}"))?;
    // Content-Type is left out: lettre hashes it as it stands before the header is folded for
    // the wire, and the fold (inside its boundary parameter) makes every verifier fail (dkimpy
    // did in our test). RFC 6376 requires only From; the body hash covers the MIME structure.
    let headers = [
        "From",
        "To",
        "Subject",
        "Date",
        "Message-ID",
        "MIME-Version",
        "Auto-Submitted",
        "List-Unsubscribe",
        "List-Unsubscribe-Post",
    ]
    .into_iter()
    .map(HeaderName::new_from_ascii_str)
    .collect();
    // Relaxed both ways: relays that refold a header or trim trailing spaces keep it valid.
    Ok(DkimConfig::new(
        dkim.selector.clone(),
        dkim.domain.clone(),
        key,
        headers,
        DkimCanonicalization {
            header: DkimCanonicalizationType::Relaxed,
            body: DkimCanonicalizationType::Relaxed,
        },
    ))
}

impl Mailer {
    pub fn new(
        smtp_url: Option<&str>,
        limits: SmtpLimits,
        dir: PathBuf,
        base_url: &str,
        dkim: Option<&Dkim>,
    ) -> Result<Mailer, MailError> {
        let dkim = dkim
            .map(dkim_config)
            .transpose()
            .map_err(MailError::Build)?;
        let transport = match smtp_url {
            Some(url) => {
                let relay = relay::Relay::parse(url).map_err(MailError::Config)?;
                Transport::Smtp(Box::new(smtp::SmtpPool::new(
                    relay,
                    limits.connections,
                    limits.max_per_second,
                    SMTP_TIMEOUT,
                )))
            }
            None => {
                std::fs::create_dir_all(&dir)
                    .map_err(|e| MailError::File(format!("{}: {e}", dir.display())))?;
                Transport::Files {
                    transport: AsyncFileTransport::new(&dir),
                    dir,
                    base_url: base_url.to_string(),
                }
            }
        };
        Ok(Mailer { transport, dkim })
    }

    pub async fn send(
        &self,
        from: &Mailbox,
        email: &Claimed,
        files: &[&crate::db::outbox::Attachment],
    ) -> Result<(), MailError> {
        let to: Mailbox = email
            .recipient
            .parse()
            .map_err(|e| MailError::Build(format!("recipient: {e}")))?;
        // One outbox row, one Message-ID, however many times it is sent.
        let domain = from.email.domain();
        let mut builder = Message::builder()
            .from(from.clone())
            .to(to)
            .subject(&email.subject)
            .date_now()
            .message_id(Some(format!("<hastakshar.outbox.{}@{domain}>", email.id)));
        // A delivery pack is correspondence to a member of Parliament, whose office may well
        // answer it; everything else is written by the system.
        if email.kind != MailKind::DeliveryPack.code() {
            builder = builder.raw_header(header("Auto-Submitted", "auto-generated".into())?);
        }
        if let Some(url) = &email.unsubscribe_url {
            // RFC 2369 and RFC 8058: mail clients offer an unsubscribe button that POSTs here.
            builder = builder
                .raw_header(header("List-Unsubscribe", format!("<{url}>"))?)
                .raw_header(header(
                    "List-Unsubscribe-Post",
                    "List-Unsubscribe=One-Click".into(),
                )?);
        }
        let body =
            MultiPart::alternative_plain_html(email.body_text.clone(), email.body_html.clone());
        let body = if files.is_empty() {
            body
        } else {
            let mut mixed = MultiPart::mixed().multipart(body);
            for f in files {
                let kind = ContentType::parse(&f.content_type)
                    .map_err(|e| MailError::Build(format!("attachment type: {e}")))?;
                mixed = mixed
                    .singlepart(Attachment::new(f.filename.clone()).body(f.data.clone(), kind));
            }
            mixed
        };
        let mut message = builder
            .multipart(body)
            .map_err(|e| MailError::Build(e.to_string()))?;
        if let Some(dkim) = &self.dkim {
            message.sign(dkim);
        }
        match &self.transport {
            Transport::Smtp(pool) => {
                pool.send(message.envelope(), &message.formatted()).await?;
            }
            Transport::Files {
                transport,
                dir,
                base_url,
            } => {
                let id = transport
                    .send(message)
                    .await
                    .map_err(|e| MailError::File(e.to_string()))?;
                // Development only (production refuses to start without SMTP_URL): the links are
                // logged so a developer can follow them without opening the file.
                let links: Vec<&str> = email
                    .body_text
                    .split_whitespace()
                    .filter(|w| w.starts_with(base_url.as_str()))
                    .collect();
                tracing::info!(
                    file = %dir.join(format!("{id}.eml")).display(),
                    links = ?links,
                    "development mailbox: email written"
                );
            }
        }
        Ok(())
    }
}

impl Mailer {
    /// Closes the idle SMTP connections politely (QUIT); a no-op for the development mailbox.
    pub async fn close(&self) {
        if let Transport::Smtp(pool) = &self.transport {
            pool.close().await;
        }
    }
}

fn header(name: &str, value: String) -> Result<HeaderValue, MailError> {
    let name = HeaderName::new_from_ascii(name.to_string())
        .map_err(|e| MailError::Build(format!("header {name}: {e}")))?;
    Ok(HeaderValue::new(name, value))
}
