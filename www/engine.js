// The analysis engine: a Web Worker (newsmark/worker), or the analyzer on this thread where module
// workers are unavailable (or with ?engine=main). One request is in flight at a time; requests
// made meanwhile collapse into the newest, and only the answer to the newest request is given
// to `onAnswer` (newest request wins). Also the quick analyzer: one on this thread for the edited
// paragraph (see provisional.js), loaded and warmed up when the page is first idle.
import { messageOf } from "./kinds.js";

const BUSY_AFTER_MS = 250; // "Analyzing…" only for analyses that take a noticeable time

/**
 * `handlers`: onReady(), onFailed(message), onAnswer(job, { analysis } | { error }),
 * onBusy(busy). Returns the engine: request(text, options, { afterFrame }), `ready`, `timings`,
 * and `quick` ({ analyzer, timings, analyze(text, options) }).
 */
export function createEngine({ mainThread, onReady, onFailed, onAnswer, onBusy }) {
  const engine = {
    worker: null,
    analyzer: null, // main-thread fallback
    ready: false,
    failed: false,
    seq: 0,
    wanted: null, // the newest request, not sent yet
    sent: null, // the request in flight
    busyTimer: 0,
    pumpQueued: false,
    timings: [], // [{ id, chars, ms, analyzeMs }] for the bench and the curious
    quick: { analyzer: null, timings: [], analyze: quickAnalyze },
    request,
    cancel,
  };

  function quickAnalyze(text, options) {
    const started = performance.now();
    const analysis = engine.quick.analyzer.analyze(text, options);
    engine.quick.timings.push({ chars: text.length, analyzeMs: performance.now() - started });
    if (engine.quick.timings.length > 50) engine.quick.timings.shift();
    return analysis;
  }

  /**
   * Asks for `text`'s analysis; `afterFrame`: sent after the next frame (an edit shown
   * provisionally); `tag`: given back with the answer (the job's `tag`).
   */
  function request(text, options, { afterFrame = false, tag = null } = {}) {
    engine.seq += 1;
    engine.wanted = { id: engine.seq, text, options, tag };
    if (engine.sent) engine.sent.stale = true;
    if (!engine.ready) return;
    if (afterFrame) {
      // On a busy machine the worker's analysis would take the CPU this thread needs to lay out
      // and paint the frame that shows the keystroke.
      if (!engine.pumpQueued) {
        engine.pumpQueued = true;
        requestAnimationFrame(() =>
          setTimeout(() => {
            engine.pumpQueued = false;
            pump();
          }),
        );
      }
      return;
    }
    pump();
  }

  /** Nothing to analyze (an empty text): any request waiting or on its way is stale. */
  function cancel() {
    engine.wanted = null;
    if (engine.sent) engine.sent.stale = true;
  }

  function pump() {
    if (engine.sent || !engine.wanted) return;
    const job = engine.wanted;
    engine.wanted = null;
    engine.sent = { ...job, at: performance.now() };
    clearTimeout(engine.busyTimer);
    engine.busyTimer = setTimeout(() => engine.sent && onBusy(true), BUSY_AFTER_MS);
    if (engine.worker) {
      engine.worker.postMessage({ id: job.id, text: job.text, options: job.options });
      return;
    }
    setTimeout(() => {
      let answer;
      try {
        const started = performance.now();
        const analysis = engine.analyzer.analyze(job.text, job.options);
        answer = { id: job.id, analysis, analyzeMs: performance.now() - started };
      } catch (error) {
        answer = { id: job.id, error: messageOf(error) };
      }
      receive(answer);
    }, 0);
  }

  function receive(data) {
    const job = engine.sent;
    if (!job || data.id !== job.id) return;
    engine.sent = null;
    engine.timings.push({
      id: job.id,
      chars: job.text.length,
      ms: Math.round((performance.now() - job.at) * 10) / 10,
      analyzeMs: data.analyzeMs ?? null,
    });
    if (engine.timings.length > 50) engine.timings.shift();
    if (engine.wanted) {
      pump(); // newer text is waiting: this answer is already stale
      return;
    }
    clearTimeout(engine.busyTimer);
    onBusy(false);
    if (job.stale) return;
    onAnswer(job, data);
  }

  function becameReady() {
    engine.ready = true;
    startQuick();
    onReady();
    pump();
  }

  async function startOnThisThread() {
    try {
      const { createAnalyzer } = await import("./newsmark/js/browser.js");
      engine.analyzer = await createAnalyzer({});
      becameReady();
    } catch (error) {
      console.error(error);
      engine.failed = true;
      onFailed(messageOf(error));
    }
  }

  /** The quick analyzer (the fallback's own when there is no worker), warmed up when idle. */
  async function startQuick() {
    try {
      let analyzer = engine.analyzer;
      if (!analyzer) {
        const { createAnalyzer } = await import("./newsmark/js/browser.js");
        analyzer = await createAnalyzer({});
      }
      const idle = window.requestIdleCallback ?? ((callback) => setTimeout(callback, 50));
      idle(() => {
        try {
          analyzer.analyze("Warm-up on Monday.");
          engine.quick.analyzer = analyzer;
        } catch (error) {
          console.warn("newsmark: no quick analyzer", error);
        }
      });
    } catch (error) {
      console.warn("newsmark: no quick analyzer", error);
    }
  }

  function start() {
    if (typeof Worker !== "function" || mainThread) return startOnThisThread();
    let worker;
    try {
      worker = new Worker(new URL("./newsmark/js/worker.js", import.meta.url), { type: "module", name: "newsmark" });
    } catch {
      return startOnThisThread();
    }
    engine.worker = worker;
    worker.addEventListener("message", ({ data }) => {
      if (data && "ready" in data) {
        if (data.ready) becameReady();
        else {
          engine.failed = true;
          onFailed(data.error);
        }
      } else {
        receive(data);
      }
    });
    // A worker that cannot start (no module workers, script blocked): analyze on this thread.
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      if (engine.ready || engine.failed) return;
      worker.terminate();
      engine.worker = null;
      startOnThisThread();
    });
  }

  engine.start = start;
  return engine;
}
