//! Values that are valid because they exist: a parsed email address, PIN code or signer's name.

mod email;
mod milestone;
mod name;
mod pin;
mod status;

pub use email::EmailAddress;
pub use milestone::next_milestone;
pub use name::SignerName;
pub use pin::PinCode;
pub use status::{Move, Status};

/// The day in India (UTC+05:30, no daylight saving) of a moment stored in UTC: the day a
/// signature counts on, and the day a date is shown as.
pub fn india_day(at: chrono::NaiveDateTime) -> chrono::NaiveDate {
    (at + chrono::Duration::minutes(330)).date()
}

/// A link's `?source=` code, as a partner group tags its links ("bihar-network"): lowercase
/// letters, digits, `-` and `_`, at most 40, starting with a letter or digit; upper case is
/// lowered. Anything else is no source: the signer never typed it, so it is never an error.
pub fn source_code(raw: &str) -> Option<String> {
    let code = raw.trim().to_ascii_lowercase();
    let ok = (1..=40).contains(&code.len())
        && code
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphanumeric())
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    ok.then_some(code)
}

#[cfg(test)]
mod source_tests {
    #[test]
    fn a_source_code_is_a_plain_tag_or_nothing() {
        use super::source_code;
        assert_eq!(source_code("bihar-network"), Some("bihar-network".into()));
        assert_eq!(source_code(" WB_Women2 "), Some("wb_women2".into()));
        for bad in [
            "",
            "-x",
            "a b",
            "<script>",
            "ग्रुप",
            &"x".repeat(41),
            "a/b",
            "a%20b",
        ] {
            assert_eq!(source_code(bad), None, "{bad:?}");
        }
    }
}

/// Why a field was refused; each maps to a translated message (`error-<key>` in the Fluent files).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    Required,
    TooLong,
    NameLink,
    NameFormula,
    NameControl,
    Email,
    PinFormat,
    PinUnknown,
    PinState,
    State,
    Constituency,
    ConstituencyState,
    Captcha,
    Adult,
}

impl Invalid {
    pub fn key(self) -> &'static str {
        match self {
            Invalid::Required => "error-required",
            Invalid::TooLong => "error-too-long",
            Invalid::NameLink => "error-name-link",
            Invalid::NameFormula => "error-name-formula",
            Invalid::NameControl => "error-name-control",
            Invalid::Email => "error-email",
            Invalid::PinFormat => "error-pin-format",
            Invalid::PinUnknown => "error-pin-unknown",
            Invalid::PinState => "error-pin-state",
            Invalid::State => "error-state",
            Invalid::Constituency => "error-constituency",
            Invalid::ConstituencyState => "error-constituency-state",
            Invalid::Captcha => "error-captcha",
            Invalid::Adult => "error-adult",
        }
    }
}
