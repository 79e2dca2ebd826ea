// The page's pure logic (www/*.js modules without DOM), in Node: the quick path's edit
// arithmetic, holding the word being typed, TIMEX3 values in words, the reference date's
// choice, file names, counts, and placing a paragraph's analysis in the document.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { fileBase, headline } from "../../www/download.js";
import { counts, normalize } from "../../www/kinds.js";
import { entityIdsOf, placeParagraph } from "../../www/paragraph.js";
import { carryOver, diffOf, holdWord, paragraphAround, shifted, typedWord } from "../../www/provisional.js";
import { readField, referenceLabel, referenceRequest } from "../../www/reference.js";
import { clockTime, describeValue, isIsoDate, readable, timelineKey, today } from "../../www/timex.js";

const span = (kind, text, whole, from = 0, extra = {}) => {
  const start = whole.indexOf(text, from);
  assert.ok(start >= 0, `${text} in ${whole}`);
  return { kind, start, end: start + text.length, text, ...extra };
};

describe("diffOf", () => {
  test("an insertion, a deletion, a replacement, and no change", () => {
    assert.deepEqual(diffOf("abcdef", "abcXdef"), { at: 3, oldEnd: 3, newEnd: 4 });
    assert.deepEqual(diffOf("abcdef", "abef"), { at: 2, oldEnd: 4, newEnd: 2 });
    assert.deepEqual(diffOf("abcdef", "abXYef"), { at: 2, oldEnd: 4, newEnd: 4 });
    assert.deepEqual(diffOf("same", "same"), { at: 4, oldEnd: 4, newEnd: 4 });
  });
  test("long texts: the same answer as a character-by-character comparison", () => {
    const base = "word ".repeat(5000);
    const after = `${base.slice(0, 12_345)}new ${base.slice(12_345)}`;
    const edit = diffOf(base, after);
    assert.equal(after.slice(0, edit.at) + after.slice(edit.newEnd), base);
    assert.equal(edit.oldEnd - edit.at, 0);
    assert.equal(edit.newEnd - edit.at, 4);
  });
  test("repeated characters: the edit is where the texts first differ", () => {
    assert.deepEqual(diffOf("aaaa", "aaaaa"), { at: 4, oldEnd: 4, newEnd: 5 });
  });
});

describe("paragraphAround", () => {
  test("stops at blank lines, keeps the lines of its paragraph", () => {
    const text = "First para.\n\nSecond line one.\nSecond line two.\n\nThird.";
    const at = text.indexOf("line two");
    const region = paragraphAround(text, at, at);
    assert.equal(text.slice(region.from, region.to), "Second line one.\nSecond line two.");
  });
  test("a very long paragraph is cut to a window around the edit, at sentence ends", () => {
    const text = "This is a sentence. ".repeat(500).trim();
    const at = 5000;
    const region = paragraphAround(text, at, at);
    assert.ok(region.to - region.from <= 2100, `${region.to - region.from} chars`);
    assert.ok(region.from <= at && at <= region.to);
    assert.ok(text.slice(region.from).startsWith("This is"), "starts at a sentence");
  });
});

describe("carryOver", () => {
  const before = "Trump met Putin. Then Merkel spoke in Berlin.";
  const spans = [
    span("person", "Trump", before),
    span("person", "Putin", before),
    span("person", "Merkel", before),
    span("place", "Berlin", before),
  ];
  test("spans before the edit stay, after it move by its length, over the re-analyzed region are replaced", () => {
    const after = before.replace("Then", "Then, on Friday,");
    const edit = diffOf(before, after);
    const region = { from: after.indexOf("Then"), to: after.indexOf("Merkel") };
    const local = [span("date", "Friday", after)];
    const { spans: out, moved } = carryOver(spans, edit, region, local);
    assert.deepEqual(out.map((s) => `${s.kind}:${after.slice(s.start, s.end)}`), [
      "person:Trump", "person:Putin", "date:Friday", "person:Merkel", "place:Berlin",
    ]);
    assert.deepEqual(moved, [0, 1, 3, 4]);
    assert.equal(out[0], spans[0], "untouched spans are the same objects");
  });
  test("a span the edit cuts through is dropped", () => {
    const after = before.replace("Putin", "Pu tin");
    const edit = diffOf(before, after);
    const { spans: out, moved } = carryOver(spans, edit, { from: edit.at, to: edit.newEnd }, null);
    assert.deepEqual(out.map((s) => after.slice(s.start, s.end)), ["Trump", "Merkel", "Berlin"]);
    assert.deepEqual(moved, [0, -1, 1, 2]);
  });
  test("shifted moves a quote's speaker too", () => {
    const quote = { kind: "quote", start: 10, end: 20, speaker: { text: "he", start: 22, end: 24 } };
    assert.deepEqual(shifted(quote, 5), { kind: "quote", start: 15, end: 25, speaker: { text: "he", start: 27, end: 29 } });
    assert.equal(shifted(quote, 0), quote);
  });
});

