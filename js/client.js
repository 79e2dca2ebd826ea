// newsmark/client for browsers and bundlers: the analyzer in a Web Worker (js/worker.js), or on
// the main thread where module workers are unavailable; newest-request-wins (js/client-core.js).
import { createAnalyzer } from "./browser.js";
import { createClientWith } from "./client-core.js";

/** @type {import("./index.d.ts").createClient} */
export function createClient(options) {
  const createWorker =
    typeof Worker === "function"
      ? () => new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "newsmark" })
      : null;
  return createClientWith({ createAnalyzer, createWorker }, options);
}
