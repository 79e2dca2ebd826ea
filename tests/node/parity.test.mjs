// The native CLI (`newsmark annotate`) and the wasm package agree on the sample article.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { createAnalyzer } from "newsmark";

const root = new URL("../../", import.meta.url);
const cli = fileURLToPath(new URL("target/release/newsmark", root));
const text = readFileSync(new URL("www/sample.txt", root), "utf8");

/** Code-point index of each UTF-16 index of `text`. */
function codePointIndex(text) {
  const index = new Array(text.length + 1);
  let codePoints = 0;
  for (let i = 0; i <= text.length; i++) {
    index[i] = codePoints;
    const unit = text.charCodeAt(i);
    const pair = unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) index[++i] = codePoints;
    codePoints++;
  }
  return index;
}

const LABELS = {
  person: "PERSON", organization: "ORG", place: "PLACE", misc: "MISC",
  date: "DATE", time: "TIME", duration: "DURATION", set: "SET", quote: "QUOTE",
};

const key = (s) => JSON.stringify([s.start, s.end, s.label, s.value ?? null, s.speaker ?? null]);

test("native annotate and the wasm package give the same spans on the sample", async () => {
  assert.ok(existsSync(cli), `${cli} is missing: run \`cargo build --release --bin newsmark\``);
  const input = JSON.stringify({ id: "sample", text, dct: "2025-10-16" }) + "\n";
  const run = spawnSync(cli, ["annotate"], { input, encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  const native = JSON.parse(run.stdout).spans.map(key).sort();

  const analyzer = await createAnalyzer({ referenceDate: "2025-10-16" });
  const cp = codePointIndex(text);
  const wasm = analyzer
    .analyze(text)
    .spans.map((s) =>
      key({
        start: cp[s.start],
        end: cp[s.end],
        label: LABELS[s.kind],
        value: s.value,
        speaker: s.speaker?.text,
      }),
    )
    .sort();
  assert.ok(native.length > 10, "the sample has many spans");
  assert.deepEqual(wasm, native);
});
