// Where a keystroke's time went (`--trace DIR`: a Chrome trace, split by phase of the renderer's
// main thread) and what the input handler spent it on (`--profile`: a V8 CPU profile). See
// scripts/latency.mjs.
import { mkdirSync, writeFileSync } from "node:fs";

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

/**
 * Starts tracing; marks each page ({ label, session }), so its renderer and its clock can be
 * found in the trace.
 */
export async function startTrace(browser, pages) {
  await browser.startTracing(undefined, { categories: TRACE_CATEGORIES });
  const marks = [];
  for (const [i, { label, session }] of pages.entries()) {
    const at = await session.page.evaluate((name) => performance.mark(name).startTime, `bench:sync:${i}`);
    marks.push({ name: `bench:sync:${i}`, at, label });
  }
  return marks;
}

export async function stopTrace(browser, { traceDir, traceNames }, words, marks, samplesOf) {
  const buffer = await browser.stopTracing();
  mkdirSync(traceDir, { recursive: true });
  writeFileSync(`${traceDir}/latency-${words}.json`, buffer);
  const parsed = JSON.parse(buffer);
  const events = parsed.traceEvents ?? parsed;
  const out = {};
  for (const { name, at, label } of marks) {
    const mark = events.find((event) => event.name === name);
    out[label] = breakdown(events, mark, at, samplesOf(label), traceNames);
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
export const COLUMNS = [
  "key events", "input event", "script", "gc", "style", "layout", "layout in script", "pre-paint", "paint",
  "layerize", "commit", "accessibility", "intersections", "frame, other", "other", "idle", "wait for frame",
  "busy, CPU", "waiting for a core",
];

/**
 * Per keystroke of `samples` (keydown → end of its frame, in the page's clock), the milliseconds
 * of each phase on the renderer's main thread, `idle` the time it ran nothing, and `wait for
 * frame` the idle time between the last task before the frame and the frame's start.
 */
function breakdown(events, mark, markAt, samples, traceNames) {
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

export async function startProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  await cdp.send("Profiler.start");
  return cdp;
}

/** Self time of each function under the page's input handler, ms per keystroke, most first. */
export async function stopProfile(cdp, keys) {
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
