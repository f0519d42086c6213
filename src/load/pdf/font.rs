//! Fonts: font dictionaries → decoders from string bytes to codes, Unicode and widths
//! (issue #4).
//!
//! Takes a font resource of a `lopdf::Document` and returns a [`Font`] that splits a
//! string operand into [`DecodedGlyph`]s; [`FontCache`] builds each font once per
//! document. Never fails: a broken or unknown font gives a best-effort decoder and a
//! note (see [`FontCache::take_notes`]). Must not read glyph outlines or parse font
//! programs beyond the cleartext encoding of an embedded Type 1 font, and must not
//! position anything: that is `content`'s job.
//!
//! Unicode comes from, in order: the `/ToUnicode` CMap; for simple fonts the
//! `/Encoding` (base encoding plus `/Differences` glyph names); the font's built-in
//! encoding (Symbol, ZapfDingbats, StandardEncoding for Type 1, WinAnsi for
//! TrueType); for Type 0 fonts with a predefined `Uni…-UCS2`/`UTF16` CMap the codes
//! themselves.

mod cmap;
mod core14;
mod encoding;
mod metrics;
mod tables;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use compact_str::CompactString;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use cmap::CMap;
use encoding::CodeTable;
use metrics::Standard;

/// Most bytes a font's auxiliary stream (ToUnicode, CMap, Type 1 program) may
/// decompress to; real ones are a few hundred KiB at most.
const MAX_FONT_STREAM_BYTES: usize = 16 << 20;

/// One character code of a string operand, decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedGlyph {
    /// The character code (1–4 bytes, big-endian).
    pub code: u32,
    /// Unicode text: usually one character, several for a ligature, empty when the
    /// font gives no way to know it.
    pub text: CompactString,
    /// Horizontal advance in text space units (the glyph width / 1000 for ordinary
    /// fonts, scaled by the FontMatrix for Type 3), before font size, `Tc`, `Tw`, `Tz`.
    pub width: f32,
    /// The code is the single-byte code 32, the only one `Tw` applies to.
    pub space: bool,
}

/// A decoder for one font.
#[derive(Debug, Clone)]
pub struct Font {
    name: CompactString,
    bold: bool,
    font_matrix: [f32; 6],
    kind: Kind,
    notes: Vec<String>,
}

#[derive(Debug, Clone)]
enum Kind {
    /// One byte per code, everything precomputed per code.
    Simple(Box<SimpleFont>),
    /// Type 0: codes split by a CMap, widths by CID.
    Composite(Box<CompositeFont>),
}

#[derive(Debug, Clone)]
struct SimpleFont {
    text: [CompactString; 256],
    widths: [f32; 256],
}

#[derive(Debug, Clone)]
struct CompositeFont {
    /// An embedded encoding CMap; `None` means two-byte codes with CID = code
    /// (Identity-H/V, and predefined CMaps we do not have).
    encoding: Option<CMap>,
    /// The predefined encoding's codes are UTF-16 (`Uni…-UCS2-…`, `Uni…-UTF16-…`).
    utf16_codes: bool,
    to_unicode: Option<CMap>,
    /// (first CID, last CID, width in text space), sorted by first CID.
    widths: Vec<(u32, u32, f32)>,
    default_width: f32,
}

impl Font {
    /// Splits a string operand into codes and calls `out` once per code, in order.
    pub fn decode(&self, bytes: &[u8], mut out: impl FnMut(DecodedGlyph)) {
        match &self.kind {
            Kind::Simple(font) => {
                for &b in bytes {
                    out(DecodedGlyph {
                        code: u32::from(b),
                        text: font.text[b as usize].clone(),
                        width: font.widths[b as usize],
                        space: b == b' ',
                    });
                }
            }
            Kind::Composite(font) => {
                let mut rest = bytes;
                while !rest.is_empty() {
                    let (code, len) = match &font.encoding {
                        Some(cmap) if cmap.has_codespace() => cmap.next_code(rest),
                        _ if rest.len() == 1 => (u32::from(rest[0]), 1),
                        _ => (cmap::code_value(&rest[..2]), 2),
                    };
                    rest = &rest[len..];
                    out(DecodedGlyph {
                        code,
                        text: font.text(code),
                        width: font.width(code),
                        space: len == 1 && code == 32,
                    });
                }
            }
        }
    }

    /// The font's `/BaseFont` (or `/Name` for Type 3), subset tag included.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// True when the font is bold: its name contains Bold/Black/Heavy, the descriptor's
    /// `/FontWeight` is at least 600, or its ForceBold flag is set.
    pub fn bold(&self) -> bool {
        self.bold
    }

