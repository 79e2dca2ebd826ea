// Entry point for browsers and bundlers (Vite, webpack, Rollup): the .wasm is fetched from beside
// this file, a URL that bundlers recognize and copy into their output.
import { createAnalyzerFrom } from "./analyzer.js";
import { createHighlighterWith } from "./highlighter.js";

/** @type {import("./index.d.ts").createAnalyzer} */
export function createAnalyzer(options) {
  return createAnalyzerFrom(() => new URL("../dist/newsmark_bg.wasm", import.meta.url), options);
}

/** @type {import("./index.d.ts").createHighlighter} */
export function createHighlighter(element, options) {
  return createHighlighterWith(createAnalyzer, element, options);
}
