//! Hastakshar (हस्ताक्षर, "signature"): a petition and advocacy campaign platform.

pub mod accounts;
pub mod assets;
pub mod campaigns;
pub mod captcha;
pub mod config;
pub mod db;
pub mod delivery;
pub mod domain;
pub mod exports;
pub mod forms;
pub mod i18n;
pub mod integrity;
pub mod jobs;
pub mod mail;
pub mod markdown;
pub mod metrics;
pub mod moderation;
pub mod ratelimit;
pub mod refdata;
pub mod representatives;
pub mod signing;
pub mod startup;
pub mod telemetry;
pub mod tokens;
pub mod views;
pub mod web;
