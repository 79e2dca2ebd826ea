// newsmark page: the article is typed, pasted or dropped into one editable pane (#article,
// editor.js) and analyzed on every edit by the WebAssembly analyzer in a Web Worker (engine.js);
// the analysis is painted over the editor's own text nodes (paint.js). A keystroke is shown at
// once with the edited paragraph analyzed alone on this thread (provisional.js,
// `#article[data-analyzed=partial]`); the whole document's analysis follows ("true").
//
// Query flags: ?render=marks (the <mark> fallback painting), ?editor=rich (the contenteditable
// fallback for browsers without plaintext-only), ?engine=main (no worker).
//
// Test hook (for the browser tests and scripts/latency.mjs; nothing else reads it):
// window.newsmark = { engine: { timings, inFlight() }, quick: { analyzer, timings }, idle(),
// text(), editorText(), spans(), offsetOf(node, offset) }: how long analyses took, whether one is
// on its way, the text shown, the editor's text (one <div> a line: not its textContent), the
// spans shown ({ kind, start, end, text, value, mod, entity name }), and a DOM point of the
// editor as an offset of the text. `#article[data-revision]` changes on every
// show, `[data-analyzed]` says what is shown, `#sidebar[data-revision]` which show it follows.
// Performance measures: "newsmark:edit" (the input handler), "newsmark:show:<data-analyzed>".
import { createCard } from "./card.js";
import { wireExports } from "./download.js";
import { createEditor } from "./editor.js";
import { createEngine } from "./engine.js";
import { wireDrops } from "./files.js";
import { EMPTY, KINDS, messageOf, normalize } from "./kinds.js";
import { buildLegend, renderLegend } from "./legend.js";
import { wireNavigation } from "./navigate.js";
import { afterNextPaint, createPainter, highlightApi } from "./paint.js";
import { entityIdsOf, placeParagraph } from "./paragraph.js";
import { QUICK_MAX_EDIT, carryOver, diffOf, holdWord, paragraphAround, shifted, typedWord } from "./provisional.js";
import { readField, referenceRequest, renderReference, setInvalid } from "./reference.js";
import { createSelection } from "./selection.js";
import { createSidebar } from "./sidebar.js";
import { announce, setStatus, ui } from "./dom.js";
import { wireTabs } from "./tabs.js";

const params = new URLSearchParams(location.search);
const mode = params.get("render") === "marks" || !highlightApi() ? "marks" : "highlights";
document.documentElement.dataset.render = mode;

const editor = createEditor(ui.article, { forceRich: params.get("editor") === "rich" });
document.documentElement.dataset.editor = editor.path;
const painter = createPainter(editor, {
  marks: ui.marks,
  mode,
  onReady: () => engine.ready && becameReady(),
});

const state = {
  text: "", // the text the shown analysis is of
  analysis: EMPTY, // shown (the word being typed held as it was)
  raw: EMPTY, // the analysis of `text` before holding the word being typed
  shown: "false", // "true" | "partial" | "pending" | "false" (#article[data-analyzed])
  entities: new Map(),
  groups: null, // span index → indices of its mentions (same entity, same TIMEX3 value)
  enabled: new Set(KINDS.map((entry) => entry.kind)),
  active: null,
  revision: 0,
  sidebarMap: null, // sidebar row indices → current span indices while provisional shows moved them
  entityIds: null,
  word: null, // the word being typed ({ start, end }), whose labels wait for a word boundary
  chosen: null, // the reader's reference date, else null
  noDateline: null, // the text's start, when the analyzer found no dateline there
  source: "detect", // where the shown analysis's reference date came from
  composing: false,
};

// ---------------------------------------------------------------------------------------------
// Analysis requests and answers

