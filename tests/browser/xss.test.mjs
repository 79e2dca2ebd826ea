// XSS payloads on the page: pasted (a real Ctrl+V of text/html + text/plain), typed, dropped as
// a .txt and as an .html file, and loaded as the sample article (the sample request answered
// with the payloads) must render as text and execute nothing: no dialog, no request for anything
// but the page's own files, no new script (or other active) element, no global set by a payload.
// Needs `npm run build:site`.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { serve } from "../../scripts/serve.mjs";
import { launchChromium } from "../support/browser.mjs";
import { dropFile } from "./support.mjs";

const WWW = fileURLToPath(new URL("../../www", import.meta.url));

const PAYLOADS = [
  `<script>window.__xss=1;alert(1)</script>`,
  `<img src=x onerror="window.__xss=2;alert(2)">`,
  `<svg onload=alert(3)><svg/onload=alert(4)>`,
  `<iframe src="javascript:alert(5)"></iframe>`,
  `<iframe srcdoc="<script>parent.alert(6)</script>"></iframe>`,
  `<a href="javascript:alert(7)">click</a>`,
  `<body onload=alert(8)>`,
  `<details open ontoggle=alert(9)>`,
  `<input autofocus onfocus=alert(10)>`,
  `<video><source onerror="alert(11)"></video>`,
  `<object data="javascript:alert(12)"></object>`,
  `<embed src="http://evil.example/x.swf">`,
  `<link rel=stylesheet href="http://evil.example/x.css">`,
  `<meta http-equiv="refresh" content="0;url=http://evil.example/">`,
  `<base href="http://evil.example/">`,
  `<style>@import "http://evil.example/y.css"; body{background:url(http://evil.example/z.png)}</style>`,
  `<img src="http://evil.example/pixel.gif">`,
  `<form action="http://evil.example/"><button>go</button></form>`,
  `"><script>alert(13)</script>`,
  `'-alert(14)-'`,
  "`${alert(15)}`",
  `</textarea><script>alert(16)</script>`,
  `</mark><script>alert(17)</script><mark>`,
  `<scr<script>ipt>alert(18)</scr</script>ipt>`,
  `&lt;script&gt;alert(19)&lt;/script&gt; &#60;script&#62;alert(20)&#60;/script&#62;`,
  `javascript:alert(21)`,
  `data:text/html,<script>alert(22)</script>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(23)>`,
  `<noscript><p title="</noscript><img src=x onerror=alert(24)>">`,
  `{{constructor.constructor('alert(25)')()}}`,
  `\u202e<script>alert(26)</script>\u0000<img src=x onerror=alert(27)>`,
  `<template><script>alert(28)</script></template>`,
  `<x contenteditable onblur=alert(29)>lose focus</x>`,
];
// The payloads in news text, so they also land inside entities, quotes and dates.
const ARTICLE = PAYLOADS.map(
  (payload, i) => `President Trump said on Thursday: “${payload}” ${i % 2 ? "in Budapest" : ""} ${payload}`,
).join("\n\n");

// Elements through which markup can run script or reach the network.
const ACTIVE = [
  "script", "iframe", "frame", "img", "svg", "object", "embed", "link", "meta", "base", "style",
  "form", "video", "audio", "source", "input", "details", "math", "template", "noscript", "body",
  "a", "x", "image", "use", "foreignobject",
];

let browser;
let site;

