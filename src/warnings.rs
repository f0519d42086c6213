//! The registry of warning codes: one row per code, each with what it detects.
//!
//! Warnings go into a pack's `warnings` array; they never fail the pack.

use crate::model::Provenance;
use crate::pack::Warning;

macro_rules! codes {
    ($( $(#[doc = $doc:literal])* $variant:ident = $code:literal ),* $(,)?) => {
        /// A warning code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Code {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Code {
            /// Every code, in registry order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code as written in the JSON.
            pub fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $code, )* }
            }

            /// What the code detects (its doc line).
            pub fn describe(self) -> &'static str {
                match self { $( Code::$variant => concat!($($doc),*).trim_ascii(), )* }
            }
        }
    };
}

codes! {
    /// The input was not valid UTF-8 and was decoded as Windows-1252.
    DecodedAsWindows1252 = "decoded-as-windows-1252",
    /// Neither a notice of meeting nor any minutes were recognised.
    NoMeeting = "no-meeting",
    /// Minutes were found but their meeting date could not be read.
    MinutesWithoutDate = "minutes-without-date",
    /// Minutes whose text gives no meeting date took the date in the input's file name
    /// ("20211025.txt", "minutes-2019-05-15.md"): check it by hand.
    DateFromFileName = "date-from-file-name",
    /// Minutes were found but no attendee could be read from them.
    MinutesWithoutAttendees = "minutes-without-attendees",
    /// Minutes were found but no decision could be read from them.
    MinutesWithoutDecisions = "minutes-without-decisions",
    /// No council was recognised: the default rules were used.
    UnknownCouncil = "unknown-council",
    /// An attendance-table row whose status records no attendance yet ("Expected",
    /// "Not recorded"): the person is left out of `attendees`, named here instead.
    AttendanceUnrecorded = "attendance-unrecorded",
    /// PDF pages with no text at all (scans): OCR is not attempted.
    NoTextLayer = "no-text-layer",
    /// The PDF's cross-reference table was damaged and rebuilt by scanning the file.
    PdfRepaired = "pdf-repaired",
    /// A PDF font could not be read fully (no way to map its codes to Unicode, a broken
    /// dictionary): some text may be missing or wrong.
    PdfFont = "pdf-font",
}

impl Code {
    /// A warning with this code.
    pub fn warn(self, message: impl Into<String>, provenance: Option<Provenance>) -> Warning {
        Warning {
            code: self.as_str().to_string(),
            message: message.into(),
            provenance,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.as_str()), "duplicate code {}", c.as_str());
            assert!(!c.describe().is_empty());
        }
    }
}
