// Browser tests of using the page without a mouse or a big screen: keyboard-only use, the
// accessibility tree, contrast, 360 px, touch, highlight-to-highlight steps and the sidebar
// scroller. Needs `npm run build:site` first.
import { describe, test } from "node:test";
import assert from "node:assert/strict";

import {
  KINDS, SAMPLE, SHOTS, articleText, close, loadSample, open, settled, useSite, waitFor,
} from "./support.mjs";

useSite();

function relativeLuminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = (c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a, b) {
  const [x, y] = [relativeLuminance(a), relativeLuminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe("newsmark page as a tool: access", () => {
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
