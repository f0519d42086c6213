//! Attendance lists of printed minutes: present, apologies, substitutes, in attendance.
//!
//! Takes one [`MinutesBlock`] and returns its [`Attendee`]s, one per person, in the order
//! they are first named. Three passes feed one roll:
//!
//! 1. the preamble (lines before the first minute item): labelled lists ("PRESENT:",
//!    "In attendance:", "Officers:", "Substitute Members:", "Absent:"), written one person
//!    a line ("Name – Role, Organisation"), as a paragraph ("Councillors A (Chair), B and
//!    C"), run together on one line ("A – Role B – Role"), or as a table with header cells;
//! 2. apology sentences anywhere in the minutes ("Apologies for absence were received from
//!    …", with the list on the same line or on the lines after "the following:");
//! 3. substitution phrases in the preamble and in attendance items ("X to substitute for
//!    Y", "Y - X substituted", "X (substituting for Y)").
//!
//! A person named twice keeps the most specific status (substitute > in attendance >
//! present > apologies > absent) and the provenance of the first mention. Every phrase
//! and label comes from the `[attendees]` rules; the extractor never reads membership
//! lists, which live in other segments.

use crate::extract::minutes::MinutesBlock;
use crate::extract::names::{
    bare, is_name_token, same_person, singular_honorific, split_honorific,
};
use crate::model::{Document, Line, Provenance};
use crate::pack::{AttendanceStatus, Attendee, Warning};
use crate::rules::common::CommonRules;
use crate::rules::{Pattern, Patterns, RuleSet, Words};
use crate::warnings::Code;

crate::rule_section! {
    /// Attendance lists.
    pub struct AttendeeRules / RawAttendeeRules {
        /// The label opening the list of those present.
        present: Pattern,
        /// The label opening a list of people in attendance (officers, guests).
        in_attendance: Pattern,
        /// Honours printed after a name ("R Love OBE"): not part of it.
        post_nominals: Words,
        /// Members of the public named after those present ("… and the Clerk. Members
        /// of the public – Mrs A Bee."): in attendance. Read only while a list of those
        /// present is open, never as the label that opens the attendance (one-line parish
        /// minutes mention the public everywhere).
        public_label: Pattern,
        /// An "In attendance:" label broken around the names by a bad conversion: groups
        /// `before` and `after` hold the two halves of the list.
        split_label: Patterns,
        /// The label opening a list of apologies ("Apologies:").
        apologies_label: Pattern,
        /// The label opening a list of absentees.
        absent: Pattern,
        /// The label opening a list of substitutes.
        substitutes: Pattern,
        /// A present label that also marks the chair ("In the Chair:").
        chair_label: Pattern,
        /// One entry of a substitutes list naming both people ("X for Y"): groups `sub`
        /// and `for`.
        substitute_pair: Pattern,
        /// An attendance-table status cell marking a substitute, with an optional `name`
        /// group naming the member replaced.
        substitute_status: Pattern,
        /// An attendance-table status cell saying the attendance is not recorded yet
        /// ("Expected"): the row is left out (issue #5).
        unrecorded_status: Pattern,
        /// A chair mark after a name ("Councillor B Ashworth in the Chair"), cut off
        /// before the name is read.
        chair_suffix: Pattern,
        /// A sentence inside a minute item naming people in attendance for that item
        /// ("In attendance for this item were …"); the list follows the match.
        item_in_attendance: Patterns,
        /// A sentence giving apologies; the list follows the match (or the next lines when
        /// nothing follows it on the line).
        apologies: Patterns,
        /// A sentence giving apologies after the list ("Cllr A and Cllr B sent apologies"):
        /// group `list`.
        apologies_before: Patterns,
        /// A substitution phrase: group `sub` the substitute, group `for` the member replaced.
        substitution: Patterns,
        /// A parenthesis after a name meaning "this person substitutes for `name`".
        paren_substitute_for: Pattern,
        /// A parenthesis after a name meaning "`name` (or `name2`) substituted for this person".
        paren_substituted_by: Pattern,
        /// A parenthesis marking a substitute without saying for whom.
        paren_substitute: Pattern,
        /// A parenthesis or role that makes the person chair (chair, co-chair, chairman).
        chair: Pattern,
        /// Roles of officers serving the meeting, listed with members but in attendance.
        officer_role: Pattern,
        /// The dash between a name and its role ("Name – Role", "Name- Role").
        separator: Pattern,
        /// Titles of minute items whose text may record substitutions.
        attendance_item: Pattern,
        /// A heading inside a list that keeps its status ("Councillors:", "Co-opted
        /// Members:"); the names follow it.
        sub_label: Pattern,
        /// Unnamed people counted in a list ("and 3 members of the public"): left out.
        unnamed: Pattern,
        /// Header cell of an attendance table's name column.
        name_column: Pattern,
        /// Header cell of an attendance table's role column.
        role_column: Pattern,
        /// Header cell of an attendance table's organisation column.
        organisation_column: Pattern,
        /// Header cell of an attendance table's attendance/status column.
        status_column: Pattern,
        /// Lowercase particles inside names ("de" in "Jeanelle de Gruchy").
        name_particles: Words,
        /// Titles of men ("mr", "sir"): an entry titled so and one with a title of
        /// `female_titles` are two people, however alike their names.
        male_titles: Words,
        /// Titles of women ("mrs", "ms", "miss", "dame").
        female_titles: Words,
        /// Capitalised words that never start a name ("The", "All", "Members").
        not_names: Words,
        /// Words of headings, places and things: a phrase without an honorific that holds
        /// one is no person ("Matters Arising", "Lynn Road").
        thing_words: Words,
        /// Words of job titles and services that are never part of a person's name
        /// ("Advisor", "Safety"), telling "Jo Lee, Security Advisor" from "Jo Lee, Al Ray".
        job_words: Words,
    }
}

/// How many lines after "received from the following:" may hold the list.
const FOLLOWING_LINES: usize = 20;

/// The attendees recorded in one set of minutes.
pub fn extract(doc: &Document, block: &MinutesBlock, rules: &RuleSet) -> Vec<Attendee> {
    extract_reporting(doc, block, rules, &mut Vec::new())
}

/// Like [`extract`], and each attendance-table row left out because its status records
/// no attendance yet ("Expected") becomes a warning in `warnings`, so no named person is
/// dropped silently (issue #5).
pub fn extract_reporting(
    doc: &Document,
    block: &MinutesBlock,
    rules: &RuleSet,
    warnings: &mut Vec<Warning>,
) -> Vec<Attendee> {
    let cx = Cx {
        r: &rules.attendees,
        common: &rules.common,
    };
    let mut roll = Roll::default();
    read_preamble(doc, block, cx, &mut roll);
    read_apologies(doc, block, cx, &mut roll);
    read_item_attendance(doc, block, cx, &mut roll);
    read_substitutions(doc, block, cx, &mut roll);
    warnings.append(&mut roll.left_out);
    roll.name_the_substituted();
    // an officer's post may come in a later cell than the name ("Jo Bee (JB)⇥Clerk")
    for a in &mut roll.people {
        if a.status == AttendanceStatus::Present
            && a.role
                .as_deref()
                .is_some_and(|r| cx.r.officer_role.is_match(r))
        {
            a.status = AttendanceStatus::InAttendance;
        }
    }
    roll.people
}

/// The rules an extraction reads.
#[derive(Clone, Copy)]
struct Cx<'a> {
    r: &'a AttendeeRules,
    common: &'a CommonRules,
}

/// A name split from its honorific.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Name {
    honorific: Option<String>,
    name: String,
}

/// A person as one list entry describes them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Person {
    name: Option<Name>,
    role: Option<String>,
    organisation: Option<String>,
    chair: bool,
    /// Marked as a substitute, perhaps for a named member.
    substitute: bool,
    substitute_for: Option<String>,
    /// Someone who substituted for this person.
    substituted_by: Option<Name>,
    /// Role and organisation text collected for this person, in order.
    extra: Vec<String>,
}

/// The people found so far, one entry each.
#[derive(Default)]
struct Roll {
    people: Vec<Attendee>,
    /// Rows named but left out of the attendees.
    left_out: Vec<Warning>,
}

fn rank(s: AttendanceStatus) -> u8 {
    match s {
        AttendanceStatus::Absent => 0,
        AttendanceStatus::Apologies => 1,
        AttendanceStatus::Present => 2,
        AttendanceStatus::InAttendance => 3,
        AttendanceStatus::Substitute => 4,
    }
}

impl Roll {
    /// A substitute's member as the roll names them: "for Councillor Gardner" is the
    /// "A Gardner" who sent apologies, when exactly one person on the roll fits.
    fn name_the_substituted(&mut self) {
        let names: Vec<String> = self.people.iter().map(|p| p.name.clone()).collect();
        for p in &mut self.people {
            let Some(member) = p.substitute_for.as_deref() else {
                continue;
            };
            let mut fits = names
                .iter()
                .filter(|n| **n != p.name && same_person(n, member));
            if let (Some(one), None) = (fits.next(), fits.next()) {
                p.substitute_for = Some(one.clone());
            }
        }
    }

    fn add(&mut self, a: Attendee, cx: Cx) {
        if a.name.is_empty() {
            return;
        }
        let Some(old) = self
            .people
            .iter_mut()
            .find(|p| same_person(&p.name, &a.name) && !other_sex(p, &a, cx))
        else {
            self.people.push(a);
            return;
        };
        if rank(a.status) > rank(old.status) {
            old.status = a.status;
        }
        // the fuller spelling wins ("Smith" → "Jo Smith")
        if a.name.split_whitespace().count() > old.name.split_whitespace().count() {
            old.name = a.name;
        }
        old.chair |= a.chair;
        old.honorific = old.honorific.take().or(a.honorific);
        old.role = old.role.take().or(a.role);
        old.organisation = old.organisation.take().or(a.organisation);
        old.substitute_for = old.substitute_for.take().or(a.substitute_for);
    }

    /// Adds a list entry with `status`, and whoever it says substituted for them.
    fn add_person(
        &mut self,
        p: Person,
        status: AttendanceStatus,
        chair: bool,
        provenance: Provenance,
        cx: Cx,
    ) {
        let Some(name) = p.name else { return };
        let mut status = status;
        if p.substitute || p.substitute_for.is_some() {
            status = AttendanceStatus::Substitute;
        }
        let (role, organisation) = match (p.role, p.organisation) {
            (None, None) => role_and_org(&p.extra, cx),
            // the organisation was in brackets: everything printed after the name is role
            (None, Some(org)) => (
                Some(p.extra.join(", ")).filter(|r| !r.is_empty()),
                Some(org),
            ),
            other => other,
        };
        if status == AttendanceStatus::Present
            && role
                .as_deref()
                .is_some_and(|r| cx.r.officer_role.is_match(r))
        {
            status = AttendanceStatus::InAttendance;
        }
        if let Some(by) = p.substituted_by {
            self.add(
                attendee(
                    by,
                    AttendanceStatus::Substitute,
                    Some(name.name.clone()),
                    provenance,
                ),
                cx,
            );
        }
        let mut a = attendee(name, status, p.substitute_for, provenance);
        a.role = role;
        a.organisation = organisation;
        a.chair = p.chair || chair;
        self.add(a, cx);
    }
}

