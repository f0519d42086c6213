//! Numeric tables with typed cells.
//!
//! Takes the document's table-row lines, groups consecutive rows into tables, and keeps
//! those whose body cells are mostly numbers, percentages or money. Leading rows that are
//! mostly words are the header (there may be a group header above the column header).
//! Every body cell keeps its printed text and its column position, so column indices
//! match the printed table; [`cells::parse_number`] gives each its value and unit. Prose
//! tables (membership lists, cover sheets, action plans) fail the numeric share and are
//! left out. Lists of payments printed as lines ([`money_lists`]) are tables too.
//! Nothing here looks at the input format.

use std::collections::HashMap;

use crate::extract::MeetingKey;
use crate::extract::cells;
use crate::extract::money_lists;
use crate::model::{Document, Line};
use crate::pack::{Table, TableCell};
use crate::rules::{Pattern, RuleSet, Words};

use super::titles::is_title;

crate::rule_section! {
    /// Numeric tables.
    pub struct TableRules / RawTableRules {
        /// Share of body cells that must be numbers for a table to count as numeric.
        min_numeric_share: f64,
        /// Most leading word rows taken as header rows.
        max_header_rows: usize,
        /// Cells that print "no value" ("-", "n/a", "?"); left out of the numeric share.
        null_cell: Pattern,
        /// A caption line ("Table 1: …"), preferred as the title within `title_lookback`.
        caption: Pattern,
        /// How many lines above a table to look for its title.
        title_lookback: usize,
        /// Titles of tables that are not data even when numeric (a table of contents).
        skip_title: Pattern,
        /// Column labels that are no title when printed above a table or plan ("Ref").
        label_titles: Words,
        /// A line of more words than this above a table is a sentence, not its title.
        title_max_words: usize,
        /// Header cells that parse as numbers but name a column (years, "£000s", "%").
        header_cell: Pattern,
        /// The row-label column counts as prose only from this length (indicator names
        /// in performance tables run long).
        label_prose_chars: usize,
        /// A body cell this long (in characters) is prose; a column mostly of prose cells
        /// makes the table a prose table (membership lists, commentary).
        prose_cell_chars: usize,
        /// A sum of money in a list of payments ("£1,300.00", "£30", "£ 45.50").
        money_amount: Pattern,
        /// What may follow a list line's amounts: nothing, a cheque reference and
        /// anything after it, or a few words ("– all approved.").
        money_tail: Pattern,
        /// A date printed just before a list line's amounts: named group `date`,
        /// anchored at the end.
        money_date: Pattern,
        /// A list mark before a list line's label ("1.", "iv)", "(b)").
        money_list_mark: Pattern,
        /// Most words in a list line's label; longer lines are prose.
        money_label_words: usize,
        /// Words that make a label a sentence ("The salary was increased to £400."):
        /// such a line is prose that ends in a sum, not a line of a list.
        money_sentence: Pattern,
        /// Most words in a heading inside a list ("INCOME").
        money_section_words: usize,
        /// Fewest lines with amounts that make a list.
        money_list_min_rows: usize,
    }
}

/// Every numeric table in the document.
pub fn extract(doc: &Document, rules: &RuleSet, key: MeetingKey<'_>) -> Vec<Table> {
    let r = &rules.tables;
    let mut tables = Vec::new();
    // Lines of the tables read here: not lines of a list of payments.
    let mut taken = vec![false; doc.lines.len()];
    let mut i = 0;
    while i < doc.lines.len() {
        if !doc.lines[i].is_row() {
            i += 1;
            continue;
        }
        let start = i;
        while i < doc.lines.len() && doc.lines[i].is_row() {
            i += 1;
        }
        // One row of a label and a sum beside other list lines: a line of a list of
        // payments that a wide gap split into cells, read with the list's other lines.
        if i - start == 1
            && money_lists::is_entry(&doc.lines[start], r)
            && neighbours(doc, start).any(|l| money_lists::is_entry(l, r))
        {
            continue;
        }
        if let Some(t) = build(doc, start, &doc.lines[start..i], r, key) {
            tables.push(t);
            taken[start..i].fill(true);
        }
    }
    for list in money_lists::find(doc, r, &taken) {
        // The nearest written line above (a list's heading is often a numbered row:
        // "2836.⇥Accounts for payment:-"), unlike `title_above`, which stops at rows.
        let title = doc.lines[..list.start]
            .iter()
            .rev()
            .find(|l| !l.is_blank())
            .map(|l| {
                if l.is_row() {
                    l.filled_cells().join(" ")
                } else {
                    l.text.trim().to_string()
                }
            })
            .filter(|t| is_title(t, r));
        let first_label = list
            .rows
            .first()
            .and_then(|row| row.first())
            .map_or("", |c| c.text.as_str());
        let id = key.id("tbl", &[title.as_deref().unwrap_or(""), first_label]);
        tables.push(Table {
            id,
            title,
            provenance: doc.lines[list.start].provenance,
            header: Vec::new(),
            rows: list.rows,
        });
    }
    tables.sort_by_key(|t| t.provenance.line);
    // Same title and first row label twice: the occurrence number keeps ids unique.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for t in &mut tables {
        let n = seen.entry(t.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            let label = t
                .rows
                .first()
                .and_then(|r| r.first())
                .map_or("", |c| c.text.as_str());
            t.id = key.id(
                "tbl",
                &[t.title.as_deref().unwrap_or(""), label, &n.to_string()],
            );
        }
    }
    tables
}

