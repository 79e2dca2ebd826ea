// createHighlighter: highlights the text of any element of a page in place. The painting is
// the wasm `Painter` (src/wasm/painter.rs): CSS Custom Highlights over the element's text nodes,
// which are never modified; boxes on a layer over the element where the browser lacks
// `CSS.highlights`. This module wires it to the page: analysis (on this thread, or through a
// `newsmark/client`), repaint after edits, scroll and resize.
import { Painter } from "../dist/newsmark.js";
import { kindMask, spanTriples } from "./spans.js";

const OPTIONS = ["referenceDate", "layers", "kinds", "live", "client", "onUpdate", "onError", "fallback"];
const ANALYSIS_OPTIONS = ["referenceDate", "layers"];

/** `createHighlighter` with the entry point's `createAnalyzer` (which loads the wasm). */
export async function createHighlighterWith(createAnalyzer, element, options) {
  if (element == null || element.nodeType !== 1) {
    throw new TypeError("newsmark: createHighlighter(element) needs a DOM element");
  }
  const settings = checkOptions(options);
  // Loads the wasm (the painter runs here) and checks referenceDate and layers.
  const analyzer = await createAnalyzer(pick(settings, ANALYSIS_OPTIONS));
  const highlighter = new Highlighter(element, analyzer, settings);
  await highlighter.update();
  return highlighter;
}

function checkOptions(options) {
  if (options == null) return {};
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError("newsmark highlighter options must be an object");
  }
  for (const name of Object.keys(options)) {
    if (!OPTIONS.includes(name)) {
      throw new Error(`unknown newsmark highlighter option "${name}": expected ${OPTIONS.join(", ")}`);
    }
  }
  for (const name of ["onUpdate", "onError"]) {
    if (options[name] != null && typeof options[name] !== "function") {
      throw new TypeError(`newsmark option ${name} must be a function`);
    }
  }
  if (options.client != null && typeof options.client.analyze !== "function") {
    throw new TypeError("newsmark option client must be a client from newsmark/client");
  }
  if (options.fallback != null && typeof options.fallback !== "boolean") {
    throw new TypeError("newsmark option fallback must be a boolean");
  }
  return options;
}

function inOverlay(node) {
  const element = node.nodeType === 1 ? node : node.parentElement;
  return element?.closest(".newsmark-overlay") != null;
}

function pick(object, names) {
  const picked = {};
  for (const name of names) if (name in object) picked[name] = object[name];
  return picked;
}

class Highlighter {
  #element;
  #painter;
  #kinds;
  #analyzer;
  #client;
  #options; // referenceDate, layers
  #onUpdate;
  #onError;
  #analysis = null;
  #text = "";
  #seq = 0;
  #destroyed = false;
  #observer = null;
  #resizeObserver = null;
  #updateFrame = 0;
  #refreshFrame = 0;
  #refresh = () => this.#scheduleRefresh();

