// Painting the analysis over the editor's text, never touching its text nodes.
//
// - "highlights" (CSS Custom Highlight API: Chromium 105+, Safari 17.2+, Firefox 140+): the
//   package's painter, in Rust (`createHighlighter`, src/wasm/painter.rs): one `Highlight` per
//   kind in `CSS.highlights` (`newsmark-<kind>`; the selected span `nm-active`, kept here), each
//   a set of Ranges over the editor's text nodes. Only the spans near what the scrolling box
//   shows are painted (after any change to the document the browser rebuilds every range's
//   markers, so fewer ranges make a quicker keystroke), and only ranges that changed are added
//   and removed: a Range is live, so one the edit did not touch still covers its span after it.
//   A keystroke's edit is passed to the painter, which follows it without reading the text back
//   from the editor, and moves the painted part with it rather than measuring it (which would
//   lay the text out in the input handler); scrolling measures it.
// - "marks" (no Highlight API, or ?render=marks): a copy of the text in `<mark>`s, transparent,
//   under the editor in the same scrolling box (`#marks`), so the two wrap and scroll alike; only
//   the marks' backgrounds and lines show through the editor's transparent background.
import { pieces } from "./exports.js";
import { KINDS, isTerm } from "./kinds.js";

const ACTIVE = "nm-active";

export const highlightApi = () => typeof CSS !== "undefined" && CSS.highlights != null && typeof Highlight === "function";

/**
 * The painter for `mode`: "highlights" (the package's Rust painter) or "marks". `onReady()` is
 * called once it can paint (the Rust painter loads the wasm first).
 */
export function createPainter(editor, { marks, mode, onReady = () => {} }) {
  if (mode === "marks") return marksPainter(editor, marks, onReady);
  return rustPainter(editor, onReady);
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

  return { mode: "marks", paint, activate, ready: () => true };
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
