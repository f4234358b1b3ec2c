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
}
