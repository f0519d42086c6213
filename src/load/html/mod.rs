//! HTML loader: web pages and HTML exports of meeting packs → [`Document`] (issue #5).
//!
//! Takes the bytes of an HTML file and the `[html]` rules; returns the same normalised
//! document the text loader makes, so every extractor works unchanged: lines in reading
//! order, table rows with their cells (spans expanded), bold and bullet flags, and
//! provenance whose `line` is the 1-based line of the normalised text, the line
//! `councilpack text` prints it on (`page` is `None`: a web page has no pages). Text
//! that is HTML by its content (a CMS post body in a `.txt`, a PHP fragment) is read
//! here too, its own line breaks kept.
//!
//! Stages: `decode` picks the encoding (BOM, `<meta>` charset, UTF-8, else
//! Windows-1252 with a warning); `sink` parses with html5ever into scraper's DOM while
//! recording each node's source line; `walk` turns the DOM into lines and drops
//! boilerplate as the rules say. It recognises no page types and reads no facts:
//! ModernGov attendance tables, agenda items and decisions come out as the rows and
//! paragraphs the extractors already read.

mod decode;
mod sink;
mod walk;

use std::path::Path;

use crate::error::LoadError;
use crate::load::Loaded;
use crate::model::{Document, OneIndexed};
use crate::pack::Format;
use crate::rules::{Pattern, Patterns, Words};

crate::rule_section! {
    /// What the HTML loader drops as page furniture (issue #5). Loading happens before
    /// the council is known, so the loader reads the default rules' section.
    pub struct HtmlRules / RawHtmlRules {
        /// Elements dropped with everything inside them, wherever they are.
        drop_elements: Words,
        /// Page-chrome elements (`header`, `footer`) dropped outside the page's content
        /// only: inside `main` or `article` they are the content's own header and footer.
        chrome_elements: Words,
        /// Elements that hold the page's content (`main`, `article`); never dropped, and
        /// `chrome_*` rules do not apply inside them.
        content_elements: Words,
        /// Patterns over an element's `id`, `class` and `role` (joined by spaces) that
        /// mark boilerplate anywhere: cookie banners, skip links, breadcrumbs, menus,
        /// share buttons.
        boilerplate_attrs: Patterns,
        /// Patterns over `id`, `class` and `role` that mark page chrome (site header,
        /// footer, sidebar), applied outside `main`/`article` only. An element that
        /// wraps the content (`main`, `article`, the `h1`) is kept whatever its class.
        chrome_attrs: Patterns,
        /// The text of an in-page link that skips to the content ("Skip to main content").
        skip_link: Pattern,
        /// The whole text of a link or span that is furniture around a document link
        /// ("PDF 180 KB", "View directions"): dropped so item titles and venues end
        /// where the page's text does.
        furniture_text: Pattern,
        /// A table cell holding only an item number ("3.", "A1", "Item 4"): a two-column
        /// table of such cells beside multi-paragraph items is layout, read as "3. Title"
        /// and the paragraphs below (ModernGov and CMIS agenda and minutes pages).
        item_number_cell: Pattern,
        /// A link's `href` that points to a document file (".pdf", ".docx" …): a list
        /// item that is only such links is a list of documents, left out ("Additional
        /// documents:" under a ModernGov item).
        document_link: Pattern,
    }
}

/// Loads an HTML pack.
pub fn load(path: &Path, bytes: &[u8], rules: &HtmlRules) -> Result<Loaded, LoadError> {
    crate::load::text::check_not_binary(path, bytes)?;
    let (text, warning) = decode::decode(bytes);
    let doc = if text_with_markup(&text) {
        parse(&newlines_as_breaks(&text), rules)
    } else {
        parse(&text, rules)
    };
    Ok(Loaded {
        doc,
        format: Format::Html,
        warnings: warning.into_iter().collect(),
    })
}