describe("the word being typed", () => {
  test("typedWord: a word ends at the caret, none when the caret is mid-word or after a space", () => {
    assert.deepEqual(typedWord("met in Wash", 11), { start: 7, end: 11 });
    assert.equal(typedWord("met in Wash ", 12), null);
    assert.equal(typedWord("met in Washington", 10), null, "mid-word: not typing at its end");
    assert.deepEqual(typedWord("O’Brien", 7), { start: 0, end: 7 });
  });
  test("holdWord: labels the analysis puts on the half-typed word wait; a quote around it stays", () => {
    const text = "“They flew to Wash";
    const word = typedWord(text, text.length);
    const quote = { kind: "quote", start: 0, end: text.length, text };
    const fresh = [quote, span("person", "Wash", text)];
    const held = holdWord(fresh, [quote], word);
    assert.deepEqual(held, [quote], "the new label on “Wash” waits");
    const before = [span("place", "Wash", text)];
    assert.deepEqual(holdWord([], before, word), before, "a label it had stays until the word is done");
    assert.equal(holdWord(fresh, [], null), fresh, "no word being typed: the analysis as it is");
  });
});

describe("TIMEX3 values in words", () => {
  test("values with X read as words, never as the raw value", () => {
    assert.equal(readable("XXXX-WXX-5T23:00"), "Friday, 11 p.m.");
    assert.equal(readable("XXXX-WXX-6"), "every Saturday");
    assert.equal(readable("197"), "the 1970s");
    assert.equal(readable("197X"), "the 1970s");
    assert.equal(readable("XXXX-10-16"), "16 October, year not given");
    assert.equal(readable("2025-10-16T23:00"), "Thursday, 16 October 2025, 11 p.m.");
    assert.equal(readable("2025-10-16TEV"), "Thursday, 16 October 2025, evening");
    for (const value of ["XXXX-WXX-5T23:00", "197", "XXXX-10", "XXXX-SU", "PXD", "P2H", "XXXX-XX-XXT09:30"]) {
      const words = describeValue(value, undefined, "date");
      assert.ok(words && !/X/.test(words), `${value} → ${words}`);
    }
  });
  test("clock times: 12-hour with a.m./p.m., noon, midnight", () => {
    assert.equal(clockTime("23", "00"), "11 p.m.");
    assert.equal(clockTime("09", "30"), "9:30 a.m.");
    assert.equal(clockTime("12", "00"), "noon");
    assert.equal(clockTime("00", "00"), "midnight");
  });
  test("a `mod` is said in words before the value", () => {
    assert.equal(describeValue("PT2H", "MORE_THAN", "duration"), "more than two hours");
    assert.equal(describeValue("P3Y", "APPROX", "duration"), "about three years");
    assert.equal(describeValue("P1D", "EQUAL_OR_MORE", "duration"), "at least one day");
    assert.equal(describeValue("2025-10", "START", "date"), "the start of October 2025");
    assert.equal(describeValue("PT2H", undefined, "duration"), "two hours");
    assert.equal(describeValue("PT2H", "SOMETHING_NEW", "duration"), "two hours", "an unknown mod is not invented");
  });
  test("timeline keys order days, weeks, months and decades", () => {
    const values = ["2025-W43", "2025-10-16", "197", "2025-10", "2025"];
    const sorted = [...values].sort((a, b) => timelineKey(a) - timelineKey(b));
    assert.deepEqual(sorted, ["197", "2025", "2025-10", "2025-10-16", "2025-W43"]);
    assert.equal(timelineKey("PT2H"), null);
  });
  test("isIsoDate accepts real dates only", () => {
    assert.ok(isIsoDate("2025-10-16"));
    assert.ok(!isIsoDate("20255-10-16"), "a fifth year digit");
    assert.ok(!isIsoDate("2025-02-30"));
    assert.ok(!isIsoDate(""));
  });
});

