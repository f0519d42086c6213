//! Loaders: input bytes → [`Document`]. One module per format.
//!
//! [`load`] decides the format from the bytes first (magic numbers) and the file name
//! second (HTML is recognised by `<html` or `<!doctype` near the start, by tags of text
//! elements in the first bytes of a file that is not Markdown, or by a
//! `.html`/`.htm`/`.xhtml` name), and refuses what no loader reads with a [`LoadError`] that says why. Loaders
//! normalise only the form of the text (encoding, markup, bullets, cells, pages); they
//! extract no facts.

pub mod embedded_tables;
pub mod html;
pub mod pdf;
pub mod text;

use std::path::Path;

use crate::error::LoadError;
use crate::load::html::HtmlRules;
use crate::model::Document;
use crate::pack::{Format, Warning};

/// A loaded input.
#[derive(Debug)]
pub struct Loaded {
    /// The normalised document.
    pub doc: Document,
    /// The loader that read it.
    pub format: Format,
    /// What the loader had to repair.
    pub warnings: Vec<Warning>,
}

/// What a path looks like before any bytes are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Candidate {
    /// A format councilpack reads or refuses loudly (text, PDF, HTML, Word).
    Pack,
    /// Not a pack at all (images, spreadsheets, JSON…): skipped with a note.
    Other,
}

/// File extensions that are meeting packs (read now or by a later loader).
const PACK_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "pdf", "html", "htm", "xhtml", "doc", "docx", "rtf", "odt",
];

/// Whether a file found while walking a folder is a pack.
pub fn candidate(path: &Path) -> Candidate {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
    {
        Some(ext) if PACK_EXTENSIONS.contains(&ext.as_str()) => Candidate::Pack,
        None => Candidate::Pack,
        Some(_) => Candidate::Other,
    }
}

/// Bytes at the start of a file searched for HTML tags when it has no `<html>`.
const MARKUP_HEAD_BYTES: usize = 4096;

/// Loads one input from its bytes. `html` is the `[html]` section of the default rules:
/// loading comes before the council is known (issue #5).
pub fn load(path: &Path, bytes: &[u8], html: &HtmlRules) -> Result<Loaded, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
        });
    }
    let unsupported = |what: &str| LoadError::Unsupported {
        path: path.to_path_buf(),
        what: what.to_string(),
    };
    let head = &bytes[..bytes.len().min(1024)];
    // Readers accept a few bytes of junk before the header (mail gateways, CMS exports).
    if head.windows(5).any(|w| w == b"%PDF-") {
        return pdf::load(path, bytes);
    }
    if head.starts_with(b"PK\x03\x04") {
        return Err(unsupported("a ZIP container such as .docx or .odt"));
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(unsupported("an OLE document such as .doc or .xls"));
    }
    if head.starts_with(b"{\\rtf") {
        return Err(unsupported("RTF"));
    }
    let lower: Vec<u8> = head.iter().take(512).map(u8::to_ascii_lowercase).collect();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    // Text that is HTML by its content whatever its name (a CMS post saved as `.txt`,
    // "3184. Police Report<br />3185. Apologies …"): a UTF-8 or ASCII start is enough
    // to look for its tags.
    let markup = || {
        let head = &bytes[..bytes.len().min(MARKUP_HEAD_BYTES)];
        html::looks_like_markup(&String::from_utf8_lossy(head))
    };
    let looks_html = lower.windows(5).any(|w| w == b"<html")
        || lower.windows(9).any(|w| w == b"<!doctype")
        || markup();
    if looks_html || matches!(ext.as_deref(), Some("html" | "htm" | "xhtml")) {
        return html::load(path, bytes, html);
    }
    if matches!(ext.as_deref(), Some("pdf" | "doc" | "docx" | "odt" | "rtf")) {
        return Err(unsupported(&format!(
            ".{} file whose bytes are not that format either",
            ext.unwrap_or_default()
        )));
    }
    text::load(path, bytes)
}
