//! Tests over the rules data itself: every shipped rules file loads, and every pattern in
//! the default rules is hit by at least one line of the bundled packs or fixtures, so no
//! rule is dead weight nobody has seen work.

use std::path::Path;

use councilpack::load::html::HtmlRules;
use councilpack::rules::RuleBook;

use crate::util::repo;

#[test]
fn shipped_rules_load() {
    let book = RuleBook::load(&repo().join("rules")).expect("rules/ loads");
    assert!(book.councils.contains_key("haringey"));
    assert!(book.councils.contains_key("havering"));
}

/// Every regex pattern (a string in a pattern field of `rules/default.toml`).
fn default_patterns() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(repo().join("rules/default.toml")).unwrap();
    let value: toml::Value = toml::from_str(&text).unwrap();
    let mut out = Vec::new();
    for (section, table) in value.as_table().unwrap() {
        // `[html]` patterns match element attributes, not lines: the HTML loader's unit
        // tests hit each of them on fixture markup.
        if section == "html" {
            continue;
        }
        let Some(table) = table.as_table() else {
            continue;
        };
        for (field, v) in table {
            let strings: Vec<&str> = match v {
                toml::Value::String(s) => vec![s.as_str()],
                toml::Value::Array(a) => a.iter().filter_map(|x| x.as_str()).collect(),
                _ => continue,
            };
            for s in strings {
                // Word lists hold plain words ("ward(s) affected"); patterns carry regex
                // syntax: an escape, an anchor, a group or a class.
                if s.contains(['\\', '^', '$', '[']) || s.starts_with("(?") {
                    out.push((format!("{section}.{field}"), s.to_string()));
                }
            }
        }
    }
    out
}

fn fixture_lines() -> Vec<String> {
    let mut lines = Vec::new();
    for dir in ["corpora", "tests/genre/packs", "tests/fixtures"] {
        collect(&repo().join(dir), &mut lines);
    }
    lines
}

fn collect(dir: &Path, lines: &mut Vec<String>) {
    let html = RuleBook::embedded().expect("default rules").default.html;
    collect_with(dir, &html, lines);
}

fn collect_with(dir: &Path, html: &HtmlRules, lines: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_with(&p, html, lines);
        } else if let Ok(bytes) = std::fs::read(&p)
            && let Ok(loaded) = councilpack::load::load(&p, &bytes, html)
        {
            lines.extend(loaded.doc.lines.into_iter().map(|l| l.text));
        }
    }
}

#[test]
fn every_default_pattern_is_hit_by_a_fixture() {
    let lines = fixture_lines();
    let mut dead = Vec::new();
    for (field, src) in default_patterns() {
        let re = regex::Regex::new(&src).unwrap_or_else(|e| panic!("{field}: {e}"));
        // Cells are joined by tabs in `text`; a pattern may be written for one cell.
        if !lines
            .iter()
            .any(|l| re.is_match(l) || l.split('\t').any(|c| re.is_match(c)))
        {
            dead.push(format!("{field}: {src}"));
        }
    }
    assert!(
        dead.is_empty(),
        "{} patterns no fixture line matches:\n{}",
        dead.len(),
        dead.join("\n")
    );
}

