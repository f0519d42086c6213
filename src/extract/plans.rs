//! Action-plan tables: rows that name a responsible owner.
//!
//! Takes the document's table-row lines and returns one [`ActionPlan`] per plan table. A
//! plan starts at a header row with an owner column ("Lead Officer", "Named CSP Lead",
//! "Action by", "Responsible …"); the other columns are mapped by their header words (all
//! in `[plans]`). Body rows are then read until the table ends (a prose line or too long a
//! gap); a repeated header on the next page re-maps the columns and continues the plan.
//!
//! PDF-to-text conversion damages these tables in two general ways, both handled here:
//! a row may lose or gain an empty column (each row is aligned to the header by the
//! alignment whose cells fit their columns best), and a tall cell may be split over several
//! lines (a line whose text continues a sentence, has no text, or has no reference where
//! the table numbers its rows is joined to the row above). A key/value row such as
//! "Lead Officer: Name" on a cover sheet is not a plan.

use std::collections::HashMap;

use crate::extract::MeetingKey;
use crate::extract::dates;
use crate::model::Document;
use crate::pack::SegmentKind;
use crate::pack::{ActionPlan, Owner, OwnerKind, PlanAction};
use crate::rules::{Pattern, PatternGroups, Patterns, RuleSet, WordTokens, Words};
use crate::segment::Span;

use super::tables::TableRules;
use super::titles::is_title;

crate::rule_section! {
    /// Action-plan tables.
    pub struct PlanRules / RawPlanRules {
        /// Header cells naming the owner column.
        owner_header: Patterns,
        /// Header cells naming the action text column.
        text_header: Patterns,
        /// Header cells naming the row number / reference column.
        ref_header: Patterns,
        /// Header cells naming the theme / priority column.
        theme_header: Patterns,
        /// Header cells naming the lead organisation column.
        organisation_header: Patterns,
        /// Header cells naming the start date column.
        start_header: Patterns,
        /// Header cells naming the end date / timescale column.
        end_header: Patterns,
        /// Header cells naming the RAG / progress / status column.
        status_header: Patterns,
        /// Header cells naming the comment / update column.
        comment_header: Patterns,
        /// Fewest cells a header row has (a two-cell row is a key/value pair).
        min_header_cells: usize,
        /// Longest header cell, in characters.
        max_header_cell_chars: usize,
        /// A row reference as printed ("1", "3.2", "A4").
        ref_cell: Pattern,
        /// Non-row lines (blank or matching `gap_line`) allowed inside a table.
        max_gap_lines: usize,
        /// A non-blank line that may sit inside a table: a page-number stamp.
        gap_line: Pattern,
        /// Text that ends mid-phrase: the next line continues the cell.
        continuation_end: Pattern,
        /// An owner cell that points at the row above ("As above").
        same_as_above: Pattern,
        /// Separators that always split an owner cell (";", " with ", bullets "•").
        owner_split: Pattern,
        /// A dash that starts each owner in a bulleted owner cell ("-Head of …").
        owner_bullet: Pattern,
        /// Joiners that split an owner cell only when every part is itself an owner
        /// (" and ", "&", "/").
        owner_joiner: Pattern,
        /// A run of initial + surname names with nothing between them ("D Paterson O Williams").
        initials_run: Pattern,
        /// One initial + surname inside `initials_run`.
        initial_name: Pattern,
        /// A personal name: 2–3 capitalised words, or an initial and a surname.
        person_name: Pattern,
        /// An organisation acronym that can stand alone as an owner ("CSM", "CST").
        acronym: Pattern,
        /// Post words for owners beyond `[common] role_words` ("analyst", "inspector").
        post_words: Words,
        /// The end of an organisation name run straight into the next owner's post
        /// ("…, MPS Head of …"); split there when an owner cell has several commas.
        owner_org_end: Pattern,
        /// What a status cell holds: a RAG rating or a progress word.
        status_value: Pattern,
        /// The most words a status cell has; a longer cell is comment text.
        max_status_words: usize,
        /// Longest owner, in characters: longer text is a comment that leaked into the
        /// owner column, not an owner.
        max_owner_chars: usize,
        /// Fewest letters an action's text must have.
        min_text_letters: usize,
    }
}

/// What a column of a plan holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Ref,
    Theme,
    Text,
    Owner,
    Organisation,
    Start,
    End,
    Status,
    Comment,
}

/// Header fields of one plan, column by column, and which header cells were empty.
#[derive(Debug, Clone)]
struct Header {
    fields: Vec<Option<Field>>,
    empty: Vec<bool>,
}

/// One row's cells by field, before cleaning.
#[derive(Debug, Clone, Default)]
struct Record {
    r#ref: String,
    theme: String,
    text: String,
    owner: String,
    organisation: String,
    start: String,
    end: String,
    status: String,
    comment: String,
    line: usize,
}

impl Record {
    fn get_mut(&mut self, f: Field) -> &mut String {
        match f {
            Field::Ref => &mut self.r#ref,
            Field::Theme => &mut self.theme,
            Field::Text => &mut self.text,
            Field::Owner => &mut self.owner,
            Field::Organisation => &mut self.organisation,
            Field::Start => &mut self.start,
            Field::End => &mut self.end,
            Field::Status => &mut self.status,
            Field::Comment => &mut self.comment,
        }
    }
}

