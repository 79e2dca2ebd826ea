// What createHighlighter hands the painter: span triples and the kinds mask (js/spans.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { kindMask, spanTriples } from "../../js/spans.js";

const KINDS = ["person", "organization", "place", "misc", "date", "time", "duration", "set", "quote"];

test("spanTriples: [start, end, kind number] per span; malformed and unknown spans left out", () => {
  const spans = [
    { kind: "person", start: 0, end: 14, text: "Vladimir Putin" },
    { kind: "quote", start: 20, end: 40 },
    { kind: "date", start: 45, end: 53 },
    { kind: "nonsense", start: 1, end: 2 },
    { kind: "place", start: 9, end: 9 },
    { kind: "place", start: 2.5, end: 9 },
    { kind: "place", start: -1, end: 9 },
    null,
  ];
  const triples = spanTriples(spans, KINDS);
  assert.ok(triples instanceof Uint32Array);
  assert.deepEqual([...triples], [0, 14, 0, 20, 40, 8, 45, 53, 4]);
  assert.deepEqual([...spanTriples([], KINDS)], []);
});

test("kindMask: all kinds by default; a bit per kind named; unknown kinds named in the error", () => {
  assert.equal(kindMask(undefined, KINDS), 0b111111111);
  assert.equal(kindMask(["person", "quote"], KINDS), 0b100000001);
  assert.equal(kindMask([], KINDS), 0);
  assert.throws(() => kindMask(["people"], KINDS), /unknown newsmark kind "people"/);
  assert.throws(() => kindMask("person", KINDS), /kinds must be an array/);
});
