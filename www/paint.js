// Painting the analysis over the editor's text, never touching its text nodes.
//
// - "highlights" (CSS Custom Highlight API: Chromium 105+, Safari 17.2+, Firefox 140+): one
//   `Highlight` per kind in `CSS.highlights` (`newsmark-<kind>`, the package's names; the
//   selected span `nm-active`), each a set of Ranges over the editor's text nodes. Only the spans
//   near the viewport of the scrolling box are painted (after any change to the document the
//   browser rebuilds every range's markers), and only ranges that changed are added and removed:
//   a Range is live, so one the edit did not touch still covers its span after it. A keystroke
//   moves the painted part with the edit rather than measuring it (which would lay the text out
//   in the input handler); scrolling measures it.
//   The painter is the package's, in Rust (`createHighlighter`, src/wasm/painter.rs): one
//   `Highlight` per kind (`newsmark-<kind>`), painted near what the scrolling box shows. With
//   ?painter=js the page's own JavaScript painter paints the same ranges instead, kept to measure
//   the Rust painter against: on each keystroke the Rust one reads the editor's text again from the
//   DOM into the wasm (the page's editor has it already), about 1 ms more of the main thread per
//   keystroke at 10,000 words (see the README's page section for the figures).
// - "marks" (no Highlight API, or ?render=marks): a copy of the text in `<mark>`s, transparent,
//   under the editor in the same scrolling box (`#marks`), so the two wrap and scroll alike; only
//   the marks' backgrounds and lines show through the editor's transparent background.
import { pieces } from "./exports.js";
import { KINDS, isTerm } from "./kinds.js";

const PRIORITY = { quote: 1, date: 2, time: 2, duration: 2, set: 2, person: 3, organization: 3, place: 3, misc: 3 };
const ACTIVE = "nm-active";
/** Characters painted beyond what is on screen, before and after it (at least). */
const MARGIN_CHARS = 3000;

export const highlightApi = () => typeof CSS !== "undefined" && CSS.highlights != null && typeof Highlight === "function";

/**
 * The painter for `mode` ("highlights" or "marks"; `rust`: the package's painter for
 * highlights, else the page's JavaScript one). `onReady()` is called once it can paint (the
 * Rust painter loads the wasm first).
 */
export function createPainter(editor, { scroller, marks, mode, rust = false, onReady = () => {} }) {
  if (mode === "marks") return marksPainter(editor, marks, onReady);
  return rust ? rustPainter(editor, onReady) : jsPainter(editor, scroller, onReady);
}

function jsPainter(editor, scroller, onReady) {
  queueMicrotask(onReady);
  const mode = "highlights";
  const highlights = new Map(); // key → Highlight
  let painted = new Map(); // Range → highlight key
  let part = { from: 0, to: 0 }; // the painted part of the text
  let last = { spans: [], enabled: new Set() };

  if (mode === "highlights") {
    const names = ["person", "organization", "place", "misc", "date", "time", "duration", "set", "quote"];
    for (const kind of names) register(`newsmark-${kind}`, PRIORITY[kind]);
    register(ACTIVE, 10);
  }

  function register(name, priority) {
    const highlight = new Highlight();
    highlight.priority = priority;
    CSS.highlights.set(name, highlight);
    highlights.set(name, highlight);
  }

  /** Offsets [from, to) of the text on screen in the scroller, widened by the margin. */
  function nearViewport() {
    const { text } = editor.model();
    const box = scroller.getBoundingClientRect();
    const inside = (x, y) => {
      const position = document.caretPositionFromPoint?.(x, y);
      if (position) return editor.offsetOf(position.offsetNode, position.offset);
      const range = document.caretRangeFromPoint?.(x, y);
      return range ? editor.offsetOf(range.startContainer, range.startOffset) : null;
    };
    const visible = box.height > 0 && box.bottom > 0 && box.top < innerHeight;
    const top = visible ? inside(box.left + 24, Math.max(box.top, 0) + 4) : null;
    const bottom = visible ? inside(box.right - 24, Math.min(box.bottom, innerHeight) - 4) : null;
    if (top == null || bottom == null) return { from: 0, to: Math.min(text.length, 4 * MARGIN_CHARS) };
    const margin = Math.max(MARGIN_CHARS, bottom - top);
    return { from: Math.max(0, Math.min(top, bottom) - margin), to: Math.min(text.length, Math.max(top, bottom) + margin) };
  }

  let known = false; // whether `part` is where the viewport was (false: measure it)
  let paintedText = null; // the text `part` is of

  /**
   * Paints `spans` of the `enabled` kinds (near the viewport in highlights mode). `edit` (a
   * keystroke: { at, oldEnd, newEnd }): the painted part moves with it instead of being
   * measured again, which would lay the text out in the input handler; scrolling measures it.
   */
  function paint(spans, enabled, edit = null) {
    last = { spans, enabled };
    if (edit && known) {
      const delta = edit.newEnd - edit.oldEnd;
      const { length } = editor.model().text;
      part = {
        from: Math.min(part.from > edit.at ? Math.max(edit.at, part.from + delta) : part.from, length),
        to: Math.min(part.to >= edit.at ? Math.max(edit.newEnd, part.to + delta) : part.to, length),
      };
    } else if (!known || editor.model().text !== paintedText) {
      part = nearViewport();
      known = true;
    }
    paintedText = editor.model().text;
    const { starts } = editor.model();
    const wanted = new Map(); // "key start end" → [span, key]
    for (const span of spans) {
      if (!enabled.has(span.kind) || span.end <= part.from || span.start >= part.to) continue;
      const key = `newsmark-${span.kind}`;
      wanted.set(`${key} ${span.start} ${span.end}`, key);
    }
    // Ranges painted before, where they are now (live ranges moved with the edit).
    const next = new Map();
    for (const [range, key] of painted) {
      const start = starts.get(range.startContainer);
      const end = starts.get(range.endContainer);
      const id = start == null || end == null ? null : `${key} ${start + range.startOffset} ${end + range.endOffset}`;
      if (id != null && wanted.get(id) === key) {
        wanted.delete(id);
        next.set(range, key);
      } else {
        highlights.get(key).delete(range);
      }
    }
    for (const [id, key] of wanted) {
      const [, start, end] = id.split(" ");
      const range = editor.rangeOf(Number(start), Number(end));
      if (!range) continue;
      highlights.get(key).add(range);
      next.set(range, key);
    }
    painted = next;
  }

  /** Repaints when the viewport nears the edge of the painted part (scrolling, resizing). */
  function onScroll() {
    const seen = nearViewport();
    if (seen.from >= part.from && seen.to <= part.to) return;
    known = false; // measure again, and paint there
    paint(last.spans, last.enabled);
  }

  function activate(span) {
    const active = highlights.get(ACTIVE);
    active.clear();
    const range = span ? editor.rangeOf(span.start, span.end) : null;
    if (range) active.add(range);
    return range;
  }

  return { mode, paint, onScroll, activate, ready: () => true };
}

