//! The output contract (`OUTPUT.md`, schema version 1) as Rust types.
//!
//! Field names here are the JSON names and are promises to users: add fields freely,
//! never rename or remove one without moving [`SCHEMA_VERSION`]. The JSON Schema in
//! `schema/pack.schema.json` is generated from these types (`councilpack schema`) and a
//! test fails when the committed file is stale.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::Provenance;

/// The version of the output contract these types implement.
pub const SCHEMA_VERSION: &str = "1";

/// One extracted pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: String,
    /// The input this pack was read from.
    pub source: Source,
    /// The council that published the pack ("Haringey", "Stoke Ferry"), when known: the
    /// place, without the kind of council a town, parish or community council's name
    /// carries.
    pub council: Option<String>,
    /// The council's name as the pack's text prints it ("Stoke Ferry Parish Council"),
    /// when a phrase of the text gave it.
    #[serde(default)]
    pub council_printed: Option<String>,
    /// The meeting the pack summons (kind `notice`) and every set of minutes printed in it.
    pub meetings: Vec<Meeting>,
    /// The pack's parts: agenda front sheet, minutes, reports, appendices…
    pub documents: Vec<Segment>,
    /// Action-plan tables with their rows.
    pub action_plans: Vec<ActionPlan>,
    /// Numeric tables.
    pub tables: Vec<Table>,
    /// What could not be read or looked doubtful.
    pub warnings: Vec<Warning>,
}

/// The input file of a pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Path as given on the command line (or found under a given folder).
    pub path: String,
    /// SHA-256 of the input bytes, lowercase hex.
    pub sha256: String,
    /// The loader that read it.
    pub format: Format,
    /// Size of the input in bytes.
    pub bytes: u64,
    /// Physical pages, when the format has pages.
    pub pages: Option<u32>,
}

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// PDF.
    Pdf,
    /// HTML.
    Html,
    /// Plain text (UTF-8 or Windows-1252).
    Text,
}

/// Whether a meeting is summoned by the pack or recorded in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum MeetingKind {
    /// The meeting this pack summons (the front-sheet notice and agenda).
    Notice,
    /// A meeting recorded by minutes printed inside the pack.
    Minutes,
}

/// A meeting: the one summoned, or one recorded by minutes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Stable id derived from council, body, kind and date.
    pub id: String,
    /// Notice or minutes.
    pub kind: MeetingKind,
    /// Council, when known.
    pub council: Option<String>,
    /// The committee, board or partnership, in the one form every meeting of the pack
    /// gives that body (a name printed only in capitals in title case), to group on.
    pub body: Option<String>,
    /// The body's name in the casing this meeting's heading prints it ("COMMUNITY SAFETY
    /// PARTNERSHIP" on a notice whose minutes print "Community Safety Partnership"): the
    /// name read out of the heading (minutes words and dates left out), or the
    /// letterhead's council for "the above Council".
    #[serde(default)]
    pub body_printed: Option<String>,
    /// ISO date.
    pub date: Option<String>,
    /// Start time, 24h `HH:MM`.
    pub time: Option<String>,
    /// End time, 24h `HH:MM`.
    pub end_time: Option<String>,
    /// Venue as written.
    pub location: Option<String>,
    /// Agenda items (notice meetings).
    pub agenda: Vec<AgendaItem>,
    /// Attendees (minutes).
    pub attendees: Vec<Attendee>,
    /// Minute headings (minutes).
    pub items: Vec<MinuteItem>,
    /// Formal decisions (minutes).
    pub resolutions: Vec<Resolution>,
    /// Actions with named owners (minutes).
    pub actions: Vec<Action>,
    /// Where the meeting's heading is.
    pub provenance: Provenance,
}

/// One item of an agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// Item number as printed ("5", "7a", "HSP19").
    pub number: String,
    /// Title without the page reference.
    pub title: String,
    /// First pack page of the item's papers, from "(PAGES 1 - 8)".
    pub page_start: Option<u32>,
    /// Last pack page of the item's papers.
    pub page_end: Option<u32>,
    /// Where the item is.
    pub provenance: Provenance,
}

/// Attendance status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AttendanceStatus {
    /// Listed as present.
    Present,
    /// Sent apologies.
    Apologies,
    /// Recorded as absent.
    Absent,
    /// Attended as a substitute.
    Substitute,
    /// In attendance / also present (officers, guests).
    InAttendance,
}

/// A person recorded in minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attendee {
    /// Name without honorific.
    pub name: String,
    /// "Cllr", "Dr", "Councillor"… as printed.
    pub honorific: Option<String>,
    /// Role or job title.
    pub role: Option<String>,
    /// Organisation.
    pub organisation: Option<String>,
    /// Attendance status.
    pub status: AttendanceStatus,
    /// For substitutes: whom they stood in for.
    pub substitute_for: Option<String>,
    /// Chair, co-chair or chairman as marked.
    pub chair: bool,
    /// Where the name is.
    pub provenance: Provenance,
}

