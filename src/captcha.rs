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
}

impl Verifier {
    pub fn new(c: &config::Captcha) -> Result<Verifier, url::ParseError> {
        Ok(Verifier {
            client: hcaptcha::Client::new_with(&c.verify_url)?,
            secret: c.secret.clone(),
            sitekey: c.sitekey.clone(),
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
        let Ok(request) = hcaptcha::Request::new(&self.secret, captcha) else {
            return Verdict::Unavailable;
        };
        let check = self.client.verify_request(request);
        match tokio::time::timeout(Duration::from_secs(8), check).await {
            Err(_) => Verdict::Unavailable,
            Ok(Ok(response)) if response.success() => Verdict::Passed,
            Ok(Ok(_)) | Ok(Err(hcaptcha::Error::Codes(_))) => Verdict::Refused,
            Ok(Err(e)) => {
                tracing::warn!(error = %e, "hCaptcha siteverify unavailable");
                Verdict::Unavailable
            }
        }
    }
}
