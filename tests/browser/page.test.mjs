// Browser tests of the page in www/: served by scripts/serve.mjs, driven in headless Chromium.
// Needs the built package in www/newsmark/ (`npm run build:site`).
//
//   node --test tests/browser/
//
// Screenshots go to target/screenshots/ (page.png, page-dark.png, page-narrow.png,
// page-marks.png).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { serve } from "../../scripts/serve.mjs";
import { launchChromium } from "../support/browser.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WWW = `${ROOT}www`;
const SHOTS = `${ROOT}target/screenshots`;
const BUILT = `${WWW}/newsmark/js/browser.js`;
const SAMPLE = readFileSync(`${WWW}/sample.txt`, "utf8");
const SAMPLE_DATE = "2025-10-16";
const KINDS = ["person", "organization", "place", "misc", "date", "time", "duration", "set", "quote"];
const PAYLOAD = "<img src=x onerror=alert(1)><script>window.__pwned=1</script>";

let browser;
let site;

before(async () => {
  if (!existsSync(BUILT)) {
    throw new Error(
      `${BUILT} is missing: the page needs the built package. Run \`npm run build:site\` first.`,
    );
  }
  site = await serve(WWW, 0);
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

// ---------------------------------------------------------------------------------------------
// Helpers

/**
 * Opens the page in a fresh context and waits until the analyzer is ready. Records page errors,
 * console errors and dialogs on `page.problems`.
 */
async function open({ query = "", viewport = { width: 1280, height: 900 }, colorScheme = "light", init, route, wait = true, clipboard = false } = {}) {
  const context = await browser.newContext({ viewport, colorScheme });
  context.setDefaultTimeout(10_000);
  if (clipboard) {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(site.url).origin });
  }
  const page = await context.newPage();
  page.problems = { errors: [], dialogs: [] };
  page.on("pageerror", (error) => page.problems.errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") page.problems.errors.push(`console: ${message.text()}`);
  });
  page.on("dialog", async (dialog) => {
    page.problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  if (init) await page.addInitScript(init);
  if (route) await route(page);
  await page.goto(`${site.url}index.html${query}`);
  if (wait) await ready(page);
  return page;
}

async function ready(page) {
  await waitFor(
    page,
    () => ["ready", "error"].includes(document.getElementById("status").dataset.state),
    "the status to leave “loading”",
    undefined,
    20_000,
  );
  const status = await page.locator("#status").evaluate((el) => [el.dataset.state, el.textContent]);
  assert.equal(status[0], "ready", `the analyzer did not load: ${status[1]}`);
}

/** page.waitForFunction with a message that says what was awaited. */
async function waitFor(page, predicate, what, arg, timeout = 10_000) {
  try {
    await page.waitForFunction(predicate, arg, { timeout, polling: "raf" });
  } catch (error) {
    throw new Error(`timed out waiting for ${what}: ${error.message.split("\n")[0]}`);
  }
}

async function close(page) {
  const problems = page.problems;
  await page.context().close();
  assert.deepEqual(problems.errors, [], "no errors in the page");
}

/** Clicks “Sample article” and waits until the analysed sample is on screen. */
async function loadSample(page) {
  await page.click("#sample");
  await waitFor(
    page,
    (sample) =>
      document.getElementById("output").textContent === sample &&
      document.getElementById("article").value === sample,
    "the sample article in the output",
    SAMPLE,
  );
}

/** The text of every range of the `nm-<kind>` highlight (null when it is not registered). */
function highlightTexts(page, kind) {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    return highlight ? [...highlight].map((range) => range.toString()) : null;
  }, `nm-${kind}`);
}

function highlightSizes(page) {
  return page.evaluate(
    // Quoted terms count as quotes; they have a highlight of their own.
    (kinds) =>
      Object.fromEntries(
        kinds.map((kind) => {
          const own = CSS.highlights.get(`nm-${kind}`)?.size ?? 0;
          const terms = kind === "quote" ? (CSS.highlights.get("nm-quote-term")?.size ?? 0) : 0;
          return [kind, own + terms];
        }),
      ),
    KINDS,
  );
}

function legendCounts(page) {
  return page.$$eval("#legend .toggle", (buttons) =>
    Object.fromEntries(buttons.map((b) => [b.dataset.kind, Number(b.querySelector(".toggle-count").textContent)])),
  );
}

/** Centre of the first range of `kind` whose text is `text`, in viewport coordinates. */
function rangePoint(page, kind, text) {
  return page.evaluate(
    ([name, wanted]) => {
      const range = [...(CSS.highlights.get(name) ?? [])].find((r) => r.toString() === wanted);
      const rect = range?.getClientRects()[0];
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    },
    [`nm-${kind}`, text],
  );
}

