//! PDF loader: PDF bytes → [`crate::model::Document`], built on `lopdf` (issue #4).
//!
//! Stages, one page at a time so memory stays flat on long packs:
//! - `font`: font dictionaries → decoders from character codes to Unicode and widths;
//! - `content`: a page's content streams (and Form XObjects) → [`page::RawPage`];
//! - `layout`: [`page::RawPage`] → [`page::PageText`] (lines of cells, page stamp);
//! - this module: opening, decryption, limits, and pages → normalised lines.

pub mod layout;
pub mod page;
