//! Writing export rows as CSV or JSON lines, to stdout or to a file.
//!
//! Takes rows that are already filtered and sorted; returns nothing but I/O errors. CSV is
//! RFC 4180 (fields with commas, quotes or line breaks are quoted, quotes doubled), UTF-8,
//! with a header row even when there are no rows, so a nightly job reading an empty delta
//! still sees the columns. A file is written through a temporary file in the same folder
//! and renamed into place, so a failed export never leaves half a file (issue #5).

use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};
use serde::Serialize;

/// The encodings an export can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// RFC 4180 CSV with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// A row type whose CSV header is known without a row: the field names in the order
/// serde writes them (a unit test per type checks that they agree).
pub trait Columns {
    /// The CSV header.
    const COLUMNS: &'static [&'static str];
}

/// Where and how rows are written.
#[derive(Debug, Clone, Copy)]
pub struct Sink<'a> {
    /// `None`: stdout.
    pub out: Option<&'a Path>,
    /// CSV or JSONL.
    pub format: Format,
    /// Start a CSV with a UTF-8 byte order mark (for spreadsheets that guess the encoding).
    pub bom: bool,
}

impl Sink<'_> {
    /// Writes `rows` under `header` (CSV only; JSONL carries field names in each line).
    pub fn write<T: Serialize>(
        &self,
        header: &[&str],
        rows: impl IntoIterator<Item = T>,
    ) -> Result<()> {
        let Some(path) = self.out else {
            let stdout = io::stdout().lock();
            encode(BufWriter::new(stdout), self, header, rows).context("writing to stdout")?;
            return Ok(());
        };
        let mut tmp = crate::output::temp_file_beside(path)?;
        encode(BufWriter::new(tmp.as_file_mut()), self, header, rows)
            .with_context(|| format!("writing {}", path.display()))?;
        tmp.persist(path)
            .map_err(|e| e.error)
            .with_context(|| format!("renaming into {}", path.display()))?;
        Ok(())
    }
}

/// Encodes rows; every error is an `io::Error`, so that a closed pipe (`| head`) is
/// recognised as one by `main`.
fn encode<W: Write, T: Serialize>(
    mut w: W,
    sink: &Sink<'_>,
    header: &[&str],
    rows: impl IntoIterator<Item = T>,
) -> io::Result<()> {
    match sink.format {
        Format::Csv => {
            if sink.bom {
                w.write_all("\u{feff}".as_bytes())?;
            }
            let mut csv = csv::WriterBuilder::new().has_headers(false).from_writer(w);
            csv.write_record(header).map_err(csv_io)?;
            for row in rows {
                csv.serialize(row).map_err(csv_io)?;
            }
            csv.flush()?;
        }
        Format::Jsonl => {
            for row in rows {
                serde_json::to_writer(&mut w, &row)?;
                w.write_all(b"\n")?;
            }
            w.flush()?;
        }
    }
    Ok(())
}

/// The I/O error inside a csv error, else the csv error as an I/O error.
fn csv_io(e: csv::Error) -> io::Error {
    if !e.is_io_error() {
        return io::Error::other(e);
    }
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// The CSV header serde writes for `row`, for the tests that check [`Columns`].
#[cfg(test)]
pub fn serialized_header<T: Serialize>(row: &T) -> Vec<String> {
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.serialize(row).unwrap();
    let bytes = csv.into_inner().unwrap();
    let mut rdr = csv::Reader::from_reader(bytes.as_slice());
    rdr.headers().unwrap().iter().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Row<'a> {
        id: &'a str,
        text: &'a str,
        page: Option<u32>,
    }

    fn csv_of(rows: &[Row<'_>], bom: bool) -> String {
        let sink = Sink {
            out: None,
            format: Format::Csv,
            bom,
        };
        let mut buf = Vec::new();
        encode(&mut buf, &sink, &["id", "text", "page"], rows).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn csv_quotes_commas_quotes_and_newlines() {
        let text = "Report back, \"soon\"\nto the Board – £5m";
        let out = csv_of(
            &[Row {
                id: "act-1",
                text,
                page: None,
            }],
            false,
        );
        assert_eq!(
            out,
            "id,text,page\nact-1,\"Report back, \"\"soon\"\"\nto the Board – £5m\",\n"
        );
        // and it reads back to the same text
        let mut rdr = csv::Reader::from_reader(out.as_bytes());
        let rec = rdr.records().next().unwrap().unwrap();
        assert_eq!(&rec[1], text);
        assert_eq!(&rec[2], "");
    }

    #[test]
    fn empty_csv_still_has_its_header_and_bom_is_optional() {
        assert_eq!(csv_of(&[], false), "id,text,page\n");
        assert_eq!(csv_of(&[], true), "\u{feff}id,text,page\n");
    }

    #[test]
    fn jsonl_is_one_object_per_line_with_nulls() {
        let sink = Sink {
            out: None,
            format: Format::Jsonl,
            bom: false,
        };
        let mut buf = Vec::new();
        let rows = [
            Row {
                id: "a",
                text: "x\ny",
                page: Some(2),
            },
            Row {
                id: "b",
                text: "z",
                page: None,
            },
        ];
        encode(&mut buf, &sink, &[], &rows).unwrap();
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            "{\"id\":\"a\",\"text\":\"x\\ny\",\"page\":2}\n{\"id\":\"b\",\"text\":\"z\",\"page\":null}\n"
        );
    }

    #[test]
    fn a_file_is_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actions.csv");
        std::fs::write(&path, "old").unwrap();
        let sink = Sink {
            out: Some(&path),
            format: Format::Csv,
            bom: false,
        };
        sink.write(&["id", "text", "page"], Vec::<Row<'_>>::new())
            .unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "id,text,page\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