/// Every action plan in the document.
///
/// Tables inside printed minutes are skipped: an Action/Owner column there holds the
/// minutes' own actions, which the actions extractor reads.
pub fn extract(
    doc: &Document,
    spans: &[Span],
    rules: &RuleSet,
    key: MeetingKey<'_>,
) -> Vec<ActionPlan> {
    let r = &rules.plans;
    let mut plans = Vec::new();
    let mut open: Option<PlanBuilder> = None;
    let mut gap = 0;
    let in_minutes = |i: usize| {
        spans
            .iter()
            .any(|s| s.kind == SegmentKind::Minutes && s.lines.contains(&i))
    };
    // Lines already read as the second (or third) line of a header.
    let mut header_until = 0;
    for (idx, line) in doc.lines.iter().enumerate() {
        if idx < header_until {
            continue;
        }
        if !line.is_row() || in_minutes(idx) {
            if open.is_some() {
                gap += 1;
                let allowed = line.is_blank() || r.gap_line.is_match(line.text.trim());
                if !allowed || gap > r.max_gap_lines {
                    plans.extend(open.take().and_then(|b| b.finish(doc, rules, key)));
                }
            }
            continue;
        }
        gap = 0;
        let cells: Vec<&str> = line.cells.iter().map(|c| c.text.trim()).collect();
        if let Some((header, used)) = header_at(doc, idx, &cells, rules) {
            header_until = idx + 1 + used;
            match open.as_mut() {
                // A repeated header (next page): same plan, columns re-mapped.
                Some(b) => b.header = header,
                None => {
                    open = Some(PlanBuilder {
                        header,
                        start: idx,
                        records: Vec::new(),
                    })
                }
            }
            continue;
        }
        let Some(b) = open.as_mut() else { continue };
        if is_header_like(&cells, rules) {
            continue;
        }
        let rec = align(&cells, &b.header, r, idx);
        b.push(rec, rules);
    }
    plans.extend(open.take().and_then(|b| b.finish(doc, rules, key)));
    // Identical rows (same reference and text) get the occurrence number in their id, so
    // ids stay unique and stable for the same input.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for a in plans.iter_mut().flat_map(|p| p.actions.iter_mut()) {
        let n = seen.entry(a.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            a.id = key.id(
                "plan",
                &[a.r#ref.as_deref().unwrap_or(""), &a.text, &n.to_string()],
            );
        }
    }
    plans
}

/// The rows of one plan as they are read.
struct PlanBuilder {
    header: Header,
    start: usize,
    records: Vec<Record>,
}

impl PlanBuilder {
    /// Adds a row, or joins it to the row above when it continues that row's cells.
    fn push(&mut self, rec: Record, rules: &RuleSet) {
        let fields = [
            &rec.r#ref,
            &rec.text,
            &rec.owner,
            &rec.organisation,
            &rec.comment,
            &rec.status,
            &rec.end,
        ];
        if fields.iter().all(|f| f.is_empty()) {
            return;
        }
        let has_ref_col = self.header.fields.contains(&Some(Field::Ref));
        match self.records.last_mut() {
            Some(prev) if continues(prev, &rec, has_ref_col, rules) => join(prev, rec, rules),
            _ => self.records.push(rec),
        }
    }

