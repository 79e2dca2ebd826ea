//! The painter: highlights spans of an element's text in place, with one CSS Custom Highlight
//! per kind (`newsmark-person`, …, `newsmark-quote`) holding `Range`s over the element's text
//! nodes, which it never modifies. Where the browser lacks `CSS.highlights`, the same ranges are
//! drawn as boxes on a layer over the element (see `overlay`).
//!
//! Repainting is incremental: a span painted before and still wanted keeps its `Range` (live
//! ranges move with the text the user types around them), only new spans get a `Range` and only
//! gone ones are deleted. On long texts only the spans near the visible part of the element
//! are painted: what shows through every scrolling box around it and the window (see
//! `viewport`). That part is measured when painting starts and when a scroll or resize brings
//! text near its edge; an edit moves it with the text instead of measuring (which would lay the
//! page out in the input handler), so a keystroke touches only the ranges near what is seen.

use std::collections::HashMap;

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Node, Range};

use super::bindings::{caret_point, highlight_registry, registered_highlight, Highlight};
use super::dom_text::{DomText, Side};
use super::edit::Edit;
use super::overlay::Overlay;
use super::viewport::{bounds, visible_rect};
use crate::Kind;

/// The kinds, in the order of the kind numbers JavaScript passes to `paint`.
const KINDS: [Kind; 9] = Kind::ALL;

/// Which highlight paints over which where they overlap: names over dates over quotations, so
/// a quotation's mark never hides a name inside it.
fn priority(kind: Kind) -> i32 {
    if kind.is_entity() {
        3
    } else if kind.is_temporal() {
        2
    } else {
        1
    }
}

/// Texts up to this many UTF-16 units (about 3,000 words) are painted whole.
const PAINT_ALL_UP_TO: u32 = 20_000;
/// On longer texts, the visible text and this much more on each side (at least one screenful)
/// are painted, so a scroll shows painted text before the next repaint.
const MARGIN: u32 = 1_500;
/// A scroll repaints once the visible text comes this near an edge of the painted part.
const SLACK: u32 = MARGIN / 2;

/// A painted span: start, end (UTF-16 offsets of the element's text) and kind number.
type Key = (u32, u32, u8);

/// Which kept ranges the next repaint checks against the text read last: none (no DOM change
/// since they were checked), those with an end in `at..=new_end` of an edit inside the same
/// text nodes (live ranges move with the rest; only where the edit met a boundary can the DOM
/// and the span disagree), or all (the text nodes changed).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Suspect {
    None,
    Near(u32, u32),
    All,
}

impl Suspect {
    fn covers(self, (start, end, _): Key) -> bool {
        match self {
            Suspect::None => false,
            Suspect::Near(at, to) => (at..=to).contains(&start) || (at..=to).contains(&end),
            Suspect::All => true,
        }
    }
}

/// Where ranges go: the highlight registry, or boxes drawn over the element.
enum Backend {
    Highlights(Vec<Highlight>),
    Overlay(Overlay),
}

/// What the last repaint did, for tests and the curious.
#[derive(Default, Clone, Copy)]
struct Repaint {
    added: u32,
    removed: u32,
    from: u32,
    to: u32,
}

/// Paints highlights over one element's text. Built by `createHighlighter` in the package's
/// JavaScript, which analyzes `read()`'s text and passes the spans to `paint`.
#[wasm_bindgen]
pub struct Painter {
    element: Element,
    document: Document,
    backend: Backend,
    text: DomText,
    /// The spans to show, in offsets of `text`.
    spans: Vec<Key>,
    /// Bit `k` set: kind number `k` is shown.
    shown: u32,
    painted: HashMap<Key, Range>,
    /// The part of a long text painted (`None`: to be measured at the next repaint).
    part: Option<(u32, u32)>,
    suspect: Suspect,
    last: Repaint,
}