// ---------------------------------------------------------------------------------------------

describe("newsmark page", () => {
  test("loads, reports Ready, and says text stays in the browser", async () => {
    const page = await open();
    assert.equal((await page.textContent("#status")).trim(), "Ready");
    assert.match(await page.textContent("#privacy"), /never leaves this browser/);
    assert.equal(await page.getAttribute("html", "data-render"), "highlights");
    const toggles = await page.$$eval("#legend .toggle", (buttons) =>
      buttons.map((b) => [b.dataset.kind, b.getAttribute("aria-pressed")]),
    );
    assert.deepEqual(toggles, KINDS.map((kind) => [kind, "true"]));
    for (const kind of KINDS) assert.deepEqual(await highlightTexts(page, kind), [], `nm-${kind} registered, empty`);
    assert.equal(await page.getAttribute("#sample", "data-reference-date"), SAMPLE_DATE);
    await close(page);
  });

  test("the page is usable before the analyzer loads, and shows the text once it does", async () => {
    let release;
    const gate = new Promise((resolve) => (release = resolve));
    const page = await open({
      wait: false,
      route: (p) =>
        p.route("**/newsmark_bg.wasm", async (route) => {
          await gate;
          await route.continue();
        }),
    });
    assert.equal(await page.getAttribute("#status", "data-state"), "loading");
    assert.match(await page.textContent("#status"), /Loading analyzer/);
    await loadSample(page); // the text shows up unhighlighted while the wasm is held back
    assert.equal(await page.getAttribute("#status", "data-state"), "loading");
    assert.equal(await page.getAttribute("#output", "data-analyzed"), "false");
    release();
    await ready(page);
    await waitFor(page, () => document.getElementById("output").dataset.analyzed === "true", "the held-back text to be analyzed");
    assert.equal(await page.textContent("#output"), SAMPLE);
    assert.ok(await page.evaluate(() => CSS.highlights.get("nm-person").size > 0), "people highlighted once loaded");
    await close(page);
  });

  test("works from a sub-path (relative URLs only)", async () => {
    const repo = await serve(ROOT, 0); // the page is then at /www/
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const outside = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith("http") && !url.pathname.startsWith("/www/")) outside.push(request.url());
    });
    try {
      await page.goto(`${repo.url}www/`);
      await ready(page);
      await loadSample(page);
      assert.deepEqual(outside, [], "every request stays under /www/");
    } finally {
      await context.close();
      await repo.close();
    }
  });

  test("a failing analyzer is reported and the text is still shown", async () => {
    const page = await open({ wait: false, route: (p) => p.route("**/newsmark_bg.wasm", (route) => route.abort()) });
    await waitFor(page, () => document.getElementById("status").dataset.state === "error", "an error status");
    assert.match(await page.textContent("#status"), /could not be loaded/);
    await page.fill("#article", "Trump met Putin.");
    await waitFor(page, () => document.getElementById("output").textContent === "Trump met Putin.", "the plain text");
    page.problems.errors = page.problems.errors.filter((e) => !/newsmark|ERR_FAILED|Failed to load/.test(e));
    await close(page);
  });

  test("the sample article is highlighted, kind by kind", async () => {
    const page = await open();
    await loadSample(page);
    assert.equal(await page.inputValue("#reference-date"), SAMPLE_DATE);
    assert.equal(await page.getAttribute("#reference-source", "data-source"), "option");
    assert.equal((await page.textContent("#reference-source")).trim(), "chosen");

    // One text node; every range lies on it.
    const shape = await page.evaluate(() => {
      const output = document.getElementById("output");
      const node = output.firstChild;
      const ranges = [...CSS.highlights].flatMap(([, h]) => [...h]);
      return {
        nodes: output.childNodes.length,
        text: node?.nodeType === Node.TEXT_NODE,
        onNode: ranges.every((r) => r.startContainer === node && r.endContainer === node),
      };
    });
    assert.deepEqual(shape, { nodes: 1, text: true, onNode: true });

    const people = await highlightTexts(page, "person");
    const places = await highlightTexts(page, "place");
    const dates = await highlightTexts(page, "date");
    const quotes = await highlightTexts(page, "quote");
    const terms = await highlightTexts(page, "quote-term");
    assert.deepEqual(terms, ["“peace through strength”"], "the quoted term is shown apart from speech");
    assert.ok(people.includes("Trump"), `a person “Trump” among ${JSON.stringify(people)}`);
    assert.ok(people.some((p) => p.includes("Putin")), `a person “…Putin” among ${JSON.stringify(people)}`);
    assert.ok(places.includes("Budapest"), `a place “Budapest” among ${JSON.stringify(places)}`);
    assert.ok(dates.includes("Thursday"), `a date “Thursday” among ${JSON.stringify(dates)}`);
    assert.ok(
      quotes.some((q) => q.startsWith("“I believe")),
      `a quote starting “I believe among ${JSON.stringify(quotes)}`,
    );

    // The legend counts what is highlighted.
    assert.deepEqual(await legendCounts(page), await highlightSizes(page));
    const total = Object.values(await highlightSizes(page)).reduce((a, b) => a + b, 0);
    assert.equal(Number(await page.textContent("#items-count")), total);
    assert.equal(await page.locator("#items button.item").count(), total);

    // “Thursday” is the publication day.
    const thursday = page.locator("#items button.item[data-kind=date]", { hasText: "Thursday" }).first();
    assert.equal((await thursday.locator(".item-value").textContent()).trim(), SAMPLE_DATE);
    await close(page);
  });

  test("typing updates the highlights", async () => {
    const page = await open();
    await page.click("#article");
    await page.keyboard.type("President Trump said he would meet Vladimir Putin in Budapest.");
    await waitFor(
      page,
      () => [...CSS.highlights.get("nm-place")].some((r) => r.toString() === "Budapest"),
      "“Budapest” to be highlighted as a place while typing",
    );
    assert.equal(await page.textContent("#output"), await page.inputValue("#article"));
    assert.ok((await highlightTexts(page, "person")).some((p) => p.includes("Putin")));

    await page.keyboard.type(" “I believe great progress was made,” Trump wrote on Thursday.");
    await waitFor(
      page,
      () => [...CSS.highlights.get("nm-quote")].some((r) => r.toString().startsWith("“I believe")),
      "the typed quotation to be highlighted",
    );
    assert.equal(await page.textContent("#output"), await page.inputValue("#article"));

    // Deleting everything clears every highlight.
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await waitFor(
      page,
      (kinds) => document.getElementById("output").textContent === "" && kinds.every((k) => CSS.highlights.get(`nm-${k}`).size === 0),
      "an empty output without highlights",
      KINDS,
    );
    assert.equal(await page.locator("#items button.item").count(), 0);
    await close(page);
  });

  test("legend toggles hide and restore a kind", async () => {
    const page = await open();
    await loadSample(page);
    const before = await highlightSizes(page);
    assert.ok(before.person > 0 && before.quote > 0, `people and quotes found: ${JSON.stringify(before)}`);

    for (const kind of ["person", "quote"]) {
      const toggle = page.locator(`#legend .toggle[data-kind=${kind}]`);
      await toggle.click();
      assert.equal(await toggle.getAttribute("aria-pressed"), "false");
      const off = await highlightSizes(page);
      assert.equal(off[kind], 0, `${kind} highlights removed`);
      for (const other of KINDS.filter((k) => k !== kind)) assert.equal(off[other], before[other], `${other} untouched`);
      assert.equal(await page.locator(`#items button.item[data-kind=${kind}]`).count(), 0, `${kind} items hidden`);
      assert.equal(Number(await toggle.locator(".toggle-count").textContent()), before[kind], "the count stays");

      await toggle.click();
      assert.equal(await toggle.getAttribute("aria-pressed"), "true");
      assert.deepEqual(await highlightSizes(page), before, `${kind} highlights restored`);
    }

    // Keyboard works too.
    await page.focus("#legend .toggle[data-kind=place]");
    await page.keyboard.press("Enter");
    assert.equal((await highlightSizes(page)).place, 0);
    await page.keyboard.press("Space");
    assert.equal((await highlightSizes(page)).place, before.place);
    await close(page);
  });

  test("pointing at a highlight shows its details", async () => {
    const page = await open();
    await loadSample(page);
    const budapest = await rangePoint(page, "place", "Budapest");
    assert.ok(budapest, "a visible “Budapest” range");
    await page.mouse.move(budapest.x, budapest.y);
    await page.locator("#card").waitFor({ state: "visible" });
    assert.match(await page.textContent("#card"), /Place\s*Budapest/);

    const thursday = await rangePoint(page, "date", "Thursday");
    await page.mouse.move(thursday.x, thursday.y);
    await waitFor(page, () => /Thursday/.test(document.getElementById("card").textContent), "the date card");
    const card = await page.textContent("#card");
    assert.match(card, /Date/);
    assert.match(card, /2025-10-16/);

    // Away from any highlight the card goes.
    const box = await page.locator("#output").boundingBox();
    await page.mouse.move(box.x + 2, box.y + box.height - 2);
    await page.locator("#card").waitFor({ state: "hidden" });
    await close(page);
  });

  test("the list of found items gives keyboard access to the same details", async () => {
    const page = await open();
    await loadSample(page);
    const quote = page.locator("#items button.item[data-kind=quote]", { hasText: "I believe great progress" }).first();
    await quote.focus();
    await page.locator("#card").waitFor({ state: "visible" });
    const card = await page.textContent("#card");
    assert.match(card, /Quote/);
    assert.match(card, /Speaker\s*Trump/);
    assert.match(card, /Cue\s*wrote/);
    const active = await page.evaluate(() => [...CSS.highlights.get("nm-active")].map((r) => r.toString()));
    assert.equal(active.length, 1);
    assert.ok(active[0].startsWith("“I believe"), `the quote is marked in the text: ${active[0]}`);

    // Tab to the next item: its span becomes the active one.
    const next = await page.evaluate(() => document.activeElement.closest("li").nextElementSibling?.querySelector("button")?.dataset.index);
    await page.keyboard.press("Tab");
    if (next != null) {
      assert.equal(await page.evaluate(() => document.activeElement.dataset.index), next);
      assert.equal(await page.evaluate(() => CSS.highlights.get("nm-active").size), 1);
    }
    await page.keyboard.press("Escape");
    await page.locator("#card").waitFor({ state: "hidden" });
    await close(page);
  });

  for (const render of ["highlights", "marks"]) {
    test(`pasted HTML and script are shown as text, never run (${render})`, async () => {
      const page = await open({ query: render === "marks" ? "?render=marks" : "", clipboard: true });
      const scripts = await page.locator("script").count();
      // A real paste (Ctrl+V) of a clipboard holding the payload as text/html and text/plain.
      await page.evaluate(async (payload) => {
        await navigator.clipboard.write([
          new ClipboardItem({
            "text/html": new Blob([payload], { type: "text/html" }),
            "text/plain": new Blob([payload], { type: "text/plain" }),
          }),
        ]);
      }, PAYLOAD);
      await page.focus("#article");
      await page.keyboard.press("Control+V");
      await waitFor(page, (t) => document.getElementById("output").textContent === t, "the pasted payload as text", PAYLOAD);
      // Typed around names and a quotation, so it also lands inside highlights.
      const text = `President Trump said: “${PAYLOAD}” in Budapest on Thursday. ${PAYLOAD}`;
      await page.fill("#article", text);
      await waitFor(page, (t) => document.getElementById("output").textContent === t, "the payload among highlights", text);
      const dom = await page.evaluate(() => ({
        pwned: typeof window.__pwned,
        imgs: document.querySelectorAll("img").length,
        outputElements: document.querySelectorAll("#output script, #output img, #output *:not(mark)").length,
      }));
      assert.deepEqual(dom, { pwned: "undefined", imgs: 0, outputElements: 0 });
      assert.equal(await page.locator("script").count(), scripts, "no new <script> elements");
      assert.deepEqual(page.problems.dialogs, [], "no dialog opened");
      await close(page);
    });
  }

  test("the reference date can be chosen, and cleared to go back to detection", async () => {
    const page = await open();
    await loadSample(page);
    assert.equal(await page.inputValue("#reference-date"), SAMPLE_DATE);
    const thursday = () =>
      page.locator("#items button.item[data-kind=date]", { hasText: "Thursday" }).first().locator(".item-value").textContent();
    assert.equal(await thursday(), SAMPLE_DATE);

    // A later Thursday as the reference date moves “Thursday”.
    const revision = await page.getAttribute("#output", "data-revision");
    await page.fill("#reference-date", "2025-11-06");
    await waitFor(page, (r) => document.getElementById("output").dataset.revision !== r, "a new analysis", revision);
    assert.equal((await page.textContent("#reference-source")).trim(), "chosen");
    assert.match(await thursday(), /^2025-11/);

    // Cleared: no override; the sample has no dateline, so no reference date.
    const again = await page.getAttribute("#output", "data-revision");
    await page.fill("#reference-date", "");
    await waitFor(page, (r) => document.getElementById("output").dataset.revision !== r, "a new analysis", again);
    assert.equal(await page.getAttribute("#reference-source", "data-source"), "none");
    assert.equal(await page.inputValue("#reference-date"), "");
    await close(page);
  });

  test("a dateline sets the reference date", async () => {
    const page = await open();
    await page.fill(
      "#article",
      "Published: Thursday, October 16, 2025\n\nBUDAPEST (Reuters) — Hungarian officials said on Friday that preparations for the summit had begun.",
    );
    await waitFor(
      page,
      () => document.getElementById("reference-source").dataset.source === "dateline",
      "the reference date to come from the dateline",
    );
    assert.equal(await page.inputValue("#reference-date"), SAMPLE_DATE);
    assert.match(await page.textContent("#reference-source"), /from the dateline/);
    await close(page);
  });

  test("without the Highlight API, highlights are <mark> elements", async () => {
    const page = await open({
      init: () => {
        delete CSS.highlights;
      },
    });
    assert.equal(await page.evaluate(() => typeof CSS.highlights), "undefined", "CSS.highlights deleted");
    assert.equal(await page.getAttribute("html", "data-render"), "marks");
    await loadSample(page);
    const marks = (kind) => page.$$eval(`#output mark.nm-${kind}`, (els) => els.map((e) => e.textContent));
    assert.ok((await marks("person")).includes("Trump"), "a <mark> “Trump”");
    assert.ok((await marks("place")).includes("Budapest"), "a <mark> “Budapest”");
    assert.ok((await marks("date")).includes("Thursday"), "a <mark> “Thursday”");
    assert.ok((await marks("quote")).some((q) => q.startsWith("“I believe")), "a quote <mark>");
    // Names inside a quotation are nested in its mark, and nothing but marks and text is made.
    assert.ok(await page.locator("#output mark.nm-quote mark").count() > 0, "marks nested in a quote");
    assert.equal(await page.locator("#output *:not(mark)").count(), 0);
    assert.equal(await page.textContent("#output"), SAMPLE);

    // Each span is one mark (or several sharing data-index, where spans cross), so the legend
    // counts equal the distinct indexes per kind.
    const perKind = await page.$$eval("#output mark", (els) => {
      const seen = {};
      for (const e of els) (seen[e.dataset.kind] ??= new Set()).add(e.dataset.index);
      return Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, v.size]));
    });
    const counts = await legendCounts(page);
    for (const kind of KINDS) assert.equal(perKind[kind] ?? 0, counts[kind], `${kind} marks`);

    // Toggling unwraps and restores marks.
    const people = (await marks("person")).length;
    await page.click("#legend .toggle[data-kind=person]");
    assert.equal((await marks("person")).length, 0);
    assert.equal(await page.textContent("#output"), SAMPLE);
    await page.click("#legend .toggle[data-kind=person]");
    assert.equal((await marks("person")).length, people);

    // Hovering a mark shows its card.
    await page.locator("#output mark.nm-place", { hasText: "Budapest" }).first().hover();
    await page.locator("#card").waitFor({ state: "visible" });
    assert.match(await page.textContent("#card"), /Place\s*Budapest/);
    await page.screenshot({ path: `${SHOTS}/page-marks.png` });
    await close(page);
  });

  test("?render=marks forces the <mark> rendering", async () => {
    const page = await open({ query: "?render=marks" });
    assert.equal(await page.getAttribute("html", "data-render"), "marks");
    await loadSample(page);
    assert.equal(await page.textContent("#output"), SAMPLE);
    assert.equal(await page.evaluate(() => CSS.highlights.get("nm-person")?.size ?? 0), 0, "no highlight ranges");
    assert.ok(await page.locator("#output mark.nm-person").count() > 0, "people are <mark>ed");
    await close(page);
  });

  test("screenshots: wide light with a detail card, dark, and 360 px wide", async () => {
    const page = await open({ viewport: { width: 1400, height: 980 } });
    await loadSample(page);
    const point = await rangePoint(page, "date", "Thursday");
    if (point) {
      await page.mouse.move(point.x, point.y);
      await page.locator("#card").waitFor({ state: "visible" });
    }
    await page.screenshot({ path: `${SHOTS}/page.png` });
    await close(page);

    const dark = await open({ viewport: { width: 1400, height: 980 }, colorScheme: "dark" });
    await loadSample(dark);
    const item = dark.locator("#items button.item[data-kind=quote]").first();
    if ((await item.count()) > 0) await item.focus();
    await dark.screenshot({ path: `${SHOTS}/page-dark.png` });
    await close(dark);

    const narrow = await open({ viewport: { width: 360, height: 740 } });
    await loadSample(narrow);
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= 360, `no sideways scrolling at 360 px (scrollWidth ${overflow})`);
    await narrow.screenshot({ path: `${SHOTS}/page-narrow.png`, fullPage: true });
    await close(narrow);
  });
});