    /// The matrix from glyph space to text space: a Type 3 font's `/FontMatrix`,
    /// `[0.001 0 0 0.001 0 0]` for every other font.
    pub fn font_matrix(&self) -> [f32; 6] {
        self.font_matrix
    }

    /// Notes about what could not be decoded (empty for a healthy font).
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// The stand-in for a font that is missing or not a dictionary: Helvetica
    /// metrics and WinAnsi text, which is what viewers do too.
    fn fallback(name: &str, note: String) -> Font {
        let table = encoding::win_ansi();
        let text = std::array::from_fn(|c| char_text(encoding::table_char(table, c as u8)));
        let widths = std::array::from_fn(|c| {
            f32::from(Standard::Helvetica.width(c as u8, &text[c]).unwrap_or(500)) / 1000.0
        });
        Font {
            name: CompactString::from(name),
            bold: false,
            font_matrix: DEFAULT_MATRIX,
            kind: Kind::Simple(Box::new(SimpleFont { text, widths })),
            notes: vec![note],
        }
    }
}

impl CompositeFont {
    fn text(&self, code: u32) -> CompactString {
        if let Some(text) = self.to_unicode.as_ref().and_then(|m| m.unicode(code)) {
            return text;
        }
        if self.utf16_codes
            && let Some(c) = char::from_u32(code)
        {
            // Two-byte codes are UCS-2; surrogates land here only as halves and fail.
            return char_text(Some(c));
        }
        CompactString::default()
    }

    fn width(&self, code: u32) -> f32 {
        let cid = match &self.encoding {
            Some(cmap) if cmap.has_cids() => cmap.cid(code).unwrap_or(0),
            _ => code,
        };
        let i = self.widths.partition_point(|r| r.0 <= cid);
        match i.checked_sub(1).map(|i| self.widths[i]) {
            Some((_, hi, w)) if cid <= hi => w,
            _ => self.default_width,
        }
    }
}

const DEFAULT_MATRIX: [f32; 6] = [0.001, 0.0, 0.0, 0.001, 0.0, 0.0];

/// Identity of a font resource within one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum FontKey {
    /// An indirect font dictionary.
    Object(ObjectId),
    /// A font dictionary written directly into a resource dictionary, by address:
    /// the document is borrowed, unchanged, for as long as the cache is used.
    Inline(usize),
}

/// The fonts of one document, each built once however many pages use it.
#[derive(Debug, Default)]
pub struct FontCache {
    fonts: HashMap<FontKey, Arc<Font>>,
    fallback: Option<Arc<Font>>,
    notes: Vec<String>,
}

impl FontCache {
    /// An empty cache, for one document.
    pub fn new() -> FontCache {
        FontCache::default()
    }

    /// The font for a `/Font` resource entry (a reference or a dictionary), built on
    /// first use. A broken entry gives the fallback font and a note. `resource` must
    /// be borrowed from `doc` (a direct font dictionary is cached by its address).
    pub fn font(&mut self, doc: &Document, resource: &Object) -> Arc<Font> {
        let key = match resource {
            Object::Reference(id) => FontKey::Object(*id),
            other => FontKey::Inline(std::ptr::from_ref(other) as usize),
        };
        if let Some(font) = self.fonts.get(&key) {
            return Arc::clone(font);
        }
        let font = match doc.dereference(resource) {
            Ok((_, Object::Dictionary(dict))) => build_font(doc, dict),
            Ok((_, Object::Stream(stream))) => build_font(doc, &stream.dict),
            _ => Font::fallback(
                "(missing)",
                format!("a font resource ({key:?}) is not a font dictionary; Helvetica used"),
            ),
        };
        self.notes.extend(font.notes.iter().cloned());
        let font = Arc::new(font);
        self.fonts.insert(key, Arc::clone(&font));
        font
    }

    /// The font used when text is shown with no (known) current font.
    pub fn fallback(&mut self) -> Arc<Font> {
        if let Some(font) = &self.fallback {
            return Arc::clone(font);
        }
        let font = Arc::new(Font::fallback(
            "(none)",
            "text shown with no font selected or a font name missing from the page \
             resources; Helvetica used"
                .to_owned(),
        ));
        self.notes.extend(font.notes.iter().cloned());
        self.fallback = Some(Arc::clone(&font));
        font
    }

    /// Notes gathered since the last call (one per problem font), for warnings.
    pub fn take_notes(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notes)
    }
}