#[wasm_bindgen]
impl Painter {
    /// A painter for `element`, with the Custom Highlight API where the browser has it (unless
    /// `overlay` asks for the fallback's boxes).
    #[wasm_bindgen(constructor)]
    pub fn new(element: Element, overlay: bool) -> Result<Painter, JsError> {
        let document = element
            .owner_document()
            .ok_or_else(|| JsError::new("newsmark: the element is not in a document"))?;
        let backend = match highlight_registry().filter(|_| !overlay) {
            Some(registry) => Backend::Highlights(
                KINDS
                    .iter()
                    .map(|&kind| {
                        let name = format!("newsmark-{}", kind.name());
                        registered_highlight(&registry, &name, priority(kind))
                    })
                    .collect(),
            ),
            None => Backend::Overlay(Overlay::new(&document).map_err(|_| {
                JsError::new("newsmark: could not add the highlight layer to the page")
            })?),
        };
        Ok(Painter {
            element,
            document,
            backend,
            text: DomText::default(),
            spans: Vec::new(),
            shown: (1 << KINDS.len()) - 1,
            painted: HashMap::new(),
            part: None,
            suspect: Suspect::None,
            last: Repaint::default(),
        })
    }

    /// The kinds' names, in the order of the kind numbers `paint` takes.
    pub fn kinds() -> Vec<String> {
        KINDS.iter().map(|&kind| kind.name().to_string()).collect()
    }

    /// `"highlights"` (CSS Custom Highlight API) or `"overlay"` (boxes over the element).
    #[wasm_bindgen(getter)]
    pub fn mode(&self) -> String {
        match self.backend {
            Backend::Highlights(_) => "highlights".into(),
            Backend::Overlay(_) => "overlay".into(),
        }
    }

    /// Reads the element's text again and returns it. Spans painted before an edit stay on the
    /// text they marked (moved by the edit), those the edit touched are taken off.
    pub fn read(&mut self) -> String {
        let now = DomText::read(&self.element);
        let same_nodes = self.text.segments.len() == now.segments.len()
            && self
                .text
                .segments
                .iter()
                .zip(&now.segments)
                .all(|(old, new)| old.node == new.node);
        if !same_nodes {
            self.suspect = Suspect::All;
        }
        if let Some(edit) = Edit::between(&self.text.text, &now.text) {
            self.follow(edit);
        }
        self.text = now;
        self.render();
        self.text.text.clone()
    }

    /// Follows an edit the caller saw (an input event: `at..old_end` of the text read last
    /// became `inserted`) without reading the whole text again: the text node it happened in is
    /// checked, the text and the offsets after it are moved, and painted spans move as after
    /// `read()`. Returns false, changing nothing, when the element's text nodes do not show that
    /// edit in one text node (say, a paste that made new nodes): then `read()` is needed.
    pub fn edited(&mut self, at: u32, old_end: u32, inserted: &str) -> bool {
        let Some(edit) = self.text.splice(at, old_end, inserted) else {
            return false;
        };
        self.follow(edit);
        self.render();
        true
    }

    /// Paints `spans`, flat triples `[start, end, kind number, …]` in UTF-16 offsets of the text
    /// `read()` returned last, instead of those painted before. Spans outside the text are
    /// ignored.
    pub fn paint(&mut self, spans: &[u32]) -> Result<(), JsError> {
        if spans.len() % 3 != 0 {
            return Err(JsError::new(
                "newsmark: paint takes [start, end, kind] triples",
            ));
        }
        let len = self.text.len;
        self.spans = spans
            .chunks_exact(3)
            .filter(|s| s[0] < s[1] && s[1] <= len && (s[2] as usize) < KINDS.len())
            .map(|s| (s[0], s[1], s[2] as u8))
            .collect();
        self.repaint();
        Ok(())
    }

    /// Shows only the kinds whose bit is set in `mask` (bit `k`: kind number `k`).
    pub fn show(&mut self, mask: u32) {
        self.shown = mask;
        self.repaint();
    }

    /// Repaints after the element or a box around it scrolled or was resized: on long texts,
    /// once the visible text nears an edge of the painted part, paints around it anew (what
    /// came near is painted, what went far taken off); in the overlay, places the boxes again.
    pub fn refresh(&mut self) {
        let len = self.text.len;
        if len > PAINT_ALL_UP_TO {
            let near = self.visible().map(|(first, last)| {
                (
                    first.saturating_sub(SLACK),
                    last.saturating_add(SLACK).min(len),
                )
            });
            let covered = match (self.part, near) {
                (Some((from, to)), Some((first, last))) => from <= first && last <= to,
                _ => false,
            };
            if !covered {
                self.part = None;
                self.repaint();
                return;
            }
        }
        self.render();
    }