  constructor(element, analyzer, settings) {
    this.#element = element;
    this.#analyzer = analyzer;
    this.#client = settings.client ?? null;
    this.#options = pick(settings, ANALYSIS_OPTIONS);
    this.#onUpdate = settings.onUpdate ?? null;
    this.#onError = settings.onError ?? null;
    this.#kinds = Painter.kinds();
    const mask = kindMask(settings.kinds, this.#kinds);
    this.#painter = new Painter(element, settings.fallback === true);
    this.#painter.show(mask);
    if (settings.live !== false) {
      // Changes of the fallback's own layer (inside the element when it is <body>) are not edits.
      this.#observer = new MutationObserver((records) => {
        if (records.some((record) => !inOverlay(record.target))) this.#scheduleUpdate();
      });
      this.#observer.observe(element, { characterData: true, childList: true, subtree: true });
    }
    const view = element.ownerDocument.defaultView;
    view?.addEventListener("scroll", this.#refresh, { capture: true, passive: true });
    view?.addEventListener("resize", this.#refresh, { passive: true });
    if (typeof ResizeObserver === "function") {
      this.#resizeObserver = new ResizeObserver(this.#refresh);
      this.#resizeObserver.observe(element);
    }
  }

  get element() {
    return this.#element;
  }

  /** The analysis painted last (null before the first, after clear()). */
  get analysis() {
    return this.#analysis;
  }

  /** The element's text as read last: the text `analysis` offsets count in. */
  get text() {
    return this.#text;
  }

  /** "highlights" (CSS Custom Highlight API) or "overlay" (the fallback's boxes). */
  get mode() {
    return this.#painter.mode;
  }

  /**
   * What the last repaint did: ranges painted in all, added and removed by it, and the part of
   * the text painted (`from`, `to`: all of it up to 20,000 UTF-16 units, else what is near the
   * viewport).
   */
  get stats() {
    const [painted, added, removed, from, to] = this.#painter.stats();
    return { painted, added, removed, from, to };
  }

  /** The kind names, in the painter's order. */
  get kinds() {
    return [...this.#kinds];
  }

  /** The offset in `text` of the viewport point (`clientX`, `clientY`), or undefined when the
   * point is not on the element's text. */
  offsetAt(x, y) {
    this.#alive();
    return this.#painter.offsetAt(x, y);
  }

  /** The offset in `text` of the DOM point (`node`, `offset`), e.g. the selection's focus, or
   * undefined when the point is outside the element. */
  offsetOf(node, offset) {
    this.#alive();
    return this.#painter.offsetOf(node, offset);
  }

  /** A new DOM Range over `start`..`end` of `text` (collapsed when they are equal; undefined
   * past its end): its rectangles place a card, `selection.addRange` moves the caret there. */
  rangeOf(start, end = start) {
    this.#alive();
    return this.#painter.rangeOf(start, end);
  }

  /** Reads the element's text again (highlights painted before an edit move with their text). */
  read() {
    this.#alive();
    this.#text = this.#painter.read();
    return this.#text;
  }

  /**
   * Follows an edit of the element's text that the caller saw (an input event): `at`..`oldEnd`
   * of `text` became `inserted`. On a long text this is cheaper than read(): the text is not
   * read again from the DOM, only the text node of the edit is checked; where it does not show
   * that edit (a paste that made new nodes, say), the text is read again. Highlights move with
   * the text they mark, as after read(). Returns the new text.
   */
  edited(at, oldEnd, inserted) {
    this.#alive();
    const length = this.#text.length;
    if (!Number.isInteger(at) || !Number.isInteger(oldEnd) || at < 0 || at > oldEnd || oldEnd > length) {
      throw new RangeError(`newsmark: edited(at, oldEnd, inserted) needs 0 <= at <= oldEnd <= ${length} (text.length)`);
    }
    if (typeof inserted !== "string") throw new TypeError("newsmark: edited(at, oldEnd, inserted) needs a string");
    if (this.#painter.edited(at, oldEnd, inserted)) {
      this.#text = this.#text.slice(0, at) + inserted + this.#text.slice(oldEnd);
      return this.#text;
    }
    return this.read();
  }

  /**
   * Reads the element's text, analyzes it and paints the analysis. Resolves with the analysis,
   * or with null when a newer update (or destroy) replaced this one before it was painted.
   */
  async update() {
    this.#alive();
    const seq = ++this.#seq;
    const text = this.read();
    let analysis;
    if (this.#client) {
      const result = await this.#client.analyze(text, this.#options);
      if (!result || seq !== this.#seq || this.#destroyed) return null;
      if (this.read() !== text) {
        // Edited while the analysis ran: a live highlighter has an update scheduled already.
        return this.#observer ? null : this.update();
      }
      analysis = result.analysis;
    } else {
      analysis = this.#analyzer.analyze(text, this.#options);
    }
    this.paint(analysis);
    return analysis;
  }

  /**
   * Paints `analysis`, an analysis of `text` (the text read last) made elsewhere, e.g. by a
   * client or a quicker provisional analysis. Calls onUpdate.
   */
  paint(analysis) {
    this.#alive();
    if (analysis == null || !Array.isArray(analysis.spans)) {
      throw new TypeError("newsmark: paint(analysis) needs an analysis ({ spans, … })");
    }
    this.#painter.paint(spanTriples(analysis.spans, this.#kinds));
    this.#analysis = analysis;
    this.#onUpdate?.(analysis, this);
  }

  /**
   * Changes options: `referenceDate`, `layers` (analysis: the text is analyzed again) and
   * `kinds` (which kinds are shown). Resolves like update().
   */
  async setOptions(options) {
    this.#alive();
    const given = checkOptions(options);
    for (const name of Object.keys(given)) {
      if (![...ANALYSIS_OPTIONS, "kinds"].includes(name)) {
        throw new Error(`newsmark: setOptions takes referenceDate, layers and kinds, not ${name}`);
      }
    }
    if ("kinds" in given) this.#painter.show(kindMask(given.kinds, this.#kinds));
    const analysisOptions = pick(given, ANALYSIS_OPTIONS);
    if (Object.keys(analysisOptions).length === 0) return this.#analysis;
    this.#options = { ...this.#options, ...analysisOptions };
    return this.update();
  }

  /** Takes the highlights off, until the next update (a live highlighter's next edit). */
  clear() {
    this.#alive();
    this.#seq += 1;
    this.#painter.clear();
    this.#analysis = null;
  }

  /** Takes the highlights off for good and stops watching the element; frees the wasm memory. */
  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#seq += 1;
    this.#observer?.disconnect();
    this.#resizeObserver?.disconnect();
    const view = this.#element.ownerDocument.defaultView;
    view?.removeEventListener("scroll", this.#refresh, { capture: true });
    view?.removeEventListener("resize", this.#refresh);
    cancelAnimationFrame(this.#updateFrame);
    cancelAnimationFrame(this.#refreshFrame);
    this.#painter.destroy();
    this.#painter.free();
    this.#analyzer.free();
    this.#analysis = null;
  }

  #alive() {
    if (this.#destroyed) throw new Error("newsmark: this highlighter was destroyed");
  }

  #scheduleUpdate() {
    if (this.#updateFrame || this.#destroyed) return;
    this.#updateFrame = requestAnimationFrame(() => {
      this.#updateFrame = 0;
      if (this.#destroyed) return;
      this.update().catch((error) => this.#report(error));
    });
  }

  #scheduleRefresh() {
    if (this.#refreshFrame || this.#destroyed) return;
    this.#refreshFrame = requestAnimationFrame(() => {
      this.#refreshFrame = 0;
      if (!this.#destroyed) this.#painter.refresh();
    });
  }

  #report(error) {
    if (this.#onError) this.#onError(error, this);
    else console.error(error);
  }
}
