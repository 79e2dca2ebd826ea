// newsmark page: the article typed, pasted or dropped into the textarea is analyzed on every
// edit by the WebAssembly analyzer, in a Web Worker (newsmark/worker), and shown, as one text
// node per line in chunks of lines, with the CSS Custom Highlight API (one `Highlight` per kind,
// registered as `nm-<kind>`). A keystroke is shown at once with the edited paragraph analyzed
// alone on this thread (`quick`, a provisional analysis); the whole document's analysis follows.
// Where that API is missing, or with `?render=marks`, highlights are `<mark>` elements instead.
// User text only ever reaches the DOM through text nodes (`createTextNode`, `textContent`);
// dropped HTML files are parsed by a detached `DOMParser` document and only their text is kept.
import { pieces, toCsv, toDisplacy, toHtml, toJson } from "./exports.js";
import { readable, timelineKey } from "./timex.js";

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
const MAX_PER_GROUP = 300; // sidebar rows per group; the rest are counted, not listed
const BUSY_AFTER_MS = 250; // "Analyzing…" only for analyses that take a noticeable time

const $ = (id) => document.getElementById(id);
const ui = {
  article: $("article"),
  sample: $("sample"),
  clear: $("clear"),
  drop: $("drop-hint"),
  date: $("reference-date"),
  dateSource: $("reference-source"),
  status: $("status"),
  legend: $("legend"),
  output: $("output"),
  names: $("names"),
  quotes: $("quotes"),
  timeline: $("timeline"),
  exports: $("exports"),
  announce: $("announce"),
  card: $("card"),
  sidebar: $("sidebar"),
};

const params = new URLSearchParams(location.search);
const highlightApi =
  typeof CSS !== "undefined" && CSS.highlights != null && typeof Highlight === "function";
const mode = params.get("render") === "marks" || !highlightApi ? "marks" : "highlights";
document.documentElement.dataset.render = mode;

const state = {
  text: null, // the text currently rendered in the output
  analysis: EMPTY,
  analyzed: false, // whether `analysis` came from the analyzer (false: plain text, not loaded)
  entities: new Map(), // entity id → entity
  groups: null, // span index → indices of the spans it is "another mention" of (mentionGroups())
  chosenDate: null, // "YYYY-MM-DD" picked by the reader (or the sample), else null = detect
  enabled: new Set(KINDS.map((entry) => entry.kind)),
  lines: [], // highlight mode: [{ text, start, node, element }], one block per line of the text
  ranges: new Map(), // span index → Range, made when first painted or selected (highlight mode)
  painted: { from: 0, to: 0 }, // the part of the text whose spans are painted (highlight mode)
  highlights: new Map(), // kind → Highlight
  active: null, // span index selected from the sidebar or by a click
  revision: 0,
  // "true": `analysis` is the whole-document analysis of `text`. "partial": provisional, the
  // edited paragraph analyzed alone and the other spans carried over from the last analysis,
  // shifted. "pending": carried over only, the edited paragraph not analyzed yet. "false": not
  // analyzed (shown as `#output[data-analyzed]`).
  shown: "false",
  // Sidebar row indices (into the spans the sidebar was rendered from) → indices into the
  // current spans (-1: gone), while provisional analyses have moved spans since; else null.
  sidebarMap: null,
  entityIds: null, // "kind|name" → entity id of the last whole-document analysis, made when needed
};

// ---------------------------------------------------------------------------------------------
// Status

function setStatus(kind, message) {
  ui.status.dataset.state = kind;
  ui.status.textContent = message;
}

function announce(message) {
  ui.announce.textContent = "";
  // A fresh text node so the same message is read again.
  requestAnimationFrame(() => (ui.announce.textContent = message));
}

// ---------------------------------------------------------------------------------------------
// Analysis engine: a Web Worker (newsmark/worker), or the analyzer on this thread where module
// workers are unavailable. One request is in flight at a time; edits made meanwhile collapse
// into the newest, and only the answer to the newest request is painted. An edit is sent when
// the engine is idle: at once, or, when the edit was just shown provisionally (see `quick`),
// after the frame that shows it, so the worker does not take the CPU that frame needs. An
// answer is shown as it arrives, so the next frame paints it.

const engine = {
  worker: null,
  analyzer: null, // main-thread fallback
  ready: false,
  failed: false,
  seq: 0, // id of the newest request made
  wanted: null, // the newest request, not sent yet
  sent: null, // the request in flight
  busyTimer: 0,
  pumpQueued: false, // a pump() waits for the frame after an edit shown provisionally
  timings: [], // [{ id, chars, ms }] for the tests and the curious
};

// The quick path: on an edit, the spans of the shown analysis are moved by the length change,
// those over the edited paragraph are dropped, and that paragraph alone is analyzed at once, on
// this thread, by an analyzer of its own (`quick`; a paragraph takes a millisecond or two, so
// the frame after the keystroke shows it), with the document's reference date so its dates
// resolve alike. That provisional analysis (`#output[data-analyzed=partial]`) is replaced by the
// whole document's when the worker's answer for that same text arrives. (A second worker was
// tried first: its answer, back in about a millisecond, still reached this thread only after
// the frame the keystroke caused, so provisional highlights took two frames.)
const quick = {
  analyzer: null, // an Analyzer on this thread, once loaded and warmed up
  timings: [], // [{ chars, analyzeMs }]
};
const QUICK_MAX = 2000; // chars: the most the quick path analyzes (a paragraph, or a window of one)
const QUICK_MAX_EDIT = 4000; // chars inserted + removed: larger edits (pastes) wait for the whole analysis

function onArticleInput() {
  const text = ui.article.value;
  const before = state.text;
  if (engine.ready && state.shown !== "false" && before != null && text !== "" && text !== before) {
    const started = performance.now();
    const shown = editProvisionally(text);
    performance.measure("newsmark:edit", { start: started, detail: { chars: text.length } });
    if (shown) {
      // The whole document after the frame that shows this: on a busy machine the worker's
      // analysis would take the CPU this thread needs to lay out and paint that frame.
      requestAnalysis({ afterFrame: true });
      return;
    }
  }
  requestAnalysis();
}

