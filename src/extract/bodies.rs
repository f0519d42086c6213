//! The body a meeting belongs to, in one form that users group and join on.
//!
//! Headings print a body's name with what surrounds it: "Minutes of the Annual Meeting of
//! the Wereham Parish Council held on …", "CORPORATE PARENTING PANEL – 10th December
//! 2024", "You are summoned to a meeting of the above Council". [`BodyNamer::name`]
//! keeps the name only (the `[bodies]` rules strip the minutes words, the kind of meeting,
//! dates and what follows "held"), reads "the above Council" as the council the pack's
//! letterhead names, and refuses text that names no body (a label, an item number).
//!
//! [`share`] then gives every meeting of a pack one `body` for one body: a notice's
//! "COMMUNITY SAFETY PARTNERSHIP" and its minutes' "Community Safety Partnership" are both
//! "Community Safety Partnership", a name printed only in capitals is put in title case
//! (acronyms kept), and `body_printed` keeps each meeting's name in the casing its heading
//! printed (the name read out of the heading, or the letterhead's council for "the above
//! Council").

use crate::pack::Meeting;
use crate::rules::common::CommonRules;
use crate::rules::{Pattern, Patterns, Words};

use super::dates;

crate::rule_section! {
    /// Reading a body's name out of the heading that prints it.
    pub struct BodyRules / RawBodyRules {
        /// Removed from a printed name, each in turn: minutes words, the kind of meeting,
        /// what follows "held", a table of contents' leader. A `keep` group is kept.
        strip: Patterns,
        /// A name that only says "the council" ("the above Council", "Parish Council"):
        /// the council the pack's letterhead names.
        bare_council: Pattern,
        /// Headings that do not print a body's name (a label, an item number, a
        /// person's line).
        reject_printed: Patterns,
        /// What is left after stripping is not a body's name.
        reject: Patterns,
        /// Words kept in capitals when a name printed in capitals is put in title case.
        acronyms: Words,
        /// Words written in lower case inside a name in title case.
        small_words: Words,
    }
}

/// Names bodies for one pack.
#[derive(Debug, Clone, Copy)]
pub struct BodyNamer<'a> {
    rules: &'a BodyRules,
    common: &'a CommonRules,
    /// The council's name as the letterhead prints it ("Tintern Community Council").
    council: Option<&'a str>,
}

impl<'a> BodyNamer<'a> {
    /// A namer with the pack's rules and its council's printed name, if the letterhead
    /// gave one.
    pub fn new(rules: &'a BodyRules, common: &'a CommonRules, council: Option<&'a str>) -> Self {
        BodyNamer {
            rules,
            common,
            council,
        }
    }

    /// The body's name in `printed`, as printed, or `None` when it names none.
    pub fn name(&self, printed: Option<&str>) -> Option<String> {
        let mut t = printed?.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some((_, at)) = dates::find_date_at(&t, self.common) {
            t.truncate(at);
        }
        // "Cabinet: 12 March 2024" is the body and its date; "Public: 10 Also …" no body
        let trimmed = t.trim_end_matches(|c: char| c.is_whitespace() || ",–—-:;".contains(c));
        if self.rules.reject_printed.is_match(trimmed) {
            return None;
        }
        for p in self.rules.strip.iter() {
            t = p.replace_all(&t, "${keep}").into_owned();
        }
        let t = t.trim_matches(|c: char| c.is_whitespace() || ",–—-:;".contains(c));
        if t.is_empty() || self.rules.reject.is_match(t) {
            return None;
        }
        if self.rules.bare_council.is_match(t) {
            // "the above Council" needs the letterhead's; a full council meeting's own
            // heading ("Council") stands without it
            let plain = t.eq_ignore_ascii_case("council");
            return self
                .council
                .map(str::to_string)
                .or_else(|| plain.then(|| t.to_string()));
        }
        Some(t.to_string())
    }

    /// The body of minutes whose heading names none: a town, parish or community
    /// council's minutes are of the council's own meeting.
    pub fn council_meeting(&self) -> Option<String> {
        self.council
            .filter(|c| {
                let c = c.to_lowercase();
                [
                    "parish council",
                    "town council",
                    "community council",
                    "cyngor ",
                ]
                .iter()
                .any(|k| c.contains(k))
            })
            .map(str::to_string)
    }
}

/// One `body` per body over a pack's meetings, each meeting's printed form kept in
/// `body_printed`: the form in mixed case wins over capitals, and a name met only in
/// capitals is put in title case. The words stay as printed ("&" is not "and"): what
/// a body calls itself is the reader's to judge.
pub fn share(meetings: &mut [Meeting], rules: &BodyRules) {
    let mixed: Vec<(String, String)> = meetings
        .iter()
        .filter_map(|m| m.body.as_deref())
        .filter(|b| !shouty(b))
        .map(|b| (super::ids::normalise(b), b.to_string()))
        .collect();
    for m in meetings.iter_mut() {
        let Some(printed) = m.body.clone() else {
            continue;
        };
        let key = super::ids::normalise(&printed);
        let shared = mixed
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, b)| b.clone())
            .unwrap_or_else(|| title_case(&printed, rules));
        m.body = Some(shared);
        m.body_printed = Some(printed);
    }
}

