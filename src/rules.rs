//! Extraction rules as data: `rules/default.toml` plus per-council overrides.
//!
//! Takes the TOML files under a rules folder and returns a [`RuleBook`]: the default
//! [`RuleSet`] and one resolved set per council file, every regex compiled exactly once
//! at start-up. A council file overrides the default field by field; anything it leaves
//! out comes from the default. A malformed file is an error naming the file and line.
//!
//! Each extractor owns the section of rules it reads (declared with [`rule_section!`](crate::rule_section!) in
//! its own module), so the rules a piece of code depends on sit next to that code.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use regex::Regex;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Deserializer};

use crate::error::RulesError;
use crate::extract::{
    actions, attendees, bodies, council, meeting, minutes, plans, resolutions, tables,
};
use crate::load::html;
use crate::segment;

/// One regular expression from a rules file.
///
/// A single pattern is compiled when the rules are read. A member of a [`Patterns`] list
/// is compiled the first time it is used on its own (its list's set already answers
/// "does any match?"), so start-up does not compile every list twice (issue #3).
/// Clones share the compiled regex.
#[derive(Clone)]
pub struct Pattern {
    /// The source as compiled (after [`narrow_classes`]).
    source: Arc<str>,
    regex: Arc<OnceLock<Regex>>,
}

/// Size limit of one compiled pattern or pattern set, in bytes.
const SIZE_LIMIT: usize = 1 << 26;

fn compile(source: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(source)
        .size_limit(SIZE_LIMIT)
        .build()
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pattern({:?})", self.source)
    }
}

impl Pattern {
    /// A pattern compiled now.
    fn compiled(source: String) -> Result<Pattern, regex::Error> {
        let regex = compile(&source)?;
        Ok(Pattern {
            source: source.into(),
            regex: Arc::new(OnceLock::from(regex)),
        })
    }

    /// A pattern compiled on first use; `source` has been checked.
    fn deferred(source: String) -> Pattern {
        Pattern {
            source: source.into(),
            regex: Arc::new(OnceLock::new()),
        }
    }

    /// The regex source as compiled, without compiling it.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The capture groups of the leftmost match. Checks for a match first: most texts
    /// an extractor tries do not match, and `Regex::captures` allocates its slots before
    /// it searches.
    pub fn captures<'t>(&self, text: &'t str) -> Option<regex::Captures<'t>> {
        let re: &Regex = self;
        if re.is_match(text) {
            re.captures(text)
        } else {
            None
        }
    }
}

impl std::ops::Deref for Pattern {
    type Target = Regex;
    fn deref(&self) -> &Regex {
        self.regex.get_or_init(|| {
            // The source parsed when the rules were read, and its list compiled as a set
            // under the same size limit, so it compiles alone.
            compile(&self.source).expect("a checked pattern compiles")
        })
    }
}

impl<'de> Deserialize<'de> for Pattern {
    // Compiling while deserialising lets the TOML parser attach the value's line and
    // column to a bad regex, so the error names the exact place in the file.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Pattern, D::Error> {
        let src = String::deserialize(d)?;
        Pattern::compiled(narrow_classes(&src))
            .map_err(|e| serde::de::Error::custom(format!("invalid regex {src:?}: {e}")))
    }
}

/// A member of a pattern list as read: its syntax checked (cheap), not yet compiled.
struct CheckedSource(String);

impl<'de> Deserialize<'de> for CheckedSource {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CheckedSource, D::Error> {
        let src = String::deserialize(d)?;
        let narrowed = narrow_classes(&src);
        regex_syntax::ParserBuilder::new()
            .build()
            .parse(&narrowed)
            .map_err(|e| serde::de::Error::custom(format!("invalid regex {src:?}: {e}")))?;
        Ok(CheckedSource(narrowed))
    }
}

/// Letters of the Latin scripts (ASCII, Latin-1 and Latin Extended-A/B), digits and `_`:
/// what `\w` means in a rules file. Names in UK packs are written in these letters
/// ("Zoë", "Ó Dónaill"), and the full Unicode class costs ten times as much to compile.
const WORD_CLASS: &str = "0-9A-Za-z_\u{aa}\u{b5}\u{ba}\u{c0}-\u{d6}\u{d8}-\u{f6}\u{f8}-\u{24f}";

