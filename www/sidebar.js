// The sidebar: names by kind (most mentioned first), who said what, and a timeline. One scrolling
// column; a group of more than ten rows shows its first eight and a "Show all N" button.
// Each row is a button: focusing it selects its first mention in the text (and shows its card),
// pressing it steps to its next mention. This is also how screen readers get the highlights'
// meaning. An edit rebuilds only the rows it changed: kept rows are pointed at their spans' new
// indices, so hundreds of rows are not rebuilt on every keystroke.
import { ENTITY_KINDS, KIND, TEMPORAL_KINDS, clip, isTerm } from "./kinds.js";
import { describeValue, timelineKey } from "./timex.js";

const MAX_PER_GROUP = 300; // rows per group; the rest are counted, not listed
export const SHOW_FIRST = 8; // rows shown before "Show all N"
const LONG = 10; // a group with more rows than this is shown short (a row or two more are just shown)

/**
 * `ui`: { sidebar, names, quotes, timeline }. `ctx`: { state, target(index) → current index,
 * select(index, button, note), deactivate(), announce(message), context(span), speaker(span) }.
 */
export function createSidebar(ui, ctx) {
  const rows = new WeakMap(); // row button → { indices, cursor, label }
  const sections = new Map(); // section name → [{ id, key, list, rows: [{ key, item, button }] }]
  const expanded = new Set(); // group ids whose every row is shown

  function render() {
    renderSection("names", ui.names, nameGroups(ctx.state));
    renderSection("quotes", ui.quotes, quoteGroups(ctx.state, ctx.speaker));
    renderSection("timeline", ui.timeline, timelineGroups(ctx.state));
  }

  function renderSection(name, container, groups) {
    const old = sections.get(name);
    if (!old || old.length !== groups.length || old.some((g, i) => g.id !== groupId(groups[i]))) {
      const fragment = document.createDocumentFragment();
      sections.set(name, groups.map((g) => buildGroup(fragment, g)));
      container.replaceChildren(fragment);
      container.closest("section").dataset.empty = String(!container.childElementCount);
      return;
    }
    groups.forEach((g, i) => {
      const was = old[i];
      if (was.key !== groupKey(g)) {
        const fragment = document.createDocumentFragment();
        old[i] = buildGroup(fragment, g);
        was.list.closest("details").replaceWith(fragment);
        return;
      }
      const next = g.rows;
      let head = 0;
      while (head < was.rows.length && head < next.length && was.rows[head].key === next[head].key) head += 1;
      let tail = 0;
      while (
        tail < was.rows.length - head &&
        tail < next.length - head &&
        was.rows[was.rows.length - 1 - tail].key === next[next.length - 1 - tail].key
      ) {
        tail += 1;
      }
      if (head + tail < was.rows.length || head + tail < next.length) {
        const fragment = document.createDocumentFragment();
        const built = next.slice(head, next.length - tail).map((r) => buildRow(fragment, r));
        for (const r of was.rows.slice(head, was.rows.length - tail)) r.item.remove();
        const before = tail ? was.rows[was.rows.length - tail].item : was.list.querySelector(":scope > .row-more");
        was.list.insertBefore(fragment, before);
        was.rows = [...was.rows.slice(0, head), ...built, ...was.rows.slice(was.rows.length - tail)];
      }
      was.rows.forEach((r, j) => retarget(r.button, next[j].indices));
    });
  }

  function buildGroup(parent, g) {
    const details = document.createElement("details");
    details.className = "group";
    details.open = true;
    details.dataset.kind = g.kind;
    const summary = document.createElement("summary");
    const swatch = document.createElement("span");
    swatch.className = `swatch swatch-${g.kind}`;
    swatch.setAttribute("aria-hidden", "true");
    const name = document.createElement("span");
    name.textContent = g.title;
    const pill = document.createElement("span");
    pill.className = "count-pill";
    pill.textContent = String(g.count);
    pill.title = g.counts;
    pill.setAttribute("aria-label", g.counts);
    summary.append(swatch, name, pill);
    const list = document.createElement(g.tag ?? "ul");
    list.className = "rows";
    const id = groupId(g);
    list.classList.toggle("is-short", g.rows.length > LONG && !expanded.has(id));
    details.append(summary, list);
    if (g.note) {
      const note = document.createElement("p");
      note.className = "group-note help";
      note.textContent = g.note;
      details.append(note);
    }
    if (g.rows.length > LONG) details.append(showAll(list, id, g.count));
    parent.append(details);
    const built = g.rows.map((r) => buildRow(list, r));
    if (g.count > MAX_PER_GROUP) {
      const item = document.createElement("li");
      item.className = "row-more";
      item.textContent = `and ${g.count - MAX_PER_GROUP} more`;
      list.append(item);
    }
    return { id, key: groupKey(g), list, rows: built };
  }

  function showAll(list, id, count) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "show-all button-link";
    const label = () => (list.classList.contains("is-short") ? `Show all ${count}` : `Show the first ${SHOW_FIRST}`);
    button.textContent = label();
    button.setAttribute("aria-expanded", String(!list.classList.contains("is-short")));
    button.addEventListener("click", () => {
      const short = list.classList.toggle("is-short");
      if (short) expanded.delete(id);
      else expanded.add(id);
      button.textContent = label();
      button.setAttribute("aria-expanded", String(!short));
    });
    return button;
  }

  function buildRow(list, { key, kind, indices, label, fill }) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = `row row-${kind}`;
    button.dataset.kind = kind;
    button.dataset.index = String(indices[0]);
    button.setAttribute("aria-describedby", "card");
    const main = document.createElement("span");
    main.className = "row-main";
    button.append(main);
    button.setAttribute(
      "aria-label",
      indices.length > 1 ? `${label}, ${indices.length} mentions; press to step through them` : label,
    );
    rows.set(button, { indices, cursor: 0, label });
    item.append(button);
    list.append(item);
    fill(button);
    return { key, item, button };
  }

  /** A kept row now steps through `indices` (its spans' indices in the new analysis). */
  function retarget(button, indices) {
    const entry = rows.get(button);
    if (entry.indices !== indices) {
      entry.indices = indices;
      entry.cursor = Math.min(entry.cursor, indices.length - 1);
    }
    const first = String(indices[0]);
    if (button.dataset.index !== first) button.dataset.index = first;
  }

  const rowOf = (target) => {
    const button = target instanceof Element ? target.closest("button.row") : null;
    return button && rows.has(button) ? button : null;
  };
  const note = (entry) =>
    entry.indices.length > 1 ? `Mention ${entry.cursor + 1} of ${entry.indices.length} — press again for the next` : null;

  ui.sidebar.addEventListener("focusin", (event) => {
    const button = rowOf(event.target);
    if (!button) return;
    button.dataset.fresh = "1";
    const entry = rows.get(button);
    ctx.select(ctx.target(entry.indices[entry.cursor]), button, note(entry));
  });
  ui.sidebar.addEventListener("focusout", (event) => {
    if (rowOf(event.target) && !rowOf(event.relatedTarget)) ctx.deactivate();
  });
  ui.sidebar.addEventListener("click", (event) => {
    const button = rowOf(event.target);
    if (!button) return;
    const entry = rows.get(button);
    // A mouse click focuses first (which selected the current mention): only later clicks step.
    const fresh = button.dataset.fresh === "1";
    button.dataset.fresh = "0";
    if (!(fresh && event.detail > 0) && entry.indices.length > 1) entry.cursor = (entry.cursor + 1) % entry.indices.length;
    const index = ctx.target(entry.indices[entry.cursor]);
    ctx.select(index, button, note(entry));
    const span = ctx.state.analysis.spans[index];
    if (span && entry.indices.length > 1) {
      ctx.announce(`Mention ${entry.cursor + 1} of ${entry.indices.length}: ${ctx.context(span)}`);
    }
  });

  /** The focused row's card again (after the pointer left the text), if a row is focused. */
  function focusedRow() {
    const button = rowOf(document.activeElement);
    return button ? { button, note: note(rows.get(button)) } : null;
  }

  return { render, focusedRow };
}

