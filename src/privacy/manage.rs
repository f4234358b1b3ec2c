//! "Manage my signature": a link that lets whoever holds it see, change, download and erase
//! every signature of one address, without an account. The link names the address sealed
//! (`seal::Keys::seal`, which reveals nothing without the data key) and when it stops working,
//! under a MAC made with `SECRET_KEY`: nothing is stored to make one, so every email to a signer
//! can carry its own, written before the signature it confirms is stored. Because the address
//! itself is in it (not one key's blind index), a link keeps working while keys rotate and finds
//! rows stored before encryption: its actions look for every form of the address's index.
//! Opening it changes nothing; each action is a button (a POST), audited.

use crate::i18n::Lang;
use crate::seal::Keys;
use crate::tokens;
use crate::views::email::To;

/// What an email to a signer needs for its footer: the site, the keys, and how long the
/// "manage my signature" link works.
#[derive(Clone)]
pub struct SignerMail {
    pub base_url: String,
    pub secret_key: Vec<u8>,
    pub keys: Keys,
    pub hours: i64,
    /// Whether a signature may be stored under another form of its address's index than the
    /// current key's (a retired key's, or the plain address from before encryption), which
    /// signing must then look for too. True until `older_forms_checked` finds none.
    older_forms: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl SignerMail {
    pub fn new(settings: &crate::config::Settings) -> SignerMail {
        SignerMail {
            base_url: settings.base_url.clone(),
            secret_key: settings.secret_key.clone(),
            keys: settings.data_keys.clone(),
            hours: settings.privacy.manage_link_hours,
            older_forms: std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true)),
        }
    }

    /// See `older_forms`.
    pub fn older_forms(&self) -> bool {
        self.older_forms.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Says whether older forms may exist: while keys are retired (a rotation) or signatures
    /// from before encryption are left (`unsealed`). A process that starts checks at once and
    /// then every minute; a signature stored unsealed meanwhile (only by a binary from before
    /// encryption, during its upgrade) could sign its address a second time until the next
    /// check, and the worker that seals it counts and reports such a pair.
    pub fn older_forms_checked(&self, unsealed: bool) {
        let older = unsealed || !self.keys.retired_ids().is_empty();
        self.older_forms
            .store(older, std::sync::atomic::Ordering::Relaxed);
    }

    /// The footer of an email to the signer of `canonical` (an `EmailAddress::canonical`).
    pub fn to(&self, lang: Lang, canonical: &str) -> To {
        let link = ManageLink::new(&self.keys.seal(canonical), self.hours);
        To::signer(
            lang,
            &self.base_url,
            link.url(&self.base_url, lang, &self.secret_key),
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManageLink {
    /// The canonical address, sealed (`Keys::open` gives it back).
    pub address: String,
    /// Seconds since the epoch after which the link no longer works.
    pub expires: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkProblem {
    /// Not one of ours (or altered): 404.
    Unknown,
    /// Ours, but too old: the page offers to send a new one to the same inbox.
    Expired(String),
}

fn message(address: &str, expires: i64) -> String {
    format!("manage:{address}:{expires}")
}

impl ManageLink {
    pub fn new(address: &str, hours: i64) -> ManageLink {
        ManageLink {
            address: address.to_string(),
            expires: chrono::Utc::now().timestamp() + hours * 3600,
        }
    }

    /// The local path of this link, with its MAC.
    pub fn path(&self, key: &[u8]) -> String {
        let mac = tokens::mac(key, &message(&self.address, self.expires));
        format!("/my-data/{}/{}/{mac}", self.address, self.expires)
    }

    /// The full link in `lang`, for an email.
    pub fn url(&self, base_url: &str, lang: Lang, key: &[u8]) -> String {
        format!("{base_url}{}", lang.url(&self.path(key)))
    }

    /// The link a request's path segments make, if the MAC is ours and it has not expired.
    pub fn check(
        key: &[u8],
        address: &str,
        expires: &str,
        mac: &str,
    ) -> Result<ManageLink, LinkProblem> {
        let well_formed = address.len() <= 512
            && address
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
        let Ok(expires) = expires.parse::<i64>() else {
            return Err(LinkProblem::Unknown);
        };
        if !well_formed || !tokens::mac_matches(key, &message(address, expires), mac) {
            return Err(LinkProblem::Unknown);
        }
        if expires < chrono::Utc::now().timestamp() {
            return Err(LinkProblem::Expired(address.to_string()));
        }
        Ok(ManageLink {
            address: address.to_string(),
            expires,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_works_until_it_expires_and_only_as_made() {
        let key = [3u8; 32];
        let a = "hk1.0a1b2c3d.c2VhbGVk";
        let link = ManageLink::new(a, 1);
        let path = link.path(&key);
        let parts: Vec<&str> = path.trim_start_matches("/my-data/").split('/').collect();
        assert_eq!(
            ManageLink::check(&key, parts[0], parts[1], parts[2]),
            Ok(link)
        );
        assert_eq!(
            ManageLink::check(&key, "hk1.00000000.another", parts[1], parts[2]),
            Err(LinkProblem::Unknown),
            "another address under this MAC"
        );
        assert_eq!(
            ManageLink::check(&key, "a/b", parts[1], parts[2]),
            Err(LinkProblem::Unknown),
            "not a sealed value"
        );
        assert_eq!(
            ManageLink::check(&[4u8; 32], parts[0], parts[1], parts[2]),
            Err(LinkProblem::Unknown)
        );
        let old = ManageLink {
            address: a.to_string(),
            expires: chrono::Utc::now().timestamp() - 1,
        };
        let p = old.path(&key);
        let parts: Vec<&str> = p.trim_start_matches("/my-data/").split('/').collect();
        assert_eq!(
            ManageLink::check(&key, parts[0], parts[1], parts[2]),
            Err(LinkProblem::Expired(a.to_string()))
        );
    }
}
