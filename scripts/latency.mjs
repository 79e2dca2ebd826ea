// Input-to-highlights latency of the page in headless Chromium. A measurement, not a test:
// `npm run bench:latency` after `npm run build:site` (`-- --smoke`: one keystroke on 1,000 words;
// `-- --words 10000 --keys 40 --query ?render=marks` to narrow it down, `-- --root DIR` to
// measure another copy of the built site, `-- --baseline` for the browser's own floor, below;
// `-- --compare old=DIR,plain=?render=marks`: other pages typed into alternately, below).
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
//
// `--compare LABEL=[DIR][?QUERY],…` opens more pages beside the page and types every keystroke
// into each in turn (the page, then each compared page, then the baseline), so all see the same
// load: DIR another copy of a built site (e.g. the two-pane page of before #15, built from an
// older commit), ?QUERY the page's own flags. Figures are printed per page, back to back.
// Modules: latency/pages.mjs (the article, serving and driving a page), latency/instrument.mjs
// (what runs in the page), latency/trace.mjs (--trace, --profile).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { launchChromium } from "../tests/support/browser.mjs";
import { TYPED, article, middleOf, openPage, serveSite } from "./latency/pages.mjs";
import { COLUMNS, startProfile, startTrace, stopProfile, stopTrace } from "./latency/trace.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

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
/** The pages typed into: { label, root, query, plainOnly }. */
const PAGES = [
  { label: "page", root: WWW, query },
  ...(option("compare", null)?.split(",") ?? []).map((entry) => {
    const [, label, root, flags] = /^([^=]+)=([^?]*)(\?.*)?$/.exec(entry) ?? [];
    if (!label) throw new Error(`--compare takes LABEL=[DIR][?QUERY],…, not ${entry}`);
    return { label, root: root || WWW, query: flags ?? "" };
  }),
  ...(baseline ? [{ label: "plain editor", root: WWW, query: "", plainOnly: true }] : []),
];
/** Keystrokes per position (end, middle): fewer on long texts, whose analyses take longer. */
const keysFor = (words) => (smoke ? 1 : Number(keysOption ?? (words >= 100_000 ? 15 : 40)));

for (const { root } of PAGES) {
  if (!existsSync(`${root}/newsmark/js/browser.js`)) {
    console.error(`${root}/newsmark/ is missing: run \`npm run build:site\` first`);
    process.exit(1);
  }
}

const pause = (page) => page.waitForTimeout(20 + Math.random() * 50);

async function measure(browser, sites, words) {
  const text = article(words);
  const pages = [];
  for (const spec of PAGES) {
    const session = await openPage(browser, sites.get(spec.root), text, { ...spec, burst });
    pages.push({ ...spec, session, rows: [] });
  }
  const plain = pages.find((page) => page.plainOnly);
  if (plain && (await plain.session.size()) !== (await pages[0].session.size())) {
    throw new Error(`the baseline's editor is ${await plain.session.size()}, the page's ${await pages[0].session.size()}`);
  }
  const profiler = profile ? await startProfile(pages[0].session.page) : null;
  const sync = traceDir ? await startTrace(browser, pages) : null;
  const typed = pages.filter((page) => !page.plainOnly);
  for (const where of ["end", "middle"]) {
    const at = where === "end" ? text.length : middleOf(text);
    for (const { session, rows } of pages) {
      await session.caret(at);
      rows.push({ where, samples: [] });
    }
    for (let i = 0; i < keysFor(words); i++) {
      const key = TYPED[i % TYPED.length];
      // In turn, so all see the same load; with --burst, the baseline after the pages' keystrokes.
      for (const { session, rows } of burst ? typed : pages) {
        rows.at(-1).samples.push(await session.type(key));
        await pause(session.page);
      }
    }
    if (burst) {
      for (const { session } of typed) await session.settled();
      for (let i = 0; plain && i < keysFor(words); i++) {
        plain.rows.at(-1).samples.push(await plain.session.type(TYPED[i % TYPED.length]));
        await pause(plain.session.page);
      }
    }
  }
  const samplesOf = (label) => pages.find((page) => page.label === label).rows.flatMap((row) => row.samples);
  const traced = sync ? await stopTrace(browser, { traceDir, traceNames }, words, sync, samplesOf) : null;
  const keys = pages[0].rows.reduce((n, row) => n + row.samples.length, 0);
  const profiled = profiler ? await stopProfile(profiler, keys) : null;
  for (const page of pages) page.longTasks = page.plainOnly ? [] : await page.session.longTasks();
  for (const { session } of pages) await session.close();
  return { words, chars: text.length, pages, traced, profiled };
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

const sites = new Map();
for (const { root } of PAGES) if (!sites.has(root)) sites.set(root, await serveSite(root));
const browser = await launchChromium();
try {
  const results = [];
  for (const words of sizes) results.push(await measure(browser, sites, words));
  console.log(
    `\nKeydown → frame painted, headless Chromium${query ? ` (${query})` : ""}, keystrokes typed one at a time, ` +
      (burst ? "each after the last one's first highlights (--burst) (ms)" : "each after the last one settled (ms)") +
      (PAGES.length > 1 ? `; pages typed into in turn: ${PAGES.map(describe).join(", ")}` : ""),
  );
  const header = [
    "words", "where", "page", "keys", "first p50", "first p95",
    "settled p50", "settled p95", "max settled",
    "long tasks", "main/key p50", "main/key p95", "settled show p50", "paragraph p50", "analyze p50",
  ];
  const table = [header];
  for (const { words, pages } of results) {
    for (const [row, { where }] of pages[0].rows.entries()) {
      for (const { label, rows, longTasks, plainOnly } of pages) {
        const samples = rows[row].samples;
        const of = (key) => samples.map((s) => s[key]);
        const main = plainOnly ? [] : samples.map((s) => s.editMs + s.provisionalShowMs);
        const chars = quantile(of("paragraphChars"), 0.5);
        table.push([
          words.toLocaleString("en"),
          where,
          label,
          String(samples.length),
          ms(quantile(of("firstMs"), 0.5)),
          ms(quantile(of("firstMs"), 0.95)),
          ms(quantile(of("settledMs"), 0.5)),
          ms(quantile(of("settledMs"), 0.95)),
          ms(quantile(of("settledMs"), 1)),
          where === "end" && !plainOnly
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
        ? " plain editor: the same keystrokes in a page that is only the editable pane, of the same size and " +
          "style (--baseline), keydown → the frame after the input event: the browser's own part of first."
        : ""),
  );
} finally {
  await browser.close();
  for (const site of sites.values()) await site.close();
}

function describe({ label, root, query: flags }) {
  const where = root === WWW ? "" : root;
  return `${label}${where || flags ? ` (${where}${flags})` : ""}`;
}