/** Where `before` and `after` differ: [at, oldEnd) of `before` became [at, newEnd) of `after`. */
function diffOf(before, after) {
  const shortest = Math.min(before.length, after.length);
  let at = 0;
  // Native comparisons of slices first (long texts), then characters.
  for (let step = 4096; step >= 16; step >>= 2) {
    while (at + step <= shortest && before.slice(at, at + step) === after.slice(at, at + step)) at += step;
  }
  while (at < shortest && before.charCodeAt(at) === after.charCodeAt(at)) at += 1;
  let tail = 0;
  const room = shortest - at;
  for (let step = 4096; step >= 16; step >>= 2) {
    while (
      tail + step <= room &&
      before.slice(before.length - tail - step, before.length - tail) === after.slice(after.length - tail - step, after.length - tail)
    ) {
      tail += step;
    }
  }
  while (tail < room && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail += 1;
  return { at, oldEnd: before.length - tail, newEnd: after.length - tail };
}

const isBlank = (text, from, to) => !/\S/.test(text.slice(from, to));

/**
 * The paragraph around [from, to) of `text`: its lines up to the blank lines (or the text's
 * ends) around it, cut down to a window of about QUICK_MAX characters around the edit, at
 * sentence ends if it can, at spaces otherwise.
 */
function paragraphAround(text, from, to) {
  let start = text.lastIndexOf("\n", from - 1) + 1;
  while (start > 0 && from - start < QUICK_MAX) {
    const previous = text.lastIndexOf("\n", start - 2) + 1;
    if (isBlank(text, previous, start - 1)) break;
    start = previous;
  }
  let end = text.indexOf("\n", to);
  end = end < 0 ? text.length : end;
  while (end < text.length && end - to < QUICK_MAX) {
    let next = text.indexOf("\n", end + 1);
    next = next < 0 ? text.length : next;
    if (isBlank(text, end + 1, next)) break;
    end = next;
  }
  const room = Math.max(0, QUICK_MAX - (to - from)) >> 1;
  if (from - start > room) start = cutAfterSentence(text, from - room, from);
  if (end - to > room) end = cutBeforeSentence(text, to, to + room);
  return { from: start, to: end };
}

/** A place in [lo, hi] just after a sentence's end (else after a space, else lo). */
function cutAfterSentence(text, lo, hi) {
  const part = text.slice(lo, hi);
  const sentence = /[.!?]["'”’)]?\s+/g;
  const found = sentence.exec(part);
  if (found) return lo + found.index + found[0].length;
  const space = part.search(/\s/);
  return space < 0 ? lo : lo + space + 1;
}

/** A place in [lo, hi] just after the last sentence end in it (else at its last space, else hi). */
function cutBeforeSentence(text, lo, hi) {
  const part = text.slice(lo, hi);
  let cut = -1;
  for (const found of part.matchAll(/[.!?]["'”’)]?(?=\s)/g)) cut = found.index + found[0].length;
  if (cut >= 0) return lo + cut;
  const space = part.search(/\s\S*$/);
  return space < 0 ? hi : lo + space;
}

/** A span moved by `delta` (its speaker too). */
function shifted(span, delta) {
  const moved = { ...span, start: span.start + delta, end: span.end + delta };
  if (span.speaker && Number.isInteger(span.speaker.start)) {
    moved.speaker = { ...span.speaker, start: span.speaker.start + delta, end: span.speaker.end + delta };
  }
  return moved;
}

/**
 * Shows `text` at once with the spans of the shown analysis moved by the edit, those over the
 * edited paragraph replaced by that paragraph's own analysis (when the quick analyzer is loaded;
 * else they are left out until the whole document's analysis comes).
 */
function editProvisionally(text) {
  const base = state.analysis;
  const edit = diffOf(state.text, text);
  const delta = edit.newEnd - edit.oldEnd;
  if (edit.oldEnd - edit.at + (edit.newEnd - edit.at) > QUICK_MAX_EDIT) return false; // a paste: wait for the whole analysis
  const region = paragraphAround(text, edit.at, edit.newEnd);
  const local = analyzeParagraph(text.slice(region.from, region.to));
  const spans = [];
  const moved = new Array(base.spans.length).fill(-1); // old index → new index
  let placed = local == null;
  const place = () => {
    placed = true;
    for (const span of local.spans) spans.push(fromParagraph(span, region.from, local));
  };
  base.spans.forEach((span, index) => {
    let now;
    if (span.end <= edit.at) now = span;
    else if (span.start >= edit.oldEnd) now = delta ? shifted(span, delta) : span;
    else return;
    if (now.start < region.to && now.end > region.from) return;
    if (!placed && now.start >= region.from) place();
    moved[index] = spans.length;
    spans.push(now);
  });
  if (!placed) place();
  let reference = base.referenceDate;
  if (reference && Number.isInteger(reference.start) && reference.start >= edit.oldEnd) {
    reference = { ...reference, start: reference.start + delta, end: reference.end + delta };
  }
  const sidebarMap = state.sidebarMap ? state.sidebarMap.map((i) => (i < 0 ? -1 : moved[i])) : moved;
  show(text, { spans, entities: base.entities, referenceDate: reference }, local ? "partial" : "pending", edit);
  state.sidebarMap = sidebarMap;
  return true;
}

/** The current index of the span a sidebar row points at (-1: not shown now). */
function sidebarTarget(index) {
  return state.sidebarMap ? (state.sidebarMap[index] ?? -1) : index;
}

/** The paragraph's analysis (spans sorted as the page shows them), or null when it cannot be made now. */
function analyzeParagraph(paragraph) {
  if (!quick.analyzer) return null;
  const referenceDate = state.chosenDate ?? state.analysis.referenceDate?.date ?? null;
  try {
    const started = performance.now();
    const analysis = quick.analyzer.analyze(paragraph, referenceDate ? { referenceDate } : undefined);
    quick.timings.push({ chars: paragraph.length, analyzeMs: performance.now() - started });
    if (quick.timings.length > 50) quick.timings.shift();
    return normalize(paragraph, analysis);
  } catch (error) {
    console.warn("newsmark: the edited paragraph could not be analyzed", error);
    return null;
  }
}

/**
 * A span of the paragraph's analysis, moved to the paragraph's place, its entity (and its
 * speaker's) the document's entity of that name when there is one: the paragraph's own entity
 * ids mean nothing in the document's analysis.
 */
function fromParagraph(span, offset, local) {
  const placed = shifted(span, offset);
  const ids = entityIds();
  const entityOf = (id, text) => {
    const entity = local.entities[id];
    if (!entity) return null;
    return ids.get(`${entity.kind}|${entity.name}`) ?? ids.get(`${entity.kind}|${text}`) ?? null;
  };
  if (ENTITY_KINDS.has(span.kind)) placed.entity = span.entity != null ? entityOf(span.entity, span.text) : null;
  if (placed.speaker?.entity != null) placed.speaker.entity = entityOf(placed.speaker.entity, placed.speaker.text);
  return placed;
}

/** "kind|name" (and "kind|mention text") → entity id, of the last whole-document analysis. */
function entityIds() {
  if (state.entityIds) return state.entityIds;
  const ids = new Map();
  for (const entity of state.analysis.entities) ids.set(`${entity.kind}|${entity.name}`, entity.id);
  for (const span of state.analysis.spans) {
    if (ENTITY_KINDS.has(span.kind) && span.entity != null && !ids.has(`${span.kind}|${span.text}`)) {
      ids.set(`${span.kind}|${span.text}`, span.entity);
    }
  }
  return (state.entityIds = ids);
}

/**
 * Loads the quick analyzer (the fallback's own analyzer when there is no worker), then runs its
 * first analysis, which also compiles the date patterns, when the page is idle rather than on
 * the first edit.
 */
async function startQuick() {
  try {
    let analyzer = engine.analyzer;
    if (!analyzer) {
      const { createAnalyzer } = await import("./newsmark/js/browser.js");
      analyzer = await createAnalyzer({});
    }
    const idle = window.requestIdleCallback ?? ((callback) => setTimeout(callback, 50));
    idle(() => {
      try {
        analyzer.analyze("Warm-up on Monday.");
        quick.analyzer = analyzer;
      } catch (error) {
        console.warn("newsmark: no quick analyzer", error);
      }
    });
  } catch (error) {
    console.warn("newsmark: no quick analyzer", error);
  }
}

function requestAnalysis({ afterFrame = false } = {}) {
  const text = ui.article.value;
  engine.seq += 1;
  const options = state.chosenDate ? { referenceDate: state.chosenDate } : {};
  engine.wanted = { id: engine.seq, text, options };
  if (text === "" && engine.ready) {
    // Nothing to analyze: an empty text has no spans. An answer still on its way is stale.
    engine.wanted = null;
    if (engine.sent) engine.sent.stale = true;
    show(text, EMPTY, true);
    return;
  }
  if (!engine.ready) {
    // Not loaded (or failed): the text is shown as it is, highlighted once the analyzer is ready.
    show(text, EMPTY, false);
    return;
  }
  if (afterFrame) {
    if (!engine.pumpQueued) {
      engine.pumpQueued = true;
      requestAnimationFrame(() =>
        setTimeout(() => {
          engine.pumpQueued = false;
          pump();
        }),
      );
    }
    return;
  }
  pump();
}

function pump() {
  if (engine.sent || !engine.wanted) return;
  const job = engine.wanted;
  engine.wanted = null;
  engine.sent = { ...job, at: performance.now() };
  clearTimeout(engine.busyTimer);
  engine.busyTimer = setTimeout(() => {
    if (engine.sent) setStatus("busy", "Analyzing…");
  }, BUSY_AFTER_MS);
  if (engine.worker) {
    engine.worker.postMessage(job);
  } else {
    setTimeout(() => {
      let answer;
      try {
        const started = performance.now();
        const analysis = engine.analyzer.analyze(job.text, job.options);
        answer = { id: job.id, analysis, analyzeMs: performance.now() - started };
      } catch (error) {
        answer = { id: job.id, error: messageOf(error) };
      }
      receive(answer);
    }, 0);
  }
}

function receive(data) {
  const job = engine.sent;
  if (!job || data.id !== job.id) return;
  engine.sent = null;
  engine.timings.push({
    id: job.id,
    chars: job.text.length,
    ms: Math.round((performance.now() - job.at) * 10) / 10,
    analyzeMs: data.analyzeMs ?? null,
  });
  if (engine.timings.length > 50) engine.timings.shift();
  if (engine.wanted) {
    pump(); // newer text is waiting: this answer is already stale
    return;
  }
  clearTimeout(engine.busyTimer);
  if (job.stale) {
    if (ui.status.dataset.state === "busy") setStatus("ready", "Ready");
    return;
  }
  if ("error" in data) {
    setStatus("error", `Could not analyze this text: ${data.error}`);
    show(job.text, EMPTY, false);
    return;
  }
  if (ui.status.dataset.state !== "ready") setStatus("ready", "Ready");
  show(job.text, normalize(job.text, data.analysis), true);
}

function onEngineReady() {
  engine.ready = true;
  startQuick();
  setStatus("ready", "Ready");
  requestAnalysis();
}

function onEngineFailed(message) {
  engine.failed = true;
  setStatus("error", `The analyzer could not be loaded: ${message}. Text is shown without highlights.`);
}

async function startOnThisThread() {
  try {
    const { createAnalyzer } = await import("./newsmark/js/browser.js");
    engine.analyzer = await createAnalyzer({});
    onEngineReady();
  } catch (error) {
    console.error(error);
    onEngineFailed(messageOf(error));
  }
}

function startEngine() {
  if (typeof Worker !== "function" || params.get("engine") === "main") {
    startOnThisThread();
    return;
  }
  let worker;
  try {
    worker = new Worker(new URL("./newsmark/js/worker.js", import.meta.url), { type: "module", name: "newsmark" });
  } catch {
    startOnThisThread();
    return;
  }
  engine.worker = worker;
  worker.addEventListener("message", ({ data }) => {
    if (data && "ready" in data) {
      if (data.ready) onEngineReady();
      else onEngineFailed(data.error);
    } else {
      receive(data);
    }
  });
  // A worker that cannot start (no module workers, script blocked): analyze on this thread.
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    if (engine.ready || engine.failed) return;
    worker.terminate();
    engine.worker = null;
    startOnThisThread();
  });
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

/**
 * Shows `text` with `analysis`. `analyzed`: true (the whole document's analysis of `text`),
 * false (none), or, for provisional analyses (see `quick`), "partial" or "pending" (as
 * `state.shown`). Provisional analyses leave the sidebar as it is: it follows the whole
 * document's analysis.
 */
function show(text, analysis, analyzed, edit = null) {
  const started = performance.now();
  const provisional = analyzed === "partial" || analyzed === "pending";
  hideCard();
  state.active = null;
  state.shown = String(analyzed);
  state.analyzed = analyzed !== false;
  if (!provisional) {
    state.entityIds = null;
    state.sidebarMap = []; // until the sidebar shows this analysis: its rows point nowhere
  }
  if (state.analysis.entities !== analysis.entities) {
    state.entities = new Map(analysis.entities.map((entity) => [entity.id, entity]));
  }
  state.analysis = analysis;
  state.groups = null; // made when first needed (a card, a click), not on every keystroke
  if (text !== state.text) {
    state.text = text;
    if (mode === "highlights") renderLines(text, edit);
  }
  if (mode === "highlights") state.ranges = new Map();
  paintText();
  if (!provisional && analysis.spans.length) renderSidebarAfterPaint();
  // A keystroke's frame is for the text and its highlights: the legend's counts follow it.
  if (provisional) renderLegendAfterPaint();
  else {
    renderLegend();
    renderReference();
  }
  state.revision += 1;
  ui.output.dataset.revision = String(state.revision);
  ui.output.dataset.analyzed = state.shown;
  // An empty sidebar costs nothing to show: at once, not after the frame.
  if (!provisional && !analysis.spans.length) renderSidebar();
  performance.measure("newsmark:show", {
    start: started,
    detail: { chars: text.length, spans: analysis.spans.length, analyzed: state.shown },
  });
}

/**
 * Highlight mode shows the text as one block per line (`<span class="line">`, its text node
 * ending with the line's "\n"), in chunks of lines (`<span class="chunk">`), so the browser lays
 * out and paints only the chunks on screen (`content-visibility: auto`; per chunk rather than
 * per line, as the browser checks every such element's visibility on every frame) and an edit
 * re-lays out only the lines it changed: lines equal at the start and end of the old and new
 * text keep their nodes.
 */
function renderLines(text, edit = null) {
  const old = state.lines;
  let head = 0;
  let tail = 0;
  let middle;
  if (edit) {
    // Known edit ([at, oldEnd) of the shown text became [at, newEnd)): only the lines it touches
    // are split again, so a keystroke costs nothing in proportion to the text.
    let lo = 0;
    let hi = old.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (old[mid].start + old[mid].text.length <= edit.at) lo = mid + 1;
      else hi = mid;
    }
    head = lo;
    if (head && !old[head - 1].text.endsWith("\n")) head -= 1; // the last line, grown
    hi = old.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (old[mid].start > edit.oldEnd) hi = mid;
      else lo = mid + 1;
    }
    tail = old.length - lo;
    const from = head ? old[head - 1].start + old[head - 1].text.length : 0;
    const to = tail ? old[lo].start + edit.newEnd - edit.oldEnd : text.length;
    middle = from < to ? text.slice(from, to).split(/(?<=\n)/) : [];
  } else {
    const lines = text === "" ? [] : text.split(/(?<=\n)/);
    while (head < old.length && head < lines.length && old[head].text === lines[head]) head += 1;
    while (
      tail < old.length - head &&
      tail < lines.length - head &&
      old[old.length - 1 - tail].text === lines[lines.length - 1 - tail]
    ) {
      tail += 1;
    }
    middle = lines.slice(head, lines.length - tail);
  }
  // An edit within one line (a keystroke): its text node is edited in place, as the browser
  // edits the textarea's, so no element is made and styled and only the edited part of the line
  // is shaped again. Its entry is new (a new id), so the line's cached Ranges are not reused.
  const inPlace = edit != null && middle.length === 1 && old.length - tail - head === 1;
  if (inPlace) {
    const line = old[head];
    line.node.replaceData(edit.at - line.start, edit.oldEnd - edit.at, text.slice(edit.at, edit.newEnd));
  }
  const fresh = middle.map((line) => {
    if (inPlace) {
      const entry = { ...old[head], text: line, id: (lineIds += 1) };
      lineOfNode.set(entry.node, entry);
      return entry;
    }
    const element = document.createElement("span");
    element.className = "line";
    const node = document.createTextNode(line);
    element.append(node);
    const entry = { text: line, start: 0, node, element, id: (lineIds += 1) };
    lineOfNode.set(node, entry);
    return entry;
  });
  if (inPlace) {
    // nothing to insert or remove
  } else if (head === 0 && tail === 0) {
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < fresh.length; i += LINES_PER_CHUNK) {
      fragment.append(chunkOf(fresh.slice(i, i + LINES_PER_CHUNK)));
    }
    ui.output.replaceChildren(fragment);
  } else {
    const changed = new Set();
    for (const line of old.slice(head, old.length - tail)) {
      changed.add(line.element.parentNode);
      line.element.remove();
    }
    // New lines join the chunk of the line after them (or before them, at the end).
    const next = old[old.length - tail]?.element ?? null;
    const parent = tail ? next.parentNode : old[head - 1].element.parentNode;
    const fragment = document.createDocumentFragment();
    for (const line of fresh) fragment.append(line.element);
    parent.insertBefore(fragment, tail ? next : null);
    changed.add(parent);
    for (const chunk of changed) {
      if (!chunk.firstChild) chunk.remove();
      else if (chunk.childElementCount > 4 * LINES_PER_CHUNK) splitChunk(chunk);
    }
  }
  state.lines = [...old.slice(0, head), ...fresh, ...old.slice(old.length - tail)];
  let at = 0;
  for (const line of state.lines) {
    line.start = at;
    at += line.text.length;
  }
}

const LINES_PER_CHUNK = 32;
let lineIds = 0; // each line entry's id, for rangeCache keys

function chunkOf(lines) {
  const chunk = document.createElement("span");
  chunk.className = "chunk";
  for (const line of lines) chunk.append(line.element);
  return chunk;
}

/** A chunk grown by a paste in the middle of the text, cut back to chunks of the usual size. */
function splitChunk(chunk) {
  // Moving its lines moves (collapses) the live Ranges in them: none of those may be reused.
  rangeCache.clear();
  const elements = [...chunk.children];
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < elements.length; i += LINES_PER_CHUNK) {
    const part = document.createElement("span");
    part.className = "chunk";
    part.append(...elements.slice(i, i + LINES_PER_CHUNK));
    fragment.append(part);
  }
  chunk.replaceWith(fragment);
}

