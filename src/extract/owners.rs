//! Owners of actions: a printed owner list in, resolved [`Owner`]s out.
//!
//! Takes the owner text of an action marker or "Action by" cell ("Keith Trotter & Graham
//! Philpot", "EP", "Director of Public Health", "PMG") and returns one [`Owner`] per
//! owner: people resolved against the meeting's attendees (full name, surname, small
//! misspelling, initials), roles and groups kept as written. It must not invent owners:
//! a fragment that reads like nothing (a stray column split, "sa") gives no owner.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::names::split_honorific;
use crate::pack::{Attendee, Owner, OwnerKind};
use crate::rules::RuleSet;

/// A word broken by a PDF column split: "Performanc e" (a lone lowercase letter).
static BROKEN_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([a-z]{3,}) ([b-hj-z])\b").expect("broken word regex"));

/// Words skipped when reading initials off a phrase ("Director of Public Health" → DPH).
const LINK_WORDS: &[&str] = &["of", "and", "for", "the", "&", "in", "on"];

/// Longest owner, in words, that is still a name, role or group rather than a sentence.
const MAX_OWNER_WORDS: usize = 7;

/// How sure the caller is that the text names owners.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
    /// An explicit marker ("(Action: …)"): a lone capitalised word is taken as a person.
    Marked,
    /// A column value that may be a stray fragment: only owners that resolve or carry a
    /// role or group word count.
    Column,
}

/// Resolves a printed owner list. `context` is nearby text (the action itself, the
/// minutes) where an acronym such as "PMG" may be spelt out.
pub fn resolve(
    raw: &str,
    attendees: &[Attendee],
    context: &str,
    rules: &RuleSet,
    conf: Confidence,
) -> Vec<Owner> {
    let cleaned = clean(raw);
    let mut out: Vec<Owner> = Vec::new();
    for part in rules.actions.owner_split.split(&cleaned) {
        let part = part
            .trim()
            .trim_matches(|c: char| matches!(c, '.' | ':' | '-' | '–' | '*' | '(' | ')'))
            .trim();
        if part.is_empty() {
            continue;
        }
        if let Some(owner) = one(part, attendees, context, rules, conf)
            && !out.iter().any(|o| o.name.eq_ignore_ascii_case(&owner.name))
        {
            out.push(owner);
        }
    }
    out
}

/// Tidies markup and column-split damage off a printed owner list.
fn clean(raw: &str) -> String {
    let t = raw.replace(['*', '\n', '\t'], " ");
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    BROKEN_WORD.replace_all(&t, "$1$2").into_owned()
}

fn one(
    part: &str,
    attendees: &[Attendee],
    context: &str,
    rules: &RuleSet,
    conf: Confidence,
) -> Option<Owner> {
    let (hon, bare) = split_honorific(part, &rules.common.honorifics);
    let bare = strip_article(bare);
    let words: Vec<&str> = bare.split_whitespace().collect();
    if let Some(post) = post_only(&words, rules) {
        return Some(Owner {
            raw: part.to_string(),
            ..post
        });
    }
    if bare.chars().count() < 2
        || words.len() > MAX_OWNER_WORDS
        || rules.actions.not_owner.contains(bare)
    {
        return None;
    }
    if let Some(a) = match_attendee(bare, attendees) {
        return Some(Owner {
            name: a.name.clone(),
            raw: part.to_string(),
            kind: OwnerKind::Person,
        });
    }
    // A post written as its short form ("AD") is a role, not someone's initials.
    if rules.common.role_words.contains(bare) {
        return Some(Owner {
            name: bare.to_string(),
            raw: part.to_string(),
            kind: OwnerKind::Role,
        });
    }
    if is_acronym(bare) {
        if let Some(a) = attendees.iter().find(|a| initials(&a.name) == bare) {
            return Some(Owner {
                name: a.name.clone(),
                raw: part.to_string(),
                kind: OwnerKind::Person,
            });
        }
        if let Some(phrase) = spell_out(bare, context) {
            let kind = kind_of(&phrase, rules).unwrap_or(OwnerKind::Group);
            return Some(Owner {
                name: phrase,
                raw: part.to_string(),
                kind,
            });
        }
        // Unresolved initials are still an owner: capitals are written on purpose, while
        // column-split fragments ("sa", "ip.") are lower case.
        return Some(Owner {
            name: bare.to_string(),
            raw: part.to_string(),
            kind: OwnerKind::Person,
        });
    }
    if let Some(kind) = kind_of(bare, rules) {
        return Some(Owner {
            name: bare.to_string(),
            raw: part.to_string(),
            kind,
        });
    }
    // a heading, a place or a thing in an owner column ("Notice Boards", "Barn
    // Conversion") is no person; a marked owner of two words stays one ("Action: Jo
    // Street"), and an attendee was matched above
    let thing = &rules.attendees.thing_words;
    let loose = conf == Confidence::Column || words.len() == 1;
    if hon.is_none()
        && loose
        && words
            .iter()
            .any(|w| thing.contains(crate::extract::names::bare(w)))
    {
        return None;
    }
    let capitalised = words
        .iter()
        .all(|w| w.starts_with(char::is_uppercase) || LINK_WORDS.contains(w));
    let is_name = capitalised && (words.len() >= 2 || conf == Confidence::Marked);
    is_name.then(|| Owner {
        name: bare.to_string(),
        raw: part.to_string(),
        kind: OwnerKind::Person,
    })
}

