// The package's API through the built package: offsets, errors, shapes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createAnalyzer } from "newsmark";

const KINDS = ["person", "organization", "place", "misc", "date", "time", "duration", "set", "quote"];

/** Every offset in the analysis slices `text` to the strings the analysis reports. */
function assertOffsetsSliceText(text, analysis) {
  for (const span of analysis.spans) {
    assert.ok(KINDS.includes(span.kind), span.kind);
    assert.ok(0 <= span.start && span.start < span.end && span.end <= text.length);
    assert.equal(text.slice(span.start, span.end), span.text);
    if (span.speaker) assert.equal(text.slice(span.speaker.start, span.speaker.end), span.speaker.text);
  }
  for (let i = 1; i < analysis.spans.length; i++) {
    assert.ok(analysis.spans[i - 1].start <= analysis.spans[i].start, "spans sorted by start");
  }
}

const TRICKY = [
  "😀😀 Vladimir Putin met Donald Trump in Budapest on Thursday. “We talked,” Trump said. 🇺🇦",
  "Cafe\u0301 owner Jose\u0301 Garci\u0301a said Friday: “Business is good.”\r\nMaria Lopez agreed.\r\n",
  "Lone \uD800 surrogate near Angela Merkel, who said “Hi \uDC00 there” on Monday. \uDBFF",
  "\uD83D",
  "",
];

test("UTF-16 offsets slice the text exactly, with emoji, combining marks, CRLF and lone surrogates", async () => {
  const analyzer = await createAnalyzer({ referenceDate: "2025-10-16" });
  for (const text of TRICKY) assertOffsetsSliceText(text, analyzer.analyze(text));
  const emoji = TRICKY[0];
  const analysis = analyzer.analyze(emoji);
  const putin = analysis.spans.find((s) => s.text === "Vladimir Putin");
  assert.ok(putin, "an entity after emoji is found");
  assert.equal(putin.start, emoji.indexOf("Vladimir"));
});

const LONE = ["\uD800", "\uDC00"];
const NEWS = "Vladimir Putin met Donald Trump in Budapest on Thursday. “We talked,” Trump said.";

/** NEWS with `lone` at the start, in the middle (inside the quote and between words) and at the end, and among emoji. */
function withLoneSurrogates(lone) {
  const middle = NEWS.indexOf("talked");
  return [
    lone + NEWS,
    NEWS.slice(0, middle) + lone + NEWS.slice(middle),
    NEWS.replace(" in ", ` in ${lone}`),
    NEWS + lone,
    `${lone}😀${NEWS}🇺🇦${lone}😀${lone}`,
    `😀${lone}😀 ${NEWS} ${lone}${lone}\uD83D`, // ends with half an emoji
    lone.repeat(3),
  ];
}

/** Whether the span [start, end) contains or borders a lone surrogate of `text`. */
function touchesLoneSurrogate(text, start, end) {
  for (let i = Math.max(0, start - 1); i < Math.min(text.length, end + 1); i++) {
    const unit = text.charCodeAt(i);
    const high = unit >= 0xd800 && unit <= 0xdbff;
    const low = unit >= 0xdc00 && unit <= 0xdfff;
    const paired =
      (high && /[\uDC00-\uDFFF]/.test(text[i + 1] ?? "")) || (low && /[\uD800-\uDBFF]/.test(text[i - 1] ?? ""));
    if ((high || low) && !paired) return true;
  }
  return false;
}