    /// Takes every highlight of this painter off (until the next `paint`).
    pub fn clear(&mut self) {
        self.spans.clear();
        self.repaint();
    }

    /// Takes every highlight off and removes the overlay layer, if any.
    pub fn destroy(&mut self) {
        self.clear();
        if let Backend::Overlay(overlay) = &self.backend {
            overlay.remove();
        }
    }

    /// The offset in the text read last of the viewport point (`x`, `y`) (a pointer event's
    /// `clientX`, `clientY`), when that point is in the element's text.
    #[wasm_bindgen(js_name = offsetAt)]
    pub fn offset_at(&self, x: f64, y: f64) -> Option<u32> {
        let (node, offset) = caret_point(&self.document, x, y)?;
        self.offset_of(&node, offset)
    }

    /// The offset in the text read last of the DOM point (`node`, `offset`) (a selection's
    /// focus, say), when the point is inside the element.
    #[wasm_bindgen(js_name = offsetOf)]
    pub fn offset_of(&self, node: &Node, offset: u32) -> Option<u32> {
        if !self.element.contains(Some(node)) {
            return None;
        }
        self.text.offset_of(node, offset)
    }

    /// A new DOM `Range` over `start..end` of the text read last (collapsed at `start` when
    /// `end == start`), for its rectangles, a selection or the caret; `None` past the text.
    #[wasm_bindgen(js_name = rangeOf)]
    pub fn range_of_text(&self, start: u32, end: u32) -> Option<Range> {
        if start > end || end > self.text.len {
            return None;
        }
        let (start_node, start_offset) = self.text.point(start, Side::Start)?;
        let (end_node, end_offset) = if end == start {
            (start_node, start_offset)
        } else {
            self.text.point(end, Side::End)?
        };
        let range = self.document.create_range().ok()?;
        range.set_start(start_node, start_offset).ok()?;
        range.set_end(end_node, end_offset).ok()?;
        Some(range)
    }

    /// What the last repaint did: `[ranges painted, added, removed, window start, window end]`
    /// (the window is the part of the text painted; its end is the text's length when whole).
    pub fn stats(&self) -> Vec<u32> {
        let Repaint {
            added,
            removed,
            from,
            to,
        } = self.last;
        vec![self.painted.len() as u32, added, removed, from, to]
    }
}

impl Painter {
    /// Moves the spans to paint, the painted ranges and the painted part by `edit`; spans the
    /// edit touched are taken off.
    fn follow(&mut self, edit: Edit) {
        if self.suspect == Suspect::None {
            self.suspect = Suspect::Near(edit.at, edit.new_end);
        } else {
            self.suspect = Suspect::All; // two edits since the last check
        }
        self.spans = self
            .spans
            .iter()
            .filter_map(|&(start, end, kind)| {
                let (start, end) = edit.shift(start, end)?;
                Some((start, end, kind))
            })
            .collect();
        for ((start, end, kind), range) in std::mem::take(&mut self.painted) {
            match edit.shift(start, end) {
                Some((start, end)) => {
                    self.painted.insert((start, end, kind), range);
                }
                None => self.backend.remove(kind, &range),
            }
        }
        self.part = self
            .part
            .and_then(|(from, to)| edit.carry(from, to, MARGIN));
    }

    fn repaint(&mut self) {
        let (from, to) = self.window();
        if self.text.len > PAINT_ALL_UP_TO {
            self.part = Some((from, to));
        }
        let mut old = std::mem::take(&mut self.painted);
        let mut last = Repaint {
            from,
            to,
            ..Repaint::default()
        };
        for index in 0..self.spans.len() {
            let key = self.spans[index];
            let (start, end, kind) = key;
            if self.shown & (1 << kind) == 0 || end <= from || start >= to {
                continue;
            }
            if self.painted.contains_key(&key) {
                continue;
            }
            if let Some(range) = old.remove(&key) {
                if !self.suspect.covers(key) || self.in_place(&range, key) {
                    self.painted.insert(key, range);
                    continue;
                }
                self.backend.remove(kind, &range);
                last.removed += 1;
            }
            if let Some(range) = self.range_of(key) {
                self.backend.add(kind, &range);
                self.painted.insert(key, range);
                last.added += 1;
            }
        }
        for ((_, _, kind), range) in old {
            self.backend.remove(kind, &range);
            last.removed += 1;
        }
        self.suspect = Suspect::None;
        self.last = last;
        self.render();
    }

