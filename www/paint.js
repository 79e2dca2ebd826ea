// Painting the analysis over the editor's text, never touching its text nodes.
//
// - "highlights" (CSS Custom Highlight API: Chromium 105+, Safari 17.2+, Firefox 140+): the
//   package's painter, written in Rust (src/wasm/painter.rs, `createHighlighter` of
//   newsmark/browser): one Highlight per kind in `CSS.highlights` (`newsmark-<kind>`), Ranges
//   over the editor's text nodes, kept where an edit left them, only near the viewport on long
//   texts. The page adds one Highlight of its own, `nm-active`, for the selected mention.
// - "marks" (no Highlight API, or ?render=marks): a copy of the text in `<mark>`s, transparent,
//   under the editor in the same scrolling box (`#marks`), so the two wrap and scroll alike; only
//   the marks' backgrounds and lines show through the editor's transparent background. (The
//   package's own fallback draws boxes on a layer over the element, which a scrolling box around
//   the element would not clip.)
import { pieces } from "./exports.js";
import { KINDS, isTerm } from "./kinds.js";

const ACTIVE = "nm-active";

export const highlightApi = () => typeof CSS !== "undefined" && CSS.highlights != null && typeof Highlight === "function";

/** The painter for `mode`; `onReady()` is called once it can paint (the Rust painter loads the wasm). */
export function createPainter(editor, { marks, mode, onReady = () => {} }) {
  return mode === "highlights" ? rustPainter(editor, onReady) : marksPainter(editor, marks, onReady);
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

  /** Paints `spans` of the `enabled` kinds over the editor's text as it is now. */
  function paint(spans, enabled) {
    last = { spans, enabled };
    if (!highlighter) return;
    const shown = KINDS.filter(({ kind }) => enabled.has(kind)).map(({ kind }) => kind);
    if (shown.join() !== kinds) {
      kinds = shown.join();
      highlighter.setOptions({ kinds: shown });
    }
    highlighter.read(); // the painter follows the edit: its ranges stay on their text
    highlighter.paint({ spans, entities: [], referenceDate: null });
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