const lineOfNode = new WeakMap(); // text node → its entry in state.lines

/** The line holding UTF-16 offset `offset` (the last line for the text's end). */
function lineAt(offset, atEnd = false) {
  const lines = state.lines;
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = lines[mid].start;
    if (start < offset || (!atEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lines[lo];
}

/**
 * Span index → the indices of every span that is a mention of the same thing, in text order:
 * the same entity, or the same TIMEX3 value.
 */
function groupMentions(spans) {
  const byKey = new Map();
  spans.forEach((span, index) => {
    const key = groupKey(span);
    if (key == null) return;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(index);
  });
  const groups = new Map();
  for (const list of byKey.values()) for (const index of list) groups.set(index, list);
  return groups;
}

function mentionGroups() {
  return (state.groups ??= groupMentions(state.analysis.spans));
}

function groupKey(span) {
  if (ENTITY_KINDS.has(span.kind) && span.entity != null) return `e${span.entity}`;
  if (TEMPORAL_KINDS.has(span.kind) && span.value) return `t${span.kind}:${span.value}`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Painting: highlights or marks, for the enabled kinds

/** Paints the enabled kinds again (a legend toggle): the same lines as before, only other kinds. */
function paint() {
  if (mode === "highlights") paintHighlights({ lines: state.painted });
  else paintMarks();
  renderSidebar();
}

function paintText() {
  if (mode === "highlights") paintHighlights();
  else paintMarks();
}

const queuedAfterPaint = new Set();

/**
 * Runs `work` in the task after the next frame, once however often it is asked for before
 * then, so that frame shows the text and its highlights without waiting for it.
 */
function afterNextPaint(work) {
  if (queuedAfterPaint.has(work)) return;
  queuedAfterPaint.add(work);
  requestAnimationFrame(() =>
    setTimeout(() => {
      queuedAfterPaint.delete(work);
      work();
    }),
  );
}

/** The sidebar, after the next frame. `#sidebar[data-revision]` says which analysis it shows. */
function renderSidebarAfterPaint() {
  afterNextPaint(sidebarAndEntityIds);
}

function sidebarAndEntityIds() {
  renderSidebar();
  // Made now for the next keystroke's provisional analysis, which needs them (a millisecond on
  // 10,000 words) in the frame it shows.
  if (state.shown === "true") entityIds();
}

/** The legend and the reference date, after the next frame (provisional shows). */
function renderLegendAfterPaint() {
  afterNextPaint(legendAndReference);
}

function legendAndReference() {
  renderLegend();
  renderReference();
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

/**
 * Paints the spans of the lines in and near the viewport (PAINTED_MARGIN viewport heights above
 * and below it). After any change to the document (a keystroke in the textarea too), Chromium
 * rebuilds the markers of every range of every highlight and repaints every line that has one,
 * so the 15,000 ranges of a 100,000-word article would cost every keystroke tens of
 * milliseconds, and even a few screens' worth cost a keystroke's frame milliseconds of paint.
 * Scrolling paints more, in the scroll's own frame, before the viewport reaches the edge of what
 * is painted (`onOutputScroll`). The selected span (`nm-active`) is kept unless
 * `clearActive`. `lines`: the part of the text to paint ({ from, to }), else those near the
 * viewport.
 */
function paintHighlights({ clearActive = true, lines = null } = {}) {
  if (clearActive) CSS.highlights.get(ACTIVE_HIGHLIGHT)?.clear();
  const { from, to } = (state.painted = lines ?? linesNearViewport(PAINTED_MARGIN));
  // Only the ranges that changed are added and removed: a span on a line an edit left alone
  // keeps its Range (rangeCache), so a keystroke touches a few ranges, not every painted one.
  const next = new Map(); // Range → highlight key
  state.analysis.spans.forEach((span, index) => {
    if (!state.enabled.has(span.kind) || span.end <= from || span.start >= to) return;
    next.set(rangeFor(index), isTerm(span) ? TERM_HIGHLIGHT : span.kind);
  });
  for (const [range, key] of paintedRanges) {
    if (next.get(range) !== key) state.highlights.get(key).delete(range);
  }
  for (const [range, key] of next) {
    if (paintedRanges.get(range) !== key) state.highlights.get(key).add(range);
  }
  paintedRanges = next;
  if (rangeCache.size > 4 * next.size + 4096) {
    // Forget the ranges of lines gone or spans no longer shown.
    for (const [cacheKey, range] of rangeCache) if (!next.has(range)) rangeCache.delete(cacheKey);
  }
}

let paintedRanges = new Map(); // Range → highlight key, as painted now
const rangeCache = new Map(); // "kind line:offset line:offset" → Range

const PAINTED_MARGIN = 1;

function rangeFor(index) {
  let range = state.ranges.get(index);
  if (!range) {
    const span = state.analysis.spans[index];
    const first = lineAt(span.start);
    const last = lineAt(span.end, true);
    const key = `${span.kind} ${first.id}:${span.start - first.start} ${last.id}:${span.end - last.start}`;
    range = rangeCache.get(key);
    if (!range) {
      range = new Range();
      range.setStart(first.node, span.start - first.start);
      range.setEnd(last.node, span.end - last.start);
      rangeCache.set(key, range);
    }
    state.ranges.set(index, range);
  }
  return range;
}

/** UTF-16 offsets [from, to) of the lines within `margin` viewport heights of the output's viewport. */
function linesNearViewport(margin) {
  const chunks = ui.output.children;
  if (!state.lines.length || !chunks.length) return { from: 0, to: 0 };
  const { scrollTop, clientHeight } = ui.output;
  const top = scrollTop - margin * clientHeight;
  const bottom = scrollTop + (1 + margin) * clientHeight;
  // Chunks are blocks in text order (offsetParent: the output); the lines of those off screen
  // are not laid out, so the search looks at chunks only.
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chunks[mid].offsetTop + chunks[mid].offsetHeight > top) hi = mid;
    else lo = mid + 1;
  }
  const first = chunks[lo];
  hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chunks[mid].offsetTop < bottom) lo = mid;
    else hi = mid - 1;
  }
  // Then the lines in those chunks: a chunk can be several screens tall, and each painted line
  // costs every frame after any change to the document (the textarea's included), as Chromium
  // then rebuilds all the highlights' markers and repaints the lines that have them.
  const firstLine = lineOfNode.get(lineNear(first, top, true).firstChild);
  const lastLine = lineOfNode.get(lineNear(chunks[lo], bottom, false).firstChild);
  return { from: firstLine.start, to: lastLine.start + lastLine.text.length };
}

