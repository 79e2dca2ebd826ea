// newsmark page: the article typed or pasted into the textarea is analyzed on every edit by the
// WebAssembly analyzer and shown, as one text node, with the CSS Custom Highlight API (one
// `Highlight` per kind, registered as `nm-<kind>`). Where that API is missing, or with
// `?render=marks`, highlights are `<mark>` elements instead. User text only ever reaches the
// DOM through text nodes (`createTextNode`, `textContent`); nothing here parses HTML.

const KINDS = [
  { kind: "person", label: "People", one: "Person" },
  { kind: "organization", label: "Organizations", one: "Organization" },
  { kind: "place", label: "Places", one: "Place" },
  { kind: "misc", label: "Other names", one: "Other name" },
  { kind: "date", label: "Dates", one: "Date" },
  { kind: "time", label: "Times", one: "Time" },
  { kind: "duration", label: "Durations", one: "Duration" },
  { kind: "set", label: "Repeats", one: "Repeating time" },
  { kind: "quote", label: "Quotes", one: "Quote" },
];
const KIND = new Map(KINDS.map((entry, order) => [entry.kind, { ...entry, order }]));
const ENTITY_KINDS = new Set(["person", "organization", "place", "misc"]);
const TEMPORAL_KINDS = new Set(["date", "time", "duration", "set"]);
// Later highlights paint over earlier ones: quotes (underlined) lowest, names on top.
const PRIORITY = { quote: 1, date: 2, time: 2, duration: 2, set: 2, person: 3, organization: 3, place: 3, misc: 3 };
const HIGHLIGHT_PREFIX = "nm-";
const ACTIVE_HIGHLIGHT = "nm-active";
const TERM_HIGHLIGHT = "nm-quote-term";
const EMPTY = Object.freeze({ spans: [], entities: [], referenceDate: null });

const $ = (id) => document.getElementById(id);
const ui = {
  article: $("article"),
  sample: $("sample"),
  clear: $("clear"),
  date: $("reference-date"),
  dateSource: $("reference-source"),
  status: $("status"),
  legend: $("legend"),
  output: $("output"),
  items: $("items"),
  itemsCount: $("items-count"),
  itemsEmpty: $("items-empty"),
  card: $("card"),
};

const params = new URLSearchParams(location.search);
const highlightApi =
  typeof CSS !== "undefined" && CSS.highlights != null && typeof Highlight === "function";
const mode = params.get("render") === "marks" || !highlightApi ? "marks" : "highlights";
document.documentElement.dataset.render = mode;

const state = {
  analyzer: null,
  text: null, // the text currently rendered in the output
  analysis: EMPTY,
  entities: new Map(), // entity id → entity
  chosenDate: null, // "YYYY-MM-DD" picked by the reader (or the sample), else null = detect
  enabled: new Set(KINDS.map((entry) => entry.kind)),
  textNode: null,
  ranges: [], // span index → Range (highlight mode)
  highlights: new Map(), // kind → Highlight
  active: null, // span index selected from the list
  pending: false,
  revision: 0,
};

// ---------------------------------------------------------------------------------------------
// Status

function setStatus(kind, message) {
  ui.status.dataset.state = kind;
  ui.status.textContent = message;
}

// ---------------------------------------------------------------------------------------------
// Analysis

function scheduleUpdate() {
  if (state.pending) return;
  state.pending = true;
  requestAnimationFrame(() => {
    state.pending = false;
    update();
  });
}

function update() {
  const text = ui.article.value;
  let analysis = EMPTY;
  if (state.analyzer) {
    try {
      analysis = state.chosenDate
        ? state.analyzer.analyze(text, { referenceDate: state.chosenDate })
        : state.analyzer.analyze(text);
      if (ui.status.dataset.state !== "ready") setStatus("ready", "Ready");
    } catch (error) {
      console.error(error);
      setStatus("error", `Could not analyze this text: ${messageOf(error)}`);
      analysis = EMPTY;
    }
  }
  show(text, normalize(text, analysis));
}