/// `name` in title case when it is printed in capitals ("HEALTH AND WELLBEING BOARD" →
/// "Health and Wellbeing Board"), acronyms and small words kept; otherwise as it is.
pub fn title_case(name: &str, rules: &BodyRules) -> String {
    if !shouty(name) {
        return name.to_string();
    }
    name.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let core = w.trim_matches(|c: char| !c.is_alphanumeric());
            if rules.acronyms.contains(core) || core.chars().count() <= 1 {
                return w.to_string();
            }
            let lower = w.to_lowercase();
            if i > 0 && rules.small_words.contains(core) {
                return lower;
            }
            // "(HOUSING)" → "(Housing)", "SUB-COMMITTEE" → "Sub-Committee"
            let mut out = String::with_capacity(lower.len());
            let mut start = true;
            for c in lower.chars() {
                if start && c.is_alphabetic() {
                    out.extend(c.to_uppercase());
                    start = false;
                } else {
                    out.push(c);
                    if c == '-' || c == '(' || c == '/' {
                        start = true;
                    }
                }
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when a name is printed in capitals: no word of over two letters has a lower-case
/// letter ("CYNGOR CYMUNED LLANFAIR a BRYN" is, its "a" apart).
fn shouty(name: &str) -> bool {
    name.split_whitespace()
        .filter(|w| w.chars().count() > 2)
        .all(|w| !w.chars().any(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::rules;
    use crate::pack::MeetingKind;

    fn name(printed: &str, council: Option<&str>) -> Option<String> {
        let r = rules();
        BodyNamer::new(&r.bodies, &r.common, council).name(Some(printed))
    }

    #[test]
    fn headings_give_the_name_only() {
        let cases = [
            (
                "Minutes of the Annual Meeting of the Ashby Parish Council held on 3 May 2022",
                "Ashby Parish Council",
            ),
            ("PLANNING PANEL – 14th June 2023", "PLANNING PANEL"),
            (
                "Draft Minutes of the Ordinary Meeting of Ashby Town Council",
                "Ashby Town Council",
            ),
            (
                "Annual Ashby Parish Council Meeting",
                "Ashby Parish Council",
            ),
            (
                "Ashby Annual Parish Council Meeting following the Parish Meeting",
                "Ashby Parish Council",
            ),
            (
                "Minutes to Ashby Parish Council Meeting held in the Pavilion",
                "Ashby Parish Council",
            ),
            (
                "3.2.1\tLicensing Sub-Committee ............ 14",
                "Licensing Sub-Committee",
            ),
            ("Cabinet - Tuesday, 12th March, 2024", "Cabinet"),
            ("Cabinet: 12 March 2024", "Cabinet"),
            (
                "Special Educational Needs Panel",
                "Special Educational Needs Panel",
            ),
            ("Council", "Council"),
            (
                "Shire Council - Cabinet Committee – Remote Meeting",
                "Shire Council - Cabinet Committee",
            ),
        ];
        for (printed, want) in cases {
            assert_eq!(name(printed, None).as_deref(), Some(want), "{printed}");
        }
    }

    #[test]
    fn the_above_council_is_the_letterheads() {
        let c = Some("Ashby Community Council");
        assert_eq!(
            name("You are summoned to a meeting of the above Council", c).as_deref(),
            c
        );
        assert_eq!(name("AGM of the above Council", c).as_deref(), c);
        assert_eq!(name("above council", None), None);
        assert_eq!(
            name("Parish Council meeting", Some("Ashby Parish Council")).as_deref(),
            Some("Ashby Parish Council")
        );
    }

    #[test]
    fn text_that_names_no_body_is_refused() {
        for printed in [
            "Public: 10 Also, in attendance: Cllr Jo Bloggs, Shire County Council",
            "Panel : Jo Bloggs - Chair Parish Council",
            "2417. Approve the Council's asset register",
            "Mr J. Bloggs - notice board repair & re-siting",
            "Committee 31 January 2025",
        ] {
            assert_eq!(
                name(printed, Some("Ashby Parish Council")),
                None,
                "{printed}"
            );
        }
    }

    #[test]
    fn one_body_shared_and_the_printed_form_kept() {
        let r = rules();
        let meeting = |kind, body: &str| Meeting {
            kind,
            body: Some(body.to_string()),
            ..crate::extract::testing::meeting()
        };
        let mut ms = vec![
            meeting(MeetingKind::Notice, "SAFER STREETS PARTNERSHIP"),
            meeting(MeetingKind::Minutes, "Safer Streets Partnership"),
            meeting(MeetingKind::Notice, "HEALTH AND WELLBEING BOARD (NHS)"),
            meeting(MeetingKind::Minutes, "CYNGOR CYMUNED LLANFAIR a BRYN"),
        ];
        share(&mut ms, &r.bodies);
        assert_eq!(ms[0].body.as_deref(), Some("Safer Streets Partnership"));
        assert_eq!(
            ms[0].body_printed.as_deref(),
            Some("SAFER STREETS PARTNERSHIP")
        );
        assert_eq!(
            ms[1].body_printed.as_deref(),
            Some("Safer Streets Partnership")
        );
        assert_eq!(
            ms[2].body.as_deref(),
            Some("Health and Wellbeing Board (NHS)")
        );
        assert_eq!(
            ms[3].body.as_deref(),
            Some("Cyngor Cymuned Llanfair a Bryn")
        );

        assert_eq!(
            title_case("CRIME & DISORDER SUB-COMMITTEE", &r.bodies),
            "Crime & Disorder Sub-Committee"
        );
    }
}
