//! Where the SMTP relay is and how to talk to it, read from `SMTP_URL` exactly as lettre 0.11's
//! `AsyncSmtpTransport::from_url` read it (so existing settings keep working):
//!
//! | URL | connection | default port |
//! | --- | --- | --- |
//! | `smtps://user:pass@host` (any `tls=`) | TLS from the first byte | 465 |
//! | `smtp://host?tls=required` | STARTTLS, refused without it | 587 |
//! | `smtp://host?tls=opportunistic` | STARTTLS when offered | 587 |
//! | `smtp://host` | plain | 25 |
//!
//! A path (`smtp://host/mail.example.org`) is the name sent with EHLO instead of this machine's
//! host name; a password in the URL, with its user name, is percent-decoded and used with AUTH
//! PLAIN or LOGIN.

use std::sync::Arc;

use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::TlsParameters;
use lettre::transport::smtp::extension::ClientId;
use tokio_rustls::rustls;

/// lettre's `SMTP_PORT`, `SUBMISSION_PORT` and `SUBMISSIONS_PORT`.
const SMTP_PORT: u16 = 25;
const SUBMISSION_PORT: u16 = 587;
const SUBMISSIONS_PORT: u16 = 465;

/// The relay named by `SMTP_URL`.
#[derive(Clone)]
pub struct Relay {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub hello: ClientId,
    pub credentials: Option<Credentials>,
}

#[derive(Clone)]
pub enum Security {
    Plain,
    /// STARTTLS when the relay offers it.
    Opportunistic(TlsParameters),
    /// STARTTLS or no mail.
    Required(TlsParameters),
    /// Implicit TLS (`smtps://`): the handshake comes before the relay's greeting.
    Wrapper(Wrapper),
}

/// What implicit TLS needs: rustls with the Mozilla roots (webpki-roots), as lettre built it.
#[derive(Clone)]
pub struct Wrapper {
    pub connector: tokio_rustls::TlsConnector,
    pub server_name: rustls::pki_types::ServerName<'static>,
}

impl std::fmt::Debug for Relay {
    /// Never the credentials.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let security = match self.security {
            Security::Plain => "plain",
            Security::Opportunistic(_) => "starttls-opportunistic",
            Security::Required(_) => "starttls-required",
            Security::Wrapper(_) => "implicit-tls",
        };
        f.debug_struct("Relay")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &security)
            .field("credentials", &self.credentials.is_some())
            .finish()
    }
}

impl Relay {
    /// Reads `SMTP_URL`; the error says what is wrong without repeating the URL (it may hold a
    /// password).
    pub fn parse(url: &str) -> Result<Relay, String> {
        let url = url::Url::parse(url).map_err(|e| format!("not a URL ({e})"))?;
        let tls: Option<String> = url
            .query_pairs()
            .find(|(k, _)| k == "tls")
            .map(|(_, v)| v.to_string());
        let host = url
            .host_str()
            .ok_or_else(|| "no host".to_string())?
            .to_string();
        let starttls = || TlsParameters::new(host.clone()).map_err(|e| format!("TLS: {e}"));
        let (port, security) = match (url.scheme(), tls.as_deref()) {
            ("smtp", None) => (SMTP_PORT, Security::Plain),
            ("smtp", Some("required")) => (SUBMISSION_PORT, Security::Required(starttls()?)),
            ("smtp", Some("opportunistic")) => {
                (SUBMISSION_PORT, Security::Opportunistic(starttls()?))
            }
            ("smtps", _) => (SUBMISSIONS_PORT, Security::Wrapper(wrapper(&host)?)),
            ("smtp", Some(other)) => {
                return Err(format!(
                    "tls={other:?}: expected tls=required or tls=opportunistic"
                ));
            }
            (scheme, _) => return Err(format!("scheme {scheme:?}: expected smtp or smtps")),
        };
        let port = url.port().unwrap_or(port);
        let hello = if url.path().len() > 1 {
            ClientId::Domain(url.path().trim_matches('/').to_owned())
        } else {
            ClientId::default()
        };
        let credentials = match url.password() {
            Some(password) => {
                let decode = |s: &str| {
                    percent_encoding::percent_decode_str(s)
                        .decode_utf8()
                        .map(|s| s.into_owned())
                        .map_err(|_| "the user name or password is not UTF-8 once decoded")
                };
                Some(Credentials::new(decode(url.username())?, decode(password)?))
            }
            None => None,
        };
        Ok(Relay {
            host,
            port,
            security,
            hello,
            credentials,
        })
    }
}

fn wrapper(host: &str) -> Result<Wrapper, String> {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS: {e}"))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    let server_name = rustls::pki_types::ServerName::try_from(host.to_string())
        .map_err(|_| "the host is not a valid name for TLS".to_string())?;
    Ok(Wrapper {
        connector: tokio_rustls::TlsConnector::from(Arc::new(config)),
        server_name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(r: &Relay) -> &'static str {
        match r.security {
            Security::Plain => "plain",
            Security::Opportunistic(_) => "opportunistic",
            Security::Required(_) => "required",
            Security::Wrapper(_) => "wrapper",
        }
    }

    #[test]
    fn reads_smtp_urls_as_lettre_did() {
        let cases = [
            ("smtp://127.0.0.1", 25, "plain"),
            ("smtp://127.0.0.1:2525", 2525, "plain"),
            ("smtp://mail.example?tls=required", 587, "required"),
            (
                "smtp://mail.example:25?tls=opportunistic",
                25,
                "opportunistic",
            ),
            ("smtps://mail.example", 465, "wrapper"),
            ("smtps://mail.example:2465?tls=required", 2465, "wrapper"),
        ];
        for (url, port, security) in cases {
            let r = Relay::parse(url).unwrap();
            assert_eq!((r.port, kind(&r)), (port, security), "{url}");
            assert!(r.credentials.is_none(), "{url}");
        }
    }

    #[test]
    fn credentials_are_percent_decoded_and_need_a_password() {
        let r = Relay::parse("smtps://user%40example.org:p%2Fss%20word@mail.example").unwrap();
        let expected = Credentials::new("user@example.org".into(), "p/ss word".into());
        assert!(r.credentials == Some(expected));
        // lettre took credentials only with a password.
        assert!(
            Relay::parse("smtp://user@mail.example")
                .unwrap()
                .credentials
                .is_none()
        );
    }

    #[test]
    fn the_path_is_the_ehlo_name() {
        let r = Relay::parse("smtp://mail.example/relay.example.org").unwrap();
        assert_eq!(r.hello, ClientId::Domain("relay.example.org".into()));
        assert_eq!(
            Relay::parse("smtp://mail.example/").unwrap().hello,
            ClientId::default()
        );
    }

    #[test]
    fn refuses_what_lettre_refused_without_echoing_secrets() {
        for url in [
            "smtp://u:secret@mail.example?tls=always",
            "http://u:secret@mail.example",
            "smtp:///nohost",
            "nonsense",
        ] {
            let e = Relay::parse(url)
                .err()
                .unwrap_or_else(|| panic!("{url} accepted"));
            assert!(!e.contains("secret"), "{e}");
        }
    }
}