/** Defensive copy of an analysis: spans checked against the text and sorted outer-first. */
function normalize(text, analysis) {
  const spans = (analysis?.spans ?? [])
    .filter(
      (span) =>
        KIND.has(span.kind) &&
        Number.isInteger(span.start) &&
        Number.isInteger(span.end) &&
        span.start >= 0 &&
        span.start < span.end &&
        span.end <= text.length,
    )
    .sort(
      (a, b) =>
        a.start - b.start ||
        b.end - a.end ||
        (a.kind === "quote" ? -1 : 0) - (b.kind === "quote" ? -1 : 0),
    );
  return {
    spans,
    entities: Array.isArray(analysis?.entities) ? analysis.entities : [],
    referenceDate: analysis?.referenceDate ?? null,
  };
}

function show(text, analysis) {
  hideCard();
  state.active = null;
  state.analysis = analysis;
  state.entities = new Map(analysis.entities.map((entity) => [entity.id, entity]));
  if (text !== state.text) {
    // The output's single text node is only replaced when the text changed.
    state.text = text;
    state.textNode = document.createTextNode(text);
    if (mode === "highlights") ui.output.replaceChildren(state.textNode);
  }
  if (mode === "highlights") {
    state.ranges = analysis.spans.map((span) => {
      const range = new Range();
      range.setStart(state.textNode, span.start);
      range.setEnd(state.textNode, span.end);
      return range;
    });
  }
  paint();
  renderLegend();
  renderReference();
  state.revision += 1;
  ui.output.dataset.revision = String(state.revision);
  ui.output.dataset.analyzed = String(state.analyzer != null);
}

// ---------------------------------------------------------------------------------------------
// Painting: highlights or marks, for the enabled kinds

function paint() {
  if (mode === "highlights") paintHighlights();
  else paintMarks();
  renderItems();
}

function setupHighlights() {
  for (const { kind } of KINDS) {
    const highlight = new Highlight();
    highlight.priority = PRIORITY[kind];
    CSS.highlights.set(HIGHLIGHT_PREFIX + kind, highlight);
    state.highlights.set(kind, highlight);
  }
  // Quoted terms (titles, nicknames, scare quotes) look different from speech.
  const terms = new Highlight();
  terms.priority = PRIORITY.quote;
  CSS.highlights.set(TERM_HIGHLIGHT, terms);
  state.highlights.set(TERM_HIGHLIGHT, terms);
  const active = new Highlight();
  active.priority = 10;
  CSS.highlights.set(ACTIVE_HIGHLIGHT, active);
}

/** A quotation the text quotes as a term (no one is quoted as saying it). */
function isTerm(span) {
  return span.kind === "quote" && span.quote === "term";
}

function paintHighlights() {
  for (const highlight of state.highlights.values()) highlight.clear();
  CSS.highlights.get(ACTIVE_HIGHLIGHT)?.clear();
  state.analysis.spans.forEach((span, index) => {
    if (!state.enabled.has(span.kind)) return;
    const key = isTerm(span) ? TERM_HIGHLIGHT : span.kind;
    state.highlights.get(key).add(state.ranges[index]);
  });
}

/**
 * Rebuilds the output as text nodes wrapped in `<mark>`s. The text is cut at every span
 * boundary; each piece is wrapped in the marks of the spans covering it, outermost first, so
 * properly nested spans (names inside a quote) become nested marks, and a span that crosses
 * another's edge is split into several marks that share its `data-index`.
 */
function paintMarks() {
  const text = state.text ?? "";
  const spans = state.analysis.spans
    .map((span, index) => ({ span, index }))
    .filter(({ span }) => state.enabled.has(span.kind));
  const cuts = new Set([0, text.length]);
  for (const { span } of spans) cuts.add(span.start).add(span.end);
  const points = [...cuts].sort((a, b) => a - b);

  const root = document.createDocumentFragment();
  let stack = []; // [{ item, element }] open marks, outermost first
  const parent = () => (stack.length ? stack[stack.length - 1].element : root);
  for (let p = 0; p + 1 < points.length; p += 1) {
    const from = points[p];
    const to = points[p + 1];
    const covering = spans.filter(({ span }) => span.start <= from && span.end >= to);
    let keep = 0;
    while (keep < stack.length && keep < covering.length && stack[keep].item === covering[keep]) keep += 1;
    stack = stack.slice(0, keep);
    for (const item of covering.slice(keep)) {
      const mark = document.createElement("mark");
      mark.className = `nm nm-${item.span.kind}${isTerm(item.span) ? " nm-term" : ""}`;
      mark.dataset.kind = item.span.kind;
      mark.dataset.index = String(item.index);
      if (item.index === state.active) mark.classList.add("is-active");
      parent().append(mark);
      stack.push({ item, element: mark });
    }
    parent().append(document.createTextNode(text.slice(from, to)));
  }
  ui.output.replaceChildren(root);
}