/// Builds a font from its dictionary; never fails.
fn build_font(doc: &Document, dict: &Dictionary) -> Font {
    let subtype = name_of(doc, dict, b"Subtype").unwrap_or(b"");
    if subtype == b"Type0" {
        build_composite(doc, dict)
    } else {
        build_simple(doc, dict, subtype == b"Type3")
    }
}

/// Type 1, MMType1, TrueType and Type 3 fonts: one byte per code.
fn build_simple(doc: &Document, dict: &Dictionary, type3: bool) -> Font {
    let name = font_name(doc, dict);
    let mut notes = Vec::new();
    let descriptor = dict_of(doc, dict, b"FontDescriptor");
    let truetype = name_of(doc, dict, b"Subtype") == Some(b"TrueType");
    let standard = Standard::from_base_font(&name);
    let plain_name = metrics::strip_subset_prefix(&name);
    let font_matrix = if type3 {
        matrix_of(doc, dict, b"FontMatrix").unwrap_or(DEFAULT_MATRIX)
    } else {
        DEFAULT_MATRIX
    };

    // Base encoding and differences from /Encoding.
    let mut base: Option<&'static CodeTable> = None;
    let mut differences: Vec<(u8, &[u8])> = Vec::new();
    match dict.get(b"Encoding").and_then(|o| doc.dereference(o)) {
        Ok((_, Object::Name(n))) => {
            base = encoding::base_encoding(n);
            if base.is_none() {
                notes.push(format!(
                    "font {name}: unknown encoding /{}; its built-in encoding used",
                    String::from_utf8_lossy(n)
                ));
            }
        }
        Ok((_, Object::Dictionary(enc))) => {
            base = name_of(doc, enc, b"BaseEncoding").and_then(encoding::base_encoding);
            if let Some(list) = array_of(doc, enc, b"Differences") {
                let mut code: i64 = 0;
                for item in list {
                    match doc.dereference(item).map(|(_, o)| o) {
                        Ok(Object::Integer(n)) => code = *n,
                        Ok(Object::Real(n)) => code = *n as i64,
                        Ok(Object::Name(glyph)) => {
                            if let Ok(c) = u8::try_from(code) {
                                differences.push((c, glyph.as_slice()));
                            }
                            code += 1;
                        }
                        _ => {}
                    }
                }
            }
        }
        _ => {}
    }

    // With no base encoding the font's built-in one applies (ISO 32000-1, 9.6.6).
    let lower = plain_name.to_ascii_lowercase();
    let mut private_use = false;
    let base: Option<Cow<'static, CodeTable>> = base.map(Cow::Borrowed).or_else(|| {
        if standard == Some(Standard::Symbol) || lower.starts_with("symbol") {
            Some(Cow::Borrowed(encoding::symbol()))
        } else if standard == Some(Standard::ZapfDingbats) {
            Some(Cow::Borrowed(encoding::zapf_dingbats()))
        } else if lower.starts_with("wingdings") || lower.starts_with("webdings") {
            // Their glyphs have no standard Unicode; Word's own ToUnicode maps them to
            // U+F0xx, so do the same and let layout treat them as symbols.
            private_use = true;
            None
        } else if type3 {
            None
        } else if truetype {
            // Symbolic TrueType fonts without an encoding address their (3,0) cmap
            // at 0xF000 + code; in practice the glyphs are those of WinAnsi.
            Some(Cow::Borrowed(encoding::win_ansi()))
        } else {
            Some(match embedded_type1_encoding(doc, descriptor) {
                Some(table) => Cow::Owned(table),
                None => Cow::Borrowed(encoding::standard()),
            })
        }
    });

    let mut text: [CompactString; 256] = std::array::from_fn(|c| {
        if private_use && c >= 0x20 {
            char_text(char::from_u32(0xF000 + c as u32))
        } else {
            char_text(
                base.as_deref()
                    .and_then(|t| encoding::table_char(t, c as u8)),
            )
        }
    });
    let mut unnamed = 0usize;
    for (code, glyph) in &differences {
        match encoding::glyph_name_to_unicode(glyph) {
            Some(t) => text[*code as usize] = t,
            None => {
                text[*code as usize] = CompactString::default();
                unnamed += usize::from(*glyph != b".notdef");
            }
        }
    }
    // Metrics are looked up by the encoding's character, before ToUnicode remaps it.
    let encoded_text = if dict.has(b"Widths") {
        None
    } else {
        Some(text.clone())
    };

    if let Some(to_unicode) = to_unicode(doc, dict, &name, &mut notes) {
        for (c, slot) in text.iter_mut().enumerate() {
            if let Some(t) = to_unicode.unicode(c as u32) {
                *slot = t;
            }
        }
    } else if unnamed > 0 {
        notes.push(format!(
            "font {name}: {unnamed} glyph names with no Unicode meaning and no ToUnicode \
             map; those characters are lost"
        ));
    }
    // Symbol fonts' ToUnicode maps often point into U+F020..U+F0FF, the private-use
    // copy of the one-byte codes; the low byte is the real code.
    if !private_use {
        let low_table = if lower.starts_with("symbol") {
            encoding::symbol()
        } else {
            encoding::win_ansi()
        };
        for slot in text.iter_mut() {
            let mut chars = slot.chars();
            if let (Some(c), None) = (chars.next(), chars.next())
                && ('\u{F020}'..='\u{F0FF}').contains(&c)
            {
                *slot = char_text(encoding::table_char(low_table, (u32::from(c) & 0xFF) as u8));
            }
        }
    }

    let scale = if type3 { font_matrix[0] } else { 0.001 };
    let missing = descriptor
        .and_then(|d| number_of(doc, d, b"MissingWidth"))
        .unwrap_or(0.0)
        * scale;
    let mut widths = [missing; 256];
    match (array_of(doc, dict, b"Widths"), encoded_text) {
        (Some(list), _) => {
            let first = number_of(doc, dict, b"FirstChar").unwrap_or(0.0).max(0.0) as usize;
            for (slot, w) in widths.iter_mut().skip(first).zip(list) {
                if let Some(w) = number(doc, w) {
                    *slot = w * scale;
                }
            }
        }
        (None, Some(encoded)) => {
            let face = standard.unwrap_or_else(|| {
                if !type3 {
                    notes.push(format!(
                        "font {name}: no /Widths and not a standard font; \
                         Helvetica widths used"
                    ));
                }
                Standard::Helvetica
            });
            for (c, slot) in widths.iter_mut().enumerate() {
                if let Some(w) = face.width(c as u8, &encoded[c]) {
                    *slot = f32::from(w) / 1000.0;
                }
            }
        }
        (None, None) => {}
    }

    Font {
        bold: is_bold(doc, &name, descriptor) || standard.is_some_and(Standard::is_bold),
        name,
        font_matrix,
        kind: Kind::Simple(Box::new(SimpleFont { text, widths })),
        notes,
    }
}

