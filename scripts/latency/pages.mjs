// The pages the latency bench types into: the article typed (news text), the page (or an older
// copy of the site, or the baseline page: the editable pane alone), served and opened with the
// bench's instrumentation (instrument.mjs). See scripts/latency.mjs.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { serve } from "../serve.mjs";
import { instrument } from "./instrument.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CORPUS = process.env.NEWSMARK_CORPUS ?? fileURLToPath(new URL("../../../shared/corpus/", import.meta.url));

/** `words` words of news text: the sample article, then corpus documents, cut at a word. */
export function article(words) {
  const texts = [readFileSync(`${ROOT}www/sample.txt`, "utf8").trim()];
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
export function middleOf(text) {
  const space = text.indexOf(" ", Math.floor(text.length / 2));
  return space < 0 ? text.length : space + 1;
}

export const TYPED = "and the minister said on Friday ";
// A keystroke that shows no frame within this long is an error, not a hang.
const SAMPLE_TIMEOUT_MS = 30_000;

// The baseline page: the editable pane alone, in the page's own layout and stylesheet, so it has the
// page's size and style (the other panes are left out; the grid's columns do not depend on them).
const BASELINE_PAGE = "__latency-baseline.html";
const BASELINE_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="stylesheet" href="style.css"></head>
<body>
  <main class="workspace">
    <section class="pane pane-article">
      <div class="editor-box" id="editor-box"><div id="article" class="editor" contenteditable="plaintext-only" spellcheck="true"></div></div>
    </section>
    <aside class="pane pane-side"></aside>
  </main>
</body>
</html>`;

/** Serves `root`, and the baseline page beside it (from memory, never written to the site). */
export async function serveSite(root) {
  const site = await serve(root, 0);
  // The file server's handler, put behind one that answers the baseline page's address.
  const [files] = site.server.listeners("request");
  site.server.removeAllListeners("request");
  site.server.on("request", (request, response) => {
    if (new URL(request.url, "http://x").pathname !== `/${BASELINE_PAGE}`) return files(request, response);
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    response.end(BASELINE_HTML);
  });
  return site;
}

/**
 * Opens the page at `site` with `query` (or, `plainOnly`, the baseline page) with `text` in its
 * editor, shown analyzed, and the editor focused. `type(key)` types one key and resolves to its
 * sample. The two-pane page of before (a textarea) is driven alike.
 */
export async function openPage(browser, site, text, { plainOnly = false, query = "", burst = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.addInitScript(instrument, { burst, plainOnly });
  await page.goto(`${site.url}${plainOnly ? BASELINE_PAGE : `index.html${query}`}`);
  if (!plainOnly) {
    await page.waitForFunction(() => document.getElementById("status").dataset.state === "ready", undefined, {
      polling: "raf",
    });
    // The quick analyzer warms up (compiles its date patterns: a one-off long task) when the
    // page is first idle; typing is measured after that, as a reader types after the page loads.
    await page
      .waitForFunction(() => window.newsmark?.quick?.analyzer, undefined, { timeout: 10_000 })
      .catch(() => console.warn("the quick analyzer did not load: typing is measured without it"));
  }
  // Paste-like: the whole text in one input event, then wait until it is shown analyzed.
  // A paste: the page's own paste handler where it has one (the one-pane page puts the text
  // in as lines), else the text in one text node, as the browser pastes it.
  await page.evaluate((value) => {
    const area = document.getElementById("article");
    if (!(area instanceof HTMLTextAreaElement)) {
      area.focus();
      const data = new DataTransfer();
      data.setData("text/plain", value);
      const paste = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
      if (!area.dispatchEvent(paste)) return; // handled (and the input event fired)
      area.textContent = value;
    } else {
      area.value = value;
    }
    area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, text);
  if (!plainOnly) await settled(page);
  await page.focus("#article");
  const startedTyping = await page.evaluate(() => {
    performance.clearMeasures();
    return performance.now();
  });
  return {
    page,
    size: () => page.$eval("#article", (area) => `${area.offsetWidth}x${area.offsetHeight}`),
    caret: (at) =>
      page.evaluate((at) => {
        const article = document.getElementById("article");
        if (article instanceof HTMLTextAreaElement) return article.setSelectionRange(at, at);
        // Where each text node starts in the text: as the page reads it (one <div> a line).
        const startOf = (node, seen) => window.newsmark?.offsetOf?.(node, 0) ?? seen; // (the baseline: no page)
        const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const start = startOf(node, seen);
          if (at <= start + node.length) return getSelection().collapse(node, Math.max(0, at - start));
          seen = start + node.length;
        }
        getSelection().collapse(article, article.childNodes.length);
      }, at),
    async type(key) {
      // The listener is in place before the key is sent: a frame painted before it was would
      // never be reported, and the bench would wait forever.
      await page.evaluate(() => {
        window.__bench.sampled = new Promise((resolve) => (window.__bench.onSample = resolve));
      });
      await page.keyboard.type(key);
      return page.evaluate((ms) => {
        let timer;
        const timeout = new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no frame within ${ms} ms of a keystroke`)), ms);
        });
        return Promise.race([window.__bench.sampled, timeout]).finally(() => clearTimeout(timer));
      }, SAMPLE_TIMEOUT_MS);
    },
    settled: () => (plainOnly ? null : settled(page)),
    longTasks: () =>
      page.evaluate((since) => window.__bench.longTasks.filter((task) => task.start >= since), startedTyping),
    async close() {
      await context.close();
      if (errors.length) throw new Error(`errors in the page: ${errors.join("; ")}`);
    },
  };
}

/** Waits until the page shows the editor's text with the whole document's analysis. */
function settled(page) {
  return page.waitForFunction(
    () => {
      const article = document.getElementById("article");
      const output = document.getElementById("output") ?? article;
      const text =
        article instanceof HTMLTextAreaElement ? article.value : (window.newsmark.editorText?.() ?? article.textContent);
      return output.dataset.analyzed === "true" && (window.newsmark.text?.() ?? window.newsmark.state.text) === text;
    },
    undefined,
    { polling: "raf" },
  );
}
