//! Dates and times as UK packs write them, read with the `[common]` rules.
//!
//! "Wednesday, 16th December, 2020", "26 JUNE 2012", "24 th February 2021", "09/10/2019"
//! become ISO dates; "2.00 pm", "7.00pm", "14:15", "12 noon" become `HH:MM`. A time range
//! ("2:00PM – 4:00PM", "14:15 – 16:00") gives a start and an end.

use crate::rules::common::CommonRules;

/// The first date in `text`, as ISO `YYYY-MM-DD`.
pub fn find_date(text: &str, rules: &CommonRules) -> Option<String> {
    find_date_at(text, rules).map(|(d, _)| d)
}

/// The first date in `text` and the byte offset where it starts. Dates without a year
/// are not returned: a meeting date needs one.
pub fn find_date_at(text: &str, rules: &CommonRules) -> Option<(String, usize)> {
    // day-first and month-first forms: the earliest valid date of any of them
    let words = rules
        .date_words
        .matching(text)
        .filter_map(|p| {
            p.captures_iter(text).find_map(|c| {
                let day: u32 = c.name("day")?.as_str().parse().ok()?;
                let month = month_number(c.name("month")?.as_str(), rules)?;
                let year: i32 = c.name("year")?.as_str().parse().ok()?;
                Some((iso(year, month, day)?, c.get(0)?.start()))
            })
        })
        .min_by_key(|(_, at)| *at);
    let numeric = rules.date_numeric.captures_iter(text).find_map(|c| {
        let day: u32 = c.name("day")?.as_str().parse().ok()?;
        let month: u32 = c.name("month")?.as_str().parse().ok()?;
        let mut year: i32 = c.name("year")?.as_str().parse().ok()?;
        if year < 100 {
            year += 2000;
        }
        Some((iso(year, month, day)?, c.get(0)?.start()))
    });
    match (words, numeric) {
        (Some(w), Some(n)) => Some(if n.1 < w.1 { n } else { w }),
        (w, n) => w.or(n),
    }
}

