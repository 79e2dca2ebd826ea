// Defects of the package's boundary found by an adversarial pass (issue 17, items 3, 4, 8):
// names with lone surrogates, options of the wrong type, and memory limits.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createAnalyzer } from "newsmark";

test("an entity's name is its mention's text, lone surrogates included", async () => {
  const analyzer = await createAnalyzer();
  for (const text of ["Marco\uD800Rubio met Vladimir Putin.", "Senator Marco Rubio\uDC00 and Rubio\uDC00 spoke."]) {
    const analysis = analyzer.analyze(text);
    assert.ok(analysis.entities.length > 0, text);
    for (const entity of analysis.entities) {
      const texts = entity.mentions.map(({ start, end }) => text.slice(start, end));
      assert.ok(texts.includes(entity.name), `${JSON.stringify(entity.name)} is one of ${JSON.stringify(texts)}`);
      assert.doesNotMatch(entity.name, /\uFFFD/);
    }
  }
});

test("referenceDate: null clears the analyzer's date for that call", async () => {
  const analyzer = await createAnalyzer({ referenceDate: "2025-10-16" });
  assert.equal(analyzer.analyze("It happened on Friday.").referenceDate.source, "option");
  assert.equal(analyzer.analyze("It happened on Friday.", { referenceDate: null }).referenceDate, null);
  const friday = analyzer.analyze("It happened on Friday.", { referenceDate: null }).spans.find((s) => s.text === "Friday");
  assert.doesNotMatch(friday.value, /^2025-10/, "resolved against no date");
  assert.equal(analyzer.analyze("It happened on Friday.", { referenceDate: undefined }).referenceDate.source, "option");
});

test("options of the wrong type get an Error naming the option and the type", async () => {
  const analyzer = await createAnalyzer();
  const cases = [
    [{ referenceDate: Symbol("x") }, /option referenceDate must be .*, got a symbol/],
    [{ referenceDate: () => "2025-10-16" }, /option referenceDate must be .*, got a function/],
    [{ referenceDate: new String("2025-10-16") }, /option referenceDate must be .*, got a String object/],
    [{ referenceDate: 20251016 }, /option referenceDate must be .*, got the number 20251016/],
    [{ layers: ["dates", 3] }, /option layers must be an array .*, got the number 3/],
    [{ layers: new Set(["dates"]) }, /option layers must be an array .*, got a Set/],
    [new Map([["referenceDate", "2025-10-16"]]), /options must be a plain object .*, got a Map/],
    [new Date(), /options must be a plain object .*, got a Date/],
    [["dates"], /options must be a plain object .*, got an array/],
  ];
  for (const [options, message] of cases) {
    assert.throws(() => analyzer.analyze("Friday.", options), { name: "Error", message });
    await assert.rejects(createAnalyzer(options), { name: "Error", message });
  }
  // A null-prototype object is a plain object too.
  const bare = Object.assign(Object.create(null), { referenceDate: "2025-10-16" });
  assert.equal(analyzer.analyze("Friday.", bare).referenceDate.date, "2025-10-16");
});

test("a huge bad value is quoted only in part", async () => {
  const analyzer = await createAnalyzer();
  const huge = "x".repeat(1_000_000);
  for (const options of [{ referenceDate: huge }, { layers: [huge] }, { [huge]: 1 }]) {
    assert.throws(
      () => analyzer.analyze("Friday.", options),
      (error) => error.message.length < 300 && /1000000 characters/.test(error.message),
    );
  }
});

test("a text too large for the module's memory is refused, and the analyzer goes on", async () => {
  const analyzer = await createAnalyzer({ referenceDate: "2025-10-16" });
  const huge = "Putin met Trump. ".repeat(7_000_000); // 119 MB
  assert.throws(() => analyzer.analyze(huge), { name: "Error", message: /text too large: 113\.5 MB; the limit is about \d+ MB/ });
  const after = analyzer.analyze("Putin will meet Trump on Friday.");
  assert.equal(after.spans.find((s) => s.text === "Friday")?.value, "2025-10-17");
  assert.ok(after.spans.some((s) => s.kind === "person"), "names are found");
  analyzer.free();
});

test("analyzers never freed run out with an Error, not a crash; freeing them makes room", async () => {
  const kept = [];
  let refusal = null;
  for (let i = 0; i < 1000 && !refusal; i++) {
    try {
      kept.push(await createAnalyzer());
    } catch (error) {
      refusal = error;
    }
  }
  assert.ok(refusal, `${kept.length} analyzers made, none refused`);
  assert.match(refusal.message, /out of memory: a new analyzer needs about \d+ MB.*\d+ analyzers alive: call free\(\)/);
  assert.ok(kept.length > 100, `${kept.length} analyzers`);
  assert.ok(kept.at(-1).analyze("Putin met Trump.").spans.length > 0, "the last one made still works");
  for (const analyzer of kept) analyzer.free();
  const fresh = await createAnalyzer();
  assert.ok(fresh.analyze("Putin met Trump.").spans.length > 0);
  fresh.free();
});

test("toHtml renders the CLI's page: escaped text, marks of the kinds asked for", async () => {
  const analyzer = await createAnalyzer({ referenceDate: "2025-10-16" });
  const text = "Vladimir Putin met <b>Trump</b> in Budapest on Friday.\u202E";
  const html = analyzer.toHtml(text, { title: "Talks <live>" });
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /<title>newsmark: Talks &lt;live&gt;<\/title>/);
  assert.match(html, /<mark class="person"[^>]*>Vladimir Putin<\/mark>/);
  assert.match(html, /<mark class="date"[^>]*>Friday<\/mark>/);
  assert.match(html, /&lt;b&gt;/);
  assert.doesNotMatch(html, /<b>/);
  assert.match(html, /U\+202E/, "a bidi control is shown, not applied");
  const places = analyzer.toHtml(text, { kinds: ["place"] });
  assert.match(places, /<mark class="place"[^>]*>Budapest<\/mark>/);
  assert.doesNotMatch(places, /<mark class="person"[^>]*>Vladimir/);
  assert.throws(() => analyzer.toHtml(text, { kinds: ["people"] }), /unknown kind "people": expected one of person, organization/);
  assert.throws(() => analyzer.toHtml(text, { refDate: "x" }), /unknown newsmark option "refDate"/);
});
