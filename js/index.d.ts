// Types of the newsmark package. Offsets are UTF-16 code units, as JavaScript strings count:
// `text.slice(span.start, span.end) === span.text`.

export type Layer = "entities" | "dates" | "quotes";

export type EntityKind = "person" | "organization" | "place" | "misc";
export type TemporalKind = "date" | "time" | "duration" | "set";
export type Kind = EntityKind | TemporalKind | "quote";

export interface Options {
  /** ISO date `YYYY-MM-DD` relative dates resolve against; when absent or null, the date in the
   * article's dateline is used, if it has one. */
  referenceDate?: string | null;
  /** Layers to run; all three by default. */
  layers?: Layer[];
}

export interface Extent {
  start: number;
  end: number;
}

export interface Speaker extends Extent {
  /** The speaker as written next to the quote ("Trump", "he", "a spokeswoman"). */
  text: string;
  /** Id of the speaker's entity, when it is (or a pronoun refers to) a named entity. */
  entity?: number;
}

interface SpanBase extends Extent {
  /** `text.slice(start, end)`. */
  text: string;
}

export interface EntitySpan extends SpanBase {
  kind: EntityKind;
  /** Index into `Analysis.entities`. */
  entity: number;
}

export interface TemporalSpan extends SpanBase {
  kind: TemporalKind;
  /** TIMEX3 value: `2025-10-16`, `2025-W43`, `PT2H`, `XXXX-WXX-1`, `PRESENT_REF`. */
  value?: string;
  /** TIMEX3 `mod`: `APPROX`, `LESS_THAN`, `MORE_THAN`, `EQUAL_OR_MORE`, `EQUAL_OR_LESS`,
   * `START`, `MID` or `END` ("more than two hours" is `PT2H` with `mod` `MORE_THAN`). */
  mod?: string;
  /** Of a clock time: the time zone as written, in capitals (`CDT`, `GMT`); `value` is the
   * local time written. */
  zone?: string;
}

export interface QuoteSpan extends SpanBase {
  kind: "quote";
  /** "speech": words someone said or wrote; "term": a quoted term (a title, a nickname, scare
   * quotes) no one is quoted as saying. A term has no `cue`; its `speaker`, when present, is
   * whose term it is ("Trump" in `Trump’s “peace through strength” strategy`). */
  quote: "speech" | "term";
  speaker?: Speaker;
  /** The attributing verb or phrase: "said", "wrote", "according to". Absent when the speaker
   * is only inferred from the context. */
  cue?: string;
  /** For a later part of a quotation broken by its attribution (`“A,” he said, “B.”`): the
   * index in `Analysis.spans` of the part it continues. */
  continues?: number;
}

export type Span = EntitySpan | TemporalSpan | QuoteSpan;

export interface Entity {
  /** Its index in `Analysis.entities`. */
  id: number;
  kind: EntityKind;
  /** The longest name the text uses for it ("Vladimir Putin" for "Putin"). */
  name: string;
  /**
   * Titles written right before its mentions ("President", "Secretary of State", "Rep."), each
   * once, in order of first use; never part of the mention spans. Often empty.
   */
  titles: string[];
  mentions: Extent[];
}

export interface ReferenceDate {
  /** ISO `YYYY-MM-DD`. */
  date: string;
  /** "option": given by the caller; "dateline": stated by the article. */
  source: "option" | "dateline";
  /** Where the article states it (dateline only). */
  start?: number;
  end?: number;
}

export interface Analysis {
  /** Every highlight, sorted by start (longest first at equal starts). Entities never overlap each
   * other, nor do dates; both may lie inside a quote. */
  spans: Span[];
  /** Each distinct entity once, in order of first mention. */
  entities: Entity[];
  /** The date relative expressions were resolved against, or null when none was known. */
  referenceDate: ReferenceDate | null;
}

export interface Analyzer {
  /** Analyzes `text` synchronously; `options` override the analyzer's for this call.
   * Throws an Error for bad options. */
  analyze(text: string, options?: Options): Analysis;
  /** The standalone HTML page of `text` with its highlights (`<mark class="person">` …, every
   * character escaped, bidi and control characters shown as visible escapes), rendered by the
   * same code as the CLI's `newsmark highlight --format html`. `title` names the page (default
   * "Article"); `kinds` limits the marks to those kinds; the rest are `analyze`'s options. */
  toHtml(text: string, options?: Options & { title?: string; kinds?: Kind[] }): string;
  /** Frees the wasm memory held by this analyzer now instead of at garbage collection. */
  free(): void;
}

/** Loads the WebAssembly module (once, on first use) and builds an analyzer. Rejects with an
 * Error for bad options (unknown layer, malformed referenceDate). */
export function createAnalyzer(options?: Options): Promise<Analyzer>;

// ---- createHighlighter ----------------------------------------------------------------------

