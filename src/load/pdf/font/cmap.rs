//! CMap streams: ToUnicode maps and embedded encoding CMaps of Type 0 fonts (issue #4).
//!
//! Takes the decoded bytes of a CMap stream and returns a [`CMap`]: its codespace
//! ranges (how a string splits into codes), code → Unicode mappings (`bfchar`,
//! `bfrange` in both forms) and code → CID mappings (`cidchar`, `cidrange`). Never
//! fails: unreadable parts are skipped and the rest is kept. Must not load
//! predefined CMaps by name (`usecmap` is only recorded).
//!
//! lopdf has a ToUnicode parser, but it is private to the crate and maps codes to
//! UTF-16 vectors per lookup; this one keeps ready-made strings and also reads the
//! CID mappings that encoding CMaps need.

use compact_str::CompactString;

/// A codespace range: codes of `len` bytes whose every byte lies within the
/// corresponding bytes of `lo` and `hi`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Codespace {
    len: u8,
    lo: [u8; 4],
    hi: [u8; 4],
}

/// A range of consecutive codes mapped to consecutive Unicode text.
#[derive(Debug, Clone, PartialEq)]
struct UniRange {
    lo: u32,
    hi: u32,
    /// Text for `lo`; code `lo + n` maps to this with its last character advanced by n.
    first: CompactString,
}

/// A parsed CMap.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct CMap {
    codespace: Vec<Codespace>,
    /// Single codes → text, sorted by code.
    uni_chars: Vec<(u32, CompactString)>,
    /// Code ranges → text, sorted by `lo`.
    uni_ranges: Vec<UniRange>,
    /// Some ranges overlap, so a miss in the binary search is not final.
    uni_ranges_overlap: bool,
    /// (lo, hi, first CID), sorted by `lo`; single codes have lo == hi.
    cid_ranges: Vec<(u32, u32, u32)>,
    /// The name given to `usecmap`, e.g. "Identity-H".
    pub(super) use_cmap: Option<CompactString>,
}

/// A lexical token of CMap (PostScript) syntax.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Str(Vec<u8>),
    Int(i64),
    Name(Vec<u8>),
    Array(Vec<Token>),
    Keyword(Vec<u8>),
}

impl CMap {
    /// Parses a CMap stream's decoded bytes.
    pub(super) fn parse(data: &[u8]) -> CMap {
        let mut cmap = CMap::default();
        let mut lexer = Lexer { data, pos: 0 };
        let mut operands: Vec<Token> = Vec::new();
        while let Some(token) = lexer.next_token(0) {
            let Token::Keyword(keyword) = token else {
                operands.push(token);
                continue;
            };
            match keyword.as_slice() {
                b"endcodespacerange" => {
                    for pair in operands.chunks_exact(2) {
                        if let [Token::Hex(lo), Token::Hex(hi)] = pair
                            && let Some(range) = codespace(lo, hi)
                        {
                            cmap.codespace.push(range);
                        }
                    }
                }
                b"endbfchar" => {
                    for pair in operands.chunks_exact(2) {
                        if let [Token::Hex(src), dst] = pair
                            && let Some(text) = unicode_text(dst)
                        {
                            cmap.uni_chars.push((code_value(src), text));
                        }
                    }
                }
                b"endbfrange" => {
                    for triple in operands.chunks_exact(3) {
                        let [Token::Hex(lo), Token::Hex(hi), dst] = triple else {
                            continue;
                        };
                        let (lo, hi) = (code_value(lo), code_value(hi));
                        if hi < lo {
                            continue;
                        }
                        match dst {
                            // Array form: one destination per code, from lo upwards.
                            Token::Array(items) => {
                                for (code, item) in (lo..=hi).zip(items) {
                                    if let Some(text) = unicode_text(item) {
                                        cmap.uni_chars.push((code, text));
                                    }
                                }
                            }
                            _ => {
                                if let Some(first) = unicode_text(dst) {
                                    cmap.uni_ranges.push(UniRange { lo, hi, first });
                                }
                            }
                        }
                    }
                }
                b"endcidchar" => {
                    for pair in operands.chunks_exact(2) {
                        if let [Token::Hex(src), Token::Int(cid)] = pair
                            && let Ok(cid) = u32::try_from(*cid)
                        {
                            let code = code_value(src);
                            cmap.cid_ranges.push((code, code, cid));
                        }
                    }
                }
                b"endcidrange" => {
                    for triple in operands.chunks_exact(3) {
                        if let [Token::Hex(lo), Token::Hex(hi), Token::Int(cid)] = triple
                            && let Ok(cid) = u32::try_from(*cid)
                        {
                            let (lo, hi) = (code_value(lo), code_value(hi));
                            if lo <= hi {
                                cmap.cid_ranges.push((lo, hi, cid));
                            }
                        }
                    }
                }
                b"usecmap" => {
                    if let Some(Token::Name(name)) = operands.last() {
                        cmap.use_cmap = Some(CompactString::from_utf8_lossy(name));
                    }
                }
                _ => {}
            }
            operands.clear();
        }
        // Later definitions win over earlier ones for the same code (a stable sort
        // keeps definition order; dedup keeps the first of each run, so reverse).
        cmap.uni_chars.reverse();
        cmap.uni_chars.sort_by_key(|(code, _)| *code);
        cmap.uni_chars.dedup_by_key(|(code, _)| *code);
        cmap.uni_ranges.sort_by_key(|r| r.lo);
        cmap.uni_ranges_overlap = cmap.uni_ranges.windows(2).any(|w| w[1].lo <= w[0].hi);
        cmap.cid_ranges.sort_by_key(|r| r.0);
        cmap
    }

