#!/usr/bin/env python3
"""Writes the hand-built PDF fixtures of the PDF loader (issue #4) into tests/fixtures/pdf/.

Each fixture is a small PDF that exercises one thing real council packs do (a font
encoding, a text operator, a page box, a broken file…), beside NAME.expected.txt: the
lines a correct loader produces (see tests/fixtures/pdf/README.md for the conventions).
The PDFs are written object by object with our own xref, so every byte is known and
nothing depends on a PDF library; qpdf only derives the encrypted and object-stream
variants. Then every fixture is checked against `pdftotext -layout` and `qpdf --check`.

    python3 scripts/make_pdf_fixtures.py            # regenerate and check
    python3 scripts/make_pdf_fixtures.py --no-check # regenerate only (no poppler/qpdf checks)

Standard library only: CI machines have no pip packages. Output is deterministic
(fixed /ID, qpdf --static-id), so regenerating shows no diff unless a fixture changed.
"""

from __future__ import annotations

import argparse
import re
import shutil
import struct
import subprocess
import sys
import unicodedata
import zlib
from dataclasses import dataclass, field
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pdf"

# ---------------------------------------------------------------------------------------
# Metrics and glyph names
# ---------------------------------------------------------------------------------------

# Helvetica advance widths (1/1000 em, from the standard-14 AFM). Used for /Widths arrays
# and to right-align numbers: a loader that knows the standard-14 metrics sees the same
# positions we computed.
HELV = dict(zip(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
    "abcdefghijklmnopqrstuvwxyz{|}~",
    [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278]
    + [556] * 10
    + [278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
       500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667,
       611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222,
       222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500,
       500, 334, 260, 334, 584],
))
HELV.update({"’": 222, "‘": 222, "“": 333, "”": 333, "–": 556, "—": 1000, "£": 556,
             "é": 556, "ﬁ": 500, "•": 350})

# Adobe Glyph List names for the characters the fixtures use (letters are their own name).
AGL = {" ": "space", "!": "exclam", "%": "percent", "&": "ampersand", "(": "parenleft",
       ")": "parenright", ",": "comma", "-": "hyphen", ".": "period", "/": "slash",
       ":": "colon", ";": "semicolon", "?": "question", "’": "quoteright",
       "‘": "quoteleft", "“": "quotedblleft", "”": "quotedblright", "–": "endash",
       "—": "emdash", "£": "sterling", "é": "eacute", "ﬁ": "fi"}
AGL.update(dict(zip("0123456789", ["zero", "one", "two", "three", "four", "five", "six",
                                   "seven", "eight", "nine"])))


def glyph_name(ch: str) -> str:
    return ch if ch.isascii() and ch.isalpha() else AGL[ch]


def text_width(s: str, size: float) -> float:
    return sum(HELV[c] for c in s) * size / 1000


def plain(s: str) -> str:
    """What a loader should output for text drawn with ligature glyphs."""
    return s.replace("ﬁ", "fi")


# ---------------------------------------------------------------------------------------
# PDF syntax
# ---------------------------------------------------------------------------------------

def lit(b: bytes) -> str:
    """A PDF literal string; bytes outside printable ASCII as octal escapes, so the
    content stays 7-bit and the escapes themselves get tested."""
    out = ["("]
    for c in b:
        if c in b"()\\":
            out.append("\\" + chr(c))
        elif 32 <= c < 127:
            out.append(chr(c))
        else:
            out.append("\\%03o" % c)
    out.append(")")
    return "".join(out)


def hexs(b: bytes) -> str:
    return "<" + b.hex().upper() + ">"


def num(x: float) -> str:
    return ("%.3f" % x).rstrip("0").rstrip(".") if x != int(x) else str(int(x))


def ref(i: int) -> str:
    return f"{i} 0 R"


def names(d: dict[str, int]) -> str:
    return "<< " + " ".join(f"/{k} {ref(v)}" for k, v in d.items()) + " >>"