/// Two entries whose titles differ in sex ("Mrs P T Cole", "Mr P Cole"): two people,
/// however alike their names.
fn other_sex(a: &Attendee, b: &Attendee, cx: Cx) -> bool {
    // of stacked titles ("Cllr Mrs") the last says the sex
    let sex = |h: &Option<String>| {
        let h = h.as_deref()?.split_whitespace().last()?;
        let h = h.trim_end_matches('.').to_lowercase();
        if cx.r.male_titles.contains(&h) {
            Some(true)
        } else if cx.r.female_titles.contains(&h) {
            Some(false)
        } else {
            None
        }
    };
    matches!((sex(&a.honorific), sex(&b.honorific)), (Some(x), Some(y)) if x != y)
}

fn attendee(
    name: Name,
    status: AttendanceStatus,
    substitute_for: Option<String>,
    provenance: Provenance,
) -> Attendee {
    Attendee {
        name: name.name,
        honorific: name.honorific,
        role: None,
        organisation: None,
        status,
        substitute_for,
        chair: false,
        provenance,
    }
}

// ---------------------------------------------------------------------------------------
// Pass 1: the preamble.

/// The status a list label opens, and the text after the label.
fn label<'t>(text: &'t str, cx: Cx) -> Option<(AttendanceStatus, &'t str)> {
    let r = cx.r;
    // Longer, more specific labels first: "Substitute Members:" before "Members present".
    let order = [
        (&r.substitutes, AttendanceStatus::Substitute),
        (&r.in_attendance, AttendanceStatus::InAttendance),
        (&r.apologies_label, AttendanceStatus::Apologies),
        (&r.absent, AttendanceStatus::Absent),
        (&r.present, AttendanceStatus::Present),
    ];
    order.into_iter().find_map(|(p, s)| {
        p.find(text)
            .filter(|m| m.start() == 0 && !m.is_empty())
            .map(|m| (s, &text[m.end()..]))
    })
}

/// `text` cut where a sentence after the first opens with an attendance label.
fn at_labels<'t>(text: &'t str, cx: Cx) -> Vec<&'t str> {
    let mut cuts = vec![0];
    for (i, _) in text.match_indices(". ") {
        let rest = text[i + 2..].trim_start();
        if label(rest, cx).is_some() || cx.r.public_label.is_match(rest) {
            cuts.push(text.len() - rest.len());
        }
    }
    cuts.push(text.len());
    cuts.windows(2).map(|w| &text[w[0]..w[1]]).collect()
}

/// Welsh lists join their last name with "a", "ac" or "a'r" ("and", "and the"): read as
/// "and" where the list is Welsh (it names "Cynghorwyr" or "Cyng."), never in English,
/// where "a" is the article ("and a member of the public").
fn welsh_and(text: &str) -> std::borrow::Cow<'_, str> {
    let welsh = ["Cynghorwyr", "Cynghorydd", "Cyng."]
        .iter()
        .any(|w| text.contains(w));
    if !welsh {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (k, word) in text.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(match word {
            "a" | "ac" => "and",
            "a'r" | "a’r" => "and",
            w => w,
        });
    }
    std::borrow::Cow::Owned(out)
}

/// A numbered attendance line without its number ("1. Present: …" → "Present: …");
/// any other line as it is.
fn unnumbered<'t>(text: &'t str, cx: Cx) -> &'t str {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return text;
    }
    let rest = text[digits..].trim_start_matches(['.', ')']).trim_start();
    if label(rest, cx).is_some() {
        rest
    } else {
        text
    }
}

/// Column roles of an attendance table, from its header row.
#[derive(Debug, Clone, Copy, Default)]
struct Columns {
    name: usize,
    role: Option<usize>,
    organisation: Option<usize>,
    status: Option<usize>,
}

fn header(line: &Line, cx: Cx) -> Option<Columns> {
    let find = |p: &Pattern| line.cells.iter().position(|c| p.is_match(&c.text));
    let name = find(&cx.r.name_column)?;
    let cols = Columns {
        name,
        role: find(&cx.r.role_column),
        organisation: find(&cx.r.organisation_column),
        status: find(&cx.r.status_column),
    };
    (cols.role.is_some() || cols.organisation.is_some() || cols.status.is_some()).then_some(cols)
}

fn read_preamble(doc: &Document, block: &MinutesBlock, cx: Cx, roll: &mut Roll) {
    let mut status: Option<AttendanceStatus> = None;
    let mut chair_list = false;
    let mut columns: Option<Columns> = None;
    let mut last: Option<usize> = None; // index in roll of the last person of a list
    let mut after_blank = false;
    let lines: Vec<&Line> = block
        .content(doc, block.preamble.clone())
        .map(|(_, l)| l)
        .collect();
    for line in join_wrapped_values(&lines, cx) {
        let line = line.as_ref();
        let prov = line.provenance;
        if line.is_blank() {
            after_blank = true;
            continue;
        }
        let wrapped = !std::mem::replace(&mut after_blank, false);
        if line.is_row() {
            if let Some(c) = header(line, cx) {
                columns = Some(c);
                status = status.or(Some(AttendanceStatus::Present));
                continue;
            }
            if let Some(c) = columns {
                read_row(
                    line,
                    c,
                    status.unwrap_or(AttendanceStatus::Present),
                    cx,
                    roll,
                );
                continue;
            }
        }
        // A table row without a header: each cell is read like a line of its own; a line
        // that runs one list into the next ("… and Cllr C. In attendance: D (Clerk).")
        // is read a list at a time.
        // A minutes form prints a second list beside the first ("Dave Horkan⇥Clerk⇥
        // Apologies:⇥…"): a label in a later cell opens a list for the rest of its row
        // only, and the next row goes on with the first column's list.
        let first_column = status;
        let row = line.is_row();
        let mut later_label = false;
        for (k, text) in cell_texts(line)
            .into_iter()
            .enumerate()
            .flat_map(|(k, t)| at_labels(t, cx).into_iter().map(move |p| (k, p)))
        {
            if row && k > 0 && text.trim().is_empty() {
                continue;
            }
            let welsh = welsh_and(unnumbered(text.trim(), cx));
            let text = welsh.as_ref();
            if text.is_empty() {
                continue;
            }
            if row
                && k > 0
                && (cx.r.apologies.is_match(text)
                    || label(text, cx).is_some()
                    || cx.r.split_label.is_match(text))
            {
                later_label = true;
            }
            if cx.r.apologies.is_match(text) {
                // the apologies pass reads the sentence; lines after it continue that list
                status = Some(AttendanceStatus::Apologies);
                continue;
            }
            let split = cx.r.split_label.captures(text);
            let (st, rest) = if let Some(c) = &split {
                let joined = format!(
                    "{} {}",
                    c.name("before").map_or("", |m| m.as_str()),
                    c.name("after").map_or("", |m| m.as_str())
                );
                (
                    AttendanceStatus::InAttendance,
                    std::borrow::Cow::Owned(joined),
                )
            } else if let Some(m) =
                cx.r.public_label
                    .find(text)
                    .filter(|m| m.start() == 0 && status.is_some())
            {
                (
                    AttendanceStatus::InAttendance,
                    std::borrow::Cow::Borrowed(&text[m.end()..]),
                )
            } else if let Some((st, rest)) = label(text, cx) {
                chair_list = cx.r.chair_label.is_match(&text[..text.len() - rest.len()]);
                (st, std::borrow::Cow::Borrowed(rest))
            } else if let Some(st) = status {
                // a paragraph of the minutes ("Litter Bins - the Clerk has written to …")
                // or a heading ("Matters Arising:") ends the lists
                let heading = text.ends_with(':') && !cx.r.sub_label.is_match(text);
                if is_prose(text, cx) || heading {
                    // a later cell's label ("Chair:") ends nothing but its own cell
                    if !(row && k > 0) {
                        status = None;
                    }
                    continue;
                }
                (st, std::borrow::Cow::Borrowed(text))
            } else {
                continue;
            };
            if split.is_some() || label(text, cx).is_some() {
                columns = None;
            }
            status = Some(st);
            let rest = rest.trim();
            // "Councillor B Ashworth in the Chair"
            let (rest, chair_here) = match cx.r.chair_suffix.find(rest) {
                Some(m) if m.start() > 0 => (&rest[..m.start()], true),
                _ => (rest, false),
            };
            if rest.is_empty() {
                continue;
            }
            if st == AttendanceStatus::Substitute && substitute_pairs(rest, prov, cx, roll) {
                continue;
            }
            let people = parse_entry(rest, cx);
            if people.is_empty() {
                // A line that names nobody continues the role of the person before it
                // (a role wrapped onto the next line; after a blank line it is a
                // heading such as "UNRESTRICTED ITEMS").
                if !wrapped {
                    last = None;
                }
                if let Some(a) = last.and_then(|i| roll.people.get_mut(i))
                    && rest.len() < 80
                    && !rest.ends_with('.')
                {
                    let role = a.role.get_or_insert_with(String::new);
                    if !role.is_empty() {
                        role.push(' ');
                    }
                    role.push_str(rest);
                }
                continue;
            }
            for p in people {
                roll.add_person(p, st, chair_list || chair_here, prov, cx);
                last = Some(roll.people.len() - 1);
            }
        }
        if later_label {
            status = first_column;
        }
    }
}

/// One row of an attendance table with known columns.
fn read_row(line: &Line, c: Columns, status: AttendanceStatus, cx: Cx, roll: &mut Roll) {
    let cell = |i: Option<usize>| {
        i.and_then(|i| line.cells.get(i))
            .map(|c| c.text.trim().to_string())
            .filter(|t| !t.is_empty())
    };
    let Some(raw) = cell(Some(c.name)) else {
        return;
    };
    let (base, parens) = strip_parens(&raw);
    let Some(mut names) = names_in(&base, None, cx) else {
        return;
    };
    let Some(name) = names.pop() else { return };
    let mut p = Person {
        name: Some(name),
        ..Person::default()
    };
    apply_parens(&mut p, &parens, cx);
    let status_cell = cell(c.status);
    // "Expected": the meeting's attendance is not recorded yet, so the row says nothing
    // about this person (issue #5).
    if status_cell
        .as_deref()
        .is_some_and(|s| cx.r.unrecorded_status.is_match(s))
    {
        roll.left_out.push(Code::AttendanceUnrecorded.warn(
            format!(
                "{raw}: attendance \"{}\" records no attendance; left out of attendees",
                status_cell.as_deref().unwrap_or_default()
            ),
            Some(line.provenance),
        ));
        return;
    }
    let labelled = status_cell
        .as_deref()
        .and_then(|s| label(s, cx).map(|l| l.0));
    // "Apologies, sent substitute" is the member who was away, not the substitute.
    let away = matches!(
        labelled,
        Some(AttendanceStatus::Apologies | AttendanceStatus::Absent)
    );
    if !away
        && let Some(sc) = status_cell
            .as_deref()
            .and_then(|s| cx.r.substitute_status.captures(s))
    {
        p.substitute = true;
        p.substitute_for = sc
            .name("name")
            .and_then(|n| names_in(n.as_str(), None, cx))
            .and_then(|mut n| n.pop())
            .map(|n| n.name)
            .or(p.substitute_for.take())
            .or_else(|| {
                // "Substitute for Councillor X" in a notes column (issue #5)
                line.cells
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != c.name && Some(*i) != c.status)
                    .find_map(|(_, cell)| {
                        let sc = cx.r.substitute_status.captures(cell.text.trim())?;
                        names_in(sc.name("name")?.as_str(), None, cx)?.pop()
                    })
                    .map(|n| n.name)
            });
    }
    // "(substituting for Dr Avi Bhatia)" in a role or notes column: a substitute, and
    // that cell is not their role.
    let mut note = None;
    if !away && !p.substitute {
        note = line
            .cells
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != c.name && Some(*i) != c.status)
            .find_map(|(i, cell)| {
                let t = cell
                    .text
                    .trim()
                    .trim_start_matches('(')
                    .trim_end_matches(')');
                let sc = cx.r.substitute_status.captures(t.trim())?;
                let member = names_in(sc.name("name")?.as_str(), None, cx)?.pop()?;
                Some((i, member.name))
            });
        if let Some((_, member)) = &note {
            p.substitute = true;
            p.substitute_for = Some(member.clone());
        }
    }
    let st = labelled.unwrap_or(status);
    let role = cell(c.role).filter(|_| note.as_ref().is_none_or(|(i, _)| Some(*i) != c.role));
    p.chair |= role.as_deref().is_some_and(|r| cx.r.chair.is_match(r));
    p.role = role.or(p.role);
    p.organisation = cell(c.organisation).or(p.organisation);
    roll.add_person(p, st, false, line.provenance, cx);
}