    /// True when the CMap defines codespace ranges (an encoding CMap does; many
    /// ToUnicode CMaps do too).
    pub(super) fn has_codespace(&self) -> bool {
        !self.codespace.is_empty()
    }

    /// True when the CMap maps any code to Unicode.
    pub(super) fn has_unicode(&self) -> bool {
        !self.uni_chars.is_empty() || !self.uni_ranges.is_empty()
    }

    /// True when the CMap maps any code to a CID.
    pub(super) fn has_cids(&self) -> bool {
        !self.cid_ranges.is_empty()
    }

    /// Splits the next code off `bytes` by the codespace ranges (ISO 32000-1,
    /// 9.7.6.2): the shortest matching code wins. Returns (code, bytes used); a byte
    /// sequence that matches no range uses the shortest range length. `bytes` must
    /// not be empty and the CMap must have a codespace.
    pub(super) fn next_code(&self, bytes: &[u8]) -> (u32, usize) {
        let mut shortest = 4usize;
        for n in 1..=bytes.len().min(4) {
            for range in &self.codespace {
                let len = range.len as usize;
                shortest = shortest.min(len);
                if len == n
                    && bytes[..n]
                        .iter()
                        .zip(range.lo.iter().zip(&range.hi))
                        .all(|(b, (lo, hi))| lo <= b && b <= hi)
                {
                    return (code_value(&bytes[..n]), n);
                }
            }
        }
        let n = shortest.clamp(1, bytes.len());
        (code_value(&bytes[..n]), n)
    }

    /// The Unicode text mapped to `code`, if any.
    pub(super) fn unicode(&self, code: u32) -> Option<CompactString> {
        if let Ok(i) = self.uni_chars.binary_search_by_key(&code, |(c, _)| *c) {
            return Some(self.uni_chars[i].1.clone());
        }
        let range = if self.uni_ranges_overlap {
            self.uni_ranges
                .iter()
                .rev()
                .find(|r| r.lo <= code && code <= r.hi)?
        } else {
            let i = self.uni_ranges.partition_point(|r| r.lo <= code);
            let r = self.uni_ranges.get(i.checked_sub(1)?)?;
            if code > r.hi {
                return None;
            }
            r
        };
        advance_last_char(&range.first, code - range.lo)
    }

    /// The CID mapped to `code`, if any.
    pub(super) fn cid(&self, code: u32) -> Option<u32> {
        let i = self.cid_ranges.partition_point(|r| r.0 <= code);
        let (lo, hi, cid) = *self.cid_ranges.get(i.checked_sub(1)?)?;
        (code <= hi).then(|| cid.saturating_add(code - lo))
    }
}