    fn finish(self, doc: &Document, rules: &RuleSet, key: MeetingKey<'_>) -> Option<ActionPlan> {
        let r = &rules.plans;
        let mut actions: Vec<PlanAction> = Vec::new();
        let mut seen = crate::extract::ids::Unique::new();
        let mut theme = String::new();
        for rec in self.records {
            if !rec.theme.is_empty() {
                theme = clean(&rec.theme);
            }
            let text = clean(&rec.text);
            if text.chars().filter(|c| c.is_alphabetic()).count() < r.min_text_letters {
                continue;
            }
            let mut owners = if r.same_as_above.is_match(rec.owner.trim()) {
                actions.last().map(|a| a.owners.clone()).unwrap_or_default()
            } else {
                split_owners(&rec.owner, rules)
            };
            let organisation = some(clean(&rec.organisation));
            if owners.is_empty()
                && let Some(org) = &organisation
            {
                owners = split_owners(org, rules);
            }
            if owners.is_empty() {
                continue;
            }
            let r#ref = some(clean(&rec.r#ref));
            let id = key.unique_id(&mut seen, "plan", &[r#ref.as_deref().unwrap_or(""), &text]);
            let (status, comment) =
                status_and_comment(clean(&rec.status), clean(&rec.comment), rules);
            let (start, start_raw) = date_and_raw(&rec.start, rules);
            let (end, end_raw) = date_and_raw(&rec.end, rules);
            actions.push(PlanAction {
                id,
                r#ref,
                theme: some(theme.clone()),
                text,
                owners,
                organisation,
                start,
                start_raw,
                end,
                end_raw,
                status,
                comment,
                provenance: doc.lines[rec.line].provenance,
            });
        }
        if actions.is_empty() {
            return None;
        }
        Some(ActionPlan {
            title: title_above(doc, self.start, &rules.tables),
            provenance: doc.lines[self.start].provenance,
            actions,
        })
    }
}

/// Most extra lines a header may wrap onto (a four-word header in a narrow column).
const MAX_HEADER_WRAPS: usize = 3;

/// The column map of the header starting at line `idx`, and how many following lines it
/// wraps onto. A narrow column wraps its header words ("Named CSP" over "Lead"); a PDF
/// prints them as a second, short row whose words sit under header cells. Such rows are
/// merged column by column while the merged cells still read as header words: a body row
/// appended to header cells breaks their (anchored) header patterns, the rest of a wrapped
/// header keeps or completes them. The merged row is then mapped as a whole, so a table
/// whose wrapped header names no owner ("Lead" over "Agency") is not a plan.
fn header_at(
    doc: &Document,
    idx: usize,
    cells: &[&str],
    rules: &RuleSet,
) -> Option<(Header, usize)> {
    let r = &rules.plans;
    // Merging wrapped lines keeps the cell count and only lengthens cells, so a row that
    // `map_header` refuses for these reasons is refused merged too (most rows end here).
    if cells.len() < r.min_header_cells || cells.iter().any(|c| too_long_for_header(c, r)) {
        return None;
    }
    let mut kinds = header_kinds(cells, rules);
    if kinds.iter().all(|&m| m == 0) {
        // No cell names a column: there is nothing to merge (most table rows, issue #3).
        return map_header(cells, &kinds, r).map(|h| (h, 0));
    }
    let mut merged: Vec<String> = cells.iter().map(|c| (*c).to_string()).collect();
    let mut used = 0;
    while used < MAX_HEADER_WRAPS && kinds.iter().any(|&m| m != 0) {
        let Some(next) = doc.lines.get(idx + 1 + used).filter(|l| l.is_row()) else {
            break;
        };
        let next: Vec<&str> = next.cells.iter().map(|c| c.text.trim()).collect();
        if !continues_header(&merged, &next, r) {
            break;
        }
        let candidate: Vec<String> = merged
            .iter()
            .enumerate()
            .map(|(i, h)| match next.get(i).filter(|c| !c.is_empty()) {
                Some(more) => format!("{h} {more}"),
                None => h.clone(),
            })
            .collect();
        let refs: Vec<&str> = candidate.iter().map(String::as_str).collect();
        // The wrapped words must name more columns or change what one names ("Lead" over
        // "organisation"); words that leave every header as it was ("Activity" over
        // "service provision") are a body cell continued under a repeated header.
        let more = header_kinds(&refs, rules);
        let (had, has) = (
            kinds.iter().filter(|&&m| m != 0).count(),
            more.iter().filter(|&&m| m != 0).count(),
        );
        if has < had || (has == had && more == kinds) {
            break;
        }
        kinds = more;
        merged = candidate;
        used += 1;
    }
    let refs: Vec<&str> = merged.iter().map(String::as_str).collect();
    map_header(&refs, &kinds, r).map(|h| (h, used))
}

/// True when a cell is too long to be a column header.
fn too_long_for_header(cell: &str, r: &PlanRules) -> bool {
    // bytes ≥ chars: a cell within the limit in bytes is within it in characters
    cell.len() > r.max_header_cell_chars && cell.chars().count() > r.max_header_cell_chars
}

/// True when `next` can be the wrapped words of header cells `head`: a short row of words
/// (no figures, which a body row's reference or date would have), each under a header cell.
fn continues_header(head: &[String], next: &[&str], r: &PlanRules) -> bool {
    next.len() <= head.len()
        && next.iter().any(|c| !c.is_empty())
        && next.iter().zip(head).all(|(c, h)| {
            c.is_empty()
                || (!h.is_empty()
                    && !c.chars().any(|ch| ch.is_ascii_digit())
                    && c.chars().count() + h.chars().count() < r.max_header_cell_chars)
        })
}

/// The header lists of [`header_groups`] in order: list `i` answers as bit `i`.
const HEADER_FIELDS: [Field; 9] = [
    Field::Owner,
    Field::Text,
    Field::Ref,
    Field::Theme,
    Field::Organisation,
    Field::Start,
    Field::End,
    Field::Status,
    Field::Comment,
];

/// The order in which a header cell is given a field besides the owner's: the first
/// field not yet taken whose list the cell matches.
const FIELD_ORDER: [Field; 8] = [
    Field::Organisation,
    Field::Start,
    Field::End,
    Field::Status,
    Field::Comment,
    Field::Ref,
    Field::Theme,
    Field::Text,
];

/// The bit of a field's list in [`header_kinds`].
fn header_bit(field: Field) -> u32 {
    let i = HEADER_FIELDS.iter().position(|f| *f == field).unwrap_or(0);
    1 << i
}

/// A field's column-header list.
fn header_list(field: Field, r: &PlanRules) -> &Patterns {
    match field {
        Field::Owner => &r.owner_header,
        Field::Text => &r.text_header,
        Field::Ref => &r.ref_header,
        Field::Theme => &r.theme_header,
        Field::Organisation => &r.organisation_header,
        Field::Start => &r.start_header,
        Field::End => &r.end_header,
        Field::Status => &r.status_header,
        Field::Comment => &r.comment_header,
    }
}

/// Every column-header pattern list of a plan, searched in one pass (built once per
/// rule set).
fn header_groups(rules: &RuleSet) -> &PatternGroups {
    rules.derived.plan_headers.get_or_init(|| {
        let lists = HEADER_FIELDS.map(|f| header_list(f, &rules.plans));
        PatternGroups::new(&lists)
    })
}

/// Per cell, which column-header lists it matches (bit `i` for list `i` of
/// [`header_groups`]).
fn header_kinds(cells: &[&str], rules: &RuleSet) -> Vec<u32> {
    let groups = header_groups(rules);
    cells
        .iter()
        .map(|c| if c.is_empty() { 0 } else { groups.mask(c) })
        .collect()
}

/// How many non-empty cells read as plan column headers.
fn header_hits(cells: &[&str], rules: &RuleSet) -> usize {
    header_kinds(cells, rules)
        .iter()
        .filter(|&&m| m != 0)
        .count()
}

/// The column map of a header row, or `None` when the row is not a plan header. `kinds`
/// are the cells' [`header_kinds`]: which header lists each cell matches.
fn map_header(cells: &[&str], kinds: &[u32], r: &PlanRules) -> Option<Header> {
    if cells.len() < r.min_header_cells || cells.iter().any(|c| too_long_for_header(c, r)) {
        return None;
    }
    // "Lead Officer:" is a key of a key/value table, not a column header. (An empty cell
    // has no kinds: it is asked directly.)
    let owner_col = cells.iter().zip(kinds).position(|(c, &k)| {
        !c.ends_with(':')
            && if c.is_empty() {
                r.owner_header.is_match(c)
            } else {
                k & header_bit(Field::Owner) != 0
            }
    })?;
    let mut fields: Vec<Option<Field>> = vec![None; cells.len()];
    fields[owner_col] = Some(Field::Owner);
    for (i, cell) in cells.iter().enumerate() {
        if i == owner_col || cell.is_empty() {
            continue;
        }
        // in this order: the first field not yet taken whose list the cell matches
        fields[i] = FIELD_ORDER
            .into_iter()
            .find(|&f| !fields.contains(&Some(f)) && kinds[i] & header_bit(f) != 0);
    }
    // No "Action" header: the leftmost unnamed column holds the text ("Area 1: …").
    if !fields.contains(&Some(Field::Text)) {
        let col = fields.iter().position(Option::is_none)?;
        fields[col] = Some(Field::Text);
    }
    Some(Header {
        fields,
        empty: cells.iter().map(|c| c.is_empty()).collect(),
    })
}

/// A row that repeats header words ("Ref | | Actions | … | Risk") above the real header.
fn is_header_like(cells: &[&str], rules: &RuleSet) -> bool {
    let filled = cells.iter().filter(|c| !c.is_empty()).count();
    let hits = header_hits(cells, rules);
    hits >= 2 && hits * 2 >= filled
}

/// Reads a row against the header, choosing the alignment whose cells fit their columns
/// best: as printed, without the header's empty columns, or shifted right when the row
/// lost its leading cells.
fn align(cells: &[&str], header: &Header, r: &PlanRules, line: usize) -> Record {
    let compact = Header {
        fields: header
            .fields
            .iter()
            .zip(&header.empty)
            .filter(|(_, e)| !**e)
            .map(|(f, _)| *f)
            .collect(),
        empty: vec![false; header.empty.iter().filter(|e| !**e).count()],
    };
    let mut candidates: Vec<(&Header, usize)> = vec![(header, 0)];
    if compact.fields.len() != header.fields.len() {
        candidates.push((&compact, 0));
    }
    for h in [header, &compact] {
        if h.fields.len() > cells.len() {
            candidates.push((h, h.fields.len() - cells.len()));
        }
    }
    // A row may lose its leading cell (a theme cell merged over several rows) even when it
    // is not shorter than the header: a PDF header cut off at the page edge has fewer
    // columns than the rows of a wider table part below it.
    for h in [header, &compact] {
        if !candidates
            .iter()
            .any(|&(c, s)| std::ptr::eq(c, h) && s == 1)
        {
            candidates.push((h, 1));
        }
    }
    let mut best: Option<(i32, &Header, usize)> = None;
    for (h, shift) in candidates {
        let s = fit(cells, h, shift, r);
        if best.is_none_or(|(b, _, _)| s > b) {
            best = Some((s, h, shift));
        }
    }
    let (_, h, shift) = best.unwrap_or((0, header, 0));
    let mut rec = Record {
        line,
        ..Record::default()
    };
    for (j, f) in h.fields.iter().enumerate() {
        if let (Some(f), Some(cell)) = (f, j.checked_sub(shift).and_then(|i| cells.get(i))) {
            *rec.get_mut(*f) = (*cell).to_string();
        }
    }
    rec
}

/// How well a row's cells fit the columns under one alignment.
fn fit(cells: &[&str], h: &Header, shift: usize, r: &PlanRules) -> i32 {
    let mut score = 0;
    let at = |j: usize| {
        j.checked_sub(shift)
            .and_then(|i| cells.get(i))
            .copied()
            .unwrap_or("")
    };
    for (j, f) in h.fields.iter().enumerate() {
        let c = at(j);
        let len = c.chars().count();
        score += match (f, c.is_empty()) {
            (Some(Field::Ref), false) if r.ref_cell.is_match(c) => 2,
            (Some(Field::Ref), false) => -2,
            (Some(Field::Text), true) => -1,
            (Some(Field::Text), false) if len >= 15 => 1,
            (Some(Field::Owner), false) if starts_lower(c) || len > 150 => -1,
            (Some(Field::Owner), false) if r.person_name.is_match(c) => 2,
            (Some(Field::Owner), false) => 1,
            (Some(Field::Start | Field::End), false) if len > 30 => -1,
            (None, false) if h.empty[j] => -1,
            _ => 0,
        };
    }
    let covered = h.fields.len().saturating_sub(shift);
    score - 2 * cells.iter().skip(covered).filter(|c| !c.is_empty()).count() as i32
}

/// True when `rec` continues the cells of `prev` rather than starting a new row.
fn continues(prev: &Record, rec: &Record, has_ref_col: bool, rules: &RuleSet) -> bool {
    let r = &rules.plans;
    if has_ref_col && r.ref_cell.is_match(rec.r#ref.trim()) {
        return false;
    }
    // In a bulleted owner column every new row's owner opens with a bullet or names a
    // post or person; a bare fragment ("Council", "Safety and") is the cell wrapping.
    // A bare fragment that opens the way the owner cell above opened ("-Violence …" /
    // "Violence") is the same owner named again without its bullet: a new row.
    let owner_fragment = starts_with_bullet(prev.owner.trim_start(), r)
        && !rec.owner.is_empty()
        && !starts_with_bullet(&rec.owner, r)
        && !is_owner_like(&rec.owner, rules, false)
        && first_word(&rec.owner) != first_word(strip_owner_bullet(&prev.owner, r));
    rec.text.is_empty()
        || (has_ref_col && rec.r#ref.is_empty() && !prev.r#ref.is_empty())
        || starts_lower(&rec.text)
        || rec.text.starts_with(|c: char| {
            !c.is_alphanumeric() && !c.is_whitespace() && !"\"'‘“-–•".contains(c)
        })
        || r.continuation_end.is_match(prev.text.trim_end())
        || (!prev.owner.is_empty() && r.continuation_end.is_match(prev.owner.trim_end()))
        || starts_lower(&rec.owner)
        || owner_fragment
        // a line with nothing but action text under a row that named its owner: the
        // action cell wrapping (a record of its own would need an owner)
        || (rec.owner.is_empty()
            && rec.organisation.is_empty()
            && rec.status.is_empty()
            && rec.comment.is_empty()
            && rec.r#ref.is_empty()
            && !prev.owner.is_empty()
            && !rec.text.trim_end().ends_with('.'))
        // an action text that is a whole sentence opens a record whatever its other
        // cells do
        || (!rec.text.trim_end().ends_with('.')
            && (continues_a_sentence(&prev.comment, &rec.comment)
                || continues_a_sentence(&prev.organisation, &rec.organisation)))
}

/// A cell that goes on with the sentence its column left unfinished in the row above
/// ("This is on track and is being" / "delivered as part of …"): the row is the same
/// record wrapped, even when its action text starts with a capital ("Deliver the Drug" /
/// "Intervention").
fn continues_a_sentence(above: &str, cell: &str) -> bool {
    let above = above.trim_end();
    starts_lower(cell) && !above.is_empty() && !above.ends_with(['.', '!', '?', ';'])
}

/// True when the text ends with a lone initial ("A Brown J"): a name cannot end there, so
/// the next line goes on with it ("Willats O" …).
fn ends_with_initial(text: &str) -> bool {
    text.split_whitespace().next_back().is_some_and(|w| {
        let w = w.trim_end_matches('.');
        w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase())
    })
}

/// Joins a continuation line into the row above, cell by cell.
fn join(prev: &mut Record, rec: Record, rules: &RuleSet) {
    let r = &rules.plans;
    // Owner lines join into one owner when the owner is bulleted ("-Head of …" wraps),
    // the line above stops mid-phrase, or the new line cannot be an owner on its own
    // ("Head of Workforce" / "Development"); else each line is another owner.
    let owner_sep = if starts_with_bullet(prev.owner.trim_start(), r)
        || r.continuation_end.is_match(prev.owner.trim_end())
        || starts_lower(&rec.owner)
        || owner_wraps(&prev.owner, &rec.owner, rules)
        || ends_with_initial(&prev.owner)
    {
        " "
    } else {
        "\n"
    };
    append(&mut prev.owner, &rec.owner, owner_sep);
    append(&mut prev.r#ref, &rec.r#ref, " ");
    append(&mut prev.theme, &rec.theme, " ");
    append(&mut prev.text, &rec.text, " ");
    append(&mut prev.organisation, &rec.organisation, " ");
    append(&mut prev.start, &rec.start, " ");
    append(&mut prev.end, &rec.end, " ");
    append(&mut prev.status, &rec.status, " ");
    append(&mut prev.comment, &rec.comment, " ");
}

/// Most words of a post line whose end may wrap onto the next line.
const WRAPPED_POST_WORDS: usize = 6;

/// A post whose last words wrapped onto the next line: the line above is a short post
/// ("Head of Workforce") and the new line is no owner by itself (not a person, post,
/// group or acronym: "Development").
fn owner_wraps(prev: &str, more: &str, rules: &RuleSet) -> bool {
    let more = more.trim();
    let last = prev.lines().last().unwrap_or("");
    !more.is_empty()
        && last.split_whitespace().count() <= WRAPPED_POST_WORDS
        && is_post(&WordTokens::new(last), rules)
        && !is_owner_like(more, rules, true)
        && !rules.common.group_words.in_text(more)
}

fn append(to: &mut String, more: &str, sep: &str) {
    let more = more.trim();
    if more.is_empty() {
        return;
    }
    if !to.is_empty() {
        to.push_str(sep);
    }
    to.push_str(more);
}

/// The cell without the bullet dash it opens with.
fn strip_owner_bullet<'a>(s: &'a str, r: &PlanRules) -> &'a str {
    let s = s.trim_start();
    match r.owner_bullet.find(s) {
        Some(m) if m.start() == 0 => &s[m.end()..],
        _ => s,
    }
}

/// The first word of a cell, without punctuation or case.
fn first_word(s: &str) -> String {
    s.split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// True when an owner cell opens with a bullet dash: its owners are bulleted.
fn starts_with_bullet(s: &str, r: &PlanRules) -> bool {
    r.owner_bullet.find(s).is_some_and(|m| m.start() == 0)
}

fn starts_lower(s: &str) -> bool {
    s.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Whitespace collapsed, markup-free text.
fn clean(s: &str) -> String {
    // Most cells already read so, and are copied as they are (issue #3).
    if is_collapsed(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True when `s` is ASCII with single spaces between words and none at its ends: text
/// that [`clean`] leaves as it is.
fn is_collapsed(s: &str) -> bool {
    let mut after_space = true; // a space at the start is one too many
    for &b in s.as_bytes() {
        match b {
            b' ' if after_space => return false,
            b' ' => after_space = true,
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0x80.. => return false,
            _ => after_space = false,
        }
    }
    !after_space || s.is_empty()
}

fn some(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// A date cell: the ISO date when it holds a full date, and the cell as printed
/// ("Continuous", "Q4 2023/24", "31/03/2024").
fn date_and_raw(s: &str, rules: &RuleSet) -> (Option<String>, Option<String>) {
    let raw = clean(s);
    if raw.is_empty() {
        return (None, None);
    }
    (dates::find_date(&raw, &rules.common), Some(raw))
}

/// A status cell holds a RAG rating or a short progress word; anything else in it is
/// comment text that a lost (empty) column pushed one cell to the left, and goes back
/// to the comment, after what the comment cell holds.
fn status_and_comment(
    status: String,
    comment: String,
    rules: &RuleSet,
) -> (Option<String>, Option<String>) {
    let r = &rules.plans;
    let status_like =
        status.split_whitespace().count() <= r.max_status_words && r.status_value.is_match(&status);
    if status.is_empty() || status_like {
        return (some(status), some(comment));
    }
    let joined = [comment.as_str(), status.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    (None, some(joined))
}

/// The owners named in an owner cell.
fn split_owners(cell: &str, rules: &RuleSet) -> Vec<Owner> {
    let r = &rules.plans;
    let mut parts: Vec<String> = Vec::new();
    for piece in r.owner_split.split(cell) {
        let piece = piece.trim();
        if starts_with_bullet(piece, r) {
            // Bulleted: every dash that opens a word starts another owner.
            let starts: Vec<usize> = r
                .owner_bullet
                .find_iter(piece)
                .filter(|m| piece[m.end()..].starts_with(char::is_uppercase))
                .map(|m| m.start())
                .collect();
            let mut bounds = starts.clone();
            bounds.push(piece.len());
            if starts.first() != Some(&0) {
                bounds.insert(0, 0);
            }
            parts.extend(bounds.windows(2).map(|w| piece[w[0]..w[1]].to_string()));
        } else {
            parts.push(piece.to_string());
        }
    }
    // "Post, Org Post, Org": the line breaks between owners were lost in conversion.
    let parts: Vec<String> = parts
        .into_iter()
        .flat_map(|p| {
            if p.matches(',').count() < 2 {
                return vec![p];
            }
            let mut cuts: Vec<usize> = r.owner_org_end.find_iter(&p).map(|m| m.end() - 1).collect();
            cuts.insert(0, 0);
            cuts.push(p.len());
            cuts.windows(2).map(|w| p[w[0]..w[1]].to_string()).collect()
        })
        .collect();
    let mut out: Vec<String> = Vec::new();
    for part in parts {
        let part = trim_owner(&part);
        if r.initials_run.is_match(&part) {
            out.extend(
                r.initial_name
                    .find_iter(&part)
                    .map(|m| m.as_str().trim().to_string()),
            );
            continue;
        }
        let joined: Vec<String> = r.owner_joiner.split(&part).map(trim_owner).collect();
        if joined.len() > 1 && joined.iter().all(|p| is_owner_like(p, rules, true)) {
            out.extend(joined);
            continue;
        }
        let commas: Vec<String> = part.split(',').map(trim_owner).collect();
        if commas.len() > 1 && commas.iter().all(|p| is_owner_like(p, rules, false)) {
            out.extend(commas);
            continue;
        }
        out.push(part);
    }
    // Owners are names or posts: capitalised, short. Lower-case or long text is a
    // fragment of another column that the conversion pushed into this one.
    out.into_iter()
        .filter(|o| o.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .filter(|o| !starts_lower(o) && o.chars().count() <= r.max_owner_chars)
        .map(|raw| Owner {
            name: raw.clone(),
            kind: owner_kind(&raw, rules),
            raw,
        })
        .collect()
}

fn trim_owner(s: &str) -> String {
    clean(s.trim_matches(|c: char| c.is_whitespace() || "-–—•·,;:.".contains(c)))
}

/// A part that can stand alone as an owner: a personal name or a post (and, between
/// "and"/"&"/"/", an acronym such as "CSM").
fn is_owner_like(p: &str, rules: &RuleSet, acronym_ok: bool) -> bool {
    let tokens = WordTokens::new(p);
    // A person is a name that is neither a post nor a group: "person or post" is "post,
    // or a name that is no group".
    is_post(&tokens, rules)
        || (rules.plans.person_name.is_match(p) && !rules.common.group_words.in_tokens(&tokens))
        || (acronym_ok && rules.plans.acronym.is_match(p))
}

/// True when the text names a post ("Head of …", "Intelligence Analyst").
fn is_post(tokens: &WordTokens, rules: &RuleSet) -> bool {
    rules.common.role_words.in_tokens(tokens) || rules.plans.post_words.in_tokens(tokens)
}

fn owner_kind(owner: &str, rules: &RuleSet) -> OwnerKind {
    // The text's words are read once for the three lists (issue #3).
    let tokens = WordTokens::new(owner);
    if is_post(&tokens, rules) {
        OwnerKind::Role
    } else if rules.common.group_words.in_tokens(&tokens) {
        OwnerKind::Group
    } else if rules.plans.person_name.is_match(owner) {
        // a name that is neither a post nor a group (both ruled out above)
        OwnerKind::Person
    } else {
        OwnerKind::Role
    }
}

/// The nearest line above the plan's header that reads as a heading: prose, or a
/// one-cell banner row (" | Action Plan | | "). A column label or a sentence is passed
/// over; any other row ends the search.
fn title_above(doc: &Document, start: usize, r: &TableRules) -> Option<String> {
    for l in doc.lines[..start].iter().rev().take(6) {
        let text = if l.is_row() {
            match l.filled_cells()[..] {
                [t] => clean(t),
                _ => return None,
            }
        } else if l.is_blank() {
            continue;
        } else {
            clean(&l.text)
        };
        if is_title(&text, r) {
            return Some(text);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing;

    fn run(text: &str) -> Vec<ActionPlan> {
        let (doc, spans) = testing::document(text);
        extract(&doc, &spans, testing::rules(), testing::NO_KEY)
    }

    fn names(a: &PlanAction) -> Vec<&str> {
        a.owners.iter().map(|o| o.name.as_str()).collect()
    }

    #[test]
    fn status_cells_hold_statuses_and_other_text_goes_to_the_comment() {
        let s = |st: &str, c: &str| status_and_comment(st.into(), c.into(), testing::rules());
        assert_eq!(
            s("Green", "Done"),
            (Some("Green".into()), Some("Done".into()))
        );
        assert_eq!(s("On track", ""), (Some("On track".into()), None));
        assert_eq!(s("75%", ""), (Some("75%".into()), None));
        assert_eq!(
            s(
                "Justice Service",
                "On track and being delivered by the Youth"
            ),
            (
                None,
                Some("On track and being delivered by the Youth Justice Service".into())
            )
        );
        assert_eq!(
            s(
                "Police teams have already carried out sweeps in the area.",
                ""
            ),
            (
                None,
                Some("Police teams have already carried out sweeps in the area.".into())
            )
        );
    }

    #[test]
    fn columns_by_header_words_and_theme_carries() {
        let p = run("Delivery plan\n\
            Theme\tAction No\tActions\tNamed CSP Lead\tLead organisation\tStart date\tEnd date\tProgress\n\
            GOVERNANCE\t1\tSet out the local arrangements\tDiane Egan\tLocal Authority\t01/09/2020\t31/03/2021\tGreen\n\
            \t2\tHold an annual event\tBorough Commander\tPolice\t\tContinuous\t\n");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].title.as_deref(), Some("Delivery plan"));
        let a = &p[0].actions;
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].r#ref.as_deref(), Some("1"));
        assert_eq!(a[0].text, "Set out the local arrangements");
        assert_eq!(names(&a[0]), ["Diane Egan"]);
        assert_eq!(a[0].owners[0].kind, OwnerKind::Person);
        assert_eq!(a[0].start.as_deref(), Some("2020-09-01"));
        assert_eq!(a[0].end.as_deref(), Some("2021-03-31"));
        assert_eq!(a[0].status.as_deref(), Some("Green"));
        assert_eq!(a[1].theme.as_deref(), Some("GOVERNANCE"));
        assert_eq!(a[1].end, None, "no date in the cell");
        assert_eq!(a[1].end_raw.as_deref(), Some("Continuous"));
        assert_eq!(a[0].end_raw.as_deref(), Some("31/03/2021"));
        assert_eq!(a[1].owners[0].kind, OwnerKind::Role);
    }

    #[test]
    fn header_wrapped_over_two_lines_is_merged() {
        // Narrow columns wrap their header words onto a second short row.
        let p = run("Ref\t\t\t\t\t\n\
            Priority\tTask\tLead\tLead\tStart\tTarget\n\
            \t\tofficer\torganisation\t\tdate\n\
            Housing\tReview the allocations policy\tKim Lowe\tCity Council\t01/04/2024\t31/03/2025\n\
            Action\tActions\tLead\tEnd\n\
            No\t\tofficer\tdate\n\
            1\tFund the night shelter\tAl Day\t31/03/2025\n");
        assert_eq!(p.len(), 1, "{p:#?}");
        let a = &p[0].actions;
        assert_eq!(a.len(), 2, "{a:#?}");
        assert_eq!(names(&a[0]), ["Kim Lowe"]);
        assert_eq!(a[0].organisation.as_deref(), Some("City Council"));
        assert_eq!(a[0].start.as_deref(), Some("2024-04-01"));
        assert_eq!(a[0].end.as_deref(), Some("2025-03-31"));
        assert_eq!(a[1].r#ref.as_deref(), Some("1"));
        assert_eq!(a[1].text, "Fund the night shelter");
        assert_eq!(names(&a[1]), ["Al Day"]);
        assert_eq!(a[1].end.as_deref(), Some("2025-03-31"));
    }

    #[test]
    fn wrapped_header_naming_no_owner_is_not_a_plan() {
        // "Lead" alone names an owner column, but the header reads "Lead Agency".
        let p = run("Objective\tIndicator\tTarget\tLead\n\
            \t\t\tAgency\n\
            Reduce violence\tViolence with injury\tFive per cent reduction\tPolice\n");
        assert!(p.is_empty(), "{p:#?}");
    }

    #[test]
    fn body_line_under_a_repeated_header_is_not_header_text() {
        let p = run("Area\tActivity\tResponsible Lead\tCommentary\n\
            Housing\tMap the offender interventions and\tJo Bloggs\tOn track\n\
            Area\tActivity\tResponsible Lead\tCommentary\n\
            \tservice provision\t\t\n\
            \tAgree the operating model with partners\tAl Day\tDelayed\n");
        let a = &p[0].actions;
        assert_eq!(a.len(), 2, "{a:#?}");
        assert_eq!(
            a[0].text,
            "Map the offender interventions and service provision"
        );
    }

    #[test]
    fn row_wider_than_a_cut_off_header_loses_its_leading_cell() {
        // The header was cut at the page edge; the rows of the wider table part below it
        // have more cells and no theme cell.
        let p = run("Theme\tAction No\tActions\tOutcomes\tLead Officer\n\
            A\t1\tFirst action of the plan\tBetter\tDiane Egan\n\
            2\tSecond action of the plan\tSafer\tRobert South\tCouncil\t01/04/2024\tContinuous\tPolice\n");
        let a = &p[0].actions;
        assert_eq!(a.len(), 2, "{a:#?}");
        assert_eq!(a[1].r#ref.as_deref(), Some("2"));
        assert_eq!(a[1].text, "Second action of the plan");
        assert_eq!(names(&a[1]), ["Robert South"]);
    }

    #[test]
    fn visual_lines_of_one_ruled_row_join_into_one_record() {
        // PDF layouts print a row one visual line at a time; a wrapped action cell goes on
        // alone, or beside a comment that continues its sentence.
        let p = run("Action\tLead Officer\tComments\n\
            Update ASC\tASC QB\tOngoing\n\
            Improvement & Quality Action\t\t\n\
            Deliver the Drug\tSenior Public Health\tThis is on track and is being\n\
            Intervention Programme\tCommissioner\tdelivered as planned.\n\
            Review the strategy.\tDiane Egan\tin progress\n");
        let a = &p[0].actions;
        assert_eq!(a.len(), 3, "{a:#?}");
        assert_eq!(a[0].text, "Update ASC Improvement & Quality Action");
        assert_eq!(a[1].text, "Deliver the Drug Intervention Programme");
        assert_eq!(
            a[1].comment.as_deref(),
            Some("This is on track and is being delivered as planned.")
        );
        assert_eq!(
            a[2].text, "Review the strategy.",
            "a whole sentence opens a record"
        );
    }

    #[test]
    fn a_bulleted_owner_named_again_without_its_bullet_opens_a_row() {
        let p = run("Action\tLead Officer\tComments\n\
            Develop training standards\t-Violence\tThere is a programme\n\
            and programmes\tagainst Women Lead\t\n\
            Co-design tools and\tViolence\tAmbassadors training\n\
            resources\tagainst Women Lead\t\n");
        let a = &p[0].actions;
        assert_eq!(a.len(), 2, "{a:#?}");
        assert_eq!(a[1].text, "Co-design tools and resources");
    }

    #[test]
    fn a_name_wrapped_after_its_initial_goes_on() {
        let p = run("Ref\tAction\tLead\n\
            4.3\tEstablish an equalities forum to capture:\tA Brown J\n\
            \tCommunity intelligence\tWillats O\n\
            \tCommunity engagement\tWilliams\n");
        let a = &p[0].actions;
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(names(&a[0]), ["A Brown", "J Willats", "O Williams"]);
    }

    #[test]
    fn repeated_header_continues_and_rows_realign() {
        let p = run("Theme\tAction No\tActions\t\tNamed CSP Lead\tEnd date\n\
            A\t1\tFirst action here\t\tDiane Egan\tContinuous\n\
            \n\
            Page 8\n\
            Ref\t\tActions\t\t\t\n\
            Theme\tAction No\tActions\t\tNamed CSP Lead\tEnd date\n\
            \t2\tSecond action here\tJo Bloggs\tContinuous\n\
            3\tThird action lost its theme cell\t\tRobert South\tContinuous\n");
        assert_eq!(p.len(), 1);
        let a = &p[0].actions;
        assert_eq!(a.len(), 3, "{a:#?}");
        assert_eq!(names(&a[1]), ["Jo Bloggs"]);
        assert_eq!(a[2].r#ref.as_deref(), Some("3"));
        assert_eq!(names(&a[2]), ["Robert South"]);
    }

    #[test]
    fn split_cells_are_rejoined() {
        let p = run("Action\tLead Officer\tStrategic Links\tComments\n\
            Continue to utilise the Integrated Gangs\t-Superintendent,\t-Young People Strategy\tThe unit has been\n\
            Unit to provide the tactical approach to\tMetropolitan Police\t\tre-funded\n\
            enforcement for 8-25 year olds.\tService (MPS)\t\t\n\
            \t-Head of Community Safety, Haringey Council\t\t\n\
            Explore piloting place-based\t-Assistant Director for\t\tOn track\n\
            interventions with partners.\tStronger Communities\t\t\n");
        let a = &p[0].actions;
        assert_eq!(a.len(), 2, "{a:#?}");
        assert_eq!(
            a[0].text,
            "Continue to utilise the Integrated Gangs Unit to provide the tactical approach to enforcement for 8-25 year olds."
        );
        assert_eq!(
            names(&a[0]),
            [
                "Superintendent, Metropolitan Police Service (MPS)",
                "Head of Community Safety, Haringey Council"
            ]
        );
        assert_eq!(
            names(&a[1]),
            ["Assistant Director for Stronger Communities"]
        );
        assert_eq!(a[0].comment.as_deref(), Some("The unit has been re-funded"));
    }

    #[test]
    fn owner_splitting() {
        let book = crate::extract::testing::book();
        let s = |c: &str| {
            split_owners(c, &book.default)
                .into_iter()
                .map(|o| o.name)
                .collect::<Vec<_>>()
        };
        assert_eq!(s("CS Manager, LBH"), ["CS Manager, LBH"]);
        assert_eq!(
            s("Superintendent, Metropolitan Police Service (MPS)"),
            ["Superintendent, Metropolitan Police Service (MPS)"]
        );
        assert_eq!(
            s("Head of Community Safety and Enforcement, Haringey Council"),
            ["Head of Community Safety and Enforcement, Haringey Council"]
        );
        assert_eq!(
            s("AD Safeguarding and CS Manager, LBH"),
            ["AD Safeguarding", "CS Manager, LBH"]
        );
        assert_eq!(
            s("CS Manager with CI Safer Neighbourhoods"),
            ["CS Manager", "CI Safer Neighbourhoods"]
        );
        assert_eq!(s("D Paterson O Williams"), ["D Paterson", "O Williams"]);
        assert_eq!(s("O Williams / P de Bourg"), ["O Williams", "P de Bourg"]);
        assert_eq!(
            s("Diane Egan, Robert South"),
            ["Diane Egan", "Robert South"]
        );
        assert_eq!(
            s("Keith Trotter & Graham Philpot"),
            ["Keith Trotter", "Graham Philpot"]
        );
        assert_eq!(
            s("Jo Bloggs; Communications Team"),
            ["Jo Bloggs", "Communications Team"]
        );
        assert_eq!(
            s(
                "Chief Inspector, MPS Head of Community Safety, Haringey Council Engagement Officer, Haringey Council"
            ),
            [
                "Chief Inspector, MPS",
                "Head of Community Safety, Haringey Council",
                "Engagement Officer, Haringey Council"
            ]
        );
    }

    #[test]
    fn same_as_above_copies_owners() {
        let p = run("Priority Area\tActivity\tStatus\tResponsible Lead\n\
            Gangs\tProvide programmes\t•\tYOS Strategic Manager\n\
            \tMonitor victim responses\t•\tAs above\n");
        let a = &p[0].actions;
        assert_eq!(names(&a[1]), ["YOS Strategic Manager"]);
        assert_eq!(a[1].theme.as_deref(), Some("Gangs"));
    }

    #[test]
    fn banner_row_titles_the_plan_and_identical_rows_get_distinct_ids() {
        let p = run("\tAction Plan\t\t\n\
            Action\tLead Officer\tTimescale\n\
            Review the data.\tJo Bloggs\tMarch 2021\n\
            Review the data.\tJo Bloggs\tMarch 2021\n");
        assert_eq!(p[0].title.as_deref(), Some("Action Plan"));
        assert_eq!(p[0].actions.len(), 2);
        assert_ne!(p[0].actions[0].id, p[0].actions[1].id);
        assert_eq!(p[0].actions[0].end, None, "a month is not a full date");
        assert_eq!(p[0].actions[0].end_raw.as_deref(), Some("March 2021"));
    }

    #[test]
    fn key_value_lead_officer_is_not_a_plan() {
        assert!(run("Report for:\tCommunity Safety Partnership\nLead Officer:\tJo Bloggs, Director\nWard(s) affected:\tAll\n").is_empty());
    }

    #[test]
    fn owner_kinds() {
        let book = crate::extract::testing::book();
        let k = |c: &str| owner_kind(c, &book.default);
        assert_eq!(k("O Williams"), OwnerKind::Person);
        assert_eq!(k("Robert South"), OwnerKind::Person);
        assert_eq!(k("Borough Commander"), OwnerKind::Role);
        assert_eq!(k("Communications Team"), OwnerKind::Group);
        assert_eq!(
            k("Assistant Chief Officer- National Probation Service"),
            OwnerKind::Role
        );
    }

    #[test]
    fn what_who_when_with_a_wrapped_post() {
        let p = run("Workforce action plan\n\
            What\tWho\tWhen\tStatus\n\
            Launch a care careers campaign\tHead of Workforce\tMarch 2022\tGreen\n\
            with schools and colleges\tDevelopment\n\
            Create a bank of relief care workers\tSally Gaunt\tQ2 2022/23\tNot started\n");
        assert_eq!(p.len(), 1);
        let a = &p[0].actions;
        assert_eq!(a.len(), 2);
        assert_eq!(
            a[0].text,
            "Launch a care careers campaign with schools and colleges"
        );
        assert_eq!(names(&a[0]), ["Head of Workforce Development"]);
        assert_eq!(a[0].status.as_deref(), Some("Green"));
        assert_eq!(names(&a[1]), ["Sally Gaunt"]);
    }

    #[test]
    fn ref_action_owner_deadline_rag() {
        let p = run("Savings tracker\n\
            Ref\tAction\tOwner\tDeadline\tRAG\n\
            S1\tReview of home care commissioning to reduce\tJo Whitmore\t31/03/2023\tAmber\n\
            \treliance on spot purchasing\n\
            S2\tConsolidate office accommodation\tHead of Property\tQ4 2022/23\tGreen\n");
        let a = &p[0].actions;
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].r#ref.as_deref(), Some("S1"));
        assert_eq!(
            a[0].text,
            "Review of home care commissioning to reduce reliance on spot purchasing"
        );
        assert_eq!(a[1].status.as_deref(), Some("Green"));
        assert_eq!(names(&a[1]), ["Head of Property"]);
    }

    proptest::proptest! {
        /// Text `is_collapsed` passes is what collapsing its whitespace gives.
        #[test]
        fn collapsed_text_is_its_own_clean(t in "[a-z \t\n\u{b}\u{a0}\u{2003}é]{0,12}") {
            let collapsed = t.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(clean(&t), collapsed.clone());
            if is_collapsed(&t) {
                proptest::prop_assert_eq!(t, collapsed);
            }
        }
    }
}