/// Joins the line under a labelled row ("PRESENT:⇥Dave Roberts (Chairman), Councillors
/// Angela Caldara and" / "Corinna Edge, Danny Connellan.") to the row's last cell: the
/// list wrapped out of its cell, and a name split over the two lines must be read whole.
/// The row's last cell must not end a sentence, and the line below must be prose that
/// opens no list of its own; the cell ends with a joiner ("," "and" "&"), or the line
/// below goes on with the list (a name and a comma or "and" within its first words).
/// A sentence under the row ("The Chairman welcomed everyone.") is not joined.
fn join_wrapped_values<'a>(lines: &[&'a Line], cx: Cx) -> Vec<std::borrow::Cow<'a, Line>> {
    let mut out: Vec<std::borrow::Cow<'a, Line>> = Vec::with_capacity(lines.len());
    let mut k = 0;
    while k < lines.len() {
        let line = lines[k];
        let next = lines.get(k + 1).copied();
        let last = line
            .cells
            .iter()
            .rev()
            .find(|c| !c.text.trim().is_empty())
            .map(|c| c.text.trim_end());
        let open_end = line.is_row() && last.is_some_and(|t| !t.ends_with(['.', ')', ':']));
        let joiner = last.is_some_and(|t| {
            t.ends_with([',', '&'])
                || t.rsplit(' ')
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case("and"))
        });
        let goes_on = |n: &Line| {
            let head: Vec<&str> = n.text.split_whitespace().take(3).collect();
            head.first()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
                && head
                    .iter()
                    .any(|w| w.ends_with(',') || w.eq_ignore_ascii_case("and"))
        };
        if open_end
            && let Some(n) = next
            && (joiner || goes_on(n))
            && !n.is_row()
            && !n.is_blank()
            && label(n.text.trim(), cx).is_none()
            && !cx.r.apologies.is_match(n.text.trim())
            && cx.r.split_label.captures(n.text.trim()).is_none()
        {
            let mut joined = line.clone();
            if let Some(c) = joined
                .cells
                .iter_mut()
                .rev()
                .find(|c| !c.text.trim().is_empty())
            {
                c.text = format!("{} {}", c.text.trim_end(), n.text.trim());
            }
            joined.text = joined
                .cells
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
                .join("\t");
            out.push(std::borrow::Cow::Owned(joined));
            k += 2;
            continue;
        }
        out.push(std::borrow::Cow::Borrowed(line));
        k += 1;
    }
    out
}

// ---------------------------------------------------------------------------------------
// Pass 2: apologies anywhere in the minutes.

fn cell_texts(line: &Line) -> Vec<&str> {
    if line.is_row() {
        line.cells.iter().map(|c| c.text.as_str()).collect()
    } else {
        vec![line.text.as_str()]
    }
}

fn read_apologies(doc: &Document, block: &MinutesBlock, cx: Cx, roll: &mut Roll) {
    let headings: Vec<usize> = block.items.iter().map(|i| i.heading).collect();
    let lines: Vec<(usize, &Line)> = block.content(doc, block.lines.clone()).collect();
    for (k, (_, line)) in lines.iter().enumerate() {
        for text in cell_texts(line) {
            if let Some(list) =
                cx.r.apologies_before
                    .captures(text)
                    .and_then(|c| c.name("list"))
            {
                apology_list(list.as_str(), line.provenance, cx, roll);
            }
            let Some(m) = cx.r.apologies.iter().find_map(|p| p.find(text)) else {
                continue;
            };
            let rest = sentence(&text[m.end()..], cx);
            if !rest.trim().is_empty() {
                apology_list(rest, line.provenance, cx, roll);
                continue;
            }
            // "… received from the following:" — the list is on the next lines.
            let mut seen = false;
            for (i, next) in lines.iter().skip(k + 1).take(FOLLOWING_LINES) {
                if headings.contains(i) || (next.is_blank() && seen) {
                    break;
                }
                if next.is_blank() {
                    continue;
                }
                if label(next.text.trim(), cx).is_some_and(|l| l.0 != AttendanceStatus::Apologies)
                    || cx.r.apologies.iter().any(|p| p.is_match(&next.text))
                {
                    // another list, or an apologies sentence read on its own turn
                    break;
                }
                seen = true;
                for t in cell_texts(next) {
                    if !t.trim().is_empty() {
                        apology_list(t.trim(), next.provenance, cx, roll);
                    }
                }
            }
        }
    }
}

/// The text up to the end of its first sentence.
fn sentence<'t>(text: &'t str, cx: Cx) -> &'t str {
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices('.') {
        let after = &text[i + 1..];
        let ends = after.is_empty()
            || (after.starts_with(' ')
                && after
                    .trim_start()
                    .chars()
                    .next()
                    .is_none_or(char::is_uppercase));
        if !ends {
            continue;
        }
        let word = text[..i]
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let initial = word.chars().count() == 1;
        if initial || cx.common.honorifics.contains(word) || (i > 0 && bytes[i - 1] == b'.') {
            continue;
        }
        return &text[..i];
    }
    text
}

/// "X for Y, Z for W" after a substitutes label: each piece names a substitute and the
/// member replaced. False (nothing recorded) unless every piece reads so.
fn substitute_pairs(text: &str, prov: Provenance, cx: Cx, roll: &mut Roll) -> bool {
    let mut pairs = Vec::new();
    for piece in split_top(text) {
        let Some(c) = cx.r.substitute_pair.captures(piece) else {
            return false;
        };
        let (Some(sub), Some(of)) = (
            names_in(c["sub"].trim(), None, cx).and_then(|mut n| n.pop()),
            names_in(c["for"].trim(), None, cx).and_then(|mut n| n.pop()),
        ) else {
            return false;
        };
        pairs.push((sub, of));
    }
    for (sub, of) in pairs {
        roll.add(
            attendee(of.clone(), AttendanceStatus::Apologies, None, prov),
            cx,
        );
        roll.add(
            attendee(sub, AttendanceStatus::Substitute, Some(of.name), prov),
            cx,
        );
    }
    true
}

/// "In attendance for this item were A (Role) and B (Role)." inside minute items.
fn read_item_attendance(doc: &Document, block: &MinutesBlock, cx: Cx, roll: &mut Roll) {
    for item in &block.items {
        for (_, line) in block.content(doc, item.lines.clone()) {
            for text in cell_texts(line) {
                let Some(m) = cx.r.item_in_attendance.iter().find_map(|p| p.find(text)) else {
                    continue;
                };
                let rest = sentence(&text[m.end()..], cx);
                for p in parse_list(rest, cx) {
                    roll.add_person(
                        p,
                        AttendanceStatus::InAttendance,
                        false,
                        line.provenance,
                        cx,
                    );
                }
            }
        }
    }
}

/// A list of people sending apologies, substitution phrases taken out first.
fn apology_list(text: &str, prov: Provenance, cx: Cx, roll: &mut Roll) {
    let text = welsh_and(text);
    let rest = take_substitutions(&text, prov, cx, roll);
    for p in parse_list(&rest, cx) {
        roll.add_person(p, AttendanceStatus::Apologies, false, prov, cx);
    }
}

// ---------------------------------------------------------------------------------------
// Pass 3: substitution phrases.

fn read_substitutions(doc: &Document, block: &MinutesBlock, cx: Cx, roll: &mut Roll) {
    let mut ranges = vec![block.preamble.clone()];
    ranges.extend(
        block
            .items
            .iter()
            .filter(|i| cx.r.attendance_item.is_match(&i.title))
            .map(|i| i.lines.clone()),
    );
    for range in ranges {
        for (_, line) in block.content(doc, range) {
            for text in cell_texts(line) {
                take_substitutions(text, line.provenance, cx, roll);
            }
        }
    }
}

/// Records every substitution phrase in `text` and returns the text without them.
fn take_substitutions(text: &str, prov: Provenance, cx: Cx, roll: &mut Roll) -> String {
    let mut rest = String::new();
    let mut cursor = 0;
    let mut spans: Vec<(usize, usize, Name, Option<Name>)> = Vec::new();
    // only the patterns that match: most texts name no substitute (issue #3)
    for p in cx.r.substitution.matching(text) {
        for c in p.captures_iter(text) {
            let (Some(all), Some(s)) = (c.get(0), c.name("sub")) else {
                continue;
            };
            if spans
                .iter()
                .any(|(a, b, _, _)| all.start() < *b && *a < all.end())
            {
                continue;
            }
            let Some(sub) = trailing_name(s.as_str(), cx).map(|x| x.0) else {
                continue;
            };
            let of = match c.name("for") {
                Some(f) => match leading_name(f.as_str(), cx) {
                    Some(n) => Some(n),
                    None => continue,
                },
                None => None,
            };
            spans.push((all.start(), all.end(), sub, of));
        }
    }
    spans.sort_by_key(|s| s.0);
    for (a, b, sub, of) in spans {
        rest.push_str(&text[cursor..a]);
        rest.push_str(", ");
        cursor = b;
        if let Some(of) = &of {
            roll.add(
                attendee(of.clone(), AttendanceStatus::Apologies, None, prov),
                cx,
            );
        }
        roll.add(
            attendee(sub, AttendanceStatus::Substitute, of.map(|o| o.name), prov),
            cx,
        );
    }
    rest.push_str(&text[cursor..]);
    rest
}

// ---------------------------------------------------------------------------------------
// Reading one entry or list.

/// The people of one line or paragraph after a label.
fn parse_entry(text: &str, cx: Cx) -> Vec<Person> {
    match split_dashed(text, cx) {
        Some(people) => people,
        None => parse_list(text, cx),
    }
}

