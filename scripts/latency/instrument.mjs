// The latency bench's instrumentation, run in each page before its own scripts (see
// scripts/latency.mjs for what is measured and how).

/**
 * Runs in the page before its scripts: frame ends, long tasks, and the latencies of each
 * keystroke. `plainOnly`: the baseline page, where "first" is the frame after the input event.
 * Also drives the two-pane page of before the one-pane editor (a `textarea#article`, its
 * analysis shown in `#output`, `window.newsmark.state.text`), to compare with it (--compare).
 */
export function instrument({ burst, plainOnly }) {
  const bench = {
    longTasks: [],
    samples: [],
    pending: null, // { keyAt, value, firstAt, settledAt, firstFrame, settledFrame }
    onSample: null,
    burst,
  };
  window.__bench = bench;
  // The editor's text: a textarea's value, else the page's own reading of it (one <div> a line),
  // else its textContent (one text node).
  const textOf = (element) =>
    element instanceof HTMLTextAreaElement ? element.value : (window.newsmark?.editorText?.() ?? element.textContent);
  const shownText = () => window.newsmark?.text?.() ?? window.newsmark?.state?.text;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, ms: entry.duration });
  }).observe({ type: "longtask", buffered: true });

  document.addEventListener(
    "keydown",
    (event) => {
      bench.pending = { keyAt: Math.min(event.timeStamp, performance.now()), value: null };
    },
    true,
  );
  document.addEventListener(
    "input",
    (event) => {
      // The text is read when it is shown (the page's reading is made by its input handler).
      if (bench.pending && event.target.id === "article") bench.pending.value = true;
    },
    true,
  );
  if (plainOnly) {
    // Registered before any of the page's listeners would be, in the bubbling phase: after the
    // input event is handled, as the page's MutationObserver is (a microtask after its handler).
    document.addEventListener("input", () => {
      const pending = bench.pending;
      if (pending?.value == null || pending.firstAt != null) return;
      pending.firstAt = performance.now();
      afterPaint((at) => {
        pending.firstFrame = at;
        done(pending);
      });
    });
  }

  // The page sets #article[data-revision] (the two-pane page: #output[data-revision]) at the end of each show(): a mutation record is delivered right
  // after it, in the same task. data-analyzed says what is shown: "partial" (the edited
  // paragraph analyzed, the rest carried over) or "true" (the whole document analyzed).
  const watchOutput = () => {
    const output = document.getElementById("output") ?? document.getElementById("article");
    new MutationObserver(() => {
      const pending = bench.pending;
      if (pending?.value == null || shownText() !== textOf(document.getElementById("article"))) return;
      const analyzed = output.dataset.analyzed;
      if (pending.firstAt == null && (analyzed === "partial" || analyzed === "true")) {
        pending.firstAt = performance.now();
        afterPaint((at) => {
          pending.firstFrame = at;
          done(pending);
        });
      }
      if (pending.settledAt == null && analyzed === "true") {
        pending.settledAt = performance.now();
        afterPaint((at) => {
          pending.settledFrame = at;
          done(pending);
        });
      }
    }).observe(output, { attributes: true, attributeFilter: ["data-revision"] });
  };
  if (!plainOnly) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watchOutput);
    else watchOutput();
  }

  // A message posted from a requestAnimationFrame callback is handled after that frame's
  // rendering (style, layout, paint) is done. Each message carries the callbacks waiting for
  // that frame.
  const channel = new MessageChannel();
  const batches = [];
  let waiting = []; // callbacks for the end of the next frame
  let inFrame = false; // inside one of the page's requestAnimationFrame callbacks
  // Posted before the page's own callbacks of the frame run, so it is not queued behind work
  // they schedule for after the frame (the sidebar).
  const postFrameEnd = () => {
    if (!waiting.length) return;
    batches.push(waiting);
    waiting = [];
    channel.port2.postMessage(0);
  };
  const pageFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) =>
    pageFrame((time) => {
      postFrameEnd();
      inFrame = true;
      try {
        callback(time);
      } finally {
        inFrame = false;
      }
    });
  const afterPaint = (callback) => {
    waiting.push(callback);
    if (inFrame) postFrameEnd();
    else pageFrame(postFrameEnd);
  };
  channel.port1.onmessage = () => {
    const now = performance.now();
    for (const callback of batches.shift() ?? []) callback(now);
  };

  const done = (pending) => {
    if (plainOnly) {
      if (bench.pending !== pending) return;
      bench.pending = null;
      const sample = { firstMs: pending.firstFrame - pending.keyAt, keyAt: pending.keyAt, frameAt: pending.firstFrame };
      bench.samples.push(sample);
      bench.onSample?.(sample);
      return;
    }
    if (pending.firstFrame == null || (pending.settledFrame == null && !bench.burst) || bench.pending !== pending) return;
    bench.pending = null;
    const timing = window.newsmark.engine.timings.at(-1);
    const quick = window.newsmark.quick?.timings.at(-1);
    // "newsmark:show:<analyzed>" (the two-pane page: "newsmark:show", with detail.analyzed).
    const shows = performance
      .getEntriesByType("measure")
      .filter((entry) => entry.name.startsWith("newsmark:show"))
      .map((entry) => ({ duration: entry.duration, analyzed: entry.detail?.analyzed ?? entry.name.split(":")[2] }));
    const edits = performance.getEntriesByName("newsmark:edit");
    const sample = {
      keyAt: pending.keyAt,
      frameAt: pending.firstFrame,
      firstMs: pending.firstFrame - pending.keyAt,
      settledMs: pending.settledFrame != null && !bench.burst ? pending.settledFrame - pending.keyAt : null,
      // Main-thread work for this keystroke: the input handler's provisional edit, and each show.
      editMs: edits.reduce((sum, entry) => sum + entry.duration, 0),
      provisionalShowMs: shows
        .filter((entry) => entry.analyzed !== "true")
        .reduce((sum, entry) => sum + entry.duration, 0),
      settledShowMs: shows.filter((entry) => entry.analyzed === "true").at(-1)?.duration ?? null,
      analyzeMs: timing?.analyzeMs ?? null,
      paragraphMs: quick && quick !== bench.lastQuick ? quick.analyzeMs : null,
      paragraphChars: quick && quick !== bench.lastQuick ? quick.chars : null,
    };
    bench.lastQuick = quick;
    performance.clearMeasures();
    bench.samples.push(sample);
    bench.onSample?.(sample);
  };
}
