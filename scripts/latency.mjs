// Input-to-highlights latency of the page in headless Chromium. A measurement, not a test:
// `npm run bench:latency` after `npm run build:site` (`-- --smoke`: one keystroke on 1,000 words;
// `-- --words 10000 --keys 40 --query ?render=marks` to narrow it down, `-- --root DIR` to
// measure another copy of the built site, `-- --baseline` for the browser's own floor, below).
//
// For articles of 1,000, 10,000 and 100,000 words (the sample article followed by news texts of
// ../shared/corpus, read now and never stored), keystrokes are typed one at a time at the end of
// the text and in the middle of it. Each is timed from its keydown event to the end of two frames:
//
// - first highlights: the first frame after the page showed that keystroke's text with the
//   provisional analysis (`#article[data-analyzed=partial]`: the edited paragraph analyzed alone
//   on the page's thread, every other span carried over from the previous analysis, moved by
//   the edit; no sidebar update) — or the whole analysis, if that came first (a page without
//   the quick path, a paste). Names, quotes and dates that depend on other paragraphs (an
//   entity's other mentions, a quotation spanning paragraphs) are only right at:
// - settled: the first frame after the page showed the whole document's analysis of that text
//   (`data-analyzed=true`), computed by the worker. The sidebar is rendered in the task after
//   that frame and is not included.
//
// A message posted from a requestAnimationFrame callback runs only after that frame's style,
// layout and paint. (Shown in a task of its own, the next frame paints it; shown in a frame
// callback, that frame does. No requestAnimationFrame loop runs meanwhile: it would make frames,
// and work, that typing does not.) The next keystroke waits until the keystroke before it has
// settled (plus a random 20-70 ms pause, so keystrokes do not line up with frames): the worker
// is idle when a key is pressed, so these figures do not include typing faster than the whole
// analysis (then "settled" comes only after the typing pauses, and "first" competes for the CPU
// with the worker's analysis of an earlier text). Main-thread long tasks (> 50 ms) are counted
// while typing. "main/key" is the main-thread time the page's measures cover per keystroke (the
// input handler, performance.measure "newsmark:edit", and provisional shows, "newsmark:show"); the
// browser's own work for the keystroke (editing the editor's text node, style, layout, paint) is not in it,
// but is in "first". The worker and the page report how long each `analyze` took.
//
// `--trace DIR` records a Chrome trace of the typing (all renderers; DIR/latency-<words>.json)
// and splits each keystroke's "first" by what the page's renderer main thread did meanwhile:
// the key events (the browser editing the text), the page's script, style, layout,
// pre-paint (which also rebuilds the custom highlights' markers), paint, layerize, commit, and
// time idle, each in the thread's CPU time; "waiting for a core": wall time the thread had work
// but no core (the rest of "first"). With --baseline, the plain editor page's too. `--trace-names`:
// the events that took most. `--profile`: where the page's input handler spends its time, by
// function (a V8 CPU profile).
//
// `--baseline` also types the same keystrokes, timed the same way, into a page that is only the
// editable pane (the page's stylesheet and layout, so of the same size and style; no script, no
// newsmark, no highlights), made here and served by the same server: keydown → the end of the
// frame after its input event. That is the browser's own keystroke-to-frame time (editing the
// text node, style, layout and paint, waiting for the frame); "first" minus it is what the page
// adds. The two pages are open side by side and typed into alternately (page, then plain
// editor), so both see the same load on a busy machine (with --burst: the plain editor's
// keystrokes after the page's, so they do not compete with the worker). (Before the one-pane
// page, the baseline was a textarea.)
import { readFileSync, existsSync, readdirSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { serve } from "./serve.mjs";
import { launchChromium } from "../tests/support/browser.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const CORPUS = process.env.NEWSMARK_CORPUS ?? fileURLToPath(new URL("../../shared/corpus/", import.meta.url));

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const smoke = args.includes("--smoke");
// `--burst`: each keystroke waits only for its first highlights (plus the pause), as a typist
// faster than the whole analysis would, so "first" competes with the worker's analysis of an
// earlier text; "settled" is then not measured (only after the last keystroke is it awaited).
const burst = args.includes("--burst");
const baseline = args.includes("--baseline");
// `--trace DIR`: a Chrome trace of the typing at each size (DIR/latency-<words>.json, for the
// DevTools performance panel), and where each keystroke's time went, from keydown to its frame.
const traceDir = option("trace", null);
const traceNames = args.includes("--trace-names"); // and the events that took the most time
// `--profile`: a CPU profile (V8 sampling, 50 µs) of the page's input handler while typing: the
// functions it and its callees spent most time in, ms per keystroke.
const profile = args.includes("--profile");
const sizes = (option("words", smoke ? "1000" : "1000,10000,100000")).split(",").map(Number);
const keysOption = option("keys", null);
const query = option("query", "");
// `--root DIR`: another copy of the built site, e.g. an older commit's www/ to compare with.
const WWW = option("root", `${ROOT}www`);
/** Keystrokes per position (end, middle): fewer on long texts, whose analyses take longer. */
const keysFor = (words) => (smoke ? 1 : Number(keysOption ?? (words >= 100_000 ? 15 : 40)));

if (!existsSync(`${WWW}/newsmark/js/browser.js`)) {
  console.error("www/newsmark/ is missing: run `npm run build:site` first");
  process.exit(1);
}

/**
 * Runs in the page before its scripts: frame ends, long tasks, and the latencies of each
 * keystroke. `plainOnly`: the baseline page, where "first" is the frame after the input event.
 */
function instrument({ burst, plainOnly }) {
  const bench = {
    longTasks: [],
    samples: [],
    pending: null, // { keyAt, value, firstAt, settledAt, firstFrame, settledFrame }
    onSample: null,
    burst,
  };
  window.__bench = bench;
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
      if (bench.pending && event.target.id === "article") bench.pending.value = event.target.textContent;
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

  // The page sets #article[data-revision] at the end of each show(): a mutation record is delivered right
  // after it, in the same task. data-analyzed says what is shown: "partial" (the edited
  // paragraph analyzed, the rest carried over) or "true" (the whole document analyzed).
  const watchOutput = () => {
    const output = document.getElementById("article");
    new MutationObserver(() => {
      const pending = bench.pending;
      if (pending?.value == null || window.newsmark?.text() !== pending.value) return;
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
    const shows = performance.getEntriesByName("newsmark:show");
    const edits = performance.getEntriesByName("newsmark:edit");
    const sample = {
      keyAt: pending.keyAt,
      frameAt: pending.firstFrame,
      firstMs: pending.firstFrame - pending.keyAt,
      settledMs: pending.settledFrame != null && !bench.burst ? pending.settledFrame - pending.keyAt : null,
      // Main-thread work for this keystroke: the input handler's provisional edit, and each show.
      editMs: edits.reduce((sum, entry) => sum + entry.duration, 0),
      provisionalShowMs: shows
        .filter((entry) => entry.detail?.analyzed !== "true")
        .reduce((sum, entry) => sum + entry.duration, 0),
      settledShowMs: shows.filter((entry) => entry.detail?.analyzed === "true").at(-1)?.duration ?? null,
      analyzeMs: timing?.analyzeMs ?? null,
      paragraphMs: quick && quick !== bench.lastQuick ? quick.analyzeMs : null,
      paragraphChars: quick && quick !== bench.lastQuick ? quick.chars : null,
    };
    bench.lastQuick = quick;
    performance.clearMeasures("newsmark:show");
    performance.clearMeasures("newsmark:edit");
    bench.samples.push(sample);
    bench.onSample?.(sample);
  };
}

/** `words` words of news text: the sample article, then corpus documents, cut at a word. */
function article(words) {
  const texts = [readFileSync(`${WWW}/sample.txt`, "utf8").trim()];
  const files = existsSync(CORPUS)
    ? ["quotes_polnear_dev.jsonl", "gum_news_dev.jsonl", "timebank_dev.jsonl", "quotes_polnear_train.jsonl"]
        .filter((name) => readdirSync(CORPUS).includes(name))
    : [];
  let count = texts[0].split(/\s+/).length;
  for (const file of files) {
    if (count >= words) break;
    for (const line of readFileSync(`${CORPUS}/${file}`, "utf8").split("\n")) {
      if (count >= words) break;
      if (!line.trim()) continue;
      const text = JSON.parse(line).text?.trim();
      if (!text) continue;
      texts.push(text);
      count += text.split(/\s+/).length;
    }
  }
  // Without the corpus, the sample article repeated.
  while (count < words) {
    texts.push(texts[0]);
    count += texts[0].split(/\s+/).length;
  }
  const joined = texts.join("\n\n");
  let seen = 0;
  for (const match of joined.matchAll(/\S+/g)) {
    seen += 1;
    if (seen === words) return joined.slice(0, match.index + match[0].length);
  }
  return joined;
}

/** The offset just after a space near the middle of the text, inside a paragraph. */
function middleOf(text) {
  const space = text.indexOf(" ", Math.floor(text.length / 2));
  return space < 0 ? text.length : space + 1;
}

const TYPED = "and the minister said on Friday ";
// A keystroke that shows no frame within this long is an error, not a hang.
const SAMPLE_TIMEOUT_MS = 30_000;

// The baseline page: the editable pane alone, in the page's own layout and stylesheet, so it has the
// page's size and style (the other panes are left out; the grid's columns do not depend on them).
const BASELINE_PAGE = "__latency-baseline.html";
const BASELINE_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="stylesheet" href="style.css"></head>
<body>
  <main class="workspace">
    <section class="pane pane-article">
      <div class="editor-box" id="editor-box"><div id="article" class="editor" contenteditable="plaintext-only" spellcheck="true"></div></div>
    </section>
    <aside class="pane pane-side"></aside>
  </main>
</body>
</html>`;

/** Serves `root`, and the baseline page beside it (from memory, never written to the site). */
async function serveSite(root) {
  const site = await serve(root, 0);
  // The file server's handler, put behind one that answers the baseline page's address.
  const [files] = site.server.listeners("request");
  site.server.removeAllListeners("request");
  site.server.on("request", (request, response) => {
    if (new URL(request.url, "http://x").pathname !== `/${BASELINE_PAGE}`) return files(request, response);
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    response.end(BASELINE_HTML);
  });
  return site;
}

/**
 * Opens the page (or, `plainOnly`, the baseline page) with `text` in its editor, shown
 * analyzed, and the editor focused. `type(key)` types one key and resolves to its sample.
 */
async function openPage(browser, site, text, { plainOnly = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.addInitScript(instrument, { burst, plainOnly });
  await page.goto(`${site.url}${plainOnly ? BASELINE_PAGE : `index.html${query}`}`);
  if (!plainOnly) {
    await page.waitForFunction(() => document.getElementById("status").dataset.state === "ready", undefined, {
      polling: "raf",
    });
    // The quick analyzer warms up (compiles its date patterns: a one-off long task) when the
    // page is first idle; typing is measured after that, as a reader types after the page loads.
    await page
      .waitForFunction(() => window.newsmark?.quick?.analyzer, undefined, { timeout: 10_000 })
      .catch(() => console.warn("the quick analyzer did not load: typing is measured without it"));
  }
  // Paste-like: the whole text in one input event, then wait until it is shown analyzed.
  await page.evaluate((value) => {
    const area = document.getElementById("article");
    area.textContent = value;
    area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, text);
  if (!plainOnly) await settled(page);
  await page.focus("#article");
  const startedTyping = await page.evaluate(() => {
    performance.clearMeasures("newsmark:show");
    performance.clearMeasures("newsmark:edit");
    return performance.now();
  });
  return {
    page,
    size: () => page.$eval("#article", (area) => `${area.offsetWidth}x${area.offsetHeight}`),
    caret: (at) =>
      page.evaluate((at) => {
        const article = document.getElementById("article");
        const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (at <= seen + node.length) return getSelection().collapse(node, at - seen);
          seen += node.length;
        }
        getSelection().collapse(article, article.childNodes.length);
      }, at),
    async type(key) {
      // The listener is in place before the key is sent: a frame painted before it was would
      // never be reported, and the bench would wait forever.
      await page.evaluate(() => {
        window.__bench.sampled = new Promise((resolve) => (window.__bench.onSample = resolve));
      });
      await page.keyboard.type(key);
      return page.evaluate((ms) => {
        let timer;
        const timeout = new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no frame within ${ms} ms of a keystroke`)), ms);
        });
        return Promise.race([window.__bench.sampled, timeout]).finally(() => clearTimeout(timer));
      }, SAMPLE_TIMEOUT_MS);
    },
    settled: () => (plainOnly ? null : settled(page)),
    longTasks: () =>
      page.evaluate((since) => window.__bench.longTasks.filter((task) => task.start >= since), startedTyping),
    async close() {
      await context.close();
      if (errors.length) throw new Error(`errors in the page: ${errors.join("; ")}`);
    },
  };
}

