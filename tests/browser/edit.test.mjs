// Browser tests of editing in the one pane (#article, www/editor.js) and of the quick path
// (www/provisional.js): an edit is shown at once with the edited paragraph analyzed alone
// (`#article[data-analyzed=partial]`), then replaced by the whole document's analysis. Typing
// into the highlighted text keeps highlights, caret and scroll together; undo and IME work; the
// word being typed is not relabelled until a word boundary. Asserts offsets and texts, never
// times (`npm run bench:latency` measures).
//
//   node --test tests/browser/edit.test.mjs   (after `npm run build:site`)
import { describe, test } from "node:test";
import assert from "node:assert/strict";

import { SAMPLE, articleText, close, loadSample, open, placeCaret, setArticle, settled, useSite, waitFor } from "./support.mjs";

useSite();

const INSERTED = "Angela Merkel met Emmanuel Macron in Paris on Tuesday. ";

/** Puts `text` in the article as one paste would, and waits for its whole analysis. */
async function paste(page, text) {
  await setArticle(page, text);
  await settled(page);
}

/** Every painted range: "name|offset|text" (offsets of the editor's text). */
function paintedRanges() {
  const painted = [];
  for (const [name, highlight] of CSS.highlights) {
    if (name === "nm-active") continue;
    for (const range of highlight) {
      painted.push(`${name}|${window.newsmark.offsetOf(range.startContainer, range.startOffset)}|${range.toString()}`);
    }
  }
  return painted.sort();
}

/** What the page shows: spans (kind, offsets, text, value, entity name), painted ranges, sidebar, legend. */
function shown(page) {
  return page.evaluate((painted) => {
    const spans = window.newsmark.spans().map((s) => [s.kind, s.start, s.end, s.text, s.value ?? "", s.entity ?? ""].join("|"));
    return {
      spans,
      painted: new Function(`return (${painted})()`)(),
      sidebar: document.getElementById("sidebar").innerText,
      legend: [...document.querySelectorAll("#legend .toggle-count")].map((c) => c.textContent).join(","),
    };
  }, paintedRanges.toString());
}