/// Narrows the Unicode classes of a rules pattern to what packs are written in:
/// `\b`/`\B` become ASCII word boundaries, `\w`/`\W` the Latin word class
/// ([`WORD_CLASS`]) and `\d`/`\D` the ASCII digits.
///
/// A Unicode word boundary makes the regex engine leave its fast DFA on any line with
/// a non-ASCII character (curly quotes and dashes are on most lines of a pack), and the
/// full Unicode `\w` and `\d` made compiling the rules most of a small run's time
/// (issue #3). Inside a bracket class the replacement is a nested class, which the
/// `regex` syntax accepts (`[\w&]` → `[[0-9A-Za-z_…]&]`).
fn narrow_classes(src: &str) -> String {
    let mut out = String::with_capacity(src.len() + 32);
    let mut chars = src.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str("(?-u:\\b)"),
            Some('B') => out.push_str("(?-u:\\B)"),
            Some('w') => {
                out.push('[');
                out.push_str(WORD_CLASS);
                out.push(']');
            }
            Some('W') => {
                out.push_str("[^");
                out.push_str(WORD_CLASS);
                out.push(']');
            }
            Some('d') => out.push_str("[0-9]"),
            Some('D') => out.push_str("[^0-9]"),
            Some(n) => {
                out.push('\\');
                out.push(n);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// A list of alternative patterns; a text matches when any of them does.
///
/// The list is also compiled into one [`regex::RegexSet`], so "does any match" is a
/// single pass over the text however many alternatives a rule lists. The set is built
/// on first use, like the list's patterns: the rules hold lists that a run over one
/// kind of pack never asks (Welsh, narrative minutes, PDF furniture), and building every
/// set at start-up had become most of a small run's time (issue #12). The sources are
/// checked when the rules are read, so a bad pattern still stops the run there.
#[derive(Clone, Debug)]
pub struct Patterns(pub Vec<Pattern>, Arc<OnceLock<regex::RegexSet>>);

impl<'de> Deserialize<'de> for Patterns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Patterns, D::Error> {
        let sources = Vec::<CheckedSource>::deserialize(d)?;
        let list = sources
            .into_iter()
            .map(|s| Pattern::deferred(s.0))
            .collect();
        Ok(Patterns(list, Arc::new(OnceLock::new())))
    }
}

impl Patterns {
    /// Patterns from regex sources (for tests and built-in lists).
    pub fn from_sources(sources: &[&str]) -> Result<Patterns, regex::Error> {
        let list = sources
            .iter()
            .map(|s| Pattern::compiled(s.to_string()))
            .collect::<Result<Vec<_>, _>>()?;
        let set = regex::RegexSetBuilder::new(sources)
            .size_limit(SIZE_LIMIT)
            .build()?;
        Ok(Patterns(list, Arc::new(OnceLock::from(set))))
    }

    /// The list as one set, built on first use.
    fn set(&self) -> &regex::RegexSet {
        self.1.get_or_init(|| {
            regex::RegexSetBuilder::new(self.0.iter().map(|p| p.source()))
                .size_limit(SIZE_LIMIT)
                .build()
                .expect("checked patterns compile as a set")
        })
    }

    /// True when any pattern matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.set().is_match(text)
    }

    /// The captures of the first pattern that matches.
    pub fn captures<'t>(&self, text: &'t str) -> Option<regex::Captures<'t>> {
        self.matching(text).find_map(|p| p.captures(text))
    }

    /// The patterns that match somewhere in `text`, in order: one pass of the set
    /// instead of one search per pattern.
    pub fn matching<'a>(&'a self, text: &str) -> impl Iterator<Item = &'a Pattern> + 'a {
        // Most texts match none. "Any match?" stops at the first match and can skip
        // ahead by literal prefixes; "which match?" must run to the end of the text in a
        // slower mode, so it only runs when there is something to find (issue #3).
        let set = self.set();
        let hits = set.is_match(text).then(|| set.matches(text));
        hits.into_iter().flatten().map(|i| &self.0[i])
    }

    /// The patterns in order.
    pub fn iter(&self) -> impl Iterator<Item = &Pattern> {
        self.0.iter()
    }
}

/// Several pattern lists searched in one pass: which lists have a pattern that matches.
///
/// An extractor that asks of one text "which of these nine column headers is it?" would
/// otherwise run nine searches; one [`regex::RegexSet`] over every pattern of every list
/// answers with a bit per list.
#[derive(Clone, Debug)]
pub struct PatternGroups {
    set: Option<regex::RegexSet>,
    /// For each pattern of the set, the bit of its list.
    bit: Vec<u32>,
    /// The lists themselves: searched one by one when the combined set is over the size
    /// limit (each list compiled alone; together they need not).
    lists: Vec<Patterns>,
}

