//! The fallback where the browser has no CSS Custom Highlight API (`CSS.highlights`): each
//! painted range is drawn as boxes (one per line it covers, from `Range.getClientRects()`) on a
//! layer fixed over the element, outside it, so the element's own nodes stay untouched. The
//! boxes are classed `newsmark-box newsmark-box-<kind>` (styled by `newsmark/highlights.css`),
//! ignore the pointer, and are placed again on every repaint (the package's JavaScript repaints
//! on scroll and resize). The layer covers only the visible part of the element (inside every
//! scrolling box around it and the window), so no box shows over text scrolled out of sight.

use std::fmt::Write;

use wasm_bindgen::JsValue;
use web_sys::{Document, Element, Range};

use super::viewport::Rect;

/// The class of the layer (its only class).
pub const LAYER_CLASS: &str = "newsmark-overlay";

pub struct Overlay {
    layer: Element,
}

impl Overlay {
    /// Adds an empty layer at the end of the document's body.
    pub fn new(document: &Document) -> Result<Overlay, JsValue> {
        let layer = document.create_element("div")?;
        layer.set_class_name(LAYER_CLASS);
        layer.set_attribute("aria-hidden", "true")?;
        let parent: Element = match document.body() {
            Some(body) => body.into(),
            None => document
                .document_element()
                .ok_or_else(|| JsValue::from_str("no document element"))?,
        };
        parent.append_child(&layer)?;
        Ok(Overlay { layer })
    }

    /// Lays the layer over `seen` (the visible part of the element) and draws `ranges` (kind
    /// name, range) in order, later ones over earlier ones, leaving out boxes outside `seen`.
    pub fn render<'a>(&self, seen: Rect, ranges: impl Iterator<Item = (&'a str, &'a Range)>) {
        let frame = if seen.is_empty() {
            Rect {
                right: seen.left,
                bottom: seen.top,
                ..seen
            }
        } else {
            seen
        };
        let mut html = String::new();
        for (kind, range) in ranges {
            let Some(rects) = range.get_client_rects() else {
                continue;
            };
            for i in 0..rects.length() {
                let Some(rect) = rects.get(i) else { continue };
                if rect.width() == 0.0
                    || rect.height() == 0.0
                    || rect.bottom() <= frame.top
                    || rect.top() >= frame.bottom
                    || rect.right() <= frame.left
                    || rect.left() >= frame.right
                {
                    continue;
                }
                let _ = write!(
                    html,
                    r#"<div class="newsmark-box newsmark-box-{kind}" style="position:absolute;left:{:.1}px;top:{:.1}px;width:{:.1}px;height:{:.1}px"></div>"#,
                    rect.left() - frame.left,
                    rect.top() - frame.top,
                    rect.width(),
                    rect.height(),
                );
            }
        }
        let _ = self.layer.set_attribute(
            "style",
            &format!(
                "position:fixed;pointer-events:none;overflow:hidden;margin:0;padding:0;border:0;\
                 left:{:.1}px;top:{:.1}px;width:{:.1}px;height:{:.1}px",
                frame.left,
                frame.top,
                frame.width(),
                frame.height(),
            ),
        );
        self.layer.set_inner_html(&html);
    }

    pub fn remove(&self) {
        self.layer.remove();
    }
}
