//! Which council published a pack, read from the pack's own text.
//!
//! Council files' own `[detect] patterns` are tried first (the council with most hits
//! wins); then the default's generic phrases ("London Borough of X", "X Council",
//! "@x.gov.uk") whose `name` group gives the council, on the letterhead lines first and
//! then on the whole head of the pack (a parish's minutes name the county council in
//! their text, but their own council at the top). Returns `None` when nothing matches;
//! the caller then falls back to the corpus folder or `--council`.
//!
//! The council is a value users group and join on, so it is given in one form whatever
//! the printing: the place, without the kind of council a town, parish or community
//! council carries in its name ("STOKE FERRY PARISH COUNCIL" and "Stoke Ferry Parish
//! Council" are both "Stoke Ferry"), "&" as "and". Below the letterhead a council must be
//! named twice (an address once) to be the pack's: one named once is one the text
//! mentions. The printed name
//! ("Stoke Ferry Parish Council") is kept beside it: minutes that call their body "the
//! above Council" mean that one.

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
        /// Words that open a captured name without being part of it: the kind of meeting
        /// or document ("Annual", "Draft", "Minutes") or an agenda verb ("Approve").
        lead_words: Words,
        /// The kinds of council whose name includes them ("Tintern Community Council");
        /// left out of the council, kept in its printed name.
        kind_words: Words,
        /// Words for "and" inside a name ("&", Welsh "a"): printed as "and".
        and_words: Words,
    }
}

/// Lines at the top of a pack read first (up to a label of those present): the letterhead
/// and title name the council that publishes it, later lines may name others.
const LETTERHEAD_LINES: usize = 15;

/// The council of a pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Council {
    /// The council as users group on it: the place ("Stoke Ferry", "Haringey").
    pub name: String,
    /// Its name as the pack prints it, in title case ("Stoke Ferry Parish Council"),
    /// when a phrase of the text gave it.
    pub printed: Option<String>,
    /// True when the letterhead lines name it (not only a later line).
    pub in_letterhead: bool,
}

/// Lines read when looking for the council: front sheets and letterheads are enough,
/// and this bounds the cost on very long packs.
const SCAN_LINES: usize = 400;

/// The council that published `doc`, if its text says.
pub fn detect(doc: &Document, book: &RuleBook) -> Option<Council> {
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
        return Some(Council {
            name: name.to_string(),
            printed: None,
            in_letterhead: false,
        });
    }
    let generic_hits: Vec<&Pattern> = hits
        .iter()
        .filter(|(owner, _)| owner.is_none())
        .map(|(_, p)| *p)
        .collect();
    let rules = &book.default.detect;
    let months = &book.default.common.months;
    // the letterhead ends where the record begins: a text with no letterhead opens with
    // its attendance, whose councillors' councils are not the author
    let present = &book.default.attendees.present;
    let end = doc
        .lines
        .iter()
        .take(LETTERHEAD_LINES)
        .position(|l| {
            // "Present:", not "Presentation"
            present.find(&l.text).is_some_and(|m| {
                !(m.as_str().ends_with(char::is_alphabetic)
                    && l.text[m.end()..].starts_with(char::is_alphabetic))
            })
        })
        .or((head.starts.len() > LETTERHEAD_LINES).then_some(LETTERHEAD_LINES))
        .and_then(|i| head.starts.get(i).copied())
        .unwrap_or(head.text.len());
    letterhead_council(&head.text[..end], &generic_hits, rules, months)
        .or_else(|| head_council(&head, &generic_hits, rules, months))
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

/// One council a generic phrase names.
struct Found {
    name: String,
    printed: Option<String>,
    /// Byte offset of the phrase in the head.
    at: usize,
}

