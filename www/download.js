// The export buttons: the analysis of the kinds shown, copied or downloaded, each file named after
// the article's headline ("putin-says-talks-will-go-on.json").
import { toCsv, toDisplacy, toJson } from "./exports.js";
import { clip, messageOf } from "./kinds.js";

/** The headline: the text's first non-blank line. */
export function headline(text) {
  return (text.split("\n").find((line) => line.trim()) ?? "").trim();
}

/** A file name's base from the headline: lower-case words joined by "-", at most ~60 characters. */
export function fileBase(text) {
  const words = headline(text)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];
  let base = "";
  for (const word of words) {
    if (base && base.length + word.length + 1 > 60) break;
    base = base ? `${base}-${word}` : word.slice(0, 60);
  }
  return base || "article";
}

export const EXPORTS = {
  "copy-json": { make: toJson, copy: true, what: "The analysis (JSON)" },
  "download-json": { make: toJson, suffix: ".json", type: "application/json" },
  "download-html": {
    make: (text, analysis) => toHtml(text, analysis, clip(headline(text), 80) || "Article"),
    suffix: ".html",
    type: "text/html",
  },
  "download-displacy": { make: toDisplacy, suffix: "-displacy.json", type: "application/json" },
  "download-csv": { make: toCsv, suffix: "-who-said-what.csv", type: "text/csv" },
};

let htmlAnalyzer = null;

/**
 * The standalone HTML page, rendered by the package (the renderer of the CLI's `highlight
 * --format html`), of the kinds shown, against the same reference date: the one the analysis was
 * given, or none so that the dateline's is found again.
 */
async function toHtml(text, analysis, title) {
  htmlAnalyzer ??= import("./newsmark/js/browser.js").then(({ createAnalyzer }) => createAnalyzer());
  const reference = analysis.referenceDate;
  return (await htmlAnalyzer).toHtml(text, {
    title,
    kinds: [...new Set(analysis.spans.map((span) => span.kind))],
    referenceDate: reference?.source === "option" ? reference.date : null,
  });
}

/** `current()` → { text, analysis } (of the kinds shown). */
export function wireExports(container, current, announce) {
  container.addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-export]");
    if (!button) return;
    const spec = EXPORTS[button.dataset.export];
    const { text, analysis } = current();
    let content;
    try {
      content = await spec.make(text, analysis);
    } catch (error) {
      announce(`Could not export: ${messageOf(error)}`);
      return;
    }
    if (spec.copy) {
      try {
        await navigator.clipboard.writeText(content);
        flash(button, "Copied");
        announce(`${spec.what} copied to the clipboard`);
      } catch (error) {
        flash(button, "Copy failed");
        announce(`Could not copy: ${messageOf(error)}`);
      }
      return;
    }
    const file = `${fileBase(text)}${spec.suffix}`;
    const url = URL.createObjectURL(new Blob([content], { type: `${spec.type};charset=utf-8` }));
    const link = document.createElement("a");
    link.href = url;
    link.download = file;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    announce(`Downloading ${file}`);
  });
}

function flash(button, message) {
  const label = button.querySelector(".export-label") ?? button;
  const before = label.dataset.label ?? label.textContent;
  label.dataset.label = before;
  label.textContent = message;
  setTimeout(() => (label.textContent = before), 1500);
}
