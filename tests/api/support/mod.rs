//! Shared test support: loopback stand-ins for the outside services the
//! application talks to (SMTP relay, hCaptcha) and throw-away databases.
//!
//! Each test binary includes this module and uses only part of it, so unused
//! items are expected rather than a sign of dead code.
#![allow(dead_code)]

pub mod captcha;
pub mod smtp;
pub mod testdb;

/// Serving a stand-in on a thread and runtime of its own lives in smtp.rs,
/// which the benchmark includes without the rest of this module.
pub use smtp::serve_on_own_thread;
