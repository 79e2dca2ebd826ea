// `npm run bench`: newsmark's wasm package against compromise 14 (+ compromise-dates) and
// chrono-node 2, in one Node process, on the same documents: the dev corpora under
// ../shared/corpus and long synthetic articles built from them. A warm-up, then several rounds;
// prints documents/s and MB/s for each and newsmark's ratio to each, and the package sizes.
// A measurement, never a test: nothing here asserts on time. `-- --smoke` runs a second-long
// version for CI (four short documents, one round) that only checks the bench still runs.
// Needs `npm run build` first (it imports the built package, as a user would).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createAnalyzer } from "newsmark";
import nlp from "compromise";
import datesPlugin from "compromise-dates";
import * as chrono from "chrono-node";

const smoke = process.argv.includes("--smoke");
const root = new URL("../", import.meta.url);
const corpusDir = new URL("../shared/corpus/", root);
nlp.plugin(datesPlugin);

// --- documents -------------------------------------------------------------------------------
const docs = [];
for (const name of ["conll_dev", "gum_news_dev", "timebank_dev", "quotes_polnear_dev"]) {
  const file = new URL(`${name}.jsonl`, corpusDir);
  if (!existsSync(file)) continue;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line);
    docs.push({ text: doc.text, dct: doc.dct ?? null });
  }
}
if (docs.length === 0) {
  docs.push({ text: readFileSync(new URL("www/sample.txt", root), "utf8"), dct: "2025-10-16" });
}
// Long synthetic articles: consecutive corpus documents joined to ~50 KB each.
const long = [];
for (let i = 0, article = ""; i < docs.length && long.length < 4; i++) {
  article += docs[i].text + "\n\n";
  if (article.length >= 50_000) {
    long.push({ text: article, dct: docs[i].dct });
    article = "";
  }
}
// Every n-th corpus document (spread over all corpora), plus the long articles.
const maxShort = smoke ? 4 : 120;
const step = Math.max(1, Math.floor(docs.length / maxShort));
const set = docs.filter((_, i) => i % step === 0).slice(0, maxShort).concat(smoke ? [] : long);
const bytes = set.reduce((n, d) => n + Buffer.byteLength(d.text), 0);

// --- contenders ------------------------------------------------------------------------------
const analyzer = await createAnalyzer();
const peerErrors = new Set();
const contenders = {
  "newsmark (wasm, 3 layers)": (d) =>
    analyzer.analyze(d.text, { referenceDate: d.dct }).spans.length,
  "newsmark (wasm, dates only)": (d) =>
    analyzer.analyze(d.text, { referenceDate: d.dct, layers: ["dates"] }).spans.length,
  "chrono-node 2 (dates)": (d) =>
    chrono.parse(d.text, d.dct ? new Date(`${d.dct}T12:00:00Z`) : new Date()).length,
  "compromise 14 + dates (people, places, orgs, quotes, dates)": (d) => {
    const doc = nlp(d.text);
    let found =
      doc.people().json().length +
      doc.places().json().length +
      doc.organizations().json().length +
      doc.quotations().json().length;
    try {
      found += doc.dates(d.dct ? { today: d.dct } : {}).json().length;
    } catch {
      // compromise-dates 3.9 throws on some documents (spacetime "t.isValid is not a function")
      peerErrors.add(d);
    }
    return found;
  },
};

function round(fn) {
  const started = performance.now();
  let found = 0;
  for (const d of set) found += fn(d);
  return { secs: (performance.now() - started) / 1000, found };
}

const rounds = smoke ? 1 : 3;
console.log(
  `${set.length} documents (${smoke ? 0 : long.length} of them synthetic ~50 KB articles), ` +
    `${(bytes / 1e6).toFixed(2)} MB; ${smoke ? "smoke: no warm-up, 1 round" : `warm-up + best of ${rounds} rounds`}\n`,
);
const results = {};
for (const [name, fn] of Object.entries(contenders)) {
  if (!smoke) round(fn); // warm-up (JIT, caches)
  let best = Infinity;
  let found = 0;
  for (let r = 0; r < rounds; r++) {
    const result = round(fn);
    best = Math.min(best, result.secs);
    found = result.found;
  }
  results[name] = best;
  console.log(
    `${name.padEnd(62)} ${(set.length / best).toFixed(1).padStart(9)} docs/s ` +
      `${(bytes / 1e6 / best).toFixed(3).padStart(8)} MB/s  (${found} found)`,
  );
}
if (peerErrors.size) console.log(`(compromise-dates threw on ${peerErrors.size} of the documents; counted as done)`);
const [all, datesOnly, chronoName, compromiseName] = Object.keys(contenders);
const ratio = (a, b) => `${(results[b] / results[a]).toFixed(1)}×`;
console.log(`\nnewsmark, all 3 layers, vs chrono-node (dates only): ${ratio(all, chronoName)} the docs/s`);
console.log(`newsmark, dates only,   vs chrono-node:              ${ratio(datesOnly, chronoName)} the docs/s`);
console.log(`newsmark, all 3 layers, vs compromise + dates:       ${ratio(all, compromiseName)} the docs/s`);

// --- sizes -----------------------------------------------------------------------------------
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const size = (label, buffer) =>
  console.log(`${label.padEnd(40)} ${kb(buffer.length).padStart(10)} raw ${kb(gzipSync(buffer, { level: 9 }).length).padStart(10)} gzip`);
console.log("");
size("dist/newsmark_bg.wasm", readFileSync(new URL("dist/newsmark_bg.wasm", root)));
const js = ["dist/newsmark.js", "js/analyzer.js", "js/browser.js", "js/node.js"]
  .map((f) => readFileSync(new URL(f, root)));
size("newsmark JS (glue + entry points)", Buffer.concat(js));
// The peers as shipped: compromise's browser builds; chrono-node has no bundle, so the sum of
// its ES module files (unminified: an upper bound on what a bundler would ship).
const peer = (label, files) => {
  try {
    size(label, Buffer.concat(files.map((f) => readFileSync(new URL(`node_modules/${f}`, root)))));
  } catch {
    // peer sizes are informative only
  }
};
peer("compromise builds/compromise.js", ["compromise/builds/compromise.js"]);
peer("compromise-dates builds/*.min.js", ["compromise-dates/builds/compromise-dates.min.js"]);
const chronoDir = new URL("node_modules/chrono-node/dist/esm/", root);
const chronoFiles = readdirSync(chronoDir, { recursive: true })
  .filter((f) => f.endsWith(".js"))
  .map((f) => `chrono-node/dist/esm/${f}`);
peer(`chrono-node dist/esm (${chronoFiles.length} files)`, chronoFiles);
analyzer.free();