impl PatternGroups {
    /// The lists, in order; list `i` answers as bit `i` (at most 32 lists).
    pub fn new(lists: &[&Patterns]) -> PatternGroups {
        assert!(lists.len() <= 32, "at most 32 pattern lists in a group");
        let mut sources = Vec::new();
        let mut bit = Vec::new();
        for (i, list) in lists.iter().enumerate() {
            for p in list.iter() {
                sources.push(p.source());
                bit.push(1u32 << i);
            }
        }
        let set = regex::RegexSetBuilder::new(sources)
            .size_limit(SIZE_LIMIT)
            .build()
            .ok();
        PatternGroups {
            set,
            bit,
            lists: lists.iter().map(|l| (*l).clone()).collect(),
        }
    }

    /// Bit `i` is set when a pattern of list `i` matches somewhere in `text`.
    pub fn mask(&self, text: &str) -> u32 {
        let Some(set) = &self.set else {
            return self
                .lists
                .iter()
                .enumerate()
                .filter(|(_, l)| l.is_match(text))
                .fold(0, |m, (i, _)| m | 1 << i);
        };
        // See `Patterns::matching`: the cheap question first.
        if !set.is_match(text) {
            return 0;
        }
        set.matches(text)
            .into_iter()
            .fold(0, |m, i| m | self.bit[i])
    }
}

/// Indexes built from a [`RuleSet`]'s rules the first time an extractor needs them, so
/// start-up compiles nothing twice and a run that never meets a table never builds its
/// index. Cloning shares the built indexes.
#[derive(Clone, Debug, Default)]
pub struct Derived {
    /// The action-plan column-header lists, as one group (see `extract::plans`).
    pub plan_headers: std::sync::Arc<std::sync::OnceLock<PatternGroups>>,
    /// The lists of lines that open a part of a pack, as one group (see `segment`).
    pub segment_starts: std::sync::Arc<std::sync::OnceLock<PatternGroups>>,
}

/// The lowercase word tokens of a text (letters, digits and inner dashes, as
/// `word_tokens` reads them), for [`Words::in_tokens`].
#[derive(Debug, Clone)]
pub struct WordTokens {
    lower: String,
    /// Each token's place in `lower`.
    words: Vec<std::ops::Range<usize>>,
}

impl WordTokens {
    /// The tokens of `text`.
    pub fn new(text: &str) -> WordTokens {
        let lower = text.to_lowercase();
        // a token's offset is its distance from the start of `lower`
        let base = lower.as_ptr() as usize;
        let words = lower
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .map(|t| t.trim_matches('-'))
            .filter(|t| !t.is_empty())
            .map(|t| {
                let start = t.as_ptr() as usize - base;
                start..start + t.len()
            })
            .collect();
        WordTokens { lower, words }
    }

    fn get(&self, word: &std::ops::Range<usize>) -> &str {
        &self.lower[word.clone()]
    }
}

/// A list of words or phrases, compared case-insensitively.
///
/// Besides the list, a set of its one-word entries and the token sequences of its
/// phrases are built once, so "does the text contain any of these words" costs one pass
/// over the text's tokens, not one search per listed word.
#[derive(Clone, Debug, Default)]
pub struct Words {
    list: Vec<String>,
    single: FxHashSet<String>,
    phrases: Vec<Vec<String>>,
}

impl<'de> Deserialize<'de> for Words {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Words, D::Error> {
        Ok(Words::new(Vec::<String>::deserialize(d)?))
    }
}

/// The lowercase word tokens of a text: letters, digits and inner dashes ("co-chair");
/// a dash at a word's edge ("Officer- National") is punctuation.
fn word_tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|t| t.trim_matches('-'))
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
}

impl Words {
    /// A list from its entries.
    pub fn new<S: Into<String>>(entries: impl IntoIterator<Item = S>) -> Words {
        let list: Vec<String> = entries
            .into_iter()
            .map(|w| w.into().to_lowercase())
            .collect();
        let mut single = FxHashSet::default();
        let mut phrases = Vec::new();
        for w in &list {
            let tokens: Vec<String> = word_tokens(w).collect();
            match tokens.len() {
                0 => {}
                1 => {
                    single.insert(tokens.into_iter().next().unwrap_or_default());
                }
                _ => phrases.push(tokens),
            }
        }
        Words {
            list,
            single,
            phrases,
        }
    }

