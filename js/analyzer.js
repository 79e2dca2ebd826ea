// The shared JavaScript side of the package: loads the wasm once, then wraps the wasm-bindgen
// `Analyzer` so every environment (browser, bundler, Node) gets the same API. Entry points
// (browser.js, node.js) differ only in how they fetch the .wasm bytes.
import init, { Analyzer } from "../dist/newsmark.js";

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
    this.#inner = new Analyzer(options ?? undefined);
  }

  analyze(text, options) {
    if (typeof text !== "string") {
      throw new TypeError(`newsmark: analyze(text) needs a string, got ${typeof text}`);
    }
    const analysis = this.#inner.analyze(text, options ?? undefined);
    if (!isWellFormed(text)) restoreLoneSurrogates(text, analysis);
    return analysis;
  }

  /** Releases the wasm memory now rather than when garbage-collected. */
  free() {
    this.#inner.free();
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
// right); only the copied `text` strings differ, so they are sliced again from the original.
function restoreLoneSurrogates(text, analysis) {
  for (const span of analysis.spans) {
    span.text = text.slice(span.start, span.end);
    if (span.speaker) span.speaker.text = text.slice(span.speaker.start, span.speaker.end);
  }
}
