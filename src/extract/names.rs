//! People's names as minutes print them: honorifics, initials, small misspellings.
//!
//! Shared by the attendee and action extractors: splitting "Cllr Mark Blake" into
//! honorific and name, and matching a printed owner against the attendee list.

use crate::rules::Words;

/// Splits leading honorifics off a name: ("Cllr", "Mark Blake"). Several may stack
/// ("Chief Superintendent"); the longest listed phrase wins.
pub fn split_honorific<'a>(name: &'a str, honorifics: &Words) -> (Option<String>, &'a str) {
    let name = name.trim();
    let mut best: Option<usize> = None;
    for h in honorifics.iter() {
        let n = h.len();
        if name.len() > n
            && name.is_char_boundary(n)
            && name[..n].eq_ignore_ascii_case(h)
            && name[n..].starts_with(['.', ' '])
            && best.is_none_or(|b| n > b)
        {
            best = Some(n);
        }
    }
    match best {
        Some(n) => {
            let rest = name[n..].trim_start_matches('.').trim_start();
            (Some(name[..n].to_string()), rest)
        }
        None => (None, name),
    }
}

/// The bare word of a printed token: surrounding punctuation removed ("(Chair)," → "Chair").
pub fn bare(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphanumeric())
}

/// True when a token can be part of a printed name: it starts with a capital letter
/// ("McDonnell", "LaToya", "O'Neil", "Alden-Smith", "J.") and holds no digits.
pub fn is_name_token(token: &str) -> bool {
    let t = token.trim_end_matches([',', ';', ':']);
    let mut chars = t.chars();
    chars.next().is_some_and(char::is_uppercase)
        && !t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
}

/// The singular of a plural honorific ("Councillors" → "Councillor", "Cllrs" → "Cllr"),
/// `None` when `honorific` is not a listed plural.
pub fn singular_honorific(honorific: &str, honorifics: &Words) -> Option<String> {
    // "Mrs" is a title of its own, not the plural of "Mr" (that is "Messrs").
    if honorific.trim_end_matches('.').eq_ignore_ascii_case("mrs") {
        return None;
    }
    let one = honorific.strip_suffix(['s', 'S'])?;
    honorifics.contains(one).then(|| one.to_string())
}

/// Lowercase letters-only tokens of a name, for comparing two spellings.
/// The tokens a name is compared by: words stripped of punctuation.
fn name_tokens(name: &str) -> impl Iterator<Item = &str> {
    name.split_whitespace().map(bare).filter(|t| !t.is_empty())
}

/// Two name tokens equal up to case (compared without allocating: `same_person` runs
/// for every pair of entries in an attendance list).
fn same_token(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
        || (!(a.is_ascii() && b.is_ascii())
            && a.chars()
                .flat_map(char::to_lowercase)
                .eq(b.chars().flat_map(char::to_lowercase)))
}

/// True when two printed names plausibly mean the same person: equal up to case and
/// punctuation, the same surname with given names that agree in their first letters
/// ("Daniella Casali" / "Daniela Casali", "Mike Hall" / "Michael Hall"), an initial
/// against a given name ("J. Smith" / "Jo Smith"), or a bare surname against a full name.
/// "Corinna Edge" and "Chris Edge" are two people.
pub fn same_person(a: &str, b: &str) -> bool {
    let (Some(la), Some(lb)) = (name_tokens(a).last(), name_tokens(b).last()) else {
        return false;
    };
    // equal names have equal surnames, so a different surname settles it
    if !same_token(la, lb) {
        return false;
    }
    // a bare surname matches; otherwise the given names decide (equal names agree)
    if name_tokens(a).nth(1).is_none() || name_tokens(b).nth(1).is_none() {
        return true;
    }
    let given = |n: &'_ str| -> Vec<char> {
        name_tokens(n)
            .next()
            .unwrap_or("")
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .take(GIVEN_NAME_PREFIX + 1)
            .collect()
    };
    let (ga, gb) = (given(a), given(b));
    if ga.first() != gb.first() {
        return false;
    }
    // an initial matches any given name with that letter
    if ga.len() <= 1 || gb.len() <= 1 {
        return true;
    }
    ga.iter()
        .zip(&gb)
        .take(GIVEN_NAME_PREFIX)
        .all(|(x, y)| x == y)
}

/// Leading letters of two written-out given names that must agree for one person: two
/// tell "Corinna" from "Chris" and keep "Sue" with "Susan", "Mike" with "Michael".
const GIVEN_NAME_PREFIX: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honorifics() {
        let w = Words::new(["cllr", "dr", "chief inspector"]);
        assert_eq!(
            split_honorific("Cllr Mark Blake", &w),
            (Some("Cllr".into()), "Mark Blake")
        );
        assert_eq!(
            split_honorific("Dr. Will Maimaris", &w),
            (Some("Dr".into()), "Will Maimaris")
        );
        assert_eq!(
            split_honorific("Chief Inspector Jo Bloggs", &w),
            (Some("Chief Inspector".into()), "Jo Bloggs")
        );
        assert_eq!(split_honorific("Drew Smith", &w), (None, "Drew Smith"));
    }

    #[test]
    fn name_tokens() {
        for t in [
            "McDonnell",
            "LaToya",
            "O'Neil",
            "Alden-Smith",
            "J.",
            "Kowalska,",
        ] {
            assert!(is_name_token(t), "{t}");
        }
        for t in ["and", "(Chair)", "2020", "Item5", "&"] {
            assert!(!is_name_token(t), "{t}");
        }
    }

    #[test]
    fn plural_honorifics() {
        let w = Words::new(["cllr", "councillor", "councillors"]);
        assert_eq!(
            singular_honorific("Councillors", &w).as_deref(),
            Some("Councillor")
        );
        assert_eq!(singular_honorific("Councillor", &w), None);
        let w = Words::new(["mr", "mrs"]);
        assert_eq!(singular_honorific("Mrs", &w), None);
    }

    #[test]
    fn same_person_spellings() {
        assert!(same_person("Daniella Casali", "Daniela Casali"));
        assert!(same_person("Joan Hancox", "joan hancox"));
        assert!(same_person("Smith", "Jo Smith"));
        assert!(!same_person("Jo Smith", "Al Smith"));
        assert!(!same_person("Corinna Edge", "Chris Edge"));
        assert!(same_person("Chris Edge", "Christopher Edge"));
        assert!(same_person("Sue Chandler", "Susan Chandler"));
        assert!(same_person("Mike Hill", "Michael Hill"));
        assert!(!same_person("Jo Smith", "Jo Smyth"));
        assert!(same_person("ÉLODIE Durand", "élodie durand"));
        assert!(same_person("J. Smith", "jo smith"));
        assert!(!same_person("", "Jo Smith"));
    }
}