/// Type 0 fonts: a CMap splits strings into codes, the descendant CIDFont has widths.
fn build_composite(doc: &Document, dict: &Dictionary) -> Font {
    let name = font_name(doc, dict);
    let mut notes = Vec::new();
    let descendant = array_of(doc, dict, b"DescendantFonts")
        .and_then(|a| a.first())
        .and_then(|o| match doc.dereference(o) {
            Ok((_, Object::Dictionary(d))) => Some(d),
            _ => None,
        });
    if descendant.is_none() {
        notes.push(format!(
            "font {name}: Type 0 font without a descendant font"
        ));
    }
    let descriptor = descendant.and_then(|d| dict_of(doc, d, b"FontDescriptor"));

    let mut encoding: Option<CMap> = None;
    let mut utf16_codes = false;
    match dict.get(b"Encoding").and_then(|o| doc.dereference(o)) {
        Ok((_, Object::Name(n))) => {
            // Identity-H/V: two bytes, CID = code. Uni…-UCS2/UTF16: two bytes whose
            // value is Unicode. Other predefined CMaps (Shift-JIS, GBK…) would need
            // Adobe's CMap files; reading them as two-byte codes is the best guess.
            let n = String::from_utf8_lossy(n);
            utf16_codes = n.starts_with("Uni") && (n.contains("UCS2") || n.contains("UTF16"));
            if !n.starts_with("Identity") && !utf16_codes {
                notes.push(format!(
                    "font {name}: predefined CMap {n} is not supported; codes read as two bytes"
                ));
            }
        }
        Ok((_, Object::Stream(stream))) => match stream_bytes(stream) {
            Some(data) => {
                let cmap = CMap::parse(&data);
                if cmap.has_codespace() {
                    encoding = Some(cmap);
                }
            }
            None => notes.push(format!("font {name}: unreadable encoding CMap")),
        },
        _ => notes.push(format!("font {name}: Type 0 font without /Encoding")),
    }

    let to_unicode = to_unicode(doc, dict, &name, &mut notes);
    if to_unicode.is_none() && !utf16_codes {
        let ordering = descendant
            .and_then(|d| dict_of(doc, d, b"CIDSystemInfo"))
            .and_then(|info| info.get(b"Ordering").ok())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_str().ok())
            .map(|s| String::from_utf8_lossy(s).into_owned())
            .unwrap_or_default();
        notes.push(format!(
            "font {name}: composite font with no ToUnicode map (character collection \
             {}); its text is lost",
            if ordering.is_empty() {
                "unknown"
            } else {
                &ordering
            }
        ));
    }

    let mut widths = Vec::new();
    let mut default_width = 1.0;
    if let Some(d) = descendant {
        default_width = number_of(doc, d, b"DW").unwrap_or(1000.0) / 1000.0;
        if let Some(list) = array_of(doc, d, b"W") {
            widths = cid_widths(doc, list);
        }
    }

    Font {
        bold: is_bold(doc, &name, descriptor),
        name,
        font_matrix: DEFAULT_MATRIX,
        kind: Kind::Composite(Box::new(CompositeFont {
            encoding,
            utf16_codes,
            to_unicode,
            widths,
            default_width,
        })),
        notes,
    }
}