const groupId = (g) => `${g.kind} ${g.title}`;
const groupKey = (g) => `${groupId(g)} ${g.count} ${g.rows.length > LONG}`;
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

function nameGroups(state) {
  const byKind = new Map([...ENTITY_KINDS].map((kind) => [kind, []]));
  const seen = new Map(); // entity id → indices
  state.analysis.spans.forEach((span, index) => {
    if (!ENTITY_KINDS.has(span.kind) || span.entity == null) return;
    let list = seen.get(span.entity);
    if (!list) {
      seen.set(span.entity, (list = []));
      byKind.get(span.kind).push({ entity: state.entities.get(span.entity), indices: list, first: index });
    }
    list.push(index);
  });
  const groups = [];
  for (const [kind, entries] of byKind) {
    if (!state.enabled.has(kind) || !entries.length) continue;
    entries.sort((a, b) => b.indices.length - a.indices.length || a.first - b.first);
    const mentions = entries.reduce((n, e) => n + e.indices.length, 0);
    const rowModels = entries.slice(0, MAX_PER_GROUP).map(({ entity, indices, first }) => {
      const name = entity?.name ?? state.analysis.spans[first].text;
      return {
        key: `${indices.length} ${name}`,
        kind,
        indices,
        label: name,
        fill(button) {
          button.querySelector(".row-main").textContent = clip(name, 60);
          const count = document.createElement("span");
          count.className = "row-count";
          count.textContent = `×${indices.length}`;
          count.setAttribute("aria-label", plural(indices.length, "mention", "mentions"));
          button.append(count);
        },
      };
    });
    const label = KIND.get(kind).label.toLowerCase();
    groups.push({
      title: KIND.get(kind).label,
      count: entries.length,
      counts: `${entries.length} distinct ${label}, ${plural(mentions, "mention", "mentions")}`,
      kind,
      rows: rowModels,
    });
  }
  return groups;
}

