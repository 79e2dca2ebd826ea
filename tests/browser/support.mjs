// Shared by the browser tests: serves www/ (scripts/serve.mjs), drives headless Chromium, and
// waits on conditions rather than time.
import { after, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { serve } from "../../scripts/serve.mjs";
import { launchChromium } from "../support/browser.mjs";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const WWW = `${ROOT}www`;
export const SHOTS = `${ROOT}target/screenshots`;
const BUILT = `${WWW}/newsmark/js/browser.js`;
export const SAMPLE = readFileSync(`${WWW}/sample.txt`, "utf8");
export const SAMPLE_DATE = "2025-10-16";
export const KINDS = ["person", "organization", "place", "misc", "date", "time", "duration", "set", "quote"];
export const PAYLOAD = "<img src=x onerror=alert(1)><script>window.__pwned=1</script>";

export let browser;
export let site;

/** Serves www/ and launches Chromium before a test file's tests; closes both after them. */
export function useSite() {
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
}

// ---------------------------------------------------------------------------------------------
// Helpers

/**
 * Opens the page in a fresh context and waits until the analyzer is ready. Records page errors,
 * console errors and dialogs on `page.problems`.
 */
export async function open({ query = "", viewport = { width: 1280, height: 900 }, colorScheme = "light", init, route, wait = true, clipboard = false, hasTouch = false } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, hasTouch });
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

export async function ready(page) {
  await waitFor(
    page,
    () => ["ready", "busy", "error"].includes(document.getElementById("status").dataset.state),
    "the status to leave “loading”",
    undefined,
    20_000,
  );
  // "busy": loaded, and already analyzing the text typed while it loaded (the first analysis
  // also compiles the date patterns, so it can take long enough to show).
  const status = await page.locator("#status").evaluate((el) => [el.dataset.state, el.textContent]);
  assert.notEqual(status[0], "error", `the analyzer did not load: ${status[1]}`);
}

/**
 * Drops a file with `content` onto the article, as a drag from the desktop would; says whether
 * the page took the dragover and the drop (prevented their defaults).
 */
export function dropFile(page, name, type, content) {
  return page.evaluate(
    ([name, type, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content], name, { type }));
      const target = document.getElementById("article");
      const over = new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true });
      target.dispatchEvent(over);
      const dropped = new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true });
      target.dispatchEvent(dropped);
      return { overPrevented: over.defaultPrevented, dropPrevented: dropped.defaultPrevented };
    },
    [name, type, content],
  );
}

/**
 * Replaces the article's text at once, as a paste does (one input event). The article is the
 * one editable pane (#article, contenteditable): its text is its text nodes' text.
 */
export function setArticle(page, text) {
  return page.evaluate((value) => {
    const article = document.getElementById("article");
    article.textContent = value;
    article.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, text);
}

/** The article's text, as the editor holds it. */
export function articleText(page) {
  return page.evaluate(() => window.newsmark.editorText());
}

/**
 * Puts the caret (or, with `end`, the selection) at UTF-16 offsets of the article's text,
 * through the DOM Selection API, as a click or the arrow keys would.
 */
export function placeCaret(page, offset, end = offset) {
  return page.evaluate(
    ([from, to]) => {
      const article = document.getElementById("article");
      article.focus();
      // Where each text node starts in the text, as the page reads it (one <div> a line).
      const point = (at) => {
        const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
        let last = null;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const start = window.newsmark.offsetOf(node, 0);
          if (at <= start + node.length) return [node, Math.max(0, at - start)];
          last = node;
        }
        return last ? [last, last.length] : [article, 0];
      };
      const range = document.createRange();
      range.setStart(...point(from));
      range.setEnd(...point(to));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    },
    [offset, end],
  );
}

/** page.waitForFunction with a message that says what was awaited. */
export async function waitFor(page, predicate, what, arg, timeout = 10_000) {
  try {
    await page.waitForFunction(predicate, arg, { timeout, polling: "raf" });
  } catch (error) {
    throw new Error(`timed out waiting for ${what}: ${error.message.split("\n")[0]}`);
  }
}

export async function close(page) {
  const problems = page.problems;
  await page.context().close();
  assert.deepEqual(problems.errors, [], "no errors in the page");
}

/** Clicks “Sample article” and waits until the analysed sample is on screen, sidebar included. */
export async function loadSample(page) {
  await page.click("#sample");
  await waitFor(
    page,
    (sample) =>
      window.newsmark.editorText() === sample &&
      document.getElementById("article").dataset.analyzed === "true" &&
      document.getElementById("sidebar").dataset.revision === document.getElementById("article").dataset.revision,
    "the sample article analyzed in the editor",
    SAMPLE,
  );
}

/**
 * Waits for a whole-document analysis newer than `revision` (`#article[data-revision]` read before
 * the change) to be on screen, sidebar included: the sidebar follows a frame after the text.
 */
export async function newAnalysis(page, revision) {
  await waitFor(
    page,
    (r) => {
      const output = document.getElementById("article");
      return (
        output.dataset.revision !== r &&
        output.dataset.analyzed === "true" &&
        document.getElementById("sidebar").dataset.revision === output.dataset.revision
      );
    },
    "a new analysis, sidebar included",
    revision,
  );
}

/** The text of every range of the `newsmark-<kind>` highlight (null when it is not registered). */
export function highlightTexts(page, kind) {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    return highlight ? [...highlight].map((range) => range.toString()) : null;
  }, `newsmark-${kind}`);
}

export function highlightSizes(page) {
  return page.evaluate(
    (kinds) => Object.fromEntries(kinds.map((kind) => [kind, CSS.highlights.get(`newsmark-${kind}`)?.size ?? 0])),
    KINDS,
  );
}

export function legendCounts(page) {
  return page.$$eval("#legend .toggle", (buttons) =>
    Object.fromEntries(buttons.map((b) => [b.dataset.kind, Number(b.querySelector(".toggle-count").textContent)])),
  );
}

/** Centre of the first range of `kind` whose text is `text`, in viewport coordinates. */
export function rangePoint(page, kind, text) {
  return page.evaluate(
    ([name, wanted]) => {
      const range = [...(CSS.highlights.get(name) ?? [])].find((r) => r.toString() === wanted);
      const rect = range?.getClientRects()[0];
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    },
    [`newsmark-${kind}`, text],
  );
}

/** Waits until the output shows the editor's current text, analyzed, and the sidebar caught up. */
export function settled(page, timeout = 60_000) {
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