/// Every date in `text` in order, with its byte offset.
pub fn find_dates(text: &str, rules: &CommonRules) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some((date, at)) = find_date_at(&text[from..], rules) {
        out.push((date, from + at));
        // past the date's first character: the next search starts inside it
        from += at + text[from + at..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// A full date in the file name of `path` (its last component, extension dropped):
/// "20211025", "2019-05-15", "15 May 2019" written with dashes or underscores. Two-part
/// or ambiguous numbers ("15-07-05") give none.
pub fn file_name_date(path: &str, rules: &CommonRules) -> Option<String> {
    let name = path.rsplit(['/', '\\']).next()?;
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let spaced: String = stem
        .chars()
        .map(|c| if matches!(c, '-' | '_' | '.') { ' ' } else { c })
        .collect();
    // "20211025" and "2019 05 15": a four-digit year first
    let parts: Vec<&str> = spaced.split(' ').filter(|t| !t.is_empty()).collect();
    for (k, t) in parts.iter().enumerate() {
        let all_digits = t.bytes().all(|b| b.is_ascii_digit());
        let ymd = if t.len() == 8 && all_digits {
            Some((&t[..4], &t[4..6], &t[6..]))
        } else if t.len() == 4 && all_digits && k + 2 < parts.len() {
            Some((*t, parts[k + 1], parts[k + 2]))
        } else {
            None
        };
        if let Some((y, m, d)) = ymd
            && let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse())
            && let Some(date) = iso(y, m, d)
        {
            return Some(date);
        }
    }
    find_date(&spaced, rules)
}

fn month_number(name: &str, rules: &CommonRules) -> Option<u32> {
    let lower = name.to_lowercase();
    let lower = lower.trim_end_matches('.');
    // `months` lists each month's spellings in calendar order: the English full name
    // first, then abbreviations and other languages' names (Welsh), so a position maps
    // to a month by counting English full names.
    let mut month = 0;
    for word in rules.months.iter() {
        if FULL_MONTHS.contains(&word) {
            month += 1;
        }
        if word == lower {
            return Some(month);
        }
    }
    None
}

const FULL_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn iso(year: i32, month: u32, day: u32) -> Option<String> {
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => return None,
    };
    ((1..=days).contains(&day) && (1900..=2200).contains(&year))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// The times in `text` in order, as `HH:MM`.
pub fn find_times(text: &str, rules: &CommonRules) -> Vec<(String, usize)> {
    let mut found: Vec<(String, usize)> = Vec::new();
    for p in rules.time.matching(text) {
        for c in p.captures_iter(text) {
            let Some(whole) = c.get(0) else { continue };
            if found.iter().any(|(_, at)| *at == whole.start()) {
                continue;
            }
            let Some(mut hour) = c.name("hour").and_then(|h| h.as_str().parse::<u32>().ok()) else {
                continue;
            };
            let minute = c
                .name("minute")
                .and_then(|m| m.as_str().parse::<u32>().ok())
                .unwrap_or(0);
            if let Some(ampm) = c.name("ampm") {
                // "11.30 - 1.00 pm": a range's start later on the clock face than its
                // end is before noon
                let until = c.name("until").and_then(|u| u.as_str().parse::<u32>().ok());
                let before_noon = until.is_some_and(|u| hour != 12 && u != 12 && hour > u);
                let pm = ampm.as_str().to_lowercase().starts_with('p') && !before_noon;
                if pm && hour < 12 {
                    hour += 12;
                } else if !pm && hour == 12 {
                    hour = 0;
                }
            }
            if hour < 24 && minute < 60 {
                found.push((format!("{hour:02}:{minute:02}"), whole.start()));
            }
        }
    }
    found.sort_by_key(|(_, at)| *at);
    found
}

/// Start and end time of a line such as "2:00PM – 4:00PM" (end `None` if only one time).
pub fn time_range(text: &str, rules: &CommonRules) -> (Option<String>, Option<String>) {
    let times = find_times(text, rules);
    let start = times.first().map(|(t, _)| t.clone());
    let end = times.get(1).and_then(|(t, at)| {
        let between = &text[times[0].1..*at];
        // only a range when the two times are joined by a dash or "to"
        (between.contains('-') || between.contains('–') || between.contains(" to "))
            .then(|| t.clone())
    });
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> CommonRules {
        crate::extract::testing::rules().common.clone()
    }

    #[test]
    fn a_range_with_one_meridiem_gives_it_to_both_times() {
        let r = rules();
        let range = |t: &str| {
            let (a, b) = time_range(t, &r);
            (a.unwrap_or_default(), b.unwrap_or_default())
        };
        assert_eq!(
            range("2023, 6.30 - 8.05 PM"),
            ("18:30".into(), "20:05".into())
        );
        assert_eq!(range("11.30 - 1.00 pm"), ("11:30".into(), "13:00".into()));
        assert_eq!(range("10 to 11.30am"), ("10:00".into(), "11:30".into()));
        assert_eq!(range("7.00pm - 9.15pm"), ("19:00".into(), "21:15".into()));
    }

    #[test]
    fn dates_in_words() {
        let r = rules();
        assert_eq!(
            find_date("Wednesday, 16th December, 2020, 2.00 pm", &r).as_deref(),
            Some("2020-12-16")
        );
        assert_eq!(
            find_date("TUESDAY, 26 JUNE 2012", &r).as_deref(),
            Some("2012-06-26")
        );
        assert_eq!(
            find_date("24 th February 2021", &r).as_deref(),
            Some("2021-02-24")
        );
        assert_eq!(
            find_date("Thursday\n9 December 2021", &r).as_deref(),
            Some("2021-12-09")
        );
        assert_eq!(
            find_date("held on 9 Sept 2019", &r).as_deref(),
            Some("2019-09-09")
        );
        assert_eq!(find_date("no date here", &r), None);
        assert_eq!(find_date("31 February 2020", &r), None);
    }

    /// Issue #12: parish minutes put the month first; Welsh minutes write ordinals and
    /// months in Welsh.
    #[test]
    fn month_first_and_welsh_dates() {
        let r = rules();
        assert_eq!(
            find_date("THURSDAY APRIL 2ND 2009", &r).as_deref(),
            Some("2009-04-02")
        );
        assert_eq!(
            find_date("held on Tuesday, March 3, 2015", &r).as_deref(),
            Some("2015-03-03")
        );
        assert_eq!(
            find_date("Nos Fercher 9fed Ionawr 2019", &r).as_deref(),
            Some("2019-01-09")
        );
        assert_eq!(
            find_date("dydd Mawrth 21ain Tachwedd 2017", &r).as_deref(),
            Some("2017-11-21")
        );
        assert_eq!(
            find_date("ar 1af Gorffennaf 2020", &r).as_deref(),
            Some("2020-07-01")
        );
        // the earlier of two forms wins
        assert_eq!(
            find_date("May 4 2020, deferred from 2 March 2020", &r).as_deref(),
            Some("2020-05-04")
        );
    }

    #[test]
    fn dates_in_file_names() {
        let r = rules();
        let got = |p: &str| file_name_date(p, &r);
        assert_eq!(
            got("archive/minutes/20211025.txt").as_deref(),
            Some("2021-10-25")
        );
        assert_eq!(
            got("m/2019-05-15_minutes.pdf").as_deref(),
            Some("2019-05-15")
        );
        assert_eq!(
            got("posts/draft-minutes-15-may-2019.md").as_deref(),
            Some("2019-05-15")
        );
        // two-digit parts are ambiguous; no date at all is none
        assert_eq!(got("minutes/15-07-05.pdf"), None);
        assert_eq!(got("minutes/july.txt"), None);
    }

    #[test]
    fn numeric_dates_are_day_first() {
        let r = rules();
        assert_eq!(find_date("01/04/2019", &r).as_deref(), Some("2019-04-01"));
        assert_eq!(find_date("on 9.10.19", &r).as_deref(), Some("2019-10-09"));
    }

    #[test]
    fn times() {
        let r = rules();
        assert_eq!(
            time_range("2.00 pm - MS Teams", &r),
            (Some("14:00".into()), None)
        );
        assert_eq!(
            time_range("2:00PM – 4:00PM", &r),
            (Some("14:00".into()), Some("16:00".into()))
        );
        assert_eq!(
            time_range("14:15 – 16:00", &r),
            (Some("14:15".into()), Some("16:00".into()))
        );
        assert_eq!(time_range("7.00 pm", &r).0.as_deref(), Some("19:00"));
        assert_eq!(time_range("12 noon", &r).0.as_deref(), Some("12:00"));
        assert_eq!(time_range("11.30am", &r).0.as_deref(), Some("11:30"));
        assert_eq!(time_range("Time: 18.30", &r).0.as_deref(), Some("18:30"));
        assert_eq!(time_range("at 19.00 hrs", &r).0.as_deref(), Some("19:00"));
        assert_eq!(time_range("costs £12.50", &r).0, None);
        assert_eq!(time_range("10am", &r).0.as_deref(), Some("10:00"));
    }
}
