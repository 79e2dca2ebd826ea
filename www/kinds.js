// The kinds of highlight the page shows, in legend order, and small pure helpers shared by the
// page's modules (no DOM).

export const KINDS = [
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
export const KIND = new Map(KINDS.map((entry, order) => [entry.kind, { ...entry, order }]));
export const ENTITY_KINDS = new Set(["person", "organization", "place", "misc"]);
export const TEMPORAL_KINDS = new Set(["date", "time", "duration", "set"]);
export const EMPTY = Object.freeze({ spans: [], entities: [], referenceDate: null });

/** A quotation the text quotes as a term (a title, a nickname, scare quotes): no one says it. */
export const isTerm = (span) => span.kind === "quote" && span.quote === "term";

/** `text` on one line, cut to `max` characters with an ellipsis. */
export function clip(text, max) {
  const flat = String(text).replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

/** Defensive copy of an analysis: spans checked against the text and sorted outer-first. */
export function normalize(text, analysis) {
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
    .sort(bySpanOrder);
  return {
    spans,
    entities: Array.isArray(analysis?.entities) ? analysis.entities : [],
    referenceDate: analysis?.referenceDate ?? null,
  };
}

/** The page's span order: by start, longer first, a quote before what it contains. */
export function bySpanOrder(a, b) {
  return a.start - b.start || b.end - a.end || (a.kind === "quote" ? -1 : 0) - (b.kind === "quote" ? -1 : 0);
}

/**
 * What each count counts, said once: the legend counts highlights (mentions) of each kind; the
 * sidebar counts distinct names, quotations said by someone (terms apart), and distinct dates.
 */
export function counts(spans) {
  const highlights = new Map(KINDS.map(({ kind }) => [kind, 0]));
  let speech = 0;
  let terms = 0;
  for (const span of spans) {
    highlights.set(span.kind, highlights.get(span.kind) + 1);
    if (span.kind === "quote") {
      if (isTerm(span)) terms += 1;
      else speech += 1;
    }
  }
  return { highlights, speech, terms };
}