/// The big-endian value of a code's bytes (at most the last four count).
pub(super) fn code_value(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0u32, |v, &b| (v << 8) | u32::from(b))
}

fn codespace(lo: &[u8], hi: &[u8]) -> Option<Codespace> {
    if lo.is_empty() || lo.len() > 4 || lo.len() != hi.len() {
        return None;
    }
    let mut range = Codespace {
        len: lo.len() as u8,
        lo: [0; 4],
        hi: [0; 4],
    };
    range.lo[..lo.len()].copy_from_slice(lo);
    range.hi[..hi.len()].copy_from_slice(hi);
    Some(range)
}

/// A bfchar/bfrange destination as text: UTF-16BE in a hex string (surrogate pairs
/// joined; several characters for ligatures), or a glyph name.
fn unicode_text(token: &Token) -> Option<CompactString> {
    match token {
        Token::Hex(bytes) | Token::Str(bytes) => {
            if bytes.len() == 1 {
                // Not UTF-16, but some producers write one byte: read it as Latin-1.
                return Some(CompactString::from(char::from(bytes[0]).to_string()));
            }
            let units = bytes
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]));
            let text: CompactString = char::decode_utf16(units)
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect();
            (!text.is_empty()).then_some(text)
        }
        Token::Name(name) => super::encoding::glyph_name_to_unicode(name),
        _ => None,
    }
}

/// `text` with its last character's code point advanced by `offset` (bfrange
/// destinations count up from the first one).
fn advance_last_char(text: &CompactString, offset: u32) -> Option<CompactString> {
    if offset == 0 {
        return Some(text.clone());
    }
    let last = text.chars().next_back()?;
    let next = char::from_u32(u32::from(last).checked_add(offset)?)?;
    let mut out = CompactString::from(&text[..text.len() - last.len_utf8()]);
    out.push(next);
    Some(out)
}