/// Opening tags of the elements that mark text as HTML when it has no `<html>` or
/// doctype (a CMS's post body saved as `.txt`, a PHP fragment).
const MARKUP_TAGS: &[&str] = &[
    "br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td",
    "th", "span", "strong", "em", "b", "i", "hr", "a", "time", "section", "article",
];

/// Opening tags needed in the first bytes of a file for its text to be HTML.
const MARKUP_MIN_TAGS: usize = 2;

/// Whether the start of a file is HTML by its content (issue #5): two or more opening
/// tags of text elements (`<br />`, `<p>`, `<li>` …), and no sign of Markdown (front
/// matter, `**bold**`, `#` headings), whose own HTML islands the text loader reads.
pub fn looks_like_markup(head: &str) -> bool {
    let markdown = head.trim_start().starts_with("---")
        || head.contains("**")
        || head.lines().any(|l| {
            let t = l.trim_start_matches('#');
            t.len() < l.len() && l.len() - t.len() <= 6 && t.starts_with(' ')
        });
    if markdown {
        return false;
    }
    let lower = head.to_ascii_lowercase();
    let mut tags = 0;
    for (i, _) in lower.match_indices('<') {
        let rest = &lower[i + 1..];
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let (name, after) = rest.split_at(name_len);
        if MARKUP_TAGS.contains(&name) && after.starts_with([' ', '>', '/', '\t', '\n', '\r']) {
            tags += 1;
            if tags >= MARKUP_MIN_TAGS {
                return true;
            }
        }
    }
    false
}

/// Share of written lines that start with text rather than a tag above which a
/// fragment is text with markup.
const TEXT_LINES_SHARE: f64 = 0.5;

/// Whether `text` is text with some markup in it rather than an HTML document: a
/// fragment (no `<html>`, `<body>` or doctype) most of whose lines start with text, not
/// a tag. A CMS stores a post that way ("3184. Police Report<br />…", one item a line):
/// its line breaks are the author's, where an HTML document's are the source's layout.
fn text_with_markup(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    if ["<html", "<body", "<!doctype"]
        .iter()
        .any(|t| head.contains(t))
    {
        return false;
    }
    let written: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let texty = written.iter().filter(|l| !l.starts_with('<')).count();
    !written.is_empty() && texty as f64 >= TEXT_LINES_SHARE * written.len() as f64
}

/// Text with markup as a browser shows what its author wrote: each line break outside a
/// tag becomes a `<br>` (a blank line, two of them: a new paragraph).
fn newlines_as_breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            // a `<br>` already ends the line: the newline after it is no second one
            '\n' if !in_tag && !ends_with_break(&out) => out.push_str("<br>"),
            _ => {}
        }
        out.push(c);
    }
    out
}

/// Whether `s` ends with a `<br>` tag (spaces after it aside).
fn ends_with_break(s: &str) -> bool {
    let t = s.trim_end_matches([' ', '\t', '\r']);
    let bytes = t.as_bytes();
    let tail = bytes[bytes.len().saturating_sub(6)..].to_ascii_lowercase();
    [&b"<br>"[..], b"<br/>", b"<br />"]
        .iter()
        .any(|b| tail.ends_with(b))
}