    /// True when `word` is an entry of the list (case-insensitive, whole entry).
    pub fn contains(&self, word: &str) -> bool {
        if word.is_ascii() {
            self.list.iter().any(|w| w.eq_ignore_ascii_case(word))
        } else {
            let w = word.to_lowercase();
            self.list.contains(&w)
        }
    }

    /// True when an entry occurs in `text` as whole words ("Head of Service" contains
    /// "service" and "head of service", not "vice").
    pub fn in_text(&self, text: &str) -> bool {
        self.in_tokens(&WordTokens::new(text))
    }

    /// [`Words::in_text`] over tokens read once: a text asked about several lists is
    /// lower-cased and split once (issue #3).
    pub fn in_tokens(&self, tokens: &WordTokens) -> bool {
        let words = &tokens.words;
        words.iter().any(|t| self.single.contains(tokens.get(t)))
            || self.phrases.iter().any(|p| {
                words
                    .windows(p.len())
                    .any(|w| w.iter().zip(p).all(|(a, b)| tokens.get(a) == b.as_str()))
            })
    }

    /// The entries in order (lowercase).
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.list.iter().map(String::as_str)
    }
}

/// Declares a rules section: the resolved struct (every field set) and its raw form (every
/// field optional, unknown keys refused), plus the field-by-field combination.
///
/// ```ignore
/// rule_section! {
///     /// Rules for agenda items.
///     pub struct AgendaRules / RawAgendaRules {
///         /// An agenda item line.
///         item: Pattern,
///     }
/// }
/// ```
#[macro_export]
macro_rules! rule_section {
    ($(#[$m:meta])* pub struct $name:ident / $raw:ident {
        $( $(#[$fm:meta])* $field:ident : $ty:ty ),* $(,)?
    }) => {
        $(#[$m])*
        #[derive(Debug, Clone)]
        pub struct $name { $( $(#[$fm])* pub $field: $ty, )* }

        #[doc = concat!("[`", stringify!($name), "`] as read from one file: every field optional.")]
        #[derive(Debug, Clone, Default, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $raw { $( $(#[$fm])* pub $field: Option<$ty>, )* }

        impl $raw {
            /// Fields set here win; the rest come from `base`.
            pub fn over(self, base: &$raw) -> $raw {
                $raw { $( $field: self.$field.or_else(|| base.$field.clone()), )* }
            }

            /// The resolved section, or the name of the first field nobody set.
            pub fn resolve(self, section: &'static str) -> Result<$name, String> {
                Ok($name { $( $field: self.$field.ok_or_else(|| format!("{}.{}", section, stringify!($field)))?, )* })
            }
        }
    };
}

/// Declares the top-level rule file and rule set from the list of sections.
macro_rules! rule_sections {
    ($( $(#[$fm:meta])* $field:ident : $module:ident :: $name:ident / $raw:ident ),* $(,)?) => {
        /// One rules file as read: every section optional.
        #[derive(Debug, Clone, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct RuleFile {
            /// The council this file is for (council files only), as written in packs.
            pub council: Option<String>,
            /// Free text describing the file.
            pub description: Option<String>,
            $( $(#[$fm])* pub $field: Option<$module::$raw>, )*
        }

        /// The rules one pack is extracted with.
        #[derive(Debug, Clone)]
        pub struct RuleSet {
            /// The council these rules are for, `None` for the default set.
            pub council: Option<String>,
            $( $(#[$fm])* pub $field: $module::$name, )*
            /// Indexes built from the rules above on first use (see [`Derived`]).
            pub derived: Derived,
        }

        impl RuleFile {
            /// This file over `base`, field by field.
            fn over(self, base: &RuleFile) -> RuleFile {
                RuleFile {
                    council: self.council.or_else(|| base.council.clone()),
                    description: self.description.or_else(|| base.description.clone()),
                    $( $field: Some(self.$field.unwrap_or_default().over(&base.$field.clone().unwrap_or_default())), )*
                }
            }

            fn resolve(self) -> Result<RuleSet, String> {
                Ok(RuleSet {
                    council: self.council,
                    $( $field: self.$field.unwrap_or_default().resolve(stringify!($field))?, )*
                    derived: Derived::default(),
                })
            }
        }
    };
}

rule_sections! {
    /// Recognising the council of a pack from its text.
    detect: council::CouncilRules / RawCouncilRules,
    /// Shared vocabulary: dates, times, honorifics, role words.
    common: common::CommonRules / RawCommonRules,
    /// Splitting the pack into agenda, minutes, reports, appendices.
    segment: segment::SegmentRules / RawSegmentRules,
    /// The notice meeting and its agenda.
    meeting: meeting::MeetingRules / RawMeetingRules,
    /// A body's name out of the heading that prints it.
    bodies: bodies::BodyRules / RawBodyRules,
    /// Minutes headings and minute items.
    minutes: minutes::MinutesRules / RawMinutesRules,
    /// Attendance lists.
    attendees: attendees::AttendeeRules / RawAttendeeRules,
    /// Resolutions and decisions.
    resolutions: resolutions::ResolutionRules / RawResolutionRules,
    /// Actions and owners.
    actions: actions::ActionRules / RawActionRules,
    /// Action-plan tables.
    plans: plans::PlanRules / RawPlanRules,
    /// Numeric tables and cell values.
    tables: tables::TableRules / RawTableRules,
    /// Boilerplate the HTML loader drops (read from the default rules only).
    html: html::HtmlRules / RawHtmlRules,
}

/// Vocabulary shared by several extractors.
pub mod common {
    use super::{Pattern, Patterns, Words};

    crate::rule_section! {
        /// Dates, times, honorifics and words that mark roles and groups.
        pub struct CommonRules / RawCommonRules {
            /// Honorifics and titles stripped from names ("Cllr", "Dr").
            honorifics: Words,
            /// Month names and abbreviations, in calendar order groups: "january", "jan".
            months: Words,
            /// Dates written in words, day first or month first: named groups `day`,
            /// `month`, `year`.
            date_words: Patterns,
            /// A numeric date: named groups `day`, `month`, `year`.
            date_numeric: Pattern,
            /// Ways to write a time: named groups `hour`, optional `minute`, optional `ampm`.
            time: Patterns,
            /// Words that make an owner a role ("Chair", "Clerk", "Director").
            role_words: Words,
            /// Words that make an owner a group ("Team", "Partnership", "Board").
            group_words: Words,
        }
    }
}

/// Where the rules live and which council each file is for.
#[derive(Debug, Clone)]
pub struct RuleBook {
    /// The default rules (`default.toml`).
    pub default: RuleSet,
    /// Council name (lowercase) → resolved rules.
    pub councils: BTreeMap<String, RuleSet>,
    /// The folder the rules came from, or `None` for the embedded copy.
    pub dir: Option<PathBuf>,
    /// Each council file's own `[council] detect` patterns (not inherited from the
    /// default), with the council's name as the file writes it.
    pub detectors: Vec<(String, Patterns)>,
    /// Every council's detect patterns and the default's, as one set, built on first use
    /// (see `extract::council`).
    pub detector: Arc<OnceLock<council::Detector>>,
}

/// The default rules compiled into the binary, used when no rules folder is found.
pub const EMBEDDED_DEFAULT: &str = include_str!("../rules/default.toml");

impl RuleBook {
    /// Reads `dir/default.toml` and every `dir/councils/*.toml`.
    pub fn load(dir: &Path) -> Result<RuleBook, RulesError> {
        let default_path = dir.join("default.toml");
        let default_src =
            std::fs::read_to_string(&default_path).map_err(|source| RulesError::Read {
                path: default_path.clone(),
                source,
            })?;
        let mut councils = Vec::new();
        let council_dir = dir.join("councils");
        if council_dir.is_dir() {
            let entries = std::fs::read_dir(&council_dir).map_err(|source| RulesError::Read {
                path: council_dir.clone(),
                source,
            })?;
            let mut paths: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect();
            paths.sort();
            for path in paths {
                let src = std::fs::read_to_string(&path).map_err(|source| RulesError::Read {
                    path: path.clone(),
                    source,
                })?;
                councils.push((path, src));
            }
        }
        let mut book = RuleBook::from_sources(&default_path, &default_src, &councils)?;
        book.dir = Some(dir.to_path_buf());
        Ok(book)
    }

    /// The embedded default rules alone.
    pub fn embedded() -> Result<RuleBook, RulesError> {
        RuleBook::from_sources(Path::new("<embedded>/default.toml"), EMBEDDED_DEFAULT, &[])
    }

    /// Builds a book from file contents (paths only name the files in errors).
    pub fn from_sources(
        default_path: &Path,
        default_src: &str,
        councils: &[(PathBuf, String)],
    ) -> Result<RuleBook, RulesError> {
        let default_file = parse_file(default_path, default_src)?;
        let default = default_file
            .clone()
            .resolve()
            .map_err(|field| RulesError::Missing {
                path: default_path.to_path_buf(),
                field,
            })?;
        let mut map = BTreeMap::new();
        let mut detectors = Vec::new();
        for (path, src) in councils {
            let file = parse_file(path, src)?;
            if let (Some(name), Some(detect)) = (
                &file.council,
                file.detect.as_ref().and_then(|c| c.patterns.clone()),
            ) {
                detectors.push((name.clone(), detect));
            }
            let name = file.council.clone().ok_or_else(|| RulesError::Missing {
                path: path.clone(),
                field: "council".to_string(),
            })?;
            let set = file
                .over(&default_file)
                .resolve()
                .map_err(|field| RulesError::Missing {
                    path: path.clone(),
                    field,
                })?;
            if map.insert(name.to_lowercase(), set).is_some() {
                return Err(RulesError::Duplicate {
                    path: path.clone(),
                    council: name,
                });
            }
        }
        Ok(RuleBook {
            default,
            councils: map,
            dir: None,
            detectors,
            detector: Arc::default(),
        })
    }

    /// The rules for a council: its own file over the default, or the default.
    pub fn for_council(&self, council: Option<&str>) -> &RuleSet {
        council
            .and_then(|c| self.councils.get(&c.to_lowercase()))
            .unwrap_or(&self.default)
    }

    /// Every rule set: the default first, then the councils in name order.
    pub fn all(&self) -> impl Iterator<Item = &RuleSet> {
        std::iter::once(&self.default).chain(self.councils.values())
    }
}

fn parse_file(path: &Path, src: &str) -> Result<RuleFile, RulesError> {
    toml::from_str::<RuleFile>(src).map_err(|e| {
        let (line, column) = e.span().map(|s| line_col(src, s.start)).unwrap_or((0, 0));
        RulesError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: e.message().to_string(),
        }
    })
}

/// 1-based line and column of a byte offset.
fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let before = &src[..offset.min(src.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rfind('\n')
        .map_or(before.len(), |i| before.len() - i - 1)
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_default_resolves() {
        let book = RuleBook::embedded().expect("default rules");
        assert!(book.default.council.is_none());
    }

    #[test]
    fn shipped_rules_folder_loads() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let book = RuleBook::load(&dir).expect("rules folder");
        assert!(!book.councils.is_empty());
    }

    #[test]
    fn pattern_groups_answer_a_bit_per_list() {
        let a = Patterns::from_sources(&["(?i)^lead", "(?i)responsible"]).unwrap();
        let b = Patterns::from_sources(&["(?i)^status$"]).unwrap();
        let g = PatternGroups::new(&[&a, &b]);
        assert_eq!(g.mask("Lead Officer"), 0b01);
        assert_eq!(g.mask("Status"), 0b10);
        assert_eq!(g.mask("Comments"), 0);
        // without the combined set (over the size limit) the lists answer the same
        let lists = PatternGroups {
            set: None,
            ..g.clone()
        };
        for t in ["Lead Officer", "Status", "Comments", "Responsible"] {
            assert_eq!(lists.mask(t), g.mask(t), "{t}");
        }
    }

    #[test]
    fn bad_regex_in_a_list_is_named_and_members_compile_on_use() {
        let council =
            "council = \"Testshire\"\n\n[detect]\npatterns = [\n  'ok',\n  '(unclosed',\n]\n";
        let err = RuleBook::from_sources(
            Path::new("default.toml"),
            EMBEDDED_DEFAULT,
            &[(
                PathBuf::from("councils/testshire.toml"),
                council.to_string(),
            )],
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("councils/testshire.toml"), "{err}");
        assert!(err.contains("line 4"), "{err}"); // the list's line; the pattern is quoted
        assert!(err.contains("(unclosed"), "{err}");

        let list: Patterns = toml::from_str::<std::collections::HashMap<String, Patterns>>(
            "p = ['^Minutes\\b', '(?i)\\bagenda\\b']",
        )
        .unwrap()
        .remove("p")
        .unwrap();
        assert!(list.iter().all(|p| p.regex.get().is_none()), "members wait");
        let hit: Vec<&str> = list.matching("the Agenda").map(|p| p.source()).collect();
        assert_eq!(hit.len(), 1);
        assert!(list.captures("the Agenda").is_some());
        assert!(
            list.iter().nth(1).unwrap().regex.get().is_some(),
            "compiled on use"
        );
    }

    #[test]
    fn bad_regex_names_file_and_line() {
        let src = format!("{EMBEDDED_DEFAULT}\n");
        let council =
            "council = \"Testshire\"\n\n[meeting]\nagenda_item = \"(unclosed\"\n".to_string();
        let err = RuleBook::from_sources(
            Path::new("default.toml"),
            &src,
            &[(PathBuf::from("councils/testshire.toml"), council)],
        )
        .unwrap_err();
        let text = err.to_string();
        assert!(text.contains("councils/testshire.toml"), "{text}");
        assert!(text.contains("line 4"), "{text}");
    }

    #[test]
    fn unknown_key_is_refused() {
        let council = "council = \"X\"\n[meeting]\nno_such_rule = \"a\"\n".to_string();
        let err = RuleBook::from_sources(
            Path::new("d.toml"),
            EMBEDDED_DEFAULT,
            &[(PathBuf::from("x.toml"), council)],
        )
        .unwrap_err();
        assert!(err.to_string().contains("line 3"), "{err}");
    }

    #[test]
    fn council_overrides_field_by_field() {
        let council =
            "council = \"Testshire\"\n[common]\nhonorifics = [\"Alderman\"]\n".to_string();
        let book = RuleBook::from_sources(
            Path::new("d.toml"),
            EMBEDDED_DEFAULT,
            &[(PathBuf::from("t.toml"), council)],
        )
        .unwrap();
        let set = book.for_council(Some("TESTSHIRE"));
        assert!(set.common.honorifics.contains("alderman"));
        assert!(!set.common.honorifics.contains("cllr"));
        // untouched fields come from the default
        assert!(
            set.common
                .months
                .iter()
                .eq(book.default.common.months.iter())
        );
        assert!(std::ptr::eq(
            book.for_council(Some("Nowhere")),
            &book.default
        ));
    }

    #[test]
    fn classes_are_narrowed_to_what_packs_are_written_in() {
        assert_eq!(
            narrow_classes(r"\bab\B\\b\d\D"),
            r"(?-u:\b)ab(?-u:\B)\\b[0-9][^0-9]"
        );
        let p = |src: &str| -> Pattern {
            toml::from_str::<std::collections::HashMap<String, Pattern>>(&format!("p = '{src}'"))
                .unwrap()
                .remove("p")
                .unwrap()
        };
        assert!(p(r"(?i)\bchair\b").is_match("the Chair’s report"));
        assert!(!p(r"(?i)\bchair\b").is_match("chairs"));
        // \w keeps accented Latin letters, inside and outside a bracket class
        assert!(p(r"^[A-Z]\w+$").is_match("Zoë"));
        assert!(p(r"^[A-Z][\w’-]+$").is_match("Dónaill-O’Neill"));
        assert!(!p(r"^\w+$").is_match("a b"));
        assert!(p(r"^[^\W\d]+$").is_match("Zoë"));
        assert!(!p(r"^[^\W\d]+$").is_match("Zoë2"));
        assert!(p(r"^\W$").is_match("’"));
        // \d is ASCII digits only
        assert!(!p(r"^\d$").is_match("٣"));
        assert!(p(r"^\D+$").is_match("abc"));
    }

    #[test]
    fn words_in_text_are_whole_words_and_phrases() {
        let w = Words::new(["service", "head of service", "co-chair"]);
        assert!(w.in_text("Head of Service, Haringey"));
        assert!(!w.in_text("Head of Services"));
        assert!(w.in_text("the Co-Chair’s report"));
        assert!(!w.in_text("Vice Chair"));
        assert!(!w.in_text("servicing"));
        assert!(Words::new(["chief inspector"]).in_text("Chief  Inspector- Neighbourhoods"));
        assert!(!Words::new(["chief inspector"]).in_text("Chief of Inspector"));
    }

    #[test]
    fn line_col_counts_from_one() {
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("ab", 0), (1, 1));
    }
}
