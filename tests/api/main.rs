//! Integration tests: the real server on a random port, against SQLite and PostgreSQL, with a
//! real SMTP conversation and a loopback stand-in for hCaptcha's siteverify.

mod support;

mod helpers;

mod abuse;
mod access;
mod at_rest;
mod bengali;
mod browser;
mod browser_console;
mod browser_integrity;
mod browser_links;
mod browser_look;
mod browser_privacy;
mod browser_responses;
mod browsing;
mod campaigns;
mod cluster;
mod console;
mod deliver;
mod delivery;
mod exports;
mod faults;
mod first_use;
mod going_live;
mod hardening_accounts;
mod hardening_data;
mod hardening_site;
mod integrity;
mod languages;
mod letters;
mod look;
mod mail_pool;
mod map;
mod operations;
mod osdi;
mod partners;
mod people;
mod pictures;
mod privacy;
mod privacy_staff;
mod public_cache;
mod responses;
mod signing;
