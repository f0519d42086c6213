//! Which council published a pack, read from the pack's own text.
//!
//! Council files' own `[detect] patterns` are tried first (the council with most hits
//! wins); then the default's generic phrases ("London Borough of X", "X Council",
//! "@x.gov.uk") whose `name` group gives the council. Returns `None` when nothing
//! matches; the caller then falls back to the corpus folder or `--council`.

use std::collections::HashMap;

use crate::model::Document;
use regex::{RegexSet, RegexSetBuilder};

use crate::rules::{Pattern, Patterns, RuleBook, Words};

crate::rule_section! {
    /// Recognising a council from a pack's text.
    pub struct CouncilRules / RawCouncilRules {
        /// Phrases naming the council; in the default, the `name` group is the council.
        patterns: Patterns,
        /// Words a captured `name` may not be.
        not_names: Words,
    }
}

/// Lines read when looking for the council: front sheets and letterheads are enough,
/// and this bounds the cost on very long packs.
const SCAN_LINES: usize = 400;

/// The council that published `doc`, if its text says.
pub fn detect(doc: &Document, book: &RuleBook) -> Option<String> {
    // The scanned lines are searched as one text: a few passes of each pattern set over a
    // few kilobytes cost far less than one search per line and pattern (issue #3).
    let head = Head::new(doc);
    let hits = book
        .detector
        .get_or_init(|| Detector::new(book))
        .matching(&head.text);
    let mut best: Option<(&str, usize)> = None;
    for (council, (name, _)) in book.detectors.iter().enumerate() {
        let mut lines: Vec<usize> = hits
            .iter()
            .filter(|(owner, _)| *owner == Some(council))
            .flat_map(|(_, p)| p.find_iter(&head.text).map(|m| head.line_of(m.start())))
            .collect();
        lines.sort_unstable();
        lines.dedup();
        let hits = lines.len();
        if hits > 0 && best.is_none_or(|(_, b)| hits > b) {
            best = Some((name, hits));
        }
    }
    if let Some((name, _)) = best {
        return Some(name.to_string());
    }
    let generic_hits = hits
        .iter()
        .filter(|(owner, _)| owner.is_none())
        .map(|(_, p)| *p);
    generic(&head, generic_hits, &book.default.detect.not_names)
}

/// Every council file's detect patterns and the default's generic phrases, searched as
/// one set: one pass over a pack's head answers for every council, however many rules
/// files there are (issue #3).
#[derive(Debug)]
pub struct Detector {
    /// The lists in order: each council's (its index in `RuleBook::detectors`), then the
    /// default's (`None`).
    lists: Vec<(Option<usize>, Patterns)>,
    /// All their patterns as one set; `None` when that is over the size limit, and the
    /// lists are searched one by one.
    set: Option<RegexSet>,
    /// For each pattern of the set: its list and its place in the list.
    place: Vec<(usize, usize)>,
}

impl Detector {
    fn new(book: &RuleBook) -> Detector {
        let lists: Vec<(Option<usize>, Patterns)> = book
            .detectors
            .iter()
            .enumerate()
            .map(|(i, (_, p))| (Some(i), p.clone()))
            .chain(std::iter::once((
                None,
                book.default.detect.patterns.clone(),
            )))
            .collect();
        let mut sources = Vec::new();
        let mut place = Vec::new();
        for (l, (_, list)) in lists.iter().enumerate() {
            for (k, p) in list.iter().enumerate() {
                sources.push(p.source());
                place.push((l, k));
            }
        }
        let set = RegexSetBuilder::new(sources)
            .size_limit(SET_SIZE_LIMIT)
            .build()
            .ok();
        Detector { lists, set, place }
    }

    /// The patterns that match somewhere in `text`, in list order, with their owner.
    fn matching(&self, text: &str) -> Vec<(Option<usize>, &Pattern)> {
        let Some(set) = &self.set else {
            return self
                .lists
                .iter()
                .flat_map(|(owner, list)| list.matching(text).map(move |p| (*owner, p)))
                .collect();
        };
        if !set.is_match(text) {
            return Vec::new();
        }
        set.matches(text)
            .into_iter()
            .map(|i| {
                let (l, k) = self.place[i];
                let (owner, list) = &self.lists[l];
                (*owner, &list.0[k])
            })
            .collect()
    }
}

/// Size limit of the combined set, in bytes (each list alone compiled under the rules'
/// own limit).
const SET_SIZE_LIMIT: usize = 1 << 26;

/// The first [`SCAN_LINES`] lines joined by `\n`, with each line's start offset.
struct Head {
    text: String,
    starts: Vec<usize>,
}

impl Head {
    fn new(doc: &Document) -> Head {
        let mut text = String::new();
        let mut starts = Vec::new();
        for line in doc.lines.iter().take(SCAN_LINES) {
            starts.push(text.len());
            text.push_str(&line.text);
            text.push('\n');
        }
        Head { text, starts }
    }

    /// The index of the line holding byte `at`.
    fn line_of(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at).saturating_sub(1)
    }
}