export interface HighlighterOptions extends Options {
  /** Kinds shown (all by default); the others are analyzed but not painted. */
  kinds?: Kind[];
  /** Repaint after every change of the element's text (a MutationObserver; one update per
   * frame). Default true. With false, call `update()` yourself. */
  live?: boolean;
  /** Analyze through this client (e.g. `await createClient()`, a Web Worker) instead of on
   * the main thread. */
  client?: import("./client.js").Client;
  /** Called after each paint with the analysis painted. */
  onUpdate?: (analysis: Analysis, highlighter: Highlighter) => void;
  /** Called when a live update fails (default: console.error). */
  onError?: (error: Error, highlighter: Highlighter) => void;
  /** Draw the fallback's boxes even where `CSS.highlights` exists (for testing the look). */
  fallback?: boolean;
}

export interface HighlighterStats {
  /** Ranges painted now. */
  painted: number;
  /** Ranges the last repaint added and removed (a repaint leaves the others alone). */
  added: number;
  removed: number;
  /** The part of the text painted (UTF-16 offsets of `text`): all of it up to 20,000 units,
   * else the visible part and a margin around it. */
  from: number;
  to: number;
}

/**
 * Highlights one element's text in place. The element's text nodes are never modified: the
 * highlights are CSS Custom Highlights (`::highlight(newsmark-person)`, …, styled by
 * `newsmark/highlights.css`), or, where the browser lacks `CSS.highlights`, boxes on a layer
 * over the element (`.newsmark-box-person`, …).
 */
export interface Highlighter {
  readonly element: Element;
  /** The analysis painted last; null before the first paint and after `clear()`. */
  readonly analysis: Analysis | null;
  /** The element's text as read last: what the analysis' offsets count in. Text nodes in
   * document order; `<br>` and block boundaries read as "\n", `<p>` and other paragraph-like
   * blocks as a blank line ("\n\n"), counting the line breaks the text already ends with;
   * indentation between tags is skipped (unless the element keeps its spaces: `white-space:
   * pre`, `pre-wrap`, `break-spaces`). */
  readonly text: string;
  /** "highlights" (CSS Custom Highlight API) or "overlay" (the fallback). */
  readonly mode: "highlights" | "overlay";
  /** The kinds, in the painter's order. */
  readonly kinds: Kind[];
  readonly stats: HighlighterStats;
  /** Reads the text, analyzes it and paints it. Resolves with the analysis, or null when a
   * newer update (or clear/destroy) replaced this one. */
  update(): Promise<Analysis | null>;
  /** Reads the element's text again and returns it; highlights move with the text they mark. */
  read(): string;
  /** Follows an edit the caller saw (an input event): `at`..`oldEnd` of `text` became
   * `inserted`. Like read() but without reading the whole text again from the DOM (only the
   * edited text node is checked; read() is done when it does not show that edit). Returns the
   * new text. Throws a RangeError for offsets outside `text`. */
  edited(at: number, oldEnd: number, inserted: string): string;
  /** The offset in `text` of the viewport point (`clientX`, `clientY`); undefined when the
   * point is not on the element's text. (Which highlight was clicked or tapped.) */
  offsetAt(x: number, y: number): number | undefined;
  /** The offset in `text` of the DOM point (`node`, `offset`), e.g. the selection's focus;
   * undefined when it is outside the element. (Where the caret is.) */
  offsetOf(node: Node, offset: number): number | undefined;
  /** A new DOM Range over `start`..`end` of `text` (collapsed at `start` when `end` is
   * omitted); undefined past the text. (A card's position; moving the caret to a highlight.) */
  rangeOf(start: number, end?: number): Range | undefined;
  /** Paints an analysis of `text` made elsewhere (a client, a provisional analysis). */
  paint(analysis: Analysis): void;
  /** Changes the reference date or layers (and analyzes again) or the kinds shown. */
  setOptions(options: Pick<HighlighterOptions, "referenceDate" | "layers" | "kinds">): Promise<Analysis | null>;
  /** Takes the highlights off until the next update. */
  clear(): void;
  /** Takes the highlights off for good, stops watching the element, frees the wasm memory. */
  destroy(): void;
}

/** Loads the WebAssembly module, highlights `element` and resolves once it is painted. Browsers
 * only (in Node it rejects). Rejects with an Error for bad options. */
export function createHighlighter(element: Element, options?: HighlighterOptions): Promise<Highlighter>;

// ---- newsmark/worker ------------------------------------------------------------------------
// `newsmark/worker` runs the analyzer off the main thread (most pages want `newsmark/client`,
// which drives it: js/client.d.ts). Direct use: with Vite
// `new (await import("newsmark/worker?worker")).default()`, without a bundler
// `new Worker(import.meta.resolve("newsmark/worker"), { type: "module" })` (import map). It first posts a `WorkerStatus`, then answers each `WorkerRequest` with a
// `WorkerResponse` carrying the same `id`, in the order the requests arrived.

/** Sent to the worker: analyze `text` with `options` (as for `Analyzer.analyze`). */
export interface WorkerRequest {
  /** Any value the caller uses to match the answer (e.g. an increasing number). */
  id: unknown;
  text: string;
  options?: Options;
}

/** Posted once by the worker when its analyzer is loaded, or failed to load. */
export type WorkerStatus = { ready: true } | { ready: false; error: string };

/** The worker's answer to one request. */
export type WorkerResponse =
  | { id: unknown; analysis: Analysis; analyzeMs: number }
  | { id: unknown; error: string };
