// Entry point for Node, where fetch() cannot read file: URLs: the .wasm is read from disk.
import { readFile } from "node:fs/promises";
import { createAnalyzerFrom } from "./analyzer.js";

/** @type {import("./index.d.ts").createAnalyzer} */
export function createAnalyzer(options) {
  return createAnalyzerFrom(
    () => readFile(new URL("../dist/newsmark_bg.wasm", import.meta.url)),
    options,
  );
}

/** @type {import("./index.d.ts").createHighlighter} */
export async function createHighlighter() {
  throw new Error("newsmark: createHighlighter paints a page's DOM and needs a browser; in Node use createAnalyzer");
}
