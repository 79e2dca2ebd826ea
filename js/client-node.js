// newsmark/client for Node: the same client as in browsers (js/client-core.js), on the main
// thread (Node has no Web Worker; each analysis runs in a task of its own).
import { createClientWith } from "./client-core.js";
import { createAnalyzer } from "./node.js";

/** @type {import("./index.d.ts").createClient} */
export function createClient(options) {
  return createClientWith({ createAnalyzer, createWorker: null }, options);
}