/// "Name – Role Name – Role …": each dash is preceded by a name; a role runs to the next
/// name. `None` when no dash follows a name.
fn split_dashed(text: &str, cx: Cx) -> Option<Vec<Person>> {
    let mut people: Vec<Person> = Vec::new();
    let mut lead = "";
    let mut roles: Vec<String> = Vec::new();
    let mut cursor = 0;
    for sep in cx.r.separator.find_iter(text) {
        if sep.start() < cursor {
            continue;
        }
        let seg = &text[cursor..sep.start()];
        // "Councillor Jo Bloggs (Chair) – Council": the bracket belongs to the name
        let (seg, paren) = match seg
            .trim_end()
            .strip_suffix(')')
            .and_then(|s| s.rsplit_once('('))
        {
            Some((head, inner)) if trailing_name(head, cx).is_some() => (head, Some(inner)),
            _ => (seg, None),
        };
        let Some((name, at)) = trailing_name(seg, cx) else {
            continue;
        };
        let before = &seg[..at];
        match roles.last_mut() {
            Some(r) => r.push_str(before),
            None => lead = before,
        }
        let mut person = Person {
            name: Some(name),
            ..Person::default()
        };
        if let Some(inner) = paren {
            apply_parens(&mut person, &[inner.trim().to_string()], cx);
        }
        people.push(person);
        roles.push(String::new());
        cursor = sep.end();
    }
    if people.is_empty() {
        return None;
    }
    if let Some(r) = roles.last_mut() {
        r.push_str(&text[cursor..]);
    }
    let mut out = parse_list(lead, cx);
    for (mut p, role) in people.into_iter().zip(roles) {
        let (base, parens) = strip_parens(&role);
        apply_parens(&mut p, &parens, cx);
        // A comma-separated role may run into further people with honorifics.
        let mut more = Vec::new();
        // "Member for Development, Jobs, and Cohesion": one role listing several things
        let parts = if base.contains(", and ") {
            vec![base.as_str()]
        } else {
            split_top(&base)
        };
        for part in parts {
            let part = part.trim().trim_start_matches("and ").trim();
            let hon = split_honorific(part, &cx.common.honorifics).0.is_some();
            match names_in(part, None, cx).filter(|_| hon) {
                Some(ns) => more.extend(ns.into_iter().map(|n| Person {
                    name: Some(n),
                    ..Person::default()
                })),
                None if more.is_empty() => {
                    if !part.is_empty() {
                        p.extra.push(part.to_string());
                    }
                }
                None => {
                    if let Some(m) = more.last_mut() {
                        m.extra.push(part.to_string());
                    }
                }
            }
        }
        if p.extra.len() == 1 && cx.r.chair.is_match(&p.extra[0]) {
            p.chair = true;
        }
        out.push(p);
        out.extend(more);
    }
    Some(out)
}

/// "A (Chair), B, C and D": people separated by commas, semicolons, "and", "&"; text that
/// names nobody is role or organisation of the person before it.
fn parse_list(text: &str, cx: Cx) -> Vec<Person> {
    let mut out: Vec<Person> = Vec::new();
    let mut carry: Option<String> = None;
    let text = cx.r.unnamed.replace_all(text, "");
    let text = text.as_ref();
    let text = match cx.r.sub_label.find(text) {
        Some(m) => {
            // "Councillors:" gives its honorific to the names after it
            let head = text[..m.end()].trim().trim_end_matches(':').trim();
            carry = singular_honorific(head, &cx.common.honorifics);
            &text[m.end()..]
        }
        None => text,
    };
    if let Some(people) = semicolon_entries(text, carry.as_deref(), cx) {
        return people;
    }
    for part in split_top(text)
        .into_iter()
        .flat_map(|p| split_titles(p, cx))
    {
        // "Parish Councillors A and B": a kind of councillor before a plural title is
        // part of the label
        let part = match part.split_once(' ') {
            Some((kind, rest))
                if kind.starts_with(char::is_uppercase)
                    && !cx.common.honorifics.contains(kind)
                    && split_honorific(rest, &cx.common.honorifics)
                        .0
                        .is_some_and(|h| {
                            singular_honorific(&h, &cx.common.honorifics).is_some()
                        }) =>
            {
                rest
            }
            _ => part,
        };
        // "Councillors Smith and Jones": the plural honorific lets bare surnames split
        if let Some(one) = split_honorific(part, &cx.common.honorifics)
            .0
            .and_then(|h| singular_honorific(&h, &cx.common.honorifics))
        {
            carry = Some(one);
        }
        for piece in split_and(part, carry.as_deref(), cx) {
            let piece = piece
                .trim()
                .trim_matches(|c: char| c == '.' || c == ':' || c.is_whitespace());
            if piece.is_empty() || unnamed_post(piece, cx) {
                continue;
            }
            // "VIRTUALLY: Mr S Jones": a label before a titled name is no part of it
            let piece = match piece.split_once(": ") {
                Some((lead, rest))
                    if !lead.contains(' ')
                        && split_honorific(rest, &cx.common.honorifics).0.is_some() =>
                {
                    rest
                }
                _ => piece,
            };
            let (piece, post) = post_before_title(piece, cx);
            let (base, mut parens) = strip_parens(piece);
            parens.extend(post);
            let (hon, _) = split_honorific(&base, &cx.common.honorifics);
            if let Some(one) = hon
                .as_deref()
                .and_then(|h| singular_honorific(h, &cx.common.honorifics))
            {
                carry = Some(one);
            }
            match names_in(&base, carry.as_deref(), cx) {
                Some(names) => {
                    let n = names.len();
                    for (k, name) in names.into_iter().enumerate() {
                        let mut p = Person {
                            name: Some(name),
                            ..Person::default()
                        };
                        if k + 1 == n {
                            apply_parens(&mut p, &parens, cx);
                        }
                        out.push(p);
                    }
                }
                None => {
                    // "The Mayor (Councillor Jo Bloggs)", "Chair (Cllr X)": the name is in
                    // brackets after a title
                    let inner = parens.iter().find_map(|t| {
                        split_honorific(t, &cx.common.honorifics)
                            .0
                            .and_then(|_| names_in(t, None, cx))
                            .filter(|ns| ns.len() == 1)
                    });
                    if let Some(name) = inner.and_then(|mut ns| ns.pop()) {
                        out.push(Person {
                            name: Some(name),
                            chair: cx.r.chair.is_match(&base),
                            extra: vec![base.clone()],
                            ..Person::default()
                        });
                        continue;
                    }
                    if let Some(p) = out.last_mut() {
                        if cx.r.chair.is_match(&base) {
                            p.chair = true;
                        }
                        if !base.is_empty() {
                            p.extra.push(base.clone());
                        }
                        apply_parens(p, &parens, cx);
                    }
                }
            }
        }
    }
    out
}

/// "A, Role; B, Role, with commas": semicolons part the people and commas only part a
/// name from its role. `None` unless every semicolon part is a name, a comma and a role.
fn semicolon_entries(text: &str, carry: Option<&str>, cx: Cx) -> Option<Vec<Person>> {
    if !text.contains(';') {
        return None;
    }
    let mut out = Vec::new();
    for seg in text.split(';') {
        let seg = seg.trim().trim_start_matches("and ").trim();
        if seg.is_empty() {
            continue;
        }
        let (head, role) = seg.split_once(',')?;
        let (base, parens) = strip_parens(head.trim());
        let mut names = names_in(&base, carry, cx)?;
        let name = names.pop().filter(|_| names.is_empty())?;
        let role = role.trim().trim_end_matches('.').trim();
        // the role must name nobody: "A, B; C" is a plain list
        if role.is_empty() || names_in(role, None, cx).is_some() {
            return None;
        }
        let mut p = Person {
            name: Some(name),
            extra: vec![role.to_string()],
            ..Person::default()
        };
        apply_parens(&mut p, &parens, cx);
        p.chair |= cx.r.chair.is_match(role);
        out.push(p);
    }
    (out.len() >= 2).then_some(out)
}

/// Splits on commas and semicolons outside parentheses; drops a leading "and".
fn split_top(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            ',' | ';' if depth == 0 => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out.into_iter()
        .map(|p| {
            let p = p.trim();
            p.strip_prefix("and ")
                .or_else(|| p.strip_prefix("& "))
                .unwrap_or(p)
                .trim()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// Splits a list printed without commas at each person's title ("Cllr Sue Bee (Chair)
/// Cllr Kit Hart Cllr Ann Cole"); stacked titles ("County Cllr Mrs Bee") stay together,
/// and a plural title ("Councillors") or one no name follows opens no person. A part
/// with fewer than two titled names is left whole.
fn split_titles<'t>(part: &'t str, cx: Cx) -> Vec<&'t str> {
    let hon = &cx.common.honorifics;
    let words: Vec<(usize, &str)> = part
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - part.as_ptr() as usize, w))
        .collect();
    let titled = |w: &str| w.starts_with(char::is_uppercase) && hon.contains(bare(w));
    let mut cuts = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let (at, w) = words[k];
        let pair = words.get(k + 1).is_some_and(|(_, n)| {
            w.starts_with(char::is_uppercase) && hon.contains(&format!("{} {}", bare(w), bare(n)))
        });
        if pair || titled(w) {
            let plural = singular_honorific(bare(w), hon).is_some();
            let named = words
                .get(k + if pair { 2 } else { 1 })
                .is_some_and(|(_, n)| is_name_token(n) && !hon.contains(bare(n)));
            let after_name = !plural && named && k > 0 && {
                let prev = words[k - 1].1;
                (prev.ends_with(')') || prev.starts_with(char::is_uppercase))
                    && !hon.contains(bare(prev))
            };
            if k == 0 && named || after_name {
                cuts.push(at);
            }
            // the rest of a stack of titles belongs to this one
            k += if pair { 2 } else { 1 };
            while k < words.len() && titled(words[k].1) {
                k += 1;
            }
            continue;
        }
        k += 1;
    }
    if cuts.len() < 2 {
        return vec![part];
    }
    if cuts[0] != 0 {
        cuts.insert(0, 0);
    }
    cuts.push(part.len());
    cuts.windows(2).map(|w| part[w[0]..w[1]].trim()).collect()
}

/// Splits a part on " and " / " & " only where a name or an unnamed post follows
/// ("Children and Families" stays whole; "B and C" and "B & the Clerk" split).
fn split_and<'t>(part: &'t str, carry: Option<&str>, cx: Cx) -> Vec<&'t str> {
    let mut cuts = vec![0];
    let mut depth = 0i32;
    for (i, c) in part.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            ' ' if depth == 0 => {
                let tail = &part[i..];
                let skip = if tail.starts_with(" and ") {
                    5
                } else if tail.starts_with(" & ") {
                    3
                } else {
                    continue;
                };
                let next = &part[i + skip..];
                let end = next
                    .find(" and ")
                    .or_else(|| next.find(" & "))
                    .unwrap_or(next.len());
                let (base, _) = strip_parens(&next[..end]);
                if names_in(&base, carry, cx).is_some() || unnamed_post(&base, cx) {
                    cuts.push(i);
                    cuts.push(i + skip);
                }
            }
            _ => {}
        }
    }
    cuts.push(part.len());
    cuts.chunks(2).map(|w| &part[w[0]..w[1]]).collect()
}

/// Lower-case words from which a line is prose rather than a list of names: lists hold
/// few ("and", "the Clerk", "of the public"), sentences many.
const PROSE_LOWER_WORDS: usize = 5;

/// True when a line reads as a sentence of the minutes, not a list of people.
fn is_prose(text: &str, cx: Cx) -> bool {
    // a remark in brackets is no sentence ("Mr T Reed (representing the hall committee)")
    let (text, _) = strip_parens(text);
    text.split_whitespace()
        .filter(|w| {
            let b = bare(w);
            b.starts_with(char::is_lowercase)
                && !particle(b, cx)
                && !["and", "the", "of", "for", "with", "a", "ac"].contains(&b)
        })
        .count()
        >= PROSE_LOWER_WORDS
}