/// A tokenizer for the PostScript subset CMaps use.
struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Lexer<'_> {
    /// The next token, or `None` at the end. `depth` bounds array nesting.
    fn next_token(&mut self, depth: usize) -> Option<Token> {
        loop {
            let &b = self.data.get(self.pos)?;
            match b {
                b'%' => {
                    while self
                        .data
                        .get(self.pos)
                        .is_some_and(|&c| c != b'\n' && c != b'\r')
                    {
                        self.pos += 1;
                    }
                }
                b if is_white(b) => self.pos += 1,
                b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                    // Dictionaries only hold CIDSystemInfo: read its parts as tokens.
                    self.pos += 2;
                    return Some(Token::Keyword(b"<<".to_vec()));
                }
                b'<' => return Some(Token::Hex(self.hex_string())),
                b'(' => return Some(Token::Str(self.literal_string())),
                b'/' => {
                    self.pos += 1;
                    return Some(Token::Name(self.regular().to_vec()));
                }
                // Deeper nesting than CMaps ever use: read the bracket as a keyword
                // rather than recurse without bound on hostile input.
                b'[' if depth >= 4 => {
                    self.pos += 1;
                    return Some(Token::Keyword(b"[".to_vec()));
                }
                b'[' => {
                    self.pos += 1;
                    let mut items = Vec::new();
                    while let Some(token) = self.next_token(depth + 1) {
                        if token == Token::Keyword(b"]".to_vec()) {
                            break;
                        }
                        items.push(token);
                    }
                    return Some(Token::Array(items));
                }
                b']' | b'{' | b'}' | b'>' => {
                    self.pos += 1;
                    if b == b'>' && self.data.get(self.pos) == Some(&b'>') {
                        self.pos += 1;
                    }
                    return Some(Token::Keyword(vec![b]));
                }
                _ => {
                    let word = self.regular();
                    if word.is_empty() {
                        self.pos += 1;
                        continue;
                    }
                    return Some(match std::str::from_utf8(word).ok()?.parse::<i64>() {
                        Ok(n) => Token::Int(n),
                        Err(_) => Token::Keyword(word.to_vec()),
                    });
                }
            }
        }
    }

    /// A run of regular characters at the current position.
    fn regular(&mut self) -> &[u8] {
        let start = self.pos;
        while self
            .data
            .get(self.pos)
            .is_some_and(|&c| !is_white(c) && !b"()<>[]{}/%".contains(&c))
        {
            self.pos += 1;
        }
        &self.data[start..self.pos]
    }

    /// `<...>`, odd digit count padded with 0 as the PDF rules say.
    fn hex_string(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(&c) = self.data.get(self.pos) {
            self.pos += 1;
            if c == b'>' {
                break;
            }
            let Some(v) = (c as char).to_digit(16) else {
                continue;
            };
            match high.take() {
                Some(h) => out.push((h << 4) | v as u8),
                None => high = Some(v as u8),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    /// `(...)` with nested parentheses and backslash escapes.
    fn literal_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        crate::load::pdf::syntax::literal_string(self.data, &mut self.pos, &mut out);
        out
    }
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

#[cfg(test)]
mod tests {
    use super::*;

    const TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin
12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar
<0003> <0020>
<0011> <00660069>
<0012> <D83DDE00>
endbfchar
2 beginbfrange
<0024> <0026> <0041>
<0030> <0032> [<0078> <0079> <007A>]
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn to_unicode_forms() {
        let cmap = CMap::parse(TO_UNICODE);
        assert!(cmap.has_codespace());
        assert_eq!(cmap.unicode(0x03).as_deref(), Some(" "));
        assert_eq!(cmap.unicode(0x11).as_deref(), Some("fi"));
        assert_eq!(cmap.unicode(0x12).as_deref(), Some("😀"));
        assert_eq!(cmap.unicode(0x24).as_deref(), Some("A"));
        assert_eq!(cmap.unicode(0x26).as_deref(), Some("C"));
        assert_eq!(cmap.unicode(0x27), None);
        assert_eq!(cmap.unicode(0x31).as_deref(), Some("y"));
        assert_eq!(cmap.next_code(&[0x00, 0x24, 0x00]), (0x24, 2));
    }

    #[test]
    fn mixed_codespace_and_cids() {
        let cmap = CMap::parse(
            b"2 begincodespacerange <00> <80> <8140> <FFFC> endcodespacerange
             1 begincidrange <8140> <817E> 633 endcidrange
             1 begincidchar <20> 1 endcidchar /Identity-H usecmap",
        );
        assert_eq!(cmap.next_code(b"A\x81\x41"), (0x41, 1));
        assert_eq!(cmap.next_code(b"\x81\x41A"), (0x8141, 2));
        assert_eq!(cmap.cid(0x8141), Some(634));
        assert_eq!(cmap.cid(0x20), Some(1));
        assert_eq!(cmap.cid(0x21), None);
        assert_eq!(cmap.use_cmap.as_deref(), Some("Identity-H"));
    }

    proptest::proptest! {
        /// Any mix of CMap words parses to something without panicking, and lookups
        /// and code splitting on the result stay in bounds.
        #[test]
        fn any_cmap_parses(
            words in proptest::collection::vec(proptest::sample::select(&[
                "<00>", "<FFFF>", "<0041>", "<D800>", "<01>", "<>", "[", "]", "(a)", "/x",
                "begincodespacerange", "endcodespacerange", "beginbfchar", "endbfchar",
                "beginbfrange", "endbfrange", "begincidrange", "endcidrange", "usecmap",
                "12", "-1", "4294967295", "<<", ">>", "%",
            ][..]), 0..60),
            input in proptest::collection::vec(proptest::prelude::any::<u8>(), 1..8),
        ) {
            let cmap = CMap::parse(words.join(" ").as_bytes());
            if cmap.has_codespace() {
                let (_, used) = cmap.next_code(&input);
                proptest::prop_assert!((1..=input.len()).contains(&used));
            }
            for code in [0u32, 0x41, 0xFFFF, u32::MAX] {
                let _ = (cmap.unicode(code), cmap.cid(code));
            }
        }
    }

    #[test]
    fn garbage_does_not_panic() {
        for data in [&b"<<<>>>[[[(\\"[..], b"beginbfrange <01> endbfrange", b"<0"] {
            let cmap = CMap::parse(data);
            assert!(!cmap.has_unicode());
        }
    }
}