const engine = createEngine({
  mainThread: params.get("engine") === "main",
  onReady() {
    if (painter.ready()) becameReady();
  },
  onFailed(message) {
    setStatus("error", `The analyzer could not be loaded: ${message}. Text is shown without highlights.`);
  },
  onBusy(busy) {
    if (busy) setStatus("busy", "Analyzing…");
    else if (ui.status.dataset.state === "busy") setStatus("ready", "Ready");
  },
  onAnswer(job, data) {
    if (job.text !== editor.text()) return; // typed over since (the newest request is on its way)
    if ("error" in data) {
      setStatus("error", `Could not analyze this text: ${data.error}`);
      return;
    }
    if (ui.status.dataset.state !== "ready") setStatus("ready", "Ready");
    const analysis = normalize(job.text, data.analysis);
    if (job.tag === "detect" && !analysis.referenceDate && job.text.trim()) {
      // No dateline: resolved against today instead, shown as assumed.
      state.noDateline = datelineKey(job.text);
      requestAnalysis();
      return;
    }
    if (analysis.referenceDate?.source === "dateline") state.noDateline = null;
    state.source = job.tag;
    show(job.text, analysis, true);
  },
});
const datelineKey = (text) => text.slice(0, 400);

/** The analyzer (in the worker) and the painter (on this thread) are both loaded. */
function becameReady() {
  setStatus("ready", "Ready");
  requestAnalysis();
}

function requestAnalysis({ afterFrame = false } = {}) {
  const text = editor.text();
  if (text === "") {
    engine.cancel(); // an answer on its way is stale
    state.source = state.chosen ? "chosen" : "detect";
    show(text, EMPTY, engine.ready);
    return;
  }
  const { options, source } = referenceRequest(state.chosen, state.noDateline === datelineKey(text));
  engine.request(text, options, { afterFrame, tag: source });
  if (!engine.ready) show(text, EMPTY, false);
}

// ---------------------------------------------------------------------------------------------
// Editing: each input is shown at once, provisionally; the whole analysis follows

function onInput(event) {
  editor.changed();
  if (event?.isComposing || state.composing) return; // analyzed when the composition ends
  const started = performance.now();
  const text = editor.text();
  const caret = editor.selection();
  const typing = event?.inputType === "insertText" || event?.inputType === "deleteContentBackward";
  state.word = typing && caret && caret.start === caret.end ? typedWord(text, caret.start) : null;
  if (engine.ready && state.shown !== "false" && text !== "" && text !== state.text) {
    const shown = editProvisionally(text);
    performance.measure("newsmark:edit", { start: started });
    requestAnalysis({ afterFrame: shown });
    return;
  }
  requestAnalysis();
}

/**
 * Shows `text` at once: the spans of the shown analysis the edit left alone, moved by it, and
 * the edited paragraph analyzed alone (when the quick analyzer is loaded and the edit is not a
 * paste). Returns whether the paragraph was analyzed.
 */
function editProvisionally(text) {
  const base = state.raw;
  const edit = diffOf(state.text, text);
  const small = edit.oldEnd - edit.at + (edit.newEnd - edit.at) <= QUICK_MAX_EDIT;
  const region = small ? paragraphAround(text, edit.at, edit.newEnd) : { from: edit.at, to: edit.newEnd };
  const local = small ? analyzeParagraph(text.slice(region.from, region.to), region.from) : null;
  const carried = carryOver(base.spans, edit, region, local);
  let reference = base.referenceDate;
  if (Number.isInteger(reference?.start) && reference.start >= edit.oldEnd) {
    reference = shifted(reference, edit.newEnd - edit.oldEnd);
  }
  // Only the word being typed is held to what was shown before it (show()).
  const previous = state.word ? state.analysis.spans.filter((span) => span.end <= edit.at) : [];
  show(text, { spans: carried.spans, entities: base.entities, referenceDate: reference }, local ? "partial" : "pending", {
    previous,
    moved: carried.moved,
    diff: small ? edit : null, // a paste: the painted part is measured again
  });
  return local != null;
}

/** The paragraph's spans, in the text's offsets, its entities the document's (or null). */
function analyzeParagraph(paragraph, offset) {
  if (!engine.quick.analyzer) return null;
  const referenceDate = state.chosen ?? state.raw.referenceDate?.date ?? null;
  try {
    const local = engine.quick.analyze(paragraph, referenceDate ? { referenceDate } : undefined);
    return placeParagraph(paragraph, local, offset, entityIds());
  } catch (error) {
    console.warn("newsmark: the edited paragraph could not be analyzed", error);
    return null;
  }
}