/// A post printed before a person's title ("Chairman Cllr Mrs Bee"): the text
/// from the title on, and the post, read like a remark in brackets ("(Chairman)").
fn post_before_title<'t>(piece: &'t str, cx: Cx) -> (&'t str, Option<String>) {
    let Some((first, rest)) = piece.split_once(' ') else {
        return (piece, None);
    };
    let rest = rest.trim_start();
    let titled = split_honorific(rest, &cx.common.honorifics).0.is_some();
    if titled && cx.common.role_words.contains(bare(first)) {
        (rest, Some(bare(first).to_string()))
    } else {
        (piece, None)
    }
}

/// A post named without a person ("the Clerk", "the Parish Clerk."): nobody to list.
fn unnamed_post(text: &str, cx: Cx) -> bool {
    let t = text.trim().trim_end_matches(['.', ',', ';']).trim();
    let Some(post) = t
        .strip_prefix("the ")
        .or_else(|| t.strip_prefix("The "))
        .map(str::trim)
    else {
        return false;
    };
    cx.common.role_words.contains(post)
}

/// Takes parenthesised remarks out of a text: ("Cllr A", ["Chair"]).
fn strip_parens(text: &str) -> (String, Vec<String>) {
    let mut base = String::new();
    let mut parens = Vec::new();
    let mut depth = 0;
    let mut cur = String::new();
    for c in text.chars() {
        match c {
            '(' | '[' => {
                if depth > 0 {
                    cur.push(c);
                }
                depth += 1;
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    parens.push(std::mem::take(&mut cur).trim().to_string());
                } else {
                    cur.push(c);
                }
            }
            _ if depth > 0 => cur.push(c),
            _ => base.push(c),
        }
    }
    if !cur.trim().is_empty() {
        parens.push(cur.trim().to_string());
    }
    let base = base.split_whitespace().collect::<Vec<_>>().join(" ");
    (
        base.trim_matches(|c: char| {
            matches!(c, ',' | ';' | ':' | '-' | '–' | '—') || c.is_whitespace()
        })
        .to_string(),
        parens,
    )
}

/// Applies remarks such as "(Chair)", "(substituting for Dr Y)", "(CCG)" to a person.
fn apply_parens(p: &mut Person, parens: &[String], cx: Cx) {
    let r = cx.r;
    for t in parens {
        if r.chair.is_match(t) {
            p.chair = true;
        } else if t.contains(',') && t.split(',').any(|part| r.chair.is_match(part)) {
            // "(Mayor, in the Chair)": the chair, and the rest is their role
            p.chair = true;
            let rest: Vec<&str> = t
                .split(',')
                .map(str::trim)
                .filter(|part| !part.is_empty() && !r.chair.is_match(part))
                .collect();
            if !rest.is_empty() && p.role.is_none() {
                p.role = Some(rest.join(", "));
            }
        } else if r.paren_substitute.is_match(t) {
            p.substitute = true;
        } else if let Some(n) = r
            .paren_substitute_for
            .captures(t)
            .and_then(|c| c.name("name"))
            .and_then(|m| leading_name(m.as_str(), cx))
        {
            p.substitute_for = Some(n.name);
        } else if let Some(n) = r
            .paren_substituted_by
            .captures(t)
            .and_then(|c| c.name("name").or_else(|| c.name("name2")))
            .and_then(|m| leading_name(m.as_str(), cx))
        {
            p.substituted_by = Some(n);
        } else if !t.is_empty() {
            // "(Town Clerk)" is a post, "(Healthwatch)" an organisation
            if is_post(t, cx) {
                p.role.get_or_insert_with(|| t.clone());
            } else {
                p.organisation.get_or_insert_with(|| t.clone());
            }
        }
    }
}

/// True when a text names a post: a role word or phrase in it ("Town Clerk", "Director
/// of …", "Haringey Council Chief Executive").
fn is_post(text: &str, cx: Cx) -> bool {
    cx.common.role_words.in_text(text)
}

/// True when a text names an organisation: a group word in it ("Haringey Metropolitan
/// Police", "Bridge Renewal Trust") or an acronym ("CCG", "Enfield & Haringey PDU").
fn is_organisation(text: &str, cx: Cx) -> bool {
    cx.common.group_words.in_text(text)
        || text.split_whitespace().any(|w| {
            let b = bare(w);
            b.chars().count() >= 2 && b.chars().all(|c| c.is_ascii_uppercase())
        })
}

