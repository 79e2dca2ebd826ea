//! How the painter reads an element's text, and maps offsets of that text back to DOM points.
//!
//! The text of an element is its text nodes' data, in document order, verbatim (white space is
//! not collapsed, so every offset inside a text node maps to exactly one place in it), with line
//! breaks where the markup makes them:
//!
//! - `<br>` reads as `"\n"`;
//! - a paragraph-like block (`<p>`, `<h1>`…`<h6>`, `<blockquote>`, `<pre>`, lists, tables,
//!   `<figure>`, `<hr>`) starts and ends with a paragraph break, `"\n\n"`;
//! - any other block (`<div>`, `<li>`, `<section>`, `<article>`, `<tr>`, …) with a line break,
//!   `"\n"`;
//! - breaks meeting between two runs of text collapse into the longest of them, and count the
//!   line breaks the text already ends with (a `<br>`'s, or the text's own newlines: a block
//!   after "…\n" starts no new line), and none is read before the first text or after the last
//!   (as `innerText` does);
//! - a text node of white space only (the indentation between tags) is read only between two
//!   runs of text of one block: not next to a block's start or end, nor before or after `<br>`
//!   — unless the element keeps its spaces (`white-space: pre`, `pre-wrap`, `break-spaces`, as
//!   an editor does): then every text node is read as it is;
//! - `<script>`, `<style>`, `<template>`, `<noscript>`, `<textarea>` and `<select>` are skipped,
//!   and so is the fallback's own layer (`div.newsmark-overlay`, when the element is `<body>`).
//!
//! Offsets count UTF-16 code units, as JavaScript strings (and DOM text offsets) do.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Range, Text};

use super::edit::Edit;
use crate::offsets::{length, Unit};

/// Elements read as paragraphs: a blank line before and after.
const PARAGRAPHS: &[&str] = &[
    "P",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "BLOCKQUOTE",
    "PRE",
    "UL",
    "OL",
    "DL",
    "TABLE",
    "FIGURE",
    "HR",
];

/// Elements read as lines: a line break before and after.
const LINES: &[&str] = &[
    "DIV",
    "LI",
    "DT",
    "DD",
    "SECTION",
    "ARTICLE",
    "HEADER",
    "FOOTER",
    "ASIDE",
    "NAV",
    "MAIN",
    "ADDRESS",
    "FIGCAPTION",
    "TR",
    "CAPTION",
    "DETAILS",
    "SUMMARY",
    "FORM",
    "FIELDSET",
    "LEGEND",
];

/// Elements whose content is not text of the article.
const SKIPPED: &[&str] = &[
    "SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "TEXTAREA", "SELECT",
];

/// How many line breaks an element puts around its content (0 for inline elements).
fn breaks_around(name: &str) -> usize {
    if PARAGRAPHS.contains(&name) {
        2
    } else if LINES.contains(&name) {
        1
    } else {
        0
    }
}

/// Whether `node` (named `name`) is the layer of the fallback's boxes (see `overlay`).
fn is_overlay(name: &str, node: &Node) -> bool {
    name == "DIV" && node.unchecked_ref::<Element>().class_name() == super::overlay::LAYER_CLASS
}

/// One text node and where its data lies in the element's text.
pub struct Segment {
    pub node: Text,
    pub start: u32,
    pub len: u32,
}

impl Segment {
    fn end(&self) -> u32 {
        self.start + self.len
    }
}

/// Which DOM point an offset between two text nodes (or at a line break read from markup) maps
/// to: a range starts at the next node's start and ends at the previous node's end.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Start,
    End,
}

/// The element's text as last read, with the text node under each part of it.
#[derive(Default)]
pub struct DomText {
    pub text: String,
    pub segments: Vec<Segment>,
    /// Length of `text` in UTF-16 code units.
    pub len: u32,
}

impl DomText {
    /// Reads the text of `root` (see the module's documentation for the rules).
    pub fn read(root: &Element) -> DomText {
        let verbatim = root
            .owner_document()
            .and_then(|document| document.default_view())
            .is_some_and(|window| super::bindings::preserves_spaces(&window, root));
        let mut reader = Reader {
            verbatim,
            ..Reader::default()
        };
        let root: &Node = root.as_ref();
        let mut next = root.first_child();
        while let Some(node) = next {
            let descend = reader.visit(&node);
            next = if descend { node.first_child() } else { None };
            if next.is_none() {
                next = reader.leave(node, root);
            }
        }
        reader.out
    }

