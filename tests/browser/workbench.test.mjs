// Browser tests of the page as a tool: analysis in a Web Worker (newest input wins, a
// 100,000-word paste keeps the page responsive), exports, drag-and-drop, keyboard-only use,
// contrast in both themes, and 360 px. Needs `npm run build:site` first.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import {
  KINDS, PAYLOAD, SAMPLE, SAMPLE_DATE, SHOTS, articleText, close, dropFile, highlightTexts, loadSample, open, setArticle, useSite, waitFor,
} from "./support.mjs";

useSite();

/** ~100,000 words: the sample article repeated. */
function bigText() {
  const words = SAMPLE.split(/\s+/).length;
  return Array.from({ length: Math.ceil(100_000 / words) }, () => SAMPLE).join("\n\n");
}

/** Records long tasks and, per keydown, the time until the frame after it was painted. */
function measureInit() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, ms: entry.duration });
  }).observe({ type: "longtask", buffered: true });
  window.__keys = [];
  window.__keysWhileAnalyzingBigText = 0;
  document.addEventListener(
    "keydown",
    (event) => {
      // A keystroke handled while the big text is still being analyzed proves the page's thread
      // is free during the analysis.
      if ((window.newsmark?.engine?.inFlight() ?? 0) > 100_000) window.__keysWhileAnalyzingBigText++;
      const start = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__keys.push(performance.now() - start)));
    },
    true,
  );
}

/** Waits until the output shows the textarea's current text, analyzed. */
function settled(page, timeout = 60_000) {
  return waitFor(
    page,
    () => {
      const output = document.getElementById("article");
      return (
        output.dataset.analyzed === "true" &&
        window.newsmark.text() === window.newsmark.editorText() &&
        document.getElementById("sidebar").dataset.revision === output.dataset.revision &&
        window.newsmark.idle()
      );
    },
    "the output to show the analyzed text",
    undefined,
    timeout,
  );
}

