//! hCaptcha: the token from the sign form is verified server-side, at `HCAPTCHA_VERIFY_URL`,
//! before anything is written.

use std::time::Duration;

use crate::config;

#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    Passed,
    Refused,
    /// siteverify could not be asked (down, slow, or answering nonsense).
    Unavailable,
}

pub struct Verifier {
    client: hcaptcha::Client,
    secret: String,
    pub sitekey: String,
    /// The host of `BASE_URL`: a token solved on any other site is refused.
    hostname: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("HCAPTCHA_VERIFY_URL: {0}")]
    VerifyUrl(#[from] url::ParseError),
    #[error("HCAPTCHA_SITEKEY: not an hCaptcha site key (expected a UUID)")]
    Sitekey,
    #[error("BASE_URL: no host name")]
    Host,
}

impl Verifier {
    pub fn new(c: &config::Captcha, base_url: &str) -> Result<Verifier, SetupError> {
        // Checked once here, so that a bad key fails the start, not every signature.
        hcaptcha::Captcha::new("probe")
            .and_then(|mut probe| probe.set_sitekey(&c.sitekey))
            .map_err(|_| SetupError::Sitekey)?;
        let hostname = url::Url::parse(base_url)?
            .host_str()
            .ok_or(SetupError::Host)?
            .to_ascii_lowercase();
        Ok(Verifier {
            client: hcaptcha::Client::new_with(&c.verify_url)?,
            secret: c.secret.clone(),
            sitekey: c.sitekey.clone(),
            hostname,
        })
    }

    pub async fn verify(&self, token: &str) -> Verdict {
        if token.trim().is_empty() || token.len() > 10_000 {
            return Verdict::Refused;
        }
        let Ok(captcha) = hcaptcha::Captcha::new(token) else {
            return Verdict::Refused;
        };
        // The signer's address is not sent: the widget already talks to hCaptcha from their
        // browser, and we pass on no personal data we need not.
        // The site key goes along, so hCaptcha refuses a token solved for another site's key.
        let Ok(request) = hcaptcha::Request::new(&self.secret, captcha)
            .and_then(|r| r.set_sitekey(&self.sitekey))
        else {
            return Verdict::Unavailable;
        };
        let check = self.client.verify_request(request);
        match tokio::time::timeout(Duration::from_secs(8), check).await {
            Err(_) => Verdict::Unavailable,
            Ok(Ok(response)) if response.success() => {
                // And the page it was solved on must be ours.
                let here = response
                    .hostname()
                    .is_some_and(|h| h.eq_ignore_ascii_case(&self.hostname));
                if here {
                    Verdict::Passed
                } else {
                    tracing::warn!("hCaptcha token solved on another host name: refused");
                    Verdict::Refused
                }
            }
            Ok(Ok(_)) | Ok(Err(hcaptcha::Error::Codes(_))) => Verdict::Refused,
            Ok(Err(e)) => {
                tracing::warn!(error = %e, "hCaptcha siteverify unavailable");
                Verdict::Unavailable
            }
        }
    }
}
