// Files dropped anywhere on the page: a .txt or .html file's text replaces the article. HTML is
// parsed by a detached DOMParser document (scripts never run, nothing loads) and only its text is
// kept. Text dragged from elsewhere into the editor is the editor's own (editor.js).
import { messageOf } from "./kinds.js";

const MAX_FILE_BYTES = 50 * 1024 * 1024;
const BLOCKS = "p, div, section, article, header, footer, aside, main, h1, h2, h3, h4, h5, h6, li, blockquote, pre, tr, figcaption, dd, dt, hr, table, ul, ol";

const isFileDrag = (event) => [...(event.dataTransfer?.types ?? [])].includes("Files");

/** `load(text, name)` gets a dropped file's text; `fail(message)` a refusal. */
export function wireDrops(load, fail) {
  document.addEventListener("dragover", (event) => {
    if (!isFileDrag(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    document.body.classList.add("is-dragging");
  });
  document.addEventListener("dragleave", (event) => {
    if (event.relatedTarget == null) document.body.classList.remove("is-dragging");
  });
  // Captured: a file dropped on the editor is the page's to load, not the editor's to insert.
  document.addEventListener(
    "drop",
    async (event) => {
      if (!isFileDrag(event)) return;
      event.preventDefault();
      event.stopPropagation();
      document.body.classList.remove("is-dragging");
      const file = event.dataTransfer.files[0];
      if (!file) return;
      const html = /\.x?html?$/i.test(file.name) || /html/.test(file.type);
      const plain = /\.(txt|text|md)$/i.test(file.name) || file.type.startsWith("text/");
      if (!html && !plain) return fail(`“${file.name}” is not a .txt or .html file.`);
      if (file.size > MAX_FILE_BYTES) return fail(`“${file.name}” is larger than 50 MB.`);
      try {
        const raw = await file.text();
        load(html ? textOfHtml(raw) : raw.replace(/^\uFEFF/, ""), file.name);
      } catch (error) {
        fail(`Could not read “${file.name}”: ${messageOf(error)}`);
      }
    },
    true,
  );
}

/**
 * The readable text of an HTML document. Parsed by DOMParser into an inert document (scripts
 * never run, nothing loads, nothing enters this page's DOM); line breaks kept at blocks.
 */
export function textOfHtml(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  for (const element of doc.querySelectorAll("script, style, noscript, template, iframe, object, svg, head, nav")) {
    element.remove();
  }
  const root = doc.querySelector("article") ?? doc.body ?? doc.documentElement;
  if (!root) return "";
  for (const br of root.querySelectorAll("br")) br.replaceWith("\n");
  for (const block of root.querySelectorAll(BLOCKS)) {
    block.before("\n\n");
    block.after("\n\n");
  }
  return root.textContent
    .replace(/[ \t\f\v\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