class Pdf:
    """Numbered objects and a classic xref table. Objects are written in id order
    unless `render` is told otherwise."""

    def __init__(self, version: str = "1.4"):
        self.version = version
        self.objs: dict[int, bytes] = {}
        self.next = 1

    def reserve(self) -> int:
        self.next += 1
        return self.next - 1

    def add(self, body: str | bytes, oid: int | None = None) -> int:
        oid = self.reserve() if oid is None else oid
        self.objs[oid] = body.encode("latin-1") if isinstance(body, str) else body
        return oid

    def stream(self, data: str | bytes, extra: str = "", compress: bool = True,
               oid: int | None = None) -> int:
        if isinstance(data, str):
            data = data.encode("latin-1")
        if compress:
            data = zlib.compress(data, 9)
            extra += " /Filter /FlateDecode"
        head = f"<< /Length {len(data)}{extra} >>\nstream\n".encode()
        return self.add(head + data + b"\nendstream", oid)

    def render(self, root: int, info: int | None = None, last: tuple[int, ...] = ()) -> bytes:
        out = bytearray(b"%PDF-" + self.version.encode() + b"\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        order = [i for i in sorted(self.objs) if i not in last] + list(last)
        for oid in order:
            offsets[oid] = len(out)
            out += b"%d 0 obj\n" % oid + self.objs[oid] + b"\nendobj\n"
        xref = len(out)
        size = max(self.objs) + 1
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for oid in range(1, size):
            out += b"%010d 00000 n \n" % offsets[oid] if oid in offsets else b"0000000000 65535 f \n"
        # A fixed /ID keeps the files (and the qpdf variants) identical on every run.
        trailer = f"<< /Size {size} /Root {ref(root)}"
        trailer += f" /Info {ref(info)}" if info else ""
        trailer += " /ID [<636F756E63696C7061636B2D66697874> <636F756E63696C7061636B2D66697874>] >>"
        out += b"trailer\n" + trailer.encode() + b"\nstartxref\n%d\n%%%%EOF\n" % xref
        return bytes(out)


@dataclass
class Page:
    contents: list[int]
    fonts: dict[str, int] = field(default_factory=dict)
    xobjects: dict[str, int] = field(default_factory=dict)
    mediabox: tuple[float, ...] = (0, 0, 595, 842)
    extra: str = ""


def finish(pdf: Pdf, pages: list[Page], title: str, tree_last: bool = False,
           count: int | None = None) -> bytes:
    """Page tree, catalog and info around the pages; returns the file's bytes."""
    tree = pdf.reserve()
    kids = []
    for p in pages:
        res = []
        if p.fonts:
            res.append("/Font " + names(p.fonts))
        if p.xobjects:
            res.append("/XObject " + names(p.xobjects))
        contents = ref(p.contents[0]) if len(p.contents) == 1 else \
            "[" + " ".join(ref(c) for c in p.contents) + "]"
        box = " ".join(num(v) for v in p.mediabox)
        kids.append(pdf.add(f"<< /Type /Page /Parent {ref(tree)} /MediaBox [{box}] "
                            f"/Resources << {' '.join(res)} >> /Contents {contents}{p.extra} >>"))
    n = len(kids) if count is None else count
    pdf.add(f"<< /Type /Pages /Kids [{' '.join(ref(k) for k in kids)}] /Count {n} >>", tree)
    root = pdf.add(f"<< /Type /Catalog /Pages {ref(tree)} >>")
    info = pdf.add(f"<< /Title {lit(title.encode('cp1252'))} "
                   "/Producer (councilpack scripts/make_pdf_fixtures.py) >>")
    return pdf.render(root, info, last=(tree, root) if tree_last else ())


def std14(pdf: Pdf, base: str, encoding: str = "/WinAnsiEncoding") -> int:
    # No /Widths, /FirstChar or /FontDescriptor: allowed for the standard 14 until
    # PDF 1.5 and still common in packs from older committee systems.
    return pdf.add(f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} /Encoding {encoding} >>")


def descriptor(pdf: Pdf, name: str, flags: int = 32, extra: str = "") -> int:
    return pdf.add(f"<< /Type /FontDescriptor /FontName /{name} /Flags {flags} "
                   "/FontBBox [-166 -225 1000 931] /ItalicAngle 0 /Ascent 718 /Descent -207 "
                   f"/CapHeight 718 /StemV 88{extra} >>")


def widths(first: int, last: int, char_of: dict[int, str]) -> str:
    return "[" + " ".join(str(HELV.get(char_of.get(c, ""), 0)) for c in range(first, last + 1)) + "]"


def tounicode(pdf: Pdf, bfchar: list[tuple[bytes, str]] = (),
              bfrange: list[tuple[bytes, bytes, str | list[str]]] = (),
              codespace: tuple[bytes, bytes] = (b"\x00", b"\xff")) -> int:
    """A ToUnicode CMap. bfrange destinations are either a start string (incremented
    through the range) or a list of strings (the array form)."""
    def u16(s: str) -> str:
        return hexs(s.encode("utf-16-be"))

    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", f"{hexs(codespace[0])} {hexs(codespace[1])}",
             "endcodespacerange"]
    bfchar = list(bfchar)
    for i in range(0, len(bfchar), 100):  # at most 100 entries per block (PDF spec)
        chunk = bfchar[i:i + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"{hexs(c)} {u16(u)}" for c, u in chunk]
        lines.append("endbfchar")
    if bfrange:
        lines.append(f"{len(bfrange)} beginbfrange")
        for lo, hi, dst in bfrange:
            d = "[" + " ".join(u16(s) for s in dst) + "]" if isinstance(dst, list) else u16(dst)
            lines.append(f"{hexs(lo)} {hexs(hi)} {d}")
        lines.append("endbfrange")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return pdf.stream("\n".join(lines) + "\n")


class Codes:
    """One-byte codes handed out in order of first appearance, the way subsetting
    producers (Word, LibreOffice) number glyphs: the codes mean nothing without the
    font's encoding or ToUnicode map."""

    def __init__(self, start: int, fixed: dict[str, int] | None = None):
        self.next = start
        self.code: dict[str, int] = dict(fixed or {})

    def enc(self, s: str) -> bytes:
        out = bytearray()
        for ch in s:
            if ch not in self.code:
                while self.next in self.code.values():
                    self.next += 1
                self.code[ch] = self.next
                self.next += 1
            out.append(self.code[ch])
        return bytes(out)

    def char_of(self) -> dict[int, str]:
        return {c: ch for ch, c in self.code.items()}


def lines_bt(font: str, size: float, x: float, y: float, leading: float, lines: list[str],
             enc) -> str:
    """One BT block: first line at (x, y), the rest with T*."""
    ops = [f"BT /{font} {num(size)} Tf {num(leading)} TL {num(x)} {num(y)} Td"]
    for i, s in enumerate(lines):
        ops.append(("" if i == 0 else "T* ") + lit(enc(s)) + " Tj")
    ops.append("ET")
    return "\n".join(ops) + "\n"


def win(s: str) -> bytes:
    return s.encode("cp1252")


# ---------------------------------------------------------------------------------------
# Fixtures. Each returns (pdf bytes, expected pages as lists of lines).
# ---------------------------------------------------------------------------------------

@dataclass
class Fixture:
    name: str
    data: bytes
    pages: list[list[str]] | None  # None: the loader must fail
    # How to compare with pdftotext: "lines" (line by line, spacing ignored) or "words"
    # (same words; used where our expected joins wrapped cells that pdftotext splits).
    compare: str = "lines"
    # pdftotext lines that are page furniture the expected text leaves out.
    furniture: tuple[str, ...] = (r"Page \d+",)
    # The exit status `qpdf --check` must give: 0 clean, 3 repaired with warnings, 2 not
    # readable.
    qpdf_exit: int = 0
    # Set where pdftotext is known to give up on a file we expect read: the check then
    # only makes sure it finishes.
    poppler_gives_up: str | None = None


