//! Standard-14 font metrics, for fonts that leave out `/Widths` (issue #4).
//!
//! Takes a `/BaseFont` name and returns the standard face it stands for (with the
//! usual Windows aliases: Arial → Helvetica, TimesNewRoman → Times, CourierNew →
//! Courier) and that face's advance widths. Must not invent metrics for other
//! families: the caller decides what to do with an unknown name.

use std::sync::OnceLock;

use super::{core14, encoding};

/// One of the standard 14 faces, with obliques folded onto their upright faces
/// (their widths are identical; checked by the generator).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Standard {
    Helvetica,
    HelveticaBold,
    TimesRoman,
    TimesBold,
    TimesItalic,
    TimesBoldItalic,
    Courier,
    Symbol,
    ZapfDingbats,
}

impl Standard {
    /// The standard face a `/BaseFont` name stands for, if any: "Helvetica-Bold",
    /// "ABCDEF+Arial,BoldItalic", "TimesNewRomanPS-BoldMT", "CourierNew".
    pub(super) fn from_base_font(base_font: &str) -> Option<Standard> {
        let name = strip_subset_prefix(base_font);
        let compact: String = name.chars().filter(|c| *c != ' ').collect();
        // Family first, then style from whatever follows it ("-Bold", ",Italic", "PS-BoldMT").
        let families: [(&str, u8); 9] = [
            ("Helvetica", 0),
            ("Arial", 0),
            ("TimesNewRoman", 1),
            ("Times", 1),
            ("CourierNew", 2),
            ("Courier", 2),
            ("Symbol", 3),
            ("ZapfDingbats", 4),
            ("Dingbats", 4),
        ];
        let (family, style) = families.iter().find_map(|(prefix, family)| {
            compact
                .strip_prefix(prefix)
                .map(|rest| (*family, rest.to_ascii_lowercase()))
        })?;
        // "ArialNarrow", "ArialBlack", "TimesTen" are other families with other widths.
        if !(style.is_empty()
            || style.starts_with(['-', ','])
            || style.starts_with("ps")
            || style.starts_with("mt"))
        {
            return None;
        }
        let bold = style.contains("bold");
        let italic = style.contains("italic") || style.contains("oblique");
        Some(match (family, bold, italic) {
            (0, false, _) => Standard::Helvetica,
            (0, true, _) => Standard::HelveticaBold,
            (1, false, false) => Standard::TimesRoman,
            (1, true, false) => Standard::TimesBold,
            (1, false, true) => Standard::TimesItalic,
            (1, true, true) => Standard::TimesBoldItalic,
            (2, _, _) => Standard::Courier,
            (3, _, _) => Standard::Symbol,
            _ => Standard::ZapfDingbats,
        })
    }

    /// True for the bold faces.
    pub(super) fn is_bold(self) -> bool {
        matches!(
            self,
            Standard::HelveticaBold | Standard::TimesBold | Standard::TimesBoldItalic
        )
    }

    /// Advance width in 1/1000 em of the glyph with this code (built-in encoding of
    /// Symbol and ZapfDingbats) or this text (the other faces, looked up by the first
    /// character, which is how the code was decoded).
    pub(super) fn width(self, code: u8, text: &str) -> Option<u16> {
        match self {
            Standard::Courier => Some(600),
            Standard::Symbol => nonzero(core14::SYMBOL[code as usize]),
            Standard::ZapfDingbats => nonzero(core14::ZAPF_DINGBATS[code as usize]),
            _ => {
                let c = text.chars().next()?;
                let table = self.by_char();
                table
                    .binary_search_by_key(&c, |(c, _)| *c)
                    .ok()
                    .map(|i| table[i].1)
            }
        }
    }

    /// The face's widths keyed by Unicode character, built once per process from the
    /// generated (glyph name, width) table.
    fn by_char(self) -> &'static [(char, u16)] {
        static TABLES: [OnceLock<Vec<(char, u16)>>; 6] = [const { OnceLock::new() }; 6];
        let (slot, source) = match self {
            Standard::Helvetica => (0, core14::HELVETICA),
            Standard::HelveticaBold => (1, core14::HELVETICA_BOLD),
            Standard::TimesRoman => (2, core14::TIMES_ROMAN),
            Standard::TimesBold => (3, core14::TIMES_BOLD),
            Standard::TimesItalic => (4, core14::TIMES_ITALIC),
            Standard::TimesBoldItalic => (5, core14::TIMES_BOLD_ITALIC),
            Standard::Courier | Standard::Symbol | Standard::ZapfDingbats => return &[],
        };
        TABLES[slot].get_or_init(|| {
            let mut table: Vec<(char, u16)> = source
                .iter()
                .filter_map(|(name, width)| {
                    let text = encoding::glyph_name_to_unicode(name.as_bytes())?;
                    let mut chars = text.chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) => Some((c, *width)),
                        _ => None,
                    }
                })
                .collect();
            table.sort_unstable_by_key(|(c, _)| *c);
            table.dedup_by_key(|(c, _)| *c);
            table
        })
    }
}

fn nonzero(width: u16) -> Option<u16> {
    (width != 0).then_some(width)
}

/// "ABCDEF+Name" → "Name": subset fonts carry a six-capital tag.
pub(super) fn strip_subset_prefix(name: &str) -> &str {
    match name.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()) => rest,
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases() {
        use Standard::*;
        let cases = [
            ("Helvetica", Some(Helvetica)),
            ("Helvetica-BoldOblique", Some(HelveticaBold)),
            ("Arial", Some(Helvetica)),
            ("Arial,Bold", Some(HelveticaBold)),
            ("ABCDEF+Arial-BoldMT", Some(HelveticaBold)),
            ("ArialMT", Some(Helvetica)),
            ("Times-Roman", Some(TimesRoman)),
            ("TimesNewRoman,BoldItalic", Some(TimesBoldItalic)),
            ("TimesNewRomanPS-ItalicMT", Some(TimesItalic)),
            ("Times New Roman", Some(TimesRoman)),
            ("CourierNew,Bold", Some(Courier)),
            ("Symbol", Some(Symbol)),
            ("ZapfDingbats", Some(ZapfDingbats)),
            ("ArialNarrow", None),
            ("Calibri", None),
        ];
        for (name, want) in cases {
            assert_eq!(Standard::from_base_font(name), want, "{name}");
        }
    }

    #[test]
    fn widths() {
        assert_eq!(Standard::Helvetica.width(b'A', "A"), Some(667));
        assert_eq!(Standard::Helvetica.width(b' ', " "), Some(278));
        assert_eq!(Standard::TimesRoman.width(b'A', "A"), Some(722));
        assert_eq!(Standard::HelveticaBold.width(0x80, "€"), Some(556));
        assert_eq!(Standard::Courier.width(b'i', "i"), Some(600));
        assert_eq!(Standard::Symbol.width(b'a', "α"), Some(631));
        assert_eq!(Standard::Helvetica.width(b'?', "\u{4e00}"), None);
    }
}