describe("the reference date", () => {
  const now = new Date(2026, 11, 5, 10);
  test("the reader's choice first, else the dateline (detected), else today", () => {
    assert.deepEqual(referenceRequest("2025-10-16", true, now), { options: { referenceDate: "2025-10-16" }, source: "chosen" });
    assert.deepEqual(referenceRequest(null, false, now), { options: {}, source: "detect" });
    assert.deepEqual(referenceRequest(null, true, now), { options: { referenceDate: "2026-12-05" }, source: "today" });
    assert.equal(today(now), "2026-12-05");
  });
  test("the field: a valid date is a choice, empty goes back, anything else keeps the analysis", () => {
    assert.deepEqual(readField("2025-11-06"), { chosen: "2025-11-06" });
    assert.deepEqual(readField(""), { chosen: null });
    assert.deepEqual(readField("20255-11-06"), { invalid: true });
  });
  test("labels say where the date came from", () => {
    assert.deepEqual(referenceLabel("today", { date: "2026-12-05", source: "option" }, "x"), ["today", "assumed (today): no date in the article"]);
    assert.deepEqual(referenceLabel("chosen", null, "x"), ["option", "chosen"]);
    const text = "Published: Thursday, October 16, 2025\n\nBUDAPEST";
    assert.deepEqual(referenceLabel("detect", { date: "2025-10-16", source: "dateline", start: 11, end: 37 }, text), [
      "dateline", "from the dateline “Thursday, October 16, 2025”",
    ]);
  });
});

describe("downloads are named after the headline", () => {
  test("the first non-blank line, as lower-case words", () => {
    assert.equal(headline("\n\n  Trump says he will meet Putin  \nBody"), "Trump says he will meet Putin");
    assert.equal(fileBase("Trump says he will meet Putin in Budapest\n\nText"), "trump-says-he-will-meet-putin-in-budapest");
    assert.equal(fileBase("Orbán’s “peace” talks: 2 days!"), "orban-s-peace-talks-2-days");
    assert.equal(fileBase("   \n<>?"), "article");
    assert.ok(fileBase("word ".repeat(40)).length <= 60);
  });
});

describe("counts", () => {
  test("highlights per kind; quotations said by someone apart from quoted terms", () => {
    const spans = [
      { kind: "quote", quote: "speech" },
      { kind: "quote", quote: "term" },
      { kind: "quote", quote: "speech" },
      { kind: "person" },
    ];
    const { highlights, speech, terms } = counts(spans);
    assert.equal(highlights.get("quote"), 3);
    assert.equal(highlights.get("person"), 1);
    assert.equal(speech, 2);
    assert.equal(terms, 1);
  });
});

describe("placing a paragraph's analysis in the document", () => {
  test("offsets moved, entity ids the document's by name, spans checked and sorted", () => {
    const doc = "Vladimir Putin spoke. Later Putin left.";
    const whole = normalize(doc, {
      spans: [span("person", "Vladimir Putin", doc, 0, { entity: 0 }), span("person", "Putin", doc, 20, { entity: 0 })],
      entities: [{ id: 0, kind: "person", name: "Vladimir Putin", titles: [], mentions: [] }],
    });
    const ids = entityIdsOf(whole);
    const paragraph = "Then Putin and Macron met.";
    const local = {
      spans: [
        span("person", "Macron", paragraph, 0, { entity: 1 }),
        span("person", "Putin", paragraph, 0, { entity: 0 }),
        { kind: "person", start: 50, end: 60, text: "out of range", entity: 0 },
      ],
      entities: [
        { id: 0, kind: "person", name: "Putin" },
        { id: 1, kind: "person", name: "Macron" },
      ],
    };
    const placed = placeParagraph(paragraph, local, 100, ids);
    assert.deepEqual(placed.map((s) => [s.text, s.start, s.entity]), [["Putin", 105, 0], ["Macron", 115, null]]);
  });
});
