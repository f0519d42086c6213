//! The DOM walk of the HTML loader: elements in document order → [`Line`]s.
//!
//! Takes scraper's DOM, the source line of each node and the `[html]` rules; returns the
//! lines of a [`crate::model::Document`] shaped like the text conversions the extractors
//! were written against (issue #5): block elements (`p`, `div`, `h1`–`h6`, `li` …) start
//! lines, inline elements flow into the current line, `<br>` breaks it, a blank line
//! separates paragraphs while list items and the rows of one table follow each other
//! without one. A table becomes one line per `<tr>` with one cell per column after
//! `rowspan`/`colspan` are expanded; a table with a single column of text is layout and
//! becomes prose; a table inside a cell becomes that cell's text. Boilerplate (scripts,
//! menus, cookie banners, "skip to content") is dropped by the rules. It reads no facts.

use ego_tree::NodeRef;
use scraper::Node;
use scraper::node::Element;

use crate::load::html::HtmlRules;
use crate::load::html::sink::NodeLines;
use crate::load::text::{clean, strip_bullet};
use crate::model::{Cell, Line, OneIndexed, Provenance};

/// Elements a browser never renders: not boilerplate, just not text.
const NOT_RENDERED: &[&str] = &[
    "head", "title", "meta", "link", "base", "script", "style", "template",
];

/// Elements that start a new line (their own line, and a new one after them).
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "main",
    "nav",
    "noscript",
    "optgroup",
    "option",
    "p",
    "search",
    "section",
    "summary",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
];

/// Elements whose text keeps its line breaks.
const PREFORMATTED: &[&str] = &["pre", "listing", "xmp", "textarea", "plaintext"];

/// Largest `colspan` honoured (the HTML standard's limit).
const MAX_COLSPAN: usize = 1000;

/// What is inherited down the tree.
#[derive(Debug, Clone, Copy, Default)]
struct Ctx {
    /// Text here is bold (`b`, `strong`, headings, `font-weight: bold`).
    bold: bool,
    /// Inside `pre`: newlines break lines.
    pre: bool,
    /// Inside `main`/`article`: page-chrome rules do not apply.
    in_content: bool,
    /// Inside `h1`–`h6`: the heading's level.
    heading: Option<u8>,
}

/// What a line is, for the blank lines between lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A paragraph: separated from its neighbours by a blank line.
    Para,
    /// A list item: consecutive items have no blank line between them.
    Item,
    /// A row of the n-th table: consecutive rows of one table have none either.
    Row(u32),
}

/// The lines produced so far and the line being built.
#[derive(Debug)]
struct Out {
    lines: Vec<Line>,
    last: Option<Kind>,
    text: String,
    bold_chars: usize,
    plain_chars: usize,
    /// Source line of the line being built.
    line: Option<u32>,
    /// Heading level of the line being built (its first text's).
    heading: Option<u8>,
    kind: Kind,
    bullet: bool,
    /// An ordered list's number ("3. "), printed before the item's first line.
    prefix: String,
    /// The next line continues the paragraph of the last one (after a `<br>`).
    tight: bool,
    tables: u32,
    /// Whether printed bullet marks are taken off prose lines; not in a table cell,
    /// where the text loader keeps them too ("- Detective" in an owner column).
    strip_marks: bool,
}

impl Out {
    fn new() -> Out {
        Out {
            lines: Vec::new(),
            last: None,
            text: String::new(),
            bold_chars: 0,
            plain_chars: 0,
            line: None,
            heading: None,
            kind: Kind::Para,
            bullet: false,
            prefix: String::new(),
            tight: false,
            tables: 0,
            strip_marks: true,
        }
    }

    fn has_text(&self) -> bool {
        self.bold_chars + self.plain_chars > 0
    }

    /// Adds text as a browser lays it out: whitespace runs collapse to one space, a
    /// no-break space is a space, a soft hyphen is invisible.
    fn push_text(&mut self, s: &str, ctx: Ctx, line: Option<u32>) {
        for c in s.chars() {
            match c {
                '\u{ad}' => {}
                '\n' if ctx.pre => self.br(),
                c if c.is_whitespace() => {
                    if !self.text.is_empty() && !self.text.ends_with(' ') {
                        self.text.push(' ');
                    }
                }
                c => {
                    if !self.has_text() {
                        if self.line.is_none() {
                            self.line = line;
                        }
                        self.heading = ctx.heading;
                    }
                    self.text.push(c);
                    if ctx.bold {
                        self.bold_chars += 1;
                    } else {
                        self.plain_chars += 1;
                    }
                }
            }
        }
    }