/** Minimal RFC 4180 reader, for checking the CSV export. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 1;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

function relativeLuminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = (c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a, b) {
  const [x, y] = [relativeLuminance(a), relativeLuminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe("newsmark page as a tool", () => {
  test("the package's worker answers { id, text, options } with { id, analysis, analyzeMs } or { id, error }", async () => {
    const page = await open();
    const workers = page.workers().map((w) => w.url());
    assert.ok(workers.some((url) => url.endsWith("/newsmark/js/worker.js")), `the page analyzes in a worker: ${workers}`);
    const answers = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const worker = new Worker("newsmark/js/worker.js", { type: "module" });
          const seen = [];
          worker.onmessage = ({ data }) => {
            seen.push(data);
            if (seen.length === 3) resolve(seen);
          };
          // Sent before the wasm has loaded: answered once it has, in order.
          worker.postMessage({ id: "a", text: "Trump said Thursday he would meet Putin in Budapest.", options: { referenceDate: "2025-10-16" } });
          worker.postMessage({ id: "b", text: "x", options: { referenceDate: "not a date" } });
        }),
    );
    assert.deepEqual(answers[0], { ready: true });
    assert.equal(answers[1].id, "a");
    assert.ok(Number.isFinite(answers[1].analyzeMs) && answers[1].analyzeMs >= 0, `analyzeMs: ${answers[1].analyzeMs}`);
    const spans = answers[1].analysis.spans.map((s) => `${s.kind}:${s.text}${s.value ? `=${s.value}` : ""}`);
    assert.ok(spans.includes("date:Thursday=2025-10-16"), spans.join(", "));
    assert.ok(spans.includes("place:Budapest"), spans.join(", "));
    assert.equal(answers[2].id, "b");
    assert.equal(typeof answers[2].error, "string");
    assert.match(answers[2].error, /date/i);
    await close(page);
  });

  test("the newest input wins: a stale answer is never painted over newer text", async () => {
    const page = await open();
    const big = bigText().slice(0, 100_000);
    await page.evaluate(() => {
      window.__painted = [];
      const output = document.getElementById("article");
      new MutationObserver(() => window.__painted.push(window.newsmark.text().length)).observe(output, {
        attributes: true,
        attributeFilter: ["data-revision"],
      });
    });
    const small = "Trump met Putin in Budapest on Thursday.";
    // In one task: once the long text is with the worker, the short one replaces it.
    await page.evaluate(
      ([text, replacement]) =>
        new Promise((resolve) => {
          const article = document.getElementById("article");
          article.textContent = text;
          article.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
          const poll = () => {
            if (window.newsmark.engine.inFlight() === text.length) {
              article.textContent = replacement;
              article.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
              resolve();
            } else setTimeout(poll, 1);
          };
          poll();
        }),
      [big, small],
    );
    await settled(page);
    const painted = await page.evaluate(() => window.__painted);
    // The long text is shown once, at once (not analyzed: "pending"), never with its late answer.
    assert.ok(painted.filter((n) => n === big.length).length <= 1, `the long text's late answer was dropped (painted lengths ${painted})`);
    assert.equal(painted.at(-1), small.length);
    assert.ok((await highlightTexts(page, "place")).includes("Budapest"));
    await close(page);
  });

  test("a 100,000-word paste: analyzed in the worker while typing stays responsive", async (t) => {
    const figures = {};
    for (const engine of ["worker", "main"]) {
      const page = await open({ query: engine === "main" ? "?engine=main" : "", clipboard: true, init: measureInit });
      const big = bigText();
      await page.evaluate((text) => navigator.clipboard.writeText(text), big);
      await page.focus("#article");
      await page.keyboard.press("Control+End");
      await page.evaluate(() => {
        window.__longTasks.length = 0;
        window.__keys.length = 0;
      });
      await page.keyboard.press("Control+V");
      await waitFor(page, (n) => window.newsmark.editorText().length === n, "the paste", big.length);
      const pasted = await page.evaluate(() => performance.now());
      // Type while the worker analyzes.
      for (const key of "newsmark") {
        await page.keyboard.type(key);
        await page.waitForTimeout(40);
      }
      await settled(page);
      const result = await page.evaluate((after) => ({
        keys: window.__keys.slice(1), // the first is Ctrl+V itself
        keysWhileAnalyzing: window.__keysWhileAnalyzingBigText,
        tasks: window.__longTasks.map((task) => ({ ...task, afterPaste: task.start >= after })),
        analyses: window.newsmark.engine.timings.slice(-3),
        spans: window.newsmark.spans().length,
      }), pasted);
      assert.ok(result.spans > 10_000, `the whole text is highlighted (${result.spans} spans)`);
      const words = big.split(/\s+/).length;
      const later = result.tasks.filter((task) => task.afterPaste);
      figures[engine] = {
        words,
        longTasks: result.tasks.length,
        longestMs: Math.round(Math.max(0, ...result.tasks.map((task) => task.ms))),
        longestAfterPasteMs: Math.round(Math.max(0, ...later.map((task) => task.ms))),
        keyToFrameMs: result.keys.map(Math.round),
        keysWhileAnalyzing: result.keysWhileAnalyzing,
        analysisMs: result.analyses.map((a) => a.ms),
      };
      if (engine === "worker") {
        await page.screenshot({ path: `${SHOTS}/page-100k.png` });
      }
      await close(page);
    }
    t.diagnostic(`100k-word paste: ${JSON.stringify(figures)}`);
    // The figures (latency, long tasks) are printed above, not asserted: timings vary with the
    // machine. What must hold: the analysis (a second or more here) runs off the page's thread,
    // so keystrokes are handled while it runs.
    assert.ok(Math.min(...figures.worker.analysisMs) > 0);
    assert.ok(figures.worker.keysWhileAnalyzing > 0, `keystrokes handled during the analysis: ${JSON.stringify(figures.worker)}`);
  });

  test("a long article: the spans near the viewport are painted, and scrolling paints the others", async () => {
    const page = await open();
    const long = Array.from({ length: 12 }, () => SAMPLE).join("\n\n");
    await setArticle(page, long);
    await settled(page);
    // Whether the `newsmark-<kind>` highlight holds a range exactly on the first or last span of `kind`.
    const isPainted = ([kind, which]) => {
      const spans = window.newsmark.spans().filter((s) => s.kind === kind);
      const span = which === "first" ? spans[0] : spans.at(-1);
      return [...CSS.highlights.get(`newsmark-${kind}`)].some(
        (r) => window.newsmark.offsetOf(r.startContainer, r.startOffset) === span.start && r.toString() === span.text,
      );
    };
    const painted = (kind, which) => page.evaluate(isPainted, [kind, which]);
    const sizes = () =>
      page.evaluate(() => ({
        painted: CSS.highlights.get("newsmark-person").size,
        spans: window.newsmark.spans().filter((s) => s.kind === "person").length,
      }));
    assert.equal(await painted("person", "first"), true, "the first person on screen is highlighted");
    assert.equal(await painted("person", "last"), false, "the last person, many screens below, is not painted yet");
    const before = await sizes();
    assert.ok(before.painted > 0 && before.painted < before.spans, JSON.stringify(before));

    // Lines off screen have an estimated height until shown: scroll again until at the end.
    await waitFor(
      page,
      () => {
        const output = document.getElementById("editor-box");
        const atEnd = output.scrollTop + output.clientHeight >= output.scrollHeight - 2;
        output.scrollTop = output.scrollHeight;
        return atEnd;
      },
      "the output scrolled to its end",
    );
    await waitFor(page, isPainted, "the last person highlighted once scrolled to", ["person", "last"]);
    assert.equal(await painted("person", "first"), false, "the first one, far above, is no longer painted");

    // A sidebar row still selects a mention far from what is painted, and brings it into view.
    await page.locator("#names button.row", { hasText: "Vladimir Putin" }).first().click();
    await waitFor(page, () => CSS.highlights.get("nm-active").size === 1, "the selected mention marked");
    await waitFor(
      page,
      () => {
        const rect = [...CSS.highlights.get("nm-active")][0].getBoundingClientRect();
        const box = document.getElementById("editor-box").getBoundingClientRect();
        return rect.height > 0 && rect.top >= box.top && rect.bottom <= box.bottom;
      },
      "the selected mention scrolled into the output's view",
    );
    assert.equal(await painted("person", "first"), true, "and the spans around it painted");
    await close(page);
  });

  test("an edit rebuilds only the sidebar rows it changes; kept rows step through the right mentions", async () => {
    const page = await open();
    await page.fill("#reference-date", SAMPLE_DATE);
    await setArticle(page, SAMPLE);
    await settled(page);
    const tag = () => page.evaluate(() => document.querySelectorAll("#sidebar button.row").forEach((b) => (b.__kept = true)));
    const rebuilt = () =>
      page.$$eval("#sidebar button.row", (buttons) => buttons.filter((b) => !b.__kept).map((b) => b.textContent));
    const edit = (at, insert) =>
      page.evaluate(
        ([at, insert]) => {
          // Typed at `at` as the browser would: the caret put there, then one insertText.
          const article = document.getElementById("article");
          const offset = typeof at === "number" ? at : window.newsmark.editorText().indexOf(at);
          const node = article.firstChild;
          article.focus();
          getSelection().collapse(node, offset);
          document.execCommand("insertText", false, insert);
        },
        [at, insert],
      );

    // Words that change no row: every row is kept.
    await tag();
    await edit(SAMPLE.length, " and so on");
    await settled(page);
    assert.deepEqual(await rebuilt(), []);

    // A word typed inside a quotation: only that quotation's row is built again.
    await tag();
    await edit("great progress was made", "really ");
    await settled(page);
    const changed = await rebuilt();
    assert.equal(changed.length, 1, `rebuilt rows: ${JSON.stringify(changed)}`);
    assert.match(changed[0], /really great progress/);

    // A new date: its timeline group is built again, the names and quotations are kept.
    await tag();
    await edit(SAMPLE.length, " Talks resume on 3 March 2026.");
    await settled(page);
    assert.deepEqual(
      await page.$$eval("#names button.row, #quotes button.row", (buttons) => buttons.filter((b) => !b.__kept).length),
      0,
    );
    assert.ok((await rebuilt()).some((row) => row.includes("2026-03-03")), "the new date is listed");

    // Text inserted before every span shifts their indices: kept name rows follow them.
    await edit(0, "Later, ");
    await settled(page);
    await page.locator("#names button.row", { hasText: "Vladimir Putin" }).first().focus();
    await waitFor(page, () => CSS.highlights.get("nm-active").size === 1, "the row's mention marked");
    assert.match(await page.evaluate(() => [...CSS.highlights.get("nm-active")][0].toString()), /Putin/);
    await close(page);
  });

  test("exports: JSON (copy and download), HTML with escaped text, displaCy with code-point offsets, who-said-what CSV", async () => {
    const page = await open({ clipboard: true });
    const text =
      `😀 President Trump said Thursday he would meet Vladimir Putin in Budapest.\n` +
      `“We are ready, "truly" ready, for peace,” Trump said. ${PAYLOAD} & <b>more</b>\n`;
    await page.fill("#reference-date", SAMPLE_DATE);
    await setArticle(page, text);
    await settled(page);
    await waitFor(page, () => document.getElementById("reference-source").dataset.source === "option", "the chosen date applied");
    const analysis = { spans: await page.evaluate(() => window.newsmark.spans()) };
    assert.ok(analysis.spans.some((s) => s.kind === "quote"), "a quotation found");
    const pick = ({ kind, start, end, text }) => ({ kind, start, end, text });

    // Copy JSON: the text and the analysis.
    await page.click("[data-export=copy-json]");
    await waitFor(page, () => /copied/.test(document.getElementById("announce").textContent), "the copy announced");
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    assert.equal(copied.text, text);
    assert.deepEqual(copied.spans.map(pick), analysis.spans.map(pick));
    assert.deepEqual(copied.referenceDate, { date: SAMPLE_DATE, source: "option" });
    for (const span of copied.spans) assert.equal(text.slice(span.start, span.end), span.text);

    // Download JSON: the same.
    const json = await download(page, "[data-export=download-json]");
    // Named after the headline (the first line), not one name for every article.
    const base = "president-trump-said-thursday-he-would-meet-vladimir-putin";
    assert.equal(json.name, `${base}.json`);
    assert.deepEqual(JSON.parse(json.text), copied);

    // displaCy: code points, no overlaps, labels.
    const displacy = await download(page, "[data-export=download-displacy]");
    const doc = JSON.parse(displacy.text);
    assert.equal(doc.text, text);
    const points = [...text];
    const trump = doc.ents.find((e) => points.slice(e.start, e.end).join("") === "Trump");
    assert.ok(trump, JSON.stringify(doc.ents));
    assert.equal(trump.label, "PERSON");
    assert.equal(trump.start, text.indexOf("Trump") - 1, "the emoji counts as one code point");
    for (let i = 1; i < doc.ents.length; i += 1) assert.ok(doc.ents[i].start >= doc.ents[i - 1].end, "no overlaps");
    const expected = analysis.spans
      .filter((s) => s.kind !== "quote")
      .map((s) => `${s.text}`);
    assert.deepEqual(doc.ents.map((e) => points.slice(e.start, e.end).join("")), expected);
    assert.ok(doc.ents.every((e) => ["PERSON", "ORG", "PLACE", "MISC", "DATE", "TIME", "DURATION", "SET"].includes(e.label)));

    // CSV: quoted fields, doubled quotes, commas and line breaks kept.
    const csv = await download(page, "[data-export=download-csv]");
    assert.equal(csv.name, `${base}-who-said-what.csv`);
    const rows = parseCsv(csv.text);
    assert.deepEqual(rows[0], ["speaker", "speaker_entity", "cue", "quote", "start", "end", "type"]);
    const quotes = analysis.spans.filter((s) => s.kind === "quote");
    assert.equal(rows.length, 1 + quotes.length);
    // The rows add up to the legend's count; those said by someone are the sidebar's.
    assert.equal(Number(await page.textContent("#legend .toggle[data-kind=quote] .toggle-count")), quotes.length);
    const speech = rows.slice(1).filter((r) => r[6] === "speech").length;
    assert.equal(await page.locator("#quotes button.row").count(), speech);
    const row = rows.find((r) => r[3].includes("truly"));
    assert.ok(row, csv.text);
    assert.equal(row[3], quotes.find((q) => q.text.includes("truly")).text, "the quotation exactly");
    assert.equal(row[0], "Trump");
    assert.equal(row[2], "said");
    assert.match(csv.text, /""truly""/);

    // HTML: a page of marks; the payload stays text.
    const html = await download(page, "[data-export=download-html]");
    assert.equal(html.name, `${base}.html`);
    assert.ok(!html.text.includes("<script>window.__pwned"), "no raw script");
    assert.ok(!html.text.includes("<img"), "no raw img");
    assert.ok(html.text.includes("&lt;script&gt;"), "escaped");
    const view = await page.context().newPage();
    await view.route("**/*", (route) => route.abort());
    const dialogs = [];
    view.on("dialog", (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await view.setContent(html.text);
    // The package's renderer, the CLI's `highlight --format html`: the text in <article>.
    const shown = await view.evaluate(() => ({
      text: document.querySelector("article").textContent,
      marks: [...document.querySelectorAll("article mark")].map((m) => [m.className, m.textContent]),
      elements: document.querySelectorAll("article *:not(mark)").length,
      pwned: typeof window.__pwned,
    }));
    assert.equal(shown.text, text, "the article's text, unchanged");
    assert.equal(shown.elements, 0);
    assert.equal(shown.pwned, "undefined");
    assert.deepEqual(dialogs, []);
    assert.ok(shown.marks.some(([c, t]) => c === "person" && t === "Trump"), JSON.stringify(shown.marks));
    assert.ok(shown.marks.some(([c, t]) => c === "quote" && t.includes("truly")));
    await view.close();

    // Exports follow the legend: hidden kinds are left out.
    await page.click("#legend .toggle[data-kind=person]");
    const filtered = await download(page, "[data-export=download-displacy]");
    assert.ok(!JSON.parse(filtered.text).ents.some((e) => e.label === "PERSON"));
    const filteredHtml = await download(page, "[data-export=download-html]");
    const article = filteredHtml.text.slice(filteredHtml.text.indexOf("<article>"));
    assert.doesNotMatch(article, /<mark class="person"/);
    assert.match(article, /<mark class="quote"/);
    await close(page);
  });

  test("dropping a .txt or .html file loads its text; HTML is parsed inertly, scripts never run", async () => {
    const page = await open();
    const requests = [];
    page.on("request", (request) => requests.push(request.url()));
    const drop = (name, type, content) => dropFile(page, name, type, content);

    const plain = "President Trump said Thursday he would meet Vladimir Putin in Budapest.";
    assert.deepEqual(await drop("story.txt", "text/plain", plain), { overPrevented: true, dropPrevented: true });
    await waitFor(page, (t) => window.newsmark.editorText() === t, "the .txt in the textarea", plain);
    await settled(page);
    assert.ok((await highlightTexts(page, "place")).includes("Budapest"));

    const html = `<!doctype html><html><head><title>Ignored title</title><style>p { color: red }</style>
<script>window.__pwned = 1; alert("script")</script></head>
<body><nav>Home | World</nav><article><h1>Putin and Trump to meet</h1>
<p>BUDAPEST — Hungarian officials said on <b>Friday</b> that the summit&nbsp;would go ahead.</p>
<img src="https://tracker.invalid/pixel.gif" onerror="window.__pwned = 2; alert('img')">
<p>“We are ready,” Viktor Orbán said.<br>More soon.</p><script>window.__pwned = 3</script></article></body></html>`;
    await drop("story.html", "text/html", html);
    const expected = "Putin and Trump to meet\n\nBUDAPEST — Hungarian officials said on Friday that the summit would go ahead.\n\n“We are ready,” Viktor Orbán said.\nMore soon.";
    await waitFor(page, (t) => window.newsmark.editorText() === t, "the HTML's text in the textarea", expected);
    await settled(page);
    assert.ok((await highlightTexts(page, "quote")).some((q) => q.startsWith("“We are ready")));
    assert.equal(await page.evaluate(() => typeof window.__pwned), "undefined");
    assert.deepEqual(page.problems.dialogs, []);
    assert.ok(!requests.some((url) => url.includes("tracker.invalid")), "nothing in the file was fetched");
    assert.equal(await page.locator("img").count(), 0);

    // Anything else is refused with a message.
    await drop("photo.png", "image/png", "\x89PNG");
    await waitFor(page, () => document.getElementById("drop-hint").dataset.state === "error", "a refusal");
    assert.match(await page.textContent("#drop-hint"), /photo\.png.*not a \.txt or \.html/);
    assert.equal(await articleText(page), expected, "the article is kept");
    await close(page);
  });

  test("keyboard only: every control is reachable with Tab, shows its focus, and works", async () => {
    const page = await open({ clipboard: true });
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        // The editor's ring is drawn around its scrolling box (#editor-box:focus-within).
        const style = getComputedStyle(el.id === "article" ? el.parentElement : el);
        const name = el.getAttribute("aria-label") || el.textContent.trim() || (el.labels?.[0]?.textContent ?? "");
        return {
          id: el.id || null,
          tag: el.tagName.toLowerCase(),
          kind: el.dataset?.kind ?? null,
          export: el.dataset?.export ?? null,
          row: el.classList.contains("row"),
          summary: el.tagName === "SUMMARY",
          name: name.replace(/\s+/g, " ").slice(0, 60),
          outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
        };
      });
    // From the top: the sample button comes first among the controls.
    await page.keyboard.press("Tab");
    let now = await focused();
    assert.equal(now.id, "sample", JSON.stringify(now));
    assert.ok(now.outline, "a visible focus ring");
    await page.keyboard.press("Enter");
    await waitFor(page, (s) => window.newsmark.editorText() === s, "the sample via the keyboard", SAMPLE);
    await settled(page);

    const seen = [];
    for (let i = 0; i < 300; i += 1) {
      await page.keyboard.press("Tab");
      now = await focused();
      if (now.tag === "body" || now.id === "sample") break;
      seen.push(now);
    }
    // A short path from the text to the exports: the reference date, then Export.
    const fromEditor = seen.findIndex((s) => s.export === "copy-json") - seen.findIndex((s) => s.id === "article");
    assert.ok(fromEditor > 0 && fromEditor <= 3, `${fromEditor} Tab presses from the editor to Export`);
    const without = seen.filter((s) => !s.outline && s.tag !== "body");
    assert.deepEqual(without, [], "every focused control shows a focus ring");
    const unnamed = seen.filter((s) => !s.name && s.tag !== "body");
    assert.deepEqual(unnamed, [], "every focused control has a name");
    const ids = seen.map((s) => s.id);
    for (const id of ["clear", "article", "reference-date"]) assert.ok(ids.includes(id), `${id} reachable: ${ids}`);
    for (const kind of KINDS) assert.ok(seen.some((s) => s.kind === kind && !s.row && s.tag === "button"), `the ${kind} toggle reachable`);
    for (const kind of ["person", "place", "quote", "date"]) assert.ok(seen.some((s) => s.row && s.kind === kind), `a ${kind} row reachable`);
    assert.ok(seen.some((s) => s.summary), "groups can be folded");
    for (const name of ["copy-json", "download-json", "download-html", "download-displacy", "download-csv"]) {
      assert.ok(seen.some((s) => s.export === name), `${name} reachable`);
    }

    // Working by keyboard: a toggle, a row and its card, Escape, an export.
    await page.focus("#legend .toggle[data-kind=place]");
    await page.keyboard.press("Enter");
    assert.equal(await page.getAttribute("#legend .toggle[data-kind=place]", "aria-pressed"), "false");
    assert.equal(await page.locator("#names details[data-kind=place]").count(), 0, "places gone from the sidebar too");
    await page.keyboard.press("Space");
    assert.equal(await page.getAttribute("#legend .toggle[data-kind=place]", "aria-pressed"), "true");
    await page.focus("#timeline button.row");
    await page.locator("#card").waitFor({ state: "visible" });
    assert.match(await page.textContent("#card"), /TIMEX3/);
    await page.keyboard.press("Escape");
    await page.locator("#card").waitFor({ state: "hidden" });
    await page.focus("[data-export=copy-json]");
    await page.keyboard.press("Enter");
    await waitFor(page, () => /copied/.test(document.getElementById("announce").textContent), "copied by keyboard");
    assert.equal(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())).text, SAMPLE);
    await close(page);
  });

  test("the highlights' meaning is in the accessibility tree, not only in colour", async () => {
    const page = await open();
    await loadSample(page);
    // Landmarks and names.
    const names = await page.evaluate(() => ({
      sidebar: document.getElementById("sidebar").getAttribute("aria-labelledby"),
      legend: document.getElementById("legend").getAttribute("aria-label"),
      editor: [document.getElementById("article").getAttribute("role"), document.getElementById("input-heading").textContent],
      status: document.getElementById("status").getAttribute("role"),
      live: document.getElementById("announce").getAttribute("aria-live"),
      unnamedButtons: [...document.querySelectorAll("button")].filter((b) => !(b.getAttribute("aria-label") || b.textContent.trim())).length,
    }));
    assert.deepEqual(names, {
      sidebar: "side-heading",
      legend: "Highlights in the text, by kind (counts are mentions); press to show or hide a kind",
      editor: ["textbox", "Article"],
      status: "status",
      live: "polite",
      unnamedButtons: 0,
    });
    const row = await page.locator("#names button.row", { hasText: "Vladimir Putin" }).first().getAttribute("aria-label");
    assert.match(row, /Vladimir Putin, \d+ mentions; press to step through them/);
    const quote = await page.locator("#quotes button.row").first().getAttribute("aria-label");
    assert.match(quote, /^Trump: “I believe/);
    const date = await page.locator("#timeline button.row", { hasText: "16 October 2025" }).first().getAttribute("aria-label");
    assert.match(date, /Thursday, 16 October 2025 \(2025-10-16\): Thursday/);

    // The second cue: each kind's line style and position differ (checked on the <mark>s,
    // which use the same declarations as the highlights).
    const marks = await open({ query: "?render=marks" });
    const cues = await marks.evaluate((kinds) => {
      const probe = document.createElement("mark");
      document.body.append(probe);
      return kinds.map((kind) => {
        probe.className = `nm nm-${kind}`;
        const style = getComputedStyle(probe);
        return `${style.textDecorationLine} ${style.textDecorationStyle}`;
      });
    }, KINDS);
    assert.equal(new Set(cues).size, KINDS.length, `a distinct line per kind: ${cues.join(", ")}`);
    await close(marks);
    await close(page);
  });

  for (const scheme of ["light", "dark"]) {
    test(`contrast of text over every highlight is at least 4.5:1 (${scheme})`, async () => {
      const page = await open({ colorScheme: scheme, viewport: { width: 1400, height: 980 } });
      const colors = await page.evaluate((kinds) => {
        const root = getComputedStyle(document.documentElement);
        const get = (name) => root.getPropertyValue(name).trim();
        return {
          text: get("--text"),
          muted: get("--muted"),
          surface: get("--surface"),
          activeBg: get("--active-bg"),
          activeText: get("--active-text"),
          bgs: Object.fromEntries(kinds.filter((k) => k !== "quote").map((k) => [k, get(`--${k}-bg`)])),
        };
      }, KINDS);
      const ratios = Object.fromEntries(
        Object.entries(colors.bgs).map(([kind, bg]) => [kind, Number(contrast(colors.text, bg).toFixed(2))]),
      );
      for (const [kind, ratio] of Object.entries(ratios)) assert.ok(ratio >= 4.5, `${kind}: ${ratio}:1 (${JSON.stringify(colors)})`);
      assert.ok(contrast(colors.text, colors.surface) >= 4.5, "quotes: text on the page");
      assert.ok(contrast(colors.activeText, colors.activeBg) >= 4.5, "the selected highlight");
      assert.ok(contrast(colors.muted, colors.surface) >= 4.5, "muted help text");
      if (scheme === "dark") {
        await loadSample(page);
        const item = page.locator("#quotes button.row").first();
        await item.focus();
        await page.locator("#card").waitFor({ state: "visible" });
        await page.screenshot({ path: `${SHOTS}/page-dark.png` });
      }
      await close(page);
    });
  }

  test("at 360 px: the highlighted text comes first, tabs reach people, quotes and the timeline", async () => {
    const page = await open({ viewport: { width: 360, height: 740 }, hasTouch: true });
    await loadSample(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= 360, `no sideways scrolling at 360 px (scrollWidth ${overflow})`);
    const boxes = await page.evaluate(() =>
      ["article", "editor-box", "legend", "tabs"].map((id) => {
        const r = document.getElementById(id).getBoundingClientRect();
        return { id, left: r.left, right: r.right, top: r.top };
      }),
    );
    for (const box of boxes) assert.ok(box.left >= 0 && box.right <= 360, JSON.stringify(box));
    const editorTop = boxes.find((b) => b.id === "editor-box").top;
    assert.ok(editorTop < 740 / 2, `the highlighted text starts in the first half screen (${editorTop} px)`);
    assert.ok(await page.evaluate(() => CSS.highlights.get("newsmark-person").size > 0), "highlighted");
    assert.equal(await page.locator("#sidebar").isVisible(), false, "the sidebar is behind its tabs");
    await page.screenshot({ path: `${SHOTS}/page-narrow.png` });

    // People & quotes: a row still marks its mention in the text.
    await page.click("#tabs [data-tab=people]");
    assert.ok(await page.locator("#names").isVisible());
    assert.equal(await page.locator("#timeline").isVisible(), false);
    await page.locator("#names button.row").first().click();
    await waitFor(page, () => CSS.highlights.get("nm-active").size === 1, "the mention marked");
    await page.click("#tabs [data-tab=timeline]");
    assert.ok(await page.locator("#timeline").isVisible());
    assert.equal(await page.locator("#names").isVisible(), false);
    await page.click("#tabs [data-tab=article]");
    assert.ok(await page.locator("#article").isVisible());
    await close(page);
  });

  test("touch: a tap shows the card of a mention, a second tap the next mention; scrolling closes it", async () => {
    const page = await open({ viewport: { width: 390, height: 800 }, hasTouch: true });
    await loadSample(page);
    const point = await page.evaluate(() => {
      const range = [...CSS.highlights.get("newsmark-person")].find((r) => r.toString() === "Putin");
      const rect = range.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.touchscreen.tap(point.x, point.y);
    await page.locator("#card").waitFor({ state: "visible" });
    assert.match(await page.textContent("#card"), /Entity\s*Vladimir Putin/);
    const first = await page.evaluate(() => [...CSS.highlights.get("nm-active")].map((r) => window.newsmark.offsetOf(r.startContainer, r.startOffset)));
    const note = await page.textContent("#card .card-note");
    const [, n, of] = /Mention (\d+) of (\d+)/.exec(note);
    await page.touchscreen.tap(point.x, point.y);
    await waitFor(page, (m) => new RegExp(`Mention ${m} of`).test(document.getElementById("card").textContent), "the next mention", (Number(n) % Number(of)) + 1);
    const second = await page.evaluate(() => [...CSS.highlights.get("nm-active")].map((r) => window.newsmark.offsetOf(r.startContainer, r.startOffset)));
    assert.notDeepEqual(second, first, "another mention selected");
    await page.evaluate(() => (document.getElementById("editor-box").scrollTop += 200));
    await page.locator("#card").waitFor({ state: "hidden" });
    await close(page);
  });

  test("keyboard: Alt+↓ / Alt+↑ step from highlight to highlight in the editor, n / p outside it", async () => {
    const page = await open();
    await loadSample(page);
    await page.click("#article");
    await page.keyboard.press("Control+Home");
    const caret = () =>
      page.evaluate(() => {
        const range = getSelection().getRangeAt(0);
        return window.newsmark.offsetOf(range.startContainer, range.startOffset);
      });
    const starts = await page.evaluate(() => [...new Set(window.newsmark.spans().map((s) => s.start))].sort((a, b) => a - b));
    await page.keyboard.press("Alt+ArrowDown");
    const one = await caret();
    assert.equal(one, starts.find((s) => s > 0), "the next highlight's start");
    await page.locator("#card").waitFor({ state: "visible" });
    await page.keyboard.press("Alt+ArrowDown");
    const two = await caret();
    assert.equal(two, starts.find((s) => s > one));
    await page.keyboard.press("Alt+ArrowUp");
    assert.equal(await caret(), one, "back to the previous");
    assert.equal(await articleText(page), SAMPLE, "the text is unchanged");

    // Outside the text (focus on the page, not in a field): n / p step from the selected one.
    await page.evaluate(() => document.activeElement.blur());
    const active = () =>
      page.evaluate(() => [...CSS.highlights.get("nm-active")].map((r) => window.newsmark.offsetOf(r.startContainer, r.startOffset))[0]);
    await page.keyboard.press("n");
    assert.equal(await active(), two, "n: the next highlight after the selected one");
    await page.keyboard.press("p");
    assert.equal(await active(), one, "p: the previous one");
    assert.equal(await articleText(page), SAMPLE, "n and p typed nothing");
    await close(page);
  });

  test("the sidebar is one scroller; long groups show their first rows and “Show all N”", async () => {
    const page = await open();
    await loadSample(page);
    const inner = await page.$$eval("#sidebar *", (els) =>
      els.filter((el) => el.id !== "sidebar" && ["auto", "scroll"].includes(getComputedStyle(el).overflowY)).length,
    );
    assert.equal(inner, 0, "no scroller inside the sidebar");
    const short = page.locator("#names details[data-kind=person]");
    assert.ok(Number(await short.locator(".count-pill").textContent()) <= 10);
    assert.equal(await short.locator("button.show-all").count(), 0, "a group of ten or fewer is shown whole");
    const people = page.locator("#names details[data-kind=place]");
    const total = Number(await people.locator(".count-pill").textContent());
    assert.ok(total > 10, `enough places for a long group (${total})`);
    assert.equal(await people.locator("button.row:visible").count(), 8);
    const more = people.locator("button.show-all");
    assert.equal((await more.textContent()).trim(), `Show all ${total}`);
    await more.click();
    assert.equal(await people.locator("button.row:visible").count(), total);
    assert.equal(await more.getAttribute("aria-expanded"), "true");
    // The pills say what they count.
    assert.match(await short.locator(".count-pill").getAttribute("aria-label"), /distinct people, \d+ mentions/);
    assert.match(await page.getAttribute("#legend .toggle[data-kind=quote]", "aria-label"), /highlighted: \d+ said by someone, \d+ quoted term/);
    await close(page);
  });
});
