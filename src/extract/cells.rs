//! Typed values of table cells: "28,325" → 28325, "-12%" → -12 "%", "£1.2m" → 1.2 "£m".
//!
//! A pure function of the printed text, shared by the table extractor. It never guesses:
//! anything that is not one number (with an optional sign, currency, scale and trailing
//! direction arrow or parenthetical note) has no value, and the text is always kept by
//! the caller.

use std::sync::LazyLock;

use regex::Regex;

/// One number as printed: sign, currency, digits (with thousand separators), scale or %.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^
        (?P<sign>[-+\u{2212}\u{2013}])?\s*
        (?P<cur>[£$€])?\s*
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*
        (?P<suf>%|pp|bn|m|k)?
        $",
    )
    .expect("number regex")
});

/// Direction marks that may follow a number ("-42% ▼") or stand alone ("↑").
const ARROWS: &[char] = &['↑', '↓', '▲', '▼', '↔', '→', '←', '⬆', '⬇', '△', '▽'];

/// Footnote marks after a number ("58*" provisional, "12†").
const FOOTNOTES: &[char] = &['*', '†', '‡'];

/// The number a cell holds and its unit ("%", "£", "£m", "£k", "m"…), or `None` when the
/// cell is not a single number (empty, "-", "n/a", "?", an arrow, words).
pub fn parse_number(text: &str) -> Option<(f64, Option<String>)> {
    let mut t = text.trim().trim_end_matches(|c: char| {
        ARROWS.contains(&c) || FOOTNOTES.contains(&c) || c.is_whitespace()
    });
    // "594 (44% reduction)": the number comes first, the parenthetical is a note on it.
    if let Some(open) = t.find('(')
        && open > 0
        && t.ends_with(')')
    {
        t = t[..open].trim_end();
    }
    // "(1,234)": accounting negative.
    let (t, accounting) = match t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        Some(inner) => (inner.trim(), true),
        None => (t, false),
    };
    // Most cells hold words: no digit, no number (`parse` below would refuse any digit the
    // regex's Unicode `\d` allows beyond 0-9). Capture groups cost far more than a match,
    // so they are asked for only when the cell matches (issue #3).
    if !t.bytes().any(|b| b.is_ascii_digit()) || !NUMBER.is_match(t) {
        return None;
    }
    let caps = NUMBER.captures(t)?;
    let digits: String = caps
        .name("num")?
        .as_str()
        .chars()
        .filter(|c| *c != ',')
        .collect();
    let mut value: f64 = digits.parse().ok()?;
    let negative = caps.name("sign").is_some_and(|s| s.as_str() != "+");
    if negative ^ accounting {
        value = -value;
    }
    if value == 0.0 {
        value = 0.0; // no "-0" in the output
    }
    let cur = caps.name("cur").map(|m| m.as_str());
    let suf = caps.name("suf").map(|m| m.as_str().to_lowercase());
    let unit = match (cur, suf.as_deref()) {
        (_, Some("%")) => Some("%".to_string()),
        (Some(c), Some(s)) => Some(format!("{c}{s}")),
        (Some(c), None) => Some(c.to_string()),
        (None, Some(s)) => Some(s.to_string()),
        (None, None) => None,
    };
    Some((value, unit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn v(text: &str) -> Option<(f64, Option<&'static str>)> {
        parse_number(text).map(|(n, u)| (n, u.map(|u| &*Box::leak(u.into_boxed_str()))))
    }

    #[test]
    fn plain_and_grouped_numbers() {
        assert_eq!(v("28,325"), Some((28325.0, None)));
        assert_eq!(v("1.5"), Some((1.5, None)));
        assert_eq!(v(" 0 "), Some((0.0, None)));
        assert_eq!(v("4,171"), Some((4171.0, None)));
    }

    #[test]
    fn percentages_and_signs() {
        assert_eq!(v("-12%"), Some((-12.0, Some("%"))));
        assert_eq!(v("+2%"), Some((2.0, Some("%"))));
        assert_eq!(v("14.8%"), Some((14.8, Some("%"))));
        assert_eq!(v("–5%"), Some((-5.0, Some("%"))));
    }

    #[test]
    fn money() {
        assert_eq!(v("£1.2m"), Some((1.2, Some("£m"))));
        assert_eq!(v("£350k"), Some((350.0, Some("£k"))));
        assert_eq!(v("£39,715"), Some((39715.0, Some("£"))));
        assert_eq!(v("£22,170"), Some((22170.0, Some("£"))));
    }

    #[test]
    fn percentage_points() {
        assert_eq!(v("+4pp"), Some((4.0, Some("pp"))));
        assert_eq!(v("-1.5pp"), Some((-1.5, Some("pp"))));
    }

    #[test]
    fn accounting_negative() {
        assert_eq!(v("(1,234)"), Some((-1234.0, None)));
        assert_eq!(v("(£4.5m)"), Some((-4.5, Some("£m"))));
    }

    #[test]
    fn arrows_and_notes() {
        assert_eq!(v("↑"), None);
        assert_eq!(v("▼"), None);
        assert_eq!(v("-42% ▼"), Some((-42.0, Some("%"))));
        assert_eq!(v("594 (44% reduction)"), Some((594.0, None)));
        assert_eq!(v("58*"), Some((58.0, None)));
        assert_eq!(v("12.5% †"), Some((12.5, Some("%"))));
        assert_eq!(v("*"), None);
    }

    #[test]
    fn not_numbers() {
        for t in [
            "",
            "-",
            "–",
            "?",
            "n/a",
            "N/A",
            "2017/18",
            "Oct-23",
            "Theft Burglary",
            "1,289 cases (31%)",
        ] {
            assert_eq!(v(t), None, "{t:?}");
        }
    }

    proptest! {
        #[test]
        fn integers_round_trip_with_separators(n in 0u64..10_000_000_000) {
            let mut s = String::new();
            let digits = n.to_string();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    s.push(',');
                }
                s.push(c);
            }
            prop_assert_eq!(parse_number(&s), Some((n as f64, None)));
            prop_assert_eq!(parse_number(&format!("({s})")), Some((-(n as f64) + 0.0, None)));
        }

        #[test]
        fn percent_keeps_sign(n in -1000i32..1000) {
            let (v, u) = parse_number(&format!("{n}%")).expect("a number");
            prop_assert_eq!(v, f64::from(n));
            prop_assert_eq!(u.as_deref(), Some("%"));
        }

        #[test]
        fn money_with_scale(n in 0u32..100_000, scale in prop::sample::select(vec!["", "k", "m"])) {
            let (v, u) = parse_number(&format!("£{n}{scale}")).expect("a number");
            prop_assert_eq!(v, f64::from(n));
            prop_assert_eq!(u, Some(format!("£{scale}")));
        }

        #[test]
        fn never_panics_and_words_have_no_value(s in "[a-zA-Z ]{1,20}") {
            prop_assert!(parse_number(&s).is_none());
        }

        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,30}") {
            let _ = parse_number(&s);
        }
    }
}
