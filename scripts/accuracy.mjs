// Accuracy floors: runs `newsmark eval --json` on the dev corpora and compares each figure with
// the one recorded in tests/accuracy/*.json (one file per layer). Fails when a figure falls more
// than 0.01 below its record; says so when one rises above it (then record the new figure).
// `node scripts/accuracy.mjs [CORPUS_DIR]` (default ../shared/corpus), after a release build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./run.mjs";

const TOLERANCE = 0.01;
const corpusDir = process.argv[2] ?? join(ROOT, "..", "shared", "corpus");
const cli = join(ROOT, "target", "release", "newsmark");
const recordsDir = join(ROOT, "tests", "accuracy");

const scores = new Map();
function scoreOf(corpus) {
  if (!scores.has(corpus)) {
    const run = spawnSync(cli, ["eval", join(corpusDir, corpus), "--json", "--speaker-entities"], {
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
    if (run.status !== 0) throw new Error(`newsmark eval ${corpus} failed:\n${run.stderr}`);
    scores.set(corpus, JSON.parse(run.stdout));
  }
  return scores.get(corpus);
}

const figureAt = (score, metric) => metric.split(".").reduce((value, key) => value?.[key], score);

if (!existsSync(corpusDir)) {
  console.log(`accuracy: no corpus at ${corpusDir}; floors not checked`);
  process.exit(0);
}
if (!existsSync(cli)) {
  console.error(`accuracy: ${cli} is missing: run \`cargo build --release\` first`);
  process.exit(1);
}

let failures = 0;
console.log(`accuracy floors (a figure may fall at most ${TOLERANCE} below its record)`);
for (const file of readdirSync(recordsDir).filter((f) => f.endsWith(".json")).sort()) {
  const { figures } = JSON.parse(readFileSync(join(recordsDir, file), "utf8"));
  for (const { corpus, metric, recorded } of figures) {
    const actual = figureAt(scoreOf(corpus), metric);
    let verdict = "ok";
    if (typeof actual !== "number" || actual < recorded - TOLERANCE) {
      verdict = "FAILED";
      failures++;
    } else if (actual > recorded + TOLERANCE) {
      verdict = "improved: record the new figure";
    }
    const shown = typeof actual === "number" ? actual.toFixed(3) : String(actual);
    console.log(`  ${corpus.padEnd(26)} ${metric.padEnd(32)} recorded ${recorded.toFixed(3)}  now ${shown}  ${verdict}`);
  }
}
console.log(failures ? `accuracy: ${failures} figure(s) below the floor` : "accuracy: every figure at or above its floor");
process.exit(failures ? 1 : 0);