/// Parses decoded HTML into a document. A line's provenance `line` is its 1-based
/// line in the document's text, as `councilpack text` prints it (issue #5).
pub fn parse(text: &str, rules: &HtmlRules) -> Document {
    let (html, lines) = sink::parse(text);
    let walker = walk::Walker {
        rules,
        lines: &lines,
        attrs: true,
    };
    let mut out = walker.document(html.tree.root());
    // A page whose wrapper's class looks like boilerplate ("has-cookie-banner" on the
    // outermost div) would lose everything: read it again without the class patterns.
    if out.is_empty() {
        out = walk::Walker {
            attrs: false,
            ..walker
        }
        .document(html.tree.root());
    }
    // The walk knows each line's place in the source; what a reader can check is the
    // line of the normalised text, one per line, as for every other format.
    for (i, line) in out.iter_mut().enumerate() {
        line.provenance.line = Some(OneIndexed::from_zero_indexed(i));
    }
    Document {
        lines: out,
        pages: Vec::new(),
        furniture: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Line, OneIndexed};
    use crate::rules::RuleBook;

    fn rules() -> HtmlRules {
        RuleBook::embedded().expect("default rules").default.html
    }

    fn doc(html: &str) -> Document {
        parse(html, &rules())
    }

    /// The lines' texts, blank lines included.
    fn texts(html: &str) -> Vec<String> {
        doc(html).lines.into_iter().map(|l| l.text).collect()
    }

    fn line_no(l: &Line) -> u32 {
        l.provenance.line.map_or(0, OneIndexed::get)
    }

    fn fixture(name: &str) -> Document {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/html")
            .join(name);
        let bytes = std::fs::read(&path).expect("fixture");
        load(&path, &bytes, &rules()).expect("loads").doc
    }

    #[test]
    fn blocks_are_paragraphs_and_inline_flows() {
        assert_eq!(
            texts("<p>One <b>two</b>\n  three</p><div>Four<br>five<br><br>six</div><h2>Seven</h2>"),
            ["One two three", "", "Four", "five", "", "six", "", "Seven"]
        );
        let d = doc(
            "<p><b>All bold</b></p><p>Part <strong>bold</strong></p><h3>Head</h3>\
             <p><span style=\"font-weight:700\">Styled</span></p>\
             <p><b style=\"mso-bidi-font-weight:normal\">Word</b></p>",
        );
        let bold: Vec<bool> = d
            .lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.bold)
            .collect();
        assert_eq!(bold, [true, false, true, true, true]);
    }

    /// Issue #5: h1–h6 keep their level; other lines, table rows included, have none.
    #[test]
    fn headings_keep_their_level() {
        let d = doc(
            "<h1>Decision details</h1><h3 class=\"mgSubSubTitleTxt\">Decision:<br>part two</h3>\
             <p>Text</p><table><tr><td><h4>Cell</h4></td><td>x</td></tr></table>",
        );
        let got: Vec<(&str, Option<u8>)> = d
            .lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| (l.text.as_str(), l.heading))
            .collect();
        assert_eq!(
            got,
            [
                ("Decision details", Some(1)),
                ("Decision:", Some(3)),
                ("part two", Some(3)),
                ("Text", None),
                ("Cell\tx", None),
            ]
        );
        assert!(
            d.to_text()
                .starts_with("# Decision details\n\n### Decision:\n")
        );
    }

    #[test]
    fn entities_spaces_and_markdown_leftovers() {
        assert_eq!(
            texts(
                "<p>A&nbsp;&amp;&nbsp;B co&shy;operate &pound;5</p><p><b>**HEADING**</b></p><p>Watch [Here](#)</p>"
            ),
            ["A & B cooperate £5", "", "HEADING", "", "Watch Here"]
        );
    }

    #[test]
    fn lists_keep_bullets_and_numbers() {
        // Items follow each other without blank lines, across lists too: converters
        // (and the seed renderings) print one list per item.
        let d = doc(
            "<ul><li>One</li><li>Two</li></ul><ol start=\"3\"><li>Three</li><li>Four</li></ol>\
             <ol type=\"i\"><li>first</li><li value=\"4\">fourth</li></ol><ol type=\"a\"><li><p>Para item</p></li></ol>",
        );
        let lines: Vec<(String, bool)> =
            d.lines.iter().map(|l| (l.text.clone(), l.bullet)).collect();
        let want = [
            ("One", true),
            ("Two", true),
            ("3. Three", false),
            ("4. Four", false),
            ("i. first", false),
            ("iv. fourth", false),
            ("a. Para item", false),
        ];
        let want: Vec<(String, bool)> = want.iter().map(|(t, b)| (t.to_string(), *b)).collect();
        assert_eq!(lines, want);
        // Word prints its list marks as text
        let d = doc("<p class=MsoListParagraph>·&nbsp;&nbsp;&nbsp;Item</p>");
        assert!(d.lines[0].bullet);
        assert_eq!(d.lines[0].text, "Item");
    }

    #[test]
    fn tables_expand_spans() {
        let d = doc(
            "<table><tr><th rowspan=2>Area</th><th colspan=2>Offences</th></tr>\
             <tr><td>2023</td><td>2024</td></tr><tr><td>North</td><td>12</td><td>15</td></tr></table><p>After</p>",
        );
        let rows: Vec<Vec<&str>> = d
            .lines
            .iter()
            .filter(|l| l.is_row())
            .map(|l| l.cells.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(
            rows,
            [
                vec!["Area", "Offences", ""],
                vec!["", "2023", "2024"],
                vec!["North", "12", "15"]
            ]
        );
        assert_eq!(d.lines[0].text, "Area\tOffences\t");
        let merged: Vec<bool> = d.lines[1].cells.iter().map(|c| c.merged_above).collect();
        assert_eq!(merged, [true, false, false], "under the rowspan only");
        assert!(d.lines[3].is_blank(), "a blank line after the table");
        assert_eq!(d.lines[4].text, "After");
    }

    #[test]
    fn cells_keep_paragraphs_and_nested_tables_flatten() {
        let d = doc(
            "<table><tr><td>Members</td><td><p>Cllr A (Chair)</p><p>Cllr B</p>\
             <table><tr><td>For</td><td>5</td></tr><tr><td>Against</td><td>2</td></tr></table></td></tr></table>",
        );
        assert_eq!(d.lines.len(), 1);
        assert_eq!(
            d.lines[0].cells[1].text,
            "Cllr A (Chair)\nCllr B\nFor 5\nAgainst 2"
        );
        assert_eq!(
            d.lines[0].text,
            "Members\tCllr A (Chair) Cllr B For 5 Against 2"
        );
    }

    /// Issue #5: a definition list of terms and descriptions is a label/value table; any
    /// other `dl` reads as blocks.
    #[test]
    fn definition_lists_are_label_value_rows() {
        let d = doc(
            "<dl><dt>Venue:</dt><dd>Committee Room 2</dd><dt>Item 3</dt><dd>Minutes <span>(PDF, 210 KB)</span></dd></dl>\
             <dl><dd>Loose description</dd></dl>",
        );
        let t: Vec<(&str, bool)> = d
            .lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| (l.text.as_str(), l.is_row()))
            .collect();
        assert_eq!(
            t,
            [
                ("Venue:\tCommittee Room 2", true),
                ("Item 3\tMinutes", true),
                ("Loose description", false)
            ]
        );
    }

    #[test]
    fn one_column_tables_are_prose() {
        assert_eq!(
            texts(
                "<table><tr><td><p><b>Title</b></p><p>Body</p></td></tr><tr><td>More</td><td></td></tr></table>"
            ),
            ["Title", "", "Body", "", "More"]
        );
    }

    #[test]
    fn numbered_item_tables_read_as_items() {
        let d = doc(
            "<table><tr><td>1.</td><td><p>Apologies</p><p>To receive apologies.</p></td></tr>\
             <tr><td>2.</td><td><p>Minutes <a href=\"m.pdf\">PDF 120 KB</a></p></td></tr></table>",
        );
        let t: Vec<&str> = d.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            t,
            [
                "1. Apologies",
                "",
                "To receive apologies.",
                "",
                "2. Minutes"
            ]
        );
        // one-line items stay a table, as the text conversions print them
        let d = doc(
            "<table><tr><td>A1</td><td>Introduction</td></tr><tr><td>A2</td><td>Apologies</td></tr></table>",
        );
        assert!(d.lines.iter().all(Line::is_row));
    }

    #[test]
    fn boilerplate_is_dropped_and_content_kept() {
        let t = texts(
            "<body class=\"has-cookie-banner\"><div id=\"cookie-notice\">We use cookies</div>\
             <a href=\"#main\">Skip to main content</a><header class=\"site-header\">Council</header>\
             <nav><a href=\"/\">Home</a></nav><div class=\"breadcrumb\">Home &gt; Meetings</div>\
             <script>var x = 1;</script><style>p{}</style>\
             <main id=\"main\"><header class=\"page-header\"><h1>Cabinet</h1></header><p>Text</p>\
             <div style=\"display:none\">Hidden</div></main>\
             <div class=\"page-header\"><h1>Kept title</h1></div>\
             <footer class=\"site-footer\">© Council</footer></body>",
        );
        assert_eq!(t, ["Cabinet", "", "Text", "", "Kept title"]);
    }

    #[test]
    fn a_wrapper_with_a_boilerplate_class_is_read_again_without_class_rules() {
        assert_eq!(
            texts("<div class=\"menu-wrapper\"><p>Minutes of the Cabinet</p></div>"),
            ["Minutes of the Cabinet"]
        );
    }

    #[test]
    fn every_boilerplate_pattern_is_hit_by_a_fixture() {
        let r = rules();
        let mut keys = Vec::new();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html");
        for entry in std::fs::read_dir(dir).expect("fixtures").flatten() {
            let bytes = std::fs::read(entry.path()).unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes);
            let html = scraper::Html::parse_document(&text);
            for node in html.tree.nodes() {
                if let Some(e) = node.value().as_element() {
                    let key = [e.id(), e.attr("class"), e.attr("role")]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" ");
                    keys.push(key);
                }
            }
        }
        for p in r.boilerplate_attrs.iter().chain(r.chrome_attrs.iter()) {
            assert!(
                keys.iter().any(|k| p.is_match(k)),
                "no fixture element hits {p:?}"
            );
        }
    }

    /// Issue #5: `line` is the line of the normalised text, as `councilpack text`
    /// prints it (headings with their `#`, blank lines between paragraphs), not the
    /// line of the HTML source.
    #[test]
    fn provenance_is_the_line_of_the_normalised_text() {
        let d = doc(
            "<html>\n<body>\n<h2>Head</h2><p>one</p>\n<p>\ntwo<br>\nthree</p>\n<table>\n<tr><td>a</td><td>b</td></tr>\n</table>",
        );
        let seen: Vec<(String, u32)> = d
            .lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| (l.text.clone(), line_no(l)))
            .collect();
        let want = [
            ("Head", 1),
            ("one", 3),
            ("two", 5),
            ("three", 6),
            ("a\tb", 8),
        ];
        let want: Vec<(String, u32)> = want.iter().map(|(t, n)| (t.to_string(), *n)).collect();
        assert_eq!(seen, want);
        let printed: Vec<String> = d.to_text().lines().map(str::to_string).collect();
        for l in &d.lines {
            let n = line_no(l) as usize;
            assert!(printed[n - 1].ends_with(&l.text), "{n}: {:?}", l.text);
        }
        assert!(d.lines.iter().all(|l| l.provenance.page.is_none()));
    }

    /// Issue #5: a CMS post saved as text is HTML by its tags; a Markdown file with an
    /// HTML table, or text with a single stray tag, is not.
    #[test]
    fn markup_is_recognised_by_content() {
        assert!(looks_like_markup(
            "12. Police Report<br />13. Apologies<br />14. Minutes"
        ));
        assert!(looks_like_markup("<P>Minutes</P>\n<p>Present: all</p>"));
        assert!(!looks_like_markup(
            "---\ntitle: x\n---\n<table><tr><td>1</td></tr></table>"
        ));
        assert!(!looks_like_markup("**Minutes**\n<br>a<br>b"));
        assert!(!looks_like_markup("# Minutes\n<br>a<br>b"));
        assert!(!looks_like_markup(
            "<h1 class=\"head\">Minutes of the meeting</h1>\nPresent: all"
        ));
        assert!(!looks_like_markup("Costs <5 years> and <b"));
    }

    /// Issue #5: in text with markup the author's line breaks are kept; in an HTML
    /// document (or a fragment made of tags) the source's line breaks are layout.
    #[test]
    fn text_with_markup_keeps_its_line_breaks() {
        let text = "<strong>ORDINARY MEETING</strong><br /><br />\n301. Police Report\n302. Apologies<br />\nA. Planning\n\n303. Close";
        assert!(text_with_markup(text));
        let d = parse(&newlines_as_breaks(text), &rules());
        let t: Vec<&str> = d.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            t,
            [
                "ORDINARY MEETING",
                "",
                "301. Police Report",
                "302. Apologies",
                "A. Planning",
                "",
                "303. Close"
            ]
        );
        assert!(!text_with_markup(
            "<div>\n  <p>One\n  two</p>\n  <p>Three</p>\n</div>"
        ));
        assert!(!text_with_markup("<html><body>\nOne\ntwo\n</body></html>"));
        // a line break inside a tag, or after a `<br>`, is no break of its own
        assert_eq!(
            newlines_as_breaks("a\n<p\nclass=x>b</p>c<BR />\nd"),
            "a<br>\n<p\nclass=x>b</p>c<BR />\nd"
        );
    }

    #[test]
    fn cms_post_fixtures_load_as_html() {
        let d = fixture("cms_post_agenda.txt");
        let t: Vec<&str> = d.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(t[0], "1201. Police Report");
        assert_eq!(t[4], "Village Hall room hire");
        assert_eq!(t.len(), 6);
        let d = fixture("cms_post_lines.txt");
        let t: Vec<&str> = d.lines.iter().map(|l| l.text.as_str()).collect();
        assert!(t.contains(&"3502. To receive apologies for absence"));
        assert!(t.contains(&"A. Planning"));
    }

    /// Issue #5: an owner set in italics at the end of a paragraph, set off by a gap or
    /// after a full stop, is kept as the second cell of the paragraph's line (a PDF of
    /// the same minutes prints it in a column of its own); emphasis inside a sentence
    /// is not an owner.
    #[test]
    fn italic_owner_closing_a_paragraph_is_a_cell() {
        let d = doc(
            "<p>The hedge still needed cutting.\t\t\t<em>Clerk</em></p>             <p>Cllr. A. Bee would write to the county. <i>Cllr. A. Bee</i></p>             <p>Footpaths were checked      <em>Cllr. C. Dee/Clerk</em><br></p>             <p>The grass was <em>much</em> better.</p>             <p>Works were <em>finished</em></p>             <li>Bank statement, balance of £4.50\t<em>Noted</em></li>             <p>Word export.<span style=\"mso-tab-count:2\">&nbsp;&nbsp; </span><span><i>Clerk</i></span></p>",
        );
        let rows: Vec<Vec<&str>> = d
            .lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.cells.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(
            rows,
            [
                vec!["The hedge still needed cutting.", "Clerk"],
                vec!["Cllr. A. Bee would write to the county.", "Cllr. A. Bee"],
                vec!["Footpaths were checked", "Cllr. C. Dee/Clerk"],
                vec![],
                vec![],
                vec!["Bank statement, balance of £4.50", "Noted"],
                vec!["Word export.", "Clerk"],
            ]
        );
        assert_eq!(d.lines[0].text, "The hedge still needed cutting.\tClerk");
        assert!(
            d.lines
                .iter()
                .any(|l| l.text == "The grass was much better.")
        );
        // after a list inside the item, the owner goes with the list's last line
        let d = doc(
            "<ol><li><h4>HALL</h4><ul><li>Reopen in July.</li><li>The Clerk to update the form.</li></ul> <em>Clerk</em></li></ol>",
        );
        let last = d.lines.iter().rfind(|l| !l.is_blank()).expect("a line");
        assert_eq!(
            last.filled_cells(),
            ["The Clerk to update the form.", "Clerk"]
        );
        assert!(last.bullet);
    }

    #[test]
    fn community_minutes_fragment_gives_clean_lines() {
        let d = fixture("community_minutes_fragment.html");
        let t: Vec<&str> = d
            .lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(t[0], "12 May 2021");
        assert_eq!(t[2], "PRESENT");
        assert_eq!(t[4], "1. APOLOGIES");
        assert!(t.contains(&"The bench by the chapel still needed repainting.\tClerk"));
        assert!(t.contains(&"The grass cutting was much improved this year."));
        assert!(t.contains(&"The Clerk to update the booking form.\tClerk"));
    }

    /// Issue #5: a ModernGov meeting page: no document links, the hidden column
    /// headings of the item layout left out, each item's numbered line in bold above
    /// its own numbered points, and no "view the full text" link.
    #[test]
    fn meeting_page_fixture_reads_as_items() {
        let d = fixture("moderngov_meeting_page.html");
        let t: Vec<&str> = d.lines.iter().map(|l| l.text.as_str()).collect();
        assert!(t[0].starts_with("Joint meeting - Riverside Transport Committee"));
        assert!(!t.iter().any(|l| l.contains("Attendance details")
            || l.contains("Printed draft minutes")
            || l.contains("Item 3A")
            || l.contains("No.")
            || l.contains("view the full")));
        let bold: Vec<&str> = d
            .lines
            .iter()
            .filter(|l| l.bold && l.heading.is_none())
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(
            bold,
            [
                "1. Apologies for Absence",
                "2. Public Speaking",
                "3. Harbour Bus Lanes",
                "4. Housing Delivery Update"
            ]
        );
        assert!(t.contains(&"1. Speakers register by noon on the day before."));
        assert!(t.contains(
            &"The Transport Committee approved the bus lane scheme on Quay Street and asked ..."
        ));
    }

    #[test]
    fn windows_1252_fixture_decodes_from_its_meta_charset() {
        let d = fixture("moderngov_agenda.html");
        assert!(
            d.lines
                .iter()
                .any(|l| l.text.contains("landscaping – £120,000"))
        );
        let title = d
            .lines
            .iter()
            .find(|l| l.text.starts_with("3. "))
            .expect("item 3");
        assert_eq!(title.text, "3. Minutes of the previous meeting");
        let venue = d
            .lines
            .iter()
            .find(|l| l.text.starts_with("Venue:"))
            .expect("venue");
        assert!(venue.text.ends_with("WB1 2AA."), "{}", venue.text);
        assert!(
            !d.lines
                .iter()
                .any(|l| l.text.contains("Skip to") || l.text == "Home")
        );
    }

    #[test]
    fn attendance_fixture_is_one_table_without_page_chrome() {
        let d = fixture("moderngov_attendance.html");
        let rows: Vec<&Line> = d.lines.iter().filter(|l| l.is_row()).collect();
        assert_eq!(rows.len(), 9);
        assert_eq!(
            rows[0].filled_cells(),
            ["Attendee", "Role", "Attendance", "Notes"]
        );
        assert_eq!(rows[1].cells[0].text, "Councillor Helen Marsh");
        assert!(!d.lines.iter().any(|l| l.text.contains("cookies")
            || l.text.contains("Bins")
            || l.text.contains("Privacy")
            || l.text.contains("Skip")));
    }

    #[test]
    fn minutes_fixture_keeps_the_nested_table_as_rows() {
        let d = fixture("moderngov_minutes.html");
        let t: Vec<&str> = d.lines.iter().map(|l| l.text.as_str()).collect();
        assert!(t.contains(&"22. Review of the Statement of Licensing Policy"));
        assert!(t.contains(&"Support\t112\t64%"));
        assert!(t.contains(&"RESOLVED:"));
        assert!(t.contains(&"Present: Councillor Ann Reeve (Chair); Councillors Bill Carter, Mohammed Iqbal and Lucy Stone."));
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            load(Path::new("x.html"), b"<html>\0\0", &rules()),
            Err(LoadError::Binary { .. })
        ));
    }
}