/// An owner that is only a title or post ("the Mayor", "Det Superint"): a role; a plural
/// one ("Councillors"): the group.
fn post_only(words: &[&str], rules: &RuleSet) -> Option<Owner> {
    let honorifics = &rules.common.honorifics;
    let last = crate::extract::names::bare(words.last()?);
    let phrase = words
        .iter()
        .map(|w| crate::extract::names::bare(w))
        .collect::<Vec<_>>()
        .join(" ");
    if !honorifics.contains(&phrase)
        && !words
            .iter()
            .all(|w| honorifics.contains(crate::extract::names::bare(w)))
    {
        return None;
    }
    let plural = crate::extract::names::singular_honorific(last, honorifics).is_some();
    Some(Owner {
        name: if plural { last.to_string() } else { phrase },
        raw: String::new(),
        kind: if plural {
            OwnerKind::Group
        } else {
            OwnerKind::Role
        },
    })
}

fn strip_article(s: &str) -> &str {
    let t = s.trim();
    for a in ["the ", "The ", "THE "] {
        if let Some(rest) = t.strip_prefix(a) {
            return rest.trim();
        }
    }
    t
}

/// Role when a role word is in the phrase, group when a group word is; a trailing group
/// word wins ("Chair's Office" is a group, "Chair Borough Commander" a role).
fn kind_of(phrase: &str, rules: &RuleSet) -> Option<OwnerKind> {
    let lower = phrase.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let has = |list: &crate::rules::Words| {
        list.iter().any(|p| {
            let pw: Vec<&str> = p.split_whitespace().collect();
            words.windows(pw.len().max(1)).any(|w| w == pw.as_slice())
        })
    };
    let last = words.last().copied().unwrap_or("");
    if rules.common.group_words.contains(last) {
        return Some(OwnerKind::Group);
    }
    if has(&rules.common.role_words) {
        return Some(OwnerKind::Role);
    }
    has(&rules.common.group_words).then_some(OwnerKind::Group)
}

fn is_acronym(s: &str) -> bool {
    (2..=5).contains(&s.len()) && s.chars().all(|c| c.is_ascii_uppercase())
}

/// Upper-case initials of a name: "Eubert Malcolm" → "EM", "Spencer Alden-Smith" → "SA".
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