def winansi_helvetica() -> Fixture:
    pdf = Pdf()
    f1, f2 = std14(pdf, "Helvetica"), std14(pdf, "Helvetica-Bold")
    body = [
        "Present: Councillors Ahmed (Chair), Bell, O’Neill and Clarke",
        "The council’s “balanced budget” of £1.2m was presented – see Appendix A.",
    ]
    c = lines_bt("F2", 14, 72, 770, 14, ["Cabinet – 14 March 2024"], win)
    c += lines_bt("F1", 11, 72, 740, 15, body, win)
    # Bold label and plain text in one line, no repositioning between them: the second
    # run starts where the bold widths (which the file does not give) put it.
    for i, (label, rest) in enumerate([("RESOLVED:", " That the report be noted."),
                                       ("ACTION:", " Clerk")]):
        c += (f"BT /F2 11 Tf 72 {700 - 15 * i} Td {lit(win(label))} Tj "
              f"/F1 11 Tf {lit(win(rest))} Tj ET\n")
    page = Page([pdf.stream(c)], {"F1": f1, "F2": f2})
    lines = ["Cabinet – 14 March 2024", *body, "RESOLVED: That the report be noted.",
             "ACTION: Clerk"]
    return Fixture("winansi_helvetica", finish(pdf, [page], "Cabinet minutes"), [lines])


def macroman_truetype() -> Fixture:
    pdf = Pdf()
    char_of = {c: bytes([c]).decode("mac_roman") for c in range(32, 256)}
    fd = descriptor(pdf, "Arial", 32)
    font = pdf.add(f"<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 32 "
                   f"/LastChar 255 /Widths {widths(32, 255, char_of)} "
                   f"/Encoding /MacRomanEncoding /FontDescriptor {ref(fd)} >>")
    lines = ["Planning Sub-Committee – 3 June 2024",
             "Apologies: Councillor Renée O’Brien",
             "The application fee of £462 was “agreed” by the applicant.",
             "RESOLVED: That planning permission be granted.",
             "ACTION: Head of Planning"]
    c = lines_bt("F1", 11, 72, 760, 16, lines, lambda s: s.encode("mac_roman"))
    page = Page([pdf.stream(c)], {"F1": font})
    return Fixture("macroman_truetype", finish(pdf, [page], "Planning minutes"), [lines])


def differences_type1() -> Fixture:
    pdf = Pdf()
    lines = ["Finance and Resources Committee – 12 September 2023",
             "The council’s general reserve stands at £4.5m.",
             "The ﬁnancial outturn for 2022/23 was noted.",
             "RESOLVED: That the report be noted.",
             "ACTION: Chief Finance Officer"]
    codes = Codes(33, {" ": 32})  # only the space keeps its StandardEncoding code
    encoded = [codes.enc(s) for s in lines]
    char_of = codes.char_of()
    diff = " ".join(f"{c} /{'uni00A3' if ch == '£' else glyph_name(ch)}"
                    for c, ch in sorted(char_of.items()) if c != 32)
    fd = descriptor(pdf, "MinionPro-Regular", 34)
    last = max(char_of)
    font = pdf.add(f"<< /Type /Font /Subtype /Type1 /BaseFont /MinionPro-Regular "
                   f"/FirstChar 32 /LastChar {last} /Widths {widths(32, last, char_of)} "
                   f"/Encoding << /Type /Encoding /Differences [{diff}] >> "
                   f"/FontDescriptor {ref(fd)} >>")
    c = lines_bt("F1", 11, 72, 760, 15, encoded, lambda b: b)
    page = Page([pdf.stream(c)], {"F1": font})
    return Fixture("differences_type1", finish(pdf, [page], "Finance minutes"),
                   [[plain(s) for s in lines]])


def tounicode_bfchar() -> Fixture:
    pdf = Pdf()
    lines = ["Overview and Scrutiny Committee – 5 October 2023",
             "Present: Councillors Ahmed (Chair), Bell and Clarke",
             "Apologies: Councillor O’Neill",
             "The cost of the review was £12,500.",
             "RESOLVED: That the report be noted.",
             "ACTION: Scrutiny Officer"]
    codes = Codes(1)
    encoded = [codes.enc(s) for s in lines]
    char_of = codes.char_of()
    cmap = tounicode(pdf, bfchar=[(bytes([c]), ch) for c, ch in sorted(char_of.items())])
    fd = descriptor(pdf, "ABCDEF+Calibri", 4)
    last = max(char_of)
    # Symbolic subset TrueType with no /Encoding: only the ToUnicode map gives the text.
    font = pdf.add(f"<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Calibri "
                   f"/FirstChar 1 /LastChar {last} /Widths {widths(1, last, char_of)} "
                   f"/FontDescriptor {ref(fd)} /ToUnicode {ref(cmap)} >>")
    c = lines_bt("F1", 11, 72, 760, 15, encoded, lambda b: b)
    page = Page([pdf.stream(c)], {"F1": font})
    return Fixture("tounicode_bfchar", finish(pdf, [page], "Scrutiny minutes"), [lines])


def tounicode_bfrange_array() -> Fixture:
    pdf = Pdf()
    lines = ["Audit and Governance Committee – 7 February 2024",
             "The external auditor’s fee is £98,500.",
             "The ﬁnancial statements for 2022/23 were approved.",
             "RESOLVED: That the annual governance statement be approved.",
             "ACTION: Head of Audit"]
    # Capitals and digits at their ASCII codes, small letters moved to 0x80–0x99 (so
    # an ASCII guess fails), four specials through the array form of bfrange.
    fixed = {" ": 0x20, ",": 0x10, ".": 0x11, "/": 0x12, ":": 0x13,
             "ﬁ": 0x01, "£": 0x02, "’": 0x03, "–": 0x04}
    fixed |= {chr(c): c for c in range(0x41, 0x5B)} | {chr(c): c for c in range(0x30, 0x3A)}
    fixed |= {chr(0x61 + i): 0x80 + i for i in range(26)}
    codes = Codes(0xF0, fixed)
    encoded = [codes.enc(s) for s in lines]
    assert codes.next == 0xF0, "a character without a planned code"
    cmap = tounicode(
        pdf,
        bfchar=[(b" ", " "), (b"\x10", ","), (b"\x11", "."), (b"\x12", "/"), (b"\x13", ":")],
        bfrange=[(b"\x01", b"\x04", ["fi", "£", "’", "–"]),
                 (b"\x30", b"\x39", "0"), (b"\x41", b"\x5a", "A"), (b"\x80", b"\x99", "a")])
    char_of = codes.char_of()
    fd = descriptor(pdf, "ABCDEF+Frutiger-Roman", 4)
    font = pdf.add(f"<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Frutiger-Roman "
                   f"/FirstChar 1 /LastChar 153 /Widths {widths(1, 153, char_of)} "
                   f"/FontDescriptor {ref(fd)} /ToUnicode {ref(cmap)} >>")
    c = lines_bt("F1", 11, 72, 760, 15, encoded, lambda b: b)
    page = Page([pdf.stream(c)], {"F1": font})
    return Fixture("tounicode_bfrange_array", finish(pdf, [page], "Audit minutes"),
                   [[plain(s) for s in lines]])