/**
 * The first line of `chunk` that ends below `y` (`first`), or the last that starts above it (`y`
 * in the output's coordinates). Of a chunk that `content-visibility` skips (not laid out; reading
 * its lines' offsets would lay it out), its first or last line.
 */
function lineNear(chunk, y, first) {
  const lines = chunk.children;
  let lo = 0;
  let hi = lines.length - 1;
  if (!lines[0].checkVisibility({ contentVisibilityAuto: true })) return lines[first ? lo : hi];
  y -= chunk.offsetTop; // the lines' offsetParent is their chunk (contained by content-visibility)
  while (lo < hi) {
    if (first) {
      const mid = (lo + hi) >> 1;
      if (lines[mid].offsetTop + lines[mid].offsetHeight > y) hi = mid;
      else lo = mid + 1;
    } else {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].offsetTop < y) lo = mid;
      else hi = mid - 1;
    }
  }
  return lines[lo];
}

let scrollQueued = false;

/** Paints the spans of the lines scrolled near, once the viewport nears the painted part's edge. */
function onOutputScroll() {
  if (state.active == null) hideCard();
  if (mode !== "highlights" || scrollQueued) return;
  scrollQueued = true;
  requestAnimationFrame(() => {
    scrollQueued = false;
    const seen = linesNearViewport(PAINTED_MARGIN / 2);
    const { from, to } = state.painted;
    if (seen.from < from || seen.to > to) paintHighlights({ clearActive: false });
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
  const all = state.analysis.spans;
  const shown = [];
  all.forEach((span, index) => state.enabled.has(span.kind) && shown.push(index));
  const spans = shown.map((index) => all[index]);

  const root = document.createDocumentFragment();
  let stack = []; // [{ index, element }] open marks, outermost first
  const parent = () => (stack.length ? stack[stack.length - 1].element : root);
  for (const { from, to, covering } of pieces(text, spans)) {
    let keep = 0;
    while (keep < stack.length && keep < covering.length && stack[keep].index === shown[covering[keep]]) keep += 1;
    stack = stack.slice(0, keep);
    for (const local of covering.slice(keep)) {
      const index = shown[local];
      const mark = document.createElement("mark");
      const span = all[index];
      mark.className = `nm nm-${span.kind}${isTerm(span) ? " nm-term" : ""}`;
      mark.dataset.kind = span.kind;
      mark.dataset.index = String(index);
      if (index === state.active) mark.classList.add("is-active");
      parent().append(mark);
      stack.push({ index, element: mark });
    }
    parent().append(document.createTextNode(text.slice(from, to)));
  }
  ui.output.replaceChildren(root);
}

// ---------------------------------------------------------------------------------------------
// Legend (toggles with counts): hides and shows a kind in the text, the sidebar and the exports

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
    // Written only when changed: an edit usually changes no count, and every write costs style.
    const key = `${on} ${count}`;
    if (button.dataset.shown === key) continue;
    button.dataset.shown = key;
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
// Sidebar: names by kind (most mentioned first), who said what, and a timeline. Each row is a
// button; focusing it marks its first mention in the text and shows its card, pressing it steps
// to the next mention. This is also how screen readers get the highlights' meaning.

const rows = new WeakMap(); // sidebar button → { indices, cursor, label }

// Each sidebar section is a list of groups of rows, each row with a key of everything it shows.
// An edit usually leaves the rows alike: kept rows are only pointed at their spans' new indices,
// and a changed row (the quote being typed in) is the only one built again; a group whose count
// changes is built again whole. Hundreds of rows are not rebuilt, restyled and laid out again on
// every keystroke.
const sections = new Map(); // "names" | "quotes" | "timeline" → [{ id, key, list, rows: [{ key, item, button }] }]

/**
 * Shows `groups` ([{ title, count, kind, tag?, rows: [{ key, kind, indices, label, fill }] }],
 * `fill(button)` adding a row's content) in `container`, reusing the rows it already shows.
 */
function renderSection(name, container, groups) {
  const old = sections.get(name);
  if (!old || old.length !== groups.length || old.some((g, i) => g.id !== sidebarGroupId(groups[i]))) {
    const fragment = document.createDocumentFragment();
    sections.set(name, groups.map((g) => buildGroup(fragment, g)));
    container.replaceChildren(fragment);
    container.closest("section").dataset.empty = String(!container.childElementCount);
    return;
  }
  groups.forEach((g, i) => {
    const was = old[i];
    if (was.key !== sidebarGroupKey(g)) {
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

const sidebarGroupId = (g) => `${g.kind} ${g.title}`;
const sidebarGroupKey = (g) => `${sidebarGroupId(g)} ${g.count}`;

function buildGroup(parent, g) {
  const list = group(parent, g.title, g.count, g.kind, g.tag);
  const built = g.rows.map((r) => buildRow(list, r));
  more(list, g.count);
  return { id: sidebarGroupId(g), key: sidebarGroupKey(g), list, rows: built };
}

function buildRow(list, { key, kind, indices, label, fill }) {
  const button = row(list, kind, indices, label);
  fill(button);
  return { key, item: button.parentElement, button };
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

function renderSidebar() {
  state.sidebarMap = null;
  renderNames();
  renderQuotes();
  renderTimeline();
  const shown = state.analysis.spans.some((span) => state.enabled.has(span.kind));
  for (const button of ui.exports.querySelectorAll("button")) button.disabled = !shown;
  ui.sidebar.dataset.revision = String(state.revision);
}

function renderNames() {
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
          count.setAttribute("aria-label", `${indices.length} ${indices.length === 1 ? "mention" : "mentions"}`);
          button.append(count);
        },
      };
    });
    groups.push({ title: KIND.get(kind).label, count: entries.length, kind, rows: rowModels });
  }
  renderSection("names", ui.names, groups);
}

function renderQuotes() {
  const quotes = [];
  // Speech only: quoted terms (titles, scare quotes) are no one's words.
  state.analysis.spans.forEach((span, index) => span.kind === "quote" && !isTerm(span) && quotes.push(index));
  const groups = [];
  if (state.enabled.has("quote") && quotes.length) {
    const rowModels = quotes.slice(0, MAX_PER_GROUP).map((index) => {
      const span = state.analysis.spans[index];
      const who = speakerName(span);
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
    groups.push({ title: "Who said what", count: quotes.length, kind: "quote", rows: rowModels });
  }
  renderSection("quotes", ui.quotes, groups);
}

function renderTimeline() {
  // One row per distinct value; points and periods in calendar order, then durations and sets.
  const byValue = new Map();
  state.analysis.spans.forEach((span, index) => {
    if (!TEMPORAL_KINDS.has(span.kind) || !state.enabled.has(span.kind)) return;
    const key = `${span.kind}:${span.value ?? `?${index}`}`;
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
    const rowModels = list.slice(0, MAX_PER_GROUP).map(({ span, indices }) => {
      const texts = [...new Set(indices.map((i) => clip(state.analysis.spans[i].text, 30)))];
      const words = span.value ? readable(span.value) : null;
      return {
        key: `${span.kind} ${span.value} ${indices.length} ${texts.join("|")}`,
        kind: span.kind,
        indices,
        label: `${words ?? span.value ?? "unresolved"}${span.value ? ` (${span.value})` : ""}: ${texts.join(", ")}`,
        fill(button) {
          button.querySelector(".row-main").textContent = words ?? span.value ?? "not resolved";
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
    groups.push({ title, count: list.length, kind, tag: "ol", rows: rowModels });
  }
  renderSection("timeline", ui.timeline, groups);
}

/** A collapsible group (`<details open>`) with a heading and a list; returns the list. */
function group(parent, title, count, kind, tag = "ul") {
  const details = document.createElement("details");
  details.className = "group";
  details.open = true;
  details.dataset.kind = kind;
  const summary = document.createElement("summary");
  const swatch = document.createElement("span");
  swatch.className = `swatch swatch-${kind}`;
  swatch.setAttribute("aria-hidden", "true");
  const name = document.createElement("span");
  name.textContent = title;
  const pill = document.createElement("span");
  pill.className = "count-pill";
  pill.textContent = String(count);
  summary.append(swatch, name, pill);
  const list = document.createElement(tag);
  list.className = "rows";
  details.append(summary, list);
  parent.append(details);
  return list;
}

function row(list, kind, indices, label) {
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
  if (indices.length > 1) {
    button.setAttribute("aria-label", `${label}, ${indices.length} mentions; press to step through them`);
  } else {
    button.setAttribute("aria-label", label);
  }
  rows.set(button, { indices, cursor: 0, label });
  item.append(button);
  list.append(item);
  return button;
}

function more(list, total) {
  if (total <= MAX_PER_GROUP) return;
  const item = document.createElement("li");
  item.className = "row-more";
  item.textContent = `and ${total - MAX_PER_GROUP} more`;
  list.append(item);
}

function speakerName(span) {
  const speaker = span.speaker;
  if (!speaker?.text) return null;
  const entity = speaker.entity != null ? state.entities.get(speaker.entity) : null;
  return entity && entity.name !== speaker.text ? `${speaker.text} (${entity.name})` : speaker.text;
}

function rowOf(target) {
  const button = target instanceof Element ? target.closest("button.row") : null;
  return button && rows.has(button) ? button : null;
}

/** Focus: mark the row's current mention. Press: step to its next mention (wrapping). */
function onRowFocus(button) {
  const entry = rows.get(button);
  select(sidebarTarget(entry.indices[entry.cursor]), button, positionNote(entry));
}

function onRowPress(button, event) {
  const entry = rows.get(button);
  // A mouse click focuses first (which selected the current mention): only later clicks step.
  const fresh = button.dataset.fresh === "1";
  button.dataset.fresh = "0";
  if (!(fresh && event.detail > 0) && entry.indices.length > 1) {
    entry.cursor = (entry.cursor + 1) % entry.indices.length;
  }
  const index = sidebarTarget(entry.indices[entry.cursor]);
  select(index, button, positionNote(entry));
  const span = state.analysis.spans[index];
  if (span && entry.indices.length > 1) {
    announce(`Mention ${entry.cursor + 1} of ${entry.indices.length}: ${context(span)}`);
  }
}

function positionNote(entry) {
  return entry.indices.length > 1
    ? `Mention ${entry.cursor + 1} of ${entry.indices.length} — press again for the next`
    : null;
}

/** The words around a span, for announcements. */
function context(span) {
  const text = state.text ?? "";
  const from = Math.max(0, span.start - 60);
  const to = Math.min(text.length, span.end + 60);
  return clip(`${from > 0 ? "…" : ""}${text.slice(from, to)}${to < text.length ? "…" : ""}`, 200);
}

// ---------------------------------------------------------------------------------------------
// The selected span: marked with `nm-active` (or `.is-active` marks), scrolled to, its card shown

function select(index, anchor, note) {
  const span = state.analysis.spans[index];
  if (!span) return;
  state.active = index;
  let rect = null;
  if (mode === "highlights") {
    const active = CSS.highlights.get(ACTIVE_HIGHLIGHT);
    active.clear();
    active.add(rangeFor(index));
    // Off-screen lines are not laid out: bring the line near first, then place the span.
    const line = lineAt(span.start).element;
    const lineTop = line.offsetTop + line.parentNode.offsetTop; // its chunk is its offsetParent
    const { scrollTop, clientHeight } = ui.output;
    if (lineTop < scrollTop || lineTop > scrollTop + clientHeight - 32) {
      ui.output.scrollTop = lineTop - clientHeight / 3;
    }
    scrollOutputTo(rangeFor(index).getBoundingClientRect());
    rect = rangeFor(index).getClientRects()[0] ?? null;
  } else {
    let first = null;
    for (const mark of ui.output.querySelectorAll("mark.is-active")) mark.classList.remove("is-active");
    for (const mark of ui.output.querySelectorAll(`mark[data-index="${index}"]`)) {
      mark.classList.add("is-active");
      first ??= mark;
    }
    if (first) {
      scrollOutputTo(first.getBoundingClientRect());
      rect = first.getBoundingClientRect();
    }
  }
  ui.output.dataset.active = String(index);
  const at = anchor ? anchorRect(anchor) : rect ? { x: rect.left, y: rect.bottom + 6, above: rect.top - 6 } : null;
  if (at) showCard(spansAround(index), at, note);
}

/** Back to the card of the focused sidebar row, if any, else no card. */
function restoreActiveCard() {
  const button = rowOf(document.activeElement);
  if (state.active != null && button) {
    const entry = rows.get(button);
    showCard(spansAround(state.active), anchorRect(button), positionNote(entry));
  } else {
    hideCard();
  }
}

function deactivate() {
  state.active = null;
  delete ui.output.dataset.active;
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
  return [[index, span], ...around.map((other) => [state.analysis.spans.indexOf(other), other])];
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

function showCard(entries, at, note) {
  if (!entries.length) {
    hideCard();
    return;
  }
  const fragment = document.createDocumentFragment();
  for (const [index, span] of entries) fragment.append(describe(span, index));
  if (note) {
    const foot = document.createElement("p");
    foot.className = "card-note";
    foot.textContent = note;
    fragment.append(foot);
  }
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
  if (!ui.card.hidden) ui.card.hidden = true;
}

function describe(span, index) {
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

  const details = [];
  if (ENTITY_KINDS.has(span.kind)) {
    const entity = span.entity != null ? state.entities.get(span.entity) : null;
    if (entity) details.push(["Entity", entity.name]);
    if (entity?.titles?.length) details.push(["Titles", entity.titles.join(", ")]);
    const mentions = mentionGroups().get(index)?.length ?? 1;
    details.push([
      "Mentions",
      mentions > 1 ? `${mentions} mentions — click one to jump to the next` : "only this one",
    ]);
  } else if (TEMPORAL_KINDS.has(span.kind)) {
    const meaning = span.value ? readable(span.value) : null;
    if (meaning) details.push(["Means", meaning]);
    details.push(["TIMEX3", span.value || "not resolved"]);
    const mentions = mentionGroups().get(index)?.length ?? 1;
    if (mentions > 1) details.push(["Mentions", `${mentions} with this value — click to jump`]);
  } else if (span.kind === "quote") {
    if (isTerm(span)) details.push(["Quoted term", "a title, nickname or scare quotes, not speech"]);
    if (span.continues != null) details.push(["Continues", "the quotation before its attribution"]);
    const speaker = speakerName(span);
    if (speaker || !isTerm(span)) details.push(["Speaker", speaker ?? "not attributed"]);
    if (span.cue) details.push(["Cue", span.cue]);
  }
  if (details.length) {
    const list = document.createElement("dl");
    for (const [term, detail] of details) {
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

/** Span indices under the point, innermost (most specific) first. */
function spansAt({ x, y, target }) {
  const indices = [];
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
  }
  const spans = state.analysis.spans;
  return indices.sort((a, b) => spans[a].end - spans[a].start - (spans[b].end - spans[b].start));
}

function hoverAt(point) {
  const indices = spansAt(point);
  if (!indices.length) {
    restoreActiveCard();
    return;
  }
  showCard(
    indices.map((index) => [index, state.analysis.spans[index]]),
    { x: point.x + 12, y: point.y + 18, above: point.y - 12 },
  );
}

/** A click on a name (or date) jumps to its next mention. */
function onOutputClick(event) {
  if (getSelection()?.toString()) return; // selecting text, not jumping
  const indices = spansAt({ x: event.clientX, y: event.clientY, target: event.target });
  const index = indices.find((i) => (mentionGroups().get(i)?.length ?? 0) > 1);
  if (index == null) return;
  const list = mentionGroups().get(index);
  const next = list[(list.indexOf(index) + 1) % list.length];
  pointer = null;
  select(next, null, `Mention ${list.indexOf(next) + 1} of ${list.length}`);
  announce(`Mention ${list.indexOf(next) + 1} of ${list.length}: ${context(state.analysis.spans[next])}`);
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
  const line = lineOfNode.get(node);
  if (!line) return null;
  const length = node.length;
  // The caret sits between characters: find which neighbour is really under the pointer.
  const probe = document.createRange();
  for (const candidate of [offset, offset - 1]) {
    if (candidate < 0 || candidate >= length) continue;
    probe.setStart(node, candidate);
    probe.setEnd(node, candidate + 1);
    for (const rect of probe.getClientRects()) {
      if (x >= rect.left - 0.5 && x <= rect.right + 0.5 && y >= rect.top && y <= rect.bottom) return line.start + candidate;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Reference date

function renderReference() {
  const reference = state.analysis.referenceDate;
  let source = "none";
  let label = state.analyzed || engine.ready ? "none found: relative dates stay unresolved" : "";
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
  if (ui.dateSource.dataset.source !== source) ui.dateSource.dataset.source = source;
  if (ui.dateSource.textContent !== label) ui.dateSource.textContent = label;
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
  requestAnalysis();
}

// ---------------------------------------------------------------------------------------------
// Sample, clear, and files dropped on the page

async function loadSample() {
  ui.sample.setAttribute("aria-busy", "true");
  try {
    const response = await fetch("sample.txt");
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    setArticle(await response.text(), ui.sample.dataset.referenceDate || null);
  } catch (error) {
    setStatus("error", `Could not load the sample article: ${messageOf(error)}`);
  } finally {
    ui.sample.removeAttribute("aria-busy");
  }
}

function setArticle(text, chosenDate) {
  ui.article.value = text;
  ui.article.scrollTop = 0;
  ui.output.scrollTop = 0;
  state.chosenDate = chosenDate;
  ui.date.value = chosenDate ?? "";
  requestAnalysis();
}

function clearAll() {
  setArticle("", null);
  ui.article.focus();
}

const MAX_FILE_BYTES = 50 * 1024 * 1024;

function isFileDrag(event) {
  return [...(event.dataTransfer?.types ?? [])].includes("Files");
}

function onDragOver(event) {
  if (!isFileDrag(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = "copy";
  document.body.classList.add("is-dragging");
}

function onDragLeave(event) {
  if (event.relatedTarget == null) document.body.classList.remove("is-dragging");
}

async function onDrop(event) {
  if (!isFileDrag(event)) return;
  event.preventDefault();
  document.body.classList.remove("is-dragging");
  const file = event.dataTransfer.files[0];
  if (!file) return;
  const html = /\.x?html?$/i.test(file.name) || /html/.test(file.type);
  const plain = /\.(txt|text|md)$/i.test(file.name) || file.type.startsWith("text/");
  if (!html && !plain) {
    announceError(`“${file.name}” is not a .txt or .html file.`);
    return;
  }
  if (file.size > MAX_FILE_BYTES) {
    announceError(`“${file.name}” is larger than 50 MB.`);
    return;
  }
  try {
    const raw = await file.text();
    setArticle(html ? textOfHtml(raw) : raw.replace(/^\uFEFF/, ""), null);
    ui.article.focus();
    announce(`Loaded ${file.name}`);
  } catch (error) {
    announceError(`Could not read “${file.name}”: ${messageOf(error)}`);
  }
}

function announceError(message) {
  ui.drop.textContent = message;
  ui.drop.dataset.state = "error";
  announce(message);
}

const BLOCKS = "p, div, section, article, header, footer, aside, main, h1, h2, h3, h4, h5, h6, li, blockquote, pre, tr, figcaption, dd, dt, hr, table, ul, ol";

/**
 * The readable text of an HTML document. Parsed by DOMParser into an inert document (scripts
 * never run, nothing loads, nothing enters this page's DOM); line breaks kept at blocks.
 */
export function textOfHtml(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  for (const element of doc.querySelectorAll("script, style, noscript, template, iframe, object, svg, head, nav")) {
    element.remove();
  }
  const root = doc.querySelector("article") ?? doc.body ?? doc.documentElement;
  if (!root) return "";
  for (const br of root.querySelectorAll("br")) br.replaceWith("\n");
  for (const block of root.querySelectorAll(BLOCKS)) {
    block.before("\n\n");
    block.after("\n\n");
  }
  return root.textContent
    .replace(/[ \t\f\v\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Exports: of the kinds shown in the legend

function shownAnalysis() {
  const spans = state.analysis.spans.filter((span) => state.enabled.has(span.kind));
  const entities = state.analysis.entities.filter((entity) => state.enabled.has(entity.kind));
  return { spans, entities, referenceDate: state.analysis.referenceDate };
}

const EXPORTS = {
  "copy-json": { make: toJson, copy: true, what: "The analysis (JSON)" },
  "download-json": { make: toJson, file: "newsmark-analysis.json", type: "application/json" },
  "download-html": {
    make: (text, analysis) => toHtml(text, analysis, { title: articleTitle(text) }),
    file: "newsmark-article.html",
    type: "text/html",
  },
  "download-displacy": { make: toDisplacy, file: "newsmark-displacy.json", type: "application/json" },
  "download-csv": { make: toCsv, file: "newsmark-who-said-what.csv", type: "text/csv" },
};

function articleTitle(text) {
  const line = text.split("\n").find((l) => l.trim()) ?? "";
  return clip(line, 80) || "Article";
}

async function onExport(event) {
  const button = event.target.closest("button[data-export]");
  if (!button) return;
  const spec = EXPORTS[button.dataset.export];
  const content = spec.make(state.text ?? "", shownAnalysis());
  if (spec.copy) {
    try {
      await navigator.clipboard.writeText(content);
      flash(button, "Copied");
      announce(`${spec.what} copied to the clipboard`);
    } catch (error) {
      flash(button, "Copy failed");
      announce(`Could not copy: ${messageOf(error)}`);
    }
    return;
  }
  const url = URL.createObjectURL(new Blob([content], { type: `${spec.type};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = spec.file;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  announce(`Downloading ${spec.file}`);
}

function flash(button, message) {
  const label = button.querySelector(".export-label") ?? button;
  const before = label.dataset.label ?? label.textContent;
  label.dataset.label = before;
  label.textContent = message;
  setTimeout(() => (label.textContent = before), 1500);
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
  ui.article.addEventListener("input", onArticleInput);
  ui.date.addEventListener("input", onDateEdit);
  ui.date.addEventListener("change", onDateEdit);
  ui.sample.addEventListener("click", loadSample);
  ui.clear.addEventListener("click", clearAll);
  ui.exports.addEventListener("click", onExport);

  ui.output.addEventListener("mousemove", onPointerMove);
  ui.output.addEventListener("mouseleave", () => {
    pointer = null;
    restoreActiveCard();
  });
  ui.output.addEventListener("click", onOutputClick);
  ui.output.addEventListener("scroll", onOutputScroll);

  const sidebar = $("sidebar");
  sidebar.addEventListener("focusin", (event) => {
    const button = rowOf(event.target);
    if (!button) return;
    button.dataset.fresh = "1";
    onRowFocus(button);
  });
  sidebar.addEventListener("focusout", (event) => {
    if (!rowOf(event.relatedTarget)) deactivate();
  });
  sidebar.addEventListener("click", (event) => {
    const button = rowOf(event.target);
    if (button) onRowPress(button, event);
  });

  document.addEventListener("dragover", onDragOver);
  document.addEventListener("dragleave", onDragLeave);
  document.addEventListener("drop", onDrop);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !ui.card.hidden) hideCard();
  });
  addEventListener("resize", () => {
    hideCard();
    onOutputScroll(); // lines rewrapped: other lines may now be near the viewport
  });

  // For the tests and the curious: how long analyses took, and what is painted.
  window.newsmark = { engine, quick, state };
  requestAnalysis();
}

wire();
setStatus("loading", "Loading analyzer…");
startEngine();