/// A capitalised phrase in `context` whose initials spell `acronym`.
fn spell_out(acronym: &str, context: &str) -> Option<String> {
    let words: Vec<&str> = context.split_whitespace().collect();
    let n = acronym.len();
    for start in 0..words.len() {
        let mut taken = Vec::new();
        let mut letters = String::new();
        for w in &words[start..] {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            if w.is_empty() {
                break;
            }
            if !taken.is_empty() && LINK_WORDS.contains(&w.to_lowercase().as_str()) {
                taken.push(w);
                continue;
            }
            if !w.starts_with(char::is_uppercase) {
                break;
            }
            letters.extend(w.chars().next());
            taken.push(w);
            if letters.len() >= n {
                break;
            }
        }
        if letters == acronym && taken.len() >= n {
            return Some(taken.join(" "));
        }
    }
    None
}

/// The attendee a printed name refers to: same name, same surname with a compatible
/// first name, a unique surname, or a small misspelling of the full name.
pub fn match_attendee<'a>(printed: &str, attendees: &'a [Attendee]) -> Option<&'a Attendee> {
    let p = printed.to_lowercase();
    let pw: Vec<&str> = p.split_whitespace().collect();
    let (first, last) = (pw.first()?, pw.last()?);
    let exact = attendees.iter().find(|a| a.name.to_lowercase() == p);
    if exact.is_some() {
        return exact;
    }
    let surname = |a: &Attendee| {
        a.name
            .to_lowercase()
            .split_whitespace()
            .last()
            .map(str::to_string)
    };
    if pw.len() >= 2 {
        let same = attendees.iter().find(|a| {
            let n = a.name.to_lowercase();
            let aw: Vec<&str> = n.split_whitespace().collect();
            aw.last() == Some(last)
                && aw.first().and_then(|f| f.chars().next()) == first.chars().next()
        });
        if same.is_some() {
            return same;
        }
        let close: Vec<&Attendee> = attendees
            .iter()
            .filter(|a| p.len() > 6 && within_edits(&a.name.to_lowercase(), &p, 2))
            .collect();
        return (close.len() == 1).then(|| close[0]);
    }
    let by_surname: Vec<&Attendee> = attendees
        .iter()
        .filter(|a| surname(a).as_deref() == Some(*last))
        .collect();
    (by_surname.len() == 1 && last.len() > 2).then(|| by_surname[0])
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur: Vec<usize> = Vec::with_capacity(b.len() + 1);
    for (i, ca) in a.chars().enumerate() {
        cur.clear();
        cur.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            cur.push(
                (prev[j + 1] + 1)
                    .min(cur[j] + 1)
                    .min(prev[j] + usize::from(ca != *cb)),
            );
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// True when `a` and `b` are at most `k` edits apart. Strings whose lengths differ by more
/// than `k` are refused without computing the distance (most pairs, when an owner is
/// compared with every attendee).
pub fn within_edits(a: &str, b: &str, k: usize) -> bool {
    a.chars().count().abs_diff(b.chars().count()) <= k && edit_distance(a, b) <= k
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::person;

    fn names(
        raw: &str,
        att: &[Attendee],
        context: &str,
        conf: Confidence,
    ) -> Vec<(String, String, OwnerKind)> {
        let book = crate::extract::testing::book();
        resolve(raw, att, context, &book.default, conf)
            .into_iter()
            .map(|o| (o.name, o.raw, o.kind))
            .collect()
    }

    #[test]
    fn misspelling_resolves_to_attendee() {
        let att = [person("Eubert Malcolm"), person("Roger Hadwen")];
        let got = names("Eubert Malcom", &att, "", Confidence::Marked);
        assert_eq!(
            got,
            [(
                "Eubert Malcolm".into(),
                "Eubert Malcom".into(),
                OwnerKind::Person
            )]
        );
    }

    #[test]
    fn split_on_ampersand_and_and() {
        let att = [person("Keith Trotter"), person("Graham Philpot")];
        let got = names(
            "Keith Trotter & Graham Philpot",
            &att,
            "",
            Confidence::Marked,
        );
        assert_eq!(got.len(), 2);
        let got = names(
            "Cllr Keith Trotter and Graham Philpot",
            &att,
            "",
            Confidence::Marked,
        );
        assert_eq!(got[0].0, "Keith Trotter");
        assert_eq!(got[0].1, "Cllr Keith Trotter");
    }

    #[test]
    fn initials_and_surname() {
        let att = [person("Emma Phillips"), person("Tom Jones")];
        assert_eq!(
            names("EP", &att, "", Confidence::Marked)[0].0,
            "Emma Phillips"
        );
        assert_eq!(
            names("Jones", &att, "", Confidence::Column)[0].0,
            "Tom Jones"
        );
        assert_eq!(
            names("Dr T Jones", &att, "", Confidence::Marked)[0].0,
            "Tom Jones"
        );
    }

    #[test]
    fn roles_and_groups_kept_as_written() {
        let got = names("Director of Public Health", &[], "", Confidence::Marked);
        assert_eq!(
            got,
            [(
                "Director of Public Health".into(),
                "Director of Public Health".into(),
                OwnerKind::Role
            )]
        );
        let got = names("Communications Team", &[], "", Confidence::Column);
        assert_eq!(got[0].2, OwnerKind::Group);
        assert_eq!(
            names("Clerk", &[], "", Confidence::Column)[0].2,
            OwnerKind::Role
        );
        assert_eq!(
            names("Chair Borough Commander", &[], "", Confidence::Marked).len(),
            1
        );
    }

    #[test]
    fn short_form_of_a_post_is_a_role() {
        let got = names("AD", &[person("Anna Dale")], "", Confidence::Marked);
        assert_eq!(got[0].2, OwnerKind::Role);
    }

    #[test]
    fn acronym_spelt_out_in_context() {
        let got = names(
            "PMG",
            &[],
            "signed off by the Performance Monitoring Group before",
            Confidence::Column,
        );
        assert_eq!(
            got,
            [(
                "Performance Monitoring Group".into(),
                "PMG".into(),
                OwnerKind::Group
            )]
        );
    }

    #[test]
    fn a_title_alone_is_a_post_and_a_plural_one_the_group() {
        let got = names("the Mayor", &[], "", Confidence::Marked);
        assert_eq!(got, [("Mayor".into(), "the Mayor".into(), OwnerKind::Role)]);
        let got = names("Det Superint", &[], "", Confidence::Marked);
        assert_eq!(got[0].2, OwnerKind::Role);
        let got = names("Councillors", &[], "", Confidence::Marked);
        assert_eq!(
            got,
            [("Councillors".into(), "Councillors".into(), OwnerKind::Group)]
        );
        let got = names("Adult Social Care", &[], "", Confidence::Column);
        assert_eq!(got[0].2, OwnerKind::Group);
    }

    #[test]
    fn things_in_an_owner_column_are_not_people() {
        assert!(names("Notice Boards", &[], "", Confidence::Column).is_empty());
        assert!(names("Barn Conversion", &[], "", Confidence::Column).is_empty());
        assert!(names("Poster", &[], "", Confidence::Marked).is_empty());
        // a person's surname that is also a word stays a person
        assert_eq!(
            names("Mr Hall", &[], "", Confidence::Marked)[0].2,
            OwnerKind::Person
        );
    }

    #[test]
    fn column_fragments_are_not_owners() {
        assert!(names("sa", &[], "", Confidence::Column).is_empty());
        assert!(names("ip.", &[], "", Confidence::Column).is_empty());
        assert!(names("Derfermens", &[], "", Confidence::Column).is_empty());
        assert!(names("TBC", &[], "", Confidence::Column).is_empty());
        assert!(names("N/A", &[], "", Confidence::Column).is_empty());
        assert_eq!(names("EP/JS", &[], "", Confidence::Column).len(), 2);
        let got = names(
            "Performanc e Monitoring Group, with Claire Kowalska",
            &[],
            "",
            Confidence::Column,
        );
        assert_eq!(got[0].0, "Performance Monitoring Group");
        assert_eq!(got[1].0, "Claire Kowalska");
    }

    #[test]
    fn edit_distance_counts() {
        assert_eq!(edit_distance("malcom", "malcolm"), 1);
        assert_eq!(edit_distance("", "ab"), 2);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert!(within_edits("eubert malcom", "eubert malcolm", 2));
        assert!(!within_edits("jo", "joanna", 2));
    }
}