test("lone surrogates at the start, middle and end, among emoji: no throw, same analysis as with U+FFFD", async () => {
  const analyzer = await createAnalyzer({ referenceDate: "2025-10-16" });
  for (const lone of LONE) {
    for (const text of withLoneSurrogates(lone)) {
      const label = JSON.stringify(text);
      const analysis = analyzer.analyze(text);
      assertOffsetsSliceText(text, analysis);
      // The wasm side sees each lone surrogate as U+FFFD, one UTF-16 unit as well: the spans
      // must be exactly those of the well-formed text, at the same offsets.
      const replaced = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
      const shape = (a) => a.spans.map(({ start, end, kind }) => `${kind}@${start}-${end}`);
      assert.deepEqual(shape(analysis), shape(analyzer.analyze(replaced)), label);
      for (const span of analysis.spans) {
        if (!touchesLoneSurrogate(text, span.start, span.end)) {
          assert.equal(span.text, replaced.slice(span.start, span.end), `${label}: ${span.text}`);
          assert.doesNotMatch(span.text, /\uFFFD/, label);
        }
      }
      if (text.includes("Budapest")) {
        const place = analysis.spans.find((s) => s.kind === "place" && s.text === "Budapest");
        assert.equal(place?.start, text.indexOf("Budapest"), `${label}: Budapest found where it is`);
      }
    }
  }
});

test("the analysis has the documented shape", async () => {
  const analyzer = await createAnalyzer({ referenceDate: "2025-10-16" });
  const analysis = analyzer.analyze("Vladimir Putin spoke on Thursday. Later, Putin left.");
  assert.deepEqual(Object.keys(analysis).sort(), ["entities", "referenceDate", "spans"]);
  assert.deepEqual(analysis.referenceDate, { date: "2025-10-16", source: "option" });
  for (const entity of analysis.entities) {
    assert.equal(analysis.entities[entity.id], entity);
    for (const m of entity.mentions) {
      const span = analysis.spans.find((s) => s.start === m.start && s.end === m.end);
      assert.equal(span?.entity, entity.id, "each mention is a span of that entity");
    }
  }
  const date = analysis.spans.find((s) => s.kind === "date");
  assert.equal(date?.value, "2025-10-16");
});

test("no reference date: referenceDate is null unless the text has a dateline", async () => {
  const analyzer = await createAnalyzer();
  assert.equal(analyzer.analyze("Nothing dated here.").referenceDate, null);
});

test("per-call options override the analyzer's", async () => {
  const analyzer = await createAnalyzer({ referenceDate: "2025-10-16" });
  const text = "Trump met Putin on Friday.";
  const friday = (a) => a.spans.find((s) => s.text === "Friday")?.value;
  assert.match(friday(analyzer.analyze(text, { referenceDate: "2024-01-01" })), /^202[34]-/);
  assert.match(friday(analyzer.analyze(text)), /^2025-10-/);
  const onlyDates = analyzer.analyze(text, { layers: ["dates"] });
  assert.ok(onlyDates.spans.length > 0);
  assert.ok(onlyDates.spans.every((s) => ["date", "time", "duration", "set"].includes(s.kind)));
  assert.deepEqual(onlyDates.entities, []);
});

test("bad options throw Errors that say what is wrong", async () => {
  await assert.rejects(createAnalyzer({ layers: ["entities", "people"] }), {
    name: "Error",
    message: /unknown layer "people"/,
  });
  await assert.rejects(createAnalyzer({ referenceDate: "16/10/2025" }), /malformed reference date "16\/10\/2025"/);
  await assert.rejects(createAnalyzer({ referenceDate: "2025-02-30" }), /malformed reference date/);
  await assert.rejects(createAnalyzer({ refDate: "2025-10-16" }), /unknown newsmark option "refDate"/);
  await assert.rejects(createAnalyzer({ layers: "dates" }), /layers must be an array/);
  await assert.rejects(createAnalyzer("2025-10-16"), /options must be a plain object/);
  const analyzer = await createAnalyzer();
  assert.throws(() => analyzer.analyze(42), TypeError);
  assert.throws(() => analyzer.analyze("x", { referenceDate: "tomorrow" }), /malformed reference date/);
});

test("a large text is analyzed without error", async () => {
  const analyzer = await createAnalyzer({ referenceDate: "2025-10-16" });
  const paragraph = "“It is done,” said Maria Lopez in Paris on Monday. ";
  const text = paragraph.repeat(20000); // ~1 MB
  const analysis = analyzer.analyze(text);
  assert.ok(analysis.spans.length >= 20000);
  assertOffsetsSliceText(text.slice(0, 2000), analyzer.analyze(text.slice(0, 2000)));
});