/// The nearest written lines before and after line `i`.
fn neighbours(doc: &Document, i: usize) -> impl Iterator<Item = &Line> {
    let before = doc.lines[..i].iter().rev().find(|l| !l.is_blank());
    let after = doc.lines[i + 1..].iter().find(|l| !l.is_blank());
    before.into_iter().chain(after)
}

/// A header row: no number in it (the row label aside) except years and units that
/// name columns ("2023", "£000s").
fn is_header_row(line: &Line, r: &TableRules) -> bool {
    line.cells.iter().skip(1).all(|c| {
        let t = c.text.trim();
        r.header_cell.is_match(t) || cells::parse_number(t).is_none()
    })
}

/// Numeric and countable (non-null, non-empty) cells of a row, row label excluded.
fn numeric_counts(line: &Line, r: &TableRules) -> (usize, usize) {
    let mut numeric = 0;
    let mut counted = 0;
    for c in line.cells.iter().skip(1) {
        let t = c.text.trim();
        if t.is_empty() || r.null_cell.is_match(t) {
            continue;
        }
        counted += 1;
        if cells::parse_number(t).is_some() {
            numeric += 1;
        }
    }
    (numeric, counted)
}

fn build(
    doc: &Document,
    start: usize,
    rows: &[Line],
    r: &TableRules,
    key: MeetingKey<'_>,
) -> Option<Table> {
    // A header row holds no number at all (the row label aside): a body row with a few
    // words in it ("Top offence types") must not end the header early or late.
    let header_len = rows
        .iter()
        .take(r.max_header_rows)
        .take_while(|l| is_header_row(l, r))
        .count();
    let body = &rows[header_len..];
    if body.is_empty() || has_prose_column(body, r) {
        return None;
    }
    let (numeric, counted) = body
        .iter()
        .map(|l| numeric_counts(l, r))
        .fold((0, 0), |(a, b), (n, c)| (a + n, b + c));
    if counted == 0 || (numeric as f64) / (counted as f64) < r.min_numeric_share {
        return None;
    }
    let header: Vec<Vec<String>> = rows[..header_len]
        .iter()
        .map(|l| l.cells.iter().map(|c| c.text.trim().to_string()).collect())
        .collect();
    let body_rows: Vec<Vec<TableCell>> = body
        .iter()
        .map(|l| {
            l.cells
                .iter()
                .map(|c| {
                    let text = c.text.trim().to_string();
                    let (value, unit) = match cells::parse_number(&text) {
                        Some((v, u)) => (Some(v), u),
                        None => (None, None),
                    };
                    TableCell { text, value, unit }
                })
                .collect()
        })
        .collect();
    let title = title_above(doc, start, r);
    if title.as_deref().is_some_and(|t| r.skip_title.is_match(t)) {
        return None;
    }
    let first_label = body_rows
        .first()
        .and_then(|row| row.first())
        .map_or("", |c| c.text.as_str());
    let id = key.id("tbl", &[title.as_deref().unwrap_or(""), first_label]);
    Some(Table {
        id,
        title,
        provenance: rows[0].provenance,
        header,
        rows: body_rows,
    })
}

/// True when some column holds mostly long text: names with posts, commentary. Long
/// row labels do not make prose when most rows carry two figures or more (savings
/// lines, performance indicators described in a sentence).
fn has_prose_column(body: &[Line], r: &TableRules) -> bool {
    let width = body.iter().map(|l| l.cells.len()).max().unwrap_or(0);
    let figure_rows = body.iter().filter(|l| numeric_counts(l, r).0 >= 2).count();
    let labels_free = figure_rows * 2 > body.len();
    (0..width).any(|col| {
        if col == 0 && labels_free {
            return false;
        }
        let cells: Vec<&str> = body
            .iter()
            .filter_map(|l| l.cells.get(col))
            .map(|c| c.text.trim())
            .filter(|t| !t.is_empty())
            .collect();
        let limit = if col == 0 {
            r.label_prose_chars
        } else {
            r.prose_cell_chars
        };
        let long = cells.iter().filter(|t| t.chars().count() >= limit).count();
        !cells.is_empty() && long * 2 > cells.len()
    })
}

