//! Sentences of a paragraph, as minutes punctuate them.
//!
//! Takes a paragraph's text and returns the byte ranges of its sentences. A full stop
//! ends a sentence only when the next word starts with a capital, a digit or a quote,
//! and not after an honorific ("Cllr.", "Mrs."), a lone initial ("J."), or a short form
//! minutes use in running text ("No.", "Ch.", "approx."). The decision and task readers
//! of parish minutes, which record several things in one paragraph, share it.

use std::ops::Range;

use crate::rules::RuleSet;

/// Short forms whose full stop ends no sentence (beside the honorifics of the rules).
const SHORT_FORMS: &[&str] = &[
    "no", "nos", "ch", "chq", "st", "co", "ltd", "approx", "etc", "eg", "ie", "vs", "ref", "tel",
    "cyng", "messrs", "inc", "dept", "cttee", "esq",
];

/// The sentences of `text`, in order, as byte ranges (each trimmed of leading spaces).
pub fn sentences(text: &str, rules: &RuleSet) -> Vec<Range<usize>> {
    let mut starts = vec![0];
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') || bytes.get(i + 1) != Some(&b' ') {
            continue;
        }
        let next = text[i + 1..].trim_start();
        let word = text[..i]
            .rsplit(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or("");
        let lower = word.to_lowercase();
        // "J." and "Cllr." do not end a sentence; "…1011)." does
        let short = word.chars().count() == 1
            || rules.common.honorifics.contains(&lower)
            || SHORT_FORMS.contains(&lower.as_str());
        let opens = next.starts_with(|ch: char| {
            ch.is_uppercase() || ch.is_ascii_digit() || matches!(ch, '\'' | '"' | '‘' | '“')
        });
        if opens && !short {
            starts.push(text.len() - next.len());
        }
    }
    let mut out: Vec<Range<usize>> = Vec::with_capacity(starts.len());
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(text.len());
        let piece = &text[s..end];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if s + lead < end - trail {
            out.push(s + lead..end - trail);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, crate::extract::testing::rules())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn full_stops_before_capitals_end_sentences() {
        assert_eq!(
            split("The hall roof leaks. Cllr. B. Ray will look at it. 4 quotes came."),
            [
                "The hall roof leaks.",
                "Cllr. B. Ray will look at it.",
                "4 quotes came."
            ]
        );
    }

    #[test]
    fn short_forms_and_initials_do_not() {
        assert_eq!(
            split("Paid Mr. J. Lee £30 (Ch. No. 1011). Agreed."),
            ["Paid Mr. J. Lee £30 (Ch. No. 1011).", "Agreed."]
        );
        assert_eq!(
            split("costs 2.5 million. fine"),
            ["costs 2.5 million. fine"]
        );
        assert!(split("").is_empty());
    }
}
