// Input-to-highlights latency of the page in headless Chromium. A measurement, not a test:
// `npm run bench:latency` after `npm run build:site` (`-- --smoke`: one keystroke on 1,000 words;
// `-- --words 10000 --keys 40 --query ?render=marks` to narrow it down, `-- --root DIR` to
// measure another copy of the built site).
//
// For articles of 1,000, 10,000 and 100,000 words (the sample article followed by news texts of
// ../shared/corpus, read now and never stored), keystrokes are typed one at a time at the end of
// the text and in the middle of it. Each is timed from its keydown event to the end of the first
// frame produced after the page has shown the analysis of the text that keystroke made: a
// message posted from a requestAnimationFrame callback runs only after that frame's style,
// layout and paint. (Shown in a task of its own, the next frame paints it; shown in a frame
// callback, that frame does. No requestAnimationFrame loop runs meanwhile: it would make frames,
// and work, that typing does not.) The next keystroke waits until then (plus a random pause, so
// keystrokes do not line up with frames). Main-thread long tasks (> 50 ms) are counted while
// typing. The worker reports how long `analyze` took; the page measures how long showing the
// result took (performance.measure "newsmark:show").
import { readFileSync, existsSync, readdirSync } from "node:fs";
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

/** Runs in the page before its scripts: frame ends, long tasks, and one latency per keystroke. */
function instrument() {
  const bench = {
    longTasks: [],
    samples: [],
    pending: null, // { keyAt, value, shownAt }
    onSample: null,
  };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, ms: entry.duration });
  }).observe({ type: "longtask", buffered: true });

  document.addEventListener(
    "keydown",
    (event) => {
      bench.pending = { keyAt: Math.min(event.timeStamp, performance.now()), value: null, shownAt: null };
    },
    true,
  );
  document.addEventListener(
    "input",
    (event) => {
      if (bench.pending && event.target.id === "article") bench.pending.value = event.target.value;
    },
    true,
  );

  // The page sets data-revision at the end of each show(): a mutation record is delivered right
  // after it, in the same task.
  const watchOutput = () => {
    const output = document.getElementById("output");
    new MutationObserver(() => {
      const pending = bench.pending;
      if (
        pending?.value != null &&
        pending.shownAt == null &&
        output.dataset.analyzed === "true" &&
        window.newsmark?.state.text === pending.value
      ) {
        pending.shownAt = performance.now();
        bench.afterPaint();
      }
    }).observe(output, { attributes: true, attributeFilter: ["data-revision"] });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watchOutput);
  else watchOutput();

  // A message posted from a requestAnimationFrame callback is handled after that frame's
  // rendering (style, layout, paint) is done.
  const channel = new MessageChannel();
  let inFrame = false; // inside one of the page's requestAnimationFrame callbacks
  let frameEndWanted = false;
  // Posted before the page's own callbacks of the frame run, so it is not queued behind work
  // they schedule for after the frame (the sidebar).
  const postFrameEnd = () => {
    if (!frameEndWanted) return;
    frameEndWanted = false;
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
  bench.afterPaint = () => {
    if (inFrame) {
      channel.port2.postMessage(0);
    } else {
      frameEndWanted = true;
      pageFrame(postFrameEnd);
    }
  };
  channel.port1.onmessage = () => {
    const pending = bench.pending;
    const now = performance.now();
    bench.pending = null;
    const timing = window.newsmark.engine.timings.at(-1);
    const show = performance.getEntriesByName("newsmark:show").at(-1);
    const sample = {
      ms: now - pending.keyAt,
      shownMs: pending.shownAt - pending.keyAt,
      roundTripMs: timing?.ms ?? null,
      analyzeMs: timing?.analyzeMs ?? null,
      showMs: show?.duration ?? null,
    };
    performance.clearMeasures("newsmark:show");
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

async function measure(browser, site, words) {
  const text = article(words);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.addInitScript(instrument);
  await page.goto(`${site.url}index.html${query}`);
  await page.waitForFunction(() => document.getElementById("status").dataset.state === "ready", undefined, {
    polling: "raf",
  });
  // Paste-like: the whole text in one input event, then wait until it is shown analyzed.
  await page.evaluate((value) => {
    const area = document.getElementById("article");
    area.value = value;
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);
  await page.waitForFunction(
    () =>
      document.getElementById("output").dataset.analyzed === "true" &&
      window.newsmark.state.text === document.getElementById("article").value,
    undefined,
    { polling: "raf" },
  );
  await page.focus("#article");
  const startedTyping = await page.evaluate(() => performance.now());

  const rows = [];
  for (const where of ["end", "middle"]) {
    await page.evaluate(
      ([where, middle]) => {
        const area = document.getElementById("article");
        const at = where === "end" ? area.value.length : middle;
        area.setSelectionRange(at, at);
      },
      [where, middleOf(text)],
    );
    const samples = [];
    for (let i = 0; i < keysFor(words); i++) {
      const sampled = page.evaluate(() => new Promise((resolve) => (window.__bench.onSample = resolve)));
      await page.keyboard.type(TYPED[i % TYPED.length]);
      samples.push(await sampled);
      await page.waitForTimeout(20 + Math.random() * 50);
    }
    rows.push({ where, samples });
  }
  const longTasks = await page.evaluate(
    (since) => window.__bench.longTasks.filter((task) => task.start >= since),
    startedTyping,
  );
  await context.close();
  if (errors.length) throw new Error(`errors in the page: ${errors.join("; ")}`);
  return { words, chars: text.length, rows, longTasks };
}

const quantile = (values, q) => {
  const sorted = values.filter((v) => v != null).sort((a, b) => a - b);
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const ms = (value) => (value == null ? "-" : value.toFixed(1));

const site = await serve(WWW, 0);
const browser = await launchChromium();
try {
  const results = [];
  for (const words of sizes) results.push(await measure(browser, site, words));
  console.log(`\nInput → highlights painted, headless Chromium${query ? ` (${query})` : ""}, keystrokes typed one at a time (ms)`);
  const header = ["words", "where", "keys", "p50", "p95", "max", "long tasks", "analyze p50", "round trip p50", "show p50"];
  const table = [header];
  for (const { words, rows, longTasks } of results) {
    for (const { where, samples } of rows) {
      const of = (key) => samples.map((s) => s[key]);
      table.push([
        words.toLocaleString("en"),
        where,
        String(samples.length),
        ms(quantile(of("ms"), 0.5)),
        ms(quantile(of("ms"), 0.95)),
        ms(Math.max(...of("ms"))),
        where === "end"
          ? `${longTasks.length} (${ms(longTasks.reduce((sum, t) => sum + t.ms, 0))} ms)`
          : "",
        ms(quantile(of("analyzeMs"), 0.5)),
        ms(quantile(of("roundTripMs"), 0.5)),
        ms(quantile(of("showMs"), 0.5)),
      ]);
    }
  }
  const widths = header.map((_, column) => Math.max(...table.map((row) => row[column].length)));
  for (const row of table) console.log(row.map((cell, column) => cell.padStart(widths[column])).join("  "));
  console.log(
    "\nlong tasks: main-thread tasks over 50 ms while typing (both positions); analyze: `analyze` in the worker; " +
      "round trip: request sent → answer received; show: rendering the answer (text lines, highlights, sidebar).",
  );
} finally {
  await browser.close();
  await site.close();
}