function quoteGroups(state, speakerOf) {
  const quotes = [];
  let terms = 0;
  // Speech only: quoted terms (titles, scare quotes) are no one's words.
  state.analysis.spans.forEach((span, index) => {
    if (span.kind !== "quote") return;
    if (isTerm(span)) terms += 1;
    else quotes.push(index);
  });
  if (!state.enabled.has("quote") || !quotes.length) return [];
  const rowModels = quotes.slice(0, MAX_PER_GROUP).map((index) => {
    const span = state.analysis.spans[index];
    const who = speakerOf(span);
    const words = clip(span.text, 140);
    return {
      key: `${who} ${span.cue} ${words}`,
      kind: "quote",
      indices: [index],
      label: `${who ?? "Unattributed"}: ${clip(span.text, 80)}`,
      fill(button) {
        button.classList.add("row-quote");
        const head = button.querySelector(".row-main");
        const speaker = document.createElement("span");
        speaker.className = who ? "row-speaker" : "row-speaker is-unknown";
        speaker.textContent = who ?? "Unattributed";
        head.append(speaker);
        if (span.cue) {
          const cue = document.createElement("span");
          cue.className = "row-cue";
          cue.textContent = span.cue;
          head.append(" ", cue);
        }
        const text = document.createElement("span");
        text.className = "row-quote-text";
        text.textContent = words;
        button.append(text);
      },
    };
  });
  const counts = `${plural(quotes.length, "quotation", "quotations")} said by someone${terms ? `; ${plural(terms, "quoted term", "quoted terms")} (titles, scare quotes) not listed` : ""}`;
  return [{ title: "Who said what", count: quotes.length, counts, note: terms ? `Quoted terms are not listed here: ${terms}.` : null, kind: "quote", rows: rowModels }];
}

function timelineGroups(state) {
  // One row per distinct value; points and periods in calendar order, then durations and sets.
  const byValue = new Map();
  state.analysis.spans.forEach((span, index) => {
    if (!TEMPORAL_KINDS.has(span.kind) || !state.enabled.has(span.kind)) return;
    const key = `${span.kind}:${span.value ?? `?${index}`}:${span.mod ?? ""}`;
    let entry = byValue.get(key);
    if (!entry) byValue.set(key, (entry = { span, indices: [], at: timelineKey(span.value) }));
    entry.indices.push(index);
  });
  const entries = [...byValue.values()];
  const dated = entries
    .filter((entry) => entry.at != null)
    .sort((a, b) => a.at - b.at || b.span.value.length - a.span.value.length || a.indices[0] - b.indices[0]);
  const other = entries.filter((entry) => entry.at == null).sort((a, b) => a.indices[0] - b.indices[0]);
  const groups = [];
  for (const [title, list, kind] of [
    ["Timeline", dated, "date"],
    ["Durations, repeats and other times", other, "duration"],
  ]) {
    if (!list.length) continue;
    const mentions = list.reduce((n, e) => n + e.indices.length, 0);
    const rowModels = list.slice(0, MAX_PER_GROUP).map(({ span, indices }) => {
      const texts = [...new Set(indices.map((i) => clip(state.analysis.spans[i].text, 30)))];
      const words = describeValue(span.value, span.mod, span.kind) ?? "not resolved";
      return {
        key: `${span.kind} ${span.value} ${span.mod} ${indices.length} ${texts.join("|")}`,
        kind: span.kind,
        indices,
        label: `${words}${span.value ? ` (${span.value})` : ""}: ${texts.join(", ")}`,
        fill(button) {
          button.querySelector(".row-main").textContent = words;
          const value = document.createElement("span");
          value.className = "row-value";
          value.textContent = span.value ?? "";
          const said = document.createElement("span");
          said.className = "row-said";
          said.textContent = `“${texts.slice(0, 3).join("”, “")}”${texts.length > 3 ? " …" : ""}`;
          button.append(value, said);
          if (indices.length > 1) {
            const count = document.createElement("span");
            count.className = "row-count";
            count.textContent = `×${indices.length}`;
            button.append(count);
          }
        },
      };
    });
    groups.push({
      title,
      count: list.length,
      counts: `${plural(list.length, "distinct value", "distinct values")}, ${plural(mentions, "mention", "mentions")}`,
      kind,
      tag: "ol",
      rows: rowModels,
    });
  }
  return groups;
}