/// Reads a CIDFont `/W` array: `c [w1 w2 …]` and `c_first c_last w` entries.
fn cid_widths(doc: &Document, list: &[Object]) -> Vec<(u32, u32, f32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < list.len() {
        let Some(first) = number(doc, &list[i]) else {
            i += 1;
            continue;
        };
        let first = first.max(0.0) as u32;
        match list.get(i + 1).map(|o| doc.dereference(o).map(|(_, o)| o)) {
            Some(Ok(Object::Array(ws))) => {
                for (n, w) in ws.iter().enumerate() {
                    if let Some(w) = number(doc, w) {
                        let cid = first.saturating_add(n as u32);
                        out.push((cid, cid, w / 1000.0));
                    }
                }
                i += 2;
            }
            Some(Ok(last)) => {
                let last = number(doc, last).unwrap_or(0.0).max(0.0) as u32;
                if let Some(w) = list.get(i + 2).and_then(|w| number(doc, w))
                    && last >= first
                {
                    out.push((first, last, w / 1000.0));
                }
                i += 3;
            }
            _ => break,
        }
    }
    out.sort_by_key(|r| r.0);
    out
}

/// The font's `/ToUnicode` CMap, if present and readable.
fn to_unicode(
    doc: &Document,
    dict: &Dictionary,
    name: &str,
    notes: &mut Vec<String>,
) -> Option<CMap> {
    let stream = match dict.get(b"ToUnicode").and_then(|o| doc.dereference(o)) {
        Ok((_, Object::Stream(s))) => s,
        // `/Identity` is occasionally written here; it carries no information.
        _ => return None,
    };
    let Some(data) = stream_bytes(stream) else {
        notes.push(format!("font {name}: unreadable ToUnicode map"));
        return None;
    };
    let cmap = CMap::parse(&data);
    if cmap.has_unicode() {
        Some(cmap)
    } else {
        notes.push(format!("font {name}: ToUnicode map with no mappings"));
        None
    }
}

/// The built-in encoding in the cleartext part of an embedded Type 1 program
/// (`dup 65 /A put`), so TeX-style fonts without `/Encoding` decode.
fn embedded_type1_encoding(doc: &Document, descriptor: Option<&Dictionary>) -> Option<CodeTable> {
    let stream = match descriptor?
        .get(b"FontFile")
        .and_then(|o| doc.dereference(o))
    {
        Ok((_, Object::Stream(s))) => s,
        _ => return None,
    };
    let data = stream_bytes(stream)?;
    let clear = match find(&data, b"eexec") {
        Some(end) => &data[..end],
        None => &data[..],
    };
    if find(clear, b"/Encoding StandardEncoding").is_some() {
        return None;
    }
    let mut table = [0u16; 256];
    let mut any = false;
    let words: Vec<&[u8]> = clear
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    for w in words.windows(4) {
        if w[0] == b"dup"
            && w[3] == b"put"
            && let Some(glyph) = w[2].strip_prefix(b"/")
            && let Some(code) = std::str::from_utf8(w[1])
                .ok()
                .and_then(|s| s.parse::<u8>().ok())
            && let Some(text) = encoding::glyph_name_to_unicode(glyph)
            && let Some(c) = text.chars().next()
            && let Ok(u) = u16::try_from(u32::from(c))
        {
            table[code as usize] = u;
            any = true;
        }
    }
    any.then_some(table)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A stream's decoded bytes, borrowed when it has no filter.
fn stream_bytes(stream: &Stream) -> Option<Cow<'_, [u8]>> {
    if stream.dict.get(b"Filter").is_err() {
        return Some(Cow::Borrowed(&stream.content));
    }
    stream
        .decompressed_content_with_limit(MAX_FONT_STREAM_BYTES)
        .ok()
        .map(Cow::Owned)
}

