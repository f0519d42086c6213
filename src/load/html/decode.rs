//! Bytes → text for the HTML loader: the character encoding as a browser would pick it.
//!
//! Takes the raw bytes and returns the decoded text and, when the encoding had to be
//! guessed, a `decoded-as-windows-1252` warning. The order (issue #5): a byte-order mark;
//! a `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the
//! first 1024 bytes; UTF-8 when the bytes are valid UTF-8; else Windows-1252. It decodes
//! nothing else: entities are the parser's business.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::pack::Warning;
use crate::warnings::Code;

/// How far into the file a `<meta>` charset declaration is looked for (the HTML
/// standard's pre-scan window).
const PRESCAN_BYTES: usize = 1024;

/// Decodes an HTML file's bytes.
pub(super) fn decode(bytes: &[u8]) -> (Cow<'_, str>, Option<Warning>) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return (text, None);
    }
    let declared = declared_encoding(&bytes[..bytes.len().min(PRESCAN_BYTES)]);
    match declared {
        // A declared single- or multi-byte encoding other than UTF-8 is trusted: Word's
        // "save as web page" declares windows-1252 and means it.
        Some(enc) if enc != UTF_8 => {
            let (text, _) = enc.decode_without_bom_handling(bytes);
            (text, None)
        }
        _ => match std::str::from_utf8(bytes) {
            Ok(t) => (Cow::Borrowed(t), None),
            Err(e) => {
                let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
                let why = if declared.is_some() {
                    "declared UTF-8 but is not valid UTF-8"
                } else {
                    "declares no charset and is not valid UTF-8"
                };
                let warning = Code::DecodedAsWindows1252.warn(
                    format!(
                        "{why} (first bad byte at offset {}); decoded as Windows-1252",
                        e.valid_up_to()
                    ),
                    None,
                );
                (text, Some(warning))
            }
        },
    }
}

/// The encoding a `<meta>` tag in `head` declares, as the standard maps labels
/// ("latin1" and "iso-8859-1" are Windows-1252; a UTF-16 label in a byte stream that
/// parsed as ASCII means UTF-8).
fn declared_encoding(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at + 5;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(label) = charset_label(tag)
            && let Some(enc) = Encoding::for_label(label)
        {
            return Some(
                if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                    UTF_8
                } else {
                    enc.output_encoding()
                },
            );
        }
        from = end;
    }
    None
}

/// The value after `charset=` inside one `<meta …>` tag (either attribute form).
fn charset_label(tag: &[u8]) -> Option<&[u8]> {
    let at = find(tag, b"charset")?;
    let mut rest = &tag[at + 7..];
    rest = trim_start(rest);
    rest = rest.strip_prefix(b"=")?;
    rest = trim_start(rest);
    rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    (len > 0).then(|| &rest[..len])
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins() {
        let (t, w) = decode(b"\xEF\xBB\xBF<meta charset=windows-1252><p>caf\xC3\xA9");
        assert!(t.ends_with("café"));
        assert!(w.is_none());
    }

    #[test]
    fn meta_charset_and_http_equiv() {
        let (t, w) = decode(b"<html><meta charset=\"windows-1252\"><p>caf\xE9");
        assert!(t.ends_with("café") && w.is_none());
        let (t, w) = decode(
            b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-1\"><p>\x93x\x94",
        );
        assert!(
            t.ends_with("\u{201c}x\u{201d}"),
            "latin1 is read as Windows-1252"
        );
        assert!(w.is_none());
    }

    #[test]
    fn undeclared_utf8_and_fallback() {
        let (t, w) = decode("<p>£5 – ok".as_bytes());
        assert_eq!(t, "<p>£5 – ok");
        assert!(w.is_none());
        let (t, w) = decode(b"<p>\xA35 \x96 ok");
        assert_eq!(t, "<p>£5 – ok");
        assert_eq!(
            w.map(|w| w.code),
            Some("decoded-as-windows-1252".to_string())
        );
    }

    #[test]
    fn wrong_utf8_declaration_falls_back_with_a_warning() {
        let (t, w) = decode(b"<meta charset=utf-8><p>\xA35");
        assert!(t.ends_with("£5"));
        assert!(w.is_some_and(|w| w.message.contains("declared UTF-8")));
    }
}