/// A minute heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MinuteItem {
    /// Minute number as printed ("21", "HSP19", "23/45").
    pub number: String,
    /// Heading text.
    pub title: String,
    /// Where the heading is.
    pub provenance: Provenance,
}

/// A formal decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resolution {
    /// Stable id.
    pub id: String,
    /// The minute number it sits under.
    pub item: Option<String>,
    /// Everything the resolution says, sub-points included.
    pub text: String,
    /// Where it starts.
    pub provenance: Provenance,
}

/// An action recorded in minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Stable id (council, body, meeting date, item, normalised text).
    pub id: String,
    /// The minute number it sits under.
    pub item: Option<String>,
    /// What must be done.
    pub text: String,
    /// Who must do it.
    pub owners: Vec<Owner>,
    /// Due date, ISO, when printed.
    pub due: Option<String>,
    /// Status as printed.
    pub status: Option<String>,
    /// Where the action marker is.
    pub provenance: Provenance,
}

/// What kind of owner an action has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum OwnerKind {
    /// A named person.
    Person,
    /// A post ("Chair", "Clerk", "Director of Public Health").
    Role,
    /// A team or body ("Communications Team", "Partnership").
    Group,
}

/// An owner of an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Owner {
    /// Resolved, cleaned name.
    pub name: String,
    /// As printed.
    pub raw: String,
    /// Person, role or group.
    pub kind: OwnerKind,
}

/// Kinds of pack segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    /// The front sheet: notice and agenda.
    Agenda,
    /// Printed minutes of a meeting.
    Minutes,
    /// A report (usually with a cover sheet).
    Report,
    /// An appendix to a report.
    Appendix,
    /// Slides.
    Presentation,
    /// A membership list.
    Membership,
    /// Anything else.
    Other,
}

/// A part of the pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    /// What the part is.
    pub kind: SegmentKind,
    /// Its title, when it has one.
    pub title: Option<String>,
    /// First physical page (or pack page when only stamps are known).
    pub page_start: Option<u32>,
    /// Last page.
    pub page_end: Option<u32>,
    /// First line of the part in the normalised text.
    pub line_start: Option<u32>,
    /// Last line.
    pub line_end: Option<u32>,
    /// Report cover-sheet fields ("Report Author", "Date of Report"…), as printed.
    pub metadata: Vec<MetadataField>,
}

/// One key/value row of a report cover sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetadataField {
    /// The label ("Report Author").
    pub key: String,
    /// The value.
    pub value: String,
}

/// An action-plan table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionPlan {
    /// Title of the plan, when printed above it.
    pub title: Option<String>,
    /// Where the plan's header row is.
    pub provenance: Provenance,
    /// Its rows.
    pub actions: Vec<PlanAction>,
}

/// One row of an action plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanAction {
    /// Stable id.
    pub id: String,
    /// Row number or reference as printed.
    pub r#ref: Option<String>,
    /// Theme or priority the row sits under.
    pub theme: Option<String>,
    /// The action's text.
    pub text: String,
    /// Responsible people or roles.
    pub owners: Vec<Owner>,
    /// Lead organisation.
    pub organisation: Option<String>,
    /// Start date, ISO; `null` when the cell holds no full date (see `start_raw`).
    pub start: Option<String>,
    /// The start cell as printed ("01/04/2019", "Continuous", "Q3 2023/24").
    pub start_raw: Option<String>,
    /// End date, ISO; `null` when the cell holds no full date (see `end_raw`).
    pub end: Option<String>,
    /// The end or timescale cell as printed.
    pub end_raw: Option<String>,
    /// RAG or progress as printed.
    pub status: Option<String>,
    /// Comment or progress note.
    pub comment: Option<String>,
    /// Where the row starts.
    pub provenance: Provenance,
}

/// A numeric table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// Stable id.
    pub id: String,
    /// Caption or the line above the table.
    pub title: Option<String>,
    /// Where the table starts.
    pub provenance: Provenance,
    /// Header rows, each a list of cell texts.
    pub header: Vec<Vec<String>>,
    /// Body rows.
    pub rows: Vec<Vec<TableCell>>,
}

/// One typed cell of a numeric table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableCell {
    /// As printed.
    pub text: String,
    /// The number, when the cell holds one.
    pub value: Option<f64>,
    /// "%", "£", "£m", "£k"… when the number has one.
    pub unit: Option<String>,
}

/// Something the extractor could not read or doubted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Warning {
    /// A code from the registry in `warnings.rs`.
    pub code: String,
    /// What happened, in words.
    pub message: String,
    /// Where, when it is tied to a place.
    pub provenance: Option<Provenance>,
}

/// The JSON Schema of [`Pack`], pretty-printed with a trailing newline
/// (the content of `schema/pack.schema.json`).
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Pack);
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}
