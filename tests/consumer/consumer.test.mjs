// The package as a user gets it: `npm pack`, installed into a fresh project, then imported from
// Node, from a plain browser ES module (import map, no bundler) and from a Vite build, the last
// two opened in Chromium.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/serve.mjs";
import { launchChromium } from "../support/browser.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const project = mkdtempSync(join(tmpdir(), "newsmark-consumer-"));
const ARTICLE = "President Trump said Thursday he would meet Vladimir Putin in Budapest.";

function sh(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  assert.equal(result.status, 0, `${command} ${args.join(" ")}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

// Run in every consumer: prints what a user would check first.
const USER_CODE = `
const analyzer = await createAnalyzer({ referenceDate: "2025-10-16" });
const analysis = analyzer.analyze(${JSON.stringify(ARTICLE)});
const result = analysis.spans.map((s) => s.kind + ":" + s.text + (s.value ? "=" + s.value : ""));
`;

function checkResult(result) {
  assert.ok(result.includes("date:Thursday=2025-10-16"), result.join(", "));
  assert.ok(result.some((r) => r.startsWith("place:Budapest")), result.join(", "));
}

let packed;
before(() => {
  const [info] = JSON.parse(sh("npm", ["pack", "--json", "--pack-destination", project], root));
  packed = info;
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  sh("npm", ["install", "--no-audit", "--no-fund", "--offline", join(project, info.filename)], project);
});

after(() => rmSync(project, { recursive: true, force: true }));

test("the tarball holds only what a user needs", () => {
  const files = packed.files.map((f) => f.path).sort();
  assert.deepEqual(files, [
    "README.md",
    "dist/newsmark.js",
    "dist/newsmark_bg.wasm",
    "js/analyzer.js",
    "js/browser.js",
    "js/client-core.js",
    "js/client-node.js",
    "js/client.d.ts",
    "js/client.js",
    "js/highlighter.js",
    "js/highlights.css",
    "js/index.d.ts",
    "js/node.js",
    "js/protocol.js",
    "js/spans.js",
    "js/worker.js",
    "package.json",
  ]);
});

test("Node imports the installed package", () => {
  writeFileSync(
    join(project, "node-user.mjs"),
    `import { createAnalyzer } from "newsmark";\n${USER_CODE}\nconsole.log(JSON.stringify(result));\n`,
  );
  checkResult(JSON.parse(sh("node", ["node-user.mjs"], project)));
});

test("Node imports newsmark/client: newest request wins", () => {
  writeFileSync(
    join(project, "client-user.mjs"),
    `import { createClient } from "newsmark/client";
const client = await createClient({ referenceDate: "2025-10-16" });
const [old, newest] = await Promise.all([client.analyze("Old text."), client.analyze(${JSON.stringify(ARTICLE)})]);
client.close();
const result = newest.analysis.spans.map((s) => s.kind + ":" + s.text + (s.value ? "=" + s.value : ""));
console.log(JSON.stringify({ old, mode: client.mode, result }));\n`,
  );
  const { old, mode, result } = JSON.parse(sh("node", ["client-user.mjs"], project));
  assert.equal(old, null);
  assert.equal(mode, "main-thread");
  checkResult(result);
});

async function resultInChromium(url) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    await page.goto(url);
    await page.waitForFunction(() => window.result || window.failure, null, { timeout: 30000 });
    assert.deepEqual(errors, []);
    return await page.evaluate(() => window.result ?? window.failure);
  } finally {
    await browser.close();
  }
}

const BROWSER_CODE = `${USER_CODE}\nwindow.result = result;\n`;

test("a plain browser ES module imports the installed package (import map, no bundler)", async () => {
  writeFileSync(
    join(project, "plain.html"),
    `<!doctype html><link rel="icon" href="data:,"><script type="importmap">{"imports":{"newsmark":"./node_modules/newsmark/js/browser.js"}}</script>
<script type="module">import { createAnalyzer } from "newsmark";\n${BROWSER_CODE}</script>`,
  );
  const server = await serve(project);
  try {
    checkResult(await resultInChromium(`${server.url}plain.html`));
  } finally {
    await server.close();
  }
});

test("a Vite build of a page importing the package works in Chromium", async () => {
  const app = join(project, "vite-app");
  mkdirSync(app, { recursive: true });
  writeFileSync(
    join(app, "index.html"),
    `<!doctype html><link rel="icon" href="data:,"><p id="article">${ARTICLE}</p><script type="module" src="./main.js"></script>`,
  );
  writeFileSync(
    join(app, "main.js"),
    `import { createAnalyzer, createHighlighter } from "newsmark";
import { createClient } from "newsmark/client";
import "newsmark/highlights.css";
${USER_CODE}
const client = await createClient({ referenceDate: "2025-10-16" });
const viaClient = (await client.analyze(${JSON.stringify(ARTICLE)})).analysis.spans.length;
const h = await createHighlighter(document.getElementById("article"), { referenceDate: "2025-10-16", client });
const painted = CSS.highlights.get("newsmark-place").size;
const styled = getComputedStyle(document.documentElement).getPropertyValue("--newsmark-person").trim() !== "";
if (client.mode !== "worker" || viaClient !== analysis.spans.length || painted !== 1 || !styled || h.mode !== "highlights") {
  window.failure = [JSON.stringify({ mode: client.mode, viaClient, painted, styled, highlighter: h.mode })];
} else {
  window.result = result;
}
`,
  );
  sh("node", [join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], app);
  const server = await serve(join(app, "dist"));
  try {
    checkResult(await resultInChromium(server.url));
  } finally {
    await server.close();
  }
});
