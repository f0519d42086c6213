//! Runs the PDF content interpreter over every page of the given PDFs and reports
//! pages per second (issue #4). With `--text`, prints each page's glyphs in rough
//! reading order, for comparing by eye with `pdftotext -layout`.
//!
//! `cargo run --release --example pdf_glyphs -- [--text] FILE.pdf…`

use std::time::Instant;

use councilpack::load::pdf::content::{Limits, read_page};
use councilpack::load::pdf::font::FontCache;

fn main() -> anyhow::Result<()> {
    let mut print = false;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        if arg == "--text" {
            print = true;
        } else {
            files.push(arg);
        }
    }
    let (mut pages, mut glyphs, mut failed) = (0usize, 0usize, 0usize);
    let mut load_time = 0.0f64;
    let start = Instant::now();
    for file in &files {
        let t = Instant::now();
        let bytes = std::fs::read(file)?;
        let mut doc = lopdf::Document::load_mem(&bytes)?;
        if doc.is_encrypted() {
            doc.decrypt("")?;
        }
        load_time += t.elapsed().as_secs_f64();
        let mut fonts = FontCache::new();
        for (number, id) in doc.get_pages() {
            pages += 1;
            match read_page(&doc, id, &mut fonts, &Limits::default()) {
                Ok(page) => {
                    glyphs += page.glyphs.len();
                    if print {
                        println!(
                            "==== {file} page {number} ({} x {}), {} rulings, {} images",
                            page.width,
                            page.height,
                            page.rulings.len(),
                            page.images
                        );
                        print_page(&page);
                    }
                }
                Err(e) => {
                    failed += 1;
                    eprintln!("{file} page {number}: {e}");
                }
            }
        }
        for note in fonts.take_notes() {
            eprintln!("{file}: {note}");
        }
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "{pages} pages, {glyphs} glyphs, {failed} failed in {secs:.3}s \
         ({load_time:.3}s loading): {:.0} pages/s, {:.0} pages/s excluding loading",
        pages as f64 / secs,
        pages as f64 / (secs - load_time)
    );
    Ok(())
}

/// Prints glyphs grouped into lines by baseline, left to right.
fn print_page(page: &councilpack::load::pdf::page::RawPage) {
    let mut glyphs: Vec<_> = page.glyphs.iter().filter(|g| !g.rotated).collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<&councilpack::load::pdf::page::Glyph>> = Vec::new();
    for g in glyphs {
        match lines.last_mut() {
            Some(line) if (line[0].y - g.y).abs() < line[0].size.max(1.0) * 0.4 => line.push(g),
            _ => lines.push(vec![g]),
        }
    }
    for mut line in lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut text = String::new();
        let mut end = None::<f32>;
        for g in line {
            if let Some(e) = end
                && g.x - e > g.size * 0.2
                && !text.ends_with(' ')
            {
                text.push(' ');
            }
            text.push_str(&g.text);
            end = Some(g.x + g.width);
        }
        println!("{text}");
    }
}