fn is_bold(doc: &Document, name: &str, descriptor: Option<&Dictionary>) -> bool {
    let lower = metrics::strip_subset_prefix(name).to_ascii_lowercase();
    if ["bold", "black", "heavy"].iter().any(|w| lower.contains(w)) {
        return true;
    }
    let Some(d) = descriptor else { return false };
    let weight = number_of(doc, d, b"FontWeight").unwrap_or(0.0);
    let flags = number_of(doc, d, b"Flags").unwrap_or(0.0) as i64;
    weight >= 600.0 || flags & (1 << 18) != 0
}

fn font_name(doc: &Document, dict: &Dictionary) -> CompactString {
    name_of(doc, dict, b"BaseFont")
        .or_else(|| name_of(doc, dict, b"Name"))
        .map(CompactString::from_utf8_lossy)
        .unwrap_or_else(|| CompactString::from("(unnamed)"))
}

fn char_text(c: Option<char>) -> CompactString {
    let mut s = CompactString::default();
    if let Some(c) = c {
        s.push(c);
    }
    s
}

fn resolve<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key)
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .map(|(_, o)| o)
}

fn name_of<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    resolve(doc, dict, key)?.as_name().ok()
}

fn dict_of<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    match resolve(doc, dict, key)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

fn array_of<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [Object]> {
    resolve(doc, dict, key)?.as_array().ok().map(Vec::as_slice)
}

fn number(doc: &Document, object: &Object) -> Option<f32> {
    match doc.dereference(object).ok()?.1 {
        Object::Integer(n) => Some(*n as f32),
        Object::Real(n) if n.is_finite() => Some(*n),
        _ => None,
    }
}