/** Waits until the page shows the editor's text with the whole document's analysis. */
function settled(page) {
  return page.waitForFunction(
    () =>
      document.getElementById("article").dataset.analyzed === "true" &&
      window.newsmark.text() === document.getElementById("article").textContent,
    undefined,
    { polling: "raf" },
  );
}

const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-devtools.timeline.frame",
  "blink.user_timing",
  "toplevel",
  "input",
  "cc",
  "benchmark",
];

/** Starts tracing; marks each page, so its renderer and its clock can be found in the trace. */
async function startTrace(browser, pages) {
  await browser.startTracing(undefined, { categories: TRACE_CATEGORIES });
  const marks = [];
  for (const [i, session] of pages.entries()) {
    if (!session) continue;
    const at = await session.page.evaluate((name) => performance.mark(name).startTime, `bench:sync:${i}`);
    marks.push({ name: `bench:sync:${i}`, at, which: i ? "textarea" : "page" });
  }
  return marks;
}

async function stopTrace(browser, words, marks, rows) {
  const buffer = await browser.stopTracing();
  mkdirSync(traceDir, { recursive: true });
  writeFileSync(`${traceDir}/latency-${words}.json`, buffer);
  const parsed = JSON.parse(buffer);
  const events = parsed.traceEvents ?? parsed;
  const out = {};
  for (const { name, at, which } of marks) {
    const mark = events.find((event) => event.name === name);
    const samples = rows.flatMap((row) => (which === "page" ? row.samples : row.baseSamples));
    out[which] = breakdown(events, mark, at, samples);
  }
  return out;
}

