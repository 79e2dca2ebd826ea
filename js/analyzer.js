// The shared JavaScript side of the package: loads the wasm once, then wraps the wasm-bindgen
// `Analyzer` so every environment (browser, bundler, Node) gets the same API. Entry points
// (browser.js, node.js) differ only in how they fetch the .wasm bytes.
import init, { Analyzer, checkTextLength } from "../dist/newsmark.js";

let loading = null;

/** Instantiates the wasm module once per JS realm; `source` gives what wasm-bindgen's init takes. */
function loadOnce(source) {
  loading ??= Promise.resolve()
    .then(source)
    .then((module_or_path) => init({ module_or_path }))
    .catch((error) => {
      loading = null; // let a later call retry, e.g. after a network error
      throw new Error(`newsmark: could not load its WebAssembly module: ${error.message}`, {
        cause: error,
      });
    });
  return loading;
}

/** An analyzer built once; `analyze` is synchronous after the one `await createAnalyzer()`. */
class NewsmarkAnalyzer {
  #inner;

  constructor(options) {
    this.#inner = guarded(() => new Analyzer(options ?? undefined));
  }

  analyze(text, options) {
    if (typeof text !== "string") {
      throw new TypeError(`newsmark: analyze(text) needs a string, got ${typeof text}`);
    }
    // Refuses a text too large for the module's memory before copying it in.
    checkTextLength(text.length);
    const analysis = guarded(() => this.#inner.analyze(text, options ?? undefined));
    if (!isWellFormed(text)) restoreLoneSurrogates(text, analysis);
    return analysis;
  }

  /**
   * The standalone HTML page of `text` with its highlights, rendered by the same code as the
   * CLI's `highlight --format html`. `title` names the page; `kinds` (kind names) limits the
   * marks to those kinds; the other options are those of `analyze`.
   */
  toHtml(text, { title = "Article", kinds, ...options } = {}) {
    if (typeof text !== "string") {
      throw new TypeError(`newsmark: toHtml(text) needs a string, got ${typeof text}`);
    }
    checkTextLength(text.length);
    return guarded(() => this.#inner.renderHtml(text, String(title), kinds, options));
  }

  /** Releases the wasm memory now rather than when garbage-collected. */
  free() {
    this.#inner.free();
  }
}

/**
 * Runs a call into the module. Calls that would not fit in its memory are refused by the module
 * itself with an Error; should one still fail (a browser that grants less than 4 GiB), the
 * engine's bare `RuntimeError: unreachable` becomes an Error that says what happened.
 */
function guarded(call) {
  try {
    return call();
  } catch (error) {
    if (!(error instanceof WebAssembly.RuntimeError)) throw error;
    throw new Error(
      "newsmark: the WebAssembly module ran out of memory or failed " +
        `(${error.message}); free() analyzers you no longer need, or analyze a shorter text`,
      { cause: error },
    );
  }
}

export async function createAnalyzerFrom(source, options) {
  await loadOnce(source);
  return new NewsmarkAnalyzer(options);
}

function isWellFormed(text) {
  return typeof text.isWellFormed === "function"
    ? text.isWellFormed()
    : !/\p{Surrogate}/u.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ""));
}

// The wasm side receives lone surrogates as U+FFFD (one UTF-16 unit too, so every offset stays
// right); only the copied strings differ, so they are sliced again from the original: span and
// speaker texts, and each entity's name (the text of the mention it was taken from).
function restoreLoneSurrogates(text, analysis) {
  for (const span of analysis.spans) {
    span.text = text.slice(span.start, span.end);
    if (span.speaker) span.speaker.text = text.slice(span.speaker.start, span.speaker.end);
  }
  for (const entity of analysis.entities) {
    const named = entity.mentions.find(
      ({ start, end }) => toWellFormed(text.slice(start, end)) === entity.name,
    );
    if (named) entity.name = text.slice(named.start, named.end);
  }
}

function toWellFormed(text) {
  return typeof text.toWellFormed === "function"
    ? text.toWellFormed()
    : text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}