/// The council a generic phrase names: `hits` are the default's patterns that match
/// `head`, in order.
fn generic<'a>(
    head: &Head,
    hits: impl Iterator<Item = &'a Pattern>,
    not_names: &Words,
) -> Option<String> {
    // Earlier patterns are more specific; the first pattern with a plausible name wins,
    // and within it the most frequent name.
    for p in hits {
        let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
        for c in p.captures_iter(&head.text) {
            let Some(name) = c.name("name") else { continue };
            // "The Youth Council", "Our Wirral Council": leading words that name no
            // place are not part of the name
            let name = title_case(name.as_str());
            let name = name
                .split(' ')
                .skip_while(|w| not_names.contains(w))
                .collect::<Vec<_>>()
                .join(" ");
            if not_names.contains(&name) || name.len() < 3 {
                continue;
            }
            let e = counts
                .entry(name)
                .or_insert((0, head.line_of(c.get(0).map_or(0, |m| m.start()))));
            e.0 += 1;
        }
        if let Some((name, _)) = counts
            .into_iter()
            .max_by_key(|(_, (n, first))| (*n, usize::MAX - first))
        {
            return Some(name);
        }
    }
    None
}

/// Joining words written in lower case inside a place name ("Kingston upon Thames",
/// "Stockton-on-Tees", "Weston-super-Mare").
const PLACE_JOINERS: [&str; 10] = [
    "and", "upon", "on", "under", "in", "le", "super", "by", "the", "of",
];

/// A captured name in title case, the joining words of place names in lower case:
/// "STOCKTON-ON-TEES" → "Stockton-on-Tees".
fn title_case(s: &str) -> String {
    let word = |w: &str, first: bool| -> String {
        let lower = w.to_lowercase();
        if !first && PLACE_JOINERS.contains(&lower.as_str()) {
            return lower;
        }
        let mut c = lower.chars();
        match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => String::new(),
        }
    };
    s.split(' ')
        .enumerate()
        .map(|(i, w)| {
            w.split('-')
                .enumerate()
                .map(|(j, part)| word(part, i + j == 0))
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn book() -> RuleBook {
        RuleBook::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")).unwrap()
    }

    #[test]
    fn council_file_patterns_win() {
        let doc =
            Document::from_plain_text("Protocol for meetings of the London Borough of Havering\n");
        assert_eq!(detect(&doc, &book()).as_deref(), Some("Havering"));
    }

    #[test]
    fn generic_phrases_name_unknown_councils() {
        let doc = Document::from_plain_text("Agenda\nBristol City Council\nCity Hall\n");
        assert_eq!(detect(&doc, &book()).as_deref(), Some("Bristol"));
        let doc = Document::from_plain_text("Contact: jane.doe@camden.gov.uk\n");
        assert_eq!(detect(&doc, &book()).as_deref(), Some("Camden"));
        let doc = Document::from_plain_text(
            "MELKSHAM TOWN COUNCIL\nMinutes\nDefects were reported to Wiltshire Council highways.\n",
        );
        assert_eq!(detect(&doc, &book()).as_deref(), Some("Melksham Town"));
        let doc = Document::from_plain_text("Report of the County Council\n");
        assert_eq!(detect(&doc, &book()), None);
        let doc = Document::from_plain_text("Public Document Pack\nCheshire East Council\n");
        assert_eq!(detect(&doc, &book()).as_deref(), Some("Cheshire East"));
        let doc = Document::from_plain_text("Cheshire West and Chester Council\n");
        assert_eq!(
            detect(&doc, &book()).as_deref(),
            Some("Cheshire West and Chester")
        );
        let doc = Document::from_plain_text("A report to The Youth Council\n");
        assert_eq!(detect(&doc, &book()), None);
        let doc = Document::from_plain_text("Stockton-on-Tees Borough Council\n");
        assert_eq!(detect(&doc, &book()).as_deref(), Some("Stockton-on-Tees"));
        let doc = Document::from_plain_text(
            "Borough Council of King\u{2019}s Lynn\nKing's Lynn and West Norfolk Borough Council\n",
        );
        assert_eq!(
            detect(&doc, &book()).as_deref(),
            Some("King's Lynn and West Norfolk")
        );
    }

    #[test]
    fn capital_letterheads_name_the_council() {
        let doc = Document::from_plain_text(
            "SOUTH HAMS DISTRICT COUNCIL\n\n7b\tDevon County Council Health Scrutiny\nenquiries@southhams.gov.uk\n",
        );
        assert_eq!(detect(&doc, &book()).as_deref(), Some("South Hams"));
        let doc = Document::from_plain_text("WIRRAL COUNCIL\n\nADULT SOCIAL CARE COMMITTEE\n");
        assert_eq!(detect(&doc, &book()).as_deref(), Some("Wirral"));
        let doc = Document::from_plain_text("THE VALE OF GLAMORGAN COUNCIL\nCABINET\n");
        assert_eq!(detect(&doc, &book()).as_deref(), Some("Vale of Glamorgan"));
        let doc = Document::from_plain_text("NEWCASTLE-UNDER-LYME BOROUGH COUNCIL\n");
        assert_eq!(
            detect(&doc, &book()).as_deref(),
            Some("Newcastle-under-Lyme")
        );
        let doc = Document::from_plain_text("REPORT TO FULL COUNCIL\nTHE YOUTH COUNCIL\n");
        assert_eq!(detect(&doc, &book()), None);
    }
}