// What a keystroke's time was spent on: each main-thread trace event's own time (its duration
// less its children's) goes to the innermost phase it is part of.
const PHASES = [
  ["FunctionCall", "script"], ["EvaluateScript", "script"], ["v8.run", "script"],
  ["RunMicrotasks", "script"], ["BlinkScheduler_PerformMicrotaskCheckpoint", "script"],
  ["V8.GC", "gc"], ["MajorGC", "gc"], ["MinorGC", "gc"],
  ["UpdateLayoutTree", "style"], ["Layout", "layout"], ["PrePaint", "pre-paint"], ["Paint", "paint"],
  ["Layerize", "layerize"], ["LayerTreeHost::DoUpdateLayers", "layerize"],
  ["ProxyMain::BeginMainFrame::commit", "commit"], ["Commit", "commit"],
  ["LocalFrameView::RunAccessibilitySteps", "accessibility"],
  ["IntersectionObserverController::computeIntersections", "intersections"],
  ["ProxyMain::BeginMainFrame", "frame, other"],
];
const phaseOf = (event) => {
  if (event.name === "EventDispatch") return event.args?.data?.type === "input" ? "input event" : "key events";
  return PHASES.find(([prefix]) => event.name.startsWith(prefix))?.[1] ?? null;
};
const COLUMNS = [
  "key events", "input event", "script", "gc", "style", "layout", "layout in script", "pre-paint", "paint",
  "layerize", "commit", "accessibility", "intersections", "frame, other", "other", "idle", "wait for frame",
  "busy, CPU", "waiting for a core",
];

