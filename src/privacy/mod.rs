//! Signers own their data: the consents recorded as given, the links that let a signer manage
//! every signature of their address without an account, and retention.

pub mod consent;
pub mod keys_cli;
pub mod manage;
pub mod retention;