/** Entity ids of the last whole-document analysis, by name (made once per analysis). */
const entityIds = () => (state.entityIds ??= entityIdsOf(state.raw));

// ---------------------------------------------------------------------------------------------
// Showing an analysis

/**
 * Shows `analysis` of `text` (the editor's text). `analyzed`: true (the whole document's), false
 * (none), "partial" / "pending" (provisional: the sidebar stays as it is until the whole
 * analysis). `edit` (provisional): { previous: spans shown before that the edit left in place,
 * moved: base index → carried index }.
 */
function show(text, analysis, analyzed, edit = null) {
  const started = performance.now();
  const provisional = analyzed === "partial" || analyzed === "pending";
  if (card.shownFor() !== "row") card.hide();
  state.active = null;
  state.shown = String(analyzed);
  if (state.raw.entities !== analysis.entities) state.entities = new Map(analysis.entities.map((e) => [e.id, e]));
  if (!provisional) state.entityIds = null;
  state.raw = analysis;
  state.text = text;
  const previous = edit ? edit.previous : state.analysis.spans;
  const spans = state.word ? holdWord(analysis.spans, previous, state.word) : analysis.spans;
  state.analysis = spans === analysis.spans ? analysis : { ...analysis, spans };
  if (provisional) {
    // Sidebar rows point at the spans they were made from: follow them to their new indices.
    // (Carried index i is index i of the spans shown, unless the word being typed was held.)
    let moved = edit.moved;
    if (spans !== analysis.spans) {
      const at = new Map(spans.map((span, i) => [span, i]));
      moved = edit.moved.map((i) => (i < 0 ? -1 : (at.get(state.raw.spans[i]) ?? -1)));
    }
    state.sidebarMap = state.sidebarMap ? state.sidebarMap.map((i) => (i < 0 ? -1 : moved[i])) : moved;
  } else {
    state.sidebarMap = [];
  }
  state.groups = null;
  painter.paint(state.analysis.spans, state.enabled, edit?.diff);
  state.revision += 1;
  ui.article.dataset.revision = String(state.revision);
  ui.article.dataset.analyzed = state.shown;
  if (provisional) afterNextPaint(legendAndReference);
  else {
    legendAndReference();
    afterNextPaint(renderSidebar);
  }
  performance.measure(`newsmark:show:${state.shown}`, { start: started });
}

/** The word being typed is done (the caret left it): its labels are shown. */
function releaseWord() {
  if (!state.word) return;
  const caret = editor.selection();
  if (caret && caret.start === caret.end && caret.start === state.word.end) return;
  state.word = null;
  // A provisional show is followed by the whole analysis, which will show the word's labels.
  if (state.shown === "true" && state.analysis !== state.raw && state.text === editor.text()) show(state.text, state.raw, true);
}

function legendAndReference() {
  renderLegend(ui.legend, state.analysis.spans, state.enabled);
  renderReference(ui, { source: state.source, referenceDate: state.analysis.referenceDate, text: state.text, chosen: state.chosen });
}

function renderSidebar() {
  if (state.shown !== "true" && state.shown !== "false") return; // a provisional show came since
  state.sidebarMap = null;
  sidebar.render();
  const shown = state.analysis.spans.some((span) => state.enabled.has(span.kind));
  for (const button of ui.exports.querySelectorAll("button")) button.disabled = !shown;
  ui.sidebar.dataset.revision = String(state.revision);
  if (state.shown === "true") entityIds(); // for the next keystroke's provisional analysis
}

// ---------------------------------------------------------------------------------------------
// Selection, card, sidebar

const card = createCard(ui.card, {
  entity: (id) => state.entities.get(id),
  mentions: (index) => selection.mentionsOf(index).length,
  speaker: (span) => selection.speakerName(span),
});
const selection = createSelection({
  state,
  painter,
  card,
  scroller: ui.scroller,
  article: ui.article,
  focusedRow: () => sidebar.focusedRow(),
});
const { select, deactivate } = selection;