/**
 * Per keystroke of `samples` (keydown → end of its frame, in the page's clock), the milliseconds
 * of each phase on the renderer's main thread, `idle` the time it ran nothing, and `wait for
 * frame` the idle time between the last task before the frame and the frame's start.
 */
function breakdown(events, mark, markAt, samples) {
  const toTrace = (at) => mark.ts + (at - markAt) * 1000;
  const main = events
    .filter((event) => event.pid === mark.pid && event.tid === mark.tid && event.ph === "X" && event.dur != null)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const names = {};
  const result = samples.map((sample) => {
    const from = toTrace(sample.keyAt);
    const to = toTrace(sample.frameAt);
    const clip = (event) => Math.max(0, Math.min(to, event.ts + event.dur) - Math.max(from, event.ts));
    // Phases are counted in thread time (CPU), which a busy machine does not inflate; the wall
    // time the thread was busy but not running is "waiting for a core".
    const cpuOf = (event) => (event.tdur != null && event.dur > 0 ? (event.tdur * clip(event)) / event.dur : clip(event));
    const ms = Object.fromEntries(COLUMNS.map((column) => [column, 0]));
    const stack = []; // [{ event, phase, children }]
    let busy = 0;
    let cpu = 0; // thread time: less than busy when the thread waited for a core
    let lastTaskEnd = from;
    let frameStart = null;
    const close = (until) => {
      while (stack.length && stack.at(-1).event.ts + stack.at(-1).event.dur <= until) {
        const { event, phase, children } = stack.pop();
        ms[phase] += Math.max(0, cpuOf(event) - children) / 1000;
        if (traceNames) {
          const key = `${phase}: ${event.name}`;
          (names[key] ??= [0])[0] += Math.max(0, cpuOf(event) - children) / 1000 / samples.length;
        }
        if (stack.length) stack.at(-1).children += cpuOf(event);
      }
    };
    for (const event of main) {
      if (event.ts + event.dur <= from || event.ts >= to) continue;
      close(event.ts);
      let phase = phaseOf(event) ?? stack.at(-1)?.phase ?? "other";
      if (phase === "layout" && stack.some((open) => ["script", "input event"].includes(open.phase))) phase = "layout in script";
      if (!stack.length) {
        busy += clip(event);
        cpu += cpuOf(event);
        if (event.name === "ThreadControllerImpl::RunTask" || event.name === "RunTask") {
          if (event.ts + event.dur < to) lastTaskEnd = Math.max(lastTaskEnd, event.ts + event.dur);
        }
      }
      if (event.name === "ProxyMain::BeginMainFrame") frameStart = event.ts;
      stack.push({ event, phase, children: 0 });
    }
    close(Infinity);
    ms.idle = Math.max(0, to - from - busy) / 1000;
    ms["busy, CPU"] = cpu / 1000;
    ms["waiting for a core"] = Math.max(0, busy - cpu) / 1000;
    // The frame's own task started after the input tasks: the idle gap before it.
    if (frameStart != null) {
      let before = from;
      for (const event of main) {
        if (event.ts >= frameStart) break;
        if (event.ts + event.dur > before && event.ts + event.dur <= frameStart && event.ts + event.dur > from) before = event.ts + event.dur;
      }
      ms["wait for frame"] = Math.max(0, frameStart - before) / 1000;
    }
    ms.total = sample.firstMs;
    return ms;
  });
  return { samples: result, names };
}