    /// Draws the overlay's boxes (nothing to do with the highlight registry).
    fn render(&self) {
        if let Backend::Overlay(overlay) = &self.backend {
            let mut ranges: Vec<(i32, &str, &Range)> = self
                .painted
                .iter()
                .map(|(&(_, _, kind), range)| {
                    let kind = KINDS[kind as usize];
                    (priority(kind), kind.name(), range)
                })
                .collect();
            ranges.sort_by_key(|&(priority, ..)| priority);
            let seen = visible_rect(&self.document, &self.element)
                .unwrap_or_else(|| bounds(&self.element));
            overlay.render(seen, ranges.iter().map(|&(_, name, range)| (name, range)));
        }
    }

    /// A new range over the span, `None` when it covers no text node.
    fn range_of(&self, (start, end, _): Key) -> Option<Range> {
        let (start_node, start_offset) = self.text.point(start, Side::Start)?;
        let (end_node, end_offset) = self.text.point(end, Side::End)?;
        let range = self.document.create_range().ok()?;
        range.set_start(start_node, start_offset).ok()?;
        range.set_end(end_node, end_offset).ok()?;
        (!range.collapsed()).then_some(range)
    }

    /// Whether a kept range still covers exactly the span (the DOM moves live ranges with edits
    /// in their own text node; a range whose nodes were replaced, or whose boundary the edit
    /// touched, is made anew).
    fn in_place(&self, range: &Range, (start, end, _): Key) -> bool {
        let same = |container: Result<Node, JsValue>,
                    offset: Result<u32, JsValue>,
                    expected: Option<(&web_sys::Text, u32)>| {
            match (container, offset, expected) {
                (Ok(container), Ok(offset), Some((node, expected))) => {
                    offset == expected && &container == AsRef::<Node>::as_ref(node)
                }
                _ => false,
            }
        };
        same(
            range.start_container(),
            range.start_offset(),
            self.text.point(start, Side::Start),
        ) && same(
            range.end_container(),
            range.end_offset(),
            self.text.point(end, Side::End),
        )
    }

    /// The part of the text to paint: all of it up to `PAINT_ALL_UP_TO`, else the part painted
    /// before (moved by the edits since), or when it is to be measured, the visible part and a
    /// margin around it (all of it when what is visible cannot be told).
    fn window(&self) -> (u32, u32) {
        let len = self.text.len;
        if len <= PAINT_ALL_UP_TO {
            return (0, len);
        }
        if let Some((from, to)) = self.part {
            return (from.min(len), to.min(len));
        }
        let Some((first, last)) = self.visible() else {
            return (0, len);
        };
        let margin = MARGIN.max(last.saturating_sub(first));
        (
            first.saturating_sub(margin),
            last.saturating_add(margin).min(len),
        )
    }

    /// The offsets of the first and last text visible: in the element's box, inside every
    /// scrolling box around it and the window.
    fn visible(&self) -> Option<(u32, u32)> {
        let rect = bounds(&self.element);
        if rect.width() == 0.0 || rect.height() == 0.0 {
            return Some((0, 0)); // not rendered: nothing is seen
        }
        let seen = visible_rect(&self.document, &self.element)?;
        if seen.is_empty() {
            // Scrolled out of sight: the end nearest what is seen.
            let end = if seen.top >= rect.bottom {
                self.text.len
            } else {
                0
            };
            return Some((end, end));
        }
        let offset_at = |x: f64, y: f64| {
            let (node, offset) = caret_point(&self.document, x, y)?;
            self.text.offset_of(&node, offset)
        };
        let inset = (seen.width() / 4.0).min(24.0);
        let first = offset_at(seen.left + inset, seen.top + 1.0)?;
        let last = offset_at(seen.right - inset, seen.bottom - 1.0)?;
        Some((first.min(last), first.max(last)))
    }
}

impl Backend {
    fn add(&self, kind: u8, range: &Range) {
        if let Backend::Highlights(highlights) = self {
            highlights[kind as usize].add(range);
        }
    }

    fn remove(&self, kind: u8, range: &Range) {
        if let Backend::Highlights(highlights) = self {
            highlights[kind as usize].delete(range);
        }
    }
}