def identity_h_cid() -> Fixture:
    pdf = Pdf()
    lines = ["Health and Wellbeing Board – 21 November 2023",
             "Minute 23/45: Better Care Fund (£12.3m)",
             "RESOLVED: That the Better Care Fund plan be approved.",
             "ACTION: Director of Public Health"]
    # Two-byte CIDs 0x0101, 0x0104, …: some have a second byte of 0x0A, 0x28 "(" or
    # 0x5C "\\", which literal strings must escape.
    cid: dict[str, int] = {}
    for s in lines:
        for ch in s:
            cid.setdefault(ch, 0x0101 + 3 * len(cid))
    assert {0x010A, 0x0128} <= set(cid.values())

    def enc(s: str) -> bytes:
        return b"".join(struct.pack(">H", cid[ch]) for ch in s)

    by_cid = sorted((c, ch) for ch, c in cid.items())
    # /W in both forms: "cid [w]" for the first half, "first last w" for the rest (the
    # CIDs step by 3, so each entry covers one glyph).
    half = len(by_cid) // 2
    w = " ".join(f"{c} [{HELV[ch]}]" for c, ch in by_cid[:half]) + \
        "".join(f" {c} {c} {HELV[ch]}" for c, ch in by_cid[half:])
    cmap = tounicode(pdf, bfchar=[(struct.pack(">H", c), ch) for c, ch in by_cid],
                     codespace=(b"\x00\x00", b"\xff\xff"))
    fd = descriptor(pdf, "ABCDEF+Arial-Regular", 32)
    cidfont = pdf.add(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Arial-Regular "
                      "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                      f"/FontDescriptor {ref(fd)} /DW 1000 /W [{w}] /CIDToGIDMap /Identity >>")
    font = pdf.add(f"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Arial-Regular "
                   f"/Encoding /Identity-H /DescendantFonts [{ref(cidfont)}] "
                   f"/ToUnicode {ref(cmap)} >>")
    ops = ["BT /F1 11 Tf 15 TL 72 760 Td"]
    for i, s in enumerate(lines):
        shown = hexs(enc(s)) if i < 2 else lit(enc(s))  # hex and literal strings
        ops.append(("" if i == 0 else "T* ") + shown + " Tj")
    ops.append("ET")
    page = Page([pdf.stream("\n".join(ops) + "\n")], {"F1": font})
    return Fixture("identity_h_cid", finish(pdf, [page], "Health and Wellbeing Board"), [lines])


def type3() -> Fixture:
    pdf = Pdf()
    lines = ["Licensing Sub-Committee – 9 January 2024",
             "RESOLVED: That the premises licence be granted.",
             "ACTION: Licensing Officer"]
    codes = Codes(33, {" ": 32})
    encoded = [codes.enc(s) for s in lines]
    char_of = codes.char_of()
    procs = {}
    for c, ch in sorted(char_of.items()):
        w = HELV[ch]
        # Each glyph is a filled box of its advance width: ink, but no outline to read.
        body = f"{w} 0 d0\n" if ch == " " else \
            f"{w} 0 40 0 {w - 40} 700 d1\n40 0 {w - 80} 700 re f\n"
        procs[glyph_name(ch)] = pdf.stream(body)
    diff = " ".join(f"{c} /{glyph_name(ch)}" for c, ch in sorted(char_of.items()))
    last = max(char_of)
    font = pdf.add(f"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] "
                   "/FontMatrix [0.001 0 0 0.001 0 0] "
                   f"/CharProcs {names(procs)} /Encoding << /Type /Encoding /Differences [{diff}] >> "
                   f"/FirstChar 32 /LastChar {last} /Widths {widths(32, last, char_of)} "
                   "/Resources << >> >>")
    c = lines_bt("F1", 12, 72, 760, 18, encoded, lambda b: b)
    page = Page([pdf.stream(c)], {"F1": font})
    return Fixture("type3", finish(pdf, [page], "Licensing minutes"), [lines])


def minimal_cff(name: bytes) -> bytes:
    """A valid bare CFF (Type1C) program with only .notdef: enough for the font
    dictionary to be honest, while the text comes from ToUnicode."""
    def index(items: list[bytes]) -> bytes:
        if not items:
            return b"\x00\x00"
        offs = [1]
        for it in items:
            offs.append(offs[-1] + len(it))
        return struct.pack(">HB", len(items), 1) + bytes(offs) + b"".join(items)

    def int5(v: int) -> bytes:
        return b"\x1d" + struct.pack(">i", v)

    header = bytes([1, 0, 4, 1])
    name_index = index([name])
    strings, gsubrs = index([]), index([])
    charstrings = index([b"\x0e"])  # .notdef: endchar
    private = b"\x8b\x14\x8b\x15"  # defaultWidthX 0, nominalWidthX 0
    top_len = len(index([b"\x00" * 17]))  # the top dict is 17 bytes whatever the offsets
    cs_off = len(header) + len(name_index) + top_len + len(strings) + len(gsubrs)
    top = int5(cs_off) + b"\x11" + int5(len(private)) + int5(cs_off + len(charstrings)) + b"\x12"
    assert len(top) == 17
    return header + name_index + index([top]) + strings + gsubrs + charstrings + private


def cff_type1c() -> Fixture:
    pdf = Pdf()
    lines = ["Pensions Committee – 28 March 2024",
             "The fund’s value rose to £1.9bn.",
             "RESOLVED: That the investment strategy be approved.",
             "ACTION: Pensions Manager"]
    codes = Codes(1)
    encoded = [codes.enc(s) for s in lines]
    char_of = codes.char_of()
    cmap = tounicode(pdf, bfchar=[(bytes([c]), ch) for c, ch in sorted(char_of.items())])
    prog = pdf.stream(minimal_cff(b"ABCDEF+AGaramondPro-Regular"), " /Subtype /Type1C")
    fd = descriptor(pdf, "ABCDEF+AGaramondPro-Regular", 4, f" /FontFile3 {ref(prog)}")
    last = max(char_of)
    font = pdf.add(f"<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+AGaramondPro-Regular "
                   f"/FirstChar 1 /LastChar {last} /Widths {widths(1, last, char_of)} "
                   f"/FontDescriptor {ref(fd)} /ToUnicode {ref(cmap)} >>")
    c = lines_bt("F1", 11, 72, 760, 15, encoded, lambda b: b)
    page = Page([pdf.stream(c)], {"F1": font})
    return Fixture("cff_type1c", finish(pdf, [page], "Pensions minutes"), [lines])


def operators() -> Fixture:
    pdf = Pdf()
    f1, f2 = std14(pdf, "Helvetica"), std14(pdf, "Helvetica-Bold")
    L = lambda s: lit(win(s))  # noqa: E731
    words = ["That", "the", "report", "be", "noted."]
    kerned = "[(RESOL) 30 (VED:)" + "".join(f" -300 {L(w)}" for w in words) + "] TJ"
    c = f"""BT
/F2 14 Tf 72 770 Td {L("Item 5: Budget Monitoring")} Tj
/F1 11 Tf 16 TL 0 -26 Td {L("The report was presented by the Chief Finance Officer.")} Tj
T* {L("Members noted the forecast overspend.")} Tj
{L("Councillor Patel asked about the use of reserves.")} '
3 0.2 {L("The Chair thanked officers for the report.")} "
0 Tw 0 Tc 0 -20 TD {L("The 24")} Tj /F1 7 Tf 4 Ts {L("th")} Tj /F1 11 Tf 0 Ts {L(" meeting of the Committee was quorate.")} Tj
T* 85 Tz {L("The minutes of the meeting held on 5 March were agreed.")} Tj 100 Tz
T* {kerned}
T* 0.6 Tc {L("ACTION: Clerk")} Tj 0 Tc
ET
q 1 0 0 1 72 520 cm BT /F1 1 Tf 11 0 0 11 0 0 Tm {L("The next meeting will be held on 2 April 2024.")} Tj ET Q
q 0.5 0 0 0.5 0 0 cm BT /F1 22 Tf 144 1000 Td {L("The meeting closed at 9.15pm.")} Tj ET Q
"""
    page = Page([pdf.stream(c)], {"F1": f1, "F2": f2})
    lines = ["Item 5: Budget Monitoring",
             "The report was presented by the Chief Finance Officer.",
             "Members noted the forecast overspend.",
             "Councillor Patel asked about the use of reserves.",
             "The Chair thanked officers for the report.",
             "The 24th meeting of the Committee was quorate.",
             "The minutes of the meeting held on 5 March were agreed.",
             "RESOLVED: That the report be noted.",
             "ACTION: Clerk",
             "The next meeting will be held on 2 April 2024.",
             "The meeting closed at 9.15pm."]
    return Fixture("operators", finish(pdf, [page], "Budget monitoring"), [lines])


def form_xobject_stamp() -> Fixture:
    pdf = Pdf()
    f1, f2 = std14(pdf, "Helvetica"), std14(pdf, "Helvetica-Bold")
    body = ["Minutes of the meeting held on 18 July 2024",
            "Present: Councillors Evans (Chair), Francis and Gupta",
            "RESOLVED: That the treasury management report be noted.",
            "ACTION: Chief Accountant"]
    # A header form drawn at half scale by its /Matrix (20 pt text → 10 pt on the page).
    header = pdf.stream(f"BT /F2 20 Tf 0 8 Td {lit(win('Corporate Committee – 18 July 2024'))} Tj ET\n",
                        f" /Type /XObject /Subtype /Form /BBox [0 0 600 40] "
                        f"/Matrix [0.5 0 0 0.5 72 780] /Resources << /Font << /F2 {ref(f2)} >> >>")
    # The committee system's "Page 7" stamp: its own form, own resources, own matrix,
    # painted by a second content stream appended after the document was merged.
    stamp = pdf.stream(f"BT /F1 9 Tf 0 4 Td {lit(b'Page 7')} Tj ET\n",
                       f" /Type /XObject /Subtype /Form /BBox [0 0 60 20] "
                       f"/Matrix [1 0 0 1 500 30] /Resources << /Font << /F1 {ref(f1)} >> >>")
    c1 = "q /Hdr Do Q\n" + lines_bt("F1", 11, 72, 740, 15, body, win)
    c2 = "q /Stamp Do Q\n"
    page = Page([pdf.stream(c1), pdf.stream(c2)], {"F1": f1}, {"Hdr": header, "Stamp": stamp})
    return Fixture("form_xobject_stamp", finish(pdf, [page], "Corporate Committee"),
                   [["Corporate Committee – 18 July 2024", *body]])


def rotated_90() -> Fixture:
    pdf = Pdf()
    f1, f2 = std14(pdf, "Helvetica"), std14(pdf, "Helvetica-Bold")
    # A portrait MediaBox shown landscape by /Rotate 90: the text runs up the page
    # (matrix [0 1 -1 0]) so it reads left to right once the page is turned.
    rows = [("F2", ["Appendix B – Capital Programme 2024/25"]),
            ("F2", ["Scheme", "Budget", "Spend to date"]),
            ("F1", ["Library refurbishment", "£450,000", "£120,000"]),
            ("F1", ["School roofs", "£1,200,000", "£890,000"]),
            ("F1", ["RESOLVED: That the capital programme be approved."])]
    cols = [72, 330, 480]
    ops = []
    for i, (font, cells) in enumerate(rows):
        x = 90 + 22 * i + (10 if i == 4 else 0)
        for cell, col in zip(cells, cols):
            ops.append(f"BT /{font} 11 Tf 0 1 -1 0 {x} {col} Tm {lit(win(cell))} Tj ET")
    page = Page([pdf.stream("\n".join(ops) + "\n")], {"F1": f1, "F2": f2},
                extra=" /Rotate 90")
    return Fixture("rotated_90", finish(pdf, [page], "Capital programme"),
                   [["\t".join(cells) for _, cells in rows]])


def cropbox_offset() -> Fixture:
    pdf = Pdf()
    f1 = std14(pdf, "Helvetica")
    lines = ["Standards Committee – 4 December 2023",
             "Declarations of interest: none.",
             "RESOLVED: That the complaints report be noted.",
             "ACTION: Monitoring Officer"]
    c = lines_bt("F1", 11, 100, 850, 15, lines, win)
    # A printer's slug below the crop box: on the sheet, not on the visible page.
    c += f"BT /F1 8 Tf 60 20 Td {lit(win('Printed by Democratic Services – proof copy'))} Tj ET\n"
    page = Page([pdf.stream(c)], {"F1": f1}, mediabox=(0, 0, 700, 900),
                extra=" /CropBox [50 50 645 892]")
    # pdftotext keeps text outside the crop box (even with -cropbox); a viewer does not
    # show it, and neither should the loader.
    return Fixture("cropbox_offset", finish(pdf, [page], "Standards minutes"), [lines],
                   furniture=(r"Page \d+", r"Printed by Democratic Services – proof copy"))


def ruled_table() -> Fixture:
    pdf = Pdf()
    f1, f2 = std14(pdf, "Helvetica"), std14(pdf, "Helvetica-Bold")
    cols = [72, 282, 432, 523]  # column edges
    # Rows as lists of cell lines; the tallest cell sets the row height.
    rows = [("F2", [["Action"], ["Owner"], ["RAG /", "Status"]]),
            ("F1", [["Review the parking enforcement", "contract before renewal"],
                    ["Head of Highways"], ["Amber"]]),
            ("F1", [["Publish the minutes"], ["Clerk"], ["Green"]])]
    ops = [lines_bt("F2", 12, 72, 770, 14, ["Appendix A – Action Tracker"], win)]
    top, y, edges = 750.0, 750.0, [750.0]
    for font, cells in rows:
        height = 14 * max(len(c) for c in cells) + 8
        for col, cell in zip(cols, cells):
            ops.append(lines_bt(font, 10, col + 4, y - 14, 14, cell, win))
        y -= height
        edges.append(y)
    # Horizontal rules as stroked paths, vertical ones as thin filled rectangles (Excel
    # and Word use both).
    ops.append("0.5 w " + " ".join(f"{cols[0]} {e} m {cols[-1]} {e} l" for e in edges) + " S")
    ops.append(" ".join(f"{x - 0.25} {y} 0.5 {top - y} re" for x in cols) + " f")
    ops.append(lines_bt("F1", 11, 72, y - 30, 14, ["RESOLVED: That the action tracker be noted."], win))
    page = Page([pdf.stream("\n".join(ops) + "\n")], {"F1": f1, "F2": f2})
    # The header's wrapped cell is one label ("RAG / Status"); a body row keeps one line
    # per visual line, the continuation under its own column, as the PDF-to-text
    # conversions the extractors were built on print it (plans re-join such rows).
    header, *body = [cells for _, cells in rows]
    expected = ["Appendix A – Action Tracker", "\t".join(" ".join(c) for c in header)]
    for cells in body:
        for k in range(max(len(c) for c in cells)):
            expected.append("\t".join(c[k] if k < len(c) else "" for c in cells))
    expected.append("RESOLVED: That the action tracker be noted.")
    return Fixture("ruled_table", finish(pdf, [page], "Action tracker"), [expected],
                   compare="words")


def excel_numbers() -> Fixture:
    pdf = Pdf()
    f1, f2 = std14(pdf, "Helvetica"), std14(pdf, "Helvetica-Bold")
    rows = [["Service", "2023/24", "2024/25", "Change"],
            ["Adult Social Care", "28,325", "31,710", "12%"],
            ["Children’s Services", "19,040", "18,102", "-5%"],
            ["Housing", "9,870", "8,686", "-12%"],
            ["Parking income", "£1.2m", "£1.1m", "-8%"]]
    rights = [None, 330, 420, 500]  # numeric columns are right-aligned at these x
    ops = [lines_bt("F2", 12, 72, 770, 14, ["Revenue budget monitoring – Quarter 2"], win)]
    for i, row in enumerate(rows):
        y = 740 - 16 * i
        for cell, right in zip(row, rights):
            x = 72 if right is None else right - text_width(cell, 10)
            ops.append(f"BT /F1 10 Tf {num(x)} {y} Td {lit(win(cell))} Tj ET")
    ops.append(lines_bt("F1", 10, 72, 740 - 16 * len(rows) - 10, 14,
                        ["Figures are net expenditure in £000 unless stated."], win))
    page = Page([pdf.stream("\n".join(ops) + "\n")], {"F1": f1, "F2": f2})
    expected = ["Revenue budget monitoring – Quarter 2", *("\t".join(r) for r in rows),
                "Figures are net expenditure in £000 unless stated."]
    return Fixture("excel_numbers", finish(pdf, [page], "Budget monitoring"), [expected])


HARINGEY_BODIES = [
    ["Minutes of the Cabinet meeting held at Haringey Civic Centre",
     "Present: Councillors Ahmed (Chair), Bell and Clarke"],
    ["Item 4: Housing Revenue Account",
     "RESOLVED: That the HRA business plan be approved."],
    ["Item 5: Fees and Charges",
     "RESOLVED: That the fees and charges for 2024/25 be agreed.",
     "ACTION: Head of Finance"],
    ["Item 6: Any other business",
     "The meeting closed at 8.40pm."],
]


def running_header_pdf(tree_last: bool = False) -> bytes:
    pdf = Pdf()
    f1, f2 = std14(pdf, "Helvetica"), std14(pdf, "Helvetica-Bold")
    pages = []
    for n, body in enumerate(HARINGEY_BODIES, 1):
        main = lines_bt("F1", 11, 72, 740, 16, body, win)
        # Header and footer in their own stream, as a committee system adds them.
        furniture = (f"BT /F2 9 Tf 72 800 Td {lit(win('Haringey Council — Cabinet'))} Tj ET\n"
                     f"BT /F1 9 Tf 280 30 Td {lit(win(f'Page {n}'))} Tj ET\n")
        pages.append(Page([pdf.stream(main), pdf.stream(furniture)], {"F1": f1, "F2": f2}))
    return finish(pdf, pages, "Cabinet minutes", tree_last=tree_last)


def running_header() -> Fixture:
    return Fixture("running_header", running_header_pdf(), HARINGEY_BODIES,
                   furniture=(r"Page \d+", r"Haringey Council — Cabinet"))


def scan_page() -> Fixture:
    pdf = Pdf()
    f1 = std14(pdf, "Helvetica")
    # A 64×64 grey "scan" with some texture, stretched over the whole page.
    pixels = bytes((x * 3 + y * 5) % 256 for y in range(64) for x in range(64))
    img = pdf.stream(pixels, " /Type /XObject /Subtype /Image /Width 64 /Height 64 "
                     "/ColorSpace /DeviceGray /BitsPerComponent 8")
    scan = Page([pdf.stream("q 595 0 0 842 0 0 cm /Im1 Do Q\n")], xobjects={"Im1": img})
    lines = ["Item 7: Petitions",
             "A petition with 1,204 signatures was received.",
             "RESOLVED: That the petition be referred to Cabinet."]
    text = Page([pdf.stream(lines_bt("F1", 11, 72, 760, 16, lines, win))], {"F1": f1})
    return Fixture("scan_page", finish(pdf, [scan, text], "Council minutes"), [[], lines])


def damaged_xref() -> Fixture:
    pdf = Pdf()
    f1 = std14(pdf, "Helvetica")
    lines = ["Pension Fund Board – 2 May 2024",
             "RESOLVED: That the breaches log be noted.",
             "ACTION: Fund Administrator"]
    page = Page([pdf.stream(lines_bt("F1", 11, 72, 760, 16, lines, win))], {"F1": f1})
    data = finish(pdf, [page], "Pension Fund Board")
    # Every in-use offset 7 bytes off, as after an editor re-saved the file with a
    # different line ending; startxref still points at the table, so it is found.
    at = data.rindex(b"\nxref\n") + 1
    head, table = data[:at], data[at:]
    table = re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m[1]) + 7), table)
    assert table != data[at:]
    return Fixture("damaged_xref", head + table, [lines], qpdf_exit=3)


