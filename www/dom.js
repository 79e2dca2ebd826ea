// The page's elements, by role (index.html). Every module gets what it needs from here or from
// main.js, never by querying the document itself.
const $ = (id) => document.getElementById(id);
export const ui = {
  article: $("article"),
  scroller: $("editor-box"),
  marks: $("marks"),
  sample: $("sample"),
  clear: $("clear"),
  drop: $("drop-hint"),
  date: $("reference-date"),
  dateSource: $("reference-source"),
  dateProblem: $("reference-problem"),
  status: $("status"),
  legend: $("legend"),
  names: $("names"),
  quotes: $("quotes"),
  timeline: $("timeline"),
  exports: $("exports"),
  announce: $("announce"),
  card: $("card"),
  sidebar: $("sidebar"),
  tabs: $("tabs"),
};

/** The status line: "loading", "ready", "busy" or "error", and its words. */
export function setStatus(kind, message) {
  ui.status.dataset.state = kind;
  ui.status.textContent = message;
}

/** Says `message` to screen readers (a fresh text node, so the same message is read again). */
export function announce(message) {
  ui.announce.textContent = "";
  requestAnimationFrame(() => (ui.announce.textContent = message));
}

