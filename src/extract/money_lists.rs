//! Lists of payments printed as lines: numeric tables without columns.
//!
//! Town, parish and community council minutes approve their payments, and report their
//! accounts, as a list of lines, each a payee or purpose and an amount: "Merlin Waste -
//! £30 (Ch. No. 101151)", "5. Zurich Municipal, Council Insurance, Chq No 1369 £277.10",
//! "Precept 10/04/2012 £1,300.00", "TOTAL £6,393.08". Such a run of lines is a numeric
//! table as much as a ruled one, so it is output as one: a row per line, the label (list
//! mark taken off) in the first cell, a date printed just before the amount in a cell of
//! its own (the same column on every row), then the amounts. Short headings inside the
//! list ("INCOME", "Expenditure") are rows without figures.
//!
//! A line belongs to a list when its amounts end it, or are followed only by a cheque
//! reference or a few words ("– all approved."); a sentence that mentions a sum in
//! passing does not. A list needs at least `money_list_min_rows` such lines; blank lines
//! between them do not end it. Rows of the tables [`super::tables`] reads are left to it.

use crate::extract::cells;
use crate::extract::tables::TableRules;
use crate::model::{Document, Line};
use crate::pack::TableCell;

/// One line of a list: its label, the date printed before the amounts, the amounts.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    label: String,
    date: Option<String>,
    amounts: Vec<String>,
    /// The label holds a sum too.
    mixed: bool,
}

/// A run of list lines found in the document.
pub struct MoneyList {
    /// Index of the first line of the list in the document.
    pub start: usize,
    /// The rows, cells typed.
    pub rows: Vec<Vec<TableCell>>,
}

/// Every list of payments or accounts in the document. Lines marked in `taken` belong
/// to tables already read and are not list lines; other table rows are read as text
/// (a converter may split one line of a list at a wide gap before its amount).
pub fn find(doc: &Document, r: &TableRules, taken: &[bool]) -> Vec<MoneyList> {
    let mut lists = Vec::new();
    let lines = &doc.lines;
    let mut i = 0;
    while i < lines.len() {
        // A line whose label holds a sum of its own ("Community A/C £11,383.47, BMM A/C
        // £5,642.40") is a sentence of figures, not a list line, unless a list is open.
        if item(lines, i, r, taken).is_none_or(|e| e.mixed) {
            i += 1;
            continue;
        }
        let start = i;
        let mut entries: Vec<Entry> = Vec::new();
        let mut end = i;
        let mut k = i;
        while k < lines.len() {
            if lines[k].is_blank() {
                k += 1;
                continue;
            }
            match item(lines, k, r, taken) {
                Some(e) => {
                    entries.push(e);
                    end = k + 1;
                }
                None => break,
            }
            k += 1;
        }
        let figures = entries.iter().filter(|e| !e.amounts.is_empty()).count();
        if figures >= r.money_list_min_rows {
            lists.push(MoneyList {
                start,
                rows: to_rows(&entries),
            });
        }
        i = end.max(start + 1);
    }
    lists
}

/// A line that reads as a line of a list of payments (label and amounts).
pub fn is_entry(l: &Line, r: &TableRules) -> bool {
    parse_entry(l, r).is_some()
}

/// Line `k` as a list line, or as a section heading when a list line follows it.
fn item(lines: &[Line], k: usize, r: &TableRules, taken: &[bool]) -> Option<Entry> {
    let l = &lines[k];
    if taken.get(k).copied().unwrap_or(false) {
        return None;
    }
    parse_entry(l, r).or_else(|| {
        (is_section_label(l, r) && next_is_entry(lines, k + 1, r, taken)).then(|| Entry {
            label: l.text.trim().to_string(),
            date: None,
            amounts: Vec::new(),
            mixed: false,
        })
    })
}

/// The rows of a list: a date column when any line prints a date.
fn to_rows(entries: &[Entry]) -> Vec<Vec<TableCell>> {
    let dated = entries.iter().any(|e| e.date.is_some());
    entries
        .iter()
        .map(|e| {
            let mut row = vec![text_cell(&e.label)];
            if dated {
                row.push(text_cell(e.date.as_deref().unwrap_or("")));
            }
            row.extend(e.amounts.iter().map(|a| typed_cell(a)));
            row
        })
        .collect()
}

fn text_cell(text: &str) -> TableCell {
    TableCell {
        text: text.to_string(),
        value: None,
        unit: None,
    }
}

fn typed_cell(text: &str) -> TableCell {
    let (value, unit) = match cells::parse_number(text) {
        Some((v, u)) => (Some(v), u),
        None => (None, None),
    };
    TableCell {
        text: text.to_string(),
        value,
        unit,
    }
}

/// A short heading inside a list ("INCOME", "Expenditure"): a few words, no figures, no
/// sentence end.
fn is_section_label(l: &Line, r: &TableRules) -> bool {
    let t = l.text.trim();
    // word count first, stopping early: most lines are long
    !t.is_empty()
        && t.split_whitespace().nth(r.money_section_words).is_none()
        && !l.is_row()
        && !t.chars().any(|c| c.is_ascii_digit())
        && !t.ends_with(['.', ',', ';'])
}

/// The next non-blank line from `from` is a list line.
fn next_is_entry(lines: &[Line], from: usize, r: &TableRules, taken: &[bool]) -> bool {
    (from..lines.len())
        .find(|&k| !lines[k].is_blank())
        .is_some_and(|k| {
            !taken.get(k).copied().unwrap_or(false) && parse_entry(&lines[k], r).is_some()
        })
}

