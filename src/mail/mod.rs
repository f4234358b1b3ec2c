//! Sending email: SMTP through lettre when `SMTP_URL` is set, otherwise a development mailbox
//! that writes each message to `data/mail/` as an `.eml` file and logs its links.

use std::path::PathBuf;
use std::time::Duration;

use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, header::ContentType};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::db::outbox::Claimed;

pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
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
}

impl MailError {
    /// Whether trying again later could help (a refused address will not get better).
    pub fn is_transient(&self) -> bool {
        match self {
            MailError::Build(_) => false,
            MailError::Smtp(e) => !e.is_permanent(),
            MailError::File(_) => true,
        }
    }
}

impl Mailer {
    pub fn new(smtp_url: Option<&str>, dir: PathBuf, base_url: &str) -> Result<Mailer, MailError> {
        match smtp_url {
            Some(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?
                    .timeout(Some(Duration::from_secs(30)))
                    .build();
                Ok(Mailer::Smtp(transport))
            }
            None => {
                std::fs::create_dir_all(&dir)
                    .map_err(|e| MailError::File(format!("{}: {e}", dir.display())))?;
                Ok(Mailer::Files {
                    transport: AsyncFileTransport::new(&dir),
                    dir,
                    base_url: base_url.to_string(),
                })
            }
        }
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
        let mut builder = Message::builder()
            .from(from.clone())
            .to(to)
            .subject(&email.subject)
            .message_id(None);
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
        let message = builder
            .multipart(body)
            .map_err(|e| MailError::Build(e.to_string()))?;
        match self {
            Mailer::Smtp(t) => {
                t.send(message).await?;
            }
            Mailer::Files {
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

fn header(name: &str, value: String) -> Result<HeaderValue, MailError> {
    let name = HeaderName::new_from_ascii(name.to_string())
        .map_err(|e| MailError::Build(format!("header {name}: {e}")))?;
    Ok(HeaderValue::new(name, value))
}