/// Extracts one fixture and returns its pack JSON.
/// The agenda item titles of a meeting in a pack's JSON.
fn agenda_titles(meeting: &serde_json::Value) -> Vec<&str> {
    meeting["agenda"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect()
}

fn extract_fixture(rel: &str) -> serde_json::Value {
    let path = repo().join(rel);
    let (out, output) = crate::util::extract(&[&path], &[]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let file = crate::util::pack_files(out.path()).pop().expect("one pack");
    serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap()
}

/// The status of the attendee of `minutes` (a meeting's JSON) named `name`.
fn attendee_status(minutes: &serde_json::Value, name: &str) -> Option<serde_json::Value> {
    minutes["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == name)
        .map(|a| a["status"].clone())
}

#[test]
fn split_also_present_label_reads_both_halves() {
    let pack = extract_fixture("tests/fixtures/attendees/split_also_present.txt");
    let minutes = &pack["meetings"][0];
    let status = |name: &str| attendee_status(minutes, name);
    assert_eq!(
        status("Sam Reid"),
        Some("in_attendance".into()),
        "{minutes}"
    );
    assert_eq!(status("Dee Marsh"), Some("in_attendance".into()));
    assert_eq!(status("Hale"), Some("present".into()));
}

#[test]
fn minutes_item_description_stays_in_the_agenda() {
    let pack = extract_fixture("tests/fixtures/segment/minutes_item_description.txt");
    let kinds: Vec<&str> = pack["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["agenda"]);
    assert_eq!(pack["meetings"][0]["agenda"].as_array().unwrap().len(), 3);
}

/// A parish web post: the agenda under the export's header ends at its footer, and the
/// payments listed as lines are a table.
#[test]
fn parish_web_post_agenda_ends_at_its_footer() {
    let pack = extract_fixture("tests/fixtures/segment/parish_web_post_agenda.md");
    let m = &pack["meetings"][0];
    assert_eq!(m["kind"], "notice");
    assert_eq!(m["date"], "2014-09-12");
    let titles = agenda_titles(m);
    assert_eq!(titles.len(), 5, "{titles:?}");
    assert_eq!(titles[4], "Correspondence");
    let rows = pack["tables"][0]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][0]["text"], "Clerk’s Salary & Expenses");
    assert_eq!(rows[2][1]["value"], 550.55);
}

/// Apologies reported with the verb first, and a Mr and a Mrs of one surname.
#[test]
fn verb_first_apologies_and_two_people_of_one_surname() {
    let pack = extract_fixture("tests/fixtures/attendees/verb_first_apologies.txt");
    let people: Vec<(String, String)> = pack["meetings"][0]["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                format!(
                    "{} {}",
                    a["honorific"].as_str().unwrap_or(""),
                    a["name"].as_str().unwrap()
                ),
                a["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let status = |n: &str| people.iter().find(|p| p.0 == n).map(|p| p.1.as_str());
    assert_eq!(status("Mrs P T Cole"), Some("present"), "{people:?}");
    assert_eq!(status("Mr P Cole"), Some("present"));
    assert_eq!(status("Ms J Meade"), Some("present"));
    assert_eq!(status("Mr J Meade"), Some("present"));
    assert_eq!(status("Mrs Bruneau"), Some("apologies"));
    assert_eq!(status("Mr McInroy"), Some("apologies"));
}

#[test]
fn undated_minutes_are_warned_about() {
    let pack = extract_fixture("tests/fixtures/segment/minutes_without_date.txt");
    let codes: Vec<&str> = pack["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"minutes-without-date"), "{codes:?}");
    assert_eq!(pack["meetings"][0]["date"], serde_json::Value::Null);
}

/// Issue #5: the committee-system page fixtures through the HTML loader and the
/// unchanged extractors.
#[test]
fn moderngov_pages_give_meetings_attendees_and_resolutions() {
    let pack = extract_fixture("tests/fixtures/html/moderngov_attendance.html");
    assert_eq!(pack["source"]["format"], "html");
    let m = &pack["meetings"][0];
    assert_eq!(
        (&m["body"], &m["date"]),
        (&"Cabinet".into(), &"2024-03-12".into())
    );
    let status: Vec<(String, String)> = m["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["name"].as_str().unwrap().to_string(),
                a["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("Helen Marsh", "present"),
        ("Tom Okafor", "present"),
        ("Priya Lal", "apologies"),
        ("Gareth Price", "apologies"),
        ("Ruth Fenn", "substitute"),
        ("Dev Shah", "absent"),
        ("Sarah O’Neill", "in_attendance"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(status, want);
    assert_eq!(
        m["attendees"][4]["substitute_for"], "Gareth Price",
        "from the notes column"
    );

    let pack = extract_fixture("tests/fixtures/html/moderngov_agenda.html");
    let m = &pack["meetings"][0];
    assert_eq!(m["body"], "Planning Committee");
    assert_eq!(m["time"], "18:30");
    let titles = agenda_titles(m);
    assert_eq!(titles[2], "Minutes of the previous meeting");
    assert_eq!(titles.len(), 5);
    assert!(
        pack["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|w| w["code"] != "decoded-as-windows-1252")
    );

    let pack = extract_fixture("tests/fixtures/html/moderngov_minutes.html");
    let m = &pack["meetings"][0];
    assert_eq!(
        pack["meetings"].as_array().unwrap().len(),
        1,
        "one set of minutes"
    );
    assert_eq!(m["body"], "Licensing Committee");
    assert_eq!(m["resolutions"].as_array().unwrap().len(), 2);
    assert_eq!(m["actions"][0]["owners"][0]["name"], "Kim Dale");
    assert_eq!(
        pack["tables"].as_array().unwrap().len(),
        1,
        "the nested vote table"
    );
}

/// The texts of a meeting's resolutions.
fn resolution_texts(m: &serde_json::Value) -> Vec<String> {
    m["resolutions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap().to_string())
        .collect()
}

/// Issue #5: decision records (a ModernGov decision page, a CMIS decision notice as a
/// label/value table) are read like minutes: the decision maker is the body, the date
/// of decision the date, and the decision's lettered points one resolution.
#[test]
fn decision_records_give_body_date_and_resolutions() {
    let pack = extract_fixture("tests/fixtures/html/moderngov_decision.html");
    let meetings = pack["meetings"].as_array().unwrap();
    assert_eq!(meetings.len(), 1);
    let m = &meetings[0];
    assert_eq!(m["kind"], "minutes");
    assert_eq!(m["body"], "Cabinet");
    assert_eq!(
        m["date"], "2024-03-12",
        "the date of decision, not of publication"
    );
    assert_eq!(
        resolution_texts(m),
        [
            "a. To approve the Housing Revenue Account Business Plan 2024/25 as set out in \
          Appendix A. b. To delegate authority to the Director of Housing, in consultation \
          with the Cabinet Member for Housing, to make minor amendments to the plan."
        ]
    );
    assert_eq!(m["resolutions"][0]["item"], serde_json::Value::Null);
    assert_eq!(pack["documents"][0]["kind"], "minutes");

    let pack = extract_fixture("tests/fixtures/html/cmis_decision_notice.html");
    let m = &pack["meetings"][0];
    assert_eq!(m["kind"], "minutes");
    assert_eq!(m["body"], "Cabinet Member for Highways and Transport");
    assert_eq!(m["date"], "2024-06-05");
    let res = resolution_texts(m);
    assert_eq!(res.len(), 1);
    assert!(res[0].contains("(a) the residents’ parking scheme for Elm Road be introduced"));
    assert!(res[0].ends_with("(b) the objections received be noted and the objectors informed."));
}

/// Issue #5: the attendance page's "Expected" row is not an attendee but is named in a
/// warning, so nobody is dropped silently.
#[test]
fn expected_attendance_is_a_warning() {
    let pack = extract_fixture("tests/fixtures/html/moderngov_attendance.html");
    let w: Vec<&serde_json::Value> = pack["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "attendance-unrecorded")
        .collect();
    assert_eq!(w.len(), 1);
    assert!(w[0]["message"].as_str().unwrap().contains("Amy Leigh"));
    assert!(w[0]["provenance"]["line"].as_u64().is_some());
}

/// Issue #5: a CMIS meeting page prints date, time and venue in a label/value table and
/// its agenda as a definition list ("Item 3" | "Minutes of the meeting held on …"): a
/// notice with its agenda, and no minutes part opened by item 3's title.
#[test]
fn cmis_meeting_page_gives_the_notice_and_agenda() {
    let pack = extract_fixture("tests/fixtures/html/cmis_meeting.html");
    let meetings = pack["meetings"].as_array().unwrap();
    assert_eq!(meetings.len(), 1, "{meetings:?}");
    let m = &meetings[0];
    assert_eq!(m["kind"], "notice");
    assert_eq!(m["body"], "Environment and Transport Scrutiny Panel");
    assert_eq!(m["date"], "2024-05-14");
    assert_eq!(m["time"], "14:00");
    assert_eq!(m["location"], "Committee Room 2, County Hall, Northgate");
    let agenda: Vec<(&str, &str)> = m["agenda"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["number"].as_str().unwrap(), a["title"].as_str().unwrap()))
        .collect();
    assert_eq!(agenda.len(), 5);
    assert_eq!(
        agenda[2],
        ("3", "Minutes of the meeting held on 12 March 2024")
    );
    assert_eq!(m["attendees"].as_array().unwrap().len(), 0);
}

/// Issue #5: Word's "save as web page" minutes (windows-1252 from the meta charset,
/// MsoNormal paragraphs, `<o:p>`, an "Action by" table with a spanned group row and a
/// merged owner cell).
#[test]
fn word_html_minutes_give_attendees_resolutions_and_actions() {
    let pack = extract_fixture("tests/fixtures/html/word_minutes.html");
    assert!(
        pack["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|w| w["code"] != "decoded-as-windows-1252"),
        "the meta charset names the encoding"
    );
    let m = &pack["meetings"][0];
    assert_eq!(m["kind"], "minutes");
    assert_eq!(m["body"], "Finance and General Purposes Committee");
    assert_eq!(
        (&m["date"], &m["time"]),
        (&"2024-01-08".into(), &"19:30".into())
    );
    assert_eq!(m["end_time"], "20:45");
    let attendees: Vec<(&str, &str)> = m["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["name"].as_str().unwrap(), a["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        attendees,
        [
            ("J Whitfield", "present"),
            ("M Osei", "present"),
            ("P Lindqvist", "present"),
            ("R Daly", "present"),
            ("K Brennan", "in_attendance"),
            ("S Hart", "apologies"),
        ]
    );
    assert_eq!(m["attendees"][0]["chair"], true);
    let items: Vec<&str> = m["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["number"].as_str().unwrap())
        .collect();
    assert_eq!(items, ["24/01", "24/02", "24/03", "24/04"]);
    assert_eq!(
        resolution_texts(m),
        ["To recommend to Full Council a precept of £48,500 for 2024/25."]
    );
    let actions: Vec<(&str, &str, &str, &serde_json::Value)> = m["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["item"].as_str().unwrap(),
                a["text"].as_str().unwrap(),
                a["owners"][0]["name"].as_str().unwrap(),
                &a["due"],
            )
        })
        .collect();
    assert_eq!(actions.len(), 4, "{actions:?}");
    assert_eq!(
        actions[0],
        (
            "24/03",
            "Three quotes to be obtained for the drainage works by 31 January 2024.",
            "Clerk",
            &"2024-01-31".into()
        )
    );
    // the merged "Action by" cell owns the row below too
    assert_eq!(
        (actions[1].1, actions[1].2),
        (
            "The quotes to be reported to the meeting on 12 February 2024.",
            "Clerk"
        )
    );
    assert_eq!(
        (actions[2].2, actions[2].3),
        ("M Osei", &"2024-02-29".into())
    );
    assert_eq!((actions[3].0, actions[3].2), ("24/04", "Clerk"));
}

/// Issue #5: a ModernGov meeting page that gives each item's minutes is the notice
/// (agenda, date and body from the page title) and the minutes of the same meeting;
/// a decision printed under "Decision:" and again in the minutes is one resolution.
#[test]
fn moderngov_meeting_page_is_notice_and_minutes() {
    let pack = extract_fixture("tests/fixtures/html/moderngov_meeting_page.html");
    let meetings = pack["meetings"].as_array().unwrap();
    let kinds: Vec<&str> = meetings
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["notice", "minutes"]);
    let body = "Joint meeting - Riverside Transport Committee and Riverside Housing Committee";
    for m in meetings {
        assert_eq!(m["date"], "2025-06-05");
        assert_eq!(m["time"], "14:00");
        assert_eq!(m["body"], body);
        assert_eq!(m["location"], "Riverside House, Quay Street");
    }
    let agenda: Vec<(&str, &str)> = meetings[0]["agenda"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["number"].as_str().unwrap(), a["title"].as_str().unwrap()))
        .collect();
    assert_eq!(
        agenda,
        [
            ("1", "Apologies for Absence"),
            ("2", "Public Speaking"),
            ("3", "Harbour Bus Lanes"),
            ("4", "Housing Delivery Update")
        ]
    );
    let m = &meetings[1];
    let res: Vec<(&str, String)> = m["resolutions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["item"].as_str().unwrap_or(""),
                r["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(res.len(), 2, "{res:?}");
    assert_eq!(res[0].0, "3");
    assert!(res[0].1.ends_with("report back in six months."), "{res:?}");
    assert_eq!(res[1], ("4", "That the update be noted.".to_string()));
    let names: Vec<&str> = m["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert!(!names.iter().any(|n| n.contains("Attendance")), "{names:?}");
}

/// Issue #5: community council minutes published as an HTML fragment (a "PRESENT"
/// heading, one list item per minute, owners in italics) are a dated minutes meeting.
#[test]
fn community_minutes_fragment_is_a_minutes_meeting() {
    let pack = extract_fixture("tests/fixtures/html/community_minutes_fragment.html");
    let meetings = pack["meetings"].as_array().unwrap();
    assert_eq!(meetings.len(), 1);
    let m = &meetings[0];
    assert_eq!(m["kind"], "minutes");
    assert_eq!(m["date"], "2021-05-12");
    let present = m["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["status"] == "present")
        .count();
    assert_eq!(present, 4);
}

/// Issue #5: the Welsh version of such minutes ("PRESENNOL", "12fed Mai 2021") is a
/// minutes meeting of the same date.
/// Issue #12: a parish's Markdown minutes whose attendance is an HTML minutes form
/// ("Date held:", "Present:", a second column of apologies and chair) are dated minutes
/// with each list kept apart.
#[test]
fn markdown_minutes_form_in_html_gives_the_meeting_and_its_attendance() {
    let pack = extract_fixture("tests/fixtures/segment/parish_minutes_form.md");
    let meetings = pack["meetings"].as_array().unwrap();
    let minutes = meetings
        .iter()
        .find(|m| m["kind"] == "minutes")
        .expect("the minutes");
    assert_eq!(minutes["date"], "2014-03-12");
    let status = |name: &str| attendee_status(minutes, name);
    assert_eq!(status("Ruth Amble"), Some("in_attendance".into()));
    assert_eq!(status("Priya Nair"), Some("present".into()));
    assert_eq!(status("Colin Frost"), Some("present".into()));
    assert_eq!(status("Owen Dale"), Some("apologies".into()));
    assert!(!minutes["resolutions"].as_array().unwrap().is_empty());
}

#[test]
fn welsh_community_minutes_fragment_is_dated_minutes() {
    let pack = extract_fixture("tests/fixtures/html/community_minutes_fragment_cy.html");
    let meetings = pack["meetings"].as_array().unwrap();
    assert_eq!(meetings.len(), 1);
    assert_eq!(meetings[0]["kind"], "minutes");
    assert_eq!(meetings[0]["date"], "2021-05-12");
}
