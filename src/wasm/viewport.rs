//! Where an element can be seen: its box clipped by every scrolling (or otherwise clipping)
//! ancestor and by the window. The painter paints only the text near that region on long
//! texts, and the overlay fallback clips its boxes to it.

use web_sys::{Document, DomRect, Element};

use super::bindings::clips_overflow;

/// A rectangle in viewport coordinates (CSS pixels), as `getBoundingClientRect` gives them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    fn of(rect: &DomRect) -> Rect {
        Rect {
            left: rect.left(),
            top: rect.top(),
            right: rect.right(),
            bottom: rect.bottom(),
        }
    }

    /// The part of `self` inside `other` (empty when they do not meet).
    pub fn intersect(self, other: Rect) -> Rect {
        Rect {
            left: self.left.max(other.left),
            top: self.top.max(other.top),
            right: self.right.min(other.right),
            bottom: self.bottom.min(other.bottom),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.right <= self.left || self.bottom <= self.top
    }

    pub fn width(&self) -> f64 {
        (self.right - self.left).max(0.0)
    }

    pub fn height(&self) -> f64 {
        (self.bottom - self.top).max(0.0)
    }
}

/// The element's border box.
pub fn bounds(element: &Element) -> Rect {
    Rect::of(&element.get_bounding_client_rect())
}

/// The inside of `element`'s border: what its content can be seen through when it clips.
fn client_rect(element: &Element) -> Rect {
    let outer = element.get_bounding_client_rect();
    let left = outer.left() + f64::from(element.client_left());
    let top = outer.top() + f64::from(element.client_top());
    Rect {
        left,
        top,
        right: left + f64::from(element.client_width()),
        bottom: top + f64::from(element.client_height()),
    }
}

/// The part of `element` that can be seen: its box, inside the client area of every ancestor
/// whose overflow is not `visible` (a scrolling box, or one that hides what sticks out), and
/// inside the window. `<body>` and `<html>` are left to the window (their overflow scrolls the
/// viewport). `None` when the document has no window.
pub fn visible_rect(document: &Document, element: &Element) -> Option<Rect> {
    let view = document.default_view()?;
    let window = Rect {
        left: 0.0,
        top: 0.0,
        right: view.inner_width().ok()?.as_f64()?,
        bottom: view.inner_height().ok()?.as_f64()?,
    };
    let mut seen = bounds(element).intersect(window);
    let root = document.document_element();
    let body = document.body();
    let mut ancestor = element.parent_element();
    while let Some(node) = ancestor {
        if seen.is_empty() || Some(&node) == root.as_ref() {
            break;
        }
        let is_body = body.as_ref().is_some_and(|body| {
            let body: &Element = body.as_ref();
            body == &node
        });
        if !is_body && clips_overflow(&view, &node) {
            seen = seen.intersect(client_rect(&node));
        }
        ancestor = node.parent_element();
    }
    Some(seen)
}