/// Reads one line as a list line: the last run of amounts (separated by spaces only)
/// that the line's tail allows, with the label before it.
fn parse_entry(l: &Line, r: &TableRules) -> Option<Entry> {
    let text = l.text.trim();
    let found: Vec<(usize, usize)> = r
        .money_amount
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect();
    if found.is_empty() {
        return None;
    }
    // Runs of amounts with only spaces between them.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (s, e) in found {
        match runs.last_mut() {
            Some(last) if text[last.1..s].trim().is_empty() => last.1 = e,
            _ => runs.push((s, e)),
        }
    }
    let (start, end) = runs
        .into_iter()
        .rev()
        .find(|&(_, e)| r.money_tail.is_match(&text[e..]))?;
    let amounts: Vec<String> = r
        .money_amount
        .find_iter(&text[start..end])
        .map(|m| m.as_str().trim().to_string())
        .collect();
    let mut label =
        text[..start].trim_end_matches(|c: char| c.is_whitespace() || "-–—:,=(".contains(c));
    let mut date = None;
    if let Some(c) = r.money_date.captures(label)
        && let Some(m) = c.name("date")
    {
        date = Some(m.as_str().to_string());
        label = label[..m.start()]
            .trim_end_matches(|c: char| c.is_whitespace() || "-–—:,=(".contains(c));
    }
    let label = match r.money_list_mark.find(label) {
        Some(m) if m.start() == 0 => &label[m.end()..],
        _ => label,
    };
    let words = label.split_whitespace().count();
    if words == 0
        || words > r.money_label_words
        || !label.chars().any(char::is_alphabetic)
        || r.money_sentence.is_match(label)
    {
        return None;
    }
    Some(Entry {
        label: label.to_string(),
        date,
        amounts,
        mixed: r.money_amount.is_match(label),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::rules::RuleBook;

    /// A cell as (text, value).
    type Typed = (String, Option<f64>);

    fn lists(text: &str) -> Vec<Vec<Vec<Typed>>> {
        let book = RuleBook::embedded().expect("rules");
        let doc = Document::from_plain_text(text);
        find(&doc, &book.for_council(None).tables, &[])
            .into_iter()
            .map(|l| {
                l.rows
                    .into_iter()
                    .map(|row| row.into_iter().map(|c| (c.text, c.value)).collect())
                    .collect()
            })
            .collect()
    }

    fn cell(t: &str, v: Option<f64>) -> Typed {
        (t.to_string(), v)
    }

    #[test]
    fn payments_with_cheque_references_after_the_amount() {
        let got = lists(
            "12. Payments\n\
             Handyman - £45.50 (Chq. No. 2001),\n\
             Village Hall Hire - £12 (Chq. No. 2002) – all approved.\n",
        );
        assert_eq!(
            got,
            [[
                [cell("Handyman", None), cell("£45.50", Some(45.5))],
                [cell("Village Hall Hire", None), cell("£12", Some(12.0))],
            ]]
        );
    }

    #[test]
    fn numbered_payments_and_a_total_after_a_gap() {
        let got = lists(
            "1. County Council, street lighting, Chq No 88 £1,204.10\n\
             2. Clerk, salary, Chq No 89 £400.00\n\n\
             TOTAL £1,604.10\n",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0][0][0].0, "County Council, street lighting, Chq No 88");
        assert_eq!(
            got[0][2],
            [cell("TOTAL", None), cell("£1,604.10", Some(1604.1))]
        );
    }

    #[test]
    fn dates_get_a_column_and_headings_are_rows() {
        let got = lists(
            "INCOME\n\
             Precept 10/04/2012 £2,000.00\n\
             Grant 21/05/2012 £20.27\n\
             Sub Total £2,020.27\n",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0][0], [cell("INCOME", None), cell("", None)]);
        assert_eq!(
            got[0][1],
            [
                cell("Precept", None),
                cell("10/04/2012", None),
                cell("£2,000.00", Some(2000.0))
            ]
        );
        assert_eq!(got[0][3][2], cell("£2,020.27", Some(2020.27)));
    }

    #[test]
    fn sentences_that_mention_sums_are_not_lists() {
        let got = lists(
            "The Clerk reported that £500 had been received from the County Council towards the bus shelter.\n\
             Members agreed to spend £250 on the planters subject to three quotes being obtained.\n",
        );
        assert!(got.is_empty());
    }

    #[test]
    fn a_report_of_balances_in_sentences_is_not_a_list() {
        let got = lists(
            "Financial Report: Community A/C £11,383.47, BMM A/C £5,642.40p\n\
             Amount spent to date on revenue £14,777.45, capital £1,547.70 making £14,615.84p\n",
        );
        assert!(got.is_empty());
    }

    #[test]
    fn a_line_split_at_the_gap_before_its_amount_stays_in_the_list() {
        let got = lists(
            "i) Clerk, salary April, Chq No 1132\t£350.00\n\
             ii) Seminar fee, Chq No 1133 £30.00\n",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0][0][1], cell("£350.00", Some(350.0)));
    }

    #[test]
    fn sentences_that_end_in_a_sum_are_not_lists() {
        let got = lists(
            "The Clerk's salary was increased to £400.\n\
             The council agreed to buy a new bench for £650.\n",
        );
        assert!(got.is_empty());
    }

    #[test]
    fn one_amount_is_not_a_list() {
        assert!(lists("Balance at bank £1,915.23\nThe meeting closed at 9pm.\n").is_empty());
    }
}