    /// A block element starts at `line`: the line being built ends.
    fn start_block(&mut self, line: Option<u32>) {
        self.flush();
        self.tight = false;
        self.line = line;
    }

    /// `<br>`: the line ends and the next continues the same paragraph; a second `<br>`
    /// in a row leaves an empty line, which is a paragraph break.
    fn br(&mut self) {
        if self.has_text() {
            let kind = self.kind;
            self.flush();
            self.kind = kind;
            self.tight = true;
        } else {
            self.tight = false;
        }
        // the next line's number is that of its first text
        self.line = None;
    }

    /// Emits the line being built, if it has text.
    fn flush(&mut self) {
        if !self.has_text() {
            self.text.clear();
            return;
        }
        let raw = format!("{}{}", self.prefix, self.text.trim());
        let (mut text, all_bold) = clean(&raw, false);
        let mut bullet = self.bullet;
        // Word's "save as web page" prints list marks as text ("·", "o", "-").
        if !bullet
            && self.strip_marks
            && let Some(rest) = strip_bullet(&text)
        {
            text = rest.to_string();
            bullet = true;
        }
        let bold = (self.bold_chars > 0 && self.plain_chars == 0) || all_bold;
        let kind = self.kind;
        let line = self.line;
        let heading = self.heading.take();
        self.text.clear();
        self.bold_chars = 0;
        self.plain_chars = 0;
        self.line = None;
        self.kind = Kind::Para;
        self.bullet = false;
        self.prefix.clear();
        if text.is_empty() {
            return;
        }
        self.push(
            Line {
                text,
                cells: Vec::new(),
                bold,
                bullet,
                heading,
                provenance: provenance(line),
            },
            kind,
        );
    }

    /// Appends a finished line, with a blank line before it unless it continues the
    /// last one (after `<br>`, the next item of a list, the next row of a table).
    fn push(&mut self, line: Line, kind: Kind) {
        let continues = self.tight
            || matches!((self.last, kind), (Some(Kind::Item), Kind::Item))
            || matches!((self.last, kind), (Some(Kind::Row(a)), Kind::Row(b)) if a == b);
        if self.last.is_some() && !continues && self.lines.last().is_some_and(|l| !l.is_blank()) {
            self.lines.push(Line::prose("", line.provenance));
        }
        self.lines.push(line);
        self.last = Some(kind);
        self.tight = false;
    }

    /// Appends a table row of these cells, padded to `width` cells; a row with no text
    /// is left out.
    fn row(&mut self, mut cells: Vec<Cell>, width: usize, line: Option<u32>, kind: Kind) {
        if cells.iter().all(|c| c.text.is_empty()) {
            return;
        }
        cells.resize(width, Cell::default());
        let text = cells
            .iter()
            .map(|c| c.text.replace('\n', " "))
            .collect::<Vec<_>>()
            .join("\t");
        self.push(
            Line {
                text,
                cells,
                bold: false,
                bullet: false,
                heading: None,
                provenance: provenance(line),
            },
            kind,
        );
    }

    /// Emits the line being built as a row of two cells, its text and `owner` (an
    /// owner printed at the end of the paragraph, as a PDF of the same minutes gives it
    /// in a column of its own); with no line to go with, `owner` is a line of its own.
    fn flush_owner(&mut self, owner: &str) {
        self.flush();
        // Nothing left before it (the owner closes a list inside the paragraph): it
        // goes with the line above, as a PDF prints it on that line's right.
        let prose = |l: &Line| !l.is_blank() && !l.is_row();
        if self.lines.last().is_some_and(prose) {
            if let Some(line) = self.lines.last_mut() {
                line.cells = vec![Cell::new(line.text.clone()), Cell::new(owner)];
                line.text = format!("{}\t{owner}", line.text);
            }
        } else {
            self.push_text(owner, Ctx::default(), None);
            self.flush();
        }
    }

    /// Forgets a list item's marker that no line used (an empty item).
    fn end_item(&mut self) {
        self.flush();
        self.kind = Kind::Para;
        self.bullet = false;
        self.prefix.clear();
    }
}