def truncated() -> Fixture:
    pdf = Pdf()
    f1 = std14(pdf, "Helvetica")
    pages = []
    for n in range(3):
        body = [f"Item {n + 1}: Report of the Director of Place"] + \
               [f"Paragraph {n + 1}.{k}: the report sets out the options considered." for k in range(1, 12)]
        pages.append(Page([pdf.stream(lines_bt("F1", 11, 72, 760, 16, body, win),
                                      compress=False)], {"F1": f1}))
    # The page tree and catalog are written last, so the surviving half holds content
    # but no document: the only right answer is a clear failure.
    data = finish(pdf, pages, "Director of Place report", tree_last=True)
    cut = data[: len(data) // 2]
    assert b"/Catalog" not in cut and b"/Type /Page" not in cut
    return Fixture("truncated", cut, None, qpdf_exit=2)


def zip_bomb() -> Fixture:
    pdf = Pdf()
    f1 = std14(pdf, "Helvetica")
    page1 = ["Cabinet – 9 April 2024", "RESOLVED: That the report be noted."]
    page2 = ["Item 8: Exclusion of the press and public", "ACTION: Clerk"]
    # 310 MB of spaces (valid content: whitespace) compressed to about 300 KB, built in
    # chunks so this script never holds it.
    z = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    bomb = b"".join(z.compress(chunk) for _ in range(310)) + z.flush()
    assert len(bomb) < 1_000_000
    bomb_id = pdf.stream(bomb, " /Filter /FlateDecode", compress=False)
    pages = [Page([pdf.stream(lines_bt("F1", 11, 72, 760, 16, page1, win))], {"F1": f1}),
             Page([pdf.stream(lines_bt("F1", 11, 72, 760, 16, page2, win)), bomb_id], {"F1": f1})]
    return Fixture("zip_bomb", finish(pdf, pages, "Cabinet minutes"), [page1, page2])


def deep_nesting() -> Fixture:
    pdf = Pdf()
    f1 = std14(pdf, "Helvetica")
    form = " /Type /XObject /Subtype /Form /BBox [0 0 595 842]"
    # A chain of 200 forms, each painting the next (the last a small box)…
    ids = [pdf.reserve() for _ in range(200)]
    for i, oid in enumerate(ids):
        if i + 1 < len(ids):
            pdf.stream("q 1 0 0 1 0.1 0.1 cm /X Do Q\n",
                       form + f" /Resources << /XObject << /X {ref(ids[i + 1])} >> >>", oid=oid)
        else:
            pdf.stream("0.5 g 500 50 10 10 re f\n", form, oid=oid)
    # …and two forms that paint each other for ever.
    a, b = pdf.reserve(), pdf.reserve()
    pdf.stream("q /B Do Q\n", form + f" /Resources << /XObject << /B {ref(b)} >> >>", oid=a)
    pdf.stream("q /A Do Q\n", form + f" /Resources << /XObject << /A {ref(a)} >> >>", oid=b)
    lines = ["Corporate Parenting Panel – 6 March 2024",
             "RESOLVED: That the annual report be noted.",
             "ACTION: Director of Children’s Services"]
    c = lines_bt("F1", 11, 72, 760, 16, lines, win) + "q /Deep Do Q q /Loop Do Q\n"
    page = Page([pdf.stream(c)], {"F1": f1}, {"Deep": ids[0], "Loop": a})
    return Fixture("deep_nesting", finish(pdf, [page], "Corporate Parenting Panel"), [lines])


def nested_arrays() -> Fixture:
    pdf = Pdf()
    f1 = std14(pdf, "Helvetica")
    lines = ["Pensions Board – 11 June 2024",
             "RESOLVED: That the risk register be noted."]
    page = Page([pdf.stream(lines_bt("F1", 11, 72, 760, 16, lines, win))], {"F1": f1})
    # An object nobody references, 50,000 arrays deep: a parser that reads every object
    # recursively overflows its stack here (an abort, which catch_unwind cannot catch).
    depth = 50_000
    pdf.add("[" * depth + "]" * depth)
    return Fixture("nested_arrays", finish(pdf, [page], "Pensions Board"), [lines], qpdf_exit=3)


def huge_page_count() -> Fixture:
    pdf = Pdf()
    f1 = std14(pdf, "Helvetica")
    pages = [Page([pdf.stream(lines_bt("F1", 11, 72, 760, 16, p, win))], {"F1": f1})
             for p in HARINGEY_BODIES[:2]]
    # The page tree claims a billion pages; only two exist.
    return Fixture("huge_page_count", finish(pdf, pages, "Cabinet minutes", count=1_000_000_000),
                   HARINGEY_BODIES[:2],
                   poppler_gives_up="poppler refuses a /Count above the object count")


BUILDERS = [winansi_helvetica, macroman_truetype, differences_type1, tounicode_bfchar,
            tounicode_bfrange_array, identity_h_cid, type3, cff_type1c, operators,
            form_xobject_stamp, rotated_90, cropbox_offset, ruled_table, excel_numbers,
            running_header, scan_page, damaged_xref, truncated, zip_bomb, deep_nesting,
            nested_arrays, huge_page_count]


# ---------------------------------------------------------------------------------------
# Variants made by qpdf, from a fixture already written
# ---------------------------------------------------------------------------------------

# --static-id / --static-aes-iv are qpdf's testing options: they make the output the
# same on every run, which a committed fixture needs (the keys stay empty-password).
QPDF_VARIANTS = [
    ("encrypted_rc4", "tounicode_bfchar",
     ["--allow-weak-crypto", "--encrypt", "", "council-owner", "128", "--use-aes=n", "--"]),
    ("encrypted_aes128", "tounicode_bfchar",
     ["--encrypt", "", "council-owner", "128", "--use-aes=y", "--"]),
    ("encrypted_aes256", "tounicode_bfchar",
     ["--encrypt", "", "council-owner", "256", "--"]),
    ("object_streams", "running_header",
     ["--object-streams=generate", "--compress-streams=y"]),
]


def expected_text(pages: list[list[str]]) -> str:
    # Lines end with "\n"; pages are separated by a form feed, as in the text loader.
    return "\f".join("".join(line + "\n" for line in page) for page in pages)


# ---------------------------------------------------------------------------------------
# Checks against poppler and qpdf
# ---------------------------------------------------------------------------------------

def pdftotext(path: Path) -> tuple[int, str]:
    r = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                       timeout=120)
    return r.returncode, r.stdout.decode("utf-8", "replace")


