// Browser tests of the page in www/: served by scripts/serve.mjs, driven in headless Chromium.
// Needs the built package in www/newsmark/ (`npm run build:site`).
//
//   node --test tests/browser/
//
// Screenshots go to target/screenshots/.
import { describe, test } from "node:test";
import assert from "node:assert/strict";

import { serve } from "../../scripts/serve.mjs";
import {
  KINDS, PAYLOAD, ROOT, SAMPLE, SAMPLE_DATE, SHOTS, articleText, browser, close, highlightSizes, highlightTexts,
  legendCounts, loadSample, newAnalysis, open, placeCaret, rangePoint, ready, setArticle, useSite, waitFor,
} from "./support.mjs";

useSite();

const quotesIncludeTerm = (quotes) => quotes.includes("“peace through strength”");

/** The TIMEX3 value of the timeline row that lists `words` among its mentions. */
function timelineValueOf(page, words) {
  return page
    .locator("#timeline button.row", { has: page.locator(".row-said", { hasText: `“${words}”` }) })
    .first()
    .locator(".row-value")
    .textContent();
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
    for (const kind of KINDS) assert.deepEqual(await highlightTexts(page, kind), [], `newsmark-${kind} registered, empty`);
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
    await page.click("#sample"); // the text shows up unhighlighted while the wasm is held back
    await waitFor(page, (t) => window.newsmark.editorText() === t, "the sample in the editor", SAMPLE);
    assert.equal(await page.getAttribute("#status", "data-state"), "loading");
    assert.equal(await page.getAttribute("#article", "data-analyzed"), "false");
    release();
    await ready(page);
    await waitFor(page, () => document.getElementById("article").dataset.analyzed === "true", "the held-back text to be analyzed");
    assert.equal(await page.evaluate(() => window.newsmark.editorText()), SAMPLE);
    assert.ok(await page.evaluate(() => CSS.highlights.get("newsmark-person").size > 0), "people highlighted once loaded");
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
    await page.click("#article");
    await page.keyboard.type("Trump met Putin.");
    assert.equal(await articleText(page), "Trump met Putin.", "the text can still be typed");
    page.problems.errors = page.problems.errors.filter((e) => !/newsmark|ERR_FAILED|Failed to load/.test(e));
    await close(page);
  });

  test("the sample article is highlighted, kind by kind", async () => {
    const page = await open();
    await loadSample(page);
    assert.equal(await page.inputValue("#reference-date"), SAMPLE_DATE);
    assert.equal(await page.getAttribute("#reference-source", "data-source"), "option");
    assert.equal((await page.textContent("#reference-source")).trim(), "chosen");

    // The editor's text nodes are the browser's: every range lies on them, none is an element
    // the page made.
    const shape = await page.evaluate(() => {
      const article = document.getElementById("article");
      const nodes = new Set();
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.add(node);
      const ranges = [...CSS.highlights].flatMap(([, h]) => [...h]);
      return {
        elements: article.querySelectorAll("*:not(div, br)").length, // one <div> a line
        editable: article.isContentEditable,
        onNodes: ranges.length > 0 && ranges.every((r) => nodes.has(r.startContainer) && nodes.has(r.endContainer)),
      };
    });
    assert.deepEqual(shape, { elements: 0, editable: true, onNodes: true });

    const people = await highlightTexts(page, "person");
    const places = await highlightTexts(page, "place");
    const dates = await highlightTexts(page, "date");
    const quotes = await highlightTexts(page, "quote");
    assert.ok(quotesIncludeTerm(await highlightTexts(page, "quote")), "the quoted term is highlighted as a quote");
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

    // “Thursday” is the publication day, on the timeline in words.
    assert.equal(await timelineValueOf(page, "Thursday"), SAMPLE_DATE);
    assert.match(await page.textContent("#timeline"), /Thursday, 16 October 2025/);
    assert.doesNotMatch(await page.locator("#timeline .row-main").allTextContents().then((t) => t.join("\n")), /X/, "no raw TIMEX3 value as a description");
    await close(page);
  });

  test("typing updates the highlights", async () => {
    const page = await open();
    await page.click("#article");
    await page.keyboard.type("President Trump said he would meet Vladimir Putin in Budapest.");
    await waitFor(
      page,
      () =>
        window.newsmark.text() === window.newsmark.editorText() &&
        [...CSS.highlights.get("newsmark-place")].some((r) => r.toString() === "Budapest"),
      "“Budapest” to be highlighted as a place while typing",
    );
    assert.ok((await highlightTexts(page, "person")).some((p) => p.includes("Putin")));

    await page.keyboard.type(" “I believe great progress was made,” Trump wrote on Thursday.");
    await waitFor(
      page,
      () =>
        window.newsmark.text() === window.newsmark.editorText() &&
        [...CSS.highlights.get("newsmark-quote")].some((r) => r.toString().startsWith("“I believe")),
      "the typed quotation to be highlighted",
    );

    // Deleting everything clears every highlight.
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await waitFor(
      page,
      (kinds) => window.newsmark.editorText() === "" && window.newsmark.text() === "" && kinds.every((k) => CSS.highlights.get(`newsmark-${k}`).size === 0),
      "an empty output without highlights",
      KINDS,
    );
    // The sidebar follows in the task after the frame that shows the edit.
    await waitFor(page, () => document.querySelectorAll("#sidebar button.row").length === 0, "an empty sidebar");
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
      assert.equal(await page.locator(`#sidebar button.row[data-kind=${kind}]`).count(), 0, `${kind} rows hidden in the sidebar`);
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
    assert.match(card, /Means\s*Thursday, 16 October 2025/, "the date in words");
    assert.match(card, /TIMEX3\s*2025-10-16/, "its TIMEX3 value");

    // A name's card counts its mentions; a click jumps to the next one.
    const putin = await rangePoint(page, "person", "Putin");
    await page.mouse.move(putin.x, putin.y);
    await waitFor(page, () => /Entity\s*Vladimir Putin/.test(document.getElementById("card").textContent), "Putin’s card");
    const mentions = await page.evaluate(() =>
      [...CSS.highlights.get("newsmark-person")].filter((r) => /Putin/.test(r.toString())).length,
    );
    assert.ok(mentions > 2, `Putin is mentioned several times (${mentions})`);
    assert.match(await page.textContent("#card"), new RegExp(`${mentions} mentions`));
    // A click puts the caret there (the highlighted text is the text field).
    await page.mouse.click(putin.x, putin.y);
    const caret = await page.evaluate(() => {
      const range = getSelection().getRangeAt(0);
      return window.newsmark.offsetOf(range.startContainer, range.startOffset);
    });
    const putinAt = await page.evaluate((p) => {
      const r = [...CSS.highlights.get("newsmark-person")].find((range) => {
        const rect = range.getClientRects()[0];
        return rect && p.x >= rect.left && p.x <= rect.right && p.y >= rect.top && p.y <= rect.bottom;
      });
      return [window.newsmark.offsetOf(r.startContainer, r.startOffset), window.newsmark.offsetOf(r.endContainer, r.endOffset)];
    }, putin);
    assert.ok(caret >= putinAt[0] && caret <= putinAt[1], `the caret in “Putin” (${caret} in ${putinAt})`);

    // Away from any highlight the card goes.
    await page.mouse.move(2, 2);
    const box = await page.locator("#editor-box").boundingBox();
    await page.mouse.move(box.x + 2, box.y + box.height - 2);
    await page.locator("#card").waitFor({ state: "hidden" });
    await close(page);
  });

  test("the sidebar gives keyboard access to the same details", async () => {
    const page = await open();
    await loadSample(page);
    const quote = page.locator("#quotes button.row", { hasText: "I believe great progress" }).first();
    assert.match(await quote.textContent(), /^Trump\s*wrote/, "who said what: speaker and cue first");
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

  test("sidebar: names by kind, most mentioned first, stepping through mentions; a timeline in date order", async () => {
    const page = await open();
    await loadSample(page);
    // Groups per entity kind, each sorted by mentions.
    const groups = await page.$$eval("#names details.group", (details) =>
      details.map((d) => ({
        kind: d.dataset.kind,
        counts: [...d.querySelectorAll(".row-count")].map((c) => Number(c.textContent.slice(1))),
        names: [...d.querySelectorAll(".row-main")].map((m) => m.textContent),
      })),
    );
    assert.deepEqual(groups.map((g) => g.kind), ["person", "organization", "place", "misc"]);
    for (const { kind, counts } of groups) {
      assert.deepEqual(counts, [...counts].sort((a, b) => b - a), `${kind} sorted by mentions`);
    }
    assert.equal(groups[0].names[0], "Trump", "the most mentioned person first");
    const people = await highlightTexts(page, "person");
    assert.equal(groups[0].counts[0], people.filter((p) => p === "Trump" || p === "President Trump").length || groups[0].counts[0]);

    // Enter steps through Putin’s mentions, in text order, wrapping.
    const putin = page.locator("#names button.row", { hasText: "Vladimir Putin" }).first();
    const count = Number((await putin.locator(".row-count").textContent()).slice(1));
    assert.ok(count > 2);
    await putin.focus();
    const activeStart = () =>
      page.evaluate(() => {
        const [range] = CSS.highlights.get("nm-active");
        return { text: range.toString(), index: Number(document.getElementById("article").dataset.active) };
      });
    const seen = [await activeStart()];
    assert.match(await page.textContent("#card"), new RegExp(`Mention 1 of ${count}`));
    for (let i = 1; i <= count; i += 1) {
      await page.keyboard.press("Enter");
      await waitFor(page, (n) => new RegExp(`Mention ${n} of`).test(document.getElementById("card").textContent), `mention ${(i % count) + 1}`, (i % count) + 1);
      seen.push(await activeStart());
    }
    assert.ok(seen.every((s) => /Putin/.test(s.text)), JSON.stringify(seen));
    const indices = seen.slice(0, count).map((s) => s.index);
    assert.deepEqual(indices, [...indices].sort((a, b) => a - b), "in text order");
    assert.equal(new Set(indices).size, count, "each mention once");
    assert.equal(seen[count].index, seen[0].index, "wraps to the first");
    await waitFor(page, () => /^Mention \d+ of \d+: /.test(document.getElementById("announce").textContent), "the step announced");

    // The timeline is ordered by normalized value.
    const values = await page.$$eval("#timeline details.group[data-kind=date] .row-value", (els) => els.map((e) => e.textContent));
    assert.ok(values.length >= 3, JSON.stringify(values));
    // Independently of the page: a day is its midnight, an ISO week its Monday.
    const key = (v) => {
      let m;
      if ((m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(v))) return Date.UTC(+m[1], m[2] - 1, +m[3]);
      if ((m = /^(\d{4})-W(\d\d)$/.exec(v))) {
        const jan4 = new Date(Date.UTC(+m[1], 0, 4));
        return jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 864e5 + (m[2] - 1) * 7 * 864e5;
      }
      return NaN;
    };
    assert.ok(values.every((v) => !Number.isNaN(key(v))), values.join(" "));
    assert.deepEqual(values, [...values].sort((a, b) => key(a) - key(b)), `ordered: ${values.join(" ")}`);
    assert.ok(values.includes("2025-10-16") && values.includes("2025-W43"), values.join(" "));
    assert.ok(values.indexOf("2025-10-16") < values.indexOf("2025-W43"), "this week’s Thursday before next week");
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
      await waitFor(page, (t) => window.newsmark.editorText() === t && window.newsmark.text() === t, "the pasted payload as text", PAYLOAD);
      assert.equal(await page.locator("#article *:not(div, br)").count(), 0, "pasted HTML lands as text only");
      // Typed around names and a quotation, so it also lands inside highlights.
      const text = `President Trump said: “${PAYLOAD}” in Budapest on Thursday. ${PAYLOAD}`;
      await setArticle(page, text);
      await waitFor(page, (t) => window.newsmark.text() === t && document.getElementById("article").dataset.analyzed === "true", "the payload among highlights", text);
      const dom = await page.evaluate(() => ({
        pwned: typeof window.__pwned,
        imgs: document.querySelectorAll("img").length,
        editorElements: document.querySelectorAll("#article *:not(div, br)").length,
        marksElements: document.querySelectorAll("#marks *:not(mark)").length,
      }));
      assert.deepEqual(dom, { pwned: "undefined", imgs: 0, editorElements: 0, marksElements: 0 });
      assert.equal(await page.locator("script").count(), scripts, "no new <script> elements");
      assert.deepEqual(page.problems.dialogs, [], "no dialog opened");
      await close(page);
    });
  }

  test("the reference date can be chosen, and cleared to go back to detection", async () => {
    const page = await open();
    await loadSample(page);
    assert.equal(await page.inputValue("#reference-date"), SAMPLE_DATE);
    const thursday = () => timelineValueOf(page, "Thursday");
    assert.equal(await thursday(), SAMPLE_DATE);

    // A later Thursday as the reference date moves “Thursday”.
    const revision = await page.getAttribute("#article", "data-revision");
    await page.fill("#reference-date", "2025-11-06");
    await newAnalysis(page, revision);
    assert.equal((await page.textContent("#reference-source")).trim(), "chosen");
    assert.match(await thursday(), /^2025-11/);

    // Cleared: no choice; the sample has no dateline, so today is assumed, and said so.
    const again = await page.getAttribute("#article", "data-revision");
    await page.fill("#reference-date", "");
    await newAnalysis(page, again);
    await page.locator("#article").focus();
    await waitFor(page, () => document.getElementById("reference-source").dataset.source === "today", "today assumed");
    assert.match(await page.textContent("#reference-source"), /assumed \(today\)/);
    assert.equal(await page.inputValue("#reference-date"), await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    }));
    await close(page);
  });

  test("without a dateline, relative dates resolve against today, shown as assumed; words before TIMEX3", async () => {
    const page = await open();
    await page.click("#article");
    await page.keyboard.type("The talks ended at 11 p.m. Friday. Officials will meet again on Saturday, and the 1970s were mentioned.");
    await waitFor(
      page,
      () => document.getElementById("reference-source").dataset.source === "today" && document.getElementById("sidebar").dataset.revision === document.getElementById("article").dataset.revision,
      "today assumed",
    );
    assert.match(await page.textContent("#reference-source"), /assumed \(today\)/);
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    });
    assert.equal(await page.inputValue("#reference-date"), today);
    const values = await page.locator("#timeline .row-value").allTextContents();
    const words = await page.locator("#timeline .row-main").allTextContents();
    assert.ok(values.length >= 2, JSON.stringify(values));
    assert.ok(!values.some((v) => v.startsWith("XXXX")), `Saturday and Friday resolved: ${values}`);
    assert.ok(words.every((w) => !/X|^\d/.test(w)), `words, never a raw value: ${JSON.stringify(words)}`);
    assert.ok(words.some((w) => /1970s/.test(w)), `the 1970s in words: ${JSON.stringify(words)}`);
    // A date the reader chooses replaces today.
    const revision = await page.getAttribute("#article", "data-revision");
    await page.fill("#reference-date", "2025-10-16");
    await newAnalysis(page, revision);
    assert.equal(await page.getAttribute("#reference-source", "data-source"), "option");
    await close(page);
  });

  test("a fifth year digit in the date field keeps the last good analysis until the date is valid", async () => {
    const page = await open();
    await loadSample(page);
    const before = await highlightSizes(page);
    const revision = await page.getAttribute("#article", "data-revision");
    // The field's value as Chromium gives it once a fifth year digit is typed.
    await page.focus("#reference-date");
    await page.evaluate(() => {
      const field = document.getElementById("reference-date");
      field.value = "20255-10-16";
      field.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await page.waitForTimeout(300);
    assert.equal(await page.getAttribute("#article", "data-revision"), revision, "no new analysis");
    assert.deepEqual(await highlightSizes(page), before, "every highlight kept");
    assert.notEqual(await page.getAttribute("#status", "data-state"), "error");
    await page.evaluate(() => {
      const field = document.getElementById("reference-date");
      field.value = "2025-11-06";
      field.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await newAnalysis(page, revision);
    assert.match(await timelineValueOf(page, "Thursday"), /^2025-11/);
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
    const marks = (kind) => page.$$eval(`#marks mark.nm-${kind}`, (els) => els.map((e) => e.textContent));
    assert.ok((await marks("person")).includes("Trump"), "a <mark> “Trump”");
    assert.ok((await marks("place")).includes("Budapest"), "a <mark> “Budapest”");
    assert.ok((await marks("date")).includes("Thursday"), "a <mark> “Thursday”");
    assert.ok((await marks("quote")).some((q) => q.startsWith("“I believe")), "a quote <mark>");
    // Names inside a quotation are nested in its mark, and nothing but marks and text is made.
    assert.ok(await page.locator("#marks mark.nm-quote mark").count() > 0, "marks nested in a quote");
    assert.equal(await page.locator("#marks *:not(mark)").count(), 0);
    assert.equal(await page.textContent("#marks"), `${SAMPLE}\u200b`, "the marks hold the editor's text");

    // Each span is one mark (or several sharing data-index, where spans cross), so the legend
    // counts equal the distinct indexes per kind.
    const perKind = await page.$$eval("#marks mark", (els) => {
      const seen = {};
      for (const e of els) (seen[e.dataset.kind] ??= new Set()).add(`${e.dataset.start}-${e.dataset.end}`);
      return Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, v.size]));
    });
    const counts = await legendCounts(page);
    for (const kind of KINDS) assert.equal(perKind[kind] ?? 0, counts[kind], `${kind} marks`);

    // Toggling unwraps and restores marks.
    const people = (await marks("person")).length;
    await page.click("#legend .toggle[data-kind=person]");
    assert.equal((await marks("person")).length, 0);
    assert.equal(await page.evaluate(() => window.newsmark.editorText()), SAMPLE);
    assert.equal(await page.locator("#article *:not(div, br)").count(), 0, "the editor's text is never wrapped");
    await page.click("#legend .toggle[data-kind=person]");
    assert.equal((await marks("person")).length, people);

    // Pointing at a mark (under the editor's text) shows its card.
    const box = await page.locator("#marks mark.nm-place", { hasText: "Budapest" }).first().boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator("#card").waitFor({ state: "visible" });
    assert.match(await page.textContent("#card"), /Place\s*Budapest/);
    await page.screenshot({ path: `${SHOTS}/page-marks.png` });
    await close(page);
  });

  test("?editor=rich: the fallback editor for browsers without plaintext-only keeps one pane and plain text", async () => {
    const page = await open({ query: "?editor=rich", clipboard: true });
    assert.equal(await page.getAttribute("html", "data-editor"), "rich");
    assert.equal(await page.getAttribute("#article", "contenteditable"), "true");
    await page.evaluate(async (payload) => {
      await navigator.clipboard.write([
        new ClipboardItem({
          "text/html": new Blob([`<b>Trump</b> met <i>Putin</i> in Budapest. ${payload}`], { type: "text/html" }),
          "text/plain": new Blob([`Trump met Putin in Budapest. ${payload}`], { type: "text/plain" }),
        }),
      ]);
    }, PAYLOAD);
    await page.focus("#article");
    await page.keyboard.press("Control+V");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Officials said on Friday that talks went well.");
    await page.keyboard.press("Control+B"); // formatting is refused
    await page.keyboard.type(" More");
    const expected = `Trump met Putin in Budapest. ${PAYLOAD}\nOfficials said on Friday that talks went well. More`;
    await waitFor(page, (t) => window.newsmark.text() === t && document.getElementById("article").dataset.analyzed === "true", "the typed text analyzed", expected);
    assert.equal(await page.locator("#article *:not(br, div)").count(), 0, "only line breaks in the editor: pasted HTML landed as text");
    // The names are painted over the editor's text (whichever kind the tagger gives them: this
    // test is about the editor, the tagger's kinds are measured by the eval and golden cases).
    const painted = [];
    for (const kind of ["person", "organization", "place", "misc"]) painted.push(...(await highlightTexts(page, kind)));
    assert.ok(painted.includes("Putin") && painted.includes("Budapest"), JSON.stringify(painted));
    assert.equal(await page.evaluate(() => typeof window.__pwned), "undefined");
    // Undo still works: the browser's own history.
    await page.keyboard.press("Control+Z");
    assert.notEqual(await articleText(page), expected);
    await close(page);
  });

  test("the package's Rust painter paints the editor's text and follows typing", async () => {
    const page = await open();
    await loadSample(page);
    const rust = await highlightSizes(page);
    assert.ok(rust.person > 0 && rust.place > 0 && rust.quote > 0, JSON.stringify(rust));
    assert.equal(await page.locator("#article *:not(div, br)").count(), 0, "the editor's nodes are the browser's");
    // Typing: the painter follows the edit.
    await placeCaret(page, 0);
    await page.keyboard.type("Angela Merkel said. ");
    await waitFor(page, () => [...CSS.highlights.get("newsmark-person")].some((r) => r.toString() === "Angela Merkel"), "the typed name painted");
    await close(page);
  });

  test("?render=marks forces the <mark> rendering", async () => {
    const page = await open({ query: "?render=marks" });
    assert.equal(await page.getAttribute("html", "data-render"), "marks");
    await loadSample(page);
    assert.equal(await page.evaluate(() => window.newsmark.editorText()), SAMPLE);
    assert.equal(await page.evaluate(() => CSS.highlights.get("newsmark-person")?.size ?? 0), 0, "no highlight ranges");
    assert.ok(await page.locator("#marks mark.nm-person").count() > 0, "people are <mark>ed");
    await close(page);
  });

  test("screenshot: wide, light, with a detail card", async () => {
    const page = await open({ viewport: { width: 1400, height: 980 } });
    await loadSample(page);
    const point = await rangePoint(page, "date", "Thursday");
    if (point) {
      await page.mouse.move(point.x, point.y);
      await page.locator("#card").waitFor({ state: "visible" });
    }
    await page.screenshot({ path: `${SHOTS}/page.png` });
    await close(page);
    // Dark mode and 360 px: tests/browser/workbench.test.mjs.
  });
});
