//! Tokens for links in emails: 256 random bits, sent once in the link, stored only as a hash.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

pub struct Token {
    pub plain: String,
    pub hash: String,
}

pub fn new_token() -> Token {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let plain = URL_SAFE_NO_PAD.encode(bytes);
    let hash = hash(&plain);
    Token { plain, hash }
}

pub fn hash(plain: &str) -> String {
    hex::encode(Sha256::digest(plain.as_bytes()))
}

/// Whether a string could be one of our tokens: cheap to check before touching the database.
pub fn well_formed(plain: &str) -> bool {
    plain.len() == 43
        && plain
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

type HmacSha256 = hmac::Hmac<Sha256>;

/// A MAC of `message` under `key`, for links that must work without a login and without a
/// stored token (the unsubscribe link in every update email).
pub fn mac(key: &[u8], message: &str) -> String {
    use hmac::Mac;
    let mut m = HmacSha256::new_from_slice(key).expect("HMAC takes any key length");
    m.update(message.as_bytes());
    URL_SAFE_NO_PAD.encode(&m.finalize().into_bytes()[..16])
}

/// Whether `given` is the MAC of `message`, compared in constant time.
pub fn mac_matches(key: &[u8], message: &str, given: &str) -> bool {
    use subtle::ConstantTimeEq;
    mac(key, message).as_bytes().ct_eq(given.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_hashed() {
        let a = new_token();
        let b = new_token();
        assert_ne!(a.plain, b.plain);
        assert!(well_formed(&a.plain));
        assert_eq!(a.hash, hash(&a.plain));
        assert_eq!(a.hash.len(), 64);
        assert!(!well_formed("short"));
    }

    #[test]
    fn macs_depend_on_key_and_message() {
        let m = mac(b"key one", "unsubscribe:7");
        assert!(mac_matches(b"key one", "unsubscribe:7", &m));
        assert!(!mac_matches(b"key two", "unsubscribe:7", &m));
        assert!(!mac_matches(b"key one", "unsubscribe:8", &m));
        assert!(!mac_matches(b"key one", "unsubscribe:7", ""));
    }
}