def normalise(pages: list[list[str]], furniture: tuple[str, ...]) -> list[list[str]]:
    out = []
    for page in pages:
        keep = []
        for line in page:
            line = " ".join(unicodedata.normalize("NFKC", line).split())
            if line and not any(re.fullmatch(f, line) for f in furniture):
                keep.append(line)
        out.append(keep)
    return out


def check(fx: Fixture, path: Path) -> list[str]:
    """Problems found; an empty list is a pass."""
    problems = []
    r = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    if r.returncode != fx.qpdf_exit:
        problems.append(f"qpdf --check exit {r.returncode}, want {fx.qpdf_exit}: "
                        f"{(r.stdout + r.stderr).strip()[-300:]}")
    code, out = pdftotext(path)
    if fx.poppler_gives_up:
        return problems
    if fx.pages is None:
        if code == 0 and out.strip():
            problems.append("pdftotext read text from a file that should fail")
        return problems
    got_pages = [p.split("\n") for p in out.split("\f")]
    if got_pages and not "".join(got_pages[-1]).strip():
        got_pages.pop()  # pdftotext ends every page, the last one too, with \f
    got = normalise(got_pages, fx.furniture)
    want = normalise([[line.replace("\t", " ") for line in p] for p in fx.pages], ())
    if fx.compare == "words":
        got = [sorted(" ".join(p).split()) for p in got]
        want = [sorted(" ".join(p).split()) for p in want]
    if got != want:
        problems.append("pdftotext differs:\n  want " + repr(want) + "\n  got  " + repr(got))
    return problems


