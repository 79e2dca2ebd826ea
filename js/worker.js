// newsmark/worker: the analyzer in a Web Worker, so a long article never blocks the page.
// Most pages want `createClient()` from `newsmark/client`, which drives this worker (and falls
// back to the main thread where workers are unavailable). The protocol, for direct use:
//
//   worker.onmessage = ({ data }) => { … };   // { ready: true } first (or { ready: false, error })
//   worker.postMessage({ id: 1, text, options: { referenceDate: "2025-10-16" } });
//   // → { id: 1, analysis, analyzeMs } or { id: 1, error }   (js/protocol.js)
//
// Requests are answered in the order they arrive, each with the `id` it was sent with; the wasm
// starts loading as soon as the worker starts.
import { createAnalyzer } from "./browser.js";
import { answer, messageOf } from "./protocol.js";

const loading = createAnalyzer();
loading.then(
  () => self.postMessage({ ready: true }),
  (error) => self.postMessage({ ready: false, error: messageOf(error) }),
);

// Serializes requests so answers keep the order of the questions, even while the wasm loads.
let queue = loading.catch(() => null);

self.addEventListener("message", (event) => {
  const request = event.data ?? {};
  queue = queue.then(async () => {
    const analyzer = await loading.catch((error) => error);
    const reply = analyzer instanceof Error ? { id: request.id, error: messageOf(analyzer) } : answer(analyzer, request);
    self.postMessage(reply);
  });
});
