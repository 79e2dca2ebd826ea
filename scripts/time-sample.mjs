// Prints how long `analyze` takes on the sample article in Node (the built package), and the
// .wasm size. A measurement, not a test: `node scripts/time-sample.mjs` after `npm run build`.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createAnalyzer } from "newsmark";

const root = new URL("../", import.meta.url);
const text = readFileSync(new URL("www/sample.txt", root), "utf8");
const wasm = readFileSync(new URL("dist/newsmark_bg.wasm", root));

let started = performance.now();
const analyzer = await createAnalyzer({ referenceDate: "2025-10-16" });
const loadMs = performance.now() - started;

for (let i = 0; i < 50; i++) analyzer.analyze(text); // warm-up
const times = [];
for (let i = 0; i < 500; i++) {
  started = performance.now();
  analyzer.analyze(text);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const at = (q) => times[Math.floor(q * (times.length - 1))].toFixed(3);
const kb = (n) => (n / 1024).toFixed(1);
console.log(`wasm: ${kb(wasm.length)} KB raw, ${kb(gzipSync(wasm, { level: 9 }).length)} KB gzip`);
console.log(`createAnalyzer (load + build): ${loadMs.toFixed(1)} ms`);
console.log(
  `analyze(sample, ${text.length} chars, ${analyzer.analyze(text).spans.length} spans): ` +
    `median ${at(0.5)} ms, p95 ${at(0.95)} ms over ${times.length} runs`,
);
