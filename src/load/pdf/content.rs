//! Content interpreter: a page's content streams → positioned glyphs and rulings
//! (issue #4).
//!
//! Takes a page of a `lopdf::Document` and returns a [`RawPage`] in upright, y-down
//! page space (see [`super::page`]): every glyph shown (invisible `Tr 3` text too, as
//! OCR layers use it), axis-aligned ruling lines and rectangle edges, and a count of
//! images. Form XObjects are followed with their own matrix and resources. It does not
//! order, join or normalise text (that is `layout`), draw anything, or apply clipping.
//!
//! Content streams are tokenised here rather than with `lopdf::content::Content`:
//! lopdf allocates a `String` and a `Vec` per operation and drops the rest of a page at
//! the first token it cannot parse, while this lexer keeps going and borrows from the
//! decoded stream. Limits (bytes interpreted, nesting depth, a deadline) keep hostile
//! pages from running away, since a form drawn many times is interpreted many times.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::font::{Font, FontCache};
use super::page::{Glyph, RawPage, Ruling};

/// Bounds on the work one page may cause.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Most content bytes interpreted for one page once decompressed, counting a Form
    /// XObject again each time it is drawn.
    pub max_stream_bytes: usize,
    /// Deepest nesting of Form XObjects.
    pub max_depth: usize,
    /// Give up on the page after this instant.
    pub deadline: Option<Instant>,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_stream_bytes: 64 << 20,
            max_depth: 16,
            deadline: None,
        }
    }
}

/// Why a page could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ContentError {
    /// The page's content, decompressed, exceeds [`Limits::max_stream_bytes`].
    #[error("page content is larger than the limit of {limit} bytes once decompressed")]
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// Form XObjects nest deeper than [`Limits::max_depth`].
    #[error("page draws forms nested more than {limit} deep")]
    TooDeep {
        /// The depth limit.
        limit: usize,
    },
    /// A Form XObject draws itself, directly or through others.
    #[error("page draws form object {} {} inside itself", .id.0, .id.1)]
    Cycle {
        /// The form's object id.
        id: ObjectId,
    },
    /// [`Limits::deadline`] passed.
    #[error("page took longer to read than the time limit")]
    Timeout,
    /// The page object itself is missing or not a page.
    #[error("page object {} {} is unreadable: {reason}", .id.0, .id.1)]
    Unreadable {
        /// The page's object id.
        id: ObjectId,
        /// What is wrong with it.
        reason: String,
    },
}

/// Most rulings kept per page: vector drawings (maps, charts) can paint hundreds of
/// thousands of segments that layout has no use for.
const MAX_RULINGS: usize = 50_000;
/// How many operators run between deadline checks (`Instant::now` is not free).
const DEADLINE_EVERY: u32 = 4096;

/// Reads one page: geometry, then every content stream in order.
pub fn read_page(
    doc: &Document,
    page_id: ObjectId,
    fonts: &mut FontCache,
    limits: &Limits,
) -> Result<RawPage, ContentError> {
    let page = doc
        .get_dictionary(page_id)
        .map_err(|e| ContentError::Unreadable {
            id: page_id,
            reason: e.to_string(),
        })?;
    let geometry = Geometry::of(doc, page);
    let empty = Dictionary::new();
    let resources = inherited(doc, page, b"Resources")
        .and_then(|o| as_dict(doc, o))
        .unwrap_or(&empty);

    let mut interp = Interpreter {
        doc,
        fonts,
        limits,
        budget: limits.max_stream_bytes,
        ops_until_check: DEADLINE_EVERY,
        page: RawPage {
            width: geometry.width,
            height: geometry.height,
            ..RawPage::default()
        },
        state: GState {
            ctm: geometry.to_upright,
            ..GState::default()
        },
        stack: Vec::new(),
        text: TextPos::default(),
        path: Path::default(),
        operands: Vec::new(),
        scratch: Vec::new(),
        forms: Vec::new(),
        form_cache: HashMap::new(),
    };
    for id in doc.get_page_contents(page_id) {
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            continue;
        };
        let Some(data) = interp.decode(stream)? else {
            continue;
        };
        interp.run(&data, resources, 0)?;
    }
    Ok(interp.page)
}

/// The page box and the transform from default user space to upright page space.
#[derive(Debug, Clone, Copy)]
struct Geometry {
    width: f32,
    height: f32,
    to_upright: Matrix,
}

impl Geometry {
    fn of(doc: &Document, page: &Dictionary) -> Geometry {
        let media = inherited(doc, page, b"MediaBox")
            .and_then(|o| rect(doc, o))
            .unwrap_or([0.0, 0.0, 612.0, 792.0]);
        // The crop box is clipped to the media box (ISO 32000-1, 14.11.2).
        let [x0, y0, x1, y1] = match inherited(doc, page, b"CropBox").and_then(|o| rect(doc, o)) {
            Some(c) => {
                let r = [
                    c[0].max(media[0]),
                    c[1].max(media[1]),
                    c[2].min(media[2]),
                    c[3].min(media[3]),
                ];
                if r[2] > r[0] && r[3] > r[1] { r } else { media }
            }
            None => media,
        };
        let rotate = inherited(doc, page, b"Rotate")
            .and_then(|o| number(doc, o))
            .map_or(0, |r| ((r as i64 / 90).rem_euclid(4)) * 90);
        let (w, h) = (x1 - x0, y1 - y0);
        // Each maps the box's visible top-left corner (after rotating the page
        // clockwise by /Rotate) to (0, 0), with y growing downwards.
        let (to_upright, width, height) = match rotate {
            90 => (Matrix([0.0, 1.0, 1.0, 0.0, -y0, -x0]), h, w),
            180 => (Matrix([-1.0, 0.0, 0.0, 1.0, x1, -y0]), w, h),
            270 => (Matrix([0.0, -1.0, -1.0, 0.0, y1, x1]), h, w),
            _ => (Matrix([1.0, 0.0, 0.0, -1.0, -x0, y1]), w, h),
        };
        Geometry {
            width,
            height,
            to_upright,
        }
    }
}

/// An affine transform `[a b c d e f]`, applied to row vectors as PDF does:
/// `x' = a·x + c·y + e`, `y' = b·x + d·y + f`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f32; 6]);

