//! Simple-font encodings: glyph names and base encodings → Unicode text (issue #4).
//!
//! Takes a glyph name (from `/Differences` or a Type 3 font) or a base-encoding name
//! and returns Unicode; returns `None` for names that carry no Unicode meaning
//! (`g12`, `cid345`, `.notdef`). Must not guess from font programs: that is
//! `font`'s business, and it only has the PDF dictionaries.

use compact_str::CompactString;

use super::tables;

/// A one-byte base encoding, code → Unicode scalar (0 where unused).
pub(super) type CodeTable = [u16; 256];

/// The named base encodings of PDF (ISO 32000-1, Annex D).
pub(super) fn base_encoding(name: &[u8]) -> Option<&'static CodeTable> {
    match name {
        b"WinAnsiEncoding" => Some(&tables::WIN_ANSI),
        b"MacRomanEncoding" => Some(&tables::MAC_ROMAN),
        b"StandardEncoding" => Some(&tables::STANDARD),
        // MacExpertEncoding covers small capitals and old-style figures of "expert"
        // fonts; their glyph names have no plain Unicode meaning, and no producer in
        // council packs uses it. Standard keeps at least the shared punctuation.
        b"MacExpertEncoding" => Some(&tables::STANDARD),
        _ => None,
    }
}

/// The built-in encoding of the Symbol font.
pub(super) fn symbol() -> &'static CodeTable {
    &tables::SYMBOL
}

/// The built-in encoding of the ZapfDingbats font.
pub(super) fn zapf_dingbats() -> &'static CodeTable {
    &tables::ZAPF_DINGBATS
}

/// WinAnsiEncoding, the fallback for non-symbolic TrueType fonts without `/Encoding`.
pub(super) fn win_ansi() -> &'static CodeTable {
    &tables::WIN_ANSI
}

/// StandardEncoding, the fallback for Type 1 fonts without `/Encoding`.
pub(super) fn standard() -> &'static CodeTable {
    &tables::STANDARD
}

/// The character a base encoding gives `code`, if any.
pub(super) fn table_char(table: &CodeTable, code: u8) -> Option<char> {
    match table[code as usize] {
        0 => None,
        u => char::from_u32(u32::from(u)),
    }
}

/// Unicode text for a glyph name, following the Adobe Glyph List specification:
/// the AGL itself, `uniXXXX…` (several code points = a ligature), `uXXXX[XX]`,
/// components joined by `_` (`f_i` → "fi"), and a `.suffix` stripped (`a.alt` → "a").
pub(super) fn glyph_name_to_unicode(name: &[u8]) -> Option<CompactString> {
    if let Some(text) = agl(name) {
        return Some(CompactString::from(text));
    }
    // A variant glyph ("one.oldstyle", "a.sc") means the same character as its base.
    let base = match name.iter().position(|&b| b == b'.') {
        Some(0) => return None, // ".notdef", ".null"
        Some(dot) => &name[..dot],
        None => name,
    };
    let mut out = CompactString::default();
    for component in base.split(|&b| b == b'_') {
        if !component_to_unicode(component, &mut out) {
            return None;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Looks a name up in the Adobe Glyph List.
fn agl(name: &[u8]) -> Option<&'static str> {
    tables::AGL
        .binary_search_by(|(n, _)| n.as_bytes().cmp(name))
        .ok()
        .map(|i| tables::AGL[i].1)
}

/// Appends one `_`-separated component's text; false when it has no known meaning.
fn component_to_unicode(component: &[u8], out: &mut CompactString) -> bool {
    if let Some(text) = agl(component) {
        out.push_str(text);
        return true;
    }
    if let Some(hex) = component.strip_prefix(b"uni")
        && !hex.is_empty()
        && hex.len() % 4 == 0
    {
        // "uni" takes groups of exactly four upper-case hex digits, each a BMP
        // character that is not a surrogate.
        let mut chars = CompactString::default();
        for group in hex.chunks(4) {
            match parse_hex(group).and_then(char::from_u32) {
                Some(c) => chars.push(c),
                None => return false,
            }
        }
        out.push_str(&chars);
        return true;
    }
    if let Some(hex) = component.strip_prefix(b"u")
        && (4..=6).contains(&hex.len())
        && let Some(c) = parse_hex(hex).and_then(char::from_u32)
    {
        out.push(c);
        return true;
    }
    false
}

/// Parses hexadecimal digits (either case) into a number.
fn parse_hex(digits: &[u8]) -> Option<u32> {
    let mut value = 0u32;
    for &d in digits {
        let v = (d as char).to_digit(16)?;
        value = value.checked_mul(16)?.checked_add(v)?;
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(n: &str) -> Option<String> {
        glyph_name_to_unicode(n.as_bytes()).map(|s| s.to_string())
    }

    #[test]
    fn agl_names_and_conventions() {
        assert_eq!(name("A").as_deref(), Some("A"));
        assert_eq!(name("eacute").as_deref(), Some("é"));
        assert_eq!(name("fi").as_deref(), Some("\u{fb01}"));
        assert_eq!(name("uni20AC").as_deref(), Some("€"));
        assert_eq!(name("uni00660069").as_deref(), Some("fi"));
        assert_eq!(name("u1F600").as_deref(), Some("😀"));
        assert_eq!(name("f_f_i").as_deref(), Some("ffi"));
        assert_eq!(name("a.alt").as_deref(), Some("a"));
        assert_eq!(name("one.oldstyle").as_deref(), Some("1"));
        assert_eq!(name("afii10017").as_deref(), Some("А"));
        assert_eq!(name("g123"), None);
        assert_eq!(name("cid00042"), None);
        assert_eq!(name(".notdef"), None);
        assert_eq!(name("uniD800"), None);
    }

    #[test]
    fn base_encodings() {
        let win = base_encoding(b"WinAnsiEncoding").expect("WinAnsi");
        assert_eq!(table_char(win, 0x80), Some('€'));
        assert_eq!(table_char(win, 0x93), Some('\u{201c}'));
        let mac = base_encoding(b"MacRomanEncoding").expect("MacRoman");
        assert_eq!(table_char(mac, 0x8E), Some('é'));
        assert_eq!(table_char(mac, 0xD2), Some('\u{201c}'));
        assert_eq!(table_char(standard(), 0x27), Some('\u{2019}'));
        assert_eq!(table_char(standard(), 0xAE), Some('\u{fb01}'));
        assert_eq!(table_char(symbol(), 0x61), Some('α'));
        assert_eq!(table_char(symbol(), 0xB7), Some('•'));
        assert_eq!(table_char(zapf_dingbats(), 0x34), Some('✔'));
        assert_eq!(table_char(zapf_dingbats(), 0x6C), Some('●'));
    }
}