/// The councils pattern `p` names in `text`, in order.
fn found<'t>(
    p: &'t Pattern,
    text: &'t str,
    rules: &'t CouncilRules,
    months: &'t Words,
) -> impl Iterator<Item = Found> + 't {
    p.captures_iter(text).filter_map(move |c| {
        let name = place(c.name("name")?.as_str(), rules, months)?;
        let printed = c
            .name("printed")
            .map(|m| m.as_str().split_whitespace().collect::<Vec<_>>().join(" "))
            .map(|t| printed_name(&t, rules));
        Some(Found {
            name,
            printed,
            at: c.get(0)?.start(),
        })
    })
}

/// The council the letterhead lines name (`text`, the start of the head): the phrase
/// that starts first, the earlier pattern on a tie ("Stoke Ferry Annual Parish Council"
/// is read whole, not from "Ferry").
fn letterhead_council(
    text: &str,
    hits: &[&Pattern],
    rules: &CouncilRules,
    months: &Words,
) -> Option<Council> {
    hits.iter()
        .enumerate()
        .flat_map(|(k, p)| found(p, text, rules, months).map(move |f| (f.at, k, f)))
        .min_by_key(|(at, k, _)| (*at, *k))
        .map(|(_, _, f)| Council {
            name: f.name,
            printed: f.printed,
            in_letterhead: true,
        })
}

/// Times a council must be named below the letterhead to be taken as the pack's.
const MENTIONS: usize = 2;

/// The council the whole head names: earlier patterns are more specific, so the first
/// pattern with a plausible name named at least [`MENTIONS`] times wins, and within it
/// the most frequent name.
fn head_council(
    head: &Head,
    hits: &[&Pattern],
    rules: &CouncilRules,
    months: &Words,
) -> Option<Council> {
    for p in hits {
        let mut counts: HashMap<String, (usize, usize, Option<String>)> = HashMap::new();
        // an address ("@kent.gov.uk", no printed name) counts as two mentions
        for f in found(p, &head.text, rules, months) {
            let weight = if f.printed.is_none() { MENTIONS } else { 1 };
            let e = counts
                .entry(f.name)
                .or_insert((0, head.line_of(f.at), f.printed));
            e.0 += weight;
        }
        // a council named once in the body of a text is one it mentions, not its author
        if let Some((name, (_, _, printed))) = counts
            .into_iter()
            .filter(|(_, (n, _, _))| *n >= MENTIONS)
            .max_by_key(|(_, (n, first, _))| (*n, usize::MAX - first))
        {
            return Some(Council {
                name,
                printed,
                in_letterhead: false,
            });
        }
    }
    None
}

/// The place a captured name gives, or `None` when it names none: title case, words that
/// name no place left out ("The Youth Council", "Annual Wereham Parish"), the kind of
/// council left out ("Wereham Parish" → "Wereham"), "&" as "and".
fn place(captured: &str, rules: &CouncilRules, months: &Words) -> Option<String> {
    let words: Vec<String> = title_case(captured)
        .split_whitespace()
        .map(|w| {
            if rules.and_words.contains(w) {
                "and".to_string()
            } else {
                w.to_string()
            }
        })
        .collect();
    let mut words: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !is_lead_word(w, rules))
        .skip_while(|w| rules.not_names.contains(w))
        .collect();
    while words.last().is_some_and(|w| rules.kind_words.contains(w)) {
        words.pop();
    }
    let name = words.join(" ");
    // a month is no place ("the February Parish Council meeting"), nor are a group's
    // people ("the Young People's Council"), nor "Summoned to Attend the"
    let last = name.rsplit(' ').next().unwrap_or("");
    (!rules.not_names.contains(&name)
        && !months.contains(&name)
        && (name == last || !rules.not_names.contains(last))
        && name.len() >= 3
        && !name.ends_with(" and"))
    .then_some(name)
}

/// A capitalised word of a meeting's or document's kind ("Annual", "Draft"), not part of
/// a council's name; the joining words of a place ("Vale of") are in lower case.
fn is_lead_word(w: &str, rules: &CouncilRules) -> bool {
    w.starts_with(char::is_uppercase) && rules.lead_words.contains(w)
}

