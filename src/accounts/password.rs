//! Passwords: argon2id with the crate's default parameters (19 MiB, two passes), stored as PHC
//! strings so the parameters can be raised later without breaking old hashes.

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

/// Shortest password accepted. Length matters more than character classes (NIST SP 800-63B).
pub const MIN_LEN: usize = 10;
pub const MAX_LEN: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weak {
    TooShort,
    TooLong,
    /// The password is the account's own email address.
    IsEmail,
}

impl Weak {
    pub fn key(self) -> &'static str {
        match self {
            Weak::TooShort => "error-password-short",
            Weak::TooLong => "error-too-long",
            Weak::IsEmail => "error-password-email",
        }
    }
}

pub fn check(password: &str, email: &str) -> Result<(), Weak> {
    let n = password.chars().count();
    if n < MIN_LEN {
        return Err(Weak::TooShort);
    }
    if n > MAX_LEN {
        return Err(Weak::TooLong);
    }
    if password.trim().eq_ignore_ascii_case(email.trim()) {
        return Err(Weak::IsEmail);
    }
    Ok(())
}

/// Hashes a password (about 20–50 ms of CPU: call it off the async executor).
pub fn hash(password: &str) -> anyhow::Result<String> {
    PasswordHasher::<PasswordHash>::hash_password(&Argon2::default(), password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))
}

/// A hash of nothing anyone knows, checked when the account does not exist so that a wrong
/// email takes as long to refuse as a wrong password.
static DECOY: LazyLock<String> =
    LazyLock::new(|| hash("decoy password that no account has").unwrap_or_default());

/// Whether `password` matches `stored` (a PHC string); `None` checks against the decoy and
/// always fails. Constant-time comparison is argon2's.
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    let (phc, real) = match stored {
        Some(s) => (s, true),
        None => (DECOY.as_str(), false),
    };
    let ok = PasswordVerifier::<str>::verify_password(&Argon2::default(), password.as_bytes(), phc)
        .is_ok();
    ok && real
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_differ() {
        let a = hash("correct horse battery").unwrap();
        let b = hash("correct horse battery").unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b, "each hash has its own salt");
        assert!(verify("correct horse battery", Some(&a)));
        assert!(!verify("correct horse battery!", Some(&a)));
        assert!(!verify("decoy password that no account has", None));
        assert!(!verify("anything", Some("not a phc string")));
    }

    #[test]
    fn weak_passwords_are_named() {
        assert_eq!(check("short", "a@b.in"), Err(Weak::TooShort));
        assert_eq!(check("a@b.example", "A@B.example"), Err(Weak::IsEmail));
        assert_eq!(check(&"x".repeat(201), "a@b.in"), Err(Weak::TooLong));
        assert_eq!(check("पासवर्ड बहुत लंबा है", "a@b.in"), Ok(()));
    }
}
