// The selected mention: marked in the text (nm-active), scrolled into view, its card shown next
// to it or to the sidebar row that chose it; and what a card or an announcement says of a span.
import { anchorOf } from "./card.js";
import { ENTITY_KINDS, TEMPORAL_KINDS, clip } from "./kinds.js";

/** `ctx`: { state, painter, card, scroller, article, focusedRow() }. */
export function createSelection(ctx) {
  const { state } = ctx;

  /** Span index → the indices of every mention of the same thing (entity, or TIMEX3 value). */
  function mentionsOf(index) {
    if (!state.groups) {
      const byKey = new Map();
      state.analysis.spans.forEach((span, i) => {
        const key =
          ENTITY_KINDS.has(span.kind) && span.entity != null
            ? `e${span.entity}`
            : TEMPORAL_KINDS.has(span.kind) && span.value
              ? `t${span.kind}:${span.value}`
              : null;
        if (key == null) return;
        if (!byKey.has(key)) byKey.set(key, []);
        byKey.get(key).push(i);
      });
      state.groups = new Map();
      for (const list of byKey.values()) for (const i of list) state.groups.set(i, list);
    }
    return state.groups.get(index) ?? [index];
  }

  function speakerName(span) {
    const speaker = span.speaker;
    if (!speaker?.text) return null;
    const entity = speaker.entity != null ? state.entities.get(speaker.entity) : null;
    return entity && entity.name !== speaker.text ? `${speaker.text} (${entity.name})` : speaker.text;
  }

  /** The words around a span, for announcements. */
  function context(span) {
    const text = state.text;
    const from = Math.max(0, span.start - 60);
    const to = Math.min(text.length, span.end + 60);
    return clip(`${from > 0 ? "…" : ""}${text.slice(from, to)}${to < text.length ? "…" : ""}`, 200);
  }

  /** Span `index` first, then the shown spans containing it (the quote a name is in). */
  function spansAround(index) {
    const span = state.analysis.spans[index];
    const around = [];
    state.analysis.spans.forEach((other, i) => {
      if (i !== index && state.enabled.has(other.kind) && other.start <= span.start && other.end >= span.end) {
        around.push([i, other]);
      }
    });
    return [[index, span], ...around];
  }

  /** Selects span `index`: marked, scrolled into view, its card by `anchor` (a row) or by the span. */
  function select(index, anchor, note, why = anchor ? "row" : "tap") {
    const span = state.analysis.spans[index];
    if (!span) return;
    state.active = index;
    const range = ctx.painter.activate(span);
    if (!range) return;
    const box = ctx.scroller.getBoundingClientRect();
    const rect = range.getBoundingClientRect();
    if (rect.top < box.top + 8 || rect.bottom > box.bottom - 8) {
      ctx.scroller.scrollTop += rect.top - box.top - box.height / 3;
    }
    ctx.article.dataset.active = String(index);
    const first = range.getClientRects()[0] ?? range.getBoundingClientRect();
    ctx.card.show(spansAround(index), anchorOf(anchor ? anchor.getBoundingClientRect() : first), note, why);
  }

  function deactivate() {
    state.active = null;
    delete ctx.article.dataset.active;
    ctx.painter.activate(null);
    ctx.card.hide();
  }

  /** Back to the focused sidebar row's card, if a row is focused; else no card. */
  function restore() {
    const row = ctx.focusedRow();
    if (state.active != null && row) select(state.active, row.button, row.note);
    else ctx.card.hide();
  }

  return { mentionsOf, speakerName, context, select, deactivate, restore };
}