const sidebar = createSidebar(ui, {
  state,
  target: (index) => (state.sidebarMap ? (state.sidebarMap[index] ?? -1) : index),
  select,
  deactivate,
  announce,
  context: selection.context,
  speaker: selection.speakerName,
});

// ---------------------------------------------------------------------------------------------
// Legend, reference date, sample, clear, files, tabs

function toggleKind(kind) {
  if (state.enabled.has(kind)) state.enabled.delete(kind);
  else state.enabled.add(kind);
  deactivate();
  painter.paint(state.analysis.spans, state.enabled);
  renderLegend(ui.legend, state.analysis.spans, state.enabled);
  renderSidebar();
}

function onDateEdit() {
  const field = readField(ui.date.value);
  setInvalid(ui, Boolean(field.invalid));
  if (field.invalid || field.chosen === state.chosen) return; // the last good analysis stays
  state.chosen = field.chosen;
  requestAnalysis();
}

function setArticle(text, chosen) {
  editor.setText(text);
  ui.scroller.scrollTop = 0;
  state.chosen = chosen;
  state.word = null;
  ui.date.value = chosen ?? "";
  setInvalid(ui, false);
  if (engine.ready) show(text, EMPTY, text ? "pending" : true, { previous: [], moved: [] });
  requestAnalysis();
}

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

function wire() {
  buildLegend(ui.legend, toggleKind);
  ui.article.addEventListener("input", onInput);
  ui.article.addEventListener("compositionstart", () => (state.composing = true));
  ui.article.addEventListener("compositionend", () => {
    state.composing = false;
    onInput(null);
  });
  document.addEventListener("selectionchange", () => state.word && requestAnimationFrame(releaseWord));
  ui.article.addEventListener("blur", () => state.word && releaseWord());
  ui.date.addEventListener("input", onDateEdit);
  ui.date.addEventListener("change", onDateEdit);
  ui.date.addEventListener("blur", legendAndReference); // the field shows the date in use again
  ui.sample.addEventListener("click", loadSample);
  ui.clear.addEventListener("click", () => {
    setArticle("", null);
    ui.article.focus();
  });
  wireExports(ui.exports, () => {
    const spans = state.analysis.spans.filter((span) => state.enabled.has(span.kind));
    const entities = state.analysis.entities.filter((entity) => state.enabled.has(entity.kind));
    return { text: state.text, analysis: { spans, entities, referenceDate: state.analysis.referenceDate } };
  }, announce);
  wireDrops(
    (text, name) => {
      setArticle(text, null);
      ui.article.focus();
      announce(`Loaded ${name}`);
    },
    (message) => {
      ui.drop.textContent = message;
      ui.drop.dataset.state = "error";
      announce(message);
    },
  );
  wireNavigation({
    editor,
    scroller: ui.scroller,
    card,
    spans: () => state.analysis.spans,
    enabled: (kind) => state.enabled.has(kind),
    mentions: selection.mentionsOf,
    select,
    restore: selection.restore,
    active: () => state.active,
    announce,
  });
  // The painter follows scrolling and resizing itself (createHighlighter's listeners).
  addEventListener("resize", () => card.hide());
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !ui.card.hidden) card.hide();
  });
  wireTabs(ui.tabs);

  window.newsmark = {
    engine: { timings: engine.timings, inFlight: () => engine.sent?.text.length ?? 0 },
    quick: engine.quick,
    idle: () => engine.sent == null && engine.wanted == null,
    text: () => state.text,
    editorText: () => editor.text(),
    spans: () =>
      state.analysis.spans.map(({ kind, start, end, text, value, mod, entity }) => ({
        kind, start, end, text, value, mod, entity: entity != null ? (state.entities.get(entity)?.name ?? null) : null,
      })),
    offsetOf: (node, offset) => editor.offsetOf(node, offset),
  };
  requestAnalysis();
}

wire();
setStatus("loading", "Loading analyzer…");
engine.start();
