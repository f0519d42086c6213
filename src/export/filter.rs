//! `--council`, `--body` and `--since`: which meetings an export keeps.
//!
//! Takes the raw flag values, validates them once (a bad date is a usage error, exit 2)
//! and answers one question per row: does its (council, body, meeting date) pass? It does
//! not know which export asks, so every export and both sides of `--changed-since`
//! filter alike (issue #5).

use crate::error::ExportError;

/// The row filter of one export.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    council: Option<String>,
    body: Option<String>,
    since: Option<String>,
}

impl Filter {
    /// Validates the flags: `since` must be a calendar date `YYYY-MM-DD`.
    pub fn new(
        council: Option<String>,
        body: Option<String>,
        since: Option<String>,
    ) -> Result<Filter, ExportError> {
        if let Some(d) = &since
            && !is_iso_date(d)
        {
            return Err(ExportError::Usage {
                flag: "--since",
                reason: format!("{d:?} is not a date (expected YYYY-MM-DD)"),
            });
        }
        Ok(Filter {
            council,
            body,
            since,
        })
    }

    /// Whether a row of this council, body and meeting date is kept. Council and body
    /// compare case-insensitively and whole; with `--since`, a row without a date is
    /// dropped, since nothing says it is recent.
    pub fn keeps(&self, council: Option<&str>, body: Option<&str>, date: Option<&str>) -> bool {
        let same = |want: &Option<String>, have: Option<&str>| match want {
            None => true,
            Some(w) => have.is_some_and(|h| h.trim().to_lowercase() == w.trim().to_lowercase()),
        };
        let recent = match &self.since {
            None => true,
            // ISO dates sort as strings.
            Some(since) => date.is_some_and(|d| d >= since.as_str()),
        };
        same(&self.council, council) && same(&self.body, body) && recent
    }
}

/// `YYYY-MM-DD` naming a day that exists.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(council: Option<&str>, body: Option<&str>, since: Option<&str>) -> Filter {
        Filter::new(
            council.map(str::to_string),
            body.map(str::to_string),
            since.map(str::to_string),
        )
        .unwrap()
    }

    #[test]
    fn dates_are_checked() {
        for good in ["2024-02-29", "2023-12-31", "2000-02-29"] {
            assert!(is_iso_date(good), "{good}");
        }
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-1-01",
            "24-01-01",
            "1900-02-29",
            "x",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
            assert!(Filter::new(None, None, Some(bad.into())).is_err());
        }
    }

    #[test]
    fn council_and_body_compare_case_insensitively_and_whole() {
        let filter = f(Some("haringey"), Some("community safety partnership"), None);
        assert!(filter.keeps(Some("Haringey"), Some("COMMUNITY SAFETY PARTNERSHIP"), None));
        assert!(!filter.keeps(Some("Haringey"), Some("Community Safety"), None));
        assert!(!filter.keeps(None, Some("Community Safety Partnership"), None));
    }

    #[test]
    fn since_drops_older_and_undated_rows() {
        let filter = f(None, None, Some("2024-01-01"));
        assert!(filter.keeps(None, None, Some("2024-01-01")));
        assert!(!filter.keeps(None, None, Some("2023-12-31")));
        assert!(!filter.keeps(None, None, None));
        assert!(f(None, None, None).keeps(None, None, None));
    }
}