describe("editing in the highlighted text", () => {
  test("an edit in the middle shows the edited paragraph's highlights at once, then the whole analysis", async () => {
    const page = await open();
    const paragraphs = Array.from({ length: 14 }, () => SAMPLE.trim());
    const long = paragraphs.join("\n\n");
    await paste(page, long);
    await waitFor(page, () => window.newsmark.quick.analyzer != null, "the quick analyzer", undefined, 30_000);

    // The start of a paragraph in the middle: the caret put there brings it into view.
    const at = paragraphs.slice(0, 7).join("\n\n").length + 2;
    await placeCaret(page, at);
    await page.evaluate(() => getSelection().getRangeAt(0).startContainer.parentElement && null);
    await page.evaluate(
      (offset) => {
        const box = document.getElementById("editor-box");
        const range = getSelection().getRangeAt(0);
        box.scrollTop += range.getBoundingClientRect().top - box.getBoundingClientRect().top - 100;
        return offset;
      },
      at,
    );
    await page.waitForTimeout(100);

    // Typed in as the browser would (one insertText), and looked at in the same task: before
    // any frame, before the whole document's analysis can be back.
    const provisional = await page.evaluate(
      ([inserted, painted]) => {
        document.execCommand("insertText", false, inserted);
        const article = document.getElementById("article");
        return {
          analyzed: article.dataset.analyzed,
          shownText: window.newsmark.text() === window.newsmark.editorText(),
          spans: window.newsmark.spans(),
          painted: new Function(`return (${painted})()`)(),
          text: window.newsmark.editorText(),
        };
      },
      [INSERTED, paintedRanges.toString()],
    );
    assert.equal(provisional.analyzed, "partial", "the edited paragraph was analyzed at once");
    assert.ok(provisional.shownText, "the analysis shown is of the new text");
    for (const span of provisional.spans) {
      assert.ok(span.start >= 0 && span.end <= provisional.text.length && span.start < span.end, JSON.stringify(span));
      assert.equal(provisional.text.slice(span.start, span.end), span.text, JSON.stringify(span));
    }
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
      assert.ok(provisional.painted.includes(`newsmark-${kind}|${start}|${words}`), `${kind} “${words}” painted at ${start}`);
    }
    // Every painted range shows the words of its span, where the span is.
    const byStart = new Set(provisional.spans.map((s) => `${s.start}|${s.text}`));
    for (const range of provisional.painted) {
      const [, start, ...words] = range.split("|");
      assert.ok(byStart.has(`${start}|${words.join("|")}`), `painted range ${range} is a span`);
    }
    const tuesday = provisional.spans.find((s) => s.kind === "date" && s.text === "Tuesday");

    await settled(page);
    const edited = await shown(page);
    const finalText = await articleText(page);
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
    const kinds = new Map();
    const spanKeys = new Set(expectedShown.spans.map((s) => s.split("|").slice(0, 2).concat(s.split("|")[3]).join("|")));
    for (const range of edited.painted) {
      const [name, start, ...words] = range.split("|");
      const key = `${kinds.get(name) ?? name.slice("newsmark-".length)}|${start}|${words.join("|")}`;
      assert.ok(spanKeys.has(key), `painted ${range} is a span of the fresh analysis`);
    }
    await close(fresh);
    await close(page);
  });

  test("typing into the highlights mid-article: highlights, caret and scroll stay together; undo; IME", async () => {
    const page = await open();
    const long = Array.from({ length: 6 }, () => SAMPLE.trim()).join("\n\n");
    await paste(page, long);
    await waitFor(page, () => window.newsmark.quick.analyzer != null, "the quick analyzer", undefined, 30_000);
    // A click on a highlighted name in the middle puts the caret in it (the text is the field).
    const middle = Math.floor(long.length / 2);
    const target = long.indexOf("Putin", middle);
    await placeCaret(page, target);
    await page.evaluate(() => {
      const box = document.getElementById("editor-box");
      const rect = getSelection().getRangeAt(0).getBoundingClientRect();
      box.scrollTop += rect.top - box.getBoundingClientRect().top - 150;
    });
    await settled(page);
    // The scroll repaints in the next frame: wait for the name's range.
    await page.waitForFunction(
      (at) => [...CSS.highlights.get("newsmark-person")].some((r) => window.newsmark.offsetOf(r.startContainer, r.startOffset) === at),
      target,
    );
    const point = await page.evaluate((at) => {
      const range = [...CSS.highlights.get("newsmark-person")].find((r) => window.newsmark.offsetOf(r.startContainer, r.startOffset) === at);
      const rect = range.getClientRects()[0];
      return { x: rect.left + 2, y: rect.top + rect.height / 2 };
    }, target);
    await page.mouse.click(point.x, point.y);
    const caretAfterClick = await page.evaluate(() => {
      const range = getSelection().getRangeAt(0);
      return window.newsmark.offsetOf(range.startContainer, range.startOffset);
    });
    assert.ok(Math.abs(caretAfterClick - target) <= 1, `the click put the caret in the name (${caretAfterClick} vs ${target})`);
    const scrollBefore = await page.evaluate(() => document.getElementById("editor-box").scrollTop);

    // Type a sentence before the name.
    await placeCaret(page, target);
    const typed = "Angela Merkel said on Tuesday that ";
    await page.keyboard.type(typed, { delay: 10 });
    await settled(page);
    const after = await page.evaluate(() => {
      const range = getSelection().getRangeAt(0);
      const box = document.getElementById("editor-box");
      const caret = range.getBoundingClientRect();
      const view = box.getBoundingClientRect();
      return {
        caret: window.newsmark.offsetOf(range.startContainer, range.startOffset),
        caretVisible: caret.top >= view.top && caret.bottom <= view.bottom,
        scrollTop: box.scrollTop,
      };
    });
    const text = await articleText(page);
    assert.equal(text, long.slice(0, target) + typed + long.slice(target), "the text typed where the caret was");
    assert.equal(after.caret, target + typed.length, "the caret after the typed text");
    assert.ok(after.caretVisible, "the caret is in view");
    assert.ok(Math.abs(after.scrollTop - scrollBefore) < 200, `the view stayed where the typing is (${scrollBefore} → ${after.scrollTop})`);
    // The painted highlights are where their words are: the typed names, and the name moved on.
    const painted = await page.evaluate(new Function(`return (${paintedRanges})()`));
    assert.ok(painted.includes(`newsmark-person|${target}|Angela Merkel`), "the typed name highlighted where it was typed");
    assert.ok(painted.includes(`newsmark-person|${target + typed.length}|Putin`), "the name after it moved with the text");
    for (const range of painted) {
      const [, start, ...words] = range.split("|");
      assert.equal(text.slice(Number(start), Number(start) + words.join("|").length), words.join("|"), range);
    }

    // Undo (Ctrl+Z) takes the typing back, and the highlights follow.
    for (let i = 0; i < 60 && (await articleText(page)) !== long; i += 1) await page.keyboard.press("Control+Z");
    assert.equal(await articleText(page), long, "undo restores the text");
    await settled(page);
    const undone = await page.evaluate(new Function(`return (${paintedRanges})()`));
    assert.ok(undone.includes(`newsmark-person|${target}|Putin`), "the name painted at its old place again");
    assert.ok(!undone.some((r) => r.includes("Angela Merkel")), "the typed name is gone");

    // IME composition (as the browser's input method does it): nothing is lost.
    await placeCaret(page, target);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Input.imeSetComposition", { text: "東", selectionStart: 1, selectionEnd: 1 });
    await cdp.send("Input.imeSetComposition", { text: "東京", selectionStart: 2, selectionEnd: 2 });
    await cdp.send("Input.insertText", { text: "東京 " });
    await settled(page);
    assert.equal(await articleText(page), `${long.slice(0, target)}東京 ${long.slice(target)}`, "the composed text is kept");
    await close(page);
  });

  test("a paste of several lines goes in as one <div> a line, in one undo step; lines join and split as typed; highlights stay on their text", async () => {
    const page = await open();
    await loadSample(page);
    const lines = await page.evaluate(() => document.querySelectorAll("#article > div").length);
    assert.equal(lines, SAMPLE.replace(/\n+$/, "").split("\n").length, "the sample: one <div> a line");
    const pasted = "Angela Merkel said on Monday.\n\nEmmanuel Macron left Paris.\nA third line";
    const at = SAMPLE.indexOf("Budapest") + 3;
    await placeCaret(page, at);
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      document.getElementById("article").dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, pasted);
    let expected = SAMPLE.slice(0, at) + pasted + SAMPLE.slice(at);
    await waitFor(page, (t) => window.newsmark.editorText() === t, "the pasted lines", expected);
    // Lines and their line breaks only (Chromium wraps the pasted text that joins the lines
    // around the caret in a span of the editor's own font size).
    assert.equal(await page.locator("#article *:not(div, br, span)").count(), 0);
    /** Every painted range covers the text of a span of its kind. */
    const misplaced = () =>
      page.evaluate(() => {
        const spans = window.newsmark.spans();
        return [...CSS.highlights]
          .filter(([name]) => name.startsWith("newsmark-"))
          .flatMap(([name, highlight]) => [...highlight].map((range) => [name.slice(9), range.toString()]))
          .filter(([kind, text]) => !spans.some((span) => span.kind === kind && span.text === text));
      });
    await waitFor(page, (t) => window.newsmark.text() === t && document.getElementById("article").dataset.analyzed === "true", "the paste analyzed", expected);
    assert.deepEqual(await misplaced(), []);
    await page.keyboard.press("Control+Z");
    await waitFor(page, (t) => window.newsmark.editorText() === t, "the paste undone in one step", SAMPLE);
    // Backspace at the start of a line takes one line break; Enter puts one back.
    const lineStart = SAMPLE.indexOf("\n", 200) + 1;
    await placeCaret(page, lineStart);
    await page.keyboard.press("Backspace");
    expected = SAMPLE.slice(0, lineStart - 1) + SAMPLE.slice(lineStart);
    await waitFor(page, (t) => window.newsmark.editorText() === t, "the lines joined", expected);
    await page.keyboard.press("Enter");
    await waitFor(page, (t) => window.newsmark.editorText() === t, "the line split again", SAMPLE);
    await page.keyboard.type("Joe Biden spoke. ");
    expected = SAMPLE.slice(0, lineStart) + "Joe Biden spoke. " + SAMPLE.slice(lineStart);
    await waitFor(page, (t) => window.newsmark.text() === t && document.getElementById("article").dataset.analyzed === "true", "the typing analyzed", expected);
    assert.deepEqual(await misplaced(), []);
    await close(page);
  });

  test("the word being typed is not relabelled until a word boundary", async () => {
    const page = await open();
    await loadSample(page);
    await waitFor(page, () => window.newsmark.quick.analyzer != null, "the quick analyzer", undefined, 30_000);
    await page.evaluate(() => {
      window.__labels = [];
      new MutationObserver(() => {
        const text = window.newsmark.text();
        const from = text.lastIndexOf(" Wash") >= 0 ? text.lastIndexOf(" W") + 1 : -1;
        if (from < 0) return;
        window.__labels.push(window.newsmark.spans().filter((s) => s.start <= from && s.end > from).map((s) => s.kind).join(","));
      }).observe(document.getElementById("article"), { attributes: true, attributeFilter: ["data-revision"] });
    });
    await placeCaret(page, SAMPLE.trimEnd().length);
    await page.keyboard.type(" Officials flew to Washington", { delay: 25 });
    await settled(page);
    const whileTyping = await page.evaluate(() => window.__labels.slice());
    assert.ok(whileTyping.length > 0);
    assert.ok(whileTyping.every((label) => label === "" || label === "quote"), `no label while typing the word: ${JSON.stringify(whileTyping)}`);
    await page.keyboard.type(".", { delay: 25 });
    await waitFor(
      page,
      () => window.newsmark.spans().some((s) => s.text === "Washington" && s.kind === "place"),
      "“Washington” labelled once the word is done",
    );
    await close(page);
  });

  test("a long article: what the editor's scrolling box shows is painted, far text is not, also after scrolling it", async () => {
    const page = await open();
    const long = Array.from({ length: 30 }, () => SAMPLE.trim()).join("\n\n"); // ~77,000 units
    await paste(page, long);
    /** Person ranges in view of the box, and far (over 6,000 px) above or below it. */
    const where = () =>
      page.evaluate(() => {
        const box = document.getElementById("editor-box").getBoundingClientRect();
        const rects = [...CSS.highlights.get("newsmark-person")].map((r) => r.getBoundingClientRect());
        return {
          ranges: rects.length,
          inView: rects.filter((r) => r.bottom > box.top && r.top < box.bottom).length,
          far: rects.filter((r) => r.bottom < box.top - 6000 || r.top > box.bottom + 6000).length,
        };
      });
    const top = await where();
    assert.ok(top.inView > 0 && top.far === 0, JSON.stringify(top));
    await page.evaluate(() => {
      const box = document.getElementById("editor-box");
      box.scrollTop = box.scrollHeight / 2;
    });
    await waitFor(
      page,
      () => {
        const box = document.getElementById("editor-box").getBoundingClientRect();
        return [...CSS.highlights.get("newsmark-person")].some((r) => {
          const rect = r.getBoundingClientRect();
          return rect.bottom > box.top && rect.top < box.bottom;
        });
      },
      "the middle painted",
    );
    const middle = await where();
    assert.ok(middle.inView > 0 && middle.far === 0, JSON.stringify(middle));
    await close(page);
  });

  test("typing keystrokes in the middle of a long text never leaves spans outside the text", async () => {
    const page = await open();
    const long = Array.from({ length: 8 }, () => SAMPLE.trim()).join("\n\n");
    await paste(page, long);
    await waitFor(page, () => window.newsmark.quick.analyzer != null, "the quick analyzer", undefined, 30_000);
    await placeCaret(page, Math.floor(long.length / 2));
    await page.evaluate(() => {
      window.__bad = [];
      const article = document.getElementById("article");
      new MutationObserver(() => {
        const text = window.newsmark.text();
        for (const span of window.newsmark.spans()) {
          if (span.end > text.length || text.slice(span.start, span.end) !== span.text) window.__bad.push(span);
        }
        if (window.newsmark.editorText() !== text) window.__bad.push("the analysis shown is not of the editor's text");
      }).observe(article, { attributes: true, attributeFilter: ["data-revision"] });
    });
    await page.keyboard.type("Mr. Obama said on Monday: “We will go to Berlin.”\n\nNew paragraph ", { delay: 15 });
    for (let i = 0; i < 18; i++) await page.keyboard.press("Backspace");
    await page.keyboard.press("Control+End");
    await page.keyboard.type("\nThe end, said Merkel", { delay: 15 });
    await settled(page);
    assert.deepEqual(await page.evaluate(() => window.__bad.slice(0, 5)), []);
    assert.ok(
      await page.evaluate(() => window.newsmark.spans().some((s) => s.kind === "person" && s.text === "Obama")),
      "the typed name is highlighted",
    );
    await close(page);
  });
});
