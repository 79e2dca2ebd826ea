//! The few browser APIs the painter uses that web-sys offers only behind
//! `--cfg=web_sys_unstable_apis` (the CSS Custom Highlight API) or not at all in the form
//! needed here (caret lookups that may be missing): a small `extern` block instead of an
//! unstable cfg, so the crate builds for wasm32 with no special flags, also as a dependency of
//! someone else's crate (a `.cargo/config.toml` applies only inside this repository).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node, Range, Window};

#[wasm_bindgen]
extern "C" {
    /// A `Highlight`: a set of ranges styled by `::highlight(name)` once registered by name.
    pub type Highlight;

    #[wasm_bindgen(constructor)]
    fn new() -> Highlight;

    #[wasm_bindgen(method)]
    pub fn add(this: &Highlight, range: &Range);

    #[wasm_bindgen(method)]
    pub fn delete(this: &Highlight, range: &Range) -> bool;

    #[wasm_bindgen(method, setter)]
    fn set_priority(this: &Highlight, priority: i32);

    /// `CSS.highlights`: highlight names → `Highlight`s.
    pub type HighlightRegistry;

    #[wasm_bindgen(method)]
    fn get(this: &HighlightRegistry, name: &str) -> Option<Highlight>;

    #[wasm_bindgen(method)]
    fn set(this: &HighlightRegistry, name: &str, highlight: &Highlight);

    /// A `Document`, for the caret lookups web-sys does not bind as needed.
    type CaretDocument;

    #[wasm_bindgen(method, catch, js_name = caretPositionFromPoint)]
    fn caret_position_from_point(this: &CaretDocument, x: f64, y: f64) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch, js_name = caretRangeFromPoint)]
    fn caret_range_from_point(this: &CaretDocument, x: f64, y: f64) -> Result<JsValue, JsValue>;

    /// What `caretPositionFromPoint` returns.
    type CaretPosition;

    #[wasm_bindgen(method, getter, js_name = offsetNode)]
    fn offset_node(this: &CaretPosition) -> Option<Node>;

    #[wasm_bindgen(method, getter)]
    fn offset(this: &CaretPosition) -> u32;

    /// A `Window`, for `getComputedStyle` (web-sys binds it only with the CSSOM features).
    type StyleWindow;

    #[wasm_bindgen(method, catch, js_name = getComputedStyle)]
    fn get_computed_style(this: &StyleWindow, element: &Element) -> Result<ComputedStyle, JsValue>;

    /// What `getComputedStyle` returns: only the overflow and white space are read.
    type ComputedStyle;

    #[wasm_bindgen(method, getter, js_name = overflowX)]
    fn overflow_x(this: &ComputedStyle) -> String;

    #[wasm_bindgen(method, getter, js_name = overflowY)]
    fn overflow_y(this: &ComputedStyle) -> String;

    #[wasm_bindgen(method, getter, js_name = whiteSpace)]
    fn white_space(this: &ComputedStyle) -> String;
}

/// `CSS.highlights` of the global scope, when the browser has the Custom Highlight API.
pub fn highlight_registry() -> Option<HighlightRegistry> {
    let global = js_sys::global();
    let css = js_sys::Reflect::get(&global, &"CSS".into()).ok()?;
    if css.is_undefined() || css.is_null() {
        return None;
    }
    let registry = js_sys::Reflect::get(&css, &"highlights".into()).ok()?;
    let has_highlight = js_sys::Reflect::has(&global, &"Highlight".into()).unwrap_or(false);
    (registry.is_object() && has_highlight).then(|| registry.unchecked_into())
}

/// The highlight registered as `name`, registered now (with `priority`) if there is none. Two
/// painters on one page share it, each adding and deleting only its own ranges.
pub fn registered_highlight(registry: &HighlightRegistry, name: &str, priority: i32) -> Highlight {
    if let Some(highlight) = registry.get(name) {
        return highlight;
    }
    let highlight = Highlight::new();
    highlight.set_priority(priority);
    registry.set(name, &highlight);
    highlight
}

/// The DOM point under the viewport point (`x`, `y`): `caretPositionFromPoint` (the standard,
/// Firefox and Chrome 128+), else `caretRangeFromPoint` (Safari, older Chrome).
pub fn caret_point(document: &Document, x: f64, y: f64) -> Option<(Node, u32)> {
    let document: &CaretDocument = document.unchecked_ref();
    if let Ok(found) = document.caret_position_from_point(x, y) {
        if found.is_object() {
            let position: CaretPosition = found.unchecked_into();
            return Some((position.offset_node()?, position.offset()));
        }
    }
    let found = document.caret_range_from_point(x, y).ok()?;
    if !found.is_object() {
        return None;
    }
    let range: Range = found.unchecked_into();
    Some((range.start_container().ok()?, range.start_offset().ok()?))
}

/// Whether `element` clips its content to its client area: its computed overflow (either axis)
/// is not `visible` (`auto`, `scroll`, `hidden`, `clip`).
pub fn clips_overflow(window: &Window, element: &Element) -> bool {
    let window: &StyleWindow = window.unchecked_ref();
    match window.get_computed_style(element) {
        Ok(style) => style.overflow_x() != "visible" || style.overflow_y() != "visible",
        Err(_) => false,
    }
}

/// Whether `element` keeps its text's spaces as they are (its computed `white-space` is `pre`,
/// `pre-wrap` or `break-spaces`), as an editor does.
pub fn preserves_spaces(window: &Window, element: &Element) -> bool {
    let window: &StyleWindow = window.unchecked_ref();
    match window.get_computed_style(element) {
        Ok(style) => matches!(
            style.white_space().as_str(),
            "pre" | "pre-wrap" | "break-spaces"
        ),
        Err(_) => false,
    }
}