fn provenance(line: Option<u32>) -> Provenance {
    Provenance {
        page: None,
        line: line.and_then(OneIndexed::new),
        pack_page: None,
    }
}

/// Walks a DOM with one set of rules.
pub(super) struct Walker<'a> {
    pub(super) rules: &'a HtmlRules,
    pub(super) lines: &'a NodeLines,
    /// Whether `id`/`class`/`role` patterns apply: off on the fallback pass, for a page
    /// whose wrapper carries a boilerplate-looking class.
    pub(super) attrs: bool,
}

impl Walker<'_> {
    /// The lines of the whole document.
    pub(super) fn document(&self, root: NodeRef<'_, Node>) -> Vec<Line> {
        let mut out = Out::new();
        self.walk(root, Ctx::default(), &mut out);
        out.flush();
        while out.lines.last().is_some_and(Line::is_blank) {
            out.lines.pop();
        }
        out.lines
    }

    fn line(&self, node: NodeRef<'_, Node>) -> Option<u32> {
        self.lines.get(&node.id()).copied()
    }

    fn walk(&self, node: NodeRef<'_, Node>, ctx: Ctx, out: &mut Out) {
        match node.value() {
            Node::Text(t) => out.push_text(t, ctx, self.line(node)),
            Node::Element(e) => self.element(node, e, ctx, out),
            Node::Document | Node::Fragment => self.children(node, ctx, out),
            _ => {}
        }
    }

    fn children(&self, node: NodeRef<'_, Node>, ctx: Ctx, out: &mut Out) {
        for child in node.children() {
            self.walk(child, ctx, out);
        }
    }

    fn element(&self, node: NodeRef<'_, Node>, e: &Element, ctx: Ctx, out: &mut Out) {
        let name = e.name();
        if NOT_RENDERED.contains(&name) || self.dropped(node, e, ctx) {
            return;
        }
        let mut ctx = ctx;
        ctx.in_content |= is_content(e, self.rules);
        if let Some(bold) = style_bold(e) {
            ctx.bold = bold;
        }
        match name {
            "br" => out.br(),
            "table" => self.table(node, ctx, out),
            "dl" => self.definitions(node, ctx, out),
            "ul" | "ol" | "menu" | "dir" => self.list(node, name == "ol", ctx, out),
            "li" => self.item(node, Marker::Bullet, ctx, out),
            "img" | "input" | "area" | "map" | "object" | "embed" | "video" | "audio" => {}
            "b" | "strong" => {
                ctx.bold = style_bold(e).unwrap_or(true);
                self.children(node, ctx, out);
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                ctx.bold = style_bold(e).unwrap_or(true);
                // headings keep their level (issue #5)
                ctx.heading = name[1..].parse().ok();
                self.block(node, ctx, out);
            }
            n if PREFORMATTED.contains(&n) => {
                ctx.pre = true;
                self.block(node, ctx, out);
            }
            n if BLOCKS.contains(&n) => self.block(node, ctx, out),
            _ => self.children(node, ctx, out),
        }
    }

    fn block(&self, node: NodeRef<'_, Node>, ctx: Ctx, out: &mut Out) {
        out.start_block(self.line(node));
        let prose = node
            .value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "p" | "div" | "li"));
        if prose {
            self.children_and_owner(node, ctx, out);
        } else {
            self.children(node, ctx, out);
        }
        out.start_block(None);
    }

    /// A paragraph's children; an owner set in italics at its end (see
    /// [`trailing_owner`]) becomes the second cell of the paragraph's last line.
    fn children_and_owner(&self, node: NodeRef<'_, Node>, ctx: Ctx, out: &mut Out) {
        match trailing_owner(node) {
            Some((em, owner)) => {
                for child in node.children().filter(|c| c.id() != em) {
                    self.walk(child, ctx, out);
                }
                out.flush_owner(&owner);
            }
            None => self.children(node, ctx, out),
        }
    }

    /// Whether the rules drop this element and everything in it.
    fn dropped(&self, node: NodeRef<'_, Node>, e: &Element, ctx: Ctx) -> bool {
        let r = self.rules;
        let name = e.name();
        if r.drop_elements.contains(name) || hidden(e) {
            return true;
        }
        if !ctx.in_content && r.chrome_elements.contains(name) && !holds(node, r, false) {
            return true;
        }
        if !self.attrs || matches!(name, "html" | "body") || is_content(e, r) {
            return false;
        }
        let key = [e.id(), e.attr("class"), e.attr("role")]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        if !key.trim().is_empty()
            && (r.boilerplate_attrs.is_match(&key)
                || !ctx.in_content && r.chrome_attrs.is_match(&key))
            && !holds(node, r, true)
        {
            return true;
        }
        // "Skip to main content": an in-page link, whatever its class; "PDF 180 KB"
        // after a document link.
        match name {
            "a" if e
                .attr("href")
                .is_some_and(|h| h.trim_start().starts_with('#')) =>
            {
                let text = node_text(node);
                r.skip_link.is_match(&text) || r.furniture_text.is_match(&text)
            }
            "a" | "span" => r.furniture_text.is_match(&node_text(node)),
            _ => false,
        }
    }

    fn list(&self, node: NodeRef<'_, Node>, ordered: bool, ctx: Ctx, out: &mut Out) {
        out.start_block(self.line(node));
        let element = node.value().as_element();
        let style = element
            .and_then(|e| e.attr("type"))
            .unwrap_or("1")
            .to_string();
        let mut n: i64 = element
            .and_then(|e| e.attr("start"))
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(1);
        for child in node.children() {
            match child.value().as_element() {
                // a list item that is only a link to a document file ("Item 8A -
                // Appendix 12", under "Additional documents:") names another document
                Some(li) if li.name() == "li" && self.document_link(child) => {}
                Some(li) if li.name() == "li" && !self.dropped(child, li, ctx) => {
                    if let Some(v) = li.attr("value").and_then(|v| v.trim().parse().ok()) {
                        n = v;
                    }
                    let marker = if ordered {
                        Marker::Number(number(n, &style))
                    } else {
                        Marker::Bullet
                    };
                    n += 1;
                    let mut item_ctx = ctx;
                    if let Some(bold) = style_bold(li) {
                        item_ctx.bold = bold;
                    }
                    self.item(child, marker, item_ctx, out);
                }
                _ => self.walk(child, ctx, out),
            }
        }
        out.start_block(None);
    }

    /// Whether all the text of `node` sits in links to document files (the `[html]`
    /// `document_link` rule over `href`), and there is some.
    fn document_link(&self, node: NodeRef<'_, Node>) -> bool {
        let in_link = |t: NodeRef<'_, Node>| {
            t.ancestors().take_while(|a| a.id() != node.id()).any(|a| {
                a.value().as_element().is_some_and(|e| {
                    e.name() == "a"
                        && e.attr("href")
                            .is_some_and(|h| self.rules.document_link.is_match(h.trim()))
                })
            })
        };
        let texts: Vec<_> = node
            .descendants()
            .filter(|d| matches!(d.value(), Node::Text(t) if !t.trim().is_empty()))
            .collect();
        !texts.is_empty() && texts.into_iter().all(in_link)
    }

    fn item(&self, node: NodeRef<'_, Node>, marker: Marker, ctx: Ctx, out: &mut Out) {
        out.start_block(self.line(node));
        out.kind = Kind::Item;
        match marker {
            Marker::Bullet => out.bullet = true,
            Marker::Number(n) => out.prefix = format!("{n} "),
        }
        self.children_and_owner(node, ctx, out);
        out.end_item();
    }

    fn table<'t>(&self, node: NodeRef<'t, Node>, ctx: Ctx, out: &mut Out) {
        out.start_block(self.line(node));
        let mut rows = Vec::new();
        for child in node.children() {
            match child.value().as_element().map(Element::name) {
                Some("tr") => rows.push(child),
                Some("thead" | "tbody" | "tfoot") => rows.extend(
                    child
                        .children()
                        .filter(|c| c.value().as_element().is_some_and(|e| e.name() == "tr")),
                ),
                Some("caption") => self.walk(child, ctx, out),
                _ => {}
            }
        }
        let cells_of = |tr| self.cells(tr, ctx);
        // The grid after spans: a spanned slot holds "", the spanning cell's text sits
        // in its first row and column only, as text conversions print it; a slot below
        // the first row of a rowspan is marked as merged (issue #5).
        let mut grid: Vec<Vec<Option<Cell>>> = vec![Vec::new(); rows.len()];
        let mut texts: Vec<Vec<(NodeRef<'t, Node>, String)>> = Vec::with_capacity(rows.len());
        for (r, tr) in rows.iter().enumerate() {
            let mut col = 0;
            let mut row_texts = Vec::new();
            for cell in cells_of(*tr) {
                while grid[r].get(col).is_some_and(Option::is_some) {
                    col += 1;
                }
                let e = cell.value().as_element();
                let span = |a: &str| -> Option<usize> {
                    e.and_then(|e| e.attr(a))
                        .and_then(|v| v.trim().parse().ok())
                };
                let colspan = span("colspan").unwrap_or(1).clamp(1, MAX_COLSPAN);
                // rowspan="0" runs to the end of the table
                let rowspan = match span("rowspan") {
                    Some(0) => rows.len() - r,
                    Some(n) => n.min(rows.len() - r),
                    None => 1,
                };
                let text = self.cell_text(cell, ctx);
                row_texts.push((cell, text.clone()));
                for (dr, grid_row) in grid[r..r + rowspan].iter_mut().enumerate() {
                    if grid_row.len() < col + colspan {
                        grid_row.resize(col + colspan, None);
                    }
                    for (dc, slot) in grid_row[col..col + colspan].iter_mut().enumerate() {
                        *slot = Some(Cell {
                            text: if dr == 0 && dc == 0 {
                                text.clone()
                            } else {
                                String::new()
                            },
                            merged_above: dr > 0,
                        });
                    }
                }
                col += colspan;
            }
            texts.push(row_texts);
        }
        let width = grid.iter().map(Vec::len).max().unwrap_or(0);
        let filled_columns = (0..width)
            .filter(|&c| {
                grid.iter().any(|row| {
                    row.get(c)
                        .is_some_and(|t| t.as_ref().is_some_and(|t| !t.text.is_empty()))
                })
            })
            .count();
        if filled_columns <= 1 {
            // Layout: a one-column table reads as the blocks inside its cells.
            for tr in &rows {
                for cell in cells_of(*tr) {
                    self.block(cell, ctx, out);
                }
            }
            out.start_block(None);
            return;
        }
        if self.numbered_items(&texts) {
            // Layout: an item number beside the item's paragraphs (ModernGov's and CMIS's
            // agenda and minutes tables) reads as "3. Title" and the paragraphs below it,
            // as the printed agenda shows them. The column headings over such a layout
            // ("No. | Item", often hidden) are no item and are left out.
            for (tr, row) in rows.iter().zip(&texts) {
                if header_row(row) {
                    continue;
                }
                out.start_block(self.line(*tr));
                let first = out.lines.len();
                let number = row[0].1.trim();
                if !number.is_empty() {
                    out.prefix = format!("{number} ");
                }
                for (cell, _) in &row[1..] {
                    self.children(*cell, ctx, out);
                }
                out.end_item();
                // the numbered line is the item's heading, set apart from the
                // item's own numbered points below it as the page sets it apart
                if !number.is_empty()
                    && let Some(title) = out.lines[first..].iter_mut().find(|l| !l.is_blank())
                {
                    title.bold = true;
                }
            }
            out.start_block(None);
            return;
        }
        out.tables += 1;
        let kind = Kind::Row(out.tables);
        for (tr, row) in rows.iter().zip(grid) {
            let cells = row.into_iter().map(Option::unwrap_or_default).collect();
            out.row(cells, width, self.line(*tr), kind);
        }
        out.start_block(None);
    }

    /// `<dl>`: each term and its descriptions make a row, as a label/value table prints
    /// them ("Venue | Committee Room 2", "Item 3 | Minutes …": CMIS meeting pages, issue
    /// #5), so a description is never read as a heading of its own. A list that is not
    /// a run of terms each with descriptions reads as blocks.
    fn definitions(&self, node: NodeRef<'_, Node>, ctx: Ctx, out: &mut Out) {
        let mut groups: Vec<Vec<NodeRef<'_, Node>>> = Vec::new();
        for child in node.children() {
            match child.value() {
                Node::Element(e) if self.dropped(child, e, ctx) => {}
                Node::Element(e) if e.name() == "dt" => groups.push(vec![child]),
                Node::Element(e) if e.name() == "dd" => match groups.last_mut() {
                    Some(g) => g.push(child),
                    None => return self.block(node, ctx, out),
                },
                Node::Text(t) if t.trim().is_empty() => {}
                Node::Comment(_) => {}
                _ => return self.block(node, ctx, out),
            }
        }
        if groups.is_empty() || groups.iter().any(|g| g.len() < 2) {
            return self.block(node, ctx, out);
        }
        out.start_block(self.line(node));
        out.tables += 1;
        let kind = Kind::Row(out.tables);
        let width = groups.iter().map(Vec::len).max().unwrap_or(0);
        for group in &groups {
            let cells = group
                .iter()
                .map(|n| Cell::new(self.cell_text(*n, ctx)))
                .collect();
            out.row(cells, width, self.line(group[0]), kind);
        }
        out.start_block(None);
    }

    /// Whether a table's rows are an item number and the item's paragraphs: two cells
    /// a row, the first an item number (or empty), and some item of several paragraphs
    /// (a table of one-line items stays a table, like the text conversions have it).
    /// A row of `th` cells only (the column headings) does not count.
    fn numbered_items(&self, rows: &[Vec<(NodeRef<'_, Node>, String)>]) -> bool {
        let number = &self.rules.item_number_cell;
        let body: Vec<_> = rows.iter().filter(|r| !header_row(r)).collect();
        body.iter()
            .all(|r| r.len() == 2 && (r[0].1.trim().is_empty() || number.is_match(&r[0].1)))
            && body.iter().any(|r| !r[0].1.trim().is_empty())
            && body.iter().any(|r| r[1].1.contains('\n'))
    }

    /// The `td`/`th` children of a row that the rules keep.
    fn cells<'t>(&self, tr: NodeRef<'t, Node>, ctx: Ctx) -> Vec<NodeRef<'t, Node>> {
        tr.children()
            .filter(|c| {
                c.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "td" | "th") && !self.dropped(*c, e, ctx))
            })
            .collect()
    }

    /// A cell's text: its paragraphs joined by `\n`; a table inside it gives one
    /// paragraph per row, the row's filled cells joined by spaces.
    fn cell_text(&self, cell: NodeRef<'_, Node>, ctx: Ctx) -> String {
        let mut sub = Out::new();
        sub.strip_marks = false;
        self.children(cell, ctx, &mut sub);
        sub.flush();
        sub.lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| {
                if l.is_row() {
                    l.filled_cells().join(" ")
                } else {
                    l.text.clone()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Most characters and words of an owner set in italics at a paragraph's end.
const OWNER_CHARS: usize = 60;
const OWNER_WORDS: usize = 8;

/// The `em`/`i` that closes a paragraph as its owner: minutes exported from Word or a
/// CMS mark who is to act by setting the name in italics at the end of the paragraph,
/// tabbed or spaced off to the right ("… was still ongoing.\t\t<em>Clerk</em>"). It is
/// the paragraph's last content (only spaces and `<br>` after it), short, and set off
/// from the text before it by a run of spaces or a tab, or by a single space after the
/// end of a sentence. Returns the element and its text.
fn trailing_owner(node: NodeRef<'_, Node>) -> Option<(ego_tree::NodeId, String)> {
    let children: Vec<NodeRef<'_, Node>> = node.children().collect();
    let last = children.iter().rposition(|c| meaningful(*c))?;
    // the italics themselves, or a span (font, bold) around nothing but them
    let mut em = children[last];
    for _ in 0..3 {
        match em.value().as_element().map(Element::name) {
            Some("em" | "i") => break,
            Some("span" | "font" | "b" | "strong") => {
                let mut inner = em.children().filter(|c| meaningful(*c));
                match (inner.next(), inner.next()) {
                    (Some(only), None) => em = only,
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
    if !em
        .value()
        .as_element()
        .is_some_and(|e| matches!(e.name(), "em" | "i"))
    {
        return None;
    }
    let owner = clean(&node_text(em), false).0;
    if owner.is_empty()
        || owner.chars().count() > OWNER_CHARS
        || owner.split_whitespace().count() > OWNER_WORDS
    {
        return None;
    }
    // the text before it as written: Word sets the gap as spaces in a span of its own
    let raw: String = children[..last]
        .iter()
        .flat_map(|c| c.descendants())
        .filter_map(|d| match d.value() {
            Node::Text(t) => Some(&**t),
            _ => None,
        })
        .collect();
    let text = raw.trim_end();
    let gap = &raw[text.len()..];
    let space = gap.chars().count();
    let tabbed = space >= 2 || gap.contains('\t');
    let sentence_end = text.ends_with(['.', '!', '?', ')', '”', '"', ';']);
    (!text.trim().is_empty() && space > 0 && (tabbed || sentence_end))
        .then(|| (children[last].id(), owner))
}

/// Content that shows: text other than spaces, an element other than `<br>`.
fn meaningful(n: NodeRef<'_, Node>) -> bool {
    match n.value() {
        Node::Text(t) => !t.trim().is_empty(),
        Node::Element(e) => e.name() != "br",
        _ => false,
    }
}

/// Whether a row's cells are all `th`: the table's column headings.
fn header_row(row: &[(NodeRef<'_, Node>, String)]) -> bool {
    !row.is_empty()
        && row
            .iter()
            .all(|(n, _)| n.value().as_element().is_some_and(|e| e.name() == "th"))
}

/// A list item's mark.
#[derive(Debug, Clone)]
enum Marker {
    Bullet,
    /// The number as printed, with its full stop ("3.", "c.", "iv.").
    Number(String),
}

/// An ordered list's number in the list's `type` ("1", "a", "A", "i", "I").
fn number(n: i64, style: &str) -> String {
    let body = match (style, u32::try_from(n)) {
        ("a", Ok(n @ 1..)) => letters(n, b'a'),
        ("A", Ok(n @ 1..)) => letters(n, b'A'),
        ("i", Ok(n @ 1..=3999)) => roman(n).to_lowercase(),
        ("I", Ok(n @ 1..=3999)) => roman(n),
        _ => n.to_string(),
    };
    format!("{body}.")
}

fn letters(mut n: u32, base: u8) -> String {
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(char::from(base + (n % 26) as u8));
        n /= 26;
    }
    out.iter().rev().collect()
}

fn roman(mut n: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for &(v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// `main`, `article` and `role="main"`: the page's own content.
fn is_content(e: &Element, rules: &HtmlRules) -> bool {
    rules.content_elements.contains(e.name())
        || e.attr("role")
            .is_some_and(|r| r.eq_ignore_ascii_case("main"))
}

/// Whether a matched element holds the page's content (a wrapper whose class merely
/// looks like boilerplate, say `page-header` around the `h1`): then it is kept.
fn holds(node: NodeRef<'_, Node>, rules: &HtmlRules, heading: bool) -> bool {
    node.descendants().skip(1).any(|d| {
        d.value()
            .as_element()
            .is_some_and(|e| is_content(e, rules) || heading && e.name() == "h1")
    })
}

/// Hidden from every reader: `hidden`, `aria-hidden="true"`, `display: none`,
/// `visibility: hidden`.
fn hidden(e: &Element) -> bool {
    e.attr("hidden").is_some()
        || e.attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || e.attr("style").is_some_and(|s| {
            style_prop(s, "display").is_some_and(|v| v.eq_ignore_ascii_case("none"))
                || style_prop(s, "visibility").is_some_and(|v| v.eq_ignore_ascii_case("hidden"))
        })
}

/// The `font-weight` an inline style sets: bold, normal, or nothing said.
fn style_bold(e: &Element) -> Option<bool> {
    let v = style_prop(e.attr("style")?, "font-weight")?.to_ascii_lowercase();
    match v.as_str() {
        "bold" | "bolder" => Some(true),
        "normal" | "lighter" => Some(false),
        n => n.parse::<u32>().ok().map(|w| w >= 600),
    }
}

/// The value of one property in a `style` attribute. Property names are compared whole,
/// so Word's `mso-bidi-font-weight` is not `font-weight`.
fn style_prop<'s>(style: &'s str, name: &str) -> Option<&'s str> {
    style.split(';').find_map(|decl| {
        let (k, v) = decl.split_once(':')?;
        k.trim().eq_ignore_ascii_case(name).then(|| {
            v.trim()
                .trim_end_matches("!important")
                .trim()
                .trim_matches(['"', '\''])
        })
    })
}

/// All text under a node, whitespace collapsed.
fn node_text(node: NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            s.push_str(t);
            s.push(' ');
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
