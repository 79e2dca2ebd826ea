// What the page exports, as pure functions of (text, analysis): no DOM, so every byte written is
// decided here. (The HTML page is rendered by the package, as the CLI renders it: download.js.) `analysis` is the page's normalized analysis restricted to the kinds shown.

export const LABELS = {
  person: "PERSON",
  organization: "ORG",
  place: "PLACE",
  misc: "MISC",
  date: "DATE",
  time: "TIME",
  duration: "DURATION",
  set: "SET",
  quote: "QUOTE",
};

/** The analysis as JSON, with the text it describes (UTF-16 offsets, like the package). */
export function toJson(text, analysis) {
  return `${JSON.stringify({ text, ...analysis }, null, 2)}\n`;
}

/**
 * displaCy's manual format (`displacy.render(doc, style="ent", manual=True)`), offsets in code
 * points as Python counts them. displaCy draws one layer of non-overlapping entities, so quotes
 * (which contain names) are left out, and a span overlapping one already kept is skipped.
 */
export function toDisplacy(text, analysis) {
  const toPoint = codePointOffsets(text);
  const ents = [];
  let end = 0;
  for (const span of analysis.spans) {
    if (span.kind === "quote" || span.start < end) continue;
    ents.push({ start: toPoint(span.start), end: toPoint(span.end), label: LABELS[span.kind] });
    end = span.end;
  }
  return `${JSON.stringify({ text, ents, title: null }, null, 2)}\n`;
}

/** UTF-16 offset → code-point offset, for ascending or random offsets (prefix table). */
export function codePointOffsets(text) {
  const table = new Uint32Array(text.length + 1);
  let points = 0;
  for (let i = 0; i < text.length; i += 1) {
    table[i] = points;
    const unit = text.charCodeAt(i);
    const pair = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) {
      table[i + 1] = points; // inside a pair: never a span boundary
      i += 1;
    }
    points += 1;
  }
  table[text.length] = points;
  return (offset) => table[offset];
}

/** RFC 4180 CSV: every field quoted, quotes doubled, CRLF between records. */
export function csvRecord(fields) {
  return fields.map((field) => `"${String(field ?? "").replace(/"/g, '""')}"`).join(",");
}

/**
 * "Who said what": one row per quotation, in text order; `type` says whether someone said it
 * ("speech", listed in the sidebar) or it is a quoted term ("term": a title, scare quotes), so the
 * rows add up to the legend's count of quote highlights.
 */
export function toCsv(text, analysis) {
  const entities = new Map(analysis.entities.map((entity) => [entity.id, entity]));
  const rows = [["speaker", "speaker_entity", "cue", "quote", "start", "end", "type"]];
  for (const span of analysis.spans) {
    if (span.kind !== "quote") continue;
    const entity = span.speaker?.entity != null ? entities.get(span.speaker.entity) : null;
    rows.push([span.speaker?.text ?? "", entity?.name ?? "", span.cue ?? "", span.text, span.start, span.end, span.quote ?? "speech"]);
  }
  return `${rows.map(csvRecord).join("\r\n")}\r\n`;
}

/**
 * The text cut at every span boundary, each piece with the spans covering it, outermost first:
 * `[{ from, to, covering: [index…] }]`, for the `<mark>` rendering (paint.js).
 */
export function pieces(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const span of spans) cuts.add(span.start).add(span.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  // Spans are sorted by start (outer first); a sweep keeps the open ones.
  let next = 0;
  let open = [];
  for (let p = 0; p + 1 < points.length; p += 1) {
    const from = points[p];
    const to = points[p + 1];
    open = open.filter((index) => spans[index].end > from);
    while (next < spans.length && spans[next].start <= from) {
      if (spans[next].end > from) open.push(next);
      next += 1;
    }
    out.push({ from, to, covering: open.filter((index) => spans[index].end >= to) });
  }
  return out;
}