/// Role and organisation from the texts printed after a name, split at commas: a post
/// is a role and a body an organisation ("Jo Bloggs, Victim Support"); of several, the
/// last is the organisation, unless it names none and ends a portfolio's list ("Cabinet
/// Member for Early Years, Children and Families" is one role).
fn role_and_org(extra: &[String], cx: Cx) -> (Option<String>, Option<String>) {
    let parts: Vec<&str> = extra
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let portfolio = |role: &str| {
        let r = role.to_lowercase();
        r.contains(" for ") || r.contains(" of ")
    };
    match parts.as_slice() {
        [] => (None, None),
        [one] => {
            let titled = one.starts_with(char::is_uppercase);
            let honorific = one
                .split_whitespace()
                .any(|w| cx.common.honorifics.contains(bare(w)));
            // a body: a group word, or several capitalised words that end in no post or
            // job ("Homes for Ashby"; "Resident", "Ward Member" are roles)
            let job = one
                .split_whitespace()
                .last()
                .is_some_and(|w| cx.r.job_words.contains(bare(w)));
            let capitalised = one.split_whitespace().all(|w| {
                w.starts_with(char::is_uppercase) || ["of", "for", "and", "the", "&"].contains(&w)
            });
            let body = is_organisation(one, cx)
                || one.split_whitespace().count() >= 2 && capitalised && !job;
            if is_post(one, cx) || honorific || !titled || !body {
                (Some(one.to_string()), None)
            } else {
                (None, Some(one.to_string()))
            }
        }
        [init @ .., last] => {
            let role = init.join(", ");
            let listed = last.contains(" and ") || last.contains(" & ");
            if listed && !is_organisation(last, cx) && portfolio(&role) {
                (Some(format!("{role}, {last}")), None)
            } else {
                (Some(role), Some(last.to_string()))
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Names.

/// True when `token` is a particle inside names ("de", "van"); printed in lowercase.
fn particle(token: &str, cx: Cx) -> bool {
    token.chars().next().is_some_and(char::is_lowercase) && cx.r.name_particles.contains(token)
}

/// The honorific phrase made of `tokens`, if listed ("Chief Inspector").
fn honorific_of(tokens: &[&str], cx: Cx) -> Option<String> {
    let phrase = tokens
        .iter()
        .map(|t| t.trim_end_matches('.'))
        .collect::<Vec<_>>()
        .join(" ");
    (!tokens.is_empty() && cx.common.honorifics.contains(&phrase)).then_some(phrase)
}

/// The people a short text names: "Cllr Mark Blake", or two names run together without
/// a comma ("Jackie Difolco Jonathan Waterfield"). `carry` is the honorific of a plural
/// ("Councillors A, B and C"), which lets a bare surname stand as a name.
fn names_in(text: &str, carry: Option<&str>, cx: Cx) -> Option<Vec<Name>> {
    let (hon, mut rest) = split_honorific(text, &cx.common.honorifics);
    let plural_title = hon
        .as_deref()
        .is_some_and(|h| singular_honorific(h, &cx.common.honorifics).is_some());
    let single = |h: String| singular_honorific(&h, &cx.common.honorifics).unwrap_or(h);
    let mut hon = hon.map(single);
    // stacked titles ("County Cllr Mrs Bee", "Cllr Dr Ann Cole") are one honorific
    while let Some(h) = hon.as_mut() {
        match split_honorific(rest, &cx.common.honorifics) {
            (Some(next), after) if !after.is_empty() => {
                h.push(' ');
                h.push_str(&single(next));
                rest = after;
            }
            _ => break,
        }
    }
    let mut tokens: Vec<&str> = rest.split_whitespace().collect();
    // honours after the name ("R Love OBE") are not part of it
    while tokens.len() > 1
        && tokens.last().is_some_and(|t| {
            cx.r.post_nominals.contains(bare(t)) && bare(t).chars().all(|c| c.is_uppercase())
        })
    {
        tokens.pop();
    }
    if tokens.is_empty() || tokens.len() > 6 {
        return None;
    }
    let ok = tokens.iter().all(|t| is_name_token(t) || particle(t, cx))
        && !particle(tokens[0], cx)
        && !tokens.iter().any(|t| {
            let b = bare(t);
            cx.common.role_words.contains(b)
                || cx.common.group_words.contains(b)
                || cx.r.not_names.contains(b)
                || cx.r.job_words.contains(b)
                // "Parish Councillors" is a label ("Mrs Sarah Lord" a name)
                || singular_honorific(b, &cx.common.honorifics).is_some()
        })
        && !cx.common.honorifics.contains(bare(tokens[0]));
    if !ok {
        return None;
    }
    let hon = hon.or_else(|| carry.map(str::to_string));
    if tokens.len() == 1 && hon.is_none() {
        return None;
    }
    // a thing's name, even after a plural title ("Councillors Other Business:"); a
    // singular title makes a person of it ("Mrs Ann Gates")
    if (hon.is_none() || plural_title) && tokens.iter().any(|t| cx.r.thing_words.contains(bare(t)))
    {
        return None;
    }
    let words = tokens.iter().filter(|t| !particle(t, cx)).count();
    // Four or six capitalised words with no particle and no title: two or three names
    // run together (after a title they may be one: "Cyng. Dafydd Wyn Lloyd Jones").
    let initial = |t: &&str| bare(t).chars().count() <= 1;
    if hon.is_none()
        && words == tokens.len()
        && (words == 4 || words == 6)
        && !tokens.iter().any(initial)
    {
        return Some(
            tokens
                .chunks(2)
                .map(|c| Name {
                    honorific: None,
                    name: c.join(" "),
                })
                .collect(),
        );
    }
    if words > 4 {
        return None;
    }
    let mut name = tokens
        .join(" ")
        .trim_end_matches([',', ';', ':'])
        .to_string();
    // a full stop ends the sentence unless it ends an initial ("J.")
    if name.ends_with('.') && tokens.last().is_some_and(|t| t.chars().count() > 2) {
        name.pop();
    }
    Some(vec![Name {
        honorific: hon,
        name,
    }])
}

/// The first name in a text ("Cllr B", "Rachel Lissauer", from "Rachel Lissauer Deborah …").
fn leading_name(text: &str, cx: Cx) -> Option<Name> {
    let (hon, rest) = split_honorific(text.trim(), &cx.common.honorifics);
    let tokens: Vec<&str> = rest
        .split_whitespace()
        .take_while(|t| is_name_token(t) || particle(t, cx))
        .collect();
    let mut take = Vec::new();
    let mut words = 0;
    for t in tokens {
        if honorific_of(&[t], cx).is_some() || words == 3 {
            break;
        }
        if !particle(t, cx) {
            words += 1;
        }
        take.push(t);
    }
    let mut names = names_in(&take.join(" "), hon.as_deref(), cx)?;
    let mut first = names.remove(0);
    if first.honorific.is_none() {
        first.honorific = hon;
    }
    Some(first)
}

/// The name at the end of a text and where it starts: "… Families Cllr Zena Brabazon"
/// → "Cllr Zena Brabazon". Without an honorific, two words (three when the text is the
/// name alone), particles not counted.
fn trailing_name(seg: &str, cx: Cx) -> Option<(Name, usize)> {
    let seg = seg.trim_end();
    let mut toks: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for t in seg.split_whitespace() {
        let at = seg[pos..].find(t).map_or(pos, |i| pos + i);
        toks.push((at, t));
        pos = at + t.len();
    }
    // the run of name-like tokens at the end
    let mut k = toks.len();
    while k > 0 {
        let t = toks[k - 1].1;
        if (is_name_token(t) && !t.ends_with([',', ';', ':'])) || particle(t, cx) {
            k -= 1;
        } else {
            break;
        }
    }
    let run = &toks[k..];
    if run.is_empty() {
        return None;
    }
    let words: Vec<&str> = run.iter().map(|t| t.1).collect();
    // an honorific within the last few words starts the name
    let n = words.len();
    let mut start = None;
    for j in (0..n.saturating_sub(1)).rev() {
        if n - j > 6 {
            break;
        }
        for len in (1..=3).rev() {
            if j + len < n && honorific_of(&words[j..j + len], cx).is_some() && n - (j + len) <= 3 {
                start = Some(j);
                break;
            }
        }
        if start.is_some() {
            break;
        }
    }
    let from = match start {
        Some(mut j) => {
            // extend a multi-word honorific backwards ("Chief" + "Inspector")
            while j > 0 && honorific_of(&words[j - 1..j + 1], cx).is_some() {
                j -= 1;
            }
            j
        }
        None => {
            let whole = k == 0 && words.iter().filter(|t| !particle(t, cx)).count() <= 3;
            if whole {
                0
            } else {
                let mut seen = 0;
                let mut j = n;
                while j > 0 && seen < 2 {
                    j -= 1;
                    if !particle(words[j], cx) {
                        seen += 1;
                    }
                }
                j
            }
        }
    };
    let text = words[from..].join(" ");
    let mut names = names_in(&text, None, cx)?;
    if names.len() != 1 {
        // "Mary Ann Jo Smith": the last two words
        let last = names.pop()?;
        return Some((last, run[n - 2].0));
    }
    Some((names.remove(0), run[from].0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<Attendee> {
        run_reporting(text).0
    }

    /// The attendees and the warnings about rows left out.
    fn run_reporting(text: &str) -> (Vec<Attendee>, Vec<Warning>) {
        let book = crate::extract::testing::book();
        let doc = Document::from_plain_text(text);
        let n = doc.lines.len();
        let heading = (0..n)
            .find(|&i| doc.lines[i].text.starts_with("9."))
            .unwrap_or(n);
        let block = MinutesBlock {
            lines: 0..n,
            preamble: 0..heading,
            items: if heading < n {
                vec![crate::extract::minutes::ItemSpan {
                    number: "9".into(),
                    title: doc.lines[heading].text[3..].to_string(),
                    inline: None,
                    heading,
                    lines: heading..n,
                    provenance: doc.lines[heading].provenance,
                }]
            } else {
                Vec::new()
            },
            noise: Default::default(),
            action_column: None,
            action_margin: false,
            body: None,
            date: None,
            time: None,
            end_time: None,
            location: None,
            provenance: Provenance::default(),
        };
        let mut warnings = Vec::new();
        let all = extract_reporting(&doc, &block, &book.default, &mut warnings);
        (all, warnings)
    }

    fn find<'a>(all: &'a [Attendee], name: &str) -> &'a Attendee {
        all.iter()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("{name} missing from {all:#?}"))
    }

    fn names(all: &[Attendee]) -> Vec<&str> {
        all.iter().map(|a| a.name.as_str()).collect()
    }

    #[test]
    fn one_per_line_with_roles() {
        let all = run(
            "MINUTES\nPRESENT:\n\nJo Bloggs – Borough Commander, Metropolitan Police (Chair)\nCllr Sam Eke – Cabinet Member for Communities\nAl Ray - Strategic Lead\nJim Lee, Security Advisor (Met. Police)\n\nPat Doe – Principal Committee Co-Ordinator\n9. APOLOGIES\n",
        );
        assert_eq!(
            names(&all),
            ["Jo Bloggs", "Sam Eke", "Al Ray", "Jim Lee", "Pat Doe"]
        );
        let jo = find(&all, "Jo Bloggs");
        assert!(jo.chair);
        assert_eq!(jo.role.as_deref(), Some("Borough Commander"));
        assert_eq!(jo.organisation.as_deref(), Some("Metropolitan Police"));
        let sam = find(&all, "Sam Eke");
        assert_eq!(sam.honorific.as_deref(), Some("Cllr"));
        assert!(!sam.chair);
        assert_eq!(
            find(&all, "Jim Lee").role.as_deref(),
            Some("Security Advisor")
        );
        assert_eq!(find(&all, "Pat Doe").status, AttendanceStatus::InAttendance);
        assert_eq!(sam.provenance.line.map(|l| l.get()), Some(5));
    }

    #[test]
    fn run_together_on_one_line() {
        let all = run(
            "PRESENT: Jo Bloggs – Borough Commander, Police (Chair) Cllr Ann Lee - Cabinet Member for Children and Families Sue Graham – Director of Services Dr Will Moss - Interim Director Public Health Ian Kerr – Victim Support",
        );
        assert_eq!(
            names(&all),
            [
                "Jo Bloggs",
                "Ann Lee",
                "Sue Graham",
                "Will Moss",
                "Ian Kerr"
            ]
        );
        assert!(find(&all, "Jo Bloggs").chair);
        assert_eq!(
            find(&all, "Ann Lee").role.as_deref(),
            Some("Cabinet Member for Children and Families")
        );
        assert_eq!(find(&all, "Will Moss").honorific.as_deref(), Some("Dr"));
    }

    #[test]
    fn paragraph_lists() {
        let all = run(
            "Present: Councillor Rita Watts (Chair), Councillor Max Newton, Libby Stone, Enid Lane and Eamon Moore",
        );
        assert_eq!(
            names(&all),
            [
                "Rita Watts",
                "Max Newton",
                "Libby Stone",
                "Enid Lane",
                "Eamon Moore"
            ]
        );
        assert!(find(&all, "Rita Watts").chair);
        let all = run(
            "Present: Councillors Adams (Chair), Brown and Clarke\nAlso present: Mia Chen (Democratic Services)",
        );
        assert_eq!(names(&all), ["Adams", "Brown", "Clarke", "Mia Chen"]);
        assert!(find(&all, "Adams").chair);
        assert_eq!(find(&all, "Brown").honorific.as_deref(), Some("Councillor"));
        assert_eq!(
            find(&all, "Mia Chen").status,
            AttendanceStatus::InAttendance
        );
    }

    #[test]
    fn vice_chair_is_not_chair() {
        let all = run("Present: Cllr Ann Lee (Vice-Chair), Cllr Bo Ray (Co-Chair)");
        assert!(!find(&all, "Ann Lee").chair);
        assert!(find(&all, "Bo Ray").chair);
    }

    #[test]
    fn a_list_wrapped_out_of_its_labelled_cell() {
        let all = run("MINUTES OF THE AUDIT COMMITTEE HELD ON 24 SEPTEMBER 2009\n\
             PRESENT:\tDave Roberts (Chairman), Councillors Angela Caldara and\n\
             Corinna Edge, Danny Connellan.\n\
             ALSO PRESENT:\tCouncillors Chris Edge, Mark Betteridge, Margaret\n\
             Brierly and Russell Makin.\n\n1. APOLOGIES\n");
        assert_eq!(
            names(&all),
            [
                "Dave Roberts",
                "Angela Caldara",
                "Corinna Edge",
                "Danny Connellan",
                "Chris Edge",
                "Mark Betteridge",
                "Margaret Brierly",
                "Russell Makin"
            ]
        );
        assert_eq!(find(&all, "Corinna Edge").status, AttendanceStatus::Present);
    }

    #[test]
    fn a_sentence_under_a_labelled_row_is_not_part_of_the_list() {
        let all = run("MINUTES OF THE PARISH COUNCIL HELD ON 3 MAY 2021\n\
             PRESENT:\tCllr Dave Roberts, Cllr Angela Caldara\n\
             The Chairman welcomed everyone to the meeting.\n\n1. APOLOGIES\n");
        assert_eq!(names(&all), ["Dave Roberts", "Angela Caldara"]);
    }

    #[test]
    fn mr_and_mrs_of_one_surname_are_two_people() {
        let all = run("MINUTES OF THE COUNTY COUNCIL HELD ON 13 MARCH 2025\n\
             PRESENT: Mrs P T Cole, Mr P Cole, Ms J Meade, Mr J Meade\n\
             Apologies were received from Mr R Ellery and Mrs M Quinlan.\n\n1. MINUTES\n");
        let got: Vec<(&str, Option<&str>)> = all
            .iter()
            .map(|a| (a.name.as_str(), a.honorific.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("P T Cole", Some("Mrs")),
                ("P Cole", Some("Mr")),
                ("J Meade", Some("Ms")),
                ("J Meade", Some("Mr")),
                ("R Ellery", Some("Mr")),
                ("M Quinlan", Some("Mrs"))
            ]
        );
    }

    #[test]
    fn split_in_attendance_label() {
        let all = run(
            "Present: Cllr Al Bee\nIn Fay Park, Otto Wills and Ann Lip, Tess Attendance: Nunn, Eli Mee",
        );
        assert_eq!(
            names(&all),
            [
                "Al Bee",
                "Fay Park",
                "Otto Wills",
                "Ann Lip",
                "Tess Nunn",
                "Eli Mee"
            ]
        );
        assert_eq!(
            find(&all, "Tess Nunn").status,
            AttendanceStatus::InAttendance
        );
    }

    /// Issue #12: a Welsh apologies sentence joins its last name with "ac" or "a".
    #[test]
    fn welsh_apologies_join_the_last_name_with_ac() {
        let all = run(
            "PRESENNOL\nCynghorwyr Alun Bedw a Gwen Eos.\n1. CROESO AC YMDDIHEURIADAU\nDerbyniwyd ymddiheuriadau gan y Cynghorwyr Huw Rhos, Dai Llwyd ac Ifan Twm.\n",
        );
        assert_eq!(
            names(&all),
            ["Alun Bedw", "Gwen Eos", "Huw Rhos", "Dai Llwyd", "Ifan Twm"]
        );
        assert_eq!(find(&all, "Ifan Twm").status, AttendanceStatus::Apologies);
    }

    /// Issue #12: what follows a name is a post or a body; a portfolio's list stays in
    /// the post.
    #[test]
    fn posts_and_bodies_after_a_name() {
        let all = run(
            "Present:\nCllr Ann Cole - Cabinet Member for Early Years, Children and Families\nJo Reid - Homes for Ashby\nSam Lowe - Public Health Consultant\nKim Hart - Executive Director of Housing, Homes for Ashby\n",
        );
        let ann = find(&all, "Ann Cole");
        assert_eq!(
            ann.role.as_deref(),
            Some("Cabinet Member for Early Years, Children and Families")
        );
        assert_eq!(ann.organisation, None);
        let jo = find(&all, "Jo Reid");
        assert_eq!(
            (jo.role.as_deref(), jo.organisation.as_deref()),
            (None, Some("Homes for Ashby"))
        );
        assert_eq!(
            find(&all, "Sam Lowe").role.as_deref(),
            Some("Public Health Consultant")
        );
        let kim = find(&all, "Kim Hart");
        assert_eq!(kim.role.as_deref(), Some("Executive Director of Housing"));
        assert_eq!(kim.organisation.as_deref(), Some("Homes for Ashby"));
    }

    #[test]
    fn apologies_sentences() {
        let all = run(
            "Present: Cllr Al Bee\n9. APOLOGIES\nApologies for absence were received from Rae Liss (CCG), Geo Ocen (Bridge Trust), and Jo McCart (London Assembly), Cllr Mark Blake and Bev Tark.\n",
        );
        assert_eq!(
            names(&all),
            [
                "Al Bee",
                "Rae Liss",
                "Geo Ocen",
                "Jo McCart",
                "Mark Blake",
                "Bev Tark"
            ]
        );
        assert_eq!(find(&all, "Rae Liss").organisation.as_deref(), Some("CCG"));
        assert!(
            all[1..]
                .iter()
                .all(|a| a.status == AttendanceStatus::Apologies)
        );
        let all = run(
            "9. APOLOGIES\nApologies had been received from Ross Sym, Jackie Difo Jon Water and LaToya Ridge.",
        );
        assert_eq!(
            names(&all),
            ["Ross Sym", "Jackie Difo", "Jon Water", "LaToya Ridge"]
        );
    }

    #[test]
    fn apologies_on_following_lines_with_substitutes() {
        let all = run(
            "Present: Jo Hank, Lisa Red\n9. APOLOGIES\n\tApologies for absence were received from the following:\t\n\tSteve Mac- Jo Hank substitutedBarb Nick- Lisa Red substituted\t\n",
        );
        let steve = find(&all, "Steve Mac");
        assert_eq!(steve.status, AttendanceStatus::Apologies);
        let jo = find(&all, "Jo Hank");
        assert_eq!(jo.status, AttendanceStatus::Substitute);
        assert_eq!(jo.substitute_for.as_deref(), Some("Steve Mac"));
        assert_eq!(
            find(&all, "Lisa Red").substitute_for.as_deref(),
            Some("Barb Nick")
        );
        assert_eq!(all.len(), 4);
    }

    #[test]
    fn substitution_phrases() {
        let all = run(
            "Present: Dr Kim Oh (substituting for Dr Lee Tan), Cllr Ann Ray\n9. APOLOGIES\nApologies were received from Cllr Bo Day.\nTim Mill to substitute for Rae Liss, Cllr Ann Ray substituted for Cllr Bo Day.",
        );
        let kim = find(&all, "Kim Oh");
        assert_eq!(kim.status, AttendanceStatus::Substitute);
        assert_eq!(kim.substitute_for.as_deref(), Some("Lee Tan"));
        assert_eq!(
            find(&all, "Ann Ray").substitute_for.as_deref(),
            Some("Bo Day")
        );
        assert_eq!(find(&all, "Tim Mill").status, AttendanceStatus::Substitute);
        assert_eq!(find(&all, "Rae Liss").status, AttendanceStatus::Apologies);
        assert_eq!(find(&all, "Bo Day").status, AttendanceStatus::Apologies);
    }

    #[test]
    fn a_substitution_note_in_an_attendance_table_is_no_role() {
        let all = run(
            "PRESENT\nName\tOrganisation\tRole\nCllr Carol Hart\tCounty Council\tChair\nDr Penny Blackwell\tNHS ICB\t(substituting for Dr Avi Bhatia)\n9. MINUTES\n",
        );
        let penny = find(&all, "Penny Blackwell");
        assert_eq!(penny.status, AttendanceStatus::Substitute);
        assert_eq!(penny.substitute_for.as_deref(), Some("Avi Bhatia"));
        assert_eq!(penny.role, None);
        assert!(find(&all, "Carol Hart").chair);
    }

    #[test]
    fn scottish_labels_convener_and_attending() {
        let all = run(
            "PRESENT:\tCouncillors David Ross (Convener) and Jan Wincott.\nATTENDING:\tKen Gourlay, Chief Executive.\n9. MINUTE\n",
        );
        assert!(find(&all, "David Ross").chair);
        assert_eq!(
            find(&all, "Ken Gourlay").status,
            AttendanceStatus::InAttendance
        );
    }

    #[test]
    fn town_council_attendance() {
        let all = run(
            "Present: Cllrs K Cromwell (Mayor, in the Chair), P Aldridge and C Reid\nIn attendance: Mrs D Pearce (Town Clerk), Mr R Hunt (Deputy Clerk) and 3 members of the public\n\nPART ONE\nIN PUBLIC\n9. APOLOGIES\n",
        );
        let names: Vec<&str> = all.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            names,
            ["K Cromwell", "P Aldridge", "C Reid", "D Pearce", "R Hunt"]
        );
        let mayor = find(&all, "K Cromwell");
        assert!(mayor.chair);
        assert_eq!(mayor.role.as_deref(), Some("Mayor"));
        let hunt = find(&all, "R Hunt");
        assert_eq!(
            hunt.role.as_deref(),
            Some("Deputy Clerk"),
            "no heading glued on"
        );
        assert_eq!(hunt.status, AttendanceStatus::InAttendance);
    }

    /// Issue #12: headings, roads and money lines in a parish preamble are no people;
    /// a surname that is also a word (Hall) still is, with its honorific.
    #[test]
    fn headings_and_places_are_not_people() {
        let all = run("Present: Mrs A Hall, Ben Ray\nMatters Arising\nLynn Road\nTotal Receipts\n");
        assert_eq!(names(&all), ["A Hall", "Ben Ray"]);
        // a plural title over a heading is no person either
        let all = run(
            "Apologies: Cllr Ann Cole\nCouncillors Other Business:\nThe bins were discussed.\n",
        );
        assert_eq!(names(&all), ["Ann Cole"]);
    }

    #[test]
    fn a_substitutes_member_is_named_as_on_the_roll() {
        let all = run(
            "Present: Councillors J Robinson (Chair) and C Povall\n9. APOLOGIES\nApologies for absence were received from Councillors A Gardner and T Laing. Councillor C Povall attended as a substitute for Councillor Gardner.",
        );
        let povall = find(&all, "C Povall");
        assert_eq!(povall.status, AttendanceStatus::Substitute);
        assert_eq!(povall.substitute_for.as_deref(), Some("A Gardner"));
        // Two people fit a bare surname: it stays as printed.
        let all = run(
            "Present: Cllr Ann Ray\n9. APOLOGIES\nApologies were received from Cllr Bo Day and Cllr Al Day. Cllr Ann Ray substituted for Cllr Day.",
        );
        assert_eq!(find(&all, "Ann Ray").substitute_for.as_deref(), Some("Day"));
    }

    #[test]
    fn substitute_members_label() {
        let all = run(
            "Present: Cllr Al Bee\nSubstitute Members: Cllr Cy Dee (for Cllr Ed Eff)\nAbsent: Cllr Gus Hay",
        );
        let cy = find(&all, "Cy Dee");
        assert_eq!(cy.status, AttendanceStatus::Substitute);
        assert_eq!(cy.substitute_for.as_deref(), Some("Ed Eff"));
        assert_eq!(find(&all, "Gus Hay").status, AttendanceStatus::Absent);
    }

    #[test]
    fn table_form() {
        let all = run(
            "Attendance\nName\tOrganisation\tRole\nAnn Lee\tHaringey Council\tChair\nDr Bo Ray\tNHS\tDirector of Public Health\nCy Dee\tPolice\tInspector",
        );
        assert_eq!(names(&all), ["Ann Lee", "Bo Ray", "Cy Dee"]);
        let ann = find(&all, "Ann Lee");
        assert!(ann.chair);
        assert_eq!(ann.organisation.as_deref(), Some("Haringey Council"));
        assert_eq!(
            find(&all, "Bo Ray").role.as_deref(),
            Some("Director of Public Health")
        );
        let all = run("Name\tAttendance\nAnn Lee\tPresent\nBo Ray\tApologies");
        assert_eq!(find(&all, "Bo Ray").status, AttendanceStatus::Apologies);
    }

    #[test]
    fn one_entry_per_person() {
        let all = run(
            "PRESENT:\nDaniella Casa - Metropolitan Police\nPC Daniela Casa – Metropolitan Police\n9. APOLOGIES\nApologies were received from Daniella Casa.",
        );
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].status, AttendanceStatus::Present);
    }

    #[test]
    fn no_apologies_no_people() {
        assert!(run("9. APOLOGIES\nThere were no apologies for absence received.").is_empty());
    }

    #[test]
    fn other_house_styles() {
        let all = run(
            "Councillors Present: Councillor J Smith (Chairman); Councillors B. Jones, C White and Khan\nOfficers in attendance: Amy Fox (Democratic Services Officer)\nAbsent without apologies: Councillor Dee Poe\n9. APOLOGIES FOR ABSENCE\nAn apology for absence was received from Councillor Ray Moe. Councillor Ida Vance attended as a substitute.\nCouncillor Ned Oak sent apologies.",
        );
        assert_eq!(
            names(&all),
            [
                "J Smith",
                "B. Jones",
                "C White",
                "Khan",
                "Amy Fox",
                "Dee Poe",
                "Ray Moe",
                "Ned Oak",
                "Ida Vance"
            ]
        );
        assert!(find(&all, "J Smith").chair);
        assert_eq!(find(&all, "Khan").honorific.as_deref(), Some("Councillor"));
        assert_eq!(find(&all, "Amy Fox").status, AttendanceStatus::InAttendance);
        assert_eq!(find(&all, "Dee Poe").status, AttendanceStatus::Absent);
        assert_eq!(find(&all, "Ray Moe").status, AttendanceStatus::Apologies);
        assert_eq!(find(&all, "Ida Vance").status, AttendanceStatus::Substitute);
        assert_eq!(find(&all, "Ned Oak").status, AttendanceStatus::Apologies);
    }

    #[test]
    fn rows_without_header_read_cell_by_cell() {
        let all = run("Present:\nCllr Ann Lee\tCllr Bo Ray\nJo Kay\tVictim Support");
        assert_eq!(names(&all), ["Ann Lee", "Bo Ray", "Jo Kay"]);
        assert_eq!(find(&all, "Jo Kay").role.as_deref(), Some("Victim Support"));
    }

    #[test]
    fn titles_and_sub_labels() {
        let all = run(
            "PRESENT\nCouncillors: Ann Lee (Chair), Bo Ray\nCo-opted Members: Mr Cy Dee\nThe Mayor (Councillor Ed Eff)",
        );
        assert_eq!(names(&all), ["Ann Lee", "Bo Ray", "Cy Dee", "Ed Eff"]);
        assert!(all.iter().all(|a| a.status == AttendanceStatus::Present));
        assert_eq!(find(&all, "Ed Eff").role.as_deref(), Some("The Mayor"));
        assert_eq!(
            find(&all, "Bo Ray").honorific.as_deref(),
            Some("Councillor")
        );
    }

    #[test]
    fn modern_gov_style() {
        let all = run(
            "Present: Councillor Jane Doe (Chair), Councillor John Roe (Vice-Chair), Councillors Alan Bee, Cathy Cee and Dan Dee\nAlso Present: Councillor Eve Eff (Cabinet Member for Housing)\nOfficers: Gary Gee (Director of Place), Helen Hay (Democratic Services Officer)\n9. Apologies for Absence and Substitutions\nApologies for absence were received from Councillor Ian Eye (Councillor Kim Kay substituting) and Councillor Lee Ell.\nCouncillor Alan Bee declared an interest.",
        );
        assert_eq!(
            names(&all),
            [
                "Jane Doe",
                "John Roe",
                "Alan Bee",
                "Cathy Cee",
                "Dan Dee",
                "Eve Eff",
                "Gary Gee",
                "Helen Hay",
                "Kim Kay",
                "Ian Eye",
                "Lee Ell"
            ]
        );
        assert!(find(&all, "Jane Doe").chair);
        assert!(!find(&all, "John Roe").chair);
        assert_eq!(
            find(&all, "Cathy Cee").honorific.as_deref(),
            Some("Councillor")
        );
        assert_eq!(find(&all, "Eve Eff").status, AttendanceStatus::InAttendance);
        assert_eq!(
            find(&all, "Gary Gee").status,
            AttendanceStatus::InAttendance
        );
        assert_eq!(
            find(&all, "Kim Kay").substitute_for.as_deref(),
            Some("Ian Eye")
        );
        assert_eq!(find(&all, "Lee Ell").status, AttendanceStatus::Apologies);
    }

    #[test]
    fn apologies_from_plural_councillors() {
        let all = run(
            "9. APOLOGIES\nApologies for absence were received from Councillors Smith and Jones.\nApologies were received from the following members:\nCllr Ann Lee\nCllr Bo Ray\n\nThe Committee noted the apologies.",
        );
        assert_eq!(names(&all), ["Smith", "Jones", "Ann Lee", "Bo Ray"]);
        assert!(all.iter().all(|a| a.status == AttendanceStatus::Apologies));
    }

    #[test]
    fn prose_after_the_list_is_not_a_label() {
        let all =
            run("Present: Cllr Ann Lee\nOfficers reported that Cllr Bo Ray had sent a message.");
        assert_eq!(names(&all), ["Ann Lee"]);
        assert_eq!(all[0].role, None);
    }

    #[test]
    fn chair_suffix_and_item_attendance() {
        let all = run(
            "PRESENT:\nCouncillor B Ash in the Chair\nCouncillors K Dun and M Iq\n9. Housing\nIn attendance for this item were Jas Sut (Chief Officer Housing) and Ravi Chan (Head of Property).",
        );
        assert_eq!(
            names(&all),
            ["B Ash", "K Dun", "M Iq", "Jas Sut", "Ravi Chan"]
        );
        assert!(find(&all, "B Ash").chair);
        assert_eq!(find(&all, "Jas Sut").status, AttendanceStatus::InAttendance);
        let all = run(
            "9. Apologies\nCouncillor A Whit was in attendance as a substitute for Councillor J Rav.",
        );
        assert_eq!(find(&all, "A Whit").status, AttendanceStatus::Substitute);
        assert_eq!(find(&all, "J Rav").status, AttendanceStatus::Apologies);
    }

    #[test]
    fn semicolon_entries_keep_commas_in_roles() {
        let all = run(
            "In attendance: Lucy Arm, Director of Law and Governance; Peter Str, Executive Director for Children, Families and Lifelong Learning\nPART ONE\nUNRESTRICTED ITEMS",
        );
        assert_eq!(names(&all), ["Lucy Arm", "Peter Str"]);
        assert!(
            all.iter()
                .all(|a| a.status == AttendanceStatus::InAttendance)
        );
    }

    #[test]
    fn cabinet_members_label_and_minute_taker() {
        let all = run(
            "Present\nCommittee Members:\nCouncillor Rhys Bake (Chairman)\nCabinet Members:\nCouncillor Rhea Ray (Cabinet Member for Waste)\nAttendance\nName\tOrganisation\tRole\nNat Birch\tCouncil\tSupport Officer (minutes)",
        );
        assert_eq!(find(&all, "Rhys Bake").status, AttendanceStatus::Present);
        assert_eq!(
            find(&all, "Rhea Ray").status,
            AttendanceStatus::InAttendance
        );
        assert_eq!(
            find(&all, "Nat Birch").status,
            AttendanceStatus::InAttendance
        );
    }

    #[test]
    fn substitutes_label_pairs_and_bracketed_chair_before_dash() {
        let all = run(
            "Members Present:\nCouncillor Mor Trel (Chair) – Cornwall Council\nBen Kit – Police\nApologies: Councillor Neil Treg, Sally-Anne Creb (OPCC)\nSubstitutes: Marc Polg for Sally-Anne Creb",
        );
        assert!(find(&all, "Mor Trel").chair);
        assert_eq!(
            find(&all, "Mor Trel").organisation.as_deref(),
            Some("Cornwall Council")
        );
        let marc = find(&all, "Marc Polg");
        assert_eq!(marc.status, AttendanceStatus::Substitute);
        assert_eq!(marc.substitute_for.as_deref(), Some("Sally-Anne Creb"));
        assert_eq!(
            find(&all, "Sally-Anne Creb").status,
            AttendanceStatus::Apologies
        );
    }

    #[test]
    fn apologies_received_and_accepted() {
        let all = run(
            "9. Apologies\nApologies were received and accepted from Cllrs Gord Beale and Ines Marc.",
        );
        assert_eq!(names(&all), ["Gord Beale", "Ines Marc"]);
        assert!(all.iter().all(|a| a.status == AttendanceStatus::Apologies));
    }

    #[test]
    fn attendance_grid_substitute_status() {
        let all = run(
            "Name\tAttendance\nCllr Tob Quay\tPresent as substitute for Cllr Bren Hew\nCllr Bren Hew\tApologies\nHugo Fen\tAbsent",
        );
        let tob = find(&all, "Tob Quay");
        assert_eq!(tob.status, AttendanceStatus::Substitute);
        assert_eq!(tob.substitute_for.as_deref(), Some("Bren Hew"));
        assert_eq!(find(&all, "Bren Hew").status, AttendanceStatus::Apologies);
        assert_eq!(find(&all, "Hugo Fen").status, AttendanceStatus::Absent);
    }

    /// Issue #5: ModernGov's attendance statuses. "Apologies, sent substitute" is the
    /// member who was away; "Expected" records nobody's attendance yet, and is named in
    /// a warning instead.
    #[test]
    fn attendance_grid_moderngov_statuses() {
        let (all, warnings) = run_reporting(
            "Attendee\tRole\tAttendance\tNotes\nCllr Gar Pri\tMember\tApologies, sent substitute\nCllr Ru Fenn\tSubstitute\tPresent as substitute\tSubstitute for Cllr Gar Pri\nCllr Amy Lei\tMember\tExpected\nSa Neill\tOfficer\tIn attendance",
        );
        assert_eq!(find(&all, "Gar Pri").status, AttendanceStatus::Apologies);
        assert_eq!(find(&all, "Ru Fenn").status, AttendanceStatus::Substitute);
        assert_eq!(
            find(&all, "Ru Fenn").substitute_for.as_deref(),
            Some("Gar Pri")
        );
        assert_eq!(
            find(&all, "Sa Neill").status,
            AttendanceStatus::InAttendance
        );
        assert!(all.iter().all(|a| a.name != "Amy Lei"));
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].code, "attendance-unrecorded");
        assert!(warnings[0].message.contains("Amy Lei"));
        assert!(warnings[0].message.contains("Expected"));
        assert_eq!(
            warnings[0].provenance.and_then(|p| p.line).map(|l| l.get()),
            Some(4)
        );
    }

    /// Issue #12: a community council's one-paragraph attendance: a post before the
    /// titles, stacked titles, "& the Clerk" and the members of the public after them.
    #[test]
    fn one_paragraph_attendance_with_stacked_titles_and_the_public() {
        let all = run(
            "Present: Chairman Cllr Mrs Bee, Cllrs Hart, Cole, County Cllr Mrs Webb and the Clerk. Members of the public – Mr Tom Reed, Mrs A. Lowe.\n2701. Police Report: none.\n",
        );
        assert_eq!(
            names(&all),
            ["Bee", "Hart", "Cole", "Webb", "Tom Reed", "A. Lowe"]
        );
        let bee = find(&all, "Bee");
        assert!(bee.chair);
        assert_eq!(bee.honorific.as_deref(), Some("Cllr Mrs"));
        assert_eq!(find(&all, "Cole").role, None);
        assert_eq!(
            find(&all, "Tom Reed").status,
            AttendanceStatus::InAttendance
        );
        assert_eq!(find(&all, "Webb").status, AttendanceStatus::Present);
        let all = run("Present: Cllrs Hart, Cole & the Clerk.\n2701. Police Report: none.\n");
        assert_eq!(names(&all), ["Hart", "Cole"]);
        assert_eq!(find(&all, "Cole").role, None);
    }

    /// Issue #12: a list printed without commas is split at each person's title; honours
    /// after a name are not part of it.
    #[test]
    fn titles_part_a_list_without_commas_and_honours_stay_out() {
        let all = run(
            "Present: Cllr Sue Bee (Chair) Cllr Kit Hart (Vice-Chair) Cllr Ann Cole Cllr Gail Reed\nApologies were received from Mr R Love OBE and Ms K Lee.\n",
        );
        assert_eq!(
            names(&all),
            [
                "Sue Bee",
                "Kit Hart",
                "Ann Cole",
                "Gail Reed",
                "R Love",
                "K Lee"
            ]
        );
        assert_eq!(find(&all, "R Love").status, AttendanceStatus::Apologies);
        // a label before a titled name, and a surname that is also a title or a thing
        let all =
            run("Present: Mrs Sarah Lord, Mrs Ann Gates\nIn attendance: REMOTELY: Mr S Jones\n");
        assert_eq!(names(&all), ["Sarah Lord", "Ann Gates", "S Jones"]);
    }

    /// Issue #12: where no minute heading is recognised, the paragraphs after the
    /// apologies are minutes, not more apologies.
    #[test]
    fn prose_and_headings_end_the_attendance_lists() {
        let all = run(
            "Present: Cllr Ann Bee, Cllr Tom Hart\nApologies: Cllr Kim Cole\nMatters Arising:\nLitter Bins - the Clerk has written to the Borough about the bins that are full.\nBus Shelter - it was agreed to ask for a quote.\n",
        );
        assert_eq!(names(&all), ["Ann Bee", "Tom Hart", "Kim Cole"]);
    }

    /// Issue #12: a minutes form prints the apologies and the chair beside the members
    /// present; a label in a later cell opens a list for the rest of its row only.
    #[test]
    fn a_minutes_form_keeps_its_two_lists_apart() {
        let all = run(
            "Date held:\t3rd May 2012\tVenue:\tVillage Hall\nPresent:\t\t\t\nJo Bee (JB)\tClerk\tApologies:\tKim Cole\nAnn Hart (AH)\tCouncillor\tChair:\tAnn Hart\nTom Reed (TR)\tCouncillor\t\t\n1. Apologies\n",
        );
        assert_eq!(names(&all), ["Jo Bee", "Kim Cole", "Ann Hart", "Tom Reed"]);
        assert_eq!(find(&all, "Jo Bee").status, AttendanceStatus::InAttendance);
        assert_eq!(find(&all, "Kim Cole").status, AttendanceStatus::Apologies);
        assert_eq!(find(&all, "Ann Hart").status, AttendanceStatus::Present);
        assert_eq!(find(&all, "Tom Reed").status, AttendanceStatus::Present);
    }
}
