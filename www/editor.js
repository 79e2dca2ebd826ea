// The one pane: the article is typed, pasted and dropped into `#article`, an editable element
// whose text nodes belong to the browser. The page never rewrites them (highlights are ranges
// over them, see paint.js), so caret, selection, undo, IME composition, spellcheck and paste
// behave as in any text field. It only reads them: the text, and where each text node starts.
//
// Paths (document.documentElement.dataset.editor):
// - "plaintext": `contenteditable="plaintext-only"` (Chromium, Safari, Firefox 136+): the browser
//   itself pastes and drops plain text only and inserts "\n" for Enter.
// - "rich": `contenteditable="true"` where plaintext-only is missing (older Firefox), or with
//   ?editor=rich: paste, drop and Enter are taken over and inserted as plain text with
//   execCommand("insertText"), which keeps the browser's undo history; formatting is refused.
// Text set by the page (the sample, a dropped file, Clear) and a paste of several lines go in as
// one <div> a line (an empty line: <div><br></div>): the browser then lays out and repaints the
// line typed in, not the whole text of a long article, on each keystroke (see linesOf). Pastes
// go through the browser's editing (one step of its undo history); the model below reads the
// lines back as the package's painter does.

const BLOCK = /^(DIV|P|LI|H[1-6]|BLOCKQUOTE|PRE|SECTION|ARTICLE)$/;

export function createEditor(element, { forceRich = false } = {}) {
  let path = "rich";
  if (!forceRich) {
    try {
      element.contentEditable = "plaintext-only";
      if (element.contentEditable === "plaintext-only") path = "plaintext";
    } catch {
      // not supported: the rich path below
    }
  }
  // A paste of several lines goes in as lines (one <div> each), as the page's own loads do.
  element.addEventListener("paste", (event) => {
    const text = event.clipboardData?.getData("text/plain")?.replace(/\r\n?/g, "\n") ?? "";
    // One line, or a NUL (which the HTML parser drops): the browser's own paste (the rich path:
    // takeOverRichInput's).
    if (!text.includes("\n") || text.includes("\0")) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    pasteLines(element, text);
  });
  if (path === "rich") {
    element.contentEditable = "true";
    takeOverRichInput(element);
  }
  element.setAttribute("role", "textbox");
  element.setAttribute("aria-multiline", "true");
  element.spellcheck = true;
  let cache = null; // { text, nodes: [{ node, start, length }], starts: Map node → start }
  // Changes to the content (typing, undo, a paste) since the model was made: a keystroke's change
  // of one text node's data is patched into it (a line of a long article is not read again),
  // anything else makes it be read again.
  let pending = [];
  const observer = new MutationObserver((records) => pending.push(...records));
  observer.observe(element, { childList: true, characterData: true, subtree: true });

  /** The text and its text nodes; patched or read again after the content changed. */
  function model() {
    pending.push(...observer.takeRecords());
    if (cache && pending.length && !patch(cache, pending)) cache = null;
    pending = [];
    if (cache) return cache;
    const nodes = [];
    const starts = new Map();
    let text = "";
    const children = element.childNodes;
    // The usual case: only text nodes.
    let flat = true;
    for (const child of children) if (child.nodeType !== 3) flat = false;
    if (flat) {
      for (const child of children) {
        nodes.push({ node: child, start: text.length, length: child.length });
        starts.set(child, text.length);
        text += child.data;
      }
    } else {
      // As the package's painter reads an element that keeps its spaces (src/wasm/dom_text.rs):
      // a block (a line: the page's loads and pastes make one <div> per line) starts and ends
      // with a line break, unless the text already ends with one; a <br> is a line break (an
      // empty line's <div><br></div>), except the placeholder <br> ending the element.
      const pieces = [];
      let length = 0;
      let atLineStart = true; // the text so far is empty or ends with "\n"
      let owed = false;
      const add = (piece) => {
        pieces.push(piece);
        length += piece.length;
        atLineStart = piece.endsWith("\n");
      };
      const pay = () => {
        if (owed && !atLineStart) add("\n");
        owed = false;
      };
      const walk = (parent) => {
        for (const child of parent.childNodes) {
          if (child.nodeType === 3) {
            if (!child.length) continue;
            pay();
            nodes.push({ node: child, start: length, length: child.length });
            starts.set(child, length);
            add(child.data);
          } else if (child.nodeName === "BR") {
            pay();
            if (child.nextSibling || parent !== element) add("\n");
          } else if (child.nodeType === 1) {
            const block = BLOCK.test(child.nodeName);
            owed ||= block;
            walk(child);
            owed ||= block;
          }
        }
      };
      walk(element);
      text = pieces.join("");
    }
    cache = { text, nodes, starts };
    return cache;
  }

  /** UTF-16 offset → a DOM point { node, offset } in the text nodes (null: no text). */
  function pointAt(offset, atEnd = false) {
    const { nodes } = model();
    if (!nodes.length) return null;
    let lo = 0;
    let hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const start = nodes[mid].start;
      if (start < offset || (!atEnd && start === offset)) lo = mid;
      else hi = mid - 1;
    }
    const { node, start } = nodes[lo];
    return { node, offset: Math.max(0, Math.min(node.length, offset - start)) };
  }

  /** A DOM point in the element → its UTF-16 offset (null when outside). */
  function offsetOf(node, offset) {
    const { starts, nodes, text } = model();
    const start = starts.get(node);
    if (start != null) return start + offset;
    if (!element.contains(node)) return null;
    // An element boundary (an empty editor, a <br>): after the last text node before it.
    const probe = document.createRange();
    probe.setStart(node, offset);
    let at = 0;
    for (const entry of nodes) {
      if (probe.comparePoint(entry.node, 0) >= 0) break;
      at = entry.start + entry.node.length;
    }
    return Math.min(at, text.length);
  }

  /** A Range over [start, end) of the text. */
  function rangeOf(start, end) {
    const from = pointAt(start);
    const to = pointAt(end, true);
    if (!from || !to) return null;
    const range = new Range();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  /** The selection as offsets { start, end } (null when it is not in the editor). */
  function selection() {
    const selected = getSelection();
    if (!selected?.rangeCount) return null;
    const range = selected.getRangeAt(0);
    if (!element.contains(range.startContainer) || !element.contains(range.endContainer)) return null;
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    return start == null || end == null ? null : { start, end };
  }

  /** Puts the caret at `offset` (or selects [offset, end)). */
  function select(offset, end = offset) {
    const range = rangeOf(offset, end);
    const selected = getSelection();
    if (!range) {
      selected.collapse(element, 0);
      return;
    }
    selected.removeAllRanges();
    selected.addRange(range);
  }

  /**
   * Patches `model` for `records` when they are all changes of one known text node's data that
   * leave it non-empty and ending (or not) with a line break as before (so the line breaks read
   * around it stay); false otherwise (the model must be read again).
   */
  function patch(model, records) {
    const node = records[0].target;
    if (!records.every((record) => record.type === "characterData" && record.target === node)) return false;
    const start = model.starts.get(node);
    if (start == null || !node.length) return false;
    let lo = 0;
    let hi = model.nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (model.nodes[mid].start <= start) lo = mid;
      else hi = mid - 1;
    }
    const entry = model.nodes[lo];
    if (entry.node !== node) return false;
    const data = node.data;
    const before = model.text;
    if ((before[start + entry.length - 1] === "\n") !== data.endsWith("\n")) return false;
    model.text = before.slice(0, start) + data + before.slice(start + entry.length);
    const delta = data.length - entry.length;
    entry.length = data.length;
    if (delta) {
      for (let i = lo + 1; i < model.nodes.length; i++) {
        model.nodes[i].start += delta;
        model.starts.set(model.nodes[i].node, model.nodes[i].start);
      }
    }
    return true;
  }

  /** Replaces the whole text (the page's own loads: sample, file, Clear), one <div> a line. */
  function setText(text) {
    if (text.includes("\n")) element.replaceChildren(linesOf(text));
    else element.textContent = text;
    changed();
  }

  /** The content changed (the model follows at its next use). */
  function changed() {
    pending.push(...observer.takeRecords());
  }

  return {
    element,
    path,
    model,
    text: () => model().text,
    pointAt,
    offsetOf,
    rangeOf,
    selection,
    select,
    setText,
    changed,
  };
}

