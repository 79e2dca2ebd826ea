// newsmark/worker: the analyzer in a Web Worker, so a long article never blocks the page.
//
//   const worker = new Worker(import.meta.resolve("newsmark/worker"), { type: "module" });
//   // (Vite: `import NewsmarkWorker from "newsmark/worker?worker"; new NewsmarkWorker()`)
//   worker.onmessage = ({ data }) => { … };   // { ready: true } first (or { ready: false, error })
//   worker.postMessage({ id: 1, text, options: { referenceDate: "2025-10-16" } });
//   // → { id: 1, analysis, analyzeMs } or { id: 1, error }
//
// Requests are answered in the order they arrive, each with the `id` it was sent with. A page
// that keeps only the newest answer (ignoring ids it has since replaced) never paints stale
// results; sending the next request only when the previous answer is back keeps the worker from
// queueing texts nobody will see. `options` are those of `analyze` (referenceDate, layers); the
// wasm starts loading as soon as the worker starts. `analyzeMs` is how long `analyze` took in the
// worker, so a page can tell the analysis from the messaging around it.
import { createAnalyzer } from "./browser.js";

let analyzer = null;
const loading = createAnalyzer().then((built) => (analyzer = built));

loading.then(
  () => self.postMessage({ ready: true }),
  (error) => self.postMessage({ ready: false, error: messageOf(error) }),
);

// Serializes requests so answers keep the order of the questions, even while the wasm loads.
let queue = loading.catch(() => null);

self.addEventListener("message", (event) => {
  const { id, text, options } = event.data ?? {};
  queue = queue.then(async () => {
    try {
      const ready = analyzer ?? (await loading);
      const started = performance.now();
      const analysis = ready.analyze(text, options ?? undefined);
      self.postMessage({ id, analysis, analyzeMs: performance.now() - started });
    } catch (error) {
      self.postMessage({ id, error: messageOf(error) });
    }
  });
});

function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
