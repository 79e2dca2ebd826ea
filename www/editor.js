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
// Text set by the page (the sample, a dropped file, Clear) replaces the content with one text
// node.

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
  if (path === "rich") {
    element.contentEditable = "true";
    takeOverRichInput(element);
  }
  element.setAttribute("role", "textbox");
  element.setAttribute("aria-multiline", "true");
  element.spellcheck = true;
  let cache = null; // { text, nodes: [{ node, start }], starts: Map node → start }
  // Any change to the content (typing, undo, a paste) makes the model be read again; the input
  // handler also calls changed() first, as this observer's records come after the input event
  // (changed() takes them, so the model read then stays valid for the frame after it).
  const observer = new MutationObserver(() => (cache = null));
  observer.observe(element, { childList: true, characterData: true, subtree: true });

  /** The text and its text nodes; read again only after the content changed. */
  function model() {
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
        nodes.push({ node: child, start: text.length });
        starts.set(child, text.length);
        text += child.data;
      }
    } else {
      const walk = (parent) => {
        for (const child of parent.childNodes) {
          if (child.nodeType === 3) {
            nodes.push({ node: child, start: text.length });
            starts.set(child, text.length);
            text += child.data;
          } else if (child.nodeName === "BR") {
            // A placeholder <br> ends an empty block (or the element): not a line of its own.
            if (child.nextSibling || (parent !== element && text !== "" && !text.endsWith("\n"))) text += "\n";
          } else if (child.nodeType === 1) {
            const block = BLOCK.test(child.nodeName);
            if (block && text !== "" && !text.endsWith("\n")) text += "\n";
            walk(child);
          }
        }
      };
      walk(element);
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

  /** Replaces the whole text (the page's own loads: sample, file, Clear), as one text node. */
  function setText(text) {
    element.textContent = text;
    changed();
  }

  function changed() {
    cache = null;
    observer.takeRecords(); // the changes so far: the model read next has them
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
