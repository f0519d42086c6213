//! HTML loader: web pages and HTML exports of meeting packs → [`Document`] (issue #5).
//!
//! Takes the bytes of an HTML file and the `[html]` rules; returns the same normalised
//! document the text loader makes, so every extractor works unchanged: lines in reading
//! order, table rows with their cells (spans expanded), bold and bullet flags, and
//! provenance whose `line` is the 1-based line of the HTML source where the line's
//! element starts (`page` is `None`: a web page has no pages).
//!
//! Stages: [`decode`] picks the encoding (BOM, `<meta>` charset, UTF-8, else
//! Windows-1252 with a warning); [`sink`] parses with html5ever into scraper's DOM while
//! recording each node's source line; [`walk`] turns the DOM into lines and drops
//! boilerplate as the rules say. It recognises no page types and reads no facts:
//! ModernGov attendance tables, agenda items and decisions come out as the rows and
//! paragraphs the extractors already read.

mod decode;
mod sink;
mod walk;

use std::path::Path;

use crate::error::LoadError;
use crate::load::Loaded;
use crate::model::Document;
use crate::pack::Format;
use crate::rules::{Pattern, Patterns, Words};

crate::rule_section! {
    /// What the HTML loader drops as page furniture (issue #5). Loading happens before
    /// the council is known, so the loader reads the default rules' section.
    pub struct HtmlRules / RawHtmlRules {
        /// Elements dropped with everything inside them, wherever they are.
        drop_elements: Words,
        /// Page-chrome elements (`header`, `footer`) dropped outside the page's content
        /// only: inside `main` or `article` they are the content's own header and footer.
        chrome_elements: Words,
        /// Elements that hold the page's content (`main`, `article`); never dropped, and
        /// `chrome_*` rules do not apply inside them.
        content_elements: Words,
        /// Patterns over an element's `id`, `class` and `role` (joined by spaces) that
        /// mark boilerplate anywhere: cookie banners, skip links, breadcrumbs, menus,
        /// share buttons.
        boilerplate_attrs: Patterns,
        /// Patterns over `id`, `class` and `role` that mark page chrome (site header,
        /// footer, sidebar), applied outside `main`/`article` only. An element that
        /// wraps the content (`main`, `article`, the `h1`) is kept whatever its class.
        chrome_attrs: Patterns,
        /// The text of an in-page link that skips to the content ("Skip to main content").
        skip_link: Pattern,
    }
}

/// Loads an HTML pack.
pub fn load(path: &Path, bytes: &[u8], rules: &HtmlRules) -> Result<Loaded, LoadError> {
    crate::load::text::check_not_binary(path, bytes)?;
    let (text, warning) = decode::decode(bytes);
    Ok(Loaded {
        doc: parse(&text, rules),
        format: Format::Html,
        warnings: warning.into_iter().collect(),
    })
}

/// Parses decoded HTML into a document.
pub fn parse(text: &str, rules: &HtmlRules) -> Document {
    let (html, lines) = sink::parse(text);
    let walker = walk::Walker {
        rules,
        lines: &lines,
        attrs: true,
    };
    let mut out = walker.document(html.tree.root());
    // A page whose wrapper's class looks like boilerplate ("has-cookie-banner" on the
    // outermost div) would lose everything: read it again without the class patterns.
    if out.is_empty() {
        out = walk::Walker {
            attrs: false,
            ..walker
        }
        .document(html.tree.root());
    }
    Document {
        lines: out,
        pages: Vec::new(),
    }
}
