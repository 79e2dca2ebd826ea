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
  const page = await openPage(`<div id="e" contenteditable="plaintext-only" style="white-space: pre-wrap">😀 Vladimir Putin met Donald Trump in Budapest on Thursday.</div>`);
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
    stats: window.h.stats,
    spans: window.h.analysis.spans.length,
    text: window.h.text,
    node: document.getElementById("e").firstChild === window.nodesBefore[0].node,
  }));
  assert.ok(after.same, "the Range of a span the edit did not touch is kept");
  assert.ok(after.node, "the text node typed into is the same node");
  assert.equal(after.text, "😀 Vladimir Putin met Donald Trump in Budapest on Thursday. Angela Merkel said so.");
  // The last repaint (after the last keystroke) touched at most the span at the caret.
  assert.equal(after.stats.painted, after.spans);
  assert.ok(after.stats.added <= 1 && after.stats.removed <= 1, JSON.stringify(after.stats));
  // Typing before the names (and an emoji: offsets are UTF-16) moves their highlights with them.
  await page.keyboard.press("Home");
  await page.keyboard.type("Yesterday ");
  await page.waitForFunction(() => window.h.text.startsWith("Yesterday ") && window.h.analysis.spans.some((s) => s.text === "Yesterday"));
  assert.deepEqual((await highlighted(page)).person, ["Angela Merkel", "Donald Trump", "Vladimir Putin"]);
  const moved = await page.evaluate(() => ({
    kept: [...CSS.highlights.get("newsmark-person")].includes(window.putinBefore),
    text: window.putinBefore.toString(),
    stats: window.h.stats,
  }));
  assert.deepEqual({ kept: moved.kept, text: moved.text }, { kept: true, text: "Vladimir Putin" });
  assert.ok(moved.stats.added <= 2, `the last repaint added only the new date: ${JSON.stringify(moved.stats)}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("without CSS.highlights, the fallback draws boxes over the same element, leaving its nodes alone", async () => {
  const page = await openPage(`<article id="a" style="width: 600px">${ARTICLE}</article>`, {
    init: () => {
      delete CSS.highlights;
      delete window.Highlight;
    },
  });
  assert.equal(await page.evaluate(() => "highlights" in CSS), false);
  const html = await page.evaluate(() => document.getElementById("a").innerHTML);
  await recordTextNodes(page, "#a");
  const mode = await page.evaluate(async () => {
    window.h = await newsmark.createHighlighter(document.getElementById("a"), { referenceDate: "2025-10-16" });
    return window.h.mode;
  });
  assert.equal(mode, "overlay");
  assert.ok(await textNodesUntouched(page, "#a"));
  assert.equal(await page.evaluate(() => document.getElementById("a").innerHTML), html);
  // A box lies over each painted name, outside the element.
  const boxes = await page.evaluate(() => {
    const article = document.getElementById("a");
    const over = (text) => {
      const node = [...article.querySelectorAll("p, li")].flatMap((p) => [...p.childNodes]).find((n) => n.data?.includes(text));
      const range = document.createRange();
      range.setStart(node, node.data.indexOf(text));
      range.setEnd(node, node.data.indexOf(text) + text.length);
      const r = range.getBoundingClientRect();
      return [...document.querySelectorAll(".newsmark-box-person")].some((box) => {
        const b = box.getBoundingClientRect();
        return Math.abs(b.left - r.left) < 2 && Math.abs(b.top - r.top) < 2 && Math.abs(b.width - r.width) < 2;
      });
    };
    return {
      inside: article.querySelectorAll(".newsmark-box").length,
      people: document.querySelectorAll(".newsmark-box-person").length,
      overPutin: over("Vladimir Putin"),
      overMacron: over("Emmanuel Macron"),
    };
  });
  assert.deepEqual(boxes, { inside: 0, people: 5, overPutin: true, overMacron: true });
  // The boxes follow the text when the page scrolls and when the element is edited.
  await page.evaluate(() => {
    document.body.style.paddingTop = "300px";
    window.dispatchEvent(new Event("resize"));
  });
  await page.waitForFunction(() => {
    const box = document.querySelector(".newsmark-box-person").getBoundingClientRect();
    return box.top > 300;
  });
  await page.evaluate(() => {
    window.h.destroy();
  });
  assert.equal(await page.evaluate(() => document.querySelectorAll(".newsmark-overlay, .newsmark-box").length), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("an element that keeps its spaces (an editor: one <div> a line) is read as it shows", async () => {
  const page = await openPage(
    `<div id="e" style="white-space: pre-wrap"><div>Angela Merkel spoke.</div><div><br></div><div>   </div><div>Emmanuel Macron left.\n</div><div>Paris<br></div><div>end</div></div>`,
  );
  const text = await page.evaluate(async () => {
    window.h = await newsmark.createHighlighter(document.getElementById("e"), { live: false });
    return window.h.text;
  });
  // An empty line's <br> is a line; spaces are kept; a line ending in "\n" or a <br> starts the
  // next one without another break.
  assert.equal(text, "Angela Merkel spoke.\n\n   \nEmmanuel Macron left.\nParis\nend");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("edited() follows an edit the caller saw without reading the text again; one it cannot see in one text node reads it", async () => {
  const page = await openPage(`<div id="e"><p>Vladimir Putin met Donald Trump in Budapest.</p><p>Angela Merkel spoke.</p></div>`);
  const result = await page.evaluate(async () => {
    const element = document.getElementById("e");
    window.h = await newsmark.createHighlighter(element, { live: false });
    const person = () => [...CSS.highlights.get("newsmark-person")].map((range) => range.toString()).sort();
    const before = person();
    // Typed into the first paragraph: "Vladimir Putin" → "Vladimir V. Putin".
    const node = element.firstElementChild.firstChild;
    node.insertData(9, "V. ");
    const text = window.h.edited(9, 9, "V. ");
    const afterEdit = { text, person: person(), painted: window.h.stats.painted };
    // Wrong offsets are refused.
    let error = null;
    try {
      window.h.edited(5, 2, "");
    } catch (caught) {
      error = caught.constructor.name;
    }
    // A new paragraph (new nodes): the edit told cannot be seen in one text node, so it reads.
    const added = document.createElement("p");
    added.textContent = "Emmanuel Macron left.";
    element.append(added);
    const told = window.h.text.length;
    const readAgain = window.h.edited(told, told, "\n\nEmmanuel Macron left.");
    return { before, afterEdit, error, readAgain, read: window.h.read() };
  });
  assert.ok(result.before.includes("Vladimir Putin"), JSON.stringify(result.before));
  assert.equal(result.afterEdit.text, "Vladimir V. Putin met Donald Trump in Budapest.\n\nAngela Merkel spoke.");
  // The ranges the edit left alone stay on their text (the name the edit went into is off).
  assert.ok(result.afterEdit.person.includes("Donald Trump"), JSON.stringify(result.afterEdit));
  assert.ok(!result.afterEdit.person.includes("Vladimir Putin"), JSON.stringify(result.afterEdit));
  assert.equal(result.error, "RangeError");
  assert.equal(result.readAgain, result.read);
  assert.ok(result.read.endsWith("Emmanuel Macron left."));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a long text is painted near the viewport only, and scrolling paints what comes into view", async () => {
  const paragraph = "Vladimir Putin met Donald Trump in Budapest on Thursday, and Angela Merkel spoke in Paris.";
  const paragraphs = 600; // ~54,000 UTF-16 units
  const page = await openPage(
    `<div id="long" style="height: 400px; overflow: auto; width: 700px">${`<p>${paragraph}</p>`.repeat(paragraphs)}</div>`,
  );
  const first = await page.evaluate(async () => {
    window.h = await newsmark.createHighlighter(document.getElementById("long"), { referenceDate: "2025-10-16" });
    const people = [...CSS.highlights.get("newsmark-person")];
    return { stats: window.h.stats, length: window.h.text.length, spans: window.h.analysis.spans.length, people: people.length };
  });
  assert.ok(first.length > 50000);
  assert.ok(first.stats.from === 0 && first.stats.to < first.length / 4, JSON.stringify(first));
  assert.ok(first.stats.painted < first.spans / 4, JSON.stringify(first));
  assert.equal(first.stats.painted, first.stats.added);
  // Scroll to the end: the last paragraph gets painted, the first ones are taken off.
  await page.evaluate(() => {
    const long = document.getElementById("long");
    long.scrollTop = long.scrollHeight;
  });
  await page.waitForFunction(() => window.h.stats.to === window.h.text.length);
  const last = await page.evaluate(() => {
    const long = document.getElementById("long");
    const lastP = long.lastElementChild.firstChild;
    const ranges = [...CSS.highlights.get("newsmark-person")];
    return {
      stats: window.h.stats,
      lastPainted: ranges.some((r) => r.startContainer === lastP),
      firstPainted: ranges.some((r) => r.startContainer === long.firstElementChild.firstChild),
    };
  });
  assert.ok(last.lastPainted && !last.firstPainted, JSON.stringify(last));
  assert.ok(last.stats.from > 0 && last.stats.removed > 0, JSON.stringify(last.stats));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("an element in a scrolling box: what the box shows is painted, far text is not, and scrolling the box repaints", async () => {
  const paragraph = "Vladimir Putin met Donald Trump in Budapest on Thursday, and Angela Merkel spoke in Paris.";
  const paragraphs = 600; // ~54,000 UTF-16 units
  // The element is as tall as its text; the box around it scrolls (as the page's editor does).
  const page = await openPage(
    `<div id="box" style="height: 300px; overflow: auto; width: 700px"><article id="long">${`<p>${paragraph}</p>`.repeat(paragraphs)}</article></div>`,
  );
  /** Which paragraphs (by index) have a person range, and the painter's stats. */
  const painted = () =>
    page.evaluate(() => {
      const ps = [...document.querySelectorAll("#long p")];
      const index = new Map(ps.map((p, i) => [p.firstChild, i]));
      const at = [...CSS.highlights.get("newsmark-person")].map((r) => index.get(r.startContainer));
      return { stats: window.h.stats, length: window.h.text.length, min: Math.min(...at), max: Math.max(...at) };
    });
  await page.evaluate(async () => {
    window.h = await newsmark.createHighlighter(document.getElementById("long"), { referenceDate: "2025-10-16" });
  });
  const top = await painted();
  // ~92 characters a paragraph: the painted part is the box's few paragraphs and a margin
  // (4,000 units, some 45 paragraphs each side), not the 600 the window's height would reach.
  assert.equal(top.min, 0, JSON.stringify(top));
  assert.ok(top.max < 120, `painted down to paragraph ${top.max}: ${JSON.stringify(top)}`);
  assert.ok(top.stats.to < top.length / 4, JSON.stringify(top));
  // Scroll the box (not the window) to the middle: the paragraphs now in view are painted, both
  // ends of the text are not.
  const middle = await page.evaluate(() => {
    const box = document.getElementById("box");
    const p = document.querySelectorAll("#long p")[300];
    box.scrollTop = p.offsetTop - box.offsetTop;
    const rect = box.getBoundingClientRect();
    const ps = [...document.querySelectorAll("#long p")];
    const seen = ps.map((p, i) => [i, p.getBoundingClientRect()]).filter(([, r]) => r.bottom > rect.top && r.top < rect.bottom);
    return { first: seen[0][0], last: seen.at(-1)[0] };
  });
  assert.ok(middle.first >= 295 && middle.first <= 305, JSON.stringify(middle));
  await page.waitForFunction(() => window.h.stats.from > 0);
  const after = await painted();
  assert.ok(after.min <= middle.first && after.max >= middle.last, `in view ${JSON.stringify(middle)}, painted ${JSON.stringify(after)}`);
  assert.ok(after.min > 150 && after.max < 450, `far text painted: ${JSON.stringify(after)}`);
  const ranges = await page.evaluate(() => [...CSS.highlights.get("newsmark-person")].length);
  assert.ok(ranges < 3 * 100, `${ranges} person ranges`);
  // Typing near what is seen repaints only there: the painted part moves with the edit.
  await page.evaluate(() => {
    const text = document.querySelectorAll("#long p")[300].firstChild;
    text.insertData(0, "Emmanuel Macron said so. ");
  });
  await page.waitForFunction(() => [...CSS.highlights.get("newsmark-person")].some((r) => r.toString() === "Emmanuel Macron"));
  const typed = await painted();
  assert.ok(typed.stats.added < 20 && typed.min > 150 && typed.max < 450, JSON.stringify(typed));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the fallback's boxes are clipped to the scrolling box around the element", async () => {
  const paragraph = "Vladimir Putin met Donald Trump in Budapest on Thursday.";
  const page = await openPage(
    `<div id="box" style="height: 200px; overflow: auto; width: 600px; margin-top: 50px"><article id="a">${`<p>${paragraph}</p>`.repeat(40)}</article></div>`,
    {
      init: () => {
        delete CSS.highlights;
        delete window.Highlight;
      },
    },
  );
  const outside = () =>
    page.evaluate(() => {
      const box = document.getElementById("box").getBoundingClientRect();
      const boxes = [...document.querySelectorAll(".newsmark-box")].map((b) => b.getBoundingClientRect());
      const layer = document.querySelector(".newsmark-overlay").getBoundingClientRect();
      return {
        boxes: boxes.length,
        outside: boxes.filter((b) => b.bottom <= box.top || b.top >= box.bottom).length,
        layer: layer.top >= box.top - 1 && layer.bottom <= box.bottom + 1,
        firstTop: boxes.length ? Math.min(...boxes.map((b) => b.top)) - box.top : null,
      };
    });
  await page.evaluate(async () => {
    window.h = await newsmark.createHighlighter(document.getElementById("a"), { referenceDate: "2025-10-16" });
  });
  const top = await outside();
  assert.ok(top.boxes > 0 && top.outside === 0 && top.layer, JSON.stringify(top));
  await page.evaluate(() => {
    document.getElementById("box").scrollTop = 600;
  });
  await page.waitForFunction(() => {
    const box = document.getElementById("box").getBoundingClientRect();
    return [...document.querySelectorAll(".newsmark-box")].every((b) => b.getBoundingClientRect().bottom > box.top);
  });
  const scrolled = await outside();
  assert.ok(scrolled.boxes > 0 && scrolled.outside === 0 && scrolled.layer, JSON.stringify(scrolled));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("kinds, clear, setOptions and destroy; bad input gets clear errors", async () => {
  const page = await openPage(`<article id="a">${ARTICLE}</article>`);
  const result = await page.evaluate(async () => {
    const count = () => Object.fromEntries([...CSS.highlights].map(([name, h]) => [name, h.size]).filter(([, n]) => n));
    const h = await newsmark.createHighlighter(document.getElementById("a"), { kinds: ["place"], live: false });
    const onlyPlaces = count();
    await h.setOptions({ kinds: ["date"], referenceDate: "2024-01-01" });
    const dates = count();
    const value = h.analysis.spans.find((s) => s.kind === "date").value;
    h.clear();
    const cleared = count();
    await h.update();
    h.destroy();
    const destroyed = count();
    const errors = [];
    for (const make of [
      () => newsmark.createHighlighter(null),
      () => newsmark.createHighlighter(document.body, { kind: ["person"] }),
      () => newsmark.createHighlighter(document.body, { kinds: ["people"] }),
      () => newsmark.createHighlighter(document.body, { referenceDate: "16/10/2025" }),
    ]) {
      await make().then(() => errors.push("no error"), (error) => errors.push(error.message));
    }
    const afterDestroy = await h.update().then(() => "no error", (error) => error.message);
    return { onlyPlaces, dates, value, cleared, destroyed, errors, afterDestroy };
  });
  assert.deepEqual(result.onlyPlaces, { "newsmark-place": 2 });
  assert.deepEqual(result.dates, { "newsmark-date": 1 });
  assert.match(result.value, /^2023-12-28$/, "Thursday before Monday 2024-01-01");
  assert.deepEqual(result.cleared, {});
  assert.deepEqual(result.destroyed, {});
  assert.match(result.errors[0], /needs a DOM element/);
  assert.match(result.errors[1], /unknown newsmark highlighter option "kind"/);
  assert.match(result.errors[2], /unknown newsmark kind "people"/);
  assert.match(result.errors[3], /malformed reference date/);
  assert.match(result.afterDestroy, /destroyed/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("newsmark/client in the browser: a worker, newest request wins; createHighlighter analyzes through it", async () => {
  const page = await openPage(`<article id="a">${ARTICLE}</article>`);
  const result = await page.evaluate(async () => {
    const { createClient } = await import("/js/client.js");
    const client = await createClient({ referenceDate: "2025-10-16" });
    const answers = await Promise.all(["One.", "Two.", document.getElementById("a").textContent].map((t) => client.analyze(t)));
    const h = await newsmark.createHighlighter(document.getElementById("a"), { client });
    const places = [...CSS.highlights.get("newsmark-place")].map((r) => r.toString()).sort();
    h.destroy();
    client.close();
    return { mode: client.mode, nulls: answers.map((a) => a === null), places };
  });
  assert.equal(result.mode, "worker");
  assert.deepEqual(result.nulls, [true, true, false]);
  assert.deepEqual(result.places, ["Budapest", "Paris"]);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the fallback on <body> itself: its own layer is neither read nor taken for an edit", async () => {
  const page = await openPage(`<p>Vladimir Putin met Donald Trump in Budapest.</p>`);
  const result = await page.evaluate(async () => {
    let updates = 0;
    const h = await newsmark.createHighlighter(document.body, { fallback: true, onUpdate: () => (updates += 1) });
    for (let i = 0; i < 5; i++) await new Promise(requestAnimationFrame);
    window.dispatchEvent(new Event("resize")); // the layer is drawn again
    for (let i = 0; i < 5; i++) await new Promise(requestAnimationFrame);
    return { updates, text: h.text, boxes: document.querySelectorAll(".newsmark-box").length };
  });
  assert.deepEqual(result, { updates: 1, text: "Vladimir Putin met Donald Trump in Budapest.", boxes: 3 });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("offsetAt, offsetOf and rangeOf map between the text's offsets and the page", async () => {
  const page = await openPage(`<article id="a">${ARTICLE}</article>`);
  const result = await page.evaluate(async () => {
    const article = document.getElementById("a");
    const h = await newsmark.createHighlighter(article, { live: false });
    const wrong = h.analysis.spans.filter((s) => h.rangeOf(s.start, s.end).toString() !== s.text).map((s) => s.text);
    const budapest = h.analysis.spans.find((s) => s.text === "Budapest");
    const rect = h.rangeOf(budapest.start, budapest.end).getBoundingClientRect();
    const at = h.offsetAt(rect.left + rect.width / 2, rect.top + rect.height / 2);
    const merkelNode = article.querySelector("em").firstChild;
    const caret = h.rangeOf(h.text.indexOf("Paris"));
    return {
      wrong,
      atInside: at >= budapest.start && at <= budapest.end,
      offsetOf: h.offsetOf(merkelNode, 7) === h.text.indexOf("Merkel"),
      outside: h.offsetOf(document.body, 0) === undefined && h.offsetAt(-5, -5) === undefined,
      caret: caret.collapsed && caret.startContainer.data.slice(caret.startOffset).startsWith("Paris"),
      past: h.rangeOf(0, h.text.length + 1) === undefined,
    };
  });
  assert.deepEqual(result, { wrong: [], atInside: true, offsetOf: true, outside: true, caret: true, past: true });
  assert.deepEqual(page.errors, []);
  await page.close();
});