/// A caption within the look-back window, else the nearest line above that reads as a
/// heading.
fn title_above(doc: &Document, start: usize, r: &TableRules) -> Option<String> {
    let window: Vec<&Line> = doc.lines[..start]
        .iter()
        .rev()
        .take_while(|l| !l.is_row())
        .filter(|l| !l.is_blank())
        .take(r.title_lookback)
        .collect();
    window
        .iter()
        .find(|l| r.caption.is_match(l.text.trim()))
        .or_else(|| window.iter().find(|l| is_title(&l.text, r)))
        .map(|l| l.text.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing;

    fn run(text: &str) -> Vec<Table> {
        let doc = Document::from_plain_text(text);
        extract(&doc, testing::rules(), testing::NO_KEY)
    }

    #[test]
    fn two_header_rows_and_typed_cells() {
        let t = run("Crime performance\n\
            \tHaringey\t\tNorth Area\tLondon\n\
            \tOffences\tChange\tChange\tChange\n\
            Total Crime\t28,325\t-12%\t-10%\t+2%\n\
            Robbery\t1,285\t-51%\t-48%\t-38%\n");
        assert_eq!(t.len(), 1);
        let t = &t[0];
        assert_eq!(t.title.as_deref(), Some("Crime performance"));
        assert_eq!(t.header.len(), 2);
        assert_eq!(t.header[1][1], "Offences");
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0][0].text, "Total Crime");
        assert_eq!(t.rows[0][1].value, Some(28325.0));
        assert_eq!(t.rows[0][2].value, Some(-12.0));
        assert_eq!(t.rows[0][2].unit.as_deref(), Some("%"));
        assert_eq!(t.rows[0][4].value, Some(2.0));
    }

    #[test]
    fn empty_cells_keep_their_column() {
        let t = run(
            "Borough comparison\nBorough\tBCU\tNew\tBorough\tNew\nMerton\tSW\t62\t\t\nRichmond\tSW\t41.5\tTotal\t4,171\n",
        );
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows[0].len(), 5);
        assert_eq!(t[0].rows[1][4].value, Some(4171.0));
        assert_eq!(t[0].rows[0][3].value, None);
    }

    #[test]
    fn money_arrows_and_nulls() {
        let t = run("Costs\nBefore\t£22,170\t↑\nAfter\t£1.2m\t-\nLater\t£350k\tn/a\n");
        assert_eq!(t.len(), 1);
        let rows = &t[0].rows;
        assert!(t[0].header.is_empty());
        assert_eq!(rows[0][1].unit.as_deref(), Some("£"));
        assert_eq!(rows[0][2].value, None);
        assert_eq!(rows[0][2].text, "↑");
        assert_eq!(rows[1][1].unit.as_deref(), Some("£m"));
        assert_eq!(rows[2][1].value, Some(350.0));
    }

    #[test]
    fn prose_tables_are_not_numeric() {
        let t = run(
            "Membership\nOrganisation\tReps\tName\nCouncil\t9\tCllr Ann Smith, Cabinet Member for Community Safety\nTrust\t1\tJo Bloggs, Director of Mental Health Services\n",
        );
        assert!(t.is_empty());
        let t = run("Title of Report\tUpdate on things\nDate of Report\t24 February 2021\n");
        assert!(t.is_empty());
    }

    #[test]
    fn caption_wins_over_nearer_prose() {
        let t = run(
            "Table 3: Offences by type\nSource: police data\nType\tCount\nBurglary\t346\nTheft\t306\n",
        );
        assert_eq!(t[0].title.as_deref(), Some("Table 3: Offences by type"));
    }

    #[test]
    fn year_and_unit_header_rows() {
        let t = run(
            "Table 2: Revenue budget\n\t2022\t2023\tChange\n\t£000\t£000s\t%\nAdults\t112,650\t118,004\t4.8%\nChildren\t68,118\t71,229\t(4.6)\n",
        );
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].header.len(), 2);
        assert_eq!(t[0].header[1][2], "£000s");
        assert_eq!(t[0].rows[1][3].value, Some(-4.6));
    }

    #[test]
    fn long_indicator_names_are_labels_not_prose() {
        let t = run(
            "Key performance indicators\nIndicator\tTarget\tQ1\tChange\n\
            Percentage of major planning applications determined within 13 weeks\t60%\t92%\t+4pp\n\
            Number of households in temporary accommodation at quarter end\t45\t58*\tn/k\n\
            Percentage of household waste sent for reuse, recycling and composting\t55%\tx\t-\n",
        );
        assert_eq!(t.len(), 1);
        let rows = &t[0].rows;
        assert_eq!(rows[0][3].unit.as_deref(), Some("pp"));
        assert_eq!(rows[1][2].value, Some(58.0));
        assert_eq!(rows[1][3].value, None);
        assert_eq!(rows[2][2].value, None);
    }

    #[test]
    fn savings_described_in_a_sentence_keep_their_figures() {
        // Labels past the prose length, but every row carries several figures.
        let long = "Review of community-based services ensuring strict adherence to policy and a review of packages with high levels of support";
        let t = run(&format!(
            "Saving\tTarget\tForecast\tVariance\n\
            {long}\t-650.0\t-650.0\t0.0\n\
            {long} and enhanced contributions from health partners\t-550.0\t-237.5\t312.5\n"
        ));
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows[1][3].value, Some(312.5));
    }

    #[test]
    fn long_labels_with_one_figure_are_still_prose() {
        let long = "The committee noted the report and asked officers to bring a further update to its next meeting with the figures";
        let t = run(&format!(
            "Item\tNote\tCount\n{long}\tnoted\t3\n{long} in full\tnoted\t4\n"
        ));
        assert!(t.is_empty());
    }
}