/// A council's printed name, in title case when printed in capitals, "&" kept as
/// printed.
fn printed_name(t: &str, rules: &CouncilRules) -> String {
    let shouty = !t.chars().any(char::is_lowercase);
    let t = if shouty { title_case(t) } else { t.to_string() };
    // "Cyngor Cymuned Llanfair A Bryn": the word for "and" in lower case
    let t = t
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && w != "&" && rules.and_words.contains(w) {
                w.to_lowercase()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    // "Stoke Ferry Annual Parish Council" is the parish council: the capitalised words
    // of a meeting's kind are left out, the joining words of a place kept ("Vale of")
    let words: Vec<&str> = t
        .split(' ')
        .filter(|w| !is_lead_word(w, rules))
        .skip_while(|w| rules.not_names.contains(w))
        .collect();
    words.join(" ")
}

/// Joining words written in lower case inside a place name ("Kingston upon Thames",
/// "Stockton-on-Tees", "Weston-super-Mare").
const PLACE_JOINERS: [&str; 11] = [
    "and", "upon", "on", "under", "in", "le", "super", "by", "the", "of", "next",
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

    fn council(doc: &Document) -> Option<String> {
        detect(doc, &book()).map(|c| c.name)
    }

    fn detected(text: &str) -> Option<Council> {
        detect(&Document::from_plain_text(text), &book())
    }

    #[test]
    fn council_file_patterns_win() {
        let doc =
            Document::from_plain_text("Protocol for meetings of the London Borough of Havering\n");
        assert_eq!(council(&doc).as_deref(), Some("Havering"));
    }

    #[test]
    fn generic_phrases_name_unknown_councils() {
        let doc = Document::from_plain_text("Agenda\nBristol City Council\nCity Hall\n");
        assert_eq!(council(&doc).as_deref(), Some("Bristol"));
        let doc = Document::from_plain_text("Contact: jane.doe@camden.gov.uk\n");
        assert_eq!(council(&doc).as_deref(), Some("Camden"));
        let doc = Document::from_plain_text(
            "MELKSHAM TOWN COUNCIL\nMinutes\nDefects were reported to Wiltshire Council highways.\n",
        );
        assert_eq!(council(&doc).as_deref(), Some("Melksham"));
        let doc = Document::from_plain_text("Report of the County Council\n");
        assert_eq!(council(&doc), None);
        let doc = Document::from_plain_text("Public Document Pack\nCheshire East Council\n");
        assert_eq!(council(&doc).as_deref(), Some("Cheshire East"));
        let doc = Document::from_plain_text("Cheshire West and Chester Council\n");
        assert_eq!(council(&doc).as_deref(), Some("Cheshire West and Chester"));
        let doc = Document::from_plain_text("A report to The Youth Council\n");
        assert_eq!(council(&doc), None);
        let doc = Document::from_plain_text("Stockton-on-Tees Borough Council\n");
        assert_eq!(council(&doc).as_deref(), Some("Stockton-on-Tees"));
        let doc = Document::from_plain_text(
            "Borough Council of King\u{2019}s Lynn\nKing's Lynn and West Norfolk Borough Council\n",
        );
        assert_eq!(
            council(&doc).as_deref(),
            Some("King's Lynn and West Norfolk")
        );
    }

    #[test]
    fn capital_letterheads_name_the_council() {
        let doc = Document::from_plain_text(
            "SOUTH HAMS DISTRICT COUNCIL\n\n7b\tDevon County Council Health Scrutiny\nenquiries@southhams.gov.uk\n",
        );
        assert_eq!(council(&doc).as_deref(), Some("South Hams"));
        let doc = Document::from_plain_text("WIRRAL COUNCIL\n\nADULT SOCIAL CARE COMMITTEE\n");
        assert_eq!(council(&doc).as_deref(), Some("Wirral"));
        let doc = Document::from_plain_text("THE VALE OF GLAMORGAN COUNCIL\nCABINET\n");
        assert_eq!(council(&doc).as_deref(), Some("Vale of Glamorgan"));
        let doc = Document::from_plain_text("NEWCASTLE-UNDER-LYME BOROUGH COUNCIL\n");
        assert_eq!(council(&doc).as_deref(), Some("Newcastle-under-Lyme"));
        let doc = Document::from_plain_text("REPORT TO FULL COUNCIL\nTHE YOUTH COUNCIL\n");
        assert_eq!(council(&doc), None);
    }

    #[test]
    fn the_letterhead_names_the_council_not_the_councils_it_mentions() {
        let c = detected(
            "Minutes of Ashby Annual Parish Council Meeting held on 3 May 2022\nPresent: Cllr Jo Bloggs (Shire County Council)\n",
        )
        .unwrap();
        assert_eq!(c.name, "Ashby");
        assert_eq!(c.printed.as_deref(), Some("Ashby Parish Council"));
        assert!(c.in_letterhead);
        // a text with no letterhead that names a council once names one it mentions
        assert_eq!(
            detected("Present: Cllr Jo Bloggs (Barton Town Council)\n1. Apologies\n"),
            None
        );
        let c = detected(
            "Present: Cllr Jo Bloggs\n1. Barton Town Council budget\n2. Barton Town Council precept\n",
        )
        .unwrap();
        assert_eq!(c.name, "Barton");
        assert!(!c.in_letterhead);
        let c = detected("ASHBY AND BARTON COMMUNITY COUNCIL\nMinutes\n").unwrap();
        assert_eq!(c.name, "Ashby and Barton");
        assert_eq!(
            c.printed.as_deref(),
            Some("Ashby and Barton Community Council")
        );
        let c = detected("Minutes Of Ashby & Barton Town Council\n").unwrap();
        assert_eq!(c.name, "Ashby and Barton");
        let c = detected("HOLME NEXT THE SEA PARISH COUNCIL\nMinutes\n").unwrap();
        assert_eq!(c.name, "Holme next the Sea");
        let c = detected("St Martin's Parish Council\nMinutes\n").unwrap();
        assert_eq!(c.name, "St Martin's");
        assert_eq!(
            council(&Document::from_plain_text(
                "COUNCILLORS ARE SUMMONED TO ATTEND THE PARISH COUNCIL MEETING\n"
            )),
            None
        );
        // a month is no place
        assert_eq!(
            council(&Document::from_plain_text(
                "Minutes of the March Parish Council meeting\n"
            )),
            None
        );
        // a combined authority, with or without "Mayoral"
        let c =
            detected("Minutes\nNorth Shire Mayoral Combined Authority\nBarton Council\n").unwrap();
        assert_eq!(c.name, "North Shire Combined Authority");
    }

    #[test]
    fn welsh_councils_and_broken_addresses() {
        let c = detected("CYNGOR CYMUNED LLANFAIR A BRYN\nCYFARFOD 9fed Ionawr 2019\n").unwrap();
        assert_eq!(c.name, "Llanfair and Bryn");
        assert_eq!(c.printed.as_deref(), Some("Cyngor Cymuned Llanfair a Bryn"));
        let c =
            detected("Cynhaliwyd cyfarfod o Gyngor Cymuned Llanfair a Bryn am 7.30pm\n").unwrap();
        assert_eq!(c.name, "Llanfair and Bryn");
        let doc = Document::from_plain_text(
            "AGENDA\nCABINET\nEmail:\n\t\tjo.bloggs@shire\n\t\t.gov.uk\n",
        );
        assert_eq!(council(&doc).as_deref(), Some("Shire"));
        // councils of something other than a place
        let doc = Document::from_plain_text("Report\nThe Children in Care Council met twice.\n");
        assert_eq!(council(&doc), None);
        let doc = Document::from_plain_text("Report\nThe Young People’s Council met twice.\n");
        assert_eq!(council(&doc), None);
        let doc = Document::from_plain_text("Minutes\nThe Combined Authority Committee met.\n");
        assert_eq!(council(&doc), None);
    }
}