before(async () => {
  if (!existsSync(`${WWW}/newsmark/js/browser.js`)) {
    throw new Error("www/newsmark/ is missing: run `npm run build:site` first");
  }
  site = await serve(WWW, 0);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** Opens the page, recording dialogs, requests off the origin and elements added to the DOM. */
async function open(query, { sampleBody } = {}) {
  const origin = new URL(site.url).origin;
  const context = await browser.newContext();
  context.setDefaultTimeout(15_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  const page = await context.newPage();
  const seen = { dialogs: [], offOrigin: [], notOwnFiles: [] };
  page.on("dialog", async (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`)) seen.offOrigin.push(url);
    else if (!isOwnFile(new URL(url).pathname)) seen.notOwnFiles.push(url);
  });
  // Any off-origin request is also blocked, so a leak cannot reach the network.
  await page.route((url) => url.origin !== origin, (route) => route.abort());
  if (sampleBody !== undefined) {
    await page.route("**/sample.txt", (route) =>
      route.fulfill({ status: 200, contentType: "text/plain; charset=utf-8", body: sampleBody }),
    );
  }
  await page.addInitScript(() => {
    window.__added = [];
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue;
          // Event-handler attributes can only come from parsed markup: the page sets none.
          const handlers = [...node.attributes].some((a) => a.name.toLowerCase().startsWith("on"));
          window.__added.push({ name: node.nodeName.toLowerCase(), className: node.className, handlers });
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${site.url}index.html${query}`);
  await page.waitForFunction(
    () => ["ready", "error"].includes(document.getElementById("status")?.dataset.state),
    undefined,
    { timeout: 20_000 },
  );
  assert.equal(await page.getAttribute("#status", "data-state"), "ready");
  // From here on, only elements the page adds while rendering count.
  await page.evaluate(() => (window.__added = []));
  return { page, seen };
}

/** Whether `path` names a file of the site: `<img src=x>` would ask the page's origin for /x. */
function isOwnFile(path) {
  const file = `${WWW}${decodeURIComponent(path === "/" ? "/index.html" : path)}`;
  return !file.includes("/../") && existsSync(file) && statSync(file).isFile();
}

async function shownAsText(page, text) {
  await page.waitForFunction((t) => window.newsmark.editorText() === t && window.newsmark.text() === t, text, {
    timeout: 15_000,
  });
}

async function executedNothing(page, seen) {
  await page.waitForTimeout(200); // let any onerror/onload that was going to fire, fire
  const state = await page.evaluate((ACTIVE) => ({
    xss: typeof window.__xss,
    // The page adds its own <mark>s, lines, list items and collapsible sidebar groups
    // (<details class="group">); nothing a payload could bring in.
    added: window.__added
      .filter(({ name, className, handlers }) =>
        handlers || (ACTIVE.includes(name) && !(name === "details" && className === "group")))
      .map(({ name }) => name),
    active: document.querySelectorAll(
      "#article *:not(br, div), #marks *:not(mark), iframe, object, embed, img, svg image, video, form, base, meta[http-equiv]",
    ).length,
  }), ACTIVE);
  assert.deepEqual(state, { xss: "undefined", added: [], active: 0 }, "nothing from the payloads in the DOM");
  assert.deepEqual(seen.dialogs, [], "no dialog");
  assert.deepEqual(seen.offOrigin, [], "no request outside the page's origin");
  assert.deepEqual(seen.notOwnFiles, [], "no request on the page's origin but for its own files");
  await page.context().close();
}

for (const render of ["highlights", "marks"]) {
  const query = render === "marks" ? "?render=marks" : "";

  test(`XSS payloads pasted are shown as text and run nothing (${render})`, async () => {
    const { page, seen } = await open(query);
    await page.evaluate(async (text) => {
      await navigator.clipboard.write([
        new ClipboardItem({
          "text/html": new Blob([text], { type: "text/html" }),
          "text/plain": new Blob([text], { type: "text/plain" }),
        }),
      ]);
    }, ARTICLE);
    await page.focus("#article");
    await page.keyboard.press("Control+V");
    await shownAsText(page, ARTICLE);
    await executedNothing(page, seen);
  });

  test(`XSS payloads typed one by one are shown as text and run nothing (${render})`, async () => {
    const { page, seen } = await open(query);
    for (const payload of PAYLOADS) {
      await page.fill("#article", payload);
      await shownAsText(page, payload);
    }
    await executedNothing(page, seen);
  });

  test(`XSS payloads loaded as the sample are shown as text and run nothing (${render})`, async () => {
    const { page, seen } = await open(query, { sampleBody: ARTICLE });
    await page.click("#sample");
    await shownAsText(page, ARTICLE);
    await executedNothing(page, seen);
  });

  test(`XSS payloads dropped as a .txt and as an .html file are shown as text and run nothing (${render})`, async () => {
    const { page, seen } = await open(query);
    const drop = async (name, type, content) =>
      (await dropFile(page, name, type, content)).dropPrevented;

    assert.equal(await drop("payloads.txt", "text/plain", ARTICLE), true, "the page handles the drop");
    await shownAsText(page, ARTICLE);

    // The payloads as escaped text (to be shown), then as markup (to be dropped, never run).
    const html =
      `<!doctype html><html><head><title>t</title>${PAYLOADS[0]}</head><body><article>` +
      PAYLOADS.map((payload) => `<p>Trump said on Thursday: “${escapeHtml(payload)}”</p>`).join("\n") +
      PAYLOADS.join("\n") +
      `</article></body></html>`;
    assert.equal(await drop("payloads.html", "text/html", html), true, "the page handles the drop");
    await page.waitForFunction(
      () => {
        const value = window.newsmark.editorText();
        const output = document.getElementById("article");
        return value.includes("Trump said on Thursday") && output.dataset.analyzed === "true" && window.newsmark.text() === value;
      },
      undefined,
      { timeout: 15_000 },
    );
    const shown = await page.evaluate(() => window.newsmark.editorText());
    // (NUL is not kept by the HTML parser.)
    for (const payload of PAYLOADS.filter((p) => !p.includes("\u0000"))) {
      assert.ok(shown.includes(`“${payload}”`), `shown as text: ${payload}`);
    }
    await executedNothing(page, seen);
  });
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