    /// The DOM point (text node, offset in it) of `offset`; `None` when the element has no text
    /// there (past its end, or no text node at all).
    pub fn point(&self, offset: u32, side: Side) -> Option<(&Text, u32)> {
        let segments = &self.segments;
        match side {
            Side::Start => {
                let i = segments.partition_point(|s| s.start <= offset);
                if i > 0 && offset < segments[i - 1].end() {
                    let s = &segments[i - 1];
                    return Some((&s.node, offset - s.start));
                }
                segments.get(i).map(|s| (&s.node, 0))
            }
            Side::End => {
                let i = segments.partition_point(|s| s.start < offset);
                let s = segments.get(i.checked_sub(1)?)?;
                Some((&s.node, (offset - s.start).min(s.len)))
            }
        }
    }

    /// The text offset of the DOM point (`node`, `offset`): exact in a text node of the
    /// element, else the offset of the first text after the point. `None` when the point is not
    /// comparable with the element's text (another document, a detached node).
    pub fn offset_of(&self, node: &Node, offset: u32) -> Option<u32> {
        let here = node.owner_document()?.create_range().ok()?;
        here.set_start(node, offset).ok()?;
        here.collapse_with_to_start(true);
        // The first segment that ends at or after the point.
        let mut lo = 0;
        let mut hi = self.segments.len();
        while lo < hi {
            let mid = (lo + hi) / 2;
            let s = &self.segments[mid];
            if ends_before(&here, s)? {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let Some(s) = self.segments.get(lo) else {
            return Some(self.len);
        };
        let node_of_segment: &Node = s.node.as_ref();
        Some(if node_of_segment == node {
            s.start + offset.min(s.len)
        } else {
            s.start
        })
    }
}

impl DomText {
    /// Applies an edit seen in the DOM (`at..old_end` became `inserted`) to the text read last,
    /// without reading it again: only when the edit lies in one text node, and that node now
    /// holds `inserted` there and has the length the edit gives it (so the rules above read it
    /// as before: it is not left empty nor of white space only). Returns the edit, or `None`
    /// (nothing changed) when the DOM does not show it so.
    pub fn splice(&mut self, at: u32, old_end: u32, inserted: &str) -> Option<Edit> {
        if at > old_end || old_end > self.len {
            return None;
        }
        let added = length(inserted, Unit::Utf16) as u32;
        let edit = Edit {
            at,
            old_end,
            new_end: at + added,
        };
        let first = self.segments.partition_point(|s| s.end() < at);
        let index = (first..self.segments.len())
            .take_while(|&i| self.segments[i].start <= at)
            .find(|&i| self.shows(i, edit, inserted))?;
        let segment = &self.segments[index];
        let (start, end) = (segment.start, segment.end());
        let [start_byte, at_byte, old_end_byte, end_byte] =
            byte_offsets(&self.text, [start, at, old_end, end])?;
        let blank = |part: &str| part.chars().all(char::is_whitespace);
        if blank(&self.text[start_byte..at_byte])
            && blank(inserted)
            && blank(&self.text[old_end_byte..end_byte])
        {
            return None; // read as blank (or nothing) now: the reading rules apply
        }
        self.text.replace_range(at_byte..old_end_byte, inserted);
        self.segments[index].len = self.segments[index].len + added - (old_end - at);
        for later in &mut self.segments[index + 1..] {
            later.start = later.start + added - (old_end - at);
        }
        self.len = self.len + added - (old_end - at);
        Some(edit)
    }

    /// Whether segment `i` holds `edit` (its text node shows `inserted` at the edit and has
    /// the length the edit gives it).
    fn shows(&self, i: usize, edit: Edit, inserted: &str) -> bool {
        let s = &self.segments[i];
        if edit.at < s.start || edit.old_end > s.end() {
            return false;
        }
        let len = s.len + (edit.new_end - edit.at) - (edit.old_end - edit.at);
        s.node.length() == len
            && s.node
                .substring_data(edit.at - s.start, edit.new_end - edit.at)
                .is_ok_and(|data| data == inserted)
    }
}

/// The byte offsets in `text` of UTF-16 offsets `at` (in ascending order), or `None` when one
/// is past the text or inside a character.
fn byte_offsets<const N: usize>(text: &str, at: [u32; N]) -> Option<[usize; N]> {
    let mut out = [0; N];
    let mut next = 0;
    let mut units = 0u32;
    for (byte, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\0')))
    {
        while next < N && at[next] == units {
            out[next] = byte;
            next += 1;
        }
        if next == N || at[next] < units {
            break;
        }
        units += c.len_utf16() as u32;
    }
    (next == N).then_some(out)
}

/// Whether the segment's end lies before the collapsed range `here`.
fn ends_before(here: &Range, s: &Segment) -> Option<bool> {
    Some(here.compare_point(&s.node, s.len).ok()? < 0)
}

/// The state of one reading of an element's text.
#[derive(Default)]
struct Reader {
    out: DomText,
    /// Line breaks owed before the next text (the longest of those met since the last text).
    owed: usize,
    /// Text nodes of white space only, read if more text of the same block follows.
    blank: Vec<Text>,
    /// The element keeps its spaces: text nodes of white space only are read as they are.
    verbatim: bool,
}

impl Reader {
    /// Reads `node`; whether to read its children next.
    fn visit(&mut self, node: &Node) -> bool {
        match node.node_type() {
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                self.text(node.unchecked_ref::<Text>());
                false
            }
            Node::ELEMENT_NODE => {
                let name = node.node_name();
                if name.eq_ignore_ascii_case("BR") {
                    self.blank.clear();
                    self.pay_owed();
                    self.push_break(1);
                    return false;
                }
                let upper = name.to_ascii_uppercase();
                if SKIPPED.contains(&upper.as_str()) || is_overlay(&upper, node) {
                    return false;
                }
                self.owe(breaks_around(&upper));
                true
            }
            _ => false,
        }
    }

    /// Moves on from `node` whose children (if any) are read: to its next sibling, or up to
    /// the next sibling of the nearest ancestor (below `root`) that has one, closing the blocks
    /// left on the way.
    fn leave(&mut self, mut node: Node, root: &Node) -> Option<Node> {
        loop {
            if let Some(next) = node.next_sibling() {
                return Some(next);
            }
            let parent = node.parent_node()?;
            if &parent == root {
                return None;
            }
            self.owe(breaks_around(&parent.node_name().to_ascii_uppercase()));
            node = parent;
        }
    }

    fn text(&mut self, node: &Text) {
        let data = node.data();
        if data.is_empty() {
            return;
        }
        if !self.verbatim && data.chars().all(char::is_whitespace) {
            if self.owed == 0 {
                self.blank.push(node.clone());
            }
            return;
        }
        self.pay_owed();
        for blank in std::mem::take(&mut self.blank) {
            self.push(&blank, &blank.data());
        }
        self.push(node, &data);
    }

    fn push(&mut self, node: &Text, data: &str) {
        let len = length(data, Unit::Utf16) as u32;
        self.out.segments.push(Segment {
            node: node.clone(),
            start: self.out.len,
            len,
        });
        self.out.text.push_str(data);
        self.out.len += len;
    }

    fn owe(&mut self, breaks: usize) {
        if breaks > 0 {
            self.blank.clear();
        }
        self.owed = self.owed.max(breaks);
    }

    /// Writes the line breaks owed, less those the text already ends with, unless nothing was
    /// read yet.
    fn pay_owed(&mut self) {
        if !self.out.text.is_empty() {
            let ending = self
                .out
                .text
                .bytes()
                .rev()
                .take(self.owed)
                .take_while(|&byte| byte == b'\n')
                .count();
            self.push_break(self.owed - ending);
        }
        self.owed = 0;
    }

    fn push_break(&mut self, count: usize) {
        for _ in 0..count {
            self.out.text.push('\n');
        }
        self.out.len += count as u32;
    }
}
