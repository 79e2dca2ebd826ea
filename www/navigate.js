// Getting from the text to a highlight's details, and from highlight to highlight:
// - mouse: pointing at a highlight shows its card;
// - touch: a tap shows the card of the mention tapped; a second tap on it steps to its next
//   mention; the card closes when the text scrolls (a card for a sidebar row stays with its row);
// - keyboard: Alt+↓ / Alt+↑ move the caret to the next / previous highlight and show its card;
//   outside typing, n / p step from the selected highlight to the next / previous.

/**
 * `ctx`: { editor, scroller, card, spans() (shown spans), enabled(kind), mentions(index) → [indices],
 * select(index, anchor, note, why), restore() (the focused row's card, or none) }.
 */
export function wireNavigation(ctx) {
  const { editor, scroller, card } = ctx;
  let pointer = null;
  let queued = false;
  let tapped = null; // the index of the mention a tap last showed

  /** Span indices at offset, innermost (shortest) first. */
  function spansAtOffset(offset) {
    const spans = ctx.spans();
    const indices = [];
    spans.forEach((span, index) => {
      if (ctx.enabled(span.kind) && span.start <= offset && offset < span.end) indices.push(index);
    });
    return indices.sort((a, b) => spans[a].end - spans[a].start - (spans[b].end - spans[b].start));
  }

  /** The UTF-16 offset of the character under (x, y) in the editor, if any. */
  function offsetAt(x, y) {
    let node;
    let offset;
    if (document.caretPositionFromPoint) {
      const position = document.caretPositionFromPoint(x, y);
      if (!position) return null;
      ({ offsetNode: node, offset } = position);
    } else if (document.caretRangeFromPoint) {
      const range = document.caretRangeFromPoint(x, y);
      if (!range) return null;
      node = range.startContainer;
      offset = range.startOffset;
    } else return null;
    if (node.nodeType !== 3) return null;
    const start = editor.offsetOf(node, 0);
    if (start == null) return null;
    // The caret sits between characters: find which neighbour is really under the pointer.
    const probe = document.createRange();
    for (const candidate of [offset, offset - 1]) {
      if (candidate < 0 || candidate >= node.length) continue;
      probe.setStart(node, candidate);
      probe.setEnd(node, candidate + 1);
      for (const rect of probe.getClientRects()) {
        if (x >= rect.left - 0.5 && x <= rect.right + 0.5 && y >= rect.top && y <= rect.bottom) return start + candidate;
      }
    }
    return null;
  }

  function hover() {
    queued = false;
    if (!pointer) return;
    const offset = offsetAt(pointer.x, pointer.y);
    const indices = offset == null ? [] : spansAtOffset(offset);
    if (!indices.length) {
      if (card.shownFor() === "pointer") ctx.restore();
      return;
    }
    const spans = ctx.spans();
    card.show(
      indices.map((index) => [index, spans[index]]),
      { x: pointer.x + 12, y: pointer.y + 18, above: pointer.y - 12 },
      null,
      "pointer",
    );
  }

  scroller.addEventListener("pointermove", (event) => {
    if (event.pointerType !== "mouse") return;
    pointer = { x: event.clientX, y: event.clientY };
    if (!queued) {
      queued = true;
      requestAnimationFrame(hover);
    }
  });
  scroller.addEventListener("pointerleave", (event) => {
    if (event.pointerType !== "mouse") return;
    pointer = null;
    if (card.shownFor() === "pointer") ctx.restore();
  });

  // A tap: the card of the mention tapped; the same mention tapped again: its next mention.
  scroller.addEventListener("pointerup", (event) => {
    if (event.pointerType === "mouse") return;
    const offset = offsetAt(event.clientX, event.clientY);
    const indices = offset == null ? [] : spansAtOffset(offset);
    if (!indices.length) {
      tapped = null;
      if (card.shownFor() === "tap") card.hide();
      return;
    }
    const index = indices[0];
    const list = ctx.mentions(index);
    if (card.shownFor() === "tap" && tapped != null && list.includes(tapped) && list.length > 1) {
      const next = list[(list.indexOf(tapped) + 1) % list.length];
      tapped = next;
      ctx.select(next, null, `Mention ${list.indexOf(next) + 1} of ${list.length} — tap again for the next`, "tap");
      return;
    }
    tapped = index;
    ctx.select(index, null, list.length > 1 ? `Mention ${list.indexOf(index) + 1} of ${list.length} — tap again for the next` : null, "tap");
  });

  scroller.addEventListener("scroll", () => {
    if (card.shownFor() !== "row") card.hide();
  }, { passive: true });

  /** The highlight after (`down`) or before `from`, selected; the caret moved there if `caret`. */
  function step(down, from, caret) {
    const spans = ctx.spans();
    let found = -1;
    if (down) found = spans.findIndex((span) => ctx.enabled(span.kind) && span.start > from);
    else {
      for (let i = spans.length - 1; i >= 0 && found < 0; i -= 1) {
        if (ctx.enabled(spans[i].kind) && spans[i].start < from) found = i;
      }
    }
    if (found < 0) {
      ctx.announce(down ? "No highlight after this one" : "No highlight before this one");
      return;
    }
    if (caret) editor.select(spans[found].start);
    const list = ctx.mentions(found);
    ctx.select(found, null, list.length > 1 ? `Mention ${list.indexOf(found) + 1} of ${list.length}` : null, "caret");
  }

  // Alt+↓ / Alt+↑ in the editor: the caret to the next / previous highlight.
  editor.element.addEventListener("keydown", (event) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
    const caret = editor.selection();
    if (!caret) return;
    event.preventDefault();
    step(event.key === "ArrowDown", caret.start, true);
  });

  // n / p outside typing (not in the editor or a field): the next / previous highlight from the
  // selected one, else from the start.
  document.addEventListener("keydown", (event) => {
    if ((event.key !== "n" && event.key !== "p") || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    event.preventDefault();
    const active = ctx.active();
    const from = active != null ? ctx.spans()[active]?.start ?? -1 : -1;
    step(event.key === "n", event.key === "n" ? from : from < 0 ? Infinity : from, false);
  });

  return { offsetAt, spansAtOffset };
}
