//! Titles of numeric tables and action plans: the heading line above them.
//!
//! The line nearest a table is not always its title: a banner cell may be a column's
//! label ("Ref", "Subject Heading"), and a report often introduces a table with a
//! sentence ("The table below shows the number of …", "In this section you should list
//! …"). [`is_title`] says whether a line reads as a heading; the callers look further up
//! past one that does not, and give no title rather than a label or a sentence.

use super::tables::TableRules;

/// True when `text` reads as a heading: not a column label of the `[tables]
/// label_titles` list, and not a sentence (over `title_max_words` words, or a full stop
/// closing six words or more).
pub fn is_title(text: &str, r: &TableRules) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    let label = t.trim_end_matches([':', '.']).trim();
    if words == 0 || r.label_titles.contains(label) {
        return false;
    }
    let sentence = words > r.title_max_words || (t.ends_with('.') && words >= 6);
    !sentence
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::rules;

    #[test]
    fn headings_are_titles_labels_and_sentences_are_not() {
        let r = &rules().tables;
        for t in [
            "Action Plan",
            "Table 2: Offences by type",
            "The following payments were agreed:",
            "Key data",
        ] {
            assert!(is_title(t, r), "{t}");
        }
        for t in [
            "Ref",
            "Subject Heading",
            "In this section you should list the actions that answer each impact found above.",
            "The table below compares the calls made to the police in each quarter of the last two years and shows a fall",
        ] {
            assert!(!is_title(t, r), "{t}");
        }
    }
}