function rustPainter(editor, onReady) {
  let highlighter = null;
  let last = null; // { spans, enabled } asked for before the painter loaded
  let kinds = "";
  const active = new Highlight();
  active.priority = 10;
  CSS.highlights.set(ACTIVE, active);

  import("./newsmark/js/browser.js")
    .then(({ createHighlighter }) => createHighlighter(editor.element, { live: false }))
    .then((made) => {
      highlighter = made;
      if (last) paint(last.spans, last.enabled);
      onReady();
    })
    .catch((error) => console.error("newsmark: the painter could not be loaded", error));

  /**
   * Paints `spans` of the `enabled` kinds over the editor's text as it is now. `edit` (a
   * keystroke: { at, oldEnd, newEnd } since the text painted last): the painter follows it
   * without reading the whole text back from the editor.
   */
  function paint(spans, enabled, edit = null) {
    last = { spans, enabled };
    if (!highlighter) return;
    const shown = KINDS.filter(({ kind }) => enabled.has(kind)).map(({ kind }) => kind);
    if (shown.join() !== kinds) {
      kinds = shown.join();
      highlighter.setOptions({ kinds: shown });
    }
    follow(editor.text(), edit);
    highlighter.paint({ spans, entities: [], referenceDate: null });
  }

  /** Brings the painter to `text` (its ranges stay on their text). */
  function follow(text, edit) {
    if (text === highlighter.text) return;
    const before = highlighter.text;
    if (edit && before.length - (edit.oldEnd - edit.at) + (edit.newEnd - edit.at) === text.length) {
      if (highlighter.edited(edit.at, edit.oldEnd, text.slice(edit.at, edit.newEnd)) === text) return;
    }
    highlighter.read();
  }

  function activate(span) {
    active.clear();
    const range = span ? editor.rangeOf(span.start, span.end) : null;
    if (range) active.add(range);
    return range;
  }

  return {
    mode: "highlights",
    paint,
    activate,
    onScroll() {}, // the painter repaints on scroll itself
    ready: () => highlighter != null,
  };
}

function marksPainter(editor, marks, onReady) {
  queueMicrotask(onReady);

  function paint(spans, enabled) {
    const { text } = editor.model();
    const shown = spans.filter((span) => enabled.has(span.kind));
    const root = document.createDocumentFragment();
    let stack = []; // open marks, outermost first: [{ span, element }]
    const parent = () => (stack.length ? stack.at(-1).element : root);
    for (const { from, to, covering } of pieces(text, shown)) {
      let keep = 0;
      while (keep < stack.length && keep < covering.length && stack[keep].span === shown[covering[keep]]) keep += 1;
      stack = stack.slice(0, keep);
      for (const local of covering.slice(keep)) {
        const span = shown[local];
        const mark = document.createElement("mark");
        mark.className = `nm nm-${span.kind}${isTerm(span) ? " nm-term" : ""}`;
        mark.dataset.kind = span.kind;
        mark.dataset.start = String(span.start);
        mark.dataset.end = String(span.end);
        parent().append(mark);
        stack.push({ span, element: mark });
      }
      parent().append(document.createTextNode(text.slice(from, to)));
    }
    // A trailing newline needs a character after it to take up its line, as in the editor.
    root.append(document.createTextNode("\u200b"));
    marks.replaceChildren(root);
  }

  /** Marks `span` as the selected one (null: none). */
  function activate(span) {
    for (const mark of marks.querySelectorAll("mark.is-active")) mark.classList.remove("is-active");
    if (!span) return null;
    for (const mark of marks.querySelectorAll(`mark[data-start="${span.start}"][data-end="${span.end}"]`)) {
      mark.classList.add("is-active");
    }
    return editor.rangeOf(span.start, span.end);
  }

  return { mode: "marks", paint, activate, onScroll() {}, ready: () => true };
}

const queuedAfterPaint = new Set();

/**
 * Runs `work` in the task after the next frame, once however often it is asked for before then:
 * a keystroke's frame shows the text and its highlights without waiting for the rest.
 */
export function afterNextPaint(work) {
  if (queuedAfterPaint.has(work)) return;
  queuedAfterPaint.add(work);
  requestAnimationFrame(() =>
    setTimeout(() => {
      queuedAfterPaint.delete(work);
      work();
    }),
  );
}