// ---------------------------------------------------------------------------------------------
// Legend (toggles with counts)

function buildLegend() {
  for (const { kind, label } of KINDS) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "toggle";
    button.dataset.kind = kind;
    button.setAttribute("aria-pressed", "true");
    const swatch = document.createElement("span");
    swatch.className = `swatch swatch-${kind}`;
    swatch.setAttribute("aria-hidden", "true");
    const name = document.createElement("span");
    name.className = "toggle-label";
    name.textContent = label;
    const count = document.createElement("span");
    count.className = "toggle-count";
    count.textContent = "0";
    button.append(swatch, name, count);
    button.addEventListener("click", () => toggleKind(kind));
    ui.legend.append(button);
  }
}

function toggleKind(kind) {
  if (state.enabled.has(kind)) state.enabled.delete(kind);
  else state.enabled.add(kind);
  hideCard();
  state.active = null;
  paint();
  renderLegend();
}

function renderLegend() {
  const counts = new Map(KINDS.map(({ kind }) => [kind, 0]));
  for (const span of state.analysis.spans) counts.set(span.kind, counts.get(span.kind) + 1);
  for (const button of ui.legend.querySelectorAll(".toggle")) {
    const { kind } = button.dataset;
    const on = state.enabled.has(kind);
    const count = counts.get(kind);
    button.setAttribute("aria-pressed", String(on));
    button.classList.toggle("is-empty", count === 0);
    button.querySelector(".toggle-count").textContent = String(count);
    button.setAttribute(
      "aria-label",
      `${KIND.get(kind).label}: ${count} found, ${on ? "shown" : "hidden"}`,
    );
    button.title = on ? `Hide ${KIND.get(kind).label.toLowerCase()}` : `Show ${KIND.get(kind).label.toLowerCase()}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Found items: a keyboard-reachable list of the highlights

const MAX_ITEMS = 2000;

function renderItems() {
  const fragment = document.createDocumentFragment();
  let shown = 0;
  state.analysis.spans.forEach((span, index) => {
    if (!state.enabled.has(span.kind) || shown >= MAX_ITEMS) return;
    shown += 1;
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = `item item-${span.kind}`;
    button.dataset.index = String(index);
    button.dataset.kind = span.kind;
    button.setAttribute("aria-describedby", "card");
    const tag = document.createElement("span");
    tag.className = `item-kind swatch-${span.kind}`;
    tag.textContent = KIND.get(span.kind).one;
    const words = document.createElement("span");
    words.className = "item-text";
    words.textContent = clip(span.text, 90);
    button.append(tag, words);
    if (TEMPORAL_KINDS.has(span.kind) && span.value) {
      const value = document.createElement("span");
      value.className = "item-value";
      value.textContent = span.value;
      button.append(value);
    }
    item.append(button);
    fragment.append(item);
  });
  ui.items.replaceChildren(fragment);
  ui.itemsCount.textContent = String(shown);
  ui.itemsEmpty.hidden = shown > 0;
}

function itemIndex(target) {
  const button = target instanceof Element ? target.closest("button.item") : null;
  return button && ui.items.contains(button) ? Number(button.dataset.index) : null;
}

function activate(index, anchor) {
  const span = state.analysis.spans[index];
  if (!span) return;
  state.active = index;
  if (mode === "highlights") {
    const active = CSS.highlights.get(ACTIVE_HIGHLIGHT);
    active.clear();
    active.add(state.ranges[index]);
    scrollOutputTo(state.ranges[index].getBoundingClientRect());
  } else {
    let first = null;
    for (const mark of ui.output.querySelectorAll("mark.is-active")) mark.classList.remove("is-active");
    for (const mark of ui.output.querySelectorAll(`mark[data-index="${index}"]`)) {
      mark.classList.add("is-active");
      first ??= mark;
    }
    if (first) scrollOutputTo(first.getBoundingClientRect());
  }
  showCard(spansAround(index), anchorRect(anchor));
}

/** Back to the card of the focused list item, if any, else no card. */
function restoreActiveCard() {
  const focused = document.activeElement;
  if (state.active != null && itemIndex(focused) === state.active) {
    showCard(spansAround(state.active), anchorRect(focused.closest("button")));
  } else {
    hideCard();
  }
}

function deactivate() {
  state.active = null;
  if (mode === "highlights") CSS.highlights.get(ACTIVE_HIGHLIGHT)?.clear();
  else for (const mark of ui.output.querySelectorAll("mark.is-active")) mark.classList.remove("is-active");
  hideCard();
}

/** The span at `index` first, then the shown spans around it (the quote a name sits in). */
function spansAround(index) {
  const span = state.analysis.spans[index];
  const around = state.analysis.spans.filter(
    (other, i) =>
      i !== index && state.enabled.has(other.kind) && other.start <= span.start && other.end >= span.end,
  );
  return [span, ...around];
}

function scrollOutputTo(rect) {
  const box = ui.output.getBoundingClientRect();
  if (rect.top < box.top + 8 || rect.bottom > box.bottom - 8) {
    ui.output.scrollTop += rect.top - box.top - box.height / 3;
  }
}

// ---------------------------------------------------------------------------------------------
// Detail card

function anchorRect(element) {
  const rect = element.getBoundingClientRect();
  return { x: rect.left, y: rect.bottom + 6, above: rect.top - 6 };
}

function showCard(spans, at) {
  if (!spans.length) {
    hideCard();
    return;
  }
  const fragment = document.createDocumentFragment();
  for (const span of spans) fragment.append(describe(span));
  ui.card.replaceChildren(fragment);
  ui.card.hidden = false;
  // Place it below the anchor (or above when there is no room), inside the viewport.
  const width = ui.card.offsetWidth;
  const height = ui.card.offsetHeight;
  const margin = 8;
  let x = Math.min(at.x, innerWidth - width - margin);
  let y = at.y;
  if (y + height > innerHeight - margin && at.above - height > margin) y = at.above - height;
  x = Math.max(margin, x);
  y = Math.max(margin, Math.min(y, innerHeight - height - margin));
  ui.card.style.left = `${x}px`;
  ui.card.style.top = `${y}px`;
}

function hideCard() {
  ui.card.hidden = true;
}

function describe(span) {
  const section = document.createElement("section");
  section.className = `card-span card-${span.kind}`;
  section.dataset.kind = span.kind;
  const head = document.createElement("p");
  head.className = "card-head";
  const tag = document.createElement("span");
  tag.className = `card-kind swatch-${span.kind}`;
  tag.textContent = KIND.get(span.kind).one;
  const words = document.createElement("span");
  words.className = "card-text";
  words.textContent = clip(span.text, 160);
  head.append(tag, words);
  section.append(head);

  const rows = [];
  if (ENTITY_KINDS.has(span.kind)) {
    const entity = span.entity != null ? state.entities.get(span.entity) : null;
    if (entity) {
      rows.push(["Entity", entity.name]);
      const mentions = Array.isArray(entity.mentions) ? entity.mentions.length : 0;
      if (mentions) rows.push(["Mentions", `${mentions} in this text`]);
    }
  } else if (TEMPORAL_KINDS.has(span.kind)) {
    rows.push(["Value", span.value || "not resolved"]);
    const meaning = span.value ? readable(span.value) : null;
    if (meaning) rows.push(["Means", meaning]);
  } else if (span.kind === "quote") {
    const speaker = span.speaker;
    if (isTerm(span)) rows.push(["Quoted term", "a title, nickname or scare quotes, not speech"]);
    if (span.continues != null) rows.push(["Continues", "the quotation before its attribution"]);
    if (speaker?.text) {
      const entity = speaker.entity != null ? state.entities.get(speaker.entity) : null;
      const name = entity && entity.name !== speaker.text ? `${speaker.text} (${entity.name})` : speaker.text;
      rows.push(["Speaker", name]);
    } else {
      if (!isTerm(span)) rows.push(["Speaker", "not attributed"]);
    }
    if (span.cue) rows.push(["Cue", span.cue]);
  }
  if (rows.length) {
    const list = document.createElement("dl");
    for (const [term, detail] of rows) {
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      dd.textContent = detail;
      list.append(dt, dd);
    }
    section.append(list);
  }
  return section;
}

// Human-readable forms of common TIMEX3 values.
const MONTH_DAY = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const UNITS = { Y: "year", M: "month", W: "week", D: "day", H: "hour", TM: "minute", S: "second" };
const SEASONS = { SP: "spring", SU: "summer", FA: "autumn", WI: "winter" };
const PARTS = { MO: "morning", AF: "afternoon", EV: "evening", NI: "night", DT: "daytime" };
const REFS = { PRESENT_REF: "now", PAST_REF: "in the past", FUTURE_REF: "in the future" };

function readable(value) {
  if (REFS[value]) return REFS[value];
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})|T(MO|AF|EV|NI|DT))?$/.exec(value))) {
    const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (Number.isNaN(date.getTime())) return null;
    const day = MONTH_DAY.format(date);
    if (m[4]) return `${day}, ${m[4]}:${m[5]}`;
    if (m[6]) return `${day}, ${PARTS[m[6]]}`;
    return day;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return MONTH.format(new Date(Date.UTC(+m[1], +m[2] - 1, 1)));
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) return `week ${Number(m[2])} of ${m[1]}`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return `quarter ${m[2]} of ${m[1]}`;
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return `${SEASONS[m[2]]} ${m[1]}`;
  if ((m = /^(\d{4})$/.exec(value))) return `the year ${m[1]}`;
  if ((m = /^(\d{3})X$/.exec(value))) return `the ${m[1]}0s`;
  if ((m = /^P(?:T?)(\d+|X)(Y|M|W|D|H|S)$/.exec(value)) || (m = /^PT(\d+|X)(M)$/.exec(value))) {
    const unit = value.startsWith("PT") && m[2] === "M" ? UNITS.TM : UNITS[m[2]];
    if (m[1] === "X") return `some ${unit}s`;
    return `${Number(m[1])} ${unit}${Number(m[1]) === 1 ? "" : "s"}`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Pointer: which highlight is under the mouse (no elements to hover in highlight mode)

let pointer = null;
let pointerQueued = false;

function onPointerMove(event) {
  pointer = { x: event.clientX, y: event.clientY, target: event.target };
  if (pointerQueued) return;
  pointerQueued = true;
  requestAnimationFrame(() => {
    pointerQueued = false;
    if (pointer) hoverAt(pointer);
  });
}

function hoverAt({ x, y, target }) {
  let indices = [];
  if (mode === "highlights") {
    const offset = offsetAt(x, y);
    if (offset != null) {
      state.analysis.spans.forEach((span, index) => {
        if (state.enabled.has(span.kind) && span.start <= offset && offset < span.end) indices.push(index);
      });
    }
  } else {
    for (let node = target; node && node !== ui.output; node = node.parentElement) {
      if (node.tagName === "MARK") indices.push(Number(node.dataset.index));
    }
    indices.reverse(); // outermost first, like the spans' order
  }
  if (!indices.length) {
    restoreActiveCard();
    return;
  }
  // Innermost (most specific) first: a name before the quote around it.
  indices.sort((a, b) => {
    const A = state.analysis.spans[a];
    const B = state.analysis.spans[b];
    return A.end - A.start - (B.end - B.start);
  });
  showCard(
    indices.map((index) => state.analysis.spans[index]),
    { x: x + 12, y: y + 18, above: y - 12 },
  );
}

/** The UTF-16 offset of the character under (x, y) in the output's text node, if any. */
function offsetAt(x, y) {
  let node;
  let offset;
  if (document.caretPositionFromPoint) {
    const position = document.caretPositionFromPoint(x, y);
    if (!position) return null;
    node = position.offsetNode;
    offset = position.offset;
  } else if (document.caretRangeFromPoint) {
    const range = document.caretRangeFromPoint(x, y);
    if (!range) return null;
    node = range.startContainer;
    offset = range.startOffset;
  } else {
    return null;
  }
  if (!state.textNode || node !== state.textNode) return null;
  const length = state.textNode.length;
  // The caret sits between characters: find which neighbour is really under the pointer.
  const probe = document.createRange();
  for (const candidate of [offset, offset - 1]) {
    if (candidate < 0 || candidate >= length) continue;
    probe.setStart(state.textNode, candidate);
    probe.setEnd(state.textNode, candidate + 1);
    for (const rect of probe.getClientRects()) {
      if (x >= rect.left - 0.5 && x <= rect.right + 0.5 && y >= rect.top && y <= rect.bottom) return candidate;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Reference date

function renderReference() {
  const reference = state.analysis.referenceDate;
  let source = "none";
  let label = state.analyzer ? "none found: relative dates stay unresolved" : "";
  if (state.chosenDate) {
    source = "option";
    label = "chosen";
  } else if (reference?.source === "dateline") {
    source = "dateline";
    label = "from the dateline";
    if (Number.isInteger(reference.start) && Number.isInteger(reference.end) && state.text) {
      label += ` “${clip(state.text.slice(reference.start, reference.end), 40)}”`;
    }
  } else if (reference?.source === "option") {
    source = "option";
    label = "chosen";
  }
  ui.dateSource.dataset.source = source;
  ui.dateSource.textContent = label;
  // Never rewrite the field under the reader's fingers.
  if (document.activeElement !== ui.date) {
    const value = state.chosenDate ?? reference?.date ?? "";
    if (ui.date.value !== value) ui.date.value = value;
  }
}

function onDateEdit() {
  const value = ui.date.value || null;
  if (value === state.chosenDate) return;
  // Editing the field to the date that detection found is still a choice; clearing it returns
  // to detection.
  state.chosenDate = value;
  scheduleUpdate();
}

// ---------------------------------------------------------------------------------------------
// Sample and clear

async function loadSample() {
  ui.sample.setAttribute("aria-busy", "true");
  try {
    const response = await fetch("sample.txt");
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    ui.article.value = await response.text();
    ui.article.scrollTop = 0;
    ui.output.scrollTop = 0;
    state.chosenDate = ui.sample.dataset.referenceDate || null;
    ui.date.value = state.chosenDate ?? "";
    scheduleUpdate();
  } catch (error) {
    setStatus("error", `Could not load the sample article: ${messageOf(error)}`);
  } finally {
    ui.sample.removeAttribute("aria-busy");
  }
}

function clearAll() {
  ui.article.value = "";
  state.chosenDate = null;
  ui.date.value = "";
  scheduleUpdate();
  ui.article.focus();
}

// ---------------------------------------------------------------------------------------------
// Helpers

function clip(text, max) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------
// Start: the page works (typing, sample) before the analyzer has loaded.

function wire() {
  buildLegend();
  if (mode === "highlights") setupHighlights();
  ui.article.addEventListener("input", scheduleUpdate);
  ui.date.addEventListener("input", onDateEdit);
  ui.date.addEventListener("change", onDateEdit);
  ui.sample.addEventListener("click", loadSample);
  ui.clear.addEventListener("click", clearAll);

  ui.output.addEventListener("mousemove", onPointerMove);
  ui.output.addEventListener("mouseleave", () => {
    pointer = null;
    restoreActiveCard();
  });
  ui.output.addEventListener("scroll", () => {
    if (state.active == null) hideCard();
  });

  ui.items.addEventListener("focusin", (event) => {
    const index = itemIndex(event.target);
    if (index != null) activate(index, event.target.closest("button"));
  });
  ui.items.addEventListener("focusout", (event) => {
    if (!ui.items.contains(event.relatedTarget)) deactivate();
  });
  ui.items.addEventListener("click", (event) => {
    const index = itemIndex(event.target);
    if (index != null) activate(index, event.target.closest("button"));
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !ui.card.hidden) hideCard();
  });
  addEventListener("resize", () => hideCard());

  scheduleUpdate();
}

async function start() {
  wire();
  setStatus("loading", "Loading analyzer…");
  try {
    const { createAnalyzer } = await import("./newsmark/js/browser.js");
    state.analyzer = await createAnalyzer({});
    setStatus("ready", "Ready");
    update();
  } catch (error) {
    console.error(error);
    setStatus("error", `The analyzer could not be loaded: ${messageOf(error)}. Text is shown without highlights.`);
  }
}

start();
