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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honorifics() {
        let w = Words(vec!["cllr".into(), "dr".into(), "chief inspector".into()]);
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
}
