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
