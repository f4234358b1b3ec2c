//! HTML, rendered with maud: the layout, the public pages, the emails.

pub mod account;
pub mod admin;
pub mod api_tokens;
pub mod campaigns;
pub mod chart;
pub mod console;
pub mod delivery;
pub mod email;
pub mod forms;
pub mod images;
pub mod layout;
pub mod map;
pub mod method;
pub mod my_data;
pub mod pages;
pub mod petition;
pub mod privacy_notice;
pub mod privacy_requests;
pub mod representatives;
pub mod responses;

pub use layout::Ctx;