async function startProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  await cdp.send("Profiler.start");
  return cdp;
}

/** Self time of each function under the page's input handler, ms per keystroke, most first. */
async function stopProfile(cdp, keys) {
  const { profile } = await cdp.send("Profiler.stop");
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const underHandler = (id) => {
    for (let at = id; at != null; at = parent.get(at)) if (nodes.get(at).callFrame.functionName === "onInput") return true;
    return false;
  };
  const self = new Map();
  profile.samples.forEach((id, i) => {
    if (!underHandler(id)) return;
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const name = `${functionName || "(anonymous)"} ${url.split("/").pop()}:${lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000 / keys);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, 20);
}

const pause = (page) => page.waitForTimeout(20 + Math.random() * 50);

async function measure(browser, site, words) {
  const text = article(words);
  const main = await openPage(browser, site, text);
  const base = baseline ? await openPage(browser, site, text, { plainOnly: true }) : null;
  if (base && (await base.size()) !== (await main.size())) {
    throw new Error(`the baseline's textarea is ${await base.size()}, the page's ${await main.size()}`);
  }
  const profiler = profile ? await startProfile(main.page) : null;
  const sync = traceDir ? await startTrace(browser, [main, base]) : null;
  const rows = [];
  for (const where of ["end", "middle"]) {
    const at = where === "end" ? text.length : middleOf(text);
    await main.caret(at);
    await base?.caret(at);
    const samples = [];
    const baseSamples = [];
    for (let i = 0; i < keysFor(words); i++) {
      const key = TYPED[i % TYPED.length];
      samples.push(await main.type(key));
      await pause(main.page);
      // Alternately, so both see the same load; with --burst, after the page's keystrokes.
      if (base && !burst) {
        baseSamples.push(await base.type(key));
        await pause(base.page);
      }
    }
    if (burst) await main.settled();
    for (let i = 0; burst && base && i < keysFor(words); i++) {
      baseSamples.push(await base.type(TYPED[i % TYPED.length]));
      await pause(base.page);
    }
    rows.push({ where, samples, baseSamples });
  }
  const traced = sync ? await stopTrace(browser, words, sync, rows) : null;
  const profiled = profiler ? await stopProfile(profiler, rows.reduce((n, row) => n + row.samples.length, 0)) : null;
  const longTasks = await main.longTasks();
  await main.close();
  await base?.close();
  return { words, chars: text.length, rows, longTasks, traced, profiled };
}

const quantile = (values, q) => {
  const sorted = values.filter((v) => v != null).sort((a, b) => a - b);
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const ms = (value) => (value == null ? "-" : value.toFixed(1));
const printTable = (table) => {
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  for (const row of table) console.log(row.map((cell, column) => cell.padStart(widths[column])).join("  "));
};

const site = await serveSite(WWW);
const browser = await launchChromium();
try {
  const results = [];
  for (const words of sizes) results.push(await measure(browser, site, words));
  console.log(
    `\nKeydown → frame painted, headless Chromium${query ? ` (${query})` : ""}, keystrokes typed one at a time, ` +
      (burst ? "each after the last one's first highlights (--burst) (ms)" : "each after the last one settled (ms)"),
  );
  const header = [
    "words", "where", "keys", "first p50", "first p95",
    ...(baseline ? ["plain p50", "plain p95"] : []),
    "settled p50", "settled p95", "max settled",
    "long tasks", "main/key p50", "main/key p95", "settled show p50", "paragraph p50", "analyze p50",
  ];
  const table = [header];
  for (const { words, rows, longTasks } of results) {
    for (const { where, samples, baseSamples } of rows) {
      const of = (key) => samples.map((s) => s[key]);
      const main = samples.map((s) => s.editMs + s.provisionalShowMs);
      const chars = quantile(of("paragraphChars"), 0.5);
      table.push([
        words.toLocaleString("en"),
        where,
        String(samples.length),
        ms(quantile(of("firstMs"), 0.5)),
        ms(quantile(of("firstMs"), 0.95)),
        ...(baseline
          ? [0.5, 0.95].map((q) => ms(quantile(baseSamples.map((s) => s.firstMs), q)))
          : []),
        ms(quantile(of("settledMs"), 0.5)),
        ms(quantile(of("settledMs"), 0.95)),
        ms(quantile(of("settledMs"), 1)),
        where === "end"
          ? `${longTasks.length} (${ms(longTasks.reduce((sum, t) => sum + t.ms, 0))} ms)`
          : "",
        ms(quantile(main, 0.5)),
        ms(quantile(main, 0.95)),
        ms(quantile(of("settledShowMs"), 0.5)),
        chars == null ? "-" : `${ms(quantile(of("paragraphMs"), 0.5))} (${chars} ch)`,
        ms(quantile(of("analyzeMs"), 0.5)),
      ]);
    }
  }
  printTable(table);
  for (const { words, profiled } of results) {
    if (!profiled) continue;
    console.log(`\nThe input handler's time by function, ${words.toLocaleString("en")} words (V8 profile; ms per keystroke, own time):`);
    for (const [name, total] of profiled) console.log(`${total.toFixed(2).padStart(7)}  ${name}`);
  }
  for (const { words, traced } of results) {
    if (!traced) continue;
    console.log(
      `\nWhere first's time went, ${words.toLocaleString("en")} words (trace in ${traceDir}): the renderer main ` +
        "thread's CPU ms per keystroke in each phase; idle and waiting for a core in wall ms",
    );
    const rows = [["", "", ...COLUMNS, "total"]];
    for (const [which, { samples }] of Object.entries(traced)) {
      for (const [label, q] of [["p50", 0.5], ["mean", null]]) {
        rows.push([
          which, label,
          ...[...COLUMNS, "total"].map((column) => {
            const values = samples.map((sample) => sample[column]);
            return ms(q == null ? values.reduce((a, b) => a + b, 0) / values.length : quantile(values, q));
          }),
        ]);
      }
    }
    printTable(rows);
    for (const [which, { names }] of Object.entries(traceNames ? traced : {})) {
      console.log(`\n${which}: the main thread's events with the most own time, ms per keystroke (phase: event)`);
      for (const [name, [total]] of Object.entries(names).sort((a, b) => b[1][0] - a[1][0]).slice(0, 25)) {
        console.log(`${total.toFixed(2).padStart(7)}  ${name}`);
      }
    }
  }
  console.log(
    "\nfirst: keydown → the frame showing that keystroke's text with its provisional highlights (the edited " +
      "paragraph analyzed alone, the rest carried over); settled: → the frame showing the whole document's " +
      "analysis of it (the sidebar follows in the next task). long tasks: main-thread tasks over 50 ms while " +
      "typing (both positions). main/key: main-thread ms per keystroke in the input handler and in provisional " +
      "shows; settled show: showing the whole analysis (before the sidebar). paragraph: `analyze` of the edited " +
      "paragraph on the page's thread (median chars); analyze: `analyze` of the whole text in the worker." +
      (baseline
        ? " textarea: the same keystrokes in a page that is only a textarea of the same size and style " +
          "(--baseline), keydown → the frame after the input event: the browser's own part of first."
        : ""),
  );
} finally {
  await browser.close();
  await site.close();
}