impl Default for Matrix {
    fn default() -> Matrix {
        Matrix::IDENTITY
    }
}

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` then `then`.
    fn then(&self, then: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = then.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }
}

/// The graphics state that `q`/`Q` save and restore. `ctm` maps straight to upright
/// page space (the page transform is its base), so points need one multiplication.
#[derive(Debug, Clone)]
struct GState {
    ctm: Matrix,
    font: Option<Arc<Font>>,
    font_size: f32,
    char_spacing: f32,
    word_spacing: f32,
    /// `Tz` / 100.
    h_scale: f32,
    leading: f32,
    rise: f32,
}

impl Default for GState {
    fn default() -> GState {
        GState {
            ctm: Matrix::IDENTITY,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Text matrix and text line matrix (not part of the graphics state).
#[derive(Debug, Clone, Copy, Default)]
struct TextPos {
    tm: Matrix,
    tlm: Matrix,
}

/// The path under construction, already in upright page space.
#[derive(Debug, Default)]
struct Path {
    /// Straight segments (x0, y0, x1, y1); curves only move the current point.
    segments: Vec<[f32; 4]>,
    /// Rectangles from `re` and closed four-sided axis-aligned subpaths:
    /// (min x, min y, max x, max y).
    rects: Vec<[f32; 4]>,
    start: (f32, f32),
    current: (f32, f32),
    /// Segment index where the current subpath began.
    subpath_from: usize,
}

/// An operand of a content-stream operator. Strings and names live in the
/// interpreter's scratch buffer, so lexing allocates nothing once it has warmed up.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Operand {
    Num(f32),
    Name(usize, usize),
    Str(usize, usize),
    ArrayStart,
    ArrayEnd,
    /// Booleans, null, dictionaries: nothing the interpreter reads.
    Other,
}

struct Interpreter<'a, 'f> {
    doc: &'a Document,
    fonts: &'f mut FontCache,
    limits: &'f Limits,
    /// Content bytes this page may still interpret.
    budget: usize,
    ops_until_check: u32,
    page: RawPage,
    state: GState,
    stack: Vec<GState>,
    text: TextPos,
    path: Path,
    operands: Vec<Operand>,
    scratch: Vec<u8>,
    /// Forms being drawn, outermost first (the cycle guard).
    forms: Vec<ObjectId>,
    /// Decoded form streams: a stamp drawn many times is decompressed once.
    form_cache: HashMap<ObjectId, Arc<[u8]>>,
}

impl<'a> Interpreter<'a, '_> {
    /// A stream's decoded bytes within the remaining budget; `None` for a stream that
    /// does not decode (it is skipped: the rest of the page is still worth having).
    fn decode<'s>(&mut self, stream: &'s Stream) -> Result<Option<Cow<'s, [u8]>>, ContentError> {
        let too_large = ContentError::TooLarge {
            limit: self.limits.max_stream_bytes,
        };
        let data = if stream.dict.get(b"Filter").is_err() {
            Cow::Borrowed(stream.content.as_slice())
        } else {
            match stream.decompressed_content_with_limit(self.budget) {
                Ok(data) => Cow::Owned(data),
                Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                    ..
                })) => return Err(too_large),
                Err(_) => return Ok(None),
            }
        };
        self.charge(data.len())?;
        Ok(Some(data))
    }

    fn charge(&mut self, bytes: usize) -> Result<(), ContentError> {
        self.budget = self
            .budget
            .checked_sub(bytes)
            .ok_or(ContentError::TooLarge {
                limit: self.limits.max_stream_bytes,
            })?;
        Ok(())
    }

    /// Interprets one content stream with the given resources.
    fn run(
        &mut self,
        data: &[u8],
        resources: &'a Dictionary,
        depth: usize,
    ) -> Result<(), ContentError> {
        if self.limits.deadline.is_some_and(|d| Instant::now() > d) {
            return Err(ContentError::Timeout);
        }
        let mut lexer = Lexer { data, pos: 0 };
        while let Some(token) = lexer.next(&mut self.scratch) {
            let op = match token {
                Token::Operand(operand) => {
                    // Garbage can pile up operands; only the last few ever matter.
                    if self.operands.len() < 4096 {
                        self.operands.push(operand);
                    }
                    continue;
                }
                Token::Operator(op) => op,
            };
            self.ops_until_check -= 1;
            if self.ops_until_check == 0 {
                self.ops_until_check = DEADLINE_EVERY;
                if self.limits.deadline.is_some_and(|d| Instant::now() > d) {
                    return Err(ContentError::Timeout);
                }
            }
            if op == b"BI" {
                lexer.skip_inline_image(&mut self.scratch);
                self.page.images += 1;
            } else {
                self.operator(op, resources, depth)?;
            }
            self.operands.clear();
            self.scratch.clear();
        }
        Ok(())
    }

    /// The i-th of the last `n` operands as a number (0 when missing or not a number).
    fn num(&self, n: usize, i: usize) -> f32 {
        let len = self.operands.len();
        match len
            .checked_sub(n)
            .and_then(|start| self.operands.get(start + i))
        {
            Some(Operand::Num(v)) => *v,
            _ => 0.0,
        }
    }

    fn last_matrix(&self) -> Matrix {
        Matrix(std::array::from_fn(|i| self.num(6, i)))
    }

    fn operator(
        &mut self,
        op: &[u8],
        resources: &'a Dictionary,
        depth: usize,
    ) -> Result<(), ContentError> {
        match op {
            // Graphics state.
            // Beyond 1024 saved states the stream is garbage; Q then pops what exists.
            b"q" if self.stack.len() < 1024 => self.stack.push(self.state.clone()),
            b"Q" => {
                if let Some(state) = self.stack.pop() {
                    self.state = state;
                }
            }
            b"cm" => self.state.ctm = self.last_matrix().then(&self.state.ctm),

            // Text objects and state.
            b"BT" => self.text = TextPos::default(),
            b"ET" => {}
            b"Tf" => {
                self.state.font_size = self.num(2, 1);
                let font = match self.operands.len().checked_sub(2).map(|i| self.operands[i]) {
                    Some(Operand::Name(s, e)) => self.font_resource(resources, s, e),
                    _ => None,
                };
                self.state.font = Some(font.unwrap_or_else(|| self.fonts.fallback()));
            }
            b"Tc" => self.state.char_spacing = self.num(1, 0),
            b"Tw" => self.state.word_spacing = self.num(1, 0),
            b"Tz" => self.state.h_scale = self.num(1, 0) / 100.0,
            b"TL" => self.state.leading = self.num(1, 0),
            b"Ts" => self.state.rise = self.num(1, 0),
            b"Tr" => {} // every mode is extracted: invisible text is OCR text
            b"Td" => self.next_line(self.num(2, 0), self.num(2, 1)),
            b"TD" => {
                self.state.leading = -self.num(2, 1);
                self.next_line(self.num(2, 0), self.num(2, 1));
            }
            b"Tm" => {
                let m = self.last_matrix();
                self.text = TextPos { tm: m, tlm: m };
            }
            b"T*" => self.next_line(0.0, -self.state.leading),

            // Text showing.
            b"Tj" => {
                if let Some(Operand::Str(s, e)) = self.operands.last().copied() {
                    self.show(s, e);
                }
            }
            b"'" => {
                self.next_line(0.0, -self.state.leading);
                if let Some(Operand::Str(s, e)) = self.operands.last().copied() {
                    self.show(s, e);
                }
            }
            b"\"" => {
                self.state.word_spacing = self.num(3, 0);
                self.state.char_spacing = self.num(3, 1);
                self.next_line(0.0, -self.state.leading);
                if let Some(Operand::Str(s, e)) = self.operands.last().copied() {
                    self.show(s, e);
                }
            }
            b"TJ" => {
                let start = self
                    .operands
                    .iter()
                    .rposition(|o| *o == Operand::ArrayStart)
                    .map_or(0, |i| i + 1);
                for i in start..self.operands.len() {
                    match self.operands[i] {
                        Operand::Str(s, e) => self.show(s, e),
                        Operand::Num(adjust) => {
                            // A kerning or word gap: move the pen only, layout reads
                            // the gap from the positions.
                            let tx = -adjust / 1000.0 * self.state.font_size * self.state.h_scale;
                            self.text.tm = Matrix::translate(tx, 0.0).then(&self.text.tm);
                        }
                        _ => {}
                    }
                }
            }

            // XObjects.
            b"Do" => {
                if let Some(Operand::Name(s, e)) = self.operands.last().copied() {
                    self.draw_xobject(resources, s, e, depth)?;
                }
            }

            // Path construction (points go straight to upright space).
            b"m" => {
                let p = self.state.ctm.apply(self.num(2, 0), self.num(2, 1));
                self.path.start = p;
                self.path.current = p;
                self.path.subpath_from = self.path.segments.len();
            }
            b"l" => {
                let p = self.state.ctm.apply(self.num(2, 0), self.num(2, 1));
                let c = self.path.current;
                self.path.segments.push([c.0, c.1, p.0, p.1]);
                self.path.current = p;
            }
            b"c" => self.path.current = self.state.ctm.apply(self.num(6, 4), self.num(6, 5)),
            b"v" | b"y" => self.path.current = self.state.ctm.apply(self.num(4, 2), self.num(4, 3)),
            b"h" => self.close_subpath(),
            b"re" => {
                let (x, y, w, h) = (
                    self.num(4, 0),
                    self.num(4, 1),
                    self.num(4, 2),
                    self.num(4, 3),
                );
                let corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
                    .map(|(px, py)| self.state.ctm.apply(px, py));
                self.add_quad(corners);
                self.path.start = corners[0];
                self.path.current = corners[0];
                self.path.subpath_from = self.path.segments.len();
            }

            // Path painting.
            b"S" => self.paint(true, false),
            b"s" => {
                self.close_subpath();
                self.paint(true, false);
            }
            b"f" | b"F" | b"f*" => {
                self.close_subpath();
                self.paint(false, true);
            }
            b"B" | b"B*" | b"b" | b"b*" => {
                self.close_subpath();
                self.paint(true, true);
            }
            b"n" => self.path = Path::default(),

            // Everything else (colour, line style, marked content, shading, clipping
            // which `n` follows, Type 3 d0/d1) changes nothing we record.
            _ => {}
        }
        Ok(())
    }

    fn next_line(&mut self, tx: f32, ty: f32) {
        let m = Matrix::translate(tx, ty).then(&self.text.tlm);
        self.text = TextPos { tm: m, tlm: m };
    }

    /// Looks up a font by resource name (the name's bytes are `scratch[s..e]`).
    fn font_resource(
        &mut self,
        resources: &'a Dictionary,
        s: usize,
        e: usize,
    ) -> Option<Arc<Font>> {
        let doc = self.doc;
        let fonts = resources.get(b"Font").ok().and_then(|o| as_dict(doc, o))?;
        let entry = fonts.get(self.scratch.get(s..e)?).ok()?;
        Some(self.fonts.font(doc, entry))
    }

    /// Shows the string `scratch[s..e]` with the current font, one glyph per code.
    fn show(&mut self, s: usize, e: usize) {
        let font = match &self.state.font {
            Some(font) => Arc::clone(font),
            None => {
                let font = self.fonts.fallback();
                self.state.font = Some(Arc::clone(&font));
                font
            }
        };
        let Some(bytes) = self.scratch.get(s..e) else {
            return;
        };
        let st = &self.state;
        // One matrix per string: text space → upright page space. Within the string
        // only the text-space x offset changes.
        let m = self.text.tm.then(&st.ctm);
        let [a, b, c, d, _, _] = m.0;
        let x_scale = (a * a + b * b).sqrt();
        let type3_scale = font.font_matrix()[3].abs() * 1000.0;
        let size = st.font_size * (c * c + d * d).sqrt() * type3_scale;
        // Upright text runs along +x; anything else (vertical, upside down) is rotated.
        let rotated = !(a > 0.0 && b.abs() <= a * 0.01);
        let bold = font.bold();
        let (fs, th, tc, tw, rise) = (
            st.font_size,
            st.h_scale,
            st.char_spacing,
            st.word_spacing,
            st.rise,
        );
        let mut pen = 0.0f32;
        let glyphs = &mut self.page.glyphs;
        font.decode(bytes, |g| {
            let (x, y) = m.apply(pen, rise);
            let ink = (g.width * fs + tc) * th;
            // A word space is what the glyph *is*, not its code: subset fonts hand out
            // code 32 to any glyph ("l" in LibreOffice exports). Only an unmapped code 32
            // is taken for a space.
            let space = if g.text.is_empty() {
                g.space
            } else {
                g.text.chars().all(char::is_whitespace)
            };
            glyphs.push(Glyph {
                text: g.text,
                x,
                y,
                width: ink * x_scale,
                size,
                space,
                bold,
                rotated,
            });
            pen += ink + if g.space { tw * th } else { 0.0 };
        });
        self.text.tm = Matrix::translate(pen, 0.0).then(&self.text.tm);
    }

    fn draw_xobject(
        &mut self,
        resources: &'a Dictionary,
        s: usize,
        e: usize,
        depth: usize,
    ) -> Result<(), ContentError> {
        let doc = self.doc;
        let Some(xobjects) = resources.get(b"XObject").ok().and_then(|o| as_dict(doc, o)) else {
            return Ok(());
        };
        let Some(entry) = self
            .scratch
            .get(s..e)
            .and_then(|name| xobjects.get(name).ok())
        else {
            return Ok(());
        };
        let Ok((id, Object::Stream(stream))) = doc.dereference(entry) else {
            return Ok(());
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => self.page.images += 1,
            Ok(b"Form") => {
                if depth + 1 > self.limits.max_depth {
                    return Err(ContentError::TooDeep {
                        limit: self.limits.max_depth,
                    });
                }
                let id = id.unwrap_or((0, 0));
                if id != (0, 0) && self.forms.contains(&id) {
                    return Err(ContentError::Cycle { id });
                }
                let data: Arc<[u8]> = match self.form_cache.get(&id) {
                    Some(data) => {
                        let data = Arc::clone(data);
                        self.charge(data.len())?;
                        data
                    }
                    None => {
                        let Some(data) = self.decode(stream)? else {
                            return Ok(());
                        };
                        let data: Arc<[u8]> = Arc::from(data.as_ref());
                        self.form_cache.insert(id, Arc::clone(&data));
                        data
                    }
                };
                let form_resources = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|o| as_dict(doc, o))
                    .unwrap_or(resources);
                let matrix = match stream.dict.get(b"Matrix").ok().and_then(|o| matrix(doc, o)) {
                    Some(m) => m,
                    None => Matrix::IDENTITY,
                };
                // A form runs in its own q/Q with its own text objects; the operand
                // stack and scratch of the caller are done with (Do is its operator).
                let saved_state = self.state.clone();
                let saved_text = self.text;
                let saved_stack = self.stack.len();
                let saved_path = std::mem::take(&mut self.path);
                self.state.ctm = matrix.then(&self.state.ctm);
                self.forms.push(id);
                self.operands.clear();
                self.scratch.clear();
                let result = self.run(&data, form_resources, depth + 1);
                self.forms.pop();
                self.stack.truncate(saved_stack);
                self.state = saved_state;
                self.text = saved_text;
                self.path = saved_path;
                result?;
            }
            _ => {}
        }
        Ok(())
    }

    fn close_subpath(&mut self) {
        let path = &mut self.path;
        let from = path.subpath_from.min(path.segments.len());
        let c = path.current;
        if c != path.start {
            path.segments.push([c.0, c.1, path.start.0, path.start.1]);
        }
        // Four axis-aligned sides closing on themselves: a rectangle drawn with lines.
        if path.segments.len() - from == 4 {
            let corners: [(f32, f32); 4] = std::array::from_fn(|i| {
                let s = path.segments[from + i];
                (s[0], s[1])
            });
            if is_axis_rect(&corners) {
                path.segments.truncate(from);
                self.add_quad(corners);
            }
        }
        let path = &mut self.path;
        path.current = path.start;
        path.subpath_from = path.segments.len();
    }

    /// Records four corners as a rectangle when axis-aligned, otherwise as segments.
    fn add_quad(&mut self, corners: [(f32, f32); 4]) {
        if is_axis_rect(&corners) {
            let xs = corners.map(|p| p.0);
            let ys = corners.map(|p| p.1);
            self.path.rects.push([
                xs.iter().copied().fold(f32::INFINITY, f32::min),
                ys.iter().copied().fold(f32::INFINITY, f32::min),
                xs.iter().copied().fold(f32::NEG_INFINITY, f32::max),
                ys.iter().copied().fold(f32::NEG_INFINITY, f32::max),
            ]);
        } else {
            for i in 0..4 {
                let (p, q) = (corners[i], corners[(i + 1) % 4]);
                self.path.segments.push([p.0, p.1, q.0, q.1]);
            }
        }
    }

    /// Turns the current path into rulings and clears it.
    fn paint(&mut self, stroke: bool, fill: bool) {
        let path = std::mem::take(&mut self.path);
        let (pw, ph) = (self.page.width, self.page.height);
        let rulings = &mut self.page.rulings;
        let mut push = |r: Ruling| {
            if rulings.len() < MAX_RULINGS {
                rulings.push(r);
            }
        };
        for [x0, y0, x1, y1] in path.rects {
            let (w, h) = (x1 - x0, y1 - y0);
            // A page-sized rectangle is a background, not a table.
            if w >= pw * 0.9 && h >= ph * 0.9 {
                continue;
            }
            if fill && !stroke && (w <= THIN || h <= THIN) {
                // A thin filled rectangle is drawn as a line; a dot is neither.
                if w > THIN {
                    let y = (y0 + y1) / 2.0;
                    push(Ruling {
                        x0,
                        y0: y,
                        x1,
                        y1: y,
                    });
                } else if h > THIN {
                    let x = (x0 + x1) / 2.0;
                    push(Ruling {
                        x0: x,
                        y0,
                        x1: x,
                        y1,
                    });
                }
                continue;
            }
            if w <= THIN && h <= THIN {
                continue;
            }
            push(Ruling { x0, y0, x1, y1: y0 });
            push(Ruling { x0, y0: y1, x1, y1 });
            push(Ruling { x0, y0, x1: x0, y1 });
            push(Ruling { x0: x1, y0, x1, y1 });
        }
        // Open or irregular shapes only count when stroked: a filled polygon's edges
        // are rarely rules.
        if stroke {
            for [x0, y0, x1, y1] in path.segments {
                let (dx, dy) = ((x1 - x0).abs(), (y1 - y0).abs());
                if dy <= AXIS_TOLERANCE && dx > AXIS_TOLERANCE {
                    let y = (y0 + y1) / 2.0;
                    push(Ruling {
                        x0: x0.min(x1),
                        y0: y,
                        x1: x0.max(x1),
                        y1: y,
                    });
                } else if dx <= AXIS_TOLERANCE && dy > AXIS_TOLERANCE {
                    let x = (x0 + x1) / 2.0;
                    push(Ruling {
                        x0: x,
                        y0: y0.min(y1),
                        x1: x,
                        y1: y0.max(y1),
                    });
                }
            }
        }
    }
}

/// Rectangles at most this thick (points) are lines.
const THIN: f32 = 2.0;
/// Segments that drift less than this (points) are axis-aligned.
const AXIS_TOLERANCE: f32 = 0.5;

/// Four points in order form an axis-aligned rectangle.
fn is_axis_rect(p: &[(f32, f32); 4]) -> bool {
    let close = |a: f32, b: f32| (a - b).abs() <= AXIS_TOLERANCE;
    // Either edges 0-1 and 2-3 are horizontal and 1-2, 3-0 vertical, or the reverse.
    (close(p[0].1, p[1].1)
        && close(p[1].0, p[2].0)
        && close(p[2].1, p[3].1)
        && close(p[3].0, p[0].0))
        || (close(p[0].0, p[1].0)
            && close(p[1].1, p[2].1)
            && close(p[2].0, p[3].0)
            && close(p[3].1, p[0].1))
}

/// A page attribute, inherited through `/Parent` (ISO 32000-1, 7.7.3.4).
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    // Bounded: a malformed tree can loop through /Parent.
    for _ in 0..64 {
        if let Ok(value) = node.get(key) {
            return Some(value);
        }
        node = as_dict(doc, node.get(b"Parent").ok()?)?;
    }
    None
}

fn as_dict<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    match doc.dereference(object).ok()?.1 {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

fn number(doc: &Document, object: &Object) -> Option<f32> {
    match doc.dereference(object).ok()?.1 {
        Object::Integer(n) => Some(*n as f32),
        Object::Real(n) if n.is_finite() => Some(*n),
        _ => None,
    }
}

fn numbers<const N: usize>(doc: &Document, object: &Object) -> Option<[f32; N]> {
    let list = doc.dereference(object).ok()?.1.as_array().ok()?;
    if list.len() != N {
        return None;
    }
    let mut out = [0.0; N];
    for (slot, o) in out.iter_mut().zip(list) {
        *slot = number(doc, o)?;
    }
    Some(out)
}

/// A rectangle, normalised so the first corner is the lower-left.
fn rect(doc: &Document, object: &Object) -> Option<[f32; 4]> {
    let [a, b, c, d] = numbers::<4>(doc, object)?;
    let r = [a.min(c), b.min(d), a.max(c), b.max(d)];
    (r[2] > r[0] && r[3] > r[1]).then_some(r)
}

fn matrix(doc: &Document, object: &Object) -> Option<Matrix> {
    numbers::<6>(doc, object).map(Matrix)
}

/// A lexical token of a content stream.
#[derive(Debug, PartialEq)]
enum Token<'a> {
    Operand(Operand),
    Operator(&'a [u8]),
}

/// A content-stream tokenizer that never fails: bytes it cannot read are skipped.
struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Lexer<'a> {
    /// The next token; strings and names are decoded into `scratch`.
    fn next(&mut self, scratch: &mut Vec<u8>) -> Option<Token<'a>> {
        loop {
            let &b = self.data.get(self.pos)?;
            match b {
                b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0' => self.pos += 1,
                b'%' => self.skip_line(),
                b'(' => return Some(Token::Operand(self.literal_string(scratch))),
                b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                    self.skip_dictionary(scratch);
                    return Some(Token::Operand(Operand::Other));
                }
                b'<' => return Some(Token::Operand(self.hex_string(scratch))),
                b'/' => {
                    self.pos += 1;
                    return Some(Token::Operand(self.name(scratch)));
                }
                b'[' => {
                    self.pos += 1;
                    return Some(Token::Operand(Operand::ArrayStart));
                }
                b']' => {
                    self.pos += 1;
                    return Some(Token::Operand(Operand::ArrayEnd));
                }
                b'0'..=b'9' | b'+' | b'-' | b'.' => {
                    let word = self.regular();
                    return Some(Token::Operand(
                        parse_number(word).map_or(Operand::Other, Operand::Num),
                    ));
                }
                _ => {
                    let word = self.regular();
                    if word.is_empty() {
                        // A stray delimiter (`>`, `)`, `{`, `}`).
                        self.pos += 1;
                        continue;
                    }
                    return Some(match word {
                        b"true" | b"false" | b"null" => Token::Operand(Operand::Other),
                        op => Token::Operator(op),
                    });
                }
            }
        }
    }

    fn skip_line(&mut self) {
        while self
            .data
            .get(self.pos)
            .is_some_and(|&c| c != b'\n' && c != b'\r')
        {
            self.pos += 1;
        }
    }

    fn regular(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.data.get(self.pos).is_some_and(|&c| is_regular(c)) {
            self.pos += 1;
        }
        &self.data[start..self.pos]
    }

    fn name(&mut self, scratch: &mut Vec<u8>) -> Operand {
        let start = scratch.len();
        let raw = self.regular();
        let mut i = 0;
        while i < raw.len() {
            // `#xx` escapes a byte in a name.
            if raw[i] == b'#'
                && let Some(v) = raw
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                scratch.push(v);
                i += 3;
                continue;
            }
            scratch.push(raw[i]);
            i += 1;
        }
        Operand::Name(start, scratch.len())
    }

    fn literal_string(&mut self, scratch: &mut Vec<u8>) -> Operand {
        let start = scratch.len();
        super::syntax::literal_string(self.data, &mut self.pos, scratch);
        Operand::Str(start, scratch.len())
    }

    fn hex_string(&mut self, scratch: &mut Vec<u8>) -> Operand {
        self.pos += 1;
        let start = scratch.len();
        let mut high: Option<u8> = None;
        while let Some(&c) = self.data.get(self.pos) {
            self.pos += 1;
            let v = match c {
                b'>' => break,
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                _ => continue,
            };
            match high.take() {
                Some(h) => scratch.push((h << 4) | v),
                None => high = Some(v),
            }
        }
        if let Some(h) = high {
            scratch.push(h << 4);
        }
        Operand::Str(start, scratch.len())
    }

    /// Skips a `<< … >>` dictionary (marked-content properties), nested ones too.
    fn skip_dictionary(&mut self, scratch: &mut Vec<u8>) {
        self.pos += 2;
        let mark = scratch.len();
        let mut depth = 1usize;
        while depth > 0 && self.pos < self.data.len() {
            match (self.data[self.pos], self.data.get(self.pos + 1)) {
                (b'<', Some(b'<')) => {
                    depth += 1;
                    self.pos += 2;
                }
                (b'>', Some(b'>')) => {
                    depth -= 1;
                    self.pos += 2;
                }
                (b'(', _) => {
                    self.literal_string(scratch);
                }
                (b'<', _) => {
                    self.hex_string(scratch);
                }
                (b'%', _) => self.skip_line(),
                _ => self.pos += 1,
            }
        }
        scratch.truncate(mark);
    }

    /// Skips an inline image after `BI`: its dictionary up to `ID`, then the data up
    /// to `EI`. The data length is taken from the dictionary when it is unfiltered;
    /// otherwise (or if that does not land on `EI`) the first `EI` standing alone
    /// ends it.
    fn skip_inline_image(&mut self, scratch: &mut Vec<u8>) {
        let mark = scratch.len();
        let (mut w, mut h, mut bpc, mut comps, mut filtered, mut mask) =
            (0.0, 0.0, 8.0, 1.0, false, false);
        let mut key: Option<Vec<u8>> = None;
        loop {
            let Some(token) = self.next(scratch) else {
                scratch.truncate(mark);
                return;
            };
            match token {
                Token::Operator(b"ID") => break,
                // A bare word before ID is malformed; keep looking for ID.
                Token::Operator(_) => {}
                Token::Operand(Operand::Name(s, e)) => {
                    let name = scratch[s..e].to_vec();
                    match key.take() {
                        None => key = Some(name),
                        Some(k) => {
                            match k.as_slice() {
                                b"F" | b"Filter" => filtered = true,
                                b"CS" | b"ColorSpace" => {
                                    comps = match name.as_slice() {
                                        b"RGB" | b"DeviceRGB" => 3.0,
                                        b"CMYK" | b"DeviceCMYK" => 4.0,
                                        b"G" | b"DeviceGray" | b"I" | b"Indexed" => 1.0,
                                        _ => {
                                            filtered = true; // unknown: fall back to scanning
                                            1.0
                                        }
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                }
                Token::Operand(operand) => {
                    if let Some(k) = key.take() {
                        let v = if let Operand::Num(v) = operand {
                            v
                        } else {
                            0.0
                        };
                        match k.as_slice() {
                            b"W" | b"Width" => w = v,
                            b"H" | b"Height" => h = v,
                            b"BPC" | b"BitsPerComponent" => bpc = v,
                            b"IM" | b"ImageMask" => mask = true,
                            b"F" | b"Filter" | b"DP" | b"DecodeParms" => filtered = true,
                            b"CS" | b"ColorSpace" => filtered = true,
                            _ => {}
                        }
                        // An array value: skip to its end.
                        if operand == Operand::ArrayStart {
                            while let Some(t) = self.next(scratch) {
                                if t == Token::Operand(Operand::ArrayEnd) {
                                    break;
                                }
                            }
                        }
                    }
                }
            }
        }
        scratch.truncate(mark);
        // One white-space byte separates ID from the data.
        self.pos += 1;
        if !filtered && w > 0.0 && h > 0.0 {
            let (bpc, comps) = if mask { (1.0, 1.0) } else { (bpc, comps) };
            let row = ((w * bpc * comps) / 8.0).ceil();
            // `as usize` saturates, and checked_add keeps a huge size from wrapping.
            let len = (row * h) as usize;
            if let Some(mut end) = self.pos.checked_add(len)
                && end < self.data.len()
            {
                while self.data.get(end).is_some_and(|c| c.is_ascii_whitespace()) {
                    end += 1;
                }
                if self.data.get(end..end + 2) == Some(b"EI") {
                    self.pos = end + 2;
                    return;
                }
            }
        }
        let data = &self.data[self.pos.min(self.data.len())..];
        let found = data.windows(3).enumerate().position(|(i, win)| {
            win[0].is_ascii_whitespace()
                && &win[1..] == b"EI"
                && data.get(i + 3).is_none_or(|c| !is_regular(*c))
        });
        self.pos = match found {
            Some(i) => self.pos + i + 3,
            None => self.data.len(),
        };
    }
}

fn is_regular(c: u8) -> bool {
    !matches!(
        c,
        b' ' | b'\t'
            | b'\r'
            | b'\n'
            | b'\x0c'
            | b'\0'
            | b'('
            | b')'
            | b'<'
            | b'>'
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'/'
            | b'%'
    )
}

/// Parses a PDF number (`12`, `-3.5`, `.5`, `4.`); tolerates a doubled sign.
fn parse_number(word: &[u8]) -> Option<f32> {
    let mut i = 0;
    let mut negative = false;
    while i < word.len() && matches!(word[i], b'+' | b'-') {
        negative ^= word[i] == b'-';
        i += 1;
    }
    let mut int: f64 = 0.0;
    let mut frac: f64 = 0.0;
    let mut scale: f64 = 1.0;
    let mut digits = 0;
    let mut seen_dot = false;
    for &c in &word[i..] {
        match c {
            b'0'..=b'9' => {
                digits += 1;
                if seen_dot {
                    scale /= 10.0;
                    frac += f64::from(c - b'0') * scale;
                } else {
                    int = int * 10.0 + f64::from(c - b'0');
                }
            }
            b'.' if !seen_dot => seen_dot = true,
            // Junk after a number ("12-" from some producers): keep what was read.
            _ => break,
        }
    }
    if digits == 0 {
        return None;
    }
    let v = (int + frac) as f32;
    let v = if negative { -v } else { v };
    v.is_finite().then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Stream, dictionary};
    use std::time::Duration;

    /// A one-page document: MediaBox 600 x 800, Helvetica as /F1, `page` entries
    /// merged into the page dictionary, `xobjects` as the page's /XObject resources.
    fn doc_with(
        contents: &[&[u8]],
        page: Dictionary,
        xobjects: Dictionary,
    ) -> (Document, ObjectId) {
        let mut doc = Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
            "Encoding" => "WinAnsiEncoding",
        });
        let resources = dictionary! {
            "Font" => dictionary! { "F1" => font },
            "XObject" => xobjects,
        };
        let streams: Vec<Object> = contents
            .iter()
            .map(|c| Object::Reference(doc.add_object(Stream::new(dictionary! {}, c.to_vec()))))
            .collect();
        let mut page_dict = dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => streams,
        };
        for (k, v) in page {
            page_dict.set(k, v);
        }
        let page_id = doc.add_object(page_dict);
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
                "MediaBox" => vec![0.into(), 0.into(), 600.into(), 800.into()],
                "Resources" => resources,
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        (doc, page_id)
    }

    fn read(doc: &Document, page: ObjectId) -> RawPage {
        read_page(doc, page, &mut FontCache::new(), &Limits::default()).expect("page reads")
    }

    fn simple(content: &[u8]) -> RawPage {
        let (doc, page) = doc_with(&[content], dictionary! {}, dictionary! {});
        read(&doc, page)
    }

    fn text(page: &RawPage) -> String {
        page.glyphs.iter().map(|g| g.text.as_str()).collect()
    }

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() < 1e-3
    }

    #[test]
    fn text_position_size_and_width() {
        let page = simple(b"BT /F1 10 Tf 100 700 Td (Hi ) Tj ET");
        assert_eq!((page.width, page.height), (600.0, 800.0));
        assert_eq!(text(&page), "Hi ");
        let [h, i, sp] = &page.glyphs[..] else {
            panic!("three glyphs")
        };
        assert!(close(h.x, 100.0) && close(h.y, 100.0), "{h:?}");
        assert!(close(h.width, 7.22) && close(h.size, 10.0));
        assert!(close(i.x, 107.22));
        assert!(sp.space && !h.space && !h.rotated && !h.bold);
    }

    #[test]
    fn tj_kerning_moves_the_pen() {
        let page = simple(b"BT /F1 10 Tf 0 0 Td [(A) -1000 (B) 500 (C)] TJ ET");
        let g = &page.glyphs;
        assert_eq!(text(&page), "ABC");
        assert!(close(g[1].x, 6.67 + 10.0), "{:?}", g[1]);
        assert!(close(g[2].x, g[1].x + 6.67 - 5.0));
    }

    #[test]
    fn tz_tc_tw_and_line_operators() {
        let page = simple(b"BT /F1 10 Tf 50 Tz 2 Tc 5 Tw 12 TL 0 700 Td (A B) Tj T* (C) ' ET");
        let g = &page.glyphs;
        // Advance = (w * size + Tc) * Tz; the width excludes Tw.
        let a = (6.67 + 2.0) * 0.5;
        assert!(close(g[0].width, a), "{:?}", g[0]);
        assert!(close(g[1].x, a) && close(g[1].width, (2.78 + 2.0) * 0.5));
        assert!(close(g[2].x, a + (2.78 + 2.0 + 5.0) * 0.5), "{:?}", g[2]);
        // T* then ' moved two lines down by TL.
        assert!(
            close(g[3].y, 100.0 + 24.0) && close(g[3].x, 0.0),
            "{:?}",
            g[3]
        );
        // " sets word and character spacing.
        let page = simple(b"BT /F1 10 Tf 0 0 Td 3 1 (A B) \" ET");
        assert!(close(page.glyphs[2].x, 6.67 + 1.0 + 2.78 + 1.0 + 3.0));
    }

    #[test]
    fn text_matrix_scales_size_and_flags_rotation() {
        let page = simple(b"BT /F1 1 Tf 12 0 0 12 72 720 Tm (A) Tj 0 1 -1 0 300 300 Tm (B) Tj ET");
        let [a, b] = &page.glyphs[..] else {
            panic!("two glyphs")
        };
        assert!(close(a.size, 12.0) && close(a.x, 72.0) && close(a.y, 80.0) && !a.rotated);
        assert!(b.rotated && close(b.y, 500.0));
        // Rise lifts the baseline (y grows downwards in upright space).
        let page = simple(b"BT /F1 10 Tf 0 700 Td 3 Ts (A) Tj ET");
        assert!(close(page.glyphs[0].y, 97.0), "{:?}", page.glyphs[0]);
        // Invisible text (OCR layers) is still extracted.
        assert_eq!(text(&simple(b"BT 3 Tr /F1 9 Tf (ocr) Tj ET")), "ocr");
    }

    #[test]
    fn crop_box_offset() {
        let (doc, page) = doc_with(
            &[b"BT /F1 10 Tf 60 690 Td (A) Tj ET"],
            dictionary! { "CropBox" => vec![50.into(), 100.into(), 550.into(), 700.into()] },
            dictionary! {},
        );
        let page = read(&doc, page);
        assert_eq!((page.width, page.height), (500.0, 600.0));
        let g = &page.glyphs[0];
        assert!(close(g.x, 10.0) && close(g.y, 10.0), "{g:?}");
    }

    #[test]
    fn rotate_90_with_crop_box() {
        // Text written upwards on a page shown rotated clockwise reads left to right.
        let (doc, page) = doc_with(
            &[b"BT /F1 10 Tf 0 1 -1 0 100 200 Tm (AB) Tj ET BT /F1 10 Tf 100 600 Td (C) Tj ET"],
            dictionary! {
                "CropBox" => vec![50.into(), 100.into(), 550.into(), 700.into()],
                "Rotate" => 90,
            },
            dictionary! {},
        );
        let page = read(&doc, page);
        assert_eq!((page.width, page.height), (600.0, 500.0));
        let [a, b, c] = &page.glyphs[..] else {
            panic!("three glyphs")
        };
        assert!(close(a.x, 100.0) && close(a.y, 50.0) && !a.rotated, "{a:?}");
        assert!(close(b.x, 106.67) && close(b.y, 50.0) && close(a.width, 6.67));
        // Ordinary horizontal text on such a page runs down the upright view.
        assert!(close(c.x, 500.0) && close(c.y, 50.0) && c.rotated, "{c:?}");
    }

    #[test]
    fn rotate_180_and_270() {
        // A point near the bottom-left of a 600 x 800 page ends up near the top-right
        // when the page is turned upside down, near the bottom-right when turned 270°.
        for (rotate, want) in [(180, (590.0, 20.0)), (270, (780.0, 590.0))] {
            let (doc, page) = doc_with(
                &[b"BT /F1 10 Tf 10 20 Td (A) Tj ET"],
                dictionary! { "Rotate" => rotate },
                dictionary! {},
            );
            let page = read(&doc, page);
            let g = &page.glyphs[0];
            assert!(close(g.x, want.0) && close(g.y, want.1), "{rotate}: {g:?}");
            assert!(g.rotated);
        }
    }

    fn form(doc: &mut Document, content: &[u8], extra: Dictionary) -> ObjectId {
        let mut dict = dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
        };
        for (k, v) in extra {
            dict.set(k, v);
        }
        doc.add_object(Stream::new(dict, content.to_vec()))
    }

    #[test]
    fn form_xobject_stamp_with_its_own_matrix_and_a_second_stream() {
        let (mut doc, page) = doc_with(
            &[
                b"BT /F1 10 Tf 10 790 Td (Body) Tj ET",
                b"q 1 0 0 1 100 100 cm /Stamp Do Q /Img Do",
            ],
            dictionary! {},
            dictionary! {},
        );
        let bold = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica-Bold",
        });
        let stamp = form(
            &mut doc,
            b"BT /FB 5 Tf 0 0 Td (S) Tj ET 0 0 m 50 0 l S",
            dictionary! {
                "Matrix" => vec![2.into(), 0.into(), 0.into(), 2.into(), 10.into(), 10.into()],
                "Resources" => dictionary! { "Font" => dictionary! { "FB" => bold } },
            },
        );
        let image = doc.add_object(Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1 },
            vec![0],
        ));
        set_xobjects(
            &mut doc,
            page,
            dictionary! { "Stamp" => stamp, "Img" => image },
        );
        let page = read(&doc, page);
        assert_eq!(text(&page), "BodyS");
        let s = &page.glyphs[4];
        assert!(
            close(s.x, 110.0) && close(s.y, 690.0) && close(s.size, 10.0),
            "{s:?}"
        );
        assert!(s.bold && !page.glyphs[0].bold);
        assert_eq!(page.images, 1);
        assert_eq!(
            page.rulings,
            [Ruling {
                x0: 110.0,
                y0: 690.0,
                x1: 210.0,
                y1: 690.0
            }]
        );
    }

    /// Replaces the page's /XObject resources (the helper puts them on the tree root).
    fn set_xobjects(doc: &mut Document, page: ObjectId, xobjects: Dictionary) {
        let parent = doc
            .get_dictionary(page)
            .and_then(|p| p.get(b"Parent"))
            .and_then(Object::as_reference)
            .expect("parent");
        let pages = doc.get_dictionary_mut(parent).expect("pages");
        let resources = pages
            .get_mut(b"Resources")
            .and_then(Object::as_dict_mut)
            .expect("resources");
        resources.set("XObject", xobjects);
    }

    #[test]
    fn form_without_resources_uses_the_callers() {
        let (mut doc, page) = doc_with(&[b"/X Do"], dictionary! {}, dictionary! {});
        let x = form(&mut doc, b"BT /F1 10 Tf (inherited) Tj ET", dictionary! {});
        set_xobjects(&mut doc, page, dictionary! { "X" => x });
        assert_eq!(text(&read(&doc, page)), "inherited");
    }

    #[test]
    fn form_cycles_and_depth_are_errors() {
        let (mut doc, page) = doc_with(&[b"/A Do"], dictionary! {}, dictionary! {});
        let a = doc.new_object_id();
        let resources = dictionary! { "XObject" => dictionary! { "A" => a } };
        let stream = Stream::new(
            dictionary! { "Subtype" => "Form", "Resources" => resources },
            b"/A Do".to_vec(),
        );
        doc.objects.insert(a, Object::Stream(stream));
        set_xobjects(&mut doc, page, dictionary! { "A" => a });
        let err = read_page(&doc, page, &mut FontCache::new(), &Limits::default());
        assert!(
            matches!(err, Err(ContentError::Cycle { id }) if id == a),
            "{err:?}"
        );

        let (mut doc, page) = doc_with(&[b"/A Do"], dictionary! {}, dictionary! {});
        let c = form(&mut doc, b"BT /F1 9 Tf (deep) Tj ET", dictionary! {});
        let b = form(&mut doc, b"/C Do", dictionary! {});
        let a = form(&mut doc, b"/B Do", dictionary! {});
        set_xobjects(&mut doc, page, dictionary! { "A" => a, "B" => b, "C" => c });
        let limits = Limits {
            max_depth: 2,
            ..Limits::default()
        };
        let err = read_page(&doc, page, &mut FontCache::new(), &limits);
        assert!(
            matches!(err, Err(ContentError::TooDeep { limit: 2 })),
            "{err:?}"
        );
        let limits = Limits {
            max_depth: 3,
            ..Limits::default()
        };
        let ok = read_page(&doc, page, &mut FontCache::new(), &limits).expect("depth 3 is fine");
        assert_eq!(text(&ok), "deep");
        // The messages say what happened in words.
        assert_eq!(
            ContentError::TooDeep { limit: 2 }.to_string(),
            "page draws forms nested more than 2 deep"
        );
    }

    #[test]
    fn deadline_and_size_limits() {
        let (doc, page) = doc_with(&[b"BT /F1 10 Tf (x) Tj ET"], dictionary! {}, dictionary! {});
        let past = Instant::now().checked_sub(Duration::from_millis(10));
        let limits = Limits {
            deadline: past,
            ..Limits::default()
        };
        let err = read_page(&doc, page, &mut FontCache::new(), &limits);
        assert!(matches!(err, Err(ContentError::Timeout)), "{err:?}");
        let limits = Limits {
            max_stream_bytes: 5,
            ..Limits::default()
        };
        let err = read_page(&doc, page, &mut FontCache::new(), &limits);
        assert!(
            matches!(err, Err(ContentError::TooLarge { limit: 5 })),
            "{err:?}"
        );
        // A compressed stream is bounded while it decompresses.
        let mut doc = doc;
        let id = doc.get_page_contents(page)[0];
        let mut big = Stream::new(dictionary! {}, vec![b' '; 100_000]);
        big.compress().expect("compresses");
        doc.objects.insert(id, Object::Stream(big));
        let limits = Limits {
            max_stream_bytes: 1000,
            ..Limits::default()
        };
        let err = read_page(&doc, page, &mut FontCache::new(), &limits);
        assert!(matches!(err, Err(ContentError::TooLarge { .. })), "{err:?}");
    }

    #[test]
    fn rulings_from_rectangles_and_lines() {
        let page = simple(
            b"0 0 600 800 re f \
              100 100 200 50 re S \
              100 300 200 0.5 re f \
              300 300 1 1 re f \
              10 10 m 10 210 l 20 20 l S \
              q 1 0 0 1 0 400 cm 50 0 m 150 0 l 150 20 l 50 20 l h f Q \
              5 5 m 100 100 l S \
              0 0 100 100 re W n",
        );
        let r = |x0, y0, x1, y1| Ruling { x0, y0, x1, y1 };
        assert_eq!(
            page.rulings,
            [
                // The stroked rectangle's four edges (y flipped: 700..650).
                r(100.0, 650.0, 300.0, 650.0),
                r(100.0, 700.0, 300.0, 700.0),
                r(100.0, 650.0, 100.0, 700.0),
                r(300.0, 650.0, 300.0, 700.0),
                // The thin filled rectangle is one line through its middle.
                r(100.0, 499.75, 300.0, 499.75),
                // The vertical stroke; the diagonal is not a ruling.
                r(10.0, 590.0, 10.0, 790.0),
                // A rectangle drawn with m/l/h and filled.
                r(50.0, 380.0, 150.0, 380.0),
                r(50.0, 400.0, 150.0, 400.0),
                r(50.0, 380.0, 50.0, 400.0),
                r(150.0, 380.0, 150.0, 400.0),
            ]
        );
    }

    #[test]
    fn inline_images_are_counted_and_skipped() {
        // A size far beyond the data must not overflow; the EI scan takes over.
        let page = simple(b"BI /W 99999999999 /H 99999999999 /CS /RGB ID xyz EI (ok) Tj");
        assert_eq!((page.images, text(&page).as_str()), (1, "ok"));
        let mut content = b"BI /W 2 /H 2 /BPC 8 /CS /G ID ".to_vec();
        content.extend_from_slice(b"EI\x00 ");
        content.extend_from_slice(b"\nEI BT /F1 10 Tf (after) Tj ET ");
        content.extend_from_slice(b"BI /W 4 /H 4 /F /AHx ID 00ff00ff EI (x) Tj");
        let page = simple(&content);
        assert_eq!(page.images, 2);
        assert_eq!(text(&page), "afterx");
    }

    #[test]
    fn lexer_survives_garbage_and_escapes() {
        let page = simple(
            b"% comment\nBT /F#31 10 Tf 0 0 Td (a\\(b\\)\\101\\\nc) Tj <48 69 7> Tj \
              /P <</MCID 0 /Alt (x>>y)>> BDC EMC } ] >> 12-3 Tj ET",
        );
        assert_eq!(text(&page), "a(b)AcHip");
        let mut junk = Vec::new();
        for i in 0..5000u32 {
            junk.push((i.wrapping_mul(2_654_435_761) >> 13) as u8);
        }
        let _ = simple(&junk);
        assert_eq!(parse_number(b"-.5"), Some(-0.5));
        assert_eq!(parse_number(b"--2"), Some(2.0));
        assert_eq!(parse_number(b"4."), Some(4.0));
        assert_eq!(parse_number(b"-"), None);
    }

    #[test]
    fn missing_font_uses_fallback() {
        let mut fonts = FontCache::new();
        let (doc, page) = doc_with(
            &[b"BT /Nope 10 Tf (ok) Tj ET (no font) Tj"],
            dictionary! {},
            dictionary! {},
        );
        let page = read_page(&doc, page, &mut fonts, &Limits::default()).expect("reads");
        assert_eq!(text(&page), "okno font");
        assert_eq!(fonts.take_notes().len(), 1);
    }

    /// Content-stream words, valid and not, for the no-panic property below.
    const SOUP: &[&str] = &[
        "BT",
        "ET",
        "/F1",
        "/Nope",
        "10",
        "-3.5",
        "1e38",
        "99999999999",
        "0",
        "Tf",
        "Td",
        "TD",
        "Tm",
        "T*",
        "Tc",
        "Tw",
        "Tz",
        "TL",
        "Ts",
        "Tr",
        "(x)",
        "(",
        ")",
        "<41",
        "<00>",
        "[",
        "]",
        "TJ",
        "Tj",
        "'",
        "\"",
        "q",
        "Q",
        "cm",
        "m",
        "l",
        "c",
        "h",
        "re",
        "S",
        "f",
        "B",
        "n",
        "W",
        "BI",
        "/W",
        "/H",
        "/CS",
        "/G",
        "ID",
        "EI",
        "Do",
        "/X",
        "<<",
        ">>",
        "BDC",
        "EMC",
        "%",
        "\n",
        "#",
        "{",
        "}",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        /// Whatever a content stream holds, reading it returns instead of panicking.
        #[test]
        fn any_content_reads_without_panicking(
            words in proptest::collection::vec(proptest::sample::select(SOUP), 0..80),
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64),
        ) {
            let mut content = words.join(" ").into_bytes();
            content.extend_from_slice(&bytes);
            let (mut doc, page) = doc_with(&[&content], dictionary! {}, dictionary! {});
            let x = form(&mut doc, &content, dictionary! {});
            set_xobjects(&mut doc, page, dictionary! { "X" => x });
            let _ = read_page(&doc, page, &mut FontCache::new(), &Limits::default());
        }
    }

    /// Loads a shared sample PDF, decrypting it when needed; `None` when absent.
    fn shared_pdf(path: &str) -> Option<Document> {
        let Ok(bytes) = std::fs::read(path) else {
            eprintln!("skipping: {path} not found");
            return None;
        };
        let mut doc = Document::load_mem(&bytes).expect("sample loads");
        if doc.is_encrypted() {
            doc.decrypt("").expect("empty user password");
        }
        Some(doc)
    }

    fn reading_order_text(page: &RawPage) -> String {
        let mut glyphs: Vec<&Glyph> = page.glyphs.iter().collect();
        glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        glyphs.iter().map(|g| g.text.as_str()).collect()
    }

    #[test]
    fn real_pack_first_page() {
        for path in [
            "../shared/pdf/lo/000_765583a36b60cae4.pdf",
            "../shared/pdf/qp/000_765583a36b60cae4.pdf",
        ] {
            let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
            let Some(doc) = shared_pdf(&path) else {
                continue;
            };
            let first = *doc.get_pages().get(&1).expect("page 1");
            let page = read(&doc, first);
            let text = reading_order_text(&page);
            assert!(text.contains("NOTICE OF MEETING"), "{path}: {text}");
            assert!(text.contains("COMMUNITY SAFETY PARTNERSHIP"), "{path}");
            assert!(page.glyphs.iter().any(|g| g.bold));
            assert!(
                page.glyphs
                    .iter()
                    .all(|g| g.x >= 0.0 && g.y >= 0.0 && g.y <= page.height)
            );
        }
    }

    #[test]
    fn real_packs_read_without_errors() {
        let dir = format!("{}/../shared/pdf", env!("CARGO_MANIFEST_DIR"));
        let Ok(groups) = std::fs::read_dir(&dir) else {
            eprintln!("skipping: {dir} not found");
            return;
        };
        for group in groups.flatten() {
            for file in std::fs::read_dir(group.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                let path = file.path();
                let Some(doc) = shared_pdf(&path.to_string_lossy()) else {
                    continue;
                };
                let mut fonts = FontCache::new();
                let mut glyphs = 0;
                for (n, id) in doc.get_pages() {
                    let page = read_page(&doc, id, &mut fonts, &Limits::default())
                        .unwrap_or_else(|e| panic!("{}: page {n}: {e}", path.display()));
                    glyphs += page.glyphs.len();
                }
                assert!(glyphs > 1000, "{}", path.display());
            }
        }
    }

    /// Prints the glyphs of one page of `$PDF_GLYPHS` (page `$PDF_PAGE`, default 1) in
    /// painting order, for looking at why layout splits or glues words
    /// (`cargo test --release --lib -- --ignored dump_glyphs --nocapture`).
    #[test]
    #[ignore]
    fn dump_glyphs() {
        let Some(path) = std::env::var_os("PDF_GLYPHS") else {
            return;
        };
        let n: u32 = std::env::var("PDF_PAGE")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1);
        let Some(doc) = shared_pdf(&path.to_string_lossy()) else {
            return;
        };
        let id = *doc.get_pages().get(&n).expect("page");
        let page = read(&doc, id);
        for g in &page.glyphs {
            eprintln!(
                "{:?}\tx={:.2}\ty={:.2}\tw={:.2}\tx1={:.2}\tsize={:.2}{}{}",
                g.text.as_str(),
                g.x,
                g.y,
                g.width,
                g.x + g.width,
                g.size,
                if g.space { "\tSPACE" } else { "" },
                if g.rotated { "\tROT" } else { "" },
            );
        }
    }
}
