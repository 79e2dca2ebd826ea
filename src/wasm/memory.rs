//! The module's memory budget. WebAssembly memory only grows (to at most 4 GiB on wasm32, often
//! less in a browser tab) and never shrinks, and an allocation that fails aborts the module
//! (`RuntimeError: unreachable`), leaving it unusable. So the binding counts the bytes in use,
//! with a counting wrapper around the global allocator, and refuses a call that would not fit
//! with an `Error` saying so, before allocating anything for it: the analyzer stays usable.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use wasm_bindgen::prelude::*;

/// The bytes the module lets itself use: below the 4 GiB of wasm32, with room for the
/// allocator's own overhead and fragmentation.
const BUDGET: u64 = 3 << 30;
/// Bytes an analysis holds at its peak per byte of UTF-8 text (spans, tokens, features, the
/// result being serialized), rounded up from ~23 measured on dense news text.
pub const BYTES_PER_TEXT_BYTE: u64 = 32;
/// Bytes one analyzer holds (word lists, model, patterns): ~6 MB measured, rounded up.
const ANALYZER_BYTES: u64 = 16 << 20;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static LIVE_ANALYZERS: AtomicUsize = AtomicUsize::new(0);

/// The system allocator (dlmalloc on wasm32), counting the bytes it hands out.
struct Counting;

// SAFETY: every call is passed to `System` unchanged; only the count is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            IN_USE.fetch_add(layout.size(), Relaxed);
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            IN_USE.fetch_add(layout.size(), Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        if !moved.is_null() {
            IN_USE.fetch_add(new_size, Relaxed);
            IN_USE.fetch_sub(layout.size(), Relaxed);
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MB: f64 = (1 << 20) as f64;

/// Whether `need` more bytes fit in the budget; the error says what is in use and what to do.
fn reserve(need: u64, what: &str) -> Result<(), JsError> {
    let in_use = IN_USE.load(Relaxed) as u64;
    if in_use.saturating_add(need) <= BUDGET {
        return Ok(());
    }
    Err(JsError::new(&format!(
        "newsmark: out of memory: {what} needs about {:.0} MB, but only {:.0} MB of the \
         module's {:.0} MB are free ({}: call free() on those you no longer need)",
        need as f64 / MB,
        BUDGET.saturating_sub(in_use) as f64 / MB,
        BUDGET as f64 / MB,
        live_analyzers(),
    )))
}

/// Before a text of `utf16_units` is copied into the module: refuses it when even its smallest
/// UTF-8 form (a byte per unit) could not be analyzed, so a huge text is never copied in.
#[wasm_bindgen(js_name = checkTextLength)]
pub fn check_text_length(utf16_units: usize) -> Result<(), JsError> {
    let need = (utf16_units as u64).saturating_mul(1 + BYTES_PER_TEXT_BYTE);
    text_fits(need, utf16_units as u64)
}

/// Before analyzing a text of `bytes` (UTF-8, already in the module).
pub fn check_analysis(bytes: usize) -> Result<(), JsError> {
    let need = (bytes as u64).saturating_mul(BYTES_PER_TEXT_BYTE);
    text_fits(need, bytes as u64)
}

fn text_fits(need: u64, size: u64) -> Result<(), JsError> {
    reserve(need, &format!("a text of {:.1} MB", size as f64 / MB)).map_err(|_| {
        let free = BUDGET.saturating_sub(IN_USE.load(Relaxed) as u64);
        JsError::new(&format!(
            "newsmark: text too large: {:.1} MB; the limit is about {:.0} MB now ({:.0} MB of \
             memory free, about {} bytes per byte of text; {})",
            size as f64 / MB,
            free as f64 / (1 + BYTES_PER_TEXT_BYTE) as f64 / MB,
            free as f64 / MB,
            BYTES_PER_TEXT_BYTE,
            live_analyzers(),
        ))
    })
}

/// "1 analyzer alive", "552 analyzers alive".
fn live_analyzers() -> String {
    match LIVE_ANALYZERS.load(Relaxed) {
        1 => "1 analyzer alive".to_string(),
        n => format!("{n} analyzers alive"),
    }
}

/// Before building an analyzer.
pub fn check_new_analyzer() -> Result<(), JsError> {
    reserve(ANALYZER_BYTES, "a new analyzer")
}

/// Counts an analyzer from its creation to its drop (for the messages).
pub struct Live;

impl Live {
    pub fn new() -> Live {
        LIVE_ANALYZERS.fetch_add(1, Relaxed);
        Live
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        LIVE_ANALYZERS.fetch_sub(1, Relaxed);
    }
}
