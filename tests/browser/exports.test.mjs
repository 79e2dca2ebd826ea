// Browser tests of what goes in and out of the page: the exports (JSON, HTML, displaCy, CSV)
// and dropped files. Needs `npm run build:site` first.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import {
  PAYLOAD, SAMPLE_DATE, articleText, close, dropFile, highlightTexts, open, setArticle, settled, useSite, waitFor,
} from "./support.mjs";

useSite();

/** Minimal RFC 4180 reader, for checking the CSV export. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 1;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

describe("newsmark page as a tool: exports and files", () => {
  test("exports: JSON (copy and download), HTML with escaped text, displaCy with code-point offsets, who-said-what CSV", async () => {
    const page = await open({ clipboard: true });
    const text =
      `😀 President Trump said Thursday he would meet Vladimir Putin in Budapest.\n` +
      `“We are ready, "truly" ready, for peace,” Trump said. ${PAYLOAD} & <b>more</b>\n`;
    await page.fill("#reference-date", SAMPLE_DATE);
    await setArticle(page, text);
    await settled(page);
    await waitFor(page, () => document.getElementById("reference-source").dataset.source === "option", "the chosen date applied");
    const analysis = { spans: await page.evaluate(() => window.newsmark.spans()) };
    assert.ok(analysis.spans.some((s) => s.kind === "quote"), "a quotation found");
    const pick = ({ kind, start, end, text }) => ({ kind, start, end, text });

    // Copy JSON: the text and the analysis.
    await page.click("[data-export=copy-json]");
    await waitFor(page, () => /copied/.test(document.getElementById("announce").textContent), "the copy announced");
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    assert.equal(copied.text, text);
    assert.deepEqual(copied.spans.map(pick), analysis.spans.map(pick));
    assert.deepEqual(copied.referenceDate, { date: SAMPLE_DATE, source: "option" });
    for (const span of copied.spans) assert.equal(text.slice(span.start, span.end), span.text);

    // Download JSON: the same.
    const json = await download(page, "[data-export=download-json]");
    // Named after the headline (the first line), not one name for every article.
    const base = "president-trump-said-thursday-he-would-meet-vladimir-putin";
    assert.equal(json.name, `${base}.json`);
    assert.deepEqual(JSON.parse(json.text), copied);

    // displaCy: code points, no overlaps, labels.
    const displacy = await download(page, "[data-export=download-displacy]");
    const doc = JSON.parse(displacy.text);
    assert.equal(doc.text, text);
    const points = [...text];
    const trump = doc.ents.find((e) => points.slice(e.start, e.end).join("") === "Trump");
    assert.ok(trump, JSON.stringify(doc.ents));
    assert.equal(trump.label, "PERSON");
    assert.equal(trump.start, text.indexOf("Trump") - 1, "the emoji counts as one code point");
    for (let i = 1; i < doc.ents.length; i += 1) assert.ok(doc.ents[i].start >= doc.ents[i - 1].end, "no overlaps");
    const expected = analysis.spans
      .filter((s) => s.kind !== "quote")
      .map((s) => `${s.text}`);
    assert.deepEqual(doc.ents.map((e) => points.slice(e.start, e.end).join("")), expected);
    assert.ok(doc.ents.every((e) => ["PERSON", "ORG", "PLACE", "MISC", "DATE", "TIME", "DURATION", "SET"].includes(e.label)));

    // CSV: quoted fields, doubled quotes, commas and line breaks kept.
    const csv = await download(page, "[data-export=download-csv]");
    assert.equal(csv.name, `${base}-who-said-what.csv`);
    const rows = parseCsv(csv.text);
    assert.deepEqual(rows[0], ["speaker", "speaker_entity", "cue", "quote", "start", "end", "type"]);
    const quotes = analysis.spans.filter((s) => s.kind === "quote");
    assert.equal(rows.length, 1 + quotes.length);
    // The rows add up to the legend's count; those said by someone are the sidebar's.
    assert.equal(Number(await page.textContent("#legend .toggle[data-kind=quote] .toggle-count")), quotes.length);
    const speech = rows.slice(1).filter((r) => r[6] === "speech").length;
    assert.equal(await page.locator("#quotes button.row").count(), speech);
    const row = rows.find((r) => r[3].includes("truly"));
    assert.ok(row, csv.text);
    assert.equal(row[3], quotes.find((q) => q.text.includes("truly")).text, "the quotation exactly");
    assert.equal(row[0], "Trump");
    assert.equal(row[2], "said");
    assert.match(csv.text, /""truly""/);

    // HTML: a page of marks; the payload stays text.
    const html = await download(page, "[data-export=download-html]");
    assert.equal(html.name, `${base}.html`);
    assert.ok(!html.text.includes("<script>window.__pwned"), "no raw script");
    assert.ok(!html.text.includes("<img"), "no raw img");
    assert.ok(html.text.includes("&lt;script&gt;"), "escaped");
    const view = await page.context().newPage();
    await view.route("**/*", (route) => route.abort());
    const dialogs = [];
    view.on("dialog", (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await view.setContent(html.text);
    // The package's renderer, the CLI's `highlight --format html`: the text in <article>.
    const shown = await view.evaluate(() => ({
      text: document.querySelector("article").textContent,
      marks: [...document.querySelectorAll("article mark")].map((m) => [m.className, m.textContent]),
      elements: document.querySelectorAll("article *:not(mark)").length,
      pwned: typeof window.__pwned,
    }));
    assert.equal(shown.text, text, "the article's text, unchanged");
    assert.equal(shown.elements, 0);
    assert.equal(shown.pwned, "undefined");
    assert.deepEqual(dialogs, []);
    assert.ok(shown.marks.some(([c, t]) => c === "person" && t === "Trump"), JSON.stringify(shown.marks));
    assert.ok(shown.marks.some(([c, t]) => c === "quote" && t.includes("truly")));
    await view.close();

    // Exports follow the legend: hidden kinds are left out.
    await page.click("#legend .toggle[data-kind=person]");
    const filtered = await download(page, "[data-export=download-displacy]");
    assert.ok(!JSON.parse(filtered.text).ents.some((e) => e.label === "PERSON"));
    const filteredHtml = await download(page, "[data-export=download-html]");
    const article = filteredHtml.text.slice(filteredHtml.text.indexOf("<article>"));
    assert.doesNotMatch(article, /<mark class="person"/);
    assert.match(article, /<mark class="quote"/);
    await close(page);
  });

  test("dropping a .txt or .html file loads its text; HTML is parsed inertly, scripts never run", async () => {
    const page = await open();
    const requests = [];
    page.on("request", (request) => requests.push(request.url()));
    const drop = (name, type, content) => dropFile(page, name, type, content);

    const plain = "President Trump said Thursday he would meet Vladimir Putin in Budapest.";
    assert.deepEqual(await drop("story.txt", "text/plain", plain), { overPrevented: true, dropPrevented: true });
    await waitFor(page, (t) => window.newsmark.editorText() === t, "the .txt in the textarea", plain);
    await settled(page);
    assert.ok((await highlightTexts(page, "place")).includes("Budapest"));

    const html = `<!doctype html><html><head><title>Ignored title</title><style>p { color: red }</style>
<script>window.__pwned = 1; alert("script")</script></head>
<body><nav>Home | World</nav><article><h1>Putin and Trump to meet</h1>
<p>BUDAPEST — Hungarian officials said on <b>Friday</b> that the summit&nbsp;would go ahead.</p>
<img src="https://tracker.invalid/pixel.gif" onerror="window.__pwned = 2; alert('img')">
<p>“We are ready,” Viktor Orbán said.<br>More soon.</p><script>window.__pwned = 3</script></article></body></html>`;
    await drop("story.html", "text/html", html);
    const expected = "Putin and Trump to meet\n\nBUDAPEST — Hungarian officials said on Friday that the summit would go ahead.\n\n“We are ready,” Viktor Orbán said.\nMore soon.";
    await waitFor(page, (t) => window.newsmark.editorText() === t, "the HTML's text in the textarea", expected);
    await settled(page);
    assert.ok((await highlightTexts(page, "quote")).some((q) => q.startsWith("“We are ready")));
    assert.equal(await page.evaluate(() => typeof window.__pwned), "undefined");
    assert.deepEqual(page.problems.dialogs, []);
    assert.ok(!requests.some((url) => url.includes("tracker.invalid")), "nothing in the file was fetched");
    assert.equal(await page.locator("img").count(), 0);

    // Anything else is refused with a message.
    await drop("photo.png", "image/png", "\x89PNG");
    await waitFor(page, () => document.getElementById("drop-hint").dataset.state === "error", "a refusal");
    assert.match(await page.textContent("#drop-hint"), /photo\.png.*not a \.txt or \.html/);
    assert.equal(await articleText(page), expected, "the article is kept");
    await close(page);
  });
});
