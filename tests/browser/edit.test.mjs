// Browser tests of the quick path (www/app.js, `quick`): an edit is shown at once with the
// edited paragraph analyzed alone (`#output[data-analyzed=partial]`), then replaced by the whole
// document's analysis. Asserts offsets and texts, never times (`npm run bench:latency` measures).
//
//   node --test tests/browser/edit.test.mjs   (after `npm run build:site`)
import { describe, test } from "node:test";
import assert from "node:assert/strict";

import { SAMPLE, close, open, setArticle, useSite, waitFor } from "./support.mjs";

useSite();

const INSERTED = "Angela Merkel met Emmanuel Macron in Paris on Tuesday. ";

/** Waits until the page shows the textarea's text with the whole document's analysis, sidebar included. */
function settled(page) {
  return waitFor(
    page,
    () => {
      const output = document.getElementById("output");
      const { engine } = window.newsmark;
      return (
        output.dataset.analyzed === "true" &&
        window.newsmark.state.text === document.getElementById("article").value &&
        document.getElementById("sidebar").dataset.revision === output.dataset.revision &&
        engine.sent == null &&
        engine.wanted == null
      );
    },
    "the whole document's analysis",
    undefined,
    60_000,
  );
}

/** Puts `text` in the article as one paste would, and waits for its whole analysis. */
async function paste(page, text) {
  await setArticle(page, text);
  await settled(page);
}

/** What the page shows: spans (kind, offsets, text, value, entity name), painted ranges, sidebar, legend. */
function shown(page) {
  return page.evaluate(() => {
    const { state } = window.newsmark;
    const spans = state.analysis.spans.map((s) =>
      [s.kind, s.start, s.end, s.text, s.value ?? "", s.entity != null ? state.entities.get(s.entity)?.name : ""].join("|"),
    );
    const painted = [];
    for (const [name, highlight] of CSS.highlights) {
      if (name === "nm-active") continue;
      for (const range of highlight) {
        const line = state.lines.find((l) => l.node === range.startContainer);
        painted.push(`${name}|${line.start + range.startOffset}|${range.toString()}`);
      }
    }
    return {
      spans,
      painted: painted.sort(),
      sidebar: document.getElementById("sidebar").innerText,
      legend: [...document.querySelectorAll("#legend .toggle-count")].map((c) => c.textContent).join(","),
    };
  });
}

