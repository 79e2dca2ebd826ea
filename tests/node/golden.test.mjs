// The golden cases of tests/golden/*.json (shared with the Rust tests), through the built
// package imported by name, as a user would.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { createAnalyzer } from "newsmark";

const root = new URL("../../", import.meta.url);
const folder = new URL("tests/golden/", root);
const cases = readdirSync(folder)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .flatMap((name) => JSON.parse(readFileSync(new URL(name, folder), "utf8")).cases);

function matches(span, item) {
  const textOk =
    item.text !== undefined ? span.text === item.text : span.text.startsWith(item.textStartsWith);
  return (
    textOk &&
    (item.kind === undefined || span.kind === item.kind) &&
    (item.value === undefined || span.value === item.value) &&
    (item.cue === undefined || span.cue === item.cue) &&
    (item.mod === undefined || span.mod === item.mod) &&
    (item.zone === undefined || span.zone === item.zone) &&
    (item.quote === undefined || span.quote === item.quote) &&
    (item.speaker === undefined || span.speaker?.text === item.speaker) &&
    (item.valueLike === undefined || new RegExp(item.valueLike).test(span.value ?? ""))
  );
}

const TEMPORAL = new Set(["date", "time", "duration", "set"]);

// One analyzer per reference date: building one compiles the date patterns.
const analyzers = new Map();
function analyzerFor(referenceDate) {
  if (!analyzers.has(referenceDate)) analyzers.set(referenceDate, createAnalyzer({ referenceDate }));
  return analyzers.get(referenceDate);
}

for (const golden of cases) {
  test(`golden: ${golden.name}`, async () => {
    const text = golden.file ? readFileSync(new URL(golden.file, root), "utf8") : golden.text;
    const analyzer = await analyzerFor(golden.referenceDate ?? null);
    const { spans } = analyzer.analyze(text);
    for (const item of golden.expect ?? []) {
      assert.ok(spans.some((s) => matches(s, item)), `expected ${JSON.stringify(item)}`);
    }
    if (golden.onlyDates) {
      for (const span of spans.filter((s) => TEMPORAL.has(s.kind))) {
        const expected = (golden.expect ?? []).some((item) => matches(span, item));
        assert.ok(expected, `found ${JSON.stringify(span)}, not expected`);
      }
    }
    for (const item of golden.reject ?? []) {
      const found = spans.find((s) => matches(s, item));
      assert.equal(found, undefined, `rejected ${JSON.stringify(item)}`);
    }
    for (const group of golden.sameEntity ?? []) {
      const ids = group.map((t) => spans.find((s) => s.text === t && s.entity !== undefined)?.entity);
      assert.notEqual(ids[0], undefined, `${group[0]} is an entity`);
      assert.ok(ids.every((id) => id === ids[0]), `${group} are one entity: ${ids}`);
    }
  });
}