/**
 * `text` as one `<div>` per line (an empty line: `<div><br></div>`; newlines ending the text stay
 * in the last line's text), in a fragment. The browser lays out and paints each line on its own,
 * so a keystroke costs a line, not the whole text node of a long article.
 */
export function linesOf(text) {
  const body = text.replace(/\n+$/, "");
  const fragment = document.createDocumentFragment();
  if (body === "") {
    fragment.append(text);
    return fragment;
  }
  const lines = body.split("\n");
  lines[lines.length - 1] += text.slice(body.length);
  for (const line of lines) {
    const div = document.createElement("div");
    if (line) div.textContent = line;
    else div.append(document.createElement("br"));
    fragment.append(div);
  }
  return fragment;
}

/**
 * Pastes `text` as lines (linesOf) through the browser's editing, so that it is one step of its
 * undo history: inserting HTML needs a richly editable element for the moment (inserting the
 * text instead would make every line an editing step of its own: 1.4 s at 10,000 words).
 */
function pasteLines(element, text) {
  const box = document.createElement("div");
  box.append(linesOf(text));
  const path = element.contentEditable;
  element.contentEditable = "true";
  try {
    document.execCommand("insertHTML", false, box.innerHTML);
  } finally {
    element.contentEditable = path;
  }
}

/** The rich path: paste, drop and line breaks as plain text; no formatting. */
function takeOverRichInput(element) {
  const insert = (text) => document.execCommand("insertText", false, text.replace(/\r\n?/g, "\n"));
  element.addEventListener("paste", (event) => {
    event.preventDefault();
    insert(event.clipboardData?.getData("text/plain") ?? "");
  });
  element.addEventListener("drop", (event) => {
    if ([...(event.dataTransfer?.types ?? [])].includes("Files")) return; // files: the page's drop
    event.preventDefault();
    const text = event.dataTransfer?.getData("text/plain") ?? "";
    const caret = document.caretRangeFromPoint?.(event.clientX, event.clientY);
    if (caret) getSelection().removeAllRanges(), getSelection().addRange(caret);
    insert(text);
  });
  element.addEventListener("beforeinput", (event) => {
    if (event.inputType === "insertParagraph" || event.inputType === "insertLineBreak") {
      event.preventDefault();
      insert("\n");
    } else if (event.inputType.startsWith("format") || event.inputType === "insertFromPaste" && event.dataTransfer) {
      event.preventDefault();
    }
  });
}