describe("editing a long text", () => {
  test("an edit in the middle shows the edited paragraph's highlights at once, then the whole analysis", async () => {
    const page = await open();
    const paragraphs = Array.from({ length: 14 }, () => SAMPLE.trim());
    const long = paragraphs.join("\n\n");
    await paste(page, long);
    await waitFor(page, () => window.newsmark.quick.analyzer != null, "the quick analyzer", undefined, 30_000);

    // The start of a paragraph in the middle: brought into view, so its spans are painted.
    const at = paragraphs.slice(0, 7).join("\n\n").length + 2;
    await page.evaluate((offset) => {
      const { state } = window.newsmark;
      const line = state.lines.find((l) => l.start === offset);
      const output = document.getElementById("output");
      output.scrollTop = line.element.offsetTop + line.element.parentNode.offsetTop - 100;
    }, at);
    await page.waitForTimeout(100);

    // Typed in as the browser would, and looked at in the same task: before any frame, before
    // the whole document's analysis can be back.
    const provisional = await page.evaluate(
      ([offset, inserted]) => {
        const article = document.getElementById("article");
        article.focus();
        article.setSelectionRange(offset, offset);
        article.setRangeText(inserted, offset, offset, "end");
        article.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: inserted }));
        const { state } = window.newsmark;
        const output = document.getElementById("output");
        const painted = [];
        for (const [name, highlight] of CSS.highlights) {
          for (const range of highlight) {
            const line = state.lines.find((l) => l.node === range.startContainer);
            painted.push({ name, start: line ? line.start + range.startOffset : -1, text: range.toString() });
          }
        }
        return {
          analyzed: output.dataset.analyzed,
          shownText: output.textContent === article.value && state.text === article.value,
          spans: state.analysis.spans.map(({ kind, start, end, text, value }) => ({ kind, start, end, text, value })),
          painted,
          textLength: article.value.length,
          text: article.value,
        };
      },
      [at, INSERTED],
    );
    assert.equal(provisional.analyzed, "partial", "the edited paragraph was analyzed at once");
    assert.ok(provisional.shownText, "the output shows the new text");
    // Every span lies within the text and covers its own words.
    for (const span of provisional.spans) {
      assert.ok(span.start >= 0 && span.end <= provisional.textLength && span.start < span.end, JSON.stringify(span));
      assert.equal(provisional.text.slice(span.start, span.end), span.text, JSON.stringify(span));
    }
    // The inserted names and date, at their offsets, analyzed and painted.
    const expected = [
      ["person", "Angela Merkel"],
      ["person", "Emmanuel Macron"],
      ["place", "Paris"],
      ["date", "Tuesday"],
    ];
    for (const [kind, words] of expected) {
      const start = at + INSERTED.indexOf(words);
      assert.ok(
        provisional.spans.some((s) => s.kind === kind && s.start === start && s.end === start + words.length),
        `${kind} “${words}” at ${start} in the provisional analysis`,
      );
      assert.ok(
        provisional.painted.some((r) => r.name === `nm-${kind}` && r.start === start && r.text === words),
        `${kind} “${words}” painted at ${start}`,
      );
    }
    // Every painted range still shows the words of its span.
    const byStart = new Map(provisional.spans.map((s) => [`${s.start}|${s.text}`, s]));
    for (const range of provisional.painted) {
      if (range.name === "nm-active") continue;
      assert.ok(byStart.has(`${range.start}|${range.text}`), `painted range ${JSON.stringify(range)} is a span`);
    }
    // The date resolved against the document's reference date, as the whole analysis does.
    const tuesday = provisional.spans.find((s) => s.kind === "date" && s.text === "Tuesday");

    await settled(page);
    const edited = await shown(page);
    const finalText = await page.inputValue("#article");
    assert.equal(finalText, provisional.text);
    const fullTuesday = edited.spans.find((s) => s.startsWith(`date|${at + INSERTED.indexOf("Tuesday")}|`));
    assert.equal(fullTuesday?.split("|")[4] ?? "", tuesday.value ?? "", "Tuesday resolves alike");

    // A fresh page given the edited text at once shows the same.
    const fresh = await open();
    await paste(fresh, finalText);
    const expectedShown = await shown(fresh);
    assert.deepEqual(edited.spans, expectedShown.spans, "the same spans as a fresh analysis");
    assert.equal(edited.legend, expectedShown.legend, "the same counts");
    assert.equal(edited.sidebar, expectedShown.sidebar, "the same sidebar");
    // What is painted (near the viewport) is those spans, the inserted ones among them.
    const kinds = new Map([["nm-quote-term", "quote"]]);
    const spanKeys = new Set(expectedShown.spans.map((s) => s.split("|").slice(0, 2).concat(s.split("|")[3]).join("|")));
    for (const range of edited.painted) {
      const [name, start, ...words] = range.split("|");
      const key = `${kinds.get(name) ?? name.slice(3)}|${start}|${words.join("|")}`;
      assert.ok(spanKeys.has(key), `painted ${range} is a span of the fresh analysis`);
    }
    for (const [kind, words] of expected) {
      assert.ok(edited.painted.includes(`nm-${kind}|${at + INSERTED.indexOf(words)}|${words}`), `${words} painted after settling`);
    }
    await close(fresh);
    await close(page);
  });

  test("typing keystrokes in the middle of a long text never leaves spans outside the text", async () => {
    const page = await open();
    const long = Array.from({ length: 8 }, () => SAMPLE.trim()).join("\n\n");
    await paste(page, long);
    await waitFor(page, () => window.newsmark.quick.analyzer != null, "the quick analyzer", undefined, 30_000);
    await page.focus("#article");
    await page.evaluate((offset) => document.getElementById("article").setSelectionRange(offset, offset), Math.floor(long.length / 2));
    await page.evaluate(() => {
      window.__bad = [];
      const output = document.getElementById("output");
      new MutationObserver(() => {
        const { state } = window.newsmark;
        for (const span of state.analysis.spans) {
          if (span.end > state.text.length || state.text.slice(span.start, span.end) !== span.text) window.__bad.push(span);
        }
        if (output.textContent !== state.text) window.__bad.push("output differs from state.text");
        let at = 0;
        for (const line of state.lines) {
          if (line.start !== at || line.node.data !== line.text || !line.node.isConnected) window.__bad.push(`line at ${at}`);
          at += line.text.length;
        }
      }).observe(output, { attributes: true, attributeFilter: ["data-revision"] });
    });
    await page.keyboard.type("Mr. Obama said on Monday: “We will go to Berlin.”\n\nNew paragraph ", { delay: 15 });
    for (let i = 0; i < 18; i++) await page.keyboard.press("Backspace");
    await page.keyboard.press("Control+End");
    await page.keyboard.type("\nThe end, said Merkel", { delay: 15 });
    await settled(page);
    assert.deepEqual(await page.evaluate(() => window.__bad.slice(0, 5)), []);
    assert.ok(
      await page.evaluate(() => window.newsmark.state.analysis.spans.some((s) => s.kind === "person" && s.text === "Obama")),
      "the typed name is highlighted",
    );
    await close(page);
  });
});
