//! HTML, rendered with maud: the layout, the public pages, the emails.

pub mod email;
pub mod layout;
pub mod pages;
pub mod petition;

pub use layout::Ctx;
