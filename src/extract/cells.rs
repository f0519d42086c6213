//! Typed values of table cells: "28,325" → 28325, "-12%" → -12 "%", "£1.2m" → 1.2 "£m".
//!
//! A pure function of the printed text, shared by the table extractor. It never guesses:
//! anything that is not one number (with an optional sign, currency, scale and trailing
//! direction arrow or parenthetical note) has no value, and the text is always kept by
//! the caller.

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
    // Most cells hold words: no digit, no number.
    if !t.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let number = Printed::read(t)?;
    let digits: String = number.digits.chars().filter(|c| *c != ',').collect();
    let mut value: f64 = digits.parse().ok()?;
    let negative = number.sign.is_some_and(|s| s != '+');
    if negative ^ accounting {
        value = -value;
    }
    if value == 0.0 {
        value = 0.0; // no "-0" in the output
    }
    let unit = match (number.currency, number.suffix) {
        (_, Some("%")) => Some("%".to_string()),
        (Some(c), Some(s)) => Some(format!("{c}{s}")),
        (Some(c), None) => Some(c.to_string()),
        (None, Some(s)) => Some(s.to_string()),
        (None, None) => None,
    };
    Some((value, unit))
}

/// One number as printed, in parts: an optional sign, currency mark, the digits (ASCII,
/// optionally grouped by thousands with commas, optionally with a decimal part), and a
/// scale or percent suffix, with spaces allowed between the parts. The same language as
/// regex `NUMBER` in this module's tests, read by hand: a cell is tried on every
/// table row, and the regex's captures cost ten times this (issue #3).
struct Printed<'t> {
    sign: Option<char>,
    currency: Option<char>,
    digits: &'t str,
    /// "%", "pp", "bn", "m" or "k", lowercase.
    suffix: Option<&'static str>,
}

impl<'t> Printed<'t> {
    /// The parts of `t` when the whole of it is one number.
    fn read(t: &'t str) -> Option<Printed<'t>> {
        let (sign, rest) = take_char(t, |c| matches!(c, '-' | '+' | '\u{2212}' | '\u{2013}'));
        let (currency, rest) = take_char(rest.trim_start(), |c| matches!(c, '£' | '$' | '€'));
        let rest = rest.trim_start();
        let len = number_len(rest.as_bytes())?;
        let (digits, rest) = rest.split_at(len);
        let suffix = match rest.trim_start() {
            "" => None,
            "%" => Some("%"),
            s if s.eq_ignore_ascii_case("pp") => Some("pp"),
            s if s.eq_ignore_ascii_case("bn") => Some("bn"),
            "m" | "M" => Some("m"),
            // the Kelvin sign folds to "k" when case is ignored
            "k" | "K" | "\u{212a}" => Some("k"),
            _ => return None,
        };
        Some(Printed {
            sign,
            currency,
            digits,
            suffix,
        })
    }
}

/// The first character of `t` when `want` accepts it, and the rest.
fn take_char(t: &str, want: impl Fn(char) -> bool) -> (Option<char>, &str) {
    match t.chars().next() {
        Some(c) if want(c) => (Some(c), &t[c.len_utf8()..]),
        _ => (None, t),
    }
}

/// The length of the number at the start of `b`: "1,234,567.89", "1234.5", ".5".
fn number_len(b: &[u8]) -> Option<usize> {
    let digits_from = |at: usize| {
        b[at.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut at = digits_from(0);
    // thousands: one to three digits, then groups of a comma and exactly three digits
    if (1..=3).contains(&at) && b.get(at) == Some(&b',') {
        while b.get(at) == Some(&b',') {
            if digits_from(at + 1) != 3 {
                return None;
            }
            at += 4;
        }
    }
    // a decimal part needs a digit after the point; ".5" has no whole part
    if b.get(at) == Some(&b'.') {
        let fraction = digits_from(at + 1);
        if fraction == 0 {
            return None;
        }
        at += 1 + fraction;
    }
    (at > 0).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;
    use std::sync::LazyLock;

    /// The language [`Printed::read`] reads, as a regex: the reference it is tested against.
    pub(super) static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
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

    /// Sign, currency, digits and suffix.
    type Parts = (Option<char>, Option<char>, String, Option<String>);

    /// What the regex captures, in the parts `Printed` gives (digits beyond ASCII make
    /// no number: `f64::from_str` refuses them).
    fn by_regex(t: &str) -> Option<Parts> {
        let caps = NUMBER.captures(t)?;
        let num = caps.name("num")?.as_str();
        if !num
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        {
            return None;
        }
        Some((
            caps.name("sign").and_then(|m| m.as_str().chars().next()),
            caps.name("cur").and_then(|m| m.as_str().chars().next()),
            num.to_string(),
            caps.name("suf").map(|m| m.as_str().to_lowercase()),
        ))
    }

    fn by_hand(t: &str) -> Option<Parts> {
        let p = Printed::read(t)?;
        Some((
            p.sign,
            p.currency,
            p.digits.to_string(),
            p.suffix.map(str::to_string),
        ))
    }

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
    fn thousands_groups_and_decimals() {
        assert_eq!(v("1,234.5"), Some((1234.5, None)));
        assert_eq!(v(".5"), Some((0.5, None)));
        assert_eq!(v("£ 5 m"), Some((5.0, Some("£m"))));
        assert_eq!(v("5\u{212a}"), Some((5.0, Some("k"))));
        for t in ["1234,567", "1,2345", "1,23", "5.", "5,", "1,234,56"] {
            assert_eq!(v(t), None, "{t:?}");
        }
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        /// The hand-written reader reads exactly the regex's language, with the same parts.
        #[test]
        fn reads_what_the_regex_matches(s in "[-+\u{2212}\u{2013}£$€ \u{a0}0-9,.%pPbBnNmMkK\u{212a}\u{663}x]{0,12}") {
            prop_assert_eq!(by_hand(&s), by_regex(&s), "{:?}", s);
        }

        /// The same, over text shaped like numbers, so most cases are near misses.
        #[test]
        fn reads_what_the_regex_matches_near_numbers(s in "[-+\u{2212}\u{2013}]?[ ]?[£$€]?[ ]?(\\.?[0-9]{1,5}(,[0-9]{2,4}){0,2}(\\.[0-9]{0,2})?|[,.])[ ]?(%|pp|PP|bn|m|M|k|K|\u{212a}|p|x)?") {
            prop_assert_eq!(by_hand(&s), by_regex(&s), "{:?}", s);
        }
    }
}
