//! The PDF loader over the hand-built fixtures in `tests/fixtures/pdf` (one per font
//! encoding, operator family, geometry case and broken-file case; see the README there):
//! each file's normalised text must equal its `NAME.expected.txt`, and a file without an
//! expected text must fail with a clear error.

use std::path::{Path, PathBuf};

use councilpack::load::pdf::load;
use councilpack::model::Document;

use crate::util::repo;

/// Fixtures that break a limit (decompressed size, Form XObject nesting): failing the
/// file with a clear message satisfies issue #4 as well as reading the rest of it.
const LIMIT_BREACHES: &[&str] = &["zip_bomb", "deep_nesting"];

fn fixtures() -> Vec<PathBuf> {
    let dir = repo().join("tests/fixtures/pdf");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/pdf")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    files
}

/// The document as the expected files write it: pages separated by a form feed, lines
/// by `\n`, cells by a tab, paragraph breaks inside a cell as one space; blank lines
/// (paragraph gaps) left out, and runs of spaces folded.
fn render(doc: &Document) -> String {
    let mut pages: Vec<Vec<String>> = vec![Vec::new(); doc.pages.len().max(1)];
    for line in &doc.lines {
        if line.is_blank() {
            continue;
        }
        let page = line.provenance.page.map_or(1, |p| p.get() as usize);
        let text = if line.is_row() {
            line.cells
                .iter()
                .map(|c| fold(&c.text))
                .collect::<Vec<_>>()
                .join("\t")
        } else {
            fold(&line.text)
        };
        pages[page - 1].push(text);
    }
    pages
        .iter()
        .map(|p| p.join("\n"))
        .collect::<Vec<_>>()
        .join("\n\u{c}")
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn expected(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path.with_extension("expected.txt")).ok()?;
    let pages: Vec<String> = text
        .split('\u{c}')
        .map(|p| {
            p.lines()
                .map(|l| l.split('\t').map(fold).collect::<Vec<_>>().join("\t"))
                .filter(|l| !l.trim().is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    Some(pages.join("\n\u{c}"))
}

#[test]
fn every_fixture_reads_as_expected_or_fails_clearly() {
    let mut failures = Vec::new();
    for path in fixtures() {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&path).expect("fixture bytes");
        let got = load(&path, &bytes);
        match (expected(&path), got) {
            (Some(want), Ok(loaded)) => {
                let have = render(&loaded.doc);
                if have != want {
                    failures.push(format!("{name}:\n--- expected\n{want}\n--- got\n{have}"));
                }
            }
            (Some(_), Err(e)) if LIMIT_BREACHES.contains(&name.as_str()) => {
                let msg = e.to_string();
                if !msg.contains("limit") && !msg.contains("deep") && !msg.contains("large") {
                    failures.push(format!("{name}: failed without naming the limit: {msg}"));
                }
            }
            (Some(_), Err(e)) => failures.push(format!("{name}: failed: {e}")),
            (None, Ok(_)) => failures.push(format!("{name}: should fail but loaded")),
            (None, Err(e)) => {
                let msg = e.to_string();
                if !msg.contains(&*name) {
                    failures.push(format!("{name}: the error does not name the file: {msg}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn scanned_pages_are_reported_not_silent() {
    let path = repo().join("tests/fixtures/pdf/scan_page.pdf");
    let loaded = load(&path, &std::fs::read(&path).unwrap()).expect("scan_page loads");
    let w = loaded
        .warnings
        .iter()
        .find(|w| w.code == "no-text-layer")
        .expect("a no-text-layer warning");
    assert!(w.message.contains("OCR not attempted") && w.message.contains("page 1"));
}

#[test]
fn page_stamps_become_page_numbers_not_text() {
    let path = repo().join("tests/fixtures/pdf/form_xobject_stamp.pdf");
    let loaded = load(&path, &std::fs::read(&path).unwrap()).expect("loads");
    assert_eq!(loaded.doc.pages[0].stamp, Some(7));
    assert!(!loaded.doc.lines.iter().any(|l| l.text.contains("Page 7")));
    assert!(
        loaded
            .doc
            .lines
            .iter()
            .all(|l| l.provenance.pack_page == Some(7)
                && l.provenance.page.map(|p| p.get()) == Some(1)),
        "every fact on the page carries physical page 1 and pack page 7"
    );
}