fn number_of(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f32> {
    number(doc, dict.get(key).ok()?)
}

fn matrix_of(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<[f32; 6]> {
    let list = array_of(doc, dict, key)?;
    if list.len() != 6 {
        return None;
    }
    let mut m = [0.0; 6];
    for (slot, o) in m.iter_mut().zip(list) {
        *slot = number(doc, o)?;
    }
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Stream, dictionary};

    /// Adds `font` to a fresh document and builds it through a cache.
    fn build(doc: &mut Document, font: Dictionary) -> (Arc<Font>, Vec<String>) {
        let id = doc.add_object(font);
        let mut cache = FontCache::new();
        let font = cache.font(doc, &Object::Reference(id));
        (font, cache.take_notes())
    }

    fn decode(font: &Font, bytes: &[u8]) -> Vec<DecodedGlyph> {
        let mut out = Vec::new();
        font.decode(bytes, |g| out.push(g));
        out
    }

    fn text(font: &Font, bytes: &[u8]) -> String {
        decode(font, bytes)
            .iter()
            .map(|g| g.text.as_str())
            .collect()
    }

    fn cmap_stream(doc: &mut Document, body: &str) -> Object {
        let data = format!(
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n{body}\nendcmap end end"
        );
        Object::Reference(doc.add_object(Stream::new(dictionary! {}, data.into_bytes())))
    }

    #[test]
    fn to_unicode_bfchar_overrides_encoding() {
        let mut doc = Document::with_version("1.7");
        let tu = cmap_stream(
            &mut doc,
            "1 begincodespacerange <00> <FF> endcodespacerange\n\
             3 beginbfchar <01> <0048> <02> <0069> <03> <FB01> endbfchar",
        );
        let (font, notes) = build(
            &mut doc,
            dictionary! {
                "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "ABCDEF+Calibri",
                "FirstChar" => 1, "LastChar" => 3,
                "Widths" => vec![600.into(), 250.into(), 500.into()],
                "ToUnicode" => tu,
            },
        );
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(text(&font, b"\x01\x02\x03"), "Hi\u{fb01}");
        // Codes the ToUnicode map leaves out fall back to WinAnsi (TrueType default).
        assert_eq!(text(&font, b"A"), "A");
        let glyphs = decode(&font, b"\x01 ");
        assert_eq!(glyphs[0].width, 0.6);
        assert!(glyphs[1].space && !glyphs[0].space);
        assert!(!font.bold());
    }

    #[test]
    fn identity_h_with_bfrange_array_and_w() {
        let mut doc = Document::with_version("1.7");
        let tu = cmap_stream(
            &mut doc,
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
             2 beginbfrange <0010> <0012> [<0041> <00660066> <D835DC00>]\n\
             <0020> <0022> <0061> endbfrange",
        );
        let descendant = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "ABCDEF+Arial-BoldMT",
            "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
            "DW" => 1000,
            "W" => vec![16.into(), vec![500.into(), 600.into()].into(), 32.into(), 34.into(), 250.into()],
        });
        let (font, notes) = build(
            &mut doc,
            dictionary! {
                "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "ABCDEF+Arial-BoldMT",
                "Encoding" => "Identity-H",
                "DescendantFonts" => vec![Object::Reference(descendant)],
                "ToUnicode" => tu,
            },
        );
        assert!(notes.is_empty(), "{notes:?}");
        let glyphs = decode(&font, b"\x00\x10\x00\x11\x00\x12\x00\x21\x00\x30");
        let texts: Vec<&str> = glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(texts, ["A", "ff", "\u{1d400}", "b", ""]);
        let widths: Vec<f32> = glyphs.iter().map(|g| g.width).collect();
        assert_eq!(widths, [0.5, 0.6, 1.0, 0.25, 1.0]);
        assert_eq!(glyphs[0].code, 0x10);
        assert!(glyphs.iter().all(|g| !g.space));
        assert!(font.bold());
    }

    #[test]
    fn identity_h_without_to_unicode_is_empty_with_a_note() {
        let mut doc = Document::with_version("1.7");
        let descendant = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType0", "BaseFont" => "KozMinPro-Regular",
            "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Japan1"), "Supplement" => 4 },
        });
        let (font, notes) = build(
            &mut doc,
            dictionary! {
                "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "KozMinPro-Regular",
                "Encoding" => "Identity-H",
                "DescendantFonts" => vec![Object::Reference(descendant)],
            },
        );
        assert_eq!(text(&font, b"\x04\x21\x04\x22"), "");
        assert_eq!(decode(&font, b"\x04\x21\x04\x22").len(), 2);
        assert!(notes.iter().any(|n| n.contains("Japan1")), "{notes:?}");
    }

    #[test]
    fn embedded_cmap_splits_mixed_lengths() {
        let mut doc = Document::with_version("1.7");
        let enc = cmap_stream(
            &mut doc,
            "2 begincodespacerange <00> <7F> <8000> <FFFF> endcodespacerange\n\
             1 begincidrange <20> <7E> 1 endcidrange",
        );
        let descendant = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType0", "BaseFont" => "X",
            "W" => vec![1.into(), vec![300.into()].into()],
        });
        let (font, _) = build(
            &mut doc,
            dictionary! {
                "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "X", "Encoding" => enc,
                "DescendantFonts" => vec![Object::Reference(descendant)],
            },
        );
        let glyphs = decode(&font, b" \x81\x02A");
        let codes: Vec<u32> = glyphs.iter().map(|g| g.code).collect();
        assert_eq!(codes, [0x20, 0x8102, 0x41]);
        assert!(glyphs[0].space);
        assert_eq!(glyphs[0].width, 0.3);
    }

    #[test]
    fn win_ansi_and_standard_14_widths() {
        let mut doc = Document::with_version("1.7");
        let (font, notes) = build(
            &mut doc,
            dictionary! {
                "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica-Bold",
                "Encoding" => "WinAnsiEncoding",
            },
        );
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(text(&font, b"\x80 \x93ok\x94"), "€ \u{201c}ok\u{201d}");
        let widths: Vec<f32> = decode(&font, b"A \x80").iter().map(|g| g.width).collect();
        assert_eq!(widths, [0.722, 0.278, 0.556]);
        assert!(font.bold());
    }

    #[test]
    fn aliases_use_standard_metrics() {
        let mut doc = Document::with_version("1.7");
        let (font, _) = build(
            &mut doc,
            dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "TimesNewRoman,Bold" },
        );
        assert_eq!(decode(&font, b"A")[0].width, 0.722);
        assert!(font.bold());
        let (font, _) = build(
            &mut doc,
            dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Courier" },
        );
        assert_eq!(decode(&font, b"i")[0].width, 0.6);
        // StandardEncoding's quoteright at 0x27.
        assert_eq!(text(&font, b"'"), "\u{2019}");
    }

    #[test]
    fn mac_roman() {
        let mut doc = Document::with_version("1.7");
        let (font, _) = build(
            &mut doc,
            dictionary! {
                "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Georgia",
                "Encoding" => "MacRomanEncoding", "FirstChar" => 32,
                "Widths" => vec![250.into()],
            },
        );
        assert_eq!(text(&font, b"caf\x8e \xd2x\xd3"), "café \u{201c}x\u{201d}");
        assert_eq!(decode(&font, b" ")[0].width, 0.25);
        // Codes outside /Widths get /MissingWidth, here absent: 0.
        assert_eq!(decode(&font, b"x")[0].width, 0.0);
    }

    #[test]
    fn differences_with_agl_and_uni_names() {
        let mut doc = Document::with_version("1.7");
        let (font, notes) = build(
            &mut doc,
            dictionary! {
                "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "ABCDEF+MinionPro-Regular",
                "Encoding" => dictionary! {
                    "Type" => "Encoding", "BaseEncoding" => "WinAnsiEncoding",
                    "Differences" => vec![
                        1.into(), "fi".into(), "uni20AC".into(), "f_f_l".into(),
                        "one.oldstyle".into(), "u1F600".into(), "g42".into(),
                        65.into(), "Alpha".into(),
                    ],
                },
                "FirstChar" => 1, "Widths" => vec![500.into(); 70],
                "FontDescriptor" => dictionary! { "FontWeight" => 700, "MissingWidth" => 333 },
            },
        );
        assert_eq!(
            text(&font, b"\x01\x02\x03\x04\x05\x06AB"),
            "\u{fb01}€ffl1😀ΑB"
        );
        assert!(
            notes.iter().any(|n| n.contains("1 glyph names")),
            "{notes:?}"
        );
        assert!(font.bold());
        assert_eq!(decode(&font, b"\xF0")[0].width, 0.333);
    }

    #[test]
    fn symbolic_fonts() {
        let mut doc = Document::with_version("1.7");
        let (font, _) = build(
            &mut doc,
            dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Symbol" },
        );
        assert_eq!(text(&font, b"a\xb7"), "α•");
        assert_eq!(decode(&font, b"a")[0].width, 0.631);
        let (font, _) = build(
            &mut doc,
            dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "ZapfDingbats" },
        );
        assert_eq!(text(&font, b"4l"), "✔●");
        // A symbolic TrueType whose ToUnicode points into U+F0xx: the low byte counts.
        let tu = cmap_stream(&mut doc, "1 beginbfchar <B7> <F0B7> endbfchar");
        let (font, _) = build(
            &mut doc,
            dictionary! {
                "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "SymbolMT",
                "ToUnicode" => tu, "FirstChar" => 183, "Widths" => vec![460.into()],
            },
        );
        assert_eq!(text(&font, b"\xb7"), "•");
        let (font, _) = build(
            &mut doc,
            dictionary! {
                "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Wingdings-Regular",
                "FirstChar" => 167, "Widths" => vec![600.into()],
            },
        );
        assert_eq!(text(&font, b"\xa7"), "\u{f0a7}");
    }

    #[test]
    fn type3_font_matrix_and_names() {
        let mut doc = Document::with_version("1.7");
        let (font, notes) = build(
            &mut doc,
            dictionary! {
                "Type" => "Font", "Subtype" => "Type3",
                "FontMatrix" => vec![0.01.into(), 0.into(), 0.into(), 0.01.into(), 0.into(), 0.into()],
                "FontBBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
                "CharProcs" => dictionary! {},
                "Encoding" => dictionary! { "Differences" => vec![1.into(), "H".into(), "i".into(), "space".into()] },
                "FirstChar" => 1, "LastChar" => 3,
                "Widths" => vec![60.into(), 30.into(), 25.into()],
            },
        );
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(text(&font, b"\x01\x02\x03"), "Hi ");
        let widths: Vec<f32> = decode(&font, b"\x01\x02").iter().map(|g| g.width).collect();
        assert!((widths[0] - 0.6).abs() < 1e-6 && (widths[1] - 0.3).abs() < 1e-6);
        assert_eq!(font.font_matrix()[0], 0.01);
    }

    #[test]
    fn broken_fonts_fall_back_with_a_note() {
        let mut doc = Document::with_version("1.7");
        let id = doc.add_object(Object::Integer(3));
        let mut cache = FontCache::new();
        let font = cache.font(&doc, &Object::Reference(id));
        assert_eq!(text(&font, b"Hi"), "Hi");
        assert_eq!(decode(&font, b"H")[0].width, 0.722);
        assert_eq!(cache.take_notes().len(), 1);
        // Cached: no second note.
        cache.font(&doc, &Object::Reference(id));
        assert!(cache.take_notes().is_empty());
        // A Type 0 font with nothing in it still decodes (to nothing) without panicking.
        let (font, notes) = build(
            &mut doc,
            dictionary! { "Type" => "Font", "Subtype" => "Type0" },
        );
        assert_eq!(decode(&font, b"\x00\x41\x42").len(), 2);
        assert!(!notes.is_empty());
    }
}