def qdf(path: Path) -> bytes:
    """The document decrypted and written in qpdf's normal form, for comparisons."""
    return subprocess.run(["qpdf", "--decrypt", "--static-id", "--qdf", "--object-streams=disable",
                           str(path), "-"], capture_output=True, check=True).stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-check", action="store_true", help="skip the pdftotext/qpdf checks")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    fixtures = {}
    for build in BUILDERS:
        fx = build()
        fixtures[fx.name] = fx
        (OUT / f"{fx.name}.pdf").write_bytes(fx.data)
        if fx.pages is not None:
            (OUT / f"{fx.name}.expected.txt").write_text(expected_text(fx.pages), encoding="utf-8")

    if shutil.which("qpdf") is None:
        print("make_pdf_fixtures: qpdf missing (scripts/setup.sh installs it)", file=sys.stderr)
        return 2
    for name, base, opts in QPDF_VARIANTS:
        src, dst = OUT / f"{base}.pdf", OUT / f"{name}.pdf"
        new = OUT / f"{name}.new.pdf"
        subprocess.run(["qpdf", "--static-id", "--static-aes-iv", *opts, str(src), str(new)],
                       check=True)
        # AES-256 keys are salted at random whatever the options; keep the committed
        # file when it decrypts to the same document, so regenerating shows no diff.
        if dst.exists() and qdf(dst) == qdf(new):
            new.unlink()
        else:
            new.replace(dst)
        shutil.copyfile(OUT / f"{base}.expected.txt", OUT / f"{name}.expected.txt")
        fixtures[name] = Fixture(name, dst.read_bytes(), fixtures[base].pages,
                                 fixtures[base].compare, fixtures[base].furniture)

    written = {f"{n}.pdf" for n in fixtures} | \
        {f"{n}.expected.txt" for n, fx in fixtures.items() if fx.pages is not None}
    for stale in [*OUT.glob("*.pdf"), *OUT.glob("*.expected.txt")]:
        if stale.name not in written:
            stale.unlink()

    failed = 0
    for name, fx in fixtures.items():
        path = OUT / f"{name}.pdf"
        problems = [] if args.no_check else check(fx, path)
        status = "ok" if not problems else "FAIL"
        note = f"  (pdftotext not compared: {fx.poppler_gives_up})" if fx.poppler_gives_up else ""
        print(f"{status:4s} {name:26s} {path.stat().st_size:8d} bytes{note}")
        for p in problems:
            print("     " + p)
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
